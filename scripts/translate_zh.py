"""Fill missing 简体中文 translations in the catalogue from the reviewed glossaries.

Run by `make messages` after extraction. Each app keeps its glossary in
scripts/glossary/<app>.json ({"English msgid": "中文"}); plural forms go in
scripts/glossary/<app>-plurals.json. Entries already translated in the .po are kept.
Exit status 1 lists the strings that still need a translation.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "ecotrack/locale/zh_Hans/LC_MESSAGES/django.po"
GLOSSARIES = ROOT / "scripts" / "glossary"


def load_glossaries() -> tuple[dict[str, str], dict[str, str]]:
    singular: dict[str, str] = {}
    plural: dict[str, str] = {}
    for path in sorted(GLOSSARIES.glob("*.json")):
        target = plural if path.stem.endswith("-plurals") else singular
        target.update(json.loads(path.read_text(encoding="utf-8")))
    return singular, plural


def main() -> int:
    singular, plural = load_glossaries()
    po = polib.pofile(str(PO))
    missing = []
    for entry in po:
        if entry.msgid_plural:
            if entry.msgid in plural and (not entry.msgstr_plural.get(0) or entry.fuzzy):
                entry.msgstr_plural = {0: plural[entry.msgid]}
            elif not entry.msgstr_plural.get(0):
                missing.append(entry.msgid)
        elif entry.msgid in singular and (not entry.msgstr or entry.fuzzy):
            entry.msgstr = singular[entry.msgid]
        elif not entry.msgstr:
            missing.append(entry.msgid)
        if entry.fuzzy and (entry.msgid in singular or entry.msgid in plural):
            entry.flags.remove("fuzzy")
    po.save()
    for msgid in missing:
        print(f"untranslated: {msgid!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
