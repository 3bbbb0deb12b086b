"""Reads of the reminders: who is owed which reminder on a local day, and a user's notifications.

Each finder is one query for every agency of the run, never one per staff member. The raters of a
staff member follow accounts.selectors.rater_ids: the direct supervisor while active, and whoever acts
(Plt/Plh) for that supervisor on the day; a rater's own raters are the superiors an overdue appraisal
is escalated to.
"""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.db import connection
from django.db.models import (
    BigIntegerField,
    Case,
    Count,
    DateField,
    Exists,
    F,
    Func,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from accounts.models import ActingAssignment, Staff, StaffStatus, User
from appraisal.models import (
    Appraisal,
    AppraisalStatus,
    DailyReport,
    FeedbackInvitation,
    ReportStatus,
    Skp,
    SkpStatus,
)
from appraisal.selectors.reports import report_calendars
from notifications.models import EmailDigest, EmailFrequency, EmailPreference, Notification, NotificationKind

# How far back the last working day is looked for: longer than any run of holidays (Lebaran, cuti bersama).
LOOKBACK = datetime.timedelta(days=31)
# A weekly e-mail holds the unread reminders of today and the six days before.
LAST_WEEK = datetime.timedelta(days=6)


@dataclass(frozen=True)
class ReportDay:
    """The working day before today whose daily report is still owed, and until when it may be entered."""

    day: datetime.date
    year_id: int
    deadline: datetime.date


@dataclass
class ReminderDay:
    """The local day of a run and each agency's calendar around it."""

    today: datetime.date
    calendars: dict = field(default_factory=dict)  # agency id → ReportCalendar

    @cached_property
    def working(self) -> set:
        """The agencies for which today is a working day."""
        return {pk for pk, cal in self.calendars.items() if cal.is_working_day(self.today)}

    @cached_property
    def week_starts(self) -> set:
        """The agencies for which today is the first working day of the week (Monday unless a holiday)."""
        monday = self.today - datetime.timedelta(days=self.today.weekday())
        return {pk for pk in self.working if not self.calendars[pk].working_days(monday, self.yesterday)}

    @property
    def yesterday(self):
        return self.today - datetime.timedelta(days=1)

    def report_days(self) -> dict:
        """{agency id: ReportDay} for the working agencies whose last working day may still be reported."""
        days = {}
        for pk in self.working:
            cal = self.calendars[pk]
            earlier = cal.working_days(self.today - LOOKBACK, self.yesterday)
            if earlier and cal.date_error(earlier[-1]) is None:
                day = earlier[-1]
                days[pk] = ReportDay(day=day, year_id=cal.year_of(day).pk, deadline=cal.deadline(day))
        return days


def reminder_day(today: datetime.date) -> ReminderDay:
    """Every agency's working calendar from LOOKBACK before today, in three queries."""
    return ReminderDay(today=today, calendars=report_calendars(since=today - LOOKBACK, today=today))


@dataclass(frozen=True)
class Reminder:
    """A reminder owed to a user today; `figures` are what its text says (counts, dates, names)."""

    user_id: int
    kind: str
    figures: dict


# --- Raters, set-based ------------------------------------------------------------------------------

# (staff, rater) pairs of `on`: the direct supervisor while active and whoever acts for that supervisor.
_RATED_SQL = """
rated(staff_id, rater_id) AS (
    SELECT s.id, s.supervisor_id FROM {staff} s
    JOIN {staff} sup ON sup.id = s.supervisor_id AND sup.status = %s
    UNION
    SELECT s.id, a.acting_id FROM {staff} s
    JOIN {acting} a ON a.replaces_id = s.supervisor_id AND a.acting_id <> s.id
    WHERE a.starts_on <= %s AND a.ends_on >= %s
)"""

# Items (rows with a staff_id column) counted per rater: each item once per rater, whatever the path.
_PER_RATER_SQL = """
WITH items AS ({items}), {rated}
SELECT r.user_id, COUNT(DISTINCT i) FROM items i
JOIN rated x ON x.staff_id = i.staff_id
JOIN {staff} r ON r.id = x.rater_id
WHERE r.status = %s AND r.agency_id = ANY(%s::bigint[])
GROUP BY r.user_id
"""

# Items counted per superior of their rater: the raters' own raters, never the staff member themself.
_PER_SUPERIOR_SQL = """
WITH items AS ({items}), {rated}
SELECT r.user_id, COUNT(DISTINCT i) FROM items i
JOIN rated x ON x.staff_id = i.staff_id
JOIN {staff} rater ON rater.id = x.rater_id AND rater.status = %s
JOIN rated y ON y.staff_id = x.rater_id AND y.rater_id <> i.staff_id
JOIN {staff} r ON r.id = y.rater_id
WHERE r.status = %s AND r.agency_id = ANY(%s::bigint[])
GROUP BY r.user_id
"""


def _counts(template, items, *, on, params) -> dict:
    """{user id: count} from one statement: the items' own SQL and the rater pairs of `on` inside the
    template, whose own placeholders take `params`."""
    items_sql, items_params = items.order_by().query.sql_with_params()
    tables = {"staff": Staff._meta.db_table, "acting": ActingAssignment._meta.db_table}
    sql = template.format(items=items_sql, rated=_RATED_SQL.format(**tables), **tables)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*items_params, StaffStatus.ACTIVE, on, on, *params])
        return dict(cursor.fetchall())


