"""What a reported content is: a proposition (a clause, an infinitive, quoted words), a topic or
the target of an attitude ("discussed his background"), or a referent that is no message at all
(the listener, a figure). The statement stage asks these questions of each draft's content."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from . import lexicons
from .context import DocContext

_FINITE = {"VBD", "VBP", "VBZ", "MD"}
#: Clauses that describe a noun rather than state anything: relative clauses, participles and
#: infinitives that modify it.
_NOUN_MODIFIERS = {"relcl", "acl"}


def proposition(content: SpacySpan, context: DocContext, marks: bool = True) -> bool:
    """A clause, a to-infinitive, a that/whether/wh-clause, a gerund clause, or (with ``marks``)
    quoted words; not a noun phrase whose verbs all sit in its modifiers ("the member who wishes
    to leave", "the option to come", "examples … including", "the conflict involving the
    Church")."""
    if marks and any(context.in_quote[t.i] >= 0 for t in content if not t.is_punct):
        return True
    # "accusations that its soldiers had fired", "his plan to ban …": the clause of a claim or a
    # plan is its proposition.
    claims = claim_heads()
    modifiers = {m.i for t in content if t.dep_ in _NOUN_MODIFIERS and t.head.pos_ in {"NOUN", "PROPN", "PRON"}
                 and content.start <= t.head.i < content.end and t != content.root
                 and t.head.lemma_.lower() not in claims for m in t.subtree}
    for token in content:
        if token.i in modifiers:
            continue
        if token.tag_ in _FINITE or token.tag_ == "VBG" and token.dep_ not in {"amod", "compound", "prep"}:
            return True
        if token.pos_ in {"VERB", "AUX"} and any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children):
            return True
    return False


@lru_cache(maxsize=None)
def claim_heads() -> frozenset[str]:
    """Nouns whose clause states what they claim or plan: "accusation", "plan", "proposal"."""
    return lexicons.load("proposition_nouns") | lexicons.load("claim_nouns") | lexicons.load("intention_nouns") \
        | lexicons.load("message_object_verbs")


def topic(content: SpacySpan, cue: set[str]) -> bool:
    """A noun phrase is a message only for a cue whose object can be one ("announced the start
    of talks", "called for a ceasefire"); after any other cue it is a topic or the target of an
    attitude ("discussed his background", "defended the government's record"), and so is a
    feeling ("expressed her sadness", "voiced concerns regarding …") or the object of a cue of
    telling about ("explained the changes", unless a claim or plan: "revealed plans"). A noun phrase
    with a predicate of its own ("described the ruling as historic") is a proposition, and so are
    two objects of one verb, the second predicated of the first ("designated the group a
    terrorist organisation", which the parser reads as two objects)."""
    head = content.root.lemma_.lower()
    told_about = cue & lexicons.load("topic_object_verbs") and head not in claim_heads()
    if cue & lexicons.load("message_object_verbs") and not told_about and head not in lexicons.load("feeling_nouns"):
        return False  # "expressed her sadness" states nothing; "explained the decision" names a topic
    if any(t.dep_ in {"oprd", "acomp", "xcomp", "ccomp"} or t.lower_ == "as" for t in content):
        return False
    objects = Counter(t.head.i for t in content if t.dep_ == "dobj" and not content.start <= t.head.i < content.end)
    return not any(n > 1 for n in objects.values())


def referent(content: SpacySpan, cue: set[str]) -> bool:
    """A noun phrase that is the listener (or "to" the listener), a relative pronoun or a figure is
    no proposition: "questioned the student", "called his mother", "told The Huffington Post",
    "insisting to Priebus", "rejects which", "added 25 points", "posted a loss of $3 million". (A
    noun phrase of a communication verb often is one: "announced the start of talks", "requested
    donations", "endorsed Clinton".)"""
    head = content.root
    if head.tag_ == "WDT":
        return True
    if head.lower_ in {"to", "with"} and _alone(content, head) and any(
            o.dep_ == "pobj" and (o.pos_ in {"PRON", "PROPN"} or o.ent_type_ in {"PERSON", "ORG", "NORP"}
                                  or o.lemma_.lower() in lexicons.person_words()) for o in head.children):
        return True  # "insisting to Priebus", "spoke with reporters": the listener, not what was said
    if cue & lexicons.load("addressee_verbs") and _alone(content, head) and (
            head.pos_ in {"PRON", "PROPN"} or head.ent_type_ in {"PERSON", "ORG", "NORP"}
            or head.lemma_.lower() in lexicons.agent_nouns() or head.lemma_.lower() in lexicons.person_words()):
        return True
    if "ask" in cue and not any(t.pos_ in {"VERB", "AUX"} for t in content) \
            and any(t.lemma_.lower() == "question" for t in content):
        return True  # "asked Trump a question about the wall": the asking, without its words
    return _figure(head)


def pointing_back(content: SpacySpan) -> bool:
    """A noun phrase that points back to what someone holds, told elsewhere or not at all:
    "advocating for their cause", "announced its findings", "expressed her sadness"."""
    head = content.root
    words = [t for t in content if not t.is_punct]
    return head.pos_ == "NOUN" and any(t.dep_ == "poss" and t.pos_ == "PRON" and t.head == head for t in words) \
        and all(t == head or t.head == head and t.dep_ in {"poss", "amod", "compound"} for t in words)


def _alone(content: SpacySpan, head: Token) -> bool:
    """Whether the content is its head's phrase and circumstances ("his mother from the
    hospital"), with nothing said of it ("the senator a liar")."""
    phrase = {t.i for t in head.subtree}
    return all(t.i in phrase or t.is_punct or any(a.dep_ in _CIRCUMSTANCES and a.head == head.head for a in [t, *t.ancestors])
               for t in content)


def _figure(head: Token) -> bool:
    """A number of things, or a sum: "25 points", "a loss of $3 million"."""
    if head.ent_type_ in _FIGURES or any(c.dep_ == "nummod" for c in head.children):
        return True
    return any(p.ent_type_ in _FIGURES for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj")


def manner(verb: Token, content: SpacySpan) -> bool:
    """A participle clause hanging from the cue tells how it was said, not what: "tweeted using
    his @POTUS account"."""
    root = content.root
    return root.tag_ == "VBG" and root.dep_ == "advcl" and root.head == verb and root.lemma_.lower() not in lexicons.cue_verbs()


_FIGURES = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}
#: What may hang from a cue beside its listener: where, when, how.
_CIRCUMSTANCES = frozenset({"prep", "npadvmod", "advmod"})
