"""An analysis into the store's rows and back out: actors merged across articles, mentions,
quotes (with their parts) and relations; and, for a re-analysis, taking an article's rows out
again with exactly what they added to its actors' counts, aliases and roles."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from .keys import normalize_name

_QUOTE_COLUMNS = {"id", "kind", "start", "end", "text", "speaker", "speaker_mention", "cue",
                  "cue_span", "medium", "medium_mention", "inherited", "certainty", "polarity", "stance",
                  "type", "parts"}
_ACTOR_COLUMNS = {"id", "name", "type", "aliases", "roles", "mentions", "named"}
_ANALYSIS_COLUMNS = {"text", "actors", "quotes", "warnings", "relations"}


def as_json(value: Any) -> str | None:
    """A JSON column's value: NULL for nothing (None, {} or [])."""
    return None if value in (None, {}, []) else json.dumps(value, ensure_ascii=False)


def row_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just wrote."""
    if cursor.lastrowid is None:
        raise RuntimeError("no row was inserted")
    return int(cursor.lastrowid)


def _span(value: Any) -> tuple[int | None, int | None]:
    return (None, None) if value is None else (int(value[0]), int(value[1]))


def analysis_extra(data: dict[str, Any]) -> dict[str, Any]:
    """The analysis fields without a column of their own, kept in ``articles.extra``."""
    extra = {k: v for k, v in data.items() if k not in _ANALYSIS_COLUMNS and k != "meta"}
    if data.get("meta"):
        extra["meta"] = data["meta"]
    return extra


def add_rows(conn: sqlite3.Connection, article_id: int, data: dict[str, Any], text: str,
             quote_ids: dict[tuple[int, int] | None, int] | None = None) -> dict[str, int]:
    """An article's actors, mentions, quotes and relations from ``Analysis.to_dict()``;
    returns the per-article actor id -> global actor id map. ``quote_ids``: the ids to keep
    (see :func:`quote_ids`)."""
    actors = _add_actors(conn, article_id, data["actors"], text)
    _add_quotes(conn, article_id, data["quotes"], actors, text, quote_ids)
    _add_relations(conn, article_id, data.get("relations") or [], actors)
    return actors


def _actor_id(conn: sqlite3.Connection, name: str, type_: str, named: bool, article_id: int) -> int:
    norm = normalize_name(name) or name.casefold()
    scope = None if named else article_id
    row = conn.execute(
        "SELECT id FROM actors WHERE norm_name = ? AND type = ? AND article_id IS ?",
        (norm, type_, scope)).fetchone()
    if row is not None:
        return int(row[0])
    return row_id(conn.execute(
        "INSERT INTO actors(name, type, norm_name, named, article_id) VALUES (?, ?, ?, ?, ?)",
        (name, type_, norm, int(named), scope)))


def _add_actors(conn: sqlite3.Connection, article_id: int, actors: list[dict[str, Any]], text: str) -> dict[str, int]:
    """Map each per-article actor to its global row; returns local id -> global actor id."""
    mapping: dict[str, int] = {}
    counted: set[int] = set()
    for actor in actors:
        named = bool(actor.get("named", True))
        global_id = _actor_id(conn, actor["name"], actor["type"], named, article_id)
        mapping[actor["id"]] = global_id
        extra = {k: v for k, v in actor.items() if k not in _ACTOR_COLUMNS}
        local_row = conn.execute(
            """INSERT INTO article_actors(article_id, local_id, actor_id, name, type, named,
                   aliases, roles, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (article_id, actor["id"], global_id, actor["name"], actor["type"], int(named),
             json.dumps(actor.get("aliases", []), ensure_ascii=False),
             json.dumps(actor.get("roles", []), ensure_ascii=False), as_json(extra)),
        ).lastrowid
        mentions = actor.get("mentions", [])
        conn.executemany(
            """INSERT INTO mentions(article_id, actor_id, article_actor_id, start_char, end_char, text)
               VALUES (?, ?, ?, ?, ?, ?)""",
            [(article_id, global_id, local_row, s, e, text[s:e]) for s, e in mentions])
        conn.execute(
            "UPDATE actors SET article_count = article_count + ?, mention_count = mention_count + ? "
            "WHERE id = ?", (0 if global_id in counted else 1, len(mentions), global_id))
        counted.add(global_id)
        for alias in {actor["name"], *actor.get("aliases", [])}:
            conn.execute(
                """INSERT INTO actor_aliases(actor_id, alias, norm_alias) VALUES (?, ?, ?)
                   ON CONFLICT(actor_id, alias) DO UPDATE SET count = count + 1""",
                (global_id, alias, normalize_name(alias)))
        for role in dict.fromkeys(actor.get("roles", [])):
            conn.execute(
                """INSERT INTO actor_roles(actor_id, role) VALUES (?, ?)
                   ON CONFLICT(actor_id, role) DO UPDATE SET count = count + 1""",
                (global_id, role))
    return mapping


