"""RSS and Atom feeds (feedparser): fetch each linked article and read it with trafilatura.

The feed's own entry metadata (title, date, author) is the publisher's, so it wins over what
is guessed from the page; the feed title stands in for the outlet when the page names none.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from ..errors import IngestError, excerpt
from .fetch import Fetcher
from .html import record_from_html
from .record import Failure, Item, Skip, canonical_url, failure, normalize_date

_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/xml", "text/xml", "application/feed+json"}


def looks_like_feed(body: bytes, content_type: str = "") -> bool:
    """True for RSS/Atom/RDF XML (by content type, else by sniffing the first bytes)."""
    if content_type in _FEED_TYPES and content_type not in ("application/xml", "text/xml"):
        return True
    head = body[:1024].lstrip().lower()
    if head.startswith(b"<!doctype html") or head.startswith(b"<html"):
        return False
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")) or (
        content_type in ("application/xml", "text/xml") and head.startswith(b"<?xml"))


def parse_feed(body: bytes, key: str):
    """The parsed feed; raises IngestError for XML that yields no entries."""
    import feedparser

    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        raise IngestError(f"{key}: invalid feed ({excerpt(parsed.get('bozo_exception') or 'not RSS or Atom')})")
    if not parsed.entries and not parsed.feed:
        raise IngestError(f"{key}: not an RSS or Atom feed")
    return parsed


def read_feed(body: bytes, *, key: str, fetcher: Fetcher,
              known: Callable[[str], bool] = lambda url: False) -> Iterator[Item]:
    """Every entry of a feed, fetched; entries already stored are skipped before any download."""
    try:
        parsed = parse_feed(body, key)
    except IngestError as exc:
        yield failure(key, exc)
        return
    feed_title = parsed.feed.get("title") or None
    if not parsed.entries:
        yield Skip(key, "feed has no entries")
        return
    for number, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        if not link:
            yield Failure(f"{key}#{number}", "feed entry has no link")
            continue
        url = canonical_url(link) or link
        if known(url):
            yield Skip(link, "already stored", duplicate=True)
            continue
        try:
            page = fetcher.get(link)
            record = record_from_html(page.body, key=link, url=link, source=key,
                                      charset=page.charset, fetched=page.fetched)
            if page.url != link:  # the feed's link is the article's identity; keep where it led
                record = replace(record, meta={**record.meta, "final_url": page.url})
        except IngestError as exc:
            yield failure(link, exc)
            continue
        # dict.get: feedparser warns when "updated_parsed" is read through its alias mapping
        published = normalize_date(dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed"))
        record = replace(
            record,
            title=entry.get("title") or record.title,
            published=published or record.published,
            author=entry.get("author") or record.author,
        )
        yield record.with_defaults(outlet=feed_title)
