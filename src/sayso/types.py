"""Domain records shared by the engine, the CLI, the store and the API.

Every record is a frozen dataclass with ``to_dict``/``from_dict``; spans are Python ``str``
character offsets ``(start, end)`` into :attr:`Analysis.text`, the article text as it was given.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

Span = tuple[int, int]


class Vocabulary(StrEnum):
    """A closed set of values. Members equal their strings (``Certainty.HEDGED == "hedged"``),
    so records, JSON and SQL carry plain strings; :attr:`label` is the value in words."""

    @property
    def label(self) -> str:
        """The value as a reader sees it: "according to", "media outlet"."""
        return LABELS.get(self, self.value.replace("_", " "))


class ActorType(Vocabulary):
    """What kind of actor a cluster of mentions denotes."""

    PERSON = "PERSON"
    ORG = "ORG"
    MEDIA = "MEDIA"
    GPE = "GPE"
    LOC = "LOC"
    NORP = "NORP"
    GROUP = "GROUP"  # unnamed collectives: "officials", "protesters", "sources"


class QuoteKind(Vocabulary):
    """How a statement is reported."""

    DIRECT = "direct"  # "We will not back down," he said.
    INDIRECT = "indirect"  # He said that they would not back down.
    MIXED = "mixed"  # He said they "will not back down".
    PARTIAL = "partial"  # She depicts the protests as "turbulence".
    ACCORDING_TO = "according_to"  # According to the ministry, ...
    TRANSCRIPT = "transcript"  # Christopher Hill: My qualifications are ... (an interview turn)


class StatementType(Vocabulary):
    """What act the cue reports (docs/annotation.md, "Type")."""

    SPEECH = "speech"  # said, told, added, an interview answer
    WRITING = "writing"  # wrote, posted, a statement, a report that finds
    BELIEF = "belief"  # believes, sees ... as, fears, expects
    INTENTION = "intention"  # plans, intends, promised to
    UNSPECIFIED = "unspecified"  # according to X


class Certainty(Vocabulary):
    """How committed the speaker is to the statement."""

    ASSERTED = "asserted"
    HEDGED = "hedged"  # "might", "probably", "suggested"
    DOUBTED = "doubted"  # "doubts", "denied", "is not true"


class Polarity(Vocabulary):
    """Whether the statement is negated as a whole ("did not", "denied")."""

    POSITIVE = "positive"
    NEGATIVE = "negative"


class Stance(Vocabulary):
    """The reporter's stance, from the reporting verb: "claimed" distances, "acknowledged" endorses."""

    NEUTRAL = "neutral"
    DISTANCING = "distancing"
    ENDORSING = "endorsing"


class MarkerKind(Vocabulary):
    """What a marker word does to its statement."""

    HEDGE = "hedge"  # "might"
    BOOSTER = "booster"  # "certainly"
    DOUBT = "doubt"  # "doubts"
    NEGATION = "negation"  # "not"


#: Words for a reader where the value itself does not read well.
LABELS: dict[Vocabulary, str] = {
    ActorType.PERSON: "person", ActorType.ORG: "organisation", ActorType.MEDIA: "media outlet",
    ActorType.GPE: "country or city", ActorType.LOC: "place", ActorType.NORP: "nationality or group",
    ActorType.GROUP: "group",
}

#: Every vocabulary by the name the JSON schema's ``$defs``, the store and the web page use.
VOCABULARIES: dict[str, type[Vocabulary]] = {
    "actor_type": ActorType, "quote_kind": QuoteKind, "statement_type": StatementType,
    "certainty": Certainty, "polarity": Polarity, "stance": Stance, "marker_kind": MarkerKind,
}


def parse_fields(record: Any, **vocabularies: type[Vocabulary]) -> None:
    """Turn the plain strings a frozen dataclass was given for its vocabulary fields into members
    ("hedged" → Certainty.HEDGED), leaving None alone; an unknown value raises ValueError."""
    for name, vocabulary in vocabularies.items():
        value = getattr(record, name)
        if value is not None and not isinstance(value, vocabulary):
            object.__setattr__(record, name, vocabulary(value))


def _span(value: Any) -> Span | None:
    return None if value is None else (int(value[0]), int(value[1]))


