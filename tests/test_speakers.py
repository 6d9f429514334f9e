"""Speakers: who said it, resolved to one actor per entity, with the rule and the default engine."""
from __future__ import annotations

import pytest

import sayso
from sayso.model.loader import available

ENGINES = ["rules", pytest.param("hybrid", marks=pytest.mark.skipif(not available(), reason="no trained weights"))]


def speaker_of(text: str, words: str, engine: str) -> str | None:
    """The name of the actor given as the speaker of the statement containing ``words``."""
    analysis = sayso.extract(text, engine=engine)
    actors = {a.id: a for a in analysis.actors}
    found = [q for q in analysis.quotes if words in text[q.start:q.end]]
    assert found, f"no statement with {words!r} in {[text[q.start:q.end] for q in analysis.quotes]}"
    actor = actors.get(found[0].speaker)
    return actor.name if actor else None


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, words, expected", [
    # a title or role before a person's name is the name's role, not a separate actor
    ("According to Afghan Ambassador to the United States Hamdullah Mohib, the participation of this team "
     "in the competition shows progress in the country's response to two decades of war.", "progress",
     "Hamdullah Mohib"),
    # the parser splits "co-founder" from the name into several subjects: the nearest heads it
    ("Mohamed received support online.\n\nFacebook co-founder Mark Zuckerberg tweeted to Mohamed and "
     "said the boy was welcome to come and tour the company.", "the boy was welcome", "Mark Zuckerberg"),
    ("Google co-founder Sergey Brin said the plan was sound and would be adopted.", "the plan", "Sergey Brin"),
    ("Psychology major at University of Texas Arlington Amneh Jafari heard of the incident and said "
     "she wanted to issue her support.", "wanted to issue", "Amneh Jafari"),
    # an investigation speaks for whoever made it
    ("An investigation by the BBC has revealed that millions of dollars in aid money were diverted by rebels.",
     "millions of dollars", "BBC"),
    # "the news agency", "the network": the outlet named before; "the agency": the organisation
    ("Al-Jazeera aired the footage on Monday. The news agency said the arrests were illegal.", "the arrests",
     "Al-Jazeera"),
    ("CNN aired the footage on Monday. The network said the arrests were illegal.", "the arrests", "CNN"),
    ("The Pentagon and the CIA met on Monday. The agency said the arrests were illegal.", "the arrests", "CIA"),
    # a nationality before the noun is no actor of its own
    ("Flights resumed on Monday. The Thai government said the search would go on.", "the search",
     "The Thai government"),
])
def test_the_actor_a_source_names(engine, text, words, expected):
    assert speaker_of(text, words, engine) == expected


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, words, not_speaker", [
    # a spokesman for someone is not that person
    ("A spokesman for John Smith said the claims were false and would be contested in court.",
     "claims were false", "John Smith"),
    ("Hillary Clinton arrived in Ohio. A Clinton spokesman said the figures were wrong.", "figures were wrong",
     "Hillary Clinton"),
    # a person's campaign or administration is not that person
    ("Barack Obama spoke on Monday. The Obama administration said the rule would take effect in June.",
     "take effect", "Barack Obama"),
    ("Donald Trump spoke in Ohio. The Trump campaign said the rally drew 10,000 people.", "rally drew",
     "Donald Trump"),
    # an epithet with two people near is not guessed
    ("Rafael Nadal beat Novak Djokovic in Paris. The Serb said he was tired after the long season.",
     "he was tired", "Rafael Nadal"),
    # a directive's object has not spoken yet
    ("The senator is also encouraging his supporters at a rally to ask why the vote was delayed.",
     "vote was delayed", "his supporters"),
    # a headline's description is whom the lead names, not someone of that role quoted at the end
    ("Iraqi cleric says the payments were legal\n\nThe payments began in 2019.\n\nThey went to a charity in Basra."
     "\n\nThe charity has 40 staff.\n\nIts accounts are audited.\n\nSayyid Murtada al-Khafaji, a cleric in "
     "Najaf, criticised the charity.", "payments were legal", "Sayyid Murtada al-Khafaji"),
])
def test_a_speaker_not_guessed(engine, text, words, not_speaker):
    assert speaker_of(text, words, engine) != not_speaker


@pytest.mark.parametrize("engine", ENGINES)
def test_bracketed_acronym_is_not_part_of_the_name_and_speaks_for_it(engine):
    text = ("The World Health Organisation (WHO) recommends that every country should iodise all edible "
            "salt.\n\nWHO say iodine deficiency is the world's most prevalent cause of brain damage.")
    assert speaker_of(text, "every country", engine).removeprefix("The ") == "World Health Organisation"
    assert speaker_of(text, "iodine deficiency", engine).removeprefix("The ") == "World Health Organisation"


@pytest.mark.parametrize("engine", ENGINES)
def test_surname_is_the_full_names_actor(engine):
    text = ("Steve Whitmore is a representative for the LA Sheriff's office. According to Whitmore, "
            "Montalvo left his job in September. Whitmore said the alleged crime involved five hard drives.")
    analysis = sayso.extract(text, engine=engine)
    assert [a.name for a in analysis.actors if "Whitmore" in a.name or "Whitmore" in a.aliases] == ["Steve Whitmore"]
    assert speaker_of(text, "five hard drives", engine) == "Steve Whitmore"


@pytest.mark.parametrize("engine", ENGINES)
def test_surname_first_then_full_name_is_one_person(engine):
    text = ("Calloway said the council would vote in May.\n\nRuth Calloway, the council leader, told "
            "reporters the budget was balanced.")
    analysis = sayso.extract(text, engine=engine)
    named = [a for a in analysis.actors if "Calloway" in a.name]
    assert [(a.name, a.type.value) for a in named] == [("Ruth Calloway", "PERSON")]
    assert speaker_of(text, "vote in May", engine) == "Ruth Calloway"


@pytest.mark.parametrize("engine", ENGINES)
def test_lone_word_the_ner_calls_a_person_is_no_antecedent(engine):
    text = "Turnout was high in Westmere on Sunday.\n\nShe said the result was clear and would stand."
    assert speaker_of(text, "the result was clear", engine) not in {"Turnout", "Westmere"}


@pytest.mark.parametrize("engine", ENGINES)
def test_unnamed_organisation_is_no_she(engine):
    text = ("The consortium rejected the findings on Tuesday. Miriam Olde edits the Kessport Chronicle. "
            "She said the report was a fabrication and would be withdrawn.")
    analysis = sayso.extract(text, engine=engine)
    assert [a.type.value for a in analysis.actors if a.name.lower() == "the consortium"] in ([], ["ORG"])
    assert speaker_of(text, "a fabrication", engine) == "Miriam Olde"


@pytest.mark.parametrize("engine", ENGINES)
def test_i_in_an_interview_turn_is_the_turns_speaker(engine):
    text = ("Wikinews: Do you think there is a future to the peace process?\n\n"
            "Shimon Peres: The future is only peace.\n\n"
            "Look, the new age is unprecedented. I say brains is the greater producer of wealth, not oil.")
    analysis = sayso.extract(text, engine=engine)
    actors = {a.id: a.name for a in analysis.actors}
    said = [q for q in analysis.quotes if q.speaker_mention and text[slice(*q.speaker_mention)] == "I"]
    assert said and all(actors.get(q.speaker) == "Shimon Peres" for q in said)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, words, expected", [
    # the plural head noun takes up the earlier phrase with the same head
    ("The report's authors said iodine deficiency was a hidden problem.\n\nThe authors said the results "
     "confirm inadequate iodine intake in children.", "inadequate iodine", "The report's authors"),
    # a name modifying a common noun is one of those: "the blog" is the AntyScience blog
    ("Bos writes for the AntyScience blog every week.\n\nThe blog said its aim was to close a gap between "
     "scientists and the public.", "close a gap", "AntyScience"),
    # a definite description takes up an indefinite one a few sentences back
    ("One poster admitted to being part of the effort on Monday.\n\nThe poster wrote that the attacks "
     "would go on for weeks.", "the attacks", "One poster"),
    # a word for a kind of actor takes up the actor of that kind named before
    ("Amnesty International held a meeting in Geneva this week.\n\nThe organization said it plans to hold "
     "the meeting in a different country every year.", "different country", "Amnesty International"),
    ("The Daily Nation ran a story on the deal on Monday.\n\nThe paper reported that the minister had "
     "signed the contract in secret.", "signed the contract", "Daily Nation"),
    # a person's name the NER misses after a long title: the name speaks, the title is its role,
    # and the surname (with its particle) written first, in a caption, is the same person
    ("La Russa in 2007. Image: G. dallorto.\n\nItalian Minister for Defence Ignazio La Russa said Wednesday that his "
     "country will send ten instructors. French officials said they would send fewer.\n\nLa Russa said in a news "
     "conference that the advisers' roles had yet to be determined.", "roles had yet", "Ignazio La Russa"),
    ("UN High Commissioner for Human Rights Navi Pillay stated that the use of such munitions would lead to "
     "civilian casualties.", "civilian casualties", "Navi Pillay"),
    # "the company" takes up the company named last: a name that ends as a company's does
    ("Black Lotus Communications has announced its decision to donate revenue to charity. Westboro Baptist Church "
     "protested. The company has confirmed that the project can be expanded to include other customers.",
     "project can be expanded", "Black Lotus Communications"),
    # a spokesman's name set after the description speaks, whatever type the NER gave it
    ("A spokesman for the United Nations refugee agency, Alphonse Munyaneza, explained that international funding "
     "will help pay for resettlement.", "international funding", "Alphonse Munyaneza"),
    # the head of the phrase speaks, not the group named in its "from …"
    ("Colin Macfarlane from the gay rights group Stonewall Scotland said of the vote: \"This is a truly "
     "historic step forward.\"", "historic step", "Colin Macfarlane"),
    # a person's name set after a title that the NER reads as an organisation
    ("Conservative MSP (Member of Scottish Parliament) Ruth Davidson — who is herself a lesbian — argued in "
     "Parliament that the bill matters to the future nature of our country.", "future nature", "Ruth Davidson"),
    # a place before a word for a person says where the person is from: "the Florida senator" is no Florida
    ("Marco Rubio has more delegates than Kasich has, and the Florida senator suspended his campaign on Tuesday."
     "\n\nThe Florida senator sought to calm his supporters, saying the person would not get beat up at his rally.",
     "not get beat up", "Marco Rubio"),
    # a headline's description that no named actor has as its role is the one of its kind named later
    ("A new study says coffee cuts heart risk\n\nThe Leeds Coffee Study followed 5,000 adults for ten years.",
     "coffee cuts heart risk", "The Leeds Coffee Study"),
    # a headline describes by role whom the story names
    ("Engineer says harbour wall will not hold\n\nThe harbour wall was built in 1880. Hanna Quist, an engineer, "
     "inspected it on Monday.", "will not hold", "Hanna Quist"),
    # "she" follows the subject a description gives the sentence before, not a name in its by-phrase
    ("Maria Delgado arrived in Lisbon today. \"I am home,\" Delgado said. The former senator was welcomed at the "
     "airport by the First Lady, Michelle Obama.\n\n\"I owe everything to you,\" she said.", "I owe everything",
     "Maria Delgado"),
    # an office the NER took for a name is the person the text gives it to
    ("Archbishop of York says Mugabe must be overthrown\n\nThe Archbishop of York, Dr John Sentamu, said that "
     "Zimbabwe's president Robert Mugabe must be forced out of office.", "Mugabe must be overthrown", "John Sentamu"),
])
def test_description_points_back_to_its_actor(engine, text, words, expected):
    assert speaker_of(text, words, engine) == expected


