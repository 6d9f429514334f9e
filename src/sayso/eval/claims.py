"""``sayso eval claims``: score :func:`sayso.claims.find_claims` on the annotated claim set.

The set's articles go into a temporary store (outlet = the PolNeAR publisher, date = its
publication date, from ``metadata.tsv`` next to the splits; the default engine), claims are
found over all its statements, and each system report is matched to the gold report of its
article whose span overlaps it by at least half of the shorter of the two (the store keeps each
text normalised; its offsets are mapped back to the set's). Printed: gold reports
found as statements, same-claim pairwise precision/recall/F1 over cross-article pairs,
contradiction precision/recall over (affirms, denies) pairs, and position accuracy.
"""
from __future__ import annotations

import csv
import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from ..claims import Claim, Report, find_claims
from ..store.queries import quote_spans_by_url
from ..text import Normalized, normalized
from .claim_set import ClaimSet, GoldReport, load_claim_set

URL = "https://polnear.example/{}"


@dataclass(frozen=True)
class ClaimScores:
    split: str
    gold_reports: int
    found_as_statements: int
    matched_reports: int  # system reports (in a claim) matched to a gold report
    pairs: tuple[int, int, int, int]  # same-claim pairs: right, predicted (among matched), gold found, gold
    contradictions: tuple[int, int, int]  # right, predicted (among matched), gold
    positions: tuple[int, int]  # right, scored
    errors: tuple[str, ...] = field(default_factory=tuple)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    def lines(self) -> list[str]:
        right, predicted, found, gold = self.pairs
        p, r = self._ratio(right, predicted), self._ratio(found, gold)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        c_right, c_predicted, c_gold = self.contradictions
        pos_right, pos_total = self.positions
        return [f"claims ({self.split}): gold reports found as statements {self.found_as_statements}/{self.gold_reports}; "
                f"system reports matched to gold {self.matched_reports}",
                f"  same claim (cross-article pairs): precision {p:.3f} ({right}/{predicted})  "
                f"recall {r:.3f} ({found}/{gold})  F1 {f1:.3f}",
                f"  contradiction pairs: precision {self._ratio(c_right, c_predicted):.3f} ({c_right}/{c_predicted})  "
                f"recall {self._ratio(c_right, c_gold):.3f} ({c_right}/{c_gold})",
                f"  positions (affirms/hedges/denies): accuracy {self._ratio(pos_right, pos_total):.3f} "
                f"({pos_right}/{pos_total})"]


def metadata(corpus: Path) -> dict[str, tuple[str, str]]:
    """PolNeAR file name → (publisher, publication date) from ``metadata.tsv``."""
    path = Path(corpus) / "metadata.tsv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["filename"]: (row.get("publisher") or "", row.get("publication_date") or "")
                for row in csv.DictReader(handle, delimiter="\t")}


def build_store(claim_set: ClaimSet, corpus: Path, folder: Path):
    """A store of the set's articles, analysed by the default engine."""
    from ..batch import ingest
    from ..store import Store

    meta = metadata(corpus)
    source = folder / "articles.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for article, text in sorted(claim_set.texts.items()):
            name = article.partition("/")[2]
            outlet, published = meta.get(name, (name.partition("_")[0], ""))
            out.write(json.dumps({"id": article, "text": text, "outlet": outlet, "published": published or None,
                                  "url": URL.format(article)}) + "\n")
    store = Store(folder / "claims.db")
    ingest([str(source)], store)
    return store


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared * 2 >= min(a[1] - a[0], b[1] - b[0])


def _match(article: str, start: int, end: int, gold: dict[str, list[GoldReport]]) -> GoldReport | None:
    best = [(min(end, g.end) - max(start, g.start), g) for g in gold.get(article, ())
            if _overlap((start, end), (g.start, g.end))]
    return max(best, key=lambda x: x[0])[1] if best else None


