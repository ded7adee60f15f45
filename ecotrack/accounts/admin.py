from django.contrib import admin

from ecotrack.accounts.models import Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "jurisdiction", "created_at")
    list_filter = ("role",)
    search_fields = ("user__username", "jurisdiction__code", "jurisdiction__name_zh")
    raw_id_fields = ("user", "jurisdiction")
