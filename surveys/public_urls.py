from django.urls import path

from surveys import public_views

app_name = "skm"

urlpatterns = [
    path("<str:token>/", public_views.survey_form, name="form"),
    path("<str:token>/thanks/", public_views.survey_thanks, name="thanks"),
]