@pytest.mark.parametrize("engine", ENGINES)
def test_they_takes_up_a_plural_subject_before_a_place(engine):
    text = ("On September 29, Scientology officials went to the East Los Angeles sheriff's station, where "
            "they claimed Montalvo had left the organization with computer hard drives.")
    assert speaker_of(text, "computer hard drives", engine) == "Scientology officials"


@pytest.mark.parametrize("engine", ENGINES)
def test_same_unnamed_phrase_is_one_actor(engine):
    text = ("Scientology officials said they had not received the materials.\n\nOn Monday, Scientology "
            "officials said the drives were stolen from the office.")
    analysis = sayso.extract(text, engine=engine)
    assert [a.name for a in analysis.actors].count("Scientology officials") == 1


@pytest.mark.parametrize("engine", ENGINES)
def test_surname_the_tagger_misreads_is_the_named_person(engine):
    text = ("Mark Rathbun left the church in 2004.\n\nRathbun requested donations on his blog to help Montalvo "
            "with his legal costs, and said the case was a disgrace.")
    analysis = sayso.extract(text, engine=engine)
    assert [a.name for a in analysis.actors if "Rathbun" in a.name or "Rathbun" in a.aliases] == ["Mark Rathbun"]
    assert speaker_of(text, "a disgrace", engine) == "Mark Rathbun"


@pytest.mark.parametrize("engine", ENGINES)
def test_opening_participle_is_not_the_speaker(engine):
    text = ("The video was removed on Monday.\n\nWriting in a blog post, Matthew Ingram of The Globe and Mail "
            "said the conflict was \"another small skirmish in a long war\".")
    assert speaker_of(text, "skirmish", engine) == "Matthew Ingram"


@pytest.mark.parametrize("engine", ENGINES)
def test_initial_before_a_one_word_name_gives_the_fuller_name(engine):
    text = ("Wikinews: Will the storm lose strength over land?\n\n"
            "Saravanan: Tropical cyclones are sustained by latent heat, and they weaken over land.\n\n"
            "File photo of interviewee R Saravanan.\n\n"
            "Wikinews: Was the government prepared?\n\n"
            "Saravanan: From all the press reports that I have read, the government appears well prepared.")
    analysis = sayso.extract(text, engine=engine)
    assert [a.name for a in analysis.actors if "Saravanan" in a.name] == ["R Saravanan"]


def test_number_in_a_name_stays_in_its_acronym():
    from sayso.extractors.names import initials as _initials

    assert _initials(("movimento", "5", "stelle")) == "m5s"


@pytest.mark.parametrize("engine", ENGINES)
def test_acronym_modifying_a_noun_names_its_actor(engine):
    text = ("The deputies of the Lega Nord 2 Lombardia (LN2L) filed a complaint.\n\nThe LN2L party said the "
            "regional government must refund the local administrations.")
    assert speaker_of(text, "refund", engine) == "Lega Nord 2 Lombardia"


_FILLER = " ".join(["Crop yields vary with the weather and the soil from one year to the next."] * 20)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, words, expected", [
    # a description of the same class takes up the story's subject however far back
    ("A research team from the University of Sheffield analysed crop data over fifty years. "
     f"{_FILLER}\n\nThe researchers found that ozone pollution harmed soybean crops.", "ozone pollution harmed",
     "A research team"),
    # an unnamed study named later is the named study, and "the report" with it
    ("A new study has found that many school children do not get enough iodine.\n\n"
     "The Australian National Iodine Nutrition Study was published in a medical journal this week. "
     "The report says that salt should be iodised.", "many school children",
     "The Australian National Iodine Nutrition Study"),
    ("A new study has found that many school children do not get enough iodine.\n\n"
     "The Australian National Iodine Nutrition Study was published in a medical journal this week. "
     "The report says that salt should be iodised.", "salt should be iodised",
     "The Australian National Iodine Nutrition Study"),
    # a titled surname spelt otherwise later in the article is the person named before
    ("Lydia Buchtmann, a spokeswoman for Food Standards Australia, said the agency was looking at new rules.\n\n"
     "“The issue is complicated,” Ms Bauchtman said.", "The issue is complicated", "Lydia Buchtmann"),
    # a title and a surname the NER reads as one name are the person of that surname
    ("Ilya Karimdjanov is a pest with a camera.\n\nCommissar Karimdjanov, as he has been called, said he "
     "would go on filming.", "would go on filming", "Ilya Karimdjanov"),
    # "they" takes up people, not a plural thing
    ("A research team from the University of Sheffield studied crops. The researchers found that ozone "
     "harmed soybeans. Several scenarios were considered because of uncertainty. They estimated that "
     "food needs would rise by half.", "food needs would rise", "A research team"),
    # "he told Hannity": the subject is not its own verb's object, whoever the sentence before was about
    ("Donald Trump spoke to Sean Hannity in Austin on Wednesday.\n\nHannity asked Trump how high the wall would be.\n\n"
     "\"I think the height could be 35 to 45 feet,\" he told Hannity.", "the height could be", "Donald Trump"),
    ("Maria Lopez met the reporters of the Courier on Monday. The editor, Ann Wu, asked Lopez about the budget.\n\n"
     "\"We will cut nothing,\" she told Wu.", "We will cut nothing", "Maria Lopez"),
])
def test_descriptions_misspellings_plurals_and_pronouns_find_the_actor(text, words, expected, engine):
    assert speaker_of(text, words, engine) == expected


def test_a_name_run_on_into_the_next_noun_phrase_is_still_the_person():
    # a missing comma runs the name into the next noun phrase ("Rathbun the Scientology" as one
    # entity): the name still speaks
    text = ("Mark Rathbun left the church in 2004.\n\nAccording to Rathbun the Scientology property in question "
            "was returned by mail to the organization by Montalvo shortly after he left.")
    names = [a.name for a in sayso.extract(text, engine="rules").actors]
    assert "Rathbun the Scientology" not in names and "Mark Rathbun" in names


def test_a_source_span_that_stops_before_the_apposed_name_still_resolves_to_it():
    """A tagger may give "Another reader" as the source of "Another reader, Kapyololo, thinks …":
    the name in apposition is the speaker, not a new unnamed reader."""
    from sayso.extractors.context import build_context
    from sayso.nlp import load_pipeline

    context = build_context(load_pipeline()("Another reader, Kapyololo, thinks that fuel shortages are a sign of poor governance."))
    found = context.resolver.resolve(context.doc[0:2])
    assert found is not None and found.name == "Kapyololo"


@pytest.mark.parametrize("engine", ENGINES)
def test_she_is_not_the_name_in_what_she_says_nor_a_pull_quotes_signer(engine):
    """A pronoun that says a clause does not stand for a name inside that clause; a pull quote and
    its signature line stand outside the story's flow."""
    text = ("The fraud was uncovered after Police Constable Simon Hood told former girlfriend Suzanne Coates of the "
            "scheme. Coates said that Hood had confessed to her.\n\n"
            "You knew throughout your career that policemen get sent to prison\n\n— Judge Alasdair Darroch\n\n"
            "Shortly afterwards Hood suggested they should become a couple once more, she said.")
    assert speaker_of(text, "become a couple", engine) == "Suzanne Coates"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_document_whose_makers_are_only_described_speaks_for_itself(engine):
    text = ("The Climate Science Special Report was conducted by thirteen agencies within the government. "
            "The report says global temperatures rose by 1.0 degree Celsius.")
    assert speaker_of(text, "global temperatures rose", engine) != "thirteen agencies within the government"


_BETANCOURT = ("Anna Brandt thanked the president on Friday. \"It's a hostile place,\" Brandt said. \"The men behind "
               "me had rifles. They pushed me. They told me to walk faster.\"\n\n")
