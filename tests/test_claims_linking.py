"""Which clauses a claim search compares and links (sayso.claims.matching, .grouping) and how a
negated cue reads (sayso.claims.positions): hand-made clauses, no model and no store."""
from __future__ import annotations

import numpy as np
import pytest

from sayso.claims import grouping
from sayso.claims.matching import (candidates, canonical, lexical_similarity, predicates_compatible, subjects_agree,
                                    word_weights)
from sayso.claims.positions import read
from sayso.claims.statements import Clause
from sayso.store.rows import QuoteRow
from sayso.types import Proposition


def _clause(subject: str, predicate: str, lemmas: str, *, actor: int | None = None, name: str = "",
            row: int = 0, could_be: frozenset[int] = frozenset(), speaker: int | None = None) -> Clause:
    text = f"{subject} {predicate} {lemmas}".strip()
    p = Proposition(start=0, end=len(text), text=text, subject=(0, len(subject)) if subject else None,
                    predicate=predicate, lemmas=tuple(lemmas.split()))
    return Clause(row=row, proposition=p, subject=subject, subject_id=actor, subject_name=name or subject,
                  could_be=could_be, speaker_id=speaker, speaker_name=f"Speaker{speaker}" if speaker else "")


@pytest.mark.parametrize("a, b, relation", [
    (_clause("Clinton", "be", "", actor=6, name="Hillary Clinton"), _clause("Mrs. Clinton", "be", "", actor=9,
                                                                          name="Mrs. Clinton"), "same"),
    (_clause("Kasich", "raise", "", actor=4), _clause("Trump", "raise", "", actor=1), "different"),
    (_clause("Hillary", "be", "", actor=6, name="Hillary Clinton"), _clause("Clinton", "be", "", actor=6,
                                                                           name="Hillary Clinton"), "same"),
    (_clause("they", "mark", ""), _clause("they", "mark", ""), "unknown"),
    (_clause("the tariffs", "rise", ""), _clause("the new tariffs", "rise", ""), "same"),
    (_clause("He", "be founder", ""), _clause("Obama", "be founder", "", actor=24), "unknown"),  # unresolved
    # …but named before it in its article, with the interviewer: it may be Obama
    (_clause("He", "be founder", "", could_be=frozenset({24, 302})), _clause("Obama", "be founder", "", actor=24),
     "same"),
    (_clause("He", "be founder", "", could_be=frozenset({302})), _clause("Obama", "be founder", "", actor=24),
     "unknown"),
    (_clause("he", "be founder", ""), _clause("he", "be founder", ""), "unknown"),  # two "he" need not be one man
    (_clause("none of her emails", "mark", ""), _clause("they", "mark", ""), "unknown"),
    # two acts without their agent: one speaker's plan, or two speakers' calls on two doers
    (_clause("", "ban", "", speaker=1), _clause("", "ban", "", speaker=1), "same"),
    (_clause("", "support", "", speaker=1), _clause("", "support", "", speaker=2), "different"),
    (_clause("", "support", "", speaker=1), _clause("", "support", ""), "unknown"),
    (_clause("the Trump train", "leave", ""), _clause("the train", "leave", ""), "different"),
])
def test_subjects_agree(a, b, relation):
    assert subjects_agree(a, b) == relation


def test_candidates_meet_across_unknown_subjects_on_one_sense_and_two_words():
    items = [_clause("none of the messages", "mark", "message mark classified time send", row=0),
             _clause("they", "mark", "mark classified time send", row=1),
             _clause("Kasich", "mark", "mark classified time send", actor=4, row=2),
             _clause("Trump", "mark", "mark classified time send", actor=1, row=3)]
    pairs = candidates(items, [10, 11, 12, 13])
    assert (0, 1) in pairs  # "none of the messages" / "they": same sense, same words
    assert (2, 3) not in pairs  # two actors are two subjects, whatever they say


def test_candidates_meet_an_actor_and_a_pronoun_that_may_name_it():
    items = [_clause("He", "be founder", "founder isis", could_be=frozenset({24, 302}), row=0),
             _clause("Obama", "be founder", "obama founder isis", actor=24, row=1),
             _clause("Trump", "be founder", "trump founder isis", actor=1, row=2)]
    pairs = candidates(items, [10, 11, 12])
    assert (0, 1) in pairs and (0, 2) not in pairs


