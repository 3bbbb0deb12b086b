from collections import Counter
from datetime import date
from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

from accounts import demo, nip
from accounts.models import ActingAssignment, Agency, Position, Staff, Unit
from accounts.selectors import subordinates_of

pytestmark = pytest.mark.django_db

DURING_PLT = date(2026, 11, 24)
AFTER_PLT = date(2027, 4, 1)


def snapshot():
    """Every demo-related row, as comparable values."""
    users = get_user_model().objects.values_list(
        "id", "username", "password", "email", "is_staff", "is_superuser", "hr_agency_id"
    )
    return {
        model.__name__: sorted(model.objects.values_list())
        for model in (Agency, Unit, Position, Staff, ActingAssignment)
    } | {"User": sorted(users)}


def sign_in(login, password=demo.DEMO_PASSWORD):
    return authenticate(RequestFactory().post("/"), username=login, password=password)


def test_it_leaves_exactly_the_same_rows_when_run_twice():
    demo.build_demo()
    first = snapshot()

    summary = demo.build_demo()

    assert snapshot() == first
    assert sum(summary.created.values()) == 0
    assert sum(summary.updated.values()) == 0
    assert {name: len(rows) for name, rows in first.items()} == {
        "Agency": 2,
        "Unit": 24,
        "Position": 42,
        "Staff": 60,
        "ActingAssignment": 1,
        "User": 63,
    }


def test_it_puts_back_what_was_changed_but_keeps_a_password_someone_chose():
    demo.build_demo()
    head = Staff.objects.get(nip=demo.DISDUKCAPIL_HEAD.nip)
    head.name, head.supervisor = "Orang Lain", Staff.objects.get(nip=demo.BKPSDM_HEAD.nip)
    head.save(update_fields=["name", "supervisor"])
    Unit.objects.filter(code="DUK.PIAK").update(name="Bidang Lama")
    chosen = head.user
    chosen.set_password("Pilihan-Sendiri-2026")
    chosen.save(update_fields=["password"])
    locked = get_user_model().objects.get(username=demo.DATABASE_ADMIN.nip)
    locked.set_unusable_password()
    locked.save(update_fields=["password"])

    summary = demo.build_demo()

    head.refresh_from_db()
    assert (head.name, head.supervisor) == ("Syafrizal Nasution", None)
    assert Unit.objects.get(code="DUK.PIAK").name == "Bidang Pengelolaan Informasi Administrasi Kependudukan"
    assert summary.updated[Staff] == 1
    assert summary.updated[Unit] == 1
    assert summary.updated[get_user_model()] == 1
    assert sign_in(demo.DISDUKCAPIL_HEAD.nip, "Pilihan-Sendiri-2026") == chosen
    assert sign_in(demo.DATABASE_ADMIN.nip) == locked


def test_it_seeds_about_sixty_staff_over_four_levels_in_two_agencies():
    demo.build_demo()
    staff = {s.pk: s for s in Staff.objects.select_related("agency", "position", "rank")}

    def level(member):
        return 0 if member.supervisor_id is None else level(staff[member.supervisor_id]) + 1

    per_agency = Counter(s.agency.code for s in staff.values())
    per_level = Counter(level(s) for s in staff.values())
    assert per_agency == {"disdukcapil": 40, "bkpsdm": 20}
    assert per_level == {0: 2, 1: 10, 2: 21, 3: 27}
    assert Counter(s.asn_kind for s in staff.values()) == {"pns": 50, "pppk": 10}
    assert {s.nip: s.status for s in staff.values() if s.status != "active"} == {
        demo.CIVIL_REGISTRY_HEAD.nip: "retired",
        demo.TRANSFERRED_CLERK.nip: "transferred",
    }
    by_position = {
        s.position.name: (s.position.position_type, s.position.level, s.rank.code) for s in staff.values()
    }
    assert by_position["Kepala Dinas Kependudukan dan Pencatatan Sipil"] == ("jpt", "pratama", "IV/c")
    assert by_position["Kepala Bidang Pelayanan Pendaftaran Penduduk"] == ("administrator", "", "IV/a")


def test_it_gives_every_staff_member_a_number_valid_under_their_own_rule():
    demo.build_demo()

    for member in Staff.objects.select_related("rank", "user"):
        rule = nip.parse_pppk_ni if member.asn_kind == "pppk" else nip.parse_pns_nip
        info = rule(member.nip)
        assert member.rank.asn_kind == member.asn_kind
        assert member.user.username == member.nip
        assert 1968 <= info.birth_date.year <= 2000
        assert member.user.email.endswith("@dumaikota.go.id")
    assert len(set(get_user_model().objects.values_list("email", flat=True))) == 63


def test_it_links_each_supervisor_along_the_unit_tree_without_cycles():
    demo.build_demo()
    staff = {s.pk: s for s in Staff.objects.select_related("unit", "position")}

    for member in staff.values():
        seen, node = set(), member
        while node.supervisor_id is not None:
            assert node.pk not in seen
            seen.add(node.pk)
            node = staff[node.supervisor_id]
        assert node.position.name.startswith("Kepala Dinas") or node.position.name.startswith("Kepala Badan")
        if member.supervisor_id is not None:
            boss = staff[member.supervisor_id]
            assert boss.agency_id == member.agency_id
            assert boss.unit_id in (member.unit_id, member.unit.parent_id)


def test_it_lets_the_plt_see_the_retired_kabids_staff_only_while_acting():
    demo.build_demo()
    plt = Staff.objects.get(nip=demo.REGISTRATION_HEAD.nip)
    retired = Staff.objects.get(nip=demo.CIVIL_REGISTRY_HEAD.nip)
    bidang_staff = set(subordinates_of(retired, on=DURING_PLT))
    assignment = ActingAssignment.objects.get()

    assert retired.status == "retired"
    assert (assignment.acting, assignment.replaces, assignment.kind) == (plt, retired, "plt")
    assert assignment.decree_number == "800/BKPSDM/2026/117"
    assert len(bidang_staff) == 6
    assert bidang_staff < set(subordinates_of(plt, on=DURING_PLT))
    assert not bidang_staff & set(subordinates_of(plt, on=AFTER_PLT))


def test_it_lets_every_demo_account_sign_in_with_the_demo_password():
    demo.build_demo()
    users = get_user_model().objects.select_related("hr_agency")

    for user in users:
        assert sign_in(user.username) == user
    assert sign_in(demo.DATABASE_ADMIN.nip, "salah") is None
    assert users.get(username="hr.disdukcapil").hr_agency.code == "disdukcapil"
    assert users.get(username="hr.bkpsdm").hr_agency.code == "bkpsdm"
    admin = users.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert not users.filter(is_staff=True).exclude(pk=admin.pk).exists()


def test_it_writes_with_a_fixed_number_of_queries(django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        demo.build_demo()
    with django_assert_max_num_queries(9):
        demo.build_demo()


def test_it_prints_a_summary_and_the_sign_in_table_and_takes_a_password():
    out = StringIO()

    call_command("seed_demo", password="Sandi-Lain-2026", stdout=out)

    text = out.getvalue()
    assert "Staff: 60 (60 created, 0 updated)" in text
    assert "Staff per level: level 0: 2, level 1: 10, level 2: 21, level 3: 27" in text
    assert "hr.disdukcapil" in text
    assert f"{demo.REGISTRATION_HEAD.nip}  Armansyah Putra, S.Sos., M.Si." in text
    assert sign_in(demo.PPPK_PROGRAMMER.nip, "Sandi-Lain-2026") is not None
