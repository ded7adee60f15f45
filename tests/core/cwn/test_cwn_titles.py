"""Every commitment and action title printed in the Tongliao report maps onto the taxonomy.

The titles are pulled out of the report here with a few lines of independent code (the
paragraph after "Commitment Made:" / before "Description of how city is taking action"),
not with the parser under test.
"""

from __future__ import annotations

import pytest

from ecotrack.core.cwn import load_taxonomy
from ecotrack.core.cwn.titles import normalize_title, squeeze_title

MARKER = "Description of how city is taking action"


def _paragraphs(text: str) -> list[str]:
    paras, current = [], []
    for line in text.splitlines():
        if line.strip():
            current.append(line.strip())
        elif current:
            paras.append(" ".join(current))
            current = []
    if current:
        paras.append(" ".join(current))
    return paras


def test_every_action_title_in_the_report_maps_to_the_taxonomy(clean_text: str) -> None:
    paras = _paragraphs(clean_text)
    titles = [paras[i - 1] for i, p in enumerate(paras) if p == MARKER]
    assert len(titles) == 13  # the report's "13 Actions made on the Action Platform"
    taxonomy = load_taxonomy()
    unmapped = [t for t in titles if taxonomy.match(t, "action") is None]
    assert unmapped == []
    assert len({taxonomy.match(t, "action").key for t in titles}) == 13  # type: ignore[union-attr]


def test_every_commitment_title_in_the_report_maps_to_the_taxonomy(clean_text: str) -> None:
    lines = [ln.strip() for ln in clean_text.splitlines()]
    titles = [lines[i + 1] for i, ln in enumerate(lines) if ln == "Commitment Made:"]
    assert len(titles) == 13
    taxonomy = load_taxonomy()
    keys = [taxonomy.match(t, "commitment") for t in titles]
    assert None not in keys
    assert {m.key for m in keys if m} == {c.key for c in taxonomy.commitments}


def test_taxonomy_titles_are_verbatim_report_text(clean_text: str) -> None:
    # Exact wording (case, curly apostrophe, final full stop) once line breaks are joined.
    flat = " ".join(clean_text.split())
    taxonomy = load_taxonomy()
    titles = [c.title.en for c in taxonomy.commitments] + [a.title.en for a in taxonomy.actions]
    for title in titles:
        assert title in flat, title


@pytest.mark.parametrize("variant", [
    "Reduce water pollution by biocides and excess nutrients from domestic and industrial "
    "sources to protect ecosystems\nand people’s health.",
    "reduce water pollution by biocides and excess nutrients from domestic and industrial "
    "sources to protect ecosystems and people's health",
    "Reduce  water pollution by biocides and excess nutrients from domestic and industrial\n"
    "sources to protect ecosystems and people’s  health",
])
def test_matching_tolerates_line_breaks_spacing_case_and_quotes(variant: str) -> None:
    match = load_taxonomy().match(variant, "action")
    assert match is not None and match.key == "reduce-water-pollution-biocides-nutrients"


def test_matching_tolerates_lost_spaces_and_hyphen_breaks() -> None:
    taxonomy = load_taxonomy()
    assert taxonomy.match("Manageinvasive alien species", "commitment") is not None
    assert normalize_title("biodiversity-\nrelated") == normalize_title("biodiversity-related")
    assert squeeze_title("Control  Pollution.") == "controlpollution"


def test_an_unknown_title_does_not_match() -> None:
    assert load_taxonomy().match("Plant a million trees", "action") is None
    # A commitment title is not an action title.
    assert load_taxonomy().match("Control Pollution", "action") is None
