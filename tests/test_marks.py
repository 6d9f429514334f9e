"""Quote-mark pairing on the text alone (no model needed)."""
from __future__ import annotations

from sayso.extractors.marks import find_regions


def _inner(text):
    return [text[r.inner_start : r.inner_end] for r in find_regions(text)]


def test_curly_pairs():
    assert _inner("“One,” he said. “Two.”") == ["One,", "Two."]


def test_straight_pairs():
    assert _inner('"One," he said. "Two."') == ["One,", "Two."]


def test_multi_paragraph_quote_spans_paragraphs():
    text = "He said: “First part.\n\n“Second part.”"
    regions = find_regions(text)
    assert len(regions) == 1 and regions[0].paragraphs == 2
    assert text[regions[0].inner_start : regions[0].inner_end] == "First part.\n\n“Second part."


def test_unclosed_quote_ends_with_its_paragraph():
    text = "“Unclosed here.\n\nNext paragraph is narration."
    assert _inner(text) == ["Unclosed here."]
    assert find_regions(text)[0].closed is False


def test_odd_number_of_marks_never_raises():
    assert _inner('He said "yes and "no') == ["yes and"]


def test_apostrophes_are_not_quotes():
    assert _inner("The players’ union said it’s over.") == []
