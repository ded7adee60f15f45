from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from ecotrack.nature import richtext

register = template.Library()


@register.filter
def description(text: str) -> SafeString:
    """`{{ action.description|description }}`: paragraphs and lists, everything escaped."""
    return richtext.render(text or "")