_STATEMENT = ("Russia's Interior Ministry confirmed yesterday that the police will enforce the new law during the "
              "Winter Olympics.\n\nThe statement said \"law enforcement agencies can have no qualms with visitors\" "
              "so long as they take part in the Olympics peacefully.\n\n"
              "The statement continued: \"Any discussion on violating the rights of visitors is unfounded.\"")
_DOCUMENTS = ("Earlier this week the World Bank released the 2012 World Development Report on Gender Equality. "
              "The report said that women were well represented in Finnish politics.\n\n"
              "Shopping cart injuries to children rose sharply, according to a new study. The study was carried "
              "out by Dr. Gary Smith, director of a research centre in Ohio.")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, words, expected", [
    # a pronoun takes up no name in a participle clause it controls
    ("Anna Brandt arrived in Paris on Friday. After the welcome, Brandt went to the palace.\n\nAgain accompanied "
     "by Marc Lebrun, she recounted her years in the jungle, saying the conditions had been terrible.",
     "the conditions had been terrible", "Anna Brandt"),
    # wholly quoted sentences do not use up a pronoun's reach
    (_BETANCOURT + "She said the remaining hostages were suffering.", "remaining hostages", "Anna Brandt"),
    # "she" takes up the "she" before it, though that one is read after it (quotes first)
    (_BETANCOURT + "She called on Marc Lebrun to keep working for the hostages. \"We cannot leave them there,\" "
     "she stated.", "We cannot leave them there", "Anna Brandt"),
    # a surname whole before a part of a double-barrelled one
    ("Anna Brandt stood alongside President Nicolas Sarkozy at the air base. She was greeted by the First Lady, "
     "Carla Bruni-Sarkozy.\n\nSarkozy said her return showed that people should never give up hope.",
     "never give up hope", "Nicolas Sarkozy"),
    # the titled person speaks, not the place after "of" that the parser makes the head
    ("Proceedings included testimony from pathologists. Dr. Norashikin Othman of Hospital Kuala Lumpur "
     "testified that the blood had been depleted of cholinesterase.", "depleted of cholinesterase",
     "Norashikin Othman"),
    # names in a paragraph set off after a colon (a blockquote) antecede no pronoun outside it
    ("Blogger Paul Shalala reflects on the constitution making processes Zambia has gone through:\n\nReading "
     "through the 227 pages of the Michael Sata-appointed committee's first draft, I am reminded of the "
     "struggles and insults of the past years.\n\nHe notes that the contentious issues of the past are all "
     "included in the draft.", "contentious issues of the past", "Paul Shalala"),
    # a main clause's pronoun takes up the subject of the main clause it is joined to, not a
    # subject inside what that one reported
    ("Senator Ed Markey spoke. Jon Keller of the CBS affiliate notes the rush was likely to allow Markey to begin "
     "attacks on Brown, but he concludes the lack of choice may give Brown an advantage.", "the lack of choice",
     "Jon Keller"),
    # a document or a message under a possessive pronoun speaks for whom the pronoun stands for
    ("Cindy Sheehan ran for Congress in 2012. Her website says she supports a new party.", "she supports", "Cindy Sheehan"),
    ("Ivan Lewis spoke on the radio on Monday. His responses in the interview described the claims as "
     "\"very serious allegations\".", "very serious allegations", "Ivan Lewis"),
    ("The World Bank met in Lima on Monday. Its statement said the economy would grow.", "the economy would grow",
     "The World Bank"),
    # a message someone made, which the parser reads as what says the words, is its maker's
    ("In response to the allegations, Germaine Richie, who owns the airline, made a comment saying: \"We reject "
     "any allegations that we are overloading planes.\"", "We reject", "Germaine Richie"),
    # a document speaks for the named actor that made it
    (_DOCUMENTS, "women were well represented", "World Bank"),
    (_DOCUMENTS, "Shopping cart injuries", "Gary Smith"),
    # "the statement" that takes up no document is the act just reported, and its speaker's
    (_STATEMENT, "law enforcement agencies can have no qualms", "Interior Ministry"),
    (_STATEMENT, "Any discussion on violating", "Interior Ministry"),
    # ... also when the act's speaker is named in apposition to a description of them
    ("Soul singer Ann Lee died on Thursday, her publicist Gwendolyn Quinn stated on behalf of the family. "
     "According to the statement, the cause of death was cancer.", "the cause of death was cancer",
     "Gwendolyn Quinn"),
    # a statement someone spoke in is theirs when taken up later, past another speaker
    ("In a statement broadcast on state media, the army said: \"We will not use force against the people.\" A "
     "correspondent in Cairo said the announcement meant the end was near.\n\n\"The presence of the army in the "
     "streets is for your sake,\" the statement added.", "The presence of the army", "the army"),
])
def test_pronouns_documents_and_names_find_the_actor(text, words, expected, engine):
    assert speaker_of(text, words, engine) == expected


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, part, actors, said", [
    # a surname is the person of that name before it, though the NER called that name an
    # organisation's and a namesake comes later
    ("But many in Senegal do not want to return home, like Yaraah Sow, who lives in the Dagana refugee camp about "
     "400 kilometers northwest of Dakar.\n\nSow says the military seized all his family's property.\n\nOne of the "
     "refugee leaders, Mohamed Ali Sow, who left when he was 10, says he is studying at a university in Senegal.",
     "Sow", {"Yaraah Sow": "PERSON", "Mohamed Ali Sow": "PERSON"},
     [("the military seized", "Yaraah Sow"), ("studying at a university", "Mohamed Ali Sow")]),
    # a relative "who" after a name, or a title in apposition, says it is a person's
    ("Transit riders were less understanding. Marcus Bell, who takes the No. 7 bus to a weekend warehouse job, "
     "said the proposed schedule would leave him waiting more than an hour.\n\n\u201cThey talk about "
     "efficiency,\u201d he said.", "Bell", {"Marcus Bell": "PERSON"}, [("They talk about efficiency", "Marcus Bell")]),
    ("Murat Karayilan, the leader of the armed wing of the party, warned of the consequences. \"We will resist "
     "until the end,\" he said. Karayilan said he hoped the crisis could be resolved peacefully.\n\n"
     "Androulla Vassiliou, the European Union Health Commissioner, stressed that there was no need to panic "
     "about the outbreak.", "Karayilan", {"Murat Karayilan": "PERSON"},
     [("resist until the end", "Murat Karayilan"), ("no need to panic", "Androulla Vassiliou")]),
    # a name without its last part is the same person
    ("On Wednesday, pathologist Mohd Shah Mahmood testified before the high court.\n\nMohd Shah said the nerve "
     "agent had caused the death.", "Shah", {"Mohd Shah Mahmood": "PERSON"},
     [("the nerve agent had caused", "Mohd Shah Mahmood")]),
    # a caption's credit is nobody, and "the governor" is the person the title was given to
    ("President Barack Obama said the economy was recovering. Obama said jobs were his first priority.\n\n"
     "Bob McDonnell Image: Nathan Muller.\n\nThe Republican response came from the governor of the state of "
     "Virginia, Bob McDonnell. McDonnell gave the speech from the state capitol. He said Democrats are spending "
     "too much.\n\nThe newly inaugurated governor said, \"What government should not do is pile on more "
     "taxation.\"", "McDonnell", {"Bob McDonnell": "PERSON"},
     [("Democrats are spending too much", "Bob McDonnell"), ("pile on more taxation", "Bob McDonnell")]),
])
def test_names_and_their_types_give_the_speaker(text, part, actors, said, engine):
    analysis = sayso.extract(text, engine=engine)
    assert {a.name: a.type.value for a in analysis.actors if part in a.name} == actors
    assert [speaker_of(text, words, engine) for words, _ in said] == [speaker for _, speaker in said]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_quoted_paragraph_after_a_cued_one_continues_it(engine):
    text = ("Mohamed Nasheed, the president, spoke on Monday.\n\n\"We aim to become carbon-neutral in a decade,\" "
            "Nasheed told Newshour in a telephone interview.\n\n\"So basically, we do not want to sit around and "
            "blame others.\"")
    analysis = sayso.extract(text, engine=engine)
    assert [[text[s:e].rstrip(".") for s, e in q.parts] for q in analysis.quotes] == [
        ["We aim to become carbon-neutral in a decade", "So basically, we do not want to sit around and blame others"]]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, words, expected", [
    # the issuer of a statement says what the statement says
    ("Flight 17 was flying at 33,000 feet. Malaysia Airlines issued a statement saying \"The usual flight "
     "route was earlier declared safe by the aviation body.\"", "usual flight route", "Malaysia Airlines"),
    ("In response, the charity Christian Aid released a statement saying, \"There are allegations in the "
     "story which are against all of our principles.\"", "allegations in the story", "Christian Aid"),
    # a speaker set after the cue that follows the quotation, which the parser reads as an object
    ("There are fears of a takeover. \"If the government has to take over the mission that could spell its "
     "end,\" warned one devotee.", "could spell its end", "one devotee"),
    ("\"Stay away from the river until the water goes down,\" urged Ann Lee on Monday.", "Stay away", "Ann Lee"),
    # an age set off after a name makes it a person's, whom "he" takes up
    ("Smith, 45, said he had seen nothing like it. \"The water came in so fast,\" he said.", "came in so fast",
     "Smith"),
    # a first name the NER left out of a person's name after a title
    ("Mayor Sadiq Khan visited the site. \"We will rebuild,\" the mayor said.", "We will rebuild", "Sadiq Khan"),
    # a name the NER missed after a word for what the person does
    ("\"I don't know what happened,\" said coach Pep Guardiola after the match.", "what happened", "Pep Guardiola"),
    # "the company" after an organisation named just before, though its name says no company
    ("Apple shares fell 3% on Monday after the company said sales would be lower than expected.", "sales would be",
     "Apple"),
    # an official of an organisation speaks, not the organisation; "the official" takes it up
    ("A Hamas official said the group had accepted the proposal. Israel said it was studying the response. "
     "The official, who was not authorised to speak publicly, said talks would resume.", "talks would resume",
     "A Hamas official"),
    # an epithet by age or by what the person does, with one person near: that person
    ("Elon Musk, the billionaire owner of X, said he would appeal. The 52-year-old said the ruling was "
     "\"absurd\".", "ruling was", "Elon Musk"),
    ("Dr. Anthony Fauci warned of a new wave. The top infectious disease expert added that masks help.",
     "masks help", "Anthony Fauci"),
    # a given name makes a person of a name the NER typed otherwise, and tells "he" from "she"
    ("To allow Xander Bogaerts to play third base, Brock Holt moved to left field. He said he was "
     "\"happy to play anywhere\".", "happy to play anywhere", "Brock Holt"),
    ("Peter Walsh met Anna Berg on Monday. She said the deal was done.", "deal was done", "Anna Berg"),
    # a person the sentence speaks about is no new speaker of the quotation after it
    ("Judge Alan Dorr told Peter Marsh that he accepted the man was trying to help a friend. He was more "
     "critical of Simon Hood:\n\n\"As a police officer you know the highest standards are demanded.\"",
     "As a police officer", "Alan Dorr"),
    # a pronoun takes up an earlier sentence's main-clause subject before another subject
    ("After Tom Hill resigned in March, John Carter took over the team. He said the players were ready.",
     "players were ready", "John Carter"),
    # a name after the closing mark whose cue the parser left without a subject
    ("\u201cIt is not the position that everything is hunky-dory,\u201d Gene Sperling, an adviser to Clinton, "
     "said.", "hunky-dory", "Gene Sperling"),
    ("\"Just saw the tweet. I'm impressed by his ability to insult everyone,\" screenwriter Cole Haddon wrote "
     "on Twitter.", "impressed by his ability", "Cole Haddon"),
    # a clause after the closing mark names no speaker of the quotation before it
    ("Mary J. Blige met Hillary Clinton.\n\n\u201cPromise mama you\u2019ll keep your hands in sight,\u201d Blige "
     "sings to Clinton before asking her, \u201cI just want to know, where do we go from here?\u201d",
     "Promise mama", "Mary J. Blige"),
    # a passive cue's agent says it, and a tagged span of no noun names nobody
    ("Pieces of the Clinton machinery have shifted into general election gear: the main pro-Clinton super PAC, "
     "Priorities USA Action, started reserving ad time in swing states this week, for example, as first reported "
     "by the New York Times on Tuesday.", "reserving ad time", "New York Times"),
    # a broadcaster's host speaks, not the broadcaster
    ("The comments were made on Monday. \"We will not apologize,\" a Univision host said.", "not apologize",
     "a Univision host"),
    # the grammatical subject of the cue, not a name in the remark after the report
    ("Last month, FBI Director James Comey called Clinton's use of private email servers \"extremely careless,\" but said she "
     "should face no criminal charges, a recommendation Attorney General Loretta Lynch adopted.",
     "no criminal charges", "James Comey"),
    # a dateline is no part of the speaker after it
    ("ST. LOUIS \u2014 Presumptive Republican presidential nominee Donald Trump claimed that Ferguson, Missouri, "
     "has a higher crime rate than some of the world's most dangerous places.", "higher crime rate", "Donald Trump"),
    # the object of the verb above a cue with "to" says it, unless that verb is a promise
    ("The scandal forced Prime Minister Ann Lee to admit that she had lied to parliament.", "had lied", "Ann Lee"),
    ("Even the sleepy timing of the debate led Republicans to say that Democrats were protecting her.",
     "were protecting", "Republicans"),
    # a part of a group is an actor of its own, not the last name before it
    ("But even as Trump claimed on Tuesday that \u201cGeneral Petraeus got in trouble for far less,\u201d one of the "
     "former prosecutors for David Petraeus said the two cases were quite different.", "two cases",
     "one of the former prosecutors for David Petraeus"),
])
def test_speaker_in_news_style(engine, text, words, expected):
    assert speaker_of(text, words, engine) == expected


