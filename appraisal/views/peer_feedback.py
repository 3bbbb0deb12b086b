"""360° feedback screens: requests to me (raters), my 360° feedback (the person rated), and 360°
requests (supervisors and HR). What each may see is decided in appraisal.selectors.peer_feedback."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.access import roles_of
from accounts.form_pages import form_page
from appraisal.forms.peer_feedback import FeedbackAnswerForm, FeedbackRequestForm, SubjectForm
from appraisal.selectors import peer_feedback as selectors
from appraisal.services import peer_feedback as services

GET_POST = ["GET", "POST"]


@require_GET
@login_required
def peer_feedback_mine(request):
    staff = roles_of(request.user).staff
    context = {
        "staff": staff,
        "results": selectors.results_for_subject(staff),
        "open_invitations": selectors.open_invitation_count(staff),
        "min_raters": services.MIN_RATERS,
    }
    return render(request, "appraisal/peer_feedback/mine.html", context)


@require_GET
@login_required
def peer_feedback_inbox(request):
    staff = roles_of(request.user).staff
    invitations = list(selectors.invitations_for_rater(staff))
    return render(request, "appraisal/peer_feedback/inbox.html", {"staff": staff, "invitations": invitations})


@require_http_methods(GET_POST)
@login_required
def peer_feedback_answer(request, pk):
    invitation = selectors.invitation_for_rater(request.user, pk)
    feedback_request = invitation.request
    if request.method == "GET":
        refusal = None
        if invitation.answered_at is not None:
            refusal = _("You have already answered this request. Thank you.")
        elif not feedback_request.is_open():
            refusal = _("This request closed on %(date)s.") % {
                "date": date_format(feedback_request.closes_on)
            }
        if refusal:
            messages.info(request, refusal)
            return redirect("appraisal:peer_feedback_inbox")
    form = FeedbackAnswerForm(request.POST if request.method == "POST" else None)
    return form_page(
        request,
        form,
        template="appraisal/peer_feedback/answer_form.html",
        save=lambda data: services.feedback_answer_submit(
            invitation=invitation, rater=roles_of(request.user).staff, answers=form.answers()
        ),
        success=_("Thank you: your answers were saved. Your name is never shown with them."),
        done="appraisal:peer_feedback_inbox",
        context={"invitation": invitation, "feedback_request": feedback_request},
    )


def _require_manager(user):
    if not selectors.may_manage_requests(user):
        raise PermissionDenied


@require_GET
@login_required
def peer_feedback_requests(request):
    _require_manager(request.user)
    requests = list(selectors.requests_for_manager(request.user))
    return render(request, "appraisal/peer_feedback/requests.html", {"requests": requests})


@require_http_methods(GET_POST)
@login_required
def peer_feedback_request_create(request):
    _require_manager(request.user)
    subjects = selectors.request_subjects_for(request.user)
    chooser = SubjectForm(request.GET if "subject" in request.GET else None, subjects=subjects)
    if not chooser.is_bound or not chooser.is_valid():
        return render(request, "appraisal/peer_feedback/request_subject.html", {"chooser": chooser})
    subject = chooser.cleaned_data["subject"]
    form = FeedbackRequestForm(request.POST if request.method == "POST" else None, subject=subject)
    return form_page(
        request,
        form,
        template="appraisal/peer_feedback/request_form.html",
        save=lambda data: services.feedback_request_create(
            subject=subject,
            period=data["period"],
            raters_by_group=form.raters_by_group(),
            requested_by=request.user,
            closes_on=data["closes_on"],
            note=data.get("note", ""),
        ),
        success=_("The raters were asked for their feedback."),
        done=lambda saved: f"{reverse('appraisal:peer_feedback_requests')}#request-{saved.pk}",
        context={"subject": subject},
    )
