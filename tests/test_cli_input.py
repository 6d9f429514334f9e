"""What ``sayso extract`` reads, as a user runs it: HTML pages (by extension, by content, on
standard input, by URL) give their article, never their tags; offsets index the text given;
the language can be set."""
from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from sayso.inputs import looks_like_html
from sayso.schema import analysis_schema
from sayso.text import normalize

from .support import ARTICLES, LocalServer, Route, article_html, article_text, rss_feed
from .test_cli import sayso_cmd


def _json(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    jsonschema.validate(data, analysis_schema())
    return data


def _reads_the_article(data: dict, article: dict) -> None:
    """The analysis is of the article text (as ingest stores it), not of the page's markup."""
    assert data["text"] == normalize(article_text(article))
    names = " ".join(a["name"] for a in data["actors"]) + " ".join(s["text"] for s in data["scare_quotes"])
    assert not any(word in names for word in ("DOCTYPE", "html", "utf-8", "charset", "canonical"))
    for quote in data["quotes"]:
        assert data["text"][quote["start"] : quote["end"]] == quote["text"]


@pytest.fixture
def server():
    local = LocalServer().start()
    yield local
    local.stop()


@pytest.mark.parametrize("name", ["page.html", "page.HTM", "saved-page.txt", "page"])
def test_an_html_file_gives_its_article(tmp_path, name):
    path = tmp_path / name
    path.write_text(article_html(ARTICLES[1], url="https://example.org/union"), encoding="utf-8")
    data = _json(sayso_cmd("extract", str(path), "--format", "json"))
    _reads_the_article(data, ARTICLES[1])
    assert "Priya Castellano" in {a["name"] for a in data["actors"]}
    assert data["meta"]["title"] == ARTICLES[1]["title"] and data["meta"]["format"] == "html"


def test_html_on_standard_input_gives_its_article():
    page = article_html(ARTICLES[0]).encode()
    _reads_the_article(_json(sayso_cmd("extract", "-", "--format", "json", stdin=page)), ARTICLES[0])


def test_a_url_gives_its_article_and_a_feed_is_refused(server):
    server.routes["/union"] = Route(article_html(ARTICLES[1]).encode())
    server.routes["/feed"] = Route(rss_feed([(server.url("/union"), "Union", "Tue, 05 Mar 2024 09:00:00 GMT")]),
                                   content_type="application/rss+xml")
    server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private\n", content_type="text/plain")
    server.routes["/private"] = Route(article_html(ARTICLES[2]).encode())
    data = _json(sayso_cmd("extract", server.url("/union"), "--format", "json"))
    _reads_the_article(data, ARTICLES[1])
    assert data["meta"]["url"] == server.url("/union")
    for path, words in (("/feed", "sayso ingest"), ("/private", "robots.txt"), ("/gone", "404")):
        result = sayso_cmd("extract", server.url(path))
        err = result.stderr.decode()
        assert result.returncode != 0 and "Traceback" not in err and words in err, err
    assert server.hits("/private") == 0


def test_without_the_ingest_extra_a_page_is_refused_with_the_extra_to_install(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(article_html(ARTICLES[0]), encoding="utf-8")
    code = "import sys; sys.modules['trafilatura'] = None; from sayso.cli import main; main()"
    result = subprocess.run([sys.executable, "-c", code, "extract", str(path)], capture_output=True, timeout=300)
    err = result.stderr.decode()
    assert result.returncode != 0 and "Traceback" not in err and "pip install 'sayso[ingest]'" in err


@pytest.mark.parametrize(("head", "html"), [
    (b"<!DOCTYPE html><html><body><p>x</p></body></html>", True),
    (b"\xef\xbb\xbf\n  <html lang='en'><head>", True),
    (b"<?xml version='1.0'?>\n<!-- saved -->\n<html xmlns='http://www.w3.org/1999/xhtml'>", True),
    (b"<div class='story'><p>One.</p><p>Two.</p></div>", True),
    (b"The <b>minister</b> said the talks had failed.", False),
    (b"<Reuters> The minister said the talks had failed.", False),
    (b"\xe2\x80\x9cYes,\xe2\x80\x9d said Maria Lopez.", False),
])
def test_html_is_told_from_text_by_its_first_bytes(head, html):
    assert looks_like_html(head) is html


def test_offsets_index_the_file_as_given(tmp_path):
    text = "“We will not back down,”\r\nsaid Omar Haddad.\r\n\r\n\r\nHe told  Reuters the talks had failed.\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode())
    data = _json(sayso_cmd("extract", str(path), "--format", "json"))
    assert data["text"] == text and len(data["quotes"]) == 2
    for quote in data["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
        if quote["cue_span"] is not None:
            assert text[quote["cue_span"][0] : quote["cue_span"][1]] == quote["cue"]


def test_lang_is_identified_recorded_and_can_be_set(tmp_path):
    german = tmp_path / "de.txt"
    german.write_text("Geld für den Bürgermeister", encoding="utf-8")
    result = sayso_cmd("extract", str(german), "--format", "json")
    data = _json(result)
    assert data["lang"] == "de" and data["actors"] == [] and "German" in result.stderr.decode()
    data = _json(sayso_cmd("extract", str(german), "--format", "json", "--lang", "en"))
    assert data["lang"] == "en" and data["warnings"] == []
    bad = sayso_cmd("extract", str(german), "--lang", "german")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr.decode() and "ISO 639-1" in bad.stderr.decode()
