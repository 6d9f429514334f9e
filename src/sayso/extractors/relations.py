"""Relations between actors — who funds, trains, backs, targets or accuses whom — and who
claims so: the speaker when the relation is stated inside a quote, else the article itself.

Verbal ("Iran funds and trains the militias"), passive ("was assassinated by the Americans"),
participial ("militants funded by, and trained by Iran"), compound adjectival ("the Iran-backed
coalition"), nominal ("has close ties with", "a member of") and role-noun ("the agency's chief
executive, Anton Reyes"; "Ravel Front commander Samir Okafor") forms are read off the parse.
Some relations name their claimant in the sentence itself: a gerund under a denial or admission
("Roe denied funding the militia"), an accusation's gerund ("Valdonia accused Bravia of funding the
insurgents") and an active link ("Police linked the gang to the family").
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..types import ActorType
from . import lexicons
from .actors import ActorBook, Cluster
from .certainty import certainty_of, predicate_markers
from .speakers import SpeakerResolver, mention_span, subject_of

# Nouns that carry a relation: "close ties with", "a member of", "the leader of".
_NOUN_PREDICATES = {
    "tie": "ties_with", "link": "ties_with", "connection": "ties_with", "relationship": "ties_with",
    "alliance": "allied_with", "ally": "allied_with", "member": "member_of", "leader": "leads",
    "head": "leads", "chief": "leads", "commander": "leads", "founder": "leads", "proxy": "proxy_of",
    "president": "leads", "chairman": "leads", "chairwoman": "leads", "chairperson": "leads", "chair": "leads",
    "director": "leads", "boss": "leads", "ceo": "leads", "executive": "leads",
}
# Nouns that name a role at the head of a group: "Bravia's president, X"; "union leader X".
_ROLE_NOUNS = frozenset(k for k, v in _NOUN_PREDICATES.items() if v == "leads")
# Relation nouns that take their other actor as a possessive or modifier: "our ally", "an Ostland proxy".
_OWNED_NOUNS = frozenset({"ally", "proxy"})
# Verbs over a gerund that say who claims it, and whether they deny it: "denied funding …".
_CLAIMING_VERBS = {"deny": "negative", "reject": "negative", "admit": "positive", "acknowledge": "positive",
                   "confess": "positive", "confirm": "positive"}
# Verbs whose "of"/"for" gerund states what the accused did: "accused Bravia of funding …".
_ACCUSING_VERBS = frozenset({"accuse", "charge", "blame", "suspect", "convict"})
# "the town of Dunmore": the name after "of" is the place meant.
_SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "port", "capital", "district", "province", "region"})
# Possessive pronouns the speaker resolver leaves alone, and the actors each can stand for.
_POSSESSIVES = {
    "their": {ActorType.GROUP, ActorType.ORG, ActorType.NORP, ActorType.GPE},
    "its": {ActorType.ORG, ActorType.MEDIA, ActorType.GPE, ActorType.LOC},
    "his": {ActorType.PERSON},
}
# Plural nouns that name buildings rather than the group in them: "raided the offices of …".
_PLACE_PLURALS = frozenset({"offices", "headquarters", "premises"})
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
    claimant: Cluster | None = None
    described: bool = False  # said in a description of a name ("Bravia's president, X"): nobody's claim


def find_relations(doc: Doc, book: ActorBook, resolver: SpeakerResolver) -> list[RelationDraft]:
    """Every relation between two actors that the parse shows, in text order."""
    found: list[RelationDraft] = []
    seen: dict[tuple, list[RelationDraft]] = {}  # drafts by their plain fields, to find repeats fast
    predicates = lexicons.relation_predicates()
    for token in doc:
        lemma = token.lemma_.lower()
        triples: list[tuple[Token | None, str, Token | None, list[Token]]] = []
        if lemma in predicates and token.pos_ == "VERB":
            triples += _verbal(token, predicates[lemma])
            triples += _compound_adjective(token, predicates[lemma])
        elif token.pos_ == "NOUN":
            if lemma in _NOUN_PREDICATES and _is_role(token, lemma):
                triples += _nominal(token, _NOUN_PREDICATES[lemma])
                if lemma in _ROLE_NOUNS:
                    triples += _role(token)
                if lemma in _OWNED_NOUNS:
                    triples += _owned(token, _NOUN_PREDICATES[lemma])
            if token.lower_.endswith("s") and token.lower_[:-1] in predicates:
                triples += _mistagged_verb(token, predicates[token.lower_[:-1]])
        elif token.pos_ == "ADJ" and lemma in _ADJECTIVE_PREDICATES:
            triples += _adjectival(token, _ADJECTIVE_PREDICATES[lemma])
        for subject, predicate, obj, trigger in triples:
            for one_subject in _with_conjuncts(subject):
                for one_object in _with_conjuncts(obj):
                    draft = _draft(doc, book, resolver, one_subject, predicate, one_object, trigger)
                    if draft is not None and _describes(trigger[-1]):
                        draft = replace(draft, described=True)
                    if draft is None:
                        continue
                    same = seen.setdefault((draft.predicate, draft.start, draft.end, draft.trigger), [])
                    if draft not in same:
                        same.append(draft)
                        found.append(draft)
    return found


def _with_conjuncts(token: Token | SpacySpan | None) -> list:
    """ "endorsed by Tobias Lund and Mara Voss": each coordinated noun takes part in the relation."""
    if not isinstance(token, Token):
        return [token]
    return [token, *(c for c in token.conjuncts if c.pos_ in {"NOUN", "PROPN", "PRON"} and c.i > token.i
                     and not _own_description(c))]


def _own_description(name: Token) -> bool:
    """ "Union leader Emil Roth and the bank's former chairman Ole Dahl": a conjunct with its own
    title or role before it does not share the first one's relation."""
    return name.pos_ == "PROPN" and any(t.pos_ == "NOUN" and t.dep_ in {"compound", "nmod", "poss"} for t in name.lefts)


