"""Plans, their indicators, targets, observations (with every revision), overrides and 专栏.

A plan belongs to one jurisdiction; everything else reaches the jurisdiction through its plan,
so the permission layer is asked about `plan.jurisdiction`. Target and observation cells are
text first: the verbatim cell is stored next to what the core parsers read from it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ecotrack.core.indicators import Direction
from ecotrack.places.models import Jurisdiction, localized
from ecotrack.plans.target_parsing import parsed_form

YEAR_VALIDATORS = [MinValueValidator(1949), MaxValueValidator(2100)]


class PlanKind(models.TextChoices):
    FIVE_YEAR = "five_year", _("Eco-environmental protection five-year plan")
    DEMONSTRATION = "demonstration", _("Eco-civilization demonstration plan")
    OTHER = "other", _("Other plan")


class Plan(models.Model):
    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.PROTECT, related_name="plans", verbose_name=_("jurisdiction")
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=PlanKind.choices)
    period_start = models.PositiveSmallIntegerField(_("period start"), validators=YEAR_VALIDATORS)
    period_end = models.PositiveSmallIntegerField(_("period end"), validators=YEAR_VALIDATORS)
    base_year = models.PositiveSmallIntegerField(
        _("base year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    issuing_body = models.CharField(_("issuing body"), max_length=200, blank=True)
    issued_date = models.DateField(_("issued on"), null=True, blank=True)
    # The hub's resource model (nature.Resource) does not exist yet: the document is kept
    # here as a file (or a URL), with its SHA-256 so a re-import is recognised.
    source_file = models.FileField(_("source document"), upload_to="plans/sources/", blank=True)
    source_url = models.URLField(_("source URL"), blank=True)
    source_filename = models.CharField(_("source file name"), max_length=255, blank=True)
    source_sha256 = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    # Set when the plan was created from a template (the demonstration indicator system).
    template_key = models.CharField(max_length=80, blank=True, editable=False)
    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["jurisdiction__code", "-period_start", "title"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "title", "period_start", "period_end"],
                name="plans_unique_title_period",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="plans_period_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:detail", args=[self.pk])

    @property
    def target_years(self) -> list[int]:
        targets = Target.objects.filter(indicator__plan=self, year__isnull=False)
        return sorted({year for year in targets.values_list("year", flat=True) if year})


class MilestoneKind(models.TextChoices):
    ANNUAL = "annual", _("Annual monitoring")
    MIDTERM = "midterm", _("Mid-term assessment")
    FINAL = "final", _("Final assessment")


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class ReviewMilestone(models.Model):
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("plan")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MilestoneKind.choices)
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MilestoneStatus.choices, default=MilestoneStatus.PLANNED
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["plan", "year", "kind"]
        verbose_name = _("review milestone")
        verbose_name_plural = _("review milestones")
        constraints = [
            models.UniqueConstraint(fields=["plan", "kind", "year"], name="plans_one_milestone")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"


class CanonicalIndicator(models.Model):
    """A copy of one entry of the core library (ecotrack/core/indicators/library.json).

    The core is the source of truth; `sync_canonical_indicators` keeps this table equal to it
    so plan rows can point at a stable key with a foreign key.
    """

    key = models.CharField(_("key"), max_length=100, unique=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=300)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    direction = models.CharField(_("direction"), max_length=20)
    measure = models.CharField(_("measure"), max_length=20)
    domain = models.CharField(_("domain"), max_length=50)
    method_key = models.CharField(_("method"), max_length=100, blank=True)
    computation_zh = models.TextField(blank=True)
    computation_en = models.TextField(blank=True)
    library_version = models.CharField(max_length=20)

    class Meta:
        ordering = ["domain", "key"]
        verbose_name = _("canonical indicator")
        verbose_name_plural = _("canonical indicators")

    def __str__(self) -> str:
        return f"{self.name} ({self.key})"

    @property
    def name(self) -> str:
        return localized(self.name_zh, self.name_en)

    @property
    def computation(self) -> str:
        return localized(self.computation_zh, self.computation_en)


class Attribute(models.TextChoices):
    BINDING = "binding", _("Binding (约束性)")
    EXPECTED = "expected", _("Expected (预期性)")
    REFERENCE = "reference", _("Reference (参考性)")


DIRECTION_CHOICES = [
    (Direction.HIGHER_BETTER.value, _("Higher is better")),
    (Direction.LOWER_BETTER.value, _("Lower is better")),
    (Direction.TARGET_STATE.value, _("A state to reach")),
]


class MatchRule(models.TextChoices):
    VARIANT = "variant", _("Matched by a known spelling")
    KEYWORDS = "keywords", _("Matched by keywords")
    MANUAL = "manual", _("Set by an editor")


class PlanIndicator(models.Model):
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("plan")
    )
    position = models.PositiveIntegerField(_("position"))
    seq = models.PositiveIntegerField(_("number in the plan"), null=True, blank=True)
    # "7" for a single row, "7.1", "7.2" for the sub-indicators of indicator 7.
    number = models.CharField(_("number"), max_length=20)
    category = models.CharField(_("area (领域)"), max_length=100, blank=True)
    subcategory = models.CharField(_("task (任务)"), max_length=100, blank=True)
    name = models.CharField(_("indicator"), max_length=300)
    sub_name = models.CharField(_("sub-indicator"), max_length=300, blank=True)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    attribute = models.CharField(
        _("attribute"), max_length=20, choices=Attribute.choices, blank=True
    )
    direction = models.CharField(_("direction"), max_length=20, choices=DIRECTION_CHOICES)
    footnotes = models.TextField(_("footnotes"), blank=True)
    method_notes = models.TextField(_("method notes"), blank=True)
    canonical = models.ForeignKey(
        CanonicalIndicator,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_indicators",
        verbose_name=_("canonical indicator"),
    )
    match_rule = models.CharField(
        _("how the canonical indicator was found"), max_length=20, choices=MatchRule.choices,
        blank=True,
    )
    # The plan's own 达标情况 cell, verbatim (demonstration plans assess themselves).
    plan_compliance_text = models.CharField(_("compliance stated in the plan"), max_length=100,
                                            blank=True)
    source_location = models.CharField(_("where in the source"), max_length=100, blank=True)

    class Meta:
        ordering = ["plan", "position"]
        verbose_name = _("plan indicator")
        verbose_name_plural = _("plan indicators")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plans_unique_number"),
            models.UniqueConstraint(fields=["plan", "position"], name="plans_unique_position"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.full_name}"

    def get_absolute_url(self) -> str:
        return reverse("plans:indicator", args=[self.pk])

    @property
    def full_name(self) -> str:
        return f"{self.name} / {self.sub_name}" if self.sub_name else self.name

    @property
    def jurisdiction(self) -> Jurisdiction:
        return self.plan.jurisdiction

    @property
    def is_published(self) -> bool:
        return self.plan.is_published


class Target(models.Model):
    indicator = models.ForeignKey(
        PlanIndicator, on_delete=models.CASCADE, related_name="targets", verbose_name=_("indicator")
    )
    # Null for a standard value (指标值) that is not tied to a year.
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    text = models.CharField(_("target (verbatim)"), max_length=300)
    # What ecotrack.core.targets read from `text` (ParsedTarget.to_dict), kept for display
    # and API use; the compliance engine re-reads the verbatim text.
    parsed = models.JSONField(_("parsed target"), default=dict, editable=False)
    is_standard_value = models.BooleanField(_("standard value (指标值)"), default=False)

    class Meta:
        ordering = ["indicator", "is_standard_value", "year"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "is_standard_value"], name="plans_one_target_a_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year or _('standard')}: {self.text}"

    def save(self, *args, **kwargs):
        self.parsed = parsed_form(self.text)
        super().save(*args, **kwargs)


class ObservationSource(models.TextChoices):
    MANUAL = "manual", _("Entered by hand")
    IMPORT = "import", _("Imported")
    COMPUTED = "computed", _("Computed run")


class Observation(models.Model):
    """One reported value of an indicator. Append-only: a correction is a new row that
    `supersedes` the old one, so every revision stays, with who and when.

    `year` is the year the value is filed for (the column of a table, the assessment year);
    `data_year` the year the value describes, which differs for 「90.86*」 (2021 data).
    """

    indicator = models.ForeignKey(
        PlanIndicator,
        on_delete=models.CASCADE,
        related_name="observations",
        verbose_name=_("indicator"),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    data_year = models.PositiveSmallIntegerField(_("data year"), validators=YEAR_VALIDATORS)
    value = models.FloatField(_("value"), null=True, blank=True)
    text = models.CharField(_("value as written"), max_length=300, blank=True)
    marks = models.CharField(_("marks"), max_length=20, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=ObservationSource.choices)
    method = models.CharField(_("method"), max_length=300, blank=True)
    input_fingerprint = models.CharField(_("input fingerprint"), max_length=128, blank=True)
    supersedes = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
        verbose_name=_("supersedes"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["indicator", "year", "created_at", "pk"]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        constraints = [
            models.CheckConstraint(
                condition=Q(value__isnull=False) | ~Q(text=""), name="plans_observation_not_empty"
            )
        ]

    def __str__(self) -> str:
        shown = self.text or (f"{self.value:g}" if self.value is not None else "")
        return f"{self.year}: {shown}"

    @property
    def is_current(self) -> bool:
        return not hasattr(self, "superseded_by")


class ComplianceStatus(models.TextChoices):
    MET = "met", _("Met (达标)")
    ON_TRACK = "on_track", _("On track (可达标)")
    NOT_MET = "not_met", _("Not met (未达标)")
    PENDING = "pending", _("Target to come from above (待下达)")
    NO_DATA = "no_data", _("No data (无数据)")


class ComplianceOverride(models.Model):
    """An officer's decision on one indicator and target year; it wins over the computed
    status and is always shown with its reason (the audit trail keeps every change)."""

    indicator = models.ForeignKey(
        PlanIndicator, on_delete=models.CASCADE, related_name="overrides",
        verbose_name=_("indicator"),
    )
    year = models.PositiveSmallIntegerField(_("target year"), validators=YEAR_VALIDATORS)
    status = models.CharField(_("status"), max_length=20, choices=ComplianceStatus.choices)
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
        verbose_name=_("decided by"),
    )
    created_at = models.DateTimeField(_("decided at"), auto_now=True)

    class Meta:
        verbose_name = _("compliance override")
        verbose_name_plural = _("compliance overrides")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="plans_one_override")
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.get_status_display()}"


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    UNDER_WAY = "under_way", _("Under way")
    COMPLETED = "completed", _("Completed")
    DELAYED = "delayed", _("Delayed")


class KeyProject(models.Model):
    """A key project or task of a plan (a 专栏 box): its number, name, content, items,
    investment, period, responsible unit, status and progress; its issue ledger is
    `ProjectIssue`."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="projects", verbose_name=_("plan")
    )
    box = models.CharField(_("box number"), max_length=20, blank=True)
    title = models.CharField(_("title"), max_length=300)
    # [{"code": "（一）", "title": "…", "text": "…"}], as the plandoc parser gives them.
    items = models.JSONField(_("items"), default=list)
    progress = models.TextField(_("progress"), blank=True)
    # How far the box's projects are, as the officer reports it (0–100 %).
    progress_percent = models.PositiveSmallIntegerField(
        _("progress (%)"), null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    content = models.TextField(_("content"), blank=True)
    investment = models.DecimalField(
        _("investment (10,000 yuan)"), max_digits=14, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)],
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    responsible_unit = models.CharField(_("responsible unit"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["plan", "position"]
        verbose_name = _("key project box")
        verbose_name_plural = _("key project boxes")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_year__isnull=True) | Q(end_year__isnull=True)
                | Q(end_year__gte=models.F("start_year")),
                name="plans_project_period_in_order",
            )
        ]

    def __str__(self) -> str:
        box = gettext("Box %(box)s") % {"box": self.box} if self.box else ""
        return f"{box} {self.title}".strip()


