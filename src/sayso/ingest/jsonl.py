"""JSON Lines: one article per line, with a ``text`` or an ``html`` field and optional metadata
(``url``, ``title``, ``published``, ``outlet``, ``author``, ``id``). ``.jsonl.gz`` is read too.

A bad line fails alone: invalid JSON, a line over ``SAYSO_INPUT_MAX_BYTES`` (skipped unread), or
a string with a lone surrogate (``"\\ud800"`` without its pair, which no encoding can write).
"""
from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, Any, cast

from ..errors import IngestError, InputError, excerpt
from ..text import check_unicode
from .html import record_from_html
from .limits import capped_lines, input_limit, over_limit
from .record import Failure, Item, Record, failure, normalize_date

METADATA = ("url", "title", "published", "outlet", "author")


def record_from_json(data: Any, key: str, source: str | None = None) -> Record:
    """The article in one decoded JSON object; explicit fields win over what HTML yields."""
    if not isinstance(data, dict):
        raise IngestError(f"{key}: expected a JSON object, got {type(data).__name__}")
    _check_strings(data, key)
    text, html = data.get("text"), data.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise IngestError(f"{key}: record has no 'text' or 'html' string field")
    fields: dict[str, Any] = {name: str(data[name]) for name in METADATA if data.get(name) not in (None, "")}
    if "published" in fields:
        published = normalize_date(fields.pop("published"))
        if published is not None:
            fields["published"] = published
    if isinstance(text, str):
        record = Record(key=key, text=text, source=source, **fields)
    else:
        assert isinstance(html, str)  # checked above: one of the two is a string
        record = replace(record_from_html(html, key=key, url=fields.get("url"), source=source), **fields)
    extra = {k: v for k, v in data.items() if k not in (*METADATA, "text", "html", "id")}
    return replace(record, meta={**record.meta, **extra}) if extra else record


def _check_strings(data: dict[str, Any], key: str) -> None:
    """IngestError naming the first field whose string (or name) holds a lone surrogate."""
    stack: list[tuple[str, Any]] = [("", data)]
    try:
        while stack:
            field, value = stack.pop()
            if isinstance(value, str):
                check_unicode(value, key, f"field {field!r}")
            elif isinstance(value, dict):
                for name, item in value.items():
                    check_unicode(name, key, "a field name")
                    stack.append((f"{field}.{name}" if field else name, item))
            elif isinstance(value, list):
                stack.extend((f"{field}[{number}]", item) for number, item in enumerate(value))
    except InputError as exc:
        raise IngestError(str(exc)) from None


def _open(path: Path) -> IO[bytes]:
    if path.suffix == ".gz":
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def read_jsonl(path: Path, *, max_bytes: int | None = None) -> Iterator[Item]:
    """Each line of a JSONL file as a record, or a failure naming the line and the reason;
    lines over ``max_bytes`` (default: the ``input_max_bytes`` setting) fail unread."""
    try:
        handle = _open(path)
    except OSError as exc:
        yield Failure(str(path), f"cannot read ({exc.strerror})")
        return
    with handle:
        yield from read_jsonl_stream(handle, str(path), max_bytes=max_bytes)


def read_jsonl_stream(handle: IO[bytes], name: str, *, max_bytes: int | None = None) -> Iterator[Item]:
    """Each line of an open binary stream (a file, standard input) as a record or a failure."""
    limit = input_limit(max_bytes)
    number = 0
    try:
        for number, raw in capped_lines(handle, limit):
            key = f"{name}:{number}"
            if isinstance(raw, int):
                yield Failure(key, f"line of {over_limit(limit, raw)}; skipped unread")
                continue
            if not raw.strip():
                continue
            try:
                data = json.loads(raw)
            except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
                yield Failure(key, f"invalid JSON ({excerpt(exc)})")
                continue
            if isinstance(data, dict) and data.get("id") not in (None, ""):
                key = f"{name}:{excerpt(data['id'], 80)}"
            try:
                yield record_from_json(data, key, source=name)
            except IngestError as exc:
                yield failure(key, exc)
    except (OSError, EOFError) as exc:
        yield Failure(f"{name}:{number + 1}", f"unreadable or truncated file ({excerpt(exc)})")
