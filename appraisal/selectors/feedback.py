"""Reads of feedback notes, mentorships and the development catalogue, with who may see and change them.

Feedback notes are seen by their subject, their author, the chain above the subject (direct, indirect
and acting Plt/Plh), the subject's agency HR and the super admin. Notes are written by the chain above
the subject and by colleagues of the same agency, never about oneself.

A mentorship and its session log are seen by the mentor, the mentee, the chain above the mentee, the
mentee's agency HR and the super admin. HR and the chain above the mentee pair and end them; the mentor
and the mentee log sessions.

The development catalogue: national activities (no agency) are read by every HR admin and changed by
the super admin; an agency's activities are read by its members and changed by its HR.

Every list here is one query for its rows, whatever the number of rows; others get 404 for an object
outside their scope and 403 for a change they may not make.
"""

from django.db.models import Count, Max, Q

from accounts.access import roles_of
from accounts.models import Staff
from accounts.selectors import subordinate_ids_sql
from appraisal.models import (
    Competency,
    DevelopmentActivity,
    FeedbackNote,
    MentoringSession,
    Mentorship,
    Rhk,
)


def _own(user):
    return roles_of(user).staff


def in_chain_below(staff, subject_id):
    """Whether the subject is below this staff member (direct, indirect or acting)."""
    return Staff.objects.filter(pk=subject_id, id__in=subordinate_ids_sql(staff.pk)).exists()


# --- Feedback notes ---------------------------------------------------------------------------------


def notes_visible_to(user):
    """Every feedback note the user may read, as one lazy query."""
    roles = roles_of(user)
    if roles.is_superadmin:
        return FeedbackNote.objects.all()
    scope = Q(pk__in=[])
    if roles.staff:
        scope |= Q(subject_id=roles.staff.pk) | Q(author_id=roles.staff.pk)
        if roles.is_supervisor:
            scope |= Q(subject_id__in=subordinate_ids_sql(roles.staff.pk))
    if roles.is_hr:
        scope |= Q(subject__agency_id=roles.hr_agency_id)
    return FeedbackNote.objects.filter(scope)


def with_related(notes):
    return notes.select_related("author__position", "subject", "rhk__skp__year").newest_first()


def notes_about(user, subject, *, kind=None):
    """The notes about the subject that the user may read, newest first, with their authors."""
    notes = notes_visible_to(user).filter(subject=subject)
    if kind:
        notes = notes.filter(kind=kind)
    return with_related(notes)


def note_counts(notes):
    """{kind: count} of a set of notes, in one query."""
    return dict(notes.order_by().values_list("kind").annotate(count=Count("pk")))


def may_give_feedback(author, subject):
    """Whether this staff member may write feedback about the subject: an active colleague of the same
    agency, or one in the chain above the subject; never about themself."""
    if author is None or subject is None or author.pk == subject.pk:
        return False
    if not (author.is_active and subject.is_active):
        return False
    return author.agency_id == subject.agency_id or in_chain_below(author, subject.pk)


def feedback_subjects_for(staff):
    """The colleagues this staff member may write feedback about, for a chooser."""
    if staff is None or not staff.is_active:
        return Staff.objects.none()
    scope = Q(agency_id=staff.agency_id) | Q(id__in=subordinate_ids_sql(staff.pk))
    return Staff.objects.active().filter(scope).exclude(pk=staff.pk).select_related("unit").order_by("name")


def results_of(subject):
    """The subject's work results (RHK) of every year, newest year first, to link a note to."""
    return (
        Rhk.objects.filter(skp__staff=subject)
        .select_related("skp__year")
        .order_by("-skp__year__year", "kind", "order", "pk")
    )


# --- Mentoring --------------------------------------------------------------------------------------


def mentorships_visible_to(user):
    roles = roles_of(user)
    if roles.is_superadmin:
        return Mentorship.objects.all()
    scope = Q(pk__in=[])
    if roles.staff:
        scope |= Q(mentor_id=roles.staff.pk) | Q(mentee_id=roles.staff.pk)
        if roles.is_supervisor:
            scope |= Q(mentee_id__in=subordinate_ids_sql(roles.staff.pk))
    if roles.is_hr:
        scope |= Q(mentee__agency_id=roles.hr_agency_id)
    return Mentorship.objects.filter(scope)


def mentorship_rows(mentorships):
    """Mentorships with both people, the number of sessions and the last session date, active first."""
    return (
        mentorships.select_related("mentor__position", "mentee__position", "mentee__unit")
        .annotate(session_count=Count("sessions"), last_session_on=Max("sessions__date"))
        .order_by("ended_on", "-started_on", "-pk")
    )


def mentorships_of(staff):
    """The mentorships where the staff member is mentee or mentor."""
    return mentorship_rows(Mentorship.objects.filter(Q(mentee=staff) | Q(mentor=staff)))


def may_manage_mentoring(user, mentee):
    """HR of the mentee's agency, the super admin and the chain above the mentee pair and end."""
    roles = roles_of(user)
    if roles.administers(mentee.agency_id):
        return True
    return bool(roles.is_supervisor and roles.staff.is_active and in_chain_below(roles.staff, mentee.pk))


def may_pair_anyone(user):
    roles = roles_of(user)
    return roles.administers_any or roles.is_supervisor


def mentee_choices(user):
    """The active staff a user may pair with a mentor."""
    roles = roles_of(user)
    if roles.is_superadmin:
        mentees = Staff.objects.all()
    else:
        scope = Q(pk__in=[])
        if roles.is_hr:
            scope |= Q(agency_id=roles.hr_agency_id)
        if roles.is_supervisor:
            scope |= Q(id__in=subordinate_ids_sql(roles.staff.pk))
        mentees = Staff.objects.filter(scope)
    return mentees.active().select_related("agency").order_by("name")


def mentor_choices(user):
    """Active staff of the agencies the user's mentees belong to; the service checks the pair."""
    agency_ids = mentee_choices(user).order_by().values("agency_id")
    return Staff.objects.active().filter(agency_id__in=agency_ids).select_related("agency").order_by("name")


def is_party(user, mentorship):
    own = _own(user)
    return own is not None and own.pk in (mentorship.mentor_id, mentorship.mentee_id)


def sessions_of(mentorship):
    return MentoringSession.objects.filter(mentorship=mentorship).select_related("logged_by")


# --- Development catalogue --------------------------------------------------------------------------


def catalogue_for(user, *, kind=None):
    """The activities an HR admin keeps or may offer: the national ones and their agency's; the super
    admin sees all."""
    roles = roles_of(user)
    activities = DevelopmentActivity.objects.all()
    if not roles.is_superadmin:
        activities = activities.for_agency(roles.hr_agency_id)
    if kind:
        activities = activities.filter(kind=kind)
    return activities.select_related("agency", "competency").order_by("-is_active", "title", "pk")


def target_competencies(agency_ids):
    """Competencies an activity may target: the national ones and the technical ones of these agencies."""
    scope = Q(agency__isnull=True)
    if agency_ids is None:
        scope = Q()
    elif agency_ids:
        scope |= Q(agency_id__in=agency_ids)
    return Competency.objects.filter(scope).select_related("agency").order_by("group", "agency", "code")
