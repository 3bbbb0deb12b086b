"""Pohon kinerja: the cascade of work results from the agency's goals down to every staff member.

The tree starts at the agency goals (sasaran strategis) of a performance year, goes through the
head's results (RHK) that take them up, and then through every result that supports ("intervenes
in") a result of the superior. It is read with a fixed number of queries whatever the size of the
agency: the units, the staff in view, the goals, their results together with the superiors'
results above them (one recursive query), the owners of those superiors' results (only when there
are any), the indicators and the acting assignments; the tree is assembled in Python.

What is in view follows the staff scope of `accounts.access.visible_staff`: HR and the super admin
see the whole agency, a supervisor their own results and their chain's, a staff member their own.
The superiors' results above what is in view are kept as context (text and owner, no indicators
and no checks), so everyone sees the branch their work belongs to.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import EmptyResultSet
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.expressions import RawSQL

from accounts.access import roles_of, visible_staff
from accounts.models import ActingAssignment, Staff, StaffStatus, Unit
from accounts.selectors import unit_tree
from appraisal.models import AgencyGoal, Indicator, Rhk, RhkKind, Skp

# Deeper supports chains than this only come from bad data; the rest of such a chain starts again
# at the top level, so rendering stays bounded.
MAX_DEPTH = 20

# The results the seed results support, and the results those support, up to the top. UNION (not
# UNION ALL) stops the walk on a supports cycle.
_ABOVE_SQL = """
WITH RECURSIVE above(id) AS (
    {seed}
    UNION
    SELECT r.supports_id FROM {rhk} r JOIN above ON r.id = above.id WHERE r.supports_id IS NOT NULL
)
SELECT id FROM above
"""


@dataclass(eq=False)
class CascadeNode:
    """One RHK in the tree, with its owner, indicators, checks and the results that support it."""

    rhk: Rhk
    owner: Staff
    in_view: bool
    indicators: list = field(default_factory=list)
    children: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    not_supported: bool = False
    no_goal: bool = False
    owner_unlinked: bool = False

    @property
    def anchor(self):
        return f"rhk-{self.rhk.pk}"

    @property
    def is_main(self):
        return self.rhk.kind == RhkKind.MAIN

    @property
    def child_count(self):
        return len(self.children)

    @property
    def flagged(self):
        return self.not_supported or self.no_goal or self.owner_unlinked


@dataclass
class UnitGroup:
    """Sibling results of one work unit; `show_unit` when the unit differs from the parent's."""

    unit: Unit
    show_unit: bool
    nodes: list


@dataclass
class GoalBranch:
    goal: AgencyGoal
    groups: list


@dataclass
class UnlinkedStaff:
    """An active staff member with a supervisor whose plan does not support the supervisor's plan."""

    staff: Staff
    has_skp: bool
    anchor: str | None = None


@dataclass
class CascadeTree:
    agency: object
    year: object
    unit: Unit | None
    goals: list
    loose: list
    additional: list
    unlinked_staff: list
    not_supported: list
    no_goal: list
    staff_count: int
    result_count: int

    @property
    def is_empty(self):
        return not (self.goals or self.loose or self.additional or self.unlinked_staff)

    @property
    def without_skp_count(self):
        return sum(1 for item in self.unlinked_staff if not item.has_skp)

    def nodes(self):
        """Every node in page order."""
        stack = [n for g in reversed(self.additional) for n in reversed(g.nodes)]
        stack += [n for g in reversed(self.loose) for n in reversed(g.nodes)]
        stack += [n for b in reversed(self.goals) for g in reversed(b.groups) for n in reversed(g.nodes)]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(n for g in reversed(node.groups) for n in reversed(g.nodes))


def unit_subtree_ids(ordered_units, unit):
    """Ids of the unit and every unit below it, from (unit, depth) pairs in tree order."""
    ids, inside_depth = [], None
    for candidate, depth in ordered_units:
        if inside_depth is not None and depth <= inside_depth:
            break
        if candidate.pk == unit.pk:
            inside_depth = depth
        if inside_depth is not None:
            ids.append(candidate.pk)
    return ids


