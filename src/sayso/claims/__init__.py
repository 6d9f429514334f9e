"""Claims across sources: the same statement as several articles report it, grouped by what it
says, and whether the reports agree or contradict one another.

A statement is a stored quote of any kind (direct, indirect, "according to" …). Two statements
from different articles tell the same claim when they share at least three content words and
the cosine of their TF-IDF vectors over content-word stems reaches a threshold (spaCy's English
tokenizer and stop words, the Snowball stemmer; negations are left out so that "X funded Y" and
"X did not fund Y" meet), or when a short statement's words are nearly all in a longer one.
A claim is a group of statements every two of which (from different articles) are linked
(complete linkage: one statement that shares words with two others does not chain them into
one claim); the strongest links are taken first. A claim is kept when it spans at least
``min_sources`` sources (outlets; an article without an outlet is a source of its own).

Each report takes a position on the claim, read without its negations, from the report's
stored certainty and polarity: *affirms* (asserted, positive), *hedges* (hedged), *denies*
(negative or doubted: "the reservoir was never inspected", "denied that …"). A claim whose reports
both affirm and deny it is a contradiction; otherwise the reports agree.
"""
from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from typing import Any

from ..store import Store
from ..store.queries import QuoteFilter, QuoteRow, quotes

THRESHOLD = 0.5  # cosine of two statements' term vectors that links them
COVERED = 0.8  # …or the share of the shorter statement's weight the longer one holds
COMMON = 200  # a word in more statements than this never makes two of them candidates
MIN_TERMS = 3  # fewer content words ("No comment.") is too little to match on; also the
# fewest shared words for a link ("win the nomination" is a topic, not a claim)
NEGATIONS = frozenset({"not", "no", "never", "n't", "nor", "neither", "none", "nothing", "nobody", "without"})


@dataclass(frozen=True)
class Report:
    """One article's telling of a claim: the stored quote and the position it takes."""

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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Claim:
    """Statements from several sources that say the same thing."""

    id: int  # the lowest quote id among its reports: stable while they are stored
    text: str  # the earliest-published report's quoted words
    verdict: str  # agree | contradict
    sources: tuple[str, ...]
    speakers: tuple[str, ...]
    terms: tuple[str, ...]  # the words most of its reports share (as written), the most shared first
    similarity: float  # the lowest cosine among the links that joined it
    reports: tuple[Report, ...] = field(default_factory=tuple)

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
                "reports": [r.to_dict() for r in self.reports]}


@lru_cache(maxsize=1)
def _tools() -> tuple[Any, Any]:
    import snowballstemmer
    import spacy

    return spacy.blank("en").tokenizer, lru_cache(maxsize=200_000)(snowballstemmer.stemmer("english").stemWord)


def stemmed_words(text: str) -> list[tuple[str, str]]:
    """(stem, word) for each content word of a statement: no stop words, negations,
    punctuation or one-letter tokens; numbers kept as written."""
    tokenizer, stem = _tools()
    words = []
    for token in tokenizer(text):
        lower = token.lower_
        if token.is_stop or lower in NEGATIONS or not (token.is_alpha or token.like_num) or len(lower) < 2:
            continue
        words.append((lower if lower[0].isdigit() else stem(lower), lower))
    return words


def terms(text: str) -> frozenset[str]:
    """The content-word stems of a statement (see :func:`stemmed_words`)."""
    return frozenset(stem for stem, _ in stemmed_words(text))


def position(certainty: str | None, polarity: str | None) -> str:
    """What a report does with its claim: affirms, hedges or denies it."""
    if (polarity or "").lower() == "negative" or (certainty or "").lower() == "doubted":
        return "denies"
    return "hedges" if (certainty or "").lower() == "hedged" else "affirms"


def _source(row: QuoteRow) -> str:
    return row.outlet.strip() if row.outlet and row.outlet.strip() else f"article {row.article_id}"


