"""The SKP screens: the owner's journey, the rater's review, what other roles get, and query counts."""

from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.tests import factories as staff_factories
from appraisal.models import Indicator, Rhk, Skp, SkpEvent, SkpStatus
from appraisal.services import skp as services
from appraisal.tests import factories

BACKEND = "accounts.backends.NipOrUsernameBackend"
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _login(client, user):
    client.force_login(user, backend=BACKEND)
    return client


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def year(org):
    return factories.performance_year(org.agency, with_periods=False)


@pytest.fixture
def boss_rhk(org, year):
    return factories.rhk(factories.skp(org.kabid_a, year), text="Meningkatnya cakupan KTP-el")


@pytest.fixture
def plan(org, year):
    return services.skp_start(staff=org.staff_a, year=year, approach="quantitative")


def _complete(skp, boss_rhk):
    rhk = services.rhk_add(skp=skp, kind="main", text="Terverifikasinya berkas KTP-el", supports=boss_rhk)
    services.indicator_add(
        rhk=rhk, text="Jumlah berkas", aspect="quantity", target_value=Decimal("1200"), target_unit="berkas"
    )
    return rhk


@pytest.fixture
def submitted(org, plan, boss_rhk):
    _complete(plan, boss_rhk)
    return services.skp_submit(skp=plan, by=org.staff_a.user)


@pytest.fixture
def approved(org, submitted):
    return services.skp_approve(skp=submitted, by=org.kabid_a.user)


def _url(name, skp, **kwargs):
    return reverse(f"appraisal:{name}", kwargs={"pk": skp.pk, **kwargs})


# --- The owner's journey ----------------------------------------------------------------------------


def test_it_starts_my_plan_from_my_skp_page_once(client, org, year):
    _login(client, org.staff_a.user)
    page = client.get(reverse("appraisal:skp_mine"), **EN)
    assert "Start your plan for 2026" in page.content.decode()

    response = client.post(reverse("appraisal:skp_mine"), {"approach": "qualitative"})
    skp = Skp.objects.get(staff=org.staff_a)
    assert response.status_code == 302
    assert response.url == _url("skp_detail", skp)
    assert skp.approach == "qualitative"

    again = client.post(reverse("appraisal:skp_mine"), {"approach": "quantitative"})
    assert again.status_code == 302
    assert Skp.objects.filter(staff=org.staff_a).count() == 1
    assert "Open my plan" in client.get(reverse("appraisal:skp_mine"), **EN).content.decode()


def test_it_says_when_no_performance_year_is_open(client, org):
    _login(client, org.staff_a.user)
    page = client.get(reverse("appraisal:skp_mine"), **EN)
    assert "HR has not opened a performance year" in page.content.decode()


def test_it_walks_the_owner_through_writing_and_submitting(client, org, plan, boss_rhk):
    _login(client, org.staff_a.user)
    form = client.get(_url("skp_rhk_add", plan), **EN).content.decode()
    assert boss_rhk.text in form  # the supervisor's results are offered

    response = client.post(
        _url("skp_rhk_add", plan), {"kind": "main", "text": "Terlayaninya perekaman", "supports": boss_rhk.pk}
    )
    rhk = Rhk.objects.get(skp=plan)
    assert response.status_code == 302
    assert response.url.endswith(f"#rhk-{rhk.pk}")
    assert rhk.supports == boss_rhk

    response = client.post(
        _url("skp_indicator_add", plan, rhk_pk=rhk.pk),
        {"text": "Jumlah perekaman", "aspect": "quantity", "target_value": "1500", "target_unit": "orang"},
    )
    assert response.status_code == 302
    assert Indicator.objects.get(rhk=rhk).target_value == Decimal("1500")

    response = client.post(
        _url("skp_annex", plan),
        {
            "resource_support": "Alat perekaman",
            "accountability_scheme": "Laporan bulanan",
            "consequences": "",
        },
    )
    assert response.status_code == 302

    response = client.post(_url("skp_submit", plan))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == SkpStatus.SUBMITTED

    page = client.get(_url("skp_detail", plan), **EN).content.decode()
    assert "Terlayaninya perekaman" in page
    assert boss_rhk.text in page  # the supported superior result under the own one
    assert "1500 orang" in page
    assert "Alat perekaman" in page
    assert "Submitted" in page
    assert "Add work result" not in page