class IssueState(models.TextChoices):
    OPEN = "open", _("Open")
    RECTIFYING = "rectifying", _("Being rectified")
    CLOSED = "closed", _("Closed (销号)")


class ProjectIssue(models.Model):
    """One problem found in a key project, its rectification and its closing (销号).

    The state follows from what is filled in: a problem alone is open, with a measure it is
    being rectified, with the closing date and who closed it it is closed. Dates are in order:
    found ≤ due, found ≤ closed.
    """

    project = models.ForeignKey(
        KeyProject, on_delete=models.CASCADE, related_name="issues", verbose_name=_("project")
    )
    problem = models.TextField(_("problem"))
    found_on = models.DateField(_("found on"))
    measure = models.TextField(_("rectification measure"), blank=True)
    due_on = models.DateField(_("rectification due on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closed_by = models.CharField(_("closed by"), max_length=200, blank=True)

    class Meta:
        ordering = ["project", "found_on", "pk"]
        verbose_name = _("project issue")
        verbose_name_plural = _("project issues")
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__isnull=True) | Q(due_on__gte=models.F("found_on")),
                name="plans_issue_due_after_found",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | (
                    Q(closed_on__gte=models.F("found_on")) & ~Q(measure="") & ~Q(closed_by="")
                ),
                name="plans_issue_closed_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.problem[:40]}"

    @property
    def state(self) -> str:
        if self.closed_on is not None:
            return IssueState.CLOSED.value
        return IssueState.RECTIFYING.value if self.measure else IssueState.OPEN.value

    def get_state_display(self) -> str:
        return str(IssueState(self.state).label)

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.found_on and self.due_on and self.due_on < self.found_on:
            errors["due_on"] = _("The rectification cannot be due before the problem was found.")
        if self.due_on and not self.measure:
            errors["measure"] = _("Give the rectification measure with its due date.")
        if self.closed_on:
            if self.found_on and self.closed_on < self.found_on:
                errors["closed_on"] = _("An issue cannot be closed before it was found.")
            if not self.measure:
                errors["measure"] = _(
                    "An issue is closed after its rectification: give the measure."
                )
            if not self.closed_by:
                errors["closed_by"] = _("Say who closed the issue.")
        elif self.closed_by:
            errors["closed_on"] = _("Give the date the issue was closed.")
        if errors:
            raise ValidationError(errors)
