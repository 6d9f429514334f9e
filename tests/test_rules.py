"""One news-style sentence per rule: what sayso must find, and who it must credit."""
from __future__ import annotations

import pytest

import sayso
from sayso.types import Analysis, Quote


def _speaker(analysis: Analysis, quote: Quote) -> str | None:
    actor = analysis.actor(quote.speaker)
    return None if actor is None else actor.name


def _find(analysis: Analysis, fragment: str) -> Quote:
    matches = [q for q in analysis.quotes if fragment in q.text]
    assert matches, f"no quote containing {fragment!r} in {[q.text for q in analysis.quotes]}"
    return matches[0]


# (rule, text, fragment of the quote, kind, speaker name, cue)
QUOTE_RULES = [
    ("direct, curly marks, cue after",
     "“We will not back down,” said Omar Haddad, the union leader.",
     "We will not back down", "direct", "Omar Haddad", "said"),
    ("direct, straight marks, cue before with colon",
     'Senator Maria Lopez said: "The bill is dead on arrival."',
     "The bill is dead on arrival", "direct", "Maria Lopez", "said"),
    ("pronoun speaker resolved to the last person named",
     "Maria Lopez spoke to reporters on Monday. “The bill is dead,” she said.",
     "The bill is dead", "direct", "Maria Lopez", "said"),
    ("split quote: both halves are one quote with the cue between",
     "“We will rebuild,” said Omar Haddad. “It will take years.”",
     "It will take years", "direct", "Omar Haddad", "said"),
    ("floating quote in the next paragraph inherits the speaker",
     "“Prices are too high,” said Lena Fischer, a baker.\n\n“Nobody can afford bread any more.”",
     "Nobody can afford bread", "direct", "Lena Fischer", None),
    ("multi-paragraph quote: an unclosed paragraph continues in the next",
     "Ahmed Karimi said: “The first shipment arrived in May.\n\n“The second arrived in June.”",
     "The second arrived in June", "direct", "Ahmed Karimi", "said"),
    ("indirect, reporting clause first, with that",
     "The finance minister, Peter Walsh, said that the budget would be cut.",
     "the budget would be cut", "indirect", "Peter Walsh", "said"),
    ("indirect, reporting clause after",
     "The talks have collapsed, Peter Walsh said on Tuesday.",
     "The talks have collapsed", "indirect", "Peter Walsh", "said"),
    ("indirect, inverted cue: said Smith",
     "The plant will close next year, said Karen Smith.",
     "The plant will close next year", "indirect", "Karen Smith", "said"),
    ("organisation as speaker through a definite description",
     "The Interior Ministry opened an inquiry. The ministry said that no arrests had been made.",
     "no arrests had been made", "indirect", "Interior Ministry", "said"),
    ("direct in two straight single marks, as newspaper archives type them",
     "''The sooner he releases his returns, the better,'' said Fred Goldberg, a former commissioner. "
     "''It's anti-reform,'' Mr. Goldberg added.",
     "It's anti-reform", "direct", "Goldberg", "added"),
    ("according to a media outlet",
     "According to Reuters, the convoy was hit by two drones.",
     "the convoy was hit by two drones", "according_to", "Reuters", "According to"),
    ("according to, after the clause",
     "The convoy was hit by two drones, according to local officials.",
     "The convoy was hit by two drones", "according_to", "local officials", "according to"),
    ("mixed: reported speech with a quoted fragment",
     'Daniel Harwood said he could not rule out that the count "might have been rigged" in the north.',
     "might have been rigged", "mixed", "Daniel Harwood", "said"),
    ("partial: a quoted word attached by a representation verb",
     "Ayatollah Khamenei depicts the protests as “turbulence” caused by enemies.",
     "turbulence", "partial", "Khamenei", "depicts"),
    ("cue with auxiliary and negation",
     "Officials have not confirmed that the minister resigned.",
     "the minister resigned", "indirect", "Officials", "have not confirmed"),
    ("participle cue after a clause keeps the outer speaker",
     "The embassy denied the claims, calling them “part of a media war.”",
     "part of a media war", "partial", "embassy", "calling"),
    ("belief attributed to an actor",
     "Jane Porter believes that the deal will collapse.",
     "the deal will collapse", "indirect", "Jane Porter", "believes"),
    ("headline style: speaker, colon, statement",
     "Tamimi: The money went to orphans and widows\n\nBAGHDAD — The cleric spoke on Friday.",
     "The money went to orphans and widows", "indirect", "Tamimi", ":"),
    ("quotation introduced by that is a mixed quote with the complementiser",
     "Maria Lopez told supporters that “we are in this together.”",
     "that “we are in this together.”", "mixed", "Maria Lopez", "told"),
    ("intention with a to-infinitive",
     "Omar Haddad vowed to rebuild the market within a year.",
     "to rebuild the market within a year", "indirect", "Omar Haddad", "vowed"),
    ("conjoined cue shares the subject",
     "Omar Haddad smiled and said that the strike was over.",
     "the strike was over", "indirect", "Omar Haddad", "said"),
]


