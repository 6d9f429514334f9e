"""Read the store: quotes, actors, one actor's profile, articles and the actor network.

Every function takes a :class:`~sayso.store.Store` and returns frozen dataclasses; the ones
that can return many rows are generators over a cursor, so exports stay flat in memory.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import StoreError
from ..types import ActorType, Certainty, Polarity, QuoteKind, Stance, StatementType, parse_fields
from ..records import canonical_url
from .store import Store, normalize_name


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles a query or export covers (every field optional)."""

    outlet: str | None = None  # case-insensitive substring of the outlet name
    since: str | None = None  # ISO date: published on or after
    until: str | None = None  # ISO date: published on or before (the whole day)

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
        given = (self.type,) if isinstance(self.type, str) else tuple(self.type or ())
        known = {t.value for t in StatementType}
        wrong = [t for t in given if str(t).lower() not in known]
        if wrong:
            raise StoreError(f"type: {wrong[0]!r} is not a statement type; use one or several of "
                             f"{', '.join(t.value for t in StatementType)}")
        object.__setattr__(self, "type", tuple(dict.fromkeys(str(t).lower() for t in given)))


@dataclass(frozen=True)
class QuoteRow:
    id: int
    article_id: int
    local_id: str
    kind: QuoteKind
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_id: int | None
    speaker_type: ActorType | None
    speaker_as: str | None
    cue: str | None
    medium: str | None
    medium_id: int | None
    inherited: bool
    certainty: Certainty | None
    polarity: Polarity | None
    stance: Stance | None
    type: StatementType | None  # the act the cue reports; None: stored before sayso knew it
    published: str | None
    outlet: str | None
    title: str | None
    url: str | None
    extra: dict[str, Any] = field(default_factory=dict)
    parts: list[list[int]] = field(default_factory=list)  # a split quote's pieces, article offsets

    def __post_init__(self) -> None:
        parse_fields(self, kind=QuoteKind, speaker_type=ActorType, certainty=Certainty, polarity=Polarity,
                     stance=Stance, type=StatementType)

    @property
    def words(self) -> str:
        """The quoted words only: a split quote's parts joined with " … ", without the
        reporter's words between them ("he said")."""
        if len(self.parts) < 2:
            return self.text
        return " … ".join(self.text[s - self.start:e - self.start] for s, e in self.parts)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ActorRow:
    id: int
    name: str
    type: ActorType
    named: bool
    articles: int
    mentions: int
    quotes: int

    def __post_init__(self) -> None:
        parse_fields(self, type=ActorType)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Tie:
    """One kind of link between two actors, with how often and in how many articles."""

    source_id: int
    source: str
    target_id: int
    target: str
    kind: str  # speaks_about, told, or a relation type
    count: int
    articles: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ActorProfile:
    actor: ActorRow
    aliases: tuple[tuple[str, int], ...]
    roles: tuple[tuple[str, int], ...]
    quotes_by: tuple[QuoteRow, ...]
    quotes_about: tuple[QuoteRow, ...]
    quotes_by_total: int
    quotes_about_total: int
    ties: tuple[Tie, ...]
    co_mentioned: tuple[tuple[ActorRow, int], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor.to_dict(),
            "aliases": [{"alias": a, "count": n} for a, n in self.aliases],
            "roles": [{"role": r, "count": n} for r, n in self.roles],
            "quotes_by": [q.to_dict() for q in self.quotes_by],
            "quotes_about": [q.to_dict() for q in self.quotes_about],
            "quotes_by_total": self.quotes_by_total,
            "quotes_about_total": self.quotes_about_total,
            "ties": [t.to_dict() for t in self.ties],
            "co_mentioned": [{"actor": a.to_dict(), "articles": n} for a, n in self.co_mentioned],
        }


@dataclass(frozen=True)
class ArticleRow:
    id: int
    url: str | None
    title: str | None
    published: str | None
    outlet: str | None
    author: str | None
    source: str | None
    source_key: str | None
    fetched_at: str | None
    ingested_at: str
    content_hash: str
    quotes: int
    actors: int
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# -- helpers ---------------------------------------------------------------------------------
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


def _search_terms(store: Store, text: str) -> str:
    """FTS5 syntax when ``text`` is valid FTS5 (plan AND fail*), else its words (don't (panic)."""
    try:
        store.conn.execute("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT 1", (text,)).fetchall()
        return text
    except sqlite3.OperationalError:
        return fts_query(text)


