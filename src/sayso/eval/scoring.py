"""Score predicted attributions against gold ones: pure functions over character spans.

Three views, each micro-averaged over a corpus (counts are summed, then P/R/F1 taken):

- **exact span match** per role (source, cue, content), as in published PolNeAR results.
  Both sides are first trimmed of whitespace and punctuation at the span ends, quote marks
  included (straight and curly: ``"“”'‘’``), so ``“We will win,”`` equals ``We will win``.
  A discontinuous gold span is compared as the union of its characters after trimming each
  fragment: ``“A,” he said, “B.”`` annotated as two fragments matches only a prediction
  of exactly those two fragments, not the single span running over ``he said``.
  Spans are deduplicated per article and role, because PolNeAR labels each token at most
  once: a speaker mention shared by two predicted quotes counts once.
- **token overlap** per role: tokens are runs of word characters (``\\w+``); a token is
  gold (predicted) if any of its characters is covered by a gold (predicted) span of the
  role; counts are over tokens.
- **quote matching** in the style of the GenderGapTracker evaluation: a predicted content
  span matches a gold content span if it covers at least 30% (or 80%) of the gold span's
  trimmed characters; pairs are made one to one, greedily by most characters in common.
  Over matched pairs whose gold has a source, the speaker is right if the predicted source
  overlaps the gold source (both trimmed). The same matching is repeated within each quote
  kind: gold is "direct" if its trimmed content is enclosed by double quote marks (``“ ”``
  or ``"``), predictions are direct if their :class:`~sayso.types.QuoteKind` is direct.

Empty spans (and roles a record lacks) take no part. P, R or F1 with a zero denominator is 0.
The span arithmetic and :class:`Counts` live in :mod:`sayso.corpora` (training scores with them
too) and are re-exported here.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sayso.corpora.counts import Counts, add_maps, ratio
from sayso.corpora.spans import (
    Fragments,
    Span,
    exact_counts,
    is_trimmable,
    length,
    normalize,
    overlap,
    tokens,
    trim,
)

if TYPE_CHECKING:
    from sayso.corpora.brat import GoldAttribution

ROLES = ("source", "cue", "content")
THRESHOLDS = (0.3, 0.8)
KINDS = ("direct", "indirect")
#: Double quote marks that open or close a direct quotation in English news.
QUOTE_MARKS = frozenset('"“”')

__all__ = [
    "KINDS", "QUOTE_MARKS", "ROLES", "THRESHOLDS", "Counts", "EvalReport", "Fragments",
    "PredictedAttribution", "QuoteScores", "RoleScores", "Scores", "Span", "SystemReport",
    "exact_counts", "gold_kind", "is_trimmable", "length", "match_quotes", "normalize", "overlap",
    "predicted_kind", "score_article", "score_corpus", "token_counts", "tokens", "trim",
]


# --- spans -----------------------------------------------------------------------------

def _quote_mark_near(text: str, edge: int, step: int, raw_edge: int) -> bool:
    """Whether a quote mark sits between ``edge`` and the first word character past it.

    The scan covers what trimming removed inside the annotated span and, beyond the raw
    span end, only punctuation without whitespace, so that a closing mark ending the
    previous sentence (``... wraps.” Secret Service ...``) is not read as an opening one.
    """
    i = edge
    while True:
        j = i - 1 if step < 0 else i
        if j < 0 or j >= len(text):
            return False
        char = text[j]
        outside = (j < raw_edge) if step < 0 else (j >= raw_edge)
        if char in QUOTE_MARKS:
            return True
        if not is_trimmable(char) or (outside and char.isspace()):
            return False
        i += step


def gold_kind(text: str, fragments: Fragments) -> str:
    """"direct" if the trimmed content is enclosed by double quote marks, else "indirect"."""
    norm = normalize(text, fragments)
    if not norm:
        return "indirect"
    raw_start, raw_end = min(s for s, _ in fragments), max(e for _, e in fragments)
    opens = _quote_mark_near(text, norm[0][0], -1, raw_start)
    closes = _quote_mark_near(text, norm[-1][1], +1, raw_end)
    return "direct" if opens and closes else "indirect"


def predicted_kind(kind: str | None) -> str:
    """Fold a predicted :class:`~sayso.types.QuoteKind` value into "direct" or "indirect"."""
    return "direct" if kind == "direct" else "indirect"


@dataclass(frozen=True)
class PredictedAttribution:
    """One system output in character offsets; any role may be missing."""

    source: Span | None = None
    cue: Span | None = None
    content: Span | None = None
    kind: str | None = None  # a QuoteKind value; None when the system does not tell
    content_parts: Fragments = ()  # a split quote's pieces, when the system gives them

    def role(self, name: str) -> Fragments:
        if name == "content" and self.content_parts:
            return tuple(self.content_parts)
        span = getattr(self, name)
        return () if span is None else (span,)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": None if self.source is None else list(self.source),
            "cue": None if self.cue is None else list(self.cue),
            "content": None if self.content is None else list(self.content),
            "kind": self.kind,
        }


# --- results ---------------------------------------------------------------------------

@dataclass(frozen=True)
class RoleScores:
    """One :class:`Counts` per attribution role."""

    source: Counts = Counts()
    cue: Counts = Counts()
    content: Counts = Counts()

    def __add__(self, other: RoleScores) -> RoleScores:
        return RoleScores(self.source + other.source, self.cue + other.cue, self.content + other.content)

    def to_dict(self) -> dict[str, Any]:
        return {role: getattr(self, role).to_dict() for role in ROLES}


@dataclass(frozen=True)
class QuoteScores:
    """Quote matching at one threshold, with speaker accuracy over the matched pairs."""

    counts: Counts = Counts()
    speaker_correct: int = 0
    speaker_total: int = 0  # matched pairs whose gold attribution has a source

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.speaker_correct, self.speaker_total)

    def __add__(self, other: QuoteScores) -> QuoteScores:
        return QuoteScores(
            self.counts + other.counts,
            self.speaker_correct + other.speaker_correct,
            self.speaker_total + other.speaker_total,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.counts.to_dict(),
            "speaker_correct": self.speaker_correct,
            "speaker_total": self.speaker_total,
            "speaker_accuracy": self.speaker_accuracy,
        }


@dataclass(frozen=True)
class Scores:
    """All counts of one system over one article or, summed, over a corpus."""

    exact: RoleScores = RoleScores()
    token: RoleScores = RoleScores()
    quotes: dict[float, QuoteScores] = field(default_factory=dict)  # by threshold
    kinds: dict[str, dict[float, Counts]] = field(default_factory=dict)  # kind -> threshold

    def __add__(self, other: Scores) -> Scores:
        kinds = {
            k: add_maps(self.kinds.get(k, {}), other.kinds.get(k, {}))
            for k in {**self.kinds, **other.kinds}
        }
        return Scores(self.exact + other.exact, self.token + other.token,
                      add_maps(self.quotes, other.quotes), kinds)

    def to_dict(self) -> dict[str, Any]:
        return {
            "exact": self.exact.to_dict(),
            "token": self.token.to_dict(),
            "quotes": {str(t): q.to_dict() for t, q in sorted(self.quotes.items())},
            "kinds": {
                k: {str(t): c.to_dict() for t, c in sorted(by_t.items())}
                for k, by_t in sorted(self.kinds.items())
            },
        }


@dataclass(frozen=True)
class SystemReport:
    """One system's scores on a corpus split, with failures and timing."""

    name: str
    scores: Scores
    articles: int
    seconds: float
    failures: tuple[str, ...] = ()  # "ARTICLE: reason" for each article the system failed on

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "articles": self.articles,
            "seconds": self.seconds,
            "articles_per_second": self.articles_per_second,
            "failures": list(self.failures),
            "scores": self.scores.to_dict(),
        }


