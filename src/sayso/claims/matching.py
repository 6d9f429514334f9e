"""When two propositions are one claim: the same subject, compatible predicates, the same
numbers, times and names, and sentence embeddings close enough to be paraphrases.

Candidates come from an index on (subject, predicate) and (subject, object word), so only
propositions that share a subject and something it does are compared; a key shared by more
than :data:`COMMON` propositions ("Trump say") gives no candidates. Negation is left out of
matching on purpose: "X funded Y" and "X did not fund Y" are one claim, which the positions
then show as a contradiction.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .statements import Clause

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
             "block": "allow", "prohibit": "allow", "refuse": "agree", "fail": "succeed", "lack": "have"}
_FILLER = {"the", "a", "an", "of", "in", "on", "at"}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}
_BELOW = {"less", "fewer", "under", "below"}
_ABOVE = {"more", "over", "above"}


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
    return " ".join(w for w in re.findall(r"\w+", written.casefold()) if w not in _FILLER)


@dataclass(frozen=True)
class Agreement:
    """Whether two propositions' numbers, times and names allow one claim, and what they share."""

    compatible: bool
    shared: tuple[str, ...]


def details_agree(a: Clause, b: Clause) -> Agreement:
    """Numbers, times and names must agree when both give them: "$1.3 million in March" and
    "less than $1.3 million in June" are two claims; a detail only one gives is no conflict."""
    shared: list[str] = []
    for field, key in (("numbers", number_key), ("times", name_key), ("names", name_key)):
        left = {key(x): x for x in getattr(a.proposition, field)}
        right = {key(x) for x in getattr(b.proposition, field)}
        if left and right:
            common = [left[k] for k in left if k in right]
            if field == "numbers" and set(left) != right or not common:
                return Agreement(False, ())
            shared += common
    return Agreement(True, tuple(shared))


def candidates(items: Sequence[Clause], articles: Sequence[int], *, keys_needed: int = 2) -> list[tuple[int, int]]:
    """Pairs of clause indexes (i < j) from different articles that share a subject and at
    least ``keys_needed`` of: the predicate's sense, a content word of the clause."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, clause in enumerate(items):
        subject = clause.subject_key
        if not subject and clause.proposition.subject is not None:
            continue  # a subject without a head word to key on
        # A clause without a subject ("to temporarily ban Muslims from entering the United States")
        # is keyed by what it does: it meets other subjectless clauses that share its words.
        subject_words = set(clause.subject.casefold().split())
        keys = {"p:" + canonical(clause.proposition.predicate)[0]}
        keys |= {"w:" + lemma for lemma in clause.proposition.lemmas if lemma not in subject_words}
        for key in keys:
            index[(subject, key)].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in index.values():
        if len(members) < 2 or len(members) > COMMON:
            continue
        for x, i in enumerate(members):
            article = articles[items[i].row]
            for j in members[x + 1:]:
                if articles[items[j].row] != article:
                    shared[(i, j)] += 1
    return sorted(pair for pair, n in shared.items() if n >= keys_needed)


def predicates_compatible(a: Clause, b: Clause) -> bool:
    """Same sense ("advocated" / "opposing": support), or the same verb with other particles."""
    return canonical(a.proposition.predicate)[0] == canonical(b.proposition.predicate)[0]
