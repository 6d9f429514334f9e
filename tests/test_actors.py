"""Actors: merging mentions, one type per actor, roles from the text."""
from __future__ import annotations

import pytest

import sayso
from sayso.model.loader import available


def _actor(analysis, name):
    found = [a for a in analysis.actors if a.name == name or name in a.aliases]
    assert found, f"no actor {name!r} in {[a.name for a in analysis.actors]}"
    return found[0]


def test_surname_and_title_merge_with_full_name():
    text = ("Sheikh Ghaith Al-Tamimi leads prayers in Nasiriyah. Tamimi denied the report. "
            "“It is a lie,” Al-Tamimi said.")
    analysis = sayso.extract(text)
    actor = _actor(analysis, "Ghaith Al-Tamimi")
    assert "Tamimi" in actor.aliases and "Al-Tamimi" in actor.aliases
    assert actor.type.value == "PERSON"
    assert len(actor.mentions) >= 3
    for start, end in actor.mentions:
        assert analysis.text[start:end] in {actor.name, *actor.aliases, "he"}


@pytest.mark.parametrize("text, name", [
    # the NER sees no name in the long subject, only the surname later
    ("Top Israeli officials, including the Minister of Interior Eli Yishai and Prime Minister Netanyahu, have "
     "claimed that the asylum seekers are infiltrators. Yishai said in an interview that they spread diseases.",
     "Eli Yishai"),
    # a title is no first name
    ("Top Israeli officials, including Interior Minister Yishai, have claimed that the asylum seekers are "
     "infiltrators. Yishai said in an interview that they spread diseases.", "Yishai"),
])
def test_a_person_known_by_a_surname_takes_the_full_name_written_once(text, name):
    """A one-word person whom the article names in full where the NER saw no name is named in
    full, the surname an alias; never with a title for first name ("Minister Yishai")."""
    analysis = sayso.extract(text, engine="rules")
    speaker = next(a for a in analysis.actors if a.id == analysis.quotes[-1].speaker)
    assert speaker.name == name and speaker.type.value == "PERSON"
    assert name == "Yishai" or "Yishai" in speaker.aliases


def test_a_description_of_another_country_is_another_actor():
    """ "The Taiwanese government" is not the Japanese government named before it; "the Iraqi
    ministry" is Iraq's ministry, and "the government" the one named."""
    text = ("The Japanese government is seeking to restart some nuclear plants. In Taiwan, the debate goes on. "
            "The Taiwanese government estimates that the island will need more electricity. "
            "Iraq’s interior ministry said on Monday that it had arrested ten men. "
            "The Iraqi ministry said that the militia had no ties to Iran.")
    analysis = sayso.extract(text, engine="rules")
    names = {a.id: a.name for a in analysis.actors}
    assert [names.get(q.speaker) for q in analysis.quotes] == [
        "The Japanese government", "The Taiwanese government", "Iraq’s interior ministry", "Iraq’s interior ministry"]


@pytest.mark.parametrize("engine", ["rules", "hybrid"])
def test_a_description_of_another_country_is_not_the_person_titled_so(engine):
    """ "The Brazilian President" is not "Venezuelan President Hugo Chávez": the nationality of
    the title before a name is the person's."""
    text = ("Journalists asked Rumsfeld about Venezuelan President Hugo Chávez, particularly after his recent "
            "purchase of rifles.\n\nThe Brazilian President said that Brazil prefers not to interfere in the "
            "affairs of others.")
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    assert [names.get(q.speaker) for q in analysis.quotes] == ["The Brazilian President"]


def test_a_countrys_possessive_takes_up_that_countrys_description():
    """ "Malaysia's transport ministry" is the Malaysian transport ministry quoted before, not
    the Thai one."""
    text = ("Debris was found, said the Malaysian transport ministry in a statement. The Thai transport ministry "
            "said the search would go on. \"There is no sign of the flight,\" said Malaysia's transport ministry.")
    analysis = sayso.extract(text, engine="rules")
    names = {a.id: a.name for a in analysis.actors}
    assert [names.get(q.speaker) for q in analysis.quotes] == [
        "the Malaysian transport ministry", "The Thai transport ministry", "the Malaysian transport ministry"]


def test_a_short_form_of_a_countrys_name_is_that_country():
    text = ("The United States wants India to accept safeguards. The US also said it would help India with fuel. "
            "The U.S. agreed.")
    analysis = sayso.extract(text, engine="rules")
    assert [a.name for a in analysis.actors if a.type.value == "GPE"] == ["The United States", "India"]


def test_undersecretary_is_a_title():
    analysis = sayso.extract("Nicholas Burns arrived on Monday. Undersecretary Burns said the talks went well.",
                             engine="rules")
    assert [a.name for a in analysis.actors] == ["Nicholas Burns"]


def test_a_name_with_a_suffix_is_one_person_and_spells_no_acronym():
    """ "Martin Luther King Jr." is one person, "King" later the same one; his "Jr." is no
    acronym of "JVB Records"; "she" after them is the singer, not a record label."""
    text = ("Aretha Franklin recorded gospel music at 14. She contracted in 1956 to JVB Records, then in 1960 to "
            "Columbia Records. Her father's politics brought her in contact with Martin Luther King Jr., with whom "
            "she toured in the late 1950s. When King was assassinated in 1968, she sang at his funeral. "
            "She told Vogue magazine in 2015 that she did not record Respect for a political movement.")
    analysis = sayso.extract(text, engine="rules")
    king = _actor(analysis, "Martin Luther King Jr.")
    assert "King" in king.aliases and king.type.value == "PERSON"
    assert not _actor(analysis, "JVB Records").aliases
    names = {a.id: a.name for a in analysis.actors}
    assert [names.get(q.speaker) for q in analysis.quotes] == ["Aretha Franklin"]