def test_a_name_the_parser_reads_as_a_noun_is_the_ners_actor():
    text = ("Hannity asked Trump how high the wall would be.\n\n"
            "\"It could be higher,\" the candidate told Hannity.")
    names = [a.name for a in sayso.extract(text).actors]
    assert names.count("Hannity") == 1, names


@pytest.mark.parametrize("engine", ENGINES)
def test_a_speaker_phrase_stops_at_the_closing_mark(engine):
    text = "\u201cIt is not hunky-dory,\u201d economist Dean Baker said."
    quote, = sayso.extract(text, engine=engine).quotes
    assert text[slice(*quote.speaker_mention)] == "economist Dean Baker"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_quotation_signed_with_a_hyphen_line_is_the_signers(engine):
    text = ("Not every claim could be checked.\n\n"
            "\"Americans are worried about the future of their kids.\"\n\n- Bernie Sanders.\n\n"
            "The senator is relying on an outdated statistic.\n\n"
            "- Improve the roads.\n\n- Fund the schools.\n")
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    quote, = analysis.quotes
    assert (text[quote.start:quote.end], names[quote.speaker], quote.cue) == (
        "Americans are worried about the future of their kids", "Bernie Sanders", "-")


def test_a_headlines_verb_is_no_part_of_the_name_before_it():
    text = ("Obama Says African-American Museum Will Tell of 'Suffering and Delight.'\n\n"
            "President Obama said the museum would tell an American story.")
    assert "Obama Says" not in [a.name for a in sayso.extract(text).actors]


@pytest.mark.parametrize("engine", ENGINES[1:])  # the rules read no noun phrase as content
def test_the_cues_own_subject_over_a_tagged_source_in_another_clause(engine):
    text = ("Nearly all of the Democratic mayors of the 10 most populous cities in the nation have publicly endorsed "
            "her; last month, the campaign unveiled an endorsement list of 85 mayors from across the nation, "
            "including leading progressives like New York City Mayor Bill de Blasio.")
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    speakers = [names.get(q.speaker) for q in analysis.quotes if "endorsement list" in q.text]
    assert "Nearly all of the Democratic mayors of the 10 most populous cities in the nation" not in speakers
    assert speakers in ([], ["the campaign"])


@pytest.mark.parametrize("text, words, expected", [
    # an entity the NER ran on over a comma into the subject is two
    ("Marja offensive continues\n\nDuring an appearance on NBC's Meet the Press, Petraeus said the enemy is "
     "formidable.", "the enemy is formidable", "Petraeus"),
    # a hyphenated title the parser broke into several objects of "according to"
    ("Fidel Castro's condition is \"satisfactory\" following surgery according to Cuban vice-premier Carlos Lage "
     "and Cuba's health minister José Ramón Balaguer.", "condition", "Carlos Lage"),
    # a verb of one speaker after two conjoined names is the nearest one's
    ("Castro's condition is stable according to Cuban vice premier Carlos Lage and Cuba's health minister José "
     "Ramón Balaguer who adds that it will not be long before the Cuban leader returns to work.", "not be long",
     "José Ramón Balaguer"),
    # "he said" after an "according to" sentence takes up its source, not the subject it reported
    ("Muqtada al-Sadr was seen as instrumental in Maliki's rise to power. According to Iraqi political analyst "
     "Hazem al-Nuaeimi, Sadr is a thorn in the side of other Shia groups. \"There is a need to minimize the "
     "Sadrists' strength,\" he said.", "a need to minimize", "Hazem al-Nuaeimi"),
    # a clause as the subject of "was" describes nobody: the report that claimed it is the source
    ("Overshadowing the former UN chief's remarks was a BBC report released on Wednesday that claimed that ethnic "
     "groups are now stockpiling guns.", "stockpiling", "BBC"),
    # a participle after "for X" that the parser gave X as subject
    ("Ban Ki-moon visited Qatar on Monday. Ban criticized Israel for the civilian death toll saying, \"While I "
     "was en route to Doha, dozens more civilians have been killed.\"", "en route", "Ban Ki-moon"),
    # a cue the parser joined to the main verb, which says nothing, goes on the cue in between
    ("The news came hours after Mubarak announced he would cooperate with the investigation into corruption "
     "within his regime, and said he would robustly defend himself against what he termed an \"unjust\" "
     "campaign.", "robustly defend", "Mubarak"),
])
def test_speaker_past_parser_slips(text, words, expected):
    assert speaker_of(text, words, "rules") == expected


@pytest.mark.skipif(not available(), reason="no trained weights")
def test_a_second_verb_takes_the_first_ones_subject_not_a_name_in_its_object():
    text = ("Two months before Obama arrived, the government presided over what was widely considered a sham election. "
            "But Obama, making it clear that security trumped other concerns in the Horn of Africa, stood beside Meles's "
            "successor, Prime Minister Hailemariam Desalegn, and described the government as being ''democratically "
            "elected.''")
    assert speaker_of(text, "the government as", "hybrid") == "Obama"


