"""Writes of 360° feedback (umpan balik 360 derajat): asking raters, and their answers.

A request is made by someone in the person's supervisor chain (direct, indirect or acting Plt/Plh) or
by their agency's HR. Raters are active staff of the same agency in three groups: supervisors, peers,
and (only for managers) subordinates. Each rater answers once, before the request closes, with a
score of 1–5 and a comment for every BerAKHLAK value.
"""

from collections.abc import Iterable, Mapping
from datetime import date

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.access import roles_of
from accounts.models import ActingAssignment, Staff
from accounts.selectors import subordinates_of, supervisor_chain_ids
from appraisal.models import (
    CoreValue,
    EvaluationPeriod,
    FeedbackAnswer,
    FeedbackInvitation,
    FeedbackRequest,
    RaterGroup,
)
from appraisal.models.peer_feedback import SCORE_MAX, SCORE_MIN

# Results are shown to the person rated only for sets of at least this many answers; a request with
# fewer raters could never show anything.
MIN_RATERS = 3
# Scores at or below this need a comment, so a low score always says what to improve.
COMMENT_REQUIRED_AT_OR_BELOW = 2
COMMENT_MAX_LENGTH = 1000


def _refusal(message) -> ValidationError:
    return ValidationError({NON_FIELD_ERRORS: message})


def may_request_for(user, subject: Staff) -> bool:
    """The subject's supervisor chain (incl. acting officials) and the agency's HR may ask for
    feedback on them; nobody asks for feedback on themself."""
    roles = roles_of(user)
    if roles.staff is not None and roles.staff.pk == subject.pk:
        return False
    if roles.administers(subject.agency_id):
        return True
    return roles.staff is not None and subordinates_of(roles.staff).filter(pk=subject.pk).exists()


def supervisor_ids_of(subject: Staff, *, on: date | None = None) -> set[int]:
    """The chain above the subject and whoever currently acts (Plt/Plh) for someone in it."""
    chain = set(supervisor_chain_ids(subject.pk))
    acting = ActingAssignment.objects.current(on).filter(replaces_id__in=chain)
    return chain | set(acting.values_list("acting_id", flat=True))


def _rater_errors(subject, raters_by_group, on):
    """Messages about the chosen raters (empty when they are acceptable)."""
    errors = []
    seen: dict[int, str] = {}
    for group, raters in raters_by_group.items():
        for rater in raters:
            if rater.pk in seen:
                errors.append(
                    _("%(name)s is chosen in more than one group; choose one group for each rater.")
                    % {"name": rater.full_name}
                )
            seen[rater.pk] = group
    if subject.pk in seen:
        errors.append(_("The person rated cannot rate themself."))
    others = {pk for pk in seen if pk != subject.pk}
    valid = set(
        Staff.objects.active().filter(agency_id=subject.agency_id, pk__in=others).values_list("pk", flat=True)
    )
    names = {r.pk: r.full_name for raters in raters_by_group.values() for r in raters}
    for pk in sorted(others - valid):
        errors.append(_("%(name)s is not active staff of this agency.") % {"name": names[pk]})
    subordinates = {pk for pk, group in seen.items() if group == RaterGroup.SUBORDINATE} - {subject.pk}
    if subordinates and not subordinates_of(subject, on=on).exists():
        errors.append(
            _("%(name)s has no subordinates, so the subordinates group must stay empty.")
            % {"name": subject.full_name}
        )
    elif subordinates:
        below = set(subordinates_of(subject, on=on).filter(pk__in=subordinates).values_list("pk", flat=True))
        for pk in sorted(subordinates - below):
            errors.append(_("%(name)s is not a subordinate of the person rated.") % {"name": names[pk]})
    supervisors = {pk for pk, group in seen.items() if group == RaterGroup.SUPERVISOR}
    for pk in sorted(supervisors - supervisor_ids_of(subject, on=on) - {subject.pk}):
        errors.append(
            _("%(name)s is not in the supervisor chain of the person rated; choose them as a peer.")
            % {"name": names[pk]}
        )
    if len(others) < MIN_RATERS:
        errors.append(
            _(
                "Choose at least %(min)d raters: results are shown only once %(min)d people have "
                "answered, so that no answer can be traced to its rater (%(n)d chosen)."
            )
            % {"min": MIN_RATERS, "n": len(others)}
        )
    return errors


