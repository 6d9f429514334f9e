"""Each source kind on small files made here; bad input becomes a per-item failure, never a crash.
No NLP runs in this file."""
from __future__ import annotations

import gzip
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sayso.errors import InputError
from sayso.ingest import Failure, Record, Skip, Sources, canonical_url, detect_kind, normalize_date
from tests.support import ARTICLES, BOILERPLATE, Route, article_html, rss_feed, write_warc


def read(*sources: str, **kwargs) -> list:
    with Sources(**kwargs) as reader:
        return list(reader.read(sources))


def kinds(items: list) -> list[str]:
    return [type(item).__name__ for item in items]


@pytest.mark.parametrize("name, kind", [
    ("a.txt", "text"), ("page.HTML", "html"), ("page.htm", "html"), ("news.jsonl", "jsonl"),
    ("news.jsonl.gz", "jsonl"), ("crawl.warc", "warc"), ("CC-NEWS-2024.warc.gz", "warc"),
    ("old.arc.gz", "warc"), ("feed.rss", "feed"), ("feed.atom", "feed"), ("feed.xml", "feed"),
    ("https://example.org/story", "url"), ("http://example.org/feed.xml", "url"),
])
def test_kind_is_detected_from_extension_or_scheme(name, kind):
    assert detect_kind(name) == kind


def test_unknown_kind_says_how_to_force_it():
    with pytest.raises(InputError, match="--from"):
        detect_kind("notes.docx")


@pytest.mark.parametrize("url, canonical", [
    ("HTTP://Example.ORG:80/a?utm_source=x&id=3#top", "http://example.org/a?id=3"),
    ("https://example.org", "https://example.org/"),
    ("https://example.org/a?fbclid=1", "https://example.org/a"),
    (None, None),
])
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical


@pytest.mark.parametrize("raw, iso", [
    ("2024-03-01", "2024-03-01"),
    ("2024-03-01T10:00:00+02:00", "2024-03-01T08:00:00"),
    ("2024-03-01T00:00:00Z", "2024-03-01"),
    ("Fri, 01 Mar 2024 10:00:00 GMT", "2024-03-01T10:00:00"),
    ("last Tuesday", None),
    ("", None),
])
def test_dates_are_normalised_to_iso(raw, iso):
    assert normalize_date(raw) == iso


