"""sayso quotes and sayso export with statement types, as a user runs them on a small store."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from sayso.cli import main
from sayso.ingest import Record
from sayso.store import Store

from .conftest import build

TEXTS = {
    "letter.txt": "Ana Ruiz wrote that the bridge would reopen in May.",
    "council.txt": "Paul Greer said the budget was balanced. Greer believes the steel will arrive late.",
    "post.txt": "“The tolls will go,” Ana Ruiz wrote on Twitter.",
}


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """The texts above, ingested as a user would (rule engine)."""
    folder = tmp_path_factory.mktemp("typed")
    for name, text in TEXTS.items():
        (folder / name).write_text(text, "utf-8")
    path = folder / "news.db"
    result = run("ingest", *(str(folder / name) for name in TEXTS), "--db", str(path), "--no-progress")
    assert result.exit_code == 0, result.output
    return path


def quotes(db, *args: str) -> list[dict]:
    result = run("quotes", "--db", str(db), "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_quotes_carry_their_statement_type(db):
    types = {q["text"]: q["type"] for q in quotes(db)}
    assert types == {"that the bridge would reopen in May": "writing", "the budget was balanced": "speech",
                     "the steel will arrive late": "belief", "The tolls will go": "writing"}


@pytest.mark.parametrize("args, expected", [
    (["--type", "writing"], {"that the bridge would reopen in May", "The tolls will go"}),
    (["--type", "WRITING,belief"], {"that the bridge would reopen in May", "The tolls will go",
                                    "the steel will arrive late"}),
    (["--type", "speech", "--type", "belief"], {"the budget was balanced", "the steel will arrive late"}),
    (["--type", "writing", "--kind", "direct"], {"The tolls will go"}),
    (["--type", "intention"], set()),
])
def test_type_filter(db, args, expected):
    assert {q["text"] for q in quotes(db, *args)} == expected


def test_table_and_csv_show_the_type(db):
    table = run("quotes", "--db", str(db), "--type", "belief").output.splitlines()
    assert table[0].split()[5:7] == ["type", "quote"]
    assert len(table) == 2 and " belief " in table[1] and "the steel will arrive late" in table[1]
    rows = list(csv.DictReader(io.StringIO(run("quotes", "--db", str(db), "--format", "csv").output)))
    assert {r["text"]: r["type"] for r in rows}["the budget was balanced"] == "speech"


def test_an_unknown_type_is_a_one_line_error(db):
    result = CliRunner().invoke(main, ["quotes", "--db", str(db), "--type", "speech,gossip"])
    assert result.exit_code == 2
    assert "'gossip' is not one of speech, writing, belief, intention, unspecified" in result.output
    assert "Traceback" not in result.output


def test_exports_carry_the_type(db, tmp_path):
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", str(db), "--format", "csv").output)))
    assert {r["text"]: r["type"] for r in rows}["The tolls will go"] == "writing"
    articles = [json.loads(line) for line in run("export", "--db", str(db), "--format", "jsonl").output.splitlines()]
    assert {q["text"]: q["type"] for a in articles for q in a["quotes"]}["the steel will arrive late"] == "belief"
    assert run("export", "--db", str(db), "--format", "brat", "--out", str(tmp_path / "brat")).exit_code == 0
    ann = (tmp_path / "brat" / "attributions").glob("*.ann")
    found = {}
    for path in ann:
        lines = path.read_text("utf-8").splitlines()
        content = {line.split("\t")[0]: line.split("\t")[2] for line in lines if line.startswith("T")}
        for line in lines:
            if line.startswith("E"):
                event, args = line.split("\t")
                words = content[dict(a.split(":") for a in args.split())["Content"]]
                kind = next(x.split()[3] for x in lines if x.startswith("A") and x.split()[1:3] == ["Type", event])
                found[words] = kind
    assert found == {"that the bridge would reopen in May": "writing", "the budget was balanced": "speech",
                     "the steel will arrive late": "belief", "The tolls will go": "writing"}


def test_quotes_nobody_is_named_for_come_only_when_asked_for(tmp_path):
    text = "The troops have been accused of hurting civilians. Nobody knows, Ana said."
    analysis = build(text, {"a1": {"name": "Ana", "type": "PERSON", "mentions": ["Ana"]}}, [
        {"kind": "indirect", "text": "hurting civilians", "cue": "accused"},
        {"kind": "indirect", "text": "Nobody knows", "speaker": "a1", "by": "Ana", "cue": "said"}])
    path = tmp_path / "talk.db"
    with Store(path) as store:
        store.add(Record(key="talk.txt", text=text), analysis)
    assert [q["text"] for q in quotes(path)] == ["Nobody knows"]
    assert [q["text"] for q in quotes(path, "--include-unattributed")] == ["hurting civilians", "Nobody knows"]
    table = run("quotes", "--db", str(path), "--include-unattributed").output
    assert "hurting civilians" in table and "—" in table  # no speaker: a dash
