"""HR screens for performance years, their periods, deadlines, goals, and the holiday calendar."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import administered_agencies, hr_required, roles_of
from accounts.form_pages import form_page
from appraisal.access import (
    agency_goal_for_user,
    evaluation_period_for_user,
    holiday_for_user,
    performance_year_for_user,
)
from appraisal.calendar import parse_weekdays
from appraisal.forms.calendar import (
    AgencyGoalForm,
    EvaluationPeriodForm,
    HolidayFilterForm,
    HolidayForm,
    PerformanceYearForm,
    PerformanceYearOpenForm,
)
from appraisal.selectors import calendar as selectors
from appraisal.services import calendar as services


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
    return form_page(
        request,
        form,
        save=lambda data: services.performance_year_open(**data),
        success=_("The performance year was opened with its evaluation periods."),
        done=_year_url,
        template="appraisal/calendar/year_open.html",
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
        "objection_days": year.objection_days,
    }
    form = PerformanceYearForm(
        request.POST or None, agencies=administered_agencies(request.user), initial=initial
    )
    return form_page(
        request,
        form,
        save=lambda data: services.performance_year_update(year=year, **data),
        success=_("The performance year was saved."),
        done=_year_url(year),
        template="appraisal/calendar/year_form.html",
        context={"year": year},
    )


@require_http_methods(["GET", "POST"])
@login_required
def period_edit(request, pk):
    period = evaluation_period_for_user(request.user, pk, write=True)
    fields = ("name", "starts_on", "ends_on", "evaluation_deadline")
    form = EvaluationPeriodForm(
        request.POST or None,
        agencies=administered_agencies(request.user),
        initial={name: getattr(period, name) for name in fields},
    )
    return form_page(
        request,
        form,
        save=lambda data: services.evaluation_period_update(period=period, **data),
        success=_("The evaluation period was saved."),
        done=_year_url(period.year),
        template="appraisal/calendar/period_form.html",
        context={"period": period, "year": period.year},
    )


@require_http_methods(["GET", "POST"])
@login_required
def goal_add(request, pk):
    year = performance_year_for_user(request.user, pk, write=True)
    form = AgencyGoalForm(request.POST or None, agencies=administered_agencies(request.user))
    return form_page(
        request,
        form,
        save=lambda data: services.agency_goal_add(year=year, **data),
        success=_("The agency goal was saved."),
        done=_year_url(year),
        template="appraisal/calendar/goal_form.html",
        context={"year": year},
    )


@require_http_methods(["GET", "POST"])
@login_required
def goal_edit(request, pk):
    goal = agency_goal_for_user(request.user, pk, write=True)
    form = AgencyGoalForm(
        request.POST or None,
        agencies=administered_agencies(request.user),
        initial={"code": goal.code, "text": goal.text},
    )
    return form_page(
        request,
        form,
        save=lambda data: services.agency_goal_update(goal=goal, **data),
        success=_("The agency goal was saved."),
        done=_year_url(goal.year),
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
    return form_page(
        request,
        form,
        save=lambda data: services.holiday_add(**data),
        success=_("The holiday was added."),
        done=lambda holiday: _holidays_url(
            agency_id=holiday.agency_id, year=holiday.date.year, superadmin=roles.is_superadmin
        ),
        template="appraisal/calendar/holiday_form.html",
    )


@require_POST
@login_required
def holiday_remove(request, pk):
    holiday = holiday_for_user(request.user, pk, write=True)
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
