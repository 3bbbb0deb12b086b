from datetime import timedelta

import pytest
from django.db import connection

from accounts.models import Unit
from accounts.selectors import has_subordinates, subordinates_of, supervisor_chain, unit_tree
from accounts.tests import factories


def _names(queryset):
    return sorted(s.name for s in queryset)


def test_it_finds_direct_and_indirect_subordinates_of_the_head(org):
    assert _names(subordinates_of(org.head)) == ["Kabid A", "Kabid B", "Staf A", "Staf A2", "Staf B"]


def test_it_finds_nobody_below_a_plain_staff_member(org):
    assert not subordinates_of(org.staff_a).exists()
    assert not has_subordinates(org.staff_a)


@pytest.mark.parametrize(
    ("day", "names"),
    [
        pytest.param(lambda a: a.starts_on - timedelta(days=1), ["Staf A", "Staf A2"], id="day-before"),
        pytest.param(lambda a: a.starts_on, ["Staf A", "Staf A2", "Staf B"], id="first-day"),
        pytest.param(lambda a: a.starts_on + timedelta(days=5), ["Staf A", "Staf A2", "Staf B"], id="during"),
        pytest.param(lambda a: a.ends_on, ["Staf A", "Staf A2", "Staf B"], id="last-day"),
        pytest.param(lambda a: a.ends_on + timedelta(days=1), ["Staf A", "Staf A2"], id="day-after"),
    ],
)
def test_it_adds_the_replaced_officials_staff_only_while_the_acting_assignment_runs(org, day, names):
    assert _names(subordinates_of(org.kabid_a, on=day(org.acting))) == names


def test_it_gives_the_acting_official_the_whole_chain_below_the_replaced_one(org):
    seksi = factories.staff(supervisor=org.staff_b, name="Staf di bawah Staf B")
    on = org.acting.starts_on
    assert seksi in subordinates_of(org.kabid_a, on=on)
    assert seksi not in subordinates_of(org.kabid_a, on=org.acting.ends_on + timedelta(days=1))


def test_it_does_not_count_the_replaced_official_as_a_subordinate(org):
    assert org.kabid_b not in subordinates_of(org.kabid_a, on=org.acting.starts_on)


def test_it_never_lists_the_person_themself(org):
    # Kabid A acting for the head reaches the head's direct staff, Kabid A among them.
    org.acting.replaces = org.head
    org.acting.save(update_fields=["replaces"])
    assert _names(subordinates_of(org.kabid_a, on=org.acting.starts_on)) == [
        "Kabid B",
        "Staf A",
        "Staf A2",
        "Staf B",
    ]


def test_it_terminates_on_a_supervisor_cycle_planted_in_the_data(org):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE accounts_staff SET supervisor_id = %s WHERE id = %s", [org.staff_a.pk, org.head.pk]
        )
    assert _names(subordinates_of(org.kabid_a)) == ["Kabid B", "Kepala Dinas", "Staf A", "Staf A2", "Staf B"]
    assert _names(subordinates_of(org.head)) == ["Kabid A", "Kabid B", "Staf A", "Staf A2", "Staf B"]


def test_it_gives_the_supervisor_chain_nearest_first(org):
    deeper = factories.staff(supervisor=org.staff_a, name="Magang")
    assert supervisor_chain(deeper) == [org.staff_a, org.kabid_a, org.head]
    assert supervisor_chain(org.staff_b) == [org.kabid_b, org.head]
    assert supervisor_chain(org.head) == []


def test_it_reads_the_supervisor_chain_in_two_queries(org, django_assert_num_queries):
    deeper = factories.staff(supervisor=org.staff_a)
    with django_assert_num_queries(2):
        chain = supervisor_chain(deeper)
        assert [(s.unit.code, s.position.agency_id) for s in chain] == [
            ("DUK.1", org.agency.pk),
            ("DUK.1", org.agency.pk),
            ("DUK", org.agency.pk),
        ]


def test_it_orders_units_depth_first_with_their_depths(org):
    # Codes deliberately sort differently from the tree.
    seksi = factories.unit(parent=org.bidang_a, code="A-SEKSI", name="Seksi Identitas")
    subseksi = factories.unit(parent=seksi, code="0-SUB", name="Sub Seksi")
    units = Unit.objects.filter(agency=org.agency).order_by("code")
    assert [(u.code, depth) for u, depth in unit_tree(units)] == [
        ("DUK", 0),
        ("DUK.1", 1),
        ("A-SEKSI", 2),
        (subseksi.code, 3),
        ("DUK.2", 1),
    ]


def test_it_keeps_the_given_order_among_siblings(org):
    factories.unit(parent=org.root, code="DUK.3", name="Sekretariat")
    units = Unit.objects.filter(agency=org.agency).order_by("-code")
    assert [u.code for u, _ in unit_tree(units)] == ["DUK", "DUK.3", "DUK.2", "DUK.1"]


def test_it_puts_units_whose_parent_is_missing_on_top(org):
    seksi = factories.unit(parent=org.bidang_a, code="DUK.1.1", name="Seksi")
    units = Unit.objects.filter(pk__in=[org.bidang_a.pk, seksi.pk, org.bidang_b.pk]).order_by("code")
    assert [(u.code, depth) for u, depth in unit_tree(units)] == [("DUK.1", 0), ("DUK.1.1", 1), ("DUK.2", 0)]


def test_it_builds_the_unit_tree_from_one_query(org, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert len(unit_tree(Unit.objects.filter(agency=org.agency))) == 3


def test_it_gives_an_empty_tree_for_no_units(db):
    assert unit_tree(Unit.objects.none()) == []


@pytest.mark.parametrize("size", [5, 50])
def test_it_lists_subordinates_in_one_query_whatever_the_tree_size(db, django_assert_num_queries, size):
    head = factories.staff(name="Kepala")
    people = [head]
    for n in range(1, size):
        people.append(factories.staff(supervisor=people[(n - 1) // 2], name=f"Pegawai {n:02d}"))
    with django_assert_num_queries(1):
        below = list(subordinates_of(head))
    assert len(below) == size - 1
