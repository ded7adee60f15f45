"""``parse_target``: read a plan table cell into a :class:`ParsedTarget`.

The parser works on the normalised text (see :mod:`.text`) in three steps:

1. whole-cell checks (empty / dash-only cells are ``NO_DATA``);
2. split the cell into clauses at top-level ``;`` and ``,`` (commas inside
   parentheses belong to a note, commas between digits to a number);
3. read each clause: trailing parenthetical notes and marks come off first,
   then the clause is tried as a cumulative change, a reference to a higher
   level, a number with comparator, a qualitative state, and finally as
   "number followed by a predicate" (``全区13个达到国家目标要求``).

Nothing here is keyed to one document: the vocabularies are general Chinese
plan wording, and what a plan's footnotes define (marks, the meaning of
``()``) comes in through :class:`ParseContext`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ecotrack.core.targets.model import (
    ChangeSense,
    Comparator,
    GovLevel,
    ParseContext,
    ParsedTarget,
    TargetKind,
)
from ecotrack.core.targets.text import DASHES, normalise
from ecotrack.core.targets.vocabulary import load_states

_NUM = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"

# Marks that footnotes attach to values: *, #, ※, circled digits, daggers…
_MARK_CHARS = "*#※△▲☆★†‡§" + "".join(chr(cp) for cp in range(0x2460, 0x2474))
_MARKS = f"[{re.escape(_MARK_CHARS)}]"

_NO_DATA_WORDS = frozenset(
    {"", "无", "暂无", "/", "\\", "N/A", "NA", "n/a", "不适用", "未核定", "无数据", "空"}
)

# Units seen in plan tables; a magnitude prefix (万, 亿…) and an "and more"
# marker (万多公顷) may stand in front. Longest first so 吨标准煤/万元 beats 吨.
_UNITS = sorted(
    [
        "%", "‰", "个百分点", "百分点", "个", "项", "处", "座", "条", "家", "户", "人", "人次",
        "天", "年", "次", "起/每万枚", "起", "倍", "km2", "平方公里", "平方千米", "公顷",
        "亩", "吨", "吨标煤", "吨标准煤", "吨标准煤/万元", "吨/万元", "立方米", "立方米/万元",
        "m3", "m3/万元", "μg/m3", "ug/m3", "mg/m3", "mg/L", "微克/立方米", "毫克/立方米",
        "毫克/升", "元", "亿元", "万元", "千瓦时", "kWh", "kW", "米", "m", "km", "公里",
        "平方米", "m2", "分", "dB", "dB(A)", "分贝", "辆", "台", "套", "所",
    ],
    key=len,
    reverse=True,
)
_UNIT_RE = "|".join(re.escape(unit) for unit in _UNITS)

_PREFIX_WORDS: dict[str, Comparator] = {
    "≥": Comparator.GE,
    "≤": Comparator.LE,
    ">": Comparator.GT,
    "<": Comparator.LT,
    "=": Comparator.EQ,
    "不低于": Comparator.GE,
    "不少于": Comparator.GE,
    "不小于": Comparator.GE,
    "大于等于": Comparator.GE,
    "大于或等于": Comparator.GE,
    "不高于": Comparator.LE,
    "不超过": Comparator.LE,
    "不大于": Comparator.LE,
    "不多于": Comparator.LE,
    "小于等于": Comparator.LE,
    "小于或等于": Comparator.LE,
    "控制在": Comparator.LE,
    "高于": Comparator.GT,
    "大于": Comparator.GT,
    "超过": Comparator.GT,
    "多于": Comparator.GT,
    "低于": Comparator.LT,
    "小于": Comparator.LT,
    "少于": Comparator.LT,
    "达到": Comparator.AT,
    "提高到": Comparator.AT,
    "提升到": Comparator.AT,
    "提高至": Comparator.AT,
    "提升至": Comparator.AT,
    "降低到": Comparator.AT,
    "降低至": Comparator.AT,
    "下降到": Comparator.AT,
    "下降至": Comparator.AT,
    "为": Comparator.AT,
    "稳定在": Comparator.STABLE_AT,
    "保持在": Comparator.STABLE_AT,
    "维持在": Comparator.STABLE_AT,
    "稳定保持在": Comparator.STABLE_AT,
    "保持": Comparator.STABLE_AT,
}
_SUFFIX_WORDS: dict[str, Comparator] = {
    "及以上": Comparator.GE,
    "以上": Comparator.GE,
    "及以下": Comparator.LE,
    "以下": Comparator.LE,
    "以内": Comparator.LE,
    "左右": Comparator.APPROX,
    "上下": Comparator.APPROX,
}


def _alternation(words: Iterable[str]) -> str:
    """Regex alternation, longest first so that 不低于 is tried before 低于."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMERIC_RE = re.compile(
    rf"(?P<label>.*?)(?P<pre>{_alternation(_PREFIX_WORDS)})?"
    rf"(?P<v>{_NUM})(?P<m1>{_MARKS}*)"
    rf"(?:(?P<u1>%)?(?:~|-|—|–|至|到)(?P<v2>{_NUM}))?"
    rf"(?P<mag>[万亿千百])?(?P<more>[多余])?(?P<unit>{_UNIT_RE})?"
    rf"(?P<suf>{_alternation(_SUFFIX_WORDS)})?(?P<m2>{_MARKS}*)"
)

