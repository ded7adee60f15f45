#!/usr/bin/env python
"""Django's usual entry point; the same as the `ecotrack` command."""

from ecotrack.cli import main

if __name__ == "__main__":
    main()