_QUOTE_SELECT = """
SELECT q.id, q.article_id, q.local_id, q.kind, q.text, q.start_char, q.end_char,
       s.name AS speaker, q.speaker_id, s.type AS speaker_type, q.speaker_text,
       q.cue, m.name AS medium, q.medium_id, q.inherited, q.certainty, q.polarity, q.stance, q.type, q.extra,
       a.published, a.outlet, a.title, a.url,
       (SELECT json_group_array(json_array(qp.start_char, qp.end_char)) FROM quote_parts qp
        WHERE qp.quote_id = q.id) AS parts
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN actors s ON s.id = q.speaker_id
LEFT JOIN actors m ON m.id = q.medium_id
"""


def _quote_row(row: Any) -> QuoteRow:
    extra = json.loads(row["extra"] or "{}")
    return QuoteRow(
        id=row["id"], article_id=row["article_id"], local_id=row["local_id"], kind=row["kind"],
        text=row["text"], start=row["start_char"], end=row["end_char"], speaker=row["speaker"],
        speaker_id=row["speaker_id"], speaker_type=row["speaker_type"],
        speaker_as=row["speaker_text"], cue=row["cue"], medium=row["medium"],
        medium_id=row["medium_id"], inherited=bool(row["inherited"]),
        certainty=row["certainty"], polarity=row["polarity"], stance=row["stance"], type=row["type"],
        published=row["published"], outlet=row["outlet"],
        title=row["title"], url=row["url"], extra=extra,
        parts=sorted(json.loads(row["parts"] or "[]")),
    )


def _in(column: str, ids: list[int]) -> str:
    return f"{column} IN ({', '.join(str(int(i)) for i in ids) or 'NULL'})"


