"""Editors' forms. Each is bound to an instance whose jurisdiction (and parent) the view has
already set from the URL and checked with the permission layer; no form lets a user pick the
jurisdiction, so no form can move content to another city."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ecotrack.nature import reference, richtext
from ecotrack.nature.models import (
    ActionEntry,
    Commitment,
    OtherCommitment,
    PathwayStep,
    Resource,
    ResourceStep,
    Tag,
    Target,
)
from ecotrack.nature.uploads import ACCEPTED_EXTENSIONS, UploadRejected, check_upload


class DateInput(forms.DateInput):
    input_type = "date"


class ChoicesMixin:
    fields: dict[str, forms.Field]

    def _choice(self, name: str) -> forms.ChoiceField:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        return field


class CommitmentForm(ChoicesMixin, forms.ModelForm):
    commitment_key = forms.ChoiceField(label=_("Commitment"))

    class Meta:
        model = Commitment
        fields = ["commitment_key", "committed_on", "target_date", "is_published"]
        widgets = {"committed_on": DateInput(), "target_date": DateInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The commitment itself is fixed once made: its actions hang on it.
            del self.fields["commitment_key"]
            return
        made = set(
            Commitment.objects.filter(jurisdiction=self.instance.jurisdiction)
            .values_list("commitment_key", flat=True)
        )
        self._choice("commitment_key").choices = [
            (group, [(k, t) for k, t in options if k not in made])
            for group, options in reference.commitment_choices()
        ]


OWN_ACTION = ""


class ActionForm(ChoicesMixin, forms.ModelForm):
    action_key = forms.ChoiceField(label=_("Platform action"), required=False)

    class Meta:
        model = ActionEntry
        fields = ["action_key", "title", "description", "description_language", "is_published"]
        widgets = {"description": forms.Textarea(attrs={"rows": 10})}
        help_texts = {
            "title": _("Only for an action of your own, not in the list above."),
            "description": _(
                "Plain text: an empty line between paragraphs, “- ” before list items."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        commitment = self.instance.commitment
        taken = set(
            commitment.actions.exclude(pk=self.instance.pk).values_list("action_key", flat=True)
        )
        self._choice("action_key").choices = [
            (OWN_ACTION, _("An action of our own (give its title below)")),
            *[(k, t) for k, t in reference.action_choices(commitment.commitment_key)
              if k not in taken],
        ]

    def clean_description(self) -> str:
        return richtext.normalize(self.cleaned_data.get("description", ""))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("action_key"):
            cleaned["title"] = ""
        elif not (cleaned.get("title") or "").strip():
            self.add_error("title", _("Choose an action from the list or give your own title."))
        return cleaned


class TargetForm(forms.ModelForm):
    class Meta:
        model = Target
        fields = [
            "metric", "unit", "direction", "baseline_year", "baseline_value", "target_year",
            "target_value", "latest_year", "latest_value", "is_published",
        ]


class OtherCommitmentForm(ChoicesMixin, forms.ModelForm):
    area_key = forms.ChoiceField(label=_("Action area"))

    class Meta:
        model = OtherCommitment
        fields = ["area_key", "text", "is_published"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choice("area_key").choices = reference.area_choices()


class PathwayStepForm(forms.ModelForm):
    class Meta:
        model = PathwayStep
        fields = ["status", "notes", "is_published"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 6})}


class CommitmentChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.title)  # the taxonomy title in the reader's language


class ResourceForm(forms.ModelForm):
    link = forms.URLField(label=_("link"), required=False, max_length=500, assume_scheme="https")
    tags_text = forms.CharField(
        label=_("Tags"), required=False, max_length=500,
        help_text=_("Separate tags with commas, e.g. 湿地, wetlands."),
    )
    steps = forms.MultipleChoiceField(
        label=_("Nature Pathway steps"), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Resource
        fields = [
            "title", "kind", "language", "description", "file", "link", "tags_text", "steps",
            "commitments", "is_published",
        ]
        field_classes = {"commitments": CommitmentChoiceField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "commitments": forms.CheckboxSelectMultiple,
            "file": forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.upload_kind: Any = None
        steps = self.fields["steps"]
        assert isinstance(steps, forms.MultipleChoiceField)
        steps.choices = reference.step_choices()
        commitments = self.fields["commitments"]
        assert isinstance(commitments, forms.ModelMultipleChoiceField)
        commitments.queryset = Commitment.objects.filter(jurisdiction=self.instance.jurisdiction)
        self.fields["file"].help_text = _(
            "PDF, Word (.docx), Excel (.xlsx), CSV or an image (PNG, JPEG, GIF, WebP)."
        )
        if self.instance.pk:
            self.initial["tags_text"] = ", ".join(t.name for t in self.instance.tags.all())
            self.initial["steps"] = self.instance.step_keys

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            try:
                self.upload_kind = check_upload(upload, upload.name, upload.size)
            except UploadRejected as exc:
                raise forms.ValidationError(str(exc), code="invalid_upload") from exc
        return upload

    def clean_tags_text(self) -> list[str]:
        raw = self.cleaned_data.get("tags_text", "").replace("，", ",")
        names = [" ".join(t.split()) for t in raw.split(",")]
        return sorted({n[:50] for n in names if n})

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        has_file = bool(cleaned.get("file"))
        if not has_file and not cleaned.get("link") and not self.instance.from_report:
            self.add_error("file", _("Upload a file or give a link."))
        return cleaned

    def save(self, commit: bool = True) -> Resource:
        resource = super().save(commit=False)
        upload = self.cleaned_data.get("file")
        if self.upload_kind is not None and upload:
            resource.file_name = upload.name[:255]
            resource.content_type = self.upload_kind.content_type
            resource.size = upload.size
        elif not upload:
            resource.file_name, resource.content_type, resource.size = "", "", None
        resource.save()
        self.save_m2m()
        names = self.cleaned_data["tags_text"]
        resource.tags.set([Tag.objects.get_or_create(name=n)[0] for n in names])
        wanted = set(self.cleaned_data["steps"])
        resource.step_links.exclude(step_key__in=wanted).delete()
        for key in wanted - set(resource.step_keys):
            ResourceStep.objects.create(resource=resource, step_key=key)
        return resource
