"""Split a unit written into an indicator name.

「细颗粒物（PM2.5）浓度（微克/立方米）」 → unit 微克/立方米.

Only a trailing bracket counts, and only when its content is made of unit words: 「（新EI）」
or 「（PM2.5）」 are part of the name, not units.
"""

from __future__ import annotations

import re

from .textnorm import compact

# Generic measurement vocabulary of Chinese statistical tables; longest first when matching.
_UNIT_WORDS = sorted(
    {
        "%", "‰", "％", "微克", "毫克", "克", "千克", "公斤", "吨", "立方米", "平方米", "平方公里",
        "平方千米", "公顷", "亩", "米", "千米", "公里", "元", "标准煤", "标煤", "个", "座", "处",
        "家", "天", "日", "年", "月", "次", "起", "枚", "人", "户", "千瓦时", "千瓦", "瓦", "度",
        "辆", "台", "套", "条", "项", "倍", "小时", "分贝", "升", "毫升", "株", "只", "种", "所",
        "张", "份", "件", "分", "点", "级", "类", "个百分点", "百分点", "标台", "平方", "立方",
        "km2", "km²", "km", "m3", "m³", "m2", "m²", "m", "kg", "t", "mg", "ug", "μg", "µg",
        "l", "ml", "kwh", "kw", "db", "db(a)", "ha", "tce", "co2", "pa",
        "亿", "万", "千", "百", "十", "每", "单位", "人均",
    },
    key=len,
    reverse=True,
)
_TRAILING = re.compile(
    r"^(?P<name>.*?)\s*[（(](?P<unit>[^（）()]{1,20})[）)]\s*(?P<mark>[*#※△▲☆★①-⑳]*)$"
)
_SEPARATORS = re.compile(r"[/·.．\-\s⁻¹²³^0-9]")


def is_unit(text: str) -> bool:
    """True when `text` is spelt entirely with unit words, digits and separators."""
    rest = compact(text)
    if not rest or len(rest) > 20:
        return False
    rest = _SEPARATORS.sub("", rest)
    if not rest:
        return "%" in text or "/" in text
    i = 0
    while i < len(rest):
        for word in _UNIT_WORDS:
            if rest.startswith(word, i):
                i += len(word)
                break
        else:
            return False
    return True


def split_unit(name: str) -> tuple[str, str | None]:
    """(name without the unit, unit) — unit None when the name carries none."""
    m = _TRAILING.match(name)
    if not m or not m.group("name"):
        return name, None
    unit = m.group("unit").strip()
    if not is_unit(unit):
        return name, None
    return m.group("name").rstrip() + (m.group("mark") or ""), unit
