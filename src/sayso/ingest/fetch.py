"""Fetch pages and feeds politely: robots.txt honoured, a timeout on the whole download, a size
cap, a user agent that says who we are, a pause between requests to the same host, and a few
retries with exponential backoff for transient failures.

The HTTP transport is a seam: pass ``transport=httpx.MockTransport(handler)`` in tests, and
``sleep`` to record pauses instead of waiting.

Retries are a loop here rather than ``httpx.HTTPTransport(retries=N)``: that covers connection
failures only, applies only to the default transport, and sleeps where tests cannot see it.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from ..errors import IngestError, TooManyRedirects, excerpt
from ..options import DEFAULTS, Options
from .robots import RobotsRules, product_token

# Worth another try: the server is busy, restarting or behind a struggling proxy.
RETRY_STATUSES = frozenset({429, 502, 503, 504})
# Longest pause between two attempts, whatever Retry-After asks for.
MAX_RETRY_WAIT = 60.0

_TRANSIENT_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


@dataclass(frozen=True)
class Page:
    """A fetched response: the final URL after redirects, its content type and body bytes."""

    url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes
    fetched: str


@dataclass(frozen=True)
class _Answer:
    """One attempt's outcome: a page (any status) or the reason a transient error gave."""

    page: Page | None
    retry_after: str | None = None
    error: str | None = None


def retry_wait(attempt: int, backoff: float, retry_after: str | None) -> float:
    """Seconds to wait before retry number ``attempt + 1``: ``backoff * 2**attempt``, or longer
    when the server's Retry-After (seconds or an HTTP date) asks for it; at most MAX_RETRY_WAIT."""
    wait = backoff * 2 ** attempt
    if retry_after:
        value = retry_after.strip()
        asked: float | None = None
        if value.isdigit():
            asked = float(value)
        else:
            try:
                asked = (parsedate_to_datetime(value) - datetime.now(timezone.utc)).total_seconds()
            except (TypeError, ValueError, IndexError):
                asked = None
        if asked is not None:
            wait = max(wait, asked)
    return min(max(wait, 0.0), MAX_RETRY_WAIT)