def test_a_name_without_its_middle_name_is_the_same_person():
    """ "Aretha" (a first name, kept apart at first) grows into "Aretha Franklin" beside "Aretha
    Louise Franklin": one person at the end."""
    text = ("Aretha Franklin died on Thursday. Aretha Louise Franklin was born in Memphis in 1942. "
            "Aretha had her first son before age 13. Aretha Franklin told Vogue magazine that she recorded Respect "
            "for everyone.")
    analysis = sayso.extract(text, engine="rules")
    people = [a for a in analysis.actors if "Aretha" in a.name]
    assert [a.name for a in people] == ["Aretha Louise Franklin"]
    assert {"Aretha Franklin", "Aretha"} <= set(people[0].aliases)


def test_acronym_in_parentheses_merges_with_expansion():
    text = ("The Islamic Revolutionary Guard Corps (IRGC) trains the militia. "
            "The IRGC denied the report on Monday.")
    analysis = sayso.extract(text)
    actor = _actor(analysis, "IRGC")
    assert "Revolutionary Guard Corps" in actor.name
    assert len(actor.mentions) == 3


def test_a_name_the_ner_cut_short_runs_on_to_the_acronym_that_spells_it():
    """The NER reads "Medecins" alone in "Medecins sans Frontieres (MSF)": the acronym in brackets
    spells the whole name, which is the actor's, and MSF later is the same actor."""
    text = ("Medecins sans Frontieres (MSF) said the health system in Liberia was failing. "
            "MSF called for more help on Monday.")
    analysis = sayso.extract(text)
    actor = _actor(analysis, "MSF")
    assert actor.name == "Medecins sans Frontieres" and "MSF" in actor.aliases
    assert {analysis.text[s:e] for s, e in actor.mentions} == {"Medecins sans Frontieres", "MSF"}
    assert {q.speaker for q in analysis.quotes} == {actor.id}


@pytest.mark.parametrize("text", [
    ("Lesotho will hold general elections on 26 May 2012. Blogging from Lesotho, Michael Jordan reports that "
     "violence in Lesotho has flared up. He says the elections in Lesotho matter."),
    "The Kingdom of Lesotho will hold elections in May. Voters in Lesotho said the date was fair.",
])
def test_a_country_the_ner_reads_as_a_person_or_an_organisation_is_a_place(text):
    analysis = sayso.extract(text)
    assert _actor(analysis, "Lesotho").type.value == "GPE"


def test_a_handle_in_brackets_after_a_name_is_that_actors_account():
    """ "Sthaisy Smith (@Staisy09)": one actor, named by the name; the handle alone later is the
    same actor, and what the account posts is hers."""
    text = ("Netizens joined the celebration. Sthaisy Smith (@Staisy09) [es] considers it madness to have to work "
            "today:\n\nY ahora el 1 de mayo a trabajar!\n\nAnd now May 1 to work!\n\n@Staisy09: Nobody rests today.")
    analysis = sayso.extract(text)
    actor = _actor(analysis, "Sthaisy Smith")
    assert "@Staisy09" in actor.aliases and not [a for a in analysis.actors if a.name == "@Staisy09"]
    assert {q.speaker for q in analysis.quotes} == {actor.id}


def test_surname_tagged_as_place_becomes_person_when_it_speaks():
    text = "Ghaith Al-Tamimi arrived on Friday. The protests will continue, Tamimi said."
    analysis = sayso.extract(text)
    assert _actor(analysis, "Tamimi").type.value == "PERSON"


def test_outlet_is_media_by_name():
    analysis = sayso.extract("The New York Times reported that the talks had failed.")
    assert _actor(analysis, "The New York Times").type.value == "MEDIA"


def test_outlet_is_media_by_role():
    text = "London-based news channel Levant Today reported that the talks had failed."
    analysis = sayso.extract(text)
    actor = _actor(analysis, "Levant Today")
    assert actor.type.value == "MEDIA"
    assert any("news channel" in role for role in actor.roles)


@pytest.mark.parametrize("text, name, expected", [
    # an outlet the NER calls a person: a name no person has
    ("According to Levant Today, the IRGC funds his charity.", "Levant Today", "MEDIA"),
    # …or one the text calls an outlet
    ("An article published in pan-Arab newspaper Al Hayat claimed that most women had been harassed.", "Al Hayat",
     "MEDIA"),
    # some of many people are a group
    ("However, a section of netizens felt that the tests would not escalate tensions.", "a section of netizens",
     "GROUP"),
    # a journalist is not the outlet
    ("Alex Marlow, the editor-in-chief of the website, said he would not apologise.", "Alex Marlow", "PERSON"),
    # a name only ever met as a location
    ("The money moved through exchange houses in Baghdad and Erbil.", "Erbil", "GPE"),
    ("Fighters of the rival group attacked a convoy outside Al-Qaim in 2022.", "Al-Qaim", "GPE"),
    # …unless its name is an organisation's
    ("Voters within and outside the Democratic Party want change, the poll found.", "Democratic Party", "ORG"),
])
def test_type_from_what_the_text_says(text, name, expected):
    assert _actor(sayso.extract(text), name).type.value == expected


