from appraisal.urls import calendar, cascade, competencies, reports, skp

app_name = "appraisal"

urlpatterns = [
    *calendar.urlpatterns,
    *skp.urlpatterns,
    *cascade.urlpatterns,
    *reports.urlpatterns,
    *competencies.urlpatterns,
]
