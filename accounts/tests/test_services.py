from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from accounts import services
from accounts.models import ActingAssignment, Position, Rank, Staff, Unit
from accounts.tests import factories

LOOP = "which would make the chain a loop"


def _counts():
    return get_user_model().objects.count(), Staff.objects.count()


def _refusal(service, **kwargs):
    """The field → messages mapping of the ValidationError the service raises, in English."""
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        service(**kwargs)
    return excinfo.value.message_dict


def _new_staff(org, **overrides):
    return {
        "agency": org.agency,
        "nip": factories.make_nip(born=date(1991, 4, 12), appointed=(2019, 3), serial=1),
        "asn_kind": "pns",
        "name": "Siti Rahmawati",
        "unit": org.bidang_a,
        "position": factories.position(agency_obj=org.agency),
        "rank": Rank.objects.get(code="III/a"),
        "supervisor": org.kabid_a,
        **overrides,
    }


def test_it_creates_staff_with_a_sign_in_account_named_after_the_nip(org):
    before = _counts()
    staff = services.staff_create(**_new_staff(org), email="siti@example.test")
    staff.refresh_from_db()
    assert staff.nip == "199104122019031001"
    assert staff.user.username == staff.nip
    assert staff.user.email == "siti@example.test"
    assert not staff.user.has_usable_password()
    assert staff.agency == org.agency
    assert staff.supervisor == org.kabid_a
    assert _counts() == (before[0] + 1, before[1] + 1)


def test_it_creates_a_pppk_staff_member_with_a_pppk_grade(org):
    staff = services.staff_create(
        **_new_staff(org, asn_kind="pppk", nip="200012312024211001", rank=Rank.objects.get(code="IX"))
    )
    assert staff.nip_info.appointment_month is None
    assert staff.user.username == "200012312024211001"


def test_it_stores_the_nip_without_surrounding_spaces(org):
    staff = services.staff_create(**_new_staff(org, nip=" 199104122019031001 "))
    staff.refresh_from_db()
    assert staff.nip == "199104122019031001"
    assert staff.user.username == "199104122019031001"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        pytest.param(
            lambda org: {"nip": "19910412201903100A"},
            "nip",
            "The number may contain digits only.",
            id="nip-with-letter",
        ),
        pytest.param(
            lambda org: {"nip": "1991041220190310"},
            "nip",
            "The number must have exactly 18 digits (it has 16).",
            id="nip-too-short",
        ),
        pytest.param(
            lambda org: {"nip": "199104122019131001"},
            "nip",
            "Digits 13–14 must be the appointment month (01–12).",
            id="nip-month-13",
        ),
        pytest.param(
            lambda org: {"nip": "200012312024211001"},
            "nip",
            "Digits 13–14 must be the appointment month (01–12).",
            id="pppk-number-given-as-pns",
        ),
        pytest.param(
            lambda org: {"asn_kind": "pppk", "nip": "200012312024211001"},
            "rank",
            "Grade III/a is not a PPPK grade.",
            id="pns-grade-for-pppk",
        ),
        pytest.param(
            lambda org: {"rank": Rank.objects.get(code="IX")},
            "rank",
            "Grade IX is not a PNS grade.",
            id="pppk-grade-for-pns",
        ),
        pytest.param(
            lambda org: {"unit": org.other_root},
            "unit",
            "The unit belongs to another agency.",
            id="unit-of-other-agency",
        ),
        pytest.param(
            lambda org: {"position": factories.position(agency_obj=org.other_agency)},
            "position",
            "The position belongs to another agency.",
            id="position-of-other-agency",
        ),
        pytest.param(
            lambda org: {"nip": org.staff_a.nip},
            "nip",
            "Another staff member already has this number.",
            id="duplicate-nip",
        ),
    ],
)
def test_it_refuses_to_create_invalid_staff_and_stores_nothing(org, overrides, field, message):
    kwargs = _new_staff(org, **overrides(org))
    before = _counts()
    errors = _refusal(services.staff_create, **kwargs)
    assert errors == {field: [message]}
    assert _counts() == before


def test_it_reports_every_wrong_field_at_once(org):
    kwargs = _new_staff(
        org,
        nip="200012312024211001",
        unit=org.other_root,
        position=factories.position(agency_obj=org.other_agency),
    )
    before = _counts()
    errors = _refusal(services.staff_create, **kwargs)
    assert set(errors) == {"nip", "unit", "position"}
    assert _counts() == before


