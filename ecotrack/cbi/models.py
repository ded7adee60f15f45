"""CBI assessments of a jurisdiction, their per-indicator inputs, and corrections to the bands.

The scoring itself lives in the pure core (ecotrack.core.cbi); these models keep what a city
entered (raw inputs with year, source and evidence) and a stored copy of what the core computed,
so that lists, summaries and the audit trail can show scores without rescoring, and so that a
band correction visibly changes them (see ecotrack/cbi/recompute.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecotrack.core.cbi import DEFAULT_EDITION
from ecotrack.places.models import Jurisdiction

if TYPE_CHECKING:  # django-stubs is a development dependency only
    from django_stubs_ext import StrOrPromise

YEAR_VALIDATORS = [MinValueValidator(1990), MaxValueValidator(2100)]
# A figure's data year (of an indicator or of one input): old censuses and surveys are fine,
# a year after next is a typo.
FIRST_DATA_YEAR = 1900


def last_data_year() -> int:
    return timezone.now().year + 1


def validate_data_year(value: int) -> None:
    if not FIRST_DATA_YEAR <= value <= last_data_year():
        raise ValidationError(
            _("must be between %(first)s and %(last)s, got %(value)s"),
            code="data_year_range",
            params={"first": FIRST_DATA_YEAR, "last": last_data_year(), "value": value},
        )


def input_provenance_problem(value: object) -> str:
    """What is wrong with an `IndicatorEntry.input_provenance` read from outside (an import);
    "" if nothing. Shape: {"field": {"year": 2022, "source": "…"}}, both keys optional."""
    if value is None:
        return ""
    if not isinstance(value, dict):
        return 'must be an object such as {"natural_area_ha": {"year": 2022, "source": "…"}}'
    for name, own in value.items():
        if not isinstance(own, dict) or set(own) - {"year", "source"}:
            return f"{name}: must be an object with only 'year' and 'source'"
        year = own.get("year")
        if year is not None and (
            not isinstance(year, int)
            or isinstance(year, bool)
            or not FIRST_DATA_YEAR <= year <= last_data_year()
        ):
            return f"{name}.year: must be a year from {FIRST_DATA_YEAR} to {last_data_year()}"
        if not isinstance(own.get("source", ""), str):
            return f"{name}.source: must be text"
    return ""


class EditionChoice(models.TextChoices):
    CBI_2021 = "2021", _("2021 Handbook (28 indicators, 112 points)")
    CBI_2014 = "2014", _("2014 User's Manual (23 indicators, 92 points)")


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted")
    REVIEWED = "reviewed", _("Reviewed")


class ProvenanceChoice(models.TextChoices):
    VERIFIED = "verified", _("Verified")
    SECONDARY = "secondary", _("Secondary")
    PROVISIONAL = "provisional", _("Provisional")


# Part I of the index, "Profile of the city": (field name, label, help text). Free text because
# cities describe these in their own words and units; the scored figures belong to Part II.
PROFILE_SECTIONS: list[tuple[str, StrOrPromise, StrOrPromise]] = [
    ("location", _("Location"), _("Where the city lies: coordinates, region, neighbours.")),
    ("size", _("Size"), _("City area and how it is defined (administrative, built-up).")),
    ("population", _("Population"), _("Population, density and the year of the figures.")),
    ("climate", _("Climate"), _("Climate type, temperature and rainfall.")),
    ("geography", _("Physical features"), _("Relief, rivers, lakes, coast, soils.")),
    ("ecosystems", _("Ecosystems"), _("Main natural and semi-natural ecosystems, their extent.")),
    (
        "biodiversity",
        _("Biodiversity features"),
        _("Notable species and habitats, baseline species counts by group."),
    ),
    ("economy", _("Economic and social context"), _("Main economic activities, GDP, land use.")),
    (
        "governance",
        _("Administration of biodiversity"),
        _("Agencies responsible for biodiversity, plans and links to the NBSAP."),
    ),
    ("links", _("Links and sources"), _("Web sites and documents the profile draws on.")),
]


class Assessment(models.Model):
    """One application of the index by a jurisdiction in one year."""

    jurisdiction = models.ForeignKey(
        Jurisdiction,
        on_delete=models.PROTECT,
        related_name="cbi_assessments",
        verbose_name=_("jurisdiction"),
    )
    year = models.PositiveSmallIntegerField(_("assessment year"), validators=YEAR_VALIDATORS)
    edition = models.CharField(
        _("edition"), max_length=4, choices=EditionChoice.choices, default=DEFAULT_EDITION
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED
    )
    is_published = models.BooleanField(_("published"), default=False)

    # Part I: profile of the city.
    location = models.TextField(_("Location"), blank=True)
    size = models.TextField(_("Size"), blank=True)
    population = models.TextField(_("Population"), blank=True)
    climate = models.TextField(_("Climate"), blank=True)
    geography = models.TextField(_("Physical features"), blank=True)
    ecosystems = models.TextField(_("Ecosystems"), blank=True)
    biodiversity = models.TextField(_("Biodiversity features"), blank=True)
    economy = models.TextField(_("Economic and social context"), blank=True)
    governance = models.TextField(_("Administration of biodiversity"), blank=True)
    links = models.TextField(_("Links and sources"), blank=True)

    # Stored copy of the core's result (ecotrack/cbi/scoring.py writes it; nobody else should).
    total = models.PositiveSmallIntegerField(_("total"), default=0)
    max_points = models.PositiveSmallIntegerField(_("maximum"), default=0)
    answered_max = models.PositiveSmallIntegerField(_("maximum of answered indicators"), default=0)
    provisional_points = models.PositiveSmallIntegerField(_("provisional points"), default=0)
    component_scores = models.JSONField(_("component scores"), default=dict, blank=True)
    scoring_basis = models.CharField(_("scored by"), max_length=200, blank=True)

    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["jurisdiction__code", "year"]
        verbose_name = _("CBI assessment")
        verbose_name_plural = _("CBI assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "year"], name="cbi_one_assessment_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"CBI {self.year} {self.jurisdiction}"

    def get_absolute_url(self) -> str:
        return reverse("cbi:detail", args=[self.jurisdiction.code, self.year])

    @property
    def is_editable_state(self) -> bool:
        return self.status in (Status.NOT_STARTED, Status.IN_PROGRESS)

    def profile_sections(self) -> list[tuple[str, str]]:
        """Part I as (label, text) pairs, only the ones filled in."""
        return [
            (str(label), getattr(self, name))
            for name, label, _help in PROFILE_SECTIONS
            if getattr(self, name)
        ]


def evidence_path(entry: IndicatorEntry, filename: str) -> str:
    assessment = entry.assessment
    return f"cbi/{assessment.jurisdiction.code}/{assessment.year}/{entry.indicator_key}/{filename}"


class IndicatorEntry(models.Model):
    """Part II, one indicator: the raw inputs as entered and what the core computed from them.

    `inputs` holds the edition's input fields with numbers kept as decimal strings ("6.9"), so
    nothing is rounded through binary floats before the core reads them exactly.

    `data_year` and `source` are the indicator's defaults. `input_provenance` holds, per input
    field, the data year and source where they differ from those defaults, e.g. the natural area
    from a 2022 land-cover survey and the city area from the 2020 statistical yearbook:
    `{"natural_area_ha": {"year": 2022, "source": "land-cover survey"}}`. Only inputs that are
    answered appear, and only the keys given ("year", "source"); `provenance_of()` fills the rest
    from the defaults. One JSON field rather than a row per input keeps the form a single form,
    and the audit trail shows an entry's inputs and their provenance changing in one history.
    """

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="entries", verbose_name=_("assessment")
    )
    indicator_key = models.CharField(_("indicator"), max_length=60)
    inputs = models.JSONField(_("inputs"), default=dict, blank=True)
    data_year = models.PositiveSmallIntegerField(
        _("data year"), null=True, blank=True, validators=[validate_data_year]
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    input_provenance = models.JSONField(
        _("data year and source per input"), default=dict, blank=True
    )
    evidence_url = models.URLField(_("evidence link"), blank=True)
    evidence_file = models.FileField(_("evidence file"), upload_to=evidence_path, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    # Stored copy of the core's result for this indicator; empty while unanswered.
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    value_text = models.CharField(_("value"), max_length=100, blank=True)
    band_text = models.CharField(_("band"), max_length=300, blank=True)
    provisional = models.BooleanField(_("provisional"), default=False)

    class Meta:
        ordering = ["assessment", "indicator_key"]
        verbose_name = _("CBI indicator entry")
        verbose_name_plural = _("CBI indicator entries")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "indicator_key"], name="cbi_one_entry_per_indicator"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assessment} · {self.indicator_key}"

    # The permission layer asks content for these; an entry is part of its assessment.
    @property
    def jurisdiction(self) -> Jurisdiction:
        return self.assessment.jurisdiction

    @property
    def is_published(self) -> bool:
        return self.assessment.is_published

    @property
    def is_answered(self) -> bool:
        return bool(self.inputs)

    def provenance_of(self, field_name: str) -> tuple[int | None, str]:
        """(data year, source) of one input: its own where given, else the indicator's."""
        own = self.input_provenance.get(field_name) or {}
        year = own.get("year")
        return (year if year is not None else self.data_year, own.get("source") or self.source)


