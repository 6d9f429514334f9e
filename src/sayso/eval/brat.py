"""The brat corpus reader, kept importable here: it lives in :mod:`sayso.corpora.brat`."""
from __future__ import annotations

from sayso.corpora.brat import (
    ATTRIBUTE_FIELDS,
    ROLE_FIELDS,
    SPLITS,
    Fragments,
    GoldArticle,
    GoldAttribution,
    Span,
    parse_ann,
    read_article,
    read_split,
    read_utf8,
    split_dir,
)

__all__ = [
    "ATTRIBUTE_FIELDS", "ROLE_FIELDS", "SPLITS", "Fragments", "GoldArticle", "GoldAttribution", "Span",
    "parse_ann", "read_article", "read_split", "read_utf8", "split_dir",
]