def _add_quotes(conn: sqlite3.Connection, article_id: int, quotes: list[dict[str, Any]], actors: dict[str, int],
                text: str, quote_ids: dict[tuple[int, int] | None, int] | None = None) -> None:
    rows = []
    keep = dict(quote_ids or {})
    fresh = keep.pop(None, None)
    for quote in quotes:
        quote_id = keep.pop((quote["start"], quote["end"]), None)
        if quote_id is None and fresh is not None:
            quote_id, fresh = fresh, fresh + 1
        speaker = actors.get(quote["speaker"]) if quote.get("speaker") else None
        medium = actors.get(quote["medium"]) if quote.get("medium") else None
        speaker_span = _span(quote.get("speaker_mention"))
        cue_span = _span(quote.get("cue_span"))
        medium_span = _span(quote.get("medium_mention"))
        extra = {k: v for k, v in quote.items() if k not in _QUOTE_COLUMNS}
        rows.append((
            quote_id, article_id, quote["id"], quote["kind"], quote["start"], quote["end"], quote["text"],
            speaker, quote.get("speaker"), *speaker_span,
            None if speaker_span[0] is None else text[speaker_span[0]:speaker_span[1]],
            quote.get("cue"), *cue_span,
            medium, quote.get("medium"), *medium_span, int(bool(quote.get("inherited"))),
            quote.get("certainty"), quote.get("polarity"), quote.get("stance"), quote.get("type"),
            as_json(extra),
        ))
    conn.executemany(
        """INSERT INTO quotes(id, article_id, local_id, kind, start_char, end_char, text, speaker_id,
               speaker_local_id, speaker_start, speaker_end, speaker_text, cue, cue_start, cue_end,
               medium_id, medium_local_id, medium_start, medium_end, inherited, certainty,
               polarity, stance, type, extra)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows)
    ids = {row[0]: row[1] for row in conn.execute(
        "SELECT local_id, id FROM quotes WHERE article_id = ?", (article_id,))}
    conn.executemany(
        "INSERT INTO quote_parts(quote_id, article_id, start_char, end_char) VALUES (?, ?, ?, ?)",
        [(ids[quote["id"]], article_id, int(part[0]), int(part[1]))
         for quote in quotes for part in (quote.get("parts") or [(quote["start"], quote["end"])])])
    for speaker in (row[7] for row in rows if row[7] is not None):
        conn.execute("UPDATE actors SET quote_count = quote_count + 1 WHERE id = ?", (speaker,))


def _add_relations(conn: sqlite3.Connection, article_id: int, relations: list[Any], actors: dict[str, int]) -> None:
    """Who does what to whom, by whose account; local actor and quote ids are resolved."""
    quote_ids = {row[0]: row[1] for row in conn.execute(
        "SELECT local_id, id FROM quotes WHERE article_id = ?", (article_id,))}
    for relation in relations:
        if not isinstance(relation, dict):
            continue
        subject = relation.get("subject", relation.get("source"))
        obj = relation.get("object", relation.get("target"))
        predicate = relation.get("predicate") or relation.get("type") or relation.get("kind")
        conn.execute(
            """INSERT INTO relations(article_id, local_id, type, source_id, target_id, claimant_id,
                   quote_id, start_char, end_char, text, certainty, polarity, data)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (article_id, relation.get("id"), None if predicate is None else str(predicate),
             actors.get(subject) if isinstance(subject, str) else None,
             actors.get(obj) if isinstance(obj, str) else None,
             actors.get(relation["claimant"]) if isinstance(relation.get("claimant"), str) else None,
             quote_ids.get(relation["quote"]) if isinstance(relation.get("quote"), str) else None,
             relation.get("start"), relation.get("end"), relation.get("text"),
             relation.get("certainty"), relation.get("polarity"),
             json.dumps(relation, ensure_ascii=False)))


