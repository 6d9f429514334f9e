"""Indexes built once per article, so that a per-quote lookup costs a bisect instead of a walk
over the whole ``Doc``: the text and sentence bounds (``SentenceIndex``) and spans by position
(``Intervals``, ``MentionIndex``).

spaCy recomputes ``Doc.text`` on every access and ``Doc.sents`` on every iteration; asking either
once per quote makes extraction time grow with the square of the article's length.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from functools import cached_property
from typing import Generic, TypeVar

from spacy.tokens import Doc, Span as SpacySpan

T = TypeVar("T")


class SentenceIndex:
    """The text of a parsed doc and its sentences, by token index; each is read from the doc
    once, when first asked for."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    @cached_property
    def text(self) -> str:
        return self.doc.text

    @cached_property
    def starts(self) -> list[int]:
        """The first token of each sentence."""
        return [s.start for s in self.doc.sents] if len(self.doc) else []

    @cached_property
    def _ends(self) -> list[int]:
        return self.starts[1:] + [len(self.doc)]

    def __len__(self) -> int:
        return len(self.starts)

    def number(self, i: int) -> int:
        """The number of the sentence that holds token ``i``."""
        return bisect_right(self.starts, i) - 1

    def bounds(self, i: int) -> tuple[int, int]:
        """Token bounds ``(start, end)`` of the sentence that holds token ``i``."""
        k = self.number(i)
        return self.starts[k], self._ends[k]

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.idx for t in self.doc]

    @cached_property
    def _line_breaks(self) -> list[int]:
        return [i for i, ch in enumerate(self.text) if ch == "\n"]

    def token_at(self, char: int) -> int:
        """The token that starts at character ``char`` or the last one before it (0 if none)."""
        return max(0, bisect_right(self._token_starts, char) - 1)

    def line_breaks(self, start: int, end: int) -> int:
        """How many line breaks ``text[start:end]`` holds."""
        return max(0, bisect_left(self._line_breaks, end) - bisect_left(self._line_breaks, start))

    def nth(self, k: int) -> tuple[int, int]:
        """Token bounds of sentence number ``k``."""
        return self.starts[k], self._ends[k]

    def sentence(self, i: int) -> SpacySpan:
        """The sentence that holds token ``i``, as a span (``doc[i].sent`` without the walk)."""
        start, end = self.bounds(i)
        return self.doc[start:end]


class Intervals:
    """Fixed ``(start, end)`` spans, queried by position; answers keep the spans' own order."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self._order = sorted(range(len(spans)), key=lambda k: spans[k][0])
        self._starts = [spans[k][0] for k in self._order]
        self._spans = spans
        self._longest = max((max(0, e - s) for s, e in spans), default=0)

    def _near(self, low: int, high: int) -> list[int]:
        """Numbers of the spans whose start lies in [low, high], in the spans' order."""
        return sorted(self._order[bisect_left(self._starts, low) : bisect_right(self._starts, high)])

    def overlapping(self, start: int, end: int) -> list[int]:
        """Spans that share at least one position with [start, end)."""
        return [k for k in self._near(start - self._longest, end - 1)
                if self._spans[k][0] < end and start < self._spans[k][1]]

    def containing(self, start: int, end: int) -> list[int]:
        """Spans that hold all of [start, end)."""
        return [k for k in self._near(end - self._longest, start)
                if self._spans[k][0] <= start and end <= self._spans[k][1]]

    def inside(self, start: int, end: int) -> list[int]:
        """Spans that lie within [start, end)."""
        return [k for k in self._near(start, end) if start <= self._spans[k][0] and self._spans[k][1] <= end]


class MentionIndex(Generic[T]):
    """A growing list of ``(start, end, item)`` records, queried by position in insertion order."""

    def __init__(self) -> None:
        self._keys: list[tuple[int, int]] = []  # (start, sequence number), sorted
        self._records: list[tuple[int, int, T]] = []
        self._longest = 0

    def add(self, start: int, end: int, item: T) -> None:
        insort(self._keys, (start, len(self._records)))
        self._records.append((start, end, item))
        self._longest = max(self._longest, end - start)

    def _near(self, low: int, high: int) -> list[tuple[int, int, T]]:
        first = bisect_left(self._keys, (low, -1))
        last = bisect_left(self._keys, (high + 1, -1))
        return [self._records[n] for _, n in sorted(self._keys[first:last], key=lambda key: key[1])]

    def covering(self, i: int) -> list[tuple[int, int, T]]:
        """Records whose span holds position ``i``."""
        return [r for r in self._near(i - self._longest, i) if r[0] <= i < r[1]]

    def inside(self, start: int, end: int) -> list[tuple[int, int, T]]:
        """Records whose span lies within [start, end)."""
        return [r for r in self._near(start, end) if start <= r[0] and r[1] <= end]
