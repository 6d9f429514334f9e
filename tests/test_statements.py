"""What is a statement: one table of sentences per rule, for the rule engine and the default
(hybrid) engine alike."""
from __future__ import annotations

import pytest

import sayso
from sayso.extractors.paragraphs import is_reporters_line, paragraphs
from sayso.model.loader import available
from sayso.types import QuoteKind

ENGINES = ["rules", pytest.param("hybrid", marks=pytest.mark.skipif(not available(), reason="no trained weights"))]


def quotes(text: str, engine: str) -> list[tuple[str, str | None]]:
    """(content, speaker name) of every statement."""
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    return [(q.text, names.get(q.speaker)) for q in analysis.quotes]


def posts(text: str, engine: str) -> list[tuple[str | None, list[str], str]]:
    """(speaker name, the first five characters of each part, type) of every direct quotation,
    each offset checked against the text."""
    analysis = sayso.extract(text, engine=engine)
    assert all(analysis.text[q.start : q.end] == q.text for q in analysis.quotes)
    names = {a.id: a.name for a in analysis.actors}
    return [(names.get(q.speaker), [text[s:e][:5] for s, e in q.parts] or [q.text[:5]], q.type.value)
            for q in analysis.quotes if q.kind == QuoteKind.DIRECT]


NOT_STATEMENTS = [
    # a headline is the reporter's, and so is a caption's credit
    "Iraqi cleric accused of funnelling Iranian money to armed groups\n\nThe cleric arrived in Basra on Monday.",
    "Karsk dam: what we know\n\nThe dam was built in 1961.",
    # a headline that reports an act, not what someone says
    "Harbour board approves new dock after long delay\n\nWork on the dock began in 2019.",
    "Inspectors blame faulty valve for refinery fire\n\nThe fire burned for two days.",
    # the writer's own voice is nobody's statement
    "I believe the council made a serious mistake last year.",
    "One would think that the vote in Hougang was fair.",
    "Black Widow and Captain America Image: Nick Moreau.",
    "Robert Sarvis. Image: Sarvis for Governor.",
    # a passive cue names no source: the subject is the listener or the topic
    "Markets were expected to react cautiously.",
    "Residents were told to leave their homes.",
    "A decision is expected to come next week.",
    # a report or an allegation in the passive with nobody named as its source
    "Liberia and Sierra Leone are both reported to have closed their borders with Guinea.",
    "Restrictions put in place to limit the spread of the disease are reported to be causing problems.",
    # a source that names nobody: nobody said it
    "No group has claimed responsibility for the attack.",
    "No one has said that the vote was rigged.",
    "Nobody believes the economy will recover this year.",
    "But not everyone believes that the resignations are an attempt to delay elections.",
    # a participle passive after its noun names no source either
    "The outbreak is the deadliest since the disease was first reported in humans 40 years ago, with nearly 1,000 "
    "people reported to have been killed by the disease in this outbreak.",
    # what the words were about is no proposition
    "The director commented on the potential of getting the transmission of malaria under control.",
    # words spoken of are not said
    "In Twitter the phrase “Día del Trabajo” (Labor Day) [es], became a Trending Topic as users referred to the "
    "marches.",
    # a section's title with "according to" and no predicate names a topic, not a proposition
    "Abortions on the Rise in Goma\n\nThe situation according to medical specialists\n\nMany girls die each year.",
    # sports and business verbs report no proposition
    "Smith added 25 points and eight rebounds.",
    "The company posted a loss of $3 million.",
    "Police arrested and questioned the student on Monday.",
    "He called his mother from the hospital.",
    # what is commonly held names nobody; a name given in quotes is no statement
    "Its round shape is believed to bring good luck.",
    'The refugee team named their robot "Robogee" and listed their country as "Hope" on their shirts.',
    # reported words with no source at all are nobody's statement
    "Montalvo was charged with taking hard drives from the organization.",
    # an event with its date before a colon is a headline's topic, not its speaker
    "World Cup 2018 day five: Sweden, Belgium, England win three points\n\nSweden beat South Korea on Monday.",
    # so is a country, also one the tagger reads as a person; a headline may ask
    'Jordan: Campaign Launched Against "Rape-Marriage" Law\n\nThe campaign began in May.',
    "Kenya: To Pay or Not to #PayInterns?\n\nThe debate began in May.",
    # the accused is not who accuses; what will be said is not said yet
    "Lady Gaga was accused of corrupting the morality of young Indonesians.",
    "The court will announce the verdict in the trial of Nabil Karoui on Friday.",
    # a caption's credit
    "Mock campaign banner. Image posted by Amir Schiby on Facebook",
    # a participle right after its noun is no cue ("earmarks [that were] added")
    "Earmarks added into the bailout bill included $192 million in tax rebates for the rum industry.",
    # a thing not said, named only by its kind; a semicolon parts the sentence before from the cue
    "The theatre has not yet announced a replacement.",
    "The police did not give any details.",
    "His contract is expiring; the show has not said anything.",
    # "continue" with a verb after it tells that something goes on, not that anyone goes on saying
    "Boutiques are turning heads as they continue to rake in more fees.",
    "A deal that was rejected by large majorities in Congress will continue not to play well.",
    # a quotation that goes on the writer's sentence, in lower case after a word, is nobody's statement
    'The plan would be funded by "closing tax loopholes and expenditures for the most fortunate."\n\n'
    "Trump has offered few ideas.",
    # finding oneself somewhere says nothing, even after "as"
    "In the past week, any semblance of a friendship between Mr. Trump and Bill Clinton came to an ugly end as the "
    "former president and his wife's presidential campaign found themselves in a muddy battle over sexism.",
    # a relative clause describes; a colon parts the clause before it from a later verb
    "Rubio has broken many promises he made to the voters of Florida since being elected to the U.S. Senate.",
    "Kasich is spending the day of the South Carolina Republican primary campaigning in Massachusetts and "
    "Vermont, states that vote on March 1. He is about to kick off a town hall.",
    "Air travel is one of the largest expenses of Mr. Trump's Republican presidential campaign: A company he "
    "owns has charged the campaign approximately $3.7 million in travel costs.",
    # a work's title, however short, after the word for the work or a possessive
    "This spring his escapades were featured in the documentary \u201cWeiner.\u201d",
    "Tuesday on WTMJ\u2019s \u201cMidday with Charlie Sykes,\u201d the host spoke of the deal.",
    # what a picture or a recording shows is seen, not said
    "Greek social media has been in uproar over a video posted on Facebook and Twitter, showing police officers "
    "overtly abusing a detained immigrant in downtown Athens.",
    # words printed as a label: a post's title, a sticker's text
    "Mr. Mong wrote about the case. Napraforgo's post lists some fishy cases. The title of the post is "
    "\"Whose Mercenary Was Ángyán?\", and so far it has more than three hundred comments.",
    "Mr. Mong wrote about the case.\n\nStickers with the text \"Who is Lajos Simicska?\" started popping up in "
    "the toilets of random Budapest bars.",
    # a song performed
    "In the following video, Egyptian poet Amin Haddad recites a poem, and Eskenderella performs \"Ya "
    "Falisteeniya\" (O Palestinian).",
    # what reporters ask at a briefing is the press's question
    "At a press briefing, one reporter questioned what could be accomplished in a few hours and asked why the "
    "President did not go to Kenya instead.",
    "Journalists asked both the vice-president and the minister if they were concerned about the new rifles.",
    # an event's name in marks
    "The charter is a set of principles agreed on by Asian editors at a UNESCO seminar, \"Building a Free and "
    "Open Asian Press,\" held in Manila in 1995.",
    # the clause the cue's own clause hangs on is the reporter's
    "The council originally had no answer to the letters, but after protests by the unions, Mayor Ann Ruiz commented.",
    # a source phrase with no noun names no one
    "His anger at the bosses and his whimsical remarked towards the press make him a hero to many.",
    # a noun phrase that points back to what someone holds is no proposition
    "Another group advocating for their cause is the Muslim Youth League.",
    "On Monday the agency announced its findings.",
]


@pytest.mark.parametrize("engine", ENGINES)
def test_words_inside_the_source_are_not_its_quote(engine):
    text = 'The "History" section of the site explains that the attack was prompted by a video.'
    assert "History" not in [content for content, _ in quotes(text, engine)]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text", NOT_STATEMENTS)
def test_no_statement(text, engine):
    assert quotes(text, engine) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_the_main_clause_beside_a_report_in_a_clause_of_time_is_nobodys(engine):
    text = "The news comes as media reports of recent weeks have highlighted spikes in radiation readings at the plant."
    assert [content for content, _ in quotes(text, engine)] in ([], ["spikes in radiation readings at the plant"])


@pytest.mark.parametrize("engine", ENGINES)
def test_a_quote_never_spans_another_speakers_attribution(engine):
    text = "“We won,” said Ann Lee.\n\n“Really,” said Bob Stone."
    assert quotes(text, engine) == [("We won", "Ann Lee"), ("Really", "Bob Stone")]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_title_after_the_cue_is_no_second_part(engine):
    text = ("He spoke about his family.\n\n“Being a dad, that’s my job,” Weiner said in May on the podcast "
            "“Here’s the Thing.”\n\n“It went well,” Ryan said on Tuesday on WTMJ’s “Midday with Charlie Sykes.”")
    found = [content for content, _ in quotes(text, engine)]
    assert "Being a dad, that’s my job" in found and "It went well" in found
    assert not any("Thing" in content or "Midday" in content for content in found)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_quotation_right_after_its_own_cue_is_no_second_part(engine):
    text = ('Interior Minister Joachim Brudzinski called the stabbing "an act of inexplicable barbarity." He said '
            '"I can\'t find the words for this kind of act."')
    found = [content for content, _ in quotes(text, engine)]
    assert not any("barbarity" in content and "find the words" in content for content in found)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_listener_after_to_is_no_content(engine):
    text = ("Earlier this week, Todd pressed Republican National Chairman Reince Priebus on the subject of Trump\u2019s "
            "taxes, insisting to Priebus that Trump should release them in order to hold the \u201chigher ground\u201d "
            "against Clinton.")
    found = quotes(text, engine)
    assert ("to Priebus", "Todd") not in found and not any(content == "to Priebus" for content, _ in found)
    assert any(content.startswith("that Trump should release them") and name == "Todd" for content, name in found)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_quotation_closed_by_a_period_is_not_the_next_sentences(engine):
    text = ('Jane Sanders spoke on Monday. "If he\'s president, he wants to keep this movement going," she said. '
            '"If he\'s not president, he\'ll have to keep this movement going for a lot more reasons." Asked what that '
            'might look like, she said: "We\'ll figure that out."')
    analysis = sayso.extract(text, engine=engine)
    assert [q.cue for q in analysis.quotes] == ["said", "said"]
    assert "not president" in analysis.quotes[0].text


@pytest.mark.parametrize("engine", ENGINES[1:])  # the rules read no noun phrase as content
def test_a_negated_cue_still_reports_a_named_thing(engine):
    found = quotes("The police did not confirm the link to the gang.", engine)
    assert [content for content, _ in found] == ["the link to the gang"]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_reporters_question_belongs_to_nobody(engine):
    found = quotes("Asked whether she would resign, Ruth Calloway said she would fight on.", engine)
    assert [content for content, _ in found] == ["she would fight on"]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text", [
    'One senior party figure, who asked not to be named, described the result as "a disaster".',
    '"It is a disaster," one resident, who asked not to be named, told Reuters.',
])
def test_asking_not_to_be_named_is_no_statement(text, engine):
    assert not any("named" in content for content, _ in quotes(text, engine))


