"""WARC and ARC files, gzipped or not (warcio, streaming): HTTP responses with HTML become
articles; every other record (requests, metadata, warcinfo, images, redirects) is skipped and
counted. A truncated or corrupt file fails at the point of damage; what came before stands.

A gzip bomb costs time, not memory: a page body is read up to ``max_bytes`` (the
``fetch_max_bytes`` option, ``SAYSO_FETCH_MAX_BYTES``), and a
header or junk line up to :data:`MAX_LINE_BYTES` (warcio reads lines whole, however long).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import IngestError, excerpt
from ..options import DEFAULTS
from .html import record_from_html
from .record import Failure, Item, Skip, canonical_url, failure, normalize_date

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# Longest line read from a WARC, and most header bytes between two record bodies (blank lines,
# WARC and HTTP headers): real header lines are a few hundred bytes, 8 KiB is the usual HTTP
# server limit; more is damage (or a bomb), and fails the file where it is met.
MAX_LINE_BYTES = 65_536
MAX_HEADER_BYTES = 1_048_576
# Compressed bytes decompressed at a time (warcio's default is 16 KiB): deflate expands a block
# at most ~1,000 times, so a bomb's block is at most ~4 MB in memory.
_BLOCK_BYTES = 4096


def _bounded_line_reader(max_line: int, max_header: int):
    """warcio's decompressing reader with every ``readline`` cut at ``max_line`` bytes, that
    stops with ArchiveLoadFailed after ``max_header`` bytes of lines with no body read between."""
    from warcio.bufferedreaders import DecompressingBufferedReader
    from warcio.exceptions import ArchiveLoadFailed

    class BoundedLineReader(DecompressingBufferedReader):
        line_bytes = 0

        def read(self, length=None):
            self.line_bytes = 0
            return super().read(length)

        def readline(self, length=None):
            line = super().readline(max_line if length is None or length < 0 else min(length, max_line))
            self.line_bytes += len(line)
            if self.line_bytes > max_header:
                raise ArchiveLoadFailed(f"over {max_header:,} bytes of header lines in a row")
            return line

    return BoundedLineReader


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


@dataclass(frozen=True)
class Page:
    """An HTML response read from a WARC, before its text is extracted (:func:`page_item`)."""

    body: bytes
    key: str
    url: str | None
    source: str
    charset: str | None
    fetched: str | None


def page_item(page: Page) -> Item:
    """The article in a page (trafilatura), or a failure saying why there is none."""
    try:
        return record_from_html(page.body, key=page.key, url=page.url, source=page.source,
                                charset=page.charset, fetched=page.fetched)
    except IngestError as exc:
        return failure(page.key, exc)


def read_warc(path: Path, *, known: Callable[[str], bool] = lambda url: False,
              max_bytes: int | None = None) -> Iterator[Item]:
    """Records of a WARC/ARC file, streamed; memory stays flat whatever the file's size."""
    for item in read_warc_pages(path, known=known, max_bytes=max_bytes):
        yield page_item(item) if isinstance(item, Page) else item


def read_warc_pages(path: Path, *, known: Callable[[str], bool] = lambda url: False,
                    max_bytes: int | None = None) -> Iterator[Item | Page]:
    """:func:`read_warc` without the HTML extraction: HTML responses come out as :class:`Page`,
    so that a caller can extract them elsewhere (the Spark job spreads them over its cores)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    cap = int(DEFAULTS.fetch_max_bytes if max_bytes is None else max_bytes)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Failure(str(path), f"cannot read ({exc.strerror})")
        return
    with handle:
        is_arc = path.name.lower().endswith((".arc", ".arc.gz"))
        records = ArchiveIterator(handle, arc2warc=is_arc)
        records.reader = _bounded_line_reader(MAX_LINE_BYTES, MAX_HEADER_BYTES)(records.fh, block_size=_BLOCK_BYTES)
        offset = 0
        try:
            for record in records:
                offset = records.offset  # where this record starts (get_record_offset() would consume it)
                key = f"{path}#{offset}"
                if not is_arc and record.format != "warc":  # warcio reads any junk as ARC lines
                    yield Failure(key, "not a WARC file (no WARC/1.x record header)")
                    return
                if record.rec_type != "response" or record.http_headers is None:
                    yield Skip(key, f"WARC {record.rec_type} record")
                    continue
                status = record.http_headers.get_statuscode() or ""
                content_type = record.http_headers.get_header("Content-Type") or ""
                url = record.rec_headers.get_header("WARC-Target-URI") or None
                if not status.startswith("2"):
                    yield Skip(key, f"HTTP {status or '?'} response")
                    continue
                if content_type.split(";")[0].strip().lower() not in _HTML_TYPES:
                    yield Skip(key, f"not HTML ({content_type.split(';')[0].strip() or 'no type'})")
                    continue
                if url and known(canonical_url(url) or url):
                    yield Skip(url, "already stored", duplicate=True)
                    continue
                body = record.content_stream().read(cap + 1)
                if len(body) > cap:
                    yield Failure(url or key, f"page is over the size cap of {cap:,} bytes")
                    continue
                if record.raw_stream.limit > 0:  # fewer bytes than the record header declared
                    yield Failure(url or key, "truncated WARC record")
                    continue
                fetched = normalize_date(record.rec_headers.get_header("WARC-Date"))
                yield Page(body, url or key, url, str(path), _charset(content_type), fetched)
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError) as exc:
            # warcio raises AttributeError on some damaged headers; all mean: cannot go on.
            yield Failure(f"{path}#{offset}", f"corrupt or truncated WARC, reading stopped "
                                              f"({type(exc).__name__}: {excerpt(exc)})")
            return
        if records.offset < handle.tell():  # bytes left that no complete record could be read from
            yield Failure(f"{path}#{records.offset}", "truncated WARC: the file ends inside a record")
