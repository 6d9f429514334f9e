"""Score sayso's ``certainty`` and ``polarity`` labels on a hand-annotated JSONL set.

Each line of the set (see ``sayso/eval/data/README.md``) is one sentence with one attributed
statement::

    {"id": "c001", "text": "...", "quote": "<exact substring of text>",
     "certainty": "asserted|hedged|doubted", "polarity": "positive|negative", "note": "..."}

:func:`evaluate_certainty` runs the engine on every ``text`` and picks the predicted quote
whose span overlaps the gold ``quote`` span by the most characters (the gold span is found
with ``text.find(quote)``). It compares the labels of that quote with the gold labels. Items
with no overlapping quote are *unmatched*. They are left out of the "matched" accuracies,
the per-label scores and the confusion matrix's label columns. They count as errors in the
"overall" accuracies and appear in the confusion matrix's ``(none)`` column.
:func:`format_certainty` renders the report for a terminal.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sayso.corpora.counts import f1_score, ratio
from sayso.eval.certainty_set import (
    CERTAINTY_LABELS,
    POLARITY_LABELS,
    SPLITS,
    CertaintyItem,
    in_split,
    load_certainty_items,
    parse_item,
)

NONE = "(none)"  # the confusion-matrix column of unmatched items

Span = tuple[int, int]
#: ``extract(text)`` returns an analysis-like object: ``.quotes`` (each with ``start``, ``end``,
#: ``certainty``, ``polarity`` and optionally ``parts``) and optionally ``.text``.
ExtractFn = Callable[[str], Any]


@dataclass(frozen=True)
class ItemResult:
    """The gold labels of one item next to the labels of its matched predicted quote."""

    id: str
    gold_certainty: str
    gold_polarity: str
    pred_certainty: str | None = None  # None: no predicted quote overlaps the gold span
    pred_polarity: str | None = None
    overlap: int = 0  # characters shared by the gold span and the matched quote
    predicted_quote: str | None = None
    note: str = ""

    @property
    def matched(self) -> bool:
        return self.pred_certainty is not None

    @property
    def certainty_ok(self) -> bool:
        return self.pred_certainty == self.gold_certainty

    @property
    def polarity_ok(self) -> bool:
        return self.pred_polarity == self.gold_polarity

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "gold": {"certainty": self.gold_certainty, "polarity": self.gold_polarity},
            "predicted": None if not self.matched
            else {"certainty": self.pred_certainty, "polarity": self.pred_polarity},
            "overlap": self.overlap,
            "predicted_quote": self.predicted_quote,
            "note": self.note,
        }


@dataclass(frozen=True)
class CertaintyError:
    """One item that was not matched or whose certainty or polarity is wrong."""

    id: str
    gold: tuple[str, str]  # (certainty, polarity)
    predicted: tuple[str, str] | None  # None when unmatched
    kind: str  # unmatched | certainty | polarity | both
    text: str = ""
    quote: str = ""
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "gold": {"certainty": self.gold[0], "polarity": self.gold[1]},
            "predicted": None if self.predicted is None
            else {"certainty": self.predicted[0], "polarity": self.predicted[1]},
            "kind": self.kind,
            "text": self.text,
            "quote": self.quote,
            "note": self.note,
        }


@dataclass(frozen=True)
class LabelScore:
    """Precision, recall and F1 of one certainty label over the matched items."""

    label: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:  # matched gold items with this label
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label, "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "support": self.support, "precision": self.precision, "recall": self.recall, "f1": self.f1,
        }


@dataclass(frozen=True)
class CertaintyReport:
    """Scores of one run over the evaluation set."""

    path: str
    results: tuple[ItemResult, ...]
    errors: tuple[CertaintyError, ...] = ()
    model: str | None = None
    #: gold certainty -> predicted certainty (or ``(none)``) -> count
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    per_label: dict[str, LabelScore] = field(default_factory=dict)

    # --- counts -----------------------------------------------------------------------
    @property
    def total(self) -> int:
        return len(self.results)

    @property
    def matched(self) -> int:
        return sum(1 for r in self.results if r.matched)

    @property
    def certainty_correct(self) -> int:
        return sum(1 for r in self.results if r.matched and r.certainty_ok)

    @property
    def polarity_correct(self) -> int:
        return sum(1 for r in self.results if r.matched and r.polarity_ok)

    @property
    def both_correct(self) -> int:
        return sum(1 for r in self.results if r.matched and r.certainty_ok and r.polarity_ok)

    # --- rates ------------------------------------------------------------------------
    @property
    def coverage(self) -> float:
        return ratio(self.matched, self.total)

    @property
    def certainty_accuracy(self) -> float:
        """Over matched items."""
        return ratio(self.certainty_correct, self.matched)

    @property
    def polarity_accuracy(self) -> float:
        """Over matched items."""
        return ratio(self.polarity_correct, self.matched)

    @property
    def both_accuracy(self) -> float:
        """Both labels right, over matched items."""
        return ratio(self.both_correct, self.matched)

    @property
    def overall_certainty_accuracy(self) -> float:
        """Over all items; an unmatched item counts as wrong."""
        return ratio(self.certainty_correct, self.total)

    @property
    def overall_polarity_accuracy(self) -> float:
        return ratio(self.polarity_correct, self.total)

    @property
    def overall_both_accuracy(self) -> float:
        return ratio(self.both_correct, self.total)

    @property
    def macro_f1(self) -> float:
        """Mean F1 of the certainty labels that occur in gold or predictions."""
        used = [s for s in self.per_label.values() if s.tp + s.fp + s.fn]
        return sum(s.f1 for s in used) / len(used) if used else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "model": self.model,
            "items": self.total,
            "matched": self.matched,
            "coverage": self.coverage,
            "certainty_accuracy": self.certainty_accuracy,
            "polarity_accuracy": self.polarity_accuracy,
            "both_accuracy": self.both_accuracy,
            "overall_certainty_accuracy": self.overall_certainty_accuracy,
            "overall_polarity_accuracy": self.overall_polarity_accuracy,
            "overall_both_accuracy": self.overall_both_accuracy,
            "macro_f1": self.macro_f1,
            "per_label": {k: v.to_dict() for k, v in self.per_label.items()},
            "confusion": {g: dict(row) for g, row in self.confusion.items()},
            "errors": [e.to_dict() for e in self.errors],
            "results": [r.to_dict() for r in self.results],
        }


# --- matching and scoring -------------------------------------------------------------------

def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _quote_parts(quote: Any) -> Sequence[Span]:
    parts = tuple(getattr(quote, "parts", ()) or ())
    return parts or ((int(quote.start), int(quote.end)),)


def gold_span(analysis_text: str, item: CertaintyItem) -> Span | None:
    """Where the gold quote lies in the analysed text (the engine may normalise whitespace)."""
    start = analysis_text.find(item.quote)
    if start >= 0:
        return (start, start + len(item.quote))
    from sayso.text import normalize

    quote = normalize(item.quote)
    start = analysis_text.find(quote)
    return (start, start + len(quote)) if start >= 0 else None


def best_quote(quotes: Iterable[Any], span: Span) -> tuple[Any | None, int]:
    """The quote sharing the most characters with ``span`` and that overlap.

    Ties go to the quote whose extent is closest to ``span`` (smallest length difference),
    then to the earlier one.
    """
    best, best_key = None, (0, 0)
    for quote in quotes:
        shared = sum(_overlap(part, span) for part in _quote_parts(quote))
        if shared <= 0:
            continue
        extent = int(quote.end) - int(quote.start)
        key = (shared, -abs(extent - (span[1] - span[0])))
        if best is None or key > best_key:
            best, best_key = quote, key
    return best, best_key[0]


def score_item(item: CertaintyItem, analysis: Any) -> ItemResult:
    """Match one item's gold span against the predicted quotes of its analysis."""
    text = getattr(analysis, "text", None) or item.text
    span = gold_span(text, item)
    quote, shared = (None, 0) if span is None else best_quote(getattr(analysis, "quotes", ()), span)
    if quote is None:
        return ItemResult(item.id, item.certainty, item.polarity, note=item.note)
    return ItemResult(
        id=item.id,
        gold_certainty=item.certainty,
        gold_polarity=item.polarity,
        pred_certainty=str(quote.certainty),
        pred_polarity=str(quote.polarity),
        overlap=shared,
        predicted_quote=getattr(quote, "text", None),
        note=item.note,
    )