@dataclass(frozen=True)
class Actor:
    """One person, organisation, place, outlet or group, with all its mentions."""

    id: str
    name: str
    type: ActorType
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    named: bool = True  # False for descriptions such as "a senior official"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type.value,
            "aliases": list(self.aliases),
            "roles": list(self.roles),
            "mentions": [list(m) for m in self.mentions],
            "named": self.named,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            id=data["id"],
            name=data["name"],
            type=ActorType(data["type"]),
            aliases=tuple(data.get("aliases", ())),
            roles=tuple(data.get("roles", ())),
            mentions=tuple(_span(m) for m in data.get("mentions", ())),  # type: ignore[misc]
            named=data.get("named", True),
        )


@dataclass(frozen=True)
class Marker:
    """A word or phrase that sets a statement's certainty or polarity ("might", "denies")."""

    text: str
    start: int
    end: int
    kind: MarkerKind

    def __post_init__(self) -> None:
        parse_fields(self, kind=MarkerKind)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind.value}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Marker:
        return cls(data["text"], int(data["start"]), int(data["end"]), MarkerKind(data["kind"]))


@dataclass(frozen=True)
class Proposition:
    """What one clause of a statement asserts: subject, predicate, object, with its negation,
    modality, times and numbers ("the council did not approve the $2 million budget in May")."""

    start: int  # the clause, from its first to its last word
    end: int
    text: str
    subject: Span | None  # the subject's words (None: no subject in the clause)
    predicate: str  # the main verb's lemma, or "be " + its complement ("be careless")
    object: Span | None = None  # the object or complement's words
    negated: bool = False
    modality: str | None = None  # the modal or hedge that weakens it ("could", "likely")
    markers: tuple[Marker, ...] = ()  # negation and hedge words on the predicate
    times: tuple[str, ...] = ()  # dates and times as written ("March", "last year")
    numbers: tuple[str, ...] = ()  # amounts as written ("$1.3 million", "less than 5 percent")
    names: tuple[str, ...] = ()  # named entities and events besides the subject ("the Iowa caucuses")
    lemmas: tuple[str, ...] = ()  # its content words' lemmas

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "subject": None if self.subject is None else list(self.subject), "predicate": self.predicate,
                "object": None if self.object is None else list(self.object), "negated": self.negated,
                "modality": self.modality, "markers": [m.to_dict() for m in self.markers],
                "times": list(self.times), "numbers": list(self.numbers), "names": list(self.names),
                "lemmas": list(self.lemmas)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Proposition:
        return cls(start=int(data["start"]), end=int(data["end"]), text=data["text"],
                   subject=_span(data.get("subject")), predicate=data["predicate"], object=_span(data.get("object")),
                   negated=bool(data.get("negated", False)), modality=data.get("modality"),
                   markers=tuple(Marker.from_dict(m) for m in data.get("markers", ())),
                   times=tuple(data.get("times", ())), numbers=tuple(data.get("numbers", ())),
                   names=tuple(data.get("names", ())), lemmas=tuple(data.get("lemmas", ())))


