"""What the README says is what sayso does, and what a reader sees is readable: JSON that is
JSON, documented exit codes, whole quotes in files, split quotes without "he said" inside."""
from __future__ import annotations

import contextlib
import inspect
import io
import json
import re
import shutil

import pytest
from click.testing import CliRunner

import sayso
from sayso import errors
from sayso.cli import main
from sayso.claims import Claim, Report
from sayso.report import render
from sayso.views import PALETTE, claim_label, claim_view, speaker_colour

from .conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")
SAMPLE = ROOT / "data" / "samples" / "militia-funding.txt"
SPLIT = ("Budget Cuts Loom in Millbrook\n\n“We will not raise taxes this year,” Mayor Helen Brannigan said on "
         "Monday. “The reserves will carry us through the winter and well into the spring, whatever the "
         "council decides about the new library and the bus depot.”\n")


def run(*args: str, **kwargs):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False, **kwargs)
    return result


def test_relations_json_is_one_array_and_jsonl_one_object_per_line():
    out = run("relations", str(SAMPLE), str(SAMPLE), "--format", "json").output
    records = json.loads(out)
    assert isinstance(records, list) and records and len(records) % 2 == 0
    assert {"subject_name", "object_name", "source"} <= set(records[0])
    lines = run("relations", str(SAMPLE), "--format", "jsonl").output.splitlines()
    assert [json.loads(line) for line in lines] == records[: len(records) // 2]


def test_every_exit_code_is_documented():
    table = README.split("### Exit codes", 1)[1].split("\n\n", 1)[0]
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", table, re.M)}
    codes = {cls.exit_code for cls in vars(errors).values()
             if isinstance(cls, type) and issubclass(cls, errors.SaysoError)}
    assert codes | {0, 130} <= documented


def test_the_python_example_prints_names_not_reprs():
    block = README.split("### From Python\n```python\n", 1)[1].split("\nimport spacy", 1)[0]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(block, {"text": SAMPLE.read_text("utf-8")})  # noqa: S102 - the README's own example
    printed = out.getvalue()
    assert printed and "QuoteKind." not in printed and "Actor(" not in printed and "None" not in printed
    assert re.search(r"^(direct|indirect|mixed|partial|according_to) ", printed, re.M)


@pytest.fixture
def stored(tmp_path, monkeypatch):
    """SPLIT ingested from news/budget.txt with the working directory at tmp_path."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "budget.txt").write_text(SPLIT, "utf-8")
    assert run("ingest", "news/budget.txt", "--db", "n.db", "--no-progress").exit_code == 0
    return tmp_path


def test_quotes_written_to_a_file_are_whole_and_split_quotes_show_their_own_words(stored):
    out = run("quotes", "--db", "n.db", env={"COLUMNS": "60"}).output
    assert "whatever the council decides about the new library and the bus depot" in out
    assert "this year … The reserves" in out and "Brannigan said" not in out.split("quote", 1)[1]


def test_show_finds_a_file_however_its_path_is_written(stored):
    copy = stored / "elsewhere.txt"
    shutil.copy(stored / "news" / "budget.txt", copy)
    for ref in ("news/budget.txt", "./news/budget.txt", str(stored / "news" / "budget.txt"), str(copy)):
        result = run("show", ref, "--db", "n.db", "--no-color")
        assert result.exit_code == 0, (ref, result.output)
        assert result.output.startswith("Budget Cuts Loom in Millbrook")  # a .txt's title: its first line
    (stored / "other.txt").write_text("Something else entirely.", "utf-8")
    missing = run("show", "other.txt", "--db", "n.db")
    assert missing.exit_code == 4 and "not ingested" in missing.output


def test_eval_certainty_runs_from_any_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("eval", "certainty", "--split", "test", "--errors", "0")
    assert result.exit_code == 0, result.output
    assert "certainty.jsonl" in result.output and "items" in result.output


def test_the_polnear_report_names_the_split_it_ran_on():
    from sayso.eval.report import format_markdown, format_table
    from sayso.eval.scoring import EvalReport

    report = EvalReport("polnear", "test", articles=0, gold_attributions=0, mismatches=0, systems={})
    assert "dev" not in format_table(report) and "test split too" in format_table(report)
    assert "--split test" in format_markdown(report) and "held out here" not in format_markdown(report)


def test_extract_many_yields_outcomes_in_input_order(monkeypatch):
    monkeypatch.setenv("SAYSO_MAX_CHARS", "40")
    items = [("a", "x" * 50), ("b", "He said it."), ("c", "y" * 60), ("d", "z" * 70), ("e", "She left."),
             ("f", "w" * 90)]
    for size in (1, 4):
        outcomes = list(sayso.extract_many(items, batch_size=size))
        assert [o.key for o in outcomes] == list("abcdef")
        assert [o.analysis is not None for o in outcomes] == [False, True, False, False, True, False]


def test_the_terminal_report_joins_a_split_quote_without_the_attribution():
    analysis = sayso.extract(SPLIT)
    (quote,) = [q for q in analysis.quotes if len(q.parts) > 1]
    report = render(analysis)
    assert "this year … The reserves" in report
    body = report.split("Quotes (", 1)[1]
    assert "Brannigan said on" not in body.split("\n", 2)[2]  # in the quote line's speaker, not its words


def test_speaker_colours_do_not_repeat_past_the_palette():
    colours = [speaker_colour(i) for i in range(60)]
    assert colours[: len(PALETTE)] == list(PALETTE) and len(set(colours)) == 60


def _report(position: str, source: str) -> Report:
    return Report(quote_id=1, article_id=1, local_id="q1", source=source, text="x", start=0, end=1,
                  kind="indirect", speaker=None, speaker_id=None, cue="denied", certainty="doubted",
                  polarity="negative", position=position, published=None, title=None, url=None,
                  words="the dam was never inspected")


def test_a_claim_every_report_denies_says_all_deny():
    denied = Claim(id=1, text="x", verdict="agree", sources=("A", "B"), speakers=(), terms=("dam",), similarity=1.0,
                   reports=(_report("denies", "A"), _report("denies", "B")))
    assert claim_label(denied) == "all deny"
    assert claim_view([denied]).startswith("ALL DENY")
    mixed = Claim(**{**denied.__dict__, "reports": (_report("denies", "A"), _report("affirms", "B"))})
    assert claim_label(mixed) == "mixed"  # opposite positions, no pair close enough for a contradiction


def test_claims_show_words_as_written(tmp_path):
    from sayso.batch import ingest
    from sayso.claims import find_claims
    from sayso.store import Store

    with Store(tmp_path / "dam.db") as store:
        ingest([str(ROOT / "data" / "samples" / "dam-breach.jsonl")], store, engine="rules")
        claims = find_claims(store)
    assert claims
    for claim in claims:
        written = " ".join(r.words.lower() for r in claim.reports)
        assert all(re.search(rf"\b{re.escape(term)}\b", written) for term in claim.terms), claim.terms


def test_the_readme_quote_example_has_every_quote_field():
    from sayso.types import Quote

    line = README.split("$ sayso extract article.txt --format json\n", 1)[1].split("\n", 1)[0]
    assert list(json.loads(line)) == list(Quote.from_dict(json.loads(line)).to_dict())


def test_the_readme_lists_every_quote_filter_of_the_cli_and_the_api():
    quotes_command = main.commands["quotes"]
    synopsis = README.split("- `sayso quotes ", 1)[1].split("` — ", 1)[0]
    for option in quotes_command.params:
        if option.name not in ("db", "color"):
            assert option.opts[0] in synopsis, option.opts[0]
    pytest.importorskip("fastapi")
    from sayso.server.api import list_quotes

    row = next(line for line in README.splitlines() if line.startswith("| `GET /quotes`"))
    for name in inspect.signature(list_quotes).parameters:
        if name not in ("request", "offset", "limit"):
            assert f"`{name}" in row, name