def quote_ids(conn: sqlite3.Connection, article_id: int) -> dict[tuple[int, int] | None, int]:
    """An article's stored quote ids by span, so a re-analysis keeps the id of every quote
    it finds again (users cite them); ``None`` maps to the first id a new quote may take,
    above every id in use now, so a removed quote's id is not given to another one."""
    ids: dict[tuple[int, int] | None, int] = {
        (int(s), int(e)): int(i) for i, s, e in conn.execute(
            "SELECT id, start_char, end_char FROM quotes WHERE article_id = ? ORDER BY id DESC", (article_id,))}
    ids[None] = int(conn.execute("SELECT coalesce(max(id), 0) FROM quotes").fetchone()[0]) + 1
    return ids


def remove_rows(conn: sqlite3.Connection, article_id: int) -> set[int]:
    """Delete an article's derived rows and take back what they added to its actors' counts,
    aliases and roles (the mirror of ``_add_actors``/``_add_quotes``); returns those actors."""
    old = conn.execute("SELECT actor_id, name, aliases, roles FROM article_actors WHERE article_id = ?",
                       (article_id,)).fetchall()
    mentions = dict(conn.execute("SELECT actor_id, count(*) FROM mentions WHERE article_id = ? "
                                 "GROUP BY actor_id", (article_id,)).fetchall())
    quoted = dict(conn.execute("SELECT speaker_id, count(*) FROM quotes WHERE article_id = ? "
                               "AND speaker_id IS NOT NULL GROUP BY speaker_id", (article_id,)).fetchall())
    for table in ("relations", "quote_parts", "quotes", "mentions", "article_actors"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    actor_ids = {int(r[0]) for r in old}
    conn.executemany(
        "UPDATE actors SET article_count = article_count - 1, mention_count = mention_count - ?, "
        "quote_count = quote_count - ? WHERE id = ?",
        [(mentions.get(a, 0), quoted.get(a, 0), a) for a in actor_ids])
    for actor_id, name, aliases, roles in old:
        conn.executemany("UPDATE actor_aliases SET count = count - 1 WHERE actor_id = ? AND alias = ?",
                         [(actor_id, alias) for alias in {name, *json.loads(aliases)}])
        conn.executemany("UPDATE actor_roles SET count = count - 1 WHERE actor_id = ? AND role = ?",
                         [(actor_id, role) for role in dict.fromkeys(json.loads(roles))])
    return actor_ids


def settle_actors(conn: sqlite3.Connection, article_id: int, actor_ids: set[int]) -> None:
    """Drop actors no article refers to any more, and aliases and roles no longer seen; an
    actor keeps the name of its first mention in article order, as ingest names it."""
    for actor_id in sorted(actor_ids):
        conn.execute("DELETE FROM actor_aliases WHERE actor_id = ? AND count <= 0", (actor_id,))
        conn.execute("DELETE FROM actor_roles WHERE actor_id = ? AND count <= 0", (actor_id,))
        if conn.execute("SELECT 1 FROM article_actors WHERE actor_id = ? AND article_id < ? LIMIT 1",
                        (actor_id, article_id)).fetchone() is not None:
            continue  # named first in an earlier article, whose rows are untouched
        first = conn.execute("SELECT name FROM article_actors WHERE actor_id = ? "
                             "ORDER BY article_id, id LIMIT 1", (actor_id,)).fetchone()
        if first is None:
            conn.execute("DELETE FROM actor_aliases WHERE actor_id = ?", (actor_id,))
            conn.execute("DELETE FROM actor_roles WHERE actor_id = ?", (actor_id,))
            conn.execute("DELETE FROM actors WHERE id = ?", (actor_id,))
        else:
            conn.execute("UPDATE actors SET name = ? WHERE id = ?", (first[0], actor_id))
