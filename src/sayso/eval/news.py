"""Score systems on the real-news set (data/eval/news): statements, the right speaker, kinds, types.

What a reader of sayso's output checks, measured against statements annotated by reading
(docs/annotation.md):

- **statements**: a predicted statement matches a gold one when it covers at least 30 % of the
  gold content's trimmed characters (one to one, greedily by characters in common, as
  :func:`~sayso.eval.scoring.match_quotes`); *exact* compares the trimmed contents whole.
- **right speaker**: the share of *all* gold statements that were found (at 0.3) and given
  the right entity: one of the predicted speaker's mentions overlaps the gold ``Speaker``
  span (the entity's fullest name), or the predicted actor's name is that name. A statement given to "he" or "the minister" unlinked to
  the named actor is wrong; a missed statement counts as wrong.
- **by kind / by type**: recall of the gold statements of each kind (direct, mixed, …) and
  type (speech, writing, …), precision of the predictions of each kind.
- **certainty**: agreement of certainty and polarity over matched pairs.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sayso.corpora.brat import GoldArticle, GoldAttribution, read_split
from sayso.corpora.counts import Counts, add_maps, ratio
from sayso.corpora.spans import Fragments, Span, normalize, overlap
from sayso.errors import ConfigError, InputError
from sayso.eval.scoring import match_quotes

if TYPE_CHECKING:
    from sayso.types import Analysis

#: Overlap (share of the gold content's characters) for a predicted statement to match.
MATCH = 0.3
ENGINES = ("rules", "trained", "hybrid")
NEWS_SYSTEMS = (*ENGINES, "textacy")


@dataclass(frozen=True)
class PredictedStatement:
    """One system statement in offsets of the gold text; the speaker as all its mentions."""

    content: Fragments
    source: Span | None = None
    cue: Span | None = None
    speaker_mentions: Fragments = ()
    speaker: str | None = None
    kind: str | None = None
    type: str | None = None
    certainty: str | None = None
    polarity: str | None = None


@dataclass(frozen=True)
class Tally:
    """``hits`` out of ``total``."""

    hits: int = 0
    total: int = 0

    @property
    def share(self) -> float:
        return ratio(self.hits, self.total)

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.hits + other.hits, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        return {"hits": self.hits, "total": self.total, "share": self.share}


def _add(a: dict[str, Tally], b: dict[str, Tally]) -> dict[str, Tally]:
    """Summed tallies by label, labels in name order."""
    return dict(sorted(add_maps(a, b).items()))


@dataclass(frozen=True)
class NewsScores:
    """Counts for one article or, summed, a corpus."""

    statements: Counts = Counts()
    exact: Counts = Counts()
    speaker: Tally = Tally()  # gold statements found with the right speaker entity
    certainty: Tally = Tally()  # matched pairs with the gold certainty
    polarity: Tally = Tally()
    type: Tally = Tally()  # matched pairs with the gold statement type
    gold_kinds: dict[str, Tally] = field(default_factory=dict)  # found / gold, per gold kind
    gold_types: dict[str, Tally] = field(default_factory=dict)
    predicted_kinds: dict[str, Tally] = field(default_factory=dict)  # matched / predicted

    def __add__(self, other: NewsScores) -> NewsScores:
        return NewsScores(
            self.statements + other.statements, self.exact + other.exact,
            self.speaker + other.speaker, self.certainty + other.certainty, self.polarity + other.polarity,
            self.type + other.type, _add(self.gold_kinds, other.gold_kinds), _add(self.gold_types, other.gold_types),
            _add(self.predicted_kinds, other.predicted_kinds),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "statements": self.statements.to_dict(),
            "exact": self.exact.to_dict(),
            "speaker": self.speaker.to_dict(),
            "certainty": self.certainty.to_dict(),
            "polarity": self.polarity.to_dict(),
            "type": self.type.to_dict(),
            "gold_kinds": {k: v.to_dict() for k, v in self.gold_kinds.items()},
            "gold_types": {k: v.to_dict() for k, v in self.gold_types.items()},
            "predicted_kinds": {k: v.to_dict() for k, v in self.predicted_kinds.items()},
        }


@dataclass(frozen=True)
class ArticleErrors:
    """What one system missed and invented in one article (for development on dev only)."""

    name: str
    missed: tuple[str, ...] = ()
    invented: tuple[str, ...] = ()
    wrong_speaker: tuple[str, ...] = ()


@dataclass(frozen=True)
class NewsSystemReport:
    name: str
    scores: NewsScores
    articles: int
    seconds: float
    failures: tuple[str, ...] = ()
    errors: tuple[ArticleErrors, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "scores": self.scores.to_dict(),
            "articles": self.articles,
            "seconds": self.seconds,
            "articles_per_second": self.articles / self.seconds if self.seconds else 0.0,
            "failures": list(self.failures),
        }


@dataclass(frozen=True)
class NewsReport:
    split: str
    articles: int
    gold_statements: int
    mismatches: int
    systems: dict[str, NewsSystemReport]

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": "news",
            "split": self.split,
            "articles": self.articles,
            "gold_statements": self.gold_statements,
            "mismatches": self.mismatches,
            "systems": {name: s.to_dict() for name, s in self.systems.items()},
        }


# --- scoring -------------------------------------------------------------------------------

def _gold_speaker(text: str, gold: GoldAttribution) -> Fragments:
    return normalize(text, gold.speaker or gold.source)


def _same_name(predicted: str | None, gold: str) -> bool:
    """The predicted actor's name is the gold speaker's name (its mention may lie elsewhere,
    e.g. in a caption the extractor does not read)."""
    def norm(name: str) -> str:
        return " ".join(name.casefold().replace("’", "'").split())

    return bool(predicted) and norm(predicted or "") == norm(gold)


def _excerpt(text: str, fragments: Fragments, width: int = 90) -> str:
    words = " … ".join(text[s:e] for s, e in fragments).replace("\n", " ")
    return words if len(words) <= width else words[: width - 1] + "…"


def score_news_article(text: str, gold: Sequence[GoldAttribution], predicted: Sequence[PredictedStatement],
                       name: str = "") -> tuple[NewsScores, ArticleErrors]:
    """All counts for one article, and its errors."""
    gold_n = [(normalize(text, g.content), g) for g in gold]
    gold_n = [(n, g) for n, g in gold_n if n]
    pred_n = [(normalize(text, p.content), p) for p in predicted]
    pred_n = [(n, p) for n, p in pred_n if n]
    pairs = dict(match_quotes([n for n, _ in gold_n], [n for n, _ in pred_n], MATCH))
    exact = sum(1 for gi, pi in pairs.items() if gold_n[gi][0] == pred_n[pi][0])

    speaker = certainty = polarity = type_ = Tally()
    gold_kinds: dict[str, Tally] = {}
    gold_types: dict[str, Tally] = {}
    wrong = []
    for gi, (_, g) in enumerate(gold_n):
        pi = pairs.get(gi, -1)
        found = pi >= 0
        gold_kinds = _add(gold_kinds, {g.kind or "unknown": Tally(found, 1)})
        gold_types = _add(gold_types, {g.type or "unknown": Tally(found, 1)})
        right = False
        if found:
            p = pred_n[pi][1]
            mentions = p.speaker_mentions or ((p.source,) if p.source else ())
            right = (overlap(_gold_speaker(text, g), normalize(text, mentions)) > 0
                     or _same_name(p.speaker, " ".join(text[s:e] for s, e in g.speaker or g.source)))
            if not right:
                wrong.append(f"{_excerpt(text, g.content, 60)!r}: gold {_excerpt(text, g.speaker or g.source, 40)!r}, "
                             f"got {p.speaker or 'nobody'!r}")
            if g.certainty:
                certainty += Tally(p.certainty == g.certainty, 1)
            if g.polarity:
                polarity += Tally(p.polarity == g.polarity, 1)
            if g.type:
                type_ += Tally(p.type == g.type, 1)
        speaker += Tally(right, 1)
    matched_pred = set(pairs.values())
    predicted_kinds: dict[str, Tally] = {}
    for pi, (_, p) in enumerate(pred_n):
        predicted_kinds = _add(predicted_kinds, {p.kind or "unknown": Tally(pi in matched_pred, 1)})
    scores = NewsScores(
        Counts(len(pairs), len(pred_n) - len(pairs), len(gold_n) - len(pairs)),
        Counts(exact, len(pred_n) - exact, len(gold_n) - exact),
        speaker, certainty, polarity, type_, gold_kinds, gold_types, predicted_kinds,
    )
    errors = ArticleErrors(
        name,
        missed=tuple(f"{g.kind}: {_excerpt(text, n)!r}" for gi, (n, g) in enumerate(gold_n) if gi not in pairs),
        invented=tuple(f"{p.kind}: {_excerpt(text, n)!r} ({p.speaker or 'no speaker'})"
                       for pi, (n, p) in enumerate(pred_n) if pi not in matched_pred),
        wrong_speaker=tuple(wrong),
    )
    return scores, errors


# --- systems -------------------------------------------------------------------------------

def statements_of(analysis: Analysis, text: str) -> list[PredictedStatement]:
    """sayso's quotes as predicted statements in offsets of ``text`` (the gold text)."""
    from sayso.eval.runner import same_text

    same_text(analysis, text)
    actors = {a.id: a for a in analysis.actors}
    out = []
    for q in analysis.quotes:
        actor = actors.get(q.speaker) if q.speaker else None
        parts = q.parts or ((q.start, q.end),)
        mentions = actor.mentions if actor else ((q.speaker_mention,) if q.speaker_mention else ())
        out.append(PredictedStatement(
            content=tuple(parts),
            source=q.speaker_mention,
            cue=q.cue_span,
            speaker_mentions=tuple(mentions),
            speaker=actor.name if actor else None,
            kind=q.kind.value,
            type=_value(getattr(q, "type", None)),
            certainty=_value(q.certainty),
            polarity=_value(q.polarity),
        ))
    return out