def test_it_shows_why_an_incomplete_plan_cannot_be_submitted(client, org, plan):
    services.rhk_add(skp=plan, kind="main", text="Hasil tanpa indikator")
    _login(client, org.staff_a.user)
    response = client.post(_url("skp_submit", plan), **EN)
    assert response.status_code == 302
    text = " ".join(_messages(response))
    assert "needs at least one indicator" in text
    assert "is not linked to a result of your supervisor" in text
    plan.refresh_from_db()
    assert plan.status == SkpStatus.DRAFT
    assert not SkpEvent.objects.exists()


def test_it_refuses_a_link_outside_the_supervisors_plan_posted_by_hand(client, org, year, plan):
    foreign = factories.rhk(factories.skp(org.staff_a2, year))
    _login(client, org.staff_a.user)
    response = client.post(
        _url("skp_rhk_add", plan), {"kind": "main", "text": "Hasil", "supports": foreign.pk}, **EN
    )
    assert response.status_code == 200
    assert "not in your supervisor&#x27;s plan" in response.content.decode()
    assert not Rhk.objects.filter(skp=plan).exists()


def test_it_refuses_a_zero_target_on_the_form(client, org, plan, boss_rhk):
    rhk = services.rhk_add(skp=plan, kind="main", text="Hasil", supports=boss_rhk)
    _login(client, org.staff_a.user)
    response = client.post(
        _url("skp_indicator_add", plan, rhk_pk=rhk.pk),
        {"text": "Jumlah", "aspect": "quantity", "target_value": "0", "target_unit": "berkas"},
    )
    assert response.status_code == 200
    assert not Indicator.objects.exists()


def test_it_asks_for_a_text_target_in_a_qualitative_plan(client, org, year, boss_rhk):
    skp = services.skp_start(staff=org.staff_a, year=year, approach="qualitative")
    rhk = services.rhk_add(skp=skp, kind="main", text="Hasil", supports=boss_rhk)
    _login(client, org.staff_a.user)
    page = client.get(_url("skp_indicator_add", skp, rhk_pk=rhk.pk)).content.decode()
    assert 'name="target_text"' in page
    assert 'name="target_value"' not in page
    response = client.post(
        _url("skp_indicator_add", skp, rhk_pk=rhk.pk), {"text": "Kualitas", "target_text": "Tanpa keluhan"}
    )
    assert response.status_code == 302
    assert Indicator.objects.get().target_text == "Tanpa keluhan"


def test_it_edits_and_removes_results_and_indicators(client, org, plan, boss_rhk):
    rhk = _complete(plan, boss_rhk)
    indicator = rhk.indicators.get()
    _login(client, org.staff_a.user)
    client.post(
        _url("skp_indicator_edit", plan, indicator_pk=indicator.pk),
        {"text": "Jumlah baru", "aspect": "time", "target_value": "12", "target_unit": "bulan"},
    )
    indicator.refresh_from_db()
    assert (indicator.text, indicator.aspect) == ("Jumlah baru", "time")
    client.post(_url("skp_rhk_edit", plan, rhk_pk=rhk.pk), {"kind": "additional", "text": "Diubah"})
    rhk.refresh_from_db()
    assert (rhk.kind, rhk.text, rhk.supports) == ("additional", "Diubah", None)
    assert client.post(_url("skp_indicator_remove", plan, indicator_pk=indicator.pk)).status_code == 302
    assert client.post(_url("skp_rhk_remove", plan, rhk_pk=rhk.pk)).status_code == 302
    assert not Rhk.objects.filter(skp=plan).exists()


