from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from accounts import access, imports
from accounts.forms import ImportForm
from accounts.models import ImportKind, ImportRun

SHOWN_ERRORS = 500
RECENT_RUNS = 10
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_http_methods(["GET", "POST"])
@login_required
@access.hr_required
def import_upload(request):
    agencies = access.administered_agencies(request.user)
    form = ImportForm(request.POST or None, request.FILES or None, agencies=agencies)
    rejected = None
    if request.method == "POST" and form.is_valid():
        try:
            run = imports.import_file(
                agency=form.cleaned_data["agency"],
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
                uploaded_by=request.user,
            )
        except imports.ImportRejected as error:
            rejected = error
        else:
            messages.success(request, _success_message(run))
            return redirect("accounts:import")
    runs = ImportRun.objects.filter(agency__in=agencies).select_related("agency", "uploaded_by")
    context = {
        "form": form,
        "rejected": rejected,
        "error_summary": _error_summary(rejected) if rejected else "",
        "shown_errors": rejected.row_errors[:SHOWN_ERRORS] if rejected else [],
        "column_sets": [(kind, label, imports.COLUMNS[kind]) for kind, label in ImportKind.choices],
        "max_bytes": settings.IMPORT_MAX_BYTES,
        "runs": runs[:RECENT_RUNS],
    }
    return render(request, "accounts/import.html", context)


def _success_message(run):
    return _(
        "%(file)s was imported: %(rows)d rows, %(created)d created, %(updated)d updated, "
        "%(unchanged)d unchanged."
    ) % {
        "file": run.file_name,
        "rows": run.row_count,
        "created": run.created_count,
        "updated": run.updated_count,
        "unchanged": run.unchanged_count,
    }


def _error_summary(rejected):
    errors = ngettext("%(count)d error", "%(count)d errors", len(rejected.row_errors)) % {
        "count": len(rejected.row_errors)
    }
    rows = ngettext("%(count)d row", "%(count)d rows", rejected.rows_with_errors) % {
        "count": rejected.rows_with_errors
    }
    return _("%(errors)s in %(rows)s; nothing was stored.") % {"errors": errors, "rows": rows}


@require_GET
@login_required
@access.hr_required
def import_template(request, fmt):
    kind = request.GET.get("kind", ImportKind.STAFF)
    if fmt not in ("csv", "xlsx") or kind not in ImportKind.values:
        raise Http404
    content_type = "text/csv; charset=utf-8" if fmt == "csv" else XLSX_TYPE
    return HttpResponse(
        imports.example_file(kind, fmt),
        content_type=content_type,
        headers={"Content-Disposition": f'attachment; filename="sikasn-{kind}-template.{fmt}"'},
    )
