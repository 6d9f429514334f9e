"""ingest, quotes, actors, actor, show and export as a user runs them: real subprocesses, a
local HTTP server for the feed, files made here, real exit codes."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from tests.support import ARTICLES, Route, article_html, article_text, rss_feed, write_warc


def sayso(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "SAYSO_FETCH_DELAY": "0", "SAYSO_FETCH_TIMEOUT": "1"}
    return subprocess.run([sys.executable, "-m", "sayso", *args], input=stdin, capture_output=True,
                          timeout=300, env=env)


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()
    return result.stdout.decode()


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """One database filled the way a user would: a folder, a WARC and a feed with a dead link."""
    from tests.support import LocalServer

    root = tmp_path_factory.mktemp("cli")
    folder = root / "articles"
    folder.mkdir()
    (folder / "budget.txt").write_text(article_text(ARTICLES[0]), encoding="utf-8")
    (folder / "wire.jsonl").write_text(json.dumps({
        "text": "“Prices will rise,” said Elena Ruiz, the central bank governor, on Monday.",
        "url": "https://wire.example/bank", "title": "Bank warns", "published": "2024-05-01",
        "outlet": "Wire Service"}) + "\n", encoding="utf-8")
    warc = write_warc(root / "crawl.warc.gz", [("http://example.org/transit", article_html(ARTICLES[2]))])
    server = LocalServer().start()
    try:
        server.routes["/union"] = Route(article_html(ARTICLES[1]).encode())
        server.routes["/feed"] = Route(rss_feed([
            (server.url("/union"), "Union vows to fight", "Tue, 05 Mar 2024 08:00:00 GMT"),
            (server.url("/deleted"), "Deleted", "Wed, 06 Mar 2024 08:00:00 GMT"),
        ]), content_type="application/rss+xml")
        db = root / "news.db"
        errors = root / "errors.jsonl"
        first = sayso("ingest", str(folder), str(warc), server.url("/feed"), "--db", str(db),
                      "--errors", str(errors), "--no-progress")
        second = sayso("ingest", str(folder), str(warc), server.url("/feed"), "--db", str(db),
                       "--no-progress", "--json")
        feed_hits = server.hits("/union")
    finally:
        server.stop()
    return {"db": str(db), "first": first, "second": second, "errors": errors, "feed_hits": feed_hits,
            "root": root}


def test_ingest_summary_failures_and_exit_code(database):
    first = database["first"]
    out = first.stdout.decode()
    assert first.returncode == 1  # one feed entry failed; the rest is stored
    assert "read 5, stored 4, skipped as duplicate 0, failed 1" in out
    assert "/deleted: HTTP 404" in out
    assert "not articles, skipped:" in out and "WARC request record" in out
    (error,) = [json.loads(line) for line in database["errors"].read_text().splitlines()]
    assert error["item"].endswith("/deleted") and "404" in error["reason"]


def test_rerun_stores_nothing_new_and_refetches_nothing(database):
    second = database["second"]
    summary = json.loads(second.stdout)
    assert (summary["stored"], summary["duplicates"], summary["failed"]) == (0, 4, 1)
    assert database["feed_hits"] == 1  # the stored feed article was not downloaded again


def test_quotes_filters_and_formats(database):
    db = database["db"]
    rows = json.loads(ok(sayso("quotes", "--db", db, "--format", "json")))
    assert rows and all(r["text"] for r in rows)
    assert {"speaker", "kind", "certainty", "published", "outlet", "url"} <= set(rows[0])
    bell = json.loads(ok(sayso("quotes", "--db", db, "--speaker", "Bell", "--format", "json")))
    assert bell and {r["speaker"] for r in bell} == {"Marcus Bell"}
    wire = json.loads(ok(sayso("quotes", "--db", db, "--outlet", "wire", "--since", "2024-04-30",
                               "--format", "json")))
    assert wire and {(r["outlet"], r["speaker"]) for r in wire} == {("Wire Service", "Elena Ruiz")}
    assert json.loads(ok(sayso("quotes", "--db", db, "--until", "2023-12-31", "--format", "json"))) == []
    found = list(csv.DictReader(io.StringIO(ok(sayso("quotes", "--db", db, "--search", "empty buses",
                                                     "--format", "csv")))))
    assert len(found) == 1 and "empty buses" in found[0]["text"]
    table = ok(sayso("quotes", "--db", db, "--kind", "direct", "--no-color"))
    assert table.splitlines()[0].split()[:3] == ["id", "published", "outlet"] and "direct" in table


def test_actors_actor_and_show(database):
    db = database["db"]
    actors = json.loads(ok(sayso("actors", "--db", db, "--format", "json", "--top", "50")))
    names = {a["name"] for a in actors}
    assert {"Marcus Bell", "Helen Brannigan", "Priya Castellano"} <= names
    people = json.loads(ok(sayso("actors", "--db", db, "--type", "person", "--format", "json")))
    assert people and {a["type"] for a in people} == {"PERSON"}
    profile = json.loads(ok(sayso("actor", "Marcus Bell", "--db", db, "--format", "json")))
    assert profile["actor"]["name"] == "Marcus Bell" and profile["quotes_by"]
    text = ok(sayso("actor", "bell", "--db", db, "--no-color"))
    assert text.startswith("Marcus Bell") and "Quotes by" in text and "Ties" in text
    article = ok(sayso("show", "http://example.org/transit", "--db", db, "--no-color"))
    assert ARTICLES[2]["title"] in article and "[q1 " in article and "Quotes (" in article
    colored = ok(sayso("show", "http://example.org/transit", "--db", db, "--color"))
    assert "\x1b[" in colored
    data = json.loads(ok(sayso("show", "http://example.org/transit", "--db", db, "--format", "json")))
    for quote in data["quotes"]:
        assert data["text"][quote["start"]:quote["end"]] == quote["text"]
    assert data["meta"]["url"] == "http://example.org/transit"


def test_exports_parse_back(database):
    import networkx as nx

    db, root = database["db"], database["root"]
    lines = ok(sayso("export", "--db", db, "--format", "jsonl")).splitlines()
    assert len(lines) == 4
    import sayso as lib

    for line in lines:
        record = json.loads(line)
        analysis = lib.Analysis.from_dict(record)
        assert all(analysis.text[q.start:q.end] == q.text for q in analysis.quotes)
        assert record["meta"]["id"] and record["meta"]["content_hash"]
    rows = list(csv.DictReader(io.StringIO(ok(sayso("export", "--db", db, "--format", "csv")))))
    assert rows and {"speaker", "text", "kind", "outlet"} <= set(rows[0])
    for fmt, read in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        path = root / f"network.{fmt}"
        result = sayso("export", "--db", db, "--format", fmt, "--out", str(path))
        assert result.returncode == 0 and "actors" in result.stderr.decode()
        graph = read(str(path))
        labels = {data.get("label") for _, data in graph.nodes(data=True)}
        assert "Marcus Bell" in labels
        assert graph.number_of_edges() > 0
        assert all(data["weight"] >= 1 for _, _, data in graph.edges(data=True))


def test_clean_errors(tmp_path, database):
    missing = sayso("quotes", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 4 and "sayso ingest" in missing.stderr.decode()
    assert "Traceback" not in missing.stderr.decode()
    no_source = sayso("ingest", str(tmp_path / "nothing.txt"), "--db", str(tmp_path / "x.db"))
    assert no_source.returncode == 2 and "no such file" in no_source.stderr.decode()
    unknown = sayso("actor", "Nobody Atall", "--db", database["db"])
    assert unknown.returncode == 4 and "no actor named" in unknown.stderr.decode()
    bad_date = sayso("quotes", "--db", database["db"], "--since", "yesterday")
    assert bad_date.returncode == 2 and "not a date" in bad_date.stderr.decode()
    foreign = tmp_path / "other.db"
    import sqlite3

    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    clash = sayso("ingest", str(tmp_path / "x.db"), "--db", str(foreign))
    assert clash.returncode != 0 and "Traceback" not in clash.stderr.decode()


def test_stdin_text_and_jsonl(tmp_path):
    db = str(tmp_path / "stdin.db")
    ok(sayso("ingest", "-", "--db", db, "--no-progress", stdin="“Yes,” said Maria Lopez.".encode()))
    line = json.dumps({"text": "“No,” said Karl Stein.", "url": "https://example.org/no"})
    out = ok(sayso("ingest", "-", "--from", "jsonl", "--db", db, "--no-progress", stdin=line.encode()))
    assert "stored 1" in out
    speakers = {q["speaker"] for q in json.loads(ok(sayso("quotes", "--db", db, "--format", "json")))}
    assert speakers == {"Maria Lopez", "Karl Stein"}