@dataclass(frozen=True)
class EvalReport:
    """Every system's scores on one split of a gold corpus."""

    corpus: str
    split: str
    articles: int
    gold_attributions: int
    mismatches: int  # gold span texts that disagree with the article text
    systems: dict[str, SystemReport] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus,
            "split": self.split,
            "articles": self.articles,
            "gold_attributions": self.gold_attributions,
            "mismatches": self.mismatches,
            "systems": {name: s.to_dict() for name, s in self.systems.items()},
        }


# --- scoring ---------------------------------------------------------------------------

def token_counts(text: str, gold: Iterable[Fragments], predicted: Iterable[Fragments],
                 words: Sequence[Span] | None = None) -> Counts:
    """Token overlap: a token is on a side if any of its characters is covered there."""
    words = tokens(text) if words is None else words

    def covered(spans: Iterable[Fragments]) -> bytearray:
        mask = bytearray(len(text))
        for fragments in spans:
            for s, e in fragments:
                s, e = max(s, 0), min(e, len(text))
                if s < e:
                    mask[s:e] = b"\x01" * (e - s)
        return mask

    gold_mask, pred_mask = covered(gold), covered(predicted)
    tp = fp = fn = 0
    for s, e in words:
        g, p = any(gold_mask[s:e]), any(pred_mask[s:e])
        tp += g and p
        fp += p and not g
        fn += g and not p
    return Counts(tp, fp, fn)


