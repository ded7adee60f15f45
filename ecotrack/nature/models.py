"""A city's CitiesWithNature content: commitments, actions, targets, Nature Pathway steps,
resources of the tools & resources hub, and what an imported profile report said.

Taxonomy entries (action areas, commitments, actions) and pathway steps are referred to by the
core's stable keys (see `ecotrack.nature.reference`). Every content model carries
`jurisdiction` and `is_published`, so `ecotrack.accounts.permissions` applies to all of them.
"""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ecotrack.core.cwn import StepStatus
from ecotrack.nature import reference
from ecotrack.nature.progress import DECREASE, INCREASE, progress_percent
from ecotrack.places.models import Jurisdiction

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]


def validate_commitment_key(value: str) -> None:
    if value not in reference.all_commitment_keys():
        raise ValidationError(_("Unknown commitment: %(key)s"), params={"key": value})


def validate_area_key(value: str) -> None:
    if reference.area(value) is None:
        raise ValidationError(_("Unknown action area: %(key)s"), params={"key": value})


def validate_step_key(value: str) -> None:
    if value not in reference.all_step_keys():
        raise ValidationError(_("Unknown Nature Pathway step: %(key)s"), params={"key": value})


class Commitment(models.Model):
    """A commitment a city made on the Action Platform (one per taxonomy commitment)."""

    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.PROTECT, related_name="nature_commitments",
        verbose_name=_("jurisdiction"),
    )
    commitment_key = models.CharField(
        _("commitment"), max_length=80, validators=[validate_commitment_key]
    )
    committed_on = models.DateField(_("committed on"), null=True, blank=True)
    target_date = models.DateField(_("to be achieved by"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["jurisdiction__code", "commitment_key"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "commitment_key"], name="nature_one_commitment_per_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.jurisdiction.code} · {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("nature:commitment", args=[self.pk])

    @property
    def title(self) -> str:
        found = reference.commitment(self.commitment_key)
        return reference.pick(found.title) if found else self.commitment_key

    @property
    def area_key(self) -> str:
        found = reference.area_of(self.commitment_key)
        return found.key if found else ""


class ActionEntry(models.Model):
    """How the city is taking action under a commitment: a taxonomy action, or its own."""

    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.PROTECT, related_name="nature_actions",
        verbose_name=_("jurisdiction"),
    )
    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="actions",
        verbose_name=_("commitment"),
    )
    # Blank for an action the taxonomy does not know; `title` then says what it is.
    action_key = models.CharField(_("action"), max_length=80, blank=True)
    title = models.CharField(_("own title"), max_length=300, blank=True)
    description = models.TextField(
        _("description of how the city is taking action"), blank=True,
    )
    description_language = models.CharField(
        _("language of the description"), max_length=10, blank=True,
        choices=reference.LANGUAGE_CHOICES,
    )
    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["commitment__commitment_key", "action_key", "title"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "action_key"], condition=~models.Q(action_key=""),
                name="nature_one_action_per_key",
            ),
            models.CheckConstraint(
                condition=~models.Q(action_key="", title=""), name="nature_action_has_a_name"
            ),
        ]

    def __str__(self) -> str:
        return self.display_title

    def get_absolute_url(self) -> str:
        return f"{self.commitment.get_absolute_url()}#action-{self.pk}"

    @property
    def display_title(self) -> str:
        if self.action_key:
            found = reference.action(self.commitment.commitment_key, self.action_key)
            if found:
                return reference.pick(found.title)
        return self.title or self.action_key

    def clean(self) -> None:
        if self.commitment_id and self.jurisdiction_id != self.commitment.jurisdiction_id:
            raise ValidationError(_("An action belongs to its commitment's jurisdiction."))


class Direction(models.TextChoices):
    INCREASE_ = INCREASE, _("Increase")
    DECREASE_ = DECREASE, _("Decrease")


class Target(models.Model):
    """A quantified target of an action: from a baseline to a target value, with the latest."""

    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.PROTECT, related_name="nature_targets",
        verbose_name=_("jurisdiction"),
    )
    action = models.ForeignKey(
        ActionEntry, on_delete=models.CASCADE, related_name="targets", verbose_name=_("action")
    )
    metric = models.CharField(_("what is measured"), max_length=300)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), validators=YEAR_VALIDATORS)
    baseline_value = models.DecimalField(_("baseline value"), max_digits=20, decimal_places=4)
    target_year = models.PositiveSmallIntegerField(_("target year"), validators=YEAR_VALIDATORS)
    target_value = models.DecimalField(_("target value"), max_digits=20, decimal_places=4)
    latest_year = models.PositiveSmallIntegerField(
        _("latest year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    latest_value = models.DecimalField(
        _("latest value"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    is_published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["target_year", "metric"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self) -> str:
        return f"{self.metric}: {self.target_value} {self.unit} ({self.target_year})"

    def get_absolute_url(self) -> str:
        return self.action.get_absolute_url()

    @property
    def progress_percent(self) -> int | None:
        return progress_percent(
            self.baseline_value, self.target_value, self.latest_value, self.direction
        )

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        if self.baseline_year and self.target_year and self.target_year <= self.baseline_year:
            errors["target_year"] = [str(_("The target year must come after the baseline year."))]
        if self.baseline_value is not None and self.target_value is not None:
            change = self.target_value - self.baseline_value
            if (self.direction == INCREASE and change <= 0) or (
                self.direction == DECREASE and change >= 0
            ):
                errors["target_value"] = [
                    str(_("The target value does not go in the chosen direction from the "
                          "baseline value."))
                ]
        if (self.latest_value is None) != (self.latest_year is None):
            errors["latest_year"] = [str(_("Give the latest value together with its year."))]
        if errors:
            raise ValidationError(errors)


class OtherCommitment(models.Model):
    """'Other commitments under this action area': the city's own words, one item each."""

    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.PROTECT, related_name="nature_other_commitments",
        verbose_name=_("jurisdiction"),
    )
    area_key = models.CharField(_("action area"), max_length=80, validators=[validate_area_key])
    text = models.CharField(_("commitment"), max_length=500)
    is_published = models.BooleanField(_("published"), default=False)

    class Meta:
        ordering = ["area_key", "pk"]
        verbose_name = _("other commitment")
        verbose_name_plural = _("other commitments")
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "area_key", "text"], name="nature_other_commitment_once"
            )
        ]

    def __str__(self) -> str:
        return self.text


