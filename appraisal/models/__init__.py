from appraisal.models.calendar import (
    AgencyGoal,
    EvaluationFrequency,
    EvaluationPeriod,
    Holiday,
    PerformanceYear,
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
    "CoreValue",
    "DailyReport",
    "EvaluationFrequency",
    "EvaluationPeriod",
    "Holiday",
    "Indicator",
    "PerformanceYear",
    "ReportStatus",
    "Rhk",
    "RhkKind",
    "Skp",
    "SkpApproach",
    "SkpEvent",
    "SkpEventKind",
    "SkpStatus",
]