def test_groups_merge_closest_first_and_a_merged_group_merges_again():
    items = [_clause("none of the messages", "mark", "mark classified time", row=k) for k in range(3)]
    vector = {0: _unit(1, 0, 0), 1: _unit(1, 0.2, 0), 2: _unit(1, 0.5, 0.5)}
    edge = grouping._Edge
    best = {(0, 1): edge(0, 1, 0.98, ()), (1, 2): edge(1, 2, 0.71, ())}
    assert grouping._merge_close([[0], [1], [2]], best, vector, items, 0.7) == [[0, 1, 2]]
    assert grouping._merge_close([[0], [1], [2]], best, vector, items, 0.9) == [[0, 1], [2]]


@pytest.mark.parametrize("a, b, compatible", [
    (_clause("it", "take be", "take commander chief"), _clause("they", "want be", "want commander chief"), False),
    (_clause("Clinton", "be careless", "careless"), _clause("she", "be careless", "careless"), True),
    (_clause("he", "advocate cut", "cut fund"), _clause("Renner", "oppose", "cut fund"), True),
])
def test_a_bare_be_is_no_sense_of_its_own(a, b, compatible):
    assert predicates_compatible(a, b) is compatible


def test_lexical_similarity_weighs_rare_words():
    items = [_clause("", "mark", "mark classified time send"), _clause("", "mark", "mark classified time send"),
             _clause("", "say", "say time"), _clause("", "say", "say time vote"), _clause("", "win", "win vote time")]
    weights = word_weights(items)
    assert lexical_similarity(items[0], items[1], weights) == pytest.approx(1.0)
    assert lexical_similarity(items[0], items[2], weights) < 0.2  # only the common "time"
    assert weights["classified"] > weights["time"]


@pytest.mark.parametrize("a, b, lexical, least", [
    # one actor, one sense: the threshold
    (_clause("Trump", "win", "win", actor=1), _clause("Trump", "win", "win", actor=1), 0.5, 0.7),
    # an unknown subject needs a closer cosine …
    (_clause("they", "mark", "mark classified time"), _clause("none of the messages", "mark", "mark classified time"), 0.5, 0.8),
    # … unless nearly all words agree
    (_clause("they", "mark", "mark classified time"), _clause("none of the messages", "mark", "mark classified time"), 0.8, 0.7),
    # an unknown subject with another sense: only as a paraphrase in nearly the same words
    (_clause("she", "send", "send classified email"), _clause("none of her emails", "mark", "mark classified time"), 0.8, 0.85),
    (_clause("she", "send", "send classified email"), _clause("none of her emails", "mark", "mark classified time"), 0.5, 2.0),
    # two words and no name or number say too little to link across an unknown subject
    (_clause("he", "be right", "absolutely right"), _clause("He", "be right", "absolutely right"), 1.0, 2.0),
    # one head word named otherwise is another subject
    (_clause("the Trump train", "leave", "train leave station"), _clause("the train", "leave", "train leave station"),
     1.0, 2.0),
])
def test_the_cosine_a_pair_needs(a, b, lexical, least):
    assert grouping._least(a, b, 0.7, 0.85, lexical) == pytest.approx(least)


def _unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


@pytest.mark.parametrize("second, third, merged", [
    (_clause("none of her emails", "mark", "mark classified time", row=1),
     _clause("they", "mark", "mark classified time", row=2), True),
    # a subject of another name across the groups keeps them apart, however close
    (_clause("Clinton", "mark", "mark classified time", actor=6, row=1),
     _clause("Trump", "mark", "mark classified time", actor=1, row=2), False),
])
def test_two_linked_groups_close_on_average_are_one_claim(second, third, merged):
    items = [_clause("none of the messages", "mark", "mark classified time", row=0), second, third,
             _clause("they", "mark", "mark classified time", row=3)]
    vector = {0: _unit(1, 0.2, 0), 1: _unit(1, 0, 0.2), 2: _unit(1, 0.3, -0.5), 3: _unit(1, -0.5, 0.3)}
    edge = grouping._Edge
    best = {(0, 1): edge(0, 1, 0.98, ()), (2, 3): edge(2, 3, 0.6, ()), (1, 2): edge(1, 2, 0.72, ())}
    # (0, 1) and (2, 3) were linked; across them only (1, 2): too few for the share LINKAGE asks
    groups = grouping._merge_close([[0, 1], [2, 3]], best, vector, items, 0.7)
    assert (groups == [[0, 1, 2, 3]]) is merged