class PathwayStep(models.Model):
    """Where a jurisdiction stands on one step of the Nature Pathway."""

    class Status(models.TextChoices):
        NOT_STARTED = StepStatus.NOT_STARTED.value, _("Not started")
        IN_PROGRESS = StepStatus.IN_PROGRESS.value, _("In progress")
        COMPLETED = StepStatus.COMPLETED.value, _("Completed")

    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.PROTECT, related_name="nature_pathway_steps",
        verbose_name=_("jurisdiction"),
    )
    step_key = models.CharField(_("step"), max_length=80, validators=[validate_step_key])
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED
    )
    notes = models.TextField(_("notes"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["jurisdiction__code", "step_key"]
        verbose_name = _("Nature Pathway step")
        verbose_name_plural = _("Nature Pathway steps")
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "step_key"], name="nature_one_step")
        ]

    def __str__(self) -> str:
        found = reference.step(self.step_key)
        title = reference.pick(found.title) if found else self.step_key
        return f"{self.jurisdiction.code} · {title}"


class ResourceKind(models.TextChoices):
    TOOL = "tool", _("Tool")
    GUIDE = "guide", _("Guide")
    CASE_STUDY = "case_study", _("Case study")
    PLAN = "plan", _("Plan")
    POLICY = "policy", _("Policy")
    DATA = "data", _("Data")
    REPORT = "report", _("Report")
    OTHER = "other", _("Other")


class Tag(models.Model):
    """A free keyword for resources (shared vocabulary, so the hub can filter by it)."""

    name = models.CharField(_("name"), max_length=50, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name


def resource_upload_to(instance: Resource, filename: str) -> str:
    # A random name on disk: the user's file name is kept in `file_name` for the download only.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"nature/resources/{instance.jurisdiction.code}/{uuid.uuid4().hex}{suffix}"


class Resource(models.Model):
    """An entry of the tools & resources hub: an uploaded file or a link."""

    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.PROTECT, related_name="nature_resources",
        verbose_name=_("jurisdiction"),
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("type"), max_length=20, choices=ResourceKind.choices)
    language = models.CharField(
        _("language"), max_length=10, blank=True, choices=reference.LANGUAGE_CHOICES
    )
    description = models.TextField(_("description"), blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="resources", verbose_name=_("tags"))
    file = models.FileField(_("file"), upload_to=resource_upload_to, blank=True, max_length=200)
    file_name = models.CharField(_("file name"), max_length=255, blank=True, editable=False)
    content_type = models.CharField(max_length=100, blank=True, editable=False)
    size = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    link = models.URLField(_("link"), blank=True, max_length=500)
    commitments = models.ManyToManyField(
        Commitment, blank=True, related_name="resources", verbose_name=_("commitments")
    )
    # For later apps (the plans app first): the object this resource documents, if any.
    subject_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    # Set for resources that came from an imported profile report (title only).
    from_report = models.BooleanField(default=False, editable=False)
    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-updated_at", "title"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        indexes = [models.Index(fields=["subject_type", "subject_id"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("nature:resource", args=[self.pk])

    @property
    def step_keys(self) -> list[str]:
        return [link.step_key for link in self.step_links.all()]


class ResourceStep(models.Model):
    """A resource linked to a Nature Pathway step (by the step's key)."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="step_links")
    step_key = models.CharField(_("step"), max_length=80, validators=[validate_step_key])

    class Meta:
        ordering = ["step_key"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "step_key"], name="nature_step_link_once")
        ]

    def __str__(self) -> str:
        return f"{self.resource} → {self.step_key}"


class ReportedState(models.Model):
    """What the last imported profile report said that has no other home in ecotrack: its
    source, the award percentages it showed, and the state of its CBI chapter.

    The profile page uses the CBI state only until the cbi app has a published assessment.
    """

    jurisdiction = models.OneToOneField(
        Jurisdiction, on_delete=models.CASCADE, related_name="nature_reported_state",
        verbose_name=_("jurisdiction"),
    )
    source_name = models.CharField(_("report"), max_length=255)
    source_sha256 = models.CharField(max_length=64)
    awards_shown = models.JSONField(_("awards shown in the report"), default=dict)
    cbi_status = models.CharField(_("CBI status in the report"), max_length=20)
    cbi_total_score = models.PositiveSmallIntegerField(null=True, blank=True)
    cbi_total_max = models.PositiveSmallIntegerField(null=True, blank=True)
    cbi_components = models.JSONField(default=list)
    is_published = models.BooleanField(_("published"), default=False)
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported report state")
        verbose_name_plural = _("imported report states")

    def __str__(self) -> str:
        return f"{self.jurisdiction.code} · {self.source_name}"

