"""Score sayso's ``relations`` on a hand-annotated JSONL set (read by :mod:`sayso.eval.relation_set`).

:func:`evaluate_relations` runs the engine on every ``text`` and maps each predicted
relation's subject, object and claimant actor ids to the actors' mention spans, names and
aliases. A predicted actor matches a gold substring when one of its mentions overlaps an
occurrence of the substring, or when its name or an alias contains the substring as whole
words (case-insensitive). A predicted relation matches a gold one when the predicates are
equal and subject and object match (either way round for the symmetric ``allied_with`` and
``ties_with``); matching is one-to-one. Precision, recall and F1 are counted over these
(subject, predicate, object) triples; claimant and polarity accuracy over matched triples.
:func:`format_relations` renders the report for a terminal.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sayso.corpora import counts
from sayso.corpora.counts import ratio
from sayso.eval.certainty_set import SPLITS, in_split
from sayso.eval.relation_set import (
    PREDICATES,
    SYMMETRIC,
    ActorView,
    GoldRelation,
    ItemResult,
    Match,
    PredictedRelation,
    RelationError,
    RelationItem,
    Span,
    load_relation_items,
    parse_item,
)

#: ``extract(text)`` returns an analysis-like object with ``.relations``, ``.actors`` (each
#: with ``id``, ``name``, ``aliases``, ``mentions``) and optionally ``.text``.
ExtractFn = Callable[[str], Any]


class Counts(counts.Counts):
    """True positives, false positives and false negatives with their P/R/F1, named in full."""

    @property
    def precision(self) -> float:
        return self.p

    @property
    def recall(self) -> float:
        return self.r

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "gold": self.gold, "predicted": self.predicted,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class RelationReport:
    """Scores of one run over the evaluation set."""

    path: str
    results: tuple[ItemResult, ...]
    errors: tuple[RelationError, ...] = ()
    engine: str | None = None
    split: str = "all"
    per_predicate: dict[str, Counts] = field(default_factory=dict)

    @property
    def items(self) -> int:
        return len(self.results)

    @property
    def counts(self) -> Counts:
        return Counts(
            tp=sum(len(r.matches) for r in self.results),
            fp=sum(len(r.spurious) for r in self.results),
            fn=sum(len(r.missing) for r in self.results),
        )

    @property
    def claimant_correct(self) -> int:
        return sum(m.claimant_ok for r in self.results for m in r.matches)

    @property
    def polarity_correct(self) -> int:
        return sum(m.polarity_ok for r in self.results for m in r.matches)

    @property
    def claimant_accuracy(self) -> float:
        """Over matched triples."""
        return ratio(self.claimant_correct, self.counts.tp)

    @property
    def polarity_accuracy(self) -> float:
        """Over matched triples."""
        return ratio(self.polarity_correct, self.counts.tp)

    def to_dict(self) -> dict[str, Any]:
        counts = self.counts
        return {
            "path": self.path, "engine": self.engine, "split": self.split, "items": self.items,
            **counts.to_dict(),
            "claimant_accuracy": self.claimant_accuracy, "polarity_accuracy": self.polarity_accuracy,
            "per_predicate": {k: v.to_dict() for k, v in self.per_predicate.items()},
            "errors": [e.to_dict() for e in self.errors],
            "results": [r.to_dict() for r in self.results],
        }


# --- matching -------------------------------------------------------------------------------

def occurrences(text: str, sub: str) -> list[Span]:
    """Every span where ``sub`` occurs in ``text`` (also after the engine's normalisation)."""
    spans = [(m.start(), m.start() + len(sub)) for m in re.finditer(re.escape(sub), text)]
    if not spans:
        from sayso.text import normalize

        norm = normalize(sub)
        spans = [(m.start(), m.start() + len(norm)) for m in re.finditer(re.escape(norm), text)]
    return spans


def actor_matches(actor: ActorView | None, gold: str, text: str) -> bool:
    """Whether a predicted actor is the one a gold substring names.

    True when a mention overlaps an occurrence of ``gold`` in ``text``, or when the actor's
    name or an alias contains ``gold`` as whole words ("the Kelmar army" contains "Kelmar").
    """
    if actor is None:
        return False
    for start, end in occurrences(text, gold):
        if any(min(end, m_end) > max(start, m_start) for m_start, m_end in actor.mentions):
            return True
    pattern = re.compile(rf"(?<!\w){re.escape(gold)}(?!\w)", re.IGNORECASE)
    return any(pattern.search(name) for name in (actor.name, *actor.aliases) if name)


def triple_matches(gold: GoldRelation, pred: PredictedRelation, text: str) -> bool:
    """Same predicate, and subject and object match (either way round if symmetric)."""
    if gold.predicate != pred.predicate:
        return False
    if actor_matches(pred.subject, gold.subject, text) and actor_matches(pred.object, gold.object, text):
        return True
    return gold.predicate in SYMMETRIC and (
        actor_matches(pred.subject, gold.object, text) and actor_matches(pred.object, gold.subject, text)
    )


def claimant_matches(gold: GoldRelation, pred: PredictedRelation, text: str) -> bool:
    """Both in the article's voice, or the predicted claimant is the gold one."""
    if gold.claimant is None:
        return pred.claimant is None
    return actor_matches(pred.claimant, gold.claimant, text)


def _hint(gold: GoldRelation, spurious: Iterable[PredictedRelation], text: str) -> str:
    """Why a gold relation was missed, when a spurious prediction comes close."""
    for pred in spurious:
        same = actor_matches(pred.subject, gold.subject, text) and actor_matches(pred.object, gold.object, text)
        swapped = actor_matches(pred.subject, gold.object, text) and actor_matches(pred.object, gold.subject, text)
        if same and pred.predicate != gold.predicate:
            return f"wrong predicate ({pred.predicate})"
        if swapped and pred.predicate == gold.predicate:
            return "swapped subject and object"
    return ""


def resolve(analysis: Any) -> list[PredictedRelation]:
    """The analysis's relations with actor ids replaced by the actors' names and mentions."""
    actors = {a.id: ActorView(str(a.name), tuple(getattr(a, "aliases", ()) or ()),
                              tuple((int(s), int(e)) for s, e in (getattr(a, "mentions", ()) or ())))
              for a in getattr(analysis, "actors", ())}
    return [
        PredictedRelation(
            subject=actors.get(r.subject), predicate=str(r.predicate), object=actors.get(r.object),
            claimant=None if r.claimant is None else actors.get(r.claimant),
            polarity=str(getattr(r, "polarity", "positive")), text=str(getattr(r, "text", "")),
        )
        for r in getattr(analysis, "relations", ())
    ]


def score_item(item: RelationItem, analysis: Any) -> ItemResult:
    """Match one item's gold relations one-to-one against the predicted ones.

    Each gold relation, in order, takes the unmatched prediction with the same triple,
    preferring one whose claimant and polarity are also right.
    """
    text = getattr(analysis, "text", None) or item.text
    predicted = resolve(analysis)
    free = list(range(len(predicted)))
    matches: list[Match] = []
    missing: list[GoldRelation] = []
    for gold in item.relations:
        best, best_key = None, (-1, -1)
        for index in free:
            pred = predicted[index]
            if not triple_matches(gold, pred, text):
                continue
            key = (int(claimant_matches(gold, pred, text)), int(pred.polarity == gold.polarity))
            if key > best_key:
                best, best_key = index, key
        if best is None:
            missing.append(gold)
            continue
        free.remove(best)
        matches.append(Match(gold, predicted[best], bool(best_key[0]), bool(best_key[1])))
    return ItemResult(item.id, tuple(matches), tuple(missing), tuple(predicted[i] for i in free))


# --- scoring --------------------------------------------------------------------------------

def _errors(item: RelationItem, result: ItemResult) -> list[RelationError]:
    text = item.text
    out = [RelationError(item.id, "missing", gold=g, hint=_hint(g, result.spurious, text), note=item.note)
           for g in result.missing]
    out += [RelationError(item.id, "spurious", predicted=p, note=item.note) for p in result.spurious]
    for m in result.matches:
        wrong = [name for name, ok in (("claimant", m.claimant_ok), ("polarity", m.polarity_ok)) if not ok]
        if wrong:
            out.append(RelationError(item.id, "+".join(wrong), gold=m.gold, predicted=m.predicted, note=item.note))
    return out


def predicate_counts(results: Iterable[ItemResult]) -> dict[str, Counts]:
    """Per-predicate true positives, false positives and false negatives."""
    tp: dict[str, int] = {}
    fp: dict[str, int] = {}
    fn: dict[str, int] = {}
    for r in results:
        for m in r.matches:
            tp[m.gold.predicate] = tp.get(m.gold.predicate, 0) + 1
        for p in r.spurious:
            fp[p.predicate] = fp.get(p.predicate, 0) + 1
        for g in r.missing:
            fn[g.predicate] = fn.get(g.predicate, 0) + 1
    used = sorted(set(tp) | set(fp) | set(fn), key=lambda p: (PREDICATES.index(p) if p in PREDICATES else 99, p))
    return {p: Counts(tp.get(p, 0), fp.get(p, 0), fn.get(p, 0)) for p in used}


def score_results(items: Sequence[RelationItem], results: Sequence[ItemResult], path: str = "",
                  engine: str | None = None, split: str = "all") -> RelationReport:
    """Build a report from the per-item results (in the same order as ``items``)."""
    errors = tuple(e for i, r in zip(items, results, strict=True) for e in _errors(i, r))
    return RelationReport(path=path, results=tuple(results), errors=errors, engine=engine, split=split,
                          per_predicate=predicate_counts(results))


def evaluate_relations(
    path: str | Path,
    engine: str | None = None,
    *,
    model: str | None = None,
    extract: ExtractFn | None = None,
    split: str = "all",
) -> RelationReport:
    """Run the engine on each item of the JSONL set at ``path`` and score its relations.

    ``engine`` and ``model`` are passed to :func:`sayso.extract` (default: the settings).
    ``extract`` replaces the engine (a callable taking the text and returning an
    analysis-like object); tests use it. ``split`` keeps "dev" items (even id number: the
    half rules may be tuned on), "test" items (odd: held out) or "all".
    """
    items = [item for item in load_relation_items(path) if in_split(item.id, split)]
    name = None
    if extract is None:
        import sayso
        from sayso.engines import engine_name

        name = engine_name(engine)

        def extract(text: str) -> Any:
            return sayso.extract(text, model=model, engine=name)

    results = [score_item(item, extract(item.text)) for item in items]
    return score_results(items, results, path=str(path), engine=name or engine, split=split)


# --- rendering ------------------------------------------------------------------------------

def _pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


def format_relations(report: RelationReport, *, max_errors: int | None = None) -> str:
    """The report as plain text for a terminal; ``max_errors`` limits the error list."""
    c = report.counts
    head = f"Relation evaluation: {report.path} (split {report.split}"
    head += f", engine {report.engine})" if report.engine else ")"
    lines = [
        head,
        "",
        f"  items                 {report.items}",
        f"  gold relations        {c.gold}",
        f"  predicted relations   {c.predicted}",
        f"  matched triples       {c.tp}",
        "",
        f"  precision             {_pct(c.precision)}  ({c.tp}/{c.predicted})",
        f"  recall                {_pct(c.recall)}  ({c.tp}/{c.gold})",
        f"  F1                    {_pct(c.f1)}",
        f"  claimant accuracy     {_pct(report.claimant_accuracy)}  ({report.claimant_correct}/{c.tp} matched)",
        f"  polarity accuracy     {_pct(report.polarity_accuracy)}  ({report.polarity_correct}/{c.tp} matched)",
        "",
        "  predicate       gold  pred    tp  precision  recall      F1",
    ]
    for predicate, s in report.per_predicate.items():
        lines.append(f"    {predicate:<12}{s.gold:>6}{s.predicted:>6}{s.tp:>6}   {_pct(s.precision)}  "
                     f"{_pct(s.recall)}  {_pct(s.f1)}")
    errors = report.errors if max_errors is None else report.errors[:max(0, max_errors)]
    lines += ["", f"  errors: {len(report.errors)}"]
    for e in errors:
        gold = "" if e.gold is None else f"gold {e.gold}"
        pred = "" if e.predicted is None else f"predicted {e.predicted}"
        detail = "; ".join(x for x in (gold, pred, e.hint) if x)
        lines.append(f"    {e.id}  [{e.kind}] {detail}")
    if len(errors) < len(report.errors):
        lines.append(f"    ... and {len(report.errors) - len(errors)} more")
    return "\n".join(lines)


__all__ = [
    "PREDICATES",
    "SPLITS",
    "SYMMETRIC",
    "ActorView",
    "Counts",
    "GoldRelation",
    "ItemResult",
    "Match",
    "PredictedRelation",
    "RelationError",
    "RelationItem",
    "RelationReport",
    "actor_matches",
    "evaluate_relations",
    "format_relations",
    "load_relation_items",
    "parse_item",
    "predicate_counts",
    "resolve",
    "score_item",
    "score_results",
    "triple_matches",
]
