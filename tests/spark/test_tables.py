"""The pure-Python half of the Spark job, without Spark: inputs, schema, fail-soft partitions."""
from __future__ import annotations

import pytest

from sayso.errors import InputError
from sayso.spark import tables


def test_schema_comes_from_the_store():
    from sayso.store import Store

    with Store(":memory:") as store:
        columns = [row[1] for row in store.conn.execute("PRAGMA table_info(quotes)")]
    assert [name for name, _ in tables.schema()["quotes"]] == columns
    assert set(tables.actor_columns()["quotes"]) == {"speaker_id", "medium_id"}
    assert "article_id" in tables.id_columns()["mentions"]


def test_expand_inputs_reads_a_listing(tmp_path):
    listing = tmp_path / "warc.paths"
    listing.write_text("crawl-data/CC-NEWS/a.warc.gz\n\n/abs/b.warc.gz\n")
    units = tables.expand_inputs([str(listing), "x.jsonl,y.parquet"], prefix="https://data.commoncrawl.org/")
    assert units == [("warc", "https://data.commoncrawl.org/crawl-data/CC-NEWS/a.warc.gz"),
                     ("warc", "/abs/b.warc.gz"), ("jsonl", "x.jsonl"), ("parquet", "y.parquet")]
    with pytest.raises(InputError):
        tables.expand_inputs([str(tmp_path / "missing.txt")])


def test_a_failing_article_is_counted_and_the_partition_goes_on(monkeypatch):
    from sayso import pipeline

    real = pipeline.analyze

    def analyze(doc, engine, **options):
        if "BOOM" in doc.text:
            raise RuntimeError("engine broke")
        return real(doc, engine, **options)

    monkeypatch.setattr(pipeline, "analyze", analyze)
    good = tables.item_row(_record("a", "“We will win,” Mayor Helen Brannigan said on Monday."), (0, 0))
    bad = tables.item_row(_record("b", "BOOM said nobody."), (0, 1))
    unreadable = {"key": "c", "error": "corrupt WARC", "order": (0, 2)}
    out = tables.analyse_rows([good, bad, unreadable], engine="rules")
    assert sorted(out["failures"]) == [("b", "extraction failed: engine broke"), ("c", "corrupt WARC")]
    assert len(out["articles"]) == len(out["analyses"]) == 1
    assert out["quotes"] and out["quotes"][0][1] == out["articles"][0][0]  # article_id is global


def _record(key: str, text: str):
    from sayso.ingest.record import Record

    return Record(key=key, text=text, url=f"http://example.org/{key}")


def test_parquet_and_json_rows_are_read_like_jsonl():
    row = tables.row_from_json({"id": "7", "text": "Hello  world.", "url": "https://example.org/a?utm_source=x",
                                "title": "T", "published": "2024-03-01T10:00:00Z", "lang": None},
                               (2, 6), "articles.parquet")
    assert row["key"] == "articles.parquet:7" and row["title"] == "T" and row["published"] == "2024-03-01T10:00:00"
    assert row["canonical_url"] == "https://example.org/a" and row["order"] == (2, 6)
    broken = tables.row_from_json({"title": "no text"}, (0, 0), "a.parquet")
    assert "no 'text' or 'html'" in broken["error"] and broken["key"] == "a.parquet:1"


def test_local_java_options_only_for_local_masters_and_off_with_none(monkeypatch):
    pytest.importorskip("pyspark")
    from sayso.spark.job import local_java_options

    monkeypatch.delenv("SAYSO_SPARK_LOCAL_JAVA_OPTIONS", raising=False)
    assert local_java_options("local[2]") == "-XX:TieredStopAtLevel=1 -XX:+UseParallelGC"
    assert local_java_options("yarn") is None and local_java_options(None) is None
    monkeypatch.setenv("SAYSO_SPARK_LOCAL_JAVA_OPTIONS", "none")
    assert local_java_options("local[*]") is None
    monkeypatch.setenv("SAYSO_SPARK_LOCAL_JAVA_OPTIONS", "-Xss4m")
    assert local_java_options("local[*]") == "-Xss4m"
