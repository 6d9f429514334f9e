"""Which statements take part in claims and how their subjects are keyed
(sayso.claims.statements): one row per rule, on hand-written sentences."""
from __future__ import annotations

import pytest

from sayso.claims.statements import circumstance, says_enough
from sayso.extractors.propositions import propositions


@pytest.mark.parametrize("text, is_actor, enough", [
    ("At least 12 people were missing.", False, True),  # the amount is what is claimed
    ("The spring inspection had been cancelled.", False, True),  # "spring": which inspection
    ("The inspection had been cancelled.", False, False),
    ("You know.", False, False),
    ("Donald Trump lied.", True, False),  # an actor is one thing, however many words name it
    ("Donald Trump lied about the tax returns.", True, True),
    ("Obama said in his speech.", True, False),  # that he spoke, not what he said
    ("Obama told reporters about the deficit.", True, True),
])
def test_a_clause_says_enough_to_be_a_claim(nlp, text, is_actor, enough):
    (p,) = propositions(nlp(text), [(0, len(text))])
    subject = "" if p.subject is None else text[slice(*p.subject)]
    assert says_enough(p, subject, is_actor) is enough


@pytest.mark.parametrize("text, clauses", [
    ("While the mayor was careless, no court would convict her.",
     ["While the mayor was careless", "no court would convict her"]),
    ("It looks as though the council is willing to pay.", ["It looks as though the council is willing to pay"]),
    ("The council will pay if the state refuses.", ["The council will pay if the state refuses"]),
])
def test_an_asserted_adverbial_clause_is_a_proposition_of_its_own(nlp, text, clauses):
    assert [p.text for p in propositions(nlp(text), [(0, len(text))])] == clauses


@pytest.mark.parametrize("text, circumstances", [
    # a time (an office held) or a condition sets a claim's circumstance and tells none
    ("The server was set up while she was secretary of state.", ["while she was secretary of state"]),
    ("He pledged to make Mr. Icahn secretary of the Treasury if he wins the presidency.",
     ["if he wins the presidency"]),
    # a conceding "while" tells its claim
    ("While the mayor was careless, no court would convict her.", []),
])
def test_clauses_of_time_or_condition_are_no_claims(nlp, text, circumstances):
    found = propositions(nlp(text), [(0, len(text))])
    assert [p.text for p in found if circumstance(p, text)] == circumstances


@pytest.mark.parametrize("text, negated", [
    # a second verb shares the first one's auxiliary and negation ...
    ("She had not sent or received emails that were marked classified.", [True, True]),
    # ... unless it is set against it
    ("She did not go but stayed home.", [True, False]),
])
def test_a_conjoined_verb_shares_the_negation_it_is_not_set_against(nlp, text, negated):
    assert [p.negated for p in propositions(nlp(text), [(0, len(text))])] == negated


def test_a_negated_frame_of_belief_or_permission_negates_the_clause_it_frames(nlp, tmp_path):
    import json

    from sayso.batch import ingest
    from sayso.claims.statements import article_texts, clauses
    from sayso.store import Store
    from sayso.store.queries import QuoteFilter, quotes

    source = tmp_path / "a.jsonl"
    text = ("Ann Lee said: “We will not allow Donald Trump to destroy the American economy. "
            "I think the senator will win the vote.”")
    source.write_text(json.dumps({"id": "a", "text": text}) + "\n", encoding="utf-8")
    store = Store(tmp_path / "s.db")
    ingest([str(source)], store)
    rows = list(quotes(store, QuoteFilter(attributed=False)))
    found = {c.proposition.predicate: c.proposition.negated
             for c in clauses(store, rows, article_texts(store, {r.article_id for r in rows}))}
    store.close()
    assert found.get("destroy") is True and found.get("win") is False