def test_role_from_appositive():
    text = "Peter Walsh, a former defense official, said the plan would fail."
    analysis = sayso.extract(text)
    assert "former defense official" in _actor(analysis, "Peter Walsh").roles


@pytest.mark.parametrize("text, name", [
    ("A prominent Shia cleric in southern Iraq has channelled money to armed groups, the channel said.", "Shia"),
    ("The Kurdish fighters held the town for a week, a spokesman said.", "Kurdish"),
])
def test_a_nationality_or_faith_takes_no_role_from_the_noun_it_modifies(text, name):
    assert _actor(sayso.extract(text), name).roles == ()


def test_role_of_an_organisation_from_appositive():
    text = "The Basij, a paramilitary branch of the IRGC, said the protests were over."
    analysis = sayso.extract(text)
    actor = _actor(analysis, "The Basij")
    assert any("paramilitary branch" in role for role in actor.roles)


def test_unnamed_speaker_becomes_an_actor():
    analysis = sayso.extract("A senior official said the talks would resume.")
    actor = analysis.actor(analysis.quotes[0].speaker)
    assert actor is not None and actor.named is False and actor.name == "A senior official"


def test_transliterated_group_names_are_organisations():
    text = ("Fighters of Saraya al-Nasr shelled the base on Monday. Commanders of Harakat al-Fajr "
            "blamed Saraya al-Nasr for the attack, and Saraya al-Nasr said the convoy was a target.")
    analysis = sayso.extract(text)
    assert _actor(analysis, "Saraya al-Nasr").type.value == "ORG"
    assert _actor(analysis, "Harakat al-Fajr").type.value == "ORG"


def test_a_person_named_like_a_group_word_stays_a_person():
    text = "“We will rebuild,” said Ahmed Ansar. He spoke at the harbour on Sunday."
    analysis = sayso.extract(text)
    assert _actor(analysis, "Ahmed Ansar").type.value == "PERSON"


def test_an_unnamed_speaker_is_named_without_its_relative_clause():
    text = ("A former member of the Harbour Workers Union, who spoke on condition of anonymity, "
            "said the strike would continue. “They never asked us,” he said.")
    analysis = sayso.extract(text)
    actor = _actor(analysis, "A former member of the Harbour Workers Union")
    assert actor.type.value == "PERSON"
    assert all(analysis.actor(q.speaker) == actor for q in analysis.quotes)


def test_a_comma_phrase_about_the_clause_is_not_a_role():
    text = ("The convoy was stopped by the Harbour Police, a move that critics called illegal. "
            "Marta Quell, a veteran negotiator, said talks would resume.")
    analysis = sayso.extract(text)
    assert not any("move" in role for role in _actor(analysis, "Harbour Police").roles)
    assert "veteran negotiator" in _actor(analysis, "Marta Quell").roles


@pytest.mark.parametrize("part, whole, same", [
    ("John Rauschenberg", "John-Christian G. Rauschenberg", True),
    ("Hillary Clinton", "Hillary Rodham Clinton", True),
    ("George Bush", "George W. Bush", True),
    ("John Smith", "Jane Smith", False),
    ("Rauschenberg", "John Rauschenberg", False),  # a lone surname is another rule's case
    ("Mary Ann Lee", "Mary Lee", False),
])
def test_a_name_without_its_middle_names(part, whole, same):
    from sayso.extractors.names import name_words, without_middle

    assert without_middle(name_words(part), name_words(whole)) is same


def test_a_person_named_without_middle_names_is_one_actor():
    text = ("John-Christian G. Rauschenberg owns the bar.\n\n"
            "\"It was a joke,\" John Rauschenberg said on Monday.")
    analysis = sayso.extract(text, engine="rules")
    people = [a for a in analysis.actors if "Rauschenberg" in a.name]
    assert [a.name for a in people] == ["John-Christian G. Rauschenberg"]
    assert analysis.quotes[0].speaker == people[0].id


def test_a_name_ends_at_a_colon():
    """ "Jack Herrick: Sure." — the NER may run a turn label into its answer; the name stops there."""
    analysis = sayso.extract("Wikinews: Could you explain what wikiHow is?\n\n"
                             "Jack Herrick: Sure. wikiHow is a collaborative effort to build the largest manual.")
    assert "Jack Herrick" in [a.name for a in analysis.actors]
    assert not any(":" in a.name for a in analysis.actors)


def test_a_name_known_as_another_is_one_actor_and_a_first_name_is_its_person():
    text = ('The death of Ampon Tangnopponkul, known locally as "Akong", is described by many netizens as a '
            'shame. Akong was sentenced to 20 years in jail. He had long battled with oral cancer. Activists '
            'campaigned to free Akong. During the trial, Ampon admitted not knowing how to send SMS messages. '
            'He wept throughout the trial, Akong said.')
    analysis = sayso.extract(text)
    actor = _actor(analysis, "Ampon Tangnopponkul")
    assert {"Akong", "Ampon"} <= set(actor.aliases)
    assert not any(a.name in {"Akong", "Ampon"} for a in analysis.actors)
    assert {analysis.actor(q.speaker) for q in analysis.quotes} == {actor}


