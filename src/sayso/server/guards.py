"""What stands between a request and the routes: the Host allow-list (against DNS rebinding),
HEAD answered as GET without its body, and the API token of the write route.

DNS rebinding: a web page on ``evil.example`` makes its own name resolve to 127.0.0.1, and the
browser then lets it read from (and post to) a server on the user's machine, with
``Host: evil.example``. A server that answers only the names it is known by stops that. An IP
address in the Host header is always accepted: a page can only send one as its own origin, so
it is not a foreign page.
"""
from __future__ import annotations

import hmac
import ipaddress
import json
import socket
from collections.abc import Iterable
from typing import Any, Optional

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOCAL_NAMES = ("localhost",)
ANY_ADDRESS = ("0.0.0.0", "::", "")


def is_loopback(host: str) -> bool:
    """Whether the listening address ``host`` is reachable only from this machine."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name: it may resolve anywhere


def host_names(bind: str, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The names the server answers to: localhost, the listening name (or this machine's name
    when listening on every address) and ``extra`` (``*.example.org``, ``*``)."""
    names = list(LOCAL_NAMES)
    bind = bind.strip("[]").lower()
    if bind in ANY_ADDRESS:
        names.append(socket.gethostname().lower())
    elif not _is_address(bind):
        names.append(bind)
    names += [name.strip().lower().rstrip(".") for name in extra if name.strip()]
    return tuple(dict.fromkeys(names))


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return True


def host_of(header: str) -> str:
    """The host of a Host header, without port, brackets or final dot, lower-case."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header[1:]
    return header.rsplit(":", 1)[0].rstrip(".") if header.count(":") == 1 else header.rstrip(".")


def host_allowed(header: str, names: Iterable[str]) -> bool:
    """Whether a request with this Host header may be answered (no header: not a browser)."""
    host = host_of(header)
    if not host or _is_address(host):
        return True
    for name in names:
        if name == "*" or host == name or (name.startswith("*.") and host.endswith(name[1:])):
            return True
    return False


async def _answer(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class HostGuard:
    """Answers 400 (JSON) to requests whose Host header is not one of ``names``."""

    def __init__(self, app: ASGIApp, names: tuple[str, ...]) -> None:
        self.app = app
        self.names = names

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            header = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            if not host_allowed(header, self.names):
                shown = host_of(header)[:100]
                await _answer(send, 400, f"this server does not answer to the host name {shown!r}; if that "
                                         f"is its name, start it with --allowed-host {shown} "
                                         f"(or SAYSO_SERVE_ALLOWED_HOSTS)")
                return
        await self.app(scope, receive, send)


class HeadAsGet:
    """Answers HEAD wherever GET is answered: the GET response's status and headers, no body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


BEARER = HTTPBearer(auto_error=False, scheme_name="token",
                    description="SAYSO_API_TOKEN of the server, when it has one (needed by POST /articles).")


def require_writer(request: Request, credentials: Optional[HTTPAuthorizationCredentials] = Depends(BEARER)) -> None:
    """The write route's guard: 403 on a read-only server, 401 without the API token when one
    is set (``Authorization: Bearer <token>``)."""
    state: Any = request.app.state.sayso
    if not state.allow_ingest:
        raise HTTPException(403, "this server is read-only: ingest over HTTP is off; "
                                 "start it with sayso serve --allow-ingest")
    if not state.api_token:
        return
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode(), state.api_token.encode()):
        raise HTTPException(401, "this server needs its API token to store articles: send the header "
                                 "Authorization: Bearer <token> (the token is SAYSO_API_TOKEN on the server)",
                            headers={"WWW-Authenticate": "Bearer"})
