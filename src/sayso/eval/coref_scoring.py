"""Scores of sayso's speakers and actors against coreference chains (pure; no model).

A gold mention is *attached* when one of sayso's actor mentions or quote speaker mentions
matches it (the predicted span holds the gold head word; the closest such gold mention wins)
and that actor has another mention to resolve it to. It is *right* when the actor's name —
its mentions spelled as its name or an alias, else its other mentions — lies mostly in the
mention's gold chain. Measured for mentions of people and organisations:

- **pronouns**: third-person ("he", "its", "they"), people's separately, and first/second person;
- **descriptions**: definite noun phrases after the chain's first mention ("the minister");
- **named later**: descriptions of an entity whose name comes only later ("a spokesman … Smith");
- **short names**: a name whose words are part of an earlier name of the chain ("Mohib" after
  "Hamdullah Mohib"), right only when sayso's actor also holds that fuller name;
- **clustering**: B-cubed precision and recall of sayso's actors against the gold chains over
  the name mentions both sides have;
- **speakers**: each quote whose speaker mention matches a gold mention: is the quote's actor
  that mention's entity? A pronoun or description of a named entity ("he", "the minister")
  counts only when the actor holds that entity's name.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sayso.corpora.counts import add_maps, f1_score, ratio
from sayso.eval.gum import CorefDocument, Entity, Mention

Span = tuple[int, int]
ACTOR_TYPES = frozenset({"person", "organization"})
THIRD_PERSON = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
                          "they", "them", "their", "theirs", "themselves"})
FIRST_SECOND = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
                          "you", "your", "yours", "yourself", "yourselves"})
CATEGORIES = ("pronoun", "pronoun_person", "pronoun_first_second", "description", "named_later", "short_name")


@dataclass(frozen=True)
class PredictedActor:
    """One sayso actor in offsets of the gold text."""

    id: str
    name: str
    mentions: tuple[Span, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class PredictedQuote:
    """One sayso quote's speaker: the mention in the text and the actor it was resolved to."""

    speaker_mention: Span
    speaker: str | None = None  # actor id


@dataclass(frozen=True)
class Resolution:
    """Gold mentions of one category: how many, how many sayso attached, how many rightly."""

    total: int = 0
    attached: int = 0
    right: int = 0

    @property
    def coverage(self) -> float:
        return ratio(self.attached, self.total)

    @property
    def accuracy(self) -> float:
        return ratio(self.right, self.attached)

    def __add__(self, other: Resolution) -> Resolution:
        return Resolution(self.total + other.total, self.attached + other.attached, self.right + other.right)

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "attached": self.attached, "right": self.right,
                "coverage": self.coverage, "accuracy": self.accuracy}


@dataclass(frozen=True)
class BCubed:
    """Sums of per-mention B-cubed precision and recall over ``matched`` of ``gold`` mentions."""

    precision_sum: float = 0.0
    recall_sum: float = 0.0
    matched: int = 0
    gold: int = 0

    @property
    def p(self) -> float:
        return ratio(self.precision_sum, self.matched)

    @property
    def r(self) -> float:
        return ratio(self.recall_sum, self.matched)

    @property
    def f1(self) -> float:
        return f1_score(self.p, self.r)

    def __add__(self, other: BCubed) -> BCubed:
        return BCubed(self.precision_sum + other.precision_sum, self.recall_sum + other.recall_sum,
                      self.matched + other.matched, self.gold + other.gold)

    def to_dict(self) -> dict[str, Any]:
        return {"p": self.p, "r": self.r, "f1": self.f1, "matched": self.matched, "gold": self.gold}


def _add(a: dict[str, Resolution], b: dict[str, Resolution]) -> dict[str, Resolution]:
    """Summed resolutions by category, categories in name order."""
    return dict(sorted(add_maps(a, b).items()))


@dataclass(frozen=True)
class CorefScores:
    """Counts for one document or, summed, a corpus."""

    resolution: dict[str, Resolution] = field(default_factory=dict)  # by category
    clustering: BCubed = BCubed()
    speakers: dict[str, Resolution] = field(default_factory=dict)  # by the gold kind of the speaker mention

    def __add__(self, other: CorefScores) -> CorefScores:
        return CorefScores(_add(self.resolution, other.resolution), self.clustering + other.clustering,
                           _add(self.speakers, other.speakers))

    def to_dict(self) -> dict[str, Any]:
        return {"resolution": {k: v.to_dict() for k, v in self.resolution.items()},
                "clustering": self.clustering.to_dict(),
                "speakers": {k: v.to_dict() for k, v in self.speakers.items()}}


@dataclass(frozen=True)
class CorefError:
    """One wrong resolution, for reading: the category, the mention in context, gold and got."""

    document: str
    category: str
    context: str
    gold: str
    got: str

    def __str__(self) -> str:
        return f"{self.category:<22} {self.context}  gold {self.gold!r}, got {self.got!r}"


