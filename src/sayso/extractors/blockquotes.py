"""Quotations set off as paragraphs of their own, without marks: a web page's blockquote once
its HTML is gone. "Rio, a Zambian Watchdog reader, responds:" and the next paragraph is what
Rio wrote."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from ..types import QuoteKind
from . import lexicons
from .context import DocContext
from .cues import attribution
from .drafts import Draft
from .paragraphs import CREDIT, OPENING_MARKS, Part, paragraphs

#: A social-media handle: "@OmarMash: …" labels that account's post, verbatim.
HANDLE = r"@\w{1,30}"
_HANDLE_LABEL = re.compile(HANDLE + r":[ \u00a0]+")
#: The shortest set-off quotation, in characters: less is a label or a stray line.
_SHORTEST = 20


def set_off_quotations(context: DocContext) -> list[Draft]:
    """A paragraph that ends with a cue and a colon introduces the next paragraph as its
    speaker's words, unless that paragraph opens a quotation in marks (which the quotation rules
    read), is a caption or title, or the cue has no stated speaker."""
    text = context.text
    lines = paragraphs(text)
    cues = [_introducing_cue(context, line) for line in lines]
    drafts = []
    for verb, following, next_cue in zip(cues, lines[1:], cues[1:]):
        if verb is None or text[following[0]] in OPENING_MARKS or CREDIT.search(text, *following) \
                or next_cue is not None:
            continue  # a quotation in marks, a caption, or the next introduction
        start, end = following
        while end > start and text[end - 1].isspace():
            end -= 1
        label = _HANDLE_LABEL.match(text, start, end)
        if label is not None:
            start = label.end()  # "@OmarMash: …": the post's words, without the account's label
        fields = attribution(context, verb)
        if fields.get("speaker_span") is None:
            fields.update(_named_before(context, verb))
        if fields.get("speaker_span") is None or end - start < _SHORTEST:
            continue
        drafts.append(Draft(QuoteKind.DIRECT, start, end, set_off=True, **fields))
    return drafts


def _introducing_cue(context: DocContext, line: Part) -> Token | None:
    """The cue verb of the sentence a paragraph ends with, when it ends with a colon."""
    body = context.text[line[0] : line[1]].rstrip()
    if not body.endswith(":"):
        return None
    colon = context.doc.char_span(line[0] + len(body) - 1, line[0] + len(body), alignment_mode="expand")
    if colon is None:
        return None
    before = [t for t in reversed(colon[0].sent) if t.i < colon[0].i and context.in_quote[t.i] < 0]
    return next((t for t in before if context.is_cue(t) or _introducing(t)), None) \
        or next((t for t in before if _gives_message(t)), None)


def _introducing(token: Token) -> bool:
    """The head of a line that introduces a quotation, however the parser read it: in "Farieha
    Aziz comments on BoloBhi:" it takes "comments" for a noun, in "X hopes that …" for "hop"."""
    if token.dep_ != "ROOT" or token.i == token.sent.start:
        return False
    words = {token.lemma_.lower(), token.lower_, token.lower_.removesuffix("s")}
    return bool(words & _introducing_words())


def _gives_message(verb: Token) -> bool:
    """A verb whose object is a message: "offered more figures", "has a logical explanation"."""
    return verb.pos_ in {"VERB", "AUX"} and any(c.dep_ == "dobj" and c.lemma_.lower() in _message_nouns() for c in verb.children)


@lru_cache(maxsize=1)
def _introducing_words() -> frozenset[str]:
    return lexicons.cue_verbs() | lexicons.load("introducing_verbs")


@lru_cache(maxsize=1)
def _message_nouns() -> frozenset[str]:
    return lexicons.load("message_nouns") | lexicons.load("document_nouns") | lexicons.load("proposition_nouns")


def _named_before(context: DocContext, head: Token) -> dict[str, Any]:
    """The speaker of an introducing line the parser read as a noun phrase: the name it takes as
    a modifier ("Farieha Aziz" in "Farieha Aziz comments on BoloBhi:")."""
    modifiers = [c for c in head.children if c.dep_ in {"compound", "nsubj", "nmod"} and c.i < head.i]
    if not modifiers:
        return {}
    span = context.doc[min(c.left_edge.i for c in modifiers) : max(c.right_edge.i for c in modifiers) + 1]
    speaker = context.resolver.resolve(span)
    return {"speaker_span": span, "speaker": speaker} if speaker is not None else {}
