from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CbiConfig(AppConfig):
    name = "ecotrack.cbi"
    verbose_name = _("City Biodiversity Index")
    nav_items = [("cbi:index", _("Biodiversity index"))]
    nav_order = 20
