from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportersConfig(AppConfig):
    name = "ecotrack.importers"
    verbose_name = _("Imports")
    nav_items = [("importers:upload", _("Import a plan"))]
    nav_order = 80

    def ready(self) -> None:
        # Every model is audited (AUDITLOG_INCLUDE_ALL_MODELS); a draft's `parsed` JSON is the
        # parser's output, reproducible from the kept file, and too big to copy into each
        # log entry. The officer's corrections stay audited.
        from auditlog.registry import auditlog

        from ecotrack.importers.models import ImportDraft

        auditlog.register(ImportDraft, exclude_fields=["parsed"])
