"""A readable terminal report of one :class:`Analysis`."""
from __future__ import annotations

import textwrap

import click

from .types import Analysis, Quote

_WIDTH = 100


def render(analysis: Analysis, *, color: bool = False, title: str | None = None) -> str:
    """Actors with aliases and roles, then every quote with its speaker, cue and medium."""
    style = click.style if color else (lambda text, **_: text)
    lines: list[str] = []
    if title:
        lines += [style(title, bold=True), ""]
    for warning in analysis.warnings:
        lines.append(style(f"warning: {warning}", fg="yellow"))
    lines.append(style(f"Actors ({len(analysis.actors)})", bold=True))
    for actor in analysis.actors:
        extra = []
        if actor.aliases:
            extra.append("aka " + ", ".join(actor.aliases))
        if actor.roles:
            extra.append("; ".join(actor.roles))
        detail = f" — {' | '.join(extra)}" if extra else ""
        lines.append(f"  {actor.id:>4} {actor.type.value:<6} {style(actor.name, bold=True)}"
                     f" ×{len(actor.mentions)}{detail}")
    lines += ["", style(f"Quotes ({len(analysis.quotes)})", bold=True)]
    for quote in analysis.quotes:
        lines.append(_quote_line(analysis, quote, style))
        body = textwrap.fill(quote.text, width=_WIDTH - 8, initial_indent="        ",
                             subsequent_indent="        ")
        lines.append(style(body, fg="cyan"))
    return "\n".join(lines)


def _quote_line(analysis: Analysis, quote: Quote, style) -> str:
    speaker = analysis.actor(quote.speaker)
    if speaker is not None:
        who = speaker.name
    elif quote.speaker_mention is not None:
        who = analysis.text[quote.speaker_mention[0] : quote.speaker_mention[1]]
    else:
        who = "(unattributed)"
    parts = [f"  {quote.id:>4} {quote.kind.value:<12} {style(who, bold=True, fg='green')}"]
    if quote.speaker_mention is not None and speaker is not None:
        mention = analysis.text[quote.speaker_mention[0] : quote.speaker_mention[1]]
        if mention != speaker.name:
            parts.append(f'(as "{textwrap.shorten(mention, 40)}")')
    if quote.inherited:
        parts.append("(speaker carried over)")
    if quote.cue:
        parts.append(f"cue: {quote.cue}")
    if quote.medium_mention is not None:
        medium = analysis.actor(quote.medium)
        parts.append("to/via: " + (medium.name if medium else
                                   analysis.text[quote.medium_mention[0] : quote.medium_mention[1]]))
    parts.append(" + ".join(f"[{s}:{e}]" for s, e in quote.parts) if len(quote.parts) > 1
                 else f"[{quote.start}:{quote.end}]")
    return " ".join(parts)