def _describes(trigger: Token) -> bool:
    """A title in a description of a name: "X, head of Y"; "Y's president, X"; "Y commander X".
    Titles identify; a label such as "proxy" stays the claim of whoever uses it."""
    if trigger.pos_ != "NOUN" or trigger.lemma_.lower() not in _ROLE_NOUNS:
        return False
    return trigger.dep_ in {"appos", "compound"} or any(c.dep_ == "appos" for c in trigger.children)


# Modifiers of a role noun that take the lead away: "deputy director", "vice-president", "former
# chairman" (a deputy does not lead the group, a former chairman no longer does).
_NOT_LEADING = frozenset({"deputy", "vice", "assistant", "associate", "former", "ex", "outgoing", "sub"})


def _is_role(noun: Token, lemma: str) -> bool:
    """ "executive" names a leader only as a "chief executive"; no role names one under a deputy's
    or past title ("the Chronicle's deputy director", "vice-president Tom Hale")."""
    if lemma in _ROLE_NOUNS and _demoted(noun):
        return False
    return lemma != "executive" or any(c.lower_ == "chief" for c in noun.children if c.i < noun.i)


def _demoted(noun: Token) -> bool:
    doc = noun.doc
    left = [t.lower_ for t in noun.lefts if t.dep_ in {"amod", "compound", "nmod", "advmod"}]
    near = [doc[i].lower_ for i in range(max(0, noun.i - 2), noun.i)]  # "vice - president"
    return any(w.rstrip("-") in _NOT_LEADING for w in left + near)


def _verbal(verb: Token, predicate: str) -> list[tuple]:
    if verb.dep_ == "amod":
        return []
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or verb.dep_ == "acl"
    partner = _pobj(verb, {"with", "to"}) if predicate in {"allied_with", "ties_with"} else None
    if passive and _agent(verb) is None and partner is not None:
        # "X is allied with Y", "X has been linked to Y": the partner is in the prepositional phrase.
        return [(_passive_patient(verb), predicate, partner, [verb])]
    if not passive and partner is not None and _object(verb) is not None:
        # "Police have linked the gang to the family": the police claim the gang's ties.
        return [(_object(verb), predicate, partner, [verb])]
    if passive or verb.tag_ == "VBN" and verb.dep_ in {"acl", "conj"} and _agent(verb) is not None:
        obj = _passive_patient(verb)
        return [(agent, predicate, obj, [verb]) for agent in _agents(verb)] or [(None, predicate, obj, [verb])]
    accusation = _accusation(verb)
    subject = subject_of(verb) if accusation is None else _accused(accusation)
    return [(subject, predicate, _place_named(_object(verb)), [verb])]


def _agents(verb: Token) -> list[Token]:
    """The passive's agent, and any coordinated "by" phrase: "by the party and by Tobias Lund"."""
    first = _agent(verb)
    if first is None:
        return []
    more = [later for child in verb.children if child.dep_ == "agent" for conj in child.conjuncts
            if conj.lower_ == "by" for later in conj.children if later.dep_ == "pobj"]
    return [first, *more]


