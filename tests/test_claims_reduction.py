"""How a statement is reduced to the propositions a claim search compares (sayso.claims.statements,
.subjects, .fragments): one row per rule, on hand-written sentences and hand-made propositions, no
model and no store."""
from __future__ import annotations

from typing import Any

from dataclasses import replace

import pytest

from sayso.claims.fragments import fragment_propositions
from sayso.claims.statements import Clause, copula, frames
from sayso.claims.subjects import genders, resolve, specificational
from sayso.store.rows import QuoteRow
from sayso.types import Proposition


def _row(text: str, words: str, *, kind: str = "indirect", cue: str | None = "said",
         speaker_id: int | None = None) -> QuoteRow:
    start = text.index(words)
    return QuoteRow(id=1, article_id=1, local_id="q1", kind=kind, text=words, start=start, end=start + len(words),
                    speaker=None, speaker_id=speaker_id, speaker_type=None, speaker_as=None, cue=cue, medium=None,
                    medium_id=None, inherited=False, certainty=None, polarity=None, stance=None, type=None,
                    published=None, outlet=None, title=None, url=None)


def _prop(text: str, clause: str, subject: str | None, predicate: str, obj: str | None = None,
          lemmas: tuple[str, ...] = (), **more: Any) -> Proposition:
    start = text.index(clause)

    def span(words: str | None) -> tuple[int, int] | None:
        if words is None:
            return None
        at = text.find(words, start)  # in the clause, else before it ("criticised Rubio for opposing …")
        at = at if 0 <= at < start + len(clause) else text.rindex(words, 0, start)
        return at, at + len(words)

    return Proposition(start=start, end=start + len(clause), text=clause, subject=span(subject), predicate=predicate,
                       object=span(obj), lemmas=lemmas, **more)


def _mention(text: str, words: str, actor: int, after: int = 0) -> tuple[int, int, int]:
    at = text.index(words, after)
    return at, at + len(words), actor


# --- quoted fragments ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, words, cue, kind, proposition, subject, predicate", [
    # a form of "be" before the fragment: the words before it are its subject
    ('Comey said Clinton was “extremely careless” with email.', "extremely careless", "said", "partial",
     "Clinton was “extremely careless", "Clinton", "be careless"),
    ('Comey said that Clinton had been "extremely careless."', "extremely careless.", "said", "partial",
     'Clinton had been "extremely careless.', "Clinton", "be careless"),
    # a describing verb: its object is the subject, the fragment what it is
    ("He called her handling of the files “extremely careless,” and left.",
     "her handling of the files “extremely careless", "called", "mixed",
     "her handling of the files “extremely careless", "her handling of the files", "be careless"),
    ("Last year Beck called Palin a “clown” on the radio.", "clown", "called", "partial",
     "Palin a “clown", "Palin", "be clown"),
    ("Ham described Clinton as “a lifetime politician” who never won.", "a lifetime politician", "described",
     "partial", "Clinton as “a lifetime politician", "Clinton", "be politician"),
    ("The mayor called the deal “a huge win for the city.”", "a huge win for the city.", "called", "partial",
     "the deal “a huge win for the city.", "the deal", "be win"),  # the head, not the last word
    ("Aides said the review was “nothing unusual.”", "nothing unusual.", "said", "partial",
     "the review was “nothing unusual.", "the review", "be unusual"),  # "nothing" is no progressive
])
def test_a_quoted_fragment_tells_its_subject(text, words, cue, kind, proposition, subject, predicate):
    (p,) = fragment_propositions(_row(text, words, kind=kind, cue=cue), text, ())
    assert (p.text, text[p.subject[0]:p.subject[1]], p.predicate) == (proposition, subject, predicate)