_CUMULATIVE_BRACKET_RE = re.compile(
    rf"(?P<open>[(\[])(?P<v>{_NUM})(?P<unit>%)?[)\]](?P<unit2>%)?(?P<marks>{_MARKS}*)"
)

_DECREASE_WORDS = ("下降", "降低", "减少", "削减", "减排")
_INCREASE_WORDS = ("提高", "增加", "提升", "上升", "增长")
_CHANGE_RE = re.compile(
    rf"(?:(?:较|比)(?P<by>\d{{4}})年?)?(?P<cum>累计)?"
    rf"(?P<dir>{_alternation(_DECREASE_WORDS + _INCREASE_WORDS)})"
    rf"(?:幅度|比例|率)?(?:达到|为)?(?P<v>{_NUM})(?P<unit>%|个百分点|百分点)?"
    rf"(?P<suf>及以上|以上)?(?P<marks>{_MARKS}*)"
)

_LEVEL_WORDS: dict[str, GovLevel] = {
    "国家": GovLevel.NATIONAL,
    "全国": GovLevel.NATIONAL,
    "中央": GovLevel.NATIONAL,
    "自治区": GovLevel.REGION,
    "省级": GovLevel.REGION,
    "省": GovLevel.REGION,
    "直辖市": GovLevel.REGION,
    "盟市": GovLevel.PREFECTURE,
    "盟": GovLevel.PREFECTURE,
    "地市": GovLevel.PREFECTURE,
    "地级市": GovLevel.PREFECTURE,
    "市级": GovLevel.PREFECTURE,
    "市": GovLevel.PREFECTURE,
    "州": GovLevel.PREFECTURE,
    "旗县": GovLevel.COUNTY,
    "县级": GovLevel.COUNTY,
    "县": GovLevel.COUNTY,
    "旗": GovLevel.COUNTY,
    "上级": GovLevel.PARENT,
    "上一级": GovLevel.PARENT,
}
_REFERENCE_RE = re.compile(
    r"(?:确保|力争)?(?:达到|完成|满足|执行|落实|实现)?"
    rf"(?P<level>{_alternation(_LEVEL_WORDS)})(?:政府|部门)?"
    r"(?:规定|下达|确定|分解|要求|设定|核定)?的?"
    r"(?P<what>(?:考核|约束性|管控|控制|年度)?(?:目标任务|目标要求|目标|任务|指标|要求)(?:任务|要求)?)"
)

_YEAR_NOTE_RE = re.compile(r"(?P<year>(?:19|20)\d{2})年(?:度)?(?:数据|值|现状值|统计数据)?")
_LEADING_VERBS = ("确保", "力争", "实现", "做到", "基本实现")


