"""Fetching URLs on behalf of HTTP clients without reaching into the server's own network.

A client of ``sayso serve --allow-ingest`` may ask the server to fetch a URL. Without care
that is server-side request forgery: ``http://127.0.0.1:8000/``, ``http://10.0.0.5/admin`` or
the cloud metadata address ``http://169.254.169.254/`` would be fetched from inside. So every
request, and every redirect hop, goes through :class:`GuardedTransport`, which resolves the
host itself, refuses it when *any* address is not a public one (loopback, private, link-local,
shared, multicast, reserved, unspecified, and IPv4 addresses wrapped in IPv6), and then
connects to the address it checked (keeping the Host header and TLS server name), so a DNS
answer that changes between the check and the connection cannot slip through.
"""
from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import httpx

from ..errors import IngestError, RefusedURL
from ..ingest.fetch import Fetcher

Resolver = Callable[..., list[tuple[Any, ...]]]

_SCHEMES = {"http": 80, "https": 443}


def refused_reason(address: str) -> str | None:
    """Why an IP address must not be fetched from ("loopback", "private"…), or None if public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is not None:  # ::ffff:127.0.0.1, 2002:7f00:1::, Teredo: judge the IPv4 inside
            reason = refused_reason(str(inner))
            if reason:
                return reason
    for reason, test in (("loopback", ip.is_loopback), ("unspecified", ip.is_unspecified),
                         ("link-local", ip.is_link_local), ("multicast", ip.is_multicast),
                         ("reserved", ip.is_reserved), ("private", ip.is_private)):
        if test:
            return reason
    if not ip.is_global:  # 100.64.0.0/10 (carrier-grade NAT) and other special ranges
        return "not public"
    return None


def public_addresses(host: str, port: int, *, resolve: Resolver = socket.getaddrinfo) -> list[str]:
    """Every address ``host`` resolves to, all checked; raises :class:`RefusedURL` if any is
    not public, and :class:`IngestError` if the host does not resolve."""
    host = host.strip("[]")
    try:
        addresses = [str(ipaddress.ip_address(host.split("%", 1)[0]))]  # an address: nothing to resolve
    except ValueError:
        try:
            infos = resolve(host, port, 0, socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError, OSError) as exc:
            raise IngestError(f"{host}: cannot resolve the host name ({exc})") from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise IngestError(f"{host}: the host name has no addresses")
    for address in addresses:
        reason = refused_reason(address)
        if reason:
            shown = host if host == address else f"{host} ({address})"
            raise RefusedURL(f"{shown}: refusing to fetch from a {reason} address; the server "
                             f"fetches only from public internet hosts")
    return addresses


def check_url(url: str, *, resolve: Resolver = socket.getaddrinfo) -> list[str]:
    """The public addresses of an http(s) URL's host; raises for anything else."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise IngestError(f"{url}: not a valid URL ({exc})") from None
    if parts.scheme.lower() not in _SCHEMES or not parts.hostname:
        raise IngestError(f"{url}: not an http(s) URL")
    if parts.username or parts.password:
        raise IngestError(f"{url}: URLs with a user name or password are not fetched")
    return public_addresses(parts.hostname, port or _SCHEMES[parts.scheme.lower()], resolve=resolve)


class GuardedTransport(httpx.BaseTransport):
    """An httpx transport that checks each request's host (redirects included) and pins the
    connection to the checked address. ``inner`` and ``resolve`` are seams for tests."""

    def __init__(self, inner: httpx.BaseTransport | None = None, *,
                 resolve: Resolver = socket.getaddrinfo) -> None:
        self.inner = inner or httpx.HTTPTransport()
        self.resolve = resolve

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        address = check_url(str(url), resolve=self.resolve)[0]
        pinned = httpx.Request(
            request.method, url.copy_with(host=address), headers=request.headers,
            stream=request.stream,
            extensions={**request.extensions, "sni_hostname": url.host},  # TLS checks the real name
        )
        response = self.inner.handle_request(pinned)
        response.request = request
        return response

    def close(self) -> None:
        self.inner.close()


def guarded_fetcher(*, resolve: Resolver = socket.getaddrinfo, inner: httpx.BaseTransport | None = None,
                    **options: Any) -> Fetcher:
    """A :class:`~sayso.ingest.Fetcher` that fetches from public addresses only. It fetches the
    one page a client asked for, not a crawl, so robots.txt is not consulted unless asked."""
    options.setdefault("robots", False)
    return Fetcher(transport=GuardedTransport(inner, resolve=resolve), **options)