INTERVIEW = """Biologist Ann Lee talks to the Gazette about ants

Ann Lee studies ants at the University of Helsinki.

Gazette: What first attracted you to researching ants?

Ann Lee: We kept a lot of animals during our studies. I could look at the ants for hours.

I ended up doing a PhD on them.

The ants in their nest. Image: Bob Stone.

Gazette: How reliable are your results?

Ann Lee: The results are very reliable. We had a lot of colonies, and we counted how many ants were present.

Gazette: What comes next?

Ann Lee: More experiments, I hope.
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_an_interview_answer_is_one_statement_of_its_speaker(engine):
    analysis = sayso.extract(INTERVIEW, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    turns = [q for q in analysis.quotes if q.kind == QuoteKind.TRANSCRIPT]
    assert [q.text.split(".")[0] for q in turns] == [
        "We kept a lot of animals during our studies", "The results are very reliable", "More experiments, I hope"]
    assert {names.get(q.speaker) for q in turns} == {"Ann Lee"}
    assert turns[0].parts[-1] == (INTERVIEW.index("I ended"), INTERVIEW.index("on them.") + len("on them."))
    assert len(turns[0].parts) == 2  # the caption between two paragraphs is not part of the turn
    assert analysis.quotes == tuple(turns)  # no question, nothing split off inside a turn


@pytest.mark.parametrize("engine", ENGINES)
def test_a_quote_of_nobody_is_set_aside_and_a_floating_one_resolved(engine):
    text = ("The mayor spoke at length on Monday.\n\n"
            "\"We cannot go on like this, and everybody in this town knows it.\"\n\n"
            "Ann Lee, the council leader, said the budget was balanced:\n\n"
            "\"Every penny is accounted for, and the auditors agree with us.\"")
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    found = [(q.text.rstrip("."), names.get(q.speaker)) for q in analysis.quotes]
    assert ("Every penny is accounted for, and the auditors agree with us", "Ann Lee") in found
    assert not any(content.startswith("We cannot") for content, _ in found)
    assert any(s.text.startswith("We cannot") for s in analysis.scare_quotes)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, content, speaker", [
    ("Tamimi: We will not back down from the fight\n\nThe cleric spoke in Basra.",
     "We will not back down", "Tamimi"),
    # a headline's own cue: its main verb says, claims or finds, and names who
    ("Port authority says new dock will open next year\n\nWork on the dock began in 2019.",
     "new dock will open", "Port authority"),
    ("Kessport mayor claims the recount was rigged\n\nThe recount ended on Sunday.", "the recount was rigged",
     "Kessport mayor"),
    ("Water shortage to last until June, according to engineers\n\nThe reservoir is half empty.",
     "Water shortage to last until June", "engineers"),
    # a surname the NER does not see, of a person the article names in full
    ("Okafor: budget will pass this year\n\nSunday, August 17, 2008\n\n\"The budget will pass,\" Finance "
     "Minister Paul Okafor said on Sunday.", "budget will pass this year", "Paul Okafor"),
    # its source and verb after what it reports
    ("Melting glaciers may have raised the lake, say geologists\n\nThe lake rose by a metre.",
     "Melting glaciers may have raised the lake", "geologists"),
    ("Harbour board must publish its accounts, says ombudsman\n\nThe board has refused so far.",
     "Harbour board must publish its accounts", "ombudsman"),
])
def test_a_headline_with_its_own_attribution_stays(engine, text, content, speaker):
    found = quotes(text, engine)
    # the statement stays with its speaker (a tagger may end it a word or two early)
    assert any(found_text.startswith(content) and who == speaker for found_text, who in found), found


@pytest.mark.parametrize("line, reporters", [
    ("Karsk dam: what we know", True),
    ("Formica fusca, from file. Image: Mathias Krumbholz.", True),
    ("President Armando Guebuza. Photo by World Economic Forum on Flickr (CC BY-SA 2.0).", True),
    ("He said the photo by the river was fake and that he had never seen it.", False),
    ("Interview", True),
    ("The dam broke on Tuesday, officials said.", False),
    ("US President Barack Obama tweeted using his account:", False),
    ('"We will not back down."', False),
    ("Mock campaign banner. Image posted by Amir Schiby on Facebook.", True),
])
def test_reporters_lines(line, reporters):
    assert is_reporters_line(line, paragraphs(line)[0]) is reporters


def test_an_indirect_content_of_one_word_is_no_statement():
    """What a tagger may read as reported content, one name or pronoun, reports nothing."""
    from sayso.extractors import statements
    from sayso.extractors.context import build_context
    from sayso.extractors.drafts import Draft
    from sayso.nlp import load_pipeline
    from sayso.types import QuoteKind

    doc = load_pipeline()("The officers questioned Mohamed about the clock.")
    start = doc.text.index("Mohamed")
    cue = doc[2:3]
    one = Draft(QuoteKind.INDIRECT, start, start + len("Mohamed"), cue=cue, cue_verb=cue.root)
    assert statements._not_a_statement(build_context(doc), one, doc.char_span(one.start, one.end))


@pytest.mark.parametrize("sentence, cue, content, attitude", [
    ("With Wikinews, Sarvis discusses his background and his plans.", "discusses", "his background and his plans", True),
    ("The minister defended the government's record on housing.", "defended", "the government's record on housing", True),
    ("Officials cited privacy rules in their reply.", "cited", "privacy rules", True),
    ("Freedom Magazine attacked high-ranking defectors from the church.", "attacked", "high-ranking defectors from the church", True),
    ("The union announced the start of talks with the city.", "announced", "the start of talks with the city", False),
    ("The council requested more details from the company.", "requested", "more details from the company", False),
    ("She described the ruling as historic.", "described", "the ruling as historic", False),
    ("The United States designated Kataib al-Wafa a terrorist organisation in 2021.", "designated",
     "Kataib al-Wafa a terrorist organisation", False),
    # a feeling expressed states nothing, even after a cue whose object can be a message
    ("@supinya expressed her sadness at the news.", "expressed", "her sadness", True),
    ("Foreign journalists have expressed serious concerns regarding the government's attitude.", "expressed",
     "serious concerns regarding the government's attitude", True),
    # …and a feeling about a thing, whatever the parser makes of it ("being waged" as a clause)
    ("The move is a sign of growing unease among union leaders about the plan being pushed by the board.",
     "sign of growing unease", "the plan being pushed by the board", True),
    ("The mayor voiced concern that the plan being pushed by the board would fail.", "voiced concern",
     "that the plan being pushed by the board would fail", False),
    # a cue that is no word of saying, believing or finding reports an attitude, clause or not
    ("Protesters objected to the kiosks because no public hearings were held.", "objected to",
     "the kiosks because no public hearings were held", True),
    ("The group is openly supporting the road as it may bring jobs.", "is openly supporting", "the road as it may bring jobs", True),
    ("Analysts came to the conclusion that the claims were lies.", "came to the conclusion", "that the claims were lies", False),
    ("Experts theorized that a denial-of-service attack had occurred.", "theorized",
     "that a denial-of-service attack had occurred", False),
    ("The blogger hopes that press freedom will come up at the summit.", "hopes",
     "that press freedom will come up at the summit", False),
    # what one refers to is a topic, unless one refers to it as something
    ("The blogger referred to his request to have protesters removed from a church.", "referred",
     "his request to have protesters removed from a church", True),
    ("The cardinal referred to the church protesters as criminals.", "referred",
     "the church protesters as criminals", False),
    # a message named as the content is reported whatever the cue
    ("Critics assailed his proposal to cut the budget.", "assailed", "his proposal to cut the budget", False),
    # what a cue of telling is about is a topic, unless it is a claim or a plan
    ("The ministry explained the changes on Monday.", "explained", "the changes", True),
    ("The broadcaster reported news of the police response.", "reported", "news of the police response", True),
    ("The company revealed plans to close the plant.", "revealed", "plans to close the plant", False),
    # what one notes, stresses or highlights, compares or credits is what one says
    ("The report noted relatively high numbers of women in politics.", "noted",
     "relatively high numbers of women in politics", False),
    ("She emphasized the dire need for transparency in land deals.", "emphasized",
     "the dire need for transparency in land deals", False),
    ("A Russian lawmaker compared the situation in Georgia to Iraq.", "compared", "the situation in Georgia to Iraq", False),
    ("The report credited the council with progress.", "credited", "the council with progress", False),
])
def test_a_noun_phrase_after_a_cue_is_an_attitude_unless_the_cue_carries_a_message(sentence, cue, content, attitude):
    """"discussed his background" reports a topic, "defended the record" an attitude to a thing:
    attributions, but no statement; "announced the start of talks" and "described X as Y" are."""
    from sayso.extractors import statements
    from sayso.extractors.context import build_context
    from sayso.extractors.drafts import Draft
    from sayso.nlp import load_pipeline

    doc = load_pipeline()(sentence)
    start = sentence.index(content)
    cue_span = doc.char_span(sentence.index(cue), sentence.index(cue) + len(cue))
    speaker = doc[: cue_span.start]
    draft = Draft(QuoteKind.INDIRECT, start, start + len(content), cue=cue_span, cue_verb=cue_span.root,
                  speaker_span=speaker)
    selection = statements.select(build_context(doc), [draft])
    assert (selection.attitudes, selection.statements) == (([draft], []) if attitude else ([], [draft]))


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("sentence, cue, content", [
    ("In an interview, President Trump affirmed that his campaign had no connections to Russia.", "affirmed",
     "that his campaign had no connections to Russia"),
    ("In the tape, Marinho insinuates that the scheme is commanded by a deputy.", "insinuates",
     "that the scheme is commanded by a deputy"),
    ("The minister underlined that the budget would be balanced.", "underlined", "that the budget would be balanced"),
])
def test_less_common_reporting_verbs_report_what_follows(engine, sentence, cue, content):
    analysis = sayso.extract(sentence, engine=engine)
    assert [(q.cue, q.text) for q in analysis.quotes] == [(cue, content)]


@pytest.mark.parametrize("engine", ENGINES)
def test_attitudes_are_reported_apart_with_their_own_ids(engine):
    analysis = sayso.extract("The mayor defended the library closures at a news conference on Monday. "
                             "She said the city could not afford them.", engine=engine)
    assert "the library closures" not in [q.text for q in analysis.quotes]
    assert all(a.id.startswith("t") and analysis.text[a.start : a.end] == a.text for a in analysis.attitudes)
    assert "the city could not afford them" in [q.text for q in analysis.quotes]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_signed_pull_quote_is_the_signers_not_the_last_speakers(engine):
    text = ("Other sites such as Gawker.com have stated that they will keep hosting the video.\n\n"
            "\"So far, it's the Internet: 1, Scientology: 0. But it's a long game.\" - Matthew Ingram")
    found = [speaker for content, speaker in quotes(text, engine) if content.startswith("So far")]
    assert found == ["Matthew Ingram"]


def test_one_cue_reports_one_statement():
    """An indirect part and the quotation right after it, read off one cue, are one mixed
    statement in two parts; a second cue starts another statement."""
    from sayso.extractors import statements
    from sayso.extractors.context import build_context
    from sayso.extractors.drafts import Draft
    from sayso.nlp import load_pipeline

    text = ('Heald said although ozone is known to harm crops, "nobody has looked at these together". '
            'Heald added that yields would fall.')
    doc = load_pipeline()(text)
    said = doc.char_span(text.index("said"), text.index("said") + 4)
    added = doc.char_span(text.index("added"), text.index("added") + 5)
    heald = doc[0:1]
    first = text.index("although"), text.index(', "nobody')
    second = text.index("nobody"), text.index('together"') + len("together")
    third = text.index("yields"), text.index("fall") + 4
    drafts = [Draft(QuoteKind.INDIRECT, *first, speaker_span=heald, cue=said, cue_verb=said.root),
              Draft(QuoteKind.DIRECT, *second, speaker_span=heald, cue=said, cue_verb=said.root),
              Draft(QuoteKind.INDIRECT, *third, speaker_span=doc.char_span(text.rindex("Heald"), text.rindex("Heald") + 5),
                    cue=added, cue_verb=added.root)]
    found = statements.select(build_context(doc), drafts).statements
    assert [(d.kind, d.parts) for d in found] == [(QuoteKind.MIXED, (first, second)), (QuoteKind.INDIRECT, ())]


def test_a_noun_phrase_with_a_scare_quoted_word_is_still_a_topic():
    from sayso.extractors import statements
    from sayso.extractors.context import build_context
    from sayso.extractors.drafts import Draft
    from sayso.nlp import load_pipeline

    text = 'On his blog he now discusses ants, science and "non-scientific" communication.'
    doc = load_pipeline()(text)
    cue = doc.char_span(text.index("discusses"), text.index("discusses") + len("discusses"))
    start = text.index("ants")
    draft = Draft(QuoteKind.MIXED, start, len(text) - 1, speaker_span=doc.char_span(text.index("he"), text.index("he") + 2),
                  cue=cue, cue_verb=cue.root)
    selection = statements.select(build_context(doc), [draft])
    assert (selection.attitudes, selection.statements) == ([draft], [])


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, content", [
    # the clause of a claim noun is a proposition, whatever the cue
    ("The army rejected accusations that its soldiers had fired on civilians.", "its soldiers had fired on civilians"),
])
def test_still_statements(text, content, engine):
    assert any(content in found for found, _ in quotes(text, engine))


@pytest.mark.parametrize("engine", ENGINES[1:])  # the rules do not read "is thought to have told"
def test_a_speaker_hedged_by_is_thought_to_still_speaks(engine):
    found = quotes("The chef is thought to have told staff that the restaurant would not reopen.", engine)
    assert any("the restaurant would not reopen" in content for content, _ in found)


def test_a_plan_to_act_is_a_proposition():
    from sayso.extractors.contents import proposition
    from sayso.extractors.context import build_context
    from sayso.nlp import load_pipeline

    text = "Opponents rebuked him for his proposal to temporarily ban Muslims from entering the country."
    doc = load_pipeline()(text)
    content = doc.char_span(text.index("his proposal"), len(text) - 1)
    assert proposition(content, build_context(doc))


NESTED = """Gazette: In an interview last year, Tom Reed said that the club would never leave the city. Do you agree?

