import re
import time
from contextlib import contextmanager
from decimal import Decimal
from fractions import Fraction

import openpyxl
import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from appraisal.models import EvaluationPeriod
from appraisal.rules.ratings import round_half_up
from appraisal.tests import factories as plans
from e2e.conftest import PHONE, TIMEOUT_MS, open_from_menu, screenshot, sign_in, watch
from surveys.ikm import CONVERSION, ELEMENTS
from surveys.models import ReviewStatus, SurveyAnswer, SurveyLink, SurveyResponse
from surveys.skm import abuse
from surveys.skm.questionnaires import link_create
from surveys.tests import factories as catalogue

pytestmark = pytest.mark.e2e

PASSWORD = "rahasia-uji-123"
SERVICES = reverse("surveys:service_list")
OVERVIEW = reverse("surveys:skm_overview")
SERVICE_NAME = "Penerbitan KTP-el"
COUNTER = "Loket 2"
# Non-uniform answers, so that every NRR tells which answer it came from: IKM 28/9, converted 77.78 (B).
ANSWERS = {"U1": 4, "U2": 3, "U3": 2, "U4": 4, "U5": 3, "U6": 4, "U7": 4, "U8": 1, "U9": 3}
LABELS = {element.code: element.labels for element in ELEMENTS}
SUGGESTION = "Mohon tambah kursi di ruang tunggu loket perekaman KTP-el."
AGE, AGE_VALUE = "30–39", "30-39"
SEX, SEX_VALUE = "Female", "f"


def _english(page, live_server):
    """The journeys read the interface in English: the language cookie the footer switch sets."""
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])


def _click(page, locator):
    with page.expect_navigation():
        locator.click()


