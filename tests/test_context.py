"""The per-article context: built once, read by every stage; the scare quotes come from it, so
every engine reports them, and actors are keyed by their place in the book."""
from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from sayso.analysis import assemble, by_rules
from sayso.extractors.context import build_context
from sayso.extractors.quotations import scare_regions

SO_CALLED = 'The minister walked out of the so-called "peace" talks on Monday, officials said.'


@pytest.mark.parametrize(("text", "scare"), [
    (SO_CALLED, ["peace"]),                 # the writer's distance
    ('The "success story" of the plan ended in March.', ["success story"]),  # a short fragment, no cue
    ('"We will not back down," Maria Lopez said on Monday.', []),      # a statement with its cue
])
def test_scare_quotes_are_read_from_the_context(nlp, text, scare):
    context = build_context(nlp(text))
    assert [text[r.inner_start : r.inner_end] for r in scare_regions(context)] == scare


def test_scare_quotes_need_no_rule_drafts(nlp):
    """Assembling drafts that hold no quote at all (as a tagger that found none) still reports
    the scare quote: it is the context's, not the rule engine's."""
    context = build_context(nlp(SO_CALLED))
    analysis = assemble(context, [])
    assert [s.text for s in analysis.scare_quotes] == ["peace"]


def test_the_context_is_frozen(nlp):
    context = build_context(nlp(SO_CALLED))
    with pytest.raises(FrozenInstanceError):
        context.text = ""  # type: ignore[misc]


def test_actors_are_keyed_by_their_place_in_the_book(nlp):
    context = build_context(nlp('Senator Maria Lopez said the budget would pass. "It will," she added.'))
    drafts, rules = by_rules(context)
    analysis = assemble(context, drafts, rules)
    assert [c.key for c in context.book.clusters] == list(range(len(context.book.clusters)))
    _, ids = context.book.actors()
    speakers = {d.speaker.key for d in drafts if d.speaker is not None}
    assert speakers and speakers <= set(ids)
    assert {analysis.actor(q.speaker).name for q in analysis.quotes} == {"Maria Lopez"}
