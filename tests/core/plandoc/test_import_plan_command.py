"""The import_plan management command: dry-run mode (no database: pytest-django would refuse
any query, since those tests do not ask for the db fixture), and storing on behalf of --user
(docs/plan-import.md; the whole storing behaviour is in tests/importers)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from . import builders
from .conftest import DOCUMENTS

TONGLIAO = DOCUMENTS / "plan-tongliao-2021-2025.txt"


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_plan", *args, stdout=out)
    return out.getvalue()


def test_dry_run_json() -> None:
    data = json.loads(_run(str(TONGLIAO), "--dry-run", "--json", "--jurisdiction", "150500"))
    assert data["plan"]["jurisdiction_code"] == "150500"
    assert data["plan"]["base_year"] == 2020
    assert len(data["indicators"]) > 0
    assert all(ind["name"] for ind in data["indicators"])
    assert isinstance(data["warnings"], list)


def test_dry_run_summary(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(builders.build_docx())
    text = _run(str(path), "--dry-run")
    assert builders.TITLE in text
    for row in builders.SPEC:
        assert row.name[:8] in text


def test_storing_without_user_is_refused_before_the_file_is_read(tmp_path: Path) -> None:
    # No database and a file that does not exist: the --user check comes first.
    for path in (TONGLIAO, tmp_path / "missing.docx"):
        with pytest.raises(CommandError, match="--user USERNAME") as info:
            _run(str(path), "--jurisdiction", "150500")
        assert "missing.docx" not in str(info.value)
        assert "plans module" not in str(info.value)


def test_storing_with_user_stores_the_plan(places, make_user) -> None:
    from ecotrack.plans.models import Plan

    make_user("tongliao", "editor", "150500")
    out = _run(str(TONGLIAO), "--user", "tongliao")
    plan = Plan.objects.get()
    assert out.startswith(f"Stored {plan.title} (150500, plan id {plan.pk})")
    assert plan.jurisdiction.code == "150500" and plan.indicators.count() == 21


def test_bad_file_is_a_command_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(builders.build_docx()[:500])
    with pytest.raises(CommandError, match=r"broken\.docx"):
        _run(str(path), "--dry-run")
