from django.urls import path

from appraisal.views import calendar as views

urlpatterns = [
    path("years/", views.year_list, name="year_list"),
    path("years/new/", views.year_open, name="year_open"),
    path("years/<int:pk>/", views.year_detail, name="year_detail"),
    path("years/<int:pk>/edit/", views.year_edit, name="year_edit"),
    path("years/<int:pk>/goals/new/", views.goal_add, name="agency_goal_add"),
    path("years/goals/<int:pk>/edit/", views.goal_edit, name="agency_goal_edit"),
    path("years/periods/<int:pk>/edit/", views.period_edit, name="evaluation_period_edit"),
    path("holidays/", views.holiday_list, name="holiday_list"),
    path("holidays/new/", views.holiday_add, name="holiday_add"),
    path("holidays/<int:pk>/remove/", views.holiday_remove, name="holiday_remove"),
]
