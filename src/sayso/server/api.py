"""The read-only endpoints: articles, quotes, actors, relations and the actor network.

Each route parses its parameters, calls one query of :mod:`sayso.store.queries` (or
:mod:`sayso.network`) on this thread's read-only store, and returns its rows.
"""
from __future__ import annotations

import re
from enum import Enum
from typing import Annotated, Any, Optional

from fastapi import APIRouter, HTTPException, Path, Query, Request

from ..errors import StoreError
from ..ingest.record import normalize_date
from ..network import actor_graph
from ..store import queries
from ..store.filters import language_code
from ..store.queries import ArticleFilter, QuoteFilter
from ..schema import vocabularies
from ..types import ActorType, Certainty, Polarity, QuoteKind, Stance, StatementType
from .. import settings
from .models import (ActorDetail, ActorPage, ArticleDetail, ArticlePage, ClaimPage, Graph, NameCount,
                     Problem, QuotePage, RelationPage, SharedArticles, VocabularyTerms)
from .state import ServerState

router = APIRouter()



class Verdict(str, Enum):
    """How the reports of a claim relate: they agree, or some contradict others."""

    agree = "agree"
    contradict = "contradict"

# Every parameter is bounded: SQLite integers stop at 2**63 - 1, and its LIKE patterns at 50,000 bytes.
MAX_ID = 2**63 - 1
MAX_OFFSET = 1_000_000_000
MAX_TEXT = 1000  # characters of a name, filter or search


def _text(description: str) -> Any:
    """A string query parameter of at most ``MAX_TEXT`` characters."""
    return Query(max_length=MAX_TEXT, description=description)


def _id(description: str) -> Any:
    """An id query parameter (SQLite's integer range)."""
    return Query(ge=0, le=MAX_ID, description=description)


Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Skip this many items (pagination).")]
Limit = Annotated[int, Query(ge=1, le=500, description="Items per page (at most 500).")]
Outlet = Annotated[Optional[str], _text("Outlet name contains this (case-insensitive).")]
Since = Annotated[Optional[str], _text("Published on or after this ISO date (2024-03-01).")]
Until = Annotated[Optional[str], _text("Published on or before this ISO date (the whole day).")]
Lang = Annotated[Optional[str], Query(max_length=MAX_TEXT, description="The article's language, an ISO 639-1 "
                                                                   "code (en, fr).")]
ArticleId = Annotated[int, Path(ge=0, le=MAX_ID, description="The article id.")]
ActorId = Annotated[int, Path(ge=0, le=MAX_ID, description="The actor id.")]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "No such item."}}
INVALID: dict[int | str, dict[str, Any]] = {422: {"model": Problem, "description": "A parameter is invalid (the message says which)."}}


def _state(request: Request) -> ServerState:
    return request.app.state.sayso


def _date(name: str, value: str | None) -> str | None:
    if value is None or value == "":
        return None
    parsed = normalize_date(value)
    if parsed is None:
        raise HTTPException(422, f"{name}: {value!r} is not a date; use YYYY-MM-DD")
    return parsed


def _lang(value: str | None) -> str | None:
    try:
        return language_code(value) if value else None
    except StoreError as exc:
        raise HTTPException(422, str(exc)) from None


def _articles(outlet: str | None, since: str | None, until: str | None, lang: str | None) -> ArticleFilter:
    """The article filter of a request's outlet, date and language parameters."""
    return ArticleFilter(outlet=outlet or None, since=_date("since", since), until=_date("until", until),
                         lang=_lang(lang))