class _Gold:
    """The gold mentions of one document, with their chains and a span → mention lookup."""

    def __init__(self, doc: CorefDocument) -> None:
        self.doc = doc
        self.mentions: list[Mention] = []
        self.chain: list[Entity] = []
        for entity in doc.entities:
            for mention in entity.mentions:
                self.mentions.append(mention)
                self.chain.append(entity)

    def match(self, span: Span) -> int | None:
        """The gold mention a predicted span stands for: one whose head word it holds, closest
        in extent ("Mohib" → the mention "Mohib", not "Mohib's office"); else the smallest one
        it ends ("Sehar Memon" in "association president Sehar Memon"); else one it mostly
        overlaps."""
        s, e = span
        best, best_score = None, 0.0
        for i, m in enumerate(self.mentions):
            common = min(e, m.end) - max(s, m.start)
            if common <= 0:
                continue
            jaccard = common / (max(e, m.end) - min(s, m.start))
            if s <= m.head[0] and m.head[1] <= e:
                # "Lydia Buchtmann for FSANZ" stands for Lydia Buchtmann: the phrase's first mention
                score = 2.0 + jaccard + (0.5 if m.start == s else 0.0)
            elif m.start <= s and e == m.end:  # not a modifier: "the [Czech] composer"
                score = 1.0 + jaccard
            else:
                score = jaccard if jaccard >= 0.5 else 0.0
            if score > best_score:
                best, best_score = i, score
        return best

    def label(self, entity: Entity) -> str:
        """A readable name for a gold entity: its identity, else its first name, else first mention."""
        if entity.identity:
            return entity.identity.replace("_", " ")
        named = [m for m in entity.mentions if m.kind == "name"]
        return (named or list(entity.mentions))[0].text

    def context(self, mention: Mention, width: int = 70) -> str:
        text = self.doc.text
        before = text[max(0, mention.start - width):mention.start].split("\n\n")[-1]
        after = text[mention.end:mention.end + 30].split("\n\n")[0]
        return f"…{before}[{mention.text}]{after}…".replace("\n", " ")


def _same(a: Entity | None, b: Entity | None) -> bool:
    """One entity: one chain, or two chains GUM links to the same Wikipedia identity."""
    return a is not None and b is not None and (a is b or bool(a.identity) and a.identity == b.identity)


def _words(text: str) -> tuple[str, ...]:
    words = [w.strip(".,'’\"").lower() for w in text.replace("’s", "").replace("'s", "").split()]
    return tuple(w for w in words if w and w != "the")


def categories(entity: Entity, mention: Mention, text: str) -> list[str]:
    """The measured categories a gold mention falls in (none for most mentions)."""
    if entity.type not in ACTOR_TYPES or len(entity.mentions) < 2:
        return []
    others = [m for m in entity.mentions if m != mention]
    if mention.kind == "pronoun":
        word = text[mention.head[0]:mention.head[1]].lower()
        if not any(m.kind != "pronoun" for m in others):
            return []
        if word in THIRD_PERSON:
            return ["pronoun", "pronoun_person"] if entity.type == "person" else ["pronoun"]
        return ["pronoun_first_second"] if word in FIRST_SECOND else []
    earlier = [m for m in others if m.start < mention.start]
    found = ["description"] if mention.kind == "description" and earlier else []
    names = [m for m in others if m.kind == "name"]
    words = set(_words(mention.text))
    if mention.kind in {"description", "other"} and names and all(m.start >= mention.end for m in names) \
            and not any(set(_words(m.text)[-1:]) & words for m in names):
        # "A spokesman for the union … John Smith, the spokesman, said": named only later (a
        # phrase holding the name, "Biologist Nick Bos", is not one of these).
        found.append("named_later")
    if found:
        return found
    if mention.kind == "name":
        # "Mohib" after "Hamdullah Mohib": one word of an earlier, longer name of the chain.
        own = _words(mention.text)
        if len(own) == 1 and any(m.kind == "name" and len(_words(m.text)) > 1 and own[0] in _words(m.text)
                                 for m in earlier):
            return ["short_name"]
    return []