@pytest.mark.parametrize("engine", ENGINES)
def test_the_cue_after_a_quotations_closing_comma_is_its_own(engine):
    # the parser hung the quotation on Quick's "said"; the cue right after its comma is Trump's
    text = ("\"I never said that. I never said that,\" Trump said, after CNBC's Becky Quick said the billionaire "
            "front-runner had derisively referred to Sen. Marco Rubio as the \"personal senator\" of Facebook mogul "
            "Mark Zuckerberg.")
    if engine == "rules":  # (the tagger links the quotation to Quick's "said" itself)
        assert speaker_of(text, "I never said that", engine) == "Trump"
    # no content opens inside the quotation and runs out of it over its cue
    assert not any("Trump said" in text[q.start:q.end] for q in sayso.extract(text, engine=engine).quotes)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_set_off_quotation_is_the_lines_own_cues_not_one_in_a_clause_on_a_noun(engine):
    text = ("Siew Kum Hong writes that those who want to make their views heard online should also be ready to "
            "stand up against any potential onslaught:\n\nYes, I fundamentally believe that it is better to have "
            "more voices speaking up than less. But people have to be willing to stand up for their views.")
    assert speaker_of(text, "I fundamentally believe", engine) == "Siew Kum Hong"


@pytest.mark.parametrize("engine", ENGINES)
def test_some_with_one_named_example_is_the_example(engine):
    text = ("During the visit, Sargysan was accompanied by Yerevan Mayor Taron Margaryan, who didn't meet with "
            "protesters despite repeated pleas. Some, like "
            "Anahit Markosian, called for his resignation on the Armenian Environmental Network Facebook group page:"
            "\n\nI think the latest events at Mashtots park call for mayor Margarian's resignation. Not only has he "
            "shown his unwillingness to solve the problem.")
    assert speaker_of(text, "I think the latest", engine) == "Anahit Markosian"
    # several examples are no one speaker
    several = text.replace("Some, like Anahit Markosian,", "Some, like Anahit Markosian and Levon Barseghyan,")
    analysis = sayso.extract(several, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    assert not any(names.get(q.speaker) == "Anahit Markosian" for q in analysis.quotes)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_name_with_ms_is_a_person_and_one_with_her_full_name(engine):
    # the NER typed both "Swati Maliwal" and "Ms Maliwal" as organisations
    text = ("On Wednesday, Swati Maliwal, head of the Delhi Commission for Women, announced she was beginning a "
            "30-day protest to persuade the government to act.\n\nIn a tweeted statement on Wednesday, Ms Maliwal "
            "demanded offenders who rape children should be executed within six months.")
    analysis = sayso.extract(text, engine=engine)
    maliwal = [a for a in analysis.actors if "Maliwal" in a.name]
    assert [(a.name, a.type.value) for a in maliwal] == [("Swati Maliwal", "PERSON")]
    assert speaker_of(text, "offenders who rape", engine) == "Swati Maliwal"


def test_she_is_the_one_whose_name_says_so_before_one_whose_name_says_nothing():
    # (the main clause's subject would come first, but nothing says Narendra Modi is a "she")
    text = "Prime Minister Narendra Modi met Ms Maliwal on Tuesday in Delhi. She said the law had to change."
    assert speaker_of(text, "the law had to change", "rules") == "Maliwal"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_name_the_ner_missed_after_a_comma_is_no_apposition_of_the_name_before(engine):
    text = ("In a recent report, in view of the upcoming review of Greece by the United Nations' Committee Against "
            "Torture, international human rights NGO Human Rights Watch called the country's attempts to protect "
            "immigrants \"totally insufficient\".")
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    assert all("Committee" not in (names.get(q.speaker) or "") for q in analysis.quotes)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_handle_is_the_account_of_the_name_before_it_in_brackets_or_of_its_surname(engine):
    text = ("Minister Michalis Chrisochoidis announced a new bureau on Monday. Irish journalist Damian Mac Con "
            "Uladh (@damomac) urged the minister to take immediate action.\n\n"
            "@damomac: Minister, please assist in helping this wounded democracy by dismissing those cops.\n\n"
            "@chrisochoidis: The bureau has been upgraded and its decisions will carry more weight.")
    assert "Damian" in speaker_of(text, "please assist", engine)
    assert speaker_of(text, "The bureau has been upgraded", engine) == "Michalis Chrisochoidis"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_name_the_ner_left_out_after_a_nationality_is_a_person(engine):
    text = ("The next day was the highlight of the festival.\n\nPalestinian Roba Salibi wrote:\n\n@RobaSalibi: "
            "Eskenderella is amazing and beyond description. I've enjoyed all of their songs.")
    assert speaker_of(text, "Eskenderella is amazing", engine) == "Roba Salibi"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_post_after_a_line_about_one_named_person_is_hers(engine):
    text = ("The festival closed on Friday.\n\nPalestinian Ebaa Rezeq was sad to see the festival end:\n\n"
            "@Gazanism: I can't believe that I've just said goodbye to the delegation! Thank you from the bottom "
            "of my heart.")
    assert speaker_of(text, "said goodbye", engine) == "Ebaa Rezeq"


def test_he_is_still_the_topic_when_the_object_is_a_man_by_name():
    # "Mark" tells the name lexicon nothing, "Charles" a man: the subject before still leads
    text = ("The MP for the Winchester constituency, Mark Oaten, praised the success of previous leader Charles "
            "Kennedy. He pledged to do all he could to defeat attacks on civil liberties in coming months.")
    assert speaker_of(text, "to do all he could", "rules") == "Mark Oaten"


def test_a_stated_aim_inside_a_belief_is_nobodys_intention():
    text = ("Jordanian authorities arrested al-Balawi more than a year ago. Due to his medical background, it is "
            "believed his mission was to find and meet Ayman al-Zawahiri, al-Qaeda's second-in-command.")
    assert not any("to find and meet" in q.text for q in sayso.extract(text, engine="rules").quotes)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, words, expected", [
    # a post under a handle nobody's name spells is the account's, not a name's after its colon
    ("Some of the tweeple have seconded the information that the sites can now be accessed.\n\n@aditya_bhatt: "
     "TPB and Vimeo are unblocked on Reliance now.", "TPB and Vimeo", "@aditya_bhatt"),
    # the initials of an organisation open its handle
    ("The following day, the Norwegian Helsinki Committee tweeted that many were questioning the concert.\n\n"
     "@nhc_no: Yerevan back to normal after yesterday's accident, with more than 100 hospitalised.",
     "Yerevan back to normal", "Norwegian Helsinki Committee"),
    # after a line about many people, or a cue in a clause on a noun, the post is the account's
    ("Thaksin's appeal for unity is interpreted by some people as betrayal to the cause of the Red Shirts who are "
     "still demanding justice:\n\n@freakingcat: Are the Red shirts so brainwashed and cheered to Thaksin's "
     "betrayal speech. 93 died for the greed of one man.", "so brainwashed", "@freakingcat"),
    # (Global Voices posts of May 2012, CC BY 3.0)
    ("A photo posted by Channel NewsAsia, a mainstream media network has gone viral, shared by Singaporeans who "
     "found it hilariously ironic:\n\n@mrbrown:\u00a0PAP's tagline for\u00a0#hougangbyelection\u00a0is \"Always "
     "Here for You\". This CNA photo caption is awesome.", "PAP's tagline", "@mrbrown"),
    ("On Twitter, most tweeps pick out elements they agree with in the draft constitution:\n\n@luchi7: 50 plus 1 "
     "included in the draft constitution #Zambia", "50 plus 1", "@luchi7"),
])
def test_a_post_under_a_handle(engine, text, words, expected):
    assert speaker_of(text, words, engine) == expected


@pytest.mark.parametrize("engine", ENGINES)
def test_an_office_and_a_name_set_off_after_a_description_name_the_person(engine):
    text = ("Mexico's Foreign Secretary Marcelo Ebrard said the government would pressure the U.S. to protect "
            "Mexicans.\n\nThe foreign minister said Mexico would consider charging the gunman with terrorism. "
            "U.S. officials identified the suspect as Patrick Crusius.\n\nAccording to the El Paso mayor, Dee "
            "Margo, during the weekend, police were investigating whether a manifesto was written by the suspect.")
    assert speaker_of(text, "Mexico would consider", engine) == "Marcelo Ebrard"
    assert speaker_of(text, "police were investigating", engine) == "Dee Margo"


def test_an_office_without_the_same_modifiers_is_not_taken_up():
    text = ("Press Secretary Sean Spicer spoke on Monday.\n\nThe foreign minister said Mexico would consider "
            "charging the gunman with terrorism.")
    assert speaker_of(text, "Mexico would consider", "rules") != "Sean Spicer"


@pytest.mark.skipif(not available(), reason="no trained weights")
def test_a_statement_from_someone_speaks_for_them():
    # (a Wikinews report of 2013, CC BY 2.5)
    text = ("Ryanair, which has never suffered a fatal accident, says the documentary is \"false and defamatory\", "
            "and the IAA says it is \"based upon false and misleading information\". \"We have been instructed to "
            "vigorously prosecute these libel proceedings,\" said a statement from Ryanair's lawyers, who promised "
            "\"other litigation is pending\".")
    assert speaker_of(text, "vigorously prosecute", "hybrid") == "Ryanair's lawyers"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_long_capitalised_title_before_a_name_is_the_names(engine):
    # (a Wikinews report of 2010, CC BY 2.5; the NER reads "National Security Advisor" as a name)
    text = ("Further adding, \"On December 31, the U.S. Embassy sent a warden message to Americans citizens in Yemen "
            "to remind them of the continuing threat of terrorist actions. The U.S. Embassy reminds U.S. citizens to "
            "maintain a high level of vigilance and to practice enhanced security awareness.\"\n\nDeputy National "
            "Security Advisor for Homeland Security and Counterterrorism John O. Brennan said on CNN's State of the "
            "Union with John King, \"There are indications that al Qaeda is planning to carry out an attack.\"")
    assert speaker_of(text, "There are indications", engine) == "John O. Brennan"


