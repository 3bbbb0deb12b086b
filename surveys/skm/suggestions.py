"""Writes of the citizens' suggestions (saran): HR answers one, or marks it handled.

New → responded (a text answer, who and when) → handled; a suggestion may also be marked handled
straight away. Whoever answers or marks it is recorded.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from surveys.models import ReviewStatus, SuggestionStatus, SurveyResponse

RESPONSE_MAX = 2000


def _locked(response: SurveyResponse) -> SurveyResponse:
    locked = SurveyResponse.objects.select_for_update().get(pk=response.pk)
    if locked.suggestion_status == SuggestionStatus.NONE or not locked.suggestion:
        raise ValidationError(_("This response has no suggestion."))
    if locked.review_status == ReviewStatus.REJECTED:
        raise ValidationError(_("This response was left out after review; its suggestion is closed."))
    return locked


@transaction.atomic
def suggestion_respond(*, response: SurveyResponse, by, text: str) -> SurveyResponse:
    """Records HR's answer to the suggestion; a handled suggestion keeps its status."""
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the response.")})
    if len(text) > RESPONSE_MAX:
        raise ValidationError({"text": _("At most %(max)d characters are allowed.") % {"max": RESPONSE_MAX}})
    locked = _locked(response)
    locked.hr_response = text
    locked.responded_by = by
    locked.responded_at = timezone.now()
    if locked.suggestion_status == SuggestionStatus.NEW:
        locked.suggestion_status = SuggestionStatus.RESPONDED
    locked.save(update_fields=["hr_response", "responded_by", "responded_at", "suggestion_status"])
    return locked


@transaction.atomic
def suggestion_mark_handled(*, response: SurveyResponse, by) -> SurveyResponse:
    """Marks the suggestion handled; without an earlier answer, who marked it and when are recorded."""
    locked = _locked(response)
    if locked.suggestion_status == SuggestionStatus.HANDLED:
        raise ValidationError(_("This suggestion is already handled."))
    locked.suggestion_status = SuggestionStatus.HANDLED
    fields = ["suggestion_status"]
    if locked.responded_at is None:
        locked.responded_by = by
        locked.responded_at = timezone.now()
        fields += ["responded_by", "responded_at"]
    locked.save(update_fields=fields)
    return locked
