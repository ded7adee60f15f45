"""Shared jurisdictions and a dict-backed target resolver for the compliance tests."""

from __future__ import annotations

from ecotrack.core.compliance import Jurisdiction, TargetResolver
from ecotrack.core.targets import GovLevel, ParsedTarget, parse_target

NATION = Jurisdiction("000000", "中华人民共和国", "China", GovLevel.NATIONAL)
INNER_MONGOLIA = Jurisdiction("150000", "内蒙古自治区", "Inner Mongolia", GovLevel.REGION)
TONGLIAO = Jurisdiction("150500", "通辽市", "Tongliao", GovLevel.PREFECTURE)
XILINGOL = Jurisdiction("152500", "锡林郭勒盟", "Xilingol League", GovLevel.PREFECTURE)
XILINHOT = Jurisdiction("152502", "锡林浩特市", "Xilinhot", GovLevel.COUNTY)

TONGLIAO_CHAIN = (TONGLIAO, INNER_MONGOLIA, NATION)
XILINHOT_CHAIN = (XILINHOT, XILINGOL, INNER_MONGOLIA, NATION)


def resolver_from(table: dict[tuple[str, str, int], str]) -> TargetResolver:
    """Targets of other jurisdictions, keyed by (code, indicator key, year)."""

    def resolve(jurisdiction: Jurisdiction, key: str, year: int) -> ParsedTarget | None:
        raw = table.get((jurisdiction.code, key, year))
        return parse_target(raw) if raw is not None else None

    return resolve


NO_TARGETS_ABOVE = resolver_from({})
