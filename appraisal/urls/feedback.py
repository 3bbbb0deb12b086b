from django.urls import path

from appraisal.views import feedback as views

urlpatterns = [
    path("feedback/", views.feedback_mine, name="feedback_mine"),
    path("feedback/give/", views.feedback_give, name="feedback_give"),
    path("feedback/staff/<int:pk>/", views.feedback_staff, name="feedback_staff"),
    path("feedback/<int:pk>/", views.feedback_detail, name="feedback_detail"),
    path("mentoring/", views.mentoring_list, name="mentoring_list"),
    path("mentoring/new/", views.mentoring_add, name="mentoring_add"),
    path("mentoring/<int:pk>/", views.mentoring_detail, name="mentoring_detail"),
    path("mentoring/<int:pk>/end/", views.mentoring_end, name="mentoring_end"),
    path("mentoring/<int:pk>/sessions/new/", views.mentoring_session_add, name="mentoring_session_add"),
    path("development/", views.development_list, name="development_list"),
    path("development/new/", views.development_add, name="development_add"),
    path("development/<int:pk>/edit/", views.development_edit, name="development_edit"),
]
