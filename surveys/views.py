import csv
import io

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts import access as account_access
from accounts.form_pages import agency_form_page
from accounts.import_pages import example_file_response, import_page, imported_message
from accounts.models import Agency, Staff, Unit
from surveys import access, imports, selectors, services
from surveys.forms import PeriodForm, RequestFilterForm, RequestImportForm, ServiceForm, ServiceRequestForm
from surveys.service_levels import NO_FIGURES, format_minutes, is_within_target, split_minutes, total_of

PAGE_SIZE = 50
RECORD_PAGE_SIZE = 25


# Catalogue ----------------------------------------------------------------------------------


@require_GET
@login_required
def service_list(request):
    roles = account_access.roles_of(request.user)
    agencies = account_access.administered_agencies(request.user)
    if not roles.administers_any:
        if roles.staff is None:
            raise PermissionDenied
        agencies = Agency.objects.filter(pk=roles.staff.agency_id)
    rows = [
        (service, format_minutes(service.target_minutes)) for service in selectors.service_catalogue(agencies)
    ]
    return render(request, "surveys/service_list.html", {"rows": rows, "can_edit": roles.administers_any})


def _target_on_form(save):
    """The service names the target in minutes; the form asks for a number and a unit of time."""

    def wrapped(data):
        try:
            return save(data)
        except ValidationError as error:
            if hasattr(error, "error_dict") and "target_minutes" in error.error_dict:
                errors = dict(error.error_dict)
                errors["target_value"] = errors.pop("target_minutes")
                raise ValidationError(errors) from None
            raise

    return wrapped


def _service_fields(data):
    return {
        "unit": data["unit"],
        "code": data["code"],
        "name": data["name"],
        "target_minutes": data["target_minutes"],
        "is_active": data["is_active"],
    }


@require_http_methods(["GET", "POST"])
@login_required
@account_access.hr_required
def service_create(request):
    return agency_form_page(
        request,
        form_class=ServiceForm,
        template="surveys/service_form.html",
        save=_target_on_form(
            lambda data: services.service_create(agency=data["agency"], **_service_fields(data))
        ),
        success=_("The service was saved."),
        done="surveys:service_list",
    )


@require_http_methods(["GET", "POST"])
@login_required
def service_edit(request, pk):
    service = access.service_for_user(request.user, pk, write=True)
    target_value, target_unit = split_minutes(service.target_minutes)
    initial = {
        "agency": service.agency,
        "unit": service.unit,
        "code": service.code,
        "name": service.name,
        "target_value": target_value,
        "target_unit": target_unit,
        "is_active": service.is_active,
    }
    return agency_form_page(
        request,
        form_class=ServiceForm,
        template="surveys/service_form.html",
        agencies=account_access.administered_agencies(request.user).filter(pk=service.agency_id),
        initial=initial,
        obj=service,
        save=_target_on_form(lambda data: services.service_update(service=service, **_service_fields(data))),
        success=_("The service was saved."),
        done="surveys:service_list",
    )


# Requests -----------------------------------------------------------------------------------


def _with_durations(requests):
    """Adds the time taken, as words, and whether it was within the service's target."""
    for item in requests:
        if item.completed_at is None:
            item.duration_text, item.on_time = "", None
        else:
            minutes = (item.completed_at - item.received_at).total_seconds() / 60
            item.duration_text = format_minutes(minutes)
            item.on_time = is_within_target(minutes, item.service.target_minutes)
    return requests


