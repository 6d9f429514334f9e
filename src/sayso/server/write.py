"""The endpoints that run the engine: ``POST /extract`` (never stores anything) and
``POST /articles`` (ingest; only with ``sayso serve --allow-ingest``).

The engine runs in the server's NLP worker, writes on its write thread
(:class:`~sayso.server.state.ServerState`).
Request bodies over ``SAYSO_SERVE_MAX_BYTES`` are refused with 413 before they are parsed
(:mod:`sayso.server.app`); texts over ``SAYSO_MAX_CHARS`` with 413 too.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.concurrency import run_in_threadpool

from .. import settings
from ..errors import InputError
from ..store import Store, queries
from ..store.store import content_hash
from ..text import normalize
from ..types import Analysis
from .models import AnalysisContract, ExtractRequest, IngestRequest, IngestResult, Problem
from .state import ServerState

router = APIRouter()

TOO_LARGE = {413: {"model": Problem, "description": "The body is over SAYSO_SERVE_MAX_BYTES or the text over "
                                                     "SAYSO_MAX_CHARS."}}
INVALID = {422: {"model": Problem, "description": "The body is not JSON, has neither or both of text and "
                                                   "html, or the input is not a usable article."}}


class TooLong(InputError):
    http_status = 413


def _checked(text: str) -> str:
    """The normalised text, refused (413) when longer than the ``max_chars`` setting."""
    text = normalize(text)
    limit = int(settings.get("max_chars"))
    if len(text) > limit:
        raise TooLong(f"the text has {len(text):,} characters, over the limit of {limit:,} (SAYSO_MAX_CHARS); "
                      f"send one article at a time")
    return text


def _html_record(html: str, *, key: str, url: str | None = None, fetched: str | None = None):
    from ..ingest.html import record_from_html

    return record_from_html(html, key=key, url=url, source=key, fetched=fetched)


def analyse_text(text: str) -> dict[str, Any]:
    """The contract for an already normalised and checked text (runs in the NLP worker)."""
    from ..pipeline import extract

    return extract(text, normalized=True).to_dict()


def analyse_html(html: str) -> dict[str, Any]:
    """The contract for an HTML page's main text (runs in the NLP worker)."""
    return analyse_text(_checked(_html_record(html, key="html").text))


@router.post("/extract", response_model=AnalysisContract, tags=["extract"], responses={**TOO_LARGE, **INVALID},
             summary="Analyse one article (text or HTML) and return the JSON contract, storing nothing")
async def extract(request: Request, body: ExtractRequest) -> dict[str, Any]:
    """The same JSON as ``sayso extract --format json``: actors, quotes (speaker, cue, certainty,
    polarity, hedges, stance), relations and scare quotes, every offset into ``text``."""
    state: ServerState = request.app.state.sayso
    if body.text is not None:
        return await state.run_nlp(analyse_text, _checked(body.text))
    return await state.run_nlp(analyse_html, body.html)


def _record(state: ServerState, body: IngestRequest):
    """The article to store: the text or HTML as given, or the page fetched from ``url``
    (through the public-address guard); explicit metadata wins over the page's."""
    from ..ingest.record import Record, normalize_date
    from .ssrf import guarded_fetcher

    meta = {"title": body.title, "published": normalize_date(body.published), "outlet": body.outlet,
            "author": body.author}
    given = {k: v for k, v in meta.items() if v}
    if body.text is not None:
        return Record(key="POST /articles", text=body.text, url=body.url, source="http", **meta)
    if body.html is not None:
        return replace(_html_record(body.html, key="POST /articles", url=body.url), **given)
    fetcher = state.fetcher_factory() if state.fetcher_factory else guarded_fetcher(delay=0)
    with fetcher:
        page = fetcher.get(body.url or "")
    if page.content_type.startswith("text/plain"):
        from ..text import decode

        return Record(key=page.url, text=decode(page.body, page.url), url=page.url, source="http",
                      fetched=page.fetched, **meta)
    from ..ingest.html import decode_html

    return replace(_html_record(decode_html(page.body, page.charset), key=page.url, url=page.url,
                                fetched=page.fetched), **given)


def _stored_id(store: Store, url: str | None, text: str) -> int | None:
    """The id of an article already stored with this URL or text, else None."""
    if url and store.has_url(url):
        return queries.find_article(store, url).id
    if store.has_hash(content_hash(text)):
        return queries.find_article(store, content_hash(text)).id
    return None


def _store(store: Store, record: Any, text: str, analysis: dict[str, Any]) -> tuple[int, bool]:
    """Store the analysed article (write thread); an article stored meanwhile is not added twice."""
    existing = _stored_id(store, record.url, text)
    if existing is not None:
        return existing, False
    run = store.start_run([record.key], model=settings.get("model"))
    article_id = store.add(record, Analysis.from_dict(analysis), run_id=run)
    store.finish_run(run, {"read": 1, "stored": int(article_id is not None)})
    if article_id is None:  # a concurrent twin with another URL but the same text
        return int(_stored_id(store, record.url, text) or 0), False
    return int(article_id), True


@router.post("/articles", response_model=IngestResult, status_code=201, tags=["articles"],
             responses={200: {"model": IngestResult, "description": "Already stored: nothing changed."},
                        403: {"model": Problem, "description": "Ingest is off (start the server with "
                                                               "--allow-ingest), or the URL is not public."},
                        **TOO_LARGE, **INVALID},
             summary="Analyse and store one article (only with sayso serve --allow-ingest)")
async def ingest(request: Request, response: Response, body: IngestRequest) -> dict[str, Any]:
    """Store text or HTML as given, or fetch ``url`` (public hosts only: loopback, private and
    link-local addresses are refused, redirects included). An article already stored (same
    URL or same text) is not stored again: the answer is 200 with its id."""
    state: ServerState = request.app.state.sayso
    if not state.allow_ingest:
        raise HTTPException(403, "this server is read-only: ingest over HTTP is off; "
                                 "start it with sayso serve --allow-ingest")
    record = await run_in_threadpool(_record, state, body)
    text = _checked(record.text)
    if not text:
        raise InputError("the article has no text to analyse")
    article_id = _stored_id(state.store(), record.url, text)
    stored = False
    if article_id is None:
        analysis = await state.run_nlp(analyse_text, text)
        article_id, stored = await state.run_write(_store, record, text, analysis)
    if not stored:
        response.status_code = 200
    return {"id": article_id, "stored": stored, "article": queries.get_article(state.store(), article_id)}
