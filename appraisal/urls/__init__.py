from appraisal.urls import (
    appraisal_documents,
    appraisals,
    calendar,
    cascade,
    competencies,
    feedback,
    peer_feedback,
    reports,
    skp,
)

app_name = "appraisal"

urlpatterns = [
    *calendar.urlpatterns,
    *skp.urlpatterns,
    *cascade.urlpatterns,
    *reports.urlpatterns,
    *competencies.urlpatterns,
    *feedback.urlpatterns,
    *peer_feedback.urlpatterns,
    *appraisals.urlpatterns,
    *appraisal_documents.urlpatterns,
]
