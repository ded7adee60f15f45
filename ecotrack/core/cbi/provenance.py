"""Where a piece of CBI reference data comes from, and how far it can be trusted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal["verified", "secondary", "provisional"]
STATUSES: tuple[Status, ...] = ("verified", "secondary", "provisional")


@dataclass(frozen=True)
class Provenance:
    """`verified`: read in the primary source or a faithful copy; `secondary`: a third party's
    transcription; `provisional`: recalled or our own placeholder, to be checked before use."""

    status: Status
    source: str

    @property
    def is_provisional(self) -> bool:
        return self.status == "provisional"
