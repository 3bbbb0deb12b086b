"""Reads of 360° feedback, with the rules that protect raters.

The person rated sees results only:
- once the request is settled (every rater has answered, or it has closed), so a later answer can
  never be told apart by comparing the page before and after it;
- as aggregates (mean score per value and rater group, number of answers), for groups where at least
  MIN_RATERS raters answered. Groups with fewer answers are merged into "others" when that merged set
  reaches MIN_RATERS; otherwise they are hidden ("not enough answers yet");
- with comments from those shown sets only, without names or groups, grouped by value and sorted by
  their text (never in the order they were given).
Rater names and ids never leave this module on the person rated's path. Requesters and HR see who
has answered (yes/no) but never what anyone answered.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Prefetch, Q, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.access import roles_of, visible_staff
from accounts.models import Staff
from accounts.selectors import subordinate_ids_sql
from appraisal.models import CoreValue, FeedbackAnswer, FeedbackInvitation, FeedbackRequest, RaterGroup
from appraisal.services.peer_feedback import MIN_RATERS

OTHERS = "others"
OTHERS_LABEL = _("Others (groups with fewer answers together)")
GROUP_ORDER = [g.value for g in RaterGroup]
VALUE_ORDER = [v.value for v in CoreValue]
VALUE_LABELS = dict(CoreValue.choices)


def _own_staff_id(user):
    staff = roles_of(user).staff
    return staff.pk if staff else None


# --- Raters -------------------------------------------------------------------------------------------


def invitations_for_rater(staff):
    """The rater's invitations: open ones first, soonest closing first."""
    if staff is None:
        return FeedbackInvitation.objects.none()
    return (
        FeedbackInvitation.objects.filter(rater=staff)
        .select_related("request__subject__position", "request__period")
        .order_by(F("answered_at").desc(nulls_first=True), "request__closes_on", "pk")
    )


def open_invitation_count(staff):
    """How many requests the rater can still answer."""
    if staff is None:
        return 0
    return (
        invitations_for_rater(staff)
        .filter(answered_at__isnull=True, request__closes_on__gte=timezone.localdate())
        .count()
    )


def invitation_for_rater(user, pk):
    """The invitation, for its own rater only; everyone else (the person rated, the requester, HR)
    gets 404."""
    own = _own_staff_id(user)
    invitation = (
        FeedbackInvitation.objects.select_related("request__subject__position", "request__period")
        .filter(pk=pk, rater_id=own)
        .first()
        if own is not None
        else None
    )
    if invitation is None:
        raise Http404
    return invitation


# --- Requesters -------------------------------------------------------------------------------------


def may_manage_requests(user):
    roles = roles_of(user)
    return roles.is_supervisor or roles.administers_any


def request_subjects_for(user):
    """Active staff the user may ask feedback on: those below them in the chain (incl. acting), and
    the agency's staff for HR; never themself."""
    roles = roles_of(user)
    if roles.is_superadmin:
        scope = Q()
    else:
        scope = Q(pk__in=[])
        if roles.staff is not None:
            scope |= Q(id__in=subordinate_ids_sql(roles.staff.pk))
        if roles.is_hr:
            scope |= Q(agency_id=roles.hr_agency_id)
    own = _own_staff_id(user)
    subjects = Staff.objects.active().filter(scope).select_related("unit", "agency")
    return subjects.exclude(pk=own) if own is not None else subjects


def requests_for_manager(user):
    """Requests on staff the user may see (or that they made), never on themself, with progress
    ("answered N of M") and the raters in name order: a fixed number of queries for any size."""
    own = _own_staff_id(user)
    scope = Q(subject__in=visible_staff(user)) | Q(requested_by=user)
    raters = FeedbackInvitation.objects.select_related("rater").order_by("rater__name", "pk")
    requests = (
        FeedbackRequest.objects.filter(scope)
        .select_related("subject__unit", "period__year")
        .annotate(
            invited=Count("invitations"),
            answered=Count("invitations", filter=Q(invitations__answered_at__isnull=False)),
        )
        .prefetch_related(Prefetch("invitations", queryset=raters))
        .order_by("-created_at", "-pk")
    )
    return requests.exclude(subject_id=own) if own is not None else requests


# --- The person rated ------------------------------------------------------------------------------


@dataclass
class Bucket:
    key: str
    label: str
    count: int
    means: dict = field(default_factory=dict)


