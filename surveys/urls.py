from django.urls import path

from surveys import urls_skm_results, urls_skm_setup, views

app_name = "surveys"

urlpatterns = [
    path("", views.service_list, name="service_list"),
    path("new/", views.service_create, name="service_create"),
    path("<int:pk>/edit/", views.service_edit, name="service_edit"),
    path("requests/", views.request_list, name="request_list"),
    path("requests/new/", views.request_create, name="request_create"),
    path("requests/import/", views.request_import, name="request_import"),
    path("requests/import/template.<str:fmt>", views.request_import_template, name="request_import_template"),
    path("figures/", views.officer_figures, name="officer_figures"),
    path("figures/export.csv", views.officer_figures_csv, name="officer_figures_csv"),
    path("me/", views.my_record, name="my_record"),
    path("officers/<int:pk>/", views.officer_record, name="officer_record"),
    *urls_skm_setup.urlpatterns,
    *urls_skm_results.urlpatterns,
]
