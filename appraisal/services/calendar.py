"""Writes to performance years, evaluation periods, holidays and agency goals.

Every rule the database cannot state is checked here; the constraints on the models stay the
last line of defence (a race that slips past a check meets them and becomes the same message).
"""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Agency
from appraisal.calendar import default_periods
from appraisal.models import AgencyGoal, EvaluationFrequency, EvaluationPeriod, Holiday, PerformanceYear

YEAR_MIN, YEAR_MAX = 2000, 2100
CUTOFF_MAX = 30
OBJECTION_DAYS_MIN, OBJECTION_DAYS_MAX = 1, 90
PLAN_DEADLINE_LAST_MONTH = 3  # the SKP is agreed in the first quarter
_WEEKDAYS = re.compile(r"^[0-6]{1,7}$")
NON_FIELD = "__all__"


def _day(value):
    return date_format(value, "j F Y")


def weekdays_error(text):
    """Why a working-week string such as "01234" is unusable (a message), or None."""
    if not isinstance(text, str) or not _WEEKDAYS.match(text):
        return _("Choose at least one working day (weekday numbers 0 = Monday … 6 = Sunday).")
    if len(set(text)) != len(text):
        return _("Each working day may be given only once.")
    return None


def _normalised_weekdays(text):
    return "".join(sorted(text))


def _check_year_settings(*, year, plan_deadline, report_cutoff_days, working_weekdays):
    errors = {}
    if not isinstance(year, int) or not YEAR_MIN <= year <= YEAR_MAX:
        errors["year"] = _("The year must be between %(min)s and %(max)s.") % {
            "min": YEAR_MIN,
            "max": YEAR_MAX,
        }
    elif not date(year, 1, 1) <= plan_deadline <= date(year, PLAN_DEADLINE_LAST_MONTH, 31):
        errors["plan_deadline"] = _(
            "The SKP approval deadline must fall between 1 January and 31 March %(year)s."
        ) % {"year": year}
    if not isinstance(report_cutoff_days, int) or not 0 <= report_cutoff_days <= CUTOFF_MAX:
        errors["report_cutoff_days"] = _("The cut-off must be between 0 and %(max)s working days.") % {
            "max": CUTOFF_MAX
        }
    if message := weekdays_error(working_weekdays):
        errors["working_weekdays"] = message
    return errors


def _duplicate_year_message(agency, year):
    return _("%(agency)s already has performance year %(year)s.") % {"agency": agency, "year": year}


@transaction.atomic
def performance_year_open(
    *,
    agency: Agency,
    year: int,
    frequency: str = EvaluationFrequency.QUARTERLY,
    plan_deadline: date,
    report_cutoff_days: int = 1,
    working_weekdays: str = "01234",
) -> PerformanceYear:
    """Opens an agency's performance year (tahun kinerja) with its evaluation periods.

    Quarterly years get Triwulan I–IV, monthly years twelve months; each period's evaluation
    deadline is two weeks after its end and can be changed afterwards.
    """
    errors = _check_year_settings(
        year=year,
        plan_deadline=plan_deadline,
        report_cutoff_days=report_cutoff_days,
        working_weekdays=working_weekdays,
    )
    if frequency not in EvaluationFrequency.values:
        errors["frequency"] = _("Choose quarterly or monthly evaluation.")
    if "year" not in errors and PerformanceYear.objects.filter(agency=agency, year=year).exists():
        errors["year"] = _duplicate_year_message(agency, year)
    if errors:
        raise ValidationError(errors)
    performance_year = PerformanceYear(
        agency=agency,
        year=year,
        frequency=frequency,
        plan_deadline=plan_deadline,
        report_cutoff_days=report_cutoff_days,
        working_weekdays=_normalised_weekdays(working_weekdays),
    )
    try:
        with transaction.atomic():
            performance_year.save()
    except IntegrityError as exc:  # another request opened the same year meanwhile
        raise ValidationError({"year": _duplicate_year_message(agency, year)}) from exc
    EvaluationPeriod.objects.bulk_create(
        EvaluationPeriod(
            year=performance_year,
            sequence=sequence,
            name=name,
            starts_on=starts_on,
            ends_on=ends_on,
            evaluation_deadline=deadline,
        )
        for sequence, name, starts_on, ends_on, deadline in default_periods(year, frequency)
    )
    return performance_year


@transaction.atomic
def performance_year_update(
    *,
    year: PerformanceYear,
    plan_deadline: date,
    report_cutoff_days: int,
    working_weekdays: str,
    is_open: bool,
    objection_days: int | None = None,
) -> PerformanceYear:
    """Changes the deadlines, working week and objection period of a year, or closes and reopens it."""
    errors = _check_year_settings(
        year=year.year,
        plan_deadline=plan_deadline,
        report_cutoff_days=report_cutoff_days,
        working_weekdays=working_weekdays,
    )
    if objection_days is not None and not OBJECTION_DAYS_MIN <= objection_days <= OBJECTION_DAYS_MAX:
        errors["objection_days"] = _("The objection period must be between %(min)s and %(max)s days.") % {
            "min": OBJECTION_DAYS_MIN,
            "max": OBJECTION_DAYS_MAX,
        }
    if errors:
        raise ValidationError(errors)
    if objection_days is not None:
        year.objection_days = objection_days
    year.plan_deadline = plan_deadline
    year.report_cutoff_days = report_cutoff_days
    year.working_weekdays = _normalised_weekdays(working_weekdays)
    year.is_open = bool(is_open)
    year.save(
        update_fields=["plan_deadline", "report_cutoff_days", "working_weekdays", "is_open", "objection_days"]
    )
    return year


