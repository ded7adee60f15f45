"""The charts of the profile report, drawn from its plain data."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from ecotrack.reports.charts import Bar, bar_chart
from ecotrack.reports.profile_content import ProfileReport

TIER_COLOURS = {"starter": "#81c784", "frontrunner": "#43a047", "star": "#1b5e20"}


@dataclass(frozen=True)
class ModuleChart:
    title: str
    svg: SafeString


def award_charts(report: ProfileReport) -> list[ModuleChart]:
    return [
        ModuleChart(
            module.title,
            bar_chart(
                [
                    Bar(
                        tier.title,
                        tier.percent,
                        100,
                        _("%(percent)s%% complete") % {"percent": tier.percent},
                        TIER_COLOURS.get(tier.key, "#2e7d32"),
                    )
                    for tier in module.tiers
                ],
                title=module.title,
            ),
        )
        for module in report.awards
    ]


def cbi_chart(report: ProfileReport) -> SafeString:
    bars = [
        Bar(
            c.title,
            c.score or 0,
            c.max_points,
            (_("%(score)s of %(max)s") % {"score": c.score, "max": c.max_points})
            if c.started
            else _("not started"),
        )
        for c in report.cbi.components
    ]
    bars.append(
        Bar(
            _("Total"),
            report.cbi.total,
            report.cbi.max_points,
            _("%(score)s of %(max)s") % {"score": report.cbi.total, "max": report.cbi.max_points},
            "#1b5e20",
        )
    )
    return bar_chart(bars, title=_("City Biodiversity Index"))


def areas_chart(report: ProfileReport) -> SafeString | None:
    if not report.areas:
        return None
    most = max(len(a.commitments) for a in report.areas) or 1
    bars: list[Bar] = []
    for area in report.areas:
        actions = sum(len(c.actions) for c in area.commitments)
        bars.append(
            Bar(
                f"{area.number}. {area.title}",
                len(area.commitments),
                most,
                _("%(commitments)s commitments, %(actions)s actions")
                % {"commitments": len(area.commitments), "actions": actions},
            )
        )
    return bar_chart(bars, title=_("Commitments and actions by action area"))