def _search(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if not re.search(r"\w", value):
        raise HTTPException(422, f"search: {value!r} has no words to search for")
    return value


def _page(request: Request, items: list[Any], total: int, offset: int, limit: int) -> dict[str, Any]:
    following = offset + limit
    return {"total": total, "offset": offset, "limit": limit, "items": items,
            "next": _link(request, offset=following) if following < total else None}


def _link(request: Request, **params: Any) -> str:
    """This request's path and query with ``params`` changed, under the configured base URL
    (never the request's Host header: a client must not choose the links others follow)."""
    url = request.url.include_query_params(**params)
    return f"{_state(request).base_url}{url.path}?{url.query}"


@router.get("/articles", response_model=ArticlePage, tags=["articles"], responses=INVALID,
            summary="List stored articles, newest first")
def list_articles(request: Request, outlet: Outlet = None, since: Since = None, until: Until = None,
                  lang: Lang = None,
                  search: Annotated[Optional[str], _text("Full-text search over title and text.")] = None,
                  facets: Annotated[bool, Query(description="Also count the matches per language.")] = False,
                  offset: Offset = 0, limit: Limit = 50) -> dict[str, Any]:
    flt = _articles(outlet, since, until, lang)
    store, words = _state(request).store(), _search(search)
    rows = list(queries.articles(store, flt, search=words, newest_first=True, offset=offset, limit=limit))
    page = _page(request, rows, queries.count_articles(store, flt, search=words), offset, limit)
    if facets:
        page["facets"] = {"lang": queries.article_languages(store, flt, search=words)}
    return page


@router.get("/articles/{article_id}", response_model=ArticleDetail, tags=["articles"], responses=NOT_FOUND,
            summary="One article: its text and every finding with offsets")
def get_article(request: Request, article_id: ArticleId) -> dict[str, Any]:
    store = _state(request).store()
    row = queries.get_article(store, article_id)
    if row is None:
        raise HTTPException(404, f"no article with id {article_id}; list them with GET /articles")
    every_quote = QuoteFilter(article=article_id, attributed=False)
    return {"article": row, "analysis": store.analysis_dict(article_id),
            "actor_ids": queries.article_actor_ids(store, article_id),
            "quote_ids": {q.local_id: q.id for q in queries.quotes(store, every_quote)}}


@router.get("/quotes", response_model=QuotePage, tags=["quotes"], responses=INVALID,
            summary="Search quotes with the filters of `sayso quotes`, newest first")
def list_quotes(
    request: Request,
    search: Annotated[Optional[str], _text('Full-text search in the quote: words (all must occur), '
                                                       '"a phrase", or FTS5 syntax (tax* OR budget).')] = None,
    speaker: Annotated[Optional[str], _text("Said by an actor with this name or alias "
                                                        "(whole words: Lopez).")] = None,
    speaker_id: Annotated[Optional[int], _id("Said by the actor with this id.")] = None,
    about: Annotated[Optional[str], _text("Names this actor inside the quoted words.")] = None,
    about_id: Annotated[Optional[int], _id("Names the actor with this id inside the quote.")] = None,
    kind: Annotated[Optional[QuoteKind], Query(description="How the statement is reported.")] = None,
    type: Annotated[Optional[list[StatementType]], Query(
        description="What act the cue reports; repeat for any of several (type=writing&type=belief).")] = None,
    certainty: Annotated[Optional[Certainty], Query(description="How the statement is put.")] = None,
    polarity: Annotated[Optional[Polarity], Query(description="negative: a denial.")] = None,
    stance: Annotated[Optional[Stance], Query(description="The reporter's stance, from the cue.")] = None,
    outlet: Outlet = None, since: Since = None, until: Until = None, lang: Lang = None,
    article: Annotated[Optional[int], _id("Only quotes of this article id.")] = None,
    attributed: Annotated[bool, Query(description="false: also quotes with neither a speaker nor a source "
                                                  "named in the text.")] = True,
    facets: Annotated[bool, Query(description="Also count the matches per kind, type, certainty, language, "
                                              "outlet, speaker, month…")] = False,
    offset: Offset = 0, limit: Limit = 50,
) -> dict[str, Any]:
    flt = QuoteFilter(
        outlet=outlet or None, since=_date("since", since), until=_date("until", until), lang=_lang(lang),
        speaker=speaker or None, about=about or None, kind=kind.value if kind else None,
        type=tuple(t.value for t in type or ()), certainty=certainty.value if certainty else None,
        polarity=polarity.value if polarity else None,
        stance=stance.value if stance else None, search=_search(search), article=article,
        speaker_id=speaker_id, about_id=about_id, attributed=attributed)
    store = _state(request).store()
    rows = list(queries.quotes(store, flt, offset=offset, limit=limit))
    page = _page(request, rows, queries.count_quotes(store, flt), offset, limit)
    if facets:
        page["facets"] = queries.quote_facets(store, flt)
    return page


@router.get("/claims", response_model=ClaimPage, tags=["claims"], responses=INVALID,
            summary="Claims across sources: statements several outlets report, and whether they agree")
def list_claims(
    request: Request,
    search: Annotated[Optional[str], _text("Only statements matching this full-text search.")] = None,
    speaker: Annotated[Optional[str], _text("Only statements by this actor (name or alias).")] = None,
    about: Annotated[Optional[str], _text("Only statements that name this actor.")] = None,
    verdict: Annotated[Optional[Verdict], Query(description="contradict: some reports affirm, others deny.")] = None,
    min_sources: Annotated[int, Query(ge=1, le=1000, description="Told by at least this many outlets.")] = 2,
    threshold: Annotated[Optional[float], Query(ge=0.05, le=1.0, description="Sentence-embedding cosine that links "
                                                "two propositions (default: the claims_similarity setting).")] = None,
    outlet: Outlet = None, since: Since = None, until: Until = None, lang: Lang = None,
    offset: Offset = 0, limit: Limit = 50,
) -> dict[str, Any]:
    flt = QuoteFilter(outlet=outlet or None, since=_date("since", since), until=_date("until", until),
                      speaker=speaker or None, about=about or None, search=_search(search), lang=_lang(lang))
    found = _state(request).claims(flt, threshold=threshold or settings.get("claims_similarity"),
                                   paraphrase=settings.get("claims_paraphrase"),
                                   contradiction=settings.get("claims_contradiction"), min_sources=min_sources,
                                   verdict=verdict.value if verdict else None)
    items = [c.to_dict() for c in found[offset:offset + limit]]
    return _page(request, items, len(found), offset, limit)


@router.get("/actors", response_model=ActorPage, tags=["actors"],
            summary="List actors merged across articles, most quoted first")
def list_actors(
    request: Request,
    type: Annotated[Optional[ActorType], Query(description="Actor type.")] = None,
    name: Annotated[Optional[str], _text("Name or alias holds these whole words.")] = None,
    unnamed: Annotated[bool, Query(description='Include unnamed actors ("a senior official").')] = False,
    offset: Offset = 0, limit: Limit = 50,
) -> dict[str, Any]:
    store, kind = _state(request).store(), type.value if type else None
    rows = list(queries.actors(store, type=kind, name=name or None, unnamed=unnamed, offset=offset, limit=limit))
    return _page(request, rows, queries.count_actors(store, type=kind, name=name or None, unnamed=unnamed),
                 offset, limit)


@router.get("/actors/{actor_id}", response_model=ActorDetail, tags=["actors"], responses=NOT_FOUND,
            summary="One actor: roles, aliases, quotes by and about, relations, co-quoted actors")
def get_actor(request: Request, actor_id: ActorId,
              limit: Annotated[int, Query(ge=1, le=500, description="Quotes by and about (and relations, "
                                                                    "co-quoted actors) to list.")] = 50,
              ) -> dict[str, Any]:
    store = _state(request).store()
    actor = queries.get_actor(store, actor_id)
    if actor is None:
        raise HTTPException(404, f"no actor with id {actor_id}; list them with GET /actors")
    profile = queries.actor_profile(store, actor, limit=limit)
    relations = list(queries.relations(store, actor_id=actor_id, limit=limit))
    relations_total = queries.count_relations(store, actor_id=actor_id)
    co_quoted = [SharedArticles(actor=other, articles=shared)
                 for _, other_id, shared in queries.co_quoted(store, actor_id=actor_id, unnamed=True, limit=limit)
                 if (other := queries.get_actor(store, other_id)) is not None]
    return {
        "actor": actor, "aliases": [NameCount(name=a, count=n) for a, n in profile.aliases],
        "roles": [NameCount(name=r, count=n) for r, n in profile.roles],
        "quotes_by": list(profile.quotes_by), "quotes_about": list(profile.quotes_about),
        "quotes_by_total": profile.quotes_by_total, "quotes_about_total": profile.quotes_about_total,
        "relations": relations, "relations_total": relations_total, "ties": list(profile.ties),
        "co_quoted": co_quoted,
        "co_mentioned": [SharedArticles(actor=a, articles=n) for a, n in profile.co_mentioned],
    }


@router.get("/relations", response_model=RelationPage, tags=["relations"], responses=INVALID,
            summary="Who funds, backs, targets… whom, by whose account")
def list_relations(
    request: Request,
    actor_id: Annotated[Optional[int], _id("Subject, object or claimant is this actor.")] = None,
    predicate: Annotated[Optional[str], _text("Relation type: funds, backs, member_of…")] = None,
    article: Annotated[Optional[int], _id("Only relations of this article id.")] = None,
    outlet: Outlet = None, since: Since = None, until: Until = None, lang: Lang = None,
    offset: Offset = 0, limit: Limit = 50,
) -> dict[str, Any]:
    flt = _articles(outlet, since, until, lang)
    store, predicate = _state(request).store(), predicate or None
    rows = list(queries.relations(store, flt, actor_id=actor_id, predicate=predicate, article=article,
                                  offset=offset, limit=limit))
    total = queries.count_relations(store, flt, actor_id=actor_id, predicate=predicate, article=article)
    return _page(request, rows, total, offset, limit)


@router.get("/graph", response_model=Graph, tags=["graph"], responses={**NOT_FOUND, **INVALID},
            summary="The actor network as nodes and edges (around one actor, or the busiest actors)")
def graph(
    request: Request,
    actor_id: Annotated[Optional[int], _id("Only the network around this actor.")] = None,
    depth: Annotated[int, Query(ge=1, le=3, description="Steps away from actor_id to include.")] = 1,
    co_quoted: Annotated[bool, Query(description="Also link speakers quoted in the same articles.")] = False,
    unnamed: Annotated[bool, Query(description='Include unnamed actors ("officials").')] = False,
    max_nodes: Annotated[int, Query(ge=1, le=1000, description="Keep at most this many actors.")] = 150,
    outlet: Outlet = None, since: Since = None, until: Until = None, lang: Lang = None,
) -> dict[str, Any]:
    store = _state(request).store()
    if actor_id is not None and queries.get_actor(store, actor_id) is None:
        raise HTTPException(404, f"no actor with id {actor_id}; list them with GET /actors")
    flt = _articles(outlet, since, until, lang)
    return actor_graph(store, flt, actor_id=actor_id, depth=depth, unnamed=unnamed, co_quoted=co_quoted,
                       max_nodes=max_nodes)


@router.get("/vocabularies", response_model=dict[str, VocabularyTerms], tags=["schema"],
            summary="The closed vocabularies of the analysis (certainty, quote_kind, actor_type…): "
                    "values and their words")
def list_vocabularies() -> dict[str, Any]:
    """The ``$defs`` vocabularies of the analysis schema, generated from :mod:`sayso.types`; the
    web page fills its filters and labels its badges from them."""
    return vocabularies()