def _error(item: CertaintyItem, result: ItemResult) -> CertaintyError | None:
    if not result.matched:
        kind = "unmatched"
    elif not result.certainty_ok and not result.polarity_ok:
        kind = "both"
    elif not result.certainty_ok:
        kind = "certainty"
    elif not result.polarity_ok:
        kind = "polarity"
    else:
        return None
    predicted = None if not result.matched else (str(result.pred_certainty), str(result.pred_polarity))
    return CertaintyError(
        id=item.id, gold=(item.certainty, item.polarity), predicted=predicted, kind=kind,
        text=item.text, quote=item.quote, note=item.note,
    )


def confusion_matrix(results: Iterable[ItemResult]) -> dict[str, dict[str, int]]:
    """Gold certainty -> predicted certainty -> count, with a ``(none)`` column for unmatched."""
    results = list(results)
    predicted = sorted(
        {r.pred_certainty for r in results if r.pred_certainty is not None and r.pred_certainty not in CERTAINTY_LABELS}
    )
    columns = [*CERTAINTY_LABELS, *predicted, NONE]
    matrix = {g: dict.fromkeys(columns, 0) for g in CERTAINTY_LABELS}
    for r in results:
        row = matrix.setdefault(r.gold_certainty, dict.fromkeys(columns, 0))
        column = r.pred_certainty if r.pred_certainty is not None else NONE
        row[column] = row.get(column, 0) + 1
    return matrix