@transaction.atomic
def feedback_request_create(
    *,
    subject: Staff,
    period: EvaluationPeriod,
    raters_by_group: Mapping[str, Iterable[Staff]],
    requested_by,
    closes_on: date,
    note: str = "",
) -> FeedbackRequest:
    """Asks the chosen raters for 360° feedback on the subject in the period."""
    if not may_request_for(requested_by, subject):
        raise _refusal(_("Only the supervisors of this person and HR of their agency can ask for feedback."))
    today = timezone.localdate()
    raters_by_group = {RaterGroup(group): list(raters) for group, raters in raters_by_group.items()}
    errors: dict[str, list[str]] = {}
    if period.year.agency_id != subject.agency_id:
        errors.setdefault("period", []).append(_("Choose a period of the agency of the person rated."))
    elif not period.year.is_open:
        errors.setdefault("period", []).append(_("The performance year of this period is closed."))
    if closes_on < today:
        errors.setdefault("closes_on", []).append(_("The closing date cannot be in the past."))
    if not subject.is_active:
        errors.setdefault(NON_FIELD_ERRORS, []).append(_("Feedback can be asked only for active staff."))
    rater_errors = _rater_errors(subject, raters_by_group, today)
    if rater_errors:
        errors.setdefault(NON_FIELD_ERRORS, []).extend(rater_errors)
    if FeedbackRequest.objects.filter(subject=subject, period=period).exists():
        errors.setdefault(NON_FIELD_ERRORS, []).append(
            _("Feedback for this person in this period has already been asked for.")
        )
    if errors:
        raise ValidationError(errors)
    request = FeedbackRequest(
        subject=subject,
        period=period,
        requested_by=requested_by,
        closes_on=closes_on,
        note=(note or "").strip(),
    )
    try:
        with transaction.atomic():
            request.save()
            FeedbackInvitation.objects.bulk_create(
                FeedbackInvitation(request=request, subject=subject, rater=rater, group=group)
                for group, raters in raters_by_group.items()
                for rater in raters
            )
    except IntegrityError as error:  # a request made at the same moment by someone else
        raise _refusal(_("Feedback for this person in this period has already been asked for.")) from error
    return request


def _answer_errors(answers):
    """Checks every value's (score, comment); returns (errors by field, cleaned answers)."""
    errors: dict[str, str] = {}
    cleaned = {}
    unknown = set(answers) - set(CoreValue.values)
    if unknown:
        errors[NON_FIELD_ERRORS] = _("Answer only the seven BerAKHLAK values.")
    for value in CoreValue:
        if value.value not in answers:
            errors[f"{value.value}_score"] = _("Give a score for %(value)s.") % {"value": value.label}
            continue
        score, comment = answers[value.value]
        comment = (comment or "").strip()
        if not isinstance(score, int) or isinstance(score, bool) or not SCORE_MIN <= score <= SCORE_MAX:
            errors[f"{value.value}_score"] = _("Choose a score from %(min)d to %(max)d.") % {
                "min": SCORE_MIN,
                "max": SCORE_MAX,
            }
            continue
        if score <= COMMENT_REQUIRED_AT_OR_BELOW and not comment:
            errors[f"{value.value}_comment"] = _(
                "A score of %(score)d needs a comment on what could improve."
            ) % {"score": score}
        if len(comment) > COMMENT_MAX_LENGTH:
            errors[f"{value.value}_comment"] = _("Keep the comment under %(n)d characters.") % {
                "n": COMMENT_MAX_LENGTH
            }
        cleaned[value.value] = (score, comment)
    return errors, cleaned


def feedback_answer_submit(
    *, invitation: FeedbackInvitation, rater: Staff, answers: Mapping[str, tuple[int, str]]
) -> FeedbackInvitation:
    """Stores the rater's answers for all seven values at once; a second submission is refused."""
    if rater is None or invitation.rater_id != rater.pk:
        raise _refusal(_("Only the invited rater can answer this request."))
    errors, cleaned = _answer_errors(answers)
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            # The row lock makes a second submission wait here and then see the first one's answer.
            locked = (
                FeedbackInvitation.objects.select_for_update(of=("self",))
                .select_related("request")
                .get(pk=invitation.pk)
            )
            if locked.answered_at is not None:
                raise _refusal(_("You have already answered this request."))
            if not locked.request.is_open():
                raise _refusal(
                    _("This request closed on %(date)s; answers are no longer accepted.")
                    % {"date": date_format(locked.request.closes_on)}
                )
            FeedbackAnswer.objects.bulk_create(
                FeedbackAnswer(invitation=locked, value=value, score=score, comment=comment)
                for value, (score, comment) in cleaned.items()
            )
            locked.answered_at = timezone.now()
            locked.save(update_fields=["answered_at"])
    except IntegrityError as error:  # the unique constraint caught a submission that slipped past
        raise _refusal(_("You have already answered this request.")) from error
    invitation.answered_at = locked.answered_at
    return invitation