def score(claim_set: ClaimSet, claims: list[Claim], statements: dict[str, list[tuple[int, int]]],
          split: str = "dev", keep_errors: bool = False, stored: dict[str, Normalized] | None = None) -> ClaimScores:
    """Scores of ``claims`` (their articles named as in the set) against the set;
    ``statements`` are every stored statement's span by article. ``stored``: each article's
    text as the store keeps it (normalised), with the way back to the set's offsets."""
    def original(article: str, start: int, end: int) -> tuple[int, int]:
        norm = (stored or {}).get(article)
        return (start, end) if norm is None else norm.span(start, end)

    statements = {a: [original(a, *span) for span in spans] for a, spans in statements.items()}
    gold: dict[str, list[GoldReport]] = defaultdict(list)
    for report in claim_set.reports:
        gold[report.article].append(report)
    found = sum(any(_overlap((g.start, g.end), s) for s in statements.get(g.article, ())) for g in claim_set.reports)
    matched: list[tuple[int, Report, GoldReport, str]] = []  # claim index, system report, gold report, article
    for number, claim in enumerate(claims):
        for told in claim.reports:
            article = told.url.rsplit("/", 2)[-2] + "/" + told.url.rsplit("/", 1)[-1] if told.url else ""
            # A report is the clause that tells the claim: a statement of two clauses may tell two
            # claims, and its gold report is the one its clause overlaps.
            span = (told.proposition_start, told.proposition_end) \
                if told.proposition_end > told.proposition_start else (told.start, told.end)
            g = _match(article, *original(article, *span), gold)
            if g is not None:
                matched.append((number, told, g, article))
    errors: list[str] = []
    predicted = right = 0
    system_pairs: set[tuple[GoldReport, GoldReport]] = set()
    for (c1, r1, g1, a1), (c2, r2, g2, a2) in combinations(matched, 2):
        if c1 != c2 or a1 == a2 or g1 == g2:
            continue
        predicted += 1
        system_pairs.add((g1, g2))
        system_pairs.add((g2, g1))
        if g1.claim == g2.claim:
            right += 1
        elif keep_errors:
            errors.append(f"not one claim: [{a1}] {r1.words!r} / [{a2}] {r2.words!r} "
                          f"(gold {g1.claim} / {g2.claim})")
    gold_pairs = [(x, y) for x, y in combinations(claim_set.reports, 2) if x.claim == y.claim and x.article != y.article]
    found_pairs = sum((x, y) in system_pairs for x, y in gold_pairs)
    if keep_errors:
        errors += [f"missed: [{x.article}] {x.text!r} / [{y.article}] {y.text!r} (gold {x.claim})"
                   for x, y in gold_pairs if (x, y) not in system_pairs]
    gold_contradictions = {frozenset((x, y)) for x, y in gold_pairs if {x.position, y.position} == {"affirms", "denies"}}
    by_quote = {(c, r.quote_id): g for c, r, g, _ in matched}
    c_predicted = c_right = 0
    for number, claim in enumerate(claims):
        for yes, no in claim.contradictions:
            a, b = by_quote.get((number, yes)), by_quote.get((number, no))
            if a is None or b is None:
                continue
            c_predicted += 1
            if frozenset((a, b)) in gold_contradictions:
                c_right += 1
            elif keep_errors:
                errors.append(f"false contradiction: {a.text!r} ({a.claim}, {a.position}) / "
                              f"{b.text!r} ({b.claim}, {b.position})")
    pos_right = sum(r.position == g.position for _, r, g, _ in matched)
    if keep_errors:
        errors += [f"position {r.position}, gold {g.position}: {r.words!r}" for _, r, g, _ in matched
                   if r.position != g.position]
    return ClaimScores(split=split, gold_reports=len(claim_set.reports), found_as_statements=found,
                       matched_reports=len(matched), pairs=(right, predicted, found_pairs, len(gold_pairs)),
                       contradictions=(c_right, c_predicted, len(gold_contradictions)),
                       positions=(pos_right, len(matched)), errors=tuple(errors))


def evaluate_claims(corpus: Path | str, split: str = "dev", folder: Path | str | None = None, *,
                    keep_errors: bool = False, **options) -> ClaimScores:
    """Load the set, build its store, find claims (``options`` go to find_claims) and score them."""
    claim_set = load_claim_set(corpus, split, folder)
    with tempfile.TemporaryDirectory(prefix="sayso-eval-claims-") as tmp:
        store = build_store(claim_set, Path(corpus), Path(tmp))
        try:
            claims = find_claims(store, min_sources=1, **options)
            statements: dict[str, list[tuple[int, int]]] = defaultdict(list)
            for url, start, end in quote_spans_by_url(store):
                statements["/".join(url.rsplit("/", 2)[-2:])].append((start, end))
        finally:
            store.close()
    stored = {article: normalized(text) for article, text in claim_set.texts.items()}
    return score(claim_set, claims, statements, split, keep_errors and split != "test", stored)
