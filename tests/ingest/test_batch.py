"""Batch ingestion into a store: counts, idempotent re-runs, failures per item, commits per batch."""
from __future__ import annotations

import json

import pytest

from sayso.batch import ingest
from sayso.options import Options
from sayso.ingest import Record
from sayso.store import Store
from tests.support import ARTICLES, article_html, article_text, write_warc


@pytest.fixture
def mixed(tmp_path):
    """A folder with every local source kind: text, HTML, JSONL and a WARC.gz (6 articles)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "budget.txt").write_text(article_text(ARTICLES[0]), encoding="utf-8")
    (folder / "union.html").write_text(article_html(ARTICLES[1], url="https://gazette.example/union"))
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(line) for line in [
        {"text": "“Prices will rise,” said Elena Ruiz, the central bank governor. She said the bank was ready.",
         "url": "https://wire.example/1", "title": "Bank warns", "published": "2024-05-01", "outlet": "Wire"},
        {"text": "Opposition leader Karl Stein said the government had failed. “It is a disgrace,” Stein said.",
         "url": "https://wire.example/2", "title": "Stein attacks", "published": "2024-05-02", "outlet": "Wire"},
    ]) + "\n", encoding="utf-8")
    write_warc(folder / "crawl.warc.gz", [("http://example.org/transit", article_html(ARTICLES[2])),
                                          ("http://example.org/budget-copy", article_html(ARTICLES[0]))])
    return folder


def test_every_source_kind_is_stored_once(mixed, nlp):
    store = Store(":memory:")
    summary = ingest([str(mixed)], store, commit_every=2, engine="rules")
    assert summary.failed == 0, summary.failures
    # budget.txt (plain text) and the WARC copy of the budget page differ in text (the HTML adds
    # no boilerplate but the title line is the same): both are stored, neither twice.
    assert summary.stored == summary.read - summary.duplicates
    assert summary.stored >= 5
    assert summary.skipped >= 3  # warcinfo, requests, image, 404
    counts = store.counts()
    assert counts["articles"] == summary.stored and counts["quotes"] > 0 and counts["runs"] == 1
    titles = {row[0] for row in store.conn.execute("SELECT title FROM articles")}
    assert {"Bank warns", "Stein attacks", ARTICLES[1]["title"], ARTICLES[2]["title"]} <= titles
    run = store.conn.execute("SELECT * FROM runs").fetchone()
    assert run["stored"] == summary.stored and run["finished_at"] is not None

    again = ingest([str(mixed)], store, commit_every=2, engine="rules")
    assert (again.stored, again.failed) == (0, 0)
    assert again.duplicates == again.read == summary.read
    assert store.counts() | {"runs": 1} == counts


def test_duplicates_by_url_and_by_text(tmp_path, nlp):
    path = tmp_path / "dupes.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in [
        {"text": "“Yes,” said Maria Lopez.", "url": "https://example.org/a"},
        {"text": "A different text at the same URL.", "url": "https://example.org/a?utm_source=x#top"},
        {"text": "“Yes,”   said Maria Lopez.", "url": "https://example.org/b"},  # same after normalising
        {"text": "“No,” said Karl Stein."},
    ]) + "\n", encoding="utf-8")
    store = Store(":memory:")
    summary = ingest([str(path)], store, engine="rules")
    assert (summary.read, summary.stored, summary.duplicates, summary.failed) == (4, 2, 2, 0)


def test_bad_items_are_reported_and_the_rest_is_stored(tmp_path, nlp, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text("“We will win,” said Maria Lopez.", encoding="utf-8")
    (folder / "b-binary.txt").write_bytes(b"\x00\x01\x02")
    (folder / "c-empty.txt").write_text("   \n\n ")
    (folder / "d-long.txt").write_text("The minister said the talks failed. " * 100)
    (folder / "e-broken.jsonl").write_text('{"text": "“Fine,” said Karl Stein."}\n{oops\n{"text": ""}\n')
    (folder / "f-cut.warc.gz").write_bytes(
        write_warc(tmp_path / "full.warc.gz", [("http://x.example/1", article_html(ARTICLES[0]))]).read_bytes()[:300])
    seen = []
    summary = ingest([str(folder)], Store(":memory:"), on_failure=seen.append,
                     options=Options(engine="rules", max_chars=2000))
    assert summary.stored == 2 and not summary.ok
    reasons = {f.key.rsplit("/", 1)[-1]: f.reason for f in summary.failures}
    assert "binary" in reasons["b-binary.txt"]
    assert "empty text" in reasons["c-empty.txt"]
    assert "longer than the limit" in reasons["d-long.txt"]
    assert "invalid JSON" in reasons["e-broken.jsonl:2"] and "empty text" in reasons["e-broken.jsonl:3"]
    assert any("truncated" in r or "WARC" in r for k, r in reasons.items() if "f-cut" in k)
    assert summary.failed == len(seen) == len(summary.failures) == 6
    text = summary.format()
    assert "failed 6" in text and "b-binary.txt: " in text


def test_a_crash_mid_run_keeps_every_committed_batch(tmp_path, nlp, monkeypatch):
    from sayso.ingest import sources

    def records_then_crash(self, names):
        for number in range(7):
            yield Record(key=f"r{number}", text=f"“Item {number} is fine,” said Maria Lopez {number}.")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(sources.Sources, "read", records_then_crash)
    monkeypatch.setattr(sources.Sources, "check", lambda self, names: None)
    db = tmp_path / "crash.db"
    with Store(db) as store, pytest.raises(RuntimeError):
        ingest(["anything"], store, batch_size=3, commit_every=3, engine="rules")
    with Store(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = store.counts()["articles"]
        assert stored == 6  # two full batches; the seventh was still waiting for its spaCy batch
        assert store.conn.execute("SELECT failed, finished_at IS NOT NULL FROM runs").fetchone()[1] == 1


def test_two_workers_give_the_same_store(mixed, nlp):
    one, two = Store(":memory:"), Store(":memory:")
    ingest([str(mixed)], one, workers=1, engine="rules")
    ingest([str(mixed)], two, workers=2, batch_size=2, commit_every=3, engine="rules")
    query = "SELECT a.url, a.content_hash, q.text FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY 2, 3"
    assert one.conn.execute(query).fetchall() == two.conn.execute(query).fetchall()
