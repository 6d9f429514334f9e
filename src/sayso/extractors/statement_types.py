"""What act a statement's cue reports: speech, writing, belief, intention, or an attribution
that does not say (docs/annotation.md, "Type").

Read from the cue and what hangs on it: the cue verb's lemma (``wrote`` → writing, ``believes``
→ belief, ``plans`` → intention), a document or platform it is made in or on ("said in a
statement", "posted on Facebook"), a document or an account's handle as the source ("the report found", "@user: …"), and
``according to``. Everything else that has a cue or a speaker is speech.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..types import ActorType, QuoteKind, StatementType
from .lexicons import belief_verbs, evidence_verbs, intention_verbs, load, speech_verbs


def _documents() -> frozenset[str]:
    return load("document_nouns")


def _written_in(verb: Token) -> bool:
    """The cue verb is done in or on a document or platform: "said in a statement", "posted on
    Facebook", "told the newspaper in an email"."""
    words = _documents()
    for child in verb.children:
        if child.dep_ == "advcl" and child.lemma_.lower() in load("writing_verbs"):
            return True  # "Writing in a blog post, X said"
        if child.dep_ != "prep" or child.lower_ not in {"in", "on", "via", "through"}:
            continue
        for pobj in child.children:
            if pobj.dep_ == "pobj" and (pobj.lemma_.lower() in words or pobj.text.lower() in words):
                return True
    return False


def _document(span: Span | None) -> bool:
    """The source is a document: "the report", "a study by X", "his letter"."""
    if span is None or not len(span):
        return False
    root = span.root
    return root.ent_type_ not in {"PERSON", "ORG", "NORP", "GPE"} and root.lemma_.lower() in _documents() \
        and root.pos_ in {"NOUN", "PROPN"}


#: Dashes that sign a pull quote.
_SIGNING_DASHES = frozenset({"-", "—", "–", "―"})


def _line_end(token: Token) -> bool:
    """Whether a line ends right after the token."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return "\n" in token.whitespace_ or after is not None and after.is_space and "\n" in after.text


def _handle(span: Span | None) -> bool:
    """The source is an account's handle ("@RobertAlai: …"): a post, so writing."""
    return span is not None and len(span) > 0 and span.text.lstrip().startswith("@")


def statement_type(kind: QuoteKind, cue: Span | None, cue_verb: Token | None, speaker_span: Span | None,
                   speaker_type: ActorType | None = None) -> StatementType:
    """The :class:`StatementType` of a statement from its kind, cue, cue verb, source span and the
    type of its speaker (an outlet's statements are written)."""
    if kind == QuoteKind.ACCORDING_TO:
        return StatementType.UNSPECIFIED
    if kind == QuoteKind.TRANSCRIPT:
        return StatementType.SPEECH
    head = cue_verb if cue_verb is not None else (cue.root if cue is not None and len(cue) else None)
    if head is None:
        return StatementType.WRITING if _document(speaker_span) or _handle(speaker_span) else StatementType.SPEECH
    if head.text == "：" or head.text == ":" and kind == QuoteKind.DIRECT and _line_end(head):
        # "周指辉：…", or a name alone on a line over a post ("Lisbeth Armel:"): a post's label
        return StatementType.WRITING
    if head.text in _SIGNING_DASHES:
        # a pull quote signed with a dash ("… ⏎ — Court") says nothing of how it was told
        return StatementType.WRITING if _document(speaker_span) or _handle(speaker_span) else StatementType.UNSPECIFIED
    lemma = head.lemma_.lower()
    infinitive = any(c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"} for c in head.children)
    if lemma in intention_verbs() and (infinitive or lemma in load("intending_always")) \
            and not (lemma in belief_verbs() and not infinitive):
        return StatementType.INTENTION
    if head.pos_ == "NOUN":
        if lemma in load("intention_nouns"):
            return StatementType.INTENTION
        if lemma in load("belief_nouns"):
            return StatementType.BELIEF
    if lemma in belief_verbs():
        return StatementType.BELIEF
    if lemma in load("writing_verbs") and head.pos_ in {"VERB", "AUX"} or _written_in(head) \
            or _document(speaker_span) or _handle(speaker_span) or speaker_type == ActorType.MEDIA:
        return StatementType.WRITING
    if lemma in evidence_verbs() - speech_verbs() and speaker_span is not None \
            and speaker_span.root.ent_type_ != "PERSON" and speaker_span.root.pos_ != "PRON":
        return StatementType.WRITING  # "the figures show", "the agency found"
    return StatementType.SPEECH
