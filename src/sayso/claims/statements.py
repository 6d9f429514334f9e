"""The statements a claim search works on: stored quotes with their propositions and each
proposition's subject, resolved to the store's actor when it names one (:mod:`.subjects`).

Propositions are made when an article is analysed and stored with its quotes; a store written
by an older sayso has none, and its statements are parsed here instead (slower: run
``sayso reanalyse`` once to store them). Here they are completed from the text alone: a quoted
fragment's proposition (:mod:`.fragments`), a contracted "be" read as "be", an inverted copula
turned round; and trimmed: a clause that only frames the next one is none.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from ..store import Store, queries
from ..store.queries import QuoteRow
from ..types import Marker, Proposition
from .fragments import fragment_propositions
from ..extractors.lexicons import load as lexicon
from .subjects import bare, genders, head_words, resolve, specificational, written_words

MIN_WORDS = 2  # content words a clause needs besides its subject's head (or its actor)


@dataclass(frozen=True)
class Clause:
    """One proposition of one statement, with what matching needs about its subject."""

    row: int  # index of the statement among the search's rows
    proposition: Proposition
    subject: str  # the subject's words ("" when none)
    subject_id: int | None  # the store's actor named as subject (or the speaker, for "I", "we")
    subject_name: str  # that actor's name, or the subject's words
    index: int = 0  # the proposition's index among the statement's
    reading: str = ""  # the words the encoder reads ("" : the clause's, with its subject when outside it)
    could_be: frozenset[int] = frozenset()  # an unresolved "he" or "she": the actors in reach it may name
    speaker_id: int | None = None  # the statement's speaker (the store's actor), None: not known
    speaker_name: str = ""  # that actor's name

    @cached_property
    def speaker_key(self) -> str:
        """The speaker's last name ("Donald J. Trump" and "Mr. Trump", which the store may keep
        apart: trump), "" when the speaker is not known or not named ("The GOP presidential
        candidate", which may be anyone's description)."""
        last = self.speaker_name.split()[-1:]
        words = written_words(last[0]) if last and last[0][:1].isupper() else []
        return bare(words[-1]) if words else ""

    @cached_property
    def subject_key(self) -> str:
        """What two subjects must share: the actor's name as the subject writes it ("Senator Paul
        Renner" and "Renner", which the store may keep apart; "Trump" even when the store took
        "Trump's 1995" for a name), else its last name; else the head word of the subject's
        words ("the new tariffs" and "the tariffs": tariffs; "none of her emails": emails)."""
        if self.subject_id is not None:
            name = [bare(w) for w in written_words(self.subject_name)]
            written = {bare(w) for w in written_words(self.subject)}
            return next((w for w in reversed(name) if w in written), name[-1] if name else "")
        head = head_words(self.subject)
        return bare(head[-1]) if head else ""

    @property
    def sentence(self) -> str:
        """The words the encoder reads: the clause, with its subject when the clause leaves it out
        ("opposing amnesty" after "criticised Rubio for"), a pronoun as the actor it names."""
        if self.reading:
            return self.reading
        p = self.proposition
        if p.subject is not None and not (p.start <= p.subject[0] < p.end):
            return f"{self.subject} {p.text}"
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
    for i, (row, ps) in enumerate(zip(rows, props)):
        # quoted fragments: "extremely careless" after "said Clinton was"
        props[i] = tuple(ps or ()) + fragment_propositions(row, texts[row.article_id], ps or ())
    mentions = _mentions(store, {r.article_id for r, p in zip(rows, props) if p})
    sexes = genders(mentions, texts)
    names = _names(store, {a for spans in mentions.values() for _, _, a in spans}
                   | {r.speaker_id for r in rows if r.speaker_id is not None})
    found = []
    for i, (row, ps) in enumerate(zip(rows, props)):
        text = texts[row.article_id]
        raised: Proposition | None = None  # a negated frame whose negation falls on the next clause
        for index, p in enumerate(ps or ()):
            if frames(p, ps or (), text):
                raised = p if p.negated and p.predicate.split(" ")[0] in lexicon("negation_raising_verbs") else None
                continue
            if raised is not None:
                # "I don't think we will win", "We will not allow Donald Trump to become president"
                p = replace(p, negated=not p.negated, markers=tuple(sorted(
                    p.markers + tuple(m for m in raised.markers if m.kind == "negation"), key=lambda m: m.start)))
                raised = None
            if circumstance(p, text):
                continue
            p = specificational(copula(p, text), text, mentions.get(row.article_id, []))
            subject = "" if p.subject is None else text[p.subject[0]:p.subject[1]]
            resolved = resolve(p, subject, row, text, mentions.get(row.article_id, []), names, sexes)
            actor = resolved.actor
            if not says_enough(p, subject, actor is not None):
                continue
            found.append(Clause(row=i, index=index, proposition=p, subject=subject, subject_id=actor,
                                subject_name=names.get(actor, subject) if actor is not None else subject,
                                reading=resolved.sentence, could_be=resolved.could_be, speaker_id=row.speaker_id,
                                speaker_name=names.get(row.speaker_id, "") if row.speaker_id is not None else ""))
    return found


def frames(p: Proposition, others: Sequence[Proposition], text: str) -> bool:
    """Whether a clause only frames the next one, its content: "Trump simply meant | that Obama's
    policies created the conditions …", "I think | we will win", "It is abundantly clear | that
    …". Without an object (or with an empty subject) and followed at once by another clause of the
    statement, it tells nothing of its own."""
    empty = p.subject is not None and text[p.subject[0]:p.subject[1]].casefold() in lexicon("expletives")
    return (p.object is None or empty) and any(q.start > p.start and q.start >= p.end
                                                and not text[p.end:q.start].strip() for q in others)


def circumstance(p: Proposition, text: str) -> bool:
    """A clause of time or condition sets a claim's circumstance and tells none: "when she was
    secretary of state", "if he wins the presidency" (``lexicons/circumstance_conjunctions.txt``)."""
    first = p.text.split(" ", 1)[0].casefold()
    before = text[max(0, p.start - 12) : p.start].split()
    opener = first if first in lexicon("circumstance_conjunctions") or first == "while" \
        else before[-1].casefold() if before else ""
    if opener == "while":
        # "while she was secretary of state": a time (an office held); "while Clinton was
        # careless, …" concedes a claim
        verb, _, rest = p.predicate.partition(" ")
        return verb == "be" and rest.split(" ")[-1] in lexicon("titles")
    return opener in lexicon("circumstance_conjunctions")


def copula(p: Proposition, text: str) -> Proposition:
    """A clause whose verb is a contracted "be" the tagger left unlemmatised ("He’s the founder of
    ISIS": "’") is read as "be" and its complement's head ("be founder"), as "He is the founder" is."""
    verb, _, rest = p.predicate.partition(" ")
    if verb not in lexicon("be_contractions") or p.object is None:
        return p
    head = head_words(text[p.object[0]:p.object[1]])
    if not head:
        return p
    lemma = next((lemma for lemma in p.lemmas if head[-1].startswith(lemma)), head[-1])
    return replace(p, predicate=" ".join(["be", lemma] + ([rest] if rest else [])))


def says_enough(p: Proposition, subject: str, is_actor: bool) -> bool:
    """Whether a clause says enough to be a claim: ``MIN_WORDS`` content words besides its
    subject's head word, or besides the whole subject when that names an actor. "you know" and
    "Trump lied" say too little; a subject's modifiers are part of what is claimed ("at least 12
    people were missing", "the spring inspection had been cancelled"). A verb of saying tells
    nothing of its own: "Obama said in his speech", "what he said at that time" are no claims."""
    subject_words = written_words(subject) if is_actor else head_words(subject)[-1:]  # the head: "people"
    left = [lemma for lemma in p.lemmas if not any(w == lemma or w.startswith(lemma) for w in subject_words)
            and not (lemma == p.predicate and lemma in lexicon("saying_verbs"))]
    return len(left) >= MIN_WORDS


def _mentions(store: Store, articles: set[int]) -> dict[int, list[tuple[int, int, int]]]:
    return defaultdict(list, queries.mentions_by_article(store, articles))


def _names(store: Store, actors: set[int]) -> dict[int, str]:
    return queries.actor_names(store, actors)


def article_texts(store: Store, articles: set[int]) -> dict[int, str]:
    """The texts of the given articles (offsets index into them)."""
    return queries.article_texts(store, articles)
