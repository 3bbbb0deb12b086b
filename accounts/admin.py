from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import ActingAssignment, Agency, ImportRun, Position, Rank, Staff, Unit, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + ((_("Agency role"), {"fields": ("hr_agency",)}),)
    list_display = ("username", "email", "hr_agency", "is_active", "is_superuser")
    list_filter = ("is_active", "is_superuser", "hr_agency")


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "code", "government")
    search_fields = ("name", "short_name", "code")


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "agency", "parent")
    list_filter = ("agency",)
    search_fields = ("name", "code")
    list_select_related = ("agency", "parent")


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ("name", "position_type", "level", "agency")
    list_filter = ("agency", "position_type")
    search_fields = ("name",)


@admin.register(Rank)
class RankAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "asn_kind", "order")
    list_filter = ("asn_kind",)


@admin.register(Staff)
class StaffAdmin(admin.ModelAdmin):
    list_display = ("name", "nip", "asn_kind", "agency", "unit", "position", "status")
    list_filter = ("agency", "asn_kind", "status")
    search_fields = ("name", "nip")
    raw_id_fields = ("user", "supervisor")
    list_select_related = ("agency", "unit", "position")


@admin.register(ActingAssignment)
class ActingAssignmentAdmin(admin.ModelAdmin):
    list_display = ("acting", "replaces", "kind", "starts_on", "ends_on")
    list_filter = ("kind",)
    raw_id_fields = ("acting", "replaces")
    list_select_related = ("acting", "replaces")


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    """The import history is a record: it can be read, never changed."""

    list_display = (
        "finished_at",
        "agency",
        "kind",
        "file_name",
        "row_count",
        "created_count",
        "updated_count",
    )
    list_filter = ("agency", "kind")
    list_select_related = ("agency",)
    date_hierarchy = "finished_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
