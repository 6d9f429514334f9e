"""Every output conforms to the shipped JSON Schema, and every span indexes the returned text."""
from __future__ import annotations

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import sayso
from sayso.schema import analysis_schema
from sayso.types import Analysis

from .conftest import SAMPLES


def check_invariants(analysis: Analysis) -> None:
    data = analysis.to_dict()
    jsonschema.validate(data, analysis_schema())
    text = analysis.text
    ids = {a.id for a in analysis.actors}
    for actor in analysis.actors:
        for start, end in actor.mentions:
            assert 0 <= start < end <= len(text)
    for quote in analysis.quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.text.strip() == quote.text and quote.text
        for span in (quote.speaker_mention, quote.cue_span, quote.medium_mention):
            if span is not None:
                assert 0 <= span[0] < span[1] <= len(text)
        if quote.cue_span is not None:
            assert text[quote.cue_span[0] : quote.cue_span[1]] == quote.cue
        assert quote.speaker is None or quote.speaker in ids
        assert quote.parts and quote.parts[0][0] == quote.start and quote.parts[-1][1] == quote.end
        assert all(quote.start <= s < e <= quote.end for s, e in quote.parts)
        assert quote.medium is None or quote.medium in ids
        for marker in quote.hedges:
            assert text[marker.start : marker.end] == marker.text
    for relation in analysis.relations:
        assert text[relation.start : relation.end] == relation.text
        assert {relation.subject, relation.object} <= ids and relation.subject != relation.object
        assert relation.claimant is None or relation.claimant in ids
    for scare in analysis.scare_quotes:
        assert text[scare.start : scare.end] == scare.text
    assert Analysis.from_dict(data) == analysis


def test_samples_exist():
    assert len(SAMPLES) >= 2


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_sample_output_follows_contract(path, sample_analyses):
    analysis = sample_analyses[path.name]
    check_invariants(analysis)
    assert len(analysis.quotes) >= 10
    kinds = {q.kind.value for q in analysis.quotes}
    assert {"direct", "indirect"} <= kinds


def test_schema_rejects_a_broken_record(sample_analyses):
    data = next(iter(sample_analyses.values())).to_dict()
    data["quotes"][0]["kind"] = "rumour"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, analysis_schema())


NEWSY = st.lists(
    st.sampled_from(["“", "”", '"', "‘", "’", "said", "he", "she", "Omar Haddad", "according to",
                     "Reuters", ",", ".", "\n\n", "told", "the", "ministry", "that", "é", "🙂", "\t", "\x00"]),
    max_size=40,
).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), NEWSY))
def test_any_text_gives_a_valid_result(text):
    check_invariants(sayso.extract(text))
