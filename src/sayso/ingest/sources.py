"""Turn command-line sources (files, folders, URLs, feeds, crawls, standard input) into one
stream of :class:`Record` / :class:`Skip` / :class:`Failure` items.

The kind of each source is detected from its extension or scheme, or forced with ``kind``:
``text``, ``html``, ``jsonl``, ``warc``, ``feed``, ``url`` (a page or a feed, sniffed) or
``urls`` (a file listing one URL per line).
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import IngestError, InputError
from ..options import DEFAULTS, Options
from ..text import decode
from .feeds import looks_like_feed, read_feed
from .fetch import Fetcher
from .html import read_html_file, record_from_html
from .jsonl import read_jsonl, read_jsonl_stream
from .limits import input_limit, read_capped, read_file
from .record import Item, Record, Skip, canonical_url, failure
from .text import read_text_file
from .warc import read_warc

KINDS = ("text", "html", "jsonl", "warc", "feed", "url", "urls")

_EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl",
    ".warc": "warc", ".warc.gz": "warc", ".arc": "warc", ".arc.gz": "warc",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
# In folders, stray .xml files (sitemaps, configs) must not trigger downloads.
_FOLDER_SKIPS = {".xml"}

Known = Callable[[str], bool]


def _never_known(url: str) -> bool:
    return False


def detect_kind(source: str) -> str:
    """The kind of a source from its scheme or extension; raises InputError when unknown."""
    if source.startswith(("http://", "https://")):
        return "url"
    name = source.lower()
    for suffix in sorted(_EXTENSIONS, key=len, reverse=True):
        if name.endswith(suffix):
            return _EXTENSIONS[suffix]
    raise InputError(f"{source}: cannot tell what kind of source this is from its name; "
                     f"give it with --from ({'|'.join(KINDS)})")


def _kind_in_folder(path: Path) -> str | None:
    name = path.name.lower()
    for suffix in sorted(_EXTENSIONS, key=len, reverse=True):
        if name.endswith(suffix):
            return None if suffix in _FOLDER_SKIPS else _EXTENSIONS[suffix]
    return None


def _walk(folder: Path) -> Iterator[Path]:
    """Files under a folder in a stable order, hidden files and folders left out; streamed."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


class Sources:
    """Reads sources one after another; ``known(url)`` lets a re-run skip stored articles before
    fetching or parsing them. Close the shared fetcher with ``close()`` (or ``with``). A file,
    a JSONL line or standard input is read up to ``max_bytes`` (default: the ``input_max_bytes``
    option); a larger one fails alone. ``options`` gives the limits and the fetcher's manners."""

    def __init__(self, *, kind: str | None = None, fetcher: Fetcher | None = None,
                 known: Known = _never_known, max_bytes: int | None = None,
                 options: Options = DEFAULTS) -> None:
        if kind is not None and kind not in KINDS:
            raise InputError(f"unknown source kind {kind!r}; use one of {', '.join(KINDS)}")
        self.kind = kind
        self._fetcher = fetcher
        self._own_fetcher = fetcher is None
        self.known = known
        self.options = options
        self.max_bytes = input_limit(options.input_max_bytes if max_bytes is None else max_bytes)

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher.from_options(self.options)
        return self._fetcher

    def close(self) -> None:
        if self._own_fetcher and self._fetcher is not None:
            self._fetcher.close()

    def __enter__(self) -> Sources:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def check(self, sources: Iterable[str]) -> None:
        """Fail before any work when a source is missing or of an unknown kind."""
        for source in sources:
            if source == "-" or source.startswith(("http://", "https://")):
                continue
            path = Path(source)
            if not path.exists():
                raise InputError(f"{source}: no such file or folder")
            if path.is_file() and self.kind is None:
                detect_kind(source)

    def read(self, sources: Iterable[str]) -> Iterator[Item]:
        """Every item of every source, in order."""
        for source in sources:
            yield from self.read_one(source)

    def read_one(self, source: str) -> Iterator[Item]:
        if source == "-":
            yield from self._stdin()
            return
        path = Path(source)
        if not source.startswith(("http://", "https://")) and path.is_dir():
            for file in _walk(path):
                kind = self.kind or _kind_in_folder(file)
                if kind is None:
                    yield Skip(str(file), f"unsupported file type ({file.suffix or 'no extension'})")
                else:
                    yield from self._read(str(file), kind)
            return
        yield from self._read(source, self.kind or detect_kind(source))

    def _read(self, source: str, kind: str) -> Iterator[Item]:
        path = Path(source)
        try:
            if kind == "text":
                yield read_text_file(path, max_bytes=self.max_bytes)
            elif kind == "html":
                if source.startswith(("http://", "https://")):
                    yield from self._url(source)
                else:
                    yield read_html_file(path, max_bytes=self.max_bytes)
            elif kind == "jsonl":
                yield from read_jsonl(path, max_bytes=self.max_bytes)
            elif kind == "warc":
                yield from read_warc(path, known=self.known, max_bytes=self.options.fetch_max_bytes)
            elif kind == "feed":
                yield from self._feed(source)
            elif kind == "url":
                yield from self._url(source)
            elif kind == "urls":
                yield from self._url_list(path)
        except IngestError as exc:
            yield failure(source, exc)

    def _feed(self, source: str) -> Iterator[Item]:
        if source.startswith(("http://", "https://")):
            body = self.fetcher.get(source).body
        else:
            body = read_file(Path(source), self.max_bytes)
        yield from read_feed(body, key=source, fetcher=self.fetcher, known=self.known)

    def _url(self, url: str) -> Iterator[Item]:
        """A URL is an article page or a feed: fetch it once and sniff which."""
        if self.known(canonical_url(url) or url):
            yield Skip(url, "already stored", duplicate=True)
            return
        page = self.fetcher.get(url)
        if looks_like_feed(page.body, page.content_type):
            yield from read_feed(page.body, key=url, fetcher=self.fetcher, known=self.known)
            return
        yield record_from_html(page.body, key=url, url=url, source=url, charset=page.charset,
                               fetched=page.fetched)

    def _url_list(self, path: Path) -> Iterator[Item]:
        try:
            lines = read_file(path, self.max_bytes).decode("utf-8").splitlines()
        except UnicodeDecodeError as exc:
            raise IngestError(f"{path}: cannot read the URL list ({exc})") from None
        for line in lines:
            url = line.strip()
            if url and not url.startswith("#"):
                try:
                    yield from self._url(url)
                except IngestError as exc:
                    yield failure(url, exc)

    def _stdin(self) -> Iterator[Item]:
        kind = self.kind or "text"
        if kind == "jsonl":
            yield from read_jsonl_stream(sys.stdin.buffer, "<stdin>", max_bytes=self.max_bytes)
            return
        try:
            data = read_capped(sys.stdin.buffer, "<stdin>", self.max_bytes)
            if kind == "html":
                yield record_from_html(data, key="<stdin>", source="<stdin>")
            elif kind == "text":
                yield Record(key="<stdin>", text=decode(data, "<stdin>"), source="<stdin>")
            else:
                raise IngestError(f"<stdin>: reading {kind} from standard input is not supported; "
                                  f"save it to a file")
        except (IngestError, InputError) as exc:
            yield failure("<stdin>", exc)

