"""The administrator's form for correcting one indicator's band table.

It shows the table as the site currently scores it (core data plus earlier corrections), one
row per band, and checks the edited table with the core's own loader, so a table with a gap,
an overlap or points out of order is refused with the loader's reason.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ecotrack.cbi.editions import check_correction
from ecotrack.cbi.models import BandCorrection, ProvenanceChoice
from ecotrack.core.cbi import Band, Indicator
from ecotrack.core.cbi.serialize import provenance_to_dict


def _decimal_text(value: Any) -> str:
    return format(Decimal(value.numerator) / Decimal(value.denominator), "f")


def band_to_data(kind: str, band: Band) -> dict[str, Any]:
    """A core band in the edition file's JSON shape."""
    data: dict[str, Any] = {"points": band.points, "text": band.text}
    if kind == "range":
        for side, bound in (("lower", band.lower), ("upper", band.upper)):
            data[side] = (
                None
                if bound is None
                else {"value": _decimal_text(bound.value), "inclusive": bound.inclusive}
            )
    elif kind == "steps":
        data["min"] = None if band.lower is None else int(band.lower.value)
        data["max"] = None if band.upper is None else int(band.upper.value)
    else:
        data["answer"] = band.answer
        data["text_zh"] = band.text_zh
    if band.note:
        data["note"] = band.note
    data["provenance"] = provenance_to_dict(band.provenance)
    return data


def _comparable(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in ("provenance", "note")}


class BandCorrectionForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for the correction"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Why the bands change, e.g. the page of the Handbook that says so."),
    )
    provenance_status = forms.ChoiceField(
        label=gettext_lazy("Provenance of the corrected bands"),
        choices=ProvenanceChoice.choices,
    )
    source = forms.CharField(
        label=gettext_lazy("Source of the corrected bands"),
        min_length=10,
        max_length=500,
        help_text=gettext_lazy("Where the new figures come from (document, page, table)."),
    )

    def __init__(self, *args: Any, edition_id: str, indicator: Indicator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.edition_id = edition_id
        self.indicator = indicator
        self.kind = indicator.band_kind
        self.current = [band_to_data(self.kind, b) for b in indicator.bands]
        self.rows: list[list[str]] = []
        for i, band in enumerate(self.current):
            row = [self._add(i, "points", self._points_field(), band["points"])]
            text_field = forms.CharField(label=_("Published text"))
            row.append(self._add(i, "text", text_field, band["text"]))
            if self.kind == "range":
                for side in ("lower", "upper"):
                    bound = band[side]
                    row.append(
                        self._add(
                            i,
                            side,
                            forms.CharField(
                                label=_("Lower edge") if side == "lower" else _("Upper edge"),
                                required=False,
                                help_text=_("Empty: no edge."),
                            ),
                            "" if bound is None else bound["value"],
                        )
                    )
                    row.append(
                        self._add(
                            i,
                            f"{side}_inclusive",
                            forms.BooleanField(label=_("inclusive"), required=False),
                            bool(bound and bound["inclusive"]),
                        )
                    )
            elif self.kind == "steps":
                for side, label in (("min", _("From")), ("max", _("To"))):
                    row.append(
                        self._add(
                            i,
                            side,
                            forms.IntegerField(
                                label=label, required=False, help_text=_("Empty: no edge.")
                            ),
                            band[side],
                        )
                    )
            else:
                row.append(
                    self._add(
                        i, "text_zh", forms.CharField(label=_("Text (Chinese)")), band["text_zh"]
                    )
                )
            self.rows.append(row)

    def _add(self, index: int, name: str, field: forms.Field, initial: Any) -> str:
        key = f"band{index}-{name}"
        self.fields[key] = field
        self.initial[key] = initial
        return key

    @staticmethod
    def _points_field() -> forms.Field:
        return forms.TypedChoiceField(
            label=_("Points"), choices=[(p, str(p)) for p in range(5)], coerce=int
        )

    def reason_fields(self) -> list[forms.BoundField]:
        return [self["reason"], self["provenance_status"], self["source"]]

    def band_rows(self) -> list[list[forms.BoundField]]:
        return [[self[name] for name in row] for row in self.rows]

    def _bound(self, index: int, side: str) -> dict[str, Any] | None:
        key = f"band{index}-{side}"
        text = (self.cleaned_data.get(key) or "").strip()
        if not text:
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            self.add_error(key, _("Enter a number such as 7.0."))
            return None
        if not value.is_finite():
            self.add_error(key, _("Enter a number such as 7.0."))
            return None
        return {
            "value": format(value, "f"),
            "inclusive": bool(self.cleaned_data.get(f"band{index}-{side}_inclusive")),
        }

    def _proposed_band(self, index: int, old: dict[str, Any]) -> dict[str, Any]:
        band: dict[str, Any] = {
            "points": self.cleaned_data.get(f"band{index}-points"),
            "text": self.cleaned_data.get(f"band{index}-text", ""),
        }
        if self.kind == "range":
            band["lower"] = self._bound(index, "lower")
            band["upper"] = self._bound(index, "upper")
        elif self.kind == "steps":
            band["min"] = self.cleaned_data.get(f"band{index}-min")
            band["max"] = self.cleaned_data.get(f"band{index}-max")
        else:
            band["answer"] = old["answer"]  # the answer keys are what stored inputs refer to
            band["text_zh"] = self.cleaned_data.get(f"band{index}-text_zh", "")
        return band

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.errors:
            return cleaned
        bands, changed = [], []
        reason = cleaned.get("reason", "").strip()
        for index, old in enumerate(self.current):
            band = self._proposed_band(index, old)
            if _comparable(band) != _comparable(old):
                changed.append(band["points"])
                band["note"] = _("Corrected: %(reason)s") % {"reason": reason}
                band["provenance"] = {
                    "status": cleaned.get("provenance_status"),
                    "source": cleaned.get("source", ""),
                }
            else:
                band["provenance"] = old["provenance"]
                if "note" in old:
                    band["note"] = old["note"]
            bands.append(band)
        if self.errors:
            return cleaned
        if not changed:
            raise forms.ValidationError(_("Nothing was changed in the bands."))
        issues = check_correction(self.edition_id, self.indicator.key, bands)
        if issues:
            raise forms.ValidationError([_("The corrected bands are not consistent:"), *issues])
        self.correction = BandCorrection(
            edition=self.edition_id,
            indicator_key=self.indicator.key,
            bands=bands,
            previous_bands=self.current,
            changed_points=sorted(changed),
            reason=reason,
            provenance_status=cleaned["provenance_status"],
            source=cleaned["source"],
        )
        return cleaned