def test_it_gives_404_for_a_result_of_another_plan(client, org, year, plan):
    other = factories.rhk(factories.skp(org.staff_a2, year))
    _login(client, org.staff_a.user)
    assert client.get(_url("skp_rhk_edit", plan, rhk_pk=other.pk)).status_code == 404
    assert client.post(_url("skp_rhk_remove", plan, rhk_pk=other.pk)).status_code == 404
    assert Rhk.objects.filter(pk=other.pk).exists()


# --- Approved plans change only through a revision -------------------------------------------------


def _state(skp):
    skp.refresh_from_db()
    return (
        skp.status,
        skp.resource_support,
        list(Rhk.objects.filter(skp=skp).values_list("text", "kind", "supports")),
        list(Indicator.objects.filter(rhk__skp=skp).values_list("text", "target_value")),
    )


def test_it_refuses_raw_posts_that_edit_an_approved_plan(client, org, approved, boss_rhk):
    rhk = approved.results.get()
    indicator = rhk.indicators.get()
    before = _state(approved)
    _login(client, org.staff_a.user)
    posts = [
        (_url("skp_rhk_add", approved), {"kind": "main", "text": "Baru", "supports": boss_rhk.pk}),
        (
            _url("skp_rhk_edit", approved, rhk_pk=rhk.pk),
            {"kind": "main", "text": "Ubah", "supports": boss_rhk.pk},
        ),
        (_url("skp_rhk_remove", approved, rhk_pk=rhk.pk), {}),
        (
            _url("skp_indicator_add", approved, rhk_pk=rhk.pk),
            {"text": "Baru", "aspect": "quantity", "target_value": "1", "target_unit": "x"},
        ),
        (
            _url("skp_indicator_edit", approved, indicator_pk=indicator.pk),
            {"text": "Ubah", "aspect": "quantity", "target_value": "2", "target_unit": "x"},
        ),
        (_url("skp_indicator_remove", approved, indicator_pk=indicator.pk), {}),
        (
            _url("skp_annex", approved),
            {"resource_support": "X", "accountability_scheme": "", "consequences": ""},
        ),
        (_url("skp_submit", approved), {}),
    ]
    for url, data in posts:
        response = client.post(url, data, **EN)
        shown = response.content.decode() if response.status_code == 200 else " ".join(_messages(response))
        assert response.status_code in (200, 302), url
        assert "Approved plans change only through a revision." in shown, url
    assert _state(approved) == before


def test_it_sends_the_owner_back_from_edit_forms_of_an_approved_plan(client, org, approved):
    _login(client, org.staff_a.user)
    response = client.get(_url("skp_rhk_add", approved), **EN)
    assert response.status_code == 302
    assert response.url == _url("skp_detail", approved)
    assert "Approved plans change only through a revision." in _messages(response)


def test_it_opens_a_revision_and_keeps_the_approved_version(client, org, approved, boss_rhk):
    _login(client, org.staff_a.user)
    empty = client.post(_url("skp_revision", approved), {"reason": "  "})
    assert empty.status_code == 302
    approved.refresh_from_db()
    assert approved.status == SkpStatus.APPROVED

    client.post(_url("skp_revision", approved), {"reason": "Tugas tambahan dari kepala dinas"})
    approved.refresh_from_db()
    assert (approved.status, approved.revision) == (SkpStatus.DRAFT, 1)
    client.post(
        _url("skp_rhk_edit", approved, rhk_pk=approved.results.get().pk),
        {"kind": "main", "text": "Hasil revisi", "supports": boss_rhk.pk},
    )
    assert approved.results.get().text == "Hasil revisi"

    history = client.get(_url("skp_history", approved), **EN).content.decode()
    assert "Revision 0" in history
    assert "Terverifikasinya berkas KTP-el" in history
    assert "Hasil revisi" not in history


# --- The rater's review -----------------------------------------------------------------------------


def test_it_shows_the_rater_exactly_the_review_controls(client, org, submitted):
    _login(client, org.kabid_a.user)
    page = client.get(_url("skp_detail", submitted), **EN).content.decode()
    assert "Approve the plan" in page
    assert "Return for changes" in page
    assert "Write expectations" in page
    assert "Add work result" not in page
    assert "Submit for approval" not in page
    assert client.get(_url("skp_rhk_add", submitted)).status_code == 403
    assert client.post(_url("skp_submit", submitted)).status_code == 403


