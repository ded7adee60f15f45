"""Admin for superusers; officers use the plan pages, which ask the permission layer."""

from __future__ import annotations

from django.contrib import admin

from ecotrack.plans import models


class TargetInline(admin.TabularInline):
    model = models.Target
    extra = 0
    readonly_fields = ("parsed",)


@admin.register(models.Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("title", "jurisdiction", "kind", "period_start", "period_end",
                    "is_published")
    list_filter = ("kind", "is_published")
    search_fields = ("title", "jurisdiction__name_zh", "jurisdiction__code")


@admin.register(models.PlanIndicator)
class PlanIndicatorAdmin(admin.ModelAdmin):
    list_display = ("number", "name", "sub_name", "plan", "canonical", "attribute")
    list_filter = ("plan",)
    search_fields = ("name", "sub_name")
    inlines = [TargetInline]


@admin.register(models.Observation)
class ObservationAdmin(admin.ModelAdmin):
    list_display = ("indicator", "year", "data_year", "value", "text", "source", "created_by",
                    "created_at")
    # Append-only: corrections are new revisions (record_observation), never edits.
    readonly_fields = [f.name for f in models.Observation._meta.fields]


admin.site.register(models.CanonicalIndicator)
admin.site.register(models.ReviewMilestone)
admin.site.register(models.ComplianceOverride)
admin.site.register(models.KeyProject)
