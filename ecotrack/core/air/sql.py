"""SQL generated from the method data in `standards.py`, for DuckDB and Spark SQL.

No breakpoint, threshold or category bound is typed here: every number comes from
`standards.py`, so the SQL engines and the Python reference cannot drift apart. The text is
written in the common subset of DuckDB and Spark SQL (ANSI mode); the few differences
(identifier quoting, percentile function) live in `Dialect`.

Relations the caller provides: `hourly_source` (normalized layout, see hourly.py),
`city_stations(station, city, sid)` (sid: a distinct INT per station) and
`dust_days(obs_day DATE)`. Every statement is grouped by `city`, so one pass evaluates one
city or every city of a national data set.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from .annual import CHECKED_STATISTICS
from .daily import ALL_DAILY_ITEMS
from .iaqi import TOP_IAQI
from .rounding import CEIL_SNAP_DECIMALS, SNAP_DECIMALS
from .standards import (
    ANNUAL_MEANS,
    ANNUAL_PERCENTILES,
    CATEGORIES,
    CONCENTRATION_DECIMALS,
    DAILY_STATISTICS,
    ITEM_LABEL,
    ITEM_STATISTIC,
    POLLUTANTS,
    STANDARDS,
    SWITCH_DATE,
    VALIDITY,
    AqiStandard,
)


@dataclass(frozen=True)
class Dialect:
    name: str
    quote_char: str
    percentile_function: str  # called as f(column, fraction)
    shift_left_function: str | None  # None: the `<<` operator
    add_days_function: str | None  # None: the `date + int` operator

    def quote(self, identifier: str) -> str:
        return f"{self.quote_char}{identifier}{self.quote_char}"

    def shift_left(self, value: str, bits: str) -> str:
        if self.shift_left_function is None:
            return f"({value} << {bits})"
        return f"{self.shift_left_function}({value}, {bits})"

    def add_days(self, day: str, days: str) -> str:
        if self.add_days_function is None:
            return f"({day} + {days})"
        return f"{self.add_days_function}({day}, {days})"


DUCKDB = Dialect("duckdb", '"', "quantile_cont", None, None)
SPARK = Dialect("spark", "`", "percentile", "shiftleft", "date_add")


def num_lit(value: float) -> str:
    """A DOUBLE literal in both dialects (a bare 50.0 would be DECIMAL)."""
    return f"{float(value)!r}E0"


def str_lit(text: str) -> str:
    """A quoted SQL string literal (quotes doubled)."""
    return "'" + text.replace("'", "''") + "'"


def round_gbt8170(expr: str, decimals: int) -> str:
    """SQL twin of rounding.gbt8170_round (round half to even after snapping)."""
    scale = num_lit(10**decimals)
    y = f"round(({expr}) * {scale}, {SNAP_DECIMALS})"
    return (
        f"(CASE WHEN ({expr}) IS NULL THEN NULL "
        f"WHEN {y} - floor({y}) = 0.5E0 THEN (floor({y}) + floor({y}) % 2) / {scale} "
        f"ELSE floor({y} + 0.5E0) / {scale} END)"
    )


def iaqi_expr(item: str, column: str, standard: AqiStandard) -> str:
    """SQL twin of iaqi.iaqi for one daily item (special cases included)."""
    table = standard.iaqi_table(item)
    parts = [f"CASE WHEN {column} IS NULL THEN NULL"]
    for (c_lo, i_lo), (c_hi, i_hi) in pairwise(table):
        value = (
            f"{num_lit(i_hi - i_lo)} * ({column} - {num_lit(c_lo)}) / {num_lit(c_hi - c_lo)} "
            f"+ {num_lit(i_lo)}"
        )
        parts.append(
            f"WHEN {column} <= {num_lit(c_hi)} "
            f"THEN CAST(ceil(round({value}, {CEIL_SNAP_DECIMALS})) AS INT)"
        )
    top_iaqi = table[-1][1]
    if top_iaqi == TOP_IAQI:
        above = str(TOP_IAQI)
    else:
        rule = standard.so2_1h_above_800 if item == "so2_1h" else standard.o3_8h_above_800
        if rule in ("iaqi_200", "iaqi_300"):
            above = rule.removeprefix("iaqi_")
        else:
            fallback = "so2_24h" if rule == "use_24h" else "o3_1h"
            if fallback not in standard.daily_items:
                raise ValueError(f"{standard.title}: {item} needs {fallback} in the daily set")
            above = "NULL"  # the fallback item is in the set and speaks for the pollutant
    parts.append(f"ELSE {above} END")
    return "(" + " ".join(parts) + ")"


def _by_standard(choice: str, build: dict[str, str]) -> str:
    """Pick the expression of the version in force on obs_day (or the fixed version)."""
    if choice != "auto":
        return build[choice]
    return (
        f"(CASE WHEN obs_day < DATE '{SWITCH_DATE.isoformat()}' THEN {build['hj633-2012']} "
        f"ELSE {build['hj633-2026']} END)"
    )


def _aqi_expr(standard: AqiStandard) -> str:
    items = standard.daily_items
    complete = " AND ".join(f"c_{ITEM_STATISTIC[i]} IS NOT NULL" for i in items)
    best = "GREATEST(" + ", ".join(f"COALESCE(iaqi_{i}, -1)" for i in items) + ")"
    best = f"(CASE WHEN {best} < 0 THEN NULL ELSE {best} END)"
    if standard.partial_day_valid_above is None:
        value = f"(CASE WHEN {complete} THEN {best} END)"
    else:
        value = (
            f"(CASE WHEN {complete} THEN {best} "
            f"WHEN {best} > {standard.partial_day_valid_above} THEN {best} END)"
        )
    if standard.aqi_min:
        # GREATEST skips NULLs in both engines: keep an invalid day invalid.
        floor = standard.aqi_min
        return f"(CASE WHEN {value} IS NULL THEN NULL ELSE GREATEST({value}, {floor}) END)"
    return value


def _window_sum(terms: list[str]) -> str:
    """Left-to-right sum, the order of the Python reference (bit-identical means)."""
    out = terms[0]
    for term in terms[1:]:
        out = f"({out} + {term})"
    return out


def station_day_sql(year: int, dialect: Dialect) -> str:
    """Daily statistics of every station-day of `year`, in ONE grouped pass over the hours.

    The O3 hours of a day are pivoted into 24 columns (h00…h23) by conditional aggregates, so
    the 17 moving 8-h windows are plain column arithmetic on the station-day row: no join of
    the hours with the windows (17× the rows) and no window function over the hourly data.
    `n_rows`, `slot_mask`, `min_slot`, `max_slot` let the caller prove one row per hour.
    """
    q = dialect.quote
    v = VALIDITY
    daily_means = ",\n    ".join(
        f"CASE WHEN COUNT({p}) >= {v.hours_per_day} THEN AVG({p}) END AS {s}"
        for s, p in DAILY_STATISTICS.items()
        if s not in ("o3_1h", "o3_8h")
    )
    # MAX(CASE …) measured cheaper in CPU than first()/any_value() FILTER, if(), an ordered
    # list() or a list of structs; exact because each slot has at most one row (the caller
    # checks n_rows/slot_mask). Missing hours become 0: x + 0.0 is exactly x, so the
    # left-to-right window sums below stay those of the Python reference.
    pivot = ", ".join(
        f"COALESCE(MAX(CASE WHEN slot = {h} THEN o3 END), 0E0) AS h{h:02d}" for h in range(24)
    )
    # Which hours have an O3 value, as bits: a window's count is one bit_count (instead of
    # 8 CASE expressions per window, measured ≈ 0.3 CPU-s on the national year).
    hour_bit = f"CAST({dialect.shift_left('1', 'slot')} AS BIGINT)"
    o3_mask = f"bit_or(CASE WHEN o3 IS NULL THEN 0 ELSE {hour_bit} END)"
    windows = []
    for end in v.window_end_slots:
        first = end - v.window_hours + 1
        bits = ((1 << v.window_hours) - 1) << first
        n = f"bit_count(o3_mask & {bits})"
        total = _window_sum([f"h{h:02d}" for h in range(first, end + 1)])
        windows.append(
            f"CASE WHEN {n} >= {v.hours_per_window} THEN {total} / {n} END AS w{end:02d}"
        )
    window_cols = [f"w{e:02d}" for e in v.window_end_slots]
    n_windows = " + ".join(f"(CASE WHEN {w} IS NULL THEN 0 ELSE 1 END)" for w in window_cols)
    # GREATEST skips NULLs in both engines (NULL only when every window is NULL).
    best = "GREATEST(" + ", ".join(window_cols) + ")"
    hourly_columns = ", ".join(f"src.{p}" for p in POLLUTANTS)
    day_of_year = dialect.add_days(f"DATE '{year - 1:04d}-12-31'", "p.doy")
    return f"""
