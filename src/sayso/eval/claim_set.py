"""The annotated cross-source claim set: reports of one proposition by several outlets.

The set is standoff over the PolNeAR articles (whose texts are not redistributed): each report
names its article and character span, with a checksum of the span so that a mismatched corpus
is refused instead of scored. Files in ``data/eval/claims/``:

- ``claims.jsonl``: one proposition group per line: ``id``, ``split`` (dev | test),
  ``proposition`` (the annotator's words), optional ``note``.
- ``reports.jsonl``: one report per line: ``claim`` (a claims.jsonl id), ``article``
  (``train/NAME`` or ``dev/NAME``, the PolNeAR text file without ``.txt``), ``start``, ``end``,
  ``sha1`` (the first 12 hex digits of the SHA-1 of ``text[start:end]`` in UTF-8),
  ``position`` (affirms | hedges | denies), optional ``speaker`` and ``note``.

Every report belongs to exactly one claim; a claim with one report is a hard negative when it
shares words with another claim (its report must not be grouped with theirs).
"""
from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sayso.errors import ConfigError, InputError
from sayso.corpora.brat import read_utf8

POSITIONS = ("affirms", "hedges", "denies")
HARD_NEGATIVE = "hard negative of"  # how a claim's note names the claim it mimics
SPLITS = ("dev", "test")


@dataclass(frozen=True)
class GoldClaim:
    """One proposition as the annotator worded it."""

    id: str
    split: str
    proposition: str
    note: str = ""


@dataclass(frozen=True)
class GoldReport:
    """One article's report of a claim, with the position it takes on it."""

    claim: str
    article: str  # train/NAME or dev/NAME
    start: int
    end: int
    position: str
    text: str  # the article's text[start:end]
    speaker: str = ""
    note: str = ""


@dataclass(frozen=True)
class ClaimSet:
    """The claims of one split and their reports, with the article texts they point into."""

    claims: tuple[GoldClaim, ...]
    reports: tuple[GoldReport, ...]
    texts: dict[str, str]  # article → its text

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted(self.texts))


def default_folder() -> Path:
    """``data/eval/claims`` of a source checkout."""
    return Path(__file__).resolve().parents[3] / "data" / "eval" / "claims"


def checksum(span: str) -> str:
    """The first 12 hex digits of the SHA-1 of a span's UTF-8 bytes."""
    return hashlib.sha1(span.encode("utf-8")).hexdigest()[:12]


def _lines(path: Path) -> Iterator[tuple[int, dict]]:
    if not path.is_file():
        raise ConfigError(f"claim set: {path} not found")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"{path.name} line {number}: not JSON ({err.msg})") from None


def load_claim_set(corpus: Path | str, split: str = "dev", folder: Path | str | None = None) -> ClaimSet:
    """The claims and reports of ``split``, checked against the PolNeAR ``corpus`` folder
    (the one holding ``train/text`` and ``dev/text``)."""
    if split not in SPLITS:
        raise ConfigError(f"claim set: split must be one of {', '.join(SPLITS)}, not {split!r}")
    folder = Path(folder) if folder is not None else default_folder()
    corpus = Path(corpus)
    claims: dict[str, GoldClaim] = {}
    for number, row in _lines(folder / "claims.jsonl"):
        try:
            claim = GoldClaim(id=str(row["id"]), split=str(row["split"]), proposition=str(row["proposition"]),
                              note=str(row.get("note", "")))
        except KeyError as err:
            raise InputError(f"claims.jsonl line {number}: missing {err.args[0]!r}") from None
        if claim.split not in SPLITS:
            raise InputError(f"claims.jsonl line {number}: split {claim.split!r} is not dev or test")
        if claim.id in claims:
            raise InputError(f"claims.jsonl line {number}: claim {claim.id!r} appears twice")
        claims[claim.id] = claim
    texts: dict[str, str] = {}
    reports: list[GoldReport] = []
    for number, row in _lines(folder / "reports.jsonl"):
        where = f"reports.jsonl line {number}"
        try:
            claim_id, article = str(row["claim"]), str(row["article"])
            start, end, position, digest = int(row["start"]), int(row["end"]), str(row["position"]), str(row["sha1"])
        except (KeyError, TypeError, ValueError) as err:
            raise InputError(f"{where}: bad or missing field ({err})") from None
        if claim_id not in claims:
            raise InputError(f"{where}: unknown claim {claim_id!r}")
        if position not in POSITIONS:
            raise InputError(f"{where}: position {position!r} is not one of {', '.join(POSITIONS)}")
        if claims[claim_id].split != split:
            continue
        if article not in texts:
            path = corpus / article.partition("/")[0] / "text" / f"{article.partition('/')[2]}.txt"
            if not path.is_file():
                raise ConfigError(f"{where}: article {article!r} not in the corpus ({path} not found)")
            texts[article] = read_utf8(path)
        text = texts[article]
        if not 0 <= start < end <= len(text) or checksum(text[start:end]) != digest:
            raise InputError(f"{where}: span {start}-{end} of {article!r} does not match its checksum "
                             "(another version of the corpus?)")
        reports.append(GoldReport(claim=claim_id, article=article, start=start, end=end, position=position,
                                  text=text[start:end], speaker=str(row.get("speaker", "")),
                                  note=str(row.get("note", ""))))
    return ClaimSet(claims=tuple(c for c in claims.values() if c.split == split), reports=tuple(reports),
                    texts=texts)


