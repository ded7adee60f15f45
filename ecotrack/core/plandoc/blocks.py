"""The intermediate form every reader produces: paragraphs and raw tables, in document order.

Keeping one shape for .txt, .docx and .pdf input means the table logic (headers, merged
cells, units, footnotes) is written and tested once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Origin = Literal["pdf", "docx", "sheet"]


@dataclass
class Paragraph:
    text: str
    ref: str  # where it is in the source, e.g. "line 79" or "paragraph 12"
    line: int | None = None


@dataclass
class RawRow:
    cells: list[str]
    ref: str
    after_page_break: bool = False


@dataclass
class RawTable:
    rows: list[RawRow]
    origin: Origin
    ref: str
    caption: str | None = None
    footnotes: list[Paragraph] = field(default_factory=list)


Block = Paragraph | RawTable


@dataclass
class Document:
    blocks: list[Block]
    origin: Origin
    filename: str

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[RawTable]:
        return [b for b in self.blocks if isinstance(b, RawTable)]
