"""Reads of the SKM results: respondents, NRR per element, IKM, its conversion and mutu, the
Krejcie–Morgan minimum sample, the trend over the periods, the respondents' profile and the ratings of
the officers who served. Every figure is computed live from the answers in the database with a fixed
number of GROUP BY queries, whatever the number of answers, elements, services or periods.

What counts: only responses whose review is CLEAN or ACCEPTED (``COUNTED``); a FLAGGED response waits
outside the IKM until HR reviews it, a REJECTED one stays out. A response belongs to the period in
which it was submitted (Asia/Jakarta days).

Several questionnaire versions in one period: every answer keeps the version (questions and weights)
it was given with, so NRR is computed per (version, element), and each version gets its own IKM with
its own weights. The IKM of the period combines the versions' IKMs weighted by their respondents:

    IKM = Σ_v n_v × IKM_v / Σ_v n_v

Because IKM is linear in the NRRs, this equals the usual pooled computation (NRR per element over
all respondents) whenever the versions ask the same elements with the same weights, and it keeps
every respondent when a version adds, drops or reweights an element (restricting the IKM to the
elements common to all versions would silently change what was measured). A version with an element
nobody answered has no IKM of its own and is left out of the combination. The same rule combines
services into the IKM of a unit or an agency.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from django.db.models import Case, Count, F, IntegerField, Q, Sum, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Agency, Staff
from appraisal.models import EvaluationPeriod, PerformanceYear
from appraisal.rules.ratings import round_half_up
from surveys import ikm as rules
from surveys.models import (
    ReviewStatus,
    ServedCount,
    Service,
    ServiceRequest,
    SuggestionStatus,
    SurveyAnswer,
    SurveyElement,
    SurveyResponse,
)
from surveys.models.skm import COUNTED
from surveys.selectors import period_bounds

NRR_PLACES = 3
WEIGHT_PLACES = 4
WEIGHTED_PLACES = 3
IKM_PLACES = 3
CONVERTED_PLACES = 2

#: Kinerja unit pelayanan of each mutu, as the regulation names it.
KINERJA = {
    rules.Mutu.A: "Sangat Baik",
    rules.Mutu.B: "Baik",
    rules.Mutu.C: "Kurang Baik",
    rules.Mutu.D: "Tidak Baik",
}

YEAR_KEY = "year"


def shown(value: Fraction | None, places: int) -> Decimal | None:
    """A figure as the screens and exports show it: rounded half up to `places` decimals."""
    return None if value is None else round_half_up(value, places)


# Periods ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    """The stretch of days results are read for: one evaluation period, or the whole performance year
    (`period` None). `key` is what the period selector sends: the period's id or "year"."""

    key: str
    label: str
    start: date
    end: date
    period: EvaluationPeriod | None = None
    year: PerformanceYear | None = None
    periods: tuple[EvaluationPeriod, ...] = ()

    @property
    def is_year(self) -> bool:
        return self.period is None

    @property
    def period_ids(self) -> tuple[int, ...]:
        """The evaluation periods whose people served make up N."""
        return (self.period.pk,) if self.period is not None else tuple(p.pk for p in self.periods)

    @property
    def cache_key(self) -> str:
        return f"{self.year.pk if self.year else 'none'}-{self.key}"


@dataclass(frozen=True)
class Windows:
    """The period choices of an agency's performance year: each period, then the whole year."""

    year: PerformanceYear | None
    periods: tuple[Window, ...]
    whole_year: Window
    years: tuple[int, ...] = ()

    @property
    def all(self) -> tuple[Window, ...]:
        return (*self.periods, self.whole_year)

    def pick(self, key: str | None, *, today: date | None = None) -> Window:
        """The window of the key; by default the period that holds today, else the whole year."""
        for window in self.all:
            if key and window.key == key:
                return window
        today = today or timezone.localdate()
        for window in self.periods:
            if window.start <= today <= window.end:
                return window
        return self.whole_year


def period_window(period: EvaluationPeriod) -> Window:
    """The window of one evaluation period (its year read through `period.year`)."""
    return Window(
        str(period.pk), period.name, period.starts_on, period.ends_on, period=period, year=period.year
    )


