"""Days, moments and data for the reminder tests.

Monday 15 June 2026 is the usual run day: the Friday before (12 June) is the last working day, and
Tuesday 16 June is a national holiday (Tahun Baru Islam, loaded by the calendar migration)."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from accounts.models import ActingAssignment
from appraisal.models import Appraisal, EvaluationPeriod, FeedbackInvitation, FeedbackRequest
from appraisal.tests import factories as appraisal_factories

JAKARTA = ZoneInfo("Asia/Jakarta")
MONDAY = date(2026, 6, 15)
FRIDAY = date(2026, 6, 12)
HOLIDAY = date(2026, 6, 16)


def at(day, hour=7, minute=0):
    """A moment of a local (Asia/Jakarta) day."""
    return datetime.combine(day, time(hour, minute), tzinfo=JAKARTA)


def acting_on(org, day):
    """Keeps kabid A's Plt assignment for the retired kabid B current on the day."""
    ActingAssignment.objects.filter(pk=org.acting.pk).update(
        starts_on=day - timedelta(days=30), ends_on=day + timedelta(days=30)
    )


def year_with_deadline(org, *, deadline, agency=None):
    """The agency's 2026 year whose Triwulan I evaluation deadline is `deadline`; the other periods' are
    31 December, out of the way."""
    year = appraisal_factories.performance_year(agency or org.agency)
    EvaluationPeriod.objects.filter(year=year).exclude(sequence=1).update(
        evaluation_deadline=date(2026, 12, 31)
    )
    EvaluationPeriod.objects.filter(year=year, sequence=1).update(evaluation_deadline=deadline)
    return year


def feedback_request(org, *, subject, raters, closes_on, period=None):
    """A 360° request on `subject` with an invitation for each rater (peers)."""
    period = period or EvaluationPeriod.objects.filter(year__agency=subject.agency, sequence=2).first()
    request = FeedbackRequest.objects.create(
        subject=subject, period=period, requested_by=org.hr, closes_on=closes_on
    )
    for rater in raters:
        FeedbackInvitation.objects.create(request=request, subject=subject, rater=rater, group="peer")
    return request


def appraisal(skp, *, sequence=1, status="self_assessment", approver=None):
    """An appraisal of the SKP's period at a status; from "submitted" on it is rated (Baik) by the staff
    member's supervisor, and a final one approved by `approver` (a user)."""
    period = skp.year.periods.get(sequence=sequence)
    fields = {}
    if status in ("submitted", "final"):
        fields = {
            "rater": skp.staff.supervisor,
            "results_proposed": "meets",
            "results_rating": "meets",
            "behaviour_rating": "meets",
            "predikat": "baik",
            "submitted_at": at(MONDAY) - timedelta(days=30),
        }
    if status == "final":
        fields.update(approved_at=at(MONDAY) - timedelta(days=20), approved_by=approver)
    return Appraisal.objects.create(skp=skp, period=period, status=status, **fields)
