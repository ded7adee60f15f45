"""Plan metadata from the opening paragraphs: title, place, period, base year, issuer, date."""

from __future__ import annotations

import re

from .blocks import Paragraph
from .model import PlanMeta
from .textnorm import normalize_cell

_PLAN_WORD = re.compile(r"(规划|方案|计划|纲要)")
_NOTICE = re.compile(r"^(?P<body>.{2,40}?)关于印发(?P<rest>.+?)的通知")
_QUOTED_TITLE = re.compile(r"《([^》]{4,80}(?:规划|方案|计划|纲要)[^》]{0,20})》")
_PERIOD = re.compile(r"((?:19|20)\d\d)\s*(?:年)?\s*[—\-–~～至到]+\s*((?:19|20)\d\d)\s*年?")
_FYP = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}
_DATE = re.compile(r"^((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_BASE_YEAR = re.compile(
    r"以\s*((?:19|20)\d\d)\s*年\s*为\s*(?:规划)?基准年"
    r"|基准年\s*(?:为|是|:|：)\s*((?:19|20)\d\d)"
)
_PLACE = re.compile(
    r"^(.*(?:自治区|自治州|自治县|自治旗|特别行政区|省|市|盟|旗|县|区|州|镇|乡|苏木))"
)
_PLACE_STOP = re.compile(r"[“\"「《（(]|十[一二三四五]五|国家|生态|环境|关于|(?:19|20)\d\d")


def _jurisdiction(title: str) -> str | None:
    stop = _PLACE_STOP.search(title)
    head = title[: stop.start()] if stop else title
    m = _PLACE.match(head)
    return m.group(1) if m and 2 <= len(m.group(1)) <= 20 else None


def _period(text: str) -> tuple[int, int] | None:
    m = _PERIOD.search(text)
    if m and int(m.group(1)) < int(m.group(2)) <= int(m.group(1)) + 30:
        return int(m.group(1)), int(m.group(2))
    for word, start in _FYP.items():
        if word in text:
            return start, start + 4
    return None


def extract_metadata(paragraphs: list[Paragraph], *, from_pdf: bool) -> PlanMeta:
    meta = PlanMeta()
    head = [normalize_cell(p.text, from_pdf=from_pdf) for p in paragraphs[:40]]
    for text in head:
        notice = _NOTICE.match(text)
        if notice and meta.issuing_body is None:
            meta.issuing_body = notice.group("body")
            quoted = _QUOTED_TITLE.search(notice.group("rest"))
            meta.title = meta.title or (quoted.group(1) if quoted else notice.group("rest"))
            continue
        date = _DATE.match(text)
        if date and meta.issued_date is None:
            y, mo, d = (int(g) for g in date.groups())
            meta.issued_date = f"{y:04d}-{mo:02d}-{d:02d}"
            continue
        if (
            meta.title is None
            and _PLAN_WORD.search(text)
            and len(text) <= 60
            and not text.endswith(("。", "；", "，"))
            and not re.match(r"^(第.{1,3}[章节]|[一二三四五六七八九十]+、|[（(])", text)
        ):
            meta.title = text
    if meta.title:
        meta.jurisdiction_name = _jurisdiction(meta.title)
        period = _period(meta.title)
        if period:
            meta.period_start, meta.period_end = period
    body = [normalize_cell(p.text, from_pdf=from_pdf) for p in paragraphs[:200]]
    for text in body:
        if meta.period_start is None and ("规划期" in text or "时期" in text):
            period = _period(text)
            if period:
                meta.period_start, meta.period_end = period
        base = _BASE_YEAR.search(text)
        if base and meta.base_year is None:
            meta.base_year = int(base.group(1) or base.group(2))
    return meta
