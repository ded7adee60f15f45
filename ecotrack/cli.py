"""The `ecotrack` console command: Django's management commands plus ecotrack's own.

`ecotrack migrate`, `ecotrack runserver`, `ecotrack demo`, `ecotrack places --json`, …
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecotrack.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else ["ecotrack", *argv])
    args[0] = "ecotrack"
    if len(args) > 1 and not args[1].startswith("-"):
        # Commands are spelt with hyphens on the command line (`import-plan`), while Python
        # modules need underscores (`import_plan.py`).
        args[1] = args[1].replace("-", "_")
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
