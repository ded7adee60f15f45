from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "ecotrack.plans"
    verbose_name = _("Plans")
    nav_items = [("plans:index", _("Plans"))]
    nav_order = 30