@pytest.mark.parametrize("engine", ENGINES)
def test_the_government_takes_up_the_government_named_by_its_country(engine):
    # (a Wikinews report of 2005, CC BY 2.5)
    text = ("Romanian government asks kidnappers to release female journalist\n\nThree Romanian journalists were "
            "kidnapped in Iraq in March. The government has confirmed that the three journalists are all still alive.")
    analysis = sayso.extract(text, engine=engine)
    actors = {a.id: a for a in analysis.actors}
    found = [q for q in analysis.quotes if "still alive" in q.text]
    assert found and "Romanian government" in (actors[found[0].speaker].name, *actors[found[0].speaker].aliases)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_translation_after_a_post_names_no_one_a_pronoun_takes_up(engine):
    # (a Global Voices post of 2012, CC BY 3.0)
    text = HARASSMENT
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    assert "Any fair person" not in {names.get(q.speaker) for q in analysis.quotes}
    # (the English NER reads words in Arabic as names: none is an actor)
    assert all(not any("\u0600" <= ch <= "\u06ff" for ch in a.name) for a in analysis.actors)


HARASSMENT = "Yemen: How Many Women Have Been Subject to Sexual Harassment?\n\nMarwan Almuraisy wanted the newspaper to apologise:\n\n@almuraisy: غرّدوا تحت هذا الهاشتاغ حتى تعتذر صحيفة الحياة عن الخطأ المهني الجسيم وراسلوهم على حسابهم \u200e\u202a#AlHayatFail\u202c\u200f \u200e@alhayatdaily\u200f\n\nTweet with this hashtag and to this account until Al Hayat newspaper apologises for this grave professional mistake \u200e\u202a#AlHayatFail\u202c\u200f \u200e@alhayatdaily\n\nAlmuraisy added in a tweet addressed to Al Hayat deputy editor Jameel Theyabi:\n\n@almuraisy: أي شخص منصف يعلم أن نسبة ٩٠٪ مرفوضة حتى بالنسبة لأكثر الدول تفسخًا وانحلالاً فكيف ببلد محافظ كاليمن؟ \u200e\u202a#AlHayatFail\u202c\u200f \u200e@JameelTheyabi\n\nAny fair person knows that the figure of 90% is unacceptable even for the most liberal and decadent society let alone a conservative society such as Yemen #AlHayatFail\u202c\u200f \u200e@JameelTheyabi\n\nAbeer Al Yosofi wondered:\n\n@im_abeer: الى متي والمرأة اليمنيه ضحية لتقارير ليست عادله ولااساس لها من الصحة !! \u200e\u202a#yemen\n\nUntil when will Yemeni women be the victim of unfair and unfounded reports? #yemen\n\nShe said:\n\n@im_abeer: انا ضدالنسبه وبقوه ولست مؤيده ان في وطني التحرش فاق دول تحرشها ١٠٠٪ صح في تحرشات لفظيه لكن ليس بنسبة ٩٠٪ وليس في اغلب الاماكن!\n\nI object strongly to the percentage and can't accept that harassment in my country exceeds that in countries where harassment is 100%. Yes there is verbal harassment but it is not 90% and not everywhere"


def test_according_to_reports_from_an_outlet_after_and_reports_the_act_after_it():
    # (the rules' reading; the tagger reads the act before the phrase, and its reading stands)
    engine = "rules"
    # (a Wikinews report of 2017, CC BY 2.5)
    text = ("On May 10, President Trump met with Lavrov and Kislyak in the Oval Office and, according to reports "
            "first from the Washington Post, told them about an Islamic State plot to sneak explosives onto airplanes.")
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    found = [(q.text[:20], names.get(q.speaker)) for q in analysis.quotes if q.kind.value == "according_to"]
    assert found == [("told them about an I", "Washington Post")], found


def test_a_language_tag_the_parser_made_a_subject_is_no_subject():
    import spacy
    from spacy.tokens import Doc

    from sayso.extractors.speakers import subject_of

    words = ["Blogger", "Chilakil", "[", "es", "]", "explained", "it", ":"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 5, 5, 5, 5, 5, 5, 5],
              deps=["compound", "npadvmod", "dep", "dep", "nsubj", "ROOT", "dobj", "punct"],
              pos=["PROPN", "PROPN", "X", "X", "PUNCT", "VERB", "PRON", "PUNCT"])
    assert subject_of(doc[5]).text == "Chilakil"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_message_from_a_day_is_not_the_days(engine):
    # (a Wikinews report of 2008, CC BY 2.5)
    text = ("The site went down on Thursday. Posts on the message board for the Scientology-critic site Operation "
            "Clambake from Friday theorized that a denial-of-service attack was under way.")
    assert speaker_of(text, "denial-of-service", engine) != "Friday"


@pytest.mark.parametrize("engine", ENGINES)
def test_an_office_with_its_qualifier_is_one_role_a_description_takes_up(engine):
    """ "Chile's Foreign Secretary Rosa Vial": the title with the words that qualify it is one role,
    so "The foreign minister" later is she (not an actor of its own)."""
    text = ("According to President Luis Mora, six people died. Chile's Foreign Secretary Rosa Vial said the "
            "government would protest. The foreign minister said Chile would also recall its ambassador for talks.")
    assert speaker_of(text, "recall its ambassador", engine) == "Rosa Vial"


@pytest.mark.parametrize("engine", ENGINES)
def test_an_office_told_in_full_before_the_name_is_the_person_named_later(engine):
    """A headline's "Lyon mayor …" and a lead's "The chief executive of …" describe the one person
    the story names later with that office."""
    text = ("Lyon mayor says night flights must stop\n\nOn Monday, Lyon's Mayor Paul Girard said the airport "
            "should close at night. \"We cannot sleep,\" Girard said.")
    assert speaker_of(text, "night flights must stop", engine) == "Paul Girard"
    text = ("The chief executive of the Northern Rail Company says rural lines need more money. Anna Berg, "
            "Chief Executive of Northern Rail Company, told reporters that ten lines could close.")
    assert speaker_of(text, "rural lines need more money", engine) == "Anna Berg"


def test_an_office_not_told_in_full_names_no_one_ahead():
    """ "The minister" alone, or an office that another person holds, is nobody named later."""
    text = ("The minister said the talks had failed. Ana Ruiz, the health minister of Peru, told reporters "
            "that the hospitals were full.")
    assert speaker_of(text, "the talks had failed", "rules") != "Ana Ruiz"


@pytest.mark.parametrize("engine", ENGINES)
def test_it_after_a_sentence_about_a_document_is_the_document(engine):
    """ "The report accuses Israel of …. It says …": "it" is the report (its author), not the last
    thing the sentence named."""
    text = ("A classified European Union report for 2009 says Israel is actively pursuing the annexation of east "
            "Jerusalem. The report accuses Israel of implementing an intricate policy. It says policies are "
            "undermining prospects for a Palestinian capital.")
    assert speaker_of(text, "undermining prospects", engine) == "European Union"


@pytest.mark.parametrize("engine", ENGINES)
def test_the_ministry_is_the_ministry_named_before(engine):
    text = ("The Ministry of Home Affairs has declared the explosions an act of terrorism. Police arrested four "
            "suspects in Patna. The Ministry also believes that the attack could be tied to conflicts in Myanmar.")
    assert "Ministry of Home Affairs" in (speaker_of(text, "tied to conflicts", engine) or "")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_sports_role_takes_up_the_player_the_story_follows(engine):
    text = ("Carlos Ruiz broke the saves record last year. Ruiz was injured on Thursday during batting practice, "
            "and fans reacted quickly. Rivera's team-mate Jon Lee visited him in hospital. Ruiz was in good spirits. "
            "The pitcher said that he would be back next season.")
    assert speaker_of(text, "back next season", engine) == "Carlos Ruiz"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("text", "words", "speaker"), [
    ('John Halloway, writing for the Guardian, described Blockupy as "a glimmer of hope in times of austerity", '
     'and argued that it would bring momentum.', "bring momentum", "John Halloway"),
    ("Some Ethiopians urged Obama to act. A Group of Ethiopians calling themselves Ethiopian National Transition "
     "Council posted a call on their Facebook page to detain Prime Minister Meles Zenawi at Camp David:\n\n"
     "This is a call for all Ethiopians who love their country to come and face him.", "This is a call",
     "Ethiopian National Transition Council"),
])
def test_a_name_beside_a_participle_in_the_source_speaks(engine, text, words, speaker):
    """A source phrase parsed with a participle at its head: the name that is its subject, or the
    name a group goes by ("calling themselves X"), speaks."""
    assert speaker_of(text, words, engine) == speaker


@pytest.mark.parametrize("engine", ENGINES)
def test_a_title_read_into_a_name_leaves_one_person_of_that_surname(engine):
    """ "Justice Mutuna", which the NER reads as one name, is the "Nigel Mutuna" named before."""
    text = ("President Sata suspended Supreme Court Judge Philip Musonda, along with High Court judges Nigel Mutuna "
            "and Charles Kajimanga. Justice Mutuna, in his judgment, ruled that the defendants pay back the debt.")
    analysis = sayso.extract(text, engine=engine)
    assert [a.name for a in analysis.actors if "Mutuna" in a.name] == ["Nigel Mutuna"]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_time_the_parser_hangs_on_a_description_is_no_part_of_it(engine):
    text = ("North Korean leader Kim Jong-un watched the parade. In a nation where speeches by leaders are rare, the "
            "young North Korean leader on Sunday said, \"Superiority in military technology is ours.\"")
    quote = next(q for q in sayso.extract(text, engine=engine).quotes if q.text.startswith("Superiority"))
    assert quote.speaker_mention is not None
    assert text[quote.speaker_mention[0] : quote.speaker_mention[1]] == "the young North Korean leader"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_speakers_bracket_is_closed_in_its_mention(engine):
    """ "Natural Resources Wales (NRW) said": the mention is the name and its acronym, never a
    bracket left open ("Natural Resources Wales (NRW")."""
    text = "Natural Resources Wales (NRW) said more than 100 properties had been flooded on Sunday."
    quote = sayso.extract(text, engine=engine).quotes[0]
    assert quote.speaker_mention is not None
    assert text[quote.speaker_mention[0] : quote.speaker_mention[1]] == "Natural Resources Wales (NRW)"


