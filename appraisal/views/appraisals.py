"""Appraisal screens: my appraisals, the appraisal page, the self-assessment, the rater's form, the
approval, objections, the potential, the team list, the approval inbox and a staff member's history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import roles_of, visible_staff
from accounts.form_pages import apply_validation_error
from appraisal import access
from appraisal.forms.appraisals import (
    AssessmentForm,
    ObjectionDecisionForm,
    ObjectionForm,
    PotentialForm,
    ReviewForm,
    SelfAssessmentForm,
    SkipSelfAssessmentForm,
    initial_assessment,
)
from appraisal.models import AppraisalStatus, EvaluationPeriod, Objection
from appraisal.rules.ratings import Rating
from appraisal.rules.results import propose_results_rating
from appraisal.selectors import appraisals as selectors
from appraisal.selectors.calendar import current_year_for, year_bounds
from appraisal.selectors.development import actions_of, earlier_actions
from appraisal.services import appraisals as services
from surveys.skm.results import staff_ratings

GET_POST = ["GET", "POST"]
_RATER_STAGES = (AppraisalStatus.SUPERVISOR_ASSESSMENT, AppraisalStatus.RETURNED)


def detail_url(appraisal, anchor=""):
    url = reverse("appraisal:appraisal_detail", args=[appraisal.pk])
    return f"{url}#{anchor}" if anchor else url


def _refused(request, error):
    for message in error.messages:
        messages.error(request, message)


def _step(request, appraisal, step, success, *, anchor=""):
    try:
        step()
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, success)
    return redirect(detail_url(appraisal, anchor))


# --- My appraisals and starting one ------------------------------------------------------------------


@require_GET
@login_required
def appraisal_mine(request):
    staff = roles_of(request.user).staff
    due = selectors.appraisals_due(staff, today=timezone.localdate()) if staff else []
    return render(request, "appraisal/appraisals/mine.html", {"staff": staff, "due": due})


@require_POST
@login_required
def appraisal_start(request, skp_pk):
    skp = access.skp_for_user(request.user, skp_pk)
    period = None
    if request.POST.get("period"):
        period = EvaluationPeriod.objects.filter(pk=request.POST["period"], year_id=skp.year_id).first()
        if period is None:
            raise Http404
    try:
        appraisal = services.appraisal_start(skp=skp, period=period, by=request.user)
    except ValidationError as error:
        _refused(request, error)
        own = roles_of(request.user).staff
        if own is not None and own.pk == skp.staff_id:
            return redirect("appraisal:appraisal_mine")
        return redirect("appraisal:appraisal_team")
    messages.success(request, _("The appraisal was started."))
    if appraisal.skp.staff_id == getattr(roles_of(request.user).staff, "pk", None):
        return redirect("appraisal:appraisal_self", pk=appraisal.pk)
    return redirect(detail_url(appraisal))


# --- The appraisal page ---------------------------------------------------------------------------------


def _roles_in(user, appraisal):
    return {
        "is_owner": selectors.is_owner(user, appraisal),
        "is_rater": selectors.is_rater(user, appraisal),
        "is_approver": selectors.is_approver(user, appraisal),
        "is_hr": roles_of(user).administers(appraisal.skp.staff.agency_id),
    }


@require_GET
@login_required
def appraisal_detail(request, pk):
    appraisal = access.appraisal_for_user(request.user, pk)
    rows = selectors.appraisal_rows(appraisal)
    who = _roles_in(request.user, appraisal)
    status = appraisal.status
    objection = Objection.objects.filter(appraisal=appraisal).select_related("decided_by__staff").first()
    deadline = services.objection_deadline(appraisal)
    context = {
        "appraisal": appraisal,
        "staff": appraisal.skp.staff,
        "rows": rows,
        "events": selectors.history(appraisal),
        "actions": actions_of(appraisal),
        "earlier_actions": earlier_actions(appraisal),
        "objection": objection,
        "objection_deadline": deadline,
        # The staff member sees the rater's ratings once the appraisal is final.
        "show_assessment": not who["is_owner"] or status == AppraisalStatus.FINAL,
        "can_self_assess": who["is_owner"] and status == AppraisalStatus.SELF_ASSESSMENT,
        "can_skip_self": who["is_rater"] and status == AppraisalStatus.SELF_ASSESSMENT,
        "can_assess": who["is_rater"]
        and status in (AppraisalStatus.SUPERVISOR_ASSESSMENT, AppraisalStatus.RETURNED),
        "can_review": who["is_approver"] and status == AppraisalStatus.SUBMITTED,
        "can_object": who["is_owner"]
        and status == AppraisalStatus.FINAL
        and objection is None
        and deadline is not None
        and timezone.localdate() <= deadline,
        "can_decide": who["is_approver"] and objection is not None and objection.is_pending,
        "can_plan": who["is_rater"] and status != AppraisalStatus.SELF_ASSESSMENT,
        "return_event": selectors.last_return(appraisal),
        "review_form": ReviewForm(),
        "skip_form": SkipSelfAssessmentForm(initial={"version": appraisal.version}),
        "skm_ratings": _skm_ratings(appraisal),
        **who,
    }
    return render(request, "appraisal/appraisals/detail.html", context)


def _skm_ratings(appraisal):
    """The citizens' ratings (SKM U6/U7) of the staff member over the appraisal's period; one query."""
    if appraisal.period is not None:
        start, end = appraisal.period.starts_on, appraisal.period.ends_on
    else:
        start, end = year_bounds(appraisal.skp.year.year)
    ratings = staff_ratings(appraisal.skp.staff, start=start, end=end)
    return None if ratings is None else {"ratings": ratings, "start": start, "end": end}


# --- Self-assessment ------------------------------------------------------------------------------------


@require_http_methods(GET_POST)
@login_required
def appraisal_self(request, pk):
    appraisal = access.appraisal_for_user(request.user, pk, role="owner")
    if appraisal.status != AppraisalStatus.SELF_ASSESSMENT and request.method == "GET":
        messages.info(request, _("The self-assessment has been sent to the rater."))
        return redirect(detail_url(appraisal))
    achievements = list(
        appraisal.achievements.select_related("indicator__rhk").order_by(
            "-indicator__rhk__kind", "indicator__rhk__order", "indicator__rhk_id", "indicator_id"
        )
    )
    form = SelfAssessmentForm(
        request.POST if request.method == "POST" else None,
        achievements=achievements,
        initial={"version": appraisal.version, "comment": appraisal.self_comment},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.self_assessment_save(
                appraisal=appraisal,
                by=request.user,
                version=form.cleaned_data["version"],
                comment=form.cleaned_data["comment"],
                achievements=form.achievements_data(),
            )
            if request.POST.get("action") == "send":
                services.self_assessment_submit(
                    appraisal=appraisal, by=request.user, version=appraisal.version
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            if request.POST.get("action") == "send":
                messages.success(request, _("Your self-assessment was sent to your rater."))
                return redirect(detail_url(appraisal))
            messages.success(request, _("Your self-assessment was saved."))
            return redirect("appraisal:appraisal_self", pk=appraisal.pk)
    context = {"appraisal": appraisal, "form": form, "earlier_actions": earlier_actions(appraisal)}
    return render(request, "appraisal/appraisals/self_form.html", context)


@require_POST
@login_required
def appraisal_skip_self(request, pk):
    appraisal = access.appraisal_for_user(request.user, pk, role="rater")
    form = SkipSelfAssessmentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the appraisal goes on without the self-assessment."))
        return redirect(detail_url(appraisal))
    return _step(
        request,
        appraisal,
        lambda: services.self_assessment_submit(
            appraisal=appraisal,
            by=request.user,
            version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        ),
        _("The appraisal is now with you, the rater."),
    )


# --- The rater's assessment ------------------------------------------------------------------------------


@require_http_methods(GET_POST)
@login_required
def appraisal_assess(request, pk):
    appraisal = access.appraisal_for_user(request.user, pk, role="rater")
    if appraisal.status not in _RATER_STAGES and request.method == "GET":
        if appraisal.status == AppraisalStatus.SELF_ASSESSMENT:
            messages.info(request, _("The staff member has not sent the self-assessment yet."))
        else:
            messages.info(request, _("This appraisal is no longer with the rater and cannot change."))
        return redirect(detail_url(appraisal))
    rows = selectors.appraisal_rows(appraisal)
    form = AssessmentForm(
        request.POST if request.method == "POST" else None,
        rows=rows,
        initial=initial_assessment(appraisal, rows),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_save(
                appraisal=appraisal,
                by=request.user,
                version=form.cleaned_data["version"],
                data=form.service_data(),
            )
            if request.POST.get("action") == "submit":
                services.assessment_submit(appraisal=appraisal, by=request.user, version=appraisal.version)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            if request.POST.get("action") == "submit":
                messages.success(request, _("The appraisal was submitted to your superior for approval."))
                return redirect(detail_url(appraisal))
            messages.success(request, _("The assessment was saved."))
            return redirect("appraisal:appraisal_assess", pk=appraisal.pk)
    # The proposal follows the ratings on the screen, also those of a form sent back with errors.
    shown = {row.rhk_id: rating.value() for row, rating, _feedback in form.result_rows()}
    main = [shown[row.rhk_id] for row in rows.main_results if shown[row.rhk_id] in Rating.values]
    extra = [shown[row.rhk_id] for row in rows.additional_results if shown[row.rhk_id] in Rating.values]
    context = {
        "appraisal": appraisal,
        "form": form,
        "rows": rows,
        "proposal": propose_results_rating(main, extra),
        "actions": actions_of(appraisal),
        "return_event": selectors.last_return(appraisal),
    }
    return render(request, "appraisal/appraisals/assess_form.html", context)


# --- Approval -----------------------------------------------------------------------------------------


@require_POST
@login_required
def appraisal_review(request, pk):
    appraisal = access.appraisal_for_user(request.user, pk)
    form = ReviewForm(request.POST)
    form.is_valid()
    comment = form.cleaned_data.get("comment", "")
    if request.POST.get("action") == "return":
        return _step(
            request,
            appraisal,
            lambda: services.appraisal_return(appraisal=appraisal, by=request.user, comment=comment),
            _("The appraisal was returned to the rater with your comment."),
        )
    return _step(
        request,
        appraisal,
        lambda: services.appraisal_approve(appraisal=appraisal, by=request.user, comment=comment),
        _("The appraisal was approved and is now final."),
    )


@require_GET
@login_required
def appraisal_inbox(request):
    roles = roles_of(request.user)
    rows = selectors.approval_inbox(roles.staff, roles.hr_agency_id)
    return render(request, "appraisal/appraisals/inbox.html", {"appraisals": rows})


# --- Objection ------------------------------------------------------------------------------------------


@require_http_methods(GET_POST)
@login_required
def appraisal_objection(request, pk):
    appraisal = access.appraisal_for_user(request.user, pk, role="owner")
    form = ObjectionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.objection_file(appraisal=appraisal, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Your objection was filed; the rater's superior will decide on it."))
            return redirect(detail_url(appraisal, "objection"))
    context = {"appraisal": appraisal, "form": form, "deadline": services.objection_deadline(appraisal)}
    return render(request, "appraisal/appraisals/objection_form.html", context)


@require_http_methods(GET_POST)
@login_required
def appraisal_objection_decide(request, pk):
    appraisal = access.appraisal_for_user(request.user, pk, role="approver")
    objection = Objection.objects.filter(appraisal=appraisal).first()
    if objection is None:
        raise Http404
    initial = {"results_rating": appraisal.results_rating, "behaviour_rating": appraisal.behaviour_rating}
    form = ObjectionDecisionForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.objection_decide(appraisal=appraisal, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The decision on the objection was recorded."))
            return redirect(detail_url(appraisal, "objection"))
    context = {"appraisal": appraisal, "objection": objection, "form": form}
    return render(request, "appraisal/appraisals/decide_form.html", context)


# --- Potential entered by HR ---------------------------------------------------------------------------


@require_http_methods(GET_POST)
@login_required
def appraisal_potential(request, pk):
    appraisal = access.appraisal_for_user(request.user, pk, role="hr")
    initial = {
        "potential": appraisal.potential if appraisal.potential_source == "hr" else "",
        "note": appraisal.potential_note,
    }
    form = PotentialForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.potential_set(appraisal=appraisal, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The potential was saved."))
            return redirect(detail_url(appraisal, "talent"))
    return render(request, "appraisal/appraisals/potential_form.html", {"appraisal": appraisal, "form": form})


# --- The rater's team and a staff member's history ---------------------------------------------------------


@require_GET
@login_required
def appraisal_team(request):
    staff = roles_of(request.user).staff
    year = current_year_for(staff.agency_id) if staff else None
    periods = list(year.periods.order_by("sequence")) if year else []
    waiting = selectors.waiting_by_period(staff, year=year) if year else {}
    for p in periods:
        p.waiting = waiting.get(p.pk, 0)
    chosen = request.GET.get("period", "")
    annual = chosen == "annual"
    period = next((p for p in periods if str(p.pk) == chosen), None)
    if period is None and not annual and periods:
        # Where something waits for the rater, else the period in progress.
        today = timezone.localdate()
        started = [p for p in periods if p.starts_on <= today] or periods[:1]
        period = next((p for p in started if p.waiting), started[-1])
    rows = selectors.team_appraisals(staff, year=year, period=period) if year else []
    context = {
        "year": year,
        "periods": periods,
        "period": period,
        "rows": rows,
        "annual": annual,
        "annual_waiting": waiting.get(None, 0),
    }
    return render(request, "appraisal/appraisals/team.html", context)


@require_GET
@login_required
def staff_appraisals(request, staff_pk):
    staff = (
        visible_staff(request.user).select_related("position", "unit", "agency").filter(pk=staff_pk).first()
    )
    if staff is None:
        raise Http404
    own = roles_of(request.user).staff
    rows = selectors.appraisals_of(staff)
    context = {"staff": staff, "appraisals": rows, "is_self": own is not None and own.pk == staff.pk}
    return render(request, "appraisal/appraisals/history.html", context)