def per_rater(items, *, agency_ids, on) -> dict:
    """{user id of the rater: how many items} for raters working in the agencies."""
    return _counts(_PER_RATER_SQL, items, on=on, params=[StaffStatus.ACTIVE, list(agency_ids)])


def per_superior(items, *, agency_ids, on) -> dict:
    """{user id of the rater's superior: how many items} for superiors working in the agencies."""
    params = [StaffStatus.ACTIVE, StaffStatus.ACTIVE, list(agency_ids)]
    return _counts(_PER_SUPERIOR_SQL, items, on=on, params=params)


# --- What is owed -----------------------------------------------------------------------------------


def staff_without_report(report_days: dict) -> list[Reminder]:
    """Active staff of the given agencies with an SKP for the year of their agency's report day and no
    daily report dated that day; report_days is {agency id: ReportDay}."""
    if not report_days:
        return []
    by_agency = report_days.items()
    rows = (
        Staff.objects.active()
        .filter(agency_id__in=report_days)
        .annotate(
            report_day=Case(
                *[When(agency_id=pk, then=Value(d.day)) for pk, d in by_agency], output_field=DateField()
            ),
            report_year=Case(
                *[When(agency_id=pk, then=Value(d.year_id)) for pk, d in by_agency],
                output_field=BigIntegerField(),
            ),
        )
        .filter(Exists(Skp.objects.filter(staff=OuterRef("pk"), year_id=OuterRef("report_year"))))
        .exclude(Exists(DailyReport.objects.filter(staff=OuterRef("pk"), date=OuterRef("report_day"))))
        .values_list("user_id", "agency_id")
    )
    return [
        Reminder(
            user_id,
            NotificationKind.MISSING_REPORT,
            {"day": report_days[agency_id].day, "deadline": report_days[agency_id].deadline},
        )
        for user_id, agency_id in rows
    ]


def _reminders(kind, counts: dict, **figures) -> list[Reminder]:
    return [Reminder(user_id, kind, {"count": count, **figures}) for user_id, count in counts.items()]


def skps_to_approve(*, agency_ids, today) -> list[Reminder]:
    """Raters with SKPs of their team submitted for approval."""
    items = Skp.objects.filter(status=SkpStatus.SUBMITTED).values_list("pk", "staff_id")
    return _reminders(NotificationKind.SKP_APPROVALS, per_rater(items, agency_ids=agency_ids, on=today))


