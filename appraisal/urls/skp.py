from django.urls import path

from appraisal.views import skp as views

urlpatterns = [
    path("skp/", views.skp_mine, name="skp_mine"),
    path("skp/approvals/", views.skp_inbox, name="skp_inbox"),
    path("skp/<int:pk>/", views.skp_detail, name="skp_detail"),
    path("skp/<int:pk>/history/", views.skp_history, name="skp_history"),
    path("skp/<int:pk>/results/new/", views.skp_rhk_add, name="skp_rhk_add"),
    path("skp/<int:pk>/results/<int:rhk_pk>/edit/", views.skp_rhk_edit, name="skp_rhk_edit"),
    path("skp/<int:pk>/results/<int:rhk_pk>/remove/", views.skp_rhk_remove, name="skp_rhk_remove"),
    path(
        "skp/<int:pk>/results/<int:rhk_pk>/indicators/new/",
        views.skp_indicator_add,
        name="skp_indicator_add",
    ),
    path(
        "skp/<int:pk>/indicators/<int:indicator_pk>/edit/",
        views.skp_indicator_edit,
        name="skp_indicator_edit",
    ),
    path(
        "skp/<int:pk>/indicators/<int:indicator_pk>/remove/",
        views.skp_indicator_remove,
        name="skp_indicator_remove",
    ),
    path("skp/<int:pk>/annex/", views.skp_annex, name="skp_annex"),
    path("skp/<int:pk>/hand-down/", views.skp_hand_down, name="skp_hand_down"),
    path("skp/<int:pk>/expectations/", views.skp_expectations, name="skp_expectations"),
    path("skp/<int:pk>/submit/", views.skp_submit, name="skp_submit"),
    path("skp/<int:pk>/return/", views.skp_return, name="skp_return"),
    path("skp/<int:pk>/approve/", views.skp_approve, name="skp_approve"),
    path("skp/<int:pk>/revision/", views.skp_revision, name="skp_revision"),
]
