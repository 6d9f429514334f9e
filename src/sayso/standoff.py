"""Write an analysis as brat standoff, in the format of docs/annotation.md.

Machine output becomes a starting point for annotation: open the ``.txt``/``.ann`` pair in
brat or INCEpTION, correct it, and the corrected file is gold for ``sayso eval`` (the reader is
:mod:`sayso.eval.brat`). Each quote is one ``Attribution`` event with its Source, Cue, Content
(a split quote's parts as one discontinuous span), the Speaker (the speaker actor's fullest
mention) and the Type, Kind, Certainty and Polarity attributes.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .types import Actor, Analysis, Quote

Span = tuple[int, int]


def _value(label: object) -> str:
    return str(getattr(label, "value", label))


def _fullest(actor: Actor) -> Span | None:
    """The actor's longest mention, the earliest of equals."""
    if not actor.mentions:
        return None
    return min(actor.mentions, key=lambda m: (-(m[1] - m[0]), m[0]))


def _text_field(text: str, spans: Iterable[Span]) -> str:
    # brat shows a discontinuous span's text as its fragments joined by one space; a line
    # break inside a span would start a new line in the .ann file
    return re.sub(r"[\r\n]", " ", " ".join(text[s:e] for s, e in spans))


def quote_lines(quote: Quote, actors: dict[str, Actor], text: str, counters: dict[str, int]) -> Iterator[str]:
    """The T, E and A lines of one quote, numbering on from ``counters``."""

    def t_line(label: str, spans: tuple[Span, ...]) -> str:
        counters["T"] += 1
        frags = ";".join(f"{s} {e}" for s, e in spans)
        lines.append(f"T{counters['T']}\t{label} {frags}\t{_text_field(text, spans)}")
        return f"T{counters['T']}"

    lines: list[str] = []
    parts = tuple(quote.parts) or ((quote.start, quote.end),)
    trigger_span = quote.cue_span or quote.speaker_mention or parts[0]
    args = [f"Attribution:{t_line('Attribution', (trigger_span,))}"]
    if quote.speaker_mention:
        args.append(f"Source:{t_line('Source', (quote.speaker_mention,))}")
    if quote.cue_span:
        args.append(f"Cue:{t_line('Cue', (quote.cue_span,))}")
    args.append(f"Content:{t_line('Content', parts)}")
    actor = actors.get(quote.speaker) if quote.speaker else None
    speaker = _fullest(actor) if actor else None
    if speaker:
        args.append(f"Speaker:{t_line('Speaker', (speaker,))}")
    counters["E"] += 1
    event = f"E{counters['E']}"
    lines.append(f"{event}\t" + " ".join(args))
    attributes = {"Kind": quote.kind, "Certainty": quote.certainty, "Polarity": quote.polarity}
    if getattr(quote, "type", None) is not None:
        attributes = {"Type": quote.type, **attributes}
    for name, value in attributes.items():
        counters["A"] += 1
        lines.append(f"A{counters['A']}\t{name} {event} {_value(value)}")
    yield from lines


def to_brat(analysis: Analysis) -> str:
    """The ``.ann`` file of ``analysis``; its offsets index ``analysis.text``."""
    actors = {a.id: a for a in analysis.actors}
    counters = {"T": 0, "E": 0, "A": 0}
    lines = [line for quote in analysis.quotes for line in quote_lines(quote, actors, analysis.text, counters)]
    return "".join(line + "\n" for line in lines)


def safe_name(name: str) -> str:
    """A file name stem from an article's title, path or id."""
    stem = re.sub(r"[^\w.-]+", "-", name).strip("-.")[:80]
    return stem or "article"


def write_brat(folder: Path, name: str, analysis: Analysis, annotator: str = "sayso") -> tuple[Path, Path]:
    """Write ``folder/text/NAME.txt`` and ``folder/attributions/NAME_ANNOTATOR.ann``,
    the layout ``sayso eval`` reads."""
    text_dir, ann_dir = folder / "text", folder / "attributions"
    text_dir.mkdir(parents=True, exist_ok=True)
    ann_dir.mkdir(parents=True, exist_ok=True)
    text_path, ann_path = text_dir / f"{name}.txt", ann_dir / f"{name}_{annotator}.ann"
    # bytes, not text mode: universal newlines would shift every offset after a "\r\n"
    text_path.write_bytes(analysis.text.encode("utf-8"))
    ann_path.write_bytes(to_brat(analysis).encode("utf-8"))
    return text_path, ann_path