@require_GET
@login_required
@account_access.hr_required
def request_list(request):
    agencies = account_access.administered_agencies(request.user)
    form = RequestFilterForm(request.GET or None, agencies=agencies)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    rows = selectors.request_rows(
        agencies=agencies,
        service=filters.get("service"),
        officer_query=filters.get("officer", ""),
        received_from=filters.get("received_from"),
        received_to=filters.get("received_to"),
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    _with_durations(page.object_list)
    return render(request, "surveys/request_list.html", {"form": form, "page": page})


@require_http_methods(["GET", "POST"])
@login_required
@account_access.hr_required
def request_create(request):
    return agency_form_page(
        request,
        form_class=ServiceRequestForm,
        template="surveys/request_form.html",
        save=lambda data: services.service_request_record(**data),
        success=_("The request was recorded."),
        done="surveys:request_list",
    )


def _import_success(summary):
    return imported_message(
        file_name=summary.file_name,
        rows=summary.rows,
        created=summary.created,
        updated=summary.updated,
        unchanged=summary.unchanged,
    )


@require_http_methods(["GET", "POST"])
@login_required
@account_access.hr_required
def request_import(request):
    agencies = account_access.administered_agencies(request.user)
    form = RequestImportForm(request.POST or None, request.FILES or None, agencies=agencies)
    return import_page(
        request,
        form,
        run=lambda data: imports.service_requests_import(
            agency=data["agency"], upload=data["file"], by=request.user
        ),
        success=_import_success,
        done="surveys:request_list",
        template="surveys/request_import.html",
        context={"columns": imports.REQUEST_COLUMNS},
    )


@require_GET
@login_required
@account_access.hr_required
def request_import_template(request, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    return example_file_response(
        imports.requests_example_file(fmt),
        fmt=fmt,
        file_name=f"sikasn-service-requests-template.{fmt}",
    )


# Figures ------------------------------------------------------------------------------------


def _figure_row(staff, figures):
    return {"staff": staff, "f": figures, "median": format_minutes(figures.median_minutes)}


def _figures_for_request(request):
    """The rows, form and period of the comparison screen and its CSV export."""
    roles = account_access.roles_of(request.user)
    officers = access.figures_scope(request.user)
    units = None
    if roles.administers_any:
        agencies = account_access.administered_agencies(request.user)
        units = Unit.objects.filter(agency__in=agencies).order_by("agency__name", "code")
    form = PeriodForm(request.GET or None, units=units)
    start, end = form.period()
    unit = form.chosen_unit()
    if unit is not None:
        officers = officers.filter(unit__in=selectors.units_below(unit))
    rows = selectors.figures_table(officers=officers, start=start, end=end)
    return form, start, end, unit, rows


@require_GET
@login_required
def officer_figures(request):
    form, start, end, unit, rows = _figures_for_request(request)
    context = {
        "form": form,
        "start": start,
        "end": end,
        "unit": unit,
        "rows": [_figure_row(row.staff, row.figures) for row in rows],
        "total": total_of(row.figures for row in rows),
        "export_query": request.GET.urlencode(),
    }
    return render(request, "surveys/officer_figures.html", context)


def _csv_text(value):
    """A cell that spreadsheet programs will not run as a formula."""
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv_number(value, digits=1):
    return "" if value is None else f"{value:.{digits}f}"


@require_GET
@login_required
def officer_figures_csv(request):
    _form, start, end, _unit, rows = _figures_for_request(request)
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(
        [
            _("NIP"),
            _("Name"),
            _("Position"),
            _("Work unit"),
            _("Requests handled"),
            _("Within target (%)"),
            _("Median time (minutes)"),
            _("Error rate (%)"),
            _("Open requests"),
        ]
    )
    for row in rows:
        figures = row.figures
        writer.writerow(
            [
                row.staff.nip,
                _csv_text(row.staff.full_name),
                _csv_text(row.staff.position.name),
                _csv_text(row.staff.unit.name),
                figures.handled,
                _csv_number(figures.within_target_share),
                _csv_number(figures.median_minutes),
                _csv_number(figures.error_rate),
                figures.open,
            ]
        )
    name = f"sikasn-service-levels-{start:%Y%m%d}-{end:%Y%m%d}.csv"
    return HttpResponse(
        out.getvalue().encode("utf-8-sig"),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


# An officer's record ------------------------------------------------------------------------


def _render_record(request, officer, *, own):
    form = PeriodForm(request.GET or None)
    start, end = form.period()
    figures = selectors.officer_figures(officers=Staff.objects.filter(pk=officer.pk), start=start, end=end)
    figures = figures.get(officer.pk, NO_FIGURES)
    page = Paginator(selectors.officer_requests(officer, start=start, end=end), RECORD_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    _with_durations(page.object_list)
    reports = selectors.officer_daily_reports(officer, start=start, end=end)
    context = {
        "officer": officer,
        "own": own,
        "form": form,
        "start": start,
        "end": end,
        "f": figures,
        "median": format_minutes(figures.median_minutes),
        "page": page,
        "reports": reports[: selectors.DAILY_REPORTS_SHOWN],
        "more_reports": len(reports) > selectors.DAILY_REPORTS_SHOWN,
    }
    return render(request, "surveys/officer_record.html", context)


@require_GET
@login_required
def my_record(request):
    staff = account_access.roles_of(request.user).staff
    if staff is None:
        return render(request, "surveys/record_none.html")
    return _render_record(request, staff, own=True)


@require_GET
@login_required
def officer_record(request, pk):
    officer = access.officer_for_user(request.user, pk)
    staff = account_access.roles_of(request.user).staff
    own = staff is not None and staff.pk == officer.pk
    return _render_record(request, officer, own=own)
