"""Stored relations (who funds, backs, targets… whom, by whose account) with their actors' names."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .filters import ArticleFilter, paging
from .rows import RelationRow
from .store import Store

_FROM = "FROM relations r JOIN articles a ON a.id = r.article_id"


def _relation_where(flt: ArticleFilter, actor_id: int | None, predicate: str | None,
                    article: int | None) -> tuple[str, list[Any]]:
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
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def relations(store: Store, flt: ArticleFilter = ArticleFilter(), *, actor_id: int | None = None,
              predicate: str | None = None, article: int | None = None, offset: int = 0,
              limit: int | None = None) -> Iterator[RelationRow]:
    """Relations (newest articles first), optionally those with ``actor_id`` as subject, object
    or claimant, of one ``predicate``, or of one article; ``offset``/``limit`` give one page."""
    where, params = _relation_where(flt, actor_id, predicate, article)
    rows = store.conn.execute(
        f"""SELECT r.id, r.article_id, r.local_id, s.name AS subject, r.source_id, r.type, o.name AS object,
                   r.target_id, c.name AS claimant, r.claimant_id, r.quote_id, r.certainty, r.polarity,
                   r.text, r.start_char, r.end_char, a.published, a.outlet
            {_FROM} LEFT JOIN actors s ON s.id = r.source_id LEFT JOIN actors o ON o.id = r.target_id
            LEFT JOIN actors c ON c.id = r.claimant_id{where}
            ORDER BY a.published IS NULL, a.published DESC, r.article_id, r.start_char, r.id
            {paging(offset, limit)}""", params)
    for row in rows:
        yield RelationRow(*row)


def count_relations(store: Store, flt: ArticleFilter = ArticleFilter(), *, actor_id: int | None = None,
                    predicate: str | None = None, article: int | None = None) -> int:
    """How many relations :func:`relations` lists with these filters."""
    where, params = _relation_where(flt, actor_id, predicate, article)
    return int(store.conn.execute(f"SELECT count(*) {_FROM}{where}", params).fetchone()[0])