def test_it_refuses_a_supervisor_loop_and_leaves_the_row_unchanged(org):
    # head → kabid A → staff A: making staff A the head's supervisor closes a loop.
    errors = _refusal(services.staff_update, staff=org.head, name="Nama Baru", supervisor=org.staff_a)
    assert list(errors) == ["supervisor"]
    assert LOOP in errors["supervisor"][0]
    assert "Staf A" in errors["supervisor"][0]
    stored = Staff.objects.get(pk=org.head.pk)
    assert stored.supervisor_id is None
    assert stored.name == "Kepala Dinas"


def test_it_refuses_a_loop_through_a_newly_added_level(org):
    below = services.staff_create(**_new_staff(org, supervisor=org.staff_a))
    errors = _refusal(services.staff_update, staff=org.kabid_a, supervisor=below)
    assert LOOP in errors["supervisor"][0]
    assert Staff.objects.get(pk=org.kabid_a.pk).supervisor_id == org.head.pk


def test_it_refuses_self_supervision(org):
    errors = _refusal(services.staff_update, staff=org.kabid_a, supervisor=org.kabid_a)
    assert LOOP in errors["supervisor"][0]
    assert Staff.objects.get(pk=org.kabid_a.pk).supervisor_id == org.head.pk


def test_it_moves_staff_to_another_supervisor(org):
    services.staff_update(staff=org.staff_b, supervisor=org.kabid_a)
    assert Staff.objects.get(pk=org.staff_b.pk).supervisor_id == org.kabid_a.pk


def test_it_renames_the_username_when_the_nip_changes(org):
    new_nip = factories.make_nip(born=date(1979, 1, 2), appointed=(2005, 3), serial=42)
    services.staff_update(staff=org.staff_a, nip=f"{new_nip} ", email="baru@example.test")
    user = get_user_model().objects.get(pk=org.staff_a.user_id)
    assert user.username == new_nip
    assert user.email == "baru@example.test"
    assert Staff.objects.get(pk=org.staff_a.pk).nip == new_nip


def test_it_keeps_the_username_when_the_nip_change_is_refused(org):
    old_nip = org.staff_a.nip
    errors = _refusal(services.staff_update, staff=org.staff_a, nip=org.staff_a2.nip)
    assert errors == {"nip": ["Another staff member already has this number."]}
    assert get_user_model().objects.get(pk=org.staff_a.user_id).username == old_nip
    assert Staff.objects.get(pk=org.staff_a.pk).nip == old_nip


def test_it_checks_the_nip_again_when_the_asn_kind_changes(org):
    person = factories.staff(unit_obj=org.bidang_a, nip="198609262015051001")
    errors = _refusal(services.staff_update, staff=person, asn_kind="pppk", rank=Rank.objects.get(code="V"))
    last = date.today().year + 1
    assert errors == {"nip": [f"Digits 9–12 must be the PPPK appointment year (2019–{last})."]}
    assert Staff.objects.get(pk=person.pk).asn_kind == "pns"


def test_it_creates_a_unit_below_a_parent_of_the_same_agency(org):
    unit = services.unit_create(
        agency=org.agency, code=" DUK.1.1 ", name=" Seksi Identitas ", parent=org.bidang_a
    )
    unit.refresh_from_db()
    assert (unit.code, unit.name, unit.parent_id) == ("DUK.1.1", "Seksi Identitas", org.bidang_a.pk)


def test_it_refuses_a_parent_unit_of_another_agency(org):
    before = Unit.objects.count()
    errors = _refusal(
        services.unit_create, agency=org.agency, code="DUK.9", name="Bidang Baru", parent=org.other_root
    )
    assert errors == {"parent": ["The parent unit belongs to another agency."]}
    assert Unit.objects.count() == before


def test_it_refuses_to_move_a_unit_under_another_agency(org):
    errors = _refusal(
        services.unit_update, unit=org.bidang_a, code="DUK.1", name="Bidang A", parent=org.other_root
    )
    assert errors == {"parent": ["The parent unit belongs to another agency."]}
    assert Unit.objects.get(pk=org.bidang_a.pk).parent_id == org.root.pk


@pytest.mark.parametrize(
    ("moved", "new_parent"),
    [
        pytest.param("root", "bidang_a", id="root-below-its-child"),
        pytest.param("root", "seksi", id="root-below-its-grandchild"),
        pytest.param("bidang_a", "seksi", id="unit-below-its-child"),
        pytest.param("bidang_a", "bidang_a", id="unit-below-itself"),
    ],
)
def test_it_refuses_a_parent_loop(org, moved, new_parent):
    units = {
        "root": org.root,
        "bidang_a": org.bidang_a,
        "seksi": factories.unit(parent=org.bidang_a, code="DUK.1.1", name="Seksi"),
    }
    unit = units[moved]
    before = (unit.parent_id, unit.name)
    errors = _refusal(
        services.unit_update, unit=unit, code=unit.code, name="Nama Baru", parent=units[new_parent]
    )
    assert errors == {"parent": ["A unit cannot sit below itself or below one of its own sub-units."]}
    stored = Unit.objects.get(pk=unit.pk)
    assert (stored.parent_id, stored.name) == before


