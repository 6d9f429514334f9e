"""Run systems over a gold corpus split and score them: the one entry point is :func:`evaluate`.

Each system turns an article text into :class:`PredictedAttribution` records; a system
failing on one article is counted, logged and given no predictions, and the run goes on.
Timing covers the system's own work (for textacy, parsing plus extraction), not scoring.
"""
from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sayso.errors import ConfigError
from sayso.corpora.brat import GoldArticle, read_split
from sayso.eval.scoring import EvalReport, PredictedAttribution, Scores, SystemReport, score_article

if TYPE_CHECKING:
    from sayso.types import Analysis

logger = logging.getLogger(__name__)

DEFAULT_SYSTEMS = ("rules", "textacy")


def same_text(analysis: Analysis, text: str) -> None:
    """Refuse an analysis of another text than the gold ``text``: ``extract`` gives every offset
    into the text as given, so the two are the same and spans compare as they are."""
    if analysis.text != text:
        raise ValueError("the analysis is of another text than the gold article; "
                         "analyse the article text exactly as the corpus gives it")


def sayso_predictions(analysis: Analysis, text: str) -> list[PredictedAttribution]:
    """sayso's quotes and attitudes as predicted attributions, in offsets of the gold ``text``
    (PolNeAR's attributions include an attitude to a thing: "attacked Machado")."""
    same_text(analysis, text)
    return [
        PredictedAttribution(
            source=quote.speaker_mention,
            cue=quote.cue_span,
            content=(quote.start, quote.end),
            kind=quote.kind.value,
            content_parts=tuple(quote.parts) if len(quote.parts) > 1 else (),
        )
        for quote in analysis.quotes + analysis.attitudes
    ]


Predictor = Callable[[GoldArticle], list[PredictedAttribution]]
#: A system's set-up: (articles, spaCy pipeline, attribution model folder) → its predictor.
Setup = Callable[[Sequence[GoldArticle], str | None, str | None], Predictor]


def _engine_system(engine: str) -> Setup:
    """sayso with one attribution engine: rules, trained or hybrid."""

    def setup(articles: Sequence[GoldArticle], model: str | None, attribution_model: str | None = None) -> Predictor:
        from sayso.pipeline import extract  # the engine; imported only when asked for

        if engine != "rules":
            from sayso.model.loader import load_tagger

            load_tagger(attribution_model)  # before the clock starts; a missing model is a configuration error
        # As a user runs it: the text normalised inside, the offsets given in the corpus text.
        return lambda article: sayso_predictions(
            extract(article.text, model=model, engine=engine, attribution_model=attribution_model), article.text)

    return setup


_sayso_system = _engine_system("rules")


def _textacy_system(articles: Sequence[GoldArticle], model: str | None, attribution_model: str | None = None) -> Predictor:
    from sayso.nlp import load_pipeline
    from sayso.options import DEFAULTS

    try:
        from sayso.eval.baseline import textacy_predictions
        import textacy.extract.triples  # noqa: F401
    except ImportError as exc:
        raise ConfigError(f"the textacy baseline needs textacy ({exc}); pip install 'sayso[eval]'") from exc
    batch_size = DEFAULTS.batch_size  # the parse's batches: the same predictions at any size
    docs = load_pipeline(model).pipe((article.text for article in articles), batch_size=batch_size)

    def predict(article: GoldArticle) -> list[PredictedAttribution]:
        # articles come in the order they were piped, and parsing is timed as the article's
        doc = next(docs)
        assert doc.text == article.text, "textacy baseline called out of article order"
        return textacy_predictions(doc)

    return predict


#: Each system, set up for a sequence of articles, returns a predictor called on each in order.
SYSTEMS: dict[str, Setup] = {
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
               model: str | None = None, attribution_model: str | None = None) -> SystemReport:
    """Score one system on ``articles``, failing soft per article."""
    from tqdm import tqdm

    scores, failures, seconds = Scores(), [], 0.0
    predict = SYSTEMS[name](articles, model, attribution_model)  # set-up errors (no engine, no model) raise
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
             model: str | None = None, attribution_model: str | None = None) -> EvalReport:
    """Read ``split`` of a brat corpus, run each of ``systems`` on it and score them.

    ``model`` names the spaCy pipeline both systems parse with (default: the ``model``
    option's default; the command line passes the setting); ``attribution_model`` the tagger's
    folder for the trained and hybrid engines (default: the packaged one). A progress bar per system goes to stderr unless ``progress`` is False.
    """
    systems = tuple(dict.fromkeys(ALIASES.get(s, s) for s in systems))
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        raise ConfigError(f"unknown system(s) {unknown}; choose among {sorted(SYSTEMS)}")
    articles = read_split(corpus_dir, split, limit)
    if systems:  # load the model before the clock starts
        from sayso.nlp import load_pipeline

        load_pipeline(model)
    reports = {name: run_system(name, articles, progress=progress, model=model, attribution_model=attribution_model)
               for name in systems}
    return EvalReport(
        corpus=Path(corpus_dir).resolve().name,
        split=split,
        articles=len(articles),
        gold_attributions=sum(len(a.attributions) for a in articles),
        mismatches=sum(a.mismatches for a in articles),
        systems=reports,
    )
