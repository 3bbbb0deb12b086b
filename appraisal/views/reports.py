"""Daily reports (laporan harian): the staff's own page, the supervisor's team page, detail and evidence."""

import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import roles_of
from accounts.form_pages import apply_validation_error
from appraisal.access import daily_report_for_user, is_rater_of
from appraisal.forms.reports import (
    DailyReportEditForm,
    DailyReportForm,
    ReviewForm,
    TeamFilterForm,
    target_value,
)
from appraisal.selectors import reports as selectors
from appraisal.services import reports as services

REPORTS_PER_PAGE = 20
TEAM_PER_PAGE = 50
# Service errors about the result or the indicator belong to the form's single select.
FIELD_OF = {"rhk": "target", "indicator": "target"}


def _day(value):
    return date_format(value, "j F Y")


def _own_staff(request):
    staff = roles_of(request.user).staff
    if staff is None:
        raise PermissionDenied
    return staff


def _show_errors(form, error):
    if hasattr(error, "error_dict"):
        renamed = {}
        for name, errors in error.error_dict.items():
            renamed.setdefault(FIELD_OF.get(name, name), []).extend(errors)
        error = ValidationError(renamed)
    apply_validation_error(form, error)


def _targets(staff, today):
    """The staff's results to report against: this year's, and last year's while its reports are open."""
    years = {today.year, (today - selectors.DEADLINE_HORIZON).year}
    return selectors.report_targets(staff, years=years)


def _new_report_initial(today, rhks):
    initial = {"date": today}
    current = [rhk for rhk in rhks if rhk.skp.year.year == today.year]
    indicators = [indicator for rhk in current for indicator in rhk.indicators.all()]
    if len(current) == 1 and len(indicators) <= 1:
        indicator = indicators[0] if indicators else None
        initial["target"] = target_value(current[0].pk, indicator.pk if indicator else None)
        if indicator is not None:
            initial["output_unit"] = indicator.target_unit
    return initial


@require_http_methods(["GET", "POST"])
@login_required
def report_list(request):
    """The staff's daily reports: the entry form on top, their figures, then their reports."""
    staff = _own_staff(request)
    today = timezone.localdate()
    rhks = _targets(staff, today)
    form = DailyReportForm(
        request.POST or None,
        request.FILES or None,
        rhks=rhks,
        today=today,
        initial=_new_report_initial(today, rhks),
    )
    if request.method == "POST" and form.is_valid():
        try:
            report = services.daily_report_create(staff=staff, **form.service_values())
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(
                request,
                _("Your report for %(day)s was saved.") % {"day": _day(report.date)},
            )
            return redirect("appraisal:report_list")
    page = Paginator(selectors.staff_reports(staff), REPORTS_PER_PAGE).get_page(request.GET.get("page"))
    reports = list(page.object_list)
    year_start = datetime.date(today.year, 1, 1)
    cal = selectors.report_calendar(
        staff.agency_id, since=min([year_start, *(r.date for r in reports)]), today=today
    )
    for report in reports:
        report.can_change = services.change_refusal(report, staff=staff, cal=cal) is None
    period = selectors.current_period(staff.agency_id, today)
    spans = [(period.name, period.starts_on, period.ends_on)] if period else []
    spans.append((str(today.year), year_start, datetime.date(today.year, 12, 31)))
    context = {
        "form": form,
        "has_targets": bool(rhks),
        "file_lost": request.method == "POST" and bool(request.FILES.get("evidence_file")),
        "year": cal.year_of(today),
        "today": today,
        "page": page,
        "reports": reports,
        "compliance": selectors.report_compliance(staff, today=today, spans=spans, calendar_=cal),
        "achievements": selectors.indicator_achievement(staff, year=today.year, today=today),
    }
    return render(request, "appraisal/reports/report_list.html", context)


@require_GET
@login_required
def report_detail(request, pk):
    report = daily_report_for_user(request.user, pk)
    roles = roles_of(request.user)
    own = roles.staff is not None and roles.staff.pk == report.staff_id
    refusal = None
    if own:
        today = timezone.localdate()
        cal = selectors.report_calendar(report.staff.agency_id, since=report.date, today=today)
        refusal = services.change_refusal(report, staff=roles.staff, cal=cal)
    context = {
        "report": report,
        "own": own,
        "can_change": own and refusal is None,
        "change_refusal": refusal,
        "can_review": not own and is_rater_of(request.user, report.staff),
        "evidence": services.evidence_type(report.evidence_file.name) if report.evidence_file else None,
        "review_form": ReviewForm(),
    }
    return render(request, "appraisal/reports/report_detail.html", context)


def _edit_initial(report):
    return {
        "date": report.date,
        "activity": report.activity,
        "target": target_value(report.rhk_id, report.indicator_id),
        "output_quantity": report.output_quantity,
        "output_unit": report.output_unit,
        "minutes_spent": report.minutes_spent,
        "evidence_link": report.evidence_link,
    }


@require_http_methods(["GET", "POST"])
@login_required
def report_edit(request, pk):
    report = daily_report_for_user(request.user, pk, write=True)
    staff = _own_staff(request)
    today = timezone.localdate()
    cal = selectors.report_calendar(staff.agency_id, since=report.date, today=today)
    if refusal := services.change_refusal(report, staff=staff, cal=cal):
        messages.error(request, refusal)
        return redirect("appraisal:report_detail", pk=report.pk)
    rhks = _targets(staff, today)
    form = DailyReportEditForm(
        request.POST or None,
        request.FILES or None,
        rhks=rhks,
        today=today,
        has_file=bool(report.evidence_file),
        initial=_edit_initial(report),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.daily_report_update(report=report, staff=staff, **form.service_values())
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, _("The report was saved."))
            return redirect("appraisal:report_detail", pk=report.pk)
    context = {
        "form": form,
        "report": report,
        "file_lost": request.method == "POST" and bool(request.FILES.get("evidence_file")),
        "evidence": services.evidence_type(report.evidence_file.name) if report.evidence_file else None,
    }
    return render(request, "appraisal/reports/report_edit.html", context)


