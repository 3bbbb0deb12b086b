from django.urls import path

from appraisal.views import cascade as views

urlpatterns = [
    path("cascade/", views.cascade, name="cascade"),
]
