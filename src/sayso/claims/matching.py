"""When two propositions are one claim: the same subject, compatible predicates, the same
numbers, times and names, and sentence embeddings close enough to be paraphrases.

Candidates come from an index on (subject, predicate) and (subject, object word), so only
propositions that share a subject and something it does are compared, and on (predicate sense,
word) whoever the subject, for subjects the store could not resolve ("they were not marked
classified" / "none of the messages was marked classified"); two actors of two names are never
compared. A key shared by more than :data:`COMMON` propositions ("Trump say") gives no
candidates. Negation is left out of matching on purpose: "X funded Y" and "X did not fund Y" are
one claim, which the positions then show as a contradiction.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..extractors.lexicons import table
from .statements import Clause
from .subjects import role

COMMON = 150  # an index key shared by more propositions than this makes no candidates
# Predicates of one sense, and predicates whose sense is the negation of another's
# ("opposing X" says "not supporting X"): lemma → (canonical lemma, flips the polarity).
SYNONYMS = {"back": "support", "advocate": "support", "favor": "support", "favour": "support",
            "endorse": "support", "champion": "support", "embrace": "support", "defend": "support",
            "win": "win", "beat": "win", "defeat": "win", "lead": "lead", "trail": "lead",
            "increase": "rise", "grow": "rise", "climb": "rise", "jump": "rise", "soar": "rise",
            "admit": "admit", "acknowledge": "admit", "concede": "admit",
            "permit": "allow", "let": "allow", "approve": "allow", "say": "say", "tell": "say", "state": "say"}
OPPOSITES = {"oppose": "support", "reject": "support", "resist": "support", "fight": "support",
             "lose": "win", "trail": "lead", "fall": "rise", "decline": "rise", "drop": "rise",
             "decrease": "rise", "shrink": "rise", "deny": "admit", "ban": "allow", "forbid": "allow",
             "block": "allow", "prohibit": "allow", "bar": "allow", "outlaw": "allow", "refuse": "agree", "fail": "succeed", "lack": "have"}
_FILLER = {"the", "a", "an", "of", "in", "on", "at"}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}
_BELOW = {"less", "fewer", "under", "below"}
_ABOVE = {"more", "over", "above"}


@lru_cache(maxsize=65536)
def canonical(predicate: str) -> tuple[str, bool]:
    """The predicate's sense and whether it negates it: "advocate" → (support, False),
    "oppose" → (support, True), "plan build" → (build, False), "be careless" → (careless, False)."""
    predicate = predicate.removeprefix("be ")  # "were missing": a participle read as verb or as adjective
    first = predicate.split(" ", 1)[0]
    if first in OPPOSITES or SYNONYMS.get(first) == "support":
        word = first  # "advocate cut": a stance on cutting, read as the stance verb
    else:
        word = predicate.rsplit(" ", 1)[-1]
    if word in OPPOSITES:
        return OPPOSITES[word], True
    return SYNONYMS.get(word, word), False


def number_key(written: str) -> str:
    """An amount as a comparable key: "$1.3 million" → "$1300000", "less than 5 percent" → "<5%"."""
    lower = written.casefold().replace(",", "")
    words = set(re.findall(r"[a-z]+", lower))
    sign = "<" if words & _BELOW else ">" if words & _ABOVE else ""
    unit = "$" if "$" in lower or "dollar" in lower else "%" if "%" in lower or "percent" in lower else ""
    found = re.search(r"\d+(?:\.\d+)?", lower)
    if found is None:
        return sign + unit + " ".join(w for w in lower.split() if w not in _BELOW | _ABOVE | {"than"})
    value = float(found.group())
    for word, scale in _SCALE.items():
        if re.search(rf"\d\s*{word}\b", lower) or f" {word}" in lower:
            value *= scale
            break
    return f"{sign}{unit}{value:g}"


def name_key(written: str) -> str:
    """A name as a comparable key, one for its short and long forms (lexicon ``name_aliases``):
    "the U.S." and "the United States" → "united states"."""
    key = " ".join(w for w in re.findall(r"\w+", written.casefold()) if w not in _FILLER)
    return table("name_aliases").get(key, key)


@dataclass(frozen=True)
class Agreement:
    """Whether two propositions' numbers, times and names allow one claim, and what they share."""

    compatible: bool
    shared: tuple[str, ...]


@lru_cache(maxsize=65536)
def _keyed(written: tuple[str, ...], key: Callable[[str], str]) -> dict[str, str]:
    """Details by their comparable keys, kept once for every pair that asks (never changed)."""
    return {key(x): x for x in written}


def details_agree(a: Clause, b: Clause) -> Agreement:
    """Numbers, times and names must agree when both give them: "$1.3 million in March" and
    "less than $1.3 million in June" are two claims; a detail only one gives is no conflict."""
    shared: list[str] = []
    for field, key in (("numbers", number_key), ("times", name_key), ("names", name_key)):
        left = _keyed(getattr(a.proposition, field), key)
        right = _keyed(getattr(b.proposition, field), key).keys()
        if left and right:
            common = [left[k] for k in left if k in right]
            if field == "numbers" and left.keys() != right or not common:
                return Agreement(False, ())
            shared += common
    return Agreement(True, tuple(shared))


