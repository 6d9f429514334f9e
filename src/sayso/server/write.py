"""The endpoints that run the engine: ``POST /extract`` (never stores anything) and
``POST /articles`` (ingest; only with ``sayso serve --allow-ingest``).

The engine runs in the server's NLP worker, writes on its write thread
(:class:`~sayso.server.state.ServerState`), with the options the app was created with
(``app.state.options``: engine, models, ``max_chars``).
Request bodies over ``SAYSO_SERVE_MAX_BYTES`` are refused with 413 before they are parsed
(:mod:`sayso.server.app`); texts over ``SAYSO_SERVE_MAX_CHARS`` (or ``SAYSO_MAX_CHARS``) with
413 too, and strings that are not Unicode text (a lone surrogate, ``"\ud800"``) with 400.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.concurrency import run_in_threadpool

from ..errors import InputError, InvalidText, TooLong
from ..options import Options
from ..store import Store, queries
from ..store.store import content_hash
from ..text import normalize
from ..types import Analysis
from .guards import require_writer
from .models import AnalysisContract, ExtractRequest, IngestRequest, IngestResult, Problem
from .state import ServerState

router = APIRouter()

TOO_LARGE: dict[int | str, dict[str, Any]] = {413: {"model": Problem, "description": "The body is over SAYSO_SERVE_MAX_BYTES or the text over "
                                                     "SAYSO_SERVE_MAX_CHARS."}}
NOT_TEXT: dict[int | str, dict[str, Any]] = {400: {"model": Problem, "description": "A string of the body is not Unicode text (a lone "
                                                   "surrogate such as \\ud800)."}}
INVALID: dict[int | str, dict[str, Any]] = {422: {"model": Problem, "description": "The body is not JSON, has neither or both of text and "
                                                   "html, or the input is not a usable article."}}


def _unicode(body: ExtractRequest | IngestRequest) -> None:
    """Refuse (400) a body whose strings cannot be text: JSON lets ``"\ud800"`` through, UTF-8 does not."""
    for name, value in body.model_dump().items():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise InvalidText(f"{name}: character {exc.start} is a lone surrogate ({value[exc.start]!a}), "
                              f"not text; send the article as valid UTF-8") from None


def _checked(text: str, limit: int, options: Options) -> str:
    """``text`` as given, refused (413) when longer than ``limit`` or the ``max_chars`` option."""
    limit, name = min((limit, "SAYSO_SERVE_MAX_CHARS"), (options.max_chars, "SAYSO_MAX_CHARS"))
    if len(text) > limit:
        raise TooLong(f"the text has {len(text):,} characters, over this server's limit of {limit:,} ({name}); "
                      f"send one article at a time")
    return text


def _html_record(html: str, *, key: str, url: str | None = None, fetched: str | None = None):
    from ..ingest.html import record_from_html

    return record_from_html(html, key=key, url=url, source=key, fetched=fetched)


def analyse_text(text: str, options: Options) -> dict[str, Any]:
    """The contract for a checked text, every offset into the text as given (runs in the NLP
    worker)."""
    from ..pipeline import extract

    return extract(text, options=options).to_dict()


def analyse_html(html: str, limit: int, options: Options) -> dict[str, Any]:
    """The contract for an HTML page's main text, at most ``limit`` characters (runs in the NLP worker)."""
    # the article text as ingest stores it (normalised), as `sayso extract page.html` gives it
    return analyse_text(_checked(normalize(_html_record(html, key="html").text), limit, options), options)


@router.post("/extract", response_model=AnalysisContract, tags=["extract"],
             responses={**NOT_TEXT, **TOO_LARGE, **INVALID},
             summary="Analyse one article (text or HTML) and return the JSON contract, storing nothing")
async def extract(request: Request, body: ExtractRequest) -> dict[str, Any]:
    """The same JSON as ``sayso extract --format json``: actors, quotes (speaker, cue, certainty,
    polarity, hedges, stance), relations and scare quotes, every offset into ``text``. A request
    whose client disconnects leaves the line; one already running is finished and dropped."""
    state: ServerState = request.app.state.sayso
    options: Options = request.app.state.options
    _unicode(body)
    if body.text is not None:
        return await state.run_nlp(analyse_text, _checked(body.text, state.max_chars, options), options,
                                   gone=request.is_disconnected)
    return await state.run_nlp(analyse_html, body.html, state.max_chars, options, gone=request.is_disconnected)


def _record(state: ServerState, body: IngestRequest):
    """The article to store: the text or HTML as given, or the page fetched from ``url``
    (through the public-address guard); explicit metadata wins over the page's."""
    from ..ingest.record import Record, normalize_date
    from .ssrf import guarded_fetcher

    meta: dict[str, Any] = {"title": body.title, "published": normalize_date(body.published), "outlet": body.outlet,
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


def _store(store: Store, record: Any, text: str, analysis: dict[str, Any], model: str) -> tuple[int, bool]:
    """Store the analysed article (write thread); an article stored meanwhile is not added twice."""
    existing = _stored_id(store, record.url, text)
    if existing is not None:
        return existing, False
    run = store.start_run([record.key], model=model)
    article_id = store.add(record, Analysis.from_dict(analysis), run_id=run)
    store.finish_run(run, {"read": 1, "stored": int(article_id is not None)})
    if article_id is None:  # a concurrent twin with another URL but the same text
        return int(_stored_id(store, record.url, text) or 0), False
    return int(article_id), True


@router.post("/articles", response_model=IngestResult, status_code=201, tags=["articles"],
             dependencies=[Depends(require_writer)],
             responses={200: {"model": IngestResult, "description": "Already stored: nothing changed."},
                        401: {"model": Problem, "description": "The server has an API token (SAYSO_API_TOKEN) "
                                                               "and the request does not carry it."},
                        403: {"model": Problem, "description": "Ingest is off (start the server with "
                                                               "--allow-ingest), or the URL is not public."},
                        **NOT_TEXT, **TOO_LARGE, **INVALID},
             summary="Analyse and store one article (only with sayso serve --allow-ingest)")
async def ingest(request: Request, response: Response, body: IngestRequest) -> dict[str, Any]:
    """Store text or HTML as given, or fetch ``url`` (public hosts only: loopback, private and
    link-local addresses are refused, redirects included). An article already stored (same
    URL or same text) is not stored again: the answer is 200 with its id. When the server has
    an API token, send it as ``Authorization: Bearer <token>``."""
    state: ServerState = request.app.state.sayso
    options: Options = request.app.state.options
    _unicode(body)
    record = await run_in_threadpool(_record, state, body)
    text = normalize(_checked(record.text, state.max_chars, options))  # stored normalised, as ingest stores it
    if not text:
        raise InputError("the article has no text to analyse")
    found = _stored_id(state.store(), record.url, text)
    if found is None:
        analysis = await state.run_nlp(analyse_text, text, options, gone=request.is_disconnected)
        article_id, stored = await state.run_write(_store, record, text, analysis, options.model)
    else:
        article_id, stored = found, False
    if not stored:
        response.status_code = 200
    return {"id": article_id, "stored": stored, "article": queries.get_article(state.store(), article_id)}
