"""An article as read from a source, before analysis, and the URL forms that identify it.

Below both :mod:`sayso.ingest` (which makes records) and :mod:`sayso.store` (which stores them),
so the store never imports ingest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit


@dataclass(frozen=True)
class Record:
    """One article as read from a source, before analysis.

    ``key`` names the item for messages (a path, a URL, ``file.warc.gz#offset``); ``source`` is
    the file, feed or crawl it came from (provenance); ``text`` is the main text (plain), and
    ``html`` the page it was extracted from when there was one (not stored).
    """

    key: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    source: str | None = None
    fetched: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def with_defaults(self, **values: Any) -> Record:
        """A copy where each empty field takes the given value (explicit metadata wins)."""
        return replace(self, **{k: v for k, v in values.items() if v and not getattr(self, k)})



_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.I)


def web_url(url: str | None) -> str | None:
    """``url`` as :func:`canonical_url` gives it when it is an http(s) address, else None: a
    ``javascript:``, ``data:`` or ``file:`` "original link" is never stored or shown."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return canonical_url(url)


def canonical_url(url: str | None) -> str | None:
    """The URL used to recognise an article again: lower-case scheme and host, no fragment,
    no default port and no tracking parameters (``utm_*``, ``fbclid``…)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return url
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port not in (None, 80, 443) else None
    netloc = host if port is None else f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", query, ""))
