"""From a parsed ``Doc`` to an :class:`~sayso.types.Analysis`: run every extraction stage and
turn their drafts into records with ids and offsets."""
from __future__ import annotations

from spacy.tokens import Doc

from collections.abc import Sequence

from .extractors.actors import ActorBook, find_actors
from .extractors.certainty import assess
from .extractors.lookup import Intervals
from .extractors.propositions import propositions
from .extractors.quotes import Draft, QuoteFinder
from .extractors.relations import RelationDraft, find_relations, stricter
from .extractors.statement_types import statement_type
from .extractors.statements import select
from .language import read_language
from .types import Analysis, Quote, Relation, ScareQuote, Span

#: Where the caller puts its :class:`~sayso.language.Reading` of a doc (``doc.user_data``), so
#: that the language is identified once and a language the user gave is honoured.
READING = "sayso_reading"


def analyze_doc(doc: Doc) -> Analysis:
    """All actors, quotes, relations and scare quotes of one parsed article, by the rules;
    offsets index into ``doc.text``."""
    warning = language_warning(doc)
    if warning:
        return Analysis(text=doc.text, warnings=(warning,))
    if doc.lang_ == "fr":
        from .extractors import french

        return french.analyze(doc)
    book = find_actors(doc)
    finder = QuoteFinder(doc, book)
    return assemble(doc, book, finder, finder.run())


def assemble(doc: Doc, book: ActorBook, finder: QuoteFinder, drafts: Sequence[Draft],
             rule_drafts: Sequence[Draft] = ()) -> Analysis:
    """Records with ids from quote drafts (the rules' or a model's, with the rules' own drafts
    beside a model's), keeping only statements; with the relations and scare quotes."""
    selection = select(doc, finder, drafts, rule_drafts)
    drafts = sorted(selection.statements, key=lambda d: (d.start, d.end))
    text = finder.text
    relation_drafts = find_relations(doc, book, finder.resolver)
    actors, ids = book.actors()
    quotes = [_quote(doc, text, number, draft, ids) for number, draft in enumerate(drafts, start=1)]
    hosts = _Hosts(quotes)
    relations = [_relation(text, number, draft, hosts, ids) for number, draft in enumerate(relation_drafts, start=1)]
    scare = []
    spans = {(q.start, q.end) for q in quotes}
    whole = Intervals([(q.start, q.end) for q in quotes])
    for region in finder.scare:
        inner = (region.inner_start, region.inner_end)
        if inner in spans:
            continue  # a model read it as somebody's statement after all
        host = next((quotes[k].id for k in whole.containing(*inner)), None)
        scare.append(ScareQuote(inner[0], inner[1], text[inner[0] : inner[1]], host))
    marked = {(s.start, s.end) for s in scare}
    for start, end in selection.unattributed:  # quoted words the article gives nobody
        if (start, end) not in marked:
            scare.append(ScareQuote(start, end, text[start:end]))
    scare.sort(key=lambda s: (s.start, s.end))
    return Analysis(text=text, actors=tuple(actors), quotes=tuple(quotes),
                    relations=tuple(r for r in relations if r is not None), scare_quotes=tuple(scare))


class _Hosts:
    """The quotes by their parts: which quote, first in order, states a stretch of text."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = quotes
        self._owner = [number for number, q in enumerate(quotes) for _ in q.parts]
        self._parts = Intervals([part for q in quotes for part in q.parts])

    def of(self, start: int, end: int) -> Quote | None:
        found = [self._owner[k] for k in self._parts.containing(start, end)]
        return self.quotes[min(found)] if found else None


def _quote(doc: Doc, text: str, number: int, draft: Draft, ids: dict[int, str]) -> Quote:
    verdict = assess(doc, draft.parts or ((draft.start, draft.end),), draft.cue_verb)
    return Quote(
        id=f"q{number}",
        kind=draft.kind,
        start=draft.start,
        end=draft.end,
        text=text[draft.start : draft.end],
        speaker=None if draft.speaker is None else ids.get(id(draft.speaker)),
        speaker_mention=_chars(draft.speaker_span),
        cue=None if draft.cue is None else draft.cue.text,
        cue_span=_chars(draft.cue),
        medium=None if draft.medium is None else ids.get(id(draft.medium)),
        medium_mention=_chars(draft.medium_span),
        inherited=draft.inherited,
        parts=draft.parts or ((draft.start, draft.end),),
        certainty=verdict.certainty,
        polarity=verdict.polarity,
        hedges=verdict.markers,
        stance=verdict.stance,
        type=statement_type(draft.kind, draft.cue, draft.cue_verb, draft.speaker_span,
                            None if draft.speaker is None else draft.speaker.type),
        propositions=propositions(doc, draft.parts or ((draft.start, draft.end),), text),
    )


def _relation(text: str, number: int, draft: RelationDraft, hosts: _Hosts, ids: dict[int, str]) -> Relation | None:
    subject, obj = ids.get(id(draft.subject)), ids.get(id(draft.object))
    if subject is None or obj is None:
        return None
    # Stated inside a quote: the speaker claims it, with the quote's certainty at most.
    host = hosts.of(*draft.trigger)
    if draft.described:
        host = None  # "Bravia's president, X" inside a quote: a title identifies, nobody claims it
    certainty, polarity = draft.certainty, draft.polarity
    if host is not None:
        certainty = stricter(certainty, host.certainty)
        if host.hedges and any(m.kind == "doubt" and not (host.start <= m.start < host.end) for m in host.hedges):
            polarity = "negative"  # "X denied that Iran funds …": the claim is denied
    return Relation(
        id=f"r{number}",
        subject=subject,
        predicate=draft.predicate,
        object=obj,
        start=draft.start,
        end=draft.end,
        text=text[draft.start : draft.end],
        claimant=host.speaker if host is not None else None if draft.claimant is None else ids.get(id(draft.claimant)),
        quote=None if host is None else host.id,
        certainty=certainty,
        polarity=polarity,
        trigger=draft.trigger,
    )


def _chars(span) -> Span | None:
    return None if span is None else (span.start_char, span.end_char)


def language_warning(doc: Doc) -> str | None:
    """sayso's pipeline reads English: say so, rather than return nonsense, for other languages."""
    reading = doc.user_data.get(READING) or read_language(doc.text)
    return None if reading.readable else reading.warning
