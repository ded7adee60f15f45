"""The reference data files: shape, counts, keys and provenance."""

from __future__ import annotations

import re

from ecotrack.core.cwn import load_award_checklists, load_gbf_targets, load_pathway, load_taxonomy
from ecotrack.core.cwn.pathway import StepStatus

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def test_three_action_areas_and_thirteen_commitments() -> None:
    taxonomy = load_taxonomy()
    assert [a.title.en for a in taxonomy.areas] == [
        "Protect and restore nature", "Use nature sustainably", "Develop tools and solutions"]
    assert [len(a.commitments) for a in taxonomy.areas] == [5, 3, 5]
    assert len(taxonomy.commitments) == 13
    # The report shows 13 actions; no other source lists more.
    assert len(taxonomy.actions) == 13


def test_every_key_is_a_unique_slug() -> None:
    taxonomy = load_taxonomy()
    keys = ([a.key for a in taxonomy.areas] + [c.key for c in taxonomy.commitments]
            + [x.key for x in taxonomy.actions])
    assert all(SLUG.match(k) for k in keys), [k for k in keys if not SLUG.match(k)]
    assert len(keys) == len(set(keys))


def test_every_title_has_a_chinese_translation_and_provenance() -> None:
    taxonomy = load_taxonomy()
    titles = [x.title for x in taxonomy.areas] + [x.title for x in taxonomy.commitments] + [
        x.title for x in taxonomy.actions]
    assert all(re.search(r"[\u4e00-\u9fff]", t.zh) for t in titles)
    assert all(c.provenance.startswith("report") for c in taxonomy.commitments)
    assert "ecotrack translations" in taxonomy.provenance["titles_zh"]
    assert "ecotrack's own mapping" in taxonomy.provenance["gbf_targets"]


def test_commitments_map_to_existing_gbf_targets() -> None:
    targets = load_gbf_targets()
    assert [t.number for t in targets.targets] == list(range(1, 24))
    assert all(t.short_title.en and t.short_title.zh for t in targets.targets)
    for commitment in load_taxonomy().commitments:
        assert commitment.gbf_targets, commitment.key
        for number in commitment.gbf_targets + commitment.gbf_targets_related:
            targets.get(number)  # raises for a number outside 1-23
    # Spot checks of the mapping's intent (research note, section 2.3).
    by_key = {c.key: c for c in load_taxonomy().commitments}
    assert by_key["manage-invasive-alien-species"].gbf_targets == (6,)
    assert by_key["access-green-blue-spaces"].gbf_targets == (12,)


def test_nature_pathway_has_nine_steps_in_three_phases() -> None:
    pathway = load_pathway()
    assert [p.title.en for p in pathway.phases] == ["Analyze", "Act", "Accelerate"]
    assert [(s.number, s.title.en) for s in pathway.steps] == [
        (1, "Commit & mobilize"), (2, "Research & assess"), (3, "Set Baseline"),
        (4, "Develop strategy"), (5, "Detail & finance projects"), (6, "Implement & monitor"),
        (7, "Integrate & collaborate"), (8, "Review & upscale"), (9, "Advocate & inspire")]
    assert [len(p.steps) for p in pathway.phases] == [3, 3, 3]
    assert all(s.description.en and s.description.zh for s in pathway.steps)
    assert set(pathway.status_titles) == set(StepStatus)


def test_award_checklists_cover_four_modules_and_three_tiers() -> None:
    checklists = load_award_checklists()
    assert list(checklists.modules) == ["profile", "action_platform", "nature_pathway",
                                        "resources_hub"]
    for tiers in checklists.modules.values():
        assert list(tiers) == ["starter", "frontrunner", "star"]
        assert all(tiers.values())
    assert "ecotrack's own" in checklists.provenance["status"]
