"""Certainty, polarity, stance and scare quotes: one news-style sentence per rule."""
from __future__ import annotations

import pytest

import sayso


def _quote(text, fragment):
    analysis = sayso.extract(text)
    found = [q for q in analysis.quotes if fragment in q.text]
    assert found, [q.text for q in analysis.quotes]
    return analysis, found[0]


# (rule, text, fragment of the statement, certainty, polarity, marker words that must be reported)
CERTAINTY_RULES = [
    ("plain statement is asserted",
     "The minister said the talks had failed.", "talks had failed", "asserted", "positive", []),
    ("modal hedge on the main verb",
     "Peter Walsh said the commander might have gone to Baghdad.", "might have gone", "hedged", "positive", ["might"]),
    ("multi-word hedge",
     "“The IRGC most likely uses charities,” said Layla Qasimi.", "most likely", "hedged", "positive", ["most likely"]),
    ("cannot rule out is a hedge, not a negation",
     "“We cannot rule out that some transfers took place,” the spokesman said.", "rule out", "hedged", "positive",
     ["rule out"]),
    ("doubt governs the statement",
     "“I doubt that protesters will be able to topple the government,” she said.", "I doubt", "doubted", "positive",
     ["doubt"]),
    ("denial through the cue verb",
     "The embassy denied that Iran funds any armed group.", "Iran funds", "doubted", "negative", ["denied"]),
    ("negation of the main predicate",
     "Officials said the army would not withdraw.", "would not withdraw", "asserted", "negative", ["not"]),
    ("negation inside a relative clause leaves the statement positive",
     "Karen Smith said the men who did not pay were arrested.", "were arrested", "asserted", "positive", []),
    ("booster keeps it asserted",
     "“He definitely did go to the meeting,” Omar Haddad said.", "definitely", "asserted", "positive", ["definitely"]),
    ("neither … nor negates the predicate; either … or does not",
     "Clinton said that she neither sent nor received emails marked classified.", "neither sent", "asserted",
     "negative", ["neither"]),
    ("either … or is not a negation",
     "The mayor said he would either resign or fight.", "either resign", "asserted", "positive", []),
    ("negated subject",
     "“Nobody runs for this office to close libraries,” said Helen Brannigan.", "Nobody", "asserted", "negative",
     ["Nobody"]),
    ("hedge on the cue: suggested",
     "Peter Walsh suggested that the deal was dead.", "deal was dead", "hedged", "positive", ["suggested"]),
    ("negated denial withholds commitment",
     "The company did not deny that it had paid the consultants.", "it had paid", "hedged", "positive", []),
    ("negated doubt is a booster",
     "“Nobody doubts that the dam will hold,” the engineer said.", "dam will hold", "asserted", "positive", []),
    ("negated impossibility is a hedge",
     "Peter Walsh said a deal was not impossible.", "not impossible", "hedged", "positive", []),
    ("negated truth is a denial",
     "“That story is not true,” the spokesman said.", "not true", "doubted", "negative", []),
    ("falsity is a denial",
     "The ministry said the rumours were false.", "rumours were false", "doubted", "negative", ["false"]),
    ("no on the object negates",
     "The mayor said she had no plans to resign.", "no plans", "asserted", "negative", ["no"]),
    ("cue adverb is the reporter's hedge, not the speaker's",
     "The general reportedly said that the troops would stay.", "troops would stay", "asserted", "positive", []),
    ("adjectival doubt",
     "Analysts said it was unlikely that the ceasefire would hold.", "unlikely", "doubted", "positive", ["unlikely"]),
]


@pytest.mark.parametrize("rule,text,fragment,certainty,polarity,markers", CERTAINTY_RULES,
                         ids=[r[0] for r in CERTAINTY_RULES])
def test_certainty_rule(rule, text, fragment, certainty, polarity, markers):
    analysis, quote = _quote(text, fragment)
    assert (quote.certainty, quote.polarity) == (certainty, polarity)
    words = [m.text for m in quote.hedges]
    for marker in markers:
        assert any(marker in word for word in words), words
    for marker in quote.hedges:
        assert analysis.text[marker.start : marker.end] == marker.text


@pytest.mark.parametrize("text,stance", [
    ("The ministry claimed that the convoy carried weapons.", "distancing"),
    ("The ministry alleged that the convoy carried weapons.", "distancing"),
    ("The ministry acknowledged that the convoy carried weapons.", "endorsing"),
    ("The ministry confirmed that the convoy carried weapons.", "endorsing"),
    ("The ministry said that the convoy carried weapons.", "neutral"),
])
def test_reporter_stance_from_the_cue(text, stance):
    _, quote = _quote(text, "convoy carried weapons")
    assert quote.stance == stance


def test_scare_quote_is_flagged_not_a_statement():
    analysis = sayso.extract("The so-called “peace” talks resumed in Geneva on Monday.")
    assert analysis.quotes == ()
    assert [s.text for s in analysis.scare_quotes] == ["peace"]


def test_scare_quote_inside_a_statement_points_to_it():
    text = "The so-called “savings” would be swallowed by overtime costs, Tomas Whitaker argued."
    analysis = sayso.extract(text)
    assert [s.text for s in analysis.scare_quotes] == ["savings"]
    assert analysis.scare_quotes[0].quote == analysis.quotes[0].id


def test_denial_of_a_claim_noun_reports_its_clause():
    text = "The minister rejected accusations that he had taken bribes."
    _, quote = _quote(text, "he had taken bribes")
    assert (quote.certainty, quote.polarity) == ("doubted", "negative")


def test_cast_doubt_on_a_claim():
    _, quote = _quote("Analysts cast doubt on the claim that the army had withdrawn.", "army had withdrawn")
    assert quote.certainty == "doubted"


def test_a_negated_truth_is_one_doubt_marker_not_two():
    _, quote = _quote("“That story is not true,” the spokesman said.", "not true")
    assert [(m.text, m.kind) for m in quote.hedges] == [("not", "doubt")]


@pytest.mark.parametrize("kinds,certainty", [
    ((), "asserted"), (("booster",), "asserted"), (("negation",), "asserted"),
    (("hedge",), "hedged"), (("booster", "hedge"), "hedged"),
    (("doubt",), "doubted"), (("hedge", "doubt"), "doubted"),
])
def test_certainty_from_markers(kinds, certainty):
    """One rule, shared by quotes and relations: doubt outranks hedging, hedging asserting."""
    from sayso.extractors.certainty import certainty_of
    from sayso.types import Certainty, Marker

    markers = [Marker("w", i, i + 1, kind) for i, kind in enumerate(kinds)]
    assert certainty_of(markers) is Certainty(certainty)


def test_relations_share_the_certainty_rule():
    """Relations ask certainty for the markers and the rule; they keep no copy of either."""
    from sayso.extractors import certainty, relations

    assert relations.certainty_of is certainty.certainty_of
    assert relations.predicate_markers is certainty.predicate_markers
