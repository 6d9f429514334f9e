"""sayso's exceptions: one shallow tree under :class:`SaysoError`.

- ``InputError``: the input cannot be read as an article (binary, bad encoding, too long).
- ``ConfigError``: a setting or the spaCy model is wrong or missing.
- ``ExtractionError``: the engine failed on an article it accepted.
- ``IngestError``: a source cannot be read, fetched or parsed (a missing file, a 404, a
  timeout, invalid feed XML, a truncated WARC). Batch ingestion reports it per item and goes on.
- ``StoreError``: the database cannot be opened, is from a newer sayso, or lacks what was asked.

Exit codes: 1 generic (and an ingest run with failed items), 2 input, 3 configuration, 4 store.
HTTP statuses (``http_status``, used by ``sayso serve``): 422 for input and ingest errors, 500
for the rest; a refused URL (``sayso.server.ssrf.RefusedURL``) is 403.

Messages say how to fix the problem; the CLI prints them without a traceback.
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


class ConfigError(SaysoError):
    """A setting or the configured spaCy model is wrong or missing."""

    exit_code = 3


class ExtractionError(SaysoError):
    """The engine failed on an accepted article."""


class IngestError(SaysoError):
    """A source cannot be read, fetched or parsed into an article."""

    exit_code = 2
    http_status = 422


class StoreError(SaysoError):
    """The article database cannot be opened or used as asked."""

    exit_code = 4