class BandCorrection(models.Model):
    """An administrator's correction of one indicator's band table in one edition.

    The whole table of the indicator is stored (in the edition file's own JSON shape), not a
    single band: bands must meet without gap or overlap, so moving one edge moves a neighbour's
    too. The newest correction per edition and indicator is laid over the core's data when
    scoring; corrections are never edited, a later one supersedes an earlier one.
    """

    edition = models.CharField(_("edition"), max_length=4, choices=EditionChoice.choices)
    indicator_key = models.CharField(_("indicator"), max_length=60)
    bands = models.JSONField(_("corrected bands"))
    previous_bands = models.JSONField(_("bands before the correction"))
    changed_points = models.JSONField(_("changed bands (points)"), default=list)
    reason = models.TextField(_("reason"))
    provenance_status = models.CharField(
        _("provenance of the corrected bands"),
        max_length=12,
        choices=ProvenanceChoice.choices,
    )
    source = models.CharField(_("source of the corrected bands"), max_length=500)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("corrected by"),
    )
    created_at = models.DateTimeField(_("corrected on"), auto_now_add=True)
    recomputed_assessments = models.PositiveIntegerField(_("assessments recomputed"), default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("CBI band correction")
        verbose_name_plural = _("CBI band corrections")

    def __str__(self) -> str:
        return f"CBI {self.edition} {self.indicator_key} correction {self.pk}"
