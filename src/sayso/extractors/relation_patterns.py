"""The parse patterns that state a relation, each giving ``(subject, predicate, object, trigger)``
tuples for :func:`sayso.extractors.relations.find_relations` to resolve to actors.

Verbal ("Iran funds and trains the militias"), passive ("was assassinated by the Americans"),
participial ("militants funded by, and trained by Iran"), compound adjectival ("the Iran-backed
coalition"), nominal ("has close ties with", "a member of") and role-noun ("the agency's chief
executive, Anton Reyes") forms, and the claimant a sentence names itself (:func:`claimer_of`).
Their words are lexicons: ``relations.txt``, ``relation_nouns.txt``, ``claiming_verbs.txt``…
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.tokens import Span as SpacySpan, Token

from . import lexicons
from .speakers import subject_of

#: How far left of a role noun its demoting modifier may sit when the parse splits it off:
#: two tokens cover "vice - president" (the word and a hyphen token).
DEMOTER_WINDOW = 2

#: One relation as a parse pattern reads it: subject, predicate, object, trigger tokens.
Triple = tuple[Any, str, Any, list[Token]]


def noun_predicates() -> dict[str, str]:
    """Relation noun lemma → predicate (``relation_nouns.txt``)."""
    return lexicons.table("relation_nouns")


@lru_cache(maxsize=None)
def role_nouns() -> frozenset[str]:
    """Nouns that name a role at the head of a group: "Bravia's president, X"; "union leader X"."""
    return frozenset(k for k, v in noun_predicates().items() if v == "leads")


def adjective_predicates() -> dict[str, str]:
    """Relation adjective lemma → predicate (``relation_adjectives.txt``)."""
    return lexicons.table("relation_adjectives")


def with_conjuncts(token: Token | SpacySpan | None) -> list:
    """ "endorsed by Tobias Lund and Mara Voss": each coordinated noun takes part in the relation."""
    if not isinstance(token, Token):
        return [token]
    return [token, *(c for c in token.conjuncts if c.pos_ in {"NOUN", "PROPN", "PRON"} and c.i > token.i
                     and not _own_description(c))]


def _own_description(name: Token) -> bool:
    """ "Union leader Emil Roth and the bank's former chairman Ole Dahl": a conjunct with its own
    title or role before it does not share the first one's relation."""
    return name.pos_ == "PROPN" and any(t.pos_ == "NOUN" and t.dep_ in {"compound", "nmod", "poss"} for t in name.lefts)


def describes(trigger: Token) -> bool:
    """A title in a description of a name: "X, head of Y"; "Y's president, X"; "Y commander X".
    Titles identify; a label such as "proxy" stays the claim of whoever uses it."""
    if trigger.pos_ != "NOUN" or trigger.lemma_.lower() not in role_nouns():
        return False
    return trigger.dep_ in {"appos", "compound"} or any(c.dep_ == "appos" for c in trigger.children)


def is_role(noun: Token, lemma: str) -> bool:
    """ "executive" names a leader only as a "chief executive"; no role names one under a deputy's
    or past title ("the Chronicle's deputy director", "vice-president Tom Hale")."""
    if lemma in role_nouns() and _demoted(noun):
        return False
    return lemma != "executive" or any(c.lower_ == "chief" for c in noun.children if c.i < noun.i)


def _demoted(noun: Token) -> bool:
    doc = noun.doc
    left = [t.lower_ for t in noun.lefts if t.dep_ in {"amod", "compound", "nmod", "advmod"}]
    near = [doc[i].lower_ for i in range(max(0, noun.i - DEMOTER_WINDOW), noun.i)]  # "vice - president"
    return any(w.rstrip("-") in lexicons.load("not_leading") for w in left + near)


