"""Render an :class:`EvalReport` as a terminal table or as the Markdown of docs/accuracy.md."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sayso.eval.scoring import KINDS, ROLES, THRESHOLDS, Counts, EvalReport, QuoteScores, SystemReport

#: Published exact-match F1 (source, cue, content) on the PolNeAR *test* split, from the
#: corpus README: Newell et al. (LREC 2018) and Wang et al. (COLING 2022, CofeNet).
PUBLISHED = (
    ("CRF (Newell et al. 2018)", "50.6", "53.4", "28.6"),
    ("Stanford CoreNLP quote annotator", "13.9", "–", "17.5"),
    ("CofeNet, BERT (Wang et al. 2022)", "83.2", "75.3", "72.9"),
)
_EMPTY = QuoteScores()
REPRODUCE = "sayso eval polnear ../shared/data/polnear --split dev --markdown docs/accuracy.md"


@dataclass(frozen=True)
class _Row:
    label: str
    counts: Callable[[SystemReport], Counts] | None = None  # a P/R/F1 row
    value: Callable[[SystemReport], str] | None = None  # a single-value row


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def _threshold(t: float) -> str:
    return f"≥{t:g}"


def _rows(report: EvalReport) -> list[tuple[str, list[_Row]]]:
    """Sections of rows, shared by both renderings."""
    thresholds = sorted({t for s in report.systems.values() for t in s.scores.quotes}) or list(THRESHOLDS)

    def role(view: str, name: str) -> _Row:
        return _Row(f"{name}", counts=lambda s: getattr(getattr(s.scores, view), name))

    def quote(t: float) -> _Row:
        return _Row(f"quotes {_threshold(t)}", counts=lambda s: s.scores.quotes.get(t, _EMPTY).counts)

    def kind(k: str, t: float) -> _Row:
        return _Row(f"{k} {_threshold(t)}", counts=lambda s: s.scores.kinds.get(k, {}).get(t, Counts()))

    def speaker(t: float) -> _Row:
        def value(s: SystemReport) -> str:
            q = s.scores.quotes.get(t, _EMPTY)
            return f"{_pct(q.speaker_accuracy)} of {q.speaker_total}"
        return _Row(f"speaker acc. {_threshold(t)}", value=value)

    return [
        ("Exact span match (trimmed)", [role("exact", r) for r in ROLES]),
        ("Token overlap", [role("token", r) for r in ROLES]),
        ("Quote matching (share of gold content covered)", [quote(t) for t in thresholds]
         + [kind(k, t) for t in thresholds for k in KINDS]
         + [speaker(t) for t in thresholds]),
        ("Run", [
            _Row("failed articles", value=lambda s: f"{len(s.failures)} of {s.articles}"),
            _Row("seconds", value=lambda s: f"{s.seconds:.1f}"),
            _Row("articles/s", value=lambda s: f"{s.articles_per_second:.2f}"),
        ]),
    ]


def _cells(row: _Row, system: SystemReport) -> list[str]:
    if row.counts is not None:
        c = row.counts(system)
        return [_pct(c.p), _pct(c.r), _pct(c.f1)]
    assert row.value is not None
    return [row.value(system)]


def _header(report: EvalReport) -> str:
    return (f"{report.corpus} {report.split}: {report.articles} articles, "
            f"{report.gold_attributions} gold attributions, {report.mismatches} span text mismatches")


def format_table(report: EvalReport) -> str:
    """A side-by-side terminal table: rows are role × metric, columns are systems."""
    systems = list(report.systems.values())
    label_w, col_w = 26, 6
    block_w = 3 * col_w + 2
    lines = [_header(report), ""]
    lines.append(" " * label_w + "  ".join(f"{s.name:^{block_w}}" for s in systems))
    lines.append(" " * label_w + "  ".join(
        f"{'P':>{col_w}} {'R':>{col_w}} {'F1':>{col_w}}" for _ in systems))
    for title, rows in _rows(report):
        lines.append(title)
        for row in rows:
            blocks = []
            for system in systems:
                cells = _cells(row, system)
                if len(cells) == 3:
                    blocks.append(" ".join(f"{c:>{col_w}}" for c in cells))
                else:
                    blocks.append(f"{cells[0]:>{block_w}}")
            lines.append(f"  {row.label:<{label_w - 2}}" + "  ".join(blocks))
    for system in systems:
        for failure in system.failures[:5]:
            lines.append(f"! {system.name}: {failure[:110]}")
        if len(system.failures) > 5:
            lines.append(f"! {system.name}: ... and {len(system.failures) - 5} more failures")
    lines.append("")
    lines.append("# Published exact-match F1 on the PolNeAR test split (source / cue / content);")
    lines.append(_anchor_note(report.split, "# "))
    for name, *f1 in PUBLISHED:
        lines.append(f"#   {name:<34} {' / '.join(f1)}")
    return "\n".join(lines) + "\n"


def _anchor_note(split: str, prefix: str, *, markdown: bool = False) -> str:
    """What the published test-split figures are next to this run's ``split``."""
    if split == "test":
        return f"{prefix}The numbers above are on the test split too, so they compare (span trimming aside)" + (
            ":" if markdown else ".")
    held = "which is held out here, so these are anchors rather than a like-for-like comparison:"
    return held if markdown else f"{prefix}these are anchors only: the numbers above are on the {split} split."


