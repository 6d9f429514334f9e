"""Stored quotes: the listing (filtered, newest first, one page or all), its count and facets."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .filters import QuoteFilter, actor_ids, in_ids, paging, search_terms
from .rows import QuoteRow, quote_row
from .store import Store

_QUOTE_SELECT = """
SELECT q.id, q.article_id, q.local_id, q.kind, q.text, q.start_char, q.end_char,
       s.name AS speaker, q.speaker_id, s.type AS speaker_type, q.speaker_text,
       q.cue, m.name AS medium, q.medium_id, q.inherited, q.certainty, q.polarity, q.stance, q.type, q.extra,
       a.published, a.outlet, a.title, a.url, a.lang,
       (SELECT json_group_array(json_array(qp.start_char, qp.end_char)) FROM quote_parts qp
        WHERE qp.quote_id = q.id) AS parts
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN actors s ON s.id = q.speaker_id
LEFT JOIN actors m ON m.id = q.medium_id
"""
_QUOTE_ORDER = " ORDER BY a.published IS NULL, a.published DESC, q.article_id, q.start_char, q.id"


def _quote_where(store: Store, flt: QuoteFilter) -> tuple[str, list[Any]]:
    clauses, params = flt.sql("a")
    if flt.speaker_id is not None:
        clauses.append("q.speaker_id = ?")
        params.append(flt.speaker_id)
    if flt.speaker:
        clauses.append(in_ids("q.speaker_id", actor_ids(store, flt.speaker)))
    about = ([flt.about_id] if flt.about_id is not None else []) + (
        actor_ids(store, flt.about) if flt.about else [])
    if flt.about or flt.about_id is not None:
        # Named inside the quoted words (not in "he said" between parts), by someone else.
        clauses.append(f"""EXISTS (SELECT 1 FROM quote_parts qp JOIN mentions mm
                ON mm.article_id = qp.article_id AND mm.start_char >= qp.start_char
                AND mm.end_char <= qp.end_char
            WHERE qp.quote_id = q.id AND {in_ids('mm.actor_id', about)})
            AND (q.speaker_id IS NULL OR NOT {in_ids('q.speaker_id', about)})""")
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
        params.append(search_terms(store, "quotes_fts", flt.search))
    if flt.article is not None:
        clauses.append("q.article_id = ?")
        params.append(flt.article)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def quotes(store: Store, flt: QuoteFilter = QuoteFilter(), *, offset: int = 0,
           limit: int | None = None) -> Iterator[QuoteRow]:
    """Quotes matching every given filter, newest articles first, in text order within one;
    ``offset``/``limit`` give one page (``limit`` defaults to the filter's)."""
    where, params = _quote_where(store, flt)
    sql = _QUOTE_SELECT + where + _QUOTE_ORDER + paging(offset, flt.limit if limit is None else limit)
    for row in store.conn.execute(sql, params):
        yield quote_row(row)


def count_quotes(store: Store, flt: QuoteFilter = QuoteFilter()) -> int:
    """How many quotes match ``flt`` (its ``limit`` aside)."""
    where, params = _quote_where(store, flt)
    return int(store.conn.execute(
        "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id" + where, params
    ).fetchone()[0])


def quote_facets(store: Store, flt: QuoteFilter = QuoteFilter(), *, top: int = 20
                 ) -> dict[str, list[dict[str, Any]]]:
    """How the quotes matching ``flt`` split by kind, statement type, certainty, polarity, stance,
    language, outlet, speaker and month of publication: ``{"kind": [{"value": "direct", "count": 12}, …], …}``."""
    where, params = _quote_where(store, flt)
    base = "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN actors s ON s.id = q.speaker_id" + where
    columns = {"kind": "q.kind", "type": "q.type", "certainty": "q.certainty", "polarity": "q.polarity",
               "stance": "q.stance", "lang": "a.lang", "outlet": "a.outlet", "month": "substr(a.published, 1, 7)"}
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


def quotes_version(store: Store) -> tuple[int, int | None]:
    """How many quotes are stored and the highest id: changes whenever quotes are added or
    replaced, so results computed from them can be kept until then."""
    count, highest = store.conn.execute("SELECT count(*), max(id) FROM quotes").fetchone()
    return int(count), None if highest is None else int(highest)
