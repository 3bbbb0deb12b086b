"""How long citizens' personal data in SKM responses is kept (SKM_PERSONAL_DATA_DAYS)."""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from surveys.models import SurveyResponse


def personal_data_cutoff(*, now: datetime | None = None, days: int | None = None) -> datetime:
    """Responses submitted before this moment are past the retention period."""
    days = settings.SKM_PERSONAL_DATA_DAYS if days is None else days
    if days < 0:
        raise ValueError("The retention period cannot be negative.")
    return (now or timezone.now()) - timedelta(days=days)


def personal_data_purge(*, now: datetime | None = None, days: int | None = None) -> int:
    """Blanks the profile, the suggestion text and the address hash of every response older than the
    retention, in one UPDATE, and marks them purged (the suggestion's status stays, which the
    database allows once personal_data_purged is set). The answers stay: the IKM does not change.
    Idempotent: responses already purged are left alone. Returns how many were purged."""
    return SurveyResponse.objects.filter(
        submitted_at__lt=personal_data_cutoff(now=now, days=days), personal_data_purged=False
    ).update(
        age_band="",
        sex="",
        education="",
        occupation="",
        suggestion="",
        ip_hash="",
        personal_data_purged=True,
    )
