"""Garbled text: wrongly decoded reports are refused whole; from an OCR copy only what can be
trusted is kept, and each garbled text is named and left out."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecotrack.core.cwn import ProfileReportError, parse_profile_report
from ecotrack.core.cwn.garble import assess_text
from ecotrack.core.cwn.screening import UNRECOVERABLE

# First line of the description of "Maintain or increase the diversity of native species"
# (clean report, line 153).
DESCRIPTION_LINE = 153


# Which actions of the OCR copy are unrecoverable, decided by reading the file itself: under
# each of the 13 "Description of how city is taking action" markers, the OCR copy has text
# only twice, both times runs of capital Latin letters where the clean report has Chinese:
# lines 95-101 (under "Maintain or increase the diversity of native species", marker at line
# 93) and lines 112-114 (under "Control or eradicate invasive alien species ...", marker at
# line 110). Under the other 11 markers the next line is already the next title: the OCR lost
# their text altogether, so they have no description rather than a garbled one.
OCR_UNRECOVERABLE = {
    "Maintain or increase the diversity of native species": 95,
    "Control or eradicate invasive alien species and prevent their introduction": 112,
}


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def test_ocr_report_keeps_what_it_can_trust_and_names_unrecoverable_actions(
        ocr_text: str) -> None:
    report = parse_profile_report(ocr_text, "cwn-profile-tongliao-ocr.txt")
    unrecoverable = {a.title: a.description for a in report.actions if a.unrecoverable}
    assert set(unrecoverable) == set(OCR_UNRECOVERABLE)
    assert all(description is None for description in unrecoverable.values())
    warned = {w.line: w.message for w in report.warnings if UNRECOVERABLE in w.message}
    for title, line in OCR_UNRECOVERABLE.items():
        assert f"action '{title}': {UNRECOVERABLE}" in warned[line]
    # Trusted: every commitment and action title maps to the taxonomy (template English).
    assert len(report.commitments) == 13 and all(c.key for c in report.commitments)
    assert len(report.actions) == 13 and all(a.key for a in report.actions)
    assert [s.number for s in report.pathway] == list(range(1, 10))
    assert (report.cbi.status, report.cbi.total_max) == ("not_started", 112)
    assert report.profile.city_name == "Tongliao City"
    # No text of the OCR copy's Chinese survives, garbled or not.
    assert not any(a.description for a in report.actions)
    assert report.profile.about is None


def test_nothing_garbled_reaches_the_json_of_the_ocr_report(ocr_text: str) -> None:
    data = parse_profile_report(ocr_text, "cwn-profile-tongliao-ocr.txt").to_dict()
    garbage = [ln for ln in ocr_text.splitlines() if assess_text(ln).garbled]
    assert len(garbage) >= 5  # the test would prove nothing if the copy had no garbage
    texts = _strings({k: v for k, v in data.items() if k != "warnings"})
    assert not [t for t in texts if assess_text(t).garbled]
    dumped = json.dumps(data, ensure_ascii=False)
    assert not [ln for ln in garbage if ln.strip()[:20] in dumped]


def test_one_garbled_description_in_a_clean_report_costs_only_that_description(
        clean_text: str, ocr_text: str) -> None:
    ocr_garbage = ocr_text.splitlines()[94]  # line 95
    damaged = _garble_line(clean_text, DESCRIPTION_LINE, lambda _: ocr_garbage)
    report = parse_profile_report(damaged, "damaged.txt")
    lost = [a for a in report.actions if a.unrecoverable]
    assert [a.key for a in lost] == ["maintain-increase-native-species-diversity"]
    assert sum(1 for a in report.actions if a.description) == 12
    assert report.profile.about is not None and report.profile.population == 2807000


def test_a_report_with_nothing_to_trust_is_refused(ocr_text: str) -> None:
    garbage = [ln for ln in ocr_text.splitlines() if assess_text(ln).garbled]
    text = "\n".join(["The Action Platform", "", "Description of how city is taking action",
                      *garbage, "This document contains information shared by this city."])
    with pytest.raises(ProfileReportError, match="nothing in the report can be trusted"):
        parse_profile_report(text, "garbage.txt")


def _garble_line(text: str, number: int, garble: object) -> str:
    lines = text.splitlines()
    lines[number - 1] = garble(lines[number - 1])  # type: ignore[operator]
    return "\n".join(lines)


@pytest.mark.parametrize("codec", ["latin-1", "cp1252", "gbk"])
def test_utf8_decoded_with_the_wrong_codec_is_refused(clean_text: str, codec: str) -> None:
    def mojibake(line: str) -> str:
        return line.encode("utf-8").decode(codec, errors="replace")

    garbled = _garble_line(clean_text, DESCRIPTION_LINE, mojibake)
    with pytest.raises(ProfileReportError) as caught:
        parse_profile_report(garbled, "mojibake.txt")
    assert (caught.value.section, caught.value.line) == ("Action Platform", DESCRIPTION_LINE)


def test_whole_report_decoded_as_latin1_is_refused_at_the_about_text(clean_text: str) -> None:
    garbled = clean_text.encode("utf-8").decode("latin-1")
    with pytest.raises(ProfileReportError) as caught:
        parse_profile_report(garbled, "latin1.txt")
    assert (caught.value.section, caught.value.line) == ("Profile overview", 12)


def test_gbk_mojibake_without_replacement_characters_is_caught_by_rarity(clean_text: str) -> None:
    # errors="ignore" leaves no U+FFFD: only the rare-character score can tell.
    line = clean_text.splitlines()[DESCRIPTION_LINE - 1]
    garbled = line.encode("utf-8").decode("gbk", errors="ignore")
    assert "\ufffd" not in garbled
    quality = assess_text(garbled)
    assert quality.garbled and "rare" in quality.reason


def test_cp1252_mojibake_is_recognised_by_its_byte_pairs() -> None:
    # "é€šè¾½å¸‚" is 通辽市 as UTF-8 read as cp1252; strict decoding of a longer Chinese text
    # fails on undefined bytes, so use characters whose bytes cp1252 all defines.
    text = "通辽市" * 5
    garbled = text.encode("utf-8").decode("cp1252", errors="ignore")
    quality = assess_text(garbled)
    assert quality.garbled


def test_clean_texts_pass(clean_text: str) -> None:
    assert not assess_text(clean_text).garbled
    english = ("The city has engaged with the Nature Pathway to integrate nature throughout "
               "their city's plans, policies and operations. We restore wetlands and rivers.")
    assert not assess_text(english).garbled
    assert not assess_text(english.upper()).garbled  # shouting is not garbage


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_slice_of_the_clean_chinese_passes(clean_text: str, data: st.DataObject) -> None:
    lines = [ln for ln in clean_text.splitlines() if len(ln) > 30]
    line = data.draw(st.sampled_from(lines))
    start = data.draw(st.integers(0, len(line) - 20))
    assert not assess_text(line[start:]).garbled


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_chinese_line_turned_to_gbk_mojibake_is_caught(clean_text: str,
                                                           data: st.DataObject) -> None:
    lines = [ln for ln in clean_text.splitlines()
             if sum("\u4e00" <= c <= "\u9fff" for c in ln) >= 30]
    line = data.draw(st.sampled_from(lines))
    errors = data.draw(st.sampled_from(["replace", "ignore"]))
    assert assess_text(line.encode("utf-8").decode("gbk", errors=errors)).garbled