def test_who_after_a_message_by_a_person_is_that_person():
    text = ("In response to comments made by Deputy Prime Minister Tharman Shanmugaratnam – who said that the "
            "by-election would solely be on local issues – Jackson Tan points out that the country is too small.")
    analysis = sayso.extract(text, engine="rules")
    said = [q for q in analysis.quotes if q.text.startswith("that the by-election")]
    assert [analysis.actor(q.speaker).name for q in said] == ["Tharman Shanmugaratnam"]


@pytest.mark.skipif(not available(), reason="no trained weights")
def test_a_title_set_beside_a_name_is_that_persons_role():
    text = ("By around 10pm the block seemed to have been lifted, which resulted in tweets by Rehman Malik, "
            "Interior Minister claiming responsibility for the unblocking of Twitter.")
    analysis = sayso.extract(text, engine="hybrid")  # the rules read no statement here
    said = [q for q in analysis.quotes if q.text.startswith("responsibility")]
    assert [analysis.actor(q.speaker).name for q in said] == ["Rehman Malik"]


def test_an_acronym_with_its_expansion_in_brackets_is_one_actor_named_by_the_expansion():
    text = ("The opposition parties, PML-N (Pakistan Muslim League - Nawaz) and PTI (Pakistan Tahreek Insaf) are "
            "asking the Prime Minister to resign.")
    analysis = sayso.extract(text, engine="rules")
    names = {a.name: a for a in analysis.actors}
    assert {"Pakistan Muslim League - Nawaz", "Pakistan Tahreek Insaf"} <= set(names)
    assert names["Pakistan Muslim League - Nawaz"].aliases == ("PML-N",)
    assert not any(a.name == "Tahreek Insaf" for a in analysis.actors)
    for actor in names.values():
        assert all(text[s:e] in {actor.name, *actor.aliases} for s, e in actor.mentions)


def test_a_company_named_without_its_last_word_is_the_same_company():
    text = "Black Lotus Communications will donate the revenue. A spokesman for Black Lotus said the decision was final."
    analysis = sayso.extract(text, engine="rules")
    actor = _actor(analysis, "Black Lotus Communications")
    assert "Black Lotus" in actor.aliases


def test_a_title_inside_a_name_the_ner_misread_starts_the_name():
    text = ("Governor Chris Christie spent the day on the beach.\n\nOn Monday, a plane towed a banner over Seaside Park "
            "reading, \"Tell Gov Christie: Get the hell off Island Beach State Park,\" echoing the Governor's own words "
            "in 2011. Christie said that many of the state's beaches remained open.")
    analysis = sayso.extract(text, engine="rules")
    assert not any("Tell" in a.name for a in analysis.actors)
    names = {a.id: a.name for a in analysis.actors}
    assert [names.get(q.speaker) for q in analysis.quotes if "beaches" in q.text] == ["Chris Christie"]


@pytest.mark.parametrize("text, speaker, also", [
    # a name spelt otherwise by one letter in its last word, or a surname with two letters swapped
    ("Lynn Boylan, a lawmaker, spoke on Monday. \"We will not go,\" said Lynn Boylann.", "Lynn Boylan", "Lynn Boylann"),
    ("Füsun Demirel, an activist, was there. \"We will stand guard,\" Demriel said.", "Füsun Demirel", "Demriel"),
    ("Fighters of al-Shabab attacked the base. \"We won,\" al-Shabaab said in a statement.", "al-Shabab", "al-Shabaab"),
    # a description in British spelling takes up a name in American spelling
    ("The Pacific Tsunami Warning Center issued an alert. The centre said waves could hit Hawaii.",
     "The Pacific Tsunami Warning Center", None),
])
def test_one_actor_under_another_spelling(text, speaker, also):
    analysis = sayso.extract(text, engine="rules")
    actor = analysis.actor(analysis.quotes[-1].speaker)
    assert actor is not None and actor.name == speaker
    assert also is None or also in actor.aliases


@pytest.mark.parametrize("first, second", [
    ("Maria Lopez", "Mario Lopez"),  # first names a letter apart are two people's
    ("Malawians", "Malawian"),  # a plural is a group, not a spelling
    ("Iran", "Iraq"),  # too short for one letter to be a misspelling
])
def test_names_a_letter_apart_that_stay_apart(first, second):
    from sayso.extractors.actors import _one_word_apart
    from sayso.extractors.names import name_words

    assert not _one_word_apart(name_words(first), name_words(second))


def test_a_firms_first_word_is_the_firm():
    text = ("Harbor Foods said on Tuesday it would cut 1,200 jobs.\n\nShares in Harbor fell 6% in early trading. "
            "Harbor said most of the jobs would go at its plants in Ohio and Belgium. It expects the cuts to save "
            "$90 million a year. Analysts at Brandt Securities said the results were weak.")
    analysis = sayso.extract(text, engine="rules")
    firm = _actor(analysis, "Harbor Foods")
    assert "Harbor" in firm.aliases and firm.type.value == "ORG"
    assert all(analysis.actor(q.speaker) == firm for q in analysis.quotes if "jobs" in q.text or "cuts" in q.text)
    assert _actor(analysis, "Brandt Securities").type.value == "ORG"


