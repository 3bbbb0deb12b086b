"""The SKM result screens: a service's results per period with its exports, the overview of a unit or
an agency, the suggestions with HR's answers, and the review of flagged responses.

Every figure is computed live from the answers (surveys.skm.results); the cache the periodic task
fills is never read here, so a page is right even when that task has not run.
"""

from collections import defaultdict
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.access import administered_agencies, roles_of
from accounts.models import Unit
from surveys import access as survey_access
from surveys.models import SurveyAnswer
from surveys.selectors import units_below
from surveys.skm import results, results_lists, review, served, suggestions
from surveys.skm.results_access import (
    administered_services,
    readable_services,
    response_for_user,
    results_service_for_user,
)
from surveys.skm.results_exports import XLSX_TYPE, answers_csv, results_workbook
from surveys.skm.results_forms import ServedCountForm, SuggestionFilterForm, SuggestionResponseForm

PAGE_SIZE = 25


def _int_param(request, name):
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() and len(value) < 10 else None


def _windows(request, agency):
    windows = results.windows_for(agency, year=_int_param(request, "year"))
    return windows, windows.pick(request.GET.get("period"))


def _window_query(windows, window, **more):
    params = {"period": window.key}
    if windows.year is not None:
        params["year"] = windows.year.year
    params.update({k: v for k, v in more.items() if v})
    return urlencode(params)


def _results_url(service, windows, window):
    return f"{reverse('surveys:skm_results', args=[service.pk])}?{_window_query(windows, window)}"


def _safe_next(request, fallback):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


# A service's results ----------------------------------------------------------------------------


@require_GET
@login_required
def skm_results(request, pk):
    service = results_service_for_user(request.user, pk)
    windows, window = _windows(request, service.agency)
    summary = results.service_summary(service, window)
    can_manage = roles_of(request.user).administers(service.agency_id)
    context = {
        "service": service,
        "windows": windows,
        "window": window,
        "query": _window_query(windows, window),
        "summary": summary,
        "trend": results.trend(service, windows),
        "officers": results.officer_ratings(service, window),
        "profile": results.profile(service, window),
        "can_manage": can_manage,
    }
    if can_manage:
        served_counts = results.served_by_period(service, windows)
        chosen = window.period or (windows.periods[0].period if windows.periods else None)
        context.update(
            served_rows=[(w, served_counts.get(w.period.pk)) for w in windows.periods],
            served_form=ServedCountForm(
                agency=service.agency,
                initial={"period": chosen, "people_served": served_counts.get(getattr(chosen, "pk", None))},
            ),
            recorded_requests=results.recorded_requests(service, window) if window.period else None,
        )
    return render(request, "surveys/skm_results/service.html", context)