def windows_for(agency: Agency | int, *, year: int | None = None, today: date | None = None) -> Windows:
    """The agency's performance year (the given one, else the one holding today, else its latest) with
    its periods, in two queries. An agency without a performance year gets the calendar year."""
    agency_id = getattr(agency, "pk", agency)
    today = today or timezone.localdate()
    years = list(
        PerformanceYear.objects.filter(agency_id=agency_id).order_by("-year").values_list("year", "pk")
    )
    wanted = year if year in {y for y, _pk in years} else None
    if wanted is None:
        wanted = today.year if today.year in {y for y, _pk in years} else (years[0][0] if years else None)
    if wanted is None:
        start, end = date(today.year, 1, 1), date(today.year, 12, 31)
        whole = Window(YEAR_KEY, _("Year %(year)s") % {"year": today.year}, start, end)
        return Windows(None, (), whole, ())
    periods = list(
        EvaluationPeriod.objects.filter(year__agency_id=agency_id, year__year=wanted)
        .select_related("year")
        .order_by("sequence")
    )
    performance_year = (
        periods[0].year
        if periods
        else PerformanceYear.objects.get(agency_id=agency_id, year=wanted)  # a year with no periods yet
    )
    windows = tuple(period_window(p) for p in periods)
    start = min((p.starts_on for p in periods), default=date(wanted, 1, 1))
    end = max((p.ends_on for p in periods), default=date(wanted, 12, 31))
    whole = Window(
        YEAR_KEY,
        _("Whole year %(year)s") % {"year": wanted},
        start,
        end,
        year=performance_year,
        periods=tuple(periods),
    )
    return Windows(performance_year, windows, whole, tuple(y for y, _pk in years))


# Results ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ElementResult:
    """One element of one questionnaire version: its answers' sum and number, NRR and weight."""

    code: str
    name: str
    order: int
    weight: Fraction
    answers: int = 0
    total: int = 0

    @property
    def nrr(self) -> Fraction | None:
        return rules.nrr(self.total, self.answers) if self.answers else None

    @property
    def weighted(self) -> Fraction | None:
        return None if self.nrr is None else self.nrr * self.weight

    @property
    def nrr_shown(self) -> Decimal | None:
        return shown(self.nrr, NRR_PLACES)

    @property
    def weight_shown(self) -> Decimal:
        return shown(self.weight, WEIGHT_PLACES)

    @property
    def weighted_shown(self) -> Decimal | None:
        return shown(self.weighted, WEIGHTED_PLACES)


@dataclass(frozen=True)
class VersionResult:
    """The results of one questionnaire version (of one service) in a window."""

    service_id: int
    template_id: int
    version: int
    respondents: int
    elements: tuple[ElementResult, ...]
    result: rules.IkmResult | None

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(e.code for e in self.elements)


def _combined(versions: Iterable[VersionResult]) -> tuple[Fraction | None, Decimal | None, rules.Mutu | None]:
    """IKM of several versions (or services): their IKMs weighted by respondents."""
    parts = [(v.respondents, v.result.ikm) for v in versions if v.result is not None and v.respondents]
    people = sum(n for n, _value in parts)
    if not people:
        return None, None, None
    value = sum((n * value for n, value in parts), Fraction(0)) / people
    converted = round_half_up(value * rules.CONVERSION, CONVERTED_PLACES)
    return value, converted, rules.mutu(converted)


@dataclass(frozen=True)
class Summary:
    """Respondents, IKM and mutu of a service (or a unit, or an agency) in a window."""

    respondents: int = 0
    flagged: int = 0
    new_suggestions: int = 0
    versions: tuple[VersionResult, ...] = ()
    people_served: int | None = None
    periods_with_served: int = 0
    periods_in_window: int = 0
    ikm: Fraction | None = field(default=None, init=False)
    converted: Decimal | None = field(default=None, init=False)
    mutu: rules.Mutu | None = field(default=None, init=False)

    def __post_init__(self):
        value, converted, grade = _combined(self.versions)
        object.__setattr__(self, "ikm", value)
        object.__setattr__(self, "converted", converted)
        object.__setattr__(self, "mutu", grade)

    @property
    def ikm_shown(self) -> Decimal | None:
        return shown(self.ikm, IKM_PLACES)

    @property
    def kinerja(self) -> str:
        return KINERJA.get(self.mutu, "")

    @property
    def minimum_sample(self) -> int | None:
        """Krejcie–Morgan n for N = the people served, or None while N is not entered."""
        return None if self.people_served is None else rules.minimum_sample(self.people_served)

    @property
    def reached(self) -> bool | None:
        sample = self.minimum_sample
        return None if sample is None else self.respondents >= sample

    @property
    def served_partial(self) -> bool:
        """N was entered for some but not all of the window's periods."""
        return 0 < self.periods_with_served < self.periods_in_window

    @property
    def multiple_versions(self) -> bool:
        return len(self.versions) > 1


