"""Whom a clause is about: its subject resolved to an actor of the store, and the words the
encoder reads for it.

The store resolves the names an article gives (its mentions), and most of its pronouns. A
subject it left unresolved is resolved here from what the store knows: "I" and "we" in a
quotation are its speaker; "he" and "she" are the nearest earlier actor of that gender (the
speaker first, when the pronoun is outside the quotation marks: "Trump said he would …"; never
the speaker inside them: "He's the founder of ISIS," Trump said); "her actions" are that actor's
actions; "which" and "who" are the actor named just before them ("Clinton's email use, which the
FBI said was careless"). An actor's gender is what the store's pronouns for it say.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from ..store.queries import QuoteRow
from ..types import Proposition
from ..extractors.lexicons import load as lexicon, table

Mention = tuple[int, int, int]  # start, end, actor id
WINDOW = 1500  # how far back (characters) a pronoun's antecedent may be named
_DIRECT = {"direct", "transcript"}
_WORD = re.compile(r"[\w'’-]+")
_PERSONAL = {"self", "male", "female", "other"}  # a pronoun that is no possessor


@dataclass(frozen=True)
class Resolved:
    """A subject's actor (None: none known) and the clause as the encoder reads it, with the
    pronoun replaced by the actor's name ("Hillary Clinton's actions were careless")."""

    actor: int | None
    sentence: str
    could_be: frozenset[int] = frozenset()  # an unresolved "he" or "she": the actors it may name


def role(word: str) -> str:
    """What a subject word tells (``lexicons/subject_words.txt``): self, male, female, other (a
    pronoun of no one known: "they"), relative, quantifier, with "possessive" for "his", "her";
    "" for any other word."""
    return table("subject_words").get(word.casefold(), "")


def genders(mentions: Mapping[int, Iterable[Mention]], texts: Mapping[int, str]) -> dict[int, str]:
    """Each actor's gender, as the pronouns the store resolved to it say ("she" 34 times and "he"
    9 times: female); an actor no pronoun names has none."""
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for article, spans in mentions.items():
        text = texts.get(article, "")
        for start, end, actor in spans:
            gender = role(text[start:end]).split(" ", 1)[0]
            if gender in {"male", "female"}:
                counts[actor][gender] += 1
    found = {}
    for actor, count in counts.items():
        (gender, n), *rest = count.most_common()
        if not rest or n >= 2 * rest[0][1]:
            found[actor] = gender
    return found


def _quoted(text: str, start: int, at: int) -> bool:
    """Whether offset ``at`` lies inside quotation marks opened after ``start``."""
    stretch = text[start:at]
    return stretch.count("“") > stretch.count("”") or stretch.count('"') % 2 == 1


def _by_gender(gender: str, at: int, row: QuoteRow, text: str, mentions: list[Mention],
               sexes: Mapping[int, str]) -> int | None:
    """The actor a "he" or "she" at ``at`` names. Outside quotation marks the speaker comes first
    ("Comey said he …"), when the store knows the speaker as of that gender; otherwise the nearest
    actor of that gender named before it ("Comey said she should face no charges": Clinton). Inside
    them it is never the speaker, and only an actor who is the one of that gender in reach: an
    interview names the interviewer between the pronoun and whom it means ("He’s the founder of
    ISIS," Trump told Hewitt of Obama). With no gendered actor in reach, an indirect report's
    pronoun is its speaker, as far as anything says."""
    inside = row.kind in _DIRECT or _quoted(text, row.start, at)
    if not inside and row.speaker_id is not None and sexes.get(row.speaker_id) == gender:
        return row.speaker_id
    reach = _in_reach(gender, at, row, mentions, sexes)
    if reach and (not inside or len(set(reach)) == 1):
        return reach[0]
    if not inside and not reach and row.speaker_id is not None and row.speaker_id not in sexes:
        return row.speaker_id
    return None


def _in_reach(gender: str, at: int, row: QuoteRow, mentions: list[Mention], sexes: Mapping[int, str]) -> list[int]:
    """The actors of ``gender`` named before offset ``at`` within :data:`WINDOW`, nearest first,
    besides the statement's speaker."""
    return [actor for start, end, actor in reversed(mentions)
            if end <= at and start >= at - WINDOW and sexes.get(actor) == gender and actor != row.speaker_id]


def _antecedent(at: int, text: str, mentions: list[Mention]) -> Mention | None:
    """The actor named just before a relative pronoun, in its sentence: "Clinton's email use,
    which …" (Clinton), "Comey, who …" (Comey)."""
    found = None
    for mention in mentions:
        if mention[1] > at:
            break
        between = text[mention[1]:at]
        if len(between) <= 60 and not re.search(r"[.!?;\n]", between):
            found = mention
    return found