Ann Lee: Not quite. We talked about it for months. "Ann, please keep the club here," a neighbour told me. I say, "We will try." They think the owners want a new stadium.

Gazette: What comes next?

Ann Lee: A vote in June, I hope.
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_a_third_persons_words_inside_an_interview_turn_are_their_own_statement(engine):
    """A quotation of a third person in an answer, and a report with its source in a question,
    are statements of their own; the answerer's own quoted words, and the views of others the
    answer reports indirectly, stay part of the answer; the question itself is nobody's."""
    analysis = sayso.extract(NESTED, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    found = {(q.text.rstrip(".,"), names.get(q.speaker)) for q in analysis.quotes if q.kind != QuoteKind.TRANSCRIPT}
    assert ("that the club would never leave the city", "Tom Reed") in found
    if engine != "rules":  # the rules read "Ann Lee: …" as one colon statement and propose no quote inside
        assert any(t == "Ann, please keep the club here" for t, _ in found)
    assert not any("We will try" in t or "owners want" in t or "Do you agree" in t for t, _ in found)
    turns = [q for q in analysis.quotes if q.kind == QuoteKind.TRANSCRIPT]
    assert len(turns) == 2 and {names.get(q.speaker) for q in turns} == {"Ann Lee"}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_turn_label_names_the_speaker_the_article_calls_by_surname(engine):
    """ "Marymegan Daly:" labels the turns of the person the text calls "Daly": one actor, named
    in full."""
    text = ("Wikinews: How did you come to be involved with this discovery?\n\n"
            "Marymegan Daly: Frank Rack got in touch after they returned from Antarctica.\n\n"
            "Wikinews: What was your first reaction?\n\n"
            "Marymegan Daly: I was amazed and really excited.\n\n"
            "Anemone images. Daly explained how she obtained these images of the anatomy.\n")
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    turns = [q for q in analysis.quotes if q.kind == QuoteKind.TRANSCRIPT]
    assert len(turns) == 2 and {names.get(q.speaker) for q in turns} == {"Marymegan Daly"}
    assert [a.name for a in analysis.actors].count("Daly") == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_a_dialogue_in_a_report_ends_where_the_reporter_introduces_a_comment(engine):
    """The last turn of a dialogue a report transcribes does not run on over the rest of the
    article: a paragraph in the reporter's voice that introduces a reader's comment ends it, and
    the comment is its author's; a turn that tells what the speaker was told goes on."""
    text = ("Blogger films police officer drinking beer on duty\n\n"
            "The blogger filmed the officer in a cafe and asked her about the beer:\n\n"
            "Karimdjanov: Look, she is drinking beer. Are you not on duty?\n\n"
            "Policewoman: I understand that it is banned on duty, but it is non-alcoholic.\n\n"
            "Karimdjanov: It is not non-alcoholic, is it?\n\n"
            "Policewoman: My chief always told me:\n\n"
            "Never drink at work, whatever the day.\n\n"
            "Rinat Shamstudinov argued:\n\n"
            "The guys from Kloop did good. But you should have taken a copy of the receipt.\n\n"
            "The video has been watched more than ten thousand times.")
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    turns = [q.text for q in analysis.quotes if q.kind == QuoteKind.TRANSCRIPT]
    assert turns[-1].startswith("My chief") and turns[-1].endswith("whatever the day.") and len(turns) == 2
    assert [(names.get(q.speaker), q.text[:8]) for q in analysis.quotes if q.kind == QuoteKind.DIRECT] == [
        ("Rinat Shamstudinov", "The guys")]


INTERRUPTED = """Gazette: Where do you advertise?

Mario J. Lucero: A lot on the web. We used the local papers too.

Rebecca: Depending on the election year --

Mario J. Lucero: Who's buying the paper. So it changes.

Gazette: Which books stand out?

Rebecca: My favourite is Notes from the Underground. Other good ones:

Austen, Jane. Pride and Prejudice

London, Jack. White Fang

Ed.: See the catalog for a full index.

Gazette: Thank you.
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_transcript_turns_with_initials_cut_short_or_opening_a_list(engine):
    """A label may hold an initial ("Mario J. Lucero:"); a turn cut short by the next speaker
    ("Depending on the election year --") is still a turn; the items of a list an answer opens
    belong to it, an editor's note after them does not; one actor per label, whether or not
    the parser saw a name there."""
    analysis = sayso.extract(INTERRUPTED, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    turns = [(q.text, names.get(q.speaker)) for q in analysis.quotes if q.kind == QuoteKind.TRANSCRIPT]
    assert turns[:3] == [("A lot on the web. We used the local papers too.", "Mario J. Lucero"),
                         ("Depending on the election year --", "Rebecca"),
                         ("Who's buying the paper. So it changes.", "Mario J. Lucero")]
    assert turns[3][0].startswith("My favourite") and turns[3][0].endswith("White Fang") and len(turns) == 4
    assert [a.name for a in analysis.actors].count("Rebecca") == 1


SET_OFF = """Fuel queues grow in Kabwe

Motorists have queued for four days in the town of Kabwe.

Rio, a reader of the Zambian Watchdog, responds:

It is not only Kabwe; some filling stations in Ndola have no diesel either. I filled up my tanks to be safe.

Another reader, Mubiana Sitwala, thinks that the shortage has another cause:

If the issue is country wide your concern can be genuine, but this is an isolated case. The minister said that "the ship has docked" and the fuel will come.

Czar has a logical explanation:

Politics done to appease hustlers will not develop this country.

Archritius Mwanakayaya says:

the man is shameless,the economy is hanging

Fuel cans in Kabwe:

Fuel cans. Image: Stanley Kubrock.
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_a_paragraph_introduced_by_a_cue_and_a_colon_is_its_speakers_quotation(engine):
    """A blockquote without marks, once the page's HTML is gone: the paragraph after "X
    responds:" is X's words, whole; an indirect report before the colon stays a statement of its
    own; a third person quoted in marks inside stays theirs. The cue may be a verb of a message
    ("has a logical explanation:"), the quotation need not end as a sentence does; a caption
    is no quotation."""
    analysis = sayso.extract(SET_OFF, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    found = [(q.kind, q.text, names.get(q.speaker)) for q in analysis.quotes]
    first = SET_OFF.index("It is not only")
    assert (QuoteKind.DIRECT, SET_OFF[first : SET_OFF.index("to be safe.") + len("to be safe.")], "Rio") in found
    second = [f for f in found if f[1].startswith("If the issue is country wide")]
    assert len(second) == 1 and second[0][0] == QuoteKind.DIRECT and second[0][2] == "Mubiana Sitwala"
    assert second[0][1].endswith("the fuel will come.")
    assert any(t.startswith("that the shortage has another cause") for _, t, _ in found)
    assert (QuoteKind.DIRECT, "Politics done to appease hustlers will not develop this country.", "Czar") in found
    assert (QuoteKind.DIRECT, "the man is shameless,the economy is hanging", "Archritius Mwanakayaya") in found
    assert not any("Kubrock" in t for _, t, _ in found)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, words", [
    ("Yemen faces a food crisis. It is hoped that the crisis will be discussed at the conference in Riyadh.",
     "the crisis will be discussed"),
    ("The secretary declined to speculate as to whether the troops might stay longer.", "speculate"),
    ("The minister refused to comment on the report.", "comment"),
    ("The opposition leader refused to attend the ceremony in the capital on Sunday.", "attend"),
    ("The appeals court declined to overturn the judge's decision on the travel ban.", "overturn"),
])
def test_no_statement_without_a_named_source_or_when_nothing_was_said(engine, text, words):
    """An expletive "it" names nobody ("It is hoped that …"), and a refusal to speak reports no
    words (docs/annotation.md: a refusal to give details is not a statement), nor a refusal to
    act."""
    analysis = sayso.extract(text, engine=engine)
    assert not any(words in q.text for q in analysis.quotes)
    if not text.startswith("Yemen"):  # a refusal is listed apart, as an attitude
        assert any(words in t.text for t in analysis.attitudes)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_title_given_by_a_naming_participle_is_no_statement(engine):
    """ 'in a post titled "…" said:' — the marks hold the post's title, not what was said."""
    text = 'Optimum Sports, in a very detailed post titled "Rashidi Yekini 1963-2012" said:\n\nHe scored the first goal at the World Cup.'
    analysis = sayso.extract(text, engine=engine)
    assert not any("1963" in q.text for q in analysis.quotes)
    assert [q.text for q in analysis.quotes] == ["He scored the first goal at the World Cup."]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, title", [
    # the parser hangs "entitled" on the verb, not on the noun it names
    ("He recently made a documentary for Al Jazeera English entitled \"America's Dangerous Game\", which asks "
     "if the US is creating more enemies than it can kill.", "Dangerous Game"),
    ('In a blog post entitled "Nessma Trial: Luckily the Ridiculous Does Not Kill" [fr], blogger Lina Ben Mhenni '
     'commented on the trial:\n\nThe verdict is a compromise between the two camps and satisfies nobody.', "Nessma"),
    ('As the editor said in a recent blog post, "The Failed US Policy in Yemen", the strikes go on.', "Failed US"),
    # a title-cased name in marks after "The": a bill's name, which the parser may take for a quotation
    ('President Mamnoon Hussain signed a bill to merge the tribal areas with the province.\n\nThe "Federally '
     'Administered Tribal Areas Reforms Bill, 2018", seeking to end the colonial-era rules which apply to five '
     'million people, was passed by parliament last week.', "Tribal Areas"),
    # a table's heading set off after a colon is no one's words
    ("The Bureau of Investigative Journalism has published figures for US covert action in Yemen:\n\n"
     "US Covert Action in Yemen 2001-2012\n\nTotal US strikes: 41 - 132", "Covert Action"),
    # a title before the speaker's own quotation with the same cue is no part of it
    ('In a post entitled "A brave lady Speaks out about the CIA Drone Strikes", Yemeni blogger Afrah Nasser '
     'commended her courage and said: "She is braver than all of us."', "brave lady"),
    # titles of works listed after "roles in"
    ("Howard, who had roles in \u201cHow the Grinch Stole Christmas,\u201d \u201cApollo 13,\u201d and "
     "\u201cAustin Powers: The Spy Who Shagged Me,\u201d had no such praise for Clinton.", "Austin Powers"),
])
def test_a_title_in_marks_is_no_statement_however_it_parses(text, title, engine):
    analysis = sayso.extract(text, engine=engine)
    assert not any(title in q.text for q in analysis.quotes)
    if "braver" in text:
        assert [q.text for q in analysis.quotes] == ["She is braver than all of us."]


