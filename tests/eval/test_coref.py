"""Coreference scores on a tiny hand-made gold document and predictions (no model)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from sayso.cli import main
from sayso.errors import InputError
from sayso.eval.coref import read_documents
from sayso.eval.coref_scoring import PredictedActor, PredictedQuote, Resolution, categories, score_document
from sayso.eval.gum import CorefDocument, Entity, Mention

TEXT = "Hamdullah Mohib arrived. Mohib said he was glad. The ambassador left. Ann Lee said it rained."


def span(phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return start, start + len(phrase)


def mention(phrase: str, kind: str, head: str | None = None, nth: int = 0) -> Mention:
    s, e = span(phrase, nth)
    h = TEXT.index(head or phrase, s)
    return Mention(s, e, (h, h + len(head or phrase)), kind, phrase)


MOHIB = Entity("1", "person", (mention("Hamdullah Mohib", "name", "Mohib"), mention("Mohib", "name", nth=1),
                               mention("he", "pronoun"), mention("The ambassador", "description", "ambassador")))
LEE = Entity("2", "person", (mention("Ann Lee", "name", "Lee"),))
RAIN = Entity("3", "abstract", (mention("it", "pronoun"),))
DOC = CorefDocument("news_toy", "news", TEXT, (MOHIB, LEE, RAIN))
SECOND_MOHIB = span("Mohib", 1)


def test_categories_pick_third_person_pronouns_descriptions_and_short_names():
    assert [categories(MOHIB, m, TEXT) for m in MOHIB.mentions] == [
        [], ["short_name"], ["pronoun", "pronoun_person"], ["description"]]
    assert categories(LEE, LEE.mentions[0], TEXT) == []  # a singleton has nothing to resolve
    assert categories(RAIN, RAIN.mentions[0], TEXT) == []  # not a person or organisation


def test_a_description_before_the_name_is_named_later():
    text = "A spokesman for the union said no. John Smith, the spokesman, left."

    def at(phrase: str, head: str) -> tuple[int, int, tuple[int, int]]:
        s, h = text.index(phrase), text.index(head, text.index(phrase))
        return s, s + len(phrase), (h, h + len(head))

    entity = Entity("1", "person", (Mention(*at("A spokesman for the union", "spokesman"), "other", "A spokesman…"),
                                    Mention(*at("John Smith", "Smith"), "name", "John Smith"),
                                    Mention(*at("the spokesman", "spokesman"), "description", "the spokesman")))
    assert [categories(entity, m, text) for m in entity.mentions] == [["named_later"], [], ["description"]]
    text = "Biologist Nick Bos spoke. Nick Bos left."
    holding = Entity("2", "person", (Mention(*at("Biologist Nick Bos", "Biologist"), "other", "Biologist Nick Bos"),
                                     Mention(*at("Nick Bos left", "Bos"), "name", "Nick Bos")))
    assert categories(holding, holding.mentions[0], text) == []  # it holds the name


def test_right_resolutions_score_full_marks():
    actors = [PredictedActor("a1", "Hamdullah Mohib", (span("Hamdullah Mohib"), SECOND_MOHIB, span("he"),
                                                       span("The ambassador")), ("Mohib",)),
              PredictedActor("a2", "Ann Lee", (span("Ann Lee"),))]
    quotes = [PredictedQuote(SECOND_MOHIB, "a1"), PredictedQuote(span("Ann Lee"), "a2")]
    scores, errors = score_document(DOC, actors, quotes)
    assert scores.resolution == {"description": Resolution(1, 1, 1), "pronoun": Resolution(1, 1, 1),
                                 "pronoun_person": Resolution(1, 1, 1), "short_name": Resolution(1, 1, 1)}
    assert (scores.clustering.p, scores.clustering.r, scores.clustering.matched) == (1.0, 1.0, 3)
    assert scores.speakers == {"name": Resolution(2, 2, 2)}
    assert errors == []


def test_wrong_and_missing_resolutions_are_counted_and_listed():
    actors = [PredictedActor("a1", "Hamdullah Mohib", (span("Hamdullah Mohib"),)),
              PredictedActor("a2", "Mohib", (SECOND_MOHIB,)),  # the surname split off
              PredictedActor("a3", "Ann Lee", (span("he"), span("Ann Lee")))]  # "he" given to Ann Lee
    quotes = [PredictedQuote(span("he"), "a3")]
    scores, errors = score_document(DOC, actors, quotes)
    assert scores.resolution["pronoun"] == Resolution(1, 1, 0)
    assert scores.resolution["description"] == Resolution(1, 0, 0)  # sayso has no mention of it
    assert scores.resolution["short_name"] == Resolution(1, 1, 0)
    assert scores.clustering.p == 1.0 and scores.clustering.r == pytest.approx(2 / 3)
    assert scores.speakers == {"pronoun-3rd": Resolution(1, 1, 0)}
    got = {(e.category, e.gold, e.got) for e in errors}
    assert ("pronoun", "Hamdullah Mohib", "Ann Lee = Ann Lee") in got
    assert ("short_name", "Hamdullah Mohib", "Mohib (an actor of its own)") in got
    assert ("speaker:pronoun-3rd", "Hamdullah Mohib", "Ann Lee = Ann Lee") in got


def test_a_description_speaker_of_a_named_entity_must_be_linked_to_the_name():
    alone = [PredictedActor("a1", "The ambassador", (span("The ambassador"),))]
    scores, errors = score_document(DOC, alone, [PredictedQuote(span("The ambassador"), "a1")])
    assert scores.speakers == {"description": Resolution(1, 1, 0)}
    assert errors[-1].got == "The ambassador (an actor of its own)"
    linked = [PredictedActor("a1", "Hamdullah Mohib", (span("Hamdullah Mohib"), span("The ambassador")))]
    scores, _ = score_document(DOC, linked, [PredictedQuote(span("The ambassador"), "a1")])
    assert scores.speakers == {"description": Resolution(1, 1, 1)}


def test_merged_actors_lower_bcubed_precision():
    actors = [PredictedActor("a1", "Hamdullah Mohib", (span("Hamdullah Mohib"), SECOND_MOHIB, span("Ann Lee")))]
    scores, _ = score_document(DOC, actors, [])
    assert scores.clustering.p == pytest.approx(5 / 9) and scores.clustering.r == 1.0


def test_a_speaker_phrase_stands_for_its_first_mention():
    text = "Lydia Buchtmann for Food Standards Australia says so."
    lydia = Mention(0, 15, (10, 15), "name", "Lydia Buchtmann")
    fsa = Mention(20, 45, (41, 45), "name", "Food Standards Australia")
    doc = CorefDocument("news_fsa", "news", text, (Entity("1", "person", (lydia,)), Entity("2", "organization", (fsa,))))
    actors = [PredictedActor("a1", "Lydia Buchtmann", ((0, 45),))]
    scores, errors = score_document(doc, actors, [PredictedQuote((0, 45), "a1")])
    assert scores.speakers == {"name": Resolution(1, 1, 1)}, errors


def _write(path, *docs):
    path.write_text("".join(json.dumps(d.to_dict()) + "\n" for d in docs), encoding="utf-8")


def test_a_turn_label_outside_the_gold_does_not_hide_the_speaker_it_names():
    text = "Daly studies anemones.\n\nMarymegan Daly: I would love to go."
    daly, label, me = (text.index("Daly"), 4), (text.index("Marymegan Daly"), 14), (text.index("I would"), 1)
    spans = [(s, s + n) for s, n in (daly, label, me)]
    entity = Entity("1", "person", (Mention(*spans[0], spans[0], "name", "Daly"),
                                    Mention(*spans[2], spans[2], "pronoun", "I")))
    doc = CorefDocument("interview_toy", "interview", text, (entity,))
    actors = [PredictedActor("a1", "Marymegan Daly", tuple(spans))]  # the label is no GUM mention
    scores, errors = score_document(doc, actors, [PredictedQuote(spans[2], "a1")])
    assert scores.speakers["pronoun-1st/2nd"] == Resolution(1, 1, 1), errors


def test_read_documents_filters_genres_and_refuses_held_out_test_documents(tmp_path):
    _write(tmp_path / "news.jsonl", DOC)
    assert [d.name for d in read_documents(tmp_path)] == ["news_toy"]
    with pytest.raises(InputError, match="no documents of genre bio"):
        read_documents(tmp_path, ("bio",))
    held = CorefDocument("news_crane", "news", TEXT, ())  # a test document of the real-news set
    _write(tmp_path / "news.jsonl", DOC, held)
    with pytest.raises(InputError, match="held out"):
        read_documents(tmp_path)


def test_cli_reports_a_missing_corpus_in_one_line(tmp_path):
    result = CliRunner().invoke(main, ["eval", "coref", str(tmp_path / "nowhere"), "--no-progress"])
    assert result.exit_code == 2
    assert "no coreference .jsonl files" in result.output and "Traceback" not in result.output
