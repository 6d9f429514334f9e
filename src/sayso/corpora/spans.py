"""Character spans as the scorers compare them: trimmed of edge punctuation, merged, overlapped.

Both sides of a comparison are trimmed of whitespace and punctuation at the span ends, quote
marks included (straight and curly: ``"“”'‘’``), so ``“We will win,”`` equals ``We will win``.
A discontinuous span is a set of characters: its fragments are trimmed one by one, then merged.
Training scores its dev split with the same exact match as the evaluation (``exact_counts``).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sayso.corpora.counts import Counts

Span = tuple[int, int]
Fragments = tuple[Span, ...]

_TOKEN = re.compile(r"\w+")


def is_trimmable(char: str) -> bool:
    """Whitespace or any Unicode punctuation (quote marks, dashes, brackets, ellipsis)."""
    return char.isspace() or unicodedata.category(char).startswith("P")


def trim(text: str, span: Span) -> Span | None:
    """``span`` without trimmable characters at either end, or None if nothing is left."""
    start, end = span
    while start < end and is_trimmable(text[start]):
        start += 1
    while end > start and is_trimmable(text[end - 1]):
        end -= 1
    return (start, end) if start < end else None


def normalize(text: str, fragments: Iterable[Span]) -> Fragments:
    """Trim each fragment, then merge them into sorted, disjoint ranges (a set of chars)."""
    trimmed = sorted(t for f in fragments if (t := trim(text, f)) is not None)
    merged: list[list[int]] = []
    for start, end in trimmed:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def length(fragments: Fragments) -> int:
    """Number of characters in normalized fragments."""
    return sum(e - s for s, e in fragments)


def overlap(a: Fragments, b: Fragments) -> int:
    """Characters shared by two normalized fragment tuples."""
    shared, i, j = 0, 0, 0
    while i < len(a) and j < len(b):
        shared += max(0, min(a[i][1], b[j][1]) - max(a[i][0], b[j][0]))
        if a[i][1] <= b[j][1]:
            i += 1
        else:
            j += 1
    return shared


def tokens(text: str) -> list[Span]:
    """Word tokens: maximal runs of word characters, separated by spaces and punctuation."""
    return [m.span() for m in _TOKEN.finditer(text)]


def exact_counts(text: str, gold: Iterable[Fragments], predicted: Iterable[Fragments]) -> Counts:
    """Exact match of trimmed spans, each side a set per article (empty spans dropped)."""
    gold_set = {n for f in gold if (n := normalize(text, f))}
    pred_set = {n for f in predicted if (n := normalize(text, f))}
    tp = len(gold_set & pred_set)
    return Counts(tp, len(pred_set) - tp, len(gold_set) - tp)