def test_the_cosine_an_unknown_subject_needs_is_a_setting():
    a, b = _clause("they", "mark", "mark classified time"), _clause("none of the messages", "mark", "mark classified time")
    assert grouping._least(a, b, 0.7, 0.85, 0.5, unknown_subject=0.9) == pytest.approx(0.9)


def test_a_pair_too_far_apart_in_words_is_not_encoded(monkeypatch):
    rows = [_row(n) for n in range(3)]
    items = [_clause("Trump", "say", "say wall pay mexico", actor=1, row=0),
             _clause("Trump", "say", "say wall pay mexico", actor=1, row=1),
             _clause("Trump", "say", "say poll rig media", actor=1, row=2)]
    asked: list[str] = []

    def vectors(store, keys, sentences):
        asked.extend(sentences)
        return np.ones((len(sentences), 4), dtype=np.float32) / 2

    monkeypatch.setattr(grouping, "vectors", vectors)
    monkeypatch.setattr(grouping, "candidates", lambda items, articles: [(0, 1), (0, 2), (1, 2)])
    edges, _ = grouping._edges(None, rows, items, 0.7, 0.85)
    assert [(e.i, e.j) for e in edges] == [(0, 1)]
    assert "Trump say say poll rig media" not in asked  # the wall and the polls share only "say"


def _row(n: int, cue: str | None = "said", hedges: tuple[dict, ...] = ()) -> QuoteRow:
    return QuoteRow(id=n, article_id=n, local_id=f"q{n}", kind="indirect", text="that she face criminal charges",
                    start=100, end=130, speaker=None, speaker_id=None, speaker_type=None, speaker_as=None, cue=cue,
                    medium=None, medium_id=None, inherited=False, certainty=None, polarity=None, stance=None,
                    type=None, published=None, outlet=None, title=None, url=None, extra={"hedges": list(hedges)})


@pytest.mark.parametrize("cue, negative", [
    ("did not recommend", True),  # "did not recommend that she face charges": that she not face them
    ("don't think", True),
    ("did not say", False),  # not saying it is no denial of it
])
def test_a_negated_cue_of_a_neg_raising_verb_negates_what_it_reports(cue, negative):
    at = 90 + cue.index("n")
    word = "not" if "not" in cue else "n't"
    row = _row(1, cue=cue, hedges=({"text": word, "start": at, "end": at + len(word), "kind": "negation"},))
    clause = _clause("she", "face", "face criminal charge")
    assert read(clause, row).negative is negative


def test_an_embedded_question_hedges():
    row = _row(1)
    p = Proposition(start=100, end=133, text="whether Clinton faces prosecution", subject=(108, 115),
                    predicate="face", lemmas=("clinton", "face", "prosecution"))
    reading = read(Clause(row=0, proposition=p, subject="Clinton", subject_id=6, subject_name="Clinton"), row)
    assert reading.hedged and [(e.text, e.kind) for e in reading.evidence] == [("whether", "hedge")]


@pytest.mark.parametrize("predicate, sense", [
    ("ban", ("allow", True)), ("bar", ("allow", True)),  # "to bar Muslims" is "to ban Muslims"
    ("allow", ("allow", False)), ("advocate", ("support", False)), ("oppose", ("support", True)),
])
def test_predicates_are_read_as_a_sense_and_its_negation(predicate, sense):
    assert canonical(predicate) == sense


def test_one_claim_stays_for_one_set_of_statements():
    from sayso.claims import Claim, Report

    def report(quote: int) -> Report:
        return Report(quote_id=quote, article_id=quote, local_id="q1", source=f"outlet {quote}", text="x", start=0,
                      end=1, kind="direct", speaker=None, speaker_id=None, cue="said", certainty=None, polarity=None,
                      position="affirms", published=None, title=None, url=None)

    def claim(number: int, quotes: tuple[int, ...], similarity: float, contradictions=()) -> Claim:
        return Claim(id=number, text="x", verdict="contradict" if contradictions else "agree", sources=(), speakers=(),
                     terms=(), similarity=similarity, reports=tuple(report(q) for q in quotes),
                     contradictions=contradictions)

    agree, contradict, other = claim(1, (1, 2), 0.95), claim(2, (2, 1), 0.81, ((1, 2),)), claim(3, (1, 3), 0.9)
    # two clauses of the same two statements: the claim that finds the contradiction stays
    assert grouping._one_per_report_set([agree, contradict, other]) == [contradict, other]
    assert grouping._one_per_report_set([agree, claim(4, (1, 2), 0.8)]) == [agree]
