"""sayso's exceptions: one shallow tree under :class:`SaysoError`.

- ``InputError``: the input cannot be read as an article (binary, bad encoding, too long).
  ``InvalidText`` (HTTP 400) is the text that is no Unicode at all: a lone surrogate, as a JSON
  ``\\ud800`` escape without its pair gives. ``TooLong`` (HTTP 413) is a text over a server's
  size limit.
- ``ConfigError``: a setting or the spaCy model is wrong or missing.
- ``ExtractionError``: the engine failed on an article it accepted.
- ``IngestError``: a source cannot be read, fetched or parsed (a missing file, a 404, a
  timeout, invalid feed XML, a truncated WARC). Batch ingestion reports it per item and goes on.
  ``TooManyRedirects`` is a URL that redirects more than five times; ``RefusedURL`` (HTTP 403)
  a URL whose host the server must not fetch from (loopback, private, …).
- ``StoreError``: the database cannot be opened, is from a newer sayso, or lacks what was asked.
  ``StoreWriteError`` is the database that cannot be written at all (a full or failing disk, a
  read-only file or folder): a batch stops at it, keeping what it committed.

Exit codes: 1 generic (and an ingest run with failed items), 2 input, 3 configuration, 4 store.
HTTP statuses (``http_status``, used by ``sayso serve``): 422 for input and ingest errors (400
for ``InvalidText``, 413 for ``TooLong``, 403 for ``RefusedURL``), 500 for the rest.

Messages say how to fix the problem; the CLI prints them without a traceback. A message quotes
input only through :func:`excerpt`, so a bad megabyte-long line costs one short line of output.
"""
from __future__ import annotations


class SaysoError(Exception):
    """Base class of every error sayso raises on purpose."""

    exit_code = 1
    http_status = 500


class InputError(SaysoError):
    """The input is not a usable article."""

    exit_code = 2
    http_status = 422


class InvalidText(InputError):
    """The text holds code points no encoding can write (lone UTF-16 surrogates)."""

    http_status = 400


class TooLong(InputError):
    """The text is longer than the server analyses in one request."""

    http_status = 413


class ConfigError(SaysoError):
    """A setting or the configured spaCy model is wrong or missing."""

    exit_code = 3


class ExtractionError(SaysoError):
    """The engine failed on an accepted article."""


class IngestError(SaysoError):
    """A source cannot be read, fetched or parsed into an article."""

    exit_code = 2
    http_status = 422


class TooManyRedirects(IngestError):
    """More than five redirects: a page fails, a robots.txt counts as unavailable (RFC 9309)."""


class RefusedURL(IngestError):
    """The URL's host is, or resolves to, an address the server must not fetch from."""

    http_status = 403


class Busy(SaysoError):
    """Too many extraction or ingest requests are waiting on the server; retry later."""

    http_status = 503


class ClientGone(SaysoError):
    """The client disconnected before its extraction was done; nobody reads the answer."""

    http_status = 499  # "client closed request", as web servers log it


class StoreError(SaysoError):
    """The article database cannot be opened or used as asked."""

    exit_code = 4


class StoreWriteError(StoreError):
    """The database cannot be written: the disk is full or failing, or it is read-only."""


EXCERPT_CHARS = 120  # the most of an input a message quotes


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """``str(value)`` cut to ``limit`` characters (with "…", and how much was left out), on one
    line, lone surrogates written as ``\\udXXX``: what a message may quote of an input, an
    exception or a line that may be huge."""
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit:
        text = f"{text[:limit]}… ({len(text) - limit:,} more characters)"
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text.replace("\r", " ").replace("\n", " ")
