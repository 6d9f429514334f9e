"""A cue and what hangs on it: the cue phrase around its verb ("has not learned", "said
Tuesday"), who was told or through what ("told The Jerusalem Post", "in an interview with X"),
the content clause of a claim noun ("denied reports that …"), and the speaker and medium."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.tokens import Span as SpacySpan, Token

from . import lexicons
from .speakers import mention_span, subject_of

if TYPE_CHECKING:
    from .context import DocContext

#: How many words may stand between a cue verb and its content and still be part of the cue:
#: "said Tuesday that …", "said sarcastically".
_CUE_TAIL = 2


def attribution(context: DocContext, verb: Token) -> dict[str, Any]:
    """The draft fields a cue verb gives: the cue, its verb, the speaker (its subject, outside
    quotation marks, resolved to an actor) and the medium or addressee."""
    subject = subject_of(verb, context.is_cue)
    fields: dict[str, Any] = {"cue": cue_span(verb), "cue_verb": verb}
    if subject is not None and context.in_quote[subject.i] < 0:
        span = mention_span(subject)
        fields["speaker_span"] = span
        fields["speaker"] = context.resolver.resolve(span)
    medium = medium_span(verb)
    if medium is not None:
        fields["medium_span"] = medium
        fields["medium"] = context.book.in_span(medium.start, medium.end) or context.book.described(medium)
    return fields


def claim_clause(verb: Token) -> Token | None:
    """The "that" clause of a claim noun the cue takes as object: "denied reports that …"."""
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        nouns += [p for p in prep.children if p.dep_ == "pobj"]
    for noun in nouns:
        for target in [noun] + [p for c in noun.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]:
            if target.lemma_.lower() not in lexicons.load("claim_nouns"):
                continue
            clause = next((c for c in target.children if c.dep_ in {"acl", "ccomp", "relcl"} and c.i > target.i
                           and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
            if clause is not None:
                return clause
    return None


def cue_span(verb: Token) -> SpacySpan:
    """The cue verb with its auxiliaries, negation and particle: "has not learned", "pointed out"."""
    doc = verb.doc
    start, end = verb.i, verb.i + 1
    while start > 0 and doc[start - 1].head == verb and doc[start - 1].dep_ in {"aux", "auxpass", "neg", "advmod"} \
            and doc[start - 1].pos_ != "PUNCT":
        start -= 1
    while start < verb.i and doc[start].dep_ == "advmod":
        start += 1
    if end < len(doc) and doc[end].dep_ == "prt" and doc[end].head == verb:
        end += 1
    # "said Tuesday that …", "said sarcastically": what stands between cue and content.
    while end < len(doc) and doc[end].head == verb and (
        doc[end].dep_ == "npadvmod" and doc[end].ent_type_ in {"DATE", "TIME"}
        or doc[end].dep_ == "advmod" and doc[end].pos_ == "ADV"
    ) and end - verb.i <= _CUE_TAIL:
        end += 1
    return doc[start:end]


def medium_span(verb: Token) -> SpacySpan | None:
    """Who was told, or through what: "told The Jerusalem Post", "in an interview with X"."""
    for child in verb.children:
        if verb.lemma_.lower() == "tell" and child.dep_ in {"dobj", "dative", "iobj"}:
            return mention_span(child)
        if child.dep_ != "prep":
            continue
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        if child.lower_ in {"in", "during"} and pobj.lemma_.lower() in lexicons.load("medium_nouns"):
            inner = next((p for c in pobj.children if c.dep_ == "prep" and c.lower_ in {"with", "on", "to"}
                          for p in c.children if p.dep_ == "pobj"), None)
            if inner is not None:
                return mention_span(inner)
        if child.lower_ == "on" and (pobj.ent_type_ or pobj.lower_ in lexicons.load("channel_words")):
            return mention_span(pobj)
        if child.lower_ == "to" and verb.lemma_.lower() in lexicons.load("addressed_speech_verbs"):
            return mention_span(pobj)
    return None


def word_forms(token: Token, endings: tuple[str, ...] = ("s",)) -> set[str]:
    """The lexicon words a cue token may stand for, however the tagger lemmatised it: "hopes"
    and "hoped" are sometimes read as forms of "hop", "comments" as a noun."""
    return {token.lemma_.lower(), token.lower_} | {token.lower_.removesuffix(end) for end in endings}


def depiction(verb: Token, shown: bool = True) -> bool:
    """What a picture or a recording shows is seen, not said: "the video shows police beating the
    detainee", "a video showing police officers abusing …" (``lexicons/image_nouns.txt``). What it
    shows in a clause of its own is a finding: "the video shows that he had his hands in the air",
    "…, which were at his side, the footage showed". ``shown``: only with what it shows as its
    object (a lead-in, "as the video shows clearly:", introduces what it shows without one)."""
    if verb.lemma_.lower() not in _DEPICTING or any(
            c.dep_ in {"ccomp", "advcl"} and any(m.dep_ == "mark" for m in c.children) for c in verb.children) \
            or shown and not any(c.dep_ in {"dobj", "ccomp"} for c in verb.children):
        return False
    holder = verb.head if verb.dep_ == "acl" else next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if holder is None and verb.tag_ == "VBG":
        # "a video posted on Facebook, showing …", the participle hung on the main verb: the
        # nearest common noun before it
        holder = next((t for t in reversed(verb.doc[verb.sent.start : verb.i]) if t.pos_ == "NOUN"), None)
    return holder is not None and holder.lemma_.lower() in lexicons.load("image_nouns")


_DEPICTING = frozenset({"show", "depict", "capture", "feature"})