@require_POST
@login_required
def report_delete(request, pk):
    report = daily_report_for_user(request.user, pk, write=True)
    try:
        services.daily_report_delete(report=report, staff=_own_staff(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("appraisal:report_detail", pk=report.pk)
    messages.success(request, _("The report of %(day)s was deleted.") % {"day": _day(report.date)})
    return redirect("appraisal:report_list")


@require_GET
@login_required
def report_evidence(request, pk):
    """Streams the evidence file to whoever may read the report; the storage path is never shown."""
    report = daily_report_for_user(request.user, pk)
    kind = services.evidence_type(report.evidence_file.name) if report.evidence_file else None
    if kind is None:
        raise Http404
    try:
        handle = report.evidence_file.storage.open(report.evidence_file.name, "rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    extension = report.evidence_file.name.rsplit(".", 1)[-1]
    response = FileResponse(
        handle,
        as_attachment=not kind.inline,
        filename=f"bukti-{report.date:%Y%m%d}-{report.pk}.{extension}",
        content_type=kind.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _supervisor(request):
    roles = roles_of(request.user)
    if roles.staff is None or not roles.is_supervisor:
        raise PermissionDenied
    return roles.staff


def _span(day, scope):
    if scope == "week":
        start = day - datetime.timedelta(days=day.weekday())
        return start, start + datetime.timedelta(days=6)
    return day, day


def _team_filter(data, today):
    """The chosen day and scope; a missing or unreadable value falls back to today and one day."""
    form = TeamFilterForm(data or None, initial={"date": today, "scope": "day"})
    if not form.is_bound:
        return form, today, "day"
    form.is_valid()
    return form, form.cleaned_data.get("date") or today, form.cleaned_data.get("scope") or "day"


def _team_page(request, supervisor, *, day, scope, filter_form, review_form, status=200):
    today = timezone.localdate()
    start, end = _span(day, scope)
    members = selectors.team_members(supervisor, start=start, end=end, on=today)
    page = Paginator(members, TEAM_PER_PAGE).get_page(request.GET.get("page"))
    team = selectors.team_reports(page.object_list, start=start, end=end)
    cal = selectors.report_calendar(supervisor.agency_id, since=start, today=max(today, end))
    working = cal.is_working_day(day)
    missing = list(selectors.not_reported(supervisor, day=day, on=today)) if working and day <= today else []
    selected = set(review_form.data.getlist("report")) if review_form.is_bound else set()
    context = {
        "filter_form": filter_form,
        "review_form": review_form,
        "day": day,
        "scope": scope,
        "start": start,
        "end": end,
        "today": today,
        "page": page,
        "team": team,
        "reviewable": any(member.can_review and member.reports for member in team),
        "selected": selected,
        "is_working_day": working,
        "missing": missing,
        "previous_day": day - datetime.timedelta(days=7 if scope == "week" else 1),
        "next_day": day + datetime.timedelta(days=7 if scope == "week" else 1),
    }
    return render(request, "appraisal/reports/team.html", context, status=status)


@require_GET
@login_required
def report_team(request):
    """The supervisor's team: reports of the chain below for a day or a week, and who has not reported."""
    supervisor = _supervisor(request)
    filter_form, day, scope = _team_filter(request.GET, timezone.localdate())
    return _team_page(
        request, supervisor, day=day, scope=scope, filter_form=filter_form, review_form=ReviewForm()
    )


def _team_url(day, scope):
    return f"{reverse('appraisal:report_team')}?{urlencode({'date': day.isoformat(), 'scope': scope})}"


def _review_message(action, count):
    if action == "acknowledge":
        text = ngettext("%(count)d report acknowledged.", "%(count)d reports acknowledged.", count)
    else:
        text = ngettext("Comment sent on %(count)d report.", "Comment sent on %(count)d reports.", count)
    return text % {"count": count}


def _detail_review_refused(request, form):
    """A review sent from a report's page that was refused: back to that page with the reason."""
    ids = request.POST.getlist("report")
    if len(ids) != 1 or not ids[0].isdigit():
        raise Http404
    report = daily_report_for_user(request.user, int(ids[0]))
    messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("appraisal:report_detail", pk=report.pk)


@require_POST
@login_required
def report_review(request):
    """Acknowledges or comments on the selected reports at once (their rater only)."""
    roles = roles_of(request.user)
    from_detail = request.POST.get("return_to") == "detail"
    if roles.staff is None or not (roles.is_supervisor or from_detail):
        raise PermissionDenied
    form = ReviewForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            count = services.daily_reports_review(
                reviewer=roles.staff,
                report_ids=data["report"],
                action=data["action"],
                comment=data["comment"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _review_message(data["action"], count))
            if from_detail and len(data["report"]) == 1:
                return redirect("appraisal:report_detail", pk=data["report"][0])
            return redirect(_team_url(data["date"] or timezone.localdate(), data["scope"] or "day"))
    if from_detail:
        return _detail_review_refused(request, form)
    if not roles.is_supervisor:
        raise PermissionDenied
    today = timezone.localdate()
    day = form.cleaned_data.get("date") or today
    scope = form.cleaned_data.get("scope") or "day"
    filter_form, day, scope = _team_filter({"date": day.isoformat(), "scope": scope}, today)
    return _team_page(request, roles.staff, day=day, scope=scope, filter_form=filter_form, review_form=form)
