"""sayso quotes --lang and sayso export --lang over a folder of one English and one French article,
ingested as a user would (the language is identified at ingest)."""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from sayso.cli import main

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = ROOT / "data" / "samples" / "city-budget.txt"
FRENCH = ROOT / "data" / "eval" / "news-fr" / "dev" / "text" / "obama_coach.txt"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("langs")
    news = folder / "news"
    news.mkdir()
    for path in (ENGLISH, FRENCH):
        shutil.copy(path, news / path.name)
    db = folder / "news.db"
    result = run("ingest", str(news), "--db", str(db), "--no-progress")
    assert result.exit_code == 0, result.output
    return db


def quotes(db: Path, *args: str) -> list[dict]:
    result = run("quotes", "--db", str(db), "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_quotes_lang_lists_only_the_statements_of_that_language(db):
    french_text, english_text = FRENCH.read_text("utf-8"), ENGLISH.read_text("utf-8")
    french, english, every = quotes(db, "--lang", "fr"), quotes(db, "--lang", "EN"), quotes(db)
    assert french and english
    assert all(q["text"] in french_text and q["text"] not in english_text for q in french)
    assert all(q["text"] in english_text for q in english)
    assert len({q["article_id"] for q in french}) == len({q["article_id"] for q in english}) == 1
    assert sorted(q["id"] for q in french + english) == sorted(q["id"] for q in every)
    assert quotes(db, "--lang", "de") == []


def test_export_lang_keeps_the_articles_of_that_language(db):
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", str(db), "--format", "csv", "--table",
                                                "articles").output)))
    assert sorted(r["lang"] for r in rows) == ["en", "fr"]
    french = run("export", "--db", str(db), "--format", "jsonl", "--lang", "fr").output.splitlines()
    assert [json.loads(line)["lang"] for line in french] == ["fr"]


def test_a_bad_language_is_a_one_line_error(db):
    result = CliRunner().invoke(main, ["quotes", "--db", str(db), "--lang", "french"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "'french' is not a language code; use two letters of ISO 639-1" in result.output
