"""`ecotrack plan-status CODE [--plan ID] [--year Y] [--as-of Y] [--json] [--standards]`.

Prints each indicator of a jurisdiction's plan with its target, latest observation, status
and the engine's explanation. `--standards` assesses the values of `--year` against the
plan's standard values (指标值) instead, next to the plan's own 达标情况 column.
Read-only: nothing is changed, so no --user is needed; with --user only what that user may
see is used (unpublished plans, targets of other levels).
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone, translation

from ecotrack.accounts.permissions import visible
from ecotrack.places.models import Jurisdiction
from ecotrack.plans import compliance
from ecotrack.plans.cli import user_named
from ecotrack.plans.models import Plan
from ecotrack.plans.standards import agreement_counts, agreement_table, check_plan


def _observation(obs: Any) -> dict[str, Any] | None:
    if obs is None:
        return None
    return {"year": obs.year, "data_year": obs.data_year, "value": obs.value, "text": obs.text,
            "marks": obs.marks, "source": obs.source}


class Command(BaseCommand):
    help = "Print the compliance status of every indicator of a jurisdiction's plan."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", help="GB/T 2260 code of the jurisdiction")
        parser.add_argument("--plan", type=int, help="plan id (when the place has several)")
        parser.add_argument("--year", type=int, help="target year (default: the next deadline); "
                            "with --standards, the year of the values")
        parser.add_argument("--as-of", type=int, dest="as_of",
                            help="assess as known in this year (default: this year)")
        parser.add_argument("--standards", action="store_true",
                            help="assess against the standard values (指标值)")
        parser.add_argument("--user", metavar="USERNAME",
                            help="see only what this user may see")
        parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
        parser.add_argument("--lang", choices=["zh", "en"], default="zh",
                            help="language of the explanations (default zh)")

    def handle(self, *args: Any, **options: Any) -> None:
        place = Jurisdiction.objects.filter(code=options["code"]).first()
        if place is None:
            raise CommandError(f"no jurisdiction with code {options['code']!r}")
        user = user_named(options["user"]) if options["user"] else None
        plans = Plan.objects.filter(jurisdiction=place)
        if user is not None:
            plans = visible(plans, user)
        if options["plan"] is not None:
            plans = plans.filter(pk=options["plan"])
        found = list(plans.order_by("-period_start", "pk"))
        if not found:
            raise CommandError(f"no plan of {place.code} {place.name_zh}"
                               + (f" with id {options['plan']}" if options["plan"] else ""))
        if len(found) > 1 and options["plan"] is None:
            listed = ", ".join(f"{p.pk} {p.title}" for p in found)
            raise CommandError(f"{place.code} has several plans; give --plan ID ({listed})")
        plan = found[0]
        zh = options["lang"] == "zh"
        with translation.override("zh-hans" if zh else "en"):
            if options["standards"]:
                self._standards(plan, options, user, zh)
            else:
                self._status(plan, options, user, zh)

    def _status(self, plan: Plan, options: dict[str, Any], user: Any, zh: bool) -> None:
        as_of = options["as_of"] or timezone.now().year
        years = plan.target_years
        year = options["year"]
        if year is not None and year not in years:
            raise CommandError(f"plan {plan.pk} has no targets for {year}; target years: "
                               + ", ".join(map(str, years)))
        year = year or compliance.default_year(years, as_of)
        rows = compliance.assess_plan(plan, as_of, user, year)
        if options["json"]:
            payload = {
                "plan": {"id": plan.pk, "title": plan.title,
                         "jurisdiction": plan.jurisdiction.code},
                "year": year, "as_of": as_of,
                "counts": compliance.count_by_status(rows),
                "indicators": [self._row_dict(r, zh) for r in rows],
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{plan.title} ({plan.jurisdiction.code}, plan id {plan.pk}): "
                          f"targets of {year}, as known in {as_of}")
        for row in rows:
            a = row.selected
            target = a.target.raw if a and a.target else self._own_target(row, year)
            latest = row.latest
            shown = (latest.text or f"{latest.value:g}") + f" ({latest.year})" if latest else "—"
            self.stdout.write(f"{row.indicator.number:<6}{row.indicator.full_name}")
            self.stdout.write(f"      target {target or '—'} · latest {shown} · "
                              f"{a.status.zh if zh and a else (a.status.en if a else 'no data')}")
            if a:
                self.stdout.write(f"      {a.explanation_zh if zh else a.explanation_en}")
        counts = compliance.count_by_status(rows)
        self.stdout.write(", ".join(f"{k}: {v}" for k, v in counts.items()))

    @staticmethod
    def _own_target(row: compliance.IndicatorStatus, year: int | None) -> str:
        own = [t.text for t in row.indicator.targets.all() if t.year == year]
        return own[0] if own else ""

    def _row_dict(self, row: compliance.IndicatorStatus, zh: bool) -> dict[str, Any]:
        a = row.selected
        return {
            "number": row.indicator.number,
            "name": row.indicator.full_name,
            "unit": row.indicator.unit,
            "canonical": row.indicator.canonical.key if row.indicator.canonical else None,
            "target": self._own_target(row, a.year if a else None),
            "resolved_target": a.target.raw if a and a.target else None,
            "target_set_by": a.target_set_by.code if a and a.target_set_by else None,
            "latest": _observation(row.latest),
            "status": row.status,
            "outlook": a.outlook.value if a and a.outlook else None,
            "explanation": (a.explanation_zh if zh else a.explanation_en) if a else "",
        }

    def _standards(self, plan: Plan, options: dict[str, Any], user: Any, zh: bool) -> None:
        year = options["year"] or plan.base_year
        if year is None:
            raise CommandError("give --year: the plan has no base year")
        checks = check_plan(plan, year, user)
        if not checks:
            raise CommandError(f"plan {plan.pk} has no standard values (指标值)")
        if not options["json"]:
            self.stdout.write(f"{plan.title}: {year} values against the standard values")
            self.stdout.write(agreement_table(checks))
            return
        payload = {
            "plan": {"id": plan.pk, "title": plan.title, "jurisdiction": plan.jurisdiction.code},
            "year": year,
            "counts": agreement_counts(checks),
            "indicators": [
                {"number": c.number, "name": c.name, "stated": c.stated,
                 "status": c.status.value if c.status else None,
                 "needs_judgement": c.needs_judgement, "agreement": c.agreement,
                 "reason": c.reason_zh if zh else c.reason_en,
                 "rows": [{"number": r.indicator.number, "standard": r.standard,
                           "value": _observation(r.observation),
                           "status": r.status.value if r.status else None,
                           "needs_judgement": r.needs_judgement} for r in c.rows]}
                for c in checks
            ],
        }
        self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
