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
        body = textwrap.fill(quoted_words(analysis, quote), width=_WIDTH - 8, initial_indent="        ",
                             subsequent_indent="        ")
        lines.append(style(body, fg="cyan"))
    if analysis.relations:
        lines += ["", style(f"Relations ({len(analysis.relations)})", bold=True)]
        lines += ["  " + line for line in relation_lines(analysis)]
    if analysis.scare_quotes:
        lines += ["", style(f"Scare quotes ({len(analysis.scare_quotes)})", bold=True)]
        lines += [f"  “{s.text}” [{s.start}:{s.end}]" for s in analysis.scare_quotes]
    if analysis.attitudes:  # no statements: an attitude to a thing, or a topic
        lines += ["", style(f"Attitudes and topics ({len(analysis.attitudes)})", bold=True)]
        lines += [_quote_line(analysis, a, style) + f" {a.text}" for a in analysis.attitudes]
    return "\n".join(lines)


def quoted_words(analysis: Analysis, quote: Quote) -> str:
    """The quote's own words: a split quote's parts joined with " … ", without the reporter's
    words between them ("“We will not back down,” the cleric said. “The money …”")."""
    if len(quote.parts) < 2:
        return quote.text
    return " … ".join(analysis.text[start:end] for start, end in quote.parts)


def relation_lines(analysis: Analysis) -> list[str]:
    """One line per relation: subject, predicate, object, by whose account, how sure."""
    def name(actor_id: str | None) -> str:
        actor = analysis.actor(actor_id)
        return "?" if actor is None else actor.name

    out = []
    for rel in analysis.relations:
        claim = f"says {name(rel.claimant)}" if rel.claimant else "article's voice"
        flags = [f for f in (rel.certainty if rel.certainty != "asserted" else "",
                             "negated" if rel.polarity == "negative" else "") if f]
        out.append(f"{rel.id:>4} {name(rel.subject)} —{rel.predicate}→ {name(rel.object)}"
                   f"  ({claim}{'; ' + ', '.join(flags) if flags else ''}) [{rel.start}:{rel.end}]")
    return out


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
    if quote.certainty != "asserted" or quote.polarity == "negative":
        words = ", ".join(m.text for m in quote.hedges if m.kind != "booster")
        label = quote.certainty + (" negative" if quote.polarity == "negative" else "")
        parts.append(style(f"{label}" + (f" ({words})" if words else ""), fg="yellow"))
    if quote.stance != "neutral":
        parts.append(f"stance: {quote.stance}")
    if quote.medium_mention is not None:
        medium = analysis.actor(quote.medium)
        parts.append("to/via: " + (medium.name if medium else
                                   analysis.text[quote.medium_mention[0] : quote.medium_mention[1]]))
    parts.append(" + ".join(f"[{s}:{e}]" for s, e in quote.parts) if len(quote.parts) > 1
                 else f"[{quote.start}:{quote.end}]")
    return " ".join(parts)
