"""Service-level screens: what each role can do and see, what is refused, and query counts."""

import csv
import io
from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.tests import factories as account_factories
from appraisal.tests import factories as appraisal_factories
from surveys import access
from surveys.imports import REQUEST_COLUMNS
from surveys.models import Service, ServiceRequest
from surveys.selectors import this_month
from surveys.tests import factories

BACKEND = "accounts.backends.NipOrUsernameBackend"
DAY = date(2026, 11, 10)
PERIOD = {"start": "2026-11-01", "end": "2026-11-30"}


def _at(day, hour=8, minute=0):
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))


def _login(client, user):
    client.force_login(user, backend=BACKEND)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def hr_client(client, org):
    return _login(client, org.hr)


@pytest.fixture
def ktp(org):
    return factories.service(unit_obj=org.bidang_a, code="KTP-EL", name="KTP-el", target_minutes=60)


def _queries(client, url, data=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, data)
    assert response.status_code == 200
    return len(captured)


# Catalogue ----------------------------------------------------------------------------------


def _service_post(org, **overrides):
    data = {
        "agency": org.agency.pk,
        "unit": org.bidang_b.pk,
        "code": "AKTA-LAHIR",
        "name": "Akta Kelahiran",
        "target_value": "3",
        "target_unit": "days",
        "is_active": "on",
    }
    return {**data, **overrides}


def test_it_lets_hr_add_a_service_with_a_target_in_days(hr_client, org):
    response = hr_client.post(reverse("surveys:service_create"), _service_post(org))
    assert response.status_code == 302
    assert response.url == reverse("surveys:service_list")
    service = Service.objects.get(code="AKTA-LAHIR")
    assert (service.agency, service.unit, service.target_minutes) == (org.agency, org.bidang_b, 4320)


