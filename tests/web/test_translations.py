"""Every UI string is translated into 简体中文, and the compiled catalogue matches the source."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

import ecotrack

PACKAGE = Path(ecotrack.__file__).parent
CATALOGUE = PACKAGE / "locale" / "zh_Hans" / "LC_MESSAGES"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_every_ui_string_has_a_chinese_translation(tmp_path: Path):
    # Extract the strings afresh from a copy of the code, merging with the committed catalogue:
    # a string added to a template or model without a translation shows up as an empty msgstr.
    copy = tmp_path / "ecotrack"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "core"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            "-l",
            "zh_Hans",
            "--no-obsolete",
            "--settings",
            "ecotrack.settings",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    po = polib.pofile(str(copy / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == [], (
        f"untranslated UI strings (add them to scripts/translate_zh.py): {untranslated}"
    )
    assert fuzzy == [], f"fuzzy translations to review: {fuzzy}"


def test_compiled_catalogue_matches_the_source():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    mo = polib.mofile(str(CATALOGUE / "django.mo"))
    compiled = {(e.msgctxt, e.msgid): (e.msgstr or e.msgstr_plural) for e in mo if e.msgid}
    source = {(e.msgctxt, e.msgid): (e.msgstr or e.msgstr_plural) for e in po.translated_entries()}
    stale = {k for k in source if str(compiled.get(k)) != str(source[k])}
    assert not stale, f"django.mo is out of date for {sorted(stale)[:5]}: run `make messages`"
