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
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sayso.errors import ConfigError, InputError
from sayso.eval.brat import read_utf8

POSITIONS = ("affirms", "hedges", "denies")
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
