"""A lone surrogate (JSON "\\ud800" without its pair) is bad input for its article only: the
reader fails that line, ingest stores the rest of the batch, the library raises InvalidText."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from sayso.batch import ingest
from sayso.errors import InputError, InvalidText, SaysoError
from sayso.ingest import Record
from sayso.ingest.jsonl import read_jsonl_stream
from sayso.store import Store

LINES = [
    '{"text": "“The bridge will open in May,” said Maria Lopez, the mayor."}',
    '{"text": "“It will not,” said Karl Stein. \\ud800", "title": "Bridge"}',
    '{"text": "Elena Ruiz said the budget was balanced.", "meta": {"tags": ["ok", "\\udfff"]}}',
    '{"text": "“Paired escapes are fine \\ud83d\\ude00,” said Tomas Whitaker."}',
    '{"text": "Priya Castellano said the council would vote on Tuesday."}',
]


def test_the_reader_fails_each_line_with_a_lone_surrogate_naming_the_field():
    items = list(read_jsonl_stream(io.BytesIO("\n".join(LINES).encode()), "wire.jsonl"))
    assert [type(i).__name__ for i in items] == ["Record", "Failure", "Failure", "Record", "Record"]
    assert items[1].key == "wire.jsonl:2" and items[1].reason.startswith("field 'text' holds a lone surrogate")
    assert items[2].reason.startswith("field 'meta.tags[1]' holds a lone surrogate (0xdfff")
    assert items[3].text.endswith("fine 😀,” said Tomas Whitaker.")


def test_ingest_stores_the_rest_of_the_batch(tmp_path, nlp):
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    store = Store(":memory:")
    summary = ingest([str(path)], store, commit_every=8, engine="rules")
    assert (summary.read, summary.stored, summary.failed) == (5, 3, 2)
    assert store.counts()["articles"] == 3
    assert [f.key for f in summary.failures] == [f"{path}:2", f"{path}:3"]


def test_a_record_with_a_lone_surrogate_from_the_library_fails_alone(monkeypatch, nlp):
    """Records that do not come from JSONL (a caller's own source) are checked too."""
    records = [Record(key="a", text="Maria Lopez said the plan would work."),
               Record(key="b", text="Karl Stein said \udc80 it would not."),
               Record(key="c", text="Elena Ruiz said nothing.", title="Bad \ud800 title"),
               Record(key="d", text="Tomas Whitaker said the budget was balanced.")]
    monkeypatch.setattr("sayso.batch.Sources.read", lambda self, sources: iter(records))
    monkeypatch.setattr("sayso.batch.Sources.check", lambda self, sources: None)
    store = Store(":memory:")
    summary = ingest(["records"], store, engine="rules")
    assert (summary.stored, summary.failed) == (2, 2)
    assert [f.reason.split(" holds")[0] for f in summary.failures] == ["the text", "the title"]


def test_extract_raises_invalid_text_with_a_clear_message():
    from sayso import extract

    with pytest.raises(InvalidText) as caught:
        extract("“It will not,” said Karl Stein. \ud800")
    assert isinstance(caught.value, InputError) and isinstance(caught.value, SaysoError)
    assert caught.value.http_status == 400
    assert "lone surrogate (0xd800 at character 32)" in str(caught.value)


def test_cli_ingest_of_jsonl_on_stdin_stores_the_valid_lines(tmp_path):
    db = tmp_path / "sayso.db"
    result = subprocess.run([sys.executable, "-m", "sayso", "ingest", "-", "--from", "jsonl", "--db", str(db),
                             "--no-progress", "--json"], input="\n".join(LINES).encode(), capture_output=True,
                            timeout=300, env=os.environ)
    assert result.returncode == 1, result.stderr.decode()  # some items failed; the rest is stored
    assert "Traceback" not in result.stderr.decode()
    summary = json.loads(result.stdout)
    assert (summary["stored"], summary["failed"]) == (3, 2)
    assert all("lone surrogate" in f["reason"] for f in summary["failures"])
    with Store(db, readonly=True) as store:
        assert store.counts()["articles"] == 3
