"""Action descriptions: plain text with paragraphs and "- " lists, rendered to safe HTML.

Cities paste text from Word documents and PDFs; storing it as plain text (never HTML) means
nothing they paste can run in a reader's browser. Rendering escapes every character first and
only then adds <p>, <ul>/<li> and <br> from the text's own structure.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def normalize(text: str) -> str:
    """Unify line endings and trim trailing spaces, so equal texts compare equal."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def render(text: str) -> SafeString:
    blocks = [b for b in normalize(text).split("\n\n") if b.strip()]
    html = []
    for block in blocks:
        lines = [line for line in block.split("\n") if line.strip()]
        if all(line.lstrip().startswith("- ") for line in lines):
            items = "".join(f"<li>{escape(line.lstrip()[2:].strip())}</li>" for line in lines)
            html.append(f"<ul>{items}</ul>")
        else:
            html.append("<p>" + "<br>".join(escape(line) for line in lines) + "</p>")
    return mark_safe("".join(html))  # noqa: S308 -- every piece of text was escaped above
