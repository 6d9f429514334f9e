"""The context of one parsed article, built once by :func:`build_context`: its text and sentence
index, quotation-mark regions (each read once for its cue), which token lies in which region,
the actor book, the speaker resolver and the cue lexicon. Every later stage is a function of it.

The actor book grows while stages resolve speakers ("a senior official said" adds an unnamed
actor), so stages run in text order within an engine and in a fixed order across them.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from . import lexicons
from .actors import ActorBook, find_actors
from .lookup import SentenceIndex
from .marks import QuoteRegion, find_regions
from .quotations import Quotation, read_quotation, tokens_in
from .speakers import SpeakerResolver


@dataclass(frozen=True)
class DocContext:
    """What every stage reads of one article; built by :func:`build_context`."""

    doc: Doc
    text: str
    sentences: SentenceIndex
    regions: tuple[QuoteRegion, ...]
    #: The first character of each region, for bisecting (regions are disjoint and in order).
    region_starts: tuple[int, ...]
    #: The number of the region each token lies in, or -1.
    in_quote: tuple[int, ...]
    book: ActorBook
    resolver: SpeakerResolver
    cues: frozenset[str]
    #: Each region read for its cue and role, in the order of ``regions`` (None: no words inside).
    quotations: tuple[Quotation | None, ...] = ()

    def is_cue(self, token: Token) -> bool:
        """A verb that reports speech, belief, evidence or intention ("said", "believes", "found",
        "vowed"), or one that voices doubt ("cast doubt on the claim that …")."""
        if token.pos_ not in {"VERB", "AUX"} or token.dep_ == "amod":
            return False
        lemma = token.lemma_.lower()
        if lemma in _ASPECTUAL and any(
                c.dep_ == "xcomp" and c.i > token.i and self.in_quote[c.i] < 0
                and (c.tag_ == "VBG" or any(a.lower_ == "to" for a in c.children)) for c in token.children):
            return False  # "as they continue to rake in fees": going on doing, not going on saying
        return (lemma in self.cues or lemma in lexicons.load("doubt_verbs") and any(
            c.dep_ == "dobj" and c.lemma_.lower() == "doubt" for c in token.children)
            or lemma == "read" and _read_out(token)) and not set_phrase(token)


def _read_out(verb: Token) -> bool:
    """Whether "read" cites what a text says: its subject is a document, a message or a sign
    ("the judgement reads", "the banner read"), not a person reading."""
    texts = lexicons.load("document_nouns") | lexicons.load("message_nouns") | lexicons.load("sign_nouns")
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in texts for c in verb.children)


#: Cues ("'…,' he continued") that, with a verb after them, tell only that something goes on.
_ASPECTUAL = frozenset({"continue"})


def set_phrase(verb: Token) -> bool:
    """ "That said, she also noted …", "All told, the group …": a set phrase that opens a
    clause, not somebody saying or telling anything."""
    doc = verb.doc
    return verb.i > 0 and doc[verb.i - 1].lower_ in {"that", "all", "this"} and verb.lower_ in {"said", "told"} \
        and verb.i + 1 < len(doc) and doc[verb.i + 1].text == "," \
        and (verb.i == 1 or doc[verb.i - 2].is_punct or doc[verb.i - 2].is_space)


def build_context(doc: Doc) -> DocContext:
    """The context of a parsed article: actors found, quotation marks paired, regions read."""
    book = find_actors(doc)
    sentences = SentenceIndex(doc)
    text = sentences.text
    regions = tuple(find_regions(text))
    in_quote = [-1] * len(doc)
    for number, region in enumerate(regions):
        for token in tokens_in(doc, region.start, region.end):
            in_quote[token.i] = number
    numbers = tuple(in_quote)
    context = DocContext(doc=doc, text=text, sentences=sentences, regions=regions,
                         region_starts=tuple(r.start for r in regions), in_quote=numbers, book=book,
                         resolver=SpeakerResolver(doc, book, numbers, sentences), cues=lexicons.cue_verbs())
    return replace(context, quotations=tuple(read_quotation(context, region) for region in regions))