def _quote_where(store: Store, flt: QuoteFilter) -> tuple[str, list[Any]]:
    clauses, params = flt.sql("a")
    if flt.speaker_id is not None:
        clauses.append("q.speaker_id = ?")
        params.append(flt.speaker_id)
    if flt.speaker:
        clauses.append(_in("q.speaker_id", actor_ids(store, flt.speaker)))
    about = ([flt.about_id] if flt.about_id is not None else []) + (
        actor_ids(store, flt.about) if flt.about else [])
    if flt.about or flt.about_id is not None:
        # Named inside the quoted words (not in "he said" between parts), by someone else.
        clauses.append(f"""EXISTS (SELECT 1 FROM quote_parts qp JOIN mentions mm
                ON mm.article_id = qp.article_id AND mm.start_char >= qp.start_char
                AND mm.end_char <= qp.end_char
            WHERE qp.quote_id = q.id AND {_in('mm.actor_id', about)})
            AND (q.speaker_id IS NULL OR NOT {_in('q.speaker_id', about)})""")
    if flt.kind:
        clauses.append("q.kind = ?")
        params.append(flt.kind)
    if flt.type:
        clauses.append(f"q.type IN ({', '.join('?' * len(flt.type))})")
        params.extend(flt.type)
    if flt.attributed:  # a speaker, or at least a source the text names ("he")
        clauses.append("(q.speaker_id IS NOT NULL OR q.speaker_start IS NOT NULL)")
    for column in ("certainty", "polarity", "stance"):
        value = getattr(flt, column)
        if value:
            clauses.append(f"lower(q.{column}) = lower(?)")
            params.append(value)
    if flt.search:
        clauses.append("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        params.append(_search_terms(store, flt.search))
    if flt.article is not None:
        clauses.append("q.article_id = ?")
        params.append(flt.article)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


# -- queries ---------------------------------------------------------------------------------
def quotes(store: Store, flt: QuoteFilter = QuoteFilter()) -> Iterator[QuoteRow]:
    """Quotes matching every given filter, newest articles first, in text order within one."""
    where, params = _quote_where(store, flt)
    sql = (_QUOTE_SELECT + where +
           " ORDER BY a.published IS NULL, a.published DESC, q.article_id, q.start_char, q.id")
    if flt.limit is not None:
        sql += f" LIMIT {int(flt.limit)}"
    for row in store.conn.execute(sql, params):
        yield _quote_row(row)


def count_quotes(store: Store, flt: QuoteFilter) -> int:
    where, params = _quote_where(store, flt)
    return int(store.conn.execute(
        "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id" + where, params
    ).fetchone()[0])


def _actor_row(row: Any) -> ActorRow:
    return ActorRow(id=row["id"], name=row["name"], type=row["type"], named=bool(row["named"]),
                    articles=row["article_count"], mentions=row["mention_count"],
                    quotes=row["quote_count"])


_ACTOR_ORDER = " ORDER BY quote_count DESC, article_count DESC, mention_count DESC, name"


def _actor_clauses(type: str | None, unnamed: bool) -> tuple[list[str], list[Any]]:
    """WHERE clauses and parameters of an actor listing: of one type, named ones only unless
    ``unnamed``."""
    clauses: list[str] = []
    params: list[Any] = []
    if type:
        clauses.append("type = ?")
        params.append(type.upper())
    if not unnamed:
        clauses.append("named = 1")
    return clauses, params


def actors(store: Store, *, type: str | None = None, top: int | None = None,
           unnamed: bool = False) -> Iterator[ActorRow]:
    """Actors, most quoted first (then most articles, then most mentions)."""
    clauses, params = _actor_clauses(type, unnamed)
    sql = "SELECT * FROM actors" + (" WHERE " + " AND ".join(clauses) if clauses else "") + _ACTOR_ORDER
    if top is not None:
        sql += f" LIMIT {int(top)}"
    for row in store.conn.execute(sql, params):
        yield _actor_row(row)


def find_actor(store: Store, name: str) -> ActorRow:
    """The one actor ``name`` designates: an id, an exact name or alias, or whole words of one.

    Several candidates raise StoreError listing them, unless one is clearly the most quoted.
    """
    conn = store.conn
    if name.strip().lstrip("#").isdigit():
        row = conn.execute("SELECT * FROM actors WHERE id = ?", (int(name.strip().lstrip("#")),)).fetchone()
        if row is None:
            raise StoreError(f"no actor with id {name}")
        return _actor_row(row)
    norm = normalize_name(name)
    order = " ORDER BY named DESC, quote_count DESC, article_count DESC, mention_count DESC"
    for sql, params in (
        ("SELECT * FROM actors WHERE norm_name = ?", [norm]),
        ("SELECT * FROM actors WHERE id IN (SELECT actor_id FROM actor_aliases WHERE norm_alias = ?)", [norm]),
        ("SELECT * FROM actors WHERE " + _in("id", actor_ids(store, name)), []),
    ):
        rows = conn.execute(sql + order, params).fetchall()
        if len(rows) == 1:
            return _actor_row(rows[0])
        if rows:
            top, second = (r["quote_count"] + r["article_count"] for r in rows[:2])
            if rows[0]["named"] and top >= max(1, 2 * second):  # one clearly dominates: take it
                return _actor_row(rows[0])
            listed = "; ".join(f"#{r['id']} {r['name']} ({r['type']}, {r['quote_count']} quotes)"
                               for r in rows[:8])
            more = f" and {len(rows) - 8} more" if len(rows) > 8 else ""
            raise StoreError(f"{name!r} matches {len(rows)} actors: {listed}{more}; "
                             f"give the id, e.g. sayso actor {rows[0]['id']}")
    raise StoreError(f"no actor named {name!r}; list them with sayso actors")


def ties(store: Store, flt: ArticleFilter = ArticleFilter(), *, actor_id: int | None = None,
         unnamed: bool = False) -> Iterator[Tie]:
    """Directed links between actors: a speaker names another in a quote (speaks_about), tells
    a medium (told), or the engine reports a typed relation between them."""
    clauses, params = flt.sql("a")
    where = (" AND " + " AND ".join(clauses)) if clauses else ""
    named = "" if unnamed else " AND s.named = 1 AND t.named = 1"
    focus = "" if actor_id is None else f" AND (s.id = {int(actor_id)} OR t.id = {int(actor_id)})"
    parts = [
        f"""SELECT s.id, s.name, t.id, t.name, 'speaks_about', count(DISTINCT q.id), count(DISTINCT q.article_id)
            FROM quotes q JOIN articles a ON a.id = q.article_id
            JOIN quote_parts qp ON qp.quote_id = q.id
            JOIN mentions mm ON mm.article_id = qp.article_id
                AND mm.start_char >= qp.start_char AND mm.end_char <= qp.end_char
            JOIN actors s ON s.id = q.speaker_id JOIN actors t ON t.id = mm.actor_id
            WHERE mm.actor_id != q.speaker_id{where}{named}{focus} GROUP BY s.id, t.id""",
        f"""SELECT s.id, s.name, t.id, t.name, 'told', count(*), count(DISTINCT q.article_id)
            FROM quotes q JOIN articles a ON a.id = q.article_id
            JOIN actors s ON s.id = q.speaker_id JOIN actors t ON t.id = q.medium_id
            WHERE q.medium_id != q.speaker_id{where}{named}{focus} GROUP BY s.id, t.id""",
        f"""SELECT s.id, s.name, t.id, t.name, coalesce(r.type, 'related'), count(*),
                   count(DISTINCT r.article_id)
            FROM relations r JOIN articles a ON a.id = r.article_id
            JOIN actors s ON s.id = r.source_id JOIN actors t ON t.id = r.target_id
            WHERE 1{where}{named}{focus} GROUP BY s.id, t.id, r.type""",
    ]
    for sql in parts:
        for row in store.conn.execute(sql, params):
            yield Tie(*row)


def actor_profile(store: Store, actor: ActorRow, *, limit: int = 10) -> ActorProfile:
    """Everything stored about one actor: names, roles, quotes by and about, ties."""
    conn = store.conn
    aliases = tuple((r[0], r[1]) for r in conn.execute(
        "SELECT alias, count FROM actor_aliases WHERE actor_id = ? ORDER BY count DESC, alias", (actor.id,)))
    roles = tuple((r[0], r[1]) for r in conn.execute(
        "SELECT role, count FROM actor_roles WHERE actor_id = ? ORDER BY count DESC, role", (actor.id,)))
    by = QuoteFilter(speaker_id=actor.id, limit=limit)
    about = QuoteFilter(about_id=actor.id, limit=limit)
    found_ties = sorted(ties(store, actor_id=actor.id, unnamed=True), key=lambda t: (-t.count, t.kind))
    co_mentioned = tuple(
        (_actor_row(row), row["shared"]) for row in conn.execute(
            """SELECT o.*, count(DISTINCT mine.article_id) AS shared
               FROM article_actors mine JOIN article_actors other
                    ON other.article_id = mine.article_id AND other.actor_id != mine.actor_id
               JOIN actors o ON o.id = other.actor_id
               WHERE mine.actor_id = ? AND o.named = 1
               GROUP BY o.id ORDER BY shared DESC, o.quote_count DESC LIMIT ?""", (actor.id, limit)))
    return ActorProfile(
        actor=actor, aliases=aliases, roles=roles,
        quotes_by=tuple(quotes(store, by)), quotes_about=tuple(quotes(store, about)),
        quotes_by_total=count_quotes(store, by), quotes_about_total=count_quotes(store, about),
        ties=tuple(found_ties), co_mentioned=co_mentioned,
    )


_ARTICLE_SELECT = """
SELECT a.id, a.url, a.title, a.published, a.outlet, a.author, a.source, a.source_key, a.fetched_at,
       a.ingested_at, a.content_hash, a.meta,
       (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
       (SELECT count(*) FROM article_actors x WHERE x.article_id = a.id) AS actors
FROM articles a
"""


def _article_row(row: Any) -> ArticleRow:
    data = {k: row[k] for k in row.keys() if k != "meta"}
    return ArticleRow(**data, meta=json.loads(row["meta"] or "{}"))


def articles(store: Store, flt: ArticleFilter = ArticleFilter()) -> Iterator[ArticleRow]:
    """Articles matching the filter, in the order they were stored."""
    clauses, params = flt.sql("a")
    sql = _ARTICLE_SELECT + (" WHERE " + " AND ".join(clauses) if clauses else "") + " ORDER BY a.id"
    for row in store.conn.execute(sql, params):
        yield _article_row(row)


def find_article(store: Store, ref: str) -> ArticleRow:
    """An article by id, URL (any form that canonicalises the same) or source key (path)."""
    ref = ref.strip()
    candidates = []
    if ref.lstrip("#").isdigit():
        candidates.append(("a.id = ?", int(ref.lstrip("#"))))
    candidates += [("a.url = ?", canonical_url(ref)), ("a.source_key = ?", ref),
                   ("a.content_hash = ?", ref)]
    for clause, value in candidates:
        row = store.conn.execute(_ARTICLE_SELECT + f" WHERE {clause} ORDER BY a.id LIMIT 1",
                                 (value,)).fetchone()
        if row is not None:
            return _article_row(row)
    raise StoreError(f"no article {ref!r}: give an id, a URL or the path it was ingested from "
                     f"(see sayso quotes or the articles table)")


# -- pages, facets, relations and co-quoted actors (the web API reads these) ----------------
@dataclass(frozen=True)
class RelationRow:
    """One relation with its actors' names: "Iran funds the militias", by whose account."""

    id: int
    article_id: int
    local_id: str | None
    subject: str | None
    subject_id: int | None
    predicate: str | None
    object: str | None
    object_id: int | None
    claimant: str | None
    claimant_id: int | None
    quote_id: int | None
    certainty: Certainty | None
    polarity: Polarity | None
    text: str | None
    start: int | None
    end: int | None
    published: str | None
    outlet: str | None

    def __post_init__(self) -> None:
        parse_fields(self, certainty=Certainty, polarity=Polarity)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def quotes_page(store: Store, flt: QuoteFilter = QuoteFilter(), *, offset: int = 0,
                limit: int = 50) -> tuple[list[QuoteRow], int]:
    """One page of :func:`quotes` (same filters and order) and the total number of matches."""
    where, params = _quote_where(store, flt)
    sql = (_QUOTE_SELECT + where +
           " ORDER BY a.published IS NULL, a.published DESC, q.article_id, q.start_char, q.id"
           f" LIMIT {max(0, int(limit))} OFFSET {max(0, int(offset))}")
    return [_quote_row(row) for row in store.conn.execute(sql, params)], count_quotes(store, flt)


def quote_facets(store: Store, flt: QuoteFilter = QuoteFilter(), *, top: int = 20
                 ) -> dict[str, list[dict[str, Any]]]:
    """How the quotes matching ``flt`` split by kind, statement type, certainty, polarity, stance,
    outlet, speaker and month of publication: ``{"kind": [{"value": "direct", "count": 12}, …], …}``."""
    where, params = _quote_where(store, flt)
    base = "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN actors s ON s.id = q.speaker_id" + where
    columns = {"kind": "q.kind", "type": "q.type", "certainty": "q.certainty", "polarity": "q.polarity", "stance": "q.stance",
               "outlet": "a.outlet", "month": "substr(a.published, 1, 7)"}
    facets: dict[str, list[dict[str, Any]]] = {}
    for name, column in columns.items():
        facets[name] = [{"value": row[0], "count": row[1]} for row in store.conn.execute(
            f"SELECT {column} AS value, count(*) AS n {base} GROUP BY value "
            f"ORDER BY {'value DESC' if name == 'month' else 'n DESC, value'} LIMIT {int(top)}", params)]
    named = base + (" AND " if where else " WHERE ") + "s.id IS NOT NULL"
    facets["speaker"] = [{"value": row[1], "id": row[0], "count": row[2]} for row in store.conn.execute(
        f"SELECT s.id, s.name, count(*) AS n {named} GROUP BY s.id ORDER BY n DESC, s.name LIMIT {int(top)}",
        params)]
    return facets


def get_article(store: Store, article_id: int) -> ArticleRow | None:
    """The article with this id, or None."""
    row = store.conn.execute(_ARTICLE_SELECT + " WHERE a.id = ?", (int(article_id),)).fetchone()
    return None if row is None else _article_row(row)


def articles_page(store: Store, flt: ArticleFilter = ArticleFilter(), *, search: str | None = None,
                  offset: int = 0, limit: int = 50) -> tuple[list[ArticleRow], int]:
    """Articles matching the filter (and full-text ``search`` over title and text), newest
    first, one page of them and the total."""
    clauses, params = flt.sql("a")
    if search:
        clauses.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        try:
            store.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1",
                               (search,)).fetchall()
            params.append(search)
        except sqlite3.OperationalError:
            params.append(fts_query(search))
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = int(store.conn.execute("SELECT count(*) FROM articles a" + where, params).fetchone()[0])
    sql = (_ARTICLE_SELECT + where + " ORDER BY a.published IS NULL, a.published DESC, a.id DESC"
           f" LIMIT {max(0, int(limit))} OFFSET {max(0, int(offset))}")
    return [_article_row(row) for row in store.conn.execute(sql, params)], total