def test_a_name_ending_a_misparsed_title_speaks_whatever_the_ner_typed_it():
    """ "WHO vaccine chief Jean-Marie Okwo Bele told AFP …", parsed with "vaccine" as a verb and the
    name read as an organisation's: the name at the end of the phrase is the speaker."""
    text = ("WHO vaccine chief Jean-Marie Okwo Bele told AFP he expected a possible vaccine against Ebola to start "
            "clinical trials next month.")
    analysis = sayso.extract(text, engine="rules")
    quote = analysis.quotes[0]
    assert quote.speaker is not None
    assert next(a.name for a in analysis.actors if a.id == quote.speaker) == "Jean-Marie Okwo Bele"


@pytest.mark.parametrize("engine", ENGINES)
def test_the_reporters_question_before_a_speaker_is_no_part_of_the_speaker(engine):
    """ "Asked about the prospects …, Rod Barton, a member of the Iraq Survey Group, said": the
    parser takes the participle for the subject; the speaker is the person named after it."""
    text = ("The Iraq Survey Group reported in 2004 that the trailers were impractical. Asked about the prospects to "
            "turn the trailers into weapons labs, Rod Barton, a member of the Iraq Survey Group, said \"It would be "
            "easier to start all over with just a bucket.\"")
    analysis = sayso.extract(text, engine=engine)
    quote = next(q for q in analysis.quotes if q.text.startswith("It would"))
    assert quote.speaker_mention is not None
    assert text[quote.speaker_mention[0] : quote.speaker_mention[1]].startswith("Rod Barton")
    assert next(a.name for a in analysis.actors if a.id == quote.speaker) == "Rod Barton"


def test_a_name_that_only_modifies_a_noun_is_no_pronouns_antecedent():
    """ "the Cuban revolutionary project … They said": "they" is not "Cuban", an adjective of the project."""
    text = ("The meeting discussed the Cuban revolutionary project at length. They said that the blogs should defend "
            "the state.")
    analysis = sayso.extract(text, engine="rules")
    names = {a.id: a.name for a in analysis.actors}
    assert [names.get(q.speaker) for q in analysis.quotes if q.cue == "said"] != ["Cuban"]


def test_he_is_never_a_question_or_a_document():
    """ "The final question from the audience asked whether … He replied": "he" is the one who
    answers, not the question the parse made a speaker."""
    text = ("President Mahmoud Ahmadinejad spoke at Columbia University on Monday.\n\nThe final question from the "
            "audience asked whether Iran would engage in talks. He replied that Iran was ready to talk.")
    analysis = sayso.extract(text, engine="rules")
    names = {a.id: a.name for a in analysis.actors}
    replied = next(q for q in analysis.quotes if q.cue == "replied")
    assert names.get(replied.speaker) == "Mahmoud Ahmadinejad"


@pytest.mark.parametrize("engine", ["rules", "hybrid"])
def test_a_name_the_parser_hung_as_an_apposition_is_the_subject_of_the_verb_after_it(engine):
    """ "In response to X's resignation, Wael Ghonim, a Google executive, …, wrote on Twitter, a
    micro-blogging website, "…"": Ghonim writes, not the website nor nobody."""
    text = ("In response to the announcement of Shafik's resignation, Wael Ghonim, a Google executive, credited with "
            "organizing the first demonstration, wrote on Twitter, a micro-blogging website, \"Power to the people!\"")
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    assert [names.get(q.speaker) for q in analysis.quotes] == ["Wael Ghonim"]


@pytest.mark.parametrize("engine", ["rules", "hybrid"])
@pytest.mark.parametrize("text, speaker", [
    # "this person" takes up the person just quoted
    ('One of the children said, "Sometimes I still have nightmares." However, this person also said that they '
     'still love their parents.', "One of the children"),
    # a bare description that "also said" is the person who spoke last
    ('One of the satellites took about a year to orbit. Sheppard said, "Our other discovery is a real oddball." '
     'The astronomer also said, "This is an unstable situation."', "Sheppard"),
])
def test_a_description_that_goes_on_speaking_is_the_person_just_quoted(engine, text, speaker):
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    assert [names.get(q.speaker) for q in analysis.quotes] == [speaker, speaker]


def test_he_takes_up_a_surname_the_ner_took_for_an_organisation_when_its_sentence_says_his():
    text = ("The U.S. State Department said in a statement it was deeply concerned by the strikes.\n\n"
            "Zelenskiy, in his nightly video address, called on allies to speed up deliveries of air defence systems. "
            '"Every Patriot is lives saved," he said.')
    analysis = sayso.extract(text, engine="hybrid")
    names = {a.id: a.name for a in analysis.actors}
    assert [names.get(q.speaker) for q in analysis.quotes if "Patriot" in q.text] == ["Zelenskiy"]
    assert {a.name: a.type.value for a in analysis.actors}["Zelenskiy"] == "PERSON"
    # a company with no such sign stays a company, and "he" someone unnamed
    analysis = sayso.extract('Google said on Monday it would appeal. "We disagree," he said.', engine="hybrid")
    assert analysis.quotes[-1].speaker is None


@pytest.mark.skipif(not available(), reason="no trained weights")
def test_a_definite_description_takes_up_the_actor_mentioned_last():
    # "A federal judge" becomes an actor when the tagger reads a report of hers or his
    text = ("A federal judge on Tuesday blocked an order by Governor Rachel Stein. U.S. District Judge Thomas "
            "Whitaker wrote in his ruling that the order \"likely violates\" the law. The judge also ordered the "
            "state to submit a plan within 30 days.")
    assert _speakers(text, "hybrid") == ["Thomas Whitaker", "Thomas Whitaker"]


@pytest.mark.parametrize("text, speaker", [
    ("President Mwai Kibaki and opposition leader Raila Odinga signed the deal. Kibaki and Odinga said that the "
     "accord would be implemented.", "Mwai Kibaki"),
    ("Procter and Gamble said sales rose in the quarter.", "Procter and Gamble"),
])
def test_two_names_joined_by_and_speak_as_the_first(text, speaker):
    assert _speakers(text, "rules") == [speaker]


def test_a_judgement_and_estimates_speak_for_whoever_made_them():
    text = ("Mr Justice Green ruled on Monday. Mr Justice Green's judgement notes that the issues are complex. "
            "Estimates by the World Bank suggest that 15% of women agree.")
    assert _speakers(text, "rules") == ["Green", "World Bank"]


def _speakers(text: str, engine: str) -> list[str | None]:
    """The name of each quote's speaker, in order."""
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    return [names.get(q.speaker) for q in analysis.quotes]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, words, expected", [
    # a name in apposition to the subject is the sentence's topic, not the possessor before it
    ("President-elect Donald Marsh takes office in May. Marsh has made clear he will cut taxes.\n\nMarsh's "
     "proposed Secretary of the Treasury, Paul Okafor, backed the budget before the Senate yesterday. He said "
     "the deficit would shrink.", "the deficit", "Paul Okafor"),
    # whom a quotation names is not the one who says it
    ("Prime Minister Erik Lindqvist and opposition leader Peter Varga met on Monday. At the talks, Varga "
     "accused Lindqvist's party of taking bribes, a charge that Lindqvist quickly denied. \"I will not accept "
     "Varga's lies,\" he said.", "Varga's lies", "Erik Lindqvist"),
    # a name the NER calls a work of art after a closing mark is the person named before
    ("President Abdullahi Yusuf Keita announced a motion to dismiss Omar Diallo.\n\n\"The only obstacle in "
     "front of my government was the president,\" Diallo told members of parliament after the vote, \"and since "
     "I have the confidence of the MPs I hope it will be effective.\" Yusuf had no immediate comment on the "
     "vote, but he had previously stated he would accept the decision.", "would accept", "Abdullahi Yusuf Keita"),
])
def test_pronouns_take_up_the_topic_not_a_name_beside_it(engine, text, words, expected):
    assert speaker_of(text, words, engine) == expected


@pytest.mark.parametrize("text, expected", [
    ("Andrei Sokolov and Yelena Petrova met reporters in Moscow on Monday. She said the talks had failed.",
     "Yelena Petrova"),
    ("Fatima Haddad and Karim Nasser spoke to the crowd. He said the strike would go on.", "Karim Nasser"),
])
def test_given_names_of_world_news_tell_he_from_she(text, expected):
    assert _speakers(text, "rules") == [expected]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, expected", [
    # "saying" after an infinitive's object: the one who orders says it, not the country
    ("Gbagbo ordered the peacekeepers to leave the country saying, \"The government demands the departure of "
     "the forces.\"", "Gbagbo"),
    # "who" right after a name is that person, wherever the parser hung the clause
    ("Gbagbo has offered for several bodies to investigate the election results, which was rejected by "
     "Ouattara who said \"we have finished with these games.\"", "Ouattara"),
])
def test_the_speaker_of_a_quotation_after_a_participle_or_who(engine, text, expected):
    analysis = sayso.extract(text, engine=engine)
    names = {a.id: a.name for a in analysis.actors}
    quotation = [q for q in analysis.quotes if "The government" in text[q.start:q.end] or "finished" in text[q.start:q.end]]
    assert [names.get(q.speaker) for q in quotation] == [expected]


