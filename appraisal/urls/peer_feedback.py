from django.urls import path

from appraisal.views import peer_feedback as views

urlpatterns = [
    path("feedback-360/", views.peer_feedback_mine, name="peer_feedback_mine"),
    path("feedback-360/to-me/", views.peer_feedback_inbox, name="peer_feedback_inbox"),
    path("feedback-360/to-me/<int:pk>/", views.peer_feedback_answer, name="peer_feedback_answer"),
    path("feedback-360/requests/", views.peer_feedback_requests, name="peer_feedback_requests"),
    path(
        "feedback-360/requests/new/", views.peer_feedback_request_create, name="peer_feedback_request_create"
    ),
]
