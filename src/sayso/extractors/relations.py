"""Relations between actors — who funds, trains, backs, targets or accuses whom — and who
claims so: the speaker when the relation is stated inside a quote, else the article itself.

Verbal ("Iran funds and trains the militias"), passive ("was assassinated by the Americans"),
participial ("militants funded by, and trained by Iran"), compound adjectival ("the Iran-backed
coalition") and nominal ("has close ties with", "a member of") forms are read off the parse.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token

from . import lexicons
from .actors import ActorBook, Cluster
from .certainty import _predicate_markers
from .speakers import SpeakerResolver, mention_span, subject_of

# Nouns that carry a relation: "close ties with", "a member of", "the leader of".
_NOUN_PREDICATES = {
    "tie": "ties_with", "link": "ties_with", "connection": "ties_with", "relationship": "ties_with",
    "alliance": "allied_with", "ally": "allied_with", "member": "member_of", "leader": "leads",
    "head": "leads", "chief": "leads", "commander": "leads", "founder": "leads", "proxy": "proxy_of",
}
_ADJECTIVE_PREDICATES = {"loyal": "loyal_to", "allied": "allied_with", "close": "ties_with", "linked": "ties_with"}
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


def find_relations(doc: Doc, book: ActorBook, resolver: SpeakerResolver) -> list[RelationDraft]:
    """Every relation between two actors that the parse shows, in text order."""
    found: list[RelationDraft] = []
    predicates = lexicons.relation_predicates()
    for token in doc:
        lemma = token.lemma_.lower()
        triples: list[tuple[Token | None, str, Token | None, list[Token]]] = []
        if lemma in predicates and token.pos_ == "VERB":
            triples += _verbal(token, predicates[lemma])
            triples += _compound_adjective(token, predicates[lemma])
        elif token.pos_ == "NOUN":
            if lemma in _NOUN_PREDICATES:
                triples += _nominal(token, _NOUN_PREDICATES[lemma])
            if token.lower_.endswith("s") and token.lower_[:-1] in predicates:
                triples += _mistagged_verb(token, predicates[token.lower_[:-1]])
        elif token.pos_ == "ADJ" and lemma in _ADJECTIVE_PREDICATES:
            triples += _adjectival(token, _ADJECTIVE_PREDICATES[lemma])
        for subject, predicate, obj, trigger in triples:
            draft = _draft(doc, book, resolver, subject, predicate, obj, trigger)
            if draft is not None and draft not in found:
                found.append(draft)
    return found


def _verbal(verb: Token, predicate: str) -> list[tuple]:
    if verb.dep_ == "amod":
        return []
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or verb.dep_ == "acl"
    if passive or verb.tag_ == "VBN" and verb.dep_ in {"acl", "conj"} and _agent(verb) is not None:
        subject = _agent(verb)
        obj = _passive_patient(verb)
    else:
        subject = subject_of(verb)
        obj = _object(verb)
    return [(subject, predicate, obj, [verb])]


def _mistagged_verb(token: Token, predicate: str) -> list[tuple]:
    """ "Iran funds and trains the militias" parsed as a noun "funds" with "Iran" as its
    compound: read it as the verb it is when a verb is coordinated with it."""
    subject = next((c for c in token.children if c.dep_ == "compound" and c.ent_type_), None)
    verb = next((c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    if subject is None or verb is None:
        return []
    obj = _object(verb)
    triples = [(subject, predicate, obj, [token])]
    lemma = verb.lemma_.lower()
    if lemma in lexicons.relation_predicates():
        triples.append((subject, lexicons.relation_predicates()[lemma], obj, [verb]))
    return triples


def _agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive, shared across "funded by, and trained by Iran"."""
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
            # "funded by, and trained by Iran": a dangling "by" takes the next agent's noun.
            for later in verb.doc[child.i + 1 : verb.sent.end]:
                if later.dep_ == "agent":
                    pobj = next((c for c in later.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        return pobj
    for conj in verb.conjuncts:
        for child in conj.children:
            if child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return None


def _passive_patient(verb: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None:
        return subject
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return verb.head  # "militants funded by Iran"
    if verb.dep_ == "conj":
        return _passive_patient(verb.head)
    return None


def _object(verb: Token) -> Token | None:
    """The direct object, shared across "funds and trains the militias"."""
    for child in verb.children:
        if child.dep_ in {"dobj", "obj"}:
            return child
    for conj in verb.conjuncts:
        if conj.i > verb.i:
            for child in conj.children:
                if child.dep_ in {"dobj", "obj"}:
                    return child
    return None


def _compound_adjective(verb: Token, predicate: str) -> list[tuple]:
    """ "the Iran-backed Fatah coalition": Iran backs the coalition."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text not in {"-", "‑", "–"} or verb.tag_ not in {"VBN", "JJ"}:
        return []
    subject = doc[verb.i - 2]
    noun = verb.head if verb.dep_ in {"amod", "compound", "npadvmod"} else None
    while noun is not None and noun.dep_ in {"compound", "amod"} and noun.head.i > noun.i:
        noun = noun.head
    if noun is None or noun.pos_ not in {"NOUN", "PROPN"}:
        return []
    # The object is named by the words after the adjective: "[the Iran-backed] Rising Dawn coalition".
    return [(subject, predicate, doc[verb.i + 1 : noun.i + 1], [doc[verb.i - 2], doc[verb.i - 1], verb])]


def _nominal(noun: Token, predicate: str) -> list[tuple]:
    """ "X has close ties with Y"; "X, a member of Y"; "X is the leader of Y"."""
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"with", "of", "to", "for"}), None)
    target = None if prep is None else next((c for c in prep.children if c.dep_ == "pobj"), None)
    if target is None:
        return []
    if noun.dep_ == "dobj" and noun.head.lemma_ in {"have", "maintain", "keep", "build", "forge"}:
        subject = subject_of(noun.head)
    elif noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subject = subject_of(noun.head)
    elif noun.dep_ == "appos":
        subject = noun.head
    else:
        return []
    return [(subject, predicate, target, [noun])]


def _adjectival(adjective: Token, predicate: str) -> list[tuple]:
    """ "X is loyal to Y", "X is closely allied with Y"."""
    prep = next((c for c in adjective.children if c.dep_ == "prep" and c.lower_ in {"to", "with"}), None)
    target = None if prep is None else next((c for c in prep.children if c.dep_ == "pobj"), None)
    if target is None or adjective.dep_ not in {"acomp", "amod", "advcl", "oprd"}:
        return []
    subject = subject_of(adjective.head) if adjective.dep_ == "acomp" else adjective.head
    return [(subject, predicate, target, [adjective])]


def _draft(doc: Doc, book: ActorBook, resolver: SpeakerResolver, subject: Token | None, predicate: str,
           obj: Token | None, trigger: list[Token]) -> RelationDraft | None:
    if subject is None or obj is None:
        return None
    subject_actor = _actor(book, resolver, subject)
    object_actor = _actor(book, resolver, obj)
    if subject_actor is None or object_actor is None or subject_actor is object_actor:
        return None
    tokens = [*_bounds(book, subject), *_bounds(book, obj), *trigger]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    head = trigger[-1]
    markers, negated = _predicate_markers(head, {t.i for t in head.sent})
    kinds = {m.kind for m in markers}
    certainty = "doubted" if "doubt" in kinds else "hedged" if "hedge" in kinds else "asserted"
    return RelationDraft(subject_actor, predicate, object_actor, start, end,
                         (trigger[0].idx, trigger[-1].idx + len(trigger[-1].text)),
                         certainty, "negative" if negated else "positive")


def _bounds(book: ActorBook, token: Token | SpacySpan) -> list[Token]:
    """The first and last token of an actor's mention, for the relation's evidence span."""
    if isinstance(token, SpacySpan):
        return [token[0], token[-1]]
    for start, end, _ in book.records:
        if start <= token.i < end:
            return [token.doc[start], token.doc[end - 1]]
    return [token]


def _actor(book: ActorBook, resolver: SpeakerResolver, token: Token | SpacySpan) -> Cluster | None:
    """The actor a subject or object denotes; an unnamed one only if it can act ("the militias",
    not "Friday prayers")."""
    span: SpacySpan = token if isinstance(token, SpacySpan) else mention_span(token)
    named = book.in_span(span.start, span.end) if isinstance(token, SpacySpan) else book.at_token(token)
    if named is not None:
        return named
    root = span.root
    named = next((book.at_token(c) for c in root.children if c.dep_ == "appos" and book.at_token(c)), None)
    if named is not None:
        return named  # "the group's founder, Abu Haidar al-Mousawi"
    if root.pos_ in {"NOUN", "PROPN"} and root.lemma_.lower() not in lexicons.agent_nouns() and not (
        root.pos_ == "PROPN" and root.is_title
    ):
        return None
    return resolver.resolve(span, speaking=False)


def stricter(a: str, b: str) -> str:
    """The less certain of two certainty values."""
    return a if _RANK.get(a, 0) >= _RANK.get(b, 0) else b