def _value(label: Any) -> str | None:
    """An enum member's value, or the plain string."""
    return None if label is None else str(getattr(label, "value", label))


Predictor = Callable[[GoldArticle], list[PredictedStatement]]


def _engine(name: str, articles: Sequence[GoldArticle], lang: str = "en",
            attribution_model: str | None = None) -> Predictor:
    from sayso.pipeline import extract

    if name != "rules":
        from sayso.model.loader import load_tagger

        load_tagger(attribution_model)  # before the clock starts; a missing model is a configuration error
    return lambda article: statements_of(extract(article.text, engine=name, lang=None if lang == "en" else lang,
                                                 attribution_model=attribution_model), article.text)


def _textacy(name: str, articles: Sequence[GoldArticle], lang: str = "en",
             attribution_model: str | None = None) -> Predictor:
    from sayso.eval.runner import SYSTEMS as CORPUS_SYSTEMS

    predict = CORPUS_SYSTEMS["textacy"](articles, None, None)

    def statements(article: GoldArticle) -> list[PredictedStatement]:
        return [PredictedStatement(content=p.role("content"), source=p.source, cue=p.cue, kind=p.kind)
                for p in predict(article)]

    return statements


def _setup(name: str) -> Callable[[str, Sequence[GoldArticle], str, str | None], Predictor]:
    return _textacy if name == "textacy" else _engine