def _links(vectors: list[frozenset[str]], articles: list[int], threshold: float) -> Iterator[tuple[int, int, float]]:
    """Pairs of statements from different articles that share at least :data:`MIN_TERMS` words
    and whose TF-IDF cosine reaches ``threshold``, or whose shorter one is covered by the longer
    (:data:`COVERED` of its TF-IDF weight, and a cosine of at least half the threshold: "the
    reservoir was never inspected in March" against a longer account of the March inspection),
    with their cosine.
    Candidates come from an inverted index; a term in more than a fifth of the statements
    (or more than :data:`COMMON` of them, but never fewer than 50) only adds weight, never
    candidates, which keeps the work near linear on big stores: statements that share only
    such frequent words are not linked."""
    n = len(vectors)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for term in vector:
            postings[term].append(i)  # ascending: i grows
    weight = {term: (math.log((n + 1) / (len(ids) + 1)) + 1.0) ** 2 for term, ids in postings.items()}
    norms = [math.sqrt(sum(weight[t] for t in v)) for v in vectors]
    common = max(50, min(n // 5, COMMON))
    for i, vector in enumerate(vectors):
        dot: dict[int, float] = defaultdict(float)
        count: dict[int, int] = defaultdict(int)
        frequent = [t for t in vector if len(postings[t]) > common]
        for term in vector:
            ids = postings[term]
            if len(ids) > common:
                continue
            w = weight[term]
            for j in ids[bisect.bisect_right(ids, i):]:
                dot[j] += w
                count[j] += 1
        for j, shared_weight in dot.items():
            if articles[j] == articles[i]:
                continue
            also = [t for t in frequent if t in vectors[j]]
            shared = count[j] + len(also)
            if shared < MIN_TERMS:
                continue
            shared_weight += sum(weight[t] for t in also)
            score = shared_weight / (norms[i] * norms[j])
            covered = shared_weight / min(norms[i], norms[j]) ** 2
            if score >= threshold or (covered >= max(COVERED, threshold) and score >= threshold / 2):
                yield i, j, score


def find_claims(store: Store, flt: QuoteFilter = QuoteFilter(), *, threshold: float = THRESHOLD,
                min_sources: int = 2, verdict: str | None = None, limit: int | None = None) -> list[Claim]:
    """Claims told by at least ``min_sources`` sources among the quotes ``flt`` selects, most
    sources first (contradictions first among equals). ``verdict``: only ``agree`` or
    ``contradict`` claims. ``flt.outlet`` keeps the claims that outlet tells (with the other
    sources that tell them), not only its own statements, which alone make no claim."""
    outlet = (flt.outlet or "").strip().casefold()
    rows = list(quotes(store, replace(flt, limit=None, outlet=None)))
    vectors = [terms(row.words) for row in rows]
    keep = [i for i, v in enumerate(vectors) if len(v) >= MIN_TERMS]
    rows, vectors = [rows[i] for i in keep], [vectors[i] for i in keep]
    articles = [r.article_id for r in rows]
    links = sorted(_links(vectors, articles, threshold), key=lambda link: -link[2])
    linked = {(i, j): score for i, j, score in links}
    member: dict[int, int] = {}  # statement → its group (the group's first statement)
    groups: dict[int, list[int]] = {}

    def agree(a: list[int], b: list[int]) -> bool:
        """Complete linkage: every pair across the two groups from different articles is linked."""
        return all((min(x, y), max(x, y)) in linked for x in a for y in b if articles[x] != articles[y])

    for i, j, score in links:  # strongest links first
        a, b = member.get(i, i), member.get(j, j)
        if a == b:
            continue
        group_a, group_b = groups.get(a, [i]), groups.get(b, [j])
        if not agree(group_a, group_b):
            continue
        keep_id, gone = min(a, b), max(a, b)
        merged = group_a + group_b
        groups.pop(gone, None)
        groups[keep_id] = merged
        for x in merged:
            member[x] = keep_id

    def weakest(members: list[int]) -> float:
        return min((linked[(x, y)] for x in members for y in members if (x, y) in linked), default=1.0)

    claims = [_claim([rows[i] for i in members], [vectors[i] for i in members], weakest(members))
              for members in map(sorted, groups.values())]
    claims = [c for c in claims if len(c.sources) >= min_sources and (verdict is None or c.verdict == verdict)
              and (not outlet or any(outlet in r.source.casefold() for r in c.reports))]
    claims.sort(key=lambda c: (-len(c.sources), c.verdict != "contradict", -len(c.reports), c.id))
    return claims[:limit] if limit is not None else claims


def _claim(rows: list[QuoteRow], vectors: list[frozenset[str]], similarity: float) -> Claim:
    rows_vectors = sorted(zip(rows, vectors), key=lambda rv: (rv[0].published is None, rv[0].published or "",
                                                              rv[0].article_id, rv[0].start))
    reports = tuple(Report(quote_id=r.id, article_id=r.article_id, local_id=r.local_id, source=_source(r), text=r.text,
                           start=r.start, end=r.end, kind=r.kind, speaker=r.speaker, speaker_id=r.speaker_id,
                           cue=r.cue, certainty=r.certainty, polarity=r.polarity,
                           position=position(r.certainty, r.polarity), published=r.published,
                           title=r.title, url=r.url, words=r.words) for r, _ in rows_vectors)
    positions = {r.position for r in reports}
    counts: dict[str, int] = defaultdict(int)
    for _, vector in rows_vectors:
        for term in vector:
            counts[term] += 1
    shared = sorted((t for t, c in counts.items() if c * 2 > len(rows)), key=lambda t: (-counts[t], t))
    written: dict[str, Counter[str]] = defaultdict(Counter)  # stem -> the words it stands for
    for report in reports:
        for stem, word in stemmed_words(report.words):
            written[stem][word] += 1
    shown = tuple(written[t].most_common(1)[0][0] if written[t] else t for t in shared[:12])
    return Claim(id=min(r.quote_id for r in reports), text=reports[0].words,
                 verdict="contradict" if {"affirms", "denies"} <= positions else "agree",
                 sources=tuple(dict.fromkeys(r.source for r in reports)),
                 speakers=tuple(dict.fromkeys(r.speaker for r in reports if r.speaker)),
                 terms=shown, similarity=similarity, reports=reports)


def claim_lines(claims: Iterable[Claim]) -> Iterator[dict[str, Any]]:
    """One flat row per report, for CSV and JSONL exports."""
    for claim in claims:
        for report in claim.reports:
            yield {"claim_id": claim.id, "verdict": claim.verdict, "sources": len(claim.sources),
                   **report.to_dict()}
