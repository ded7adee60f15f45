"""Forms for editors: plan details, observations, overrides, the observations CSV and
adopting the demonstration template (building a plan by hand: edit_forms.py)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ecotrack.core.targets import TargetKind, parse_target
from ecotrack.places.models import Jurisdiction
from ecotrack.plans.models import (
    YEAR_VALIDATORS,
    CanonicalIndicator,
    ComplianceOverride,
    ComplianceStatus,
    Plan,
)


class PlanForm(forms.ModelForm):
    source_url = forms.URLField(label=_("source URL"), required=False, assume_scheme="https")

    class Meta:
        model = Plan
        fields = [
            "title", "kind", "period_start", "period_end", "base_year", "issuing_body",
            "issued_date", "source_url", "is_published",
        ]
        widgets = {"issued_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class ObservationForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), validators=YEAR_VALIDATORS,
                              help_text=_("The year the value is reported for."))
    value = forms.FloatField(label=_("Value"), required=False)
    text = forms.CharField(
        label=_("Value as written"), required=False, max_length=300,
        help_text=_("For states such as 建立 or 实施, or a cell copied verbatim."),
    )
    data_year = forms.IntegerField(
        label=_("Data year"), required=False, validators=YEAR_VALIDATORS,
        help_text=_("Only when the value describes another year than the one reported for."),
    )
    method = forms.CharField(label=_("Method or source note"), required=False, max_length=300)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("value") is None and not cleaned.get("text"):
            self.add_error("value", _("Give a value or the value as written."))
        return cleaned


class OverrideForm(forms.ModelForm):
    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"] = forms.TypedChoiceField(
            label=_("Target year"), coerce=int, choices=[(y, str(y)) for y in years]
        )
        self.fields["status"] = forms.ChoiceField(
            label=_("status"), choices=ComplianceStatus.choices
        )

    class Meta:
        model = ComplianceOverride
        fields = ["year", "status", "reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}


class ObservationUploadForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))


class AdoptTemplateForm(forms.Form):
    jurisdiction: forms.ModelChoiceField[Jurisdiction] = forms.ModelChoiceField(
        queryset=Jurisdiction.objects.none(), label=_("Jurisdiction")
    )
    year = forms.IntegerField(label=_("Assessment year"), validators=YEAR_VALIDATORS)

    def __init__(self, *args: Any, jurisdictions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["jurisdiction"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = jurisdictions


class AssignedTargetForm(forms.Form):
    """An assessment target a jurisdiction sets outside a plan (as `ecotrack set-target`)."""

    jurisdiction: forms.ModelChoiceField[Jurisdiction] = forms.ModelChoiceField(
        queryset=Jurisdiction.objects.none(), label=_("Jurisdiction")
    )
    indicator: forms.ModelChoiceField[CanonicalIndicator] = forms.ModelChoiceField(
        queryset=CanonicalIndicator.objects.order_by("domain", "key"),
        label=_("Canonical indicator"),
    )
    year = forms.IntegerField(label=_("Target year"), validators=YEAR_VALIDATORS)
    target = forms.CharField(
        label=_("Target (verbatim)"), max_length=300,
        help_text=_("As a plan writes it: ≥87.5, ≤30, 不降低, 达到国家考核目标."),
    )

    def __init__(self, *args: Any, jurisdictions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["jurisdiction"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = jurisdictions

    def clean_target(self) -> str:
        text = self.cleaned_data["target"].strip()
        if parse_target(text).kind is TargetKind.UNKNOWN:
            raise forms.ValidationError(_(
                "ecotrack cannot read this target: write it as a plan does (≥87.5, ≤30, "
                "不降低, 达到国家考核目标)."
            ))
        return text
