"""An analysis of the normalised text, given back in offsets of the text the user gave.

sayso reads a normalised copy of the text (NFC, ``\\n`` line ends, single spaces); a CMS, a
brat file or any stand-off annotation needs offsets into the text as it was given, so every
span is mapped back and every span text re-read from the original: ``original[start:end]``
is the span's text.
"""
from __future__ import annotations

from dataclasses import replace

from .text import Normalized, Span
from .types import Actor, Analysis, Marker, Quote, Relation, ScareQuote


def to_original(analysis: Analysis, norm: Normalized) -> Analysis:
    """``analysis`` (of ``norm.text``) with ``norm.original`` as its text and every offset
    into it."""
    if norm.identity:
        return replace(analysis, text=norm.original)
    mapper = _Mapper(norm)
    return replace(
        analysis,
        text=norm.original,
        actors=tuple(mapper.actor(a) for a in analysis.actors),
        quotes=tuple(mapper.quote(q) for q in analysis.quotes),
        relations=tuple(mapper.relation(r) for r in analysis.relations),
        scare_quotes=tuple(mapper.scare(s) for s in analysis.scare_quotes),
        attitudes=tuple(mapper.quote(q) for q in analysis.attitudes),
    )


class _Mapper:
    def __init__(self, norm: Normalized) -> None:
        self.norm = norm
        self.text = norm.original

    def span(self, span: Span) -> Span:
        return self.norm.span(span[0], span[1])

    def maybe(self, span: Span | None) -> Span | None:
        return None if span is None else self.span(span)

    def actor(self, actor: Actor) -> Actor:
        return replace(actor, mentions=tuple(self.span(m) for m in actor.mentions))

    def marker(self, marker: Marker) -> Marker:
        start, end = self.span((marker.start, marker.end))
        return replace(marker, start=start, end=end, text=self.text[start:end])

    def quote(self, quote: Quote) -> Quote:
        start, end = self.span((quote.start, quote.end))
        cue_span = self.maybe(quote.cue_span)
        return replace(
            quote, start=start, end=end, text=self.text[start:end],
            parts=tuple(self.span(p) for p in quote.parts),
            speaker_mention=self.maybe(quote.speaker_mention),
            cue_span=cue_span,
            cue=quote.cue if cue_span is None else self.text[cue_span[0] : cue_span[1]],
            medium_mention=self.maybe(quote.medium_mention),
            hedges=tuple(self.marker(m) for m in quote.hedges),
        )

    def relation(self, relation: Relation) -> Relation:
        start, end = self.span((relation.start, relation.end))
        return replace(relation, start=start, end=end, text=self.text[start:end],
                       trigger=self.maybe(relation.trigger))

    def scare(self, scare: ScareQuote) -> ScareQuote:
        start, end = self.span((scare.start, scare.end))
        return replace(scare, start=start, end=end, text=self.text[start:end])