def parse_target(raw: str | None, context: ParseContext | None = None) -> ParsedTarget:
    """Parse one plan cell; never raises, unreadable text becomes ``UNKNOWN``."""
    verbatim = "" if raw is None else raw
    ctx = context or ParseContext()
    text = normalise(verbatim)
    if _is_no_data(text):
        return ParsedTarget(raw=verbatim, kind=TargetKind.NO_DATA)
    clauses = _split_clauses(text)
    if len(clauses) == 1:
        return replace(_parse_clause(clauses[0], ctx), raw=verbatim)
    parts = tuple(_parse_clause(clause, ctx) for clause in clauses)
    kind = (
        TargetKind.COMPOUND
        if all(part.is_known for part in parts)
        else TargetKind.UNKNOWN
    )
    return ParsedTarget(raw=verbatim, kind=kind, parts=parts)


def _is_no_data(text: str) -> bool:
    if text in _NO_DATA_WORDS:
        return True
    return all(ch in DASHES for ch in text)


def _split_clauses(text: str) -> list[str]:
    """Split at top-level ``;``/``,``; keep ``1,180`` and notes ``(a,b)`` whole."""
    clauses: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        elif depth == 0 and ch in ";,":
            between_digits = (
                ch == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit()
                and text[i + 1 : i + 4].isdigit() and len(text[i + 1 : i + 4]) == 3
            )
            if between_digits:
                continue
            clauses.append(text[start:i])
            start = i + 1
    clauses.append(text[start:])
    return [clause for clause in clauses if clause] or [text]


def _strip_trailing_notes(text: str) -> tuple[str, list[str]]:
    """Peel ``(…)`` notes off the end, innermost last; numeric brackets stay."""
    notes: list[str] = []
    while text.endswith(")"):
        depth = 0
        open_at = -1
        for i in range(len(text) - 1, -1, -1):
            if text[i] == ")":
                depth += 1
            elif text[i] == "(":
                depth -= 1
                if depth == 0:
                    open_at = i
                    break
        if open_at <= 0:
            break  # unbalanced, or the whole clause is bracketed: not a note
        inner = text[open_at + 1 : -1]
        if re.fullmatch(rf"{_NUM}%?", inner):
            break  # "(33.3)" after a label is a value, not a note
        notes.insert(0, inner)
        text = text[:open_at]
    return text, notes


def _year_from(notes: list[str], marks: tuple[str, ...], ctx: ParseContext) -> int | None:
    for mark in marks:
        if mark in ctx.mark_years:
            return ctx.mark_years[mark]
    for note in notes:
        found = _YEAR_NOTE_RE.fullmatch(note)
        if found:
            return int(found["year"])
    return None


def _to_float(number: str) -> float:
    return float(number.replace(",", ""))


def _parse_clause(clause: str, ctx: ParseContext) -> ParsedTarget:
    body, notes = _strip_trailing_notes(clause)
    # A note that only names a year ("23.78（2019年）") is a data year, not prose.
    year_notes = [note for note in notes if _YEAR_NOTE_RE.fullmatch(note)]
    for reader in (_read_no_data, _read_cumulative, _read_change, _read_reference,
                   _read_numeric, _read_state, _read_numeric_then_predicate):
        parsed = reader(body, ctx)
        if parsed is not None:
            data_year = parsed.data_year or _year_from(year_notes, parsed.marks, ctx)
            return replace(parsed, raw=clause, notes=tuple(notes), data_year=data_year)
    return ParsedTarget(raw=clause, kind=TargetKind.UNKNOWN, notes=tuple(notes))


def _read_no_data(body: str, ctx: ParseContext) -> ParsedTarget | None:
    if _is_no_data(body):
        return ParsedTarget(raw=body, kind=TargetKind.NO_DATA)
    return None


def _read_cumulative(body: str, ctx: ParseContext) -> ParsedTarget | None:
    found = _CUMULATIVE_BRACKET_RE.fullmatch(body)
    if not found:
        return None
    # Round brackets follow the plan's own footnote (默认: 累计下降数); square
    # brackets only say "cumulative over the period".
    sense = ctx.parentheses_mean if found["open"] == "(" else ChangeSense.UNSPECIFIED
    marks = tuple(found["marks"])
    return ParsedTarget(
        raw=body,
        kind=TargetKind.CUMULATIVE_CHANGE,
        value=_to_float(found["v"]),
        unit=found["unit"] or found["unit2"],
        sense=sense,
        marks=marks,
        data_year=_year_from([], marks, ctx),
    )


