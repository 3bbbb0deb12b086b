from appraisal.models.calendar import (
    AgencyGoal,
    EvaluationFrequency,
    EvaluationPeriod,
    Holiday,
    PerformanceYear,
)
from appraisal.models.competencies import (
    Competency,
    CompetencyGroup,
    CompetencyLevel,
    PositionCompetency,
    StandardLevelDefault,
)
from appraisal.models.plans import (
    Aspect,
    BehaviourExpectation,
    CoreValue,
    Indicator,
    Rhk,
    RhkKind,
    Skp,
    SkpApproach,
    SkpEvent,
    SkpEventKind,
    SkpStatus,
)
from appraisal.models.reports import DailyReport, ReportStatus

__all__ = [
    "AgencyGoal",
    "Aspect",
    "BehaviourExpectation",
    "Competency",
    "CompetencyGroup",
    "CompetencyLevel",
    "CoreValue",
    "DailyReport",
    "EvaluationFrequency",
    "EvaluationPeriod",
    "Holiday",
    "Indicator",
    "PerformanceYear",
    "PositionCompetency",
    "ReportStatus",
    "Rhk",
    "RhkKind",
    "Skp",
    "SkpApproach",
    "SkpEvent",
    "SkpEventKind",
    "SkpStatus",
    "StandardLevelDefault",
]
