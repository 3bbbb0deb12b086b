"""The page of any file import: upload, the errors of a refused file, the summary of a stored one,
and the example file to download. The pages show templates/accounts/import_*.html."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.imports.errors import ImportRejected

SHOWN_ERRORS = 500
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def rejection_summary(rejected):
    """How many errors in how many rows, and that nothing was stored."""
    errors = ngettext("%(count)d error", "%(count)d errors", len(rejected.row_errors)) % {
        "count": len(rejected.row_errors)
    }
    rows = ngettext("%(count)d row", "%(count)d rows", rejected.rows_with_errors) % {
        "count": rejected.rows_with_errors
    }
    return _("%(errors)s in %(rows)s; nothing was stored.") % {"errors": errors, "rows": rows}


def imported_message(*, file_name, rows, created, updated, unchanged):
    return _(
        "%(file)s was imported: %(rows)d rows, %(created)d created, %(updated)d updated, "
        "%(unchanged)d unchanged."
    ) % {"file": file_name, "rows": rows, "created": created, "updated": updated, "unchanged": unchanged}


def import_page(request, form, *, run, success, done, template, context):
    """GET shows the upload form; a valid POST runs the import and redirects with the success message
    of its result; a refused file is shown with every error (the first SHOWN_ERRORS rows of them)."""
    rejected = None
    if request.method == "POST" and form.is_valid():
        try:
            result = run(form.cleaned_data)
        except ImportRejected as error:
            rejected = error
        else:
            messages.success(request, success(result))
            return redirect(done)
    page = {
        "form": form,
        "rejected": rejected,
        "error_summary": rejection_summary(rejected) if rejected else "",
        "shown_errors": rejected.row_errors[:SHOWN_ERRORS] if rejected else [],
        "max_bytes": settings.IMPORT_MAX_BYTES,
    }
    return render(request, template, {**page, **context})


def example_file_response(content, *, fmt, file_name):
    """An example file (.csv or .xlsx) as a download."""
    return HttpResponse(
        content,
        content_type="text/csv; charset=utf-8" if fmt == "csv" else XLSX_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{file_name}"'},
    )