def _weights(elements: list[SurveyElement]) -> dict[str, Fraction]:
    """The template's weights; equal weights when any is empty (the questionnaire publishes all or none)."""
    if any(e.weight is None for e in elements):
        return rules.default_weights(e.code for e in elements)
    return {e.code: Fraction(e.weight) for e in elements}


def _version_result(service_id, template_id, version, respondents, elements, sums) -> VersionResult:
    weights = _weights(elements)
    rows = tuple(
        ElementResult(
            code=e.code,
            name=e.name,
            order=e.order,
            weight=weights[e.code],
            answers=sums.get(e.pk, (0, 0))[1],
            total=sums.get(e.pk, (0, 0))[0],
        )
        for e in elements
    )
    result = None
    answered = {row.code: row.nrr for row in rows if row.nrr is not None}
    if rows and len(answered) == len(rows):
        try:
            result = rules.ikm(answered, weights)
        except ValueError:  # weights that do not sum to 1: shown without an IKM
            result = None
    return VersionResult(service_id, template_id, version, respondents, rows, result)


def window_q(window: Window, prefix: str = "") -> Q:
    """Responses submitted in the window (local days), seen from a model through `prefix`."""
    start_at, end_at = period_bounds(window.start, window.end)
    return Q(**{f"{prefix}submitted_at__gte": start_at, f"{prefix}submitted_at__lt": end_at})


def _period_bucket(periods: Iterable[EvaluationPeriod], prefix: str = ""):
    """The id of the evaluation period a response was submitted in, as an SQL CASE."""
    whens = []
    for period in periods:
        start_at, end_at = period_bounds(period.starts_on, period.ends_on)
        whens.append(
            When(
                Q(**{f"{prefix}submitted_at__gte": start_at, f"{prefix}submitted_at__lt": end_at}),
                then=Value(period.pk),
            )
        )
    return Case(*whens, default=Value(None), output_field=IntegerField())


def _tally(*, scope: Q, answer_scope: Q, key, answer_key) -> dict:
    """Versions per key (a service or a period): three GROUP BY queries whatever the data.

    scope filters SurveyResponse; answer_scope the same responses seen from SurveyAnswer; key and
    answer_key the grouping expression on each."""
    responses = (
        SurveyResponse.objects.filter(scope)
        .order_by()
        .annotate(k=key)
        .values("k", "template_id", "template__version", "service_id")
        .annotate(
            counted=Count("pk", filter=Q(review_status__in=COUNTED)),
            flagged=Count("pk", filter=Q(review_status=ReviewStatus.FLAGGED)),
            new_suggestions=Count(
                "pk",
                filter=Q(suggestion_status=SuggestionStatus.NEW) & ~Q(review_status=ReviewStatus.REJECTED),
            ),
        )
    )
    responses = [row for row in responses if row["k"] is not None]
    sums = defaultdict(dict)
    answers = (
        SurveyAnswer.objects.filter(answer_scope, response__review_status__in=COUNTED)
        .order_by()
        .annotate(k=answer_key)
        .values("k", "response__template_id", "element_id")
        .annotate(total=Sum("value"), answers=Count("pk"))
    )
    for row in answers:
        sums[(row["k"], row["response__template_id"])][row["element_id"]] = (row["total"], row["answers"])
    template_ids = {row["template_id"] for row in responses if row["counted"]}
    elements = defaultdict(list)
    if template_ids:
        for element in SurveyElement.objects.filter(template_id__in=template_ids).order_by(
            "template_id", "order"
        ):
            elements[element.template_id].append(element)
    out = defaultdict(lambda: {"versions": [], "flagged": 0, "new_suggestions": 0})
    for row in sorted(responses, key=lambda r: (r["template__version"], r["template_id"])):
        entry = out[row["k"]]
        entry["flagged"] += row["flagged"]
        entry["new_suggestions"] += row["new_suggestions"]
        if row["counted"]:
            entry["versions"].append(
                _version_result(
                    row["service_id"],
                    row["template_id"],
                    row["template__version"],
                    row["counted"],
                    elements[row["template_id"]],
                    sums[(row["k"], row["template_id"])],
                )
            )
    return out


def _served(service_ids, period_ids) -> dict:
    """(service id, period id) → people served, in one query."""
    if not period_ids:
        return {}
    rows = ServedCount.objects.filter(service_id__in=service_ids, period_id__in=period_ids).values_list(
        "service_id", "period_id", "people_served"
    )
    return {(service_id, period_id): n for service_id, period_id, n in rows}


