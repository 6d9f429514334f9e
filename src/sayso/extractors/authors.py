"""Who made a document: the author of a report, study, statement or letter, as the words
around it give them ("the World Bank released the 2012 World Development Report", "a study
carried out by Dr. Gary Smith", "a statement they released", "In a statement, the army said",
"an article from US satirical news website The Onion"). What the document says later ("the
report noted …", "the statement added …") is its author's (docs/annotation.md "Speaker").
Read from the parse alone; the speaker resolver turns the tokens into actors.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from . import lexicons
from .names import singular

MADE = 0  # the makers of a document, its possessor, "by" or "from" them, or who spoke "in" it
PUT_OUT = 1  # who put it out ("released by the journal Clinical Pediatrics"): only when no maker is known


@dataclass(frozen=True)
class Authorship:
    """A document (its head noun) and the head of the phrase naming its author."""

    document: Token
    author: Token
    rank: int  # MADE or PUT_OUT
    name_before: bool = False  # the author's name set before the noun ("The Onion article")
    spoke: bool = False  # the author spoke in it ("In a statement, the army said"): any actor will do


@lru_cache(maxsize=None)
def made_documents() -> frozenset[str]:
    """Lemmas of documents someone makes ("report", "statement", "study"), not of places where
    documents are put ("website", "page")."""
    return lexicons.load("document_nouns") - lexicons.load("platform_nouns")


def is_document(token: Token) -> bool:
    """A noun for a document someone makes (:func:`made_documents`)."""
    return token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in made_documents()


def _agent(verb: Token) -> Token | None:
    """The noun of a passive verb's "by" phrase."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _verb_rank(verb: Token) -> int | None:
    kind = lexicons.table("authoring_verbs").get(verb.lemma_.lower())
    return None if kind is None else MADE if kind == "made" else PUT_OUT


def issued(verb: Token, message: Token) -> bool:
    """Whether a participle tells who made a message ("issued by", "signed by"), or put out one
    that is no study or report ("a statement released by the Council"; a study "released by the
    journal" was not the journal's)."""
    rank = _verb_rank(verb)
    return rank == MADE or rank == PUT_OUT and verb.lemma_.lower() == "release" \
        and singular(message.lemma_.lower()) not in lexicons.table("description_heads")


_ACTOR_ENTITIES = {"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"}


def _named(author: Token) -> bool:
    """A phrase that may name an actor: a name (not a date: "Posts … from Friday"), or a
    pronoun that may stand for one."""
    if author.ent_type_:
        return author.ent_type_ in _ACTOR_ENTITIES
    return author.pos_ in {"PROPN", "PRON"} and author.lower_ not in {"that", "which", "what"}


def authorships(doc: Doc, described: bool = False) -> Iterator[Authorship]:
    """Every document the parse gives an author named or taken up by a pronoun (or any actor
    who spoke in it: "the army"; if ``described``, a maker described, not named: "scientists"),
    in text order."""
    return (found for found in _authorships(doc)
            if _named(found.author) or found.spoke and found.author.pos_ == "NOUN"
            or described and described_maker(found.author))


def described_maker(author: Token) -> bool:
    """A description of people or of a body as a document's maker ("scientists from the
    University of Miami published a study", "the Dublin city council passed a resolution"), which
    speaks for the document as a name would."""
    return (author.pos_ == "NOUN" or author.pos_ == "PROPN" and author.is_lower) \
        and author.lemma_.lower() in lexicons.agent_nouns() | lexicons.person_words()


def _authorships(doc: Doc) -> Iterator[Authorship]:
    for token in doc:
        if not is_document(token):
            continue
        for child in token.children:
            if child.dep_ == "poss" and child.pos_ in {"PROPN", "PRON"} \
                    or child.dep_ == "compound" and child.pos_ == "PROPN" and child.ent_type_ and not token.ent_type_:
                # "Warrick's report", "The Onion article" (not "National Iodine Nutrition Study": a name)
                yield Authorship(token, child, MADE, name_before=child.dep_ == "compound")
            elif child.dep_ == "prep" and child.lower_ in {"by", "from"}:
                author = next((c for c in child.children if c.dep_ == "pobj"), None)
                if author is not None:
                    yield Authorship(token, author, MADE)  # "a study by the FAO"
            elif child.dep_ in {"acl", "relcl"} and (rank := _verb_rank(child)) is not None:
                # "a statement issued by the office", "a statement they released"
                author = _agent(child) or (_subject(child) if child.dep_ == "relcl" else None)
                if author is not None:
                    yield Authorship(token, author, rank)
        head = token.head
        rank = _verb_rank(head)
        if rank is not None and token.dep_ == "nsubjpass":
            author = _agent(head)  # "The study was carried out by Dr. Gary Smith"
        elif rank is not None and token.dep_ == "dobj":
            author = _subject(head)  # "the World Bank released the report"
        elif token.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ == "VERB" \
                and head.head.lemma_.lower() in lexicons.cue_verbs():
            author, rank = _subject(head.head), MADE  # "In a statement, the army said"
        else:
            author = None
        if author is not None and rank is not None:
            yield Authorship(token, author, rank, spoke=token.dep_ == "pobj")