def test_a_pronoun_is_not_the_person_the_quotation_after_it_names():
    # "…, he said. "We have not gotten cooperation from Prime Minister Lindqvist …"": not Lindqvist
    text = ("Prime Minister Erik Lindqvist and President Peter Varga met at the summit. Varga charged Lindqvist's "
            "government with having links with the rebels, a charge that Lindqvist quickly denied. \"I cannot accept "
            "Varga's lies,\" he said. \"These hands are clean.\" He admitted there had been contacts with the rebels."
            "\n\nVarga insisted that Sweden had not done enough to fight the rebels, he said. \"We have not gotten "
            "cooperation from Prime Minister Lindqvist in the fight against terrorism.\"")
    assert speaker_of(text, "Varga insisted", "rules") == "Peter Varga"
    assert speaker_of(text, "We have not gotten cooperation", "rules") == "Peter Varga"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, words, expected", [
    # a name inside the description set off after the person, parsed as a second subject
    ("After the director was fired, Dana Whitfield, an actor in the latest Marvel Studios movie Ant-Man and the "
     "Wasp wrote on Instagram, \"He is one of the kindest people I have ever worked with.\"", "kindest people",
     "Dana Whitfield"),
    # two names joined by "and", however parsed: the first speaks for both
    ("Both the Afghan Taliban and Pakistani Taliban have claimed that they carried out the bombing in Kabul.",
     "carried out", "Afghan Taliban"),
    # a given name alone, as Thai news calls people, is the full name whose surname ends in small letters
    ("Sombat Chaiwong-anan, a social activist who has rallied the Thai people, said the protests would go on. "
     "Later Sombat said, \"We will march again on Sunday.\"", "march again", "Sombat Chaiwong-anan"),
    # one of several people joined by "and" is no "he" beside a lone one
    ("After the defeat, Republican Senators Tom Hale of Ohio, Rick Moss of Utah, and Anna Lund of Iowa each "
     "asked Scott Brown to run again. He alluded to a return in his farewell speech, noting, \"Depending on "
     "what happens, we may meet again.\"", "we may meet again", "Scott Brown"),
    # a name set off before a description of the person at the start of the sentence
    ("Two protesters locked themselves inside the pipeline on Monday. \"This corporation has bullied "
     "landowners,\" added Almonte. Glen Collins, the second protester said, \"I am staying here to say loud and "
     "clear that our town is not for sale.\"", "loud and clear", "Glen Collins"),
    # a given name that says "she" makes the name a person's, whatever type the NER gave it
    ("Russian celebrity and oppositionist figure Ksenia Sobchak also weighed in on the sit-in, despite not "
     "attending the rally. \"I will say it openly,\" she wrote in her blog, \"why I decided not to go.\"",
     "openly", "Ksenia Sobchak"),
    # "they" after people joined by "and", however parsed: the first of them
    ("The minister, his deputy and a colonel in the army visited the hotel on Monday. They officially "
     "apologized, stating it was an individual error.", "individual error", "The minister"),
    # a person's name the NER read on after an organisation's the article named before
    ("Protesters entered the TransCanada site on Monday. In a statement to reporters, spokesperson for "
     "TransCanada Grady Semmens called the protest \"unfortunate\" and said the work had stopped.",
     "the work had stopped", "Grady Semmens"),
])
def test_names_set_off_joined_or_read_into_another(text, words, expected, engine):
    assert speaker_of(text, words, engine) == expected


@pytest.mark.skipif(not available(), reason="no trained weights")
def test_the_name_set_off_after_an_inverted_description():
    text = ("\"The company never asked the people of this town,\" said one of the protesters inside the pipeline, Matt "
            "Almonte in a statement posted to the group's website.")
    assert speaker_of(text, "never asked", "hybrid") == "Matt Almonte"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, words, expected", [
    # a document the text only describes speaks for its described makers
    ("On Wednesday, scientists from the University of Oslo and Polar Expeditions published a study in Scientific "
     "Reports, an online journal, documenting the retreat of the ice. The study found that the seals moved north "
     "when the ice retreated.", "the seals moved north", "scientists from the University of Oslo and Polar Expeditions"),
    ("Earlier, the city council passed a resolution to support the boycott. The resolution read, \"The city "
     "stands with the workers of the port.\"", "stands with the workers", "the city council"),
    # a statement released by someone is theirs, not the last speaker's
    ("The Supreme Council of the Armed Forces met on Thursday. Mohamed ElBaradei, a pro-democracy activist, tweeted "
     "on Twitter that Egypt is \"on the right track.\"\n\nThe statement released by the Council also announced that "
     "Essam Sharaf would be the new prime minister.", "Essam Sharaf", "The Supreme Council of the Armed Forces"),
    # a description of a person, then the name after a comma: the person named
    ("In 2016, the current Roman Catholic Pope, Pope Francis, described abortion as a \"very grave sin\".",
     "grave sin", "Pope Francis"),
])
def test_documents_and_descriptions(text, words, expected, engine):
    assert speaker_of(text, words, engine) == expected


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, words, expected", [
    ("Al Arabiya broadcast an audiotape of a man who said he was with the kidnappers. He identified himself as "
     "Omar Abdi Nur.\n\n\"The talks are going on by radio,\" the man said.", "talks are going on", "Omar Abdi Nur"),
    ("Police arrested two men on Monday. The caller, who gave his name as Ahmed Ali, said the group was "
     "responsible for the attack.", "group was responsible", "Ahmed Ali"),
])
def test_an_unnamed_person_who_gives_a_name_is_the_person_named(text, words, expected, engine):
    assert speaker_of(text, words, engine) == expected


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, words, expected", [
    # "linked the suspect to al-Qaeda saying, "…"": the one who links says it, not the object of
    # the preposition read as the participle's subject
    ("Yesterday, President Tom Baker linked the suspect in the bombing to al-Qaeda saying, \"We know that he "
     "traveled to Yemen.\"", "traveled to Yemen", "Tom Baker"),
    # a reply in a lead-in, tweeted by someone, is theirs
    ("The candidates met on Thursday night.\n\nYet Hamdi Sabahi had a more powerful reply, tweeted by Egyptian "
     "blogger Karim Fathy:\n\n@karim_fathy: Sabahi: If I were president, the events would not have happened "
     "at all #debate", "If I were president", "Karim Fathy"),
    # "the President of the Workers' Party" is who the text gave that office in brackets, not the
    # country's president
    ("President Luiz Inácio Lula da Silva met the press on Monday. The documents named José Genoíno (the "
     "President of the Workers' Party) and Delúbio Soares (the treasurer). After first denying it, the "
     "President of the Workers' Party admitted that the party had taken out the loan.", "taken out the loan",
     "José Genoíno"),
    # "…," said a spokesman … in an interview, NAME.: the name set off at the end is the spokesman
    ("\"As the president flew out to Nairobi, the rebels began shelling the airport,\" said a spokesman for the "
     "presidency in an interview, Yusuf Hassan Ali. \"Peacekeepers responded.\"", "shelling the airport",
     "Yusuf Hassan Ali"),
])
def test_participles_lead_ins_and_offices(text, words, expected, engine):
    assert speaker_of(text, words, engine) == expected


@pytest.mark.parametrize("text, words, expected", [
    # a name after a quotation and a comma outside its marks
    ("Matt Almonte and Glen Collins entered the pipeline on Monday.\n\n\"This corporation has bullied "
     "landowners and expropriated homes\", added Almonte.", "bullied", "Matt Almonte"),
    # a pronoun takes up a description of a person that names nobody
    ("A woman in Spain has been fined 800 euros after posting a photograph of a police car.\n\nThe woman, "
     "who has not been named, saw the car parked in a reserved spot in Petrer and took a photo. She posted "
     "the photo with the caption: \"Park where you please and you will not even be fined.\"",
     "Park where you please", "A woman in Spain"),
    # a named report speaks as itself, not for the agencies that conducted it
    ("The Climate Science Special Report, conducted by thirteen agencies within the United States government, "
     "was released on Friday. The Climate Science Special Report said that human influence was the dominant "
     "cause of the warming.", "human influence", "The Climate Science Special Report"),
])
def test_the_rules_read_marks_descriptions_and_named_reports(text, words, expected):
    assert speaker_of(text, words, "rules") == expected


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, words, expected", [
    # a name that opens with a given name of no known gender is no person when read as a place
    ("Charles J. Fillmore was an American linguist.\n\nAround the same time, Fillmore's Santa Cruz Lectures on "
     "Deixis, delivered in 1971 and published in 1975, contributed to establishing the field of pragmatics.\n\n"
     "In all of this research, he illuminated the importance of semantics, and said that meaning drives syntax.",
     "meaning drives syntax", "Charles J. Fillmore"),
    # people after "with" in brackets, misread as a subject, are not "their"
    ("Charles J. Fillmore was an American linguist.\n\nOne of Fillmore's most widely noticed works of the time "
     "(with Paul Kay and Cathy O'Connor) appeared in 'Language' in 1988 as \"Regularity and Idiomaticity in "
     "Grammatical Constructions\". Their paper argued that meaning drives grammar.", "meaning drives grammar",
     "Their paper"),
])
def test_guards_on_names_read_as_people(text, words, expected, engine):
    assert speaker_of(text, words, engine) == expected