@dataclass
class Results:
    request: FeedbackRequest
    released: bool
    buckets: list = field(default_factory=list)
    hidden_groups: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    comments: list = field(default_factory=list)

    @property
    def has_results(self):
        return bool(self.buckets)


def _mean(total, count):
    return (Decimal(total) / Decimal(count)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _buckets(invited_groups, sums):
    """Shown buckets and hidden group labels from {(group, value): (total, count)}."""
    answered = dict.fromkeys(invited_groups, 0)
    for (group, _value), (_total, count) in sums.items():
        answered[group] = max(answered.get(group, 0), count)
    labels = dict(RaterGroup.choices)
    ordered = [g for g in GROUP_ORDER if g in answered]
    large = [g for g in ordered if answered[g] >= MIN_RATERS]
    small = [g for g in ordered if answered[g] < MIN_RATERS]
    merged = sum(answered[g] for g in small) >= MIN_RATERS
    buckets = []
    members = {}
    for group in large:
        buckets.append(Bucket(group, labels[group], answered[group]))
        members[group] = [group]
    if merged:
        buckets.append(Bucket(OTHERS, OTHERS_LABEL, sum(answered[g] for g in small)))
        members[OTHERS] = small
    for bucket in buckets:
        for value in VALUE_ORDER:
            parts = [sums[(g, value)] for g in members[bucket.key] if (g, value) in sums]
            total, count = sum(p[0] for p in parts), sum(p[1] for p in parts)
            bucket.means[value] = _mean(total, count) if count else None
    hidden = [] if merged else [labels[g] for g in small]
    shown_groups = [g for key in members for g in members[key]]
    return buckets, hidden, shown_groups


def results_for_subject(staff, *, today=None):
    """The person's own 360° results, newest period first, in three queries whatever the number of
    requests and raters. Only the person rated may be given these."""
    if staff is None:
        return []
    today = today or timezone.localdate()
    group_counts = {
        f"invited_{group}": Count("invitations", filter=Q(invitations__group=group)) for group in GROUP_ORDER
    }
    requests = list(
        FeedbackRequest.objects.filter(subject=staff)
        .select_related("period__year")
        .annotate(
            invited=Count("invitations"),
            answered=Count("invitations", filter=Q(invitations__answered_at__isnull=False)),
            **group_counts,
        )
        .order_by("-period__starts_on", "-pk")
    )
    results = {
        r.pk: Results(request=r, released=r.invited > 0 and (r.answered == r.invited or today > r.closes_on))
        for r in requests
    }
    released = [pk for pk, result in results.items() if result.released]
    sums_by_request: dict[int, dict] = {pk: {} for pk in released}
    if released:
        rows = (
            FeedbackAnswer.objects.filter(invitation__request_id__in=released)
            .values("invitation__request_id", "invitation__group", "value")
            .annotate(total=Sum("score"), count=Count("id"))
            .order_by()
        )
        for row in rows:
            key = (row["invitation__group"], row["value"])
            sums_by_request[row["invitation__request_id"]][key] = (row["total"], row["count"])
    comment_scope = Q(pk__in=[])
    for pk in released:
        request = results[pk].request
        invited = [g for g in GROUP_ORDER if getattr(request, f"invited_{g}")]
        buckets, hidden, shown_groups = _buckets(invited, sums_by_request[pk])
        result = results[pk]
        result.buckets, result.hidden_groups = buckets, hidden
        result.rows = [
            {"label": VALUE_LABELS[value], "cells": [(b.label, b.means[value]) for b in buckets]}
            for value in VALUE_ORDER
            if buckets
        ]
        if shown_groups:
            comment_scope |= Q(invitation__request_id=pk, invitation__group__in=shown_groups)
    if any(result.buckets for result in results.values()):
        comments = (
            FeedbackAnswer.objects.filter(comment_scope)
            .exclude(comment="")
            .values_list("invitation__request_id", "value", "comment")
            .order_by("invitation__request_id", "value", "comment")
        )
        by_request: dict[int, dict] = {}
        for request_id, value, comment in comments:
            by_request.setdefault(request_id, {}).setdefault(value, []).append(comment)
        for request_id, by_value in by_request.items():
            results[request_id].comments = [
                (VALUE_LABELS[value], sorted(by_value[value], key=str.casefold))
                for value in VALUE_ORDER
                if value in by_value
            ]
    return [results[r.pk] for r in requests]
