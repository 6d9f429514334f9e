"""The rows queries return: frozen dataclasses with ``to_dict``, built from SQLite rows."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from ..types import ActorType, Certainty, Polarity, QuoteKind, Stance, StatementType, parse_fields


@dataclass(frozen=True)
class QuoteRow:
    id: int
    article_id: int
    local_id: str
    kind: QuoteKind
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_id: int | None
    speaker_type: ActorType | None
    speaker_as: str | None
    cue: str | None
    medium: str | None
    medium_id: int | None
    inherited: bool
    certainty: Certainty | None
    polarity: Polarity | None
    stance: Stance | None
    type: StatementType | None  # the act the cue reports; None: stored before sayso knew it
    published: str | None
    outlet: str | None
    title: str | None
    url: str | None
    extra: dict[str, Any] = field(default_factory=dict)
    parts: list[list[int]] = field(default_factory=list)  # a split quote's pieces, article offsets
    lang: str | None = None  # the article's language (ISO 639-1); None: not told

    def __post_init__(self) -> None:
        parse_fields(self, kind=QuoteKind, speaker_type=ActorType, certainty=Certainty, polarity=Polarity,
                     stance=Stance, type=StatementType)

    @property
    def words(self) -> str:
        """The quoted words only: a split quote's parts joined with " … ", without the
        reporter's words between them ("he said")."""
        if len(self.parts) < 2:
            return self.text
        return " … ".join(self.text[s - self.start:e - self.start] for s, e in self.parts)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ActorRow:
    id: int
    name: str
    type: ActorType
    named: bool
    articles: int
    mentions: int
    quotes: int

    def __post_init__(self) -> None:
        parse_fields(self, type=ActorType)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Tie:
    """One kind of link between two actors, with how often and in how many articles."""

    source_id: int
    source: str
    target_id: int
    target: str
    kind: str  # speaks_about, told, or a relation type
    count: int
    articles: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ActorProfile:
    actor: ActorRow
    aliases: tuple[tuple[str, int], ...]
    roles: tuple[tuple[str, int], ...]
    quotes_by: tuple[QuoteRow, ...]
    quotes_about: tuple[QuoteRow, ...]
    quotes_by_total: int
    quotes_about_total: int
    ties: tuple[Tie, ...]
    co_mentioned: tuple[tuple[ActorRow, int], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor.to_dict(),
            "aliases": [{"alias": a, "count": n} for a, n in self.aliases],
            "roles": [{"role": r, "count": n} for r, n in self.roles],
            "quotes_by": [q.to_dict() for q in self.quotes_by],
            "quotes_about": [q.to_dict() for q in self.quotes_about],
            "quotes_by_total": self.quotes_by_total,
            "quotes_about_total": self.quotes_about_total,
            "ties": [t.to_dict() for t in self.ties],
            "co_mentioned": [{"actor": a.to_dict(), "articles": n} for a, n in self.co_mentioned],
        }


@dataclass(frozen=True)
class ArticleRow:
    id: int
    url: str | None
    title: str | None
    published: str | None
    outlet: str | None
    author: str | None
    lang: str | None  # ISO 639-1; None: too short or mixed to tell, or stored before sayso kept it
    source: str | None
    source_key: str | None
    fetched_at: str | None
    ingested_at: str
    content_hash: str
    quotes: int
    actors: int
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class RelationRow:
    """One relation with its actors' names: "Iran funds the militias", by whose account."""

    id: int
    article_id: int
    local_id: str | None
    subject: str | None
    subject_id: int | None
    predicate: str | None
    object: str | None
    object_id: int | None
    claimant: str | None
    claimant_id: int | None
    quote_id: int | None
    certainty: Certainty | None
    polarity: Polarity | None
    text: str | None
    start: int | None
    end: int | None
    published: str | None
    outlet: str | None

    def __post_init__(self) -> None:
        parse_fields(self, certainty=Certainty, polarity=Polarity)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def quote_row(row: Any) -> QuoteRow:
    """A :class:`QuoteRow` from a row of the quote select."""
    extra = json.loads(row["extra"] or "{}")
    return QuoteRow(
        id=row["id"], article_id=row["article_id"], local_id=row["local_id"], kind=row["kind"],
        text=row["text"], start=row["start_char"], end=row["end_char"], speaker=row["speaker"],
        speaker_id=row["speaker_id"], speaker_type=row["speaker_type"],
        speaker_as=row["speaker_text"], cue=row["cue"], medium=row["medium"],
        medium_id=row["medium_id"], inherited=bool(row["inherited"]),
        certainty=row["certainty"], polarity=row["polarity"], stance=row["stance"], type=row["type"],
        published=row["published"], outlet=row["outlet"],
        title=row["title"], url=row["url"], extra=extra,
        parts=sorted(json.loads(row["parts"] or "[]")), lang=row["lang"],
    )


def actor_row(row: Any) -> ActorRow:
    """An :class:`ActorRow` from a row of ``actors``."""
    return ActorRow(id=row["id"], name=row["name"], type=row["type"], named=bool(row["named"]),
                    articles=row["article_count"], mentions=row["mention_count"],
                    quotes=row["quote_count"])


def article_row(row: Any) -> ArticleRow:
    """An :class:`ArticleRow` from a row of the article select."""
    data = {k: row[k] for k in row.keys() if k != "meta"}
    return ArticleRow(**data, meta=json.loads(row["meta"] or "{}"))
