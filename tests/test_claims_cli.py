"""sayso claims as a user runs it, on the bundled three-outlet story (data/samples/dam-breach.jsonl)."""
from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from .conftest import ROOT
from .test_cli import sayso_cmd

STORY = ROOT / "data" / "samples" / "dam-breach.jsonl"


def ok(result) -> str:
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


@pytest.fixture(scope="module")
def dam_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("claims") / "dam.db"
    ok(sayso_cmd("ingest", str(STORY), "--db", str(db), "--no-progress"))
    return db


def test_claims_across_the_three_outlets(dam_db):
    claims = json.loads(ok(sayso_cmd("claims", "--db", str(dam_db), "--format", "json")))
    assert claims and all(len(c["sources"]) >= 2 for c in claims)
    missing = next(c for c in claims if any("12 people" in r["text"] for r in c["reports"]))
    assert set(missing["sources"]) == {"Valley Courier", "Norvale Post", "Riverside Wire"}
    assert missing["verdict"] == "agree" and missing["positions"] == {"affirms": 3}
    assert missing["speakers"] and all("emergency ministry" in s.lower() for s in missing["speakers"])
    cancelled = next(c for c in claims if c["verdict"] == "contradict")
    assert {r["position"] for r in cancelled["reports"]} == {"affirms", "denies"}
    assert any(r["cue"] == "denied" for r in cancelled["reports"])
    conn = sqlite3.connect(dam_db)
    for claim in claims:  # offsets point at the reported words in the stored text
        for r in claim["reports"]:
            text = conn.execute("SELECT text FROM articles WHERE id = ?", (r["article_id"],)).fetchone()[0]
            assert text[r["start"]:r["end"]] == r["text"]


def test_claims_formats_and_filters(dam_db):
    only = json.loads(ok(sayso_cmd("claims", "--db", str(dam_db), "--contradictions", "--format", "json")))
    assert only and {c["verdict"] for c in only} == {"contradict"}
    rows = list(csv.DictReader(io.StringIO(ok(sayso_cmd("claims", "--db", str(dam_db), "--format", "csv")))))
    assert {"claim_id", "verdict", "source", "text", "start", "end", "position"} <= set(rows[0])
    lines = ok(sayso_cmd("claims", "--db", str(dam_db), "--format", "jsonl")).splitlines()
    assert len(lines) == len(rows)
    text = ok(sayso_cmd("claims", "--db", str(dam_db), "--no-color", "--min-sources", "3"))
    assert "3 sources" in text and "2 sources" not in text
    # --outlet keeps the claims that outlet tells, with the other outlets that tell them
    courier = json.loads(ok(sayso_cmd("claims", "--db", str(dam_db), "--outlet", "courier", "--format", "json")))
    assert courier and all("Valley Courier" in c["sources"] and len(c["sources"]) >= 2 for c in courier)
    everything = json.loads(ok(sayso_cmd("claims", "--db", str(dam_db), "--format", "json")))
    assert [c["id"] for c in courier] == [c["id"] for c in everything if "Valley Courier" in c["sources"]]


def test_claims_bad_input_is_a_clear_error(dam_db, tmp_path):
    missing = sayso_cmd("claims", "--db", str(tmp_path / "none.db"))
    assert missing.returncode != 0 and b"Traceback" not in missing.stderr
    bad = sayso_cmd("claims", "--db", str(dam_db), "--threshold", "2")
    assert bad.returncode == 2 and b"threshold" in bad.stderr


def test_claims_in_one_language(dam_db):
    english = json.loads(ok(sayso_cmd("claims", "--db", str(dam_db), "--format", "json", "--lang", "EN")))
    assert english == json.loads(ok(sayso_cmd("claims", "--db", str(dam_db), "--format", "json")))
    assert json.loads(ok(sayso_cmd("claims", "--db", str(dam_db), "--format", "json", "--lang", "fr"))) == []
    bad = sayso_cmd("claims", "--db", str(dam_db), "--lang", "french")
    assert bad.returncode == 2 and b"language code" in bad.stderr and b"Traceback" not in bad.stderr
