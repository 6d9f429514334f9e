"""What ``sayso extract`` reads: text files, HTML pages (files, standard input, URLs), folders.

A page is never read as text ("DOCTYPE" would become an actor, attribute values scare
quotes): HTML is told by its extension or its first bytes, and its article is taken out the
way ``sayso ingest`` does (trafilatura, the ``ingest`` extra). Offsets then index that article
text, normalised, exactly as ``sayso ingest`` stores it. A URL is fetched with ingest's
fetcher: robots.txt honoured, a timeout and a size cap.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import IngestError, InputError
from .ingest.limits import read_capped, read_file
from .options import DEFAULTS, Options
from .text import decode, normalize

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
# A page starts with a doctype or one of the outer tags, maybe after an XML declaration,
# comments or a byte-order mark.
_HTML_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                         rb"<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
# Or a tag-led fragment: "<div class=...>" with closing block tags further on.
_HTML_FRAGMENT = re.compile(rb"\s*<(?:div|p|article|section|main|meta|title|script|table)\b", re.I)
_CLOSING_TAGS = re.compile(rb"</(?:p|div|article|section|main|body|html|table|span|a)>", re.I)


@dataclass(frozen=True)
class Input:
    """One article to analyse: its name, its text, and what is known about where it came from."""

    name: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def looks_like_html(data: bytes) -> bool:
    """Whether bytes are an HTML page (or a fragment made of tags), from their first 8 KB."""
    head = data[:8192]
    if _HTML_START.match(head):
        return True
    return bool(_HTML_FRAGMENT.match(head)) and len(_CLOSING_TAGS.findall(head)) >= 2


def read_inputs(sources: tuple[str, ...], stdin: Any = None, *, options: Options = DEFAULTS) -> Iterator[Input]:
    """One :class:`Input` per source: "-" is ``stdin`` (a binary stream), a folder gives its
    .txt files, an http(s) URL is fetched; ``options`` gives the size limits and the fetcher's
    manners."""
    limit = options.input_max_bytes
    for raw in sources:
        if raw == "-":
            if stdin is None:
                import sys

                stdin = sys.stdin.buffer
            yield from _from_bytes("<stdin>", read_capped(stdin, "<stdin>", limit), html=None)
            continue
        if is_url(raw):
            yield from _from_url(raw, options)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not files:
                raise InputError(f"{path}: folder holds no .txt files")
        elif path.is_file():
            files = [path]
        else:
            raise InputError(f"{path}: no such file or folder")
        for file in files:
            data = read_file(file, limit)
            html = True if file.name.lower().endswith(HTML_SUFFIXES) else None
            yield from _from_bytes(str(file), data, html=html)


def _from_bytes(name: str, data: bytes, *, html: bool | None) -> Iterator[Input]:
    if html or (html is None and looks_like_html(data)):
        yield _article(data, key=name)
    else:
        yield Input(name, decode(data, name), {"source": name})


def _article(body: bytes, *, key: str, url: str | None = None, charset: str | None = None,
             fetched: str | None = None) -> Input:
    """The article in a page, as ``sayso ingest`` would store it."""
    from .ingest.html import record_from_html

    record = record_from_html(body, key=key, url=url, source=key, charset=charset, fetched=fetched)
    meta = {"source": key, "format": "html"}
    meta.update({k: v for k, v in (("url", record.url), ("title", record.title), ("published", record.published),
                                   ("outlet", record.outlet), ("author", record.author)) if v})
    return Input(key, normalize(record.text), meta)


def _from_url(url: str, options: Options) -> Iterator[Input]:
    from .ingest.feeds import looks_like_feed
    from .ingest.fetch import Fetcher

    with Fetcher.from_options(options) as fetcher:
        page = fetcher.get(url)
    if looks_like_feed(page.body, page.content_type):
        raise IngestError(f"{url}: is a news feed, not an article; read its articles with: sayso ingest {url}")
    if not (page.content_type in ("text/html", "application/xhtml+xml") or looks_like_html(page.body)):
        if page.content_type.startswith("text/plain"):
            yield Input(url, decode(page.body, url), {"source": url, "url": page.url})
            return
        raise IngestError(f"{url}: is {page.content_type or 'of no declared type'}, not an HTML page or text")
    yield _article(page.body, key=url, url=page.url, charset=page.charset, fetched=page.fetched)
