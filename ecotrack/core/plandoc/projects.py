"""Key-project boxes (专栏 N title): their title and numbered items.

A box runs from its 「专栏 N」 line to the next structural heading of the main text. Items
are numbered （一）（二）…; a （N） that does not continue the box's own numbering belongs to
the main text again, which is how a box without a closing rule is told apart from the
section that follows. Word exports sometimes leave a box as one line of <p> fragments.
"""

from __future__ import annotations

import re

from .blocks import Block, Paragraph, RawTable
from .model import Project, ProjectItem
from .textnorm import normalize_cell

_BOX = re.compile(r"^\s*专栏\s*(?P<no>[\d一二三四五六七八九十]+)?\s*[:：.、]?\s*(?P<title>.*)$")
_TOP_HEADING = re.compile(
    r"^\s*([一二三四五六七八九十]+、|第[一二三四五六七八九十\d]+[章节篇部分])"
)
_ITEM = re.compile(r"^\s*[（(](?P<n>[一二三四五六七八九十\d]+)[）)]\s*(?P<title>.*)$")
_P_TAG = re.compile(r"</?p[^>]*>", re.I)
_NUMERALS = "一二三四五六七八九十"


def _ordinal(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _NUMERALS.index(text[1]) + 1
    if len(text) == 2 and text.endswith("十"):
        return (_NUMERALS.index(text[0]) + 1) * 10
    return _NUMERALS.index(text[0]) + 1 if text[0] in _NUMERALS else 0


def _fragments(text: str) -> list[str]:
    if _P_TAG.search(text):
        return [f.strip() for f in _P_TAG.split(text) if f.strip()]
    return [text]


def extract_projects(blocks: list[Block], *, from_pdf: bool) -> list[Project]:
    projects: list[Project] = []
    current: Project | None = None
    expected = 1
    for block in blocks:
        if isinstance(block, RawTable):
            if block.caption and _BOX.match(block.caption):
                current = None  # a 专栏 holding an indicator table is not a project box
            continue
        assert isinstance(block, Paragraph)
        text = normalize_cell(block.text, from_pdf=from_pdf)
        box = _BOX.match(text)
        if box:
            current = Project(box.group("no"), box.group("title").strip(), [], block.line)
            projects.append(current)
            expected = 1
            continue
        if current is None:
            continue
        if _TOP_HEADING.match(text):
            current = None
            continue
        for frag in _fragments(text):
            item = _ITEM.match(frag)
            if item:
                if _ordinal(item.group("n")) != expected:
                    current = None  # numbering of the main text resumes: the box is over
                    break
                expected += 1
                current.items.append(ProjectItem(f"（{item.group('n')}）", item.group("title"), ""))
            elif current.items and expected > 1:
                last = current.items[-1]
                last.text = f"{last.text} / {frag}" if last.text else frag
            elif not current.items:
                current.items.append(ProjectItem(None, None, frag))
            else:
                # An unnumbered box holds one paragraph; what follows is main text again.
                current = None
                break
    return projects
