"""The records a claim search returns: claims, their reports, and why they were joined."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

POSITIONS = ("affirms", "hedges", "denies")


@dataclass(frozen=True)
class Evidence:
    """A word that sets a report's position: a negation ("never"), a hedge ("could"), a denying
    cue ("denied") or a predicate of opposite sense ("opposing" against "advocated")."""

    text: str
    start: int
    end: int
    kind: str  # negation | hedge | denial | opposite

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Link:
    """Why two reports tell one claim."""

    a: int  # quote ids
    b: int
    similarity: float  # cosine of the two propositions' sentence embeddings
    subject: str  # the shared subject: the actor's name, or its words
    subject_id: int | None  # the actor, when the store knows it
    predicates: tuple[str, str]  # each report's predicate lemma ("advocate", "oppose")
    shared: tuple[str, ...] = ()  # names, numbers and times both give

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "similarity": round(self.similarity, 3), "subject": self.subject,
                "subject_id": self.subject_id, "predicates": list(self.predicates), "shared": list(self.shared)}


@dataclass(frozen=True)
class Report:
    """One article's telling of a claim: the stored quote, its proposition and the position it
    takes on the claim's proposition, with the words that set it."""

    quote_id: int
    article_id: int
    local_id: str  # the quote's id within its article's analysis (q1, q2 …)
    source: str  # the outlet, or "article N" when it has none
    text: str  # the article's text[start:end]
    start: int
    end: int
    kind: str
    speaker: str | None
    speaker_id: int | None
    cue: str | None
    certainty: str | None
    polarity: str | None
    position: str  # affirms | hedges | denies
    published: str | None
    title: str | None
    url: str | None
    words: str = ""  # the quoted words: a split quote's parts joined with " … " ("he said" left out)
    proposition: str = ""  # the clause that tells the claim (article text[proposition_start:proposition_end])
    proposition_start: int = 0
    proposition_end: int = 0
    subject: str = ""
    predicate: str = ""
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["evidence"] = [e.to_dict() for e in self.evidence]
        return data


@dataclass(frozen=True)
class Claim:
    """Statements from several sources that tell one proposition."""

    id: int  # the lowest quote id among its reports not naming another claim: stable while they are stored
    text: str  # the earliest-published report's proposition
    verdict: str  # agree | contradict
    sources: tuple[str, ...]
    speakers: tuple[str, ...]
    terms: tuple[str, ...]  # the content words most of its reports share, the most shared first
    similarity: float  # the lowest embedding cosine among the links that joined it
    reports: tuple[Report, ...] = field(default_factory=tuple)
    links: tuple[Link, ...] = ()  # why each two reports from different articles are one claim
    contradictions: tuple[tuple[int, int], ...] = ()  # (affirming, denying) quote ids from different sources

    @property
    def positions(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for report in self.reports:
            counts[report.position] += 1
        return dict(counts)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "verdict": self.verdict, "sources": list(self.sources),
                "speakers": list(self.speakers), "terms": list(self.terms),
                "similarity": round(self.similarity, 3), "positions": self.positions,
                "reports": [r.to_dict() for r in self.reports], "links": [k.to_dict() for k in self.links],
                "contradictions": [list(c) for c in self.contradictions]}