@pytest.mark.parametrize("text, quote, speaker", [
    # a surname two people bear stays with the one the article has called by it so far
    ("Hillary Clinton spoke in Ohio on Monday. Clinton said the plan would create jobs. Her husband, former "
     "President Bill Clinton, spoke in Kentucky. \"We will win this state,\" Clinton said later.", "win this", "Hillary Clinton"),
    # …else the one the article names most (three times; his mother once, and last)
    ("Pierre Charles Laurent was born in Paris. Pierre Charles Laurent studied art in Paris. In 1777 Pierre Charles "
     "Laurent sailed to America. His mother, Marie Laurent, stayed in France. \"I will design a city,\" Laurent said.",
     "design", "Pierre Charles Laurent"),
    # a gendered title picks the person of that gender
    ("Ann Harper and John Harper arrived together. \"I am proud of the campaign,\" Mrs. Harper said.",
     "proud", "Ann Harper"),
])
def test_a_surname_two_people_bear(text, quote, speaker):
    analysis = sayso.extract(text, engine="rules")
    said = next(q for q in analysis.quotes if quote in q.text)
    assert analysis.actor(said.speaker).name == speaker


def test_a_headline_name_leaves_out_the_blank_line_after_it():
    text = "Cyclone Phailin\n\nCyclone Phailin hit the coast of India on Saturday, officials said."
    analysis = sayso.extract(text, engine="rules")
    assert all(a.name == a.name.strip() for a in analysis.actors)
    for actor in analysis.actors:
        assert all(not text[start:end].endswith("\n") for start, end in actor.mentions)


@pytest.mark.parametrize("words, labels, roles, expected", [
    # a person's role outweighs the NER's "organisation" ("Morgan Tsvangirai, the opposition leader")
    (("kwabena", "tsvangirai"), {"ORG": 2}, ("opposition leader",), "PERSON"),
    (("orla", "nic", "biorna"), {"ORG": 1}, ("Ireland regional lawmaker",), "PERSON"),
    # …not an organisation's own name, nor a role that is no person's
    (("european", "parliament"), {"ORG": 3}, ("lawmaker",), "ORG"),
    (("sinn", "fein"), {"ORG": 1}, ("party",), "ORG"),
])
def test_a_persons_role_makes_a_person(words, labels, roles, expected):
    from collections import Counter

    from sayso.extractors.actor_types import vote
    from sayso.extractors.actors import Cluster

    cluster = Cluster(" ".join(words).title(), words, 0, labels=Counter(labels), roles=dict.fromkeys(roles))
    assert vote(cluster).value == expected


def test_a_verb_that_opens_the_sentence_is_no_part_of_the_name_it_takes():
    text = ("Shaul Mofaz joined the government. Israeli journalist Tal Schneider wrote on her blog about the winners. "
            "Listing Mofaz as a loser, she explained that he had lost his credibility.")
    names = [a.name for a in sayso.extract(text, engine="rules").actors]
    assert "Listing Mofaz" not in names and "Shaul Mofaz" in names, names


def test_a_name_a_body_owns_is_the_name_after_the_possessive():
    """ "The United Nations' World Health Organization" is the World Health Organization, and
    "WHO" later the same actor."""
    text = ("The United Nations' World Health Organization reported on Monday that the outbreak had slowed. "
            "The head of the WHO, Margaret Chan, said more staff would be sent.")
    analysis = sayso.extract(text)
    actor = _actor(analysis, "World Health Organization")
    assert "WHO" in actor.aliases, [(a.name, a.aliases) for a in analysis.actors]
    assert [q.speaker for q in analysis.quotes if "slowed" in q.text] == [actor.id]


def test_every_other_place_a_name_is_written_is_a_mention():
    """A name the NER missed in one place ("the Sunday Courier" in a caption) is still a mention
    of the actor that bears it."""
    text = ("Fans gathered at the Palace on Monday, with the Sunday Courier reporting five arrests, but no "
            "trouble Image: Ann Moss.\n\nThe Sunday Courier reported that five arrests were made.")
    analysis = sayso.extract(text)
    courier = [a for a in analysis.actors if "Courier" in a.name]
    assert len(courier) == 1 and len(courier[0].mentions) == 2, [(a.name, a.mentions) for a in analysis.actors]
    assert all(text[s:e].endswith("Sunday Courier") for s, e in courier[0].mentions)


@pytest.mark.parametrize(("name", "handle"), [("Maria S. Lopez", "@mariaslopez"),
                                             ("Maria Sanz Lopez Reyes", "@MariaSanzLopezR")])
def test_a_handle_that_spells_a_name_is_that_actors_account(name, handle):
    """However a handle became an actor of its own (a tagger's source, a post's label), the
    account is the actor whose name it spells: "@mariaslopez" Maria S. Lopez's; "@MariaSanzLopezR",
    cut to the 15 characters a handle may have, Maria Sanz Lopez Reyes's."""
    from sayso.extractors.actors import find_actors
    from sayso.nlp import load_pipeline

    doc = load_pipeline()(f"{name} explained the law.\n\n{handle} wrote that the new law is unfair to tenants.")
    book = find_actors(doc)
    person = next(c for c in book.clusters if c.name == name)
    start = doc.text.index(handle)
    account = book.add_unnamed(doc.char_span(start, start + len(handle)))
    assert account is not person and book.merged().get(account.key) is person


def test_an_acronym_before_its_expansion_is_the_same_actor():
    """A headline's "EU reports" and the body's "European Union": one actor, named in full."""
    text = ("Israel annexing east Jerusalem, EU reports\n\nA classified European Union report says Israel is "
            "pursuing the annexation of east Jerusalem. The EU report claims the city discriminates against Arab residents.")
    analysis = sayso.extract(text, engine="rules")
    union = _actor(analysis, "European Union")
    assert union.name == "European Union" and "EU" in union.aliases
    assert not [a for a in analysis.actors if a.name == "EU"]


