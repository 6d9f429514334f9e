"""Run systems over a gold corpus split and score them: the one entry point is :func:`evaluate`.

Each system turns an article text into :class:`PredictedAttribution` records; a system
failing on one article is counted, logged and given no predictions, and the run goes on.
Timing covers the system's own work (for textacy, parsing plus extraction), not scoring.
"""
from __future__ import annotations

import difflib
import logging
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sayso.errors import ConfigError
from sayso.eval.brat import GoldArticle, read_split
from sayso.eval.scoring import EvalReport, PredictedAttribution, Scores, Span, SystemReport, score_article

if TYPE_CHECKING:
    from sayso.types import Analysis

logger = logging.getLogger(__name__)

DEFAULT_SYSTEMS = ("rules", "textacy")


def _skippable(char: str) -> bool:
    # what normalising an article may drop: spaces, controls, BOM, combining marks (NFC)
    return char.isspace() or unicodedata.category(char) in {"Cc", "Cf", "Mn"}


def _same(a: str, b: str) -> bool:
    return a == b or (a.isspace() and b.isspace())  # "\t" or "\u00a0" became " "


def offset_map(source: str, target: str) -> list[int]:
    """For each character of ``source`` the index of its counterpart in ``target``.

    The engine may normalise the text it analyses (BOM and control characters dropped,
    spaces collapsed, NFC), so its offsets are walked back onto the gold text, skipping
    what normalising removed; if the walk loses step, a character diff is used instead.
    """
    mapping, j, forced = [], 0, 0
    for char in source:
        while j < len(target) and not _same(target[j], char) and _skippable(target[j]):
            j += 1
        if j >= len(target):
            return _diff_map(source, target)
        forced += not _same(target[j], char)  # a composed character, or lost step
        mapping.append(j)
        j += 1
    return mapping if forced <= 10 + len(source) // 100 else _diff_map(source, target)


def _diff_map(source: str, target: str) -> list[int]:
    mapping = [0] * len(source)
    matcher = difflib.SequenceMatcher(None, source, target, autojunk=False)
    for _, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(i1, i2):
            mapping[k] = min(j1 + min(k - i1, max(j2 - j1 - 1, 0)), max(len(target) - 1, 0))
    return mapping


def _mapped(span: Span | None, mapping: list[int] | None) -> Span | None:
    if span is None or mapping is None:
        return span
    start, end = max(span[0], 0), min(span[1], len(mapping))
    if start >= end:
        return None
    return (mapping[start], mapping[end - 1] + 1)


def sayso_predictions(analysis: Analysis, text: str) -> list[PredictedAttribution]:
    """sayso's quotes as predicted attributions, in offsets of the gold ``text``."""
    mapping = None if analysis.text == text else offset_map(analysis.text, text)
    return [
        PredictedAttribution(
            source=_mapped(quote.speaker_mention, mapping),
            cue=_mapped(quote.cue_span, mapping),
            content=_mapped((quote.start, quote.end), mapping),
            kind=quote.kind.value,
            content_parts=tuple(p for p in (_mapped(part, mapping) for part in quote.parts) if p is not None)
            if len(quote.parts) > 1 else (),
        )
        for quote in analysis.quotes
    ]


Predictor = Callable[[GoldArticle], list[PredictedAttribution]]


def _engine_system(engine: str) -> Callable[[Sequence[GoldArticle], str | None], Predictor]:
    """sayso with one attribution engine: rules, trained or hybrid."""

    def setup(articles: Sequence[GoldArticle], model: str | None) -> Predictor:
        from sayso.pipeline import extract  # the engine; imported only when asked for

        if engine != "rules":
            from sayso.model.loader import load_tagger

            load_tagger()  # before the clock starts; a missing model is a configuration error
        # As a user runs it: the text normalised inside, the offsets given in the corpus text.
        return lambda article: sayso_predictions(
            extract(article.text, model=model, engine=engine), article.text)

    return setup


_sayso_system = _engine_system("rules")


def _textacy_system(articles: Sequence[GoldArticle], model: str | None) -> Predictor:
    from sayso import settings
    from sayso.nlp import load_pipeline

    try:
        from sayso.eval.baseline import textacy_predictions
        import textacy.extract.triples  # noqa: F401
    except ImportError as exc:
        raise ConfigError(f"the textacy baseline needs textacy ({exc}); pip install 'sayso[eval]'") from exc
    batch_size = int(settings.get("batch_size"))
    docs = load_pipeline(model).pipe((article.text for article in articles), batch_size=batch_size)

    def predict(article: GoldArticle) -> list[PredictedAttribution]:
        # articles come in the order they were piped, and parsing is timed as the article's
        doc = next(docs)
        assert doc.text == article.text, "textacy baseline called out of article order"
        return textacy_predictions(doc)

    return predict


#: Each system, set up for a sequence of articles, returns a predictor called on each in order.
SYSTEMS: dict[str, Callable[[Sequence[GoldArticle], str | None], Predictor]] = {
    "rules": _sayso_system,
    "trained": _engine_system("trained"),
    "hybrid": _engine_system("hybrid"),
    "textacy": _textacy_system,
}
#: Earlier names of systems, still accepted: "sayso" was the rule engine's.
ALIASES = {"sayso": "rules"}


def default_systems() -> tuple[str, ...]:
    """Rules and textacy, with the trained and hybrid engines when the model is installed."""
    from sayso.model.loader import available

    return ("rules", "trained", "hybrid", "textacy") if available() else DEFAULT_SYSTEMS


def run_system(name: str, articles: Sequence[GoldArticle], *, progress: bool = True,
               model: str | None = None) -> SystemReport:
    """Score one system on ``articles``, failing soft per article."""
    from tqdm import tqdm

    scores, failures, seconds = Scores(), [], 0.0
    predict = SYSTEMS[name](articles, model)  # set-up errors (no engine, no model) raise
    bar = tqdm(articles, desc=name, unit="article", file=sys.stderr, disable=not progress)
    for article in bar:
        started = time.perf_counter()
        try:
            predicted = predict(article)
        except Exception as exc:  # one bad article must not end a corpus run
            logger.info("%s failed on %s: %s", name, article.name, exc)  # listed in the report
            failures.append(f"{article.name}: {type(exc).__name__}: {exc}")
            predicted = []
        seconds += time.perf_counter() - started
        scores = scores + score_article(article.text, article.attributions, predicted)
    bar.close()
    return SystemReport(name, scores, len(articles), seconds, tuple(failures))


def evaluate(corpus_dir: Path | str, split: str = "dev", limit: int | None = None,
             systems: Sequence[str] = DEFAULT_SYSTEMS, progress: bool = True,
             model: str | None = None) -> EvalReport:
    """Read ``split`` of a brat corpus, run each of ``systems`` on it and score them.

    ``model`` names the spaCy pipeline both systems parse with (default: the ``model``
    setting). A progress bar per system goes to stderr unless ``progress`` is False.
    """
    systems = tuple(dict.fromkeys(ALIASES.get(s, s) for s in systems))
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        raise ConfigError(f"unknown system(s) {unknown}; choose among {sorted(SYSTEMS)}")
    articles = read_split(corpus_dir, split, limit)
    if systems:  # load the model before the clock starts
        from sayso.nlp import load_pipeline

        load_pipeline(model)
    reports = {name: run_system(name, articles, progress=progress, model=model) for name in systems}
    return EvalReport(
        corpus=Path(corpus_dir).resolve().name,
        split=split,
        articles=len(articles),
        gold_attributions=sum(len(a.attributions) for a in articles),
        mismatches=sum(a.mismatches for a in articles),
        systems=reports,
    )
