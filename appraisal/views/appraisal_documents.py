"""The evaluation document of an appraisal (dokumen evaluasi kinerja): a printable page and its PDF.

Whoever may see the staff member may open it, at any stage and marked as a draft until it is final;
the staff member themself only once it is final, so that they never read the rater's draft ratings.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from appraisal import access
from appraisal.documents import evaluation_document, render_pdf
from appraisal.selectors.appraisals import is_owner


def _document(request, pk):
    appraisal = access.appraisal_for_user(request.user, pk)
    if is_owner(request.user, appraisal) and not appraisal.is_final:
        raise PermissionDenied
    return evaluation_document(appraisal)


@require_GET
@login_required
def appraisal_document(request, pk):
    document = _document(request, pk)
    return render(
        request, "appraisal/appraisals/document.html", {"document": document, "appraisal": document.appraisal}
    )


@require_GET
@login_required
def appraisal_pdf(request, pk):
    document = _document(request, pk)
    response = HttpResponse(render_pdf(document), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