def article_actor_ids(store: Store, article_id: int) -> dict[str, int]:
    """An article's own actor ids (``a1``…) mapped to the merged ``actors`` ids."""
    return {row[0]: int(row[1]) for row in store.conn.execute(
        "SELECT local_id, actor_id FROM article_actors WHERE article_id = ?", (int(article_id),))}


def get_actor(store: Store, actor_id: int) -> ActorRow | None:
    """The actor with this id, or None."""
    row = store.conn.execute("SELECT * FROM actors WHERE id = ?", (int(actor_id),)).fetchone()
    return None if row is None else _actor_row(row)


def actors_page(store: Store, *, type: str | None = None, name: str | None = None, unnamed: bool = False,
                offset: int = 0, limit: int = 50) -> tuple[list[ActorRow], int]:
    """Actors as :func:`actors` orders them, optionally those whose name or an alias holds
    ``name`` as whole words; one page and the total."""
    clauses, params = _actor_clauses(type, unnamed)
    if name:
        clauses.append(_in("id", actor_ids(store, name)))
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = int(store.conn.execute("SELECT count(*) FROM actors" + where, params).fetchone()[0])
    sql = ("SELECT * FROM actors" + where + _ACTOR_ORDER +
           f" LIMIT {max(0, int(limit))} OFFSET {max(0, int(offset))}")
    return [_actor_row(row) for row in store.conn.execute(sql, params)], total


