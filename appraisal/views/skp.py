"""SKP screens: my plan, the plan page and its forms, the workflow steps, the rater's inbox, history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import roles_of
from accounts.form_pages import apply_validation_error, form_page
from accounts.models import Staff
from accounts.selectors import rater_ids
from appraisal import access
from appraisal.forms.skp import (
    AnnexForm,
    ExpectationsForm,
    HandDownForm,
    IndicatorForm,
    ReturnForm,
    RevisionForm,
    RhkForm,
    SkpStartForm,
)
from appraisal.models import Aspect, CoreValue, RhkKind, Skp, SkpApproach, SkpEventKind, SkpStatus
from appraisal.selectors import skp as selectors
from appraisal.services import skp as services

GET_POST = ["GET", "POST"]


def _data(request):
    return request.POST if request.method == "POST" else None


def _detail_url(skp, anchor=""):
    url = reverse("appraisal:skp_detail", args=[skp.pk])
    return f"{url}#{anchor}" if anchor else url


def _locked(request, skp, *, refusal=None):
    """On GET, a plan that cannot change now sends the user back with the reason. A POST still goes to
    the service, which refuses it on the form."""
    message = refusal if refusal is not None else services.edit_refusal(skp)
    if request.method == "GET" and message:
        messages.error(request, message)
        return redirect(_detail_url(skp))
    return None


def _refused(request, error):
    for message in error.messages:
        messages.error(request, message)


# --- My plan and the plan page ----------------------------------------------------------------------


@require_http_methods(GET_POST)
@login_required
def skp_mine(request):
    staff = roles_of(request.user).staff
    if staff is None:
        if request.method == "POST":
            raise PermissionDenied
        return render(request, "appraisal/skp/mine.html", {"staff": None})
    year = selectors.plan_year_for(staff)
    plans = list(selectors.skps_of(staff))
    current = next((p for p in plans if year is not None and p.year_id == year.pk), None)
    form = None
    if year is not None and year.is_open and current is None:
        form = SkpStartForm(_data(request))
    if request.method == "POST":
        if form is None:
            messages.error(request, _("There is no open performance year to start a plan for."))
            return redirect("appraisal:skp_mine")
        if form.is_valid():
            try:
                skp = services.skp_start(staff=staff, year=year, approach=form.cleaned_data["approach"])
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("Your plan for %(year)s was started.") % {"year": year.year})
                return redirect(_detail_url(skp))
    context = {"staff": staff, "year": year, "current": current, "plans": plans, "form": form}
    return render(request, "appraisal/skp/mine.html", context)


@require_GET
@login_required
def skp_detail(request, pk):
    skp = access.skp_for_user(request.user, pk)
    selectors.load_skp_content(skp)
    roles = roles_of(request.user)
    own_id = roles.staff.pk if roles.staff else None
    raters = rater_ids(skp.staff)
    is_owner = own_id == skp.staff_id
    is_rater = not is_owner and own_id in raters
    events = list(skp.events.all())
    context = {
        "skp": skp,
        "staff": skp.staff,
        "raters": Staff.objects.filter(pk__in=raters).order_by("name"),
        "main_results": selectors.main_results(skp),
        "additional_results": selectors.additional_results(skp),
        "expectations": selectors.expectations_in_order(skp),
        "events": events,
        "return_event": selectors.last_return_comment(skp),
        "has_versions": any(e.kind == SkpEventKind.APPROVED for e in events),
        "is_owner": is_owner,
        "is_rater": is_rater,
        "can_edit": is_owner and skp.is_editable,
        "can_review": is_rater and skp.status == SkpStatus.SUBMITTED,
        "can_write_expectations": is_rater and skp.status != SkpStatus.APPROVED,
        "can_revise": (is_owner or is_rater) and skp.status == SkpStatus.APPROVED,
        "can_hand_down": is_owner and roles.is_supervisor and skp.year.is_open,
        "quantitative": skp.approach == SkpApproach.QUANTITATIVE,
        "return_form": ReturnForm(),
        "revision_form": RevisionForm(),
    }
    return render(request, "appraisal/skp/detail.html", context)


def _readable(snapshot):
    """The stored snapshot with the labels of its codes, for the history page."""
    kinds, aspects, values = dict(RhkKind.choices), dict(Aspect.choices), dict(CoreValue.choices)
    results = [
        {
            **result,
            "kind_label": kinds.get(result["kind"], result["kind"]),
            "indicators": [
                {**ind, "aspect_label": aspects.get(ind["aspect"], "")} for ind in result["indicators"]
            ],
        }
        for result in snapshot.get("results", [])
    ]
    expectations = [
        {**row, "label": values.get(row["value"], row["value"])} for row in snapshot.get("expectations", [])
    ]
    return {**snapshot, "results": results, "expectations": expectations}


@require_GET
@login_required
def skp_history(request, pk):
    skp = access.skp_for_user(request.user, pk)
    versions = [(event, _readable(event.snapshot or {})) for event in selectors.approved_versions(skp)]
    return render(request, "appraisal/skp/history.html", {"skp": skp, "versions": versions})


# --- The owner's forms --------------------------------------------------------------------------------


def _rhk_form(request, skp, initial=None):
    return RhkForm(
        _data(request),
        initial=initial,
        supervised=skp.staff.supervisor_id is not None,
        rater_results=selectors.rater_results_for(skp),
        goals=selectors.goals_for(skp),
    )


@require_http_methods(GET_POST)
@login_required
def skp_rhk_add(request, pk):
    skp = access.skp_for_user(request.user, pk, write=True)
    if response := _locked(request, skp):
        return response
    return form_page(
        request,
        _rhk_form(request, skp, initial={"kind": request.GET.get("kind", RhkKind.MAIN)}),
        template="appraisal/skp/rhk_form.html",
        save=lambda data: services.rhk_add(skp=skp, **data),
        success=_("The work result was added. Add its indicators next."),
        done=lambda rhk: _detail_url(skp, f"rhk-{rhk.pk}"),
        context={"skp": skp},
    )


@require_http_methods(GET_POST)
@login_required
def skp_rhk_edit(request, pk, rhk_pk):
    skp = access.skp_for_user(request.user, pk, write=True)
    rhk = selectors.result_in_plan(skp, rhk_pk)
    if response := _locked(request, skp):
        return response
    initial = {"kind": rhk.kind, "text": rhk.text, "supports": rhk.supports_id, "goal": rhk.goal_id}
    return form_page(
        request,
        _rhk_form(request, skp, initial=initial),
        template="appraisal/skp/rhk_form.html",
        save=lambda data: services.rhk_update(rhk=rhk, **data),
        success=_("The work result was saved."),
        done=_detail_url(skp, f"rhk-{rhk.pk}"),
        context={"skp": skp, "rhk": rhk},
    )


@require_POST
@login_required
def skp_rhk_remove(request, pk, rhk_pk):
    skp = access.skp_for_user(request.user, pk, write=True)
    rhk = selectors.result_in_plan(skp, rhk_pk)
    try:
        services.rhk_remove(rhk=rhk)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The work result was removed."))
    return redirect(_detail_url(skp, "results"))


@require_http_methods(GET_POST)
@login_required
def skp_indicator_add(request, pk, rhk_pk):
    skp = access.skp_for_user(request.user, pk, write=True)
    rhk = selectors.result_in_plan(skp, rhk_pk)
    if response := _locked(request, skp):
        return response
    return form_page(
        request,
        IndicatorForm(_data(request), approach=skp.approach),
        template="appraisal/skp/indicator_form.html",
        save=lambda data: services.indicator_add(rhk=rhk, **data),
        success=_("The indicator was added."),
        done=_detail_url(skp, f"rhk-{rhk.pk}"),
        context={"skp": skp, "rhk": rhk},
    )


@require_http_methods(GET_POST)
@login_required
def skp_indicator_edit(request, pk, indicator_pk):
    skp = access.skp_for_user(request.user, pk, write=True)
    indicator = selectors.indicator_in_plan(skp, indicator_pk)
    if response := _locked(request, skp):
        return response
    names = ("text", "aspect", "target_value", "target_unit", "target_text")
    return form_page(
        request,
        IndicatorForm(
            _data(request), approach=skp.approach, initial={n: getattr(indicator, n) for n in names}
        ),
        template="appraisal/skp/indicator_form.html",
        save=lambda data: services.indicator_update(indicator=indicator, **data),
        success=_("The indicator was saved."),
        done=_detail_url(skp, f"rhk-{indicator.rhk_id}"),
        context={"skp": skp, "rhk": indicator.rhk, "indicator": indicator},
    )


@require_POST
@login_required
def skp_indicator_remove(request, pk, indicator_pk):
    skp = access.skp_for_user(request.user, pk, write=True)
    indicator = selectors.indicator_in_plan(skp, indicator_pk)
    try:
        services.indicator_remove(indicator=indicator)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The indicator was removed."))
    return redirect(_detail_url(skp, f"rhk-{indicator.rhk_id}"))


@require_http_methods(GET_POST)
@login_required
def skp_annex(request, pk):
    skp = access.skp_for_user(request.user, pk, write=True)
    if response := _locked(request, skp):
        return response
    names = ("resource_support", "accountability_scheme", "consequences")
    return form_page(
        request,
        AnnexForm(_data(request), initial={n: getattr(skp, n) for n in names}),
        template="appraisal/skp/annex_form.html",
        save=lambda data: services.skp_update_annex(skp=skp, **data),
        success=_("The annex was saved."),
        done=_detail_url(skp, "annex"),
        context={"skp": skp},
    )


@require_http_methods(GET_POST)
@login_required
def skp_hand_down(request, pk):
    skp = access.skp_for_user(request.user, pk, write=True)
    team = selectors.direct_reports(skp.staff, year=skp.year)
    chosen = request.GET.get("rhk", "")
    form = HandDownForm(
        _data(request),
        initial={"source_rhk": chosen if chosen.isdigit() else None},
        own_results=skp.results.order_by("-kind", "order", "pk"),
        team=team,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        data["source_rhk"].skp = skp
        try:
            result = services.rhk_assign_to_subordinates(
                source_rhk=data["source_rhk"],
                subordinates=data["subordinates"],
                text=data["text"],
                kind=data["kind"],
                by=request.user,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            _report_hand_down(request, result)
            return redirect(_detail_url(skp, f"rhk-{data['source_rhk'].pk}"))
    return render(request, "appraisal/skp/hand_down_form.html", {"form": form, "skp": skp, "team": team})


def _report_hand_down(request, result):
    count = len(result.created)
    messages.success(
        request,
        ngettext(
            "The result was handed down to %(count)d plan.",
            "The result was handed down to %(count)d plans.",
            count,
        )
        % {"count": count},
    )
    if result.locked:
        names = ", ".join(s.name for s in result.locked)
        messages.warning(
            request,
            _("Skipped because their plan is submitted or approved: %(names)s.") % {"names": names},
        )
    if result.already_linked:
        names = ", ".join(s.name for s in result.already_linked)
        messages.info(request, _("Already supporting this result: %(names)s.") % {"names": names})


# --- The rater's forms and the workflow ------------------------------------------------------------------


@require_http_methods(GET_POST)
@login_required
def skp_expectations(request, pk):
    skp = access.skp_for_review(request.user, pk)
    refusal = services.edit_refusal(skp) if skp.status == SkpStatus.APPROVED else ""
    if response := _locked(request, skp, refusal=refusal):
        return response
    initial = {row.value: row.expectation for row in skp.expectations.all()}
    return form_page(
        request,
        ExpectationsForm(_data(request), initial=initial),
        template="appraisal/skp/expectations_form.html",
        save=lambda data: services.expectation_update(skp=skp, by=request.user, expectations=data),
        success=_("The expectations were saved."),
        done=_detail_url(skp, "behaviour"),
        context={"skp": skp},
    )


def _step(request, skp, step, success):
    try:
        step()
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, success)
    return redirect(_detail_url(skp))


@require_POST
@login_required
def skp_submit(request, pk):
    skp = access.skp_for_user(request.user, pk, write=True)
    return _step(
        request,
        skp,
        lambda: services.skp_submit(skp=skp, by=request.user),
        _("The plan was sent to your supervisor for approval."),
    )


@require_POST
@login_required
def skp_return(request, pk):
    skp = access.skp_for_review(request.user, pk)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what should change before the plan can be approved."))
        return redirect(_detail_url(skp, "review"))
    return _step(
        request,
        skp,
        lambda: services.skp_return(skp=skp, by=request.user, comment=form.cleaned_data["comment"]),
        _("The plan was returned with your comment."),
    )


@require_POST
@login_required
def skp_approve(request, pk):
    skp = access.skp_for_review(request.user, pk)
    return _step(
        request, skp, lambda: services.skp_approve(skp=skp, by=request.user), _("The plan was approved.")
    )


@require_POST
@login_required
def skp_revision(request, pk):
    skp = access.skp_for_user(request.user, pk)
    if skp.staff_id != getattr(roles_of(request.user).staff, "pk", None) and not access.is_rater_of(
        request.user, skp.staff
    ):
        raise PermissionDenied
    form = RevisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the approved plan must change."))
        return redirect(_detail_url(skp, "revision"))
    return _step(
        request,
        skp,
        lambda: services.skp_open_revision(skp=skp, by=request.user, reason=form.cleaned_data["reason"]),
        _("A revision was opened: the plan is a draft again, and the approved version stays in its history."),
    )


@require_GET
@login_required
def skp_inbox(request):
    staff = roles_of(request.user).staff
    plans = selectors.review_inbox(staff) if staff is not None else Skp.objects.none()
    return render(request, "appraisal/skp/inbox.html", {"plans": plans})
