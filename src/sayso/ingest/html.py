"""HTML pages to article records: main text and metadata with trafilatura.

Boilerplate removal (menus, footers, comments, related links) is trafilatura's job; we only
map its output onto a :class:`Record` and keep paragraphs apart with blank lines.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import ConfigError, IngestError, excerpt
from .limits import input_limit, read_file
from .record import Record, normalize_date

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)


def _trafilatura():
    try:
        import trafilatura
    except ImportError as exc:  # the ``ingest`` extra is missing, or lxml lacks lxml_html_clean
        raise ConfigError(
            f"reading HTML needs trafilatura ({exc}); install it with: pip install 'sayso[ingest]'"
        ) from None
    return trafilatura


def decode_html(body: bytes, charset: str | None = None) -> str:
    """Decode page bytes: the HTTP charset, else the page's <meta charset>, else UTF-8 with
    a fallback to Windows-1252 (the commonest mislabelled legacy encoding in news)."""
    candidates = [charset]
    found = _META_CHARSET.search(body[:4096])
    if found:
        candidates.append(found.group(1).decode("ascii", "ignore"))
    for encoding in [c for c in candidates if c] + ["utf-8"]:
        try:
            return body.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("cp1252", errors="replace")


def record_from_html(html: str | bytes, *, key: str, url: str | None = None,
                     source: str | None = None, charset: str | None = None,
                     fetched: str | None = None) -> Record:
    """The article in ``html``; raises :class:`IngestError` when no main text is found."""
    if isinstance(html, bytes):
        if b"\x00" in html[:2048]:
            raise IngestError(f"{key}: not HTML (binary data)")
        html = decode_html(html, charset)
    if not html.strip():
        raise IngestError(f"{key}: empty page")
    trafilatura = _trafilatura()
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, deduplicate=False)
    except Exception as exc:  # noqa: BLE001 - a parser crash on one page is that page's failure
        raise IngestError(f"{key}: cannot parse HTML ({type(exc).__name__}: {excerpt(exc)})") from None
    meta: dict[str, Any] = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = (meta.get("text") or "").strip()
    if not text:
        raise IngestError(f"{key}: no article text found in the HTML")
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    return Record(
        key=key,
        text="\n\n".join(paragraphs),
        url=url or meta.get("url"),
        title=meta.get("title") or None,
        published=normalize_date(meta.get("date")),
        outlet=meta.get("sitename") or meta.get("hostname") or None,
        author=meta.get("author") or None,
        source=source,
        fetched=fetched,
        meta={k: meta[k] for k in ("description", "language", "hostname") if meta.get(k)},
    )


def read_html_file(path: Path, *, max_bytes: int | None = None) -> Record:
    """An HTML file on disk (at most ``max_bytes``, default: the ``input_max_bytes`` setting);
    its canonical URL (if the page declares one) becomes the URL."""
    data = read_file(path, input_limit(max_bytes))
    return record_from_html(data, key=str(path), source=str(path))
