from django.urls import path

from appraisal.views import competencies as views

urlpatterns = [
    path("competencies/", views.competency_list, name="competency_list"),
    path("competencies/new/", views.competency_add, name="competency_add"),
    path("competencies/<int:pk>/edit/", views.competency_edit, name="competency_edit"),
    path("competencies/levels/<int:pk>/edit/", views.competency_level_edit, name="competency_level_edit"),
    path("competencies/standards/<int:pk>/", views.competency_standards, name="competency_standards"),
    path(
        "competencies/standards/<int:pk>/apply-defaults/",
        views.competency_standards_apply,
        name="competency_standards_apply",
    ),
    path(
        "competencies/positions/<int:pk>/standards/",
        views.position_standards_edit,
        name="position_standards_edit",
    ),
]
