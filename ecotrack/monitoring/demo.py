"""Demo: Beijing 2015 from a two-station excerpt of the real data, evaluated and stored.

Idempotent: the run is found by its input fingerprint, so a second `ecotrack demo` adds
nothing. Beijing (110000) is added to the jurisdictions from data/beijing.csv. The run is
published: the demo shows what the public sees.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ecotrack.core.air.evaluate import evaluate_files
from ecotrack.monitoring.runs import fingerprint_and_hashes, store_run
from ecotrack.places.loading import load_csv
from ecotrack.places.models import Jurisdiction

DATA = Path(__file__).parent / "data"
EXCERPT = sorted(DATA.glob("PRSA_Data_*_2015.csv.gz"))
YEAR = 2015
NOTE = "Demo: 2 of Beijing's 12 stations (Dongsi, Guanyuan) — not the official city figure"


def load(write: Callable[[str], None]) -> None:
    load_csv(DATA / "beijing.csv")
    beijing = Jurisdiction.objects.get(code="110000")
    shape = {"fmt": "prsa", "year": YEAR, "city": None, "standard": "auto",
             "engine": "duckdb", "dust_days": [], "stations": ["Dongsi", "Guanyuan"]}
    digest, hashes = fingerprint_and_hashes(EXCERPT, shape)
    from ecotrack.monitoring.models import AirEvaluationRun

    if AirEvaluationRun.objects.filter(jurisdiction=beijing, year=YEAR,
                                       input_fingerprint=digest).exists():
        write("Air quality: Beijing 2015 demo run already stored")
        return
    evaluation = evaluate_files("prsa", EXCERPT, year=YEAR, engine="duckdb")
    run, _created = store_run(beijing, evaluation, standard_choice="auto",
                              input_fingerprint=digest, input_files=EXCERPT,
                              input_hashes=hashes, note=NOTE, publish=True)
    write(f"Air quality: stored the Beijing 2015 demo run ({run.get_absolute_url()})")
