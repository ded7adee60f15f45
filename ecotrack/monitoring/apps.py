from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "ecotrack.monitoring"
    verbose_name = _("Air quality")
    nav_items = [("monitoring:index", _("Air quality"))]
    nav_order = 40

    def ready(self) -> None:
        # Every model is audited (AUDITLOG_INCLUDE_ALL_MODELS); the daily series is the
        # engine's output, reproducible from the fingerprinted input, and too big to copy
        # into each log entry.
        from auditlog.registry import auditlog

        from ecotrack.monitoring.models import AirEvaluationRun

        auditlog.register(AirEvaluationRun, exclude_fields=["daily", "annual"])
