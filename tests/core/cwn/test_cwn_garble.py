"""Garbled reports are refused: the real OCR report and synthetic mojibake of the clean one."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecotrack.core.cwn import ProfileReportError, parse_profile_report
from ecotrack.core.cwn.garble import assess_text

# First line of the description of "Maintain or increase the diversity of native species"
# (clean report, line 153).
DESCRIPTION_LINE = 153


def test_ocr_report_is_refused_naming_file_section_and_line(ocr_text: str) -> None:
    with pytest.raises(ProfileReportError) as caught:
        parse_profile_report(ocr_text, "cwn-profile-tongliao-ocr.txt")
    error = caught.value
    # Line 95 of the OCR report is the first line of capital-letter garbage where the
    # Chinese description of "Maintain or increase the diversity of native species" was.
    assert (error.source_name, error.section, error.line) == (
        "cwn-profile-tongliao-ocr.txt", "Action Platform", 95)
    message = str(error)
    assert message.startswith("cwn-profile-tongliao-ocr.txt, section 'Action Platform', line 95")
    assert "refusing to import" in message


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