@require_GET
@login_required
def skm_results_xlsx(request, pk):
    service = results_service_for_user(request.user, pk)
    windows, window = _windows(request, service.agency)
    summary = results.service_summary(service, window)
    content = results_workbook(
        service=service,
        window=window,
        summary=summary,
        responses=results_lists.response_rows(service, window, counted_only=True),
        suggestions=results_lists.suggestions([service.pk], window=window),
    )
    name = f"skm-{service.code}-{window.start:%Y%m%d}-{window.end:%Y%m%d}.xlsx"
    return HttpResponse(
        content, content_type=XLSX_TYPE, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@require_GET
@login_required
def skm_answers_csv(request, pk):
    service = survey_access.service_for_user(request.user, pk, write=True)
    windows, window = _windows(request, service.agency)
    content = answers_csv(
        service=service, responses=results_lists.response_rows(service, window, counted_only=False)
    )
    name = f"skm-answers-{service.code}-{window.start:%Y%m%d}-{window.end:%Y%m%d}.csv"
    return HttpResponse(
        content,
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@require_POST
@login_required
def skm_served(request, pk):
    service = survey_access.service_for_user(request.user, pk, write=True)
    form = ServedCountForm(request.POST, agency=service.agency)
    target = reverse("surveys:skm_results", args=[service.pk])
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(target)
    period = form.cleaned_data["period"]
    try:
        if form.cleaned_data["from_requests"]:
            row = served.served_count_from_requests(service=service, period=period)
        else:
            row = served.served_count_set(
                service=service, period=period, people_served=form.cleaned_data["people_served"]
            )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("People served in %(period)s: %(count)s.")
            % {"period": period.name, "count": row.people_served},
        )
    return redirect(f"{target}?{urlencode({'period': period.pk, 'year': period.year.year})}")


# The overview of a unit or an agency ---------------------------------------------------------------


@require_GET
@login_required
def skm_overview(request):
    services = readable_services(request.user)
    roles = roles_of(request.user)
    if roles.administers_any:
        agencies = list(administered_agencies(request.user).filter(services__isnull=False).distinct())
    else:
        agencies = [roles.staff.agency]
    chosen = _int_param(request, "agency")
    agency = next((a for a in agencies if a.pk == chosen), agencies[0] if agencies else None)
    context = {"agencies": agencies, "agency": agency}
    if agency is None:
        return render(request, "surveys/skm_results/overview.html", context)
    services = services.filter(agency=agency)
    units = list(Unit.objects.filter(pk__in=services.values("unit_id")).order_by("code"))
    unit = next((u for u in units if u.pk == _int_param(request, "unit")), None)
    if unit is not None:
        services = services.filter(unit_id__in=units_below(unit))
    windows, window = _windows(request, agency)
    blocks, total = results.overview(services, window)
    context.update(
        units=units,
        unit=unit,
        windows=windows,
        window=window,
        blocks=blocks,
        total=total,
        query=_window_query(windows, window),
        can_review=roles.administers(agency.pk),
    )
    return render(request, "surveys/skm_results/overview.html", context)


# Suggestions --------------------------------------------------------------------------------------


@require_GET
@login_required
def skm_suggestions(request):
    services = readable_services(request.user)
    form = SuggestionFilterForm(request.GET or None, services=services)
    service, status = form.chosen()
    rows = results_lists.suggestions(services if service is None else [service.pk], status=status)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    roles = roles_of(request.user)
    for item in page.object_list:
        item.can_respond = roles.administers(item.service.agency_id)
    context = {
        "form": form,
        "page": page,
        "response_form": SuggestionResponseForm(),
        "filter_query": urlencode({k: v for k, v in request.GET.items() if k in ("service", "status") and v}),
        "here": request.get_full_path(),
    }
    return render(request, "surveys/skm_results/suggestions.html", context)


@require_POST
@login_required
def skm_suggestion_update(request, pk):
    response = response_for_user(request.user, pk)
    action = request.POST.get("action")
    try:
        if action == "handled":
            suggestions.suggestion_mark_handled(response=response, by=request.user)
            messages.success(request, _("The suggestion was marked handled."))
        elif action == "respond":
            form = SuggestionResponseForm(request.POST)
            if not form.is_valid():
                raise ValidationError([e for errors in form.errors.values() for e in errors])
            suggestions.suggestion_respond(response=response, by=request.user, text=form.cleaned_data["text"])
            messages.success(request, _("Your response was saved."))
        else:
            raise ValidationError(_("Choose whether to respond or to mark the suggestion handled."))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect(_safe_next(request, reverse("surveys:skm_suggestions")))


# Review of flagged responses -------------------------------------------------------------------------


def _with_answers(responses):
    """Each response with `answers_shown` [(code, value)] in questionnaire order: one query."""
    found = defaultdict(list)
    rows = (
        SurveyAnswer.objects.filter(response__in=[r.pk for r in responses])
        .order_by("response_id", "element__order")
        .values_list("response_id", "element__code", "value")
    )
    for response_id, code, value in rows if responses else ():
        found[response_id].append((code, value))
    for response in responses:
        response.answers_shown = found[response.pk]
    return responses


@require_GET
@login_required
def skm_review(request):
    services = administered_services(request.user)
    service_id = _int_param(request, "service")
    chosen = services.filter(pk=service_id).first() if service_id else None
    scope = services if chosen is None else [chosen.pk]
    page = Paginator(results_lists.flagged_responses(scope), PAGE_SIZE).get_page(request.GET.get("page"))
    _with_answers(page.object_list)
    context = {
        "page": page,
        "service": chosen,
        "recent": results_lists.recently_reviewed(scope),
        "here": request.get_full_path(),
    }
    return render(request, "surveys/skm_results/review.html", context)


@require_POST
@login_required
def skm_review_decide(request, pk):
    response = response_for_user(request.user, pk)
    action = request.POST.get("action")
    try:
        if action not in ("accept", "reject"):
            raise ValidationError(_("Choose whether to accept or to reject the response."))
        review.response_review(response=response, by=request.user, accept=action == "accept")
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        if action == "accept":
            messages.success(request, _("The response was accepted and now counts in the IKM."))
        else:
            messages.success(request, _("The response was rejected and stays out of the IKM."))
    return redirect(_safe_next(request, reverse("surveys:skm_review")))
