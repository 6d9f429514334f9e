"""Claims across sources: the same proposition as several articles report it, and whether the
reports agree or contradict one another.

Only statements with a clause take part: each stored statement is reduced (when its article is
analysed) to propositions: subject, predicate, object, negation, modality, times, numbers and
names (:mod:`sayso.extractors.propositions`), completed at search time from the text: a quoted
fragment's subject, a pronoun's actor (:mod:`.statements`, :mod:`.fragments`, :mod:`.subjects`).
Two propositions from different articles tell one claim when their subjects are one actor of
the store (or the same words; a subject nobody resolved asks more of the rest), their
predicates have one sense ("advocated" and "opposing" both speak of support), their numbers,
times and names agree, and their sentence embeddings are close (:mod:`.matching`,
:mod:`.embeddings`). Each
report then affirms, hedges or denies the claim's proposition (:mod:`.positions`); a claim is a
contradiction when two sources assert opposite polarities of it (:mod:`.grouping`).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .grouping import CONTRADICTION, PARAPHRASE, THRESHOLD, UNKNOWN_SUBJECT, find_claims
from .records import Claim, Evidence, Link, Report

__all__ = ["CONTRADICTION", "PARAPHRASE", "THRESHOLD", "UNKNOWN_SUBJECT", "Claim", "Evidence", "Link", "Report",
           "claim_lines", "find_claims"]


def claim_lines(claims: Iterable[Claim]) -> Iterator[dict[str, Any]]:
    """One flat row per report, for CSV and JSONL exports (its evidence as "word@start-end:kind")."""
    for claim in claims:
        for report in claim.reports:
            row = report.to_dict()
            row["evidence"] = "; ".join(f"{e.text}@{e.start}-{e.end}:{e.kind}" for e in report.evidence)
            yield {"claim_id": claim.id, "verdict": claim.verdict, "sources": len(claim.sources), **row}
