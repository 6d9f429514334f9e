"""Speakers: find the subject of a cue and resolve it to an actor through names, pronouns and
descriptions ("he said" → Tamimi; "the ministry said" → the ministry).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..types import ActorType
from .actors import ActorBook, Cluster
from .lookup import SentenceIndex

_PERSONAL = {"he": "he", "she": "she", "him": "he", "her": "she"}
_NONPERSONAL = {"it"}
_PLURAL = {"they", "them"}
_UNRESOLVABLE = {"i", "me", "we", "us", "you", "one", "who", "which", "that", "this", "these", "those",
                 "someone", "somebody", "anyone", "everyone", "nobody", "none", "all", "each", "both"}
_SENTENCES_BACK = 4


def subject_of(verb: Token, is_cue=None) -> Token | None:
    """The grammatical subject of a cue verb, looking through "adding", "and said", "declined to say"."""
    for child in verb.children:
        if child.dep_ in {"nsubj", "csubj"}:
            return child
    head = verb.head
    if verb.dep_ == "conj" and head.dep_ == "relcl":
        return subject_of(head, is_cue)
    if is_cue is not None and verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp", "conj"}:
        # "The embassy denied that …, calling the report …": the participle often hangs inside
        # the reported clause; its speaker is the subject of the cue above it.
        outer = next((a for a in verb.ancestors if is_cue(a)), None)
        if outer is not None:
            return subject_of(outer, is_cue)
    if verb.dep_ in {"conj", "xcomp", "advcl"} and head is not verb and head.pos_ in {"VERB", "AUX"}:
        return subject_of(head)
    return None


def mention_span(token: Token) -> SpacySpan:
    """The noun phrase a subject token heads, without edge punctuation."""
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i + 1
    # A name split by the parser ("al-Khafaji") stays whole: take in the entities at both edges.
    first, last = _entity(doc, start), _entity(doc, end - 1)
    if first is not None:
        start = min(start, first[0])
    if last is not None:
        end = max(end, last[1])
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


def _entity(doc: Doc, i: int) -> tuple[int, int] | None:
    """Token bounds of the named entity that holds token ``i`` (read from the IOB tags, as
    ``doc.ents`` is, without building every entity of the doc)."""
    if not (doc[i].ent_iob_ == "I" or doc[i].ent_iob_ == "B" and doc[i].ent_type_):
        return None
    start, end = i, i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


class SpeakerResolver:
    """Resolves speaker mentions to actors, adding unnamed actors and pronoun mentions to the book."""

    def __init__(self, doc: Doc, book: ActorBook, in_quote: list[int], sentences: SentenceIndex | None = None) -> None:
        self.doc = doc
        self.book = book
        self.in_quote = in_quote  # token index -> quote region number, or -1
        self.sentences = SentenceIndex(doc) if sentences is None else sentences

    def resolve(self, span: SpacySpan, speaking: bool = True) -> Cluster | None:
        """The actor a subject or object phrase denotes; ``speaking`` marks it as a speaker."""
        root = span.root
        cluster = self.book.at_token(root)
        if cluster is None:
            # "spokesman Todd Mesek", "Alan Hartman, another partner": a name inside the phrase.
            cluster = next((self.book.at_token(t) for t in span if t.dep_ in {"appos", "compound"}
                            and t.head == root and self.book.at_token(t) is not None), None)
        if cluster is None and (root.tag_ in {"WP", "WDT"} or root.lower_ == "that" and root.dep_.startswith("nsubj")):
            # "Tamimi, who leads prayers and has close ties with …": the relative pronoun
            # stands for the noun the clause describes.
            clause = root.head
            while clause.dep_ == "conj" and clause.head is not clause:
                clause = clause.head
            if clause.dep_ == "relcl":
                noun = clause.head
                return self.resolve(self.doc[noun.left_edge.i : noun.i + 1], speaking)
            return None
        if cluster is None and root.dep_ == "appos":
            # "Levant Today, a London-based news channel that says …": the description is the name's.
            cluster = self.book.at_token(root.head)
        if cluster is None and root.pos_ == "PRON":
            cluster = self.resolve_pronoun(root)
            if cluster is not None:
                self.book.add_reference(cluster, span)
            return cluster
        if cluster is None and root.pos_ in {"NOUN", "PROPN"}:
            cluster = self.book.add_unnamed(span)
        if cluster is not None and speaking:
            cluster.speaker = True
        return cluster

    def resolve_pronoun(self, pronoun: Token) -> Cluster | None:
        """The actor a pronoun most likely refers to: the nearest compatible one, subjects first."""
        word = pronoun.lower_
        if word in _UNRESOLVABLE or (word not in _PERSONAL and word not in _NONPERSONAL and word not in _PLURAL):
            return None
        current = self.sentences.number(pronoun.i)
        for k in range(current, max(-1, current - _SENTENCES_BACK - 1), -1):
            first, end = self.sentences.nth(k)
            limit = pronoun.i if k == current else end
            found = sorted(((s, e, c) for s, e, c in self.book.mentions_inside(first, limit)
                            if self._fits(word, c) and self._visible(s, pronoun) and not self._bound(s, e, pronoun)),
                           key=lambda m: m[:2])
            if not found:
                continue
            subjects = [m for m in found if self.doc[m[0]:m[1]].root.dep_ in {"nsubj", "nsubjpass"}]
            pool = subjects or found
            # In the pronoun's own sentence the nearest one wins; earlier, the first (topical) one.
            return pool[-1][2] if k == current else pool[0][2]
        return None

    def _bound(self, start: int, end: int, pronoun: Token) -> bool:
        """ "The IRGC has targeted it": an object pronoun is not its own clause's subject."""
        if pronoun.dep_ not in {"dobj", "pobj", "dative", "iobj"}:
            return False
        verb = pronoun.head if pronoun.dep_ != "pobj" else pronoun.head.head
        return any(child.dep_ in {"nsubj", "nsubjpass"} and start <= child.i < end for child in verb.children)

    def _visible(self, token_i: int, pronoun: Token) -> bool:
        """Names inside someone's quote do not antecede a pronoun outside it."""
        region = self.in_quote[token_i]
        return region < 0 or region == self.in_quote[pronoun.i]

    @staticmethod
    def _fits(word: str, cluster: Cluster) -> bool:
        kind = cluster.type
        if word in _PERSONAL:
            if kind != ActorType.PERSON:
                return False
            gender = _PERSONAL[word]
            other = "she" if gender == "he" else "he"
            return cluster.pronouns[other] <= cluster.pronouns[gender]
        if word in _NONPERSONAL:
            return kind in {ActorType.ORG, ActorType.MEDIA, ActorType.GPE, ActorType.LOC}
        return kind in {ActorType.GROUP, ActorType.ORG, ActorType.NORP, ActorType.GPE, ActorType.MEDIA}