def _md_row(row: _Row, systems: list[SystemReport]) -> str:
    return f"| {row.label} | " + " | ".join(c for s in systems for c in _cells(row, s)) + " |"


def format_markdown(report: EvalReport) -> str:
    """docs/accuracy.md: one table per view, the published anchors and how to reproduce."""
    systems = list(report.systems.values())
    out = [
        "# Accuracy",
        "",
        f"Measured on the **{report.split}** split of **{report.corpus}**: {report.articles} articles, "
        f"{report.gold_attributions} gold attributions (first annotator's file per article; "
        f"{report.mismatches} annotated span texts disagree with the article text).",
        "Numbers are percentages, micro-averaged over the corpus. sayso's predictions are its "
        "quotes and its attitudes (a cue with a topic or target for object: \"attacked Machado\"), "
        "both attributions in PolNeAR's scheme; sayso lists the second apart because they state "
        "no proposition.",
        "",
        "- *Exact span match*: a span counts only if it equals a gold span of its role after "
        "trimming whitespace, punctuation and quote marks at both ends (discontinuous gold "
        "spans compare as their set of characters). This is the measure of published results.",
        "- *Token overlap*: word tokens covered by a predicted span vs by a gold span of the role.",
        "- *Quote matching* (GenderGapTracker style): a predicted quote matches a gold content span "
        "when it covers at least 30% or 80% of it, one to one; *direct*/*indirect* repeat the "
        "matching within each kind (gold is direct when its content is enclosed by double quote "
        "marks); *speaker acc.* is the share of matched quotes, among those with a gold source, "
        "whose predicted speaker overlaps the gold source.",
        "",
    ]
    for title, rows in _rows(report):
        out += [f"## {title}", ""]
        score_rows = [r for r in rows if r.counts is not None]
        value_rows = [r for r in rows if r.value is not None]
        if score_rows:
            out.append("| | " + " | ".join(f"{s.name} P | {s.name} R | {s.name} F1" for s in systems) + " |")
            out.append("|---|" + "---:|" * (3 * len(systems)))
            out += [_md_row(r, systems) for r in score_rows]
            out.append("")
        if value_rows:
            out.append("| | " + " | ".join(s.name for s in systems) + " |")
            out.append("|---|" + "---:|" * len(systems))
            out += [_md_row(r, systems) for r in value_rows]
            out.append("")
    out += [
        "## Published results",
        "",
        "Exact span match F1 on the PolNeAR **test** split. "
        + _anchor_note(report.split, "", markdown=True),
        "",
        "| System | Source | Cue | Content |",
        "|---|---:|---:|---:|",
    ]
    out += [f"| {name} | {s} | {c} | {t} |" for name, s, c, t in PUBLISHED]
    out += [
        "",
        "## How to reproduce",
        "",
        "From the repository root, with the corpus checked out beside it:",
        "",
        "```",
        REPRODUCE.replace("--split dev", f"--split {report.split}"),
        "```",
        "",
    ]
    return "\n".join(out)

