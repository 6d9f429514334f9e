"""The statements a claim search works on: stored quotes with their propositions and each
proposition's subject, resolved to the store's actor when it names one.

Propositions are made when an article is analysed and stored with its quotes; a store written
by an older sayso has none, and its statements are parsed here instead (slower: run
``sayso reanalyse`` once to store them).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..store import Store, queries
from ..store.queries import QuoteRow
from ..types import Marker, Proposition

MIN_WORDS = 2  # content words a clause needs besides its subject's head (or its actor)
# First-person subjects in a direct quote are its speaker ("I never advocated amnesty," Rubio said).
_SELF = {"i", "we", "me", "us", "myself", "ourselves"}
_THIRD = {"he", "she"}
# Words after a subject's head: "the founder of ISIS", "Clinton and her aides" (the first conjunct leads).
_POSTMODIFIERS = {"of", "who", "which", "that", "in", "at", "on", "for", "with", "from", "and"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}


@dataclass(frozen=True)
class Clause:
    """One proposition of one statement, with what matching needs about its subject."""

    row: int  # index of the statement among the search's rows
    proposition: Proposition
    subject: str  # the subject's words ("" when none)
    subject_id: int | None  # the store's actor named as subject (or the speaker, for "I", "we")
    subject_name: str  # that actor's name, or the subject's words
    index: int = 0  # the proposition's index among the statement's

    @property
    def subject_key(self) -> str:
        """What two subjects must share: the actor's last name ("Senator Paul Renner" and
        "Renner", which the store may keep apart), else the head word of the subject's words
        ("the new tariffs" and "the tariffs": tariffs)."""
        words = re.findall(r"[\w'-]+", (self.subject_name if self.subject_id is not None else self.subject).casefold())
        if self.subject_id is None:
            cut = next((k for k, w in enumerate(words) if k and w in _POSTMODIFIERS), len(words))
            words = [w for w in words[:cut] if w not in _DETERMINERS]
        return words[-1].removesuffix("'s") if words else ""

    @property
    def sentence(self) -> str:
        """The words the encoder reads: the clause, with its subject when the clause leaves it out
        ("opposing amnesty" after "criticised Rubio for")."""
        p = self.proposition
        if p.subject is not None and not (p.start <= p.subject[0] < p.end):
            return f"{self.subject} {p.text}"
        if self.subject_id is not None and self.subject.casefold() in _THIRD | _SELF and p.subject is not None:
            # "he never advocated …" read as "Paul Renner never advocated …"
            at = p.subject[0] - p.start
            return p.text[:at] + self.subject_name + p.text[at + len(self.subject):]
        return p.text


def stored_propositions(row: QuoteRow) -> tuple[Proposition, ...] | None:
    """The propositions kept with a quote, or None when the store has none for it."""
    data = row.extra.get("propositions")
    return None if data is None else tuple(Proposition.from_dict(p) for p in data)


def parse_propositions(rows: Sequence[QuoteRow]) -> list[tuple[Proposition, ...]]:
    """Propositions of statements stored without them: each statement's text parsed alone."""
    from ..extractors.propositions import propositions
    from ..nlp import load_pipeline

    nlp = load_pipeline()
    found = []
    for row, doc in zip(rows, nlp.pipe((r.text for r in rows), batch_size=64)):
        parts = [(s - row.start, e - row.start) for s, e in (row.parts or [[row.start, row.end]])]
        found.append(tuple(_shifted(p, row.start) for p in propositions(doc, parts)))
    return found


def _shifted(p: Proposition, delta: int) -> Proposition:
    def span(s):
        return None if s is None else (s[0] + delta, s[1] + delta)

    return replace(p, start=p.start + delta, end=p.end + delta, subject=span(p.subject), object=span(p.object),
                   markers=tuple(Marker(m.text, m.start + delta, m.end + delta, m.kind) for m in p.markers))