def _read_change(body: str, ctx: ParseContext) -> ParsedTarget | None:
    found = _CHANGE_RE.fullmatch(body)
    if not found:
        return None
    sense = ChangeSense.DECREASE if found["dir"] in _DECREASE_WORDS else ChangeSense.INCREASE
    marks = tuple(found["marks"])
    return ParsedTarget(
        raw=body,
        kind=TargetKind.CUMULATIVE_CHANGE,
        value=_to_float(found["v"]),
        unit=found["unit"],
        sense=sense,
        comparator=Comparator.GE if found["suf"] else None,
        base_year=int(found["by"]) if found["by"] else None,
        marks=marks,
        data_year=_year_from([], marks, ctx),
    )


def _read_reference(body: str, ctx: ParseContext) -> ParsedTarget | None:
    found = _REFERENCE_RE.fullmatch(body)
    if not found:
        return None
    return ParsedTarget(
        raw=body,
        kind=TargetKind.REFERENCE,
        level=_LEVEL_WORDS[found["level"]],
        obligation=found["what"],
    )


def _read_numeric(body: str, ctx: ParseContext) -> ParsedTarget | None:
    found = _NUMERIC_RE.fullmatch(body)
    if not found:
        return None
    label = found["label"]
    if label and (label[-1].isdigit() or label[-1] in ".+-"):
        return None  # the number was cut in half; not a clean reading
    comparator = _PREFIX_WORDS[found["pre"]] if found["pre"] else Comparator.AT
    if found["v2"] is not None:
        comparator = Comparator.RANGE
    if found["more"]:
        comparator = Comparator.GT  # 57万多公顷 = more than 57万公顷
    if found["suf"]:
        suffix = _SUFFIX_WORDS[found["suf"]]
        if comparator not in (Comparator.AT, Comparator.STABLE_AT, suffix):
            return None  # contradictory wording such as "≤25以上"
        comparator = suffix
    unit = (found["mag"] or "") + (found["unit"] or "") or found["u1"] or None
    if found["mag"] and not found["unit"]:
        unit = found["mag"]
    marks = tuple(found["m1"]) + tuple(found["m2"])
    return ParsedTarget(
        raw=body,
        kind=TargetKind.NUMERIC,
        comparator=comparator,
        value=_to_float(found["v"]),
        value_high=_to_float(found["v2"]) if found["v2"] is not None else None,
        unit=unit,
        label=label or None,
        marks=marks,
        data_year=_year_from([], marks, ctx),
    )


def _read_state(body: str, ctx: ParseContext) -> ParsedTarget | None:
    found = load_states().match_suffix(body)
    if found is None:
        return None
    subject, state = found
    for verb in _LEADING_VERBS:
        if subject.startswith(verb):
            subject = subject[len(verb) :]
    if len(subject) > 12 or any(ch.isdigit() for ch in subject):
        return None  # a long lead-in is a sentence, not a subject
    return ParsedTarget(
        raw=body, kind=TargetKind.QUALITATIVE, state=state.key, subject=subject or None
    )


def _read_numeric_then_predicate(body: str, ctx: ParseContext) -> ParsedTarget | None:
    """``全区13个达到国家目标要求``: a count followed by what it achieved."""
    for number in re.finditer(_NUM, body):
        head_end = number.end()
        unit = re.match(rf"[万亿千百]?[多余]?(?:{_UNIT_RE})", body[head_end:])
        if unit:
            head_end += unit.end()
        head, rest = body[:head_end], body[head_end:]
        if not rest:
            continue
        numeric = _read_numeric(head, ctx)
        predicate = _read_reference(rest, ctx) or _read_state(rest, ctx)
        if numeric is not None and predicate is not None:
            return ParsedTarget(
                raw=body,
                kind=TargetKind.COMPOUND,
                parts=(replace(numeric, raw=head), replace(predicate, raw=rest)),
            )
    return None