@pytest.mark.parametrize("rule,text,fragment,kind,speaker,cue", QUOTE_RULES, ids=[r[0] for r in QUOTE_RULES])
def test_quote_rule(rule, text, fragment, kind, speaker, cue):
    analysis = sayso.extract(text)
    quote = _find(analysis, fragment)
    assert quote.kind.value == kind
    name = _speaker(analysis, quote)
    assert name is not None and speaker in name, f"speaker {name!r}, expected {speaker!r}"
    assert quote.cue == cue
    assert analysis.text[quote.start : quote.end] == quote.text


def test_medium_told_outlet():
    analysis = sayso.extract("“We are ready,” Ghaith Al-Tamimi told The Jerusalem Post.")
    quote = _find(analysis, "We are ready")
    medium = analysis.actor(quote.medium)
    assert medium is not None and medium.name == "The Jerusalem Post"
    assert medium.type.value == "MEDIA"


def test_medium_interview_with():
    text = "Maria Lopez said in an interview with Channel Four News that she would resign."
    analysis = sayso.extract(text)
    quote = _find(analysis, "she would resign")
    assert quote.medium_mention is not None
    assert "Channel Four News" in analysis.text[quote.medium_mention[0] : quote.medium_mention[1]]


def test_scare_quote_without_cue_is_not_a_statement():
    analysis = sayso.extract("The so-called “peace” talks resumed in Geneva on Monday.")
    assert analysis.quotes == ()


def test_unattributed_quote_after_other_speaker_named_is_not_inherited():
    text = ("“We will rebuild,” said Omar Haddad.\n\nLena Fischer, a baker, was less hopeful.\n\n"
            "“Nobody believes that any more.”")
    analysis = sayso.extract(text)
    assert not any("Nobody believes" in q.text for q in analysis.quotes)  # nobody's statement
    assert [s.text for s in analysis.scare_quotes] == ["Nobody believes that any more."]


def test_pronoun_she_skips_a_man():
    text = "Maria Lopez met Omar Haddad. “It went well,” she said."
    analysis = sayso.extract(text)
    quote = _find(analysis, "It went well")
    assert quote.speaker_mention is not None
    assert analysis.text[quote.speaker_mention[0] : quote.speaker_mention[1]] == "she"
    assert _speaker(analysis, quote) == "Maria Lopez"


@pytest.mark.parametrize("text", [
    "“We will rebuild,” said Omar Haddad, the mayor. “It will take years.”",
    # (a name that holds a word of saying: "Said")
    "“We will rebuild,” said Abdourahim Said Bakar, a spokesman. “It will take years.”",
    # (a statement read out by another: one act of saying)
    "“We will rebuild,” Omar Haddad said in a statement read out by an aide. “It will take years.”",
])
def test_split_quote_has_two_parts(text):
    analysis = sayso.extract(text)
    assert len(analysis.quotes) == 1
    quote = analysis.quotes[0]
    assert [text[s:e] for s, e in quote.parts] == ["We will rebuild", "It will take years."]
    assert quote.text == text[quote.start : quote.end]


def test_a_second_verb_of_saying_between_two_quotations_makes_two_statements():
    text = ('"The president did not disclose it," said Lieutenant General H.R. McMaster, who also told reporters, '
            '"I was in the room. It did not happen."')
    found = [(q.text, q.parts) for q in sayso.extract(text, engine="rules").quotes]
    assert [said.rstrip(".") for said, _ in found] == ["The president did not disclose it", "I was in the room. It did not happen"]


def test_note_lines_are_not_speakers():
    analysis = sayso.extract("Update: The story was corrected on Monday to fix a date.")
    assert all(q.cue != ":" for q in analysis.quotes)