def _summary(entry, served: dict, service_ids, period_ids) -> Summary:
    """A summary from a tally entry; N is summed over the services and periods that have one."""
    counts = [served[(s, p)] for s in service_ids for p in period_ids if (s, p) in served]
    return Summary(
        respondents=sum(v.respondents for v in entry["versions"]),
        flagged=entry["flagged"],
        new_suggestions=entry["new_suggestions"],
        versions=tuple(entry["versions"]),
        people_served=sum(counts) if counts else None,
        periods_with_served=len(counts),
        periods_in_window=len(service_ids) * len(period_ids),
    )


_EMPTY = {"versions": [], "flagged": 0, "new_suggestions": 0}


def summaries(service_ids: Iterable[int], window: Window) -> dict[int, Summary]:
    """The summary of every service in the window, in four queries whatever their number."""
    service_ids = list(service_ids)
    if not service_ids:
        return {}
    tally = _tally(
        scope=Q(service_id__in=service_ids) & window_q(window),
        answer_scope=Q(response__service_id__in=service_ids) & window_q(window, "response__"),
        key=F("service_id"),
        answer_key=F("response__service_id"),
    )
    served = _served(service_ids, window.period_ids)
    return {
        service_id: _summary(tally.get(service_id, _EMPTY), served, [service_id], window.period_ids)
        for service_id in service_ids
    }


def service_summary(service: Service, window: Window) -> Summary:
    return summaries([service.pk], window)[service.pk]


def combine(parts: Iterable[Summary]) -> Summary:
    """The summary of a unit or an agency from its services' summaries (no query)."""
    parts = list(parts)
    counts = [p.people_served for p in parts if p.people_served is not None]
    return Summary(
        respondents=sum(p.respondents for p in parts),
        flagged=sum(p.flagged for p in parts),
        new_suggestions=sum(p.new_suggestions for p in parts),
        versions=tuple(v for p in parts for v in p.versions),
        people_served=sum(counts) if counts else None,
        periods_with_served=sum(p.periods_with_served for p in parts),
        periods_in_window=sum(p.periods_in_window for p in parts),
    )


@dataclass(frozen=True)
class TrendPoint:
    window: Window
    summary: Summary


def trend(service: Service, windows: Windows) -> list[TrendPoint]:
    """The service's summary in each period of the year, in four queries whatever their number."""
    periods = [w.period for w in windows.periods]
    if not periods:
        return []
    whole = windows.whole_year
    tally = _tally(
        scope=Q(service_id=service.pk) & window_q(whole),
        answer_scope=Q(response__service_id=service.pk) & window_q(whole, "response__"),
        key=_period_bucket(periods),
        answer_key=_period_bucket(periods, "response__"),
    )
    served = _served([service.pk], [p.pk for p in periods])
    return [
        TrendPoint(w, _summary(tally.get(w.period.pk, _EMPTY), served, [service.pk], [w.period.pk]))
        for w in windows.periods
    ]


# Officers, profile, people served -------------------------------------------------------------------


@dataclass(frozen=True)
class OfficerRating:
    """The counted ratings of the officer who served: competence (U6) and courtesy (U7)."""

    officer_id: int
    name: str
    nip: str
    respondents: int
    u6_total: int
    u6_answers: int
    u7_total: int
    u7_answers: int

    @property
    def nrr_u6(self) -> Fraction | None:
        return rules.nrr(self.u6_total, self.u6_answers) if self.u6_answers else None

    @property
    def nrr_u7(self) -> Fraction | None:
        return rules.nrr(self.u7_total, self.u7_answers) if self.u7_answers else None

    @property
    def nrr_u6_shown(self) -> Decimal | None:
        return shown(self.nrr_u6, NRR_PLACES)

    @property
    def nrr_u7_shown(self) -> Decimal | None:
        return shown(self.nrr_u7, NRR_PLACES)


def _officer_sums():
    return {
        "respondents": Count("pk", distinct=True),
        "u6_total": Sum("answers__value", filter=Q(answers__element__code="U6")),
        "u6_answers": Count("answers", filter=Q(answers__element__code="U6")),
        "u7_total": Sum("answers__value", filter=Q(answers__element__code="U7")),
        "u7_answers": Count("answers", filter=Q(answers__element__code="U7")),
    }


def _full_name(front, name, back):
    text = f"{front} {name}".strip()
    return f"{text}, {back}" if back else text