def test_it_ignores_another_agency_posted_by_hr(hr_client, org):
    hr_client.post(reverse("surveys:service_create"), _service_post(org, agency=org.other_agency.pk))
    assert Service.objects.get(code="AKTA-LAHIR").agency == org.agency


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"code": "ktp-el"}, "code", "already has a service with this code"),
        ({"target_value": "400"}, "target_value", "at most 365 days"),
        ({"target_value": "0"}, "target_value", "greater than or equal to 1"),
        ({"unit": "other"}, "unit", "Select a valid choice"),
    ],
)
def test_it_shows_refusals_on_the_service_form(hr_client, org, ktp, overrides, field, message):
    if overrides.get("unit") == "other":
        overrides = {"unit": org.other_root.pk}
    response = hr_client.post(reverse("surveys:service_create"), _service_post(org, **overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert Service.objects.count() == 1


def test_it_edits_a_service_starting_from_its_target_in_days(hr_client, org):
    service = factories.service(unit_obj=org.bidang_b, code="AKTA", target_minutes=4320)
    url = reverse("surveys:service_edit", args=[service.pk])
    form = hr_client.get(url).context["form"]
    assert (form["target_value"].value(), form["target_unit"].value()) == (3, "days")

    response = hr_client.post(url, _service_post(org, code="AKTA", target_value="90", target_unit="minutes"))
    assert response.status_code == 302
    service.refresh_from_db()
    assert (service.target_minutes, service.is_active) == (90, True)


def test_it_shows_staff_their_agencys_catalogue_read_only(client, org, ktp):
    factories.service(unit_obj=org.other_root, name="Layanan Diskominfo")
    response = _login(client, org.staff_a.user).get(reverse("surveys:service_list"))
    body = response.content.decode()
    assert "KTP-el" in body
    assert "1 hour" in body
    assert "Layanan Diskominfo" not in body
    assert reverse("surveys:service_edit", args=[ktp.pk]) not in body


def test_it_lets_agency_members_read_a_service_and_only_hr_change_it(org, ktp):
    assert access.service_for_user(org.staff_a.user, ktp.pk) == ktp
    assert access.service_for_user(org.hr, ktp.pk, write=True) == ktp
    with pytest.raises(PermissionDenied):
        access.service_for_user(org.staff_a.user, ktp.pk, write=True)
    for outsider in (org.outsider.user, org.other_hr):
        with pytest.raises(Http404):
            access.service_for_user(outsider, ktp.pk)
    with pytest.raises(Http404):
        access.service_for_user(org.hr, ktp.pk + 1000)


def test_it_keeps_the_catalogue_query_count_flat(hr_client, org):
    for _ in range(5):
        factories.service(unit_obj=org.bidang_a)
    small = _queries(hr_client, reverse("surveys:service_list"))
    for _ in range(45):
        factories.service(unit_obj=org.bidang_b)
    assert _queries(hr_client, reverse("surveys:service_list")) == small


# Requests -----------------------------------------------------------------------------------


def _request_post(org, ktp, **overrides):
    received = timezone.localtime() - timedelta(hours=3)
    data = {
        "service": ktp.pk,
        "reference": "KTP-0001",
        "officer": org.staff_a.pk,
        "received_at": received.strftime("%Y-%m-%dT%H:%M"),
        "completed_at": (received + timedelta(minutes=45)).strftime("%Y-%m-%dT%H:%M"),
        "correct_first_time": "on",
    }
    return {**data, **overrides}


def test_it_lets_hr_record_a_request(hr_client, org, ktp):
    response = hr_client.post(reverse("surveys:request_create"), _request_post(org, ktp))
    assert response.status_code == 302
    stored = ServiceRequest.objects.get()
    assert (stored.reference, stored.officer, stored.correct_first_time) == ("KTP-0001", org.staff_a, True)
    assert stored.completed_at - stored.received_at == timedelta(minutes=45)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"completed_at": "2020-01-01T08:00"}, "completed_at", "before the time received"),
        ({"received_at": "2099-01-01T08:00", "completed_at": ""}, "received_at", "cannot be in the future"),
        ({"officer": "outsider"}, "officer", "Select a valid choice"),
        ({"officer": "retired"}, "officer", "Select a valid choice"),
        ({"received_at": ""}, "received_at", "required"),
    ],
)
def test_it_shows_refusals_on_the_request_form(hr_client, org, ktp, overrides, field, message):
    overrides = {
        key: {"outsider": org.outsider.pk, "retired": org.kabid_b.pk}.get(value, value)
        for key, value in overrides.items()
    }
    response = hr_client.post(reverse("surveys:request_create"), _request_post(org, ktp, **overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not ServiceRequest.objects.exists()


def test_it_filters_the_request_list(hr_client, org, ktp):
    kk = factories.service(unit_obj=org.bidang_a, code="KK", name="Kartu Keluarga")
    factories.service_request(ktp, org.staff_a, reference="A-1", received_at=_at(DAY))
    factories.service_request(ktp, org.staff_a2, reference="A-2", received_at=_at(DAY))
    factories.service_request(kk, org.staff_a, reference="B-1", received_at=_at(DAY + timedelta(days=3)))
    factories.service_request(
        factories.service(unit_obj=org.other_root), org.outsider, reference="X-1", received_at=_at(DAY)
    )
    url = reverse("surveys:request_list")

    def shown(**params):
        page = hr_client.get(url, params).context["page"]
        return sorted(item.reference for item in page)

    assert shown() == ["A-1", "A-2", "B-1"]
    assert shown(service=ktp.pk) == ["A-1", "A-2"]
    assert shown(officer="Staf A2") == ["A-2"]
    assert shown(officer=org.staff_a.nip) == ["A-1", "B-1"]
    assert shown(received_from="2026-11-11") == ["B-1"]
    assert shown(received_to="2026-11-10") == ["A-1", "A-2"]
    assert shown(received_to="not a date") == ["A-1", "A-2", "B-1"]


def test_it_pages_the_request_list_with_a_flat_query_count(hr_client, org, ktp):
    for n in range(5):
        factories.service_request(ktp, org.staff_a, received_at=_at(DAY, 8, n))
    small = _queries(hr_client, reverse("surveys:request_list"))
    for n in range(55):
        officer = org.staff_a2 if n % 2 else org.staff_a
        factories.service_request(ktp, officer, received_at=_at(DAY, 9, n))
    response = hr_client.get(reverse("surveys:request_list"), {"page": 2})
    assert len(response.context["page"]) == 10
    assert _queries(hr_client, reverse("surveys:request_list")) == small


# Import -------------------------------------------------------------------------------------


def _csv(rows):
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow([column.name for column in REQUEST_COLUMNS])
    writer.writerows(rows)
    return SimpleUploadedFile("permohonan.csv", out.getvalue().encode())


def test_it_shows_every_bad_row_then_imports_the_fixed_file(hr_client, org, ktp):
    nip = org.staff_a.nip
    url = reverse("surveys:request_import")
    bad = [
        ["KTP-EL", "K-1", nip, "2026-11-23 08:15", "2026-11-23 08:40", "ya"],
        ["KTP-EL", "K-2", nip, "23/11/2026 08:15", "23/11/2026 08:00", "ya"],
        ["PASPOR", "K-3", nip, "2026-11-23 08:15", "", "ya"],
    ]
    response = hr_client.post(url, {"agency": org.agency.pk, "file": _csv(bad)})
    body = response.content.decode()
    assert response.status_code == 200
    assert "2 errors in 2 rows; nothing was stored." in body
    assert "before the time received" in body
    assert "No service with code PASPOR" in body
    assert not ServiceRequest.objects.exists()

    fixed = [bad[0], [*bad[1][:4], "23/11/2026 09:00", "tidak"]]
    response = hr_client.post(url, {"agency": org.agency.pk, "file": _csv(fixed)}, follow=True)
    assert "2 created, 0 updated" in response.content.decode()
    assert ServiceRequest.objects.count() == 2


@pytest.mark.parametrize(("fmt", "content_type"), [("csv", "text/csv"), ("xlsx", "spreadsheetml")])
def test_it_offers_example_files(hr_client, fmt, content_type):
    response = hr_client.get(reverse("surveys:request_import_template", args=[fmt]))
    assert content_type in response["Content-Type"]
    assert f"template.{fmt}" in response["Content-Disposition"]


def test_it_refuses_an_unknown_example_format(hr_client):
    assert hr_client.get(reverse("surveys:request_import_template", args=["pdf"])).status_code == 404


# Figures per officer ------------------------------------------------------------------------


def _requests_for(ktp, officer, durations):
    for index, minutes in enumerate(durations):
        factories.service_request(ktp, officer, received_at=_at(DAY, 8, index), minutes=minutes)


def test_it_shows_hr_the_figures_of_every_officer(hr_client, org, ktp):
    _requests_for(ktp, org.staff_a, [30, 60, 90])
    _requests_for(ktp, org.staff_b, [120])
    response = hr_client.get(reverse("surveys:officer_figures"), PERIOD)
    rows = {row["staff"].name: row for row in response.context["rows"]}
    assert rows["Staf A"]["f"].handled == 3
    assert rows["Staf A"]["median"] == "1 hour"
    assert rows["Staf A"]["f"].within_target_share == pytest.approx(200 / 3)
    assert rows["Staf B"]["f"].within_target_share == 0.0
    assert rows["Staf A2"]["f"].handled == 0  # a counter officer without requests
    assert response.context["total"].handled == 4
    body = response.content.decode()
    assert "66.7 %" in body
    assert "<meter" in body


def test_it_narrows_the_figures_to_a_unit_and_the_units_below(hr_client, org, ktp):
    seksi = account_factories.unit(parent=org.bidang_b)
    clerk = account_factories.staff(unit_obj=seksi, name="Petugas Seksi")
    _requests_for(ktp, clerk, [10])
    _requests_for(ktp, org.staff_a, [10])
    response = hr_client.get(reverse("surveys:officer_figures"), {**PERIOD, "unit": org.bidang_b.pk})
    assert [row["staff"].name for row in response.context["rows"]] == ["Petugas Seksi"]


def test_it_shows_a_supervisor_only_their_chain(client, org, ktp):
    _requests_for(ktp, org.staff_a, [10])
    _requests_for(ktp, org.staff_b, [10])  # below the Plt assignment of kabid A
    _requests_for(ktp, org.head, [10])
    response = _login(client, org.kabid_a.user).get(reverse("surveys:officer_figures"), PERIOD)
    names = {row["staff"].name for row in response.context["rows"]}
    assert names == {"Staf A", "Staf A2", "Staf B"}
    assert response.context["form"].fields.get("unit") is None


def test_it_refuses_a_backwards_period_and_shows_this_month(hr_client, org):
    response = hr_client.get(reverse("surveys:officer_figures"), {"start": "2026-11-30", "end": "2026-11-01"})
    assert response.status_code == 200
    assert "must not be before the start date" in response.content.decode()
    assert (response.context["start"], response.context["end"]) == this_month()


def test_it_defaults_to_this_month(hr_client, org, ktp):
    first, _last = this_month()
    received = max(_at(first, 0, 1), timezone.now() - timedelta(hours=1)) - timedelta(minutes=1)
    factories.service_request(ktp, org.staff_a, received_at=received, minutes=None)
    factories.service_request(ktp, org.staff_a, received_at=_at(first) - timedelta(days=1), minutes=5)
    response = hr_client.get(reverse("surveys:officer_figures"))
    rows = {row["staff"].name: row["f"] for row in response.context["rows"]}
    assert (rows["Staf A"].handled, rows["Staf A"].open) == (1, 1)


def test_it_exports_the_figures_as_csv_safe_for_spreadsheets(hr_client, org, ktp):
    org.staff_a.name = "=HYPERLINK(1)"
    org.staff_a.save(update_fields=["name"])
    _requests_for(ktp, org.staff_a, [30, 90])
    response = hr_client.get(reverse("surveys:officer_figures_csv"), PERIOD)
    assert response["Content-Type"].startswith("text/csv")
    assert "20261101-20261130" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:5] == ["NIP", "Name", "Position", "Work unit", "Requests handled"]
    exported = {row[0]: row for row in rows[1:]}
    assert exported[org.staff_a.nip][1:2] == ["'=HYPERLINK(1)"]
    assert exported[org.staff_a.nip][4:] == ["2", "50.0", "60.0", "0.0", "0"]
    assert exported[org.staff_a2.nip][4:] == ["0", "", "", "", "0"]


def test_it_keeps_the_figures_query_count_flat(hr_client, org, ktp):
    def add_officers(count):
        for _ in range(count):
            officer = account_factories.staff(unit_obj=org.bidang_a, supervisor=org.kabid_a)
            _requests_for(ktp, officer, [15, 75])

    add_officers(5)
    url = reverse("surveys:officer_figures")
    small = _queries(hr_client, url, {**PERIOD, "unit": org.bidang_a.pk})
    add_officers(45)
    assert _queries(hr_client, url, {**PERIOD, "unit": org.bidang_a.pk}) == small
    assert len(hr_client.get(url, PERIOD).context["rows"]) == 53
    supervisor = _login(hr_client, org.kabid_a.user)
    assert _queries(supervisor, url, PERIOD) <= small + 1
    assert _queries(supervisor, reverse("surveys:officer_figures_csv"), PERIOD) <= small


# An officer's record ------------------------------------------------------------------------


def _reports(org, officer, days):
    year = appraisal_factories.performance_year(org.agency)
    rhk = appraisal_factories.rhk(appraisal_factories.skp(officer, year))
    for day in days:
        appraisal_factories.daily_report(officer, rhk, on=day, activity=f"Melayani KTP-el {day:%d}")
    return rhk


def test_it_shows_an_officer_their_own_record_with_their_daily_reports(client, org, ktp):
    _requests_for(ktp, org.staff_a, [30, 60])
    _reports(org, org.staff_a, [DAY, date(2026, 10, 31)])
    response = _login(client, org.staff_a.user).get(reverse("surveys:my_record"), PERIOD)
    body = response.content.decode()
    assert response.context["own"] is True
    assert response.context["f"].handled == 2
    assert response.context["median"] == "45 minutes"
    assert "Melayani KTP-el 10" in body
    assert "Melayani KTP-el 31" not in body
    assert "My service record" in body


def test_it_shows_a_supervisor_the_record_of_someone_in_their_chain(client, org, ktp):
    _requests_for(ktp, org.staff_b, [30])
    response = _login(client, org.kabid_a.user).get(
        reverse("surveys:officer_record", args=[org.staff_b.pk]), PERIOD
    )
    assert response.status_code == 200
    assert response.context["own"] is False
    assert "Service record of Staf B" in response.content.decode()


@pytest.mark.parametrize("viewer", ["staff_a2", "outsider", "other_hr"])
def test_it_hides_a_record_from_colleagues_and_other_agencies(client, org, viewer):
    user = getattr(org, viewer)
    user = getattr(user, "user", user)
    response = _login(client, user).get(reverse("surveys:officer_record", args=[org.staff_a.pk]))
    assert response.status_code == 404


def test_it_sends_anonymous_visitors_to_sign_in_and_refuses_a_post(client, org):
    url = reverse("surveys:officer_record", args=[org.staff_a.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert _login(client, org.staff_a.user).post(url).status_code == 405


def test_it_tells_an_account_without_a_staff_profile(hr_client):
    response = hr_client.get(reverse("surveys:my_record"))
    assert "not linked to a staff profile" in response.content.decode()


def test_it_keeps_the_officer_page_query_count_flat(client, org, ktp):
    viewer = _login(client, org.kabid_a.user)
    url = reverse("surveys:officer_record", args=[org.staff_a.pk])
    _requests_for(ktp, org.staff_a, [10] * 5)
    rhk = _reports(org, org.staff_a, [DAY + timedelta(days=n) for n in range(5)])
    small = _queries(viewer, url, PERIOD)

    _requests_for(ktp, org.staff_a, [20] * 45)
    for n in range(45):
        appraisal_factories.daily_report(org.staff_a, rhk, on=DAY + timedelta(days=n % 15))
    assert _queries(viewer, url, PERIOD) == small
