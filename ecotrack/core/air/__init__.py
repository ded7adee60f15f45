"""Air-quality evaluation by HJ 633 (2012 and 2026), GB 3095 and HJ 663: pure methods.

Modules, one job each:
- `standards`: breakpoint tables, categories, validity minima, version selection (data)
- `rounding`, `percentile`, `iaqi`: the arithmetic of the standards
- `units`, `readers`, `hourly`: input formats → the normalized hourly table / Parquet
- `reference`, `daily`, `annual`: the pure-Python evaluation and the annual rules
- `sql`, `duckdb_engine`, `spark_engine`: the same evaluation as generated SQL
- `evaluate`: one entry point that picks the engine
"""