@pytest.mark.parametrize("text, words, cue", [
    ("It was a way Comey slammed as “extremely careless,” aides said.", "as “extremely careless", "slammed"),
    ("The rally denounced Trump’s call for “a total shutdown” of the border.", "Trump’s call for “a total shutdown",
     "denounced"),  # "denounce" describes only with "as"
    ("Trump said Mexico is “killing us” on trade.", "killing us", "said"),  # a verb, not a description
    ("He said there are “no secrets in politics.”", "no secrets in politics.", "said"),
    ("He said “The Hispanics” love him.", "The Hispanics", "said"),  # nothing before the fragment
    ("She called for “a redoubling of efforts” today.", "a redoubling of efforts", "called"),
])
def test_a_fragment_without_a_subject_tells_nothing(text, words, cue):
    kind = "mixed" if "“" in words else "partial"
    assert fragment_propositions(_row(text, words, kind=kind, cue=cue), text, ()) == ()


def test_a_fragment_after_that_inside_a_statement_is_a_clause_of_its_own():
    text = "Comey said there was clear evidence that Clinton was “extremely careless” with email."
    words = "there was clear evidence that Clinton was “extremely careless” with email"
    found = (_prop(text, words, "there", "be evidence"),)
    (p,) = fragment_propositions(_row(text, words, kind="mixed"), text, found)
    assert p.text == "Clinton was “extremely careless" and p.predicate == "be careless"
    # the same clause already found is not told twice
    again = (_prop(text, "Clinton was “extremely careless” with email", "Clinton", "be careless"),)
    assert fragment_propositions(_row(text, words, kind="mixed"), text, again) == ()


# --- clauses that frame another, contracted "be", inverted copulas -------------------------------------

@pytest.mark.parametrize("text, first, second, framed", [
    ("Hewitt said that Trump simply meant that the policies created the conditions.", "that Trump simply meant",
     "that the policies created the conditions", True),
    ("Aides said it is abundantly clear that the policies failed.", "it is abundantly clear",
     "that the policies failed", True),
    ("Aides said the policies failed, and the mayor resigned.", "the policies failed", "the mayor resigned", False),
])
def test_a_clause_that_only_frames_the_next_tells_nothing(text, first, second, framed):
    subject = first.split(" ")[1] if first.startswith("that ") else first.split(" ")[0]
    obj = "abundantly clear" if "clear" in first else None
    a = _prop(text, first, subject, "mean", obj)
    b = _prop(text, second, second.split(" ")[-3], "create")
    assert frames(a, (a, b), text) is framed


def test_a_contracted_be_is_read_as_be_and_its_complement():
    text = "He’s the founder of ISIS"
    p = _prop(text, text, "He", "’", "the founder of ISIS", lemmas=("founder", "isis"))
    assert copula(p, text).predicate == "be founder"


def test_an_inverted_copula_takes_the_named_complement_as_subject():
    text = "that the real founder of the group is President Barack Obama"
    p = _prop(text, text, "the real founder of the group", "be obama", "President Barack Obama",
              lemmas=("real", "founder", "group", "president", "barack", "obama"))
    p = replace(p, names=("Barack Obama",))
    found = specificational(p, text, [_mention(text, "President Barack Obama", 24)])
    assert text[found.subject[0]:found.subject[1]] == "President Barack Obama" and found.predicate == "be founder"
    assert found.names == ()  # the subject's name is no detail another report must share
    text = "there has never been a man more qualified than Hillary Clinton"
    p = _prop(text, text, "there", "be man", "a man more qualified than Hillary Clinton")
    assert specificational(p, text, [_mention(text, "Hillary Clinton", 6)]) == p  # not mostly a name


# --- subjects ---------------------------------------------------------------------------------------

def _clause(subject: str, subject_id: int | None = None, name: str = "") -> Clause:
    p = Proposition(start=0, end=1, text="x", subject=(0, len(subject)), predicate="be x")
    return Clause(row=0, proposition=p, subject=subject, subject_id=subject_id, subject_name=name or subject)


