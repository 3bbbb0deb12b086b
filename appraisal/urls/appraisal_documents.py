from django.urls import path

from appraisal.views import appraisal_documents as views

urlpatterns = [
    path("appraisals/<int:pk>/document/", views.appraisal_document, name="appraisal_document"),
    path("appraisals/<int:pk>/document.pdf", views.appraisal_pdf, name="appraisal_pdf"),
]