def test_a_title_cased_quotation_after_a_document_is_a_statement_only_when_it_is_a_sentence():
    text = 'In a statement, the ministry said: "the talks will resume next week," and added nothing.'
    assert any("talks will resume" in q.text for q in sayso.extract(text, engine="rules").quotes)


@pytest.mark.parametrize("line, speaker, cue", [
    ("Farieha Aziz comments on BoloBhi:", "Farieha Aziz", "comments"),  # "comments" parsed as a noun
    ("Charlayne Hunter-Gault hopes that press freedom will come up at the summit:", "Charlayne Hunter-Gault", "hopes"),
    ("Endalk summarises online commentaries about press freedom:", "Endalk", "summarises"),
])
def test_a_line_that_introduces_a_set_off_quotation_however_it_parses(line, speaker, cue):
    text = f"{line}\n\nThe ban is a restriction on freedom of expression and it must end now."
    analysis = sayso.extract(text, engine="rules")
    names = {a.id: a.name for a in analysis.actors}
    found = [(q.kind, names.get(q.speaker), q.cue) for q in analysis.quotes if q.text.startswith("The ban")]
    assert found == [(QuoteKind.DIRECT, speaker, cue)]


@pytest.mark.parametrize("line, speaker", [
    ("Blogger Charlie Custer from ChinaGeeks is very frustrated:", "Charlie Custer"),  # no cue: a named subject
    ("Antoine Atallah addressed the newspaper's editors:", "Antoine Atallah"),
    ("Mohamad Sibai wrote a piece in the newspaper. He began by saying:", "Mohamad Sibai"),  # the cue hangs under "began"
    # the cue of an earlier sentence of the line, when the last one has no named subject
    ("Elaine Ee believes that the code will not work. Instead, the government should free the media:", "Elaine Ee"),
    # the named subject of the last sentence, not a name in an earlier subordinate clause
    ("When Chan reported on black jails, guards called her a traitor. Blogger Charlie Custer is very frustrated:",
     "Charlie Custer"),
])
def test_a_line_about_a_named_writer_introduces_a_set_off_quotation(line, speaker):
    text = f"{line}\n\nThe ban is a restriction on freedom of expression and it must end now."
    analysis = sayso.extract(text, engine="rules")
    names = {a.id: a.name for a in analysis.actors}
    found = [(q.kind, names.get(q.speaker)) for q in analysis.quotes if q.text.startswith("The ban")]
    assert found == [(QuoteKind.DIRECT, speaker)]


@pytest.mark.parametrize("line", [
    "The team's squad for the cup includes:",  # nobody named
    "Some Singaporeans are distrustful of the coverage:\n\n@sochris:",  # a post under its own handle
])
def test_a_line_about_nobody_in_particular_gives_no_speaker(line):
    text = f"{line} The ban is a restriction on freedom of expression and it must end now."
    if "\n\n@" not in line:
        text = f"{line}\n\nThe ban is a restriction on freedom of expression and it must end now."
    analysis = sayso.extract(text, engine="rules")
    names = {a.id: a.name for a in analysis.actors}
    assert [names.get(q.speaker) for q in analysis.quotes if q.text.startswith("The ban")] in ([], ["@sochris"])


def test_a_cue_inside_a_quoted_headline_does_not_introduce_the_quotation():
    text = ('Gist Only wrote a rather controversial headline “Late Yekini’s Wife blames the Media”:\n\n'
            'A former wife of the striker said the media had hounded him for years.')
    analysis = sayso.extract(text, engine="rules")
    names = {a.id: a.name for a in analysis.actors}
    set_off = [q for q in analysis.quotes if q.text.startswith("A former wife")]
    assert [(q.kind, q.cue) for q in set_off] == [(QuoteKind.DIRECT, "wrote")]
    assert names.get(set_off[0].speaker, "").startswith("Gist")


@pytest.mark.parametrize("engine", ENGINES)
def test_posts_laid_out_under_their_handles_without_a_colon_are_each_their_accounts(engine):
    """A run of paragraphs "@handle text" that a lead-in opens are posts, one per handle (the
    lead-in's speaker is none of them); a paragraph in which the handle posted something is
    the reporter's, and one that no lead-in opens is no post."""
    text = ("The singer called the country random in an interview. Fans answered him on Twitter:\n\n"
            "@BarryLik Random country? We have the biggest jazz festival of them all.\n\n"
            "@kartika_m don't judge my lovely country with the word random.\n\n"
            "@AcilEnor You said it was a random country! You are a random singer!\n\n"
            "The concert went ahead in May.\n\n"
            "@wjsfree posted a video of the concert in a long story.\n")
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    posts = [(names.get(q.speaker), q.text.rstrip(".")) for q in analysis.quotes if q.kind == QuoteKind.DIRECT]
    assert posts == [
        ("@BarryLik", "Random country? We have the biggest jazz festival of them all"),
        ("@kartika_m", "don't judge my lovely country with the word random"),
        ("@AcilEnor", "You said it was a random country! You are a random singer!"),
    ]
    assert all(analysis.text[q.start : q.end] == q.text for q in analysis.quotes)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_post_under_an_account_handle_is_its_owners_quotation(engine):
    """ "@SenRehmanMalik: …" is that account's post, verbatim (a direct quotation, the label left
    out), and the account is the person the article names; after "Omar tweeted:" the post is
    Omar's set-off quotation, once."""
    text = ("Interior Minister Rehman Malik said the ban was lifted. Fiza Batool Gilani, his aide, agreed.\n\n"
            "Omar tweeted:\n\n@OmarMash: The food crisis is only going to increase in severity.\n\n"
            "The minister wrote on Monday.\n\n"
            "@SenRehmanMalik:\u00a0Dear All yes I spoke to PM and informed him.\n\n"
            "@FizaBatoolGilan: The Prime Minister has ordered the IT Minister to restore Twitter.\n\n"
            "Ali said the party met.\n\n@alihzinsaf: Gilani has been convicted and a convict cannot be PM.\n")
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    found = [(q.kind, q.text.rstrip("."), names.get(q.speaker)) for q in analysis.quotes if q.kind == QuoteKind.DIRECT]
    assert found == [
        (QuoteKind.DIRECT, "The food crisis is only going to increase in severity", "Omar"),
        (QuoteKind.DIRECT, "Dear All yes I spoke to PM and informed him", "Rehman Malik"),
        (QuoteKind.DIRECT, "The Prime Minister has ordered the IT Minister to restore Twitter", "Fiza Batool Gilani"),
        # one short word of a name spells no handle: "Ali" is not "@alihzinsaf"
        (QuoteKind.DIRECT, "Gilani has been convicted and a convict cannot be PM", "@alihzinsaf"),
    ]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, expected", [
    # in another script
    ("A right wing evangelist group has launched an online campaign against the tour, inviting Christians "
     "to sign in and pray for the youth. Below is a selection of the prayers on its page.\n\n"
     "Johnny Cheung said [zh]:\n\n求主使青年人有清昕頭腦, 分辨壞思想, 壞行為。\n\n"
     "Pray for god to clear our youth's brain. Let them know how to distinguish bad thought and behavior.\n\n"
     "Fewer than 100 people have signed in to the page, and most of them are against the campaign.",
     [("Johnny Cheung", ["求主使青年人有清", "Pray for"])]),
    # in another language of the same script
    ("Journalist Carlos Puig [es] recalled that this is not an isolated case:\n\n"
     "Se encadena la masacre con los colgados en Nuevo Laredo, o los aventados en Jalisco, o los asesinados "
     "en Tamaulipas.\n\nThe massacre is linked to those hanged in Nuevo Laredo, those thrown in Jalisco, "
     "those assassinated in Tamaulipas.\n\nThe police have made no arrests so far.",
     [("Carlos Puig", ["Se encad", "The mass"])]),
])
def test_a_quotation_in_another_language_and_its_translation_are_one_statement(text, expected, engine):
    """docs/annotation.md: the original and its translation are one act of saying, in parts."""
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    found = [(names.get(q.speaker), [text[s:e][:8] for s, e in q.parts]) for q in analysis.quotes
             if q.kind == QuoteKind.DIRECT]
    assert found == expected


def test_a_blockquote_goes_on_in_the_writers_own_voice_and_stops_at_the_reporters():
    text = ("Joel Simon, the director of the committee, writes a public letter to the president:\n\n"
            "Dear President Obama:\n\n"
            "As you prepare to host the summit, we call on you to consider the role of an independent press.\n\n"
            "We urge you to raise the cases of the jailed journalists with your guests.\n\n"
            "The summit opens on Friday at Camp David, and the prime minister is expected to attend.")
    analysis = sayso.extract(text, engine="rules")
    names = {a.id: a.name for a in analysis.actors}
    letter = [q for q in analysis.quotes if q.text.startswith("Dear President")]
    assert [(names.get(q.speaker), len(q.parts)) for q in letter] == [("Joel Simon", 3)]
    assert "Camp David" not in letter[0].text


@pytest.mark.parametrize("engine", ENGINES)
def test_a_post_and_its_translation_under_one_handle_are_one_quotation(engine):
    text = ("Tunisian netizens reacted to the verdict on Twitter on Thursday, and many of them were angry at the court.\n\n"
            "@FelFel_: Le verdict est un compromis entre les deux camps.\n\n"
            "@FelFel_: The verdict is a compromise between the two camps.\n\n"
            "@HouyemTN: The court has made a big mistake today and the whole country will pay for it.")
    analysis = sayso.extract(text, engine=engine)
    direct = [[text[s:e][:9] for s, e in q.parts] or [q.text[:9]] for q in analysis.quotes if q.kind == QuoteKind.DIRECT]
    assert direct == [["Le verdic", "The verdi"], ["The court"]]


