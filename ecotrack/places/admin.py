from django.contrib import admin

from ecotrack.places.models import Jurisdiction, Profile


@admin.register(Jurisdiction)
class JurisdictionAdmin(admin.ModelAdmin):
    list_display = ("code", "name_zh", "name_en", "level", "parent")
    list_filter = ("level",)
    search_fields = ("code", "name_zh", "name_en")
    raw_id_fields = ("parent",)


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("jurisdiction", "is_published", "updated_at")
    list_filter = ("is_published",)
    search_fields = ("jurisdiction__code", "jurisdiction__name_zh", "jurisdiction__name_en")