WITH hourly AS (
  -- integer keys (station number, day of year): the grouping hashes two INTs instead of
  -- a string and a date (measured ≈ 10–25 % less time on the national year, same rows)
  SELECT cs.sid, CAST(dayofyear(src.{q('date')}) AS INT) AS doy,
         CAST(src.{q('hour')} AS INT) AS slot, {hourly_columns}
  FROM hourly_source AS src JOIN city_stations AS cs ON src.station = cs.station
  WHERE src.{q('date')} BETWEEN DATE '{year:04d}-01-01' AND DATE '{year:04d}-12-31'
),
pivoted AS (
  -- grouped by station and day only; the city joins the 24× smaller result
  SELECT sid, doy,
    COUNT(*) AS n_rows, bit_or({hour_bit}) AS slot_mask,
    MIN(slot) AS min_slot, MAX(slot) AS max_slot,
    {daily_means},
    CASE WHEN COUNT(o3) >= {v.hours_per_day} THEN MAX(o3) END AS o3_1h,
    {o3_mask} AS o3_mask,
    {pivot}
  FROM hourly GROUP BY sid, doy
),
windowed AS (
  SELECT cs.city, cs.station, {day_of_year} AS obs_day, n_rows, slot_mask, min_slot, max_slot,
    {", ".join(s for s in DAILY_STATISTICS if s != "o3_8h")},
    {", ".join(windows)}
  FROM pivoted AS p JOIN city_stations AS cs ON p.sid = cs.sid
),
best AS (
  SELECT *, {best} AS o3_8h_max, {n_windows} AS n_windows FROM windowed
)
SELECT city, station, obs_day, n_rows, slot_mask, min_slot, max_slot,
  {", ".join(s for s in DAILY_STATISTICS if s != "o3_8h")},
  CASE WHEN n_windows >= {v.windows_per_day} OR o3_8h_max > {num_lit(v.o3_8h_limit)}
       THEN o3_8h_max END AS o3_8h