def test_a_second_reporting_verb_ends_the_reported_clause():
    text = "The authority denied that the inspection had been cancelled and said it would publish its records."
    denial = _find(sayso.extract(text), "inspection had been cancelled")
    assert denial.text == "that the inspection had been cancelled"
    assert (denial.cue, denial.certainty, denial.polarity) == ("denied", "doubted", "negative")


def test_the_verb_a_quotation_hangs_from_is_its_cue():
    text = ('Although there is no overlap with the team, a White House official who spoke anonymously said '
            'Wednesday, "Certainly there are discussions with the campaign." The aide declined to specify them.')
    quote = _find(sayso.extract(text, engine="rules"), "Certainly there are")
    assert quote.cue == "said Wednesday"


@pytest.mark.parametrize("engine", ["rules", "hybrid"])
def test_a_quotation_after_a_semicolon_is_told_by_the_cue_after_it(engine):
    # the parse hangs the first "He said …" under the quotation's verb: it is no reported clause
    analysis = sayso.extract("Passenger Derek Pettaway was asleep when the trains collided. He said Amtrak staff "
                             "cleared the passengers from the train rapidly, and there was no panic; \"I think "
                             "people were more in shock than anything else\", he said.", engine=engine)
    assert [(q.kind.value, q.text[:22], _speaker(analysis, q)) for q in analysis.quotes] == [
        ("indirect", "Amtrak staff cleared t", "Derek Pettaway"), ("direct", "I think people were mo", "Derek Pettaway")]


def test_a_report_inside_an_according_to_phrase_ends_before_another_sources_report():
    text = ("According to Agence France-Presse, local elders said that the gunmen fired shots during the attack "
            "and wounded one of the hostages, and The Daily Telegraph reported that witnesses said Watson was "
            "wounded in the leg.")
    analysis = sayso.extract(text, engine="rules")
    assert [(q.kind.value, q.text, _speaker(analysis, q)) for q in analysis.quotes] == [
        ("according_to", "local elders said that the gunmen fired shots during the attack and wounded one of the "
                         "hostages", "Agence France-Presse"),
        ("indirect", "that the gunmen fired shots during the attack and wounded one of the hostages", "local elders"),
        ("indirect", "that witnesses said Watson was wounded in the leg", "The Daily Telegraph")]


@pytest.mark.parametrize("headline", ["Obama to Muslims: 'Americans are not your enemy'",
                                      'Obama: "Americans are not your enemy"'])
def test_a_headline_quotes_its_speaker_before_the_colon_in_marks(headline):
    analysis = sayso.extract(headline + "\n\nTuesday, January 27, 2009\n\nUnited States President Barack Obama gave "
                             "his first formal television interview to Al Arabiya on Monday.", engine="rules")
    assert [(q.kind.value, q.text, _speaker(analysis, q)) for q in analysis.quotes] == [
        ("direct", "Americans are not your enemy", "Barack Obama")]


@pytest.mark.parametrize("engine", ["rules", "hybrid"])
def test_according_to_a_source_who_said_more(engine):
    # the parser hangs "according to police" on the relative clause after it
    analysis = sayso.extract("The shooting began at 10:39 a.m. local time (1639 UTC), according to police, who said "
                             "officers arrived at the Walmart six minutes later.", engine=engine)
    assert [(q.kind.value, q.text, _speaker(analysis, q)) for q in analysis.quotes] == [
        ("according_to", "The shooting began at 10:39 a.m. local time (1639 UTC)", "police"),
        ("indirect", "officers arrived at the Walmart six minutes later", "police")]


def test_a_document_that_reads_is_cited_in_a_quotation_of_two_parts():
    text = ('"In my judgment the common law," the judgement reads, "and in particular the principles of natural '
            'justice and fairness, would compel the court to apply the most intense scrutiny to the facts."\n\n'
            "He read the report twice before the hearing.")
    quotes = sayso.extract(text, engine="rules").quotes
    assert [(q.kind.value, q.cue, q.type.value, len(q.parts)) for q in quotes] == [("direct", "reads", "writing", 2)]


def test_a_place_before_a_headlines_colon_signs_no_quotation():
    text = 'Spain: "Neighbor, Wake Up, Evictions at Your Doorstep!"\n\nThis post is part of our coverage of the crisis.'
    analysis = sayso.extract(text, engine="rules")
    assert not any(_speaker(analysis, q) == "Spain" for q in analysis.quotes)  # where, not who
