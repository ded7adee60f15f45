# ecotrack — `make run` to set up and serve, `make test` to set up and run every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
UV_VERSION := 0.13.9
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lint bench demo lock messages clean

# --compile-bytecode: where PYTHONDONTWRITEBYTECODE is set (as on our CI machines) every
# command would otherwise recompile its imports: a one-city air-evaluate 2.2 s -> 1.1 s.
$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@test -x $(BIN)/uv || $(BIN)/python -m pip install -q --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip sync -q --compile-bytecode --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install -q --python $(BIN)/python --no-deps -e .
	@touch $@

install: $(STAMP)

run: install
	$(BIN)/ecotrack migrate --noinput
	$(BIN)/ecotrack demo
	$(BIN)/ecotrack runserver $(HOST):$(PORT)

test: install
	bash scripts/ensure-system-packages.sh
	$(BIN)/ruff check .
	$(BIN)/mypy ecotrack
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy ecotrack

bench: install
	$(BIN)/pytest benchmarks -o python_files='bench_*.py' --benchmark-only --benchmark-columns=min,median,max,rounds -p no:cacheprovider

# Regenerate the lock file after changing dependencies in pyproject.toml.
lock: install
	$(BIN)/uv pip compile pyproject.toml --extra dev --extra spark --generate-hashes --python-version 3.11 -q -o requirements.lock

# Extract UI strings, fill translations from scripts/glossary/*.json, compile (needs GNU gettext).
messages: install
	cd ecotrack && ../$(BIN)/django-admin makemessages -l zh_Hans --no-obsolete --add-location file \
	  --ignore 'core/*' --settings ecotrack.settings
	$(BIN)/python scripts/translate_zh.py
	cd ecotrack && ../$(BIN)/django-admin compilemessages -l zh_Hans --settings ecotrack.settings

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