def test_it_shows_the_owner_no_review_controls(client, org, submitted):
    _login(client, org.staff_a.user)
    page = client.get(_url("skp_detail", submitted), **EN).content.decode()
    assert "Approve the plan" not in page
    assert "waits for the rater" in page
    assert client.post(_url("skp_approve", submitted)).status_code == 403
    assert client.get(_url("skp_expectations", submitted)).status_code == 403


def test_it_lets_the_rater_return_with_a_comment_the_owner_then_reads(client, org, submitted):
    _login(client, org.kabid_a.user)
    refused = client.post(_url("skp_return", submitted), {"comment": ""}, **EN)
    assert refused.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == SkpStatus.SUBMITTED

    client.post(_url("skp_return", submitted), {"comment": "Target berkas terlalu rendah"})
    submitted.refresh_from_db()
    assert submitted.status == SkpStatus.RETURNED

    _login(client, org.staff_a.user)
    page = client.get(_url("skp_detail", submitted), **EN).content.decode()
    assert "Returned by Kabid A" in page
    assert "Target berkas terlalu rendah" in page
    assert "Submit for approval" in page


def test_it_lets_the_rater_write_expectations_and_approve(client, org, submitted):
    _login(client, org.kabid_a.user)
    response = client.post(
        _url("skp_expectations", submitted), {"berorientasi_pelayanan": "Ramah dan cepat", "loyal": ""}
    )
    assert response.status_code == 302
    assert submitted.expectations.get(value="berorientasi_pelayanan").expectation == "Ramah dan cepat"

    response = client.post(_url("skp_approve", submitted))
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == SkpStatus.APPROVED
    snapshot = submitted.events.get(kind="approved").snapshot
    assert snapshot["expectations"][0] == {
        "value": "berorientasi_pelayanan",
        "expectation": "Ramah dan cepat",
    }


def test_it_lets_the_plt_approve_for_the_retired_supervisor(client, org, year, boss_rhk):
    skp_b = services.skp_start(staff=org.staff_b, year=year, approach="quantitative")
    _complete(skp_b, boss_rhk)
    services.skp_submit(skp=skp_b, by=org.staff_b.user)
    _login(client, org.kabid_a.user)
    inbox = client.get(reverse("appraisal:skp_inbox")).content.decode()
    assert org.staff_b.name in inbox
    assert client.post(_url("skp_approve", skp_b)).status_code == 302
    skp_b.refresh_from_db()
    assert skp_b.status == SkpStatus.APPROVED


def test_it_refuses_the_rater_approving_a_draft(client, org, plan):
    _login(client, org.kabid_a.user)
    response = client.post(_url("skp_approve", plan), **EN)
    assert "Only a submitted plan can be returned or approved." in _messages(response)
    plan.refresh_from_db()
    assert plan.status == SkpStatus.DRAFT


# --- Other roles -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "read", "write", "review"),
    [
        ("staff_a2", 404, 404, 404),  # a colleague of the same unit
        ("head", 200, 403, 403),  # the supervisor's supervisor reads the chain below
        ("hr", 200, 403, 403),
        ("other_hr", 404, 404, 404),
        ("superadmin", 200, 403, 403),
        ("outsider", 404, 404, 404),
    ],
)
def test_it_gives_other_roles_exactly_their_access(client, org, submitted, who, read, write, review):
    user = getattr(org, who) if who in ("hr", "other_hr", "superadmin") else getattr(org, who).user
    _login(client, user)
    assert client.get(_url("skp_detail", submitted)).status_code == read
    assert client.get(_url("skp_history", submitted)).status_code == read
    assert client.post(_url("skp_rhk_add", submitted), {"kind": "main", "text": "X"}).status_code == write
    assert client.post(_url("skp_approve", submitted)).status_code == review
    assert client.post(_url("skp_return", submitted), {"comment": "X"}).status_code == review
    submitted.refresh_from_db()
    assert submitted.status == SkpStatus.SUBMITTED
    assert Rhk.objects.filter(skp=submitted).count() == 1


