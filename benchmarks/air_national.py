"""A realistic national-scale year of hourly air data, resampled from the real Beijing data.

2,000 stations × 8,760 hours × 6 pollutants (17.5 million station-hours), written as the
engine's normalized Parquet (not committed: generated into var/bench/ on first use and reused
while the recipe version is unchanged). Each synthetic station k takes the 2015 series of one
of the 12 real Beijing stations (k mod 12), shifted by a whole number of days (wrapping in
the year, so the diurnal and weekly cycles stay real) and scaled by a factor 0.6…1.4, so the
national set has the gaps, episodes and ozone cycles of real data without being 167 copies
of Beijing. Stations form cities of 6 (≈ 334 cities), as in a national network.

The 12 CSV files are read in place by DuckDB; nothing is copied into the repository.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ecotrack.core.air.hourly import LAYOUT_KEY, LAYOUT_VERSION

RECIPE_VERSION = 1
YEAR = 2015
STATIONS = 2000
STATIONS_PER_CITY = 6
REPO = Path(__file__).resolve().parents[1]
BEIJING_CANDIDATES = (REPO.parent / "shared" / "data" / "beijing-prsa",
                      Path("/work/shared/data/beijing-prsa"))
BEIJING = next((p for p in BEIJING_CANDIDATES if p.is_dir()), BEIJING_CANDIDATES[0])
OUT_DIR = REPO / "var" / "bench" / "air-national"


@dataclass(frozen=True)
class NationalSet:
    parquet: Path
    city_of_station: dict[str, str]
    rows: int


def _city_of_station(n: int) -> dict[str, str]:
    return {f"S{k:04d}": f"C{k // STATIONS_PER_CITY:03d}" for k in range(n)}


def generate(out_dir: Path = OUT_DIR, stations: int = STATIONS) -> NationalSet:
    """Write (or reuse) the national year; return its path, station → city and row count."""
    out_dir.mkdir(parents=True, exist_ok=True)
    parquet = out_dir / f"national-{YEAR}-{stations}.parquet"
    stamp = out_dir / f"national-{YEAR}-{stations}.json"
    if parquet.exists() and stamp.exists():
        meta = json.loads(stamp.read_text())
        if meta.get("recipe") == RECIPE_VERSION:
            return NationalSet(parquet, _city_of_station(stations), int(meta["rows"]))
    files = sorted(str(p) for p in BEIJING.glob("PRSA_Data_*.csv.gz"))
    if len(files) != 12:
        raise FileNotFoundError(f"want the 12 Beijing PRSA files in {BEIJING}")
    con = duckdb.connect()
    try:
        con.execute(
            "CREATE TEMP TABLE base AS SELECT station AS src, "
            "make_date(year, month, day) AS d, hour, "
            '"PM2.5" AS pm25, PM10 AS pm10, SO2 AS so2, NO2 AS no2, CO AS co, O3 AS o3 '
            "FROM read_csv(?, nullstr='NA') WHERE year = ?",
            [files, YEAR],
        )
        con.execute(
            "CREATE TEMP TABLE src_index AS SELECT src, row_number() OVER (ORDER BY src) - 1 "
            "AS i FROM (SELECT DISTINCT src FROM base)"
        )
        # Station k: source k mod 12, day shift (k * 37) mod 365, scale 0.6 + (k * 0.137 mod 0.8).
        con.execute(
            "CREATE TEMP TABLE synth AS SELECT k, k % 12 AS i, (k * 37) % 365 AS shift, "
            "0.6 + ((k * 0.137) % 0.8) AS f FROM range(?) t(k)",
            [stations],
        )
        pollutants = ("so2", "no2", "pm10", "co", "o3", "pm25")
        scaled = ", ".join(
            f"round(b.{p} * s.f / 1000.0, 3) AS {p}" if p == "co" else f"round(b.{p} * s.f) AS {p}"
            for p in pollutants
        )
        metadata = f"{{'{LAYOUT_KEY.decode()}': '{LAYOUT_VERSION.decode()}'}}"
        con.execute(
            f"""COPY (
              SELECT printf('S%04d', s.k) AS station,
                     CAST(DATE '{YEAR}-01-01' + CAST((dayofyear(b.d) - 1 + s.shift) % 365
                          AS INTEGER) AS DATE) AS date,
                     CAST(b.hour AS TINYINT) AS hour, {scaled}
              FROM synth s JOIN src_index x ON s.i = x.i JOIN base b ON b.src = x.src
              ORDER BY station, date, hour
            ) TO '{parquet}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880,
                              KV_METADATA {metadata})"""  # noqa: S608 - our own path
        )
        rows = con.execute("SELECT count(*) FROM read_parquet(?)", [str(parquet)]).fetchone()
    finally:
        con.close()
    n = int(rows[0]) if rows else 0
    stamp.write_text(json.dumps({"recipe": RECIPE_VERSION, "rows": n, "year": YEAR}))
    return NationalSet(parquet, _city_of_station(stations), n)


if __name__ == "__main__":
    made = generate()
    print(made.parquet, made.rows)
