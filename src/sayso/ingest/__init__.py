"""Ingestion: read articles from text, HTML, JSONL, URLs, RSS/Atom feeds and WARC crawls,
each as a stream of records (:class:`Sources`); :func:`sayso.batch.ingest` analyses and stores them."""
from __future__ import annotations

from .fetch import Fetcher, Page
from .record import Failure, Item, Record, Skip, canonical_url, normalize_date
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
    "canonical_url",
    "detect_kind",
    "normalize_date",
]
