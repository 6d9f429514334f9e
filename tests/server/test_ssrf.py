"""The URL guard of sayso serve: one row per kind of address, then the transport's checks on
every hop. Resolvers and the network are test doubles: no request leaves the machine."""
from __future__ import annotations

import httpx
import pytest

from sayso.errors import IngestError
from sayso.server.ssrf import GuardedTransport, RefusedURL, check_url, guarded_fetcher, refused_reason


@pytest.mark.parametrize("address, reason", [
    ("127.0.0.1", "loopback"),
    ("127.8.9.10", "loopback"),
    ("::1", "loopback"),
    ("10.0.0.1", "private"),
    ("10.255.1.2", "private"),
    ("172.16.5.4", "private"),
    ("192.168.1.1", "private"),
    ("fc00::1", "private"),
    ("169.254.169.254", "link-local"),  # cloud metadata
    ("fe80::1", "link-local"),
    ("fe80::1%eth0", "link-local"),
    ("0.0.0.0", "unspecified"),
    ("::", "unspecified"),
    ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped IPv6
    ("::ffff:10.0.0.1", "private"),
    ("2002:7f00:1::", "loopback"),  # 6to4 around 127.0.0.1
    ("100.64.0.1", "not public"),  # carrier-grade NAT
    ("224.0.0.1", "multicast"),
    ("240.0.0.1", "reserved"),
    ("93.184.215.14", None),
    ("2606:4700:4700::1111", None),
])
def test_address_table(address, reason):
    assert refused_reason(address) == reason


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://127.0.0.1:8000/docs", "http://localhost/", "http://[::1]:8080/",
    "http://10.0.0.7/admin", "http://169.254.169.254/latest/meta-data/", "https://[fe80::1]/",
    "http://2130706433/", "http://0x7f.0.0.1/", "http://0177.0.0.1/",  # 127.0.0.1 in disguise
])
def test_check_url_refuses_with_the_real_resolver(url):
    with pytest.raises(RefusedURL, match="refusing to fetch"):
        check_url(url)


@pytest.mark.parametrize("url, message", [
    ("ftp://example.org/file", "not an http"),
    ("file:///etc/passwd", "not an http"),
    ("http:///nohost", "not an http"),
    ("http://user:secret@example.org/", "user name or password"),
    ("http://[::1/", "not a valid URL"),
])
def test_check_url_refuses_what_is_not_a_plain_web_url(url, message):
    with pytest.raises(IngestError, match=message):
        check_url(url)


def fake_resolver(table: dict[str, list[str]]):
    def resolve(host, port, *args):
        if host not in table:
            import socket

            raise socket.gaierror(-2, "Name or service not known")
        return [(2, 1, 6, "", (address, port)) for address in table[host]]
    return resolve


def test_every_address_of_a_host_is_checked():
    resolve = fake_resolver({"mixed.example": ["93.184.215.14", "10.0.0.8"], "good.example": ["93.184.215.14"]})
    with pytest.raises(RefusedURL, match=r"mixed.example \(10.0.0.8\).*private"):
        check_url("https://mixed.example/", resolve=resolve)
    assert check_url("https://good.example/", resolve=resolve) == ["93.184.215.14"]
    with pytest.raises(IngestError, match="cannot resolve"):
        check_url("https://nowhere.example/", resolve=resolve)


def test_transport_pins_the_checked_address_and_keeps_host_and_tls_name():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((str(request.url), request.headers["host"], request.extensions.get("sni_hostname")))
        return httpx.Response(200, text="<html><body><p>ok</p></body></html>")

    transport = GuardedTransport(httpx.MockTransport(handler),
                                 resolve=fake_resolver({"news.example": ["93.184.215.14"]}))
    with httpx.Client(transport=transport) as client:
        response = client.get("https://news.example/a?b=1")
    assert response.status_code == 200 and str(response.url) == "https://news.example/a?b=1"
    assert seen == [("https://93.184.215.14/a?b=1", "news.example", "news.example")]


@pytest.mark.parametrize("location", [
    "http://127.0.0.1/admin", "http://[::1]/", "http://169.254.169.254/latest/", "http://10.1.1.1/",
    "http://intranet.example/",
])
def test_a_redirect_to_an_inner_address_is_refused(location):
    hits = []

    def handler(request: httpx.Request) -> httpx.Response:
        hits.append(str(request.url))
        return httpx.Response(302, headers={"Location": location})

    resolve = fake_resolver({"news.example": ["93.184.215.14"], "intranet.example": ["192.168.3.4"]})
    with guarded_fetcher(resolve=resolve, inner=httpx.MockTransport(handler), delay=0) as fetcher:
        with pytest.raises(RefusedURL):
            fetcher.get("https://news.example/story")
    assert hits == ["https://93.184.215.14/story"]  # the first hop only; the inner one never


def test_dns_rebinding_cannot_slip_through():
    """A host that answers public for the check and private afterwards: the connection goes to
    the address that was checked, never to a second answer."""
    answers = iter([["93.184.215.14"], ["127.0.0.1"]])

    def resolve(host, port, *args):
        return [(2, 1, 6, "", (address, port)) for address in next(answers)]

    seen = []
    transport = GuardedTransport(httpx.MockTransport(lambda r: seen.append(r.url.host) or httpx.Response(200)),
                                 resolve=resolve)
    with httpx.Client(transport=transport) as client:
        client.get("http://rebind.example/")
    assert seen == ["93.184.215.14"]