@dataclass(frozen=True)
class ClaimSetSummary:
    """The counts that say what a split of the set measures."""

    split: str
    claims: int
    reports: int
    articles: int
    publishers: int
    positions: dict[str, int]  # affirms / hedges / denies → reports
    multi_report_claims: int  # claims with two reports or more
    multi_publisher_claims: int  # claims reported by two publishers or more
    contradictions: int  # claims affirmed and denied by different speakers or articles
    hard_negatives: int  # claims whose note says which claim they mimic

    def lines(self) -> list[str]:
        positions = ", ".join(f"{self.positions.get(p, 0)} {p}" for p in POSITIONS)
        return [f"{self.split}: {self.claims} claims, {self.reports} reports ({positions})",
                f"  {self.articles} articles from {self.publishers} publishers; "
                f"{self.multi_report_claims} claims with 2+ reports, {self.multi_publisher_claims} from 2+ publishers",
                f"  {self.contradictions} contradictions, {self.hard_negatives} hard negatives"]


def publisher(article: str) -> str:
    """The outlet of a PolNeAR article: ``train/nyt_2016-07-05_…`` → ``nyt``."""
    return article.partition("/")[2].partition("_")[0]


def is_contradiction(reports: Sequence[GoldReport]) -> bool:
    """Whether one claim's reports affirm and deny it from two different voices: a speaker
    contradicted by another speaker, or an outlet's report against another outlet's."""
    affirming = {(r.speaker, r.article) for r in reports if r.position == "affirms"}
    denying = {(r.speaker, r.article) for r in reports if r.position == "denies"}
    return any(a[0] != d[0] or a[1] != d[1] for a in affirming for d in denying)


def describe(claim_set: ClaimSet, split: str = "") -> ClaimSetSummary:
    """Count a loaded split: claims, reports by position, contradictions and hard negatives."""
    by_claim: dict[str, list[GoldReport]] = {c.id: [] for c in claim_set.claims}
    for report in claim_set.reports:
        by_claim.setdefault(report.claim, []).append(report)
    return ClaimSetSummary(
        split=split or (claim_set.claims[0].split if claim_set.claims else ""),
        claims=len(claim_set.claims), reports=len(claim_set.reports), articles=len(claim_set.texts),
        publishers=len({publisher(a) for a in claim_set.texts}),
        positions=dict(Counter(r.position for r in claim_set.reports)),
        multi_report_claims=sum(len(rs) >= 2 for rs in by_claim.values()),
        multi_publisher_claims=sum(len({publisher(r.article) for r in rs}) >= 2 for rs in by_claim.values()),
        contradictions=sum(is_contradiction(rs) for rs in by_claim.values()),
        hard_negatives=sum(c.note.startswith(HARD_NEGATIVE) for c in claim_set.claims))


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m sayso.eval.claim_set POLNEAR [FOLDER]``: check the set and print its counts."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) not in {1, 2}:
        print("usage: python -m sayso.eval.claim_set POLNEAR [data/eval/claims]", file=sys.stderr)
        return 2
    try:
        for split in SPLITS:
            print("\n".join(describe(load_claim_set(args[0], split, args[1] if len(args) == 2 else None),
                                     split).lines()))
    except (InputError, ConfigError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
