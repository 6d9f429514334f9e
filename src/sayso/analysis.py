"""From a parsed ``Doc`` to an :class:`~sayso.types.Analysis`: run every extraction stage and
turn their drafts into records with ids and offsets."""
from __future__ import annotations

from spacy.tokens import Doc

from .extractors.actors import find_actors
from .extractors.quotes import find_quotes
from .types import Analysis, Quote, Span

_ENGLISH_HINTS = frozenset(
    "the of and to in is that for it on was with as be by he she said at from his her this an are "
    "have has not but they were which will would".split()
)


def analyze_doc(doc: Doc) -> Analysis:
    """All actors and quotes of one parsed article; offsets index into ``doc.text``."""
    warning = _language_warning(doc)
    if warning:
        return Analysis(text=doc.text, warnings=(warning,))
    book = find_actors(doc)
    drafts = find_quotes(doc, book)
    actors, ids = book.actors()
    quotes = []
    for number, draft in enumerate(drafts, start=1):
        text = doc.text[draft.start : draft.end]
        quotes.append(
            Quote(
                id=f"q{number}",
                kind=draft.kind,
                start=draft.start,
                end=draft.end,
                text=text,
                speaker=None if draft.speaker is None else ids.get(id(draft.speaker)),
                speaker_mention=_chars(draft.speaker_span),
                cue=None if draft.cue is None else draft.cue.text,
                cue_span=_chars(draft.cue),
                medium=None if draft.medium is None else ids.get(id(draft.medium)),
                medium_mention=_chars(draft.medium_span),
                inherited=draft.inherited,
                parts=draft.parts or ((draft.start, draft.end),),
            )
        )
    return Analysis(text=doc.text, actors=tuple(actors), quotes=tuple(quotes))


def _chars(span) -> Span | None:
    return None if span is None else (span.start_char, span.end_char)


def _language_warning(doc: Doc) -> str | None:
    """sayso's pipeline reads English: say so, rather than return nonsense, for other languages."""
    words = [t.lower_ for t in doc if t.is_alpha]
    if len(words) < 20:
        return None
    share = sum(w in _ENGLISH_HINTS for w in words) / len(words)
    if share < 0.04:
        return f"the text does not look like English ({share:.0%} common English words); sayso reads English only"
    return None
