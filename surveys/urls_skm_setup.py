from django.urls import path

from surveys.skm import setup_views

urlpatterns = [
    path("<int:pk>/survey/", setup_views.survey_detail, name="skm_survey"),
    path("<int:pk>/survey/edit/", setup_views.survey_edit, name="skm_survey_edit"),
    path("<int:pk>/survey/links/new/", setup_views.link_create, name="skm_link_create"),
    path("survey/links/<int:pk>/pause/", setup_views.link_pause, name="skm_link_pause"),
    path("survey/links/<int:pk>/resume/", setup_views.link_resume, name="skm_link_resume"),
    path("survey/links/<int:pk>/end/", setup_views.link_end, name="skm_link_end"),
    path("survey/links/<int:pk>/qr.svg", setup_views.link_qr_svg, name="skm_link_qr_svg"),
    path("survey/links/<int:pk>/qr.png", setup_views.link_qr_png, name="skm_link_qr_png"),
    path("survey/links/<int:pk>/poster/", setup_views.link_poster, name="skm_link_poster"),
]
