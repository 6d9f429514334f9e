"""Token tags to role spans and back: pure functions, one BIO layer for the three roles.

PolNeAR's spans barely overlap (a handful of nested contents in all of train), so one tag per
token loses almost nothing: ``B-SOURCE I-SOURCE B-CUE O B-CONTENT I-CONTENT …``.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

ROLES = ("source", "cue", "content")
LABELS = tuple(role.upper() for role in ROLES)

#: (first token, end token, label): a half-open token range with its role label.
TokenSpan = tuple[int, int, str]


def spans_to_bio(n_tokens: int, spans: Iterable[TokenSpan]) -> list[str]:
    """BIO tags for ``n_tokens`` tokens; a span overlapping one already placed (taken in order
    of start, longest first) is dropped, as is an empty one."""
    tags = ["O"] * n_tokens
    for start, end, label in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        start, end = max(start, 0), min(end, n_tokens)
        if start >= end or any(tag != "O" for tag in tags[start:end]):
            continue
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    return tags


def bio_to_spans(tags: Sequence[str]) -> list[TokenSpan]:
    """Role spans from BIO (or IOB with spaCy's empty tag as O) tags. An ``I-`` tag that does
    not continue a span of its label starts one: taggers make that mistake, the span is real."""
    spans: list[TokenSpan] = []
    start, label = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, tag_label = (tag or "O").partition("-")
        continues = prefix == "I" and label == tag_label and start is not None
        if continues:
            continue
        if start is not None:
            spans.append((start, i, label))  # type: ignore[arg-type]
            start, label = None, None
        if prefix in {"B", "I"} and tag_label:
            start, label = i, tag_label
    return spans


def merge_gaps(fragments: Sequence[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Character fragments of one span with the pieces separated only by whitespace joined:
    annotators often split a content at a line or sentence break, which says nothing."""
    merged: list[list[int]] = []
    for start, end in sorted(fragments):
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]