@pytest.mark.parametrize("engine", ENGINES)
def test_posts_labelled_with_a_fullwidth_colon_or_a_tagged_name_are_their_authors(engine):
    """Chinese sets a post's author before a fullwidth colon, with no space ("周指辉：…"); a
    round-up gives the translation under the author's handle and a link's language tag ("@周指辉
    [zh]: …"). Each post and its translation are one quotation of the label's author, even after
    a lead-in that only translates them; a long sentence before a fullwidth colon is no label."""
    text = ("China Media Project has translated some of the comments:\n\n"
            "周指辉：估计我国要实际控制黄岩岛——这是一个好机会，希望能顺手把菲占的其他岛也给一并拿了！\n\n"
            "@周指辉 [zh]: It seems that our country is to take control of the islands. This is a golden opportunity.\n\n"
            "@Liu Yadong [zh]: Whether it is praise or criticism, it must be based on a deep understanding of the other side.\n\n"
            "如同我严厉批评我所任职的媒体机构一样作为媒体及公众人物在此刻为民族主义情绪张目确能两头讨好：政治上正确也能获市场掌声。\n\n"
            "The dispute over the shoal went on through the summer.")
    assert posts(text, engine) == [("周指辉", ["估计我国要", "It se"], "writing"), ("@Liu Yadong", ["Wheth"], "writing")]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_paragraph_of_only_a_name_and_a_colon_labels_the_post_under_it(engine):
    """A round-up of posts may set each author's name alone on a line ("Lisbeth Armel:"): the
    paragraph under it is that person's post, with its translation; a heading is no author."""
    text = ("Some Twitter users showed their familiarity with the game.\n\n"
            "Lisbeth Armel:\n\n"
            "Прочитала, что Овечкин любит хип-хоп. Пять минут сидела с фейспалмом.\n\n"
            "I read that Ovechkin likes hip hop. For five minutes I just facepalmed.\n\n"
            "Ilgiz Taipov:\n\n"
            "Ждем Овечкина и Семина с нетерпением. В России!\n\n"
            "We're anxiously waiting for Ovechkin and Semin. In Russia!\n\n"
            "Update:\n\n"
            "The team arrived in Moscow on Sunday and was met by hundreds of fans.")
    assert posts(text, engine) == [
        ("Lisbeth Armel", ["Прочи", "I rea"], "writing"), ("Ilgiz Taipov", ["Ждем ", "We're"], "writing")]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("lead_in, speaker", [
    ("The newspaper Infobae [es] reported just after the law was passed:", "Infobae"),
    ("Victor Mantilla (@yourjournalist) [es] recommends:", "Victor Mantilla"),
    ("Jesus Blanco (@Gsusologo) [es] tweeted [es] with irony:", "Jesus Blanco"),
    ("@eromanp [es] is ironic:", "@eromanp"),
    ("Similarly, Alberto Esteva (@AlbertoEsteva) [es] made a declaration on the implications of the finding:",
     "Alberto Esteva"),
])
def test_a_lead_in_whose_verb_follows_a_language_tag_introduces_the_post(lead_in, speaker, engine):
    """A link's language tag between a name and its verb leaves the verb a participle, an
    apposition or a noun to the parser; the line still introduces what its speaker wrote."""
    text = ("The protests went on for a week in the capital, and the police arrested dozens of people on Friday. "
            "Many people wrote about the events on their blogs and on Twitter.\n\n" + lead_in + "\n\n"
            "Tras más de cuatro horas de debate, el Senado convirtió en ley el proyecto de muerte digna.\n\n"
            "After more than four hours of debate, the Senate turned the bill on death with dignity into law.\n\n"
            "The government has not commented on the arrests, and the opposition will march again next week.")
    assert [(name, parts) for name, parts, _ in posts(text, engine)] == [(speaker, ["Tras ", "After"])]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("lead_in, speaker", [
    ("Another Facebook group advocating for their cause is Dimtsachin Yisema:", "Dimtsachin Yisema"),
    ("Finally, there is Nur-Ethio:", "Nur-Ethio"),
    ("The main problem is corruption:", None),
])
def test_a_lead_in_whose_copula_names_the_author_introduces_the_post(lead_in, speaker, engine):
    """A lead-in may name the author of what follows as a copula's complement; a complement that
    names nobody introduces no one's words."""
    text = ("Muslims in Ethiopia have taken their campaign for religious independence online, and several "
            "groups on Facebook call for a protest on Friday.\n\n" + lead_in + "\n\n"
            "The overall development of a country can never be realized without the freedom of its people.\n\n"
            "The government has not answered the groups, and the protest is planned for Friday.")
    found = [(name, parts) for name, parts, _ in posts(text, engine)]
    assert found == ([(speaker, ["The o"])] if speaker else [])


@pytest.mark.parametrize("engine", ENGINES)
def test_a_pledge_reads_past_a_parenthesis_between_dashes_and_the_described_subject_speaks(engine):
    """The parser hangs "from entering the U.S." on the noun before the dashes; the content reads
    on past them. The relative clause after "X is a liar and bully who …" speaks of X."""
    text = ("Editor’s note: Donald Trump regularly incites political violence and is a serial liar, rampant "
            "xenophobe, racist, misogynist and birther who has repeatedly pledged to ban all Muslims — 1.6 "
            "billion members of an entire religion — from entering the U.S.")
    assert quotes(text, engine) == [("to ban all Muslims — 1.6 billion members of an entire religion — "
                                     "from entering the U.S", "Donald Trump")]


def test_a_parenthesis_followed_by_a_new_clause_stays_out_of_the_content():
    text = "The mayor said she would resign — a move nobody expected — and the council agreed."
    [(content, _)] = quotes(text, "rules")
    assert content.startswith("she would resign") and "council" not in content


@pytest.mark.parametrize("engine", ENGINES[1:])
@pytest.mark.parametrize("text, attitude", [
    ("Many Algerians expressed their political dissent through boycotting the elections.",
     "their political dissent through boycotting the elections"),
    ("Moroccans expressed their outrage at the way criminals are permitted to escape punishment while their victims suffer.",
     "their outrage at the way criminals are permitted to escape punishment while their victims suffer"),
])
def test_the_taggers_own_reading_after_a_cue_that_says_nothing_is_an_attitude(engine, text, attitude):
    """Reported speech the tagger alone reads, after a cue that is no word of saying, believing
    or finding, is no statement; it stays an attitude (an attribution in PolNeAR's sense)."""
    analysis = sayso.extract(text, engine=engine)
    assert analysis.quotes == ()
    assert [a.text for a in analysis.attitudes] == [attitude]


@pytest.mark.parametrize("engine", ENGINES[1:])
def test_the_taggers_own_reading_after_a_cue_of_a_message_stays(engine):
    text = "The mayor ordered the removal of structures already constructed on the basis that they were not aesthetic."
    assert [q.text for q in sayso.extract(text, engine=engine).quotes] == [
        "the removal of structures already constructed on the basis that they were not aesthetic"]


@pytest.mark.parametrize("engine", ENGINES[1:])
def test_a_passive_that_gives_a_name_is_no_cue(engine):
    """The tagger reads "is referred to as" as a cue inside a quotation; a passive that gives a
    thing a name names no source."""
    text = ('H.R.1424 was introduced on March 9, 2007. It is noted on the Congressional Website that "On 10/1/2008, '
            'the Senate passed H.R.1424 as the vehicle for the economic rescue legislation. In the EAS version of the '
            'bill (Engrossed Amendment as Agreed to by the Senate), Division A (pp.1-110) is referred to as the '
            'Emergency Economic Stabilization Act of 2008; Division B (pp. 110-255) is referred to as the Energy '
            'Improvement and Extension Act of 2008."')
    analysis = sayso.extract(text, engine=engine)
    assert not [q.cue for q in analysis.quotes if q.cue and "referred" in q.cue]


@pytest.mark.parametrize("engine", ENGINES[1:])
@pytest.mark.parametrize("text", [
    "The National Front for the Gender Identity Law commented on the reason why it is so important on their website.",
    "Mozambican blogger José Belmiro was also refusing the latent threats against those who would make their voices heard.",
])
def test_a_thing_the_tagger_alone_reads_after_a_cue_that_takes_no_message_is_an_attitude(engine, text):
    """Reported speech the tagger alone reads, a noun phrase that states nothing after a cue that
    takes no message for object, is an attitude, not a statement."""
    analysis = sayso.extract(text, engine=engine)
    assert analysis.quotes == () and analysis.attitudes


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, content, speaker, kind", [
    ("Other suspects have killed themselves.\n\n"
     "The sums involved are unusually large, and the details are extraordinarily serious\n\n"
     "— Judge Alasdair Darroch, of the sentence\n\nUpon his escape Lai became China's most-wanted man.",
     "The sums involved are unusually large, and the details are extraordinarily serious", "Alasdair Darroch",
     "unspecified"),
    # a document speaks for its writer
    ("Photojournalist Tim Hetherington was killed in Misrata.\n\n"
     "In besieged Libyan city of Misrata. Indiscriminate shelling by Qaddafi forces.\n\n— Tim Hetherington's last tweet",
     "In besieged Libyan city of Misrata. Indiscriminate shelling by Qaddafi forces", "Tim Hetherington", "writing"),
])
def test_a_pull_quote_signed_on_the_line_under_it_is_the_signers(engine, text, content, speaker, kind):
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    assert [(names.get(q.speaker), q.cue, q.type.value) for q in analysis.quotes if q.text == content] == [
        (speaker, "—", kind)]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_reporters_credit_under_a_paragraph_signs_no_pull_quote(engine):
    text = ("The council voted on the plan late on Monday. The mayor was not at the meeting.\n\n"
            "— City Hall Correspondent Jane Ruiz.\n\nThe vote comes a week before the budget.")
    assert [q.text for q in sayso.extract(text, engine=engine).quotes] == []


@pytest.mark.parametrize("engine", ENGINES)
def test_numbered_anonymous_interviewees_hold_turns_and_the_headline_is_none(engine):
    text = ("CanadaVOTES: Anonymous protesters on the arrests in Atlanta\n\nThe group spoke to Wikinews.\n\n"
            "Wikinews: What was your initial reaction to the arrests at the protest?\n\n"
            "Anonymous 1: Just disbelief. On February 10th, the police were completely cool.\n\n"
            "Wikinews: What has been your experience dealing with the Atlanta police?\n\n"
            "Anonymous 2: They really didn't talk to us at all at the last protest.")
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    assert [(q.kind.value, names.get(q.speaker)) for q in analysis.quotes] == [
        ("transcript", "Anonymous 1"), ("transcript", "Anonymous 2")]


@pytest.mark.parametrize("engine", ENGINES)
def test_two_cues_of_one_speaker_are_two_statements(engine):
    """ '"A." Morin said. "B," he added.': one statement per act of saying, even when the tagger
    reads both quotations as one."""
    text = ('Minister Hervé Morin arrived in Libreville on Sunday. "The cause of this tragedy remains unknown. It may be '
            'natural or human, or a combination of both." Morin said. "Divers were inspecting the Cougar, which was in '
            'water 35 meters deep. We will do everything we can to find the last person missing," he added.')
    analysis = sayso.extract(text, engine=engine)
    assert [q.cue for q in analysis.quotes] == ["said", "added"]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, words", [
    # the reporter's note on anonymity and finding oneself somewhere are no statements
    ("The official requested anonymity to discuss a private conversation with the mayor.", "anonymity"),
    ("Trump found himself embroiled in controversy over the speech.", "embroiled"),
    # a noun spelt as a cue verb, and asking without the words asked
    ("Attorney General Loretta Lynch has the final say on whether Clinton faces prosecution.", "prosecution"),
    ("A reporter asked Trump a question about the wall.", "question"),
    # a set phrase that opens a clause
    ("That said, the plan will go ahead next year.", "the plan"),
    ("All told, the group raised $5 million last year.", "the group"),
    # the writer's impersonal comment
    ("It's safe to say he's referring to the notion of closing the border.", "referring"),
    ("It is fair to say that one reason for that is the media.", "one reason"),
    # a wish the writer supposes, and denying somebody a thing
    ("Republicans may want to reconsider after this week.", "reconsider"),
    ("Sanders denied Carter a final-night photograph of unity.", "photograph"),
    # a thing an office grants or withholds, and a state declared into being: decisions and acts
    ("The court repeatedly denied Ampon bail.", "bail"),
    ("The Home Office initially denied Kazemi's asylum application.", "application"),
    ("Intel denied AMD access to the consortium.", "access"),
    ("The governor declared a state of emergency on Friday.", "emergency"),
    ("The army declared martial law in the capital.", "martial law"),
    # the subject of a passive cue is what is done or said to it
    ("Nearly 3000 residents of Allegheny County have been called to report for jury selection for just one trial.",
     "jury selection"),
    # a section's heading between dashes signs nothing
    ("Ramos believes in journalism that takes sides.\n\n\u2013 Ready to quiz Trump \u2013.\n\nThe interview "
     "was set for Monday.", "journalism"),
])
def test_no_statement_in_what_the_reporter_says_of_someone(engine, text, words):
    assert not any(words in q.text for q in sayso.extract(text, engine=engine).quotes)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_reporters_remark_after_according_to_is_no_part_of_the_report(engine):
    text = ("For these assignments, Centerview earned about $600 million last year, according to public filings, "
            "a huge sum for a firm with 35 partners.")
    quote, = sayso.extract(text, engine=engine).quotes
    parts = [text[s:e] for s, e in quote.parts or ((quote.start, quote.end),)]
    assert any("earned about $600 million" in p for p in parts) and not any("huge sum" in p for p in parts)


