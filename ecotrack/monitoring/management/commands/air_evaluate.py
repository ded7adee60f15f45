"""`ecotrack air-evaluate`: evaluate a city-year of hourly air data by HJ 633 / HJ 663.

Pure computation: the command reads files and writes files, and never touches the database
(so it works before `migrate`). Storing results as plan observations (`--record`) needs the
plans module and comes later.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ecotrack.core.air.errors import AirError
from ecotrack.core.air.evaluate import ENGINES, evaluate_files, write_outputs
from ecotrack.core.air.readers import FORMATS, read_dust_days, read_stations
from ecotrack.core.air.standards import STANDARD_CHOICES


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
        parser.add_argument("--stations", type=Path, help="station metadata CSV: station,city")
        parser.add_argument("--standard", default="auto", choices=STANDARD_CHOICES)
        parser.add_argument("--dust-days", type=Path, help="file of dust-affected dates (扣沙)")
        parser.add_argument("--engine", default="duckdb", choices=ENGINES)
        parser.add_argument("--spark-master", help="Spark master URL (engine spark)")
        parser.add_argument("--out", type=Path, help="directory for the daily table and JSON")
        parser.add_argument("--json", action="store_true", help="print the result as JSON")
        parser.add_argument(
            "--record", action="store_true", help="store the result as plan observations"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["record"]:
            raise CommandError("--record is not yet available: needs the plans module")
        try:
            station_cities = read_stations(options["stations"]) if options["stations"] else None
            dust = read_dust_days(options["dust_days"]) if options["dust_days"] else set()
            evaluation = evaluate_files(
                options["fmt"],
                options["paths"],
                year=options["year"],
                city=options["city"],
                standard=options["standard"],
                dust_days=dust,
                engine=options["engine"],
                station_cities=station_cities,
                spark_master=options["spark_master"],
            )
        except (AirError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        result = evaluation.result.to_json()
        if options["out"]:
            for path in write_outputs(options["out"], evaluation):
                self.stderr.write(f"wrote {path}")
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        self.stdout.write(self._text(result))

    @staticmethod
    def _text(r: dict[str, Any]) -> str:
        a = r["annual"]
        lines = [
            f"{r['city'] or 'stations'} {r['year']} — {r['standard']} ({r['engine']})",
            f"stations: {', '.join(r['stations'])}",
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
        ]
        return "\n".join(lines)
