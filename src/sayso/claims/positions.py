"""The position a report takes on its claim's proposition: affirms, hedges or denies it, with
the words that say so.

A report is read against the shared proposition, not as a whole: "extremely careless …, but no
reasonable prosecutor would bring such a case" affirms "extremely careless" (the negation is in
another clause); "never advocated amnesty" and "criticised him for opposing amnesty" both say
he is not for amnesty (a negated "advocate", an "oppose" of the same sense), so they agree; "could
erode" hedges, and so does an embedded question ("whether Clinton faces prosecution"). A
reporting verb of denial ("denied that …") denies what it reports, and so does a negated cue of
a neg-raising verb ("did not recommend that she face charges").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..store.queries import QuoteRow
from ..extractors.lexicons import load as words
from .matching import canonical
from .records import Evidence
from .statements import Clause


@dataclass(frozen=True)
class Reading:
    """A report's polarity on its proposition's sense (negative: "not X"), whether it hedges,
    and the words that set them."""

    negative: bool
    hedged: bool
    evidence: tuple[Evidence, ...]


def read(clause: Clause, row: QuoteRow) -> Reading:
    """How one report's clause stands on the sense of its predicate."""
    p = clause.proposition
    evidence: list[Evidence] = []
    negative = p.negated
    for marker in p.markers:
        kind = "hedge" if marker.kind == "hedge" else "negation"
        evidence.append(Evidence(marker.text, marker.start, marker.end, kind))
    quantifier = _negative_subject(clause.subject)
    if quantifier is not None and p.subject is not None \
            and not any(p.subject[0] <= m.start < p.subject[1] for m in p.markers):
        # "no reasonable prosecutor would bring a case" denies that a prosecutor would
        negative = not negative
        start = p.subject[0] + quantifier[1]
        evidence.append(Evidence(quantifier[0], start, start + len(quantifier[0]), "negation"))
    sense, flips = canonical(p.predicate)
    if flips:
        negative = not negative
        found = _word(p.text, p.predicate.rsplit(" ", 1)[-1])
        if found is not None:
            evidence.append(Evidence(found[0], p.start + found[1], p.start + found[2], "opposite"))
    hedged = p.modality is not None
    opening = re.match(r"\W*(\w+)", p.text)
    if opening is not None and opening.group(1).casefold() in words("question_words"):
        # "whether Clinton faces prosecution": asked, not asserted
        hedged = True
        evidence.append(Evidence(opening.group(1), p.start + opening.start(1), p.start + opening.end(1), "hedge"))
    parts = row.parts or [[row.start, row.end]]
    for marker in row.extra.get("hedges", ()):
        if any(s <= marker["start"] < e for s, e in parts):
            continue  # inside the statement: its own clause's markers count, above
        if marker["kind"] == "doubt":  # the cue: "denied that …", "disputed that …"
            negative = not negative
            evidence.append(Evidence(marker["text"], marker["start"], marker["end"], "denial"))
        elif marker["kind"] == "hedge":
            hedged = True
            evidence.append(Evidence(marker["text"], marker["start"], marker["end"], "hedge"))
        elif marker["kind"] == "negation" and _raises_negation(row.cue, marker["text"]):
            # "did not recommend that she face charges": recommended that she not face them
            negative = not negative
            evidence.append(Evidence(marker["text"], marker["start"], marker["end"], "negation"))
    return Reading(negative=negative, hedged=hedged, evidence=tuple(sorted(evidence, key=lambda e: e.start)))


def _raises_negation(cue: str | None, negation: str) -> bool:
    """Whether a negation on the cue negates what it reports: a cue of a neg-raising verb
    ("did not recommend", "don't think"; ``lexicons/negation_raising_verbs.txt``)."""
    if not cue or negation.casefold() not in cue.casefold():
        return False
    return any(word in words("negation_raising_verbs") for word in re.findall(r"[a-z]+", cue.casefold()))


def position(reading: Reading, negative_claim: bool) -> str:
    """affirms, hedges or denies a claim whose proposition is negative or not."""
    if reading.hedged:
        return "hedges"
    return "denies" if reading.negative != negative_claim else "affirms"


_NEGATIVE_SUBJECT = re.compile(r"^\W*(no one|not one|nobody|none|nothing|neither|no)\b", re.IGNORECASE)


def _negative_subject(subject: str) -> tuple[str, int] | None:
    """The negative quantifier a subject starts with ("no reasonable prosecutor", "nobody"),
    with its offset in the subject's words."""
    found = _NEGATIVE_SUBJECT.match(subject)
    return None if found is None else (found.group(1), found.start(1))


def _word(text: str, lemma: str) -> tuple[str, int, int] | None:
    """The word of ``text`` that inflects ``lemma`` ("opposing" for oppose)."""
    stem = lemma[:max(3, len(lemma) - 2)]
    found = re.search(rf"\b{re.escape(stem)}\w*", text, flags=re.IGNORECASE)
    return None if found is None else (found.group(), found.start(), found.end())
