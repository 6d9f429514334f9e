"""The Spark job in local[2] mode against single-process ``sayso ingest`` on the same WARC:
same articles, quotes, speakers and offsets; ``sayso load`` gives the same database."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.support import ARTICLES, article_html, write_warc

pytestmark = pytest.mark.spark
pytest.importorskip("pyspark")
pa_dataset = pytest.importorskip("pyarrow.dataset")


def _java() -> bool:
    from sayso.spark.tables import default_java_home

    return default_java_home() is not None or shutil.which("java") is not None


def _pages() -> list[tuple[str, str]]:
    pages = [(f"http://example.org/{a['slug']}", article_html(a)) for a in ARTICLES]
    for path in SAMPLES:  # the sample articles as news pages
        title, *paragraphs = [p for p in path.read_text("utf-8").split("\n") if p.strip()]
        article = {"title": title, "author": "Desk", "date": "2024-05-01", "paragraphs": paragraphs}
        pages.append((f"http://example.org/{path.stem}", article_html(article)))
    return pages + pages[:1]  # the first page again: a duplicate both runs must skip


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    if not _java():
        pytest.skip("no Java 17 for Spark (set JAVA_HOME)")
    from sayso.batch import ingest
    from sayso.spark import job
    from sayso.store import Store

    tmp = tmp_path_factory.mktemp("spark")
    warc = write_warc(tmp / "news.warc.gz", _pages())
    db = Store(tmp / "ingest.db")
    summary = ingest([str(warc)], db, engine="rules")
    assert summary.failed == 0 and summary.stored == len(_pages()) - 1
    spark = job.session("local[2]")
    try:
        result = job.run([str(warc)], str(tmp / "out"), partitions=4, engine="rules", spark=spark)
    finally:
        spark.stop()
    yield {"warc": warc, "db": db, "out": tmp / "out", "summary": result, "tmp": tmp}
    db.close()


def _table(out: Path, name: str) -> list[dict]:
    return pa_dataset.dataset(str(out / name), format="parquet").to_table().to_pylist()


def _ingested_quotes(store) -> set[tuple]:
    return {tuple(row) for row in store.conn.execute(
        """SELECT a.url, q.kind, q.start_char, q.end_char, q.text, s.name, s.type, q.speaker_text,
                  q.speaker_start, q.speaker_end, q.cue, q.cue_start, q.cue_end, q.certainty
           FROM quotes q JOIN articles a ON a.id = q.article_id
           LEFT JOIN actors s ON s.id = q.speaker_id""")}


def test_counts_match_single_process_ingest(outputs):
    summary = outputs["summary"]
    counts = outputs["db"].counts()
    assert summary.analysed == counts["articles"] and summary.duplicates == 1 and summary.failed == 0
    for table in ("articles", "actors", "mentions", "quotes", "relations"):
        assert summary.rows[table] == counts[table], table


def test_columns_are_the_store_columns(outputs):
    for table in ("articles", "actors", "mentions", "quotes", "relations"):
        columns = [row[1] for row in outputs["db"].conn.execute(f"PRAGMA table_info({table})")]
        schema = pa_dataset.dataset(str(outputs["out"] / table), format="parquet").schema
        assert schema.names == columns, table


def test_same_quotes_speakers_and_offsets(outputs):
    out = outputs["out"]
    articles = {row["id"]: row["url"] for row in _table(out, "articles")}
    actors = {row["id"]: row for row in _table(out, "actors")}
    spark_quotes = set()
    for q in _table(out, "quotes"):
        speaker = actors.get(q["speaker_id"]) or {}
        spark_quotes.add((articles[q["article_id"]], q["kind"], q["start_char"], q["end_char"], q["text"],
                          speaker.get("name"), speaker.get("type"), q["speaker_text"], q["speaker_start"],
                          q["speaker_end"], q["cue"], q["cue_start"], q["cue_end"], q["certainty"]))
    assert spark_quotes == _ingested_quotes(outputs["db"])
    assert len(spark_quotes) > 5


def test_actors_are_merged_across_articles(outputs):
    """Tomas Whitaker and Brannigan appear in two articles (different partitions or not): one row each."""
    columns = ("name", "type", "norm_name", "named", "article_count", "mention_count", "quote_count")
    spark_named = sorted(tuple(row[c] for c in columns) for row in _table(outputs["out"], "actors") if row["named"])
    ingested = sorted(tuple(row) for row in outputs["db"].conn.execute(
        f"SELECT {', '.join(columns)} FROM actors WHERE named = 1"))
    assert spark_named == ingested
    assert any(row[4] >= 2 for row in spark_named)
    keys = [(r["norm_name"], r["type"], r["article_id"]) for r in _table(outputs["out"], "actors")]
    assert len(keys) == len(set(keys)) == outputs["db"].counts()["actors"]
    mentions = _table(outputs["out"], "mentions")
    actor_ids = {row["id"] for row in _table(outputs["out"], "actors")}
    assert mentions and all(m["actor_id"] in actor_ids for m in mentions)


def test_load_equals_ingest_and_is_idempotent(outputs, tmp_path):
    from sayso.spark.load import load
    from sayso.store import Store

    with Store(tmp_path / "loaded.db") as store:
        first = load(outputs["out"], store)
        again = load(outputs["out"], store)
        assert (first.stored, again.stored, again.duplicates) == (first.read, 0, first.read)
        ingested = outputs["db"]
        urls = [row[0] for row in ingested.conn.execute("SELECT url FROM articles ORDER BY url")]
        for url in urls:
            a = ingested.conn.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()[0]
            b = store.conn.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()[0]
            assert store.analysis_dict(b) == ingested.analysis_dict(a), url
        assert _ingested_quotes(store) == _ingested_quotes(ingested)


def test_cli_spark_run_and_load(outputs, tmp_path):
    """The commands wire through: a listing file of WARC paths (the Common Crawl convention)."""
    from click.testing import CliRunner

    from sayso.cli import main

    listing = tmp_path / "warc.paths"
    listing.write_text(f"# a listing\n{outputs['warc'].name}\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["spark", "run", "--input", str(listing), "--prefix", str(outputs["tmp"]),
                                       "--output", str(out), "--master", "local[2]", "--partitions", "2",
                                       "--engine", "rules", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output[result.output.index("{"):])["analysed"] == outputs["summary"].analysed
    result = CliRunner().invoke(main, ["load", str(out), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0 and f"stored {outputs['summary'].analysed}" in result.output