def verbal(verb: Token, predicate: str) -> list[Triple]:
    if verb.dep_ == "amod":
        return []
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or verb.dep_ == "acl"
    partner = _pobj(verb, {"with", "to"}) if predicate in {"allied_with", "ties_with"} else None
    if passive and agent(verb) is None and partner is not None:
        # "X is allied with Y", "X has been linked to Y": the partner is in the prepositional phrase.
        return [(_passive_patient(verb), predicate, partner, [verb])]
    if not passive and partner is not None and object_of(verb) is not None:
        # "Police have linked the gang to the family": the police claim the gang's ties.
        return [(object_of(verb), predicate, partner, [verb])]
    if passive or verb.tag_ == "VBN" and verb.dep_ in {"acl", "conj"} and agent(verb) is not None:
        obj = _passive_patient(verb)
        return [(agent, predicate, obj, [verb]) for agent in _agents(verb)] or [(None, predicate, obj, [verb])]
    accusation = _accusation(verb)
    subject = subject_of(verb) if accusation is None else _accused(accusation)
    return [(subject, predicate, _place_named(object_of(verb)), [verb])]


def _agents(verb: Token) -> list[Token]:
    """The passive's agent, and any coordinated "by" phrase: "by the party and by Tobias Lund"."""
    first = agent(verb)
    if first is None:
        return []
    more = [later for child in verb.children if child.dep_ == "agent" for conj in child.conjuncts
            if conj.lower_ == "by" for later in conj.children if later.dep_ == "pobj"]
    return [first, *more]


def _accusation(verb: Token) -> Token | None:
    """ "Valdonia accused Bravia of funding the insurgents": the accusing verb over the gerund."""
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in {"of", "for"}:
        accusing = verb.head.head
        if accusing.lemma_.lower() in lexicons.load("accusing_verbs"):
            return accusing
    return None


def _accused(accusing: Token) -> Token | None:
    return object_of(accusing) or next((c for c in accusing.children if c.dep_ == "nsubjpass"), None)


def _place_named(obj: Token | None) -> Token | None:
    """ "shelled the town of Dunmore": the named place, not the word "town"."""
    if obj is not None and obj.lemma_.lower() in lexicons.load("settlement_nouns"):
        name = _pobj(obj, {"of"})
        if name is not None and name.pos_ == "PROPN":
            return name
    return obj


def _pobj(head: Token, words: set[str]) -> Token | None:
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in words), None)
    return None if prep is None else next((c for c in prep.children if c.dep_ == "pobj"), None)


def _claiming_verb(verb: Token) -> Token | None:
    """ "Roe denied funding the militia": the verb over a gerund that claims or denies it."""
    if verb.tag_ != "VBG":
        return None
    head = verb.head
    while verb.dep_ == "conj" and head.tag_ == "VBG":
        verb, head = head, head.head
    if verb.dep_ in {"xcomp", "ccomp", "pcomp", "dobj"} and head.lemma_.lower() in lexicons.table("claiming_verbs"):
        return head
    return None


def claimer_of(verb: Token) -> tuple[Token | None, bool]:
    """Who, in the sentence, claims the relation a verb states, and whether they deny it:
    "Roe denied funding …", "Valdonia accused Bravia of funding …", "Police linked the gang to …"."""
    claiming = _claiming_verb(verb)
    if claiming is not None:
        denies = lexicons.table("claiming_verbs")[claiming.lemma_.lower()] == "negative"
        if any(c.dep_ == "neg" for c in claiming.children):
            # "did not deny funding …" denies nothing; "did not admit hiring …" claims nothing.
            return (subject_of(claiming), False) if denies else (None, False)
        return subject_of(claiming), denies
    accusing = _accusation(verb)
    if accusing is not None:
        return subject_of(accusing) or agent(accusing), False
    if verb.lemma_.lower() in {"link", "tie"} and object_of(verb) is not None and _pobj(verb, {"with", "to"}) is not None:
        return subject_of(verb), False
    return None, False