class Fetcher:
    """Downloads URLs with one shared connection pool; use as a context manager or ``close()``.
    What is not given takes sayso's default (:meth:`from_options` takes an :class:`Options`)."""

    def __init__(self, *, timeout: float | None = None, max_bytes: int | None = None,
                 delay: float | None = None, user_agent: str | None = None,
                 robots: bool | None = None, retries: int | None = None, backoff: float | None = None,
                 transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.timeout = float(DEFAULTS.fetch_timeout if timeout is None else timeout)
        self.max_bytes = int(DEFAULTS.fetch_max_bytes if max_bytes is None else max_bytes)
        self.delay = float(DEFAULTS.fetch_delay if delay is None else delay)
        self.robots = bool(DEFAULTS.fetch_robots if robots is None else robots)
        self.retries = max(0, int(DEFAULTS.fetch_retries if retries is None else retries))
        self.backoff = float(DEFAULTS.fetch_backoff if backoff is None else backoff)
        self.user_agent = user_agent or DEFAULTS.user_agent
        self.sleep = sleep
        self._client = httpx.Client(
            timeout=httpx.Timeout(self.timeout), follow_redirects=True, max_redirects=5,
            headers={"User-Agent": self.user_agent, "Accept": "text/html,application/xhtml+xml,"
                     "application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"},
            transport=transport,
        )
        self._last_request: dict[str, float] = {}
        self._host_delay: dict[str, float] = {}
        self._rules: dict[str, RobotsRules] = {}
        self._unreachable: dict[str, str] = {}  # origin -> why the host itself cannot be reached

    @classmethod
    def from_options(cls, options: Options, **given: Any) -> Fetcher:
        """A fetcher with the fetch options of ``options``; keyword arguments that are not None
        win (``timeout``, ``delay``, ``transport``…)."""
        manners: dict[str, Any] = {"timeout": options.fetch_timeout, "max_bytes": options.fetch_max_bytes,
                   "delay": options.fetch_delay, "user_agent": options.user_agent,
                   "robots": options.fetch_robots, "retries": options.fetch_retries,
                   "backoff": options.fetch_backoff}
        return cls(**(manners | {name: value for name, value in given.items() if value is not None}))

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def _wait_for_turn(self, host: str) -> None:
        last = self._last_request.get(host)
        delay = self._host_delay.get(host, self.delay)
        if last is not None and delay > 0:
            pause = delay - (time.monotonic() - last)
            if pause > 0:
                self.sleep(pause)
        self._last_request[host] = time.monotonic()

    def get(self, url: str) -> Page:
        """The page at ``url``; raises :class:`IngestError` with a one-line reason otherwise
        (robots.txt disallows it, an HTTP error, a timeout, the size cap)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise IngestError(f"{url}: not an http(s) URL")
        if self.robots:
            rules = self.rules_for(url)
            origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
            if origin in self._unreachable:  # not a robots.txt verdict: nothing answered at all
                raise IngestError(f"{url}: cannot reach {parts.netloc}: {self._unreachable[origin]}")
            refusal = rules.refusal(url)
            if refusal:
                raise IngestError(refusal)
        page, attempts = self._fetch(url)
        if page.status >= 400:
            reason = httpx.codes.get_reason_phrase(page.status)
            tries = f" (after {attempts} attempts)" if attempts > 1 else ""
            raise IngestError(f"{url}: HTTP {page.status} {reason}".rstrip() + tries)
        return page

    def rules_for(self, url: str) -> RobotsRules:
        """The robots.txt rules of ``url``'s scheme and host, fetched once per Fetcher."""
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        rules = self._rules.get(origin)
        if rules is None:
            rules = self._rules[origin] = self._read_robots(origin + "/robots.txt")
            delay = rules.crawl_delay
            if delay is not None and delay > self.delay:
                self._host_delay[parts.netloc.lower()] = delay
        return rules

    def _read_robots(self, robots_url: str) -> RobotsRules:
        agent = product_token(self.user_agent)
        try:
            page, _ = self._fetch(robots_url, truncate=True)
        except TooManyRedirects:
            return RobotsRules.allow_all(robots_url, agent)
        except IngestError as exc:  # the host cannot be reached, or answers too slowly
            why = str(exc).removeprefix(f"{robots_url}: ")
            self._unreachable[robots_url.removesuffix("/robots.txt")] = why
            return RobotsRules.unreachable(robots_url, agent, why)
        if page.status >= 500 or page.status == 429:  # a 429 says "busy", not "no file"
            return RobotsRules.unreachable(robots_url, agent, f"HTTP {page.status}")
        if page.status >= 400:
            return RobotsRules.allow_all(robots_url, agent)
        try:
            text = page.body.decode(page.charset or "utf-8", "replace")
        except LookupError:  # an unknown charset name
            text = page.body.decode("utf-8", "replace")
        return RobotsRules.parse(robots_url, agent, text)

    def _fetch(self, url: str, *, truncate: bool = False) -> tuple[Page, int]:
        """The response to ``url`` (any status) and the number of attempts it took; transient
        failures are retried, and raise IngestError when the last attempt fails too."""
        host = urlsplit(url).netloc.lower()
        attempt = 0
        while True:
            self._wait_for_turn(host)
            answer = self._attempt(url, truncate=truncate)
            transient = answer.page is None or answer.page.status in RETRY_STATUSES
            if not transient or attempt >= self.retries:
                break
            self.sleep(retry_wait(attempt, self.backoff, answer.retry_after))
            attempt += 1
        if answer.page is None:
            tries = f" (after {attempt + 1} attempts)" if attempt else ""
            raise IngestError(f"{url}: {answer.error}{tries}")
        return answer.page, attempt + 1

    def _attempt(self, url: str, *, truncate: bool) -> _Answer:
        """One GET; the body is read only for a success. Permanent problems raise IngestError;
        ``truncate`` keeps the first ``max_bytes`` of an over-long body instead (robots.txt)."""
        deadline = time.monotonic() + self.timeout
        try:
            with self._client.stream("GET", url) as response:
                body = b""
                if response.status_code < 400:
                    body = self._read_body(url, response, deadline, truncate=truncate)
                content_type = response.headers.get("Content-Type", "")
                page = Page(
                    url=str(response.url), status=response.status_code,
                    content_type=content_type.split(";")[0].strip().lower(),
                    charset=response.charset_encoding, body=body,
                    fetched=datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z"),
                )
                return _Answer(page, retry_after=response.headers.get("Retry-After"))
        except httpx.TooManyRedirects:
            raise TooManyRedirects(f"{url}: too many redirects") from None
        except httpx.TimeoutException:
            return _Answer(None, error=f"timed out after {self.timeout:g} s (SAYSO_FETCH_TIMEOUT)")
        except _TRANSIENT_ERRORS as exc:
            return _Answer(None, error=f"cannot fetch ({type(exc).__name__}: {excerpt(exc)})")
        except httpx.HTTPError as exc:
            raise IngestError(f"{url}: cannot fetch ({type(exc).__name__}: {excerpt(exc)})") from None

    def _read_body(self, url: str, response: httpx.Response, deadline: float, *, truncate: bool) -> bytes:
        declared = response.headers.get("Content-Length")
        if not truncate and declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise IngestError(f"{url}: {int(declared):,} bytes is over the size cap of "
                              f"{self.max_bytes:,} (SAYSO_FETCH_MAX_BYTES)")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                if truncate:  # RFC 9309 §2.5: parse at least the first 500 KiB, ignore the rest
                    chunks.append(chunk[: len(chunk) - (size - self.max_bytes)])
                    break
                raise IngestError(f"{url}: response is over the size cap of {self.max_bytes:,} "
                                  f"bytes (SAYSO_FETCH_MAX_BYTES)")
            if time.monotonic() > deadline:
                raise httpx.ReadTimeout("download too slow", request=response.request)
            chunks.append(chunk)
        return b"".join(chunks)


_TooManyRedirects = TooManyRedirects  # its earlier, private name
