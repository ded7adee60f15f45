"""Air-quality evaluation runs: what was computed, how, from which input, by whom.

Hourly data never enter the database (DESIGN: Parquet + DuckDB); a run keeps the annual
result, a compact daily series for the pages, the method and standard, and a fingerprint of
the input so the same evaluation is never stored twice.

A run is content like a plan: it has a `jurisdiction` and an `is_published` flag, so
`ecotrack.accounts.permissions` decides who reads it (the public: published runs only) and who
publishes it (whoever may edit the jurisdiction).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ecotrack.places.models import Jurisdiction


class AirEvaluationRun(models.Model):
    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.PROTECT, related_name="air_runs",
        verbose_name=_("jurisdiction"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    standard_choice = models.CharField(_("standard"), max_length=20)
    standard = models.CharField(_("standard as applied"), max_length=100)
    engine = models.CharField(_("engine"), max_length=20)
    method = models.CharField(_("method"), max_length=300)
    input_fingerprint = models.CharField(_("input fingerprint"), max_length=64)
    input_files = models.JSONField(_("input files"), default=list)
    # sha256 of each input file's bytes, in the order of `input_files`; empty for runs stored
    # before the hashes were kept (the ranking then compares file names instead).
    input_hashes = models.JSONField(_("input file hashes"), default=list, blank=True)
    stations = models.JSONField(_("stations"), default=list)
    annual = models.JSONField(_("annual result"))
    daily = models.JSONField(_("daily series"), default=list)
    daily_path = models.CharField(_("stored daily table"), max_length=500, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded = models.JSONField(_("observations written"), default=list)
    is_published = models.BooleanField(_("published"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["jurisdiction__code", "-year", "-created_at"]
        verbose_name = _("air-quality evaluation run")
        verbose_name_plural = _("air-quality evaluation runs")
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "year", "standard_choice", "input_fingerprint"],
                name="monitoring_run_once_per_input",
            )
        ]

    def __str__(self) -> str:
        return f"{self.jurisdiction} {self.year} ({self.standard})"

    def get_absolute_url(self) -> str:
        return reverse("monitoring:run", args=[self.pk])
