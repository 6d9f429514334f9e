"""Fetcher politeness and resilience: robots.txt (RFC 9309) and retries, over
``httpx.MockTransport`` with the sleeping recorded instead of done."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import httpx
import pytest

from sayso.errors import IngestError
from sayso.ingest import Fetcher
from sayso.ingest.fetch import retry_wait
from sayso.ingest.robots import product_token
from tests.support import ARTICLES, Route, article_html

PAGE = b"<html><body><p>ok</p></body></html>"
ROBOTS = "User-agent: *\nDisallow: /private/\n\nUser-agent: sayso\nDisallow: /members/\nCrawl-delay: 5\n"


class Site:
    """A fake web: ``routes`` maps a path to a list of responses served in turn (the last one
    repeats); every request is recorded."""

    def __init__(self, routes: dict[str, list[httpx.Response | Exception]]) -> None:
        self.routes = routes
        self.requests: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(str(request.url))
        answers = self.routes.get(request.url.path)
        if answers is None:
            return httpx.Response(404, text="not found")
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer

    def hits(self, path: str) -> int:
        return sum(1 for url in self.requests if httpx.URL(url).path == path)


def html(body: bytes = PAGE, **kwargs) -> httpx.Response:
    return httpx.Response(200, content=body, headers={"Content-Type": "text/html; charset=utf-8"}, **kwargs)


def robots(text: str) -> httpx.Response:
    return httpx.Response(200, text=text, headers={"Content-Type": "text/plain"})


def fetcher(site: Site, sleeps: list[float], **options) -> Fetcher:
    options = {"delay": 0.0, "timeout": 2.0, "retries": 2, "backoff": 1.0, "robots": True, **options}
    return Fetcher(transport=httpx.MockTransport(site), sleep=sleeps.append, **options)


def test_product_token():
    assert product_token("sayso/0.1 (news attribution research; polite bot)") == "sayso"
    assert product_token("NewsBot") == "NewsBot"


def test_disallowed_path_fails_with_reason_and_is_never_requested():
    site = Site({"/robots.txt": [robots(ROBOTS)], "/members/story": [html()], "/news/story": [html()]})
    with fetcher(site, []) as f:
        with pytest.raises(IngestError, match="disallowed by robots.txt") as caught:
            f.get("https://paper.example/members/story")
        assert f.get("https://paper.example/news/story").body == PAGE
    assert str(caught.value).startswith("https://paper.example/members/story: ")
    assert "SAYSO_FETCH_ROBOTS=0" in str(caught.value)
    assert site.hits("/members/story") == 0 and site.hits("/news/story") == 1


def test_our_group_wins_over_the_star_group():
    """RFC 9309 §2.2.1: a crawler obeys the group naming it, not the ``*`` group as well."""
    site = Site({"/robots.txt": [robots(ROBOTS)], "/private/notes": [html()]})
    with fetcher(site, []) as f:
        assert f.get("https://paper.example/private/notes").status == 200
    with fetcher(Site({"/robots.txt": [robots(ROBOTS)]}), [], user_agent="OtherBot/2.0") as f:
        with pytest.raises(IngestError, match="disallows it for OtherBot"):
            f.get("https://paper.example/private/notes")


def test_robots_is_read_once_per_scheme_and_host():
    site = Site({"/robots.txt": [robots("User-agent: *\nDisallow: /x/\n")], "/a": [html()], "/b": [html()]})
    with fetcher(site, []) as f:
        for url in ("https://one.example/a", "https://one.example/b", "https://one.example/a",
                    "https://two.example/a", "http://one.example/a"):
            f.get(url)
    robots_fetches = [url for url in site.requests if url.endswith("/robots.txt")]
    assert robots_fetches == ["https://one.example/robots.txt", "https://two.example/robots.txt",
                              "http://one.example/robots.txt"]


@pytest.mark.parametrize("status", [404, 410, 401, 403])
def test_unavailable_robots_allows_everything(status):
    site = Site({"/robots.txt": [httpx.Response(status)], "/members/story": [html()]})
    sleeps: list[float] = []
    with fetcher(site, sleeps) as f:
        assert f.get("https://paper.example/members/story").body == PAGE
    assert site.hits("/robots.txt") == 1 and sleeps == []  # a 4xx is not retried


def test_robots_503_puts_the_host_off_limits_with_a_clear_reason():
    site = Site({"/robots.txt": [httpx.Response(503)], "/story": [html()], "/other": [html()]})
    sleeps: list[float] = []
    with fetcher(site, sleeps) as f:
        with pytest.raises(IngestError) as caught:
            f.get("https://down.example/story")
        with pytest.raises(IngestError, match="disallowed by robots.txt"):
            f.get("https://down.example/other")
    message = str(caught.value)
    assert "disallowed by robots.txt" in message and "unreachable (HTTP 503)" in message
    assert "https://down.example/robots.txt" in message and "RFC 9309" in message
    assert site.hits("/robots.txt") == 3 and sleeps == [1.0, 2.0]  # retried, then given up, once
    assert site.hits("/story") == 0 and site.hits("/other") == 0


def test_robots_still_429_after_the_retries_counts_as_unreachable():
    site = Site({"/robots.txt": [httpx.Response(429)], "/story": [html()]})
    with fetcher(site, [], retries=1) as f:
        with pytest.raises(IngestError, match=r"unreachable \(HTTP 429\)"):
            f.get("https://busy.example/story")
    assert site.hits("/robots.txt") == 2 and site.hits("/story") == 0


def test_unreachable_robots_host_is_disallowed():
    site = Site({"/robots.txt": [httpx.ConnectError("connection refused")]})
    with fetcher(site, [], retries=0) as f:
        with pytest.raises(IngestError, match=r"gone.example/story: cannot reach gone.example: cannot fetch \(ConnectError"):
            f.get("https://gone.example/story")


def test_crawl_delay_longer_than_the_setting_is_honoured():
    site = Site({"/robots.txt": [robots(ROBOTS)], "/a": [html()], "/b": [html()]})
    sleeps: list[float] = []
    with fetcher(site, sleeps, delay=1.0) as f:
        f.get("https://paper.example/a")
        f.get("https://paper.example/b")
    # robots.txt, /a and /b: two pauses of (about) the Crawl-delay, not the 1 s setting
    assert len(sleeps) == 2 and all(4.5 < pause <= 5.0 for pause in sleeps)


def test_crawl_delay_shorter_than_the_setting_changes_nothing():
    site = Site({"/robots.txt": [robots("User-agent: *\nCrawl-delay: 1\n")], "/a": [html()]})
    sleeps: list[float] = []
    with fetcher(site, sleeps, delay=3.0) as f:
        f.get("https://paper.example/a")
    assert len(sleeps) == 1 and 2.5 < sleeps[0] <= 3.0


def test_robots_off_skips_the_check(monkeypatch):
    from sayso import settings

    monkeypatch.setenv("SAYSO_FETCH_ROBOTS", "0")  # read where the options are built (the edge)
    site = Site({"/robots.txt": [robots("User-agent: *\nDisallow: /\n")], "/story": [html()]})
    with Fetcher.from_options(settings.options(), transport=httpx.MockTransport(site), delay=0,
                              sleep=[].append) as f:
        assert f.robots is False
        assert f.get("https://paper.example/story").body == PAGE
    assert site.requests == ["https://paper.example/story"]
    with Fetcher(transport=httpx.MockTransport(site), delay=0) as f:
        assert f.robots is True  # the library's default, whatever the environment says
    monkeypatch.setenv("SAYSO_FETCH_ROBOTS", "1")
    with Fetcher.from_options(settings.options(), transport=httpx.MockTransport(site), delay=0) as f:
        assert f.robots is True


def test_retries_503_then_succeeds_with_exponential_backoff():
    site = Site({"/story": [httpx.Response(503), httpx.Response(502), html()]})
    sleeps: list[float] = []
    with fetcher(site, sleeps, robots=False) as f:
        assert f.get("https://busy.example/story").body == PAGE
    assert site.hits("/story") == 3 and sleeps == [1.0, 2.0]


def test_gives_up_after_the_retries_with_the_last_status():
    site = Site({"/story": [httpx.Response(504)]})
    sleeps: list[float] = []
    with fetcher(site, sleeps, robots=False, retries=1) as f:
        with pytest.raises(IngestError, match=r"HTTP 504 Gateway Timeout \(after 2 attempts\)"):
            f.get("https://busy.example/story")
    assert site.hits("/story") == 2 and sleeps == [1.0]


def test_retry_after_seconds_is_honoured_and_capped():
    site = Site({"/story": [httpx.Response(429, headers={"Retry-After": "7"}),
                            httpx.Response(503, headers={"Retry-After": "3600"}), html()]})
    sleeps: list[float] = []
    with fetcher(site, sleeps, robots=False) as f:
        assert f.get("https://busy.example/story").status == 200
    assert sleeps == [7.0, 60.0]


def test_retry_wait():
    assert retry_wait(0, 0.5, None) == 0.5 and retry_wait(2, 0.5, None) == 2.0
    assert retry_wait(0, 1.0, "nonsense") == 1.0
    assert retry_wait(1, 1.0, "Wed, 21 Oct 2015 07:28:00 GMT") == 2.0  # a date in the past


def test_connection_errors_and_timeouts_are_retried():
    site = Site({"/story": [httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), html()]})
    sleeps: list[float] = []
    with fetcher(site, sleeps, robots=False) as f:
        assert f.get("https://flaky.example/story").body == PAGE
    assert site.hits("/story") == 3 and sleeps == [1.0, 2.0]
    always = Site({"/story": [httpx.ReadTimeout("slow")]})
    with fetcher(always, [], robots=False) as f:
        with pytest.raises(IngestError, match=r"timed out after 2 s .*\(after 3 attempts\)"):
            f.get("https://flaky.example/story")


@pytest.mark.parametrize("answer,reason", [
    (httpx.Response(404), "HTTP 404 Not Found"),
    (httpx.Response(500), "HTTP 500 Internal Server Error"),
    (httpx.Response(200, content=b"x" * 500, headers={"Content-Type": "text/html"}), "size cap"),
])
def test_permanent_errors_are_not_retried(answer, reason):
    site = Site({"/story": [answer]})
    sleeps: list[float] = []
    with fetcher(site, sleeps, robots=False, max_bytes=100) as f:
        with pytest.raises(IngestError, match=reason) as caught:
            f.get("https://paper.example/story")
    assert site.hits("/story") == 1 and sleeps == [] and "attempts" not in str(caught.value)


def test_oversized_robots_is_truncated_not_refused():
    text = "User-agent: *\nDisallow: /private/\n" + "# padding\n" * 100
    site = Site({"/robots.txt": [robots(text)], "/private/a": [html()]})
    with fetcher(site, [], max_bytes=200) as f:
        with pytest.raises(IngestError, match="disallowed by robots.txt"):
            f.get("https://paper.example/private/a")


def test_url_list_with_a_disallowed_url_stores_the_others(tmp_path):
    """``sayso ingest`` of a URL list as a user runs it, against a local server."""
    from tests.support import LocalServer

    server = LocalServer().start()
    try:
        server.routes["/robots.txt"] = Route(b"User-agent: sayso\nDisallow: /members/\n",
                                             content_type="text/plain")
        server.routes["/news/budget"] = Route(article_html(ARTICLES[0]).encode())
        server.routes["/news/union"] = Route(article_html(ARTICLES[1]).encode())
        server.routes["/members/transit"] = Route(article_html(ARTICLES[2]).encode())
        urls = tmp_path / "list.urls"
        urls.write_text("\n".join(server.url(p) for p in ("/news/budget", "/members/transit", "/news/union")))
        errors = tmp_path / "errors.jsonl"
        env = {**os.environ, "SAYSO_FETCH_DELAY": "0", "SAYSO_FETCH_TIMEOUT": "2"}
        env.pop("SAYSO_FETCH_ROBOTS", None)
        result = subprocess.run(
            [sys.executable, "-m", "sayso", "ingest", str(urls), "--from", "urls", "--db",
             str(tmp_path / "news.db"), "--errors", str(errors), "--no-progress", "--json"],
            capture_output=True, timeout=300, env=env)
    finally:
        server.stop()
    assert "Traceback" not in result.stderr.decode()
    assert result.returncode == 1, result.stderr.decode()  # one item failed; the rest is stored
    summary = json.loads(result.stdout)
    assert (summary["stored"], summary["failed"]) == (2, 1)
    (error,) = [json.loads(line) for line in errors.read_text().splitlines()]
    assert error["item"].endswith("/members/transit") and "disallowed by robots.txt" in error["reason"]
    assert server.hits("/robots.txt") == 1 and server.hits("/members/transit") == 0
