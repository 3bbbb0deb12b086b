from appraisal.urls import calendar, cascade, reports, skp

app_name = "appraisal"

urlpatterns = [*calendar.urlpatterns, *skp.urlpatterns, *cascade.urlpatterns, *reports.urlpatterns]
