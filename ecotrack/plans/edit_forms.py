"""Forms for officers who build and maintain a plan by hand: the plan itself with its source
document, indicators, targets per year, review milestones and key-project boxes (专栏)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ecotrack.importers.sniff import content_matches, detect_kind
from ecotrack.places.models import Jurisdiction
from ecotrack.plans.forms import PlanForm
from ecotrack.plans.models import (
    YEAR_VALIDATORS,
    CanonicalIndicator,
    KeyProject,
    Plan,
    PlanIndicator,
    ProjectIssue,
    ProjectStatus,
    ReviewMilestone,
    Target,
)

SOURCE_HELP = _("A .pdf, .docx, .txt, .xlsx or .csv copy of the plan as issued.")


class PlanEditForm(PlanForm):
    """The plan's metadata, with an optional new copy of its source document."""

    source_upload = forms.FileField(label=_("Source document"), required=False,
                                    help_text=SOURCE_HELP)
    # Set by the view to the jurisdiction the plan is (or will be) for.
    jurisdiction: Jurisdiction | None = None

    def clean_source_upload(self) -> Any:
        upload = self.cleaned_data.get("source_upload")
        if upload is None:
            return None
        if upload.size > settings.ECOTRACK_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(_("The file is too large."))
        head = upload.read()
        upload.seek(0)
        # The extension is only a claim: a renamed image is not a plan document.
        if not content_matches(upload.name, detect_kind(head)):
            raise forms.ValidationError(
                _("%(name)s is not a .pdf, .docx, .txt, .xlsx or .csv document.")
                % {"name": upload.name}
            )
        return upload

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period ends before it starts."))
        base = cleaned.get("base_year")
        if base and start and base > start:
            self.add_error("base_year", _("The base year comes before the period."))
        place = self.jurisdiction
        if place is not None and cleaned.get("title") and start and end:
            same = Plan.objects.filter(jurisdiction=place, title=cleaned["title"],
                                       period_start=start, period_end=end)
            if same.exclude(pk=self.instance.pk).exists():
                self.add_error("title", _("This jurisdiction has a plan with this title and "
                                          "period already."))
        return cleaned


class PlanCreateForm(PlanEditForm):
    place = forms.ModelChoiceField(Jurisdiction.objects.none(), label=_("Jurisdiction"))

    field_order = ["place"]

    def __init__(self, *args: Any, jurisdictions: QuerySet[Jurisdiction], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["place"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = jurisdictions

    def clean(self) -> dict[str, Any]:
        self.jurisdiction = self.cleaned_data.get("place")
        return super().clean()


class IndicatorForm(forms.ModelForm):
    """An indicator row: what the plan's table says, and the link to the canonical library."""

    canonical = forms.ModelChoiceField(
        CanonicalIndicator.objects.all(), required=False, label=_("canonical indicator"),
        help_text=_("Links this row to the same indicator in other jurisdictions' plans."),
    )

    class Meta:
        model = PlanIndicator
        fields = [
            "number", "category", "subcategory", "name", "sub_name", "unit", "attribute",
            "direction", "canonical", "footnotes", "method_notes",
        ]
        widgets = {"footnotes": forms.Textarea(attrs={"rows": 3}),
                   "method_notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan

    def clean_number(self) -> str:
        number = (self.cleaned_data.get("number") or "").strip()
        taken = PlanIndicator.objects.filter(plan=self.plan, number=number)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another indicator of this plan has this number."))
        return number


class TargetForm(forms.ModelForm):
    year = forms.IntegerField(label=_("Year"), required=False, validators=YEAR_VALIDATORS,
                              help_text=_("Empty for a standard value without a year."))

    class Meta:
        model = Target
        fields = ["year", "text", "is_standard_value"]
        labels = {"text": _("Target as written in the plan")}
        help_texts = {"text": _("Verbatim, e.g. ≥25, 不降低, 达到自治区考核目标, (33.3).")}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("year") is None and not cleaned.get("is_standard_value") \
                and cleaned.get("text"):
            self.add_error("year", _("Give the year, or mark it as a standard value."))
        return cleaned


class BaseTargetFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        seen: set[tuple[int | None, bool]] = set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("text"):
                continue
            key = (data.get("year"), bool(data.get("is_standard_value")))
            if key in seen:
                form.add_error("year", _("Two targets for the same year."))
            seen.add(key)


TargetFormSet = forms.inlineformset_factory(
    PlanIndicator, Target, form=TargetForm, formset=BaseTargetFormSet, extra=2,
    can_delete=True,
)


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = ReviewMilestone
        fields = ["kind", "year", "due_date", "status", "notes"]
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "notes": forms.Textarea(attrs={"rows": 2})}


MilestoneFormSet = forms.inlineformset_factory(
    Plan, ReviewMilestone, form=MilestoneForm, extra=1, can_delete=True,
)


class ProjectForm(forms.ModelForm):
    class Meta:
        model = KeyProject
        fields = ["box", "title", "content", "investment", "start_year", "end_year",
                  "responsible_unit", "status", "progress_percent", "progress"]
        labels = {"progress": _("Progress notes"), "title": _("Name")}
        widgets = {"progress": forms.Textarea(attrs={"rows": 3}),
                   "content": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A box saved without a status (older forms, imports) stays as it was, else planned.
        self.fields["status"].required = False

    def clean_status(self) -> str:
        return self.cleaned_data.get("status") or self.instance.status or ProjectStatus.PLANNED

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start_year"), cleaned.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The period cannot end before it starts."))
        return cleaned


class IssueForm(forms.ModelForm):
    """A problem → its rectification → closing (销号); the model checks the dates' order."""

    class Meta:
        model = ProjectIssue
        fields = ["problem", "found_on", "measure", "due_on", "closed_on", "closed_by"]
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 2}),
            "measure": forms.Textarea(attrs={"rows": 2}),
            "found_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "closed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }


class ProjectItemForm(forms.Form):
    code = forms.CharField(label=_("Item number"), required=False, max_length=20,
                           help_text=_("As in the box, e.g. （一）."))
    title = forms.CharField(label=_("Item title"), required=False, max_length=300)
    text = forms.CharField(label=_("Item text"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def as_item(self) -> dict[str, str | None] | None:
        data = self.cleaned_data
        if not data or data.get("DELETE") or not (data.get("title") or data.get("text")):
            return None
        return {"code": data.get("code") or None, "title": data.get("title") or None,
                "text": data.get("text") or ""}


ProjectItemFormSet = forms.formset_factory(ProjectItemForm, extra=2, can_delete=True)