@pytest.mark.parametrize("clause, key", [
    (_clause("Trump", 12, "Trump’s 1995"), "trump"),  # the store's name went wrong; the subject's word did not
    (_clause("Senator Paul Renner", 3, "Paul Renner"), "renner"),
    (_clause("her actions", 6, "Hillary Clinton"), "clinton"),  # no word of the name: its last
    (_clause("none of her emails"), "emails"),  # a quantifier picks the noun after "of"
    (_clause("no messages she sent or received"), "messages"),  # a relative clause without "that"
    (_clause("the new tariffs"), "tariffs"),
])
def test_subject_keys(clause, key):
    assert clause.subject_key == key


TEXT = ("Clinton met reporters. She left early. Comey testified for hours. He said she should face no charges, "
        "and Comey called her actions careless.")
MENTIONS = [_mention(TEXT, "Clinton", 6), _mention(TEXT, "She", 6), _mention(TEXT, "Comey", 147),
            _mention(TEXT, "He", 147, TEXT.index("He said")), _mention(TEXT, "Comey", 147, TEXT.index("Comey called"))]
SEXES = {6: "female", 147: "male", 1: "male", 302: "male", 24: "male"}


def test_genders_are_what_the_stores_pronouns_say():
    text = "She spoke. She left. He stayed. Clinton won."
    mentions = {1: [_mention(text, "She", 6), _mention(text, "She", 6, 5), _mention(text, "He", 6),
                    _mention(text, "Clinton", 6)]}
    assert genders(mentions, {1: text}) == {6: "female"}  # two to one is enough


def test_she_in_a_report_by_a_man_is_the_woman_named_before():
    statement = "she should face no charges"
    p = _prop(TEXT, statement, "she", "face", lemmas=("face", "charge"))
    row = _row(TEXT, statement, speaker_id=147)
    found = resolve(p, "she", row, TEXT, MENTIONS, {6: "Hillary Clinton"}, SEXES)
    assert found.actor == 6 and found.sentence == "Hillary Clinton should face no charges"


def test_he_inside_quotation_marks_is_never_the_speaker_and_only_an_unambiguous_actor():
    text = "Trump told Hewitt about Obama: “He’s the founder of ISIS.”"
    mentions = [_mention(text, "Trump", 1), _mention(text, "Hewitt", 302), _mention(text, "Obama", 24)]
    p = _prop(text, "He’s the founder of ISIS", "He", "be founder")
    row = _row(text, "He’s the founder of ISIS.", kind="direct", speaker_id=1)
    found = resolve(p, "He", row, text, mentions, {}, SEXES)
    assert found.actor is None and found.could_be == {302, 24}  # Hewitt or Obama, never Trump
    only = {**SEXES, 302: "female"}  # were Hewitt a woman, Obama would be the one man in reach
    assert resolve(p, "He", row, text, mentions, {24: "Barack Obama"}, only).actor == 24


def test_a_possessive_pronoun_names_its_possessor():
    statement = "her actions careless"
    p = _prop(TEXT, statement, "her actions", "be careless", lemmas=("action", "careless"))
    found = resolve(p, "her actions", _row(TEXT, statement, kind="mixed", speaker_id=147), TEXT, MENTIONS,
                    {6: "Hillary Clinton"}, SEXES)
    assert found.actor == 6 and found.sentence == "Hillary Clinton's actions careless"


def test_a_relative_pronoun_is_the_actor_named_before_it():
    text = "Mukasey criticized Clinton’s email use, which the FBI said was “careless” at best."
    p = _prop(text, "was “careless", "which", "be careless", lemmas=("careless",))
    found = resolve(p, "which", _row(text, "was “careless", kind="mixed"), text, [_mention(text, "Mukasey", 96),
                                                                                 _mention(text, "Clinton", 6)], {}, {})
    assert found.actor == 6 and found.sentence == "Clinton’s email use was “careless"


def test_a_contraction_keeps_its_pronoun():
    text = "“We're going to put coal miners out of business,” Clinton said."
    p = _prop(text, "We're going to put coal miners out of business", "We", "go put")
    found = resolve(p, "We", _row(text, "We're going to put coal miners out of business", kind="direct",
                                  speaker_id=6), text, [], {6: "Hillary Clinton"}, {})
    assert found.actor == 6 and found.sentence == p.text  # not "Hillary Clinton're going"
