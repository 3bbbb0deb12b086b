"""The structure and staff screens: what HR can do, what others are refused, and query counts."""

import pytest
from django.urls import reverse

from accounts.models import ActingAssignment, Position, Staff, Unit
from accounts.tests import factories
from accounts.tests.factories import unique_nip

BACKEND = "accounts.backends.NipOrUsernameBackend"


@pytest.fixture
def hr_client(client, org):
    client.force_login(org.hr, backend=BACKEND)
    return client


def _staff_post(org, **overrides):
    data = {
        "agency": org.agency.pk,
        "asn_kind": "pns",
        "nip": unique_nip(),
        "name": "Siti Rahmawati",
        "front_title": "",
        "back_title": "S.Kom.",
        "email": "siti.rahmawati@dumaikota.go.id",
        "unit": org.bidang_a.pk,
        "position": org.staff_a.position_id,
        "rank": org.staff_a.rank_id,
        "supervisor": org.kabid_a.pk,
        "status": "active",
    }
    return {**data, **overrides}


def test_it_lets_hr_add_a_staff_member(hr_client, org):
    data = _staff_post(org)
    response = hr_client.post(reverse("accounts:staff_create"), data)
    created = Staff.objects.get(nip=data["nip"])
    assert response.status_code == 302
    assert response.url == reverse("accounts:staff_detail", args=[created.pk])
    assert created.full_name == "Siti Rahmawati, S.Kom."
    assert created.user.username == data["nip"]
    assert not created.user.has_usable_password()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("nip", "19860926201505100", "exactly 18 digits"),
        ("nip", "198609262015131001", "13–14"),
        ("nip", "200012312024211001", "13–14"),  # a PPPK number given as PNS
        ("nip", "19860926201505100A", "digits only"),
    ],
)
def test_it_refuses_a_malformed_nip_with_its_reason(hr_client, org, field, value, message):
    before = Staff.objects.count()
    response = hr_client.post(
        reverse("accounts:staff_create"), _staff_post(org, **{field: value}), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Staff.objects.count() == before


def test_it_refuses_another_agencys_unit_in_the_form(hr_client, org):
    response = hr_client.post(reverse("accounts:staff_create"), _staff_post(org, unit=org.other_root.pk))
    assert response.status_code == 200
    assert not Staff.objects.filter(name="Siti Rahmawati").exists()


def test_it_refuses_a_supervisor_cycle_with_a_clear_message(hr_client, org):
    url = reverse("accounts:staff_edit", args=[org.head.pk])
    data = _staff_post(
        org,
        nip=org.head.nip,
        name=org.head.name,
        unit=org.root.pk,
        position=org.head.position_id,
        supervisor=org.kabid_a.pk,
    )
    response = hr_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "would make the chain a loop" in response.content.decode()
    org.head.refresh_from_db()
    assert org.head.supervisor_id is None


def test_it_lets_hr_edit_a_profile(hr_client, org):
    data = _staff_post(
        org,
        nip=org.staff_a.nip,
        name="Staf A Baru",
        supervisor=org.head.pk,
        email="baru@example.test",
    )
    response = hr_client.post(reverse("accounts:staff_edit", args=[org.staff_a.pk]), data)
    assert response.status_code == 302
    org.staff_a.refresh_from_db()
    assert (org.staff_a.name, org.staff_a.supervisor_id) == ("Staf A Baru", org.head.pk)
    assert org.staff_a.user.email == "baru@example.test"


def test_it_lets_hr_build_the_unit_tree(hr_client, org):
    response = hr_client.post(
        reverse("accounts:unit_create"),
        {
            "agency": org.agency.pk,
            "code": "DUK.1.1",
            "name": "Seksi Identitas Penduduk",
            "parent": org.bidang_a.pk,
        },
    )
    assert response.status_code == 302
    assert Unit.objects.get(code="DUK.1.1").parent == org.bidang_a


def test_it_refuses_a_unit_below_its_own_child(hr_client, org):
    url = reverse("accounts:unit_edit", args=[org.root.pk])
    data = {"agency": org.agency.pk, "code": org.root.code, "name": org.root.name, "parent": org.bidang_a.pk}
    response = hr_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "cannot sit below itself" in response.content.decode()
    org.root.refresh_from_db()
    assert org.root.parent_id is None


def test_it_refuses_a_position_level_that_does_not_fit_its_type(hr_client, org):
    data = {"agency": org.agency.pk, "name": "Analis", "position_type": "pelaksana", "level": "ahli_muda"}
    response = hr_client.post(reverse("accounts:position_create"), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "does not belong to the chosen position type" in response.content.decode()
    assert not Position.objects.filter(name="Analis").exists()


def test_it_gives_an_acting_official_supervisor_rights(hr_client, org, client):
    data = {
        "acting": org.head.pk,
        "replaces": org.kabid_a.pk,
        "kind": "plh",
        "starts_on": "2026-11-01",
        "ends_on": "2026-11-30",
        "decree_number": "800/BKPSDM/2026/120",
    }
    assert hr_client.post(reverse("accounts:acting_create"), data).status_code == 302
    assert ActingAssignment.objects.filter(acting=org.head, kind="plh").exists()


def test_it_refuses_an_acting_period_that_ends_before_it_starts(hr_client, org):
    data = {
        "acting": org.head.pk,
        "replaces": org.kabid_a.pk,
        "kind": "plh",
        "starts_on": "2026-11-30",
        "ends_on": "2026-11-01",
    }
    response = hr_client.post(reverse("accounts:acting_create"), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "end date must not be before" in response.content.decode()


def test_it_shows_a_supervisor_only_their_chain(client, org):
    client.force_login(org.kabid_a.user, backend=BACKEND)
    body = client.get(reverse("accounts:staff_list")).content.decode()
    assert org.staff_a.name in body and org.staff_b.name in body
    assert org.head.name not in body and org.outsider.name not in body


def _grow_team(org, count):
    for _ in range(count):
        factories.staff(unit_obj=org.bidang_a, supervisor=org.kabid_a)


@pytest.mark.parametrize("url_name", ["accounts:staff_list", "accounts:unit_list", "home"])
def test_it_keeps_query_counts_flat_as_the_agency_grows(client, org, django_assert_max_num_queries, url_name):
    client.force_login(org.hr, backend=BACKEND)
    _grow_team(org, 5)
    with django_assert_max_num_queries(12) as small:
        client.get(reverse(url_name))
    _grow_team(org, 45)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse(url_name))


def test_it_keeps_query_counts_flat_for_a_supervisors_team(client, org, django_assert_max_num_queries):
    client.force_login(org.kabid_a.user, backend=BACKEND)
    _grow_team(org, 5)
    with django_assert_max_num_queries(12) as small:
        client.get(reverse("accounts:staff_list"))
    _grow_team(org, 45)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("accounts:staff_list"))


def test_it_keeps_query_counts_flat_on_a_profile(client, org, django_assert_max_num_queries):
    client.force_login(org.kabid_a.user, backend=BACKEND)
    with django_assert_max_num_queries(14) as small:
        client.get(reverse("accounts:profile"))
    _grow_team(org, 30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("accounts:profile"))
