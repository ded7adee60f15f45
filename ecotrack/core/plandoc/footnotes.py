"""Split a table's 注 block into footnotes and attach each to the indicators it explains.

Three kinds of footnote, tried in this order:
1. a mark legend (「*标注为2021年数据」, 「①…」): every indicator with that mark on a cell;
2. a notation legend (「“——”代表没有基数」, 「“（）”代表累计下降数」): every indicator with a
   cell written that way;
3. a footnote that quotes an indicator name (「“森林覆盖率（%）”，…」): the indicator(s) whose
   name is most like the quote.
A footnote that matches nothing stays with the table and is reported as a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from .blocks import Paragraph
from .model import Indicator, ValueCell
from .tables import MARK_CHARS
from .textnorm import compact, is_cjk, normalize_cell
from .units import split_unit

_PREFIX = re.compile(r"^[\s\-–•·]*(注|备注|说明)\s*[:：]\s*")
_ENUM = re.compile(r"^\s*(?:(\d{1,2})\s*[.．、](?!\d)|[（(](\d{1,2})[）)]|([①-⑳]))\s*")
_LEADING_MARK = re.compile(rf"^([{MARK_CHARS}]+)")
_NOTATION = re.compile(r"^[“\"「‘『]([^”\"」’』]{1,8})[”\"」’』]\s*(?:代表|表示|为|指|是|意为|即)")
_QUOTE = re.compile(r"[“\"「『]([^”\"」』]{2,60})[”\"」』]")
_DATA_YEAR = re.compile(r"((?:19|20)\d\d)\s*年度?(?:的)?(?:统计)?数据")
_TRAILING_BRACKET = re.compile(r"[（(][^（）()]*[）)]$")
_BRACKETED = re.compile(r"^[(（][^()（）]*[)）]$")
MIN_NAME_SIMILARITY = 0.6


@dataclass
class Footnote:
    key: str | None
    text: str
    ref: str


def split_footnotes(paragraphs: list[Paragraph], *, from_pdf: bool) -> list[Footnote]:
    notes: list[Footnote] = []
    for i, para in enumerate(paragraphs):
        text = normalize_cell(para.text, from_pdf=from_pdf)
        if i == 0:
            text = _PREFIX.sub("", text)
        m = _ENUM.match(text)
        if m:
            key = next(g for g in m.groups() if g)
            notes.append(Footnote(key, text, para.ref))
        elif notes and not _LEADING_MARK.match(text):
            notes[-1].text += text  # a footnote wrapped onto the next line
        else:
            lead = _LEADING_MARK.match(text)
            notes.append(Footnote(lead.group(1) if lead else None, text, para.ref))
    return notes


def _body(note: Footnote) -> str:
    return _ENUM.sub("", note.text, count=1)


def _cells(ind: Indicator) -> list[ValueCell]:
    return [c for c in [ind.baseline, *ind.targets] if c is not None]


def _texts(ind: Indicator) -> list[str]:
    values = [c.raw for c in _cells(ind)]
    return [ind.name, ind.sub_name or "", ind.standard_value or "", *values]


def _name_key(text: str) -> str:
    return compact(split_unit(text)[0])


def _similarity(phrase: str, ind: Indicator) -> float:
    key = _name_key(phrase)
    names = [ind.name, ind.sub_name or "", f"{ind.name}{ind.sub_name or ''}"]
    # Also without a trailing bracket: a footnote may call 「…指标（新EI）」 just 「…指数」.
    names += [_TRAILING_BRACKET.sub("", n) for n in names]
    return max(SequenceMatcher(None, key, _name_key(n)).ratio() for n in names if n)


def _has_notation(ind: Indicator, notation: str) -> bool:
    if notation == "()":  # 「（）」 stands for any value written in brackets
        return any(_BRACKETED.match(compact(c.raw)) for c in _cells(ind))
    return any(notation in compact(c.raw) for c in _cells(ind))


def _set_data_year(cells: list[ValueCell], text: str) -> None:
    """A footnote saying the value is 「YYYY年(度)数据」 of a year other than its column's."""
    years = {int(y) for y in _DATA_YEAR.findall(text)}
    for cell in cells:
        other = years - {cell.year}
        if len(other) == 1:
            cell.data_year = other.pop()


def attach_footnotes(
    notes: list[Footnote], indicators: list[Indicator], table_label: str
) -> tuple[list[str], list[str]]:
    """Attach notes in place; returns (footnotes left with the table, warnings)."""
    unattached: list[str] = []
    warnings: list[str] = []
    for note in notes:
        body = _body(note)
        mark = note.key if note.key and note.key[0] in MARK_CHARS else None
        lead = _LEADING_MARK.match(body)
        mark = mark or (lead.group(1) if lead else None)
        hits: list[Indicator] = []
        if mark:
            hits = [i for i in indicators if any(mark in t for t in _texts(i))]
            for ind in hits:
                _set_data_year([c for c in _cells(ind) if c.mark and mark in c.mark], body)
        notation = _NOTATION.match(body)
        symbolic = notation and not any(is_cjk(ch) and ch.isalpha() for ch in notation.group(1))
        if not hits and notation and symbolic:
            hits = [i for i in indicators if _has_notation(i, compact(notation.group(1)))]
        if not hits and not notation:
            best = 0.0
            for phrase in _QUOTE.findall(body):
                for ind in indicators:
                    score = _similarity(phrase, ind)
                    if score > best + 1e-9:
                        best, hits = score, [ind]
                    elif abs(score - best) <= 1e-9 and score > 0:
                        hits.append(ind)
            if best < MIN_NAME_SIMILARITY:
                hits = []
            for ind in hits:
                _set_data_year([ind.baseline] if ind.baseline else [], body)
        if hits:
            for ind in hits:
                if note.text not in ind.notes:
                    ind.notes.append(note.text)
        else:
            unattached.append(note.text)
            warnings.append(
                f"{table_label}, {note.ref}: footnote {note.key or ''} matches no indicator of "
                "the table; kept with the table".replace("footnote  ", "footnote ")
            )
    # Marks on values that no footnote explains are worth a look (e.g. an undefined 「#」).
    explained = {n.key for n in notes if n.key} | {
        m.group(1) for n in notes if (m := _LEADING_MARK.match(_body(n)))
    }
    for ind in indicators:
        for cell in _cells(ind):
            if cell.mark and cell.mark not in explained:
                warnings.append(
                    f"{table_label}, {ind.source}, "
                    f"field {'baseline' if cell is ind.baseline else f'target_{cell.year}'}: "
                    f"mark {cell.mark!r} on {cell.raw!r} is not explained by any footnote"
                )
    return unattached, warnings