def relations_page(store: Store, flt: ArticleFilter = ArticleFilter(), *, actor_id: int | None = None,
                   predicate: str | None = None, article: int | None = None, offset: int = 0,
                   limit: int = 50) -> tuple[list[RelationRow], int]:
    """Relations (newest articles first), optionally those with ``actor_id`` as subject, object
    or claimant, of one ``predicate``, or of one article; one page and the total."""
    clauses, params = flt.sql("a")
    if actor_id is not None:
        clauses.append("(r.source_id = ? OR r.target_id = ? OR r.claimant_id = ?)")
        params += [int(actor_id)] * 3
    if predicate:
        clauses.append("r.type = ?")
        params.append(predicate)
    if article is not None:
        clauses.append("r.article_id = ?")
        params.append(int(article))
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    join = "FROM relations r JOIN articles a ON a.id = r.article_id"
    total = int(store.conn.execute(f"SELECT count(*) {join}{where}", params).fetchone()[0])
    rows = store.conn.execute(
        f"""SELECT r.id, r.article_id, r.local_id, s.name AS subject, r.source_id, r.type, o.name AS object,
                   r.target_id, c.name AS claimant, r.claimant_id, r.quote_id, r.certainty, r.polarity,
                   r.text, r.start_char, r.end_char, a.published, a.outlet
            {join} LEFT JOIN actors s ON s.id = r.source_id LEFT JOIN actors o ON o.id = r.target_id
            LEFT JOIN actors c ON c.id = r.claimant_id{where}
            ORDER BY a.published IS NULL, a.published DESC, r.article_id, r.start_char, r.id
            LIMIT {max(0, int(limit))} OFFSET {max(0, int(offset))}""", params)
    return [RelationRow(*row) for row in rows], total


