"""The public entry points: one article in, an :class:`Analysis` out; many articles streamed."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from . import settings
from .engines import analyze, engine_name
from .errors import SaysoError
from .model.loader import load_tagger
from .nlp import load_pipeline, parse, parse_many
from .text import check_length, normalize
from .types import Analysis

log = logging.getLogger(__name__)


def extract(text: str, *, model: str | None = None, normalized: bool = False,
            engine: str | None = None) -> Analysis:
    """Actors and attributed quotes of one article.

    The text is normalised first (see :func:`sayso.text.normalize`) unless ``normalized`` is
    true, in which case offsets index into ``text`` exactly as given. ``engine`` picks how
    quotes are found: "rules", "trained" or "hybrid" (default: the ``engine`` setting).
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() takes a str, not {type(text).__name__}")
    if not normalized:
        text = normalize(text)
    check_length(text)
    engine = engine_name(engine)
    if engine != "rules":
        load_tagger()  # a missing model is a configuration error, even for an empty text
    if not text.strip():
        return Analysis(text=text)
    return analyze(parse(text, model), engine)


@dataclass(frozen=True)
class Outcome:
    """The result of one article in a batch: an analysis, or the reason it failed."""

    key: str
    analysis: Analysis | None = None
    error: str | None = None


def extract_many(
    items: Iterable[tuple[str, str]],
    *,
    model: str | None = None,
    batch_size: int | None = None,
    n_process: int = 1,
    normalized: bool = False,
    engine: str | None = None,
) -> Iterator[Outcome]:
    """Stream ``(key, text)`` pairs through ``nlp.pipe``; a bad article fails alone."""
    load_pipeline(model)  # a missing model is a configuration error before any article is read
    engine = engine_name(engine)
    if engine != "rules":
        load_tagger()
    size = batch_size or int(settings.get("batch_size"))

    def accepted() -> Iterator[tuple[str, str]]:
        for key, text in items:
            try:
                text = text if normalized else normalize(text)
                check_length(text, key)
            except SaysoError as exc:
                failed.append(Outcome(key, error=str(exc)))
                continue
            yield text, key

    failed: list[Outcome] = []
    for doc, key in parse_many(accepted(), model, batch_size=size, n_process=n_process):
        while failed:
            yield failed.pop(0)
        try:
            yield Outcome(key, analysis=analyze(doc, engine))
        except Exception as exc:  # noqa: BLE001 - batch runs fail soft per article
            log.warning("extraction failed for %s: %s", key, exc)
            yield Outcome(key, error=f"extraction failed: {exc}")
    yield from failed
