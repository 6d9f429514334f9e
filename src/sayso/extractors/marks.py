"""Quotation-mark regions: pair opening and closing marks, straight or curly, across paragraphs.

Works on the text alone, so an odd number of marks never raises: an unclosed quote runs to the
end of its paragraph, unless the next paragraph opens with a quote mark, the news convention
for a quotation that continues over several paragraphs. Any line break ends a paragraph. Two
straight single marks typed as one (''…'', as newspaper archives keep them) are a double mark.

Single marks (‘…’ and '…', the British press's quotation marks) quote too, outside double
marks, where they pair within a paragraph as quotation marks do and not as apostrophes do
("don't", "the workers' union", "'90s"): an opening mark starts a word, a closing one ends it.
A word or two in single marks is a term set off ('volunteer'), not a quotation, unless a stop
ends it ('No,' he said).
"""
from __future__ import annotations

import re
from bisect import bisect_right
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


def _kind(text: str, i: int, is_open: bool, width: int = 1) -> str:
    """Whether the mark at ``i`` (``width`` characters long) opens or closes, given whether a
    quote is open now."""
    ch = text[i]
    if ch in OPENING:
        return "open"
    if ch in CLOSING:
        return "close"
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + width] if i + width < len(text) else "\n"
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
    """All quoted regions of ``text`` in order, in double marks or (outside them) single marks;
    nested marks stay inside their region."""
    double = _double_regions(text)
    single = _single_regions(text, double)
    return sorted(double + single, key=lambda r: r.start) if single else double


#: A single mark that opens a quotation: "‘" or "'" at a word's start, after a space, a line's
#: start or an opening bracket, dash or colon, and before a letter, a digit or a double mark
#: (not an elision: "'90s", "rock 'n' roll", "'em", "'til").
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[{—–:/\-\"“]))[‘'](?!\d0s\b|n[’']|(?:em|til|cause|tis|twas)\b)(?=[^\W_]|[“\"…])",
                          re.MULTILINE | re.IGNORECASE)
#: A single mark that closes one: "’" or "'" after a word's last character or a stop, before a
#: space, a line's end or punctuation.
_SINGLE_CLOSE = re.compile(r"(?<=[^\s‘'])[’'](?=[\s,.;:!?)\]}—–\"”…-]|$)", re.MULTILINE)


def _single_regions(text: str, double: list[QuoteRegion]) -> list[QuoteRegion]:
    """Regions in single marks outside ``double``: each opening mark paired with the first
    closing one after it in its paragraph (an apostrophe inside a word closes nothing); a
    quotation left open at a paragraph's end goes on when the next paragraph opens with one (for
    a few paragraphs at most). Linear in the text but for the searches, which bisect."""
    if "'" not in text and "‘" not in text:
        return []
    starts, ends = [r.start for r in double], [r.end for r in double]

    def outside(i: int) -> bool:
        k = bisect_right(starts, i) - 1
        return k < 0 or i >= ends[k]

    opens = [m.start() for m in _SINGLE_OPEN.finditer(text) if outside(m.start())]
    opening = set(opens)
    closes = [m.start() for m in _SINGLE_CLOSE.finditer(text) if outside(m.start())]
    regions: list[QuoteRegion] = []
    done = 0  # where the last region ended
    for start in opens:
        if start < done:
            continue  # an opening mark inside the last region (a nested quotation)
        paragraphs, first, close = 1, start, None
        while paragraphs <= _LONGEST_SINGLE_QUOTE:
            end_of_paragraph = text.find("\n", first)
            end_of_paragraph = len(text) if end_of_paragraph < 0 else end_of_paragraph
            k = bisect_right(closes, first)
            close = closes[k] if k < len(closes) and closes[k] < end_of_paragraph else None
            if close is not None or not _continues(text, end_of_paragraph, opening):
                break
            first, paragraphs = _next_paragraph(text, end_of_paragraph), paragraphs + 1
        if close is None:
            continue
        k = bisect_right(starts, start)
        if k < len(starts) and starts[k] < close:
            continue  # a quotation in double marks between: these single marks pair nothing
        s, e = trim_space(text, start + 1, close)
        if _quotation_like(text[s:e]):
            regions.append(QuoteRegion(start, close + 1, s, e, paragraphs=paragraphs))
            done = close + 1
    return regions


#: Most paragraphs a quotation in single marks runs over.
_LONGEST_SINGLE_QUOTE = 12


def _quotation_like(inner: str) -> bool:
    """Whether words in single marks read as someone's words, not a term or a title set off
    ('volunteer', 'Toba Tek Singh', 'All Bets Are Off.'): a few words at least, or a sentence's
    end inside the marks ('No,' he said), and not every word capitalised as in a title."""
    words = _WORD.findall(inner)
    if len(words) > 1 and all(w[0].isupper() for w in words if w.lower() not in _TITLE_SMALL_WORDS):
        return False
    return len(inner.split()) >= _FEWEST_QUOTED_WORDS or len(inner) > 1 and inner[-1] in ".,!?…"


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: Words a title leaves in lower case ("Legend in the Coal Fields").
_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by",
                                "with", "from", "as", "is", "vs"})


