from __future__ import annotations

from django import template
from django.utils.translation import gettext_lazy as _

from ecotrack.core.targets import TargetKind
from ecotrack.plans import places

register = template.Library()

# What the target parser made of a target's text, in words a plan officer uses.
TARGET_KINDS = {
    TargetKind.NUMERIC: _("a number"),
    TargetKind.QUALITATIVE: _("in words (qualitative)"),
    TargetKind.REFERENCE: _("refers to the level above"),
    TargetKind.CUMULATIVE_CHANGE: _("change over the period"),
    TargetKind.NO_DATA: _("no target given"),
    TargetKind.COMPOUND: _("several conditions"),
    TargetKind.UNKNOWN: _("not understood"),
}


@register.filter
def place(text: str) -> str:
    """`{{ indicator.source_location|place }}`: where in the source, in the page's language."""
    return places.place_text(text or "")


@register.filter
def method(text: str) -> str:
    """`{{ obs.method|method }}`: an import method, in the page's language."""
    return places.method_text(text or "")


@register.filter
def target_kind(kind: TargetKind) -> str:
    """`{{ target.parsed.kind|target_kind }}`: what the parser read, in the page's language."""
    return str(TARGET_KINDS.get(kind, kind))
