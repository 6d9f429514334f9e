"""Certainty, polarity and reporter stance of a French statement.

- The speaker hedges with a hedge word on the main predicate ("probablement", "semble") or a
  hedging cue ("pense que", "estime que"); "pourrait"/"devrait" (modal in the conditional)
  hedge too.
- The journalistic conditional ("aurait été volés", "serait mort") is the reporter's hedge on
  what a source says, not the source's: the speaker still asserts; the reporter distances.
- "a démenti", "nie", "conteste" cast doubt and deny: doubted, negative.
- "ne … pas / jamais / rien / aucun" on the main predicate negates the statement.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan, Token

from ...types import Marker, MarkerKind, Polarity, QuoteKind, Stance
from ..certainty import Assessment, certainty_of
from .. import lexicons
from .verbs import LANG, is_doubt



def assess(doc: Doc, parts: tuple[tuple[int, int], ...], cue: SpacySpan | None, lemma: str | None,
           kind: QuoteKind) -> Assessment:
    """Certainty, polarity, markers and stance of the statement in ``parts`` reported by ``cue``."""
    markers: list[Marker] = []
    negative = False
    conditional = False
    for number, (start, end) in enumerate(parts):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = _main_predicate(span)
        if root is None:
            continue
        found, negated, cond = _predicate_markers(root, span)
        markers += found
        conditional = conditional or cond
        if number == 0:
            negative = negated
    cue_token = cue[0] if cue is not None and len(cue) else None
    if cue_token is not None:
        if is_doubt(lemma):
            markers.append(_marker(cue_token, MarkerKind.DOUBT))
            negative = True
        elif lemma in lexicons.load("hedges", LANG):
            markers.append(_marker(cue_token, MarkerKind.HEDGE))
        negation = [c for c in cue_token.children if c.lower_ in lexicons.load("negations", LANG)]
        if negation and any(c.lower_ in lexicons.load("ne", LANG) for c in cue_token.children):
            markers.append(_marker(negation[0], MarkerKind.NEGATION))
            negative = not negative
        if cue_token.morph.get("Mood", []) == ["Cnd"] or any(
                a.morph.get("Mood", []) == ["Cnd"] for a in cue_token.children if a.dep_.startswith("aux")):
            conditional = True  # "aurait déclaré": the reporter does not vouch for the saying
    stance = Stance.DISTANCING if conditional and kind != QuoteKind.DIRECT else Stance.NEUTRAL
    markers = sorted(set(markers), key=lambda m: (m.start, m.end))
    return Assessment(certainty_of(markers), Polarity.NEGATIVE if negative else Polarity.POSITIVE,
                      tuple(markers), stance)


def _main_predicate(span: SpacySpan) -> Token | None:
    inside = {t.i for t in span}
    heads = [t for t in span if (t.head.i not in inside or t.head == t) and not t.is_punct]
    verbs = [t for t in span if t.pos_ == "VERB" and t.dep_ in {"ROOT", "ccomp", "xcomp"} or t in heads and t.pos_ == "VERB"]
    return next(iter(verbs), next((t for t in heads if t.pos_ in {"AUX", "ADJ", "NOUN"}), heads[0] if heads else None))


def _predicate_markers(root: Token, span: SpacySpan) -> tuple[list[Marker], bool, bool]:
    """Hedges, doubt and negation on one predicate, and whether it is in the conditional."""
    inside = {t.i for t in span}
    scope = [root] + [c for c in root.children if c.i in inside and not c.is_punct
                      and c.dep_ in {"advmod", "aux", "aux:tense", "aux:pass", "cop", "xcomp", "nsubj", "obj", "det"}]
    markers: list[Marker] = []
    hedges, doubts = lexicons.load("hedges", LANG), lexicons.load("doubt", LANG)
    conditional = False
    for token in scope:
        lemma, word = token.lemma_.lower(), token.lower_
        if token.morph.get("Mood", []) == ["Cnd"]:
            if lemma in lexicons.load("modal_verbs", LANG):
                markers.append(_marker(token, MarkerKind.HEDGE))  # "pourrait": the speaker's hedge
            else:
                conditional = True
        elif word in hedges or lemma in hedges:
            markers.append(_marker(token, MarkerKind.HEDGE))
        elif lemma in doubts:
            markers.append(_marker(token, MarkerKind.DOUBT))
    text = span.doc.text[span.start_char : span.end_char].lower()
    for phrase in lexicons.phrases_of("hedges", LANG):
        if len(phrase) > 1 and " ".join(phrase) in text:
            at = span.start_char + text.index(" ".join(phrase))
            markers.append(Marker(" ".join(phrase), at, at + len(" ".join(phrase)), MarkerKind.HEDGE))
    negated = False
    words = [t for t in root.subtree if t.i in inside and (t.head == root or t.head.head == root)]
    if any(t.lower_ in lexicons.load("ne", LANG) for t in words):
        negation = next((t for t in words if t.lower_ in lexicons.load("negations", LANG)), None)
        if negation is not None:
            markers.append(_marker(negation, MarkerKind.NEGATION))
            negated = True
    return markers, negated, conditional


def _marker(token: Token, kind: MarkerKind) -> Marker:
    return Marker(text=token.text, start=token.idx, end=token.idx + len(token.text), kind=kind)
