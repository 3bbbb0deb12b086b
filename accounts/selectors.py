"""Reads about staff and organisation that span rows: the supervisor chain in both directions."""

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from accounts.models import ActingAssignment, Staff

# Everyone below the roots: the roots are the official and whoever they currently act for.
# UNION (not UNION ALL) makes the walk stop even on bad data that holds a cycle.
_SUBTREE_SQL = """
WITH RECURSIVE roots(id) AS (
    SELECT CAST(%s AS bigint)
    UNION
    SELECT a.replaces_id FROM accounts_actingassignment a
    WHERE a.acting_id = %s AND a.starts_on <= %s AND a.ends_on >= %s
),
chain(id) AS (
    SELECT s.id FROM accounts_staff s JOIN roots r ON s.supervisor_id = r.id
    UNION
    SELECT s.id FROM accounts_staff s JOIN chain c ON s.supervisor_id = c.id
)
SELECT id FROM chain WHERE id <> %s
"""

_CHAIN_UP_SQL = """
WITH RECURSIVE up(id, supervisor_id, depth) AS (
    SELECT id, supervisor_id, 0 FROM accounts_staff WHERE id = %s
    UNION ALL
    SELECT s.id, s.supervisor_id, up.depth + 1
    FROM accounts_staff s JOIN up ON s.id = up.supervisor_id
    WHERE up.depth < 100
)
SELECT id, depth FROM up WHERE depth > 0 ORDER BY depth
"""


def subordinate_ids_sql(staff_id, *, on=None):
    """A lazy subquery of the ids of every staff member below this one, direct, indirect or acting."""
    on = on or timezone.localdate()
    return RawSQL(_SUBTREE_SQL, [staff_id, staff_id, on, on, staff_id])


def subordinates_of(staff, *, on=None):
    return Staff.objects.filter(id__in=subordinate_ids_sql(staff.id, on=on))


def supervisor_chain_ids(staff_id):
    """Ids from the direct supervisor upwards, nearest first."""
    with connection.cursor() as cursor:
        cursor.execute(_CHAIN_UP_SQL, [staff_id])
        return [row[0] for row in cursor.fetchall()]


def supervisor_chain(staff):
    """The staff member's superiors, nearest first, in one query for the walk and one for the rows."""
    ids = supervisor_chain_ids(staff.id)
    rows = Staff.objects.select_related("position", "unit").in_bulk(ids)
    return [rows[i] for i in ids if i in rows]


def has_subordinates(staff, *, on=None):
    """Whether anyone reports to this person, directly or through a current acting assignment."""
    acting_for = ActingAssignment.objects.current(on).filter(acting=staff).values("replaces_id")
    reports = Staff.objects.filter(Q(supervisor=staff) | Q(supervisor_id__in=acting_for))
    return reports.exclude(pk=staff.pk).exists()


def current_acting_assignments(staff, *, on=None):
    return staff.acting_assignments.current(on).select_related("replaces__position")


def unit_tree(units):
    """Units in tree order as (unit, depth) pairs, from one query; orphans of a cut tree go on top."""
    units = list(units)
    ids = {u.pk for u in units}
    children = {}
    for unit in units:
        parent = unit.parent_id if unit.parent_id in ids else None
        children.setdefault(parent, []).append(unit)
    ordered, stack = [], [(u, 0) for u in reversed(children.get(None, []))]
    while stack:
        unit, depth = stack.pop()
        ordered.append((unit, depth))
        stack.extend((child, depth + 1) for child in reversed(children.get(unit.pk, [])))
    return ordered


def rater_ids(staff, *, on=None):
    """Who may act as this person's rater today: the direct supervisor while still active, and whoever
    acts (Plt/Plh) for them."""
    if staff.supervisor_id is None:
        return set()
    acting = ActingAssignment.objects.current(on).filter(replaces_id=staff.supervisor_id)
    active = Staff.objects.active().filter(pk=staff.supervisor_id)
    return set(active.values_list("pk", flat=True).union(acting.values_list("acting_id", flat=True)))
