"""What a query covers: article and quote filters, and how their words become SQL.

Names match on whole normalised words ("lopez" in "maria lopez"); LIKE patterns match user
text literally; a search is FTS5 syntax when it parses as such, else its words.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..errors import StoreError
from ..types import StatementType
from .store import Store, normalize_name


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles a query or export covers (every field optional)."""

    outlet: str | None = None  # case-insensitive substring of the outlet name
    since: str | None = None  # ISO date: published on or after
    until: str | None = None  # ISO date: published on or before (the whole day)
    lang: str | None = None  # ISO 639-1 code of the article's language: "fr"

    def __post_init__(self) -> None:
        if self.lang is not None:
            object.__setattr__(self, "lang", language_code(self.lang))

    def sql(self, alias: str = "a") -> tuple[list[str], list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.outlet:
            clauses.append(f"{alias}.outlet LIKE ? ESCAPE '\\'")
            params.append(f"%{like_literal(self.outlet)}%")
        if self.since:
            clauses.append(f"{alias}.published >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{alias}.published < ?")
            params.append(self.until + "\uffff")  # "2024-03-01T10:00" is still on the 1st
        if self.lang:
            clauses.append(f"{alias}.lang = ?")
            params.append(self.lang)
        return clauses, params


@dataclass(frozen=True)
class QuoteFilter(ArticleFilter):
    """Which quotes ``quotes()`` returns: by default the attributed ones only (a speaker, or a
    source the text names: "he"); ``attributed=False`` adds those with neither."""

    speaker: str | None = None  # a name or alias, matched on whole words ("Lopez")
    about: str | None = None  # an actor mentioned inside the quote
    kind: str | None = None
    type: tuple[str, ...] = ()  # statement types, any of them: ("writing", "belief"); one str is one
    certainty: str | None = None  # asserted | hedged | doubted
    polarity: str | None = None  # positive | negative
    stance: str | None = None  # the reporter's: neutral | distancing | endorsing
    search: str | None = None  # full-text search over the quote text (FTS5)
    article: int | None = None
    speaker_id: int | None = None
    about_id: int | None = None
    attributed: bool = True
    limit: int | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        given = (self.type,) if isinstance(self.type, str) else tuple(self.type or ())
        known = {t.value for t in StatementType}
        wrong = [t for t in given if str(t).lower() not in known]
        if wrong:
            raise StoreError(f"type: {wrong[0]!r} is not a statement type; use one or several of "
                             f"{', '.join(t.value for t in StatementType)}")
        object.__setattr__(self, "type", tuple(dict.fromkeys(str(t).lower() for t in given)))


def language_code(value: str) -> str | None:
    """``value`` as the ISO 639-1 code articles are stored with ("FR " → "fr"); None for blank."""
    code = value.strip().lower()
    if not code:
        return None
    if not re.fullmatch(r"[a-z]{2}", code):
        raise StoreError(f"lang: {value!r} is not a language code; use two letters of ISO 639-1 (en, fr, de)")
    return code


def like_literal(value: str) -> str:
    """``value`` matched literally by ``LIKE ? ESCAPE '\\'``: its % _ and \\ lose their meaning."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _word_match(column: str, name: str) -> tuple[str, list[str]]:
    """``column`` holds ``name`` as whole words (both normalised): "lopez" in "maria lopez"."""
    norm = normalize_name(name)
    like = f"{column} LIKE ? ESCAPE '\\'"
    word = like_literal(norm)
    return (f"({column} = ? OR {like} OR {like} OR {like})",
            [norm, f"{word} %", f"% {word}", f"% {word} %"])


def actor_ids(store: Store, name: str) -> list[int]:
    """Actors whose name or an alias contains ``name`` as whole words."""
    by_name, p1 = _word_match("norm_name", name)
    by_alias, p2 = _word_match("norm_alias", name)
    rows = store.conn.execute(
        f"SELECT id FROM actors WHERE {by_name} UNION SELECT actor_id FROM actor_aliases WHERE {by_alias}",
        p1 + p2)
    return [int(r[0]) for r in rows]


def in_ids(column: str, ids: list[int]) -> str:
    """``column IN (…)`` for integer ids (never matching when there are none)."""
    return f"{column} IN ({', '.join(str(int(i)) for i in ids) or 'NULL'})"


def fts_query(text: str) -> str:
    """User text as a safe FTS5 query: every word must occur; "quoted words" are a phrase."""
    parts = []
    for phrase, word in re.findall(r'"([^"]+)"|(\S+)', text):
        terms = re.findall(r"\w+", phrase or word)
        if terms:
            parts.append('"' + " ".join(terms) + '"')
    if not parts:
        raise StoreError(f"--search {text!r} has no words to search for")
    return " ".join(parts)


def search_terms(store: Store, table: str, text: str) -> str:
    """FTS5 syntax when ``text`` is valid FTS5 for ``table`` (plan AND fail*), else its words
    (don't (panic)."""
    try:
        store.conn.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT 1", (text,)).fetchall()
        return text
    except sqlite3.OperationalError:
        return fts_query(text)


def paging(offset: int = 0, limit: int | None = None) -> str:
    """The ``LIMIT … OFFSET …`` of one page (nothing when neither is given)."""
    if limit is None and not offset:
        return ""
    return f" LIMIT {-1 if limit is None else max(0, int(limit))} OFFSET {max(0, int(offset))}"
