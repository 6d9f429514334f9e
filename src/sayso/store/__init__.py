"""The article database: SQLite, one file, migrated on open; queries return dataclasses."""
from __future__ import annotations

from .queries import (
    ActorProfile,
    ActorRow,
    ArticleFilter,
    ArticleRow,
    QuoteFilter,
    QuoteRow,
    Tie,
)
from .schema import LATEST as SCHEMA_VERSION
from .store import Store, content_hash, normalize_name

__all__ = [
    "SCHEMA_VERSION",
    "ActorProfile",
    "ActorRow",
    "ArticleFilter",
    "ArticleRow",
    "QuoteFilter",
    "QuoteRow",
    "Store",
    "Tie",
    "content_hash",
    "normalize_name",
]
