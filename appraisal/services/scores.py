"""Score aggregation (rekap kinerja): the figures of every staff member, unit and agency per period.

For every period of an open performance year that has started, one statement per table computes the
figures of everyone at once and upserts them (appraisal.services.scores_sql): daily-report compliance,
achievement per quantity indicator and overall, feedback notes, the 360° average (only with at least
three raters), citizens' ratings of the officer, service-level figures, the appraisal's predikat and
JPM; then per unit and agency the completion of SKPs and appraisals, the predikat distribution and IKM.

The figures are computed from the records, never carried over from the last run, so a run includes
whatever was written since (also while the broker was down) and a repeated run changes nothing. Runs
take a lock and so never interleave. Needs PostgreSQL.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import StaffStatus
from appraisal.models import EvaluationPeriod
from appraisal.services import scores_sql
from appraisal.services.peer_feedback import MIN_RATERS
from surveys.models import Service
from surveys.models.skm import COUNTED
from surveys.skm.results import combine, period_window, summaries

# pg_advisory_xact_lock key: "rekap" in ASCII.
LOCK_KEY = 0x72656B6170


def _scope_periods(today):
    return list(
        EvaluationPeriod.objects.filter(year__is_open=True, starts_on__lte=today)
        .select_related("year")
        .order_by("year__agency_id", "starts_on")
    )


# The SKM arrays the summary statements take, in the order of their unnest().
IKM_ARRAYS = ("group", "period", "owner", "respondents", "value", "mutu")


def _ikm_row(group, period, summary):
    return (
        group,
        period.pk,
        period.year.agency_id,
        summary.respondents,
        summary.converted,
        summary.mutu.value if summary.mutu else "",
    )


def _skm_results(periods):
    """SKM respondents, converted IKM and mutu per (unit, period) and (agency, period), rows of
    IKM_ARRAYS: the same figures as the SKM results pages (surveys.skm.results)."""
    services = defaultdict(list)
    for service_id, agency_id, unit_id in (
        Service.objects.filter(survey_templates__isnull=False)
        .distinct()
        .values_list("pk", "agency_id", "unit_id")
    ):
        services[agency_id].append((service_id, unit_id))
    units, agencies = [], []
    for period in periods:
        offered = services.get(period.year.agency_id)
        if not offered:
            continue
        found = summaries([service_id for service_id, _unit in offered], period_window(period))
        by_unit = defaultdict(list)
        for service_id, unit_id in offered:
            by_unit[unit_id].append(found[service_id])
        for unit_id, parts in by_unit.items():
            if (summary := combine(parts)).respondents:
                units.append(_ikm_row(unit_id, period, summary))
        if (summary := combine(found.values())).respondents:
            agencies.append(_ikm_row(period.year.agency_id, period, summary))
    return units, agencies


def _arrays(rows):
    columns = list(zip(*rows, strict=True)) or [()] * len(IKM_ARRAYS)
    return {f"ikm_{name}": list(values) for name, values in zip(IKM_ARRAYS, columns, strict=True)}


def scores_aggregate(*, today: datetime.date | None = None, staff_ids: list[int] | None = None) -> int:
    """Computes and stores the period figures; returns the number of rows written or changed.

    With staff_ids, only those staff members' own figures are refreshed (after they report), and the
    unit and agency figures wait for the next full run."""
    if connection.vendor != "postgresql":
        raise RuntimeError("The score aggregation needs PostgreSQL.")
    today = today or timezone.localdate()
    params = {
        "today": today,
        "now": timezone.now(),
        "tz": settings.TIME_ZONE,
        "staff_ids": list(staff_ids) if staff_ids is not None else None,
        "active": StaffStatus.ACTIVE,
        "counted": list(COUNTED),
        "min_raters": MIN_RATERS,
    }
    written = 0
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
        for statement in (scores_sql.INDICATORS, scores_sql.STAFF):
            cursor.execute(statement, params)
            written += cursor.rowcount
        if staff_ids is None:
            units, agencies = _skm_results(_scope_periods(today))
            for statement, arrays in ((scores_sql.UNITS, units), (scores_sql.AGENCIES, agencies)):
                cursor.execute(statement, {**params, **_arrays(arrays)})
                written += cursor.rowcount
    return written