def reports_to_acknowledge(*, agency_ids, today) -> list[Reminder]:
    """Raters with daily reports of their team not yet acknowledged or commented on."""
    items = DailyReport.objects.filter(status=ReportStatus.SUBMITTED, date__lte=today).values_list(
        "pk", "staff_id"
    )
    return _reminders(NotificationKind.REPORT_REVIEWS, per_rater(items, agency_ids=agency_ids, on=today))


def _appraisals_open(deadline: Q, *, done: list):
    """One row per active staff member's SKP of an open year and period of that year whose evaluation
    deadline matches `deadline` (a Q on the period), with `period_id`, when the SKP has no appraisal of
    that period in a status of `done`: an appraisal not started is open too."""
    finished = Appraisal.objects.filter(skp=OuterRef("pk"), period=OuterRef("period_id"), status__in=done)
    return (
        Skp.objects.filter(deadline, staff__status=StaffStatus.ACTIVE, year__is_open=True)
        .annotate(period_id=F("year__periods"))
        .filter(~Exists(finished))
    )


def _appraisal_items(deadline, *, done):
    return _appraisals_open(deadline, done=done).values_list("pk", "period_id", "staff_id")


def _due_soon(today, days):
    return Q(year__periods__evaluation_deadline__range=(today, today + datetime.timedelta(days=days)))


def _overdue(today):
    return Q(year__periods__evaluation_deadline__lt=today)


# The rater's part is done once the appraisal is submitted to their superior.
RATER_DONE = [AppraisalStatus.SUBMITTED, AppraisalStatus.FINAL]


def appraisals_due(*, agency_ids, today, days) -> list[Reminder]:
    """Raters with appraisals of their team whose evaluation deadline is within `days` days."""
    items = _appraisal_items(_due_soon(today, days), done=RATER_DONE)
    counts = per_rater(items, agency_ids=agency_ids, on=today)
    return _reminders(NotificationKind.APPRAISALS_DUE, counts, days=days)


def appraisals_overdue(*, agency_ids, today) -> list[Reminder]:
    """Raters with appraisals of their team past the evaluation deadline."""
    items = _appraisal_items(_overdue(today), done=RATER_DONE)
    return _reminders(NotificationKind.APPRAISALS_OVERDUE, per_rater(items, agency_ids=agency_ids, on=today))


def appraisals_escalated(*, agency_ids, today) -> list[Reminder]:
    """The raters' superiors, for appraisals past the evaluation deadline that are not final (including
    those waiting for the superior's own approval)."""
    items = _appraisal_items(_overdue(today), done=[AppraisalStatus.FINAL])
    counts = per_superior(items, agency_ids=agency_ids, on=today)
    return _reminders(NotificationKind.APPRAISALS_ESCALATED, counts)


def feedback_owed(*, agency_ids, today) -> list[Reminder]:
    """Raters invited to a 360° request still open who have not answered it."""
    rows = (
        FeedbackInvitation.objects.filter(
            answered_at__isnull=True,
            request__closes_on__gte=today,
            rater__status=StaffStatus.ACTIVE,
            rater__agency_id__in=agency_ids,
        )
        .values("rater__user_id")
        .annotate(count=Count("pk"))
        .values_list("rater__user_id", "count")
    )
    return _reminders(NotificationKind.FEEDBACK_OWED, dict(rows))


def _count(rows):
    """The number of rows of a correlated subquery, as an expression."""
    counted = rows.order_by().annotate(count=Func(F("pk"), function="COUNT")).values("count")
    return Coalesce(Subquery(counted), 0)


