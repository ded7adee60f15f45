"""The interface language a report is written in (`--lang zh-hans|en`)."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


def resolve_language(requested: str | None) -> str:
    """The requested language if it is one of ours, else the active (or default) one."""
    if requested:
        code = requested.lower().replace("_", "-")
        if code in ("zh", "zh-cn", "zh-hans"):
            return "zh-hans"
        if code in LANGUAGE_CODES:
            return code
        raise ValueError(f"unknown language {requested!r}: use one of {', '.join(LANGUAGE_CODES)}")
    active = translation.get_language() or settings.LANGUAGE_CODE
    return "zh-hans" if active.lower().startswith("zh") else active


def html_lang(code: str) -> str:
    """BCP 47 tag for the `lang` attribute (the CJK font choice in browsers depends on it)."""
    return "zh-Hans" if code == "zh-hans" else code