def test_it_refuses_a_duplicate_unit_code_in_the_same_agency(org):
    before = Unit.objects.count()
    errors = _refusal(services.unit_create, agency=org.agency, code=" DUK.1 ", name="Lain", parent=org.root)
    assert errors == {"code": ["This agency already has a unit with this code."]}
    assert Unit.objects.count() == before
    errors = _refusal(services.unit_update, unit=org.bidang_b, code="DUK.1", name="Bidang B", parent=org.root)
    assert errors == {"code": ["This agency already has a unit with this code."]}
    assert Unit.objects.get(pk=org.bidang_b.pk).code == "DUK.2"


def test_it_allows_the_same_unit_code_in_another_agency_and_keeping_its_own(org):
    services.unit_create(agency=org.other_agency, code="DUK.1", name="Kebetulan Sama", parent=org.other_root)
    services.unit_update(unit=org.bidang_a, code="DUK.1", name="Bidang Pelayanan", parent=org.root)
    assert Unit.objects.get(pk=org.bidang_a.pk).name == "Bidang Pelayanan"


@pytest.mark.parametrize(
    ("position_type", "level"),
    [
        pytest.param("jpt", "pratama", id="jpt-pratama"),
        pytest.param("jpt", "utama", id="jpt-utama"),
        pytest.param("administrator", "", id="administrator"),
        pytest.param("pengawas", "", id="pengawas"),
        pytest.param("pelaksana", "", id="pelaksana"),
        pytest.param("fungsional", "ahli_muda", id="fungsional-ahli-muda"),
        pytest.param("fungsional", "penyelia", id="fungsional-penyelia"),
    ],
)
def test_it_creates_a_position_whose_level_fits_its_type(org, position_type, level):
    position = services.position_create(
        agency=org.agency, name=" Analis Kependudukan ", position_type=position_type, level=level
    )
    position.refresh_from_db()
    assert (position.name, position.position_type, position.level) == (
        "Analis Kependudukan",
        position_type,
        level,
    )


@pytest.mark.parametrize(
    ("position_type", "level"),
    [
        pytest.param("pelaksana", "ahli_muda", id="pelaksana-with-ahli-muda"),
        pytest.param("administrator", "pratama", id="administrator-with-pratama"),
        pytest.param("pengawas", "terampil", id="pengawas-with-terampil"),
        pytest.param("jpt", "", id="jpt-without-level"),
        pytest.param("jpt", "ahli_utama", id="jpt-with-functional-level"),
        pytest.param("fungsional", "", id="fungsional-without-level"),
        pytest.param("fungsional", "madya", id="fungsional-with-jpt-level"),
    ],
)
def test_it_refuses_a_level_that_does_not_fit_the_type(org, position_type, level):
    before = Position.objects.count()
    errors = _refusal(
        services.position_create,
        agency=org.agency,
        name="Jabatan Baru",
        position_type=position_type,
        level=level,
    )
    assert errors == {"level": ["This level does not belong to the chosen position type."]}
    assert Position.objects.count() == before


def test_it_refuses_a_level_change_that_does_not_fit_and_keeps_the_row(org):
    position = factories.position(agency_obj=org.agency, position_type="fungsional", level="ahli_muda")
    errors = _refusal(
        services.position_update,
        position=position,
        name=position.name,
        position_type="pelaksana",
        level="ahli_muda",
    )
    assert list(errors) == ["level"]
    assert Position.objects.get(pk=position.pk).position_type == "fungsional"


def test_it_refuses_a_duplicate_position_name_in_the_same_agency(org):
    taken = org.staff_a.position.name
    before = Position.objects.count()
    errors = _refusal(
        services.position_create, agency=org.agency, name=f" {taken} ", position_type="pelaksana"
    )
    assert errors == {"name": ["This agency already has a position with this name."]}
    assert Position.objects.count() == before
    assert services.position_create(agency=org.other_agency, name=taken, position_type="pelaksana").pk


def test_it_creates_an_acting_assignment(org):
    assignment = services.acting_assignment_create(
        acting=org.staff_a,
        replaces=org.kabid_a,
        kind="plh",
        starts_on=date(2025, 7, 1),
        ends_on=date(2025, 7, 1),
        decree_number=" 800/12/DUK ",
    )
    assignment.refresh_from_db()
    assert (assignment.kind, assignment.decree_number) == ("plh", "800/12/DUK")


