from django.contrib import admin

from ecotrack.nature.models import (
    ActionEntry,
    Commitment,
    OtherCommitment,
    PathwayStep,
    ReportedState,
    Resource,
    Tag,
    Target,
)

BY_JURISDICTION = ["jurisdiction__code", "jurisdiction__name_zh", "jurisdiction__name_en"]


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["jurisdiction", "commitment_key", "is_published", "updated_at"]
    list_filter = ["is_published"]
    search_fields = [*BY_JURISDICTION, "commitment_key"]
    raw_id_fields = ["jurisdiction"]


@admin.register(ActionEntry)
class ActionEntryAdmin(admin.ModelAdmin):
    list_display = ["jurisdiction", "commitment", "action_key", "title", "is_published"]
    list_filter = ["is_published"]
    search_fields = [*BY_JURISDICTION, "action_key", "title", "description"]
    raw_id_fields = ["jurisdiction", "commitment"]


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["jurisdiction", "metric", "target_year", "target_value", "is_published"]
    list_filter = ["is_published"]
    search_fields = [*BY_JURISDICTION, "metric"]
    raw_id_fields = ["jurisdiction", "action"]


@admin.register(OtherCommitment)
class OtherCommitmentAdmin(admin.ModelAdmin):
    list_display = ["jurisdiction", "area_key", "text", "is_published"]
    list_filter = ["is_published"]
    search_fields = [*BY_JURISDICTION, "text"]
    raw_id_fields = ["jurisdiction"]


@admin.register(PathwayStep)
class PathwayStepAdmin(admin.ModelAdmin):
    list_display = ["jurisdiction", "step_key", "status", "is_published"]
    list_filter = ["is_published", "status"]
    search_fields = BY_JURISDICTION
    raw_id_fields = ["jurisdiction"]


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["title", "jurisdiction", "kind", "language", "is_published"]
    list_filter = ["is_published", "kind", "language"]
    search_fields = [*BY_JURISDICTION, "title", "description"]
    raw_id_fields = ["jurisdiction", "commitments"]


@admin.register(ReportedState)
class ReportedStateAdmin(admin.ModelAdmin):
    list_display = ["jurisdiction", "source_name", "cbi_status", "imported_at"]
    search_fields = BY_JURISDICTION
    raw_id_fields = ["jurisdiction"]


admin.site.register(Tag)
