"""Claims from statements: link the propositions that tell one claim, group them, and read each
report's position on the claim.

Two clauses are linked when their sentence embeddings are close enough for what else agrees:
one actor and one predicate sense ``threshold``, other senses ``paraphrase``, a subject the
store could not resolve :data:`UNKNOWN_SUBJECT` (or ``threshold`` when nearly all their words
agree); a pair whose weighted words are too far apart for the cosine it needs is not encoded.
A claim is a group of clauses most pairs of which (from different articles) are linked
(:data:`LINKAGE`: a clause linked to two others does not chain them into one claim); two linked
groups whose mean vectors are as close as one link needs are one claim too, when no pair
across them has two actors as subjects or details apart. A statement of two clauses may tell
two claims, each by one of its clauses. The strongest links are taken first. It is kept when
at least ``min_sources`` sources (outlets; an article without an outlet is a source of its own)
tell it. A claim is a contradiction only when one source affirms and another denies the same
proposition, their link is strong (``contradiction`` similarity), and each side's words for it
are shown.
"""
from __future__ import annotations

import heapq
import re
from collections import Counter
from dataclasses import dataclass, replace

import numpy as np

from ..store import Store
from ..store.queries import QuoteFilter, QuoteRow, quotes
from .matching import (candidates, details_agree, lexical_similarity, predicates_compatible, subjects_agree,
                       word_weights)
from .positions import Reading, position, read
from .records import Claim, Link, Report
from .statements import Clause, article_texts, clauses
from .vectors import vectors

THRESHOLD = 0.7  # embedding cosine of two propositions that links them (same subject, same predicate sense)
PARAPHRASE = 0.85  # …or, with predicates of different senses, the cosine that says they paraphrase
STRUCTURE_BONUS = 0.1  # how much lower the cosine may be when subject actor, predicate sense and objects agree
UNKNOWN_SUBJECT = 0.8  # …or, when a subject is unknown (an unresolved "he", another head word), with one sense
# A pair is encoded only when the cosine of its IDF-weighted lemmas comes within this of the
# embedding cosine it needs (0.3 for 0.7): encoding is most of a search's cost.
LEXICAL_MARGIN = 0.4
LEXICAL_AGREEMENT = 0.7  # …that word overlap, which lets a pair of unknown subjects link as if they were one
#: A clause of this many content words or fewer, with no name or number, links no clause of an
#: unknown subject: "he's absolutely right" says too little to be one claim with another.
MIN_AGREEING_WORDS = 2
LINKAGE = 0.5  # the share of cross-article pairs of two groups that must be linked to merge them (1: complete linkage)
CONTRADICTION = 0.8  # the least cosine of an affirming and a denying report for a contradiction


@dataclass(frozen=True)
class _Edge:
    i: int  # clause indexes
    j: int
    similarity: float
    shared: tuple[str, ...]


def find_claims(store: Store, flt: QuoteFilter = QuoteFilter(), *, threshold: float = THRESHOLD,
                paraphrase: float = PARAPHRASE, contradiction: float = CONTRADICTION,
                unknown_subject: float = UNKNOWN_SUBJECT, min_sources: int = 2,
                verdict: str | None = None, limit: int | None = None) -> list[Claim]:
    """Claims told by at least ``min_sources`` sources among the quotes ``flt`` selects, most
    sources first (contradictions first among equals). ``verdict``: only ``agree`` or
    ``contradict`` claims. ``flt.outlet`` keeps the claims that outlet tells (with the other
    sources that tell them), not only its own statements, which alone make no claim.
    ``unknown_subject``: the cosine two clauses need when the store resolved neither subject to
    one actor (an unresolved "he", two other head words) and their words do not nearly agree."""
    outlet = (flt.outlet or "").strip().casefold()
    rows = list(quotes(store, replace(flt, limit=None, outlet=None, attributed=False)))
    texts = article_texts(store, {r.article_id for r in rows})
    items = clauses(store, rows, texts)
    articles = [r.article_id for r in rows]
    edges, vector = _edges(store, rows, items, threshold, paraphrase, unknown_subject)
    # Clauses are grouped, not statements: "while Clinton was careless, no prosecutor would bring
    # a case" tells two claims, one by each clause.
    best = {(min(e.i, e.j), max(e.i, e.j)): e for e in edges}
    groups = _merge_close(_complete_linkage(best, [articles[c.row] for c in items]), best, vector, items, threshold)
    made = []
    taken: set[int] = set()
    for members in groups:
        claim = _claim(members, rows, items, best, texts, contradiction, taken)
        if len(claim.sources) >= min_sources:
            made.append(claim)
    found = [c for c in _one_per_report_set(made) if (verdict is None or c.verdict == verdict)
             and (not outlet or any(outlet in r.source.casefold() for r in c.reports))]
    found.sort(key=lambda c: (-len(c.sources), c.verdict != "contradict", -len(c.reports), c.id))
    return found[:limit] if limit is not None else found