FROM best
"""  # noqa: S608


def city_daily_sql(choice: str, dialect: Dialect, station_day: str = "station_day") -> str:
    """The city daily series from the station-day relation: mean, rounding, IAQI, AQI."""
    if choice != "auto" and choice not in STANDARDS:
        raise ValueError(f"unknown standard {choice!r}")
    city_means = ", ".join(f"AVG({s}) AS raw_{s}" for s in DAILY_STATISTICS)
    rounded = ", ".join(
        f"{round_gbt8170(f'raw_{s}', CONCENTRATION_DECIMALS[p])} AS c_{s}"
        for s, p in DAILY_STATISTICS.items()
    )
    iaqis = ",\n      ".join(
        _by_standard(
            choice,
            {
                code: (
                    iaqi_expr(item, f"c_{ITEM_STATISTIC[item]}", std)
                    if item in std.daily_items else "CAST(NULL AS INT)"
                )
                for code, std in STANDARDS.items()
            },
        ) + f" AS iaqi_{item}"
        for item in ALL_DAILY_ITEMS
    )
    aqi = _by_standard(choice, {code: _aqi_expr(std) for code, std in STANDARDS.items()})
    category = "CASE WHEN aqi IS NULL THEN NULL " + " ".join(
        f"WHEN aqi <= {c.aqi_max} THEN '{c.name_zh}'" for c in CATEGORIES if c.aqi_max
    ) + f" ELSE '{CATEGORIES[-1].name_zh}' END"
    flags = ",\n      ".join(
        f"COALESCE(aqi > 50 AND iaqi_{i} = aqi, FALSE) AS p_{i}" for i in ALL_DAILY_ITEMS
    )
    primary = "concat_ws(',', " + ", ".join(
        f"CASE WHEN p_{i} THEN '{ITEM_LABEL[i]}' END" for i in ALL_DAILY_ITEMS
    ) + ")"
    standard_code = _by_standard(choice, {code: f"'{code}'" for code in STANDARDS})
    # Only numbers from standards.py and fixed names go into the text.
    return f"""
