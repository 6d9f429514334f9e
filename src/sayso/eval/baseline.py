"""The textacy baseline: rule-based direct quotations, as a reference point for sayso.

``textacy.extract.triples.direct_quotations`` finds only direct quotes with a speaker that
is the subject of a reporting verb next to the quote. It refuses documents with an odd
number of quote-mark tokens ("an unclosed quotation"), which is common in news text that
quotes titles or nicknames; :func:`textacy_predictions` turns that refusal into an
:class:`~sayso.errors.ExtractionError` so that a batch can count it and go on.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sayso.errors import ExtractionError
from sayso.eval.scoring import PredictedAttribution, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def token_extent(tokens: Sequence[Token]) -> Span | None:
    """Character extent from the first to the last of ``tokens`` (in document order)."""
    if not tokens:
        return None
    ordered = sorted(tokens, key=lambda t: t.i)
    return (ordered[0].idx, ordered[-1].idx + len(ordered[-1]))


def textacy_predictions(doc: Doc) -> list[PredictedAttribution]:
    """Textacy's direct quotations in ``doc`` as predicted attributions (char offsets).

    The speaker and cue are textacy's expanded token lists, taken as one span from their
    first to their last token; the content span keeps its quote marks (scoring trims them).
    Raises :class:`ExtractionError` when textacy gives up on the document.
    """
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError as exc:  # odd quote-mark count, or a language textacy lacks
        raise ExtractionError(f"textacy direct_quotations failed: {exc}") from exc
    return [
        PredictedAttribution(
            source=token_extent(triple.speaker),
            cue=token_extent(triple.cue),
            content=(triple.content.start_char, triple.content.end_char),
            kind="direct",
        )
        for triple in triples
    ]