def match_quotes(gold: Sequence[Fragments], predicted: Sequence[Fragments],
                 threshold: float) -> list[tuple[int, int]]:
    """One-to-one ``(gold index, predicted index)`` pairs of normalized content spans.

    A pair qualifies when the shared characters are at least ``threshold`` of the gold
    span; pairs are taken greedily by most shared characters (ties: document order).
    """
    candidates = []
    for gi, g in enumerate(gold):
        size = length(g)
        for pi, p in enumerate(predicted):
            shared = overlap(g, p)
            if size and shared and shared >= threshold * size - 1e-9:  # 0.55 * 100 > 55.0 in floats
                candidates.append((-shared, gi, pi))
    pairs, used_gold, used_pred = [], set(), set()
    for _, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_pred:
            pairs.append((gi, pi))
            used_gold.add(gi)
            used_pred.add(pi)
    return sorted(pairs)


def score_article(text: str, gold: Sequence[GoldAttribution], predicted: Sequence[PredictedAttribution],
                  thresholds: Sequence[float] = THRESHOLDS) -> Scores:
    """All counts for one article's gold and predicted attributions."""
    words = tokens(text)
    exact, token = {}, {}
    for role in ROLES:
        gold_spans = [getattr(a, role) for a in gold]
        pred_spans = [p.role(role) for p in predicted]
        exact[role] = exact_counts(text, gold_spans, pred_spans)
        token[role] = token_counts(text, gold_spans, pred_spans, words)

    quoted_gold = [(normalize(text, a.content), a) for a in gold]
    quoted_gold = [(n, a) for n, a in quoted_gold if n]
    quoted_pred = [(normalize(text, p.role("content")), p) for p in predicted]
    quoted_pred = [(n, p) for n, p in quoted_pred if n]
    gold_kinds = [gold_kind(text, a.content) for _, a in quoted_gold]
    pred_kinds = [predicted_kind(p.kind) for _, p in quoted_pred]

    quotes: dict[float, QuoteScores] = {}
    kinds: dict[str, dict[float, Counts]] = {k: {} for k in KINDS}
    for t in thresholds:
        pairs = match_quotes([n for n, _ in quoted_gold], [n for n, _ in quoted_pred], t)
        correct = total = 0
        for gi, pi in pairs:
            gold_source = normalize(text, quoted_gold[gi][1].source)
            if not gold_source:
                continue
            total += 1
            correct += overlap(gold_source, normalize(text, quoted_pred[pi][1].role("source"))) > 0
        quotes[t] = QuoteScores(_pair_counts(len(pairs), len(quoted_gold), len(quoted_pred)), correct, total)
        for kind in KINDS:
            g = [n for (n, _), k in zip(quoted_gold, gold_kinds) if k == kind]
            p = [n for (n, _), k in zip(quoted_pred, pred_kinds) if k == kind]
            kinds[kind][t] = _pair_counts(len(match_quotes(g, p, t)), len(g), len(p))
    return Scores(RoleScores(**exact), RoleScores(**token), quotes, kinds)


def _pair_counts(matched: int, gold: int, predicted: int) -> Counts:
    return Counts(matched, predicted - matched, gold - matched)


def score_corpus(articles: Iterable[tuple[str, Sequence[GoldAttribution], Sequence[PredictedAttribution]]],
                 thresholds: Sequence[float] = THRESHOLDS) -> Scores:
    """Micro-average: the summed counts of ``(text, gold, predicted)`` triples."""
    total = Scores()
    for text, gold, predicted in articles:
        total = total + score_article(text, gold, predicted, thresholds)
    return total