def _accusation(verb: Token) -> Token | None:
    """ "Valdonia accused Bravia of funding the insurgents": the accusing verb over the gerund."""
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in {"of", "for"}:
        accusing = verb.head.head
        if accusing.lemma_.lower() in _ACCUSING_VERBS:
            return accusing
    return None


def _accused(accusing: Token) -> Token | None:
    return _object(accusing) or next((c for c in accusing.children if c.dep_ == "nsubjpass"), None)


def _place_named(obj: Token | None) -> Token | None:
    """ "shelled the town of Dunmore": the named place, not the word "town"."""
    if obj is not None and obj.lemma_.lower() in _SETTLEMENT_NOUNS:
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
    if verb.dep_ in {"xcomp", "ccomp", "pcomp", "dobj"} and head.lemma_.lower() in _CLAIMING_VERBS:
        return head
    return None


def _claimer(verb: Token) -> tuple[Token | None, bool]:
    """Who, in the sentence, claims the relation a verb states, and whether they deny it:
    "Roe denied funding …", "Valdonia accused Bravia of funding …", "Police linked the gang to …"."""
    claiming = _claiming_verb(verb)
    if claiming is not None:
        denies = _CLAIMING_VERBS[claiming.lemma_.lower()] == "negative"
        if any(c.dep_ == "neg" for c in claiming.children):
            # "did not deny funding …" denies nothing; "did not admit hiring …" claims nothing.
            return (subject_of(claiming), False) if denies else (None, False)
        return subject_of(claiming), denies
    accusing = _accusation(verb)
    if accusing is not None:
        return subject_of(accusing) or _agent(accusing), False
    if verb.lemma_.lower() in {"link", "tie"} and _object(verb) is not None and _pobj(verb, {"with", "to"}) is not None:
        return subject_of(verb), False
    return None, False


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
    if verb.dep_ == "xcomp":
        # "X is believed to be linked to Y", "X appears to be funded by Y".
        return next((c for c in verb.head.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
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
    target = _pobj(noun, {"with", "of", "to", "for"})
    if target is None:
        return []
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and predicate in {"ties_with", "allied_with"}:
        subject = noun.doc[owner.left_edge.i : owner.i + 1]  # "the ring's links with customs officials"
    elif noun.dep_ == "dobj" and noun.head.lemma_ in {"have", "maintain", "keep", "build", "forge"}:
        subject = subject_of(noun.head)
    elif noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subject = subject_of(noun.head)
    elif noun.dep_ == "appos":
        subject = noun.head
    else:
        return []
    return [(subject, predicate, target, [noun])]


def _role(noun: Token) -> list[tuple]:
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
        group = owner if owner.pos_ == "PRON" else doc[owner.left_edge.i : owner.i + 1]
        return [(person, "leads", group, [noun])]
    modifiers = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i and c.pos_ in {"PROPN", "NOUN"}]
    group = doc[modifiers[0].left_edge.i : modifiers[-1].i + 1] if modifiers else None
    return [(person, "leads", group, [noun])] if group is not None and _names_group(group) else []


def _names_group(span: SpacySpan) -> bool:
    """ "Ravel Front commander", "union leader" name a group; "rebel commander" only a kind."""
    return any(t.pos_ == "PROPN" for t in span) or span.root.lemma_.lower() in lexicons.org_nouns()


def _owned(noun: Token, predicate: str) -> list[tuple]:
    """ "Bravia is our closest ally"; "the Black Lantern, an Ostland proxy": the other actor is the
    noun's possessive or name modifier."""
    doc = noun.doc
    other = next((c for c in noun.children if c.dep_ == "poss"), None)
    if other is None:
        named = [c for c in noun.children if c.dep_ in {"compound", "amod"} and c.i < noun.i and c.pos_ == "PROPN"]
        if not named:
            return []
        other = doc[named[0].left_edge.i : named[-1].i + 1]
    elif other.pos_ != "PRON":
        other = doc[other.left_edge.i : other.i + 1]
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subject = subject_of(noun.head)
    elif noun.dep_ == "appos":
        subject = noun.head
    else:
        return []
    return [(subject, predicate, other, [noun])]


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
    object_actor = _actor(book, resolver, obj, avoid=subject_actor)
    if subject_actor is None or object_actor is None or subject_actor is object_actor:
        return None
    tokens = [*_bounds(book, subject), *_bounds(book, obj), *trigger]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    head = trigger[-1]
    markers, negated = predicate_markers(head, {t.i for t in head.sent})
    certainty = certainty_of(markers)
    polarity, claimant = "negative" if negated else "positive", None
    claimer, denied = _claimer(head)
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
    if root.lower_ in _PLACE_PLURALS:
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
