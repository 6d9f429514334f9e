"""Read the store: the one query API of the command line, the REST server, exports and claims.

Every function takes a :class:`~sayso.store.Store` and returns frozen dataclasses; a listing
yields rows over a cursor (so exports stay flat in memory) and takes ``offset``/``limit`` for
one page, and its ``count_*`` twin gives the total a page is part of.
"""
from __future__ import annotations

from .actors import actor_profile, actors, co_quoted, count_actors, find_actor, get_actor, ties
from .articles import (
    actor_names,
    article_actor_ids,
    article_ids,
    article_languages,
    article_text,
    article_texts,
    articles,
    count_articles,
    find_article,
    get_article,
    mentions_by_article,
    missing_articles,
    quote_spans_by_url,
)
from .filters import ArticleFilter, QuoteFilter, actor_ids, fts_query, like_literal
from .quotes import count_quotes, quote_facets, quotes, quotes_version
from .relations import count_relations, relations
from .rows import ActorProfile, ActorRow, ArticleRow, QuoteRow, RelationRow, Tie

__all__ = [
    "ActorProfile", "ActorRow", "ArticleFilter", "ArticleRow", "QuoteFilter", "QuoteRow", "RelationRow", "Tie",
    "actor_ids", "actor_names", "actor_profile", "actors", "article_actor_ids", "article_ids",
    "article_languages", "article_text",
    "article_texts", "articles", "co_quoted", "count_actors", "count_articles", "count_quotes",
    "count_relations", "find_actor", "find_article", "fts_query", "get_actor", "get_article", "like_literal",
    "mentions_by_article", "missing_articles", "quote_facets", "quote_spans_by_url", "quotes",
    "quotes_version", "relations", "ties",
]
