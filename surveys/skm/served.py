"""Writes of the number of people a service served in an evaluation period (jumlah penerima layanan),
the N of the Krejcie–Morgan minimum sample."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from appraisal.models import EvaluationPeriod
from surveys.models import ServedCount, Service, ServiceRequest
from surveys.selectors import period_bounds

#: More than anyone serves in a year; stops a typo of several extra digits.
PEOPLE_SERVED_MAX = 10_000_000


def _check(service: Service, period: EvaluationPeriod):
    if period.year.agency_id != service.agency_id:
        raise ValidationError({"period": _("The period belongs to another agency.")})


@transaction.atomic
def served_count_set(*, service: Service, period: EvaluationPeriod, people_served) -> ServedCount:
    """Stores N for the service and period, replacing what was entered before."""
    _check(service, period)
    if isinstance(people_served, bool) or not isinstance(people_served, int):
        raise ValidationError({"people_served": _("Enter a whole number.")})
    if not 0 <= people_served <= PEOPLE_SERVED_MAX:
        raise ValidationError(
            {
                "people_served": _("Enter a number from 0 to %(max)s.")
                % {"max": f"{PEOPLE_SERVED_MAX:,}".replace(",", ".")}
            }
        )
    row, created = ServedCount.objects.select_for_update().get_or_create(
        service=service, period=period, defaults={"people_served": people_served}
    )
    if not created and row.people_served != people_served:
        row.people_served = people_served
        row.save(update_fields=["people_served"])
    return row


def served_count_from_requests(*, service: Service, period: EvaluationPeriod) -> ServedCount:
    """Stores as N the number of service requests recorded (entered or imported) in the period."""
    _check(service, period)
    start_at, end_at = period_bounds(period.starts_on, period.ends_on)
    count = ServiceRequest.objects.filter(
        service=service, received_at__gte=start_at, received_at__lt=end_at
    ).count()
    return served_count_set(service=service, period=period, people_served=count)
