"""What a source yields: an article :class:`Record`, or a :class:`Skip` / :class:`Failure` notice.

Sources never raise for one bad item: they yield a ``Failure`` with the reason and go on, so a
broken page in a crawl costs that page only.
"""
from __future__ import annotations

import email.utils
import json
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from typing import Any, Union
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import excerpt

# The longest reason a Failure gives: a message that quotes its input says what is wrong in a
# line, however long the input (a 500 MB JSONL line must not come back in the summary).
MAX_REASON_CHARS = 500


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


@dataclass(frozen=True)
class Skip:
    """An item that is not an article (a WARC request record, an unsupported file) or is
    already stored (``duplicate``)."""

    key: str
    reason: str
    duplicate: bool = False


@dataclass(frozen=True)
class Failure:
    """An item that should have been an article but could not be read, fetched or parsed."""

    key: str
    reason: str


Item = Union[Record, Skip, Failure]


def failure(key: str, exc: Exception) -> Failure:
    """A :class:`Failure` from an exception, without repeating the key its message starts with
    (at most :data:`MAX_REASON_CHARS` of it)."""
    reason = str(exc)
    return Failure(key, excerpt(reason.removeprefix(f"{key}: "), MAX_REASON_CHARS) or type(exc).__name__)

def check_record(record: Record) -> None:
    """Raise :class:`~sayso.errors.InvalidText` naming the first field of ``record`` that holds a
    lone surrogate (no encoding can store it)."""
    from ..text import check_unicode

    for name in ("text", "url", "title", "published", "outlet", "author", "source", "fetched"):
        value = getattr(record, name)
        if isinstance(value, str):
            check_unicode(value, record.key, f"the {name}")
    if record.meta:
        check_unicode(json.dumps(record.meta, ensure_ascii=False, default=str), record.key, "the metadata")


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


def normalize_date(value: Any) -> str | None:
    """An ISO 8601 date or UTC datetime string, or None when ``value`` is not a date.

    Accepts ISO strings ("2024-03-01", "2024-03-01T10:00:00+02:00"), RFC 822 dates as in RSS
    ("Fri, 01 Mar 2024 10:00:00 GMT"), ``datetime``/``date`` objects and ``time.struct_time``.
    """
    if value is None or value == "":
        return None
    if hasattr(value, "tm_year"):  # time.struct_time, as feedparser gives (always UTC)
        value = datetime(*value[:6], tzinfo=timezone.utc)
    if isinstance(value, str):
        raw = value.strip()
        parsed: datetime | date | None = None
        try:
            parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            try:
                parsed = email.utils.parsedate_to_datetime(raw)
            except (TypeError, ValueError, IndexError):
                return None
        value = parsed
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        if value.time() == datetime.min.time():
            return value.date().isoformat()
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return None