def test_a_paragraph_in_another_language_names_no_actor():
    """The English NER reads words of a French quotation as names ("de la ville de Goma"); its
    translation names whom it names."""
    text = ("Congo: Abortions on the Rise\n\n"
            "Local administrator Mapendo Victorine said in an email she is very concerned:\n\n"
            "Il y a une semaine dans le quartier Mikeno à Birere, un des plus grands quartiers de la ville de "
            "Goma, un fœtus de cinq mois a été retrouvé dans une poubelle publique.\n\n"
            "A week ago in the Mikeno district of Birere, one of the biggest districts of the city of Goma, a "
            "five-month-old foetus was found in a public rubbish bin.")
    analysis = sayso.extract(text, engine="rules")
    french = text.index("Il y a")
    assert [a.name for a in analysis.actors if any(french <= s < french + 150 for s, _ in a.mentions)] == []
    assert "Mapendo Victorine" in {a.name for a in analysis.actors}


def test_a_place_after_of_is_no_part_of_the_name_it_ends():
    """ "Goma" is not the "Provincial Hospital of Goma"; "Chile" is not the "University of Chile"."""
    text = ("Doctors in Goma are worried. A gynaecologist from the Provincial Hospital of Goma gave his view. "
            "The University of Chile said Chile had felt the earthquake.")
    names = {a.name for a in sayso.extract(text, engine="rules").actors}
    assert {"Goma", "Provincial Hospital of Goma", "The University of Chile", "Chile"} <= names


def test_a_bare_plural_is_the_group_described_with_that_noun():
    """ "Pride in London organisers" and, later or earlier, "organisers said": one group."""
    text = ("The group was not expelled, organisers said.\n\nOn Sunday, Pride in London organisers said that the "
            "protest group had been hateful.")
    analysis = sayso.extract(text, engine="rules")
    groups = [a.name for a in analysis.actors if "organisers" in a.name.lower()]
    assert groups == ["Pride in London organisers"]


def test_a_name_spelt_with_and_without_accents_is_one_actor():
    """ "Gastón Garatea" and "Gaston Garatea" in one article are one actor, as the store's keys
    already say."""
    text = ("Peruvian priest Gastón Garatea criticised the decision on Monday. Gaston Garatea said that the "
            "church had acted too abruptly.")
    analysis = sayso.extract(text, engine="rules")
    named = [a for a in analysis.actors if "garatea" in a.name.lower()]
    assert len(named) == 1 and {"Gastón Garatea", "Gaston Garatea"} <= {named[0].name, *named[0].aliases}
    assert {q.speaker for q in analysis.quotes} == {named[0].id}


def test_an_inner_name_alone_is_the_one_person_who_bears_it():
    """ "Yusuf" after "Abdullahi Yusuf Ahmed": a Somali president known by his middle name, as a
    Spanish speaker is by the father's surname before the mother's; a word two actors bear stays apart."""
    text = ("President Abdullahi Yusuf Ahmed announced his motion to dismiss the prime minister. Yusuf said that "
            "the government was unable to perform its duties.")
    analysis = sayso.extract(text, engine="rules")
    president = _actor(analysis, "Abdullahi Yusuf Ahmed")
    said = next(q for q in analysis.quotes if q.cue == "said")
    assert said.speaker == president.id and "Yusuf" in president.aliases
    shared = ("Ahmed Yusuf Ali met Omar Yusuf in Mogadishu. Yusuf said that the talks had failed.")
    names = {a.name for a in sayso.extract(shared, engine="rules").actors}
    assert "Yusuf" in names or "Omar Yusuf" in names


def test_a_name_the_ner_missed_is_read_from_the_acronym_that_spells_it():
    """ "Christian Purefoy (CP)", which the NER does not see as a name: the person of the
    interview's "CP:" answers."""
    text = ("Nigeria: BattaBox Bakes Stories Through Online Videos\n\n"
            "Christian Purefoy (CP), a director in BattaBox gave us a glimpse of this evolving online television.\n\n"
            "What is BattaBox?\n\n"
            "CP: BattaBox is a Nigerian conversation - music, film, street-life, news and comedy.\n\n"
            "Why Nigeria?\n\n"
            "CP: Nigeria is such a vibrant place that even the most mundane is crackling with energy.\n\n"
            "Who makes the videos?\n\n"
            "CP: We accept all and any videos - as long as they are not inflammatory.")
    analysis = sayso.extract(text, engine="rules")
    person = _actor(analysis, "Christian Purefoy")
    assert person.type.value == "PERSON" and "CP" in person.aliases
    answers = [q for q in analysis.quotes if text[q.start - 4 : q.start] == "CP: "]
    assert len(answers) == 3 and {q.speaker for q in answers} == {person.id}


def test_a_surname_spelt_with_its_accents_is_the_person_spelt_so():
    """Two people whose surnames differ only by an accent stay apart: "Şahin" is the minister
    Mehmet Ali Şahin, not the police chief Ibrahim Sahin named after him."""
    text = ("Justice Minister Mehmet Ali Şahin defended the inquiry. Police searched the home of former police "
            "chief Ibrahim Sahin. \"The investigation has no political aspects,\" Şahin said.")
    analysis = sayso.extract(text, engine="rules")
    said = next(q for q in analysis.quotes if q.cue == "said")
    assert said.speaker == _actor(analysis, "Mehmet Ali Şahin").id
    assert _actor(analysis, "Ibrahim Sahin").id != said.speaker


