"""Continuous feedback, mentoring and the development catalogue.

My feedback: the notes about me and my mentoring. A colleague's feedback page: the notes about them
I may read, and the form to write one when I am in the chain above them or work in the same agency.
Mentoring: the mentorships in my scope, pairing and ending them (HR, supervisors), and the session log
(the mentor and the mentee add to it). The development catalogue: HR's list of training, mentoring,
coaching and assignments that development plans choose from.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import administered_agencies, hr_required, roles_of
from accounts.form_pages import form_page
from appraisal import access
from appraisal.forms.feedback import (
    DevelopmentActivityAddForm,
    DevelopmentActivityForm,
    FeedbackFilterForm,
    FeedbackNoteForm,
    FeedbackSubjectForm,
    MentoringSessionForm,
    MentorshipForm,
)
from appraisal.models import DevelopmentKind, FeedbackKind
from appraisal.selectors import feedback as selectors
from appraisal.services import feedback as services

GET_POST = ["GET", "POST"]
PAGE_SIZE = 25


def _data(request):
    return request.POST if request.method == "POST" else None


def _page(request, rows):
    return Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))


# --- Feedback ---------------------------------------------------------------------------------------


@require_GET
@login_required
def feedback_mine(request):
    staff = roles_of(request.user).staff
    if staff is None:
        return render(request, "appraisal/feedback/mine.html", {"staff": None})
    filter_form = FeedbackFilterForm(request.GET or None)
    kind = filter_form.cleaned_data["kind"] if filter_form.is_valid() else ""
    notes = selectors.notes_about(request.user, staff, kind=kind or None)
    counts = selectors.note_counts(selectors.notes_about(request.user, staff))
    mentorships = list(selectors.mentorships_of(staff))
    context = {
        "staff": staff,
        "filter_form": filter_form,
        "kind": kind,
        "page": _page(request, notes),
        "praise_count": counts.get(FeedbackKind.PRAISE, 0),
        "correction_count": counts.get(FeedbackKind.CORRECTION, 0),
        "as_mentee": [m for m in mentorships if m.mentee_id == staff.pk],
        "as_mentor": [m for m in mentorships if m.mentor_id == staff.pk],
    }
    return render(request, "appraisal/feedback/mine.html", context)


@require_GET
@login_required
def feedback_give(request):
    """Choose the colleague to give feedback to; their page holds the form."""
    staff = roles_of(request.user).staff
    if staff is None:
        raise PermissionDenied
    form = FeedbackSubjectForm(request.GET or None, colleagues=selectors.feedback_subjects_for(staff))
    if request.GET and form.is_valid():
        return redirect("appraisal:feedback_staff", pk=form.cleaned_data["staff"].pk)
    return render(request, "appraisal/feedback/give.html", {"form": form})


@require_http_methods(GET_POST)
@login_required
def feedback_staff(request, pk):
    subject, may_write = access.feedback_subject_for_user(request.user, pk)
    if request.method == "POST" and not may_write:
        raise PermissionDenied
    notes = list(selectors.notes_about(request.user, subject)[:50])
    form = None
    if may_write:
        form = FeedbackNoteForm(_data(request), results=selectors.results_of(subject))
    author = roles_of(request.user).staff
    url = reverse("appraisal:feedback_staff", args=[subject.pk])
    context = {"subject": subject, "notes": notes, "may_write": may_write}
    if form is None:
        return render(request, "appraisal/feedback/staff.html", {"form": None, **context})
    return form_page(
        request,
        form,
        save=lambda data: services.feedback_note_create(author=author, subject=subject, **data),
        success=_("Your feedback for %(name)s was saved. They can read it under My feedback.")
        % {"name": subject.name},
        done=lambda note: f"{url}#note-{note.pk}",
        template="appraisal/feedback/staff.html",
        context=context,
    )


@require_GET
@login_required
def feedback_detail(request, pk):
    note = access.feedback_note_for_user(request.user, pk)
    return render(request, "appraisal/feedback/detail.html", {"note": note})


# --- Mentoring --------------------------------------------------------------------------------------


@require_GET
@login_required
def mentoring_list(request):
    show_ended = request.GET.get("show") == "all"
    mentorships = selectors.mentorships_visible_to(request.user)
    if not show_ended:
        mentorships = mentorships.active()
    rows = selectors.mentorship_rows(mentorships)
    context = {
        "page": _page(request, rows),
        "show_ended": show_ended,
        "may_pair": selectors.may_pair_anyone(request.user),
    }
    return render(request, "appraisal/feedback/mentoring_list.html", context)


@require_http_methods(GET_POST)
@login_required
def mentoring_add(request):
    if not selectors.may_pair_anyone(request.user):
        raise PermissionDenied
    initial = {}
    if (mentee := request.GET.get("mentee", "")).isdigit():
        initial["mentee"] = int(mentee)
    form = MentorshipForm(
        _data(request),
        initial=initial,
        mentees=selectors.mentee_choices(request.user),
        mentors=selectors.mentor_choices(request.user),
    )
    return form_page(
        request,
        form,
        save=lambda data: services.mentorship_create(by=request.user, **data),
        success=lambda m: (
            _("%(mentor)s now mentors %(mentee)s.") % {"mentor": m.mentor.name, "mentee": m.mentee.name}
        ),
        done=lambda m: reverse("appraisal:mentoring_detail", args=[m.pk]),
        template="appraisal/feedback/mentorship_form.html",
    )


@require_GET
@login_required
def mentoring_detail(request, pk):
    mentorship = access.mentorship_for_user(request.user, pk)
    context = {
        "mentorship": mentorship,
        "sessions": list(selectors.sessions_of(mentorship)),
        "may_log": selectors.is_party(request.user, mentorship),
        "may_manage": mentorship.is_active
        and selectors.may_manage_mentoring(request.user, mentorship.mentee),
    }
    return render(request, "appraisal/feedback/mentoring_detail.html", context)


@require_POST
@login_required
def mentoring_end(request, pk):
    mentorship = access.mentorship_for_user(request.user, pk, manage=True)
    try:
        services.mentorship_end(mentorship=mentorship, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The mentorship was ended. Its sessions stay in the log."))
    return redirect("appraisal:mentoring_detail", pk=mentorship.pk)


@require_http_methods(GET_POST)
@login_required
def mentoring_session_add(request, pk):
    mentorship = access.mentorship_for_user(request.user, pk, log=True)
    staff = roles_of(request.user).staff
    return form_page(
        request,
        MentoringSessionForm(_data(request)),
        save=lambda data: services.mentoring_session_log(mentorship=mentorship, by=staff, **data),
        success=_("The session was added to the log."),
        done=lambda session: (
            reverse("appraisal:mentoring_detail", args=[mentorship.pk]) + f"#session-{session.pk}"
        ),
        template="appraisal/feedback/session_form.html",
        context={"mentorship": mentorship},
    )


# --- Development catalogue --------------------------------------------------------------------------


def _catalogue_url(activity=None):
    url = reverse("appraisal:development_list")
    return f"{url}#activity-{activity.pk}" if activity else url


def _competency_scope(request):
    roles = roles_of(request.user)
    if roles.is_superadmin:
        return selectors.target_competencies(None)
    return selectors.target_competencies([roles.hr_agency_id])


@require_GET
@login_required
@hr_required
def development_list(request):
    kind = request.GET.get("kind", "")
    kind = kind if kind in DevelopmentKind.values else ""
    roles = roles_of(request.user)
    activities = list(selectors.catalogue_for(request.user, kind=kind or None))
    for activity in activities:
        activity.can_edit = (
            roles.is_superadmin if activity.is_national else roles.administers(activity.agency_id)
        )
    return render(
        request,
        "appraisal/feedback/development_list.html",
        {"activities": activities, "kind": kind, "kinds": DevelopmentKind.choices},
    )


@require_http_methods(GET_POST)
@login_required
@hr_required
def development_add(request):
    roles = roles_of(request.user)
    form = DevelopmentActivityAddForm(
        _data(request),
        agencies=administered_agencies(request.user).order_by("name"),
        national=roles.is_superadmin,
        competencies=_competency_scope(request),
    )
    return form_page(
        request,
        form,
        save=lambda data: services.development_activity_create(**data),
        success=_("The activity was added to the catalogue."),
        done=_catalogue_url,
        template="appraisal/feedback/development_form.html",
    )


@require_http_methods(GET_POST)
@login_required
def development_edit(request, pk):
    activity = access.development_activity_for_user(request.user, pk, write=True)
    names = ("title", "kind", "competency", "description", "provider", "duration_hours", "is_active")
    initial = {name: getattr(activity, name) for name in names}
    competencies = (
        selectors.target_competencies([])
        if activity.is_national
        else selectors.target_competencies([activity.agency_id])
    )
    return form_page(
        request,
        DevelopmentActivityForm(_data(request), initial=initial, competencies=competencies),
        save=lambda data: services.development_activity_update(activity=activity, **data),
        success=_("The activity was saved."),
        done=_catalogue_url(activity),
        template="appraisal/feedback/development_form.html",
        context={"activity": activity},
    )
