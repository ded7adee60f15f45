from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NatureConfig(AppConfig):
    name = "ecotrack.nature"
    verbose_name = _("CitiesWithNature")
    nav_items = [
        ("nature:index", _("CitiesWithNature")),
        ("nature:resources", _("Tools & resources")),
    ]
    nav_order = 20
