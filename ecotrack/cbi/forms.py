"""Forms: starting an assessment, Part I (profile), and Part II per core component.

The Part II form is generated from the edition's input definitions. It does not judge the
numbers itself: it hands them to the core, and maps each `CBIInputError` problem back to the
form field it names, so the rules (negative areas, part larger than whole, zero denominators,
non-whole counts) live in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from ecotrack.cbi.models import (
    FIRST_DATA_YEAR,
    PROFILE_SECTIONS,
    Assessment,
    IndicatorEntry,
    last_data_year,
)
from ecotrack.cbi.scoring import assessment_inputs
from ecotrack.core.cbi import CBIInputError, Edition, Indicator, InputField, Problem
from ecotrack.core.cbi import score_assessment as core_score
from ecotrack.places.models import Jurisdiction, localized

META_FIELDS = ("data_year", "source", "evidence_url", "evidence_file", "notes")
# Per input: its own data year and source; empty means the indicator's (META_FIELDS above).
PROVENANCE_PARTS = ("year", "source")
# Inputs that are years themselves (survey years) carry no data year of their own.
NO_PROVENANCE_KINDS = frozenset({"year"})
EVIDENCE_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "csv", "txt", "jpg", "jpeg", "png"]
MAX_EVIDENCE_BYTES = 20 * 1024 * 1024
ITEM = re.compile(r"^(?P<base>[a-z_0-9]+)\[(?P<index>\d+)\](?:\.(?P<sub>[a-z_]+))?$")
# Columns of a taxonomic-group line, named as the field's help text names them, so a problem in
# "birds, 10, -1" reads "Line 2, invasive alien species" rather than the core's key.
TAXON_COLUMNS = {
    "group": gettext_lazy("group name"),
    "native_species": gettext_lazy("native species"),
    "invasive_species": gettext_lazy("invasive alien species"),
}


def _zh() -> bool:
    return (get_language() or "").lower().startswith("zh")


class StartAssessmentForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = ["year", "edition"]

    def __init__(self, *args: Any, jurisdiction: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction

    def clean_year(self) -> int:
        year: int = self.cleaned_data["year"]
        if Assessment.objects.filter(jurisdiction=self.jurisdiction, year=year).exists():
            raise forms.ValidationError(
                _("%(place)s already has an assessment for %(year)s."),
                params={"place": self.jurisdiction.name, "year": year},
            )
        return year


class ProfileForm(forms.ModelForm):
    """Part I of the index: the profile of the city, in the city's own words."""

    class Meta:
        model = Assessment
        fields = [name for name, _label, _help in PROFILE_SECTIONS]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name, _l, _h in PROFILE_SECTIONS}
        help_texts = {name: help_text for name, _label, help_text in PROFILE_SECTIONS}


