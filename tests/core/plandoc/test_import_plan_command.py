"""The import_plan management command in dry-run mode (no database: pytest-django would
refuse any query, since no test here asks for the db fixture)."""

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


def test_without_dry_run_refuses() -> None:
    with pytest.raises(CommandError, match="plans module"):
        _run(str(TONGLIAO))


def test_bad_file_is_a_command_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(builders.build_docx()[:500])
    with pytest.raises(CommandError, match=r"broken\.docx"):
        _run(str(path), "--dry-run")
