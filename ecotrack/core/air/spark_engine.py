"""The same evaluation on Apache Spark (the SQL text is generated once, in sql.py).

Runs anywhere Spark runs: local mode in tests, or a cluster through spark-submit or a master
URL (see docs/air.md). PySpark is an optional dependency (`pip install ecotrack[spark]`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from .annual import AnnualAggregates
from .daily import DailyCity
from .errors import AirDataError
from .hourly import SCHEMA
from .sql import SPARK, annual_sql, daily_sql
from .sql_rows import aggregates_from_row, daily_from_row


def spark_session(master: str | None = None, app_name: str = "ecotrack-air") -> Any:
    """A SparkSession; `master` e.g. "local[2]" or "spark://host:7077" (None: as configured)."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def evaluate_spark(
    spark: Any,
    parquet_paths: Sequence[Path | str],
    stations: Collection[str],
    year: int,
    standard_choice: str = "auto",
    dust_days: Collection[date] = (),
) -> tuple[list[DailyCity], AnnualAggregates, AnnualAggregates]:
    """Daily series and annual aggregates of one city-year, computed by Spark SQL."""
    from pyspark.sql import functions as F

    source = spark.read.parquet(*[str(p) for p in parquet_paths])
    missing = [n for n in SCHEMA.names if n not in source.columns]
    if missing:
        raise AirDataError(
            f"not the normalized air layout: missing column(s) {', '.join(missing)}",
            file=", ".join(str(p) for p in parquet_paths), field=missing[0],
        )
    duplicate = (
        source.groupBy("station", "date", "hour").count().where(F.col("count") > 1).first()
    )
    if duplicate is not None:
        raise AirDataError(
            f"more than one record for station {duplicate['station']} at {duplicate['date']} "
            f"hour {duplicate['hour']}", field="station/date/hour",
        )
    source.createOrReplaceTempView("hourly_source")
    spark.createDataFrame([(s, "", i) for i, s in enumerate(sorted(stations))],
                          "station STRING, city STRING, sid INT") \
        .createOrReplaceTempView("city_stations")
    spark.createDataFrame([(d,) for d in sorted(dust_days)], "obs_day DATE") \
        .createOrReplaceTempView("dust_days")
    daily = spark.sql(daily_sql(year, standard_choice, SPARK)).cache()
    try:
        daily.createOrReplaceTempView("daily")
        days = [daily_from_row(r.asDict()) for r in daily.orderBy("obs_day").collect()]
        rows = {r["subset"]: r.asDict() for r in spark.sql(annual_sql("daily", SPARK)).collect()}
    finally:
        daily.unpersist()
    return days, aggregates_from_row(rows["all"]), aggregates_from_row(rows["excluding_dust"])