def officer_ratings(service: Service, window: Window) -> list[OfficerRating]:
    """Every officer rated through the service in the window, counted responses only; one query."""
    rows = (
        SurveyResponse.objects.filter(
            window_q(window), service=service, review_status__in=COUNTED, officer__isnull=False
        )
        .order_by()
        .values("officer_id", "officer__name", "officer__front_title", "officer__back_title", "officer__nip")
        .annotate(**_officer_sums())
        .order_by("officer__name", "officer_id")
    )
    return [
        OfficerRating(
            officer_id=row["officer_id"],
            name=_full_name(row["officer__front_title"], row["officer__name"], row["officer__back_title"]),
            nip=row["officer__nip"],
            respondents=row["respondents"],
            u6_total=row["u6_total"] or 0,
            u6_answers=row["u6_answers"],
            u7_total=row["u7_total"] or 0,
            u7_answers=row["u7_answers"],
        )
        for row in rows
    ]


def staff_ratings(staff: Staff, *, start: date, end: date) -> OfficerRating | None:
    """One staff member's counted SKM ratings over all services from start to end; None when nobody
    rated them. One query."""
    window = Window(YEAR_KEY, "", start, end)
    row = SurveyResponse.objects.filter(window_q(window), officer=staff, review_status__in=COUNTED).aggregate(
        **_officer_sums()
    )
    if not row["respondents"]:
        return None
    return OfficerRating(
        officer_id=staff.pk,
        name=staff.full_name,
        nip=staff.nip,
        respondents=row["respondents"],
        u6_total=row["u6_total"] or 0,
        u6_answers=row["u6_answers"],
        u7_total=row["u7_total"] or 0,
        u7_answers=row["u7_answers"],
    )


PROFILE_FIELDS = ("age_band", "sex", "education", "occupation")


@dataclass(frozen=True)
class ProfileRow:
    label: str
    count: int


@dataclass(frozen=True)
class ProfileGroup:
    field: str
    title: str
    rows: tuple[ProfileRow, ...]
    unanswered: int


def profile(service: Service, window: Window) -> list[ProfileGroup]:
    """Counted respondents by age band, sex, education and occupation, from one GROUP BY query; empty
    when nobody gave a profile."""
    rows = list(
        SurveyResponse.objects.filter(window_q(window), service=service, review_status__in=COUNTED)
        .order_by()
        .values(*PROFILE_FIELDS)
        .annotate(n=Count("pk"))
    )
    if not any(row[name] for row in rows for name in PROFILE_FIELDS):
        return []
    groups = []
    for name in PROFILE_FIELDS:
        model_field = SurveyResponse._meta.get_field(name)
        counts = defaultdict(int)
        for row in rows:
            counts[row[name]] += row["n"]
        groups.append(
            ProfileGroup(
                field=name,
                title=str(model_field.verbose_name),
                rows=tuple(
                    ProfileRow(str(label), counts[value])
                    for value, label in model_field.choices
                    if counts.get(value)
                ),
                unanswered=counts.get("", 0),
            )
        )
    return groups


def recorded_requests(service: Service, window: Window) -> int:
    """Service requests received in the window: what an imported request list says about N."""
    start_at, end_at = period_bounds(window.start, window.end)
    return ServiceRequest.objects.filter(
        service=service, received_at__gte=start_at, received_at__lt=end_at
    ).count()


def served_by_period(service: Service, windows: Windows) -> dict[int, int]:
    """People served per period id of the year, for the entry form; one query."""
    return {
        period_id: n
        for (_service_id, period_id), n in _served(
            [service.pk], [w.period.pk for w in windows.periods]
        ).items()
    }


# The overview of a unit or an agency ----------------------------------------------------------------


@dataclass(frozen=True)
class ServiceRow:
    service: Service
    summary: Summary


@dataclass(frozen=True)
class UnitBlock:
    unit_id: int
    unit_name: str
    rows: tuple[ServiceRow, ...]
    total: Summary


def overview(services, window: Window) -> tuple[list[UnitBlock], Summary]:
    """Every service (a queryset) grouped by unit, with the unit totals and the grand total: five
    queries whatever the number of services."""
    services = list(services.select_related("unit", "agency").order_by("unit__code", "name", "pk"))
    found = summaries([s.pk for s in services], window)
    blocks, by_unit = [], defaultdict(list)
    for service in services:
        by_unit[service.unit_id].append(ServiceRow(service, found[service.pk]))
    for rows in by_unit.values():
        unit = rows[0].service.unit
        blocks.append(UnitBlock(unit.pk, unit.name, tuple(rows), combine(r.summary for r in rows)))
    return blocks, combine(found.values())
