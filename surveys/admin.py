from django.contrib import admin

from surveys.models import Service, ServiceRequest


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "agency", "unit", "target_minutes", "is_active")
    list_filter = ("agency", "is_active")
    search_fields = ("name", "code")
    list_select_related = ("agency", "unit")
    raw_id_fields = ("unit",)


@admin.register(ServiceRequest)
class ServiceRequestAdmin(admin.ModelAdmin):
    list_display = ("reference", "service", "officer", "received_at", "completed_at", "correct_first_time")
    list_filter = ("service__agency", "correct_first_time")
    search_fields = ("reference", "officer__name", "officer__nip")
    date_hierarchy = "received_at"
    raw_id_fields = ("service", "officer")
    list_select_related = ("service", "officer")
