"""Stored actors: the listing (most quoted first), one actor by name or id, its profile, and
the ties between actors (who speaks about, tells or relates to whom)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import StoreError
from .filters import ArticleFilter, QuoteFilter, actor_ids, in_ids, paging
from .quotes import count_quotes, quotes
from .rows import ActorProfile, ActorRow, Tie, actor_row
from .store import Store, normalize_name

_ACTOR_ORDER = " ORDER BY quote_count DESC, article_count DESC, mention_count DESC, name"


def _actor_where(store: Store, type: str | None, name: str | None, unnamed: bool) -> tuple[str, list[Any]]:
    """The WHERE of an actor listing: of one type, whose name or an alias holds ``name`` as
    whole words, named ones only unless ``unnamed``."""
    clauses: list[str] = []
    params: list[Any] = []
    if type:
        clauses.append("type = ?")
        params.append(type.upper())
    if not unnamed:
        clauses.append("named = 1")
    if name:
        clauses.append(in_ids("id", actor_ids(store, name)))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def actors(store: Store, *, type: str | None = None, name: str | None = None, unnamed: bool = False,
           offset: int = 0, limit: int | None = None) -> Iterator[ActorRow]:
    """Actors, most quoted first (then most articles, then most mentions); ``offset``/``limit``
    give one page."""
    where, params = _actor_where(store, type, name, unnamed)
    for row in store.conn.execute("SELECT * FROM actors" + where + _ACTOR_ORDER + paging(offset, limit), params):
        yield actor_row(row)


def count_actors(store: Store, *, type: str | None = None, name: str | None = None, unnamed: bool = False) -> int:
    """How many actors :func:`actors` lists with these filters."""
    where, params = _actor_where(store, type, name, unnamed)
    return int(store.conn.execute("SELECT count(*) FROM actors" + where, params).fetchone()[0])


def get_actor(store: Store, actor_id: int) -> ActorRow | None:
    """The actor with this id, or None."""
    row = store.conn.execute("SELECT * FROM actors WHERE id = ?", (int(actor_id),)).fetchone()
    return None if row is None else actor_row(row)


def find_actor(store: Store, name: str) -> ActorRow:
    """The one actor ``name`` designates: an id, an exact name or alias, or whole words of one.

    Several candidates raise StoreError listing them, unless one is clearly the most quoted.
    """
    conn = store.conn
    if name.strip().lstrip("#").isdigit():
        found = get_actor(store, int(name.strip().lstrip("#")))
        if found is None:
            raise StoreError(f"no actor with id {name}")
        return found
    norm = normalize_name(name)
    order = " ORDER BY named DESC, quote_count DESC, article_count DESC, mention_count DESC"
    for sql, params in (
        ("SELECT * FROM actors WHERE norm_name = ?", [norm]),
        ("SELECT * FROM actors WHERE id IN (SELECT actor_id FROM actor_aliases WHERE norm_alias = ?)", [norm]),
        ("SELECT * FROM actors WHERE " + in_ids("id", actor_ids(store, name)), []),
    ):
        rows = conn.execute(sql + order, params).fetchall()
        if len(rows) == 1:
            return actor_row(rows[0])
        if rows:
            top, second = (r["quote_count"] + r["article_count"] for r in rows[:2])
            if rows[0]["named"] and top >= max(1, 2 * second):  # one clearly dominates: take it
                return actor_row(rows[0])
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
        (actor_row(row), row["shared"]) for row in conn.execute(
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