def test_it_refuses_the_wrong_method_and_sends_anonymous_users_to_sign_in(client, submitted):
    for name in ("skp_submit", "skp_return", "skp_approve", "skp_revision"):
        assert client.get(_url(name, submitted)).status_code == 405
    response = client.get(_url("skp_detail", submitted))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert client.post(_url("skp_approve", submitted)).url.startswith(reverse("accounts:login"))


# --- Handing down ------------------------------------------------------------------------------------


def test_it_hands_a_result_down_from_the_form(client, org, year, boss_rhk):
    boss_plan = boss_rhk.skp
    _login(client, org.kabid_a.user)
    page = client.get(_url("skp_hand_down", boss_plan) + f"?rhk={boss_rhk.pk}", **EN).content.decode()
    for member in (org.staff_a, org.staff_a2, org.staff_b):
        assert member.name in page
    assert org.head.name not in page

    response = client.post(
        _url("skp_hand_down", boss_plan),
        {
            "source_rhk": boss_rhk.pk,
            "subordinates": [org.staff_a.pk, org.staff_b.pk],
            "kind": "main",
            "text": "",
        },
        **EN,
    )
    assert response.status_code == 302
    assert "The result was handed down to 2 plans." in _messages(response)
    assert set(Rhk.objects.filter(supports=boss_rhk).values_list("skp__staff", flat=True)) == {
        org.staff_a.pk,
        org.staff_b.pk,
    }


def test_it_refuses_handing_down_to_someone_outside_the_team_posted_by_hand(client, org, boss_rhk):
    _login(client, org.kabid_a.user)
    response = client.post(
        _url("skp_hand_down", boss_rhk.skp),
        {"source_rhk": boss_rhk.pk, "subordinates": [org.staff_a.pk, org.head.pk], "kind": "main"},
    )
    assert response.status_code == 200
    assert not Rhk.objects.filter(supports=boss_rhk).exists()
    assert not Skp.objects.filter(staff=org.staff_a).exists()


# --- Query counts ------------------------------------------------------------------------------------


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_it_shows_a_plan_in_the_same_number_of_queries_for_5_and_50_results(client, org, year, boss_rhk):
    counts = []
    for size, member in ((5, org.staff_a), (50, org.staff_a2)):
        skp = services.skp_start(staff=member, year=year, approach="quantitative")
        for n in range(size):
            rhk = factories.rhk(skp, supports=boss_rhk, kind="main" if n % 3 else "additional")
            factories.indicator(rhk)
            factories.indicator(rhk, aspect="time", target_value=Decimal("12"), target_unit="bulan")
        services.skp_submit(skp=skp, by=member.user)
        services.skp_return(skp=skp, by=org.kabid_a.user, comment="Perbaiki")
        _login(client, org.kabid_a.user)
        counts.append(_queries(client, _url("skp_detail", skp)))
    assert counts[0] == counts[1]
    assert counts[0] <= 16, counts


def test_it_shows_the_inbox_in_the_same_number_of_queries_for_5_and_50_plans(client, org, year):
    counts = []
    for size in (5, 50):
        boss = staff_factories.staff(supervisor=org.head, name=f"Kabid {size}")
        boss_rhk = factories.rhk(factories.skp(boss, year))
        for n in range(size):
            member = staff_factories.staff(supervisor=boss, name=f"Anggota {size}-{n}")
            skp = services.skp_start(staff=member, year=year, approach="quantitative")
            _complete(skp, boss_rhk)
            services.skp_submit(skp=skp, by=member.user)
        _login(client, boss.user)
        counts.append(_queries(client, reverse("appraisal:skp_inbox")))
        assert client.get(reverse("appraisal:skp_inbox")).content.decode().count("Anggota") == size
    assert counts[0] == counts[1]