def hr_digests(*, agency_ids, today, days) -> list[Reminder]:
    """HR admins of the agencies with their agency's figures this week: SKPs of the year not approved,
    appraisals not final whose deadline is within `days` days or past, daily reports waiting."""
    agency = OuterRef("hr_agency_id")
    not_approved = Skp.objects.filter(
        year__agency_id=agency, year__year=today.year, staff__status=StaffStatus.ACTIVE
    ).exclude(status=SkpStatus.APPROVED)
    deadline = Q(year__periods__evaluation_deadline__lte=today + datetime.timedelta(days=days))
    appraisals = _appraisals_open(deadline, done=[AppraisalStatus.FINAL]).filter(year__agency_id=agency)
    waiting = DailyReport.objects.filter(
        staff__agency_id=agency, status=ReportStatus.SUBMITTED, date__lte=today
    )
    rows = (
        User.objects.filter(is_active=True, hr_agency_id__in=agency_ids)
        .annotate(skps=_count(not_approved), appraisals=_count(appraisals), reports=_count(waiting))
        .filter(Q(skps__gt=0) | Q(appraisals__gt=0) | Q(reports__gt=0))
        .values_list("pk", "hr_agency__short_name", "skps", "appraisals", "reports")
    )
    return [
        Reminder(
            pk,
            NotificationKind.HR_DIGEST,
            {"agency": agency_name, "skps": skps, "appraisals": appraisals, "reports": reports, "days": days},
        )
        for pk, agency_name, skps, appraisals, reports in rows
    ]


def reminders_owed(day: ReminderDay, *, appraisal_days: int) -> list[Reminder]:
    """Every reminder owed today to people of agencies at work today, one query per kind."""
    working, today = day.working, day.today
    if not working:
        return []
    scope = {"agency_ids": working, "today": today}
    reminders = [
        *staff_without_report(day.report_days()),
        *skps_to_approve(**scope),
        *reports_to_acknowledge(**scope),
        *appraisals_due(**scope, days=appraisal_days),
        *appraisals_overdue(**scope),
        *appraisals_escalated(**scope),
        *feedback_owed(**scope),
    ]
    if week_starts := day.week_starts:
        reminders += hr_digests(agency_ids=week_starts, today=today, days=appraisal_days)
    return reminders


def languages_of(user_ids) -> dict:
    """{user id: language of their reminders} for users who chose one; the others use the default."""
    return dict(EmailPreference.objects.filter(user_id__in=user_ids).values_list("user_id", "language"))


def notified_today(today) -> set:
    """(user id, kind) of the notifications already written for the day."""
    return set(Notification.objects.filter(day=today).values_list("recipient_id", "kind"))


# --- E-mail digests ---------------------------------------------------------------------------------


def digest_notifications(day: ReminderDay):
    """Unread notifications to put in today's e-mails, with each recipient, their frequency and language:
    today's for those who want e-mail daily; the last seven days' for those who want it weekly, on their
    agency's first working day of the week. Recipients without an e-mail address, or with an e-mail
    already claimed today, are left out. One query."""
    today = day.today
    preference = EmailPreference.objects.filter(user=OuterRef("recipient_id"))
    week_starts = list(day.week_starts)
    weekly_now = Q(recipient__staff__agency_id__in=week_starts) | Q(recipient__hr_agency_id__in=week_starts)
    return (
        Notification.objects.filter(read_at__isnull=True, day__range=(today - LAST_WEEK, today))
        .exclude(recipient__email="")
        .exclude(Exists(EmailDigest.objects.filter(recipient=OuterRef("recipient_id"), day=today)))
        .annotate(
            frequency=Coalesce(Subquery(preference.values("frequency")), Value(EmailFrequency.DAILY)),
            language=Coalesce(Subquery(preference.values("language")), Value(settings.LANGUAGE_CODE)),
        )
        .filter(
            Q(frequency=EmailFrequency.DAILY, day=today) | (Q(frequency=EmailFrequency.WEEKLY) & weekly_now)
        )
        .select_related("recipient__staff")
        .order_by("recipient_id", "day", "kind")
    )


# --- A user's own --------------------------------------------------------------------------------------


def notifications_of(user):
    """The user's notifications, newest first."""
    return Notification.objects.filter(recipient=user).order_by("-day", "-created_at", "-pk")


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def email_preference_of(user) -> EmailPreference:
    """The user's stored preference, or the defaults (not stored) when they never chose."""
    return EmailPreference.objects.filter(user=user).first() or EmailPreference(user=user)