def _one_per_report_set(claims: list[Claim]) -> list[Claim]:
    """One claim for one set of statements: two clauses of the same statements make two claims
    ("one quote retold by two outlets", a clause each), which a reader would see twice, perhaps
    with two verdicts. The one that finds a contradiction, else the most closely linked, stays."""
    best: dict[frozenset[int], Claim] = {}
    for claim in claims:
        key = frozenset(r.quote_id for r in claim.reports)
        kept = best.get(key)
        if kept is None or (bool(claim.contradictions), claim.similarity) > (bool(kept.contradictions), kept.similarity):
            best[key] = claim
    chosen = {id(c) for c in best.values()}
    return [c for c in claims if id(c) in chosen]


def _edges(store: Store, rows: list[QuoteRow], items: list[Clause], threshold: float,
           paraphrase: float, unknown_subject: float = UNKNOWN_SUBJECT) -> tuple[list[_Edge], dict[int, np.ndarray]]:
    """The links between clauses, and the vectors of the clauses that were encoded."""
    articles = [r.article_id for r in rows]
    weights = word_weights(items)
    pairs = []
    for i, j in candidates(items, articles):
        agreement = details_agree(items[i], items[j])
        lexical = lexical_similarity(items[i], items[j], weights)
        least = _least(items[i], items[j], threshold, paraphrase, lexical, unknown_subject)
        # A pair whose words are too far apart to reach the cosine it needs is not encoded
        # ("Trump said the wall will be paid for" / "Trump said the polls are rigged").
        if agreement.compatible and least <= 1.0 and lexical >= least - LEXICAL_MARGIN:
            pairs.append((i, j, least, agreement.shared))
    needed = sorted({k for i, j, _, _ in pairs for k in (i, j)})
    found = vectors(store, [(rows[items[k].row].id, items[k].index) for k in needed], [items[k].sentence for k in needed])
    vector = {k: found[n] for n, k in enumerate(needed)}
    edges = []
    for i, j, least, shared in pairs:
        similarity = float(vector[i] @ vector[j])
        if similarity >= least:
            edges.append(_Edge(i, j, similarity, shared))
    return edges, vector


def _least(a: Clause, b: Clause, threshold: float, paraphrase: float, lexical: float,
           unknown_subject: float = UNKNOWN_SUBJECT) -> float:
    """The cosine two clauses need to be linked (above 1: they cannot be), ``lexical`` the
    cosine of their weighted words."""
    same_sense = predicates_compatible(a, b)
    agreement = subjects_agree(a, b)
    if agreement == "different":
        return 2.0
    if agreement == "unknown":
        # "He’s the founder of ISIS" / "Obama was the founder of ISIS": one sense, and close.
        # Nearly the same words make up for the unknown subject ("they were not marked classified
        # at the time they were sent" / "none of the messages was marked classified at the time …").
        if _thin(a) or _thin(b):
            return 2.0  # "he's absolutely right" said twice of whoever "he" is: nothing to check
        agree = lexical >= LEXICAL_AGREEMENT
        if same_sense:
            return threshold if agree else max(threshold, unknown_subject)
        return max(threshold, paraphrase) if agree else 2.0
    least = threshold if same_sense else max(threshold, paraphrase)
    return least - STRUCTURE_BONUS if _structure_agrees(a, b) else least


def _thin(clause: Clause) -> bool:
    """Too few words to tell a claim without knowing its subject: at most ``MIN_AGREEING_WORDS``
    content words, and no name or number among them."""
    p = clause.proposition
    return len(p.lemmas) <= MIN_AGREEING_WORDS and not p.names and not p.numbers


def _structure_agrees(a: Clause, b: Clause) -> bool:
    """Actors of one name as subjects (or an actor and a "he" that may name it), one predicate
    sense and two object words in common: structure enough to trust a lower embedding cosine
    ("he never advocated cutting the pension fund" / "Renner … opposing cuts to the pension
    fund", where opposite verbs pull the cosine down)."""
    if a.subject_id is None and not a.could_be or b.subject_id is None and not b.could_be \
            or subjects_agree(a, b) != "same" or not predicates_compatible(a, b):
        return False
    skip = {a.proposition.predicate.split(" ", 1)[0], b.proposition.predicate.split(" ", 1)[0]}
    return len((set(a.proposition.lemmas) & set(b.proposition.lemmas)) - skip) >= 2


