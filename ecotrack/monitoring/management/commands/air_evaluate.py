"""`ecotrack air-evaluate`: evaluate a city-year of hourly air data by HJ 633 / HJ 663.

Without --jurisdiction the command is pure computation (files in, files out, no database).
With --jurisdiction CODE the run is stored (AirEvaluationRun; the same input again finds the
stored run), and --record writes the annual values as observations of that jurisdiction's
plan indicators (air.good_day_ratio, air.pm25_annual_mean) through the plans app, in one
transaction attributed to --user or to the operating-system account. A stored run is
unpublished (seen only by those who may review its jurisdiction) unless --publish is given,
which needs a --user allowed to edit the jurisdiction, as publishing does everywhere.

--all-cities evaluates every city of the station metadata (CNEMC `area` or --stations) and
prints a ranked table; with --jurisdiction PARENT each city is stored as its own run for the
jurisdiction below PARENT that it names (places.matching.match_names), all or nothing.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from ecotrack.core.air.cities import (
    CITY_TABLE_COLUMNS,
    CitiesEvaluation,
    cities_json,
    city_ranking,
    evaluate_all_cities,
    write_cities_outputs,
)
from ecotrack.core.air.errors import AirError
from ecotrack.core.air.evaluate import ENGINES, evaluate_files, write_outputs
from ecotrack.core.air.hour_labels import DEFAULT_HOUR_LABEL, HOUR_LABELS, START
from ecotrack.core.air.readers import FORMATS, read_dust_days, read_stations
from ecotrack.core.air.standards import STANDARD_CHOICES

T = TypeVar("T")


class Command(BaseCommand):
    help = (
        "Evaluate one year of hourly air data of a city: daily AQI, good-day ratio, annual "
        "means and percentiles (HJ 633—2012/2026, GB 3095, HJ 663)."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument("--format", required=True, choices=FORMATS, dest="fmt")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--city", help="city to evaluate (stations from --stations or data)")
        parser.add_argument(
            "--all-cities", action="store_true",
            help="evaluate every city of the station metadata (CNEMC area column or --stations) "
            "and print them ranked by good-day ratio; duckdb: one pass over all cities, spark "
            "and python: one city after another (same results, slower). With --jurisdiction "
            "PARENT each city is stored for the jurisdiction below PARENT it names",
        )
        parser.add_argument("--stations", type=Path, help="station metadata CSV: station,city")
        parser.add_argument(
            "--hour-label", choices=HOUR_LABELS, dest="hour_label",
            help="what a CSV time label names: the start or the end of its hour (default: "
            + ", ".join(f"{f} {label}" for f, label in DEFAULT_HOUR_LABEL.items())
            + "; CNEMC labels 15:00–16:00 as 16:00)",
        )
        parser.add_argument("--standard", default="auto", choices=STANDARD_CHOICES)
        parser.add_argument("--dust-days", type=Path, help="file of dust-affected dates (扣沙)")
        parser.add_argument("--engine", default="duckdb", choices=ENGINES)
        parser.add_argument("--spark-master", help="Spark master URL (engine spark)")
        parser.add_argument("--out", type=Path, help="directory for the daily table and JSON")
        parser.add_argument("--json", action="store_true", help="print the result as JSON")
        parser.add_argument(
            "--record", action="store_true",
            help="record the annual values as observations of the jurisdiction's plan indicators",
        )
        parser.add_argument("--jurisdiction", metavar="CODE",
                            help="store the run for this jurisdiction (GB/T 2260 code); with "
                            "--all-cities the parent of the cities' jurisdictions")
        parser.add_argument("--user", metavar="USERNAME",
                            help="act as this user (must be allowed to edit the jurisdiction)")
        parser.add_argument("--note", default="", help="a note shown with the stored run")
        parser.add_argument(
            "--publish", action="store_true",
            help="store the run(s) published, shown to everyone (or publish the run already "
            "stored for this input); needs --jurisdiction and a --user allowed to edit each "
            "jurisdiction. Without it a new run is unpublished: only editors and reviewers of "
            "its jurisdiction see it, until published on its page",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["record"] and not options["jurisdiction"]:
            raise CommandError("--record needs --jurisdiction CODE (whose plan indicators?)")
        if options["publish"] and not (options["jurisdiction"] and options["user"]):
            raise CommandError("--publish needs --jurisdiction CODE and --user USERNAME (a user "
                               "allowed to edit the jurisdiction publishes); nothing stored")
        if options["all_cities"]:
            if options["city"]:
                raise CommandError("--all-cities and --city exclude each other: choose one city "
                                   "with --city, or every city with --all-cities")
            self._all_cities(options)
            return
        # Check who and where before the (long) evaluation, not after.
        place, user = self._target(options) if options["jurisdiction"] else (None, None)
        evaluation = self._evaluate(options, partial(evaluate_files, city=options["city"]))
        result = evaluation.result.to_json()
        if place is not None:
            result.update(self._store(place, user, evaluation, options))
        if options["out"]:
            for path in write_outputs(options["out"], evaluation):
                self.stderr.write(f"wrote {path}")
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        self.stdout.write(self._text(result))

    def _progress(self, options: dict[str, Any]) -> Any:
        """A file progress bar on stderr for interactive runs (never with --json or no TTY)."""
        paths = options["paths"]
        if options["json"] or options["fmt"] == "parquet" or len(paths) < 2:
            return None
        if not sys.stderr.isatty():
            return None
        from tqdm import tqdm

        return tqdm(total=len(paths), unit="file", desc="reading", file=sys.stderr)

    def _evaluate(self, options: dict[str, Any], evaluate: Callable[..., T]) -> T:
        """Read the side files, run `evaluate` (one city or all) with a progress bar, and turn
        input errors into command errors; both paths take the same inputs."""
        progress = self._progress(options)
        try:
            station_cities = read_stations(options["stations"]) if options["stations"] else None
            self._dust = read_dust_days(options["dust_days"]) if options["dust_days"] else set()
            return evaluate(
                options["fmt"], options["paths"], year=options["year"],
                standard=options["standard"], dust_days=self._dust, engine=options["engine"],
                station_cities=station_cities, spark_master=options["spark_master"],
                hour_label=options["hour_label"],
                on_file=(lambda _path: progress.update(1)) if progress else None,
            )
        except (AirError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        finally:
            if progress:
                progress.close()

    def _target(self, options: dict[str, Any]) -> tuple[Any, Any]:
        """The jurisdiction to store for and the acting user, who must be allowed to edit it."""
        from ecotrack.accounts.permissions import can_edit

        place, user = self._parent(options)
        if user is not None and not can_edit(user, place):
            raise CommandError(f"{user} may not edit {place.code} {place.name_zh}")
        return place, user

    def _store(self, place: Any, user: Any, evaluation: Any, options: dict[str, Any]
               ) -> dict[str, Any]:
        from ecotrack.audit.context import command_actor
        from ecotrack.monitoring.runs import RecordError

        try:
            with command_actor("air-evaluate", user), transaction.atomic():
                return self._store_one(place, user, evaluation, options, options["city"])
        except RecordError as exc:
            raise CommandError(f"{exc}; nothing stored") from exc

    def _store_one(self, place: Any, user: Any, evaluation: Any, options: dict[str, Any],
                   city: str | None) -> dict[str, Any]:
        """Store (and record) one city's run; the caller holds the transaction."""
        from ecotrack.monitoring.runs import fingerprint_and_hashes, record_run, store_run

        shape = {k: options[k] for k in ("fmt", "year", "standard", "engine")}
        shape["city"] = city
        shape["dust_days"] = sorted(str(d) for d in self._dust)
        shape["stations"] = evaluation.result.stations
        if evaluation.result.extra["hour_label"] != START:
            # Only when not the start label, which was the only reading before the option
            # existed: runs stored then keep being found by the same input.
            shape["hour_label"] = evaluation.result.extra["hour_label"]
        digest, hashes = fingerprint_and_hashes(options["paths"], shape)
        run, created = store_run(
            place, evaluation, standard_choice=options["standard"],
            input_fingerprint=digest, input_files=options["paths"], input_hashes=hashes,
            user=user, note=options["note"], publish=options["publish"],
        )
        recorded = record_run(run, user) if options["record"] else []
        for row in recorded:
            self.stderr.write(
                f"recorded {row['key']} {row['year']} = {row['value']} on «{row['indicator']}» "
                f"of «{row['plan']}» (observation {row['observation']}"
                f"{', new revision' if row['new_revision'] else ', unchanged'})"
            )
        self.stderr.write(f"{'stored' if created else 'already stored'}: run {run.pk} "
                          f"({run.get_absolute_url()}, "
                          f"{'published' if run.is_published else 'not published'})")
        return {"run": {"id": run.pk, "created": created, "fingerprint": digest,
                        "jurisdiction": place.code, "published": run.is_published},
                "recorded": recorded}

    @staticmethod
    def _text(r: dict[str, Any]) -> str:
        a = r["annual"]
        lines = [
            f"{r['city'] or 'stations'} {r['year']} — {r['standard']} ({r['engine']})",
            f"stations: {', '.join(r['stations'])}",
            *([f"note: {r['city_note']}"] if r.get("city_note") else []),
            f"valid days {r['valid_days']}, good days {r['good_days']}, "
            f"good ratio {r['good_ratio']}%, heavy days {r['heavy_days']}",
            "days by category: "
            + ", ".join(f"{k} {v}" for k, v in r["days_by_category"].items()),
            f"PM2.5 {a['PM2.5']} PM10 {a['PM10']} SO2 {a['SO2']} NO2 {a['NO2']} µg/m³; "
            f"CO P95 {a['CO_p95']} mg/m³; O3 8-h P90 {a['O3_8h_p90']} µg/m³",
            f"without {r['dust_days']} dust days: good ratio "
            f"{r['excluding_dust']['good_ratio']}%, PM2.5 {r['excluding_dust']['annual']['PM2.5']}",
            f"valid: {r['valid']}",
            *(f"  note: {n}" for n in r["validity_notes"]),
            f"method: {r['method']}",
            f"hours: {_hour_label_text(r['hour_label'])}",
        ]
        return "\n".join(lines + Command._quality_lines(r))

    @staticmethod
    def _quality_lines(r: dict[str, Any]) -> list[str]:
        """What was excluded (flag kinds with examples) and the hours without any value."""
        lines = [f"input: {n['note']} ({n['files']} file{'s' if n['files'] > 1 else ''}, "
                 f"first {Path(n['first_file']).name})" for n in r.get("input_notes") or []]
        flagged = r.get("flagged") or {}
        if flagged:
            lines.append(f"flagged values excluded: {sum(k['count'] for k in flagged.values())}")
        for kind, report in flagged.items():
            by_field = ", ".join(f"{f} {n}" for f, n in (report.get("by_field") or {}).items())
            lines.append(f"  {kind}: {report['count']}" + (f" ({by_field})" if by_field else ""))
            lines += [f"    {e['file']}, row {e['row']}, field {e['field']!r}: {e['value']!r}"
                      for e in report["examples"]]
        gaps = {s: n for s, n in (r.get("missing_hours") or {}).items() if n}
        if gaps:
            lines.append("hours without any value: "
                         + ", ".join(f"{s} {n}" for s, n in gaps.items()))
        lines += [f"year edge: {text}" for text in _edge_gap_texts(r)]
        return lines

    # --- every city at once -------------------------------------------------------------

    def _all_cities(self, options: dict[str, Any]) -> None:
        parent, user = self._parent(options) if options["jurisdiction"] else (None, None)
        cities = self._evaluate(options, evaluate_all_cities)
        result = cities_json(cities)
        if parent is not None:
            stored = self._store_cities(parent, user, cities, options)
            for city in result["cities"]:
                city.update(stored[city["city"]])
        if options["out"]:
            for path in write_cities_outputs(options["out"], cities):
                self.stderr.write(f"wrote {path}")
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        self.stdout.write(self._cities_text(cities, result))

    def _parent(self, options: dict[str, Any]) -> tuple[Any, Any]:
        """The --jurisdiction and the --user, both looked up (rights are checked by callers:
        `_target` for one city, `_store_cities` per city)."""
        from ecotrack.places.models import Jurisdiction

        parent = Jurisdiction.objects.filter(code=options["jurisdiction"]).first()
        if parent is None:
            raise CommandError(f"no jurisdiction with code {options['jurisdiction']!r}")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"no user {options['user']!r}")
        return parent, user

    def _store_cities(self, parent: Any, user: Any, cities: CitiesEvaluation,
                      options: dict[str, Any]) -> dict[str, dict[str, Any]]:
        """One run per city, for the jurisdiction below `parent` it names; all or nothing.

        Every city is matched and every jurisdiction's rights are checked before anything is
        written; storing and recording then run in one transaction.
        """
        from ecotrack.accounts.permissions import can_edit
        from ecotrack.audit.context import command_actor
        from ecotrack.monitoring.runs import RecordError
        from ecotrack.places.matching import CityMatchError, match_names

        source = (f"{options['stations']}, field 'city'" if options["stations"]
                  else f"{options['fmt']} data, field 'area'")
        try:
            places = match_names(parent, list(cities.cities), source)
        except CityMatchError as exc:
            raise CommandError(
                f"nothing stored: {len(exc.problems)} of {len(cities.cities)} cities cannot be "
                f"matched to one jurisdiction below {parent.code} {parent.name_zh}:\n  "
                + "\n  ".join(exc.problems)
            ) from exc
        if user is not None:
            refused = [p for p in places.values() if not can_edit(user, p)]
            if refused:
                raise CommandError(
                    f"nothing stored: {user} may not edit {len(refused)} of the cities' "
                    "jurisdictions: " + ", ".join(f"{p.code} {p.name_zh}" for p in refused)
                )
        stored: dict[str, dict[str, Any]] = {}
        try:
            with command_actor("air-evaluate", user), transaction.atomic():
                for city, evaluation in cities.cities.items():
                    stored[city] = self._store_one(places[city], user, evaluation, options,
                                                   city)
        except RecordError as exc:
            raise CommandError(f"{exc}; nothing stored (no city)") from exc
        return stored

    @staticmethod
    def _cities_text(cities: CitiesEvaluation, result: dict[str, Any]) -> str:
        rows = city_ranking(cities)
        header = ["rank", *(name for name, _get in CITY_TABLE_COLUMNS)]
        cells = [header] + [[_cell(row[h]) for h in header] for row in rows]
        widths = [max(_width(line[i]) for line in cells) for i in range(len(header))]
        left = {"city", "valid"}
        lines = [f"{len(rows)} cities {cities.year} — {cities.standard} ({cities.engine}); "
                 "ranked by good-day ratio, ties by PM2.5"]
        for line in cells:
            lines.append("  ".join(
                _pad(text, widths[i], left=header[i] in left) for i, text in enumerate(line)
            ).rstrip())
        lines.append("good_ratio %, PM2.5/PM10/O3_8h_p90 µg/m³, CO_p95 mg/m³; valid = every "
                     "annual statistic meets GB 3095 Table 4")
        average = result["average"]
        for label, block in (("all days", average), ("without dust days",
                                                     average["excluding_dust"])):
            lines.append(f"average of {block['cities']} cities ({label}): good days "
                         f"{_cell(block['good_days'])}, good ratio {_cell(block['good_ratio'])}"
                         f" %, PM2.5 {_cell(block['PM2.5'])} µg/m³")
        for evaluation in cities.cities.values():
            r = evaluation.result.to_json()
            if not r["valid"] and r["validity_notes"]:
                more = len(r["validity_notes"]) - 1
                lines.append(f"  not valid: {r['city']}: {r['validity_notes'][0]}"
                             + (f" (+{more} more)" if more else ""))
        if cities.unassigned:
            lines.append("stations without a city (not evaluated): "
                         + ", ".join(cities.unassigned))
        for r in result["cities"]:
            if "run" in r:
                lines.append(f"  {r['city']}: run {r['run']['id']} for "
                             f"{r['run']['jurisdiction']}"
                             f"{'' if r['run']['created'] else ' (already stored)'}")
        lines.append(f"method: {next(iter(cities.cities.values())).result.to_json()['method']}")
        lines.append(f"hours: {_hour_label_text(cities.hour_label)}")
        return "\n".join(lines + Command._quality_lines(result))


def _edge_gap_texts(r: dict[str, Any]) -> list[str]:
    """The run page's sentences on a missing first or last hour, in English."""
    from django.utils import translation

    from ecotrack.monitoring.quality import edge_gap_texts

    with translation.override("en"):
        return edge_gap_texts(r)


def _hour_label_text(label: str) -> str:
    """The sentence the run page shows (monitoring/quality.py), in English like the rest of
    the command's output."""
    from django.utils import translation

    from ecotrack.monitoring.quality import HOUR_LABELS as HOUR_LABEL_TEXT

    with translation.override("en"):
        return str(HOUR_LABEL_TEXT[label])


def _cell(value: Any) -> str:
    return "—" if value is None else str(value)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, *, left: bool) -> str:
    space = " " * (width - _width(text))
    return text + space if left else space + text
