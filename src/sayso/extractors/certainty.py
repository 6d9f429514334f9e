"""Certainty, polarity and reporter stance of a statement.

Scope matters: only markers on the statement's main predicate count ("I doubt that protesters
will topple …" is doubted; "the men who did not pay" does not negate the statement around it).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..types import Certainty, Marker, MarkerKind, Polarity, Stance
from . import lexicons

# Dependents of a predicate that carry its modality and polarity.
_SCOPE = {"aux", "auxpass", "neg", "advmod", "acomp", "prt", "npadvmod", "attr", "xcomp", "preconj"}
#: A multi-word marker ("cannot rule out") may span this many tokens more than its words, for
#: the adverbs and particles the parse puts between them ("can not really rule out").
PHRASE_SLACK = 2


@dataclass(frozen=True)
class Assessment:
    certainty: Certainty = Certainty.ASSERTED
    polarity: Polarity = Polarity.POSITIVE
    markers: tuple[Marker, ...] = ()
    stance: Stance = Stance.NEUTRAL


def stance_of(cue: Token | None) -> Stance:
    """How the reporting verb frames the claim: "claimed" distances, "acknowledged" endorses."""
    if cue is None:
        return Stance.NEUTRAL
    lemma = cue.lemma_.lower()
    if lemma in lexicons.load("stance_distancing"):
        return Stance.DISTANCING
    if lemma in lexicons.load("stance_endorsing"):
        return Stance.ENDORSING
    return Stance.NEUTRAL


def certainty_of(markers: list[Marker] | tuple[Marker, ...]) -> Certainty:
    """The certainty its markers give a statement: any doubt makes it doubted, else any hedge
    hedged ("might have received"), else asserted; boosters and negations leave it asserted."""
    kinds = {m.kind for m in markers}
    if MarkerKind.DOUBT in kinds:
        return Certainty.DOUBTED
    return Certainty.HEDGED if MarkerKind.HEDGE in kinds else Certainty.ASSERTED


def assess(doc: Doc, parts: tuple[tuple[int, int], ...], cue: Token | None = None) -> Assessment:
    """Certainty and polarity of the statement in ``parts`` (character spans of ``doc.text``)
    reported through ``cue``."""
    markers: list[Marker] = []
    negative = False
    roots: list[tuple[Token, set[int]]] = []
    for start, end in parts:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        inside = {t.i for t in span}
        heads = [t for t in span if (t.head.i not in inside or t.head == t) and not t.is_punct]
        roots += [(t, inside) for t in heads]
    for number, (root, inside) in enumerate(roots):
        found, negated = predicate_markers(root, inside)
        markers += found
        if number == 0:
            negative = negated
    denial = cue is not None and cue.lemma_.lower() in lexicons.load("denial_verbs")
    if cue is not None:
        found, negated = _cue_markers(cue)
        if denial and negated:
            # "did not deny that …": no denial, but no commitment either.
            found = [replace(m, kind=MarkerKind.HEDGE) if m.kind == "doubt" else m for m in found if m.kind != "negation"]
            denial, negated = False, False
        markers += found
        negative = negative != negated
    certainty = certainty_of(markers)
    if denial:
        negative = True
    markers = sorted(set(markers), key=lambda m: (m.start, m.end))
    return Assessment(certainty, Polarity.NEGATIVE if negative else Polarity.POSITIVE, tuple(markers), stance_of(cue))


def predicate_markers(root: Token, inside: set[int]) -> tuple[list[Marker], bool]:
    """Hedges, boosters, doubt and negation attached to one predicate, with their interplay:
    a negated doubt is a booster ("nobody doubts"), a negated impossibility a hedge ("not
    impossible"), a negated truth a denial ("is not true")."""
    markers, negated = _markers(_scope(root, inside))
    doubts = [m for m in markers if m.kind == "doubt"]
    words = {m.text.lower() for m in doubts}
    if negated and doubts and words & lexicons.load("impossibility"):
        markers = [replace(m, kind=MarkerKind.HEDGE) if m.kind == "doubt" else m for m in markers if m.kind != "negation"]
        negated = False
    elif negated and doubts:
        markers = [replace(m, kind=MarkerKind.BOOSTER) if m.kind == "doubt" else m for m in markers if m.kind != "negation"]
        negated = False
    elif negated and (root.lemma_.lower() in lexicons.load("truth_words") or any(
        c.dep_ == "acomp" and c.lemma_.lower() in lexicons.load("truth_words") and c.i in inside for c in root.children
    )):
        # The negation denies: reported once, as doubt; the polarity stays negative.
        markers = [replace(m, kind=MarkerKind.DOUBT) if m.kind == "negation" else m for m in markers]
    if words & lexicons.load("falsity_words"):
        negated = True  # "the rumours are false": a denial
    return markers, negated


def _scope(root: Token, inside: set[int]) -> list[Token]:
    """The predicate, its auxiliaries, adverbs, complements and subject, and a "no" on its
    object or in its prepositional phrase ("has no plans", "under no circumstances")."""
    scope = [root] + [c for c in root.children if c.dep_ in _SCOPE and c.i in inside]
    for child in list(scope[1:]):
        scope += [g for g in child.children if g.dep_ in {"advmod", "neg", "det"} and g.i in inside
                  and (g.dep_ != "det" or g.lower_ in lexicons.load("negative_determiners"))]
    if root.lemma_.lower() in lexicons.load("raising_verbs"):  # "appears to have …": hedged, and the statement lies in the xcomp
        scope += [c for c in root.children if c.dep_ == "xcomp"]
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None and subject.i in inside:
        scope += [subject] + [c for c in subject.children if c.dep_ == "det"]
    for child in root.children:
        if child.dep_ in {"dobj", "attr"} and child.i in inside:
            scope += [g for g in child.children if g.dep_ == "det" and g.lower_ in lexicons.load("negative_determiners")]
        if child.dep_ == "prep" and child.i in inside:
            for pobj in child.children:
                scope += [g for g in pobj.children if g.dep_ == "det" and g.lower_ == "no"]
    return sorted(set(scope), key=lambda t: t.i)


def _cue_markers(cue: Token) -> tuple[list[Marker], bool]:
    """Markers on the reporting verb. Its adverbs ("reportedly said") are the reporter's hedge,
    not the speaker's, and do not count; a hedging verb ("suggested", "believes") does, and so
    does a doubting object ("cast doubt on", "expressed doubts that")."""
    scope = [cue] + [c for c in cue.children if c.dep_ in {"neg", "aux"}
                     or c.dep_ == "dobj" and c.lemma_.lower() in lexicons.load("doubting_objects")]
    markers, negated = _markers(sorted(scope, key=lambda t: t.i))
    return markers, negated


def _markers(tokens: list[Token]) -> tuple[list[Marker], bool]:
    found: list[Marker] = []
    used: set[int] = set()
    lemmas = [t.lemma_.lower() for t in tokens]
    # Multi-word hedges first, so that the "not" of "cannot rule out" is no negation.
    for name, kind in (("hedges", MarkerKind.HEDGE), ("boosters", MarkerKind.BOOSTER), ("doubt", MarkerKind.DOUBT)):
        for phrase in lexicons.phrases(name):
            if len(phrase) < 2:
                continue
            for i in range(len(tokens) - len(phrase) + 1):
                window = tokens[i : i + len(phrase)]
                if tuple(lemmas[i : i + len(phrase)]) == phrase and not used & {t.i for t in window} \
                        and window[-1].i - window[0].i < len(phrase) + PHRASE_SLACK:
                    found.append(_marker(window[0], window[-1], kind))
                    used |= {t.i for t in window}
    negations = 0
    for token, lemma in zip(tokens, lemmas):
        if token.i in used:
            continue
        word = token.lower_
        if word in lexicons.load("hedge_modals") or (lemma in lexicons.load("hedges") and token.dep_ != "aux"):
            found.append(_marker(token, token, MarkerKind.HEDGE))
        elif lemma in lexicons.load("boosters") or word in lexicons.load("boosters"):
            found.append(_marker(token, token, MarkerKind.BOOSTER))
        elif lemma in lexicons.load("doubt"):
            found.append(_marker(token, token, MarkerKind.DOUBT))
        elif (token.dep_ == "neg" or word in lexicons.load("negations")) and token.dep_ in {"neg", "det", "nsubj", "nsubjpass", "advmod", "dobj", "preconj"}:
            # "preconj": "she neither sent nor received …"
            found.append(_marker(token, token, MarkerKind.NEGATION))
            negations += 1
    return found, negations % 2 == 1


def _marker(first: Token, last: Token, kind: MarkerKind) -> Marker:
    start, end = first.idx, last.idx + len(last.text)
    # The span's text is text[start:end]; reading doc.text would join the whole article again.
    return Marker(text=first.doc[first.i : last.i + 1].text, start=start, end=end, kind=kind)
