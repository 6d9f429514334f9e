"""``sayso eval coref``: run sayso's engines on coreference gold (data/eval/coref, converted from
GUM by :mod:`sayso.eval.gum`) and score pronoun, description and short-name resolution, actor
clustering and speakers (see :mod:`sayso.eval.coref_scoring` for what each number counts).
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sayso.errors import ConfigError, InputError
from sayso.eval.coref_scoring import (
    CATEGORIES, CorefError, CorefScores, PredictedActor, PredictedQuote, Resolution, score_document,
)
from sayso.eval.gum import CorefDocument, held_out

if TYPE_CHECKING:
    from sayso.types import Analysis

__all__ = ["evaluate_coref", "format_coref", "format_errors", "predictions", "read_documents", "score_document"]


def read_documents(path: Path | str, genres: Sequence[str] | None = None) -> list[CorefDocument]:
    """The documents of a .jsonl file or of every .jsonl file in a folder, of ``genres`` only;
    refuses documents the real-news set holds out for testing."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not path.exists() or not files:
        raise InputError(f"{path}: no coreference .jsonl files; give data/eval/coref or one of its files")
    held = held_out(default_news_metadata())
    docs = []
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                doc = CorefDocument.from_dict(json.loads(line))
            except (ValueError, KeyError, TypeError, IndexError) as exc:
                raise InputError(f"{file}:{number}: not a coreference document ({exc})") from None
            if doc.name in held:
                raise InputError(f"{file}:{number}: {doc.name} is held out for testing the real-news set; "
                                 "rebuild the coreference set without it")
            if genres is None or doc.genre in genres:
                docs.append(doc)
    if not docs:
        raise InputError(f"{path}: no documents" + (f" of genre {', '.join(genres)}" if genres else ""))
    return docs


def default_corpus() -> Path:
    """data/eval/coref of the source checkout, else of the working directory."""
    here = Path(__file__).resolve().parents[3] / "data" / "eval" / "coref"
    return here if here.is_dir() else Path("data/eval/coref")


def default_news_metadata() -> Path:
    return default_corpus().parent / "news" / "metadata.tsv"


def predictions(analysis: Analysis, text: str) -> tuple[list[PredictedActor], list[PredictedQuote]]:
    """sayso's actors and quote speakers in offsets of ``text`` (the gold text)."""
    from sayso.eval.runner import same_text

    same_text(analysis, text)
    actors = [PredictedActor(a.id, a.name, tuple(a.mentions), a.aliases) for a in analysis.actors]
    quotes = [PredictedQuote(q.speaker_mention, q.speaker) for q in analysis.quotes if q.speaker_mention is not None]
    return actors, quotes


@dataclass(frozen=True)
class CorefSystemReport:
    name: str
    scores: CorefScores
    seconds: float
    failures: tuple[str, ...] = ()
    errors: tuple[CorefError, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "scores": self.scores.to_dict(), "seconds": self.seconds,
                "failures": list(self.failures)}


@dataclass(frozen=True)
class CorefReport:
    documents: dict[str, int]  # per genre
    systems: dict[str, CorefSystemReport]
    by_genre: dict[str, dict[str, CorefScores]] = field(default_factory=dict)  # system -> genre -> scores

    def to_dict(self) -> dict[str, Any]:
        return {"corpus": "coref", "documents": self.documents,
                "systems": {name: s.to_dict() for name, s in self.systems.items()},
                "by_genre": {name: {g: s.to_dict() for g, s in genres.items()} for name, genres in self.by_genre.items()}}


