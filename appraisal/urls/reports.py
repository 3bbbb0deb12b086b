from django.urls import path

from appraisal.views import reports

urlpatterns = [
    path("reports/", reports.report_list, name="report_list"),
    path("reports/team/", reports.report_team, name="report_team"),
    path("reports/team/review/", reports.report_review, name="report_review"),
    path("reports/<int:pk>/", reports.report_detail, name="report_detail"),
    path("reports/<int:pk>/edit/", reports.report_edit, name="report_edit"),
    path("reports/<int:pk>/delete/", reports.report_delete, name="report_delete"),
    path("reports/<int:pk>/evidence/", reports.report_evidence, name="report_evidence"),
]
