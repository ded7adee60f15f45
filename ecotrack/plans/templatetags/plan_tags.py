from __future__ import annotations

from django import template

from ecotrack.plans import places

register = template.Library()


@register.filter
def place(text: str) -> str:
    """`{{ indicator.source_location|place }}`: where in the source, in the page's language."""
    return places.place_text(text or "")


@register.filter
def method(text: str) -> str:
    """`{{ obs.method|method }}`: an import method, in the page's language."""
    return places.method_text(text or "")