@pytest.mark.parametrize("engine", ENGINES)
def test_according_to_inside_a_clause_reports_both_sides_of_it(engine):
    text = "The new plant, according to the energy ministry, will close before the end of next year."
    quote, = sayso.extract(text, engine=engine).quotes
    assert [text[s:e] for s, e in quote.parts] == ["The new plant", "will close before the end of next year"]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, content, speaker", [
    ("The plant will close next year, as the ministry said on Monday.", "The plant will close next year", "the ministry"),
    ("Three people died in the fire, as reported by Reuters.", "Three people died in the fire", "Reuters"),
])
def test_as_x_said_reports_the_clause_it_follows(engine, text, content, speaker):
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    assert [(q.text, names.get(q.speaker)) for q in analysis.quotes] == [(content, speaker)]


@pytest.mark.parametrize("engine", ENGINES)
def test_as_things_go_on_is_no_report(engine):
    assert sayso.extract("The river is closed to boats as rescue operations continue.", engine=engine).quotes == ()


@pytest.mark.parametrize("engine", ENGINES)
def test_a_quotation_after_that_said_is_the_next_cues(engine):
    text = "Her daughter described him as kind. That said, she also noted, \"When you attack him, he will punch back.\""
    quotes = [q for q in sayso.extract(text, engine=engine).quotes if "attack him" in q.text]
    assert [(q.cue, q.kind.value) for q in quotes] == [("noted", "direct")] or \
        [(q.cue, q.kind.value) for q in quotes] == [("also noted", "direct")]


def test_a_content_of_function_words_alone_is_no_statement(nlp):
    """A tagger may mark a lone word of a sentence as what a source reports."""
    from sayso.extractors.context import build_context
    from sayso.extractors.drafts import Draft
    from sayso.extractors.statements import select

    text = "For these assignments, the firm earned $600 million, according to public filings."
    context = build_context(nlp(text))
    doc = context.doc
    cue = doc.char_span(text.index("according"), text.index(" public"))
    source = doc.char_span(text.index("public"), text.index("."))
    drafts = [Draft(QuoteKind.ACCORDING_TO, 0, 3, speaker_span=source, cue=cue),
              Draft(QuoteKind.ACCORDING_TO, 23, 51, speaker_span=source, cue=cue)]
    kept = select(context, drafts).statements
    assert [text[d.start : d.end] for d in kept] == ["the firm earned $600 million"]


def test_continue_reports_when_nothing_follows_it():
    found = quotes('"We will win the vote," the minister continued.', "rules")
    assert found == [("We will win the vote", "the minister")]


def test_a_relative_clause_is_no_content(nlp):
    """A tagger may read the clause that describes a noun as what a cue reports."""
    from sayso.extractors.context import build_context
    from sayso.extractors.drafts import Draft
    from sayso.extractors.statements import select

    text = "Rubio has broken many promises he made to the voters of Florida."
    context = build_context(nlp(text))
    doc = context.doc
    cue = doc.char_span(text.index("has"), text.index(" he made"))
    source = doc.char_span(0, len("Rubio"))
    start = text.index("he made")
    drafts = [Draft(QuoteKind.INDIRECT, start, len(text) - 1, speaker_span=source, cue=cue, cue_verb=cue.root)]
    assert select(context, drafts).statements == []


def test_a_tagged_scare_quote_with_no_cue_is_no_statement(nlp):
    """The context reads a quotation that goes on the writer's sentence as a scare quote; a
    tagger's draft of the same words, given a speaker from before, is dropped with it."""
    from sayso.extractors.context import build_context
    from sayso.extractors.drafts import Draft
    from sayso.extractors.statements import select

    text = 'Senator Ann Lee presented a plan. It would be funded by "closing tax loopholes for the most fortunate."'
    context = build_context(nlp(text))
    start = text.index("closing")
    speaker = context.resolver.resolve(context.doc.char_span(8, 15))
    drafts = [Draft(QuoteKind.DIRECT, start, len(text) - 1, speaker=speaker)]
    assert select(context, drafts).statements == []


def test_one_report_read_by_two_paths_is_one_statement_without_the_colon():
    text = ("Anthony Cordesman, a security analyst at the Center for Strategic and International Studies told "
            "Bloomberg via e-mail: \"The current fighting is as much a power struggle for control of the south and the "
            "Shiite parts of Baghdad\" as it is an attempt to establish government authority.")
    quotes = sayso.extract(text, engine="rules").quotes
    assert len(quotes) == 1
    assert text[quotes[0].start:quotes[0].end].lstrip('"').startswith("The current fighting")
    assert text[quotes[0].start:quotes[0].end].endswith("government authority")


@pytest.mark.parametrize("engine", ["rules", pytest.param("hybrid", marks=pytest.mark.skipif(not available(),
                                                                                         reason="no trained weights"))])
def test_a_plan_reported_inside_anothers_statement_is_no_statement_of_its_own(engine):
    text = ("Carson on why young black men should vote Trump.\n\nDonald Trump plans to empower the black community in "
            "the United States by fostering an environment of \"entrepreneurial risk-taking and capital investment,\" "
            "Ben Carson said Monday.")
    cues = [q.cue for q in sayso.extract(text, engine=engine).quotes]
    assert "said" in " ".join(c or "" for c in cues) and not any(c and "plans" in c for c in cues)


@pytest.mark.parametrize("sentence, verb, sourceless", [
    ("The incident occurred in January, whilst the exact location has not been confirmed.", "confirmed", True),
    ("The results of the inquiry were announced on Monday.", "announced", True),
    ("He was quoted as saying that the plan had failed.", "quoted", False),
    ("She was heard saying that the vote was rigged.", "heard", False),
])
def test_a_passive_cue_without_its_agent_names_no_source(sentence, verb, sourceless):
    from sayso.extractors.statements import _sourceless_passive
    from sayso.nlp import load_pipeline

    doc = load_pipeline()(sentence)
    assert _sourceless_passive(next(t for t in doc if t.text == verb)) is sourceless


@pytest.mark.parametrize("engine", ENGINES)
def test_the_sentence_before_a_lead_in_and_a_song_performed_are_no_statements(engine):
    # (a Global Voices post of May 2012, CC BY 3.0)
    text = ('In the following video uploaded by PalFest, Egyptian poet Amin Haddad recites a poem, and Eskenderella '
            'performs "Ya Falisteeniya" (O Palestinian):\n\nEgypt and Palestine together\n\nThroughout PalFest '
            'there was a strong sense of solidarity between the Palestinians and Egyptians. Palestinian Tamer Hamam '
            'commented:\n\n@tamer_ps: نفس الأشخاص .. نفس الحناجر .. نفس الأصوات .. نفس القوة .. نفس الإيمان .. هتفت '
            'غزة مبارح .. يسقط حكم العسكر .. يسقط الإحتلال\n\nThe same people, the same throats, the same voices, '
            'the same power, the same conviction. Gaza chanted yesterday, "Down with military rule, down with the '
            'occupation"\n\n')
    found = quotes(text, engine)
    assert not any(content.startswith(("Throughout", "Ya Falisteeniya")) for content, _ in found)
    assert any(content.startswith("نفس") and speaker == "Tamer Hamam" for content, speaker in found)


def test_a_title_cased_quotation_a_performer_performs_is_a_works_title():
    from sayso.extractors.titles import titled_work
    from sayso.nlp import load_pipeline

    text = 'In the video, Eskenderella performs "Ya Falisteeniya" (O Palestinian).'
    doc = load_pipeline()(text)
    start = text.index("Ya Falisteeniya")
    assert titled_work(doc.char_span(start, start + len("Ya Falisteeniya")), text)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, content, speaker", [
    ("Microsoft launched a website on Friday. Its goal is to decrease IE6 users to less than one percent.",
     "to decrease IE6 users to less than one percent", "Microsoft"),
    ("The festival was founded in 2008. Since then, the festival's aim has been to bring together Palestinian and "
     "international authors.", "to bring together Palestinian and international authors", "the festival"),
])
def test_a_stated_aim_is_its_holders_intention(engine, text, content, speaker):
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    found = [(q.text, names.get(q.speaker), q.type.value) for q in analysis.quotes]
    assert (content, speaker, "intention") in found