def co_quoted(store: Store, flt: ArticleFilter = ArticleFilter(), *, actor_id: int | None = None,
              unnamed: bool = False, limit: int | None = None) -> Iterator[tuple[int, int, int]]:
    """Pairs of speakers quoted in the same articles, ``(actor, other, articles)`` with
    actor < other (or actor == ``actor_id`` when given), most shared articles first."""
    clauses, params = flt.sql("a")
    where = (" AND " + " AND ".join(clauses)) if clauses else ""
    named = "" if unnamed else " AND s.named = 1"
    speakers = (f"SELECT DISTINCT q.article_id, q.speaker_id FROM quotes q JOIN articles a ON a.id = q.article_id "
                f"JOIN actors s ON s.id = q.speaker_id WHERE 1{where}{named}")
    pair = "x.speaker_id = ? AND y.speaker_id != x.speaker_id" if actor_id is not None else \
        "x.speaker_id < y.speaker_id"
    sql = (f"WITH sp AS ({speakers}) SELECT x.speaker_id, y.speaker_id, count(*) AS shared FROM sp x "
           f"JOIN sp y ON y.article_id = x.article_id AND {pair} GROUP BY x.speaker_id, y.speaker_id "
           f"ORDER BY shared DESC, x.speaker_id, y.speaker_id")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    args = params + ([int(actor_id)] if actor_id is not None else [])
    for row in store.conn.execute(sql, args):
        yield int(row[0]), int(row[1]), int(row[2])
