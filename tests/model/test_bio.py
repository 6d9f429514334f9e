"""BIO tags ↔ role spans: pure functions with known answers."""
from __future__ import annotations

import pytest

from sayso.model.bio import bio_to_spans, merge_gaps, spans_to_bio


@pytest.mark.parametrize("tags, spans", [
    ([], []),
    (["O", "O"], []),
    (["B-SOURCE", "I-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT"],
     [(0, 2, "SOURCE"), (2, 3, "CUE"), (3, 5, "CONTENT")]),
    # a span running to the last token is closed
    (["O", "B-CONTENT", "I-CONTENT"], [(1, 3, "CONTENT")]),
    # two spans of one label back to back stay two
    (["B-CONTENT", "B-CONTENT", "I-CONTENT"], [(0, 1, "CONTENT"), (1, 3, "CONTENT")]),
    # a stray I- starts a span; an I- of another label too
    (["O", "I-CUE", "I-CUE", "I-CONTENT"], [(1, 3, "CUE"), (3, 4, "CONTENT")]),
    # spaCy's IOB with an empty tag for no annotation
    (["", "B-SOURCE", "O"], [(1, 2, "SOURCE")]),
])
def test_bio_to_spans(tags, spans):
    assert bio_to_spans(tags) == spans


def test_spans_to_bio_round_trips_and_drops_overlaps():
    spans = [(0, 2, "SOURCE"), (2, 3, "CUE"), (3, 6, "CONTENT")]
    tags = spans_to_bio(7, spans)
    assert tags == ["B-SOURCE", "I-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "I-CONTENT", "O"]
    assert bio_to_spans(tags) == spans
    # nested or crossing spans: the longest from the earliest start wins; empty spans vanish
    assert spans_to_bio(5, [(1, 3, "CUE"), (0, 5, "CONTENT"), (4, 4, "SOURCE")]) == \
        ["B-CONTENT"] + ["I-CONTENT"] * 4
    assert spans_to_bio(3, [(1, 9, "CUE")]) == ["O", "B-CUE", "I-CUE"]


def test_merge_gaps_joins_fragments_split_by_whitespace_only():
    text = "It will pass.  It will, he said, win."
    assert merge_gaps([(0, 13), (15, 22)], text) == [(0, 22)]
    assert merge_gaps([(15, 22), (33, 37)], text) == [(15, 22), (33, 37)]