WITH city_day AS (
  SELECT city, obs_day, COUNT(*) AS n_stations, {city_means}
  FROM {station_day} GROUP BY city, obs_day
),
rounded AS (SELECT *, {rounded} FROM city_day),
indexed AS (
  SELECT *,
      {iaqis}
  FROM rounded
),
with_aqi AS (SELECT *, {aqi} AS aqi FROM indexed),
flagged AS (
  SELECT *, {category} AS category, {standard_code} AS standard,
      {flags}
  FROM with_aqi
)
SELECT f.*, {primary} AS primary_pollutants,
       (dd.obs_day IS NOT NULL) AS dust
FROM flagged AS f LEFT JOIN dust_days AS dd ON f.obs_day = dd.obs_day
"""  # noqa: S608


def daily_sql(year: int, choice: str, dialect: Dialect) -> str:
    """Hourly → city daily series in one statement (station days as a CTE)."""
    station_day = station_day_sql(year, dialect).strip()
    city = city_daily_sql(choice, dialect, "station_day").strip()
    assert city.startswith("WITH ")
    return f"WITH station_day AS ({station_day}),\n{city.removeprefix('WITH ')}"


def annual_sql(daily_relation: str, dialect: Dialect) -> str:
    """Annual aggregates of the daily series, for all days and for days without dust."""
    counts = [
        "COUNT(aqi) AS valid_days",
        "COUNT(CASE WHEN aqi <= 100 THEN 1 END) AS good_days",
        "COUNT(CASE WHEN aqi > 200 THEN 1 END) AS heavy_days",
    ]
    counts += [
        f"COUNT(CASE WHEN category = '{c.name_zh}' THEN 1 END) AS cat_{i}"
        for i, c in enumerate(CATEGORIES)
    ]
    counts += [f"AVG(raw_{s}) AS mean_{s}" for s in ANNUAL_MEANS]
    counts += [
        f"{dialect.percentile_function}(raw_{s}, {num_lit(p / 100)}) AS {key}"
        for key, (s, p) in ANNUAL_PERCENTILES.items()
    ]
    counts += [
        f"SUM(CASE WHEN p_{i} THEN 1 ELSE 0 END) AS primary_{i}" for i in ALL_DAILY_ITEMS
    ]
    counts += [
        f"COUNT(CASE WHEN month(obs_day) = {m} THEN raw_{s} END) AS n_{s}_m{m:02d}"
        for s in CHECKED_STATISTICS
        for m in range(1, 13)
    ]
    body = ",\n  ".join(counts)
    return (
        f"SELECT city, 'all' AS subset,\n  {body}\nFROM {daily_relation} GROUP BY city\n"
        f"UNION ALL\n"
        f"SELECT city, 'excluding_dust' AS subset,\n  {body}\nFROM {daily_relation} "
        f"WHERE NOT dust GROUP BY city"
    )