@pytest.mark.parametrize("engine", ENGINES)
def test_a_video_introduces_no_quotation(engine):
    text = ("Police in plain clothes brutalized the detainee, who didn't resist arrest, as the video shows clearly:"
            "\n\nAccording to film director Nikos Soulis, who recorded the incident, the man was burning garbage, "
            "endangering the cars parked beside them.")
    found = quotes(text, engine)
    assert any("the man was burning" in content and speaker == "Nikos Soulis" for content, speaker in found)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, wanted, unwanted", [
    # the clause after the verb is what is said, not a phrase the parse hung from it before its subject
    ("In an official release from Oxfam put out Friday, the charity said that the aid convoys were blocked at the "
     "border.", ("that the aid convoys were blocked at the border", None), "In an official release"),
    # a second source named inside the first one's report tells its own part
    ("Local papers have reported that dozens of workers were arrested in Minsk, and according to Human Rights Watch "
     "there may be up to 40 workers held in the city.",
     ("there may be up to 40 workers held in the city", "Human Rights Watch"), "and according to"),
    # a report in a clause of time says the main clause only when it has no object of its own
    ("The plan will fail, as the minister said on Monday.", ("The plan will fail", "the minister"), "as the minister"),
])
def test_the_clause_each_source_tells(engine, text, wanted, unwanted):
    found = quotes(text, engine)
    assert any(content == wanted[0] and wanted[1] in {None, speaker} for content, speaker in found), found
    assert not any(unwanted in content for content, _ in found)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, content, speaker", [
    # a statement signed by an organisation's document is the organisation's
    ("Human Rights Watch condemned the arrests of reporters in Minsk on Friday.\n\n"
     "“The only message the authorities are sending is that they want to hide the truth.”\n\n"
     "— Human Rights Watch statement\n\nThe government did not comment.",
     "The only message the authorities are sending is that they want to hide the truth", "Human Rights Watch"),
    # a post's account is the name its handle spells, which the NER missed, or named after the post
    ("Twitter was restored in Pakistan on Monday.\n\nWhile Fiza Batool Gilani the daughter of Prime Minister Yousuf "
     "Raza Gilani also laid claim for the Prime Minister to have restored the twitter connection.\n\n"
     "@FizaBatoolGilan: The Prime Minister has ordered the IT Minister to restore Twitter service",
     "The Prime Minister has ordered the IT Minister to restore Twitter service", "Fiza Batool Gilani"),
    ("Prisoners ended their strike on Monday.\n\n@Addameer_ps: At least four hunger strikers remain in hospital."
     "\n\nThe Addameer Prisoner Support and Human Rights Association said it would keep watch.",
     "At least four hunger strikers remain in hospital", "The Addameer Prisoner Support and Human Rights Association"),
    # a pull quote signed with what it was said about
    ("The mayor was stabbed on stage at a fundraising event. He died today.\n\nWe couldn’t win\n\n"
     "— Łukasz Szumowski on the failed efforts to save the mayor's life\n\nReports on the weapon vary.",
     "We couldn’t win", "Łukasz Szumowski"),
    # a photo's caption between a lead-in and its quotation is skipped
    ("Protests spread across the capital on Monday.\n\n"
     "Historian and analyst Egídio Vaz reacted in a note on his blog:\n\n"
     "Wireless sign on a building in Maputo. Photo by rabanito on Flickr (CC BY 2.0)\n\n"
     "I send a hug to all the young people who use Facebook as a tool to exercise their rights as citizens.",
     "I send a hug to all the young people who use Facebook as a tool to exercise their rights as citizens",
     "Egídio Vaz"),
    # ... and so is one whose credit gives a web address
    ("The president suspended three judges on Monday.\n\n"
     "Reporting on the suspension, the Independent Post wrote:\n\n"
     "One of the three suspended judges, High Court Judge Philip Musonda. Photo courtesy of statehouse.gov.zm.\n\n"
     "The head of State noted that his office has received numerous complaints about the judges.",
     "The head of State noted that his office has received numerous complaints about the judges",
     "Independent Post"),
])
def test_a_set_off_statement_and_its_speaker(engine, text, content, speaker):
    found = quotes(text, engine)
    assert any(said.rstrip(".") == content and who == speaker for said, who in found), found


def test_an_according_to_lead_in_with_no_verb_after_its_source_reports_nothing_of_its_own():
    text = ("The road was planned by the government.\n\nAccording to researcher Gustavo Soto's post on the CEADESC "
            "[es] blog:\n\nThe program aligns the Bolivian economy to global capitalist interests.")
    analysis = sayso.extract(text, engine="rules")
    assert not any(q.kind == QuoteKind.ACCORDING_TO and "blog" in q.text for q in analysis.quotes), analysis.quotes


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, openings, speaker", [
    # a clause of purpose is not what is said
    ("Twitter users in Jordan have condemned Article 308. Activists and concerned Jordanians have been tweeting "
     "about Article 308 under the hashtag #Crime308 [ar] in order to raise awareness, and to garner support for "
     "a petition against the article.", ("to raise", "to garner"), None),
    # a recording does not demand what the people it shows demand
    ("Bangladesh: Bloggers March for Murdered Journalist Couple\n\nBloggers have once again taken to the street, "
     "demanding justice for the murdered couple. In the video below, bloggers can be seen singing a protest "
     "song:\n\nAnother video shows bloggers holding a candle light protest, demanding justice in the Sagar-Runi "
     "murder case:\n\nIn the beginning, the police tried to prevent the protest.", (), "Another video"),
])
def test_no_statement_in_context(text, openings, speaker, engine):
    found = quotes(text, engine)
    assert not [c for c, who in found if (openings and c.startswith(openings)) or (speaker and who == speaker)], found


@pytest.mark.parametrize("engine", ENGINES)
def test_a_past_tense_read_as_a_participle_keeps_its_subject_as_source(engine):
    text = ("Marches in most cities were peaceful, as Frontera Informativa [es] reported about Manizales. But in Bogota "
            "there were clashes.")
    assert ("Marches in most cities were peaceful", "Frontera Informativa") in quotes(text, engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_source_leaves_out_the_language_tag_after_the_name(engine):
    text = "Haris El Salman\u00a0[id] said that the loudspeaker's volume has never been an issue in the real world."
    analysis = sayso.extract(text, engine=engine)
    assert [text[q.speaker_mention[0] : q.speaker_mention[1]] for q in analysis.quotes] == ["Haris El Salman"]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, speaker, opening, nested", [
    # a lead-in the parser cut after a name and a language tag still introduces the post, and what
    # the post reports of others is its own
    ("Analyst and former presidential aspirant, Jorge Castañeda (@JorgeGCastaneda) [es] expressed that the "
     "fact is a demonstration that the war continues in Mexico:\n\n"
     "Los 49 descuartizados de Cadereyta muestran que su guerra no ha terminado ni se ha ganado.\n\n"
     "The 49 quartered of Cadereyta show us that his war has not ended and hasn't been won.",
     "Jorge Castañeda", "Los 49 descu", "that 5"),
    # a language tag inside a lead-in does not cut it
    ("Korean netizens were angry at the monks of the Jogye order.\n\n"
     "Another Twitter user @Nabiwahighhill compared those monks [ko] to corrupted nobles:\n\n"
     "조계종 승려들이 시줏돈으로 밤샘 도박사건은 승가사회가 타락했음을보여준다.\n\n"
     "Jogye order monks' overnight gambling shows that the Korean Buddhist community is corrupted.",
     "@Nabiwahighhill", "조계종 승려들이", "that the Korean"),
    # the verb right before the colon, with a name of its own (a Global Voices post of 2012, CC BY 3.0)
    ("Argentina Approves Death with Dignity Law\n\nOn Twitter the hashtag #Muertedigna (death with dignity) "
     "became a local trending topic after news broke out about the new law. There have been many different "
     "opinions. Twitter user Lean Fernández (@leanfe4) [es] says that the passing of this law is an historical "
     "event, and Lou A. Salomé [es] (@Lou_A_S) tweets:\n\nVivir es un derecho, no una obligación #muertedigna"
     "\n\nLiving is a right, but not an obligation #muertedigna\n\nHowever, other users disagreed.",
     "Lou A. Salomé", "Vivir es un", None),
    # a language tag the tokenizer would read as a word ("[id]" as "I'd") is a tag all the same
    ("Haris El Salman\u00a0[id] said that the loudspeaker's volume has never been an issue:\n\n"
     "Bukankan selama ini tenggang rasa antar pemeluk agama masih dalam tahapan yang baik?\n\n"
     "Isn't it true that tolerance between religions is still good?",
     "Haris El Salman", "Bukankan selama", None),
    # a language tag's code the parser made the subject names nobody: the name between it and the
    # verb does (CC BY 3.0, Global Voices)
    ("In a comment\u00a0[ru] on the website Snob.ru, typically oppositionist Elena Panfilova, the director of "
     "Transparency International Russia, challenged the leaders' version of events, claiming that the sit-in "
     "was planned in advance:\n\n[…] немаленькой группы людей, был план продемонстрировать свою силу.\n\n"
     "[…] a sizeable group of people had a plan to show their strength.",
     "Elena Panfilova", "[…] немаленькой", None),
    ("A right wing evangelist group has launched an online campaign against the tour. The online poster [zh] "
     "states:\n\nLady Gaga 演唱會將於 2/5 - 7/5 來港舉行。\n\nLady Gaga's concerts will be held from 2 to 7 May.",
     "The online poster", "Lady Gaga 演唱會", None),
    # one person given as the example of "some", after what they did (CC BY 3.0, Global Voices)
    ("On Twitter, citizens condemned the deed, and some questioned President Calderón, like Alessia Corcuera "
     "(@top_roping_ale) [es]:\n\n49 cadáveres descuartizados en #Cadereyta. ¿En serio crees que el país va bien?\n\n"
     "49 corpses quartered in #Cadereyta. Do you really think the country is OK?",
     "Alessia Corcuera", "49 cadáveres", None),
])
def test_a_lead_in_names_who_posts_what_follows(text, speaker, opening, nested, engine):
    found = quotes(text, engine)
    assert (speaker, opening) in [(who, content[: len(opening)]) for content, who in found], found
    assert nested is None or not any(content.startswith(nested) for content, _ in found), found


@pytest.mark.parametrize(("sentence", "cue", "content", "reported"), [
    # "who" right after the name the cue takes tells who they are, not what they were told
    ("President Sata told Mr Malila who had once held the same position under the defeated government:",
     "told", "who had once held the same position", False),
    ("The minister told Ann Ruiz that the talks had failed.", "told", "that the talks had failed", True),
    # the clause the cue's own clause hangs on is the reporter's; "as X says" is an attribution
    ("These claims were made after the Daily Mail described him as a bigot.", "described", "These claims were", False),
    ("The council had no answer, but after protests by the unions, Ann Ruiz commented.", "commented",
     "The council had no answer", False),
    ("Manto, as Zahida Hina rightly says, was a visionary.", "says", "was a visionary", True),
    ("The shooting began at 10:39 a.m. local time (1639 UTC), according to police, who said officers arrived "
     "at the Walmart six minutes later.", "said", "The shooting began at 10:39 a.m.", True),
    ("Documents and flags were confiscated, and the leader of the group was arrested on charges of staging illegal "
     "rallies, Yonhap reported.", "reported", "Documents and flags were confiscated", True),
])
def test_a_clause_beside_the_cue_is_reported_only_when_the_cue_reports_it(sentence, cue, content, reported):
    from sayso.extractors.statements import _host_clause, _relative_clause
    from sayso.nlp import load_pipeline

    doc = load_pipeline()(sentence)
    verb = next(t for t in doc if t.text == cue)
    start = sentence.index(content)
    span = doc.char_span(start, start + len(content), alignment_mode="expand")
    assert (not (_relative_clause(span, verb) or _host_clause(span, verb))) == reported


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("lead_in", "speaker"), [("Reported the website popularly known as ZWD among readers:", "ZWD"),
                                                  ("Said the sharp-tongued Amsterdam:", "Amsterdam")])
def test_a_lead_in_that_opens_with_its_verb_names_the_speaker_after_it(engine, lead_in, speaker):
    text = ("The site was attacked on Wednesday.\n\n" + lead_in +
            "\n\nGovernment agents carried out their most ambitious attack on the site last week.")
    found = [(c, s) for c, s in quotes(text, engine) if c.startswith("Government agents")]
    assert len(found) == 1 and found[0][1] is not None and speaker.split()[-1] in text[text.index(lead_in):], found


@pytest.mark.parametrize("engine", ENGINES)
def test_a_lead_in_that_opens_with_a_participle_is_no_reporters_question(engine):
    """ "Reported the website …:" read as a participle with no subject is still a lead-in with its
    speaker after the verb, not a question put to someone ("Asked whether …, she said")."""
    text = ("A day after the glitch, Zambian Watchdog reported that its website was a target of a sustained attack "
            "allegedly by the PF government. Reported the website popularly known as ZWD among Zambian netizens:\n\n"
            "PF government agents last Wednesday carried out their most ambitious attack on the Zambian Watchdog "
            "website with view of destroying it.\n\nThe attack caused inaccessibility to the news for close to 8 hours.")
    found = [(c, s) for c, s in quotes(text, engine) if c.startswith("PF government agents")]
    assert len(found) == 1 and found[0][1] is not None, found


