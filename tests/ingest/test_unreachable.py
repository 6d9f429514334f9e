"""A host that does not answer at all is reported as unreachable, not as a robots.txt refusal."""
from __future__ import annotations

import httpx
import pytest

from sayso.errors import IngestError
from sayso.ingest.fetch import Fetcher


def test_an_unreachable_host_is_not_called_disallowed_by_robots_txt():
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    with Fetcher(transport=httpx.MockTransport(refuse), sleep=lambda _: None, delay=0, retries=1) as fetcher:
        for url in ("https://gone.example/feed.xml", "https://gone.example/story"):
            with pytest.raises(IngestError) as caught:
                fetcher.get(url)
            message = str(caught.value)
            assert message.startswith(f"{url}: cannot reach gone.example: ")
            assert "Name or service not known" in message and "disallowed" not in message
