"""What a source yields: an article :class:`Record`, or a :class:`Skip` / :class:`Failure` notice.

Sources never raise for one bad item: they yield a ``Failure`` with the reason and go on, so a
broken page in a crawl costs that page only.
"""
from __future__ import annotations

import email.utils
import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Union

from ..errors import excerpt
from ..records import Record, canonical_url, web_url  # noqa: F401  (read from here by ingest and the tests)

# The longest reason a Failure gives: a message that quotes its input says what is wrong in a
# line, however long the input (a 500 MB JSONL line must not come back in the summary).
MAX_REASON_CHARS = 500


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


def normalize_date(value: Any) -> str | None:
    """An ISO 8601 date or UTC datetime string, or None when ``value`` is not a date.

    Accepts ISO strings ("2024-03-01", "2024-03-01T10:00:00+02:00"), RFC 822 dates as in RSS
    ("Fri, 01 Mar 2024 10:00:00 GMT"), ``datetime``/``date`` objects and ``time.struct_time``.
    """
    if value is None or value == "":
        return None
    if hasattr(value, "tm_year"):  # time.struct_time, as feedparser gives (always UTC)
        value = datetime(*value[:6]).replace(tzinfo=timezone.utc)
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
