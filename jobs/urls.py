from django.urls import path

from jobs import views

app_name = "jobs"

urlpatterns = [
    path("", views.job_list, name="job_list"),
    path("<slug:name>/run/", views.job_start, name="job_start"),
]
