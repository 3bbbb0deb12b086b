from surveys.models.catalogue import Service, ServiceRequest
from surveys.models.skm import (
    AgeBand,
    Education,
    Occupation,
    ReviewStatus,
    ServedCount,
    Sex,
    SuggestionStatus,
    SurveyAnswer,
    SurveyElement,
    SurveyLink,
    SurveyResponse,
    SurveyTemplate,
)

__all__ = [
    "AgeBand",
    "Education",
    "Occupation",
    "ReviewStatus",
    "ServedCount",
    "Service",
    "ServiceRequest",
    "Sex",
    "SuggestionStatus",
    "SurveyAnswer",
    "SurveyElement",
    "SurveyLink",
    "SurveyResponse",
    "SurveyTemplate",
]
