"""Read-only admin views: scores are written only by the scoring code, and band corrections go
through /cbi/editions/…/correct/ so that affected assessments are recomputed."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from ecotrack.cbi.models import Assessment, BandCorrection, IndicatorEntry


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


class EntryInline(admin.TabularInline):
    model = IndicatorEntry
    extra = 0
    fields = ("indicator_key", "inputs", "score", "value_text", "band_text", "provisional")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Assessment)
class AssessmentAdmin(ReadOnlyAdmin):
    list_display = ["jurisdiction", "year", "edition", "status", "total", "is_published"]
    list_filter = ["edition", "status", "is_published"]
    search_fields = ["jurisdiction__code", "jurisdiction__name_zh", "jurisdiction__name_en"]
    inlines = [EntryInline]


@admin.register(BandCorrection)
class BandCorrectionAdmin(ReadOnlyAdmin):
    list_display = [
        "edition",
        "indicator_key",
        "changed_points",
        "created_by",
        "created_at",
        "recomputed_assessments",
    ]
    list_filter = ["edition"]
