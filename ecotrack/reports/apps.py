from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "ecotrack.reports"
    verbose_name = _("Reports and open data")
    nav_items = [("reports:index", _("Reports"))]
    nav_order = 80
