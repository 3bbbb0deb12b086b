"""Reads of the competency framework and of the standards positions require."""

from dataclasses import dataclass

from django.db.models import Case, F, IntegerField, Prefetch, Q, Value, When

from accounts.models import Position, PositionType
from appraisal.models import Competency, CompetencyLevel, PositionCompetency, StandardLevelDefault


def _ordered(queryset):
    """The framework's order: managerial, socio-cultural, technical; national before agencies."""
    return queryset.order_by("group", F("agency__name").asc(nulls_first=True), "code")


# Positions from the top of the structure down; functional positions after structural ones.
_POSITION_TYPE_ORDER = Case(
    *(
        When(position_type=value, then=Value(order))
        for order, value in enumerate(
            (
                PositionType.JPT,
                PositionType.ADMINISTRATOR,
                PositionType.PENGAWAS,
                PositionType.PELAKSANA,
                PositionType.FUNGSIONAL,
            )
        )
    ),
    default=Value(99),
    output_field=IntegerField(),
)


def competency_framework(agency_ids=None):
    """The national competencies and the technical ones of the given agencies (of every agency when
    None), each with its levels 1–5 in `levels.all()`: two queries whatever their number."""
    competencies = Competency.objects.all()
    if agency_ids is not None:
        competencies = competencies.filter(Q(agency__isnull=True) | Q(agency_id__in=list(agency_ids)))
    levels = Prefetch("levels", queryset=CompetencyLevel.objects.order_by("level"))
    return _ordered(competencies.select_related("agency").prefetch_related(levels))


def competencies_for_agency(agency):
    """The competencies a position of the agency can require: national ones and the agency's own."""
    return list(_ordered(Competency.objects.for_agency(agency)))


def standard_defaults():
    """The default standard level by (position type, position level), from one query."""
    return {(row.position_type, row.level): row.standard_level for row in StandardLevelDefault.objects.all()}


def default_standard_level(position):
    """The default standard level of the position's type and level, or None when there is none."""
    row = StandardLevelDefault.objects.filter(
        position_type=position.position_type, level=position.level
    ).first()
    return row.standard_level if row else None


def position_standards(position):
    """The position's standards with their competencies, in the framework's order."""
    return list(
        PositionCompetency.objects.filter(position=position)
        .select_related("competency")
        .order_by("competency__group", "competency__code")
    )


@dataclass(frozen=True)
class StandardsRow:
    position: Position
    levels: list  # the standard level per competency of the matrix, None where not set

    @property
    def set_count(self):
        return sum(1 for level in self.levels if level is not None)


@dataclass(frozen=True)
class StandardsMatrix:
    competencies: list
    rows: list

    @property
    def missing_count(self):
        """How many national standards are still not set, over all positions."""
        national = [index for index, competency in enumerate(self.competencies) if competency.is_national]
        return sum(1 for row in self.rows for index in national if row.levels[index] is None)


def standards_matrix(agency):
    """Positions × competencies of the agency with the standard levels: three queries in all."""
    competencies = competencies_for_agency(agency)
    positions = list(Position.objects.filter(agency=agency).order_by(_POSITION_TYPE_ORDER, "level", "name"))
    standards = {
        (position_id, competency_id): level
        for position_id, competency_id, level in PositionCompetency.objects.filter(
            position__agency=agency
        ).values_list("position_id", "competency_id", "standard_level")
    }
    rows = [
        StandardsRow(position, [standards.get((position.pk, c.pk)) for c in competencies])
        for position in positions
    ]
    return StandardsMatrix(competencies=competencies, rows=rows)
