"""Ingestion: read articles from text, HTML, JSONL, URLs, RSS/Atom feeds and WARC crawls,
then analyse and store them in batches (:func:`ingest`)."""
from __future__ import annotations

from .fetch import Fetcher, Page
from .record import Failure, Item, Record, Skip, canonical_url, normalize_date
from .run import Summary, ingest
from .sources import KINDS, Sources, detect_kind

__all__ = [
    "KINDS",
    "Failure",
    "Fetcher",
    "Item",
    "Page",
    "Record",
    "Skip",
    "Sources",
    "Summary",
    "canonical_url",
    "detect_kind",
    "ingest",
    "normalize_date",
]
