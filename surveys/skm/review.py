"""Writes of the review of suspicious survey responses.

A response flagged when it was submitted (too fast, repeated, …) stays out of the IKM until HR
reviews it: accepted, it counts; rejected, it stays out. Who decided and when are recorded, and a
response is reviewed only once.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from surveys.models import ReviewStatus, SurveyResponse


@transaction.atomic
def response_review(*, response: SurveyResponse, by, accept: bool) -> SurveyResponse:
    locked = SurveyResponse.objects.select_for_update().get(pk=response.pk)
    if locked.review_status != ReviewStatus.FLAGGED:
        raise ValidationError(_("This response is not waiting for review."))
    locked.review_status = ReviewStatus.ACCEPTED if accept else ReviewStatus.REJECTED
    locked.reviewed_by = by
    locked.reviewed_at = timezone.now()
    locked.save(update_fields=["review_status", "reviewed_by", "reviewed_at"])
    return locked
