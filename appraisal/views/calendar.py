"""HR screens for performance years, their periods, deadlines, goals, and the holiday calendar."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import administered_agencies, hr_required, roles_of
from accounts.views import _apply_errors
from appraisal.access import performance_year_for_user
from appraisal.calendar import parse_weekdays
from appraisal.forms.calendar import (
    AgencyGoalForm,
    EvaluationPeriodForm,
    HolidayFilterForm,
    HolidayForm,
    PerformanceYearForm,
    PerformanceYearOpenForm,
)
from appraisal.models import AgencyGoal, EvaluationPeriod, Holiday
from appraisal.selectors import calendar as selectors
from appraisal.services import calendar as services


def _saved_form(request, form, *, save, success, template, context):
    """A valid POST calls the service and redirects where it says; refusals show on the form."""
    if request.method == "POST" and form.is_valid():
        try:
            done = save(form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, success)
            return redirect(done)
    return render(request, template, {"form": form, **context})


def _period_for_user(user, pk, *, write=False):
    period = EvaluationPeriod.objects.filter(pk=pk).first()
    if period is None:
        raise Http404
    period.year = performance_year_for_user(user, period.year_id, write=write)
    return period


def _goal_for_user(user, pk, *, write=False):
    goal = AgencyGoal.objects.filter(pk=pk).first()
    if goal is None:
        raise Http404
    goal.year = performance_year_for_user(user, goal.year_id, write=write)
    return goal


def _holiday_for_user(user, pk, *, write=False):
    """National holidays: everyone signed in reads, the super admin changes. Agency ones: its members."""
    holiday = Holiday.objects.select_related("agency").filter(pk=pk).first()
    roles = roles_of(user)
    if holiday is None:
        raise Http404
    if holiday.agency_id is None:
        may_write = roles.is_superadmin
    else:
        own_agency_id = roles.staff.agency_id if roles.staff else None
        if not (roles.administers(holiday.agency_id) or own_agency_id == holiday.agency_id):
            raise Http404
        may_write = roles.administers(holiday.agency_id)
    if write and not may_write:
        raise PermissionDenied
    return holiday


def _year_url(year):
    return reverse("appraisal:year_detail", args=[year.pk])


def _holidays_url(*, agency_id, year, superadmin):
    query = {"year": year}
    if superadmin and agency_id is not None:
        query["agency"] = agency_id
    return f"{reverse('appraisal:holiday_list')}?{urlencode(query)}"


@require_GET
@login_required
@hr_required
def year_list(request):
    years = selectors.years_for_agencies(administered_agencies(request.user))
    return render(request, "appraisal/calendar/year_list.html", {"years": years})


@require_http_methods(["GET", "POST"])
@login_required
@hr_required
def year_open(request):
    form = PerformanceYearOpenForm(request.POST or None, agencies=administered_agencies(request.user))

    def save(data):
        return _year_url(services.performance_year_open(**data))

    return _saved_form(
        request,
        form,
        save=save,
        success=_("The performance year was opened with its evaluation periods."),
        template="appraisal/calendar/year_open.html",
        context={},
    )


@require_GET
@login_required
def year_detail(request, pk):
    year = performance_year_for_user(request.user, pk)
    weekdays = parse_weekdays(year.working_weekdays)
    return render(
        request,
        "appraisal/calendar/year_detail.html",
        {
            "year": year,
            "periods": selectors.periods_with_working_days(year),
            "goals": year.goals.order_by("code"),
            "working_days": [WEEKDAYS[number] for number in sorted(weekdays)],
            "can_edit": roles_of(request.user).administers(year.agency_id),
            "holidays_url": _holidays_url(
                agency_id=year.agency_id, year=year.year, superadmin=roles_of(request.user).is_superadmin
            ),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def year_edit(request, pk):
    year = performance_year_for_user(request.user, pk, write=True)
    initial = {
        "plan_deadline": year.plan_deadline,
        "report_cutoff_days": year.report_cutoff_days,
        "working_weekdays": year.working_weekdays,
        "is_open": year.is_open,
    }
    form = PerformanceYearForm(
        request.POST or None, agencies=administered_agencies(request.user), initial=initial
    )

    def save(data):
        services.performance_year_update(year=year, **data)
        return _year_url(year)

    return _saved_form(
        request,
        form,
        save=save,
        success=_("The performance year was saved."),
        template="appraisal/calendar/year_form.html",
        context={"year": year},
    )


@require_http_methods(["GET", "POST"])
@login_required
def period_edit(request, pk):
    period = _period_for_user(request.user, pk, write=True)
    fields = ("name", "starts_on", "ends_on", "evaluation_deadline")
    form = EvaluationPeriodForm(
        request.POST or None,
        agencies=administered_agencies(request.user),
        initial={name: getattr(period, name) for name in fields},
    )

    def save(data):
        services.evaluation_period_update(period=period, **data)
        return _year_url(period.year)

    return _saved_form(
        request,
        form,
        save=save,
        success=_("The evaluation period was saved."),
        template="appraisal/calendar/period_form.html",
        context={"period": period, "year": period.year},
    )


@require_http_methods(["GET", "POST"])
@login_required
def goal_add(request, pk):
    year = performance_year_for_user(request.user, pk, write=True)
    form = AgencyGoalForm(request.POST or None, agencies=administered_agencies(request.user))

    def save(data):
        services.agency_goal_add(year=year, **data)
        return _year_url(year)

    return _saved_form(
        request,
        form,
        save=save,
        success=_("The agency goal was saved."),
        template="appraisal/calendar/goal_form.html",
        context={"year": year},
    )


@require_http_methods(["GET", "POST"])
@login_required
def goal_edit(request, pk):
    goal = _goal_for_user(request.user, pk, write=True)
    form = AgencyGoalForm(
        request.POST or None,
        agencies=administered_agencies(request.user),
        initial={"code": goal.code, "text": goal.text},
    )

    def save(data):
        services.agency_goal_update(goal=goal, **data)
        return _year_url(goal.year)

    return _saved_form(
        request,
        form,
        save=save,
        success=_("The agency goal was saved."),
        template="appraisal/calendar/goal_form.html",
        context={"year": goal.year, "goal": goal},
    )


@require_GET
@login_required
@hr_required
def holiday_list(request):
    roles = roles_of(request.user)
    agencies = administered_agencies(request.user)
    today = timezone.localdate()
    form = HolidayFilterForm(
        {"year": today.year, **request.GET.dict()}, agencies=agencies if roles.is_superadmin else None
    )
    year, agency = today.year, None if roles.is_superadmin else agencies.first()
    if form.is_valid():
        year = form.cleaned_data["year"]
        agency = form.cleaned_data.get("agency", agency)
    start, end = selectors.year_bounds(year)
    holidays = selectors.holidays_in(agency, start, end).select_related("agency")
    return render(
        request,
        "appraisal/calendar/holiday_list.html",
        {
            "form": form,
            "holidays": holidays,
            "agency": agency,
            "year": year,
            "may_change_national": roles.is_superadmin,
            "add_url": reverse("appraisal:holiday_add"),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
@hr_required
def holiday_add(request):
    roles = roles_of(request.user)
    form = HolidayForm(
        request.POST or None,
        agencies=administered_agencies(request.user),
        allow_national=roles.is_superadmin,
    )

    def save(data):
        holiday = services.holiday_add(**data)
        return _holidays_url(
            agency_id=holiday.agency_id, year=holiday.date.year, superadmin=roles.is_superadmin
        )

    return _saved_form(
        request,
        form,
        save=save,
        success=_("The holiday was added."),
        template="appraisal/calendar/holiday_form.html",
        context={},
    )


@require_POST
@login_required
def holiday_remove(request, pk):
    holiday = _holiday_for_user(request.user, pk, write=True)
    services.holiday_remove(holiday=holiday)
    messages.success(
        request, _("%(name)s was removed; the day is a working day again.") % {"name": holiday.name}
    )
    return redirect(
        _holidays_url(
            agency_id=holiday.agency_id,
            year=holiday.date.year,
            superadmin=roles_of(request.user).is_superadmin,
        )
    )
