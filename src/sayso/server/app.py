"""The web application: the REST API, its OpenAPI docs (Swagger UI served from the package, so
/docs works offline) and the web page, all from :func:`create_app`.

Read-only unless ``allow_ingest``: every read goes through a ``query_only`` connection, and
the only route that writes (``POST /articles``) answers 403 without the flag, and 401 without
the API token when the server has one (it must, to accept writes on a non-loopback address).
Only the server's own host names are answered (:mod:`sayso.server.guards`), and every error,
an unexpected one included, is the JSON ``{"detail": …}`` of :class:`~sayso.server.models.Problem`.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__, settings
from ..errors import ConfigError, SaysoError
from ..options import Options
from ..schema import analysis_schema
from ..store import Store
from . import api, write
from .guards import HeadAsGet, HostGuard, host_names, is_loopback
from .state import ServerState

STATIC = Path(__file__).parent / "static"

DESCRIPTION = """Who said what in the news, from a sayso database (`sayso ingest`).

Every span is a pair of Python `str` offsets into the article's `text`. Lists are paginated
with `offset` and `limit`; each page gives `total` and the link to the `next` page. Writes may need
`Authorization: Bearer <token>` (`SAYSO_API_TOKEN`).
`POST /extract` analyses a text without storing it; `POST /articles` stores one only when the
server runs with `--allow-ingest`. The web page is at [/](/).
"""

# The web page loads only its own files: no inline script, no third-party origin (inline
# styles are allowed: cytoscape.js sets them on its canvas).
PAGE_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
               "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
               "form-action 'self'")


class BodyLimit:
    """Refuses request bodies over ``max_bytes`` with 413 before any route parses them,
    whether announced by Content-Length or sent in chunks."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def _refuse(self, send: Send) -> None:
        body = json.dumps({"detail": f"the request body is over the limit of {self.max_bytes:,} bytes "
                                     f"(SAYSO_SERVE_MAX_BYTES); send one article at a time"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body, replayed = b"".join(chunks), False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class SecurityHeaders:
    """``nosniff`` and ``no-referrer`` on every response; the page's Content-Security-Policy on
    the page and its own static files (not on Swagger UI, whose page has an inline script)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        page = path == "/" or (path.startswith("/static/") and not path.startswith("/static/vendor/swagger-ui/"))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
                if page:
                    headers.append((b"content-security-policy", PAGE_POLICY.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _openapi_with_contract(app: FastAPI) -> dict[str, Any]:
    """FastAPI's OpenAPI document plus the packaged analysis schema as ``Analysis`` (its
    ``$defs`` become ``Analysis_<name>`` components), so /extract documents the real contract."""
    if app.openapi_schema is None:
        document = get_openapi(title=app.title, version=app.version, description=app.description,
                               routes=app.routes, tags=app.openapi_tags)
        schema = json.loads(json.dumps(analysis_schema()))
        definitions = schema.pop("$defs", {})
        for key in ("$schema", "$id"):
            schema.pop(key, None)
        text = json.dumps({"Analysis": schema, **{f"Analysis_{k}": v for k, v in definitions.items()}})
        text = text.replace('"#/$defs/', '"#/components/schemas/Analysis_')
        document.setdefault("components", {}).setdefault("schemas", {}).update(json.loads(text))
        app.openapi_schema = document
    return app.openapi_schema


def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 with each problem's place and message (never the submitted text echoed back)."""
    problems = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                for e in exc.errors()]
    message = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in problems)
    return JSONResponse({"detail": problems, "message": message}, status_code=422)


def _sayso_error(request: Request, exc: SaysoError) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=getattr(exc, "http_status", 500))


def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    """500 as JSON, without the traceback (Starlette re-raises the error for the server to log)."""
    return JSONResponse({"detail": "the server failed on this request (an error in sayso: its log has the "
                                   "details); please report it"}, status_code=500)


def _setting_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def create_app(store_path: str | Path, allow_ingest: bool = False, *, host: str = "127.0.0.1",
               allowed_hosts: Iterable[str] | None = None, base_url: str | None = None,
               api_token: str | None = None, max_bytes: int | None = None, max_chars: int | None = None,
               fetcher_factory: Any = None, warm_up: bool = True, nlp_in_process: bool = True,
               options: Options | None = None) -> FastAPI:
    """The sayso web app over the database at ``store_path`` (which must exist, unless
    ``allow_ingest`` creates it), to be served on the address ``host``. It answers the Host
    names localhost, ``host`` and ``allowed_hosts``; builds its links under ``base_url``; asks
    ``api_token`` of writes. Those and ``max_bytes`` (request bodies) and ``max_chars`` (texts
    analysed) default to the ``serve_*`` and ``api_token`` settings. ``warm_up`` loads the spaCy
    pipeline at startup; ``nlp_in_process`` runs it in a worker process (else a thread);
    ``fetcher_factory`` replaces the public-only URL fetcher (tests). ``options`` (engine, models,
    ``max_chars``; default: the settings) are settled here, once, for every request. Raises
    :class:`~sayso.errors.ConfigError` for ingest on a non-loopback address without a token."""
    options = options or settings.options()
    token = str(settings.get("api_token") if api_token is None else api_token)
    if allow_ingest and not token and not is_loopback(host):
        raise ConfigError(f"ingest over HTTP on {host} (not a loopback address) needs an API token: set "
                          f"SAYSO_API_TOKEN to a long random secret (python -c 'import secrets; "
                          f"print(secrets.token_urlsafe(32))'), or serve on 127.0.0.1")
    extra_hosts = _setting_list(settings.get("serve_allowed_hosts")) if allowed_hosts is None else allowed_hosts
    path = Path(store_path)
    Store(path, create=allow_ingest).close()  # fails early and clearly; migrates an older file
    state = ServerState(path, allow_ingest=allow_ingest, max_bytes=max_bytes, max_chars=max_chars,
                        fetcher_factory=fetcher_factory, nlp_in_process=nlp_in_process, api_token=token,
                        base_url=str(settings.get("serve_base_url") if base_url is None else base_url),
                        model=options.model)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if warm_up:
            state.warm_up()
        yield
        state.close()

    app = FastAPI(title="sayso", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_tags=[
                      {"name": "quotes", "description": "Attributed statements, searchable."},
                      {"name": "articles", "description": "Stored articles with their findings."},
                      {"name": "actors", "description": "People, organisations, outlets… merged across articles."},
                      {"name": "relations", "description": "Who does what to whom, by whose account."},
                      {"name": "graph", "description": "The actor network."},
                      {"name": "extract", "description": "Analyse a text without storing it."}])
    app.state.sayso = state
    app.state.options = options
    app.add_middleware(BodyLimit, max_bytes=state.max_bytes)
    # Starlette types a handler as taking any Exception; each of these takes the class it handles
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(SaysoError, _sayso_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected)
    app.include_router(api.router)
    app.include_router(write.router)
    app.openapi = lambda: _openapi_with_contract(app)  # type: ignore[method-assign]
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    app.add_middleware(HeadAsGet)
    app.add_middleware(HostGuard, names=host_names(host, extra_hosts))
    app.add_middleware(SecurityHeaders)

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json", title="sayso API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png",
            oauth2_redirect_url="/docs/oauth2-redirect")

    @app.get("/docs/oauth2-redirect", include_in_schema=False)
    def oauth2_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    return app
