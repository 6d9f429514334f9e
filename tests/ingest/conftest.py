from __future__ import annotations

import pytest

from tests.support import LocalServer


@pytest.fixture
def server():
    local = LocalServer().start()
    yield local
    local.stop()


@pytest.fixture
def fetcher():
    from sayso.ingest import Fetcher

    with Fetcher(timeout=1.0, delay=0.0, retries=0) as fetcher:
        yield fetcher
