"""Relations between actors — who funds, trains, backs, targets or accuses whom — and who
claims so: the speaker when the relation is stated inside a quote, else the article itself.

Verbal ("Iran funds and trains the militias"), passive ("was assassinated by the Americans"),
participial ("militants funded by, and trained by Iran"), compound adjectival ("the Iran-backed
coalition"), nominal ("has close ties with", "a member of") and role-noun ("the agency's chief
executive, Anton Reyes"; "Ravel Front commander Samir Okafor") forms are read off the parse.
Some relations name their claimant in the sentence itself: a gerund under a denial or admission
("Roe denied funding the militia"), an accusation's gerund ("Valdonia accused Bravia of funding the
insurgents") and an active link ("Police linked the gang to the family"). The parse patterns are
in :mod:`sayso.extractors.relation_patterns`; here they are resolved to actors.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..types import ActorType
from . import lexicons
from .actors import ActorBook, Cluster
from .certainty import certainty_of, predicate_markers
from .relation_patterns import (
    Triple,
    adjectival,
    adjective_predicates,
    claimer_of,
    compound_adjective,
    describes,
    is_role,
    mistagged_verb,
    nominal,
    noun_predicates,
    owned,
    role,
    role_nouns,
    verbal,
    with_conjuncts,
)
from .speakers import SpeakerResolver, mention_span

# Possessive pronouns the speaker resolver leaves alone, and the actors each can stand for.
_POSSESSIVES = {
    "their": {ActorType.GROUP, ActorType.ORG, ActorType.NORP, ActorType.GPE},
    "its": {ActorType.ORG, ActorType.MEDIA, ActorType.GPE, ActorType.LOC},
    "his": {ActorType.PERSON},
}
# Certainty values from the firmest to the least certain, for the stricter of two.
_RANK = {"asserted": 0, "hedged": 1, "doubted": 2}


@dataclass(frozen=True)
class RelationDraft:
    subject: Cluster
    predicate: str
    object: Cluster
    start: int
    end: int
    trigger: tuple[int, int]
    certainty: str
    polarity: str
    claimant: Cluster | None = None
    described: bool = False  # said in a description of a name ("Bravia's president, X"): nobody's claim


def find_relations(doc: Doc, book: ActorBook, resolver: SpeakerResolver) -> list[RelationDraft]:
    """Every relation between two actors that the parse shows, in text order."""
    found: list[RelationDraft] = []
    seen: dict[tuple, list[RelationDraft]] = {}  # drafts by their plain fields, to find repeats fast
    predicates = lexicons.relation_predicates()
    nouns, adjectives = noun_predicates(), adjective_predicates()
    for token in doc:
        lemma = token.lemma_.lower()
        triples: list[Triple] = []
        if lemma in predicates and token.pos_ == "VERB":
            triples += verbal(token, predicates[lemma])
            triples += compound_adjective(token, predicates[lemma])
        elif token.pos_ == "NOUN":
            if lemma in nouns and is_role(token, lemma):
                triples += nominal(token, nouns[lemma])
                if lemma in role_nouns():
                    triples += role(token)
                if lemma in lexicons.load("owned_relation_nouns"):
                    triples += owned(token, nouns[lemma])
            if token.lower_.endswith("s") and token.lower_[:-1] in predicates:
                triples += mistagged_verb(token, predicates[token.lower_[:-1]])
        elif token.pos_ == "ADJ" and lemma in adjectives:
            triples += adjectival(token, adjectives[lemma])
        for subject, predicate, obj, trigger in triples:
            for one_subject in with_conjuncts(subject):
                for one_object in with_conjuncts(obj):
                    draft = _draft(doc, book, resolver, one_subject, predicate, one_object, trigger)
                    if draft is not None and describes(trigger[-1]):
                        draft = replace(draft, described=True)
                    if draft is None:
                        continue
                    same = seen.setdefault((draft.predicate, draft.start, draft.end, draft.trigger), [])
                    if draft not in same:
                        same.append(draft)
                        found.append(draft)
    return found


def _draft(doc: Doc, book: ActorBook, resolver: SpeakerResolver, subject: Token | None, predicate: str,
           obj: Token | None, trigger: list[Token]) -> RelationDraft | None:
    if subject is None or obj is None:
        return None
    subject_actor = _actor(book, resolver, subject)
    object_actor = _actor(book, resolver, obj, avoid=subject_actor)
    if subject_actor is None or object_actor is None or subject_actor is object_actor:
        return None
    tokens = [*_bounds(book, subject), *_bounds(book, obj), *trigger]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    head = trigger[-1]
    markers, negated = predicate_markers(head, {t.i for t in head.sent})
    certainty: str = certainty_of(markers)
    polarity, claimant = "negative" if negated else "positive", None
    claimer, denied = claimer_of(head)
    if claimer is not None:
        claimant = _actor(book, resolver, claimer)
    if denied:
        polarity, certainty = "positive" if negated else "negative", "doubted"
    return RelationDraft(subject_actor, predicate, object_actor, start, end,
                         (trigger[0].idx, trigger[-1].idx + len(trigger[-1].text)),
                         certainty, polarity, claimant)


def _bounds(book: ActorBook, token: Token | SpacySpan) -> list[Token]:
    """The first and last token of an actor's mention, for the relation's evidence span."""
    if isinstance(token, SpacySpan):
        return [token[0], token[-1]]
    for start, end, _ in book.mentions_covering(token.i)[:1]:
        return [token.doc[start], token.doc[end - 1]]
    return [token]


def _actor(book: ActorBook, resolver: SpeakerResolver, token: Token | SpacySpan,
           avoid: Cluster | None = None) -> Cluster | None:
    """The actor a subject or object denotes; an unnamed one only if it can act ("the militias",
    not "Friday prayers"). ``avoid`` is the other side's actor, whose description may cover this
    phrase ("Marta Quell, head of the dock workers' union")."""
    span: SpacySpan = token if isinstance(token, SpacySpan) else mention_span(token)
    if not len(span):
        return None
    found = _lookup(book, resolver, token, span)
    if found is None or found is not avoid:
        return found
    # The other side's description covers this phrase: the phrase's own actor, if it has one.
    found = _named_inside(book, span, avoid)
    if found is None and _can_act(span.root):
        # Without its article, "the union" is not read back to the description it ends.
        own = span[1:] if len(span) > 1 and span[0].dep_ == "det" else span
        found = book.add_unnamed(own)
    return found


def _lookup(book: ActorBook, resolver: SpeakerResolver, token: Token | SpacySpan, span: SpacySpan) -> Cluster | None:
    named = book.in_span(span.start, span.end) if isinstance(token, SpacySpan) else book.at_token(token)
    if named is not None:
        return named
    root = span.root
    if root.lower_ in lexicons.load("place_plurals"):
        return None
    if root.lower_ in _POSSESSIVES and root.dep_ == "poss":
        return _possessor(book, root)
    named = next((book.at_token(c) for c in root.children if c.dep_ == "appos" and book.at_token(c)), None)
    if named is not None:
        return named  # "the group's founder, Abu Haidar al-Mousawi"
    if root.pos_ in {"NOUN", "PROPN"} and not _can_act(root):
        return None
    return resolver.resolve(span, speaking=False)


def _possessor(book: ActorBook, pronoun: Token) -> Cluster | None:
    """ "Activists blocked the road. Their leader, …": the nearest fitting actor before the
    pronoun in its sentence, else the first one, subjects first, in the sentence before."""
    fits = _POSSESSIVES[pronoun.lower_]
    sentence = pronoun.sent
    here = [(s, c) for s, e, c in book.mentions_inside(sentence.start, pronoun.i) if c.type in fits]
    if here:
        return max(here, key=lambda m: m[0])[1]
    if sentence.start == 0:
        return None
    before = pronoun.doc[sentence.start - 1].sent
    earlier = sorted(((s, e, c) for s, e, c in book.mentions_inside(before.start, before.end) if c.type in fits),
                     key=lambda m: m[:2])
    subjects = [c for s, e, c in earlier if pronoun.doc[s:e].root.dep_ in {"nsubj", "nsubjpass"}]
    return subjects[0] if subjects else earlier[0][2] if earlier else None


def _can_act(root: Token) -> bool:
    return root.lemma_.lower() in lexicons.agent_nouns() or root.pos_ == "PROPN" and root.is_title


def _named_inside(book: ActorBook, span: SpacySpan, avoid: Cluster) -> Cluster | None:
    """A named actor whose own mention lies inside ``span``, other than ``avoid``."""
    inside = [(s, e, c) for s, e, c in book.mentions_inside(span.start, span.end) if c is not avoid]
    covering = [c for s, e, c in inside if s <= span.root.i < e]
    return covering[0] if covering else inside[0][2] if inside else None


def stricter(a: str, b: str) -> str:
    """The less certain of two certainty values."""
    return a if _RANK.get(a, 0) >= _RANK.get(b, 0) else b
