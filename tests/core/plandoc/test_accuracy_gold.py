"""Accuracy against the hand-checked gold tables (scoring rule: see gold.py's docstring).

Run `pytest tests/core/plandoc/test_accuracy_gold.py -s` to see the score per plan.
"""

from __future__ import annotations

import pytest

from ecotrack.core.plandoc import parse_plan

from .conftest import DOCUMENTS, GOLD, REFERENCE_PLANS
from .gold import data_year_mentions, footnote_mentions, load_gold, score_plan

MIN_CELL_ACCURACY = 98.0


@pytest.mark.parametrize("plan", sorted(REFERENCE_PLANS))
def test_cells_match_gold(plan: str, capsys: pytest.CaptureFixture[str]) -> None:
    document, gold_csv = REFERENCE_PLANS[plan]
    parsed = parse_plan(DOCUMENTS / document)
    gold = load_gold(GOLD / gold_csv)
    score = score_plan(parsed, gold)
    with capsys.disabled():
        print(
            f"\n[plandoc accuracy] {plan}: {score.right}/{score.total} cells right "
            f"= {score.percent:.2f}% ({score.ambiguous_right} in ambiguous cells; "
            f"{score.via_alternative} right via the merged-cell/alternative reading)"
        )
        for line in score.wrong:
            print(f"[plandoc accuracy]   wrong: {line}")
    assert len(parsed.indicators) == len(gold)
    assert score.percent >= MIN_CELL_ACCURACY, score.wrong


@pytest.mark.parametrize("plan", sorted(REFERENCE_PLANS))
def test_footnotes_cited_by_gold_are_attached(
    plan: str, capsys: pytest.CaptureFixture[str]
) -> None:
    document, gold_csv = REFERENCE_PLANS[plan]
    parsed = parse_plan(DOCUMENTS / document)
    cited = footnote_mentions(load_gold(GOLD / gold_csv))
    if not cited:
        pytest.skip("the gold notes cite no numbered footnotes")
    by_seq = {str(i.seq): i for i in parsed.indicators}
    hits = [
        (seq, n)
        for seq, n in cited
        if seq in by_seq and any(note.startswith(f"{n}.") for note in by_seq[seq].notes)
    ]
    missed = sorted(set(cited) - set(hits))
    with capsys.disabled():
        print(f"\n[plandoc footnotes] {plan}: {len(hits)}/{len(cited)} cited footnotes attached")
        for seq, n in missed:
            print(f"[plandoc footnotes]   missed: seq {seq} footnote {n}")
    assert len(hits) / len(cited) >= 0.8


@pytest.mark.parametrize("plan", sorted(REFERENCE_PLANS))
def test_data_years_from_marks_and_footnotes(plan: str) -> None:
    document, gold_csv = REFERENCE_PLANS[plan]
    parsed = parse_plan(DOCUMENTS / document)
    expected = data_year_mentions(load_gold(GOLD / gold_csv))
    assert expected, "gold notes name values of another year"
    for seq, sub, year in expected:
        ind = next(
            i for i in parsed.indicators if str(i.seq) == seq and (i.sub_name or "") == (sub or "")
        )
        assert ind.baseline is not None
        assert ind.baseline.data_year == year, (seq, sub, ind.baseline)