def test_text_files_and_folders(tmp_path):
    (tmp_path / "b.txt").write_text("Second article.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First article.", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text("ignored")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("Third article.", encoding="utf-8")
    items = read(str(tmp_path))
    records = [i for i in items if isinstance(i, Record)]
    assert [r.text for r in records] == ["First article.", "Second article.", "Third article."]
    assert records[0].source == str(tmp_path / "a.txt")
    assert [i.reason for i in items if isinstance(i, Skip)] == ["unsupported file type (.docx)"]


def test_binary_or_badly_encoded_text_fails_alone(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "b.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "c.txt").write_text("Fine.")
    items = read(str(tmp_path))
    assert kinds(items) == ["Failure", "Failure", "Record"]
    assert "binary" in items[0].reason and "UTF-8" in items[1].reason


def test_jsonl_records_with_text_or_html_and_metadata(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [
        {"id": "n1", "text": "Plain text article.", "url": "https://example.org/1", "title": "One",
         "published": "Fri, 01 Mar 2024 10:00:00 GMT", "outlet": "Gazette", "author": "Jane", "section": "city"},
        {"html": article_html(ARTICLES[0]), "url": "https://example.org/2", "outlet": "Explicit Outlet"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    first, second = read(str(path))
    assert (first.key, first.text, first.title, first.published, first.outlet, first.author) == (
        f"{path}:n1", "Plain text article.", "One", "2024-03-01T10:00:00", "Gazette", "Jane")
    assert first.meta == {"section": "city"}
    assert second.outlet == "Explicit Outlet" and second.title == ARTICLES[0]["title"]
    assert "Brannigan" in second.text and BOILERPLATE not in second.text


def test_jsonl_bad_lines_fail_alone(tmp_path):
    path = tmp_path / "news.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write('{"text": "Good one."}\n{not json\n[1, 2]\n{"title": "no body"}\n{"text": "Good two."}\n')
    items = read(str(path))
    assert kinds(items) == ["Record", "Failure", "Failure", "Failure", "Record"]
    assert "invalid JSON" in items[1].reason and items[1].key.endswith(":2")
    assert "JSON object" in items[2].reason and "no 'text' or 'html'" in items[3].reason


def test_html_file_main_text_and_metadata(tmp_path):
    page = tmp_path / "budget.html"
    page.write_text(article_html(ARTICLES[0], url="https://gazette.example/budget?utm_source=rss"))
    (record,) = read(str(page))
    assert record.title == ARTICLES[0]["title"]
    assert record.author == "Jane Reporter" and record.published == "2024-03-01"
    assert record.outlet == "The Millbrook Gazette"
    assert canonical_url(record.url) == "https://gazette.example/budget"
    assert "“We will not raise taxes this year,” Brannigan told the Riverside Herald." in record.text
    assert BOILERPLATE not in record.text and "Privacy policy" not in record.text
    assert "\n\n" in record.text  # paragraphs kept apart


@pytest.mark.parametrize("content", [
    b"<html><body><div><p>Unclosed <b>tags <i>everywhere",  # broken, but has some text
    b"\x00\x01\x02\x03binary junk",
    b"",
    b"<html><head><title>Only a title</title></head><body><script>var x = 1;</script></body></html>",
])
def test_broken_html_never_raises(tmp_path, content):
    page = tmp_path / "broken.html"
    page.write_bytes(content)
    (item,) = read(str(page))
    assert isinstance(item, (Record, Failure))
    if isinstance(item, Failure):
        assert item.key == str(page) and item.reason


def test_warc_responses_become_articles_and_the_rest_is_skipped(tmp_path):
    pages = [(f"http://example.org/{a['slug']}", article_html(a)) for a in ARTICLES]
    for gz in (True, False):
        path = write_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), pages, gzip=gz)
        items = read(str(path))
        records = [i for i in items if isinstance(i, Record)]
        assert [r.url for r in records] == [url for url, _ in pages]
        assert records[1].title == ARTICLES[1]["title"] and records[1].source == str(path)
        assert "Priya Castellano" in records[1].text
        reasons = sorted(i.reason for i in items if isinstance(i, Skip))
        assert reasons == ["HTTP 404 response", "WARC request record", "WARC request record",
                           "WARC request record", "WARC warcinfo record", "not HTML (image/png)"]


def test_truncated_warc_gz_keeps_what_came_before(tmp_path):
    pages = [(f"http://example.org/{i}", article_html(ARTICLES[i % 3])) for i in range(6)]
    full = write_warc(tmp_path / "full.warc.gz", pages, extras=False).read_bytes()
    for cut in (len(full) // 2, len(full) - 40):
        path = tmp_path / f"cut{cut}.warc.gz"
        path.write_bytes(full[:cut])
        items = read(str(path))
        records = [i for i in items if isinstance(i, Record)]
        failures = [i for i in items if isinstance(i, Failure)]
        assert 1 <= len(records) < 6
        assert len(failures) == 1 and "truncated" in failures[0].reason
        assert [r.url for r in records] == [url for url, _ in pages[: len(records)]]


def test_garbage_warc_fails_cleanly(tmp_path):
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(b"this is not a warc file at all\n" * 10)
    items = read(str(path))
    assert kinds(items) == ["Failure"]


def test_feed_fetches_each_article_and_reports_bad_entries(server, fetcher):
    for article in ARTICLES[:2]:
        server.routes[f"/{article['slug']}"] = Route(article_html(article).encode())
    server.routes["/slow"] = Route(article_html(ARTICLES[2]).encode(), delay=3)
    server.routes["/feed.xml"] = Route(rss_feed([
        (server.url("/budget"), "Budget: libraries to close", "Fri, 01 Mar 2024 10:00:00 GMT"),
        (server.url("/union"), "Union vows fight", "Tue, 05 Mar 2024 08:00:00 GMT"),
        (server.url("/gone"), "Deleted story", "Wed, 06 Mar 2024 08:00:00 GMT"),
        (server.url("/slow"), "Slow story", "Thu, 07 Mar 2024 08:00:00 GMT"),
    ]), content_type="application/rss+xml")
    items = read(server.url("/feed.xml"), fetcher=fetcher)
    assert kinds(items) == ["Record", "Record", "Failure", "Failure"]
    budget = items[0]
    assert budget.title == "Budget: libraries to close"  # the feed's own title wins
    assert budget.published == "2024-03-01T10:00:00" and budget.source == server.url("/feed.xml")
    assert budget.outlet == "The Millbrook Gazette" and "Brannigan" in budget.text
    assert "HTTP 404" in items[2].reason and items[2].key == server.url("/gone")
    assert "timed out" in items[3].reason
    agents = {agent for _, agent in server.requests}
    assert agents == {"sayso/0.1 (news attribution research; polite bot)"}


def test_feed_skips_known_urls_before_fetching(server, fetcher):
    server.routes["/budget"] = Route(article_html(ARTICLES[0]).encode())
    server.routes["/union"] = Route(article_html(ARTICLES[1]).encode())
    server.routes["/feed"] = Route(rss_feed([(server.url("/budget"), "B", ""), (server.url("/union"), "U", "")]),
                                   content_type="text/xml")
    known = {canonical_url(server.url("/budget"))}
    items = read(server.url("/feed"), fetcher=fetcher, known=lambda url: url in known)
    assert kinds(items) == ["Skip", "Record"] and items[0].duplicate
    assert server.hits("/budget") == 0 and server.hits("/union") == 1


def test_invalid_feed_xml_and_local_feed_files(tmp_path, server, fetcher):
    server.routes["/budget"] = Route(article_html(ARTICLES[0]).encode())
    bad = tmp_path / "bad.rss"
    bad.write_bytes(b"<rss><channel><<<not xml at all")
    good = tmp_path / "good.rss"
    good.write_bytes(rss_feed([(server.url("/budget"), "Budget", "")]))
    items = read(str(bad), str(good), fetcher=fetcher)
    assert kinds(items) == ["Failure", "Record"]
    assert "invalid feed" in items[0].reason


def test_urls_pages_feeds_404_and_size_cap(tmp_path, server):
    from sayso.ingest import Fetcher

    server.routes["/story"] = Route(article_html(ARTICLES[2]).encode())
    server.routes["/big"] = Route(b"<html>" + b"x" * 5000 + b"</html>")
    server.routes["/rss"] = Route(rss_feed([(server.url("/story"), "Story", "")]), content_type="application/xml")
    urls = tmp_path / "list.urls"
    urls.write_text(f"# to read\n{server.url('/story')}\n{server.url('/nope')}\n{server.url('/big')}\n"
                    f"{server.url('/rss')}\n")
    with Fetcher(timeout=2, delay=0, max_bytes=4000) as small:
        items = read(str(urls), kind="urls", fetcher=small)
    assert kinds(items) == ["Record", "Failure", "Failure", "Record"]
    assert items[0].url == server.url("/story") and "Marcus Bell" in items[0].text
    assert "HTTP 404" in items[1].reason and "size cap" in items[2].reason


def test_fetcher_politeness_delay_and_scheme(server):
    from sayso.errors import IngestError
    from sayso.ingest import Fetcher

    server.routes["/a"] = Route(b"<html>a</html>")
    with Fetcher(delay=0.3, timeout=2) as fetcher:
        import time

        # The delay runs from the start of one request to the start of the next
        # to the same host, so two requests take at least the delay in all.
        started = time.monotonic()
        fetcher.get(server.url("/a"))
        fetcher.get(server.url("/a"))
        assert time.monotonic() - started >= 0.3
        with pytest.raises(IngestError, match="not an http"):
            fetcher.get("file:///etc/passwd")
    with Fetcher(timeout=1, delay=0) as fetcher:
        with pytest.raises(IngestError, match="cannot fetch"):
            fetcher.get("http://127.0.0.1:9/")  # nothing listens on the discard port


def test_missing_source_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        Sources().check([str(tmp_path / "missing.warc.gz")])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".html", ".jsonl", ".warc.gz", ".rss"]))
def test_any_bytes_give_records_or_failures_never_a_crash(tmp_path, data, suffix):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    with Sources(known=lambda url: True) as reader:  # never fetch: every linked URL counts as stored
        for item in reader.read([str(path)]):
            assert isinstance(item, (Record, Skip, Failure))
