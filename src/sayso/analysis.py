"""From a parsed ``Doc`` to an :class:`~sayso.types.Analysis`: run every extraction stage and
turn their drafts into records with ids and offsets."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span as SpacySpan

from .extractors.certainty import assess
from .extractors.context import DocContext, build_context
from .extractors.drafts import Draft
from .extractors.lookup import Intervals
from .extractors.propositions import propositions
from .extractors.quotations import scare_regions
from .extractors.quotes import rule_drafts
from .extractors.relations import RelationDraft, find_relations, stricter
from .extractors.statement_types import statement_type
from .extractors.statements import select
from .language import read_language
from .types import Analysis, Certainty, Polarity, Quote, Relation, ScareQuote, Span

#: Where the caller puts its :class:`~sayso.language.Reading` of a doc (``doc.user_data``), so
#: that the language is identified once and a language the user gave is honoured.
READING = "sayso_reading"

#: Quote drafts an engine proposes over a context, with the rules' own drafts beside them when
#: the engine is not the rules alone (they tell where a speaker's quote ends).
Proposal = tuple[Sequence[Draft], Sequence[Draft]]
Proposer = Callable[[DocContext], Proposal]


def by_rules(context: DocContext) -> Proposal:
    """The rule engine's proposal: its own drafts."""
    return rule_drafts(context), ()


def analyze_doc(doc: Doc, propose: Proposer = by_rules) -> Analysis:
    """All actors, quotes, relations and scare quotes of one parsed article, the quotes proposed
    by ``propose`` (the rules by default); offsets index into ``doc.text``. Every engine opens
    here: a language sayso does not read gives a warning, French its own reading."""
    warning = language_warning(doc)
    if warning:
        return Analysis(text=doc.text, warnings=(warning,))
    if doc.lang_ == "fr":
        from .extractors import french

        return french.analyze(doc)
    context = build_context(doc)
    drafts, rules = propose(context)
    return assemble(context, drafts, rules)


def assemble(context: DocContext, drafts: Sequence[Draft], rule_drafts: Sequence[Draft] = ()) -> Analysis:
    """Records with ids from quote drafts (the rules' or a model's, with the rules' own drafts
    beside a model's), keeping only statements; with the relations and scare quotes."""
    doc, text, book = context.doc, context.text, context.book
    selection = select(context, drafts, rule_drafts)
    statements = sorted(selection.statements, key=lambda d: (d.start, d.end))
    relation_drafts = find_relations(doc, book, context.resolver)
    context.resolver.name_introduced()
    actors, ids = book.actors()
    quotes = [_quote(doc, text, f"q{number}", draft, ids) for number, draft in enumerate(statements, start=1)]
    attitudes = [_quote(doc, text, f"t{number}", draft, ids) for number, draft in enumerate(selection.attitudes, start=1)]
    hosts = _Hosts(quotes)
    relations = [_relation(text, number, draft, hosts, ids) for number, draft in enumerate(relation_drafts, start=1)]
    return Analysis(text=text, actors=tuple(actors), quotes=tuple(quotes),
                    relations=tuple(r for r in relations if r is not None),
                    scare_quotes=scare_quotes(context, quotes, selection.unattributed),
                    attitudes=tuple(attitudes))


def scare_quotes(context: DocContext, quotes: Sequence[Quote], unattributed: Sequence[Span]) -> tuple[ScareQuote, ...]:
    """Titles and scare quotes (each with the quote it stands in, if any), and the quoted words
    the article gives nobody; a region some engine read as a statement is not one."""
    text = context.text
    scare = []
    spans = {(q.start, q.end) for q in quotes}
    whole = Intervals([(q.start, q.end) for q in quotes])
    for region in scare_regions(context):
        inner = (region.inner_start, region.inner_end)
        if inner in spans:
            continue  # a model read it as somebody's statement after all
        host = next((quotes[k].id for k in whole.containing(*inner)), None)
        scare.append(ScareQuote(inner[0], inner[1], text[inner[0] : inner[1]], host))
    marked = {(s.start, s.end) for s in scare}
    for start, end in unattributed:  # quoted words the article gives nobody
        if (start, end) not in marked:
            scare.append(ScareQuote(start, end, text[start:end]))
    scare.sort(key=lambda s: (s.start, s.end))
    return tuple(scare)


class _Hosts:
    """The quotes by their parts: which quote, first in order, states a stretch of text."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = quotes
        self._owner = [number for number, q in enumerate(quotes) for _ in q.parts]
        self._parts = Intervals([part for q in quotes for part in q.parts])

    def of(self, start: int, end: int) -> Quote | None:
        found = [self._owner[k] for k in self._parts.containing(start, end)]
        return self.quotes[min(found)] if found else None


def _quote(doc: Doc, text: str, key: str, draft: Draft, ids: dict[int, str]) -> Quote:
    verdict = assess(doc, draft.pieces, draft.cue_verb)
    return Quote(
        id=key,
        kind=draft.kind,
        start=draft.start,
        end=draft.end,
        text=text[draft.start : draft.end],
        speaker=None if draft.speaker is None else ids.get(draft.speaker.key),
        speaker_mention=_chars(draft.speaker_span),
        cue=None if draft.cue is None else draft.cue.text,
        cue_span=_chars(draft.cue),
        medium=None if draft.medium is None else ids.get(draft.medium.key),
        medium_mention=_chars(draft.medium_span),
        inherited=draft.inherited,
        parts=draft.pieces,
        certainty=verdict.certainty,
        polarity=verdict.polarity,
        hedges=verdict.markers,
        stance=verdict.stance,
        type=statement_type(draft.kind, draft.cue, draft.cue_verb, draft.speaker_span,
                            None if draft.speaker is None else draft.speaker.type),
        propositions=propositions(doc, draft.pieces, text),
    )


def _relation(text: str, number: int, draft: RelationDraft, hosts: _Hosts, ids: dict[int, str]) -> Relation | None:
    subject, obj = ids.get(draft.subject.key), ids.get(draft.object.key)
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
        claimant=host.speaker if host is not None else None if draft.claimant is None else ids.get(draft.claimant.key),
        quote=None if host is None else host.id,
        certainty=Certainty(certainty),
        polarity=Polarity(polarity),
        trigger=draft.trigger,
    )


def _chars(span: SpacySpan | None) -> Span | None:
    return None if span is None else (span.start_char, span.end_char)


def language_warning(doc: Doc) -> str | None:
    """sayso's pipeline reads English: say so, rather than return nonsense, for other languages."""
    reading = doc.user_data.get(READING) or read_language(doc.text)
    return None if reading.readable else reading.warning
