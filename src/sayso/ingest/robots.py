"""What a host's robots.txt allows sayso to fetch, read the way RFC 9309 says.

The file is fetched by :class:`~sayso.ingest.fetch.Fetcher` (same client, timeout, size cap and
user agent) and parsed here with the standard library's ``urllib.robotparser``, which is never
allowed to fetch anything itself. RFC 9309 §2.3.1: a 4xx answer ("unavailable", 401 and 403
included) allows everything; a 5xx answer or an unreachable host ("unreachable") means complete
disallow. A 429 that outlasts the retries counts as unreachable too: it says "busy", not "none".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.robotparser import RobotFileParser

# A site cannot stall a run indefinitely with "Crawl-delay: 86400".
MAX_CRAWL_DELAY = 60.0


def product_token(user_agent: str) -> str:
    """The product token robots.txt groups are matched on: "sayso/0.1 (…)" -> "sayso"."""
    token = user_agent.strip().split("/", 1)[0].split(" ", 1)[0]
    return token or user_agent


@dataclass(frozen=True)
class RobotsRules:
    """One host's rules for one user agent; ``blocked`` is set when the whole host is off
    limits (robots.txt unreachable) and says why."""

    url: str
    agent: str
    parser: RobotFileParser | None = field(default=None, compare=False, repr=False)
    blocked: str | None = None

    @classmethod
    def allow_all(cls, url: str, agent: str) -> RobotsRules:
        return cls(url, agent)

    @classmethod
    def unreachable(cls, url: str, agent: str, why: str) -> RobotsRules:
        return cls(url, agent, blocked=f"{url} is unreachable ({why}), so the whole host is off "
                                       f"limits for this run (RFC 9309)")

    @classmethod
    def parse(cls, url: str, agent: str, text: str) -> RobotsRules:
        parser = RobotFileParser(url)
        parser.parse(text.splitlines())
        return cls(url, agent, parser=parser)

    def allows(self, url: str) -> bool:
        if self.blocked is not None:
            return False
        return self.parser is None or self.parser.can_fetch(self.agent, url)

    def refusal(self, url: str) -> str | None:
        """Why ``url`` must not be fetched, or None when it may be."""
        if self.allows(url):
            return None
        detail = self.blocked or f"{self.url} disallows it for {self.agent}"
        return (f"{url}: disallowed by robots.txt: {detail} "
                f"(SAYSO_FETCH_ROBOTS=0 skips the check; use it only with the site's permission)")

    @property
    def crawl_delay(self) -> float | None:
        """The ``Crawl-delay`` for our agent in seconds (capped at MAX_CRAWL_DELAY), or None."""
        if self.parser is None:
            return None
        try:
            delay = self.parser.crawl_delay(self.agent)
        except (TypeError, ValueError):
            return None
        if delay is None:
            return None
        return min(max(float(delay), 0.0), MAX_CRAWL_DELAY)
