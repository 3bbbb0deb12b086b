from django.urls import path

from appraisal.views import appraisals as views
from appraisal.views import development_plans as plans

urlpatterns = [
    path("appraisals/", views.appraisal_mine, name="appraisal_mine"),
    path("appraisals/team/", views.appraisal_team, name="appraisal_team"),
    path("appraisals/approvals/", views.appraisal_inbox, name="appraisal_inbox"),
    path("appraisals/start/<int:skp_pk>/", views.appraisal_start, name="appraisal_start"),
    path("appraisals/<int:pk>/", views.appraisal_detail, name="appraisal_detail"),
    path("appraisals/<int:pk>/self/", views.appraisal_self, name="appraisal_self"),
    path("appraisals/<int:pk>/skip-self/", views.appraisal_skip_self, name="appraisal_skip_self"),
    path("appraisals/<int:pk>/assess/", views.appraisal_assess, name="appraisal_assess"),
    path("appraisals/<int:pk>/review/", views.appraisal_review, name="appraisal_review"),
    path("appraisals/<int:pk>/objection/", views.appraisal_objection, name="appraisal_objection"),
    path(
        "appraisals/<int:pk>/objection/decide/",
        views.appraisal_objection_decide,
        name="appraisal_objection_decide",
    ),
    path("appraisals/<int:pk>/potential/", views.appraisal_potential, name="appraisal_potential"),
    path("appraisals/<int:pk>/plan/", plans.plan_edit, name="plan_edit"),
    path("appraisals/<int:pk>/plan/<int:action_pk>/remove/", plans.action_remove, name="plan_action_remove"),
    path("appraisals/<int:pk>/plan/<int:action_pk>/agree/", plans.action_agree, name="plan_action_agree"),
    path(
        "appraisals/<int:pk>/plan/<int:action_pk>/progress/",
        plans.action_progress,
        name="plan_action_progress",
    ),
    path("staff/<int:staff_pk>/appraisals/", views.staff_appraisals, name="staff_appraisals"),
]