def score_document(doc: CorefDocument, actors: Sequence[PredictedActor], quotes: Sequence[PredictedQuote],
                   ) -> tuple[CorefScores, list[CorefError]]:
    """All counts for one document, and its wrong resolutions."""
    gold = _Gold(doc)
    by_id = {a.id: a for a in actors}
    matched: dict[int, list[str]] = {}  # gold mention -> actors holding a mention of it
    mention_of: dict[tuple[str, Span], int | None] = {}
    for predicted in actors:
        for span in predicted.mentions:
            g = gold.match(span)
            mention_of[(predicted.id, span)] = g
            if g is not None:
                matched.setdefault(g, []).append(predicted.id)
    for quote in quotes:
        g = gold.match(quote.speaker_mention)
        if g is not None and quote.speaker in by_id and quote.speaker not in matched.get(g, []):
            matched.setdefault(g, []).append(quote.speaker)

    def anchor(actor: PredictedActor, exclude: int | None) -> Entity | None:
        """The gold entity an actor stands for: where the mentions spelled as its name mostly lie
        (else those spelled as an alias, else all), among the mentions the gold annotates (an
        interview's turn label is sayso's mention of the speaker, but no mention in GUM)."""
        spans = [s for s in actor.mentions if mention_of[(actor.id, s)] is not None
                 and (exclude is None or mention_of[(actor.id, s)] != exclude)]
        aliases = {a.strip() for a in actor.aliases}
        named = ([s for s in spans if doc.text[s[0]:s[1]].strip() == actor.name.strip()]
                 or [s for s in spans if doc.text[s[0]:s[1]].strip() in aliases] or spans)
        chains = [gold.chain[g] for g in (mention_of[(actor.id, s)] for s in named) if g is not None]
        votes = Counter(e.identity or e.id for e in chains)
        if not votes:
            return None
        top = votes.most_common(1)[0][0]
        return next(e for e in chains if (e.identity or e.id) == top)

    resolution: dict[str, Resolution] = {}
    errors: list[CorefError] = []
    for i, mention in enumerate(gold.mentions):
        entity = gold.chain[i]
        for category in categories(entity, mention, doc.text):
            actor = next((by_id[a] for a in matched.get(i, ()) if a in by_id), None)
            others = [s for s in actor.mentions if mention_of.get((actor.id, s)) != i] if actor else []
            attached = bool(others) if category != "short_name" else actor is not None
            right = False
            if attached and actor is not None:
                got = anchor(actor, i)
                right = _same(got, entity)
                full = category != "short_name" or any(
                    (at := mention_of[(actor.id, s)]) is not None and _same(gold.chain[at], entity)
                    and len(_words(doc.text[s[0]:s[1]])) > 1 for s in actor.mentions)
                if not (right and full) and category != "pronoun_person":
                    got_text = _got(gold, actor, got, bool(others)) if not right else \
                        f"{actor.name}, never with the full name"
                    errors.append(CorefError(doc.name, category, gold.context(mention), gold.label(entity), got_text))
                right = right and full
            resolution = _add(resolution, {category: Resolution(1, int(attached), int(right))})

    speakers: dict[str, Resolution] = {}
    for quote in quotes:
        g = gold.match(quote.speaker_mention)
        if g is None:
            continue
        entity, mention = gold.chain[g], gold.mentions[g]
        actor = by_id.get(quote.speaker) if quote.speaker else None
        # "he said", "the minister said": right only when linked to the entity's name, if it has one
        linked = mention.kind in {"pronoun", "description"} and any(
            m.kind == "name" for m in entity.mentions if m != mention)
        got = anchor(actor, g if linked else None) if actor else None
        right = _same(got, entity)
        kind = _speaker_kind(mention, doc.text)
        speakers = _add(speakers, {kind: Resolution(1, int(actor is not None), int(right))})
        if not right:
            elsewhere = actor is not None and any(mention_of[(actor.id, s)] != g for s in actor.mentions)
            errors.append(CorefError(doc.name, f"speaker:{kind}", gold.context(mention), gold.label(entity),
                                     _got(gold, actor, got, elsewhere or not linked) if actor else "no actor"))
    return CorefScores(resolution, _bcubed(gold, actors, mention_of), speakers), errors


def _speaker_kind(mention: Mention, text: str) -> str:
    """A speaker mention's kind; pronouns by person ("I" in an interview answer is the speaker)."""
    if mention.kind != "pronoun":
        return mention.kind
    word = text[mention.head[0]:mention.head[1]].lower()
    return "pronoun-3rd" if word in THIRD_PERSON else "pronoun-1st/2nd" if word in FIRST_SECOND else "pronoun-other"


def _got(gold: _Gold, actor: PredictedActor, got: Entity | None, others: bool) -> str:
    """What sayso resolved a mention to: its actor's name and the gold entity that name stands for."""
    if not others:
        return f"{actor.name} (an actor of its own)"
    return f"{actor.name} = {gold.label(got) if got else 'no gold mention'}"


def _bcubed(gold: _Gold, actors: Sequence[PredictedActor], mention_of: dict[tuple[str, Span], int | None]) -> BCubed:
    """B-cubed over the gold name mentions of people and organisations that sayso also has."""
    items = [i for i, m in enumerate(gold.mentions)
             if m.kind == "name" and gold.chain[i].type in ACTOR_TYPES]
    predicted: dict[int, str] = {}
    for actor in actors:
        for span in actor.mentions:
            g = mention_of.get((actor.id, span))
            if g is not None and g not in predicted:
                predicted[g] = actor.id
    both = [i for i in items if i in predicted]
    p_sum = r_sum = 0.0
    for i in both:
        same_pred = [j for j in both if predicted[j] == predicted[i]]
        same_gold = [j for j in both if _same(gold.chain[j], gold.chain[i])]
        common = len([j for j in same_pred if _same(gold.chain[j], gold.chain[i])])
        p_sum += common / len(same_pred)
        r_sum += common / len(same_gold)
    return BCubed(p_sum, r_sum, len(both), len(items))