@dataclass(frozen=True)
class Quote:
    """A statement attributed (or attributable) to a speaker, with its cue and medium."""

    id: str
    kind: QuoteKind
    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_mention: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None
    medium: str | None = None
    medium_mention: Span | None = None
    inherited: bool = False  # speaker carried over from a neighbouring quote
    parts: tuple[Span, ...] = ()  # pieces of a split quote ("…," he said. "…"); else one part
    certainty: Certainty = Certainty.ASSERTED
    polarity: Polarity = Polarity.POSITIVE
    hedges: tuple[Marker, ...] = ()  # the words that set certainty and polarity
    stance: Stance = Stance.NEUTRAL  # the reporter's, from the cue
    type: StatementType = StatementType.SPEECH  # the act the cue reports: speech, writing, belief …
    propositions: tuple[Proposition, ...] = ()  # what its clauses assert (none: no clause, "Sen. Marco Rubio")

    def __post_init__(self) -> None:
        parse_fields(self, kind=QuoteKind, certainty=Certainty, polarity=Polarity, stance=Stance,
                     type=StatementType)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker,
            "speaker_mention": None if self.speaker_mention is None else list(self.speaker_mention),
            "cue": self.cue,
            "cue_span": None if self.cue_span is None else list(self.cue_span),
            "medium": self.medium,
            "medium_mention": None if self.medium_mention is None else list(self.medium_mention),
            "inherited": self.inherited,
            "parts": [list(p) for p in (self.parts or ((self.start, self.end),))],
            "certainty": self.certainty.value,
            "polarity": self.polarity.value,
            "hedges": [m.to_dict() for m in self.hedges],
            "stance": self.stance.value,
            "type": self.type.value,
            "propositions": [p.to_dict() for p in self.propositions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        return cls(
            id=data["id"],
            kind=QuoteKind(data["kind"]),
            start=int(data["start"]),
            end=int(data["end"]),
            text=data["text"],
            speaker=data.get("speaker"),
            speaker_mention=_span(data.get("speaker_mention")),
            cue=data.get("cue"),
            cue_span=_span(data.get("cue_span")),
            medium=data.get("medium"),
            medium_mention=_span(data.get("medium_mention")),
            inherited=data.get("inherited", False),
            parts=tuple((int(p[0]), int(p[1])) for p in data.get("parts", ())),
            certainty=Certainty(data.get("certainty", Certainty.ASSERTED)),
            polarity=Polarity(data.get("polarity", Polarity.POSITIVE)),
            hedges=tuple(Marker.from_dict(m) for m in data.get("hedges", ())),
            stance=Stance(data.get("stance", Stance.NEUTRAL)),
            type=StatementType(data.get("type", StatementType.SPEECH)),
            propositions=tuple(Proposition.from_dict(p) for p in data.get("propositions", ())),
        )


@dataclass(frozen=True)
class Relation:
    """Who does what to whom, by whose account: "Iran funds the militias", says the claimant."""

    id: str
    subject: str
    predicate: str
    object: str
    start: int
    end: int
    text: str
    claimant: str | None = None  # the speaker when stated inside a quote; None: the article's voice
    quote: str | None = None  # the quote it was stated in
    certainty: Certainty = Certainty.ASSERTED
    polarity: Polarity = Polarity.POSITIVE
    trigger: Span | None = None  # the word that expresses it: "funds", "Iran-backed"

    def __post_init__(self) -> None:
        parse_fields(self, certainty=Certainty, polarity=Polarity)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "claimant": self.claimant,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "certainty": self.certainty.value,
            "polarity": self.polarity.value,
            "trigger": None if self.trigger is None else list(self.trigger),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relation:
        return cls(
            id=data["id"], subject=data["subject"], predicate=data["predicate"], object=data["object"],
            start=int(data["start"]), end=int(data["end"]), text=data["text"],
            claimant=data.get("claimant"), quote=data.get("quote"),
            certainty=Certainty(data.get("certainty", Certainty.ASSERTED)),
            polarity=Polarity(data.get("polarity", Polarity.POSITIVE)),
            trigger=_span(data.get("trigger")),
        )


@dataclass(frozen=True)
class ScareQuote:
    """A short quoted phrase that is nobody's statement: so-called "peace" talks."""

    start: int
    end: int
    text: str
    quote: str | None = None  # the statement it stands in, if any

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "quote": self.quote}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScareQuote:
        return cls(int(data["start"]), int(data["end"]), data["text"], data.get("quote"))


@dataclass(frozen=True)
class Analysis:
    """Everything sayso found in one article; all offsets index into ``text``."""

    text: str
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    relations: tuple[Relation, ...] = ()
    scare_quotes: tuple[ScareQuote, ...] = ()
    #: Attitudes to a thing or topics with no proposition ("attacked Machado", "discussed his
    #: background"), ids ``t1``…: attributions in PolNeAR's sense, not statements.
    attitudes: tuple[Quote, ...] = ()
    warnings: tuple[str, ...] = ()
    lang: str | None = None  # ISO 639-1, given or identified; None: too short or mixed to tell
    meta: dict[str, Any] = field(default_factory=dict)

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "actors": [a.to_dict() for a in self.actors],
            "quotes": [q.to_dict() for q in self.quotes],
            "relations": [r.to_dict() for r in self.relations],
            "scare_quotes": [s.to_dict() for s in self.scare_quotes],
            "attitudes": [q.to_dict() for q in self.attitudes],
            "warnings": list(self.warnings),
            "lang": self.lang,
        }
        if self.meta:
            out["meta"] = dict(self.meta)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            text=data["text"],
            actors=tuple(Actor.from_dict(a) for a in data.get("actors", ())),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", ())),
            relations=tuple(Relation.from_dict(r) for r in data.get("relations", ())),
            scare_quotes=tuple(ScareQuote.from_dict(s) for s in data.get("scare_quotes", ())),
            attitudes=tuple(Quote.from_dict(q) for q in data.get("attitudes", ())),
            warnings=tuple(data.get("warnings", ())),
            lang=data.get("lang"),
            meta=dict(data.get("meta", {})),
        )