@transaction.atomic
def evaluation_period_update(
    *, period: EvaluationPeriod, name: str, starts_on: date, ends_on: date, evaluation_deadline: date
) -> EvaluationPeriod:
    """Renames or moves a period inside its year; periods of one year never overlap."""
    # Serialises edits to the periods of one year, so two edits cannot build an overlap.
    year = PerformanceYear.objects.select_for_update().get(pk=period.year_id)
    name = (name or "").strip()
    errors = {}
    if not name:
        errors["name"] = _("The period needs a name.")
    first, last = date(year.year, 1, 1), date(year.year, 12, 31)
    if not first <= starts_on <= last:
        errors["starts_on"] = _("The period must start within %(year)s.") % {"year": year.year}
    if not first <= ends_on <= last:
        errors["ends_on"] = _("The period must end within %(year)s.") % {"year": year.year}
    elif ends_on < starts_on:
        errors["ends_on"] = _("The period cannot end before it starts.")
    if evaluation_deadline < ends_on:
        errors["evaluation_deadline"] = _("The evaluation deadline cannot be before the period ends.")
    if not errors:
        overlapping = (
            EvaluationPeriod.objects.filter(year_id=year.pk, starts_on__lte=ends_on, ends_on__gte=starts_on)
            .exclude(pk=period.pk)
            .order_by("sequence")
            .first()
        )
        if overlapping is not None:
            errors[NON_FIELD] = _("These dates overlap %(name)s (%(start)s – %(end)s).") % {
                "name": overlapping.name,
                "start": _day(overlapping.starts_on),
                "end": _day(overlapping.ends_on),
            }
    if errors:
        raise ValidationError(errors)
    period.name, period.starts_on, period.ends_on = name, starts_on, ends_on
    period.evaluation_deadline = evaluation_deadline
    period.save(update_fields=["name", "starts_on", "ends_on", "evaluation_deadline"])
    return period


def _holiday_clash(agency, on):
    """The holiday that already makes `on` a day off for this agency (or nationally), if any."""
    scope = Q(agency__isnull=True) if agency is None else Q(agency__isnull=True) | Q(agency=agency)
    return Holiday.objects.filter(scope, date=on).order_by("agency_id").first()


def _clash_message(clash):
    values = {"date": _day(clash.date), "name": clash.name}
    if clash.agency_id is None:
        return _("%(date)s is already a national holiday: %(name)s.") % values
    return _("%(date)s is already a holiday of this agency: %(name)s.") % values


@transaction.atomic
def holiday_add(*, agency: Agency | None, date: date, name: str) -> Holiday:
    """Adds a day off: for one agency, or national (every agency) when agency is None."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("The holiday needs a name.")})
    if not YEAR_MIN <= date.year <= YEAR_MAX:
        raise ValidationError(
            {
                "date": _("The date must be in a year between %(min)s and %(max)s.")
                % {"min": YEAR_MIN, "max": YEAR_MAX}
            }
        )
    if clash := _holiday_clash(agency, date):
        raise ValidationError({"date": _clash_message(clash)})
    holiday = Holiday(agency=agency, date=date, name=name)
    try:
        with transaction.atomic():
            holiday.save()
    except IntegrityError as exc:  # the same day was added by someone else meanwhile
        raise ValidationError({"date": _clash_message(_holiday_clash(agency, date) or holiday)}) from exc
    return holiday


@transaction.atomic
def holiday_remove(*, holiday: Holiday) -> None:
    """Makes the day a working day again (for the holiday's agency, or nationally)."""
    Holiday.objects.filter(pk=holiday.pk).delete()


def _check_goal(goal):
    errors = {}
    if not goal.code:
        errors["code"] = _("The goal needs a code, e.g. SS-1.")
    elif AgencyGoal.objects.filter(year_id=goal.year_id, code=goal.code).exclude(pk=goal.pk).exists():
        errors["code"] = _("This year already has a goal with code %(code)s.") % {"code": goal.code}
    if not goal.text:
        errors["text"] = _("Describe the goal.")
    if errors:
        raise ValidationError(errors)


def _save_goal(goal, **save_kwargs):
    try:
        with transaction.atomic():
            goal.save(**save_kwargs)
    except IntegrityError as exc:
        raise ValidationError(
            {"code": _("This year already has a goal with code %(code)s.") % {"code": goal.code}}
        ) from exc


@transaction.atomic
def agency_goal_add(*, year: PerformanceYear, code: str, text: str) -> AgencyGoal:
    """Adds a strategic goal (sasaran strategis) of the agency's plan for the year."""
    goal = AgencyGoal(year=year, code=(code or "").strip(), text=(text or "").strip())
    _check_goal(goal)
    _save_goal(goal)
    return goal


@transaction.atomic
def agency_goal_update(*, goal: AgencyGoal, code: str, text: str) -> AgencyGoal:
    goal.code, goal.text = (code or "").strip(), (text or "").strip()
    _check_goal(goal)
    _save_goal(goal, update_fields=["code", "text"])
    return goal