def default_corpus(lang: str = "en") -> Path:
    """data/eval/news (English) or data/eval/news-LANG of the source checkout, else of the
    working directory."""
    folder = "news" if lang == "en" else f"news-{lang}"
    here = Path(__file__).resolve().parents[3] / "data" / "eval" / folder
    return here if here.is_dir() else Path("data/eval") / folder


def evaluate_news(corpus_dir: Path | str | None = None, split: str = "dev",
                  systems: Sequence[str] = ("rules", "hybrid", "textacy"), *, progress: bool = True,
                  keep_errors: bool = False, lang: str = "en", only: Collection[str] | None = None,
                  skip: Collection[str] = (), attribution_model: str | None = None) -> NewsReport:
    """Run ``systems`` on one split of the real-news set (in ``lang``) and score them: only the
    articles named in ``only`` when it is given, never those in ``skip``; the trained and hybrid
    engines with the tagger in ``attribution_model`` (default: the packaged one)."""
    unknown = [s for s in systems if s not in NEWS_SYSTEMS]
    if unknown:
        raise ConfigError(f"unknown system(s) {unknown}; choose among {list(NEWS_SYSTEMS)}")
    if keep_errors and split == "test":
        raise InputError("the test split is for reporting only: errors are listed for dev, not test")
    articles = [a for a in read_split(corpus_dir or default_corpus(lang), split)
                if (only is None or a.name in only) and a.name not in skip]
    if not articles:
        raise InputError(f"no annotated articles in the {split} split of {corpus_dir or default_corpus(lang)}"
                         + (" among those chosen" if only is not None or skip else ""))
    if lang != "en" and "textacy" in systems:
        raise ConfigError("textacy reads English only; choose among rules, trained, hybrid for this set")
    from tqdm import tqdm

    from sayso.nlp import load_pipeline, model_for

    load_pipeline(model_for(lang))  # before the clock starts
    reports = {}
    for name in dict.fromkeys(systems):
        predict = _setup(name)(name, articles, lang, attribution_model)
        total, failures, errors, seconds = NewsScores(), [], [], 0.0
        for article in tqdm(articles, desc=name, unit="article", file=sys.stderr, disable=not progress):
            started = time.perf_counter()
            try:
                predicted = predict(article)
            except Exception as exc:  # one bad article must not end a corpus run
                failures.append(f"{article.name}: {type(exc).__name__}: {exc}")
                predicted = []
            seconds += time.perf_counter() - started
            scores, errs = score_news_article(article.text, article.attributions, predicted, article.name)
            total = total + scores
            if keep_errors:
                errors.append(errs)
        reports[name] = NewsSystemReport(name, total, len(articles), seconds, tuple(failures), tuple(errors))
    return NewsReport(split, len(articles), sum(len(a.attributions) for a in articles),
                      sum(a.mismatches for a in articles), reports)