def _parse_list(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[\n;；]+", text) if part.strip()]


def _format_groups(groups: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{g.get('group', '')}, {g.get('native_species', '')}, {g.get('invasive_species', '')}"
        for g in groups
    )


@dataclass
class InputRow:
    """One raw input on the form: its value field and, for most kinds, its year and source."""

    value: forms.BoundField
    year: forms.BoundField | None = None
    source: forms.BoundField | None = None

    @property
    def fields(self) -> list[forms.BoundField]:
        return [f for f in (self.value, self.year, self.source) if f is not None]


@dataclass
class IndicatorFieldset:
    """What the template shows for one indicator: its input and meta fields, and its errors."""

    indicator: Indicator
    inputs: list[InputRow]
    meta: list[forms.BoundField]
    errors: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return localized(self.indicator.name_zh, self.indicator.name)

    @property
    def provisional(self) -> bool:
        return self.indicator.provenance.is_provisional or self.indicator.bands_provisional

    @property
    def meta_open(self) -> bool:
        """Show the metadata fields unfolded when they hold something or an error."""
        return any(f.errors or f.value() for f in self.meta)


def has_provenance(f: InputField) -> bool:
    return f.kind not in NO_PROVENANCE_KINDS


def _input_label(f: InputField) -> str:
    return localized(f.label_zh, f.label)


class ComponentForm(forms.Form):
    """Part II inputs of every indicator in one core component, each with an optional data year
    and source of its own, plus the indicator's data year and source (the inputs' default),
    evidence and notes. An indicator with no input filled in stays unanswered."""

    def __init__(
        self,
        *args: Any,
        assessment: Assessment,
        edition: Edition,
        component: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.assessment = assessment
        self.edition = edition
        self.component = edition.component(component)
        self.indicators = [edition.indicator(k) for k in self.component.indicator_keys]
        self.entries = {e.indicator_key: e for e in assessment.entries.all()}
        self.indicator_errors: dict[str, list[str]] = {}
        for indicator in self.indicators:
            entry = self.entries.get(indicator.key)
            for input_field in indicator.inputs:
                name = self.field_name(indicator, input_field.name)
                self.fields[name] = self._input_field(indicator, input_field)
                if entry is not None and input_field.name in entry.inputs:
                    self.initial[name] = self._initial(input_field, entry.inputs[input_field.name])
                if not has_provenance(input_field):
                    continue
                own = (entry.input_provenance.get(input_field.name) if entry else None) or {}
                for part in PROVENANCE_PARTS:
                    part_name = self.provenance_name(indicator, input_field.name, part)
                    self.fields[part_name] = self._provenance_field(input_field, part)
                    if own.get(part) is not None:
                        self.initial[part_name] = own[part]
            for name, meta_field in self._meta_fields().items():
                self.fields[self.field_name(indicator, name)] = meta_field
                if entry is not None:
                    self.initial[self.field_name(indicator, name)] = getattr(entry, name)

    @staticmethod
    def field_name(indicator: Indicator, name: str) -> str:
        return f"{indicator.key}-{name}"

    @staticmethod
    def provenance_name(indicator: Indicator, name: str, part: str) -> str:
        """`natural_areas-natural_area_ha-year`: an input's own data year (or source)."""
        return f"{indicator.key}-{name}-{part}"

    # Building fields -------------------------------------------------------------------------

    def _input_field(self, indicator: Indicator, f: InputField) -> forms.Field:
        label = localized(f.label_zh, f.label)
        unit = f" ({f.unit})" if f.unit and f.kind not in ("answer", "text", "year") else ""
        if f.kind == "answer":
            choices = [("", "—")] + [
                (b.answer, localized(b.text_zh, b.text)) for b in indicator.bands if b.answer
            ]
            return forms.ChoiceField(label=label, choices=choices, required=False)
        if f.kind == "area_list":
            return forms.CharField(
                label=f"{label}{unit}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=gettext_lazy("One area per line."),
            )
        if f.kind == "taxon_groups":
            return forms.CharField(
                label=label,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=gettext_lazy(
                    "One group per line: name, native species, invasive alien species "
                    "(e.g. birds, 95, 5)."
                ),
            )
        if f.kind == "text":
            return forms.CharField(label=label, required=False, max_length=200)
        # Numbers stay text here: the core reads them exactly and judges them (sign, whole, …).
        return forms.CharField(
            label=f"{label}{unit}",
            required=False,
            max_length=40,
            widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        )

    @staticmethod
    def _provenance_field(f: InputField, part: str) -> forms.Field:
        # Labels name the input, so a screen reader and the error list say whose year it is.
        if part == "year":
            return forms.IntegerField(
                label=_("Data year of “%(input)s”") % {"input": _input_label(f)},
                required=False,
                widget=forms.NumberInput(attrs={"class": "cbi-year", "autocomplete": "off"}),
            )
        return forms.CharField(
            label=_("Source of “%(input)s”") % {"input": _input_label(f)},
            required=False,
            max_length=300,
        )

    @staticmethod
    def _meta_fields() -> dict[str, forms.Field]:
        return {
            "data_year": forms.IntegerField(
                label=gettext_lazy("Data year (default for the inputs)"),
                required=False,
                widget=forms.NumberInput(attrs={"class": "cbi-year", "autocomplete": "off"}),
            ),
            "source": forms.CharField(
                label=gettext_lazy("Source (default for the inputs)"),
                required=False,
                max_length=300,
            ),
            "evidence_url": forms.URLField(
                label=gettext_lazy("Evidence link"), required=False, assume_scheme="https"
            ),
            "evidence_file": forms.FileField(
                label=gettext_lazy("Evidence file"),
                required=False,
                widget=forms.ClearableFileInput,
                validators=[FileExtensionValidator(EVIDENCE_EXTENSIONS)],
            ),
            "notes": forms.CharField(
                label=gettext_lazy("Notes"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            ),
        }

    @staticmethod
    def _initial(f: InputField, stored: Any) -> Any:
        if f.kind == "area_list":
            return "\n".join(str(v) for v in stored)
        if f.kind == "taxon_groups":
            return _format_groups(stored)
        return stored

    # Reading and checking ---------------------------------------------------------------------

    def fieldsets(self) -> list[IndicatorFieldset]:
        return [
            IndicatorFieldset(
                indicator=i,
                inputs=[self._input_row(i, f) for f in i.inputs],
                meta=[self[self.field_name(i, name)] for name in META_FIELDS],
                errors=self.indicator_errors.get(i.key, []),
            )
            for i in self.indicators
        ]

    def _input_row(self, indicator: Indicator, f: InputField) -> InputRow:
        if not has_provenance(f):
            return InputRow(self[self.field_name(indicator, f.name)])
        return InputRow(
            self[self.field_name(indicator, f.name)],
            self[self.provenance_name(indicator, f.name, "year")],
            self[self.provenance_name(indicator, f.name, "source")],
        )

    def _check_year(self, name: str, label: str, cleaned: dict[str, Any]) -> None:
        year = cleaned.get(name)
        if year is not None and not FIRST_DATA_YEAR <= year <= last_data_year():
            self.add_error(
                name,
                _("%(field)s must be between %(first)s and %(last)s, got %(year)s.")
                % {
                    "field": label,
                    "first": FIRST_DATA_YEAR,
                    "last": last_data_year(),
                    "year": year,
                },
            )

    def _clean_provenance(self, indicator: Indicator, cleaned: dict[str, Any]) -> None:
        """Years in range, named by their field; no year or source for an input left empty."""
        self._check_year(
            self.field_name(indicator, "data_year"),
            _("Data year of indicator %(number)s") % {"number": indicator.number},
            cleaned,
        )
        for f in indicator.inputs:
            if not has_provenance(f):
                continue
            year_name = self.provenance_name(indicator, f.name, "year")
            self._check_year(year_name, str(self.fields[year_name].label), cleaned)
            given = [
                p
                for p in PROVENANCE_PARTS
                if cleaned.get(self.provenance_name(indicator, f.name, p)) not in (None, "")
            ]
            value = (cleaned.get(self.field_name(indicator, f.name)) or "").strip()
            if given and not value and not self.has_error(self.field_name(indicator, f.name)):
                self.add_error(
                    self.provenance_name(indicator, f.name, given[0]),
                    _("“%(input)s” has no value: enter it, or clear its data year and source.")
                    % {"input": _input_label(f)},
                )

    def stored_provenance(self, indicator: Indicator) -> dict[str, dict[str, Any]]:
        """The indicator's per-input year and source as stored (only what was given)."""
        cleaned = self.cleaned_data
        result: dict[str, dict[str, Any]] = {}
        for f in indicator.inputs:
            if not has_provenance(f) or f.name not in self.stored_inputs[indicator.key]:
                continue
            year = cleaned.get(self.provenance_name(indicator, f.name, "year"))
            source = (cleaned.get(self.provenance_name(indicator, f.name, "source")) or "").strip()
            own: dict[str, Any] = {}
            if year is not None:
                own["year"] = year
            if source:
                own["source"] = source
            if own:
                result[f.name] = own
        return result

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for indicator in self.indicators:
            self._clean_provenance(indicator, cleaned)
            upload = cleaned.get(self.field_name(indicator, "evidence_file"))
            if upload and getattr(upload, "size", 0) > MAX_EVIDENCE_BYTES:
                self.add_error(
                    self.field_name(indicator, "evidence_file"),
                    _("The file is larger than 20 MB."),
                )
        stored = {i.key: self._stored_inputs(i, cleaned) for i in self.indicators}
        self.stored_inputs = stored
        # Score the whole assessment as it would be after saving: other components' entries as
        # they are, this component's as entered (except indicators that could not be read).
        others = [e for k, e in self.entries.items() if k not in stored]
        inputs = assessment_inputs(self.edition, others)
        for indicator in self.indicators:
            unreadable = any(
                self.has_error(self.field_name(indicator, f.name)) for f in indicator.inputs
            )
            if stored[indicator.key] and not unreadable:
                probe = IndicatorEntry(indicator_key=indicator.key, inputs=stored[indicator.key])
                inputs.update(assessment_inputs(self.edition, [probe]))
        try:
            core_score(self.edition, inputs)
        except CBIInputError as error:
            for problem in error.problems:
                self._add_problem(problem)
        return cleaned

    def _stored_inputs(self, indicator: Indicator, cleaned: dict[str, Any]) -> dict[str, Any]:
        """The indicator's non-empty inputs as they will be stored (numbers as decimal text)."""
        result: dict[str, Any] = {}
        for f in indicator.inputs:
            name = self.field_name(indicator, f.name)
            text = (cleaned.get(name) or "").strip()
            if not text:
                continue
            if f.kind == "area_list":
                result[f.name] = _parse_list(text.replace(",", "\n").replace("，", "\n"))
            elif f.kind == "taxon_groups":
                groups = self._parse_groups(name, text)
                if groups is not None:
                    result[f.name] = groups
            else:
                result[f.name] = text
        return result

    def _parse_groups(self, name: str, text: str) -> list[dict[str, str]] | None:
        groups = []
        for number, line in enumerate(_parse_list(text), start=1):
            parts = [p.strip() for p in re.split(r"[,，\t]", line)]
            if len(parts) != 3 or not parts[0]:
                self.add_error(
                    name,
                    _(
                        "Line %(line)s: write the group name, native species and invasive "
                        "alien species, separated by commas."
                    )
                    % {"line": number},
                )
                return None
            groups.append(
                {"group": parts[0], "native_species": parts[1], "invasive_species": parts[2]}
            )
        return groups

    def _add_problem(self, problem: Problem) -> None:
        """Attach a core problem to the form field it names, in the reader's language."""
        indicator = next((i for i in self.indicators if i.key == problem.indicator), None)
        message = problem.message_zh if _zh() and problem.message_zh else problem.message
        if indicator is None:  # not in this component: cannot happen for stored valid data
            self.add_error(None, f"{problem.path}: {message}")
            return
        message = self._with_labels(indicator, message)
        field_name, where = problem.field, ""
        match = ITEM.match(problem.field)
        if match:
            field_name = match["base"]
            where = _("Line %(line)s") % {"line": int(match["index"]) + 1}
            if match["sub"]:
                where = f"{where}, {TAXON_COLUMNS.get(match['sub'], match['sub'])}"
        if field_name in indicator.field_names:
            text = f"{where}: {message}" if where else message
            self.add_error(self.field_name(indicator, field_name), text)
        else:
            self.indicator_errors.setdefault(indicator.key, []).append(message)
            name = localized(indicator.name_zh, indicator.name)
            self.add_error(None, f"{indicator.number}. {name}: {message}")

    @staticmethod
    def _with_labels(indicator: Indicator, message: str) -> str:
        """Core messages name fields by key ("city_area_ha"); people read labels."""
        # Only snake_case names: plain words such as "answer" also occur in the prose.
        names = [f for f in indicator.inputs if "_" in f.name]
        for f in sorted(names, key=lambda f: len(f.name), reverse=True):
            message = message.replace(f.name, f"“{localized(f.label_zh, f.label)}”")
        return message

    def error_summary(self) -> list[tuple[str, str, str]]:
        """(field id, label with indicator number, message) for the list at the top of the page."""
        rows = []
        for indicator in self.indicators:
            names = []
            for f in indicator.inputs:
                names.append(self.field_name(indicator, f.name))
                if has_provenance(f):
                    names += [self.provenance_name(indicator, f.name, p) for p in PROVENANCE_PARTS]
            names += [self.field_name(indicator, name) for name in META_FIELDS]
            for name in names:
                bound = self[name]
                for error in bound.errors:
                    rows.append(
                        (bound.id_for_label, f"{indicator.number}. {bound.label}", str(error))
                    )
        return rows
