"""The real-news scorer: statements, the right speaker entity, kinds and types."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from sayso.cli import main
from sayso.errors import InputError
from sayso.eval.brat import parse_ann
from sayso.eval.news import PredictedStatement, evaluate_news, score_news_article

TEXT = 'Ann Lee is a senator. "We won," she said. Bob Stone said the count was wrong.'
ANN = """T1\tAttribution 36 40\tsaid
T2\tSource 32 35\tshe
T3\tCue 36 40\tsaid
T4\tContent 23 29\tWe won
T5\tSpeaker 0 7\tAnn Lee
E1\tAttribution:T1 Source:T2 Cue:T3 Content:T4 Speaker:T5
A1\tType E1 speech
A2\tKind E1 direct
A3\tCertainty E1 asserted
T6\tAttribution 52 56\tsaid
T7\tSource 42 51\tBob Stone
T8\tCue 52 56\tsaid
T9\tContent 57 76\tthe count was wrong
E2\tAttribution:T6 Source:T7 Cue:T8 Content:T9
A4\tType E2 speech
A5\tKind E2 indirect
"""


def gold():
    attributions, mismatches = parse_ann(ANN, TEXT)
    return attributions, mismatches


def test_speaker_and_attributes_are_read():
    (first, second), mismatches = gold()
    assert mismatches == 0
    assert TEXT[first.content[0][0]:first.content[0][1]] == "We won"
    assert TEXT[slice(*first.speaker[0])] == "Ann Lee"
    assert (first.type, first.kind, first.certainty) == ("speech", "direct", "asserted")
    assert second.speaker == () and second.kind == "indirect"


def test_right_speaker_needs_the_entity_not_the_pronoun():
    attributions, _ = gold()
    she = PredictedStatement(content=((23, 29),), source=(32, 35), speaker_mentions=((32, 35),), kind="direct")
    resolved = PredictedStatement(content=((23, 29),), source=(32, 35), speaker_mentions=((0, 7), (32, 35)),
                                  speaker="Ann Lee", kind="direct")
    bob = PredictedStatement(content=((57, 76),), source=(42, 51), kind="indirect")
    unresolved, _ = score_news_article(TEXT, attributions, [she, bob])
    right, errors = score_news_article(TEXT, attributions, [resolved, bob])
    assert unresolved.speaker.hits == 1 and unresolved.speaker.total == 2  # Bob by his source span
    assert right.speaker.hits == 2
    assert right.statements.tp == 2 and right.statements.fp == 0
    assert right.exact.tp == 2  # trailing "." is trimmed on both sides
    assert right.gold_kinds["direct"].share == 1.0 and right.gold_types["speech"].total == 2
    assert not errors.missed and not errors.invented


def test_inventions_and_misses_are_counted():
    attributions, _ = gold()
    headline = PredictedStatement(content=((0, 20),), kind="indirect")
    scores, errors = score_news_article(TEXT, attributions, [headline])
    assert scores.statements.fp == 1 and scores.statements.fn == 2 and scores.speaker.hits == 0
    assert len(errors.missed) == 2 and len(errors.invented) == 1


@pytest.fixture
def corpus(tmp_path):
    for split in ("dev", "test"):
        (tmp_path / split / "text").mkdir(parents=True)
        (tmp_path / split / "attributions").mkdir()
        (tmp_path / split / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
        (tmp_path / split / "attributions" / "a_x.ann").write_text(ANN, encoding="utf-8")
    return tmp_path


def test_errors_are_not_listed_for_the_test_split(corpus):
    with pytest.raises(InputError, match="reporting only"):
        evaluate_news(corpus, split="test", systems=("rules",), progress=False, keep_errors=True)


def test_cli_prints_the_table_and_json(corpus, tmp_path):
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["eval", "news", str(corpus), "--systems", "rules", "--no-progress",
                                       "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "right speaker" in result.output and "2 gold statements" in result.output
    report = json.loads(out.read_text())
    assert report["systems"]["rules"]["scores"]["statements"]["tp"] >= 1


def test_only_and_skip_choose_the_articles_scored(corpus, tmp_path):
    (corpus / "dev" / "text" / "b.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "dev" / "attributions" / "b_x.ann").write_text(ANN, encoding="utf-8")
    names = tmp_path / "names.txt"
    names.write_text("# held out\nb\n", encoding="utf-8")
    every = evaluate_news(corpus, systems=("rules",), progress=False)
    only = evaluate_news(corpus, systems=("rules",), progress=False, only=("b",))
    assert (every.articles, every.gold_statements) == (2, 4) and (only.articles, only.gold_statements) == (1, 2)
    result = CliRunner().invoke(main, ["eval", "news", str(corpus), "--systems", "rules", "--no-progress",
                                       "--skip", str(names)])
    assert result.exit_code == 0 and "2 gold statements" in result.output, result.output
    result = CliRunner().invoke(main, ["eval", "news", str(corpus), "--systems", "rules", "--no-progress",
                                       "--only", str(names), "--skip", str(names)])
    assert result.exit_code != 0 and "among those chosen" in result.output, result.output


def test_the_actor_named_as_the_gold_speaker_is_right_wherever_its_mentions_are():
    attributions, _ = gold()
    named = PredictedStatement(content=((23, 29),), source=(32, 35), speaker_mentions=((32, 35),), speaker="ann  LEE")
    surname = PredictedStatement(content=((23, 29),), source=(32, 35), speaker_mentions=((32, 35),), speaker="Lee")
    assert score_news_article(TEXT, attributions, [named])[0].speaker.hits == 1
    assert score_news_article(TEXT, attributions, [surname])[0].speaker.hits == 0


def test_evaluations_run_the_tagger_they_are_given(corpus, tmp_path):
    missing = tmp_path / "no-model"
    for command in (["eval", "news", str(corpus)], ["eval", "polnear", str(corpus)]):
        result = CliRunner().invoke(main, [*command, "--systems", "hybrid", "--no-progress",
                                           "--attribution-model", str(missing)])
        assert result.exit_code != 0 and "no weights in" in result.output and str(missing) in result.output, \
            result.output
