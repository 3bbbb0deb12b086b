"""Writes of continuous feedback, mentoring and the development catalogue.

The rules hold whoever calls: who may write a note, pair a mentor or log a session is checked here as
well as in the views, and every refusal is a ValidationError naming the field it is about, with nothing
stored. The constraints on the models stay the last line of defence.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.models import Agency, Staff, User
from appraisal.models import (
    Competency,
    CoreValue,
    DevelopmentActivity,
    DevelopmentKind,
    FeedbackKind,
    FeedbackNote,
    MentoringSession,
    Mentorship,
    Rhk,
)
from appraisal.models.feedback import CORRECTION_MIN_LENGTH
from appraisal.selectors.feedback import may_give_feedback, may_manage_mentoring

NON_FIELD = "__all__"
TEXT_MAX = 4000
TITLE_MAX, PROVIDER_MAX = 200, 200
HOURS_MAX = 2000


def _day(value):
    return formats.date_format(value, "j F Y")


def _clean(text):
    return (text or "").strip()


def _too_long(text, limit):
    return _("Keep it to at most %(max)s characters.") % {"max": limit} if len(text) > limit else None


# --- Feedback notes ---------------------------------------------------------------------------------


@transaction.atomic
def feedback_note_create(
    *,
    author: Staff,
    subject: Staff,
    kind: str,
    text: str,
    rhk: Rhk | None = None,
    value: str = "",
) -> FeedbackNote:
    """Writes a note of praise or a constructive correction about a colleague (umpan balik)."""
    text, value = _clean(text), value or ""
    if author.pk == subject.pk:
        raise ValidationError(
            {NON_FIELD: _("Feedback is about someone else: you cannot write it about yourself.")}
        )
    if not may_give_feedback(author, subject):
        raise ValidationError(
            {
                NON_FIELD: _(
                    "Only active colleagues of the same agency and the supervisors above %(name)s may give "
                    "them feedback."
                )
                % {"name": subject.name}
            }
        )
    errors = {}
    if kind not in FeedbackKind.values:
        errors["kind"] = _("Choose praise or a constructive correction.")
    if not text:
        errors["text"] = _("Write the feedback.")
    elif kind == FeedbackKind.CORRECTION and len(text) < CORRECTION_MIN_LENGTH:
        errors["text"] = _(
            "A correction must say what to do better next time: write at least %(min)s characters."
        ) % {"min": CORRECTION_MIN_LENGTH}
    elif message := _too_long(text, TEXT_MAX):
        errors["text"] = message
    if value and value not in CoreValue.values:
        errors["value"] = _("Choose one of the BerAKHLAK values.")
    if rhk is not None and value:
        errors["value"] = _("Link the note to a work result or to a BerAKHLAK value, not both.")
    if rhk is not None and not Rhk.objects.filter(pk=rhk.pk, skp__staff=subject).exists():
        errors["rhk"] = _("Choose one of %(name)s's own work results.") % {"name": subject.name}
    if errors:
        raise ValidationError(errors)
    return FeedbackNote.objects.create(
        author=author, subject=subject, kind=kind, text=text, rhk=rhk, value=value, created_at=timezone.now()
    )


# --- Mentoring --------------------------------------------------------------------------------------


def _active_pair_message(mentor, mentee):
    return _("%(mentor)s already mentors %(mentee)s; end that mentorship before starting a new one.") % {
        "mentor": mentor.name,
        "mentee": mentee.name,
    }


@transaction.atomic
def mentorship_create(*, mentor: Staff, mentee: Staff, goal: str, started_on: date, by: User) -> Mentorship:
    """Pairs an experienced colleague (mentor) with a colleague of the same agency (bimbingan)."""
    goal = _clean(goal)
    if not may_manage_mentoring(by, mentee):
        raise ValidationError(
            {"mentee": _("Only HR and the supervisors above %(name)s may pair them.") % {"name": mentee.name}}
        )
    errors = {}
    if mentor.pk == mentee.pk:
        errors["mentor"] = _("The mentor and the mentee must be two different people.")
    elif mentor.agency_id != mentee.agency_id:
        errors["mentor"] = _("The mentor must work in the same agency as the mentee.")
    elif not mentor.is_active:
        errors["mentor"] = _("%(name)s is not in active service and cannot mentor.") % {"name": mentor.name}
    if not mentee.is_active:
        errors["mentee"] = _("%(name)s is not in active service.") % {"name": mentee.name}
    if not goal:
        errors["goal"] = _("Say what the mentoring should achieve.")
    elif message := _too_long(goal, TEXT_MAX):
        errors["goal"] = message
    if started_on is None:
        errors["started_on"] = _("Give the start date.")
    if errors:
        raise ValidationError(errors)
    if Mentorship.objects.active().filter(mentor=mentor, mentee=mentee).exists():
        raise ValidationError({NON_FIELD: _active_pair_message(mentor, mentee)})
    mentorship = Mentorship(
        mentor=mentor,
        mentee=mentee,
        goal=goal,
        started_on=started_on,
        created_by=by,
        created_at=timezone.now(),
    )
    try:
        with transaction.atomic():
            mentorship.save()
    except IntegrityError as exc:  # the same pair was made by someone else meanwhile
        raise ValidationError({NON_FIELD: _active_pair_message(mentor, mentee)}) from exc
    return mentorship


@transaction.atomic
def mentorship_end(*, mentorship: Mentorship, by: User, on: date | None = None) -> Mentorship:
    """Ends a mentorship; its session log stays."""
    mentorship = Mentorship.objects.select_for_update().select_related("mentee").get(pk=mentorship.pk)
    if not may_manage_mentoring(by, mentorship.mentee):
        raise ValidationError(
            {NON_FIELD: _("Only HR and the supervisors above the mentee may end the mentorship.")}
        )
    on = on or timezone.localdate()
    if mentorship.ended_on is not None:
        raise ValidationError(
            _("This mentorship already ended on %(date)s.") % {"date": _day(mentorship.ended_on)}
        )
    if on < mentorship.started_on:
        raise ValidationError(
            {
                "ended_on": _("The mentorship starts on %(date)s; it cannot end before it starts.")
                % {"date": _day(mentorship.started_on)}
            }
        )
    mentorship.ended_on = on
    mentorship.save(update_fields=["ended_on"])
    return mentorship


@transaction.atomic
def mentoring_session_log(
    *, mentorship: Mentorship, by: Staff, date: date, notes: str, agreed_actions: str = ""
) -> MentoringSession:
    """Records one mentoring session: what was discussed and what the two agreed to do."""
    notes, agreed_actions = _clean(notes), _clean(agreed_actions)
    if by is None or by.pk not in (mentorship.mentor_id, mentorship.mentee_id):
        raise ValidationError({NON_FIELD: _("Only the mentor and the mentee log their sessions.")})
    errors = {}
    today = timezone.localdate()
    if date is None:
        errors["date"] = _("Give the date of the session.")
    elif date > today:
        errors["date"] = _("Log a session once it has taken place: the date cannot be in the future.")
    elif date < mentorship.started_on:
        errors["date"] = _("The mentorship started on %(date)s; the session cannot be earlier.") % {
            "date": _day(mentorship.started_on)
        }
    elif mentorship.ended_on is not None and date > mentorship.ended_on:
        errors["date"] = _("The mentorship ended on %(date)s; the session cannot be later.") % {
            "date": _day(mentorship.ended_on)
        }
    if not notes:
        errors["notes"] = _("Write what was discussed.")
    elif message := _too_long(notes, TEXT_MAX):
        errors["notes"] = message
    if message := _too_long(agreed_actions, TEXT_MAX):
        errors["agreed_actions"] = message
    if errors:
        raise ValidationError(errors)
    return MentoringSession.objects.create(
        mentorship=mentorship,
        date=date,
        notes=notes,
        agreed_actions=agreed_actions,
        logged_by=by,
        created_at=timezone.now(),
    )


# --- Development catalogue --------------------------------------------------------------------------


def _duplicate_title_message(title):
    return _("The catalogue already has an activity called “%(title)s”.") % {"title": title}


def _check_activity(*, agency_id, title, kind, competency, provider, duration_hours, exclude_pk=None):
    errors = {}
    if not title:
        errors["title"] = _("The activity needs a title.")
    elif len(title) > TITLE_MAX:
        errors["title"] = _too_long(title, TITLE_MAX)
    elif (
        DevelopmentActivity.objects.filter(agency_id=agency_id, title__iexact=title)
        .exclude(pk=exclude_pk)
        .exists()
    ):
        errors["title"] = _duplicate_title_message(title)
    if kind not in DevelopmentKind.values:
        errors["kind"] = _("Choose training, mentoring, coaching or an assignment.")
    if competency is not None and competency.agency_id is not None and competency.agency_id != agency_id:
        errors["competency"] = (
            _("A national activity can only target a managerial or socio-cultural competency.")
            if agency_id is None
            else _("%(competency)s is a technical competency of another agency.")
            % {"competency": competency.name}
        )
    if len(provider) > PROVIDER_MAX:
        errors["provider"] = _too_long(provider, PROVIDER_MAX)
    if duration_hours is not None and not (
        isinstance(duration_hours, int)
        and not isinstance(duration_hours, bool)
        and 0 < duration_hours <= HOURS_MAX
    ):
        errors["duration_hours"] = _("The duration is a whole number of hours from 1 to %(max)s.") % {
            "max": HOURS_MAX
        }
    return errors


def _save_activity(activity, **save_kwargs):
    try:
        with transaction.atomic():
            activity.save(**save_kwargs)
    except IntegrityError as exc:  # the same title was taken meanwhile
        raise ValidationError({"title": _duplicate_title_message(activity.title)}) from exc


@transaction.atomic
def development_activity_create(
    *,
    agency: Agency | None,
    title: str,
    kind: str,
    competency: Competency | None = None,
    description: str = "",
    provider: str = "",
    duration_hours: int | None = None,
    is_active: bool = True,
) -> DevelopmentActivity:
    """Adds an activity to the development catalogue of an agency (or, with no agency, the national one)."""
    title, description, provider = _clean(title), _clean(description), _clean(provider)
    errors = _check_activity(
        agency_id=agency.pk if agency else None,
        title=title,
        kind=kind,
        competency=competency,
        provider=provider,
        duration_hours=duration_hours,
    )
    if errors:
        raise ValidationError(errors)
    activity = DevelopmentActivity(
        agency=agency,
        title=title,
        kind=kind,
        competency=competency,
        description=description,
        provider=provider,
        duration_hours=duration_hours,
        is_active=is_active,
    )
    _save_activity(activity)
    return activity


@transaction.atomic
def development_activity_update(
    *,
    activity: DevelopmentActivity,
    title: str,
    kind: str,
    competency: Competency | None = None,
    description: str = "",
    provider: str = "",
    duration_hours: int | None = None,
    is_active: bool = True,
) -> DevelopmentActivity:
    """Changes a catalogue entry; its agency stays. An activity no longer offered is kept inactive."""
    title, description, provider = _clean(title), _clean(description), _clean(provider)
    errors = _check_activity(
        agency_id=activity.agency_id,
        title=title,
        kind=kind,
        competency=competency,
        provider=provider,
        duration_hours=duration_hours,
        exclude_pk=activity.pk,
    )
    if errors:
        raise ValidationError(errors)
    activity.title, activity.kind, activity.competency = title, kind, competency
    activity.description, activity.provider = description, provider
    activity.duration_hours, activity.is_active = duration_hours, is_active
    _save_activity(
        activity,
        update_fields=[
            "title",
            "kind",
            "competency",
            "description",
            "provider",
            "duration_hours",
            "is_active",
        ],
    )
    return activity