def _results_in_and_above(year, scope):
    """Results of the staff in scope and, as context, every result above them in the cascade."""
    rhk_table = Rhk._meta.db_table
    seed = (
        Rhk.objects.filter(skp__year=year, skp__staff__in=scope, supports__isnull=False)
        .order_by()
        .values("supports_id")
    )
    try:
        seed_sql, seed_params = seed.query.sql_with_params()
    except EmptyResultSet:
        return Rhk.objects.none()
    above = RawSQL(_ABOVE_SQL.format(seed=seed_sql, rhk=rhk_table), seed_params)
    return (
        Rhk.objects.filter(skp__year=year)
        .filter(Q(skp__staff__in=scope) | Q(id__in=above))
        .annotate(
            owner_id=F("skp__staff_id"),
            is_supported=Exists(Rhk.objects.filter(supports=OuterRef("pk"))),
        )
        .order_by()
    )


def _acting_for(agency, year):
    """Supervisor id → ids of the officials acting for them at some time during the year."""
    rows = ActingAssignment.objects.filter(
        replaces__agency=agency,
        starts_on__lte=date(year.year, 12, 31),
        ends_on__gte=date(year.year, 1, 1),
    ).values_list("replaces_id", "acting_id")
    acting = defaultdict(set)
    for replaces_id, acting_id in rows:
        acting[replaces_id].add(acting_id)
    return acting


def _attach(nodes, goal_ids):
    """Links each node under the result it supports; returns roots per goal and the loose roots."""
    under_goal, loose = defaultdict(list), []
    for node in nodes.values():
        parent = nodes.get(node.rhk.supports_id)
        if parent is not None:
            parent.children.append(node)
        elif node.rhk.goal_id in goal_ids:
            under_goal[node.rhk.goal_id].append(node)
        else:
            loose.append(node)
    visited = set()

    def walk(root):
        stack = [(root, 1)]
        while stack:
            node, depth = stack.pop()
            visited.add(node.rhk.pk)
            if depth >= MAX_DEPTH and node.children:
                loose.extend(node.children)
                roots.extend(node.children)
                node.children = []
            stack.extend((child, depth + 1) for child in node.children)

    roots = [*loose, *(n for group in under_goal.values() for n in group)]
    while roots:
        walk(roots.pop())
    # Whatever is still unvisited hangs in a supports cycle: it starts again at the top level.
    for node in nodes.values():
        if node.rhk.pk not in visited:
            parent = nodes.get(node.rhk.supports_id)
            if parent is not None:
                parent.children.remove(node)
            loose.append(node)
            walk(node)
    return under_goal, loose


def _grouper(unit_rank):
    def sort_key(node):
        owner = node.owner
        return (
            unit_rank.get(owner.unit_id, len(unit_rank)),
            owner.name,
            owner.pk,
            node.rhk.kind != RhkKind.MAIN,
            node.rhk.order,
            node.rhk.pk,
        )

    def group(nodes, *, parent_unit_id=None, always=False):
        groups = []
        for node in sorted(nodes, key=sort_key):
            if groups and groups[-1].unit.pk == node.owner.unit_id:
                groups[-1].nodes.append(node)
            else:
                show = always or (parent_unit_id is not None and node.owner.unit_id != parent_unit_id)
                groups.append(UnitGroup(unit=node.owner.unit, show_unit=show, nodes=[node]))
        return groups

    return group


def _is_head(staff, agency):
    return staff is not None and staff.agency_id == agency.pk and staff.supervisor_id is None