def subjects_agree(a: Clause, b: Clause) -> str:
    """Whether two clauses speak of one subject: "same" (one actor by name, the same head word,
    or both without a subject; an unresolved "he" and an actor it may name, one named before it in
    its article), "different" (two actors of two names; one head word named
    otherwise: "the Trump train", "the train"), or "unknown" (a pronoun the
    store could not resolve, "He’s the founder of ISIS"; two other heads, "none of her emails" /
    "they"). Two acts without their agent ("to ban Muslims") are one subject's when one speaker
    tells both, two when two do, unknown when a speaker is."""
    if a.proposition.subject is None and b.proposition.subject is None:
        # "to support Clinton", "to sit out the election": an act whose doer is the one its
        # speaker urges or plans it for; said by one speaker, one act, by two, two doers
        if a.speaker_id is not None and a.speaker_id == b.speaker_id:
            return "same"
        if not a.speaker_key or not b.speaker_key:
            return "unknown"  # a speaker not known, or known only by a description
        return "same" if a.speaker_key == b.speaker_key else "different"
    if a.subject_id is None and b.subject_id in a.could_be or b.subject_id is None and a.subject_id in b.could_be:
        return "same"  # "He’s the founder of ISIS" in an article that names Obama before it / "Obama was …"
    if a.subject_id is not None and b.subject_id is not None:
        return "same" if a.subject_id == b.subject_id or a.subject_key == b.subject_key else "different"
    if a.subject_id is None and b.subject_id is None and a.subject_key == b.subject_key \
            and not role(a.subject_key) and a.subject_key:
        # one head word, but "the Trump train" is not "the train"
        return "same" if _subject_names(a) == _subject_names(b) else "different"
    return "unknown"


def _subject_names(clause: Clause) -> set[str]:
    """The names inside a clause's subject words: those the analysis found, and capitalised words
    after the first ("the Trump "train": Trump)."""
    written = [w.replace("’", "'").strip("\"“”'‘.,").removesuffix("'s") for w in clause.subject.split()[1:]]
    found = {name.replace("’", "'") for name in clause.proposition.names if name in clause.subject}
    return found | {w for w in written if w[:1].isupper()}


def candidates(items: Sequence[Clause], articles: Sequence[int], *, keys_needed: int = 2) -> list[tuple[int, int]]:
    """Pairs of clause indexes (i < j) from different articles that share a subject and at
    least ``keys_needed`` of: the predicate's sense, a content word of the clause; or, when one
    subject is unknown ("he" unresolved, another head word), the predicate's sense and
    ``keys_needed`` content words; or an actor's subject and an unresolved "he" or "she" that
    may name the actor, and ``keys_needed`` of the first."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, clause in enumerate(items):
        subject = clause.subject_key
        # A clause without a subject ("to temporarily ban Muslims from entering the United States")
        # is keyed by what it does: it meets other subjectless clauses that share its words.
        subject_words = set(clause.subject.casefold().split())
        sense = canonical(clause.proposition.predicate)[0]
        words = {lemma for lemma in clause.proposition.lemmas if lemma not in subject_words}
        keys = {"p:" + sense} | {"w:" + lemma for lemma in words}
        if subject or clause.proposition.subject is None:
            for key in keys:
                index[(subject, key)].append(i)
        for lemma in words - set(clause.proposition.predicate.split()):
            index[("*" + sense, lemma)].append(i)  # one sense, whoever its subject
        for actor in clause.could_be | ({clause.subject_id} if clause.subject_id is not None else set()):
            for key in keys:
                index[(f"#{actor}", key)].append(i)  # an actor, and the pronouns that may name it
    size = len(items)
    # pairs' shared keys: with the subject, with the sense, with an actor a pronoun may name
    shared: dict[str, dict[int, int]] = {"": defaultdict(int), "*": defaultdict(int), "#": defaultdict(int)}
    for (subject, _), members in index.items():
        if len(members) < 2 or len(members) > COMMON:
            continue
        counts = shared[subject[:1] if subject[:1] in "*#" else ""]
        sources = [articles[items[i].row] for i in members]
        for x, i in enumerate(members):  # members are in index order: i < j
            for j, article in zip(members[x + 1:], sources[x + 1:]):
                if article != sources[x] and (subject[:1] != "#" or bool(items[i].could_be) != bool(items[j].could_be)):
                    counts[i * size + j] += 1
    found = {pair for counts in shared.values() for pair, n in counts.items() if n >= keys_needed}
    pairs = (divmod(pair, size) for pair in sorted(found))
    return [(i, j) for i, j in pairs if subjects_agree(items[i], items[j]) != "different"]


def word_weights(items: Sequence[Clause]) -> dict[str, float]:
    """Each lemma's inverse document frequency over the clauses (a rare word says more)."""
    counts: dict[str, int] = defaultdict(int)
    for clause in items:
        for lemma in set(clause.proposition.lemmas):
            counts[lemma] += 1
    return {lemma: math.log((len(items) + 1) / n) for lemma, n in counts.items()}


def lexical_similarity(a: Clause, b: Clause, weights: dict[str, float]) -> float:
    """Cosine of two clauses' lemma sets weighted by ``weights``: a cheap stand-in for the
    embedding's, to leave pairs too far apart unencoded."""
    left, right = frozenset(a.proposition.lemmas), frozenset(b.proposition.lemmas)
    norm = math.sqrt(_mass(left, weights) * _mass(right, weights))
    return sum(weights.get(w, 0.0) ** 2 for w in left & right) / norm if norm else 0.0


def _mass(lemmas: frozenset[str], weights: dict[str, float]) -> float:
    return sum(weights.get(w, 0.0) ** 2 for w in lemmas)


def predicates_compatible(a: Clause, b: Clause) -> bool:
    """Same sense ("advocated" / "opposing": support), or the same verb with other particles; a
    bare "be" is a sense only with the same predicate ("want to be" and "take to be" are not one)."""
    sense = canonical(a.proposition.predicate)[0]
    if sense == "be":
        return a.proposition.predicate == b.proposition.predicate
    return sense == canonical(b.proposition.predicate)[0]
