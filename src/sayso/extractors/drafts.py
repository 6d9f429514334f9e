"""Quote drafts: a quote before ids are assigned, as every engine proposes it, and the set
that keeps one rule draft per stretch of text."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan, Token

from ..types import QuoteKind
from .actors import Cluster
from .lexicons import speech_verbs

#: Two drafts whose ends lie this many characters apart or less cover the same stretch: a mark
#: or a comma one reading takes in and the other leaves out.
_SAME_STRETCH = 2


@dataclass(frozen=True)
class Draft:
    """A quote before ids are assigned: token spans and actor clusters."""

    kind: QuoteKind
    start: int
    end: int
    speaker: Cluster | None = None
    speaker_span: SpacySpan | None = None
    cue: SpacySpan | None = None
    medium: Cluster | None = None
    medium_span: SpacySpan | None = None
    inherited: bool = False
    parts: tuple[tuple[int, int], ...] = ()
    cue_verb: Token | None = None
    #: A quotation set off as a paragraph of its own, without marks (a blockquote).
    set_off: bool = False
    #: Proposed by the tagger alone: no rule reads a statement in the same stretch.
    unconfirmed: bool = False

    @property
    def pieces(self) -> tuple[tuple[int, int], ...]:
        """The content's parts, or its one span when it is in one piece."""
        return self.parts or ((self.start, self.end),)


class DraftSet:
    """The drafts found so far, one quote per stretch of text: a quote in marks wins over the
    same clause read as reported speech; a mixed quote absorbs the quoted fragments inside it.
    Kept by start, so that a new draft meets only the drafts near it."""

    def __init__(self) -> None:
        self._keys: list[tuple[int, int]] = []  # (start, sequence number), sorted
        self._drafts: dict[int, Draft] = {}
        self._longest = 0
        self._count = 0

    def add(self, new: Draft) -> None:
        # Every rule of ``_verdict`` needs the old draft within _SAME_STRETCH characters of the new one.
        low = bisect_left(self._keys, (new.start - _SAME_STRETCH - self._longest, -1))
        high = bisect_left(self._keys, (new.end + _SAME_STRETCH + 1, -1))
        dropped = []
        for position in range(low, high):
            old = self._drafts[self._keys[position][1]]
            verdict = _verdict(old, new)
            if verdict == "refuse":
                return
            if verdict == "drop":
                dropped.append(position)
        for position in reversed(dropped):
            del self._drafts[self._keys.pop(position)[1]]
        key = (new.start, self._count)
        self._keys.insert(bisect_left(self._keys, key), key)
        self._drafts[self._count] = new
        self._count += 1
        self._longest = max(self._longest, new.end - new.start)

    def drafts(self) -> list[Draft]:
        """The kept drafts, in the order they came."""
        return list(self._drafts.values())


def _verdict(old: Draft, new: Draft) -> str:
    """What a new draft does to an old one: ``refuse`` (the old one stands, the new one goes),
    ``drop`` (the new one replaces it) or ``keep`` (both stay)."""
    if _same_stretch(old, new):
        # A quotation with nobody's name on it yields to the same words signed: '"…" ⏎⏎ - Sanders.'
        # So does one under a headline's colon: 'Tamimi: "The money went to orphans"' (not a
        # place's: 'Spain: "Neighbor, Wake Up"' is where).
        unsigned = old.speaker_span is None and old.cue is None and new.speaker_span is not None and (
            new.set_off or new.cue is not None and new.cue.text == ":" and new.speaker_span.root.ent_type_ in _SPEAKING)
        return "drop" if new.kind == QuoteKind.DIRECT and (old.kind == QuoteKind.INDIRECT or unsigned) else "refuse"
    if _inside(new, old) and old.kind in _REPORTED:
        # "According to AFP, local elders said that …": the elders' report inside AFP's stands
        return "keep" if _source_within(new, old) else "refuse"
    if _inside(old, new) and new.kind in _REPORTED and old.kind in {QuoteKind.DIRECT, QuoteKind.PARTIAL}:
        return "drop"
    return "keep"


#: Kinds of names that speak under a headline's colon.
_SPEAKING = frozenset({"PERSON", "ORG", "NORP"})
_REPORTED = {QuoteKind.MIXED, QuoteKind.INDIRECT, QuoteKind.ACCORDING_TO}


def _source_within(report: Draft, source: Draft) -> bool:
    """Whether ``report`` is a clause reported by a speaker named inside ``source``, an
    according-to phrase's content."""
    return source.kind == QuoteKind.ACCORDING_TO and report.kind in {QuoteKind.INDIRECT, QuoteKind.MIXED} \
        and report.speaker_span is not None and report.cue_verb is not None \
        and report.cue_verb.lemma_.lower() in speech_verbs() and report.speaker_span.root.tag_ not in {"WP", "WDT"} \
        and source.start <= report.speaker_span.start_char < report.start


def _same_stretch(a: Draft, b: Draft) -> bool:
    return abs(a.start - b.start) <= _SAME_STRETCH and abs(a.end - b.end) <= _SAME_STRETCH


def _inside(a: Draft, b: Draft) -> bool:
    return b.start <= a.start and a.end <= b.end + _SAME_STRETCH
