"""French quotation marks and the reporter's sentences around them.

French news quotes in guillemets (« … », with non-breaking spaces inside) and nests English
marks or guillemets inside them (« 261 cas de « réelle » fraude »); straight and curly double
marks are read where no guillemet opens a quotation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_PAIRS = {"«": "»", "“": "”", "\"": "\""}
_SPACE = " \t\n\u00a0\u202f"
#: A dash that opens another speaker's turn inside one quotation: after a sentence's end,
#: before a capital.
_DIALOGUE_DASH = re.compile(r"(?<=[.!?…])[ \u00a0\u202f]+([—–])[ \u00a0\u202f]+(?=[A-ZÀ-ÖØ-Þ])")
#: A full stop after one capital letter or a title is no sentence end ("B. Obama", "M. Samaras").
_ABBREVIATION = re.compile(r"(?:\b[A-ZÉ]|\bM|\bMme|\bDr|\bMM|\bav|\bJ\.-C)\.$")


@dataclass(frozen=True)
class Region:
    """One top-level quotation: the marks at ``start`` and ``end - 1``, the words inside."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    turn: bool = False  # opened by a dash: another speaker's words in one quotation


def quotations(text: str) -> list[Region]:
    """Top-level quotations, in order; an unclosed one runs to the end of its paragraph."""
    regions: list[Region] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch not in _PAIRS or (ch == "\"" and _inside_word(text, i)):
            i += 1
            continue
        close, depth, j = _PAIRS[ch], 0, i + 1
        while j < n:
            if text[j] == ch and ch != close:
                depth += 1
            elif text[j] == close:
                if depth == 0:
                    break
                depth -= 1
            elif text.startswith("\n\n", j):
                break
            j += 1
        end = j + 1 if j < n and text[j] == close else j
        inner_start, inner_end = i + 1, end - 1 if end > j else end
        while inner_start < inner_end and text[inner_start] in _SPACE:
            inner_start += 1
        while inner_end > inner_start and text[inner_end - 1] in _SPACE + ",":
            inner_end -= 1
        if inner_end > inner_start:
            regions += _turns(text, Region(i, end, inner_start, inner_end))
        i = end
    return regions


def _turns(text: str, region: Region) -> list[Region]:
    """A quotation of a dialogue, one region per speaker's turn: « Eh oui ! — Tout à fait ! »
    (a dash after a sentence's end opens the next speaker's words); a turn opens at its dash."""
    turns: list[Region] = []
    start, inner = region.start, region.inner_start
    for dash in _DIALOGUE_DASH.finditer(text, region.inner_start, region.inner_end):
        before = text[inner : dash.start()].rstrip(_SPACE)
        if before:
            turns.append(Region(start, dash.start(), inner, inner + len(before), turn=bool(turns)))
        start, inner = dash.start(1), dash.end()
    return turns + [Region(start, region.end, inner, region.inner_end, turn=bool(turns))]


def _inside_word(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def sentences(text: str, regions: list[Region]) -> list[tuple[int, int]]:
    """The reporter's sentences: cut after ``.``, ``!`` or ``?`` outside quotations and at line
    breaks, never inside a quotation ("« A. B », dit-il." is one sentence)."""
    inside = bytearray(len(text))
    for r in regions:
        inside[r.start : r.end] = b"\x01" * (r.end - r.start)
    bounds, start = [], 0
    for i, ch in enumerate(text):
        end = None
        if ch == "\n":
            end = i
        elif ch in ".!?" and not inside[i] and (i + 1 == len(text) or text[i + 1] in _SPACE) \
                and not _ABBREVIATION.search(text[max(0, i - 6) : i + 1]):
            end = i + 1
        if end is not None:
            if text[start:end].strip():
                bounds.append(_strip(text, start, end))
            start = i + 1
    if text[start:].strip():
        bounds.append(_strip(text, start, len(text)))
    return bounds


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


def trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    """A content span without edge spaces, commas, colons or dashes (a final full stop stays
    only inside quotation marks, where the speaker put it)."""
    while start < end and text[start] in _SPACE + ",;:—–-":
        start += 1
    while end > start and text[end - 1] in _SPACE + ",;:—–-.":
        end -= 1
    return start, end
