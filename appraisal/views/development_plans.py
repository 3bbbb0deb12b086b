"""The development plan of an appraisal: the rater proposes actions, the staff member agrees, and both
report progress."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.form_pages import apply_validation_error
from appraisal import access
from appraisal.forms.appraisals import DevelopmentActionForm, ProgressForm
from appraisal.models import AppraisalStatus
from appraisal.selectors import appraisals as selectors
from appraisal.selectors.development import actions_of, catalogue_for, proposals_for
from appraisal.services import development as services
from appraisal.views.appraisals import detail_url


@require_http_methods(["GET", "POST"])
@login_required
def plan_edit(request, pk):
    appraisal = access.appraisal_for_user(request.user, pk, role="rater")
    if appraisal.status == AppraisalStatus.SELF_ASSESSMENT:
        messages.info(request, _("The development plan starts with the rater's assessment."))
        return redirect(detail_url(appraisal))
    rows = selectors.appraisal_rows(appraisal)
    form = DevelopmentActionForm(
        request.POST if request.method == "POST" else None,
        catalogue=catalogue_for(appraisal),
        rows=rows,
        initial={"target": request.GET.get("target", "")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.action_add(appraisal=appraisal, by=request.user, **form.service_data())
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The action was added to the development plan."))
            return redirect("appraisal:plan_edit", pk=appraisal.pk)
    context = {
        "appraisal": appraisal,
        "form": form,
        "proposals": proposals_for(appraisal, rows),
        "actions": actions_of(appraisal),
    }
    return render(request, "appraisal/appraisals/plan_form.html", context)


def _action_step(request, pk, action_pk, step, success, *, role=None):
    appraisal = access.appraisal_for_user(request.user, pk, role=role)
    action = access.development_action_for_user(request.user, action_pk, appraisal=appraisal)
    try:
        step(action)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect(detail_url(appraisal, "plan"))


@require_POST
@login_required
def action_remove(request, pk, action_pk):
    return _action_step(
        request,
        pk,
        action_pk,
        lambda action: services.action_remove(action=action, by=request.user),
        _("The action was withdrawn."),
        role="rater",
    )


@require_POST
@login_required
def action_agree(request, pk, action_pk):
    return _action_step(
        request,
        pk,
        action_pk,
        lambda action: services.action_agree(action=action, by=request.user),
        _("You agreed to the action."),
        role="owner",
    )


@require_POST
@login_required
def action_progress(request, pk, action_pk):
    appraisal = access.appraisal_for_user(request.user, pk)
    if not (selectors.is_owner(request.user, appraisal) or selectors.is_rater(request.user, appraisal)):
        raise PermissionDenied
    form = ProgressForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose in progress, done or dropped."))
        return redirect(detail_url(appraisal, "plan"))
    return _action_step(
        request,
        pk,
        action_pk,
        lambda action: services.action_progress(action=action, by=request.user, **form.cleaned_data),
        _("The progress was saved."),
    )