def _fits(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.evaluate("window.innerWidth"), f"the page is {width}px wide on {page.url}"


def _number(text):
    """A figure as the page shows it, whichever decimal separator the language uses."""
    value = "".join(text.split())
    if "," in value and "." in value:
        thousands = "," if value.rindex(".") > value.rindex(",") else "."
        value = value.replace(thousands, "")
    return Decimal(value.replace(",", "."))


def _number_in_cell(value):
    return Decimal(str(value))


def _rows_by_label(sheet):
    """{label in column A: row number}, the first row of each label."""
    found = {}
    for row in range(1, sheet.max_row + 1):
        label = sheet.cell(row=row, column=1).value
        if isinstance(label, str):
            found.setdefault(label, row)
    return found


@pytest.fixture(autouse=True)
def _no_posts_counted():
    """The form-post limit counts per address in the shared cache: start with none counted."""
    for address in ("127.0.0.1", "::1"):
        abuse.post_rate_reset(address)


@contextmanager
def _phone_page_answered_409(browser, base_url):
    """A phone page that may be answered 409 by the survey form: the browser logs that status as a
    console error, which is expected there and nowhere else; every other problem still fails."""
    context = browser.new_context(locale="id-ID", base_url=base_url, **PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    problems = watch(page)
    yield page
    context.close()
    conflict = re.compile(
        r"console error on [^ ]+/s/[\w-]+/: Failed to load resource: the server responded with a status of "
        r"409 \(Conflict\)"
    )
    others = [problem for problem in problems if not conflict.fullmatch(problem)]
    assert not others, "The page reported problems:\n" + "\n".join(others)


@pytest.fixture
def replay_page(browser, live_server, django_db_serialized_rollback):
    with _phone_page_answered_409(browser, live_server.url) as page:
        yield page


@pytest.fixture
def service(org):
    """A service of Bidang A and the agency's performance year with its quarterly periods, which make
    the results page's period choices."""
    plans.performance_year(org.agency, year=timezone.localdate().year)
    return catalogue.service(unit_obj=org.bidang_a, code="KTP-EL", name=SERVICE_NAME)


def _make_link_as_hr(page, live_server, org, service):
    """HR makes a link for Loket 2 and Staf A from the service's survey page and opens its A4 poster;
    returns the link and the short address the poster prints under its QR code."""
    sign_in(page, org.hr.username, PASSWORD)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    open_from_menu(page, SERVICES)
    expect(page.locator("main h1")).to_have_text("Service catalogue")
    row = page.locator("main tbody tr", has_text=SERVICE_NAME)
    _click(page, row.get_by_role("link", name=f"Survey {SERVICE_NAME}"))
    expect(page.locator("main h1")).to_have_text(f"Satisfaction survey (SKM): {SERVICE_NAME}")
    expect(page.locator("main")).to_contain_text("No links yet.")

    _click(page, page.locator("main").get_by_role("link", name="New link", exact=True))
    expect(page.locator("main h1")).to_have_text(f"New survey link: {SERVICE_NAME}")
    form = page.locator("main form[method=post]")
    form.get_by_label("Counter").fill(COUNTER)
    form.get_by_label("Officer").select_option(label=f"{org.staff_a.full_name} · {org.staff_a.nip}")
    _click(page, form.locator("button[type=submit]"))
    expect(page.locator("main > .alert[role=status]")).to_have_text(
        "The link was made. Print its poster for the counter."
    )
    link = SurveyLink.objects.get(service=service)
    assert (link.counter, link.officer, link.created_by) == (COUNTER, org.staff_a, org.hr)
    row = page.locator("main tbody tr", has=page.locator(f"#skm-link-{link.pk}"))
    short_url = f"{live_server.url}/s/{link.token}/"
    expect(row.locator("th")).to_have_text(f"{COUNTER} · {org.staff_a.name}")
    expect(row.locator("code.skm-url")).to_have_text(short_url)
    expect(row.locator(".badge")).to_have_text("Open")

    _click(page, row.get_by_role("link", name="Poster"))
    poster = page.locator("main .skm-poster")
    expect(poster.locator(".skm-poster-agency")).to_have_text(org.agency.name)
    expect(poster.locator(".skm-poster-service")).to_have_text(SERVICE_NAME)
    expect(poster.locator(".skm-poster-where")).to_have_text(f"{COUNTER} · Served by {org.staff_a.full_name}")
    qr = poster.locator("img.skm-poster-qr")
    expect(qr).to_be_visible()
    expect(qr).to_have_js_property("complete", True)
    assert qr.evaluate("img => img.naturalWidth") > 0, "the QR code did not load"
    _fits(page)
    screenshot(page, "skm-poster-desktop")
    expect(poster.locator(".skm-poster-url")).to_have_text(short_url)
    expect(qr).to_have_attribute("alt", f"QR code of the survey address {short_url}")
    return link, poster.locator(".skm-poster-url").inner_text()


def _answer(page, answers):
    for code, value in answers.items():
        question = page.locator(f"#q-{code}")
        question.get_by_role("radio", name=LABELS[code][value - 1], exact=True).check()


def _fill_in_as_citizen(page, org, short_url):
    """The citizen scans the poster's QR code: the phone opens its address. Answers the nine
    elements, part of the profile and a suggestion, and sends them after the minimum fill time."""
    page.goto(short_url)
    shown_at = time.monotonic()
    expect(page.locator("h1")).to_have_text("Public satisfaction survey")
    expect(page.locator("header .agency")).to_have_text(org.agency.name)
    expect(page.locator("main .svc")).to_have_text(f"{SERVICE_NAME} · {COUNTER}")
    expect(page.locator("main .officer")).to_have_text(f"Served by {org.staff_a.full_name}")
    expect(page.locator("main fieldset.q")).to_have_count(len(ELEMENTS))
    for code in ("U6", "U7"):
        expect(page.locator(f"#q-{code} .about")).to_have_text(
            f"About the officer who served you: {org.staff_a.full_name}"
        )
    _answer(page, ANSWERS)
    page.locator("main details.more summary").click()
    page.get_by_label("Age", exact=True).select_option(label=AGE)
    page.get_by_label("Sex", exact=True).select_option(label=SEX)
    page.get_by_label("Suggestions and feedback").fill(SUGGESTION)
    _fits(page)
    screenshot(page, "skm-form-phone")

    # Forms sent faster than SKM_MIN_FILL_SECONDS after they were shown are flagged and left out of
    # the IKM; a citizen takes longer than that, so the journey does too.
    remaining = django_settings.SKM_MIN_FILL_SECONDS + 0.3 - (time.monotonic() - shown_at)
    if remaining > 0:
        page.wait_for_timeout(remaining * 1000)
    _click(page, page.get_by_role("button", name="Send answers"))
    expect(page).to_have_url(f"{short_url}thanks/")
    expect(page.locator("h1")).to_have_text("Thank you!")
    expect(page.locator("main")).to_contain_text(
        f"Your answers have been recorded. They help us improve the service {SERVICE_NAME}."
    )
    _fits(page)
    screenshot(page, "skm-thanks-phone")


def _open_results(page, service, period):
    """Survey results (SKM) from the menu, then the service's row, in the period holding today."""
    open_from_menu(page, OVERVIEW)
    expect(page.locator("main h1")).to_have_text("Survey results (SKM)")
    row = page.locator(f"main tr[data-service='{service.pk}']")
    expect(row.locator("td").first).to_have_text("1")
    _click(page, row.get_by_role("link", name=SERVICE_NAME))
    expect(page.locator("main h1")).to_have_text(SERVICE_NAME)
    expect(page.locator("#id_period option:checked")).to_have_text(period.name)
    expect(page.locator("main h1 + p")).to_contain_text(period.name)


def _shown_results(page):
    """The figures the results page shows, as numbers."""
    main = page.locator("main")
    nrr, weighted = {}, {}
    for code in ANSWERS:
        row = main.locator(f"tr[data-code='{code}']")
        nrr[code] = _number(row.locator(".skm-nrr").inner_text())
        weighted[code] = _number(row.locator(".skm-weighted").inner_text())
    ikm_cell = main.locator("table.skm-elements tfoot tr").first.locator("td").last
    return {
        "respondents": int(main.locator("#skm-respondents").inner_text()),
        "converted": _number(main.locator("#skm-converted").inner_text()),
        "mutu": main.locator("#skm-converted + p .badge.mutu").inner_text().strip(),
        "ikm": _number(ikm_cell.inner_text()),
        "nrr": nrr,
        "weighted": weighted,
    }


def _check_workbook(path, shown, org):
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Rekap", "Data", "Saran"]

    rekap = book["Rekap"]
    rows = _rows_by_label(rekap)
    assert rekap.cell(rows["Service"], 2).value == SERVICE_NAME
    assert rekap.cell(rows["Respondents"], 2).value == shown["respondents"]
    codes_row = rows["Element"]
    codes = {rekap.cell(codes_row, column).value: column for column in range(2, rekap.max_column + 1)}
    assert set(codes) == set(ANSWERS)
    for label, key in (("NRR per element", "nrr"), ("Weighted NRR (NRR tertimbang)", "weighted")):
        row = rows[label]
        assert {code: _number_in_cell(rekap.cell(row, column).value) for code, column in codes.items()} == (
            shown[key]
        ), label
    result = rows["Result"]
    after = {rekap.cell(row, 1).value: rekap.cell(row, 2).value for row in range(result + 1, result + 5)}
    assert _number_in_cell(after["IKM"]) == shown["ikm"]
    assert _number_in_cell(after["Converted IKM (IKM × 25)"]) == shown["converted"]
    assert after["Mutu"] == shown["mutu"]
    assert after["Kinerja unit pelayanan"] == "Baik"

    data = book["Data"]
    heads = [cell.value for cell in data[1]]
    answer = dict(zip(heads, (cell.value for cell in data[2]), strict=True))
    assert answer["No."] == 1
    assert answer["Officer"] == org.staff_a.full_name
    assert (answer["Age"], answer["Sex"], answer["Education"], answer["Occupation"]) == (AGE, SEX, None, None)
    assert {code: answer[code] for code in ANSWERS} == ANSWERS
    numbers = [row[0] for row in data.iter_rows(min_row=2, values_only=True) if isinstance(row[0], int)]
    assert numbers == [1], "the one response is the only row of answers"

    saran = book["Saran"]
    assert saran.cell(2, 3).value == SUGGESTION


def test_it_takes_a_citizens_answer_from_the_qr_poster_to_the_results_and_their_xlsx(
    page, phone_page, live_server, org, service, tmp_path
):
    _english(page, live_server)
    _english(phone_page, live_server)
    today = timezone.localdate()
    period = EvaluationPeriod.objects.get(year__agency=org.agency, starts_on__lte=today, ends_on__gte=today)

    link, short_url = _make_link_as_hr(page, live_server, org, service)
    _fill_in_as_citizen(phone_page, org, short_url)

    response = SurveyResponse.objects.get(link=link)
    assert response.review_status == ReviewStatus.CLEAN, response.flag_reasons
    assert response.fill_seconds >= django_settings.SKM_MIN_FILL_SECONDS
    assert (response.officer, response.age_band, response.sex) == (org.staff_a, AGE_VALUE, SEX_VALUE)
    assert (response.education, response.occupation, response.suggestion) == ("", "", SUGGESTION)
    stored = dict(response.answers.values_list("element__code", "value"))
    assert stored == ANSWERS

    # HR reads the answer in the results of the period holding today.
    _open_results(page, service, period)
    shown = _shown_results(page)
    ikm = Fraction(sum(ANSWERS.values()), len(ANSWERS))
    assert shown == {
        "respondents": 1,
        "converted": round_half_up(ikm * CONVERSION, 2),
        "mutu": "B",
        "ikm": round_half_up(ikm, 3),
        "nrr": {code: round_half_up(Fraction(value), 3) for code, value in ANSWERS.items()},
        "weighted": {code: round_half_up(Fraction(value, 9), 3) for code, value in ANSWERS.items()},
    }
    main = page.locator("main")
    expect(main.locator("#skm-mutu-label")).to_have_text("B · Good (Baik)")
    expect(main.locator(".skm-chart-row")).to_have_count(len(ANSWERS))
    officer = main.locator(f"tr[data-officer='{org.staff_a.pk}']")
    expect(officer.locator("td")).to_have_text(["1", "4.000", "4.000"])
    expect(main.locator("#profile-heading")).to_have_text("Respondents' profile")
    _fits(page)
    screenshot(page, "skm-results-desktop")

    with page.expect_download() as download:
        main.get_by_role("link", name="Export XLSX").click()
    assert download.value.suggested_filename == (
        f"skm-KTP-EL-{period.starts_on:%Y%m%d}-{period.ends_on:%Y%m%d}.xlsx"
    )
    workbook = tmp_path / download.value.suggested_filename
    download.value.save_as(workbook)
    _check_workbook(workbook, shown, org)

    _click(page, main.get_by_role("link", name=re.compile(r"^Suggestions")))
    expect(page.locator("main h1")).to_have_text("Citizens' suggestions")
    expect(page.locator("#id_service option:checked")).to_have_text(re.compile(SERVICE_NAME))
    card = page.locator(f"main #suggestion-{response.pk}")
    expect(card.locator("p.mb-2").first).to_have_text(SUGGESTION)
    expect(card).to_contain_text(SERVICE_NAME)
    expect(card.locator(".badge")).to_have_text("New")
    _fits(page)

    # The same results on HR's phone, through the collapsed menu.
    sign_in(phone_page, org.hr.username, PASSWORD)
    _open_results(phone_page, service, period)
    assert _shown_results(phone_page) == shown
    _fits(phone_page)
    screenshot(phone_page, "skm-results-phone")


def _send_at_once(page, org, service):
    """A citizen answers the form of a new link and sends it at once; returns the link, the form's
    address and the page as it was shown (body and headers)."""
    link = link_create(service=service, by=org.hr, officer=org.staff_a, counter=COUNTER)
    form_url = reverse("skm:form", args=[link.token])
    shown = page.goto(form_url)
    sent = {"body": shown.body(), "headers": shown.headers}
    _answer(page, ANSWERS)
    _click(page, page.get_by_role("button", name="Send answers"))
    expect(page.locator("h1")).to_have_text("Thank you!")
    assert SurveyResponse.objects.filter(link=link).count() == 1
    return link, form_url, sent


def test_it_refuses_the_same_form_sent_again_after_going_back(
    replay_page, live_server, org, service, settings
):
    """Back shows the form as it was sent, as a browser that keeps pages in its back-forward cache
    does (Playwright's chromium has that cache switched off, so the page it had is handed back to it);
    sending it again is refused. The time taken does not decide the refusal, so the journey sends at
    once."""
    settings.SKM_MIN_FILL_SECONDS = 0
    page = replay_page
    _english(page, live_server)
    link, form_url, sent = _send_at_once(page, org, service)

    def as_it_was_shown(route):
        if route.request.method == "GET":
            route.fulfill(status=200, **sent)
        else:
            route.fallback()

    page.route(live_server.url + form_url, as_it_was_shown)
    page.go_back()
    expect(page).to_have_url(live_server.url + form_url)
    nonce = abuse.nonce_read(page.locator("input[name=nonce]").input_value())
    assert nonce.key == SurveyResponse.objects.get(link=link).nonce, "Back shows the form that was sent"
    _answer(page, ANSWERS)

    with page.expect_navigation() as refused:
        page.get_by_role("button", name="Send answers").click()
    assert refused.value.status == 409
    expect(page.locator("h1")).to_have_text("These answers were already sent")
    expect(page.locator("main")).to_contain_text(
        "This form was sent before and your answers were recorded once. Thank you!"
    )
    expect(page.get_by_role("link", name="Answer for another person")).to_have_attribute("href", form_url)
    _fits(page)
    screenshot(page, "skm-already-sent-phone")
    assert SurveyResponse.objects.filter(link=link).count() == 1
    assert SurveyAnswer.objects.filter(response__link=link).count() == len(ANSWERS)


def test_it_shows_an_empty_form_after_going_back_so_nothing_is_sent_twice_by_accident(
    replay_page, live_server, org, service, settings
):
    """The form is served no-store and autocomplete off: Back fetches a fresh form and the browser
    does not restore the answers, so pressing Send again cannot store the same answers twice."""
    settings.SKM_MIN_FILL_SECONDS = 0
    page = replay_page
    _english(page, live_server)
    link, form_url, _sent = _send_at_once(page, org, service)
    page.go_back()
    expect(page).to_have_url(live_server.url + form_url)
    expect(page.locator(f"#q-U1 input[value='{ANSWERS['U1']}']")).not_to_be_checked()
    page.get_by_role("button", name="Send answers").click()
    expect(page).to_have_url(live_server.url + form_url)
    assert SurveyResponse.objects.filter(link=link).count() == 1
