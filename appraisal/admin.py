from django.contrib import admin
from django.db import models

from appraisal.models import (
    AgencyGoal,
    Competency,
    CompetencyLevel,
    DailyReport,
    EvaluationPeriod,
    Holiday,
    PerformanceYear,
    PositionCompetency,
    Skp,
    SkpEvent,
    StandardLevelDefault,
)


class EvaluationPeriodInline(admin.TabularInline):
    model = EvaluationPeriod
    extra = 0


@admin.register(PerformanceYear)
class PerformanceYearAdmin(admin.ModelAdmin):
    list_display = ("agency", "year", "frequency", "plan_deadline", "is_open")
    list_filter = ("agency", "year")
    inlines = [EvaluationPeriodInline]


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ("date", "name", "agency")
    list_filter = ("agency",)
    date_hierarchy = "date"


@admin.register(AgencyGoal)
class AgencyGoalAdmin(admin.ModelAdmin):
    list_display = ("code", "text", "year")
    list_filter = ("year__agency",)


class SkpEventInline(admin.TabularInline):
    model = SkpEvent
    extra = 0
    fields = ("kind", "actor", "at", "revision", "comment")
    readonly_fields = fields
    can_delete = False


@admin.register(Skp)
class SkpAdmin(admin.ModelAdmin):
    list_display = ("staff", "year", "status", "revision", "approved_at")
    list_filter = ("status", "year__agency", "year__year")
    search_fields = ("staff__name", "staff__nip")
    raw_id_fields = ("staff", "rater")
    list_select_related = ("staff", "year__agency")
    inlines = [SkpEventInline]


@admin.register(DailyReport)
class DailyReportAdmin(admin.ModelAdmin):
    list_display = ("date", "staff", "status", "output_quantity", "output_unit", "minutes_spent")
    list_filter = ("status",)
    search_fields = ("staff__name", "staff__nip", "activity")
    date_hierarchy = "date"
    raw_id_fields = ("staff", "rhk", "indicator", "reviewed_by")
    list_select_related = ("staff",)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class CompetencyLevelInline(admin.TabularInline):
    model = CompetencyLevel
    extra = 0


@admin.register(Competency)
class CompetencyAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "group", "agency")
    list_filter = ("group", "agency")
    inlines = [CompetencyLevelInline]


@admin.register(PositionCompetency)
class PositionCompetencyAdmin(admin.ModelAdmin):
    list_display = ("position", "competency", "standard_level")
    list_filter = ("competency__group", "position__agency")
    raw_id_fields = ("position",)


@admin.register(StandardLevelDefault)
class StandardLevelDefaultAdmin(admin.ModelAdmin):
    list_display = ("position_type", "level", "standard_level")
