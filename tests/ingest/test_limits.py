"""Bounded reading: gzip bombs and endless lines cost one item and little memory, and a failure
quotes at most a short excerpt of what it could not read."""
from __future__ import annotations

import gzip
import json
import tracemalloc
import zlib
from pathlib import Path

import pytest

from sayso import settings
from sayso.errors import IngestError, excerpt
from sayso.ingest import Failure, Record, Sources
from sayso.ingest.record import MAX_REASON_CHARS, failure
from sayso.ingest.warc import read_warc_pages
from tests.support import ARTICLES, article_html, rss_feed, write_warc

BOMB = 96_000_000  # decompressed bytes in a bomb: ~94 KB on disk


def _gzip_member(head: bytes, size: int, tail: bytes = b"") -> bytes:
    """A gzip member of ``head``, ``size`` bytes of "A" (no line break) and ``tail``, compressed
    a megabyte at a time so that the test never holds the bomb itself."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"A" * 1_000_000
    parts = [packer.compress(head)]
    for _ in range(size // len(chunk)):
        parts.append(packer.compress(chunk))
    parts += [packer.compress(tail), packer.flush()]
    return b"".join(parts)


def _peak(read) -> tuple[list, int]:
    """What ``read()`` returns as a list, and the most memory it held (bytes)."""
    tracemalloc.start()
    try:
        items = list(read())
        return items, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("where", ["junk after a record", "a header line"])
def test_a_warc_gzip_bomb_fails_the_file_in_little_memory_with_a_short_reason(tmp_path, where):
    path = write_warc(tmp_path / "crawl.warc.gz", [("http://example.org/a", article_html(ARTICLES[0]))],
                      extras=False)
    with path.open("ab") as handle:
        if where == "a header line":
            handle.write(_gzip_member(b"WARC/1.0\r\nWARC-Type: response\r\nX-Junk: ", BOMB, b"\r\n\r\n"))
        else:
            handle.write(_gzip_member(b"", BOMB))
    items, peak = _peak(lambda: read_warc_pages(path))
    assert [type(i).__name__ for i in items][-1] == "Failure"
    assert any(getattr(i, "url", None) == "http://example.org/a" for i in items)  # what came before stands
    assert peak < BOMB // 4, f"held {peak:,} bytes"  # the line is never held whole
    assert len(items[-1].reason) <= MAX_REASON_CHARS + 30


def test_a_jsonl_gz_line_bomb_fails_that_line_alone(tmp_path):
    good = [json.dumps({"text": f"“Line {n} stands,” said Maria Lopez."}).encode() + b"\n" for n in (1, 2)]
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(gzip.compress(good[0]) + _gzip_member(b'{"text": "', BOMB, b'"}\n') + gzip.compress(good[1]))
    items, peak = _peak(lambda: Sources(max_bytes=1_000_000).read([str(path)]))
    assert [type(i).__name__ for i in items] == ["Record", "Failure", "Record"]
    assert items[1].key == f"{path}:2" and "over the limit of 1,000,000" in items[1].reason
    assert f"{BOMB + 13:,} bytes" in items[1].reason  # skipped, yet measured
    assert peak < BOMB // 8, f"held {peak:,} bytes"


def test_files_feeds_and_stdin_over_the_limit_fail_alone(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "big.txt").write_text("word " * 400, encoding="utf-8")
    (folder / "big.html").write_text(article_html(ARTICLES[1]) + "<!-- " + "x" * 2000 + " -->", encoding="utf-8")
    (folder / "small.txt").write_text("“Yes,” said Maria Lopez.", encoding="utf-8")
    feed = tmp_path / "feed.rss"
    feed.write_bytes(rss_feed([("http://127.0.0.1:9/one", "One", "Mon, 01 Apr 2024 10:00:00 GMT")]) + b" " * 2000)
    items = list(Sources(max_bytes=1000).read([str(folder), str(feed)]))
    reasons = {Path(i.key).name: i.reason for i in items if isinstance(i, Failure)}
    assert set(reasons) == {"big.txt", "big.html", "feed.rss"}
    assert all("more than 1,000 bytes, over the limit (SAYSO_INPUT_MAX_BYTES)" in r for r in reasons.values())
    assert [i.key for i in items if isinstance(i, Record)] == [str(folder / "small.txt")]

    class Stdin:
        buffer = __import__("io").BytesIO(b"y" * 1001)

    monkeypatch.setattr("sys.stdin", Stdin)
    [item] = Sources(max_bytes=1000).read(["-"])
    assert isinstance(item, Failure) and "over the limit" in item.reason


def test_the_input_limit_is_a_setting(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("word " * 30, encoding="utf-8")
    assert isinstance(next(Sources().read([str(tmp_path / "a.txt")])), Record)
    monkeypatch.setenv("SAYSO_INPUT_MAX_BYTES", "100")  # read where the options are built (the edge)
    assert isinstance(next(Sources().read([str(tmp_path / "a.txt")])), Record)
    assert isinstance(next(Sources(options=settings.options()).read([str(tmp_path / "a.txt")])), Failure)


def test_excerpt_cuts_quotes_to_one_short_line():
    assert excerpt("short") == "short"
    long = excerpt("A" * 10_000 + "\nsecond line", 50)
    assert long == "A" * 50 + "… (9,962 more characters)"
    assert excerpt("bad \ud800 char") == "bad \\ud800 char"  # printable on any terminal
    assert excerpt(ValueError("x\ny")) == "x y"


def test_a_failure_quotes_at_most_a_short_reason():
    reason = failure("f.jsonl:2", IngestError("f.jsonl:2: invalid JSON: " + "A" * 600_000)).reason
    assert reason.startswith("invalid JSON: AAA") and reason.endswith("(599,514 more characters)")
    assert len(reason) <= MAX_REASON_CHARS + 30


def test_sayso_extract_refuses_a_file_over_the_limit(tmp_path):
    import os
    import subprocess
    import sys

    path = tmp_path / "huge.txt"
    path.write_text("“Yes,” said Maria Lopez. " * 100, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "sayso", "extract", str(path)], capture_output=True,
                            timeout=300, env={**os.environ, "SAYSO_INPUT_MAX_BYTES": "1000"})
    assert result.returncode == 2
    assert result.stderr.decode() == (f"sayso: error: {path}: more than 1,000 bytes, over the limit "
                                      f"(SAYSO_INPUT_MAX_BYTES)\n")