def cascade_tree(agency, year, *, unit=None, viewer):
    """The cascade of `year` (a PerformanceYear of `agency`) as `viewer` may see it.

    `unit` limits what is in view to that unit and the units below it.
    """
    roles = roles_of(viewer)
    ordered_units = unit_tree(Unit.objects.filter(agency=agency).order_by("code"))
    unit_rank = {u.pk: i for i, (u, _) in enumerate(ordered_units)}

    scope = visible_staff(viewer).filter(agency=agency)
    if unit is not None:
        scope = scope.filter(unit_id__in=unit_subtree_ids(ordered_units, unit))
    staff_rows = list(
        scope.select_related("unit", "position")
        .annotate(
            has_skp=Exists(Skp.objects.filter(staff=OuterRef("pk"), year=year)),
            leads=Exists(Staff.objects.filter(supervisor=OuterRef("pk"), status=StaffStatus.ACTIVE)),
        )
        .order_by()
    )
    in_view = {s.pk: s for s in staff_rows}

    goals = list(AgencyGoal.objects.filter(year=year).order_by("code", "pk"))
    goal_ids = {g.pk for g in goals}
    nodes = {}
    results = list(_results_in_and_above(year, scope))
    # The owners of the results above what is in view; the others were read with the scope.
    above_ids = {rhk.owner_id for rhk in results} - in_view.keys()
    owners = Staff.objects.select_related("unit", "position").in_bulk(above_ids) if above_ids else {}
    owners.update(in_view)
    for rhk in results:
        if rhk.owner_id in owners:
            nodes[rhk.pk] = CascadeNode(rhk=rhk, owner=owners[rhk.owner_id], in_view=rhk.owner_id in in_view)
    indicators = Indicator.objects.filter(rhk__skp__year=year, rhk__skp__staff__in=scope).order_by(
        "rhk_id", "pk"
    )
    for indicator in indicators:
        node = nodes.get(indicator.rhk_id)
        if node is not None and node.in_view:
            node.indicators.append(indicator)
    acting = _acting_for(agency, year)

    # Checks, on what is in view only.
    by_owner = defaultdict(list)
    for node in nodes.values():
        if not node.in_view:
            continue
        by_owner[node.owner.pk].append(node)
        if node.is_main and node.owner.leads and not node.rhk.is_supported:
            node.not_supported = True
        if node.is_main and node.owner.supervisor_id is None and node.rhk.goal_id not in goal_ids:
            node.no_goal = True
    unlinked = {}
    for staff in staff_rows:
        if staff.status != StaffStatus.ACTIVE or staff.supervisor_id is None:
            continue
        superiors = {staff.supervisor_id, *acting.get(staff.supervisor_id, ())}
        linked = any(
            node.is_main
            and (parent := nodes.get(node.rhk.supports_id)) is not None
            and parent.owner.pk in superiors
            for node in by_owner[staff.pk]
        )
        if not linked:
            unlinked[staff.pk] = UnlinkedStaff(staff=staff, has_skp=staff.has_skp)
            for node in by_owner[staff.pk]:
                node.owner_unlinked = node.is_main

    # Assembly.
    under_goal, loose_roots = _attach(nodes, goal_ids)
    group = _grouper(unit_rank)
    for node in nodes.values():
        node.groups = group(node.children, parent_unit_id=node.owner.unit_id)
    show_all_goals = unit is None and (roles.administers(agency.pk) or _is_head(roles.staff, agency))
    branches = [
        GoalBranch(goal=goal, groups=group(under_goal.get(goal.pk, [])))
        for goal in goals
        if show_all_goals or goal.pk in under_goal
    ]
    tree = CascadeTree(
        agency=agency,
        year=year,
        unit=unit,
        goals=branches,
        loose=group([n for n in loose_roots if n.is_main], always=True),
        additional=group([n for n in loose_roots if not n.is_main], always=True),
        unlinked_staff=[],
        not_supported=[],
        no_goal=[],
        staff_count=sum(1 for s in staff_rows if s.status == StaffStatus.ACTIVE),
        result_count=sum(1 for n in nodes.values() if n.in_view),
    )
    for node in tree.nodes():
        if node.not_supported:
            tree.not_supported.append(node)
        if node.no_goal:
            tree.no_goal.append(node)
        item = unlinked.get(node.owner.pk) if node.in_view else None
        if item is not None and item.anchor is None:
            item.anchor = node.anchor
    tree.unlinked_staff = sorted(
        unlinked.values(),
        key=lambda item: (unit_rank.get(item.staff.unit_id, len(unit_rank)), item.staff.name, item.staff.pk),
    )
    return tree