@pytest.mark.parametrize("engine", ENGINES)
def test_a_set_off_quotation_goes_on_over_its_list_and_its_but(engine):
    """The paragraphs of a blockquote that go on from the one before (a list item, a paragraph that
    opens with "But") are the same quotation."""
    text = ("The ruling angered many lawyers. Nazar Chohan commented:\n\nNot surprised. The court is just keeping "
            "up its reputation.\n\n1. Okayed the first martial law\n\n2. Okayed the second martial law\n\n"
            "But the court will pay for it one day.\n\nThe case will be heard again in June.")
    found = [q for q in sayso.extract(text, engine=engine).quotes if q.text.startswith("Not surprised")]
    assert found and found[0].text.rstrip(".").endswith("pay for it one day"), [q.text for q in found]


@pytest.mark.skipif(not available(), reason="no trained weights")
@pytest.mark.parametrize("caption, content, speaker", [
    ('A protester holds a sign saying "Hands off our beaches". Image: Ann Lee (CC BY-SA 4.0).',
     "Hands off our beaches", "A protester"),
    ('Racist graffiti in a southern neighbourhood. The graffiti reads "Sudanese go home". Photo courtesy of Alon Sherf.',
     "Sudanese go home", "The graffiti"),
])
def test_a_caption_quotes_what_it_attributes_itself(caption, content, speaker):
    """A caption is the reporter's line, but the words it quotes with its own verb and source are a
    statement (docs/annotation.md); its credit is not."""
    text = f"Migrants were attacked in the city on Monday.\n\n{caption}\n\nThe police said nothing."
    found = quotes(text, "hybrid")
    assert (content, speaker) in found, found
    assert not any("Sherf" in said or "Ann Lee" in said for said, _ in found)


@pytest.mark.parametrize("text, content", [
    ("The Kremlin has repeatedly denied targeting civilians.", "targeting civilians"),
    ("The former minister admitted taking the money from the fund.", "taking the money from the fund"),
    ("The panel recommended closing the school.", "closing the school"),
])
def test_a_gerund_clause_is_what_a_denial_or_an_admission_says(text, content):
    """ "denied targeting civilians": the gerund clause is the statement (docs/annotation.md), and
    a noun with a participle before it is not one ("reported rising profits")."""
    quotes = sayso.extract(text, engine="rules").quotes
    assert [q.text for q in quotes] == [content]
    assert sayso.extract("The company reported rising profits.", engine="rules").quotes == ()


@pytest.mark.parametrize("text, content", [
    ("The minister denied the allegations on Monday.", "the allegations"),
    ("After the count, Mr Sambi declared himself the winner of the election.", "himself the winner of the election"),
])
def test_denying_a_charge_and_declaring_oneself_something_stay_statements(text, content):
    """Beside a thing granted or a state decreed (above), a denial of a charge and a declaration
    about someone are statements, which the tagger reads."""
    assert content in [q.text for q in sayso.extract(text, engine="hybrid").quotes]


def test_a_passive_cues_subject_who_is_told_or_asked_is_no_speaker():
    """What the tagger reads after "have been called to …" is no statement of those called; a
    clause reported around such a passive is still its reporter's."""
    text = ("Nearly 3000 residents of Allegheny County have been called to report for jury selection for just one "
            "trial. Police said Bruno Fernandes was requested to provide DNA samples on Monday.")
    analysis = sayso.extract(text, engine="hybrid")
    names = {a.id: a.name for a in analysis.actors}
    assert [(names.get(q.speaker), q.text) for q in analysis.quotes] == [
        ("Police", "Bruno Fernandes was requested to provide DNA samples on Monday")]


@pytest.mark.parametrize("engine", ENGINES)
def test_quotations_in_single_marks_are_direct_quotes(engine):
    """The British press quotes in single marks: 'I've had enough,' said …"""
    text = ("Speaking to the BBC, Mark Harper said: 'We will not be held to ransom by union bosses.'\n\n"
            "'I've had enough,' said Sarah Collins, 42, a nurse from Leeds. 'Nobody is listening to us.'")
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    got = [(q.kind.value, names.get(q.speaker), [text[s:e].rstrip(".,") for s, e in q.parts or ((q.start, q.end),)])
           for q in analysis.quotes]
    assert got == [("direct", "Mark Harper", ["We will not be held to ransom by union bosses"]),
                   ("direct", "Sarah Collins", ["I've had enough", "Nobody is listening to us"])]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_quotation_after_a_read_more_line_keeps_its_speaker(engine):
    """A link line left by the page ("Read more: …") is no part of the quotation after it."""
    text = ("Andrew Ward, 58, announced his resignation on Thursday morning.\n\n"
            "Read more: Protests: what we know so far\n\n"
            '"I have always said that the buck stops with me," he said in a statement. "It is right that I step aside."')
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    got = [(names.get(q.speaker), [text[s:e].rstrip(".,") for s, e in q.parts or ((q.start, q.end),)])
           for q in analysis.quotes if "buck" in text[q.start:q.end]]
    assert got == [("Andrew Ward", ["I have always said that the buck stops with me", "It is right that I step aside"])]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, content", [
    ("The Obama administration notified Afghan president Hamid Karzai that it would prefer to keep a residual "
     "military presence in Afghanistan.", "that it would prefer to keep a residual military presence in Afghanistan"),
    ("The minister assured parliament that the budget was balanced.", "that the budget was balanced"),
])
def test_telling_someone_that_p_reports_p(engine, text, content):
    assert content in [q.text.rstrip(".") for q in sayso.extract(text, engine=engine).quotes]


@pytest.mark.parametrize("engine", ENGINES)
def test_claims_a_lead_in_counters_are_no_statement_of_the_one_who_replies(engine):
    text = ("Countering claims that his country supports terrorism, Ahmadinejad replied that Iran was peaceful. "
            "In a rebuttal to claims that his country oppressed women, Ahmadinejad said there were no homosexuals in Iran.")
    contents = [q.text for q in sayso.extract(text, engine=engine).quotes]
    assert not any("supports terrorism" in c or "oppressed women" in c for c in contents)
    assert any("Iran was peaceful" in c for c in contents)


def test_the_tagger_stopping_before_the_verbs_object_yields_to_the_rules_clause():
    text = ("WASHINGTON (AP) — The Senate on Saturday passed a stopgap spending bill that keeps the government open "
            "through mid-November, sending it to President Joe Biden hours before a midnight deadline.\n\n"
            "The vote was 88-9. Senate Majority Leader Chuck Schumer called it \"a good outcome for the American "
            "people.\" Senate Republican leader Mitch McConnell said the bill was the \"responsible\" thing to do.\n\n"
            "Biden signed the measure late Saturday, the White House said. In a statement, he said the deal "
            "\"prevents an unnecessary crisis that would have inflicted needless pain on millions of hardworking "
            "Americans.\"")
    contents = [q.text for q in sayso.extract(text, engine="hybrid").quotes]
    assert "Biden signed the measure late Saturday" in contents and "Biden signed" not in contents


@pytest.mark.parametrize("text, content", [
    ("The video opens with a clip of the candidate. The GOP presidential candidate is shown discussing his plan to "
     "temporarily ban Muslims from entering the United States.", "his plan to temporarily ban Muslims"),
])
def test_a_passive_cue_of_seeing_or_showing_keeps_its_subjects_words(text, content):
    """The subject of "is shown discussing" speaks, as that of "was quoted as saying" does."""
    assert any(content in q.text for q in sayso.extract(text, engine="hybrid").quotes)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_paragraph_that_ends_on_said_introduces_the_next_one(engine):
    text = ("In response, the president celebrated victory in the capital with his supporters, and addressing "
            "reporters at a press conference, Daniel Harwood asserted that the vote had been fair and said\n\n"
            "The situation in the country is in a very good condition. All the people are equal before the law.\n\n"
            "Crowds gathered in the streets on Sunday.")
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    found = [(q.kind, q.text, names.get(q.speaker)) for q in analysis.quotes]
    assert (QuoteKind.DIRECT, "The situation in the country is in a very good condition. All the people are equal "
            "before the law.", "Daniel Harwood") in found
    assert not any(t.startswith("Crowds") for _, t, _ in found)


@pytest.mark.skipif(not available(), reason="no trained weights")
def test_an_accusation_of_a_deed_in_a_noun_phrase_is_a_statement():
    # (the tagger reads it; the rules' reading of a word in marks gives way to it)
    analysis = sayso.extract('Mousavi accuses the Iranian government of "appalling" fraud after it reported the results.',
                             engine="hybrid")
    assert (QuoteKind.MIXED, 'the Iranian government of "appalling" fraud', "accuses") in [
        (q.kind, q.text, q.cue) for q in analysis.quotes]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_charge_laid_with_its_offence_is_a_legal_act_not_a_statement(engine):
    text = ("U.S. authorities have charged Nigerian Umar Farouk Abdulmutallab with trying to blow up a plane on its "
            "descent into Detroit. The prosecutor charged them of \"betraying the nation\" in a statement.")
    quotes = sayso.extract(text, engine=engine).quotes
    assert not any("Abdulmutallab" in q.text for q in quotes)
    assert any("betraying the nation" in q.text for q in quotes)


def test_a_name_read_as_said_at_a_paragraphs_end_introduces_nothing():
    text = ("The account was given by policeman and witness Ahmed Hassan Sayed\n\n"
            "The killings in the town followed a dispute at the local market, according to the police.")
    quotes = sayso.extract(text, engine="rules").quotes
    assert [(q.kind, q.cue) for q in quotes] == [(QuoteKind.ACCORDING_TO, "according to")]


@pytest.mark.skipif(not available(), reason="no trained weights")
def test_a_participle_that_leads_into_a_quotation_is_no_statement():
    text = 'Confirming the situation, a Libyan official told Reuters: "This is right. This decision has been taken."'
    quotes = sayso.extract(text, engine="hybrid").quotes
    assert [(q.kind, q.cue) for q in quotes] == [(QuoteKind.DIRECT, "told")]


@pytest.mark.skipif(not available(), reason="no trained weights")
@pytest.mark.parametrize("text, contents", [
    ("The U.N. said it has no plans to leave the country saying, \"the president-elect is Ouattara and he "
     "hasn't asked us to leave.\"",
     ["it has no plans to leave the country", "the president-elect is Ouattara and he hasn't asked us to leave"]),
    ("Gbagbo ordered the peacekeepers to leave the country saying, \"The government demands the departure of "
     "the forces.\"", ["the peacekeepers to leave the country", "The government demands the departure of the forces"]),
])
def test_a_participle_of_saying_ends_what_the_verb_before_it_reports(text, contents):
    analysis = sayso.extract(text, engine="hybrid")
    assert [text[q.start:q.end].rstrip(".") for q in analysis.quotes] == contents


@pytest.mark.skipif(not available(), reason="no trained weights")
@pytest.mark.parametrize("text, cue", [
    ("Press union tells government to free jailed reporters\n\nMonday, May 1, 2010\n\nThe union met on Sunday.",
     "tells"),
    ("Study estimates first human infection a century ago\n\nMonday, May 1, 2010\n\nThe study was published.",
     "estimates"),
    # in title case, which the parser reads badly
    ("Kenya: Governor Promises to Lift Curfew on Night Traders\n\nMonday, May 1, 2010\n\nThe curfew began in May.",
     "Promises"),
])
def test_a_headline_that_asks_tells_or_estimates_is_a_statement(text, cue):
    analysis = sayso.extract(text, engine="hybrid")
    assert [q.cue for q in analysis.quotes if q.start < text.index("\n")] == [cue]


def test_according_to_an_acronym_read_as_who_ends_at_the_acronym():
    text = "According to the WHO most people take up smoking before they reach age 18."
    analysis = sayso.extract(text, engine="rules")
    assert [(text[q.speaker_mention[0]:q.speaker_mention[1]], q.text.rstrip(".")) for q in analysis.quotes] == [
        ("the WHO", "most people take up smoking before they reach age 18")]
