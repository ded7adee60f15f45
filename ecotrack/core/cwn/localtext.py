"""A short text in the two UI languages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class LocalText:
    en: str
    zh: str

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> LocalText:
        return cls(en=str(raw["en"]), zh=str(raw["zh"]))

    def to_dict(self) -> dict[str, str]:
        return {"en": self.en, "zh": self.zh}