def evaluate_coref(path: Path | str | None = None, systems: Sequence[str] = ("rules", "hybrid"),
                   genres: Sequence[str] | None = None, *, progress: bool = True) -> CorefReport:
    """Run sayso's engines on the coreference documents and score speakers and actors."""
    from sayso.engines import ENGINES

    unknown = [s for s in systems if s not in ENGINES]
    if unknown:
        raise ConfigError(f"unknown engine(s) {unknown}; choose among {list(ENGINES)}")
    docs = read_documents(path or default_corpus(), genres)
    from tqdm import tqdm

    from sayso.nlp import load_pipeline
    from sayso.pipeline import extract

    load_pipeline()
    reports, by_genre = {}, {}
    for name in dict.fromkeys(systems):
        if name != "rules":
            from sayso.model.loader import load_tagger

            load_tagger()
        total, errors, failures, seconds = CorefScores(), [], [], 0.0
        genre_scores: dict[str, CorefScores] = {}
        for doc in tqdm(docs, desc=name, unit="doc", file=sys.stderr, disable=not progress):
            started = time.perf_counter()
            try:
                actors, quotes = predictions(extract(doc.text, engine=name), doc.text)
            except Exception as exc:  # one bad document must not end a corpus run
                failures.append(f"{doc.name}: {type(exc).__name__}: {exc}")
                actors, quotes = [], []
            seconds += time.perf_counter() - started
            scores, errs = score_document(doc, actors, quotes)
            total = total + scores
            genre_scores[doc.genre] = genre_scores.get(doc.genre, CorefScores()) + scores
            errors += errs
        reports[name] = CorefSystemReport(name, total, seconds, tuple(failures), tuple(errors))
        by_genre[name] = genre_scores
    return CorefReport(dict(Counter(d.genre for d in docs)), reports, by_genre)


# --- report --------------------------------------------------------------------------------

_LABELS = {
    "pronoun": "pronouns, 3rd person",
    "pronoun_person": "  of people",
    "pronoun_first_second": "pronouns, 1st/2nd person",
    "description": "definite descriptions",
    "named_later": "descriptions, named later",
    "short_name": "short names",
}


def format_coref(report: CorefReport) -> str:
    """A plain-text table, one column per system: coverage and accuracy per category,
    B-cubed clustering, speakers."""
    systems = list(report.systems.values())
    first = systems[0].scores
    rows: list[tuple[str, Any]] = []
    for category in CATEGORIES:
        n = first.resolution.get(category, Resolution()).total
        rows.append((f"{_LABELS[category]} (n={n})  attached", lambda s, c=category: _pct(
            s.scores.resolution.get(c, Resolution()).coverage)))
        rows.append(("  right, of attached", lambda s, c=category: _right(s.scores.resolution.get(c, Resolution()))))
    b = first.clustering
    rows += [(f"actor clustering B3 (named, {b.gold} gold)  P", lambda s: _pct(s.scores.clustering.p)),
             ("  R", lambda s: _pct(s.scores.clustering.r)),
             ("  F1", lambda s: _pct(s.scores.clustering.f1)),
             ("  gold names sayso has", lambda s: _pct(s.scores.clustering.matched / s.scores.clustering.gold
                                                       if s.scores.clustering.gold else 0.0))]
    speakers = lambda s: sum(s.scores.speakers.values(), Resolution())  # noqa: E731
    rows += [("speakers in a gold mention: quotes", lambda s: f"{speakers(s).total:5d}"),
             ("  right entity", lambda s: _pct(speakers(s).right / speakers(s).total if speakers(s).total else 0.0))]
    for kind in sorted({k for s in systems for k in s.scores.speakers}):
        rows.append((f"  right entity, speaker mention: {kind}",
                     lambda s, k=kind: _right(s.scores.speakers.get(k, Resolution()), of_total=True)))
    rows.append(("documents/s", lambda s: f"{sum(report.documents.values()) / s.seconds:5.2f}" if s.seconds else "  -"))
    width = max(len(label) for label, _ in rows) + 2
    cols = max(14, *(len(s.name) + 2 for s in systems))
    genres = ", ".join(f"{g} {n}" for g, n in sorted(report.documents.items()))
    lines = [f"coreference (GUM: {genres} documents); right = resolved to the gold chain's entity "
             "(in brackets: the count it is a share of)",
             " " * width + "".join(s.name.rjust(cols) for s in systems)]
    lines += [label.ljust(width) + "".join(value(s).rjust(cols) for s in systems) for label, value in rows]
    for s in systems:
        lines += [f"{s.name} failed on {failure}" for failure in s.failures]
    return "\n".join(lines)


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def _right(r: Resolution, of_total: bool = False) -> str:
    base = r.total if of_total else r.attached
    return f"{_pct(r.right / base if base else 0.0)} ({base})"


def format_errors(report: CorefReport) -> str:
    """Every wrong resolution, per system, grouped by category."""
    lines = []
    for s in report.systems.values():
        for error in sorted(s.errors, key=lambda e: (e.category, e.document)):
            lines.append(f"{s.name:<7} {error.document:<22} {error}")
    return "\n".join(lines)
