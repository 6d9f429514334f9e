"""JSON Lines: one article per line, with a ``text`` or an ``html`` field and optional metadata
(``url``, ``title``, ``published``, ``outlet``, ``author``, ``id``). ``.jsonl.gz`` is read too."""
from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from ..errors import IngestError
from .html import record_from_html
from .record import Failure, Item, Record, failure, normalize_date

METADATA = ("url", "title", "published", "outlet", "author")


def record_from_json(data: Any, key: str, source: str | None = None) -> Record:
    """The article in one decoded JSON object; explicit fields win over what HTML yields."""
    if not isinstance(data, dict):
        raise IngestError(f"{key}: expected a JSON object, got {type(data).__name__}")
    text, html = data.get("text"), data.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise IngestError(f"{key}: record has no 'text' or 'html' string field")
    fields = {name: str(data[name]) for name in METADATA if data.get(name) not in (None, "")}
    if "published" in fields:
        raw = fields["published"]
        fields["published"] = normalize_date(raw)
        if fields["published"] is None:
            fields.pop("published")
    if isinstance(text, str):
        record = Record(key=key, text=text, source=source, **fields)
    else:
        record = replace(record_from_html(html, key=key, url=fields.get("url"), source=source), **fields)
    extra = {k: v for k, v in data.items() if k not in (*METADATA, "text", "html", "id")}
    return replace(record, meta={**record.meta, **extra}) if extra else record


def _open(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")


def read_jsonl(path: Path) -> Iterator[Item]:
    """Each line of a JSONL file as a record, or a failure naming the line and the reason."""
    try:
        handle = _open(path)
    except OSError as exc:
        yield Failure(str(path), f"cannot read ({exc.strerror})")
        return
    with handle:
        yield from read_jsonl_stream(handle, str(path))


def read_jsonl_stream(handle: IO[bytes], name: str) -> Iterator[Item]:
    """Each line of an open binary stream (a file, standard input) as a record or a failure."""
    number = 0
    try:
        for number, raw in enumerate(handle, 1):  # noqa: B007 - number used after the loop
            if not raw.strip():
                continue
            key = f"{name}:{number}"
            try:
                data = json.loads(raw)
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield Failure(key, f"invalid JSON ({exc})")
                continue
            if isinstance(data, dict) and data.get("id") not in (None, ""):
                key = f"{name}:{data['id']}"
            try:
                yield record_from_json(data, key, source=name)
            except IngestError as exc:
                yield failure(key, exc)
    except (OSError, EOFError) as exc:
        yield Failure(f"{name}:{number + 1}", f"unreadable or truncated file ({exc})")