def test_a_full_name_the_ner_missed_takes_in_the_headlines_surname():
    """ "Musk says …" in the headline, then "Elon Musk said …", neither read as a name by the NER:
    one actor, named in full."""
    text = ("Musk says Tesla will not move headquarters back to California\n\n"
            "Elon Musk said on Tuesday that Tesla would keep its headquarters in Texas.")
    analysis = sayso.extract(text, engine="rules")
    musks = [a for a in analysis.actors if "Musk" in a.name or "Musk" in a.aliases]
    assert len(musks) == 1 and musks[0].name == "Elon Musk" and "Musk" in musks[0].aliases
    assert {q.speaker for q in analysis.quotes} == {musks[0].id}


def test_a_headlines_name_run_on_keeps_its_surname_to_itself():
    """A headline's "Donald Trump Picks Up …", read as a name of three words: "Trump" is the
    surname of "Donald Trump", not an inner name of the run-on."""
    text = ("Donald Trump Picks Up His First Congressional Endorsements\n\n"
            "Two members of Congress endorsed the presidential bid of real estate mogul Donald Trump on Wednesday. "
            "Trump, who has pledged to build a wall, said that he was honoured.")
    analysis = sayso.extract(text, engine="rules")
    said = next(q for q in analysis.quotes if q.cue == "said")
    speaker = next(a for a in analysis.actors if a.id == said.speaker)
    assert speaker.name == "Donald Trump" or "Picks" not in speaker.name


@pytest.mark.parametrize("text, speaker", [
    # "The Brazilian Vice-President" is not "Brazilian President Lula": a rank word makes the office another
    ("Rumsfeld met Brazilian President Luiz Inacio Lula da Silva on Tuesday.\n\n"
     "The Brazilian Vice-President said that Brazil prefers not to interfere in the affairs of others.",
     "The Brazilian Vice-President"),
    # an acronym with a small word in lower case names its actor
    ("In the wake of the coup, the United States Department of State (DoS) advised citizens to reconsider travel. "
     "The DoS also said that demonstrations could turn violent.", "United States Department of State"),
])
def test_an_office_is_named_by_its_rank_and_its_acronym(text, speaker):
    analysis = sayso.extract(text, engine="rules")
    names = {a.id: a.name for a in analysis.actors}
    assert [names.get(q.speaker) for q in analysis.quotes] == [speaker]


def test_an_organisation_named_in_a_persons_post_stays_an_organisation():
    """ "chief economist at KPMG, who …" and "A spokesman for the Treasury Department" describe
    people; the organisations they name are no people."""
    text = ('"The Fed is behind the curve again," said Diane Swonk, chief economist at KPMG, who expects three cuts. '
            "A spokesman for the Treasury Department declined to comment.")
    types = {a.name: a.type.value for a in sayso.extract(text, engine="rules").actors}
    assert types["KPMG"] == "ORG" and types["Treasury Department"] == "ORG" and types["Diane Swonk"] == "PERSON"


def test_the_fed_is_the_federal_reserve():
    text = ("The Federal Reserve held interest rates steady on Wednesday. Treasury yields fell after the Fed's "
            "announcement, and the Fed said it would cut rates twice this year.")
    actors = [a for a in sayso.extract(text, engine="rules").actors if "Fed" in a.name or "Fed" in a.aliases]
    assert [(a.name, a.aliases) for a in actors] == [("The Federal Reserve", ("Fed",))]


def test_a_name_the_ner_cut_in_two_and_its_given_and_inner_name_are_one_person():
    text = ("The sacking of transport minister Remy Henri Kuseyo Gatanga was announced on Friday.\n\n"
            "Transport Minister Rémy Kuseyo had previously said the aircraft should never have taken off.")
    analysis = sayso.extract(text, engine="rules")
    people = [a for a in analysis.actors if a.type.value == "PERSON"]
    assert [a.name for a in people] == ["Remy Henri Kuseyo Gatanga"]
    assert analysis.quotes[0].speaker == people[0].id


@pytest.mark.parametrize("engine", ["rules", "hybrid"])
def test_the_world_health_organization_under_its_description_acronym_and_press_release(engine):
    text = ("The United Nations health agency the World Health Organization (WHO) has called for a ban on tobacco "
            "advertising. A report by the WHO on tobacco use stated that most smokers live in ten countries. "
            "According to a WHO press release, studies show that young people start early.")
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    who = next(a for a in analysis.actors if a.name == "World Health Organization")
    assert who.type.value == "ORG"  # a health agency is no news agency
    # (the studies' report inside the press release's is theirs: "According to Outlet, Person said X")
    assert {names.get(q.speaker) for q in analysis.quotes if not q.text.startswith("that young")} \
        == {"World Health Organization"}


def test_a_title_the_ner_took_into_a_name_is_no_part_of_it():
    text = "Chief Constable Andrew Ward said he accepted the findings in full. Ward resigned on Friday."
    people = [a for a in sayso.extract(text, engine="rules").actors if a.type.value == "PERSON"]
    assert [(a.name, "Chief Constable" in a.roles) for a in people] == [("Andrew Ward", True)]