def label_scores(results: Iterable[ItemResult]) -> dict[str, LabelScore]:
    """Per-label precision/recall/F1 of certainty over the matched items."""
    matched = [r for r in results if r.matched]
    labels = list(CERTAINTY_LABELS) + sorted(
        {r.pred_certainty for r in matched if r.pred_certainty is not None and r.pred_certainty not in CERTAINTY_LABELS}
    )
    out = {}
    for label in labels:
        tp = sum(1 for r in matched if r.gold_certainty == label and r.pred_certainty == label)
        fp = sum(1 for r in matched if r.gold_certainty != label and r.pred_certainty == label)
        fn = sum(1 for r in matched if r.gold_certainty == label and r.pred_certainty != label)
        out[label] = LabelScore(label, tp, fp, fn)
    return out


def score_results(
    items: Sequence[CertaintyItem], results: Sequence[ItemResult], path: str = "", model: str | None = None
) -> CertaintyReport:
    """Build a report from the per-item results (in the same order as ``items``)."""
    errors = tuple(e for e in (_error(i, r) for i, r in zip(items, results, strict=True)) if e is not None)
    return CertaintyReport(
        path=path,
        results=tuple(results),
        errors=errors,
        model=model,
        confusion=confusion_matrix(results),
        per_label=label_scores(results),
    )


def evaluate_certainty(
    path: str | Path,
    model: str | None = None,
    *,
    extract: ExtractFn | None = None,
    split: str = "all",
) -> CertaintyReport:
    """Run the engine on each item of the JSONL set at ``path`` and score its labels.

    ``model`` is the spaCy model passed to :func:`sayso.extract`. ``extract`` replaces the
    engine (a callable taking the text and returning an analysis-like object). Tests use it.
    ``split`` keeps "dev" items (even id number: the half rules may be tuned on), "test" items
    (odd: held out, only ever reported) or "all".
    """
    items = [item for item in load_certainty_items(path) if in_split(item.id, split)]
    if extract is None:
        import sayso

        def extract(text: str) -> Any:
            return sayso.extract(text, model=model)

    results = [score_item(item, extract(item.text)) for item in items]
    return score_results(items, results, path=str(path), model=model)


# --- rendering ------------------------------------------------------------------------------

def _pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


def format_certainty(report: CertaintyReport, *, max_errors: int | None = None) -> str:
    """The report as plain text for a terminal; ``max_errors`` limits the error list."""
    n, m = report.total, report.matched
    lines = [
        f"Certainty/polarity evaluation: {report.path}" + (f" (model {report.model})" if report.model else ""),
        "",
        f"  items                 {n}",
        f"  coverage              {_pct(report.coverage)}  ({m} of {n} matched a predicted quote)",
        "",
        "                        matched        overall (unmatched = wrong)",
        f"  certainty accuracy    {_pct(report.certainty_accuracy)} ({report.certainty_correct}/{m})"
        f"   {_pct(report.overall_certainty_accuracy)} ({report.certainty_correct}/{n})",
        f"  polarity accuracy     {_pct(report.polarity_accuracy)} ({report.polarity_correct}/{m})"
        f"   {_pct(report.overall_polarity_accuracy)} ({report.polarity_correct}/{n})",
        f"  both right            {_pct(report.both_accuracy)} ({report.both_correct}/{m})"
        f"   {_pct(report.overall_both_accuracy)} ({report.both_correct}/{n})",
        "",
        "  certainty (matched items)   precision  recall      F1  support",
    ]
    for label, s in report.per_label.items():
        lines.append(
            f"    {label:<24}  {_pct(s.precision)}  {_pct(s.recall)}  {_pct(s.f1)}  {s.support:7d}"
        )
    lines.append(f"    {'macro F1':<24}  {'':>6}  {'':>6}  {_pct(report.macro_f1)}")
    lines += ["", "  confusion (rows gold, columns predicted)"]
    columns = list(next(iter(report.confusion.values())).keys()) if report.confusion else []
    width = max([len(c) for c in columns] + [8])
    lines.append("    " + " " * 10 + "".join(f"{c:>{width + 2}}" for c in columns))
    for gold, row in report.confusion.items():
        lines.append("    " + f"{gold:<10}" + "".join(f"{row.get(c, 0):>{width + 2}}" for c in columns))

    errors = report.errors if max_errors is None else report.errors[:max_errors]
    lines += ["", f"  errors: {len(report.errors)}"]
    for e in errors:
        gold = f"{e.gold[0]}/{e.gold[1]}"
        pred = "unmatched" if e.predicted is None else f"{e.predicted[0]}/{e.predicted[1]}"
        lines.append(f"    {e.id}  gold {gold:<18} predicted {pred:<18} [{e.kind}] {e.note}")
    if len(errors) < len(report.errors):
        lines.append(f"    ... and {len(report.errors) - len(errors)} more")
    return "\n".join(lines)


__all__ = [
    "CERTAINTY_LABELS",
    "POLARITY_LABELS",
    "SPLITS",
    "CertaintyError",
    "CertaintyItem",
    "CertaintyReport",
    "ItemResult",
    "LabelScore",
    "best_quote",
    "confusion_matrix",
    "evaluate_certainty",
    "format_certainty",
    "gold_span",
    "in_split",
    "label_scores",
    "load_certainty_items",
    "parse_item",
    "score_item",
    "score_results",
]
