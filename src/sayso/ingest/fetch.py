"""Fetch pages and feeds politely: a timeout on the whole download, a size cap, a user agent
that says who we are, and a pause between requests to the same host.

The HTTP transport is a seam: pass ``transport=httpx.MockTransport(handler)`` in tests.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlsplit

import httpx

from .. import settings
from ..errors import IngestError


@dataclass(frozen=True)
class Page:
    """A fetched response: the final URL after redirects, its content type and body bytes."""

    url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes
    fetched: str


class Fetcher:
    """Downloads URLs with one shared connection pool; use as a context manager or ``close()``."""

    def __init__(self, *, timeout: float | None = None, max_bytes: int | None = None,
                 delay: float | None = None, user_agent: str | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.timeout = float(settings.get("fetch_timeout") if timeout is None else timeout)
        self.max_bytes = int(settings.get("fetch_max_bytes") if max_bytes is None else max_bytes)
        self.delay = float(settings.get("fetch_delay") if delay is None else delay)
        agent = user_agent or settings.get("user_agent")
        self._client = httpx.Client(
            timeout=httpx.Timeout(self.timeout), follow_redirects=True, max_redirects=5,
            headers={"User-Agent": agent, "Accept": "text/html,application/xhtml+xml,"
                     "application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"},
            transport=transport,
        )
        self._last_request: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def _wait_for_turn(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None and self.delay > 0:
            pause = self.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last_request[host] = time.monotonic()

    def get(self, url: str) -> Page:
        """The page at ``url``; raises :class:`IngestError` with a one-line reason otherwise."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise IngestError(f"{url}: not an http(s) URL")
        self._wait_for_turn(parts.netloc.lower())
        deadline = time.monotonic() + self.timeout
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise IngestError(f"{url}: HTTP {response.status_code} {response.reason_phrase}".rstrip())
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise IngestError(f"{url}: {int(declared):,} bytes is over the size cap of "
                                      f"{self.max_bytes:,} (SAYSO_FETCH_MAX_BYTES)")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise IngestError(f"{url}: response is over the size cap of {self.max_bytes:,} "
                                          f"bytes (SAYSO_FETCH_MAX_BYTES)")
                    if time.monotonic() > deadline:
                        raise httpx.ReadTimeout("download too slow", request=response.request)
                    chunks.append(chunk)
                content_type = response.headers.get("Content-Type", "")
                return Page(
                    url=str(response.url), status=response.status_code,
                    content_type=content_type.split(";")[0].strip().lower(),
                    charset=response.charset_encoding, body=b"".join(chunks),
                    fetched=datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z"),
                )
        except httpx.TimeoutException:
            raise IngestError(f"{url}: timed out after {self.timeout:g} s (SAYSO_FETCH_TIMEOUT)") from None
        except httpx.TooManyRedirects:
            raise IngestError(f"{url}: too many redirects") from None
        except httpx.HTTPError as exc:
            raise IngestError(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from None