def mistagged_verb(token: Token, predicate: str) -> list[Triple]:
    """ "Iran funds and trains the militias" parsed as a noun "funds" with "Iran" as its
    compound: read it as the verb it is when a verb is coordinated with it."""
    subject = next((c for c in token.children if c.dep_ == "compound" and c.ent_type_), None)
    verb = next((c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    if subject is None or verb is None:
        return []
    obj = object_of(verb)
    triples = [(subject, predicate, obj, [token])]
    lemma = verb.lemma_.lower()
    if lemma in lexicons.relation_predicates():
        triples.append((subject, lexicons.relation_predicates()[lemma], obj, [verb]))
    return triples


def agent(verb: Token) -> Token | None:
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
    if verb.dep_ == "xcomp":
        # "X is believed to be linked to Y", "X appears to be funded by Y".
        return next((c for c in verb.head.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
    return None


def object_of(verb: Token) -> Token | None:
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


def compound_adjective(verb: Token, predicate: str) -> list[Triple]:
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


def nominal(noun: Token, predicate: str) -> list[Triple]:
    """ "X has close ties with Y"; "X, a member of Y"; "X is the leader of Y"."""
    target = _pobj(noun, {"with", "of", "to", "for"})
    if target is None:
        return []
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    subject: Token | SpacySpan | None
    if owner is not None and predicate in {"ties_with", "allied_with"}:
        subject = noun.doc[owner.left_edge.i : owner.i + 1]  # "the ring's links with customs officials"
    elif noun.dep_ == "dobj" and noun.head.lemma_ in lexicons.load("tie_verbs"):
        subject = subject_of(noun.head)
    elif noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subject = subject_of(noun.head)
    elif noun.dep_ == "appos":
        subject = noun.head
    else:
        return []
    return [(subject, predicate, target, [noun])]


def role(noun: Token) -> list[Triple]:
    """ "The agency's chief executive, Anton Reyes"; "Bravia's president Henrik Alm"; "their
    leader, Sofie Marsh"; "Ravel Front commander Samir Okafor": the named person leads the group."""
    doc = noun.doc
    person = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if person is None and noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.head.i < noun.i:
        person = noun.head  # "Anton Reyes, the agency's chief executive"
    if person is None and noun.dep_ == "compound" and noun.head.pos_ == "PROPN" and noun.head.i > noun.i:
        person = noun.head  # "union leader Emil Roth"
    if person is None:
        return []
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        # "Sara Berg, the Chronicle's head of sport": she leads the sport desk, not the Chronicle.
        return []
    if owner is not None:
        owning = owner if owner.pos_ == "PRON" else doc[owner.left_edge.i : owner.i + 1]
        return [(person, "leads", owning, [noun])]
    modifiers = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i and c.pos_ in {"PROPN", "NOUN"}]
    group = doc[modifiers[0].left_edge.i : modifiers[-1].i + 1] if modifiers else None
    return [(person, "leads", group, [noun])] if group is not None and _names_group(group) else []


def _names_group(span: SpacySpan) -> bool:
    """ "Ravel Front commander", "union leader" name a group; "rebel commander" only a kind."""
    return any(t.pos_ == "PROPN" for t in span) or span.root.lemma_.lower() in lexicons.org_nouns()


def owned(noun: Token, predicate: str) -> list[Triple]:
    """ "Bravia is our closest ally"; "the Black Lantern, an Ostland proxy": the other actor is the
    noun's possessive or name modifier."""
    doc = noun.doc
    possessive = next((c for c in noun.children if c.dep_ == "poss"), None)
    other: Token | SpacySpan | None = possessive
    if possessive is None:
        named = [c for c in noun.children if c.dep_ in {"compound", "amod"} and c.i < noun.i and c.pos_ == "PROPN"]
        if not named:
            return []
        other = doc[named[0].left_edge.i : named[-1].i + 1]
    elif possessive.pos_ != "PRON":
        other = doc[possessive.left_edge.i : possessive.i + 1]
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subject = subject_of(noun.head)
    elif noun.dep_ == "appos":
        subject = noun.head
    else:
        return []
    return [(subject, predicate, other, [noun])]


def adjectival(adjective: Token, predicate: str) -> list[Triple]:
    """ "X is loyal to Y", "X is closely allied with Y"."""
    prep = next((c for c in adjective.children if c.dep_ == "prep" and c.lower_ in {"to", "with"}), None)
    target = None if prep is None else next((c for c in prep.children if c.dep_ == "pobj"), None)
    if target is None or adjective.dep_ not in {"acomp", "amod", "advcl", "oprd"}:
        return []
    subject = subject_of(adjective.head) if adjective.dep_ == "acomp" else adjective.head
    return [(subject, predicate, target, [adjective])]
