"""Quotation-mark regions: pair opening and closing marks, straight or curly, across paragraphs.

Works on the text alone, so an odd number of marks never raises: an unclosed quote runs to the
end of its paragraph, unless the next paragraph opens with a quote mark, the news convention
for a quotation that continues over several paragraphs. Any line break ends a paragraph.
"""
from __future__ import annotations

from dataclasses import dataclass

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
_BEFORE_OPEN = " \n\t([{—–-/:;"


@dataclass(frozen=True)
class QuoteRegion:
    """A quoted stretch: ``start``/``end`` include the marks, ``inner`` excludes them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True
    paragraphs: int = 1

    @property
    def inner(self) -> tuple[int, int]:
        return (self.inner_start, self.inner_end)


def _kind(text: str, i: int, is_open: bool) -> str:
    """Whether the mark at ``i`` opens or closes, given whether a quote is open now."""
    ch = text[i]
    if ch in OPENING:
        return "open"
    if ch in CLOSING:
        return "close"
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if is_open:
        return "close"
    return "open" if before in _BEFORE_OPEN or before in OPENING or after.isalnum() else "close"


def trim_space(text: str, start: int, end: int, edges: str | None = None) -> tuple[int, int]:
    """``(start, end)`` without the white space (or the characters of ``edges``) at either edge
    of ``text[start:end]``."""
    while start < end and (text[start] in edges if edges is not None else text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in edges if edges is not None else text[end - 1].isspace()):
        end -= 1
    return start, end


def find_regions(text: str) -> list[QuoteRegion]:
    """All quoted regions of ``text`` in order; nested marks stay inside their region."""
    regions: list[QuoteRegion] = []
    open_at: int | None = None
    paragraphs = 1
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            if open_at is not None:
                j = i
                while j < n and text[j] in "\n ":
                    j += 1
                if j < n and (text[j] in OPENING or text[j] == STRAIGHT):
                    # A paragraph that opens with a quote mark continues the open quote.
                    paragraphs += 1
                    i = j + 1
                    continue
                s, e = trim_space(text, open_at + 1, i)
                if e > s:
                    regions.append(QuoteRegion(open_at, e, s, e, closed=False, paragraphs=paragraphs))
                open_at = None
            i += 1
            continue
        if ch in OPENING or ch in CLOSING or ch == STRAIGHT:
            kind = _kind(text, i, open_at is not None)
            if kind == "open":
                if open_at is not None:
                    # An opening mark inside an open quote: the earlier one was never closed.
                    s, e = trim_space(text, open_at + 1, i)
                    if e > s:
                        regions.append(QuoteRegion(open_at, e, s, e, closed=False, paragraphs=paragraphs))
                open_at, paragraphs = i, 1
            elif open_at is not None:
                s, e = trim_space(text, open_at + 1, i)
                if e > s:
                    regions.append(QuoteRegion(open_at, i + 1, s, e, paragraphs=paragraphs))
                open_at, paragraphs = None, 1
        i += 1
    if open_at is not None:
        s, e = trim_space(text, open_at + 1, n)
        if e > s:
            regions.append(QuoteRegion(open_at, e, s, e, closed=False, paragraphs=paragraphs))
    return regions