def resolve(p: Proposition, subject: str, row: QuoteRow, text: str, mentions: list[Mention],
            names: Mapping[int, str], sexes: Mapping[int, str]) -> Resolved:
    """The actor ``p``'s subject names, and the clause the encoder reads for it."""
    if p.subject is None:
        return Resolved(None, p.text)
    start, end = p.subject
    words = _WORD.findall(subject)
    first = role(words[0]) if words else ""
    actor = _named(p, subject, mentions)
    outside = not (p.start <= start < p.end)
    could_be: frozenset[int] = frozenset()
    if actor is None and first == "self" and len(words) == 1 and row.kind in _DIRECT | {"mixed"}:
        actor = row.speaker_id
    elif actor is None and first.split(" ", 1)[0] in {"male", "female"} \
            and (len(words) == 1 or first.endswith("possessive")):
        gender = first.split(" ", 1)[0]
        actor = _by_gender(gender, start, row, text, mentions, sexes)
        if actor is None:
            # "He’s the founder of ISIS," told to an interviewer of Obama: Obama or the interviewer
            could_be = frozenset(_in_reach(gender, start, row, mentions, sexes))
    elif first == "relative" and len(words) == 1:
        mention = _antecedent(start, text, mentions)
        if mention is not None:
            # "Clinton's email use, which … was careless" read as "Clinton's email use was careless"
            said = text[mention[0]:start].rstrip(" ,")
            return Resolved(mention[2], f"{said} {p.text}" if outside else p.text[:start - p.start] + said
                            + p.text[end - p.start:])
    if outside:
        return Resolved(actor, f"{subject} {p.text}", could_be)
    at = start - p.start
    after = p.text[at + len(words[0]):at + len(words[0]) + 2] if words else ""
    if actor is not None and first and first != "relative" and first != "quantifier" \
            and (after[:1] not in {"'", "’"} or after[1:] == "s"):
        # "he never advocated …" read as "Paul Renner never advocated …"; "her actions" as "Clinton's
        # actions"; "We're going to …" left as it is
        name = names.get(actor, words[0])
        said = name + "'s" if first.endswith("possessive") and len(words) > 1 else name
        return Resolved(actor, p.text[:at] + said + p.text[at + len(words[0]):])
    return Resolved(actor, p.text, could_be)


def written_words(text: str) -> list[str]:
    """The lower-cased words of a text ("Clinton’s use" → clinton’s, use)."""
    return re.findall(r"[\w'’-]+", text.casefold())


def bare(word: str) -> str:
    """A word without its possessive ending."""
    return word.removesuffix("'s").removesuffix("’s")


def head_words(subject: str) -> list[str]:
    """A subject's words up to its head, without determiners: "the founder of ISIS" → founder,
    "no messages she sent" → messages, "none of the messages" → messages (a quantifier picks
    some of the noun after "of")."""
    words = written_words(subject)
    if len(words) > 2 and role(words[0]) == "quantifier" and words[1] == "of":
        words = words[2:]
    # "the founder of ISIS", "messages she sent": a postmodifier or a relative clause's subject
    cut = next((k for k, w in enumerate(words) if k and (w in lexicon("postmodifiers") or role(w) in _PERSONAL)),
               len(words))
    return [w for w in words[:cut] if w not in lexicon("determiners")]


def specificational(p: Proposition, text: str, mentions: list[Mention]) -> Proposition:
    """A copular clause whose complement names an actor and whose subject does not, read with the
    actor as its subject: "the real founder of the group is President Barack Obama" tells what
    "Obama is the founder of the group" tells (predicate "be founder")."""
    if not p.predicate.startswith("be ") or p.subject is None or p.object is None:
        return p
    subject = text[p.subject[0]:p.subject[1]]
    words = written_words(subject)
    if not words or role(words[0]) or words[0] in lexicon("expletives") or _named(p, subject, mentions) is not None:
        return p  # "there has never been a man …", "it was Obama who …"
    start, end = p.object
    if not any(m_start >= start and m_end <= end and (m_end - m_start) * 5 >= (end - start) * 3
               for m_start, m_end, _ in mentions):
        return p  # the complement is not mostly a name ("a man more qualified than Hillary Clinton")
    head = head_words(subject)
    if not head:
        return p
    lemma = next((lemma for lemma in p.lemmas if head[-1].startswith(lemma)), head[-1])
    named = text[start:end]
    return replace(p, subject=p.object, object=p.subject, predicate="be " + lemma,
                   names=tuple(n for n in p.names if n not in named))  # the subject's name is no detail


def _named(p: Proposition, subject: str, mentions: list[Mention]) -> int | None:
    """The actor a mention in the subject names: the subject's head ("Florida Sen. Marco
    Rubio"), not a modifier of it ("the Trump campaign"), or its first conjunct ("Clinton and her
    aides") or possessor ("Clinton's use of email")."""
    assert p.subject is not None
    start, end = p.subject
    if " and " in subject:  # "Clinton and her aides": the first conjunct leads
        end = start + subject.index(" and ")
    length = max(1, end - start)
    best = None
    for m_start, m_end, actor in mentions[bisect_left(mentions, (start,)):]:
        if m_start >= end:
            break
        if m_start >= start and m_end <= end and (m_end == end or (m_end - m_start) / length >= 0.6):
            best = actor
        elif m_start == start and subject[m_end - start:m_end - start + 2] in {"'s", "’s"} and best is None:
            best = actor  # "Clinton's use of private email servers": what the possessor did
    return best
