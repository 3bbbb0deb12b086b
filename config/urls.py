from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from accounts import views as account_views
from config.health import healthz

admin.site.site_header = _("SIKASN administration")
admin.site.site_title = _("SIKASN")

urlpatterns = [
    path("", account_views.home, name="home"),
    path("accounts/", include("accounts.urls")),
    path("appraisal/", include("appraisal.urls")),
    path("services/", include("surveys.urls")),
    path("s/", include("surveys.public_urls")),
    path("jobs/", include("jobs.urls")),
    path("notifications/", include("notifications.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
]