@pytest.mark.parametrize(
    ("build", "field", "message"),
    [
        pytest.param(
            lambda org: {"acting": org.kabid_a, "replaces": org.kabid_a},
            "replaces",
            "An official cannot act on their own behalf.",
            id="self",
        ),
        pytest.param(
            lambda org: {"acting": org.kabid_a, "replaces": org.outsider},
            "replaces",
            "Both officials must belong to the same agency.",
            id="other-agency",
        ),
        pytest.param(
            lambda org: {"acting": org.kabid_a, "replaces": org.head, "ends_on": date(2025, 6, 30)},
            "ends_on",
            "The end date must not be before the start date.",
            id="end-before-start",
        ),
    ],
)
def test_it_refuses_an_invalid_acting_assignment(org, build, field, message):
    kwargs = {"kind": "plt", "starts_on": date(2025, 7, 1), "ends_on": date(2025, 12, 31), **build(org)}
    before = ActingAssignment.objects.count()
    errors = _refusal(services.acting_assignment_create, **kwargs)
    assert errors == {field: [message]}
    assert ActingAssignment.objects.count() == before


def test_it_refuses_to_shorten_an_acting_assignment_below_its_start(org):
    ends_on = org.acting.ends_on
    errors = _refusal(
        services.acting_assignment_update,
        assignment=org.acting,
        ends_on=org.acting.starts_on - timedelta(days=1),
    )
    assert list(errors) == ["ends_on"]
    assert ActingAssignment.objects.get(pk=org.acting.pk).ends_on == ends_on


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(
            lambda org: Staff.objects.filter(pk=org.kabid_a.pk).update(supervisor_id=org.kabid_a.pk),
            id="staff-own-supervisor",
        ),
        pytest.param(
            lambda org: Staff.objects.filter(pk=org.staff_a.pk).update(nip="19860926201505100A"),
            id="nip-with-letter",
        ),
        pytest.param(
            lambda org: Staff.objects.filter(pk=org.staff_a.pk).update(nip="19860926201505"),
            id="nip-too-short",
        ),
        pytest.param(
            lambda org: Staff.objects.filter(pk=org.staff_a.pk).update(nip=org.staff_a2.nip),
            id="duplicate-nip",
        ),
        pytest.param(
            lambda org: Staff.objects.filter(pk=org.staff_a.pk).update(asn_kind="tkk"),
            id="unknown-asn-kind",
        ),
        pytest.param(
            lambda org: Staff.objects.filter(pk=org.staff_a.pk).update(status="fired"),
            id="unknown-status",
        ),
        pytest.param(
            lambda org: Position.objects.create(
                agency=org.agency, name="Salah", position_type="pelaksana", level="ahli_muda"
            ),
            id="position-pelaksana-with-level",
        ),
        pytest.param(
            lambda org: Position.objects.create(
                agency=org.agency, name="Salah", position_type="jpt", level=""
            ),
            id="position-jpt-without-level",
        ),
        pytest.param(
            lambda org: Unit.objects.filter(pk=org.root.pk).update(parent_id=org.root.pk),
            id="unit-own-parent",
        ),
        pytest.param(
            lambda org: Unit.objects.filter(pk=org.root.pk).update(code=""),
            id="unit-empty-code",
        ),
        pytest.param(
            lambda org: ActingAssignment.objects.filter(pk=org.acting.pk).update(replaces=org.kabid_a),
            id="acting-for-self",
        ),
        pytest.param(
            lambda org: ActingAssignment.objects.filter(pk=org.acting.pk).update(ends_on=date(2000, 1, 1)),
            id="acting-ends-before-start",
        ),
    ],
)
def test_it_has_the_database_refuse_what_the_services_refuse(org, write):
    with pytest.raises(IntegrityError), transaction.atomic():
        write(org)


def test_it_refuses_a_supervisor_from_another_agency(org):
    with pytest.raises(ValidationError) as refused:
        services.staff_update(staff=org.staff_a, supervisor=org.outsider)
    assert "supervisor" in refused.value.message_dict
    org.staff_a.refresh_from_db()
    assert org.staff_a.supervisor_id == org.kabid_a.pk


def test_it_refuses_an_empty_unit_code(org):
    with pytest.raises(ValidationError) as refused:
        services.unit_create(agency=org.agency, code="  ", name="Tanpa Kode")
    assert "code" in refused.value.message_dict
