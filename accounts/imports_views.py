from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.views.decorators.http import require_GET, require_http_methods

from accounts import access, imports
from accounts.forms import ImportForm
from accounts.import_pages import example_file_response, import_page, imported_message
from accounts.models import ImportKind, ImportRun

RECENT_RUNS = 10


def _success_message(run):
    return imported_message(
        file_name=run.file_name,
        rows=run.row_count,
        created=run.created_count,
        updated=run.updated_count,
        unchanged=run.unchanged_count,
    )


@require_http_methods(["GET", "POST"])
@login_required
@access.hr_required
def import_upload(request):
    agencies = access.administered_agencies(request.user)
    form = ImportForm(request.POST or None, request.FILES or None, agencies=agencies)
    runs = ImportRun.objects.filter(agency__in=agencies).select_related("agency", "uploaded_by")
    return import_page(
        request,
        form,
        run=lambda data: imports.import_file(
            agency=data["agency"], kind=data["kind"], upload=data["file"], uploaded_by=request.user
        ),
        success=_success_message,
        done="accounts:import",
        template="accounts/import.html",
        context={
            "column_sets": [(kind, label, imports.COLUMNS[kind]) for kind, label in ImportKind.choices],
            "runs": runs[:RECENT_RUNS],
        },
    )


@require_GET
@login_required
@access.hr_required
def import_template(request, fmt):
    kind = request.GET.get("kind", ImportKind.STAFF)
    if fmt not in ("csv", "xlsx") or kind not in ImportKind.values:
        raise Http404
    return example_file_response(
        imports.example_file(kind, fmt), fmt=fmt, file_name=f"sikasn-{kind}-template.{fmt}"
    )
