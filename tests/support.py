"""Test doubles for ingestion: news-like HTML pages, WARC files written with warcio, RSS
feeds, and a local HTTP server on 127.0.0.1 (tests never touch the internet)."""
from __future__ import annotations

import html as html_lib
import io
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ARTICLES = [
    {
        "slug": "budget",
        "title": "Mayor unveils budget that closes two libraries",
        "author": "Jane Reporter",
        "date": "2024-03-01",
        "paragraphs": [
            "MILLBROOK — Mayor Helen Brannigan on Monday unveiled a spending plan that would close "
            "two branch libraries and leave 140 city positions unfilled.",
            "“We will not raise taxes this year,” Brannigan told the Riverside Herald.",
            "Council member Tomas Whitaker said the mayor’s numbers did not add up and that the "
            "plan would hurt families who rely on the libraries.",
        ],
    },
    {
        "slug": "union",
        "title": "Union vows to fight city vacancies",
        "author": "Sam Writer",
        "date": "2024-03-05",
        "paragraphs": [
            "The municipal workers union said on Tuesday that it would resist any attempt to make "
            "the vacancies permanent.",
            "“Our members have already given up two raises,” said Priya Castellano, a spokeswoman "
            "for the union. “They were told it was temporary.”",
            "Tomas Whitaker said Brannigan had not consulted the council before announcing the cuts.",
        ],
    },
    {
        "slug": "transit",
        "title": "Weekend buses cut as ridership falls",
        "author": "Jane Reporter",
        "date": "2024-04-10",
        "paragraphs": [
            "The transit authority will cut weekend bus service on four routes, its director "
            "Marcus Bell said on Wednesday, citing a steep fall in ridership since the pandemic.",
            "“Nobody wants to cut service,” Bell said. “But we cannot run empty buses.”",
            "Riders said the cuts would make it harder to reach jobs and hospitals on weekends.",
        ],
    },
]

BOILERPLATE = "Subscribe to our newsletter for the best local stories every morning"


def article_text(article: dict) -> str:
    return "\n\n".join([article["title"], *article["paragraphs"]])


def article_html(article: dict, *, site: str = "The Millbrook Gazette", url: str | None = None) -> str:
    """A news page with menus, a newsletter box and a footer around the article."""
    body = "".join(f"<p>{html_lib.escape(p)}</p>" for p in article["paragraphs"])
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html_lib.escape(article['title'])} | {site}</title>
<meta name="author" content="{article['author']}">
<meta property="article:published_time" content="{article['date']}T09:30:00Z">
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{html_lib.escape(article['title'])}">
{canonical}
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<aside class="newsletter"><p>{BOILERPLATE}.</p></aside>
<main><article><h1>{html_lib.escape(article['title'])}</h1>
<p class="byline">By {article['author']}</p>
{body}
</article></main>
<footer><p>© 2024 {site}. All rights reserved. Contact us. Privacy policy.</p></footer>
</body></html>"""


def rss_feed(items: list[tuple[str, str, str]], *, title: str = "Millbrook Gazette — Local") -> bytes:
    """RSS 2.0 with (link, title, RFC 822 date) items."""
    entries = "".join(
        f"<item><title>{html_lib.escape(t)}</title><link>{link}</link><pubDate>{date}</pubDate>"
        f"<author>desk@example.org (News Desk)</author></item>"
        for link, t, date in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://example.org/</link><description>Local news</description>{entries}"
            f"</channel></rss>").encode()


def write_warc(path: Path, pages: list[tuple[str, str]], *, gzip: bool = True, extras: bool = True) -> Path:
    """A WARC with a warcinfo record, then per page a request and an HTML response; with
    ``extras`` also an image response and a 404 response (both to be skipped)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "sayso tests"}))

        def response(url: str, status: str, content_type: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))

        for url, page in pages:
            request = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            response(url, "200 OK", "text/html; charset=utf-8", page.encode("utf-8"))
        if extras:
            response("http://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
            response("http://example.org/missing", "404 Not Found", "text/html", b"<html>gone</html>")
    return path


@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0


@dataclass
class LocalServer:
    """A threaded HTTP server on 127.0.0.1 serving ``routes``; records every request."""

    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path, user agent)

    def start(self) -> LocalServer:
        server_self = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                server_self.requests.append((self.path, self.headers.get("User-Agent", "")))
                route = server_self.routes.get(self.path)
                if route is None:
                    route = Route(b"<html><body>Not found</body></html>", status=404)
                if route.delay:
                    time.sleep(route.delay)
                try:
                    self.send_response(route.status)
                    self.send_header("Content-Type", route.content_type)
                    self.send_header("Content-Length", str(len(route.body)))
                    self.end_headers()
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)