#: Fewest words in single marks that read as a quotation without a stop inside them.
_FEWEST_QUOTED_WORDS = 4


def _next_paragraph(text: str, i: int) -> int:
    """The first character after the line breaks and spaces at ``i``."""
    while i < len(text) and text[i] in "\n ":
        i += 1
    return i


def _continues(text: str, end_of_paragraph: int, opening: set[int]) -> bool:
    """Whether the paragraph after ``end_of_paragraph`` opens with a single opening mark."""
    return end_of_paragraph < len(text) and _next_paragraph(text, end_of_paragraph) in opening


def _double_regions(text: str) -> list[QuoteRegion]:
    """The regions in double marks (straight or curly)."""
    regions: list[QuoteRegion] = []
    open_at: int | None = None
    open_width = 1
    paragraphs = 1
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            if open_at is not None:
                j = _next_paragraph(text, i)
                opening = _double_width(text, j) if j < n and text[j] not in CLOSING else 0
                if opening:
                    # A paragraph that opens with a quote mark continues the open quote.
                    paragraphs += 1
                    i = j + opening
                    continue
                s, e = trim_space(text, open_at + open_width, i)
                if e > s:
                    regions.append(QuoteRegion(open_at, e, s, e, closed=False, paragraphs=paragraphs))
                open_at = None
            i += 1
            continue
        width = _double_width(text, i)
        if width:
            kind = _kind(text, i, open_at is not None, width)
            if kind == "open":
                if open_at is not None:
                    # An opening mark inside an open quote: the earlier one was never closed.
                    s, e = trim_space(text, open_at + open_width, i)
                    if e > s:
                        regions.append(QuoteRegion(open_at, e, s, e, closed=False, paragraphs=paragraphs))
                open_at, open_width, paragraphs = i, width, 1
            elif open_at is not None:
                s, e = trim_space(text, open_at + open_width, i)
                if e > s:
                    regions.append(QuoteRegion(open_at, i + width, s, e, paragraphs=paragraphs))
                open_at, paragraphs = None, 1
            i += width
            continue
        i += 1
    if open_at is not None:
        s, e = trim_space(text, open_at + open_width, n)
        if e > s:
            regions.append(QuoteRegion(open_at, e, s, e, closed=False, paragraphs=paragraphs))
    return regions


def _double_width(text: str, i: int) -> int:
    """How many characters the double mark at ``i`` takes: 1 for a curly, angle or straight
    one, 2 for two straight single marks typed as one (the older newspaper archives' way), 0
    if none is there."""
    ch = text[i]
    if ch in OPENING or ch in CLOSING or ch == STRAIGHT:
        return 1
    if text.startswith("''", i) and not text.startswith("'" * 3, i) and (i == 0 or text[i - 1] != "'"):
        return 2
    return 0
