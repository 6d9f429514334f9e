"""The per-article indexes: sentence bounds, spans by position and entity edges agree with the
walks over the whole doc they replace."""
from __future__ import annotations

import spacy
from hypothesis import given, strategies as st
from spacy.tokens import Doc

from sayso.extractors.lookup import Intervals, MentionIndex, SentenceIndex
from sayso.extractors.speakers import mention_span


def _doc(words: list[str], starts: list[int]) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words)
    for i in range(1, len(doc)):
        doc[i].is_sent_start = i in starts
    return doc


def test_sentence_index_finds_each_tokens_sentence_as_spacy_does():
    words = ["Prices", "rose", ".", "Nobody", "knew", "why", ".", "\n\n", "The", "mayor", "said", "so", ".", "Yes"]
    doc = _doc(words, starts=[3, 8, 13])
    index = SentenceIndex(doc)
    assert len(index) == len(list(doc.sents)) == 4
    for token in doc:
        sent = token.sent
        assert index.bounds(token.i) == (sent.start, sent.end)
        assert index.sentence(token.i) == sent
        assert index.nth(index.number(token.i)) == (sent.start, sent.end)
    assert index.text == doc.text


def test_sentence_index_maps_characters_to_tokens_and_counts_line_breaks():
    doc = _doc(["One", "two", ".", "\n", "Three", "four"], starts=[4])
    index = SentenceIndex(doc)
    for token in doc:
        assert index.token_at(token.idx) == token.i
        assert index.token_at(token.idx + len(token.text) - 1) == token.i
    text = doc.text
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert index.line_breaks(start, end) == text[start:end].count("\n")


spans = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1])), max_size=25)
queries = st.tuples(st.integers(-3, 45), st.integers(0, 15)).map(lambda p: (p[0], p[0] + p[1]))


@given(spans, queries)
def test_intervals_answer_as_a_scan_over_all_spans_would(items, query):
    start, end = query
    found = Intervals(items)
    assert found.overlapping(start, end) == [k for k, (s, e) in enumerate(items) if s < end and start < e]
    assert found.containing(start, end) == [k for k, (s, e) in enumerate(items) if s <= start and end <= e]
    assert found.inside(start, end) == [k for k, (s, e) in enumerate(items) if start <= s and e <= end]


@given(spans, queries)
def test_mention_index_answers_in_insertion_order(items, query):
    start, end = query
    index: MentionIndex[int] = MentionIndex()
    records = [(s, e, k) for k, (s, e) in enumerate(items)]
    for record in records:
        index.add(*record)
    assert index.inside(start, end) == [r for r in records if start <= r[0] and r[1] <= end]
    assert index.covering(start) == [r for r in records if r[0] <= start < r[1]]


def _mention_by_entities(token) -> tuple[int, int]:
    """The walk over every entity of the doc that ``mention_span`` used to make."""
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i + 1
    for ent in doc.ents:
        if ent.start <= token.i < ent.end or (ent.start < end and start < ent.end):
            start, end = min(start, ent.start), max(end, ent.end)
    return start, end


def test_mention_span_takes_in_the_entities_at_its_edges(nlp):
    doc = nlp("Ghaith al-Khafaji, a cleric from Najaf, told The New York Times that the Interior "
              "Ministry of Iraq had lied. Officials in Baghdad said Prime Minister Haider al-Abadi knew.")
    for token in doc:
        span = mention_span(token)
        start, end = _mention_by_entities(token)
        while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
            start += 1
        assert (span.start, span.end) == (start, end), token.text
