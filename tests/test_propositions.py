"""What a statement asserts (sayso.extractors.propositions) and how two propositions are
compared (sayso.claims.matching): one row per rule, on hand-written sentences."""
from __future__ import annotations

import pytest

from sayso.claims.matching import canonical, details_agree, number_key
from sayso.claims.statements import Clause
from sayso.extractors.propositions import propositions
from sayso.types import Proposition


def _props(nlp, text: str) -> tuple[Proposition, ...]:
    doc = nlp(text)
    found = propositions(doc, [(0, len(text))])
    for p in found:  # offsets point into the text
        assert text[p.start:p.end] == p.text
        assert all(text[m.start:m.end] == m.text for m in p.markers)
    return found


def test_a_name_is_no_proposition(nlp):
    assert _props(nlp, "Florida Sen. Marco Rubio") == ()


@pytest.mark.parametrize("text, predicate, negated, modality", [
    ("Rubio never advocated amnesty.", "advocate", True, None),
    ("The tariffs could erode support among farmers.", "erode", False, "could"),
    ("Clinton was extremely careless with classified email.", "be careless", False, None),
    ("The council did not approve the budget.", "approve", True, None),
])
def test_one_clause(nlp, text, predicate, negated, modality):
    (p,) = _props(nlp, text)
    assert (p.predicate, p.negated, p.modality) == (predicate, negated, modality)


def test_a_negation_in_another_clause_stays_there(nlp):
    text = ("Clinton was extremely careless in handling classified information, "
            "but no reasonable prosecutor would bring such a case.")
    careless, prosecutor = _props(nlp, text)
    assert careless.predicate == "be careless" and not careless.negated
    assert "prosecutor" not in careless.text and prosecutor.negated


def test_criticised_for_opposing_is_the_object_opposing(nlp):
    text = "Cruz criticised Rubio for opposing amnesty."
    opposing = [p for p in _props(nlp, text) if p.predicate == "oppose"]
    assert opposing and text[slice(*opposing[0].subject)] == "Rubio"


def test_amounts_and_times_with_their_comparators(nlp):
    (p,) = _props(nlp, "The Trump campaign had less than $1.3 million in June.")
    assert p.numbers == ("less than $1.3 million",) and p.times == ("June",)


@pytest.mark.parametrize("predicate, sense", [
    ("advocate", ("support", False)), ("oppose", ("support", True)), ("advocate cut", ("support", False)),
    ("be careless", ("careless", False)), ("plan build", ("build", False)), ("fall", ("rise", True)),
])
def test_predicate_senses(predicate, sense):
    assert canonical(predicate) == sense


@pytest.mark.parametrize("a, b, same", [
    ("$1.3 million", "$1,300,000", True), ("$1.3 million", "less than $1.3 million", False),
    ("5 percent", "5%", True), ("12", "13", False),
])
def test_number_keys(a, b, same):
    assert (number_key(a) == number_key(b)) is same


def _clause(numbers=(), times=(), names=()) -> Clause:
    p = Proposition(start=0, end=1, text="x", subject=None, predicate="have", numbers=numbers, times=times, names=names)
    return Clause(row=0, proposition=p, subject="", subject_id=None, subject_name="")


@pytest.mark.parametrize("a, b, compatible", [
    (_clause(("$1.3 million",), ("March",)), _clause(("less than $1.3 million",), ("June",)), False),
    (_clause(("$1.3 million",), ("March",)), _clause(("$1.3 million",), ("June",)), False),  # another date
    (_clause(names=("the Iowa caucuses",)), _clause(names=("the New Hampshire primary",)), False),  # another event
    (_clause(("$1.3 million",), ("March",)), _clause(("$1,300,000",), ("March",)), True),
    (_clause(("$1.3 million",)), _clause(()), True),  # a detail only one gives is no conflict
    # one name in its short and long forms, as two outlets write it
    (_clause(names=("Muslims", "the U.S.")), _clause(names=("the United States",)), True),
    (_clause(names=("ISIS",)), _clause(names=("the Islamic State",)), True),
])
def test_numbers_dates_and_events_must_agree(a, b, compatible):
    assert details_agree(a, b).compatible is compatible


@pytest.mark.parametrize("text, proposition, subject, predicate", [
    ("Trump's proposal to ban Muslims from entering the United States",
     "to ban Muslims from entering the United States", "Trump's", "ban"),
    ("his plan for banning Muslims", "banning Muslims", None, "ban"),
    ("the mayor's pledge to rebuild the bridge by June", "to rebuild the bridge by June", "the mayor's", "rebuild"),
])
def test_a_noun_phrase_tells_the_act_it_plans(nlp, text, proposition, subject, predicate):
    (p,) = _props(nlp, text)
    assert (p.text, p.predicate) == (proposition, predicate)
    assert (None if p.subject is None else text[p.subject[0]:p.subject[1]]) == subject


def test_a_noun_phrase_without_an_act_tells_nothing(nlp):
    assert _props(nlp, "his proposed ban on Muslims and other controversial statements") == ()
