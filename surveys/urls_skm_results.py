from django.urls import path

from surveys.skm import results_views as views

urlpatterns = [
    path("skm/results/", views.skm_overview, name="skm_overview"),
    path("skm/results/<int:pk>/", views.skm_results, name="skm_results"),
    path("skm/results/<int:pk>/export.xlsx", views.skm_results_xlsx, name="skm_results_xlsx"),
    path("skm/results/<int:pk>/answers.csv", views.skm_answers_csv, name="skm_answers_csv"),
    path("skm/results/<int:pk>/served/", views.skm_served, name="skm_served"),
    path("skm/suggestions/", views.skm_suggestions, name="skm_suggestions"),
    path("skm/suggestions/<int:pk>/", views.skm_suggestion_update, name="skm_suggestion_update"),
    path("skm/review/", views.skm_review, name="skm_review"),
    path("skm/review/<int:pk>/", views.skm_review_decide, name="skm_review_decide"),
]
