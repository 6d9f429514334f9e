"""Packaged word lists: linguistic knowledge kept as data, each file noting its source."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load(name: str, lang: str = "en") -> frozenset[str]:
    """The lower-cased entries of ``lexicons/NAME.txt`` (English) or ``lexicons/LANG/NAME.txt``
    (``#`` starts a comment)."""
    entries = (line.split("#", 1)[0].strip().lower() for line in _read(name, lang).splitlines())
    return frozenset(e for e in entries if e)


def speech_verbs() -> frozenset[str]:
    return load("speech_verbs")


def belief_verbs() -> frozenset[str]:
    return load("belief_verbs")


def evidence_verbs() -> frozenset[str]:
    return load("evidence_verbs")


def cue_verbs() -> frozenset[str]:
    """Every verb that can introduce reported content."""
    return speech_verbs() | belief_verbs() | evidence_verbs() | intention_verbs()


def intention_verbs() -> frozenset[str]:
    return load("intention_verbs")


def representation_verbs() -> frozenset[str]:
    return load("representation_verbs")


def titles() -> frozenset[str]:
    return load("titles")


@lru_cache(maxsize=None)
def person_words() -> frozenset[str]:
    """Words that head a description of a person: titles and person nouns ("the leader of the
    armed wing", "a spokesman for the agency")."""
    return titles() | load("person_nouns")


def media_words() -> frozenset[str]:
    return load("media_words")


def media_name_ends() -> frozenset[str]:
    return load("media_name_ends")


def media_roles() -> frozenset[str]:
    return load("media_roles")


def media_outlets() -> frozenset[str]:
    return load("media_outlets")


def places() -> frozenset[str]:
    return load("places")


def org_nouns() -> frozenset[str]:
    return load("unnamed_org_nouns")


def agent_nouns() -> frozenset[str]:
    """Head nouns of unnamed actors that can fund, fight, back or be targeted."""
    return load("agent_nouns") | load("unnamed_org_nouns")


@lru_cache(maxsize=None)
def phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """Multi-word lexicon entries as word tuples, longest first."""
    return tuple(sorted((tuple(e.split()) for e in load(name)), key=len, reverse=True))


def _read(name: str, lang: str) -> str:
    folder = resources.files(__package__).joinpath("lexicons")
    return (folder if lang == "en" else folder.joinpath(lang)).joinpath(f"{name}.txt").read_text("utf-8")


@lru_cache(maxsize=None)
def table(name: str, lang: str = "en") -> dict[str, str]:
    """The ``KEY<TAB>VALUE`` lines of a lexicon as a map, keys lower-cased (``#`` starts a comment).

    The map is shared by every caller: read it, never change it."""
    pairs = (line.split("#", 1)[0].split("\t") for line in _read(name, lang).splitlines())
    return {p[0].strip().lower(): p[1].strip() for p in pairs if len(p) == 2 and p[0].strip()}


def relation_predicates() -> dict[str, str]:
    """Relation verb lemma → normalised predicate."""
    return table("relations")


@lru_cache(maxsize=None)
def phrases_of(name: str, lang: str) -> tuple[tuple[str, ...], ...]:
    """Multi-word entries of one language's lexicon as word tuples, longest first."""
    return tuple(sorted((tuple(e.split()) for e in load(name, lang)), key=len, reverse=True))