# --- report --------------------------------------------------------------------------------

def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def _cell(tallies: str, key: str, with_total: bool = False) -> Callable[[NewsSystemReport], str]:
    """A table cell: the share of one ``key`` in the named tallies of a system's scores."""
    def cell(system: NewsSystemReport) -> str:
        tally = getattr(system.scores, tallies).get(key, Tally())
        return f"{_pct(tally.share)} ({tally.total})" if with_total else _pct(tally.share)
    return cell


def format_news(report: NewsReport) -> str:
    """A plain-text table, one column per system."""
    systems = list(report.systems.values())
    rows: list[tuple[str, Callable[[NewsSystemReport], str]]] = [
        ("statements >=0.3  P", lambda s: _pct(s.scores.statements.p)),
        ("                  R", lambda s: _pct(s.scores.statements.r)),
        ("                  F1", lambda s: _pct(s.scores.statements.f1)),
        ("statements exact  F1", lambda s: _pct(s.scores.exact.f1)),
        ("right speaker (of gold)", lambda s: _pct(s.scores.speaker.share)),
        ("certainty (matched)", lambda s: _pct(s.scores.certainty.share)),
        ("polarity (matched)", lambda s: _pct(s.scores.polarity.share)),
        ("statement type (matched)", lambda s: _pct(s.scores.type.share)),
    ]
    kinds = sorted({k for s in systems for k in s.scores.gold_kinds})
    types = sorted({k for s in systems for k in s.scores.gold_types})
    pkinds = sorted({k for s in systems for k in s.scores.predicted_kinds})
    for k in kinds:
        rows.append((f"recall, {k} (n={systems[0].scores.gold_kinds.get(k, Tally()).total})",
                     _cell("gold_kinds", k)))
    for k in types:
        rows.append((f"recall, type {k} (n={systems[0].scores.gold_types.get(k, Tally()).total})",
                     _cell("gold_types", k)))
    for k in pkinds:
        rows.append((f"precision, predicted {k}", _cell("predicted_kinds", k, with_total=True)))
    rows.append(("articles/s", lambda s: f"{s.articles / s.seconds:5.2f}" if s.seconds else "  -"))
    width = max(len(label) for label, _ in rows) + 2
    cols = max(12, *(len(s.name) + 2 for s in systems))
    lines = [f"real-news {report.split}: {report.articles} articles, {report.gold_statements} gold statements"
             + (f" ({report.mismatches} span texts differ from the text)" if report.mismatches else ""),
             " " * width + "".join(s.name.rjust(cols) for s in systems)]
    lines += [label.ljust(width) + "".join(value(s).rjust(cols) for s in systems) for label, value in rows]
    for s in systems:
        for failure in s.failures:
            lines.append(f"{s.name} failed on {failure}")
    return "\n".join(lines)


def format_errors(report: NewsReport) -> str:
    """Every miss, invention and wrong speaker, per system and article."""
    lines = []
    for s in report.systems.values():
        for art in s.errors:
            if not (art.missed or art.invented or art.wrong_speaker):
                continue
            lines.append(f"== {s.name} · {art.name}")
            lines += [f"  missed   {m}" for m in art.missed]
            lines += [f"  invented {m}" for m in art.invented]
            lines += [f"  speaker  {m}" for m in art.wrong_speaker]
    return "\n".join(lines)
