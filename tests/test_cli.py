"""The installed `ecotrack` console command, end to end, on a fresh SQLite database."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ECOTRACK = shutil.which("ecotrack", path=str(Path(sys.executable).parent))


@pytest.fixture
def fresh_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["ECOTRACK_VAR_DIR"] = str(tmp_path / "var")
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    assert ECOTRACK, "the ecotrack console script is not installed in this environment"
    return subprocess.run(
        [ECOTRACK, *args], env=env, capture_output=True, text=True, check=False, timeout=300
    )


def test_migrate_demo_twice_and_list_places(fresh_env: dict[str, str], tmp_path: Path):
    assert run(fresh_env, "migrate", "--noinput").returncode == 0
    first = run(fresh_env, "demo")
    assert first.returncode == 0, first.stderr
    password = (tmp_path / "var" / "demo-passwords" / "admin.txt").read_text().strip()
    assert password and password in first.stdout  # printed once …
    second = run(fresh_env, "demo")
    assert second.returncode == 0 and password not in second.stdout  # … and only once
    assert "0 created, 0 updated" in second.stdout

    listed = run(fresh_env, "places", "--json")
    places = json.loads(listed.stdout)
    children = [p["name_zh"] for p in places if p["parent_code"] == "150000"]
    assert len(children) == 12 and "锡林郭勒盟" in children and "通辽市" in children


def test_hyphenated_command_names_and_clear_errors(fresh_env: dict[str, str], tmp_path: Path):
    run(fresh_env, "migrate", "--noinput")
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "code,name_zh,name_en,level,parent_code\n123,甲,A,county,999999\n", encoding="utf-8"
    )
    result = run(fresh_env, "load-places", str(bad))
    assert result.returncode != 0
    assert f"{bad}: row 2: field 'code'" in result.stderr
    assert "Nothing was stored" in result.stderr
