"""Jurisdictions (the GB/T 2260 tree) and their profiles."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    COUNTRY = "country", _("Country")
    PROVINCE = "province", _("Province-level")
    PREFECTURE = "prefecture", _("Prefecture-level")
    COUNTY = "county", _("County-level")


LEVEL_DEPTH = {Level.COUNTRY: 0, Level.PROVINCE: 1, Level.PREFECTURE: 2, Level.COUNTY: 3}


def localized(zh: str, en: str) -> str:
    """Pick the Chinese or English text for the active language, falling back to the other."""
    language = (get_language() or settings.LANGUAGE_CODE).lower()
    if language.startswith("zh"):
        return zh or en
    return en or zh


class Jurisdiction(models.Model):
    """A place that governs: a country, province, prefecture-level city/league or county.

    `path` materialises the ancestry ("/100000/150000/150500/") so that "everything below X"
    is one indexed prefix query, whatever the database.
    """

    code = models.CharField(_("code"), max_length=12, unique=True, help_text=_("GB/T 2260 code"))
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    name_zh = models.CharField(_("name (Chinese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, db_index=True, editable=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("jurisdiction")
        verbose_name_plural = _("jurisdictions")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def save(self, *args, **kwargs):
        old_path = self.path
        self.path = self.computed_path()
        super().save(*args, **kwargs)
        if old_path and old_path != self.path:
            # Moved in the tree: every descendant's path changes with it.
            for child in self.children.all():
                child.save()

    def get_absolute_url(self) -> str:
        return reverse("places:detail", args=[self.code])

    def computed_path(self) -> str:
        prefix = self.parent.path if self.parent_id and self.parent else "/"
        return f"{prefix}{self.code}/"

    @property
    def name(self) -> str:
        return localized(self.name_zh, self.name_en)

    def ancestors(self) -> list[Jurisdiction]:
        """From the root down to the parent, in one query."""
        codes = [c for c in self.path.strip("/").split("/") if c and c != self.code]
        by_code = {j.code: j for j in Jurisdiction.objects.filter(code__in=codes)}
        return [by_code[c] for c in codes if c in by_code]

    def descendants(self) -> models.QuerySet[Jurisdiction]:
        return Jurisdiction.objects.filter(path__startswith=self.path).exclude(pk=self.pk)

    def is_within(self, other: Jurisdiction) -> bool:
        """True if this jurisdiction is `other` or lies below it."""
        return self.path.startswith(other.path)


class Profile(models.Model):
    """What a jurisdiction says about itself: the CitiesWithNature "Profile overview"."""

    jurisdiction = models.OneToOneField(
        Jurisdiction,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("jurisdiction"),
    )
    about = models.TextField(_("about"), blank=True)
    about_language = models.CharField(
        _("language of the about text"),
        max_length=10,
        blank=True,
        choices=settings.LANGUAGES,
    )
    population = models.PositiveBigIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(
        _("population year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    area_km2 = models.DecimalField(
        _("area (km²)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    centre_latitude = models.DecimalField(
        _("centre latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    centre_longitude = models.DecimalField(
        _("centre longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    head_of_government = models.CharField(_("head of government"), max_length=200, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    image = models.ImageField(
        _("profile image"),
        upload_to="profiles/",
        blank=True,
        help_text=_("A photograph or map of the city (PNG, JPEG or WebP)."),
    )
    image_description = models.CharField(
        _("image description"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    achievements = models.TextField(
        _("achievements"), blank=True, help_text=_("One achievement per line.")
    )
    country = models.CharField(_("country"), max_length=100, blank=True)
    world_region = models.CharField(_("world region"), max_length=100, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return str(self.jurisdiction)

    def get_absolute_url(self) -> str:
        return self.jurisdiction.get_absolute_url()

    @property
    def achievement_list(self) -> list[str]:
        return [line.strip() for line in self.achievements.splitlines() if line.strip()]