def _complete_linkage(best: dict[tuple[int, int], _Edge], articles: list[int]) -> list[list[int]]:
    member: dict[int, int] = {}
    groups: dict[int, list[int]] = {}
    for (x, y), _ in sorted(best.items(), key=lambda kv: (-kv[1].similarity, kv[0])):
        a, b = member.get(x, x), member.get(y, y)
        if a == b:
            continue
        group_a, group_b = groups.get(a, [x]), groups.get(b, [y])
        across = [(min(p, q), max(p, q)) for p in group_a for q in group_b if articles[p] != articles[q]]
        if sum(pair in best for pair in across) * 2 < len(across) * LINKAGE * 2:
            continue
        keep, gone = min(a, b), max(a, b)
        merged = group_a + group_b
        groups.pop(gone, None)
        groups[keep] = merged
        for s in merged:
            member[s] = keep
    return [sorted(g) for g in groups.values()]


def _merge_close(groups: list[list[int]], best: dict[tuple[int, int], _Edge], vector: dict[int, np.ndarray],
                 items: list[Clause], threshold: float) -> list[list[int]]:
    """Groups merged, closest first, while two linked groups' mean vectors are as close as one
    link needs (``threshold``) and no pair across them has two actors as subjects or details
    that disagree: one proposition told in two sets of words ("none of the messages was marked
    classified …" / "they were not marked classified at the time …") links few pairs across.
    A merged group keeps the place of the first of the two; the closest pairs are kept in a
    heap, so each merge costs the merged group's neighbours, not every link again."""
    members = dict(enumerate(list(g) for g in groups))
    owner = {k: n for n, group in members.items() for k in group}
    neighbours: dict[int, set[int]] = {n: set() for n in members}
    for x, y in best:
        a, b = owner.get(x), owner.get(y)
        if a is not None and b is not None and a != b:
            neighbours[a].add(b)
            neighbours[b].add(a)
    means = {n: _mean(group, vector) for n, group in members.items() if neighbours[n]}
    version = dict.fromkeys(members, 0)
    heap: list[tuple[float, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        a, b = min(a, b), max(a, b)
        heapq.heappush(heap, (-float(means[a] @ means[b]), a, b, version[a], version[b]))

    for a in neighbours:
        for b in neighbours[a]:
            if a < b:
                push(a, b)
    while heap:
        cosine, a, b, seen_a, seen_b = heapq.heappop(heap)
        if -cosine < threshold:
            break
        if a not in members or b not in members or (seen_a, seen_b) != (version[a], version[b]) \
                or not _agree(members[a], members[b], items):
            continue
        members[a] += members.pop(b)
        version[a] += 1
        means[a] = _mean(members[a], vector)
        neighbours[a] = (neighbours[a] | neighbours.pop(b)) - {a, b}
        for n in neighbours[a]:
            neighbours[n] = (neighbours[n] - {b}) | {a}
            push(a, n)
    return [sorted(members[n]) for n in sorted(members)]


def _mean(members: list[int], vector: dict[int, np.ndarray]) -> np.ndarray:
    total = np.sum([vector[k] for k in members], axis=0)
    return total / (float(np.linalg.norm(total)) or 1.0)


def _agree(a: list[int], b: list[int], items: list[Clause]) -> bool:
    """No pair across two groups has subjects of two actors, or numbers, times or names apart."""
    return all(subjects_agree(items[x], items[y]) != "different" and details_agree(items[x], items[y]).compatible
               for x in a for y in b)


def _opposed(a: Reading, b: Reading) -> bool:
    """The two clauses of one link assert opposite polarities, neither hedged. A report is shown
    by its clause of the claim's strongest link, which may be another clause than the one this
    link joined ("I am trying to save lives … We can't afford to be politically correct" joined
    to "We cannot afford to be so politically correct" by its second clause): both of this
    link's clauses must disagree for a contradiction."""
    return not a.hedged and not b.hedged and a.negative != b.negative


def _written(lemma: str, words: list[str]) -> str | None:
    """A lemma as the reports write it ("miss" → "missing")."""
    stem = lemma[:max(3, len(lemma) - 1)]
    return next((w.strip(".'-") for w in words if w == lemma or w.startswith(stem)), None)


def _source(row: QuoteRow) -> str:
    return row.outlet.strip() if row.outlet and row.outlet.strip() else f"article {row.article_id}"


def _claim(members: list[int], rows: list[QuoteRow], items: list[Clause], best: dict[tuple[int, int], _Edge],
           texts: dict[int, str], contradiction: float, taken: set[int]) -> Claim:
    """The claim of a group of clauses (``members``); ``taken``: the claim ids given so far."""
    edges = [best[(x, y)] for x in members for y in members if (x, y) in best]
    # Each report tells the claim by the clause of its strongest link inside the group.
    chosen: dict[int, tuple[float, int]] = {}
    for edge in edges:
        for k in (edge.i, edge.j):
            row = items[k].row
            if row not in chosen or edge.similarity > chosen[row][0]:
                chosen[row] = (edge.similarity, k)
    order = sorted(chosen, key=lambda s: (rows[s].published is None, rows[s].published or "",
                                          rows[s].article_id, rows[s].start))
    readings: dict[int, Reading] = {s: read(items[chosen[s][1]], rows[s]) for s in order}
    negative_claim = readings[order[0]].negative and not readings[order[0]].hedged
    unhedged = [r for r in readings.values() if not r.hedged]
    if unhedged:
        negatives = sum(r.negative for r in unhedged)
        if negatives * 2 != len(unhedged):
            negative_claim = negatives * 2 > len(unhedged)  # the claim says what most reports say
    reports = []
    for s in order:
        quote, clause = rows[s], items[chosen[s][1]]
        p = clause.proposition
        reports.append(Report(
            quote_id=quote.id, article_id=quote.article_id, local_id=quote.local_id, source=_source(quote), text=quote.text,
            start=quote.start, end=quote.end, kind=quote.kind, speaker=quote.speaker, speaker_id=quote.speaker_id,
            cue=quote.cue, certainty=quote.certainty, polarity=quote.polarity,
            position=position(readings[s], negative_claim), published=quote.published, title=quote.title,
            url=quote.url, words=quote.words, proposition=p.text, proposition_start=p.start, proposition_end=p.end,
            subject=clause.subject, predicate=p.predicate, evidence=readings[s].evidence))
    by_quote = {r.quote_id: r for r in reports}
    links = tuple(Link(a=rows[items[e.i].row].id, b=rows[items[e.j].row].id, similarity=e.similarity,
                       subject=items[e.i].subject_name, subject_id=items[e.i].subject_id,
                       predicates=(items[e.i].proposition.predicate, items[e.j].proposition.predicate),
                       shared=e.shared) for e in sorted(edges, key=lambda e: -e.similarity))
    contradictions = []
    for edge in sorted(edges, key=lambda e: -e.similarity):
        a, b = by_quote[rows[items[edge.i].row].id], by_quote[rows[items[edge.j].row].id]
        if {a.position, b.position} == {"affirms", "denies"} and edge.similarity >= contradiction \
                and (a.source != b.source or (a.speaker_id or a.speaker) != (b.speaker_id or b.speaker)) \
                and _opposed(read(items[edge.i], rows[items[edge.i].row]), read(items[edge.j], rows[items[edge.j].row])):
            yes, no = (a, b) if a.position == "affirms" else (b, a)
            if (yes.quote_id, no.quote_id) not in contradictions:
                contradictions.append((yes.quote_id, no.quote_id))
    lemma_counts = Counter(lemma for s in order for lemma in set(items[chosen[s][1]].proposition.lemmas))
    words = re.findall(r"[\w$%.'-]+", " ".join(r.words for r in reports).casefold())
    terms = tuple(w for w in (_written(t, words) for t, n in sorted(lemma_counts.items(), key=lambda kv: (-kv[1], kv[0]))
                              if n * 2 > len(order)) if w)
    # A claim is named by its first report's quote id; a statement that tells two claims names
    # only the first, the second takes its next report's.
    number = min((r.quote_id for r in reports if r.quote_id not in taken), default=-len(taken) - 1)
    taken.add(number)
    return Claim(id=number, text=reports[0].proposition,
                 verdict="contradict" if contradictions else "agree",
                 sources=tuple(dict.fromkeys(r.source for r in reports)),
                 speakers=tuple(dict.fromkeys(r.speaker for r in reports if r.speaker)),
                 terms=terms[:12], similarity=min((e.similarity for e in edges), default=1.0),
                 reports=tuple(reports), links=links[:50], contradictions=tuple(contradictions))