def clauses(store: Store, rows: Sequence[QuoteRow], texts: dict[int, str]) -> list[Clause]:
    """Every proposition of every statement, its subject resolved against the store's mentions."""
    props = [stored_propositions(r) for r in rows]
    missing = [i for i, p in enumerate(props) if p is None]
    if missing:
        for i, parsed in zip(missing, parse_propositions([rows[i] for i in missing])):
            props[i] = parsed
    mentions = _mentions(store, {r.article_id for r, p in zip(rows, props) if p})
    names = _names(store, {a for spans in mentions.values() for _, _, a in spans}
                   | {r.speaker_id for r in rows if r.speaker_id is not None})
    found = []
    for i, (row, ps) in enumerate(zip(rows, props)):
        text = texts[row.article_id]
        for index, p in enumerate(ps or ()):
            subject = "" if p.subject is None else text[p.subject[0]:p.subject[1]]
            actor = _subject_actor(p, subject, row, mentions.get(row.article_id, []))
            if not says_enough(p, subject, actor is not None):
                continue
            found.append(Clause(row=i, index=index, proposition=p, subject=subject, subject_id=actor,
                                subject_name=names.get(actor, subject) if actor is not None else subject))
    return found


def says_enough(p: Proposition, subject: str, is_actor: bool) -> bool:
    """Whether a clause says enough to be a claim: ``MIN_WORDS`` content words besides its
    subject's head word, or besides the whole subject when that names an actor. "you know" and
    "Trump lied" say too little; a subject's modifiers are part of what is claimed ("at least 12
    people were missing", "the spring inspection had been cancelled")."""
    words = re.findall(r"[\w'-]+", subject.casefold())
    if is_actor:
        subject_words = words
    else:
        cut = next((k for k, w in enumerate(words) if k and w in _POSTMODIFIERS), len(words))
        subject_words = [w for w in words[:cut] if w not in _DETERMINERS][-1:]  # the head: "people"
    left = [lemma for lemma in p.lemmas if not any(w == lemma or w.startswith(lemma) for w in subject_words)]
    return len(left) >= MIN_WORDS


def _subject_actor(p: Proposition, subject: str, row: QuoteRow, mentions: list[tuple[int, int, int]]) -> int | None:
    """The actor the subject names: a mention that is the subject's head ("Florida Sen. Marco
    Rubio"), not a modifier of it ("the Trump campaign"), or its first conjunct ("Clinton and her
    aides") or possessor ("Clinton's use of email"); "I" and "we" are the speaker."""
    if p.subject is None:
        return None
    if subject.casefold() in _SELF and row.kind in {"direct", "mixed", "transcript"}:
        return row.speaker_id
    pronoun = subject.casefold() in _THIRD and row.kind in {"indirect", "according_to"}
    start, end = p.subject
    if " and " in subject:  # "Clinton and her aides": the first conjunct leads
        end = start + subject.index(" and ")
    length = max(1, end - start)
    best = None
    for m_start, m_end, actor in mentions:
        if m_start >= end:
            break
        if m_start >= start and m_end <= end and (m_end == end or (m_end - m_start) / length >= 0.6):
            best = actor
        elif m_start == start and subject[m_end - start:m_end - start + 2] in {"'s", "’s"} and best is None:
            best = actor  # "Clinton's use of private email servers": what the possessor did
    if best is None and pronoun:
        return row.speaker_id  # "Renner said he never advocated …": he is the speaker
    return best


def _mentions(store: Store, articles: set[int]) -> dict[int, list[tuple[int, int, int]]]:
    return defaultdict(list, queries.mentions_by_article(store, articles))


def _names(store: Store, actors: set[int]) -> dict[int, str]:
    return queries.actor_names(store, actors)


def article_texts(store: Store, articles: set[int]) -> dict[int, str]:
    """The texts of the given articles (offsets index into them)."""
    return queries.article_texts(store, articles)
