"""Which CJK font the PDF reports use, found through fontconfig (the same lookup WeasyPrint
makes), so that a missing font is reported by name instead of producing boxes (豆腐) silently."""

from __future__ import annotations

import shutil
import subprocess
from functools import cache

# The family the report stylesheet asks for first; Debian's fonts-noto-cjk provides it.
PREFERRED_FAMILY = "Noto Sans CJK SC"


@cache
def cjk_font_families() -> tuple[str, ...]:
    """Font families fontconfig knows that cover Simplified Chinese (empty without fc-list)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ()
    result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [fc_list, ":lang=zh-cn", "family"], capture_output=True, text=True, check=False
    )
    families: set[str] = set()
    for line in result.stdout.splitlines():
        families.update(name.strip() for name in line.split(",") if name.strip())
    return tuple(sorted(families))


def cjk_font_warning() -> str | None:
    """A message for the user when Chinese text would render without a proper font."""
    families = cjk_font_families()
    if PREFERRED_FAMILY in families:
        return None
    if families:
        return (
            f"Font '{PREFERRED_FAMILY}' is not installed; Chinese text will use "
            f"'{families[0]}'. Install fonts-noto-cjk for the intended look."
        )
    return (
        "No Chinese (CJK) font found by fontconfig: Chinese text in the PDF will be illegible. "
        "Install one, e.g. `apt-get install fonts-noto-cjk`."
    )