def test_a_datelines_agency_in_brackets_is_no_acronym_of_the_place():
    text = "WASHINGTON (AP) — The Senate on Saturday passed a stopgap spending bill, Senator Chuck Schumer said."
    actors = {a.name: a for a in sayso.extract(text, engine="rules").actors}
    assert "AP" not in actors["WASHINGTON"].aliases and actors["WASHINGTON"].type.value == "GPE"


def test_a_title_and_a_given_name_make_a_person_whatever_the_ner_typed():
    text = ("At least nine people have died, according to the Butte County Sheriff's Office. Sheriff Kory Honea said "
            "that number was likely to rise. General Motors said sales rose.")
    types = {a.name: a.type.value for a in sayso.extract(text, engine="rules").actors}
    assert types.get("Kory Honea") == "PERSON" and types.get("General Motors") == "ORG"


def test_an_organisations_name_with_a_preposition_in_it_stays_whole():
    # the NER reads "Without Borders" as a person and "Borders" alone as an organisation
    analysis = sayso.extract("Protests In Paris Turn Violent\n\nReporters Without Borders said that the toll rose. "
                             "Doctors Without Borders said it would send help to the city.", engine="rules")
    assert {(a.name, a.type.value) for a in analysis.actors} >= {
        ("Reporters Without Borders", "ORG"), ("Doctors Without Borders", "ORG")}
    assert not any("Borders" in a.name and a.name.split()[0] in {"Without", "Borders"} for a in analysis.actors)
    assert not any(a.name.startswith("Protests") for a in analysis.actors)  # a headline's capitals


def test_a_name_after_a_title_in_lower_case_is_a_persons():
    text = ("WHO vaccine chief Jean-Marie Okwo Bele told AFP he expected a vaccine to start clinical trials next "
            "month. Investors backed the plan.")
    actors = {a.name: a for a in sayso.extract(text, engine="rules").actors}
    assert actors["Jean-Marie Okwo Bele"].type.value == "PERSON"


def test_the_head_noun_of_an_organisations_name_takes_it_up():
    text = ("The Human Rights Commission of Pakistan (HRCP) has condemned the incidents. \"The HRCP calls upon the "
            "government to act,\" the Commission said. The Ministry of Home Affairs said the border was closed. The "
            "Ministry also said trade would resume.")
    analysis = sayso.extract(text, engine="rules")
    names = {a.id: a.name for a in analysis.actors}
    assert [names.get(q.speaker) for q in analysis.quotes] == [
        "The Human Rights Commission of Pakistan", "The Ministry of Home Affairs", "The Ministry of Home Affairs"]
    assert not any(a.name in {"Commission", "Ministry"} for a in analysis.actors)


def test_an_office_holder_named_after_the_portfolio_is_a_person():
    # the NER reads "State for African Affairs Jendayi Frazer" as one organisation
    text = ("US Assistant Secretary of State for African Affairs Jendayi Frazer said the ban was wrong. Frazer "
            "said it was unbelievable.")
    analysis = sayso.extract(text)
    actor = _actor(analysis, "Jendayi Frazer")
    assert actor.type.value == "PERSON" and "Frazer" in actor.aliases
    names = {a.id: a.name for a in analysis.actors}
    assert [names.get(q.speaker) for q in analysis.quotes] == ["Jendayi Frazer", "Jendayi Frazer"]


def test_an_acronym_with_and_without_stops_is_one_actor():
    text = ("US Assistant Secretary of State for African Affairs Jendayi Frazer said the ban was wrong. The U.S. "
            "called it \"outrageous\". The United States said aid would go on.")
    analysis = sayso.extract(text)
    states = [a for a in analysis.actors if a.name in {"US", "U.S.", "United States", "The United States"}]
    assert len(states) == 1


@pytest.mark.parametrize("text, people", [
    # one given name in two transliterations before one surname: one person
    ("Mikheil Tsereteli won. President Mikhail Tsereteli said the vote was fair.", 1),
    # short names a letter apart, or a man's and a woman's: two people
    ("Mario Lopez and Maria Lopez spoke. Maria Lopez said the shop would close.", 2),
])
def test_a_given_name_spelt_two_ways_is_one_person(text, people):
    analysis = sayso.extract(text)
    assert len([a for a in analysis.actors if a.type.value == "PERSON"]) == people


def test_a_full_name_the_ner_missed_is_the_person_its_surname_names():
    # "Alassane Ouattara won …" read as no name, "Ouattara" alone read as a person's
    import spacy
    from spacy.tokens import Doc, Span

    from sayso.extractors.actors import find_actors

    words = ["Alassane", "Ouattara", "won", "the", "vote", ".", "Ouattara", "spoke", "."]
    doc = Doc(spacy.blank("en").vocab, words=words,
              pos=["PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT", "PROPN", "VERB", "PUNCT"])
    doc.ents = [Span(doc, 6, 7, label="PERSON")]
    book = find_actors(doc)
    owner = book.at_token(doc[0])
    assert owner is not None and owner is book.at_token(doc[6]) and owner.name == "Alassane Ouattara"


def test_a_bodys_name_goes_on_over_of_where_the_ner_stopped():
    # the NER reads "UN Office"; the name is the office of the High Commissioner
    text = ("The Indian Ministry of External Affairs denounced the 49-page report by the UN Office of the High "
            "Commissioner for Human Rights, calling it \"selective\".")
    names = [a.name for a in sayso.extract(text).actors]
    assert "UN Office of the High Commissioner for Human Rights" in names and "UN Office" not in names
