"""Actors: named-entity mentions merged into one record per person, organisation or place.

Starts from spaCy NER and makes it right for news: titles and possessives trimmed, surnames and
acronyms merged with their full forms, one type per actor by voting, MEDIA for outlets, and
roles read from appositives and pre-name descriptions.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span as SpacySpan, Token

from ..types import Actor, ActorType, Span
from . import lexicons
from .actor_phrases import (core_phrase, expansion_after, kind_noun, nickname_after, office_of, parenthesised_acronym,
                            parenthesised_handle, roles_of, spelt_before_acronym, spelt_by_acronym, strip_det, subtree,
                            trim_entity, with_title)
from .actor_types import NER_TYPES, names_location, organisation_name, role_head, vote
from .lookup import MentionIndex
from .names import ACRONYM, LINKS, MIXED_ACRONYM, capitalised, head_key, initials, is_part_of, name_words, singular, without_middle
from .paragraphs import foreign, foreign_script, paragraphs

#: How far back a definite description looks for the indefinite phrase it takes up ("One
#: poster admitted … The poster wrote"), in tokens: a few sentences.
_INTRODUCTION_WINDOW = 150
#: How far back an epithet ("the 52-year-old") looks for the person it describes, in tokens.
_EPITHET_WINDOW = 80
#: Tags of a singular head noun (or "old" of "the 52-year-old").
_SINGULAR = frozenset({"NN", "NNP", "JJ"})
#: A titled surname this long or longer, at most this many edits from a person's surname named
#: earlier, is a misspelling of it ("Bauchtman" for "Buchtmann").
_MIN_VARIANT_LENGTH = 7
_MAX_EDITS = 2
#: NER labels of one group read either way: as an organisation or as a people.
_GROUP_LABELS = frozenset({"ORG", "NORP"})
#: Entity types of a word that says whose a body is ("the Romanian government", "Iraqi police").
_NATIONALITIES = frozenset({"NORP", "GPE"})
#: An age set off after a name is below this ("Smith, 45,").
_OLDEST = 120
#: Words that head an office as "head of the Delhi Commission for Women" does (beside titles and
#: person nouns, which a head of cattle is not).
_HEADS = frozenset({"head"})
#: Shortest word whose one-letter variant is the same name spelt otherwise.
_MIN_SPELLING_LENGTH = 5


@dataclass
class Cluster:
    """All mentions of one actor, gathered while reading the article."""

    name: str
    words: tuple[str, ...]
    key: int  # its place in the book: a stable key for the actor while the article is read
    named: bool = True
    labels: Counter = field(default_factory=Counter)
    mentions: list[Span] = field(default_factory=list)
    aliases: dict[str, None] = field(default_factory=dict)
    roles: dict[str, None] = field(default_factory=dict)
    acronyms: set[str] = field(default_factory=set)
    nicknames: set[tuple[str, ...]] = field(default_factory=set)  # "known as" names' words
    speaker: bool = False
    pronouns: Counter = field(default_factory=Counter)
    locations: int = 0  # mentions that name a location ("outside Al-Qaim")
    head: str = ""  # an unnamed actor's head noun, singular ("team" in "a research team from MIT")

    @property
    def type(self) -> ActorType:
        return vote(self)

    def add_role(self, role: str) -> None:
        role = role.strip(" ,;:()[]—–-")
        if role and role.lower() not in {r.lower() for r in self.roles}:
            self.roles[role] = None

    def rename(self, name: str) -> None:
        """Name the actor ``name`` (a fuller or expanded form), its old name kept as an alias."""
        self.aliases[self.name] = None
        self.name, self.words = name, name_words(name)


#: Words that make a kind of organisation an outlet: "the news agency", "the press agency".
_NEWS_WORDS = frozenset({"news", "press", "wire"})


def _origins(span: SpacySpan) -> set[str]:
    """The nationalities and countries that qualify a description's head (:func:`_origin`):
    "the Taiwanese government" → {"taiw"}."""
    return {_origin(t) for t in span if t.i != span.root.i and t.ent_type_ in _NATIONALITIES}


def _origin(token: Token) -> str:
    """A nationality or country by its first four letters, so that a country and its people
    agree: "Iraq's" and "Iraqi" → "iraq"."""
    return _NOT_A_LETTER.sub("", token.lower_)[:4]


_NOT_A_LETTER = re.compile(r"\W")


#: Words that make an office another, lower one: "Vice-President", "Deputy Minister".
_RANKS = frozenset({"vice", "deputy", "assistant", "associate", "under", "lieutenant", "sub", "shadow"})

#: Words for an organisation of any kind, which a definite description of one takes up.
_BODIES = frozenset({"organization", "organisation", "charity", "association", "watchdog", "body", "ngo"})

#: Words for any one person, whatever they do.
ANY_PERSON = frozenset({"person", "man", "woman", "individual", "boy", "girl", "child", "lady", "gentleman"})


def _modifier_words(noun: Token) -> set[str]:
    """The words that qualify a noun before it ("press", "freedom" of "the press freedom
    organization")."""
    return {word.lower_ for left in noun.lefts if left.dep_ in {"amod", "compound"} for word in left.subtree if word.is_alpha}


def _latest_before(clusters: list[Cluster], offset: int) -> Cluster:
    """Of ``clusters``, each mentioned before ``offset``, the one mentioned last before it."""
    return max(clusters, key=lambda c: _last_mention_before(c, offset))


def _last_mention_before(cluster: Cluster, offset: int) -> int:
    """Where the actor's last mention before ``offset`` starts (-1: none)."""
    return max((start for start, _ in cluster.mentions if start < offset), default=-1)


def _part_of_many(head: Token) -> bool:
    """ "a section of netizens", "a group of protesters": a singular noun for some of many people
    (not one person: "the leader of the rebels")."""
    return head.tag_ == "NN" and head.lemma_.lower() not in lexicons.person_words() and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.tag_ in {"NNS", "NNPS"} for g in c.children)
        for c in head.children)


def _outlet_name(cluster: Cluster) -> bool:
    """An organisation whose name says it is an outlet ("Daily Nation", "The Straits Times")."""
    ends = lexicons.load("media_name_ends") | lexicons.media_words()
    return any(w in ends for w in cluster.words)


class ActorBook:
    """The actors of one article, with a token → actor index for later stages."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.clusters: list[Cluster] = []
        self._by_token: dict[int, Cluster] = {}
        self.records: list[tuple[int, int, Cluster]] = []  # (first token, end token, actor)
        self._index: MentionIndex[Cluster] = MentionIndex()  # the records by position
        self._seen: set[tuple[int, Span]] = set()  # (cluster key, mention)
        self.named_as: dict[int, Cluster] = {}  # unnamed actors the text names ("He identified himself as …")

    # -- lookup -----------------------------------------------------------------------------
    def at_token(self, token: Token) -> Cluster | None:
        """The actor whose named mention covers ``token``."""
        return self._by_token.get(token.i)

    def mentions_inside(self, start: int, end: int) -> list[tuple[int, int, Cluster]]:
        """The records that lie within tokens [start, end), in the order they were made."""
        return self._index.inside(start, end)

    def mentions_covering(self, i: int) -> list[tuple[int, int, Cluster]]:
        """The records that hold token ``i``, in the order they were made."""
        return self._index.covering(i)

    def in_span(self, start: int, end: int) -> Cluster | None:
        """The actor with a mention inside tokens [start, end), preferring the head-most one."""
        for i in range(start, end):
            cluster = self._by_token.get(i)
            if cluster is not None:
                return cluster
        return None

    def by_acronym(self, text: str) -> Cluster | None:
        """The actor an acronym stands for ("WHO" after "World Health Organisation (WHO)")."""
        if not (ACRONYM.match(text) or MIXED_ACRONYM.match(text)):
            return None
        key = text.replace(".", "").lower()
        return next((c for c in reversed(self.clusters) if key in c.acronyms), None)

    # -- building ---------------------------------------------------------------------------
    def add_named(self, span: SpacySpan, label: str, display: SpacySpan | None = None) -> Cluster:
        """Record a named mention, merging it with an earlier actor when it names the same one."""
        words = name_words(span.text)
        cluster = self._match(words, label, _title_gender((display or span).text), span.text)
        bare = [w for w in words if w not in lexicons.titles()]
        if cluster is None and label == "PERSON" and len(bare) == 1 and (display is not None or len(bare) < len(words)):
            cluster = self._spelt_otherwise(bare[0])
        if cluster is None:
            cluster = self._new(span.text, words)
        elif len(words) > 1 and cluster.words[0] in cluster.acronyms and len(cluster.words) == 1:
            cluster.rename(span.text)  # the acronym's expansion names the actor
        elif len(words) > len(cluster.words) and cluster.labels.get("PERSON", 0) + (label == "PERSON") > 0:
            # "Tamimi ... Ghaith Al-Tamimi": the fuller form names the actor.
            cluster.rename(span.text)
            if label == "PERSON":
                # "Calloway said … Ruth Calloway": a person's full name outweighs the type the NER
                # gave the lone surname.
                cluster.labels["PERSON"] += 1
        if span.text != cluster.name:
            cluster.aliases[span.text] = None
        shown = display or span
        if display is not None and display.text != cluster.name:
            cluster.aliases[display.text] = None
        if not (label != "PERSON" and len(words) == 1 and len(cluster.words) > 1 and cluster.labels.get("PERSON")):
            # "Bob McDonnell … McDonnell (ORG) … McDonnell (ORG)": a person's surname the NER
            # types otherwise does not outvote the full name
            cluster.labels[label] += 1
        self._add_mention(cluster, shown)
        return cluster

    def described(self, span: SpacySpan) -> Cluster | None:
        """The earlier actor a definite description points back to: "the channel" → the actor
        described as a "news channel"; "the ministry" → "Iraq's interior ministry". A country's
        possessive is as definite, for an actor of that country: "Malaysia's transport ministry"
        → "the Malaysian transport ministry"."""
        possessed = span[0].dep_ == "poss" and span[0].ent_type_ == "GPE" and span[0].head.i == span.root.i
        if span[0].lower_ not in lexicons.load("definites") and not possessed:
            return None
        head = singular(span.root.lemma_.lower())
        modifiers = {t.lower_ for t in span if t.head == span.root and t.dep_ in {"amod", "compound"}}

        ranks = modifiers & _RANKS

        def same(words: list[str]) -> bool:
            """The head noun, or one of its class ("the scientists" → "a research team"); an
            office of another name with the same modifiers ("the foreign minister" → "Foreign
            Secretary Marcelo Ebrard", not "Press Secretary Sean Spicer"); of the same rank
            ("the Vice-President" is not "President Lula")."""
            if ranks != _RANKS.intersection(words):
                return False
            last = [singular(w) for w in words[-1:]]
            if last == [head] or bool(last) and head_key(last[0]) == head_key(head):
                return True
            if not last or not same_class(head, last[0]):
                return False
            return lexicons.table("description_heads").get(head) != "office" \
                or bool(modifiers) and modifiers <= set(words)

        origin = _origins(span)
        # "the President of the Workers' Party": an office of a named body is its holder's, whom
        # the article gave that office, not whoever else holds a presidency
        of_body = {singular(w) for c in span.root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < span.end
                   for o in c.children if o.dep_ == "pobj" and o.pos_ == "PROPN"
                   for w in name_words(self.doc[o.left_edge.i : o.i + 1].text)} - set(STOP_WORDS)
        # the actor mentioned last before the description, whichever was read first ("A federal
        # judge … U.S. District Judge Thomas Whitaker … The judge": Whitaker)
        for cluster in sorted(reversed(self.clusters), key=lambda c: -_last_mention_before(c, span.start_char)):
            if cluster.mentions and min(cluster.mentions)[0] >= span.start_char or origin and self._of_another_country(cluster, origin):
                continue  # ("the Taiwanese government" is not "the Japanese government")
            if possessed and not self._of_country(cluster, origin):
                continue
            if of_body and not any(of_body <= {singular(w) for w in name_words(text)}
                                   for text in (cluster.name, *cluster.roles, *cluster.aliases)):
                continue
            # "the channel" → "London-based news channel Levant Today"; "the ministry" → "Interior
            # Ministry"; "the authors" → "the report's authors": the description's head noun heads
            # the name or a role, in the singular or the plural.
            # "the ministry" → "Ministry of Home Affairs": a name's head before its preposition
            if not cluster.named and len(modifiers) > 1 and len(cluster.words) > 1 \
                    and not modifiers & set(cluster.words[:-1]) and singular(cluster.words[-1]) == head:
                continue  # "The worldwide press freedom organization" is no "Baloch separatist organization"
            plural_name = cluster.named and bool(cluster.words) and singular(cluster.words[-1]) != cluster.words[-1] \
                and span.root.tag_ in _SINGULAR and singular(cluster.words[-1]) != head
            # (a name that ends in a plural of the class, a journal's "Scientific Reports", is no "the study")
            if not plural_name and same(list(cluster.words)) or same([cluster.head]) or any(same(role_head(role)) for role in cluster.roles) \
                    or of_body and any(same(role_head(alias)) for alias in cluster.aliases) \
                    or cluster.named and len(cluster.words) > 2 and same(role_head(cluster.name)):
                return cluster
        return None

    def _of_another_country(self, cluster: Cluster, origin: set[str]) -> bool:
        """Whether an actor's first mention gives it a nationality or country other than ``origin``."""
        theirs = self._first_origins(cluster)
        return bool(theirs) and not theirs & origin

    def _of_country(self, cluster: Cluster, origin: set[str]) -> bool:
        """Whether an actor's first mention gives it a nationality or country of ``origin``."""
        return bool(self._first_origins(cluster) & origin)

    def _first_origins(self, cluster: Cluster) -> set[str]:
        """The nationalities of an actor's first mention, or of the title just before it
        ("Venezuelan President Hugo Chávez" is Venezuelan)."""
        first = self.doc.char_span(*min(cluster.mentions), alignment_mode="expand") if cluster.mentions else None
        if first is None:
            return set()
        start = first.start
        while start > 0 and first.root.left_edge.i < start and self.doc[start - 1].dep_ in {"amod", "compound"} \
                and self.doc[start - 1].head.i in range(start, first.end):
            start -= 1  # (the title's words hang from the name; "Sheikh X, Iraqi …" is apart)
        return _origins(self.doc[start : first.end])

    def known(self, span: SpacySpan) -> Cluster | None:
        """The actor already known that a phrase names or takes up, without making one: its
        mention, or the actor a definite description points back to."""
        found = self.at_token(span.root) or self.described(span)
        if found is None and span[0].lower_ in lexicons.load("definites"):
            found = self._introduced_as(span, make=False)
        return found

    def person_named(self, name: str) -> Cluster | None:
        """The person a name or a part of one names (a surname), without making one."""
        cluster = self._match(name_words(name), "PERSON", written=name)
        return cluster if cluster is not None and cluster.type == ActorType.PERSON else None

    def _introduced_as(self, span: SpacySpan, make: bool = True) -> Cluster | None:
        """ "One poster admitted … The poster wrote": a definite description takes up the
        indefinite phrase with the same head noun (or one of its class: "a research team" … "the
        scientists"), or the phrase that named it by its country ("Romanian government"), a few
        sentences back, which becomes the actor (unless not ``make``)."""
        root, doc = span.root, self.doc
        if root.pos_ != "NOUN":
            return None
        head = singular(root.lemma_.lower())
        # A study or a research team is the story's subject: "The researchers found" takes up "A
        # research team from MIT" however far back; other nouns look a few sentences back.
        window = span.start if head in lexicons.table("description_heads") else _INTRODUCTION_WINDOW
        origin = _origins(span)
        modifiers = _modifier_words(root)
        for token in reversed(doc[max(0, span.start - window) : span.start]):
            lemma = token.lemma_.lower()
            alike = lemma == root.lemma_.lower() or same_class(head, singular(lemma))
            theirs = _modifier_words(token) if alike else set()
            if len(modifiers) > 1 and theirs and not modifiers & theirs:
                # "The worldwide press freedom organization" is no "Baloch separatist organization"
                # (one word apart may be the same: "a research team" … "the international team")
                continue
            if origin and any(c.ent_type_ in _NATIONALITIES and _origin(c) not in origin for c in token.children):
                continue  # "the Taiwanese government" does not take up "Japanese government"
            if token.pos_ == "NOUN" and alike and any(
                    c.dep_ in {"det", "nummod"} and c.lower_ in lexicons.load("indefinites")
                    or c.dep_ in {"amod", "compound"} and c.i < token.i and c.ent_type_ in _NATIONALITIES
                    for c in token.children):
                # (or named by its country: "Romanian government asks …" … "The government has
                # confirmed …")
                earlier = doc[token.left_edge.i : token.i + 1]
                if self.at_token(token) is None:
                    return self.add_unnamed(earlier) if make else None
                return self.at_token(token)
        return None

    def _kind_named_before(self, span: SpacySpan) -> Cluster | None:
        """A definite description by a word for a kind of actor, with no name in it, takes up
        the actor of that kind the article named before: "the organization" the last
        organisation, "the paper" the last outlet, "the governor" the person the article has
        named most so far (when one stands out)."""
        if any(t.pos_ == "PROPN" for t in span):
            return None
        head = singular(span.root.lemma_.lower())
        label = lexicons.table("kind_nouns").get(head)
        if label is None:
            return None
        kind = ActorType(label.upper())
        if any(c.dep_ in {"compound", "amod"} and c.lower_ in _NEWS_WORDS for c in span.root.children):
            kind = ActorType.MEDIA  # "the news agency", "the wire service": an outlet
        before = [c for c in self._named_before(span.start_char)
                  if c.type == kind or kind == ActorType.MEDIA and c.type == ActorType.ORG and _outlet_name(c)]
        if not before:
            return None
        if kind != ActorType.PERSON:
            return _latest_before(before, span.start_char)
        counts = sorted(((sum(1 for m in c.mentions if m[0] < span.start_char), c) for c in before),
                        key=lambda x: -x[0])
        if len(counts) > 1 and counts[0][0] == counts[1][0]:
            return None  # no one stands out
        return counts[0][1]

    def _company_named_before(self, span: SpacySpan) -> Cluster | None:
        """ "The company has confirmed …" after "Black Lotus Communications": the company named
        last before it, an organisation whose name ends as a company's does or that the text
        called a company."""
        head = singular(span.root.lemma_.lower())
        company = head in lexicons.load("company_nouns")
        if not company and head not in _BODIES or any(t.pos_ == "PROPN" for t in span):
            return None
        if company:
            organisations = [c for c in self._named_before(span.start_char) if c.type == ActorType.ORG and c.words]
            companies = [c for c in organisations if c.words[-1] in lexicons.load("company_name_ends")
                         or any(singular(w) in lexicons.load("company_nouns") for r in c.roles for w in name_words(r))]
            if companies:
                return _latest_before(companies, span.start_char)
        # "Apple shares fell … after the company said", "Reporters Without Borders (RWB) have
        # appealed … The worldwide press freedom organization said": else (or for an
        # organisation of any kind) the organisation named last, a few sentences back at most
        recent = [c for c in self._named_between(self._back(span, _INTRODUCTION_WINDOW), span.start_char)
                  if c.type == ActorType.ORG and c.words]
        return _latest_before(recent, span.start_char) if recent else None

    def epithet(self, span: SpacySpan, described: bool = False) -> Cluster | None:
        """A definite description of one person by age or origin ("the 52-year-old", "the
        Spaniard") or, if ``described``, by a word for what a person does with more said of it
        ("the top infectious disease expert"), where no earlier phrase takes it up: the one
        person named in its paragraph before it, or a few sentences back."""
        root = span.root
        if span[0].lower_ != "the" or root.tag_ not in _SINGULAR:
            return None
        aged = any(t.lower_ == "year" for t in span) and root.lower_ == "old"
        origin = root.ent_type_ == "NORP" and root.tag_ == "NNP"
        kind = described and root.lemma_.lower() in lexicons.person_words() \
            and any(c.dep_ in {"amod", "compound"} for c in root.children)
        if not (aged or origin or kind):
            return None
        # the people named in its paragraph, else a few sentences back; "Nadal beat Djokovic …
        # the Serb said": with two near (one may be typed as an organisation), only the words
        # could tell which
        paragraph = self.text.rfind("\n\n", 0, span.start_char) + 1
        for near in (paragraph, self._back(span, _EPITHET_WINDOW)):
            near_by = [c for c in self._named_between(near, span.start_char) if c.type in {ActorType.PERSON, ActorType.ORG}]
            if near_by:
                return near_by[0] if len(near_by) == 1 and near_by[0].type == ActorType.PERSON else None
        return None

    def _demonstrated(self, span: SpacySpan) -> Cluster | None:
        """ "this person", "that man": a demonstrative before a word for one person takes up the
        person mentioned last, a few sentences back at most ("One of the children said … However,
        this person also said …")."""
        root = span.root
        if span[0].lower_ not in {"this", "that"} or root.tag_ not in _SINGULAR \
                or root.lemma_.lower() not in lexicons.person_words() | ANY_PERSON:
            return None
        people = [c for c in self._mentioned_between(self._back(span, _EPITHET_WINDOW), span.start_char)
                  if c.type == ActorType.PERSON]
        return _latest_before(people, span.start_char) if people else None

    def _speaking_on(self, span: SpacySpan) -> Cluster | None:
        """ "Sheppard said, "…" The astronomer also said, "…"": a bare description of a person as
        the subject of a cue that goes on ("also said", "added", "continued") is the person who
        spoke last before it, a few sentences back at most."""
        root = span.root
        verb = root.head
        if span[0].lower_ != "the" or len(span) != 2 or root.tag_ not in _SINGULAR or root.dep_ != "nsubj" \
                or root.lemma_.lower() not in lexicons.person_words() \
                or not (any(c.dep_ == "advmod" and c.lower_ == "also" for c in verb.children)
                        or verb.lemma_.lower() in {"add", "continue"}):
            return None
        people = [c for c in self._named_between(self._back(span, _EPITHET_WINDOW), span.start_char)
                  if c.type == ActorType.PERSON and c.speaker]
        return _latest_before(people, span.start_char) if people else None

    def _named_before(self, offset: int) -> list[Cluster]:
        """The named actors mentioned before character ``offset``."""
        return self._named_between(0, offset)

    def _named_between(self, low: int, high: int) -> list[Cluster]:
        """The named actors with a mention starting in characters [low, high)."""
        return [c for c in self._mentioned_between(low, high) if c.named]

    def _mentioned_between(self, low: int, high: int) -> list[Cluster]:
        """The actors, named or not, with a mention starting in characters [low, high)."""
        return [c for c in self.clusters if any(low <= m[0] < high for m in c.mentions)]

    def _back(self, span: SpacySpan, tokens: int) -> int:
        """The character offset ``tokens`` tokens before ``span`` (or the article's start)."""
        return self.doc[max(0, span.start - tokens)].idx

    @cached_property
    def text(self) -> str:
        """The article's text, joined once (``Doc.text`` joins every token anew on each call)."""
        return self.doc.text

    def add_unnamed(self, span: SpacySpan) -> Cluster:
        """An actor known only by a phrase: "a senior official", "the ministry", or a name NER
        missed ("The Basij, a paramilitary branch of the IRGC")."""
        earlier = self.described(span)
        if earlier is None and span[0].lower_ in lexicons.load("definites"):
            earlier = self._introduced_as(span)
        if earlier is None and span[0].lower_ not in lexicons.load("indefinites"):
            # "Scientology officials said … Scientology officials went": the same words, the same
            # actor (but "a spokesman" twice may be two people).
            core = core_phrase(span.root, span)
            words = name_words(core.text)
            earlier = next((c for c in reversed(self.clusters) if not c.named and c.words == words), None)
            if earlier is None and all(t.is_title for t in core):
                # "Hannity asked …" read as a common noun: the name the NER found elsewhere
                earlier = next((c for c in reversed(self.clusters) if c.named and c.words == words), None)
        if earlier is None and span[0].lower_ in lexicons.load("definites"):
            earlier = self._kind_named_before(span) or self._company_named_before(span) or self.epithet(span, described=True) \
                or self._demonstrated(span) or self._speaking_on(span)
        if earlier is not None:
            self._add_mention(earlier, span)
            return earlier
        head = span.root
        core = core_phrase(head, span)
        named = head.pos_ == "PROPN" and (capitalised(head.text) or _after_hyphen(head))
        role = None
        if named:
            # "said coach Pep Guardiola": a name the NER missed, after the words that describe it
            first = head.i
            while first > core.start and capitalised(self.doc[first - 1].text) and self.doc[first - 1].pos_ == "PROPN":
                first -= 1
            if first > core.start and self.doc[first - 1].lower_ in lexicons.person_words():
                role = strip_det(self.doc[core.start : first]).text
                core = self.doc[first : core.end]
            # "Whitmore said" after "Steve Whitmore": a name the NER missed here is still the
            # actor it names elsewhere (a surname is the full name's actor).
            earlier = self._match(name_words(core.text), "PERSON" if len(core) == 1 or role is not None else "ORG")
            if earlier is None and 2 <= len(core) <= 3 and all(capitalised(t.text) for t in core):
                # "Elon Musk said" after a headline's "Musk says", neither read as a name: the full
                # name takes in the lone surname, as a person's does
                earlier = self._match(name_words(core.text), "PERSON")
                earlier = earlier if earlier is not None and _bare_name(earlier) else None
                if earlier is not None:
                    earlier.rename(core.text)
                    earlier.labels["PERSON"] += 1
            if earlier is not None:
                if core.text != earlier.name:
                    earlier.aliases[core.text] = None
                self._add_mention(earlier, span)
                return earlier
        if head.lemma_.lower() in lexicons.org_nouns():
            label = "ORG"
        elif head.tag_ in {"NNS", "NNPS"} or _part_of_many(head):
            label = "GROUP"
        else:
            label = "PERSON" if not named or role is not None else "ORG"
        cluster = self._new(core.text, name_words(core.text), named=named)
        cluster.head = "" if named else singular(head.lemma_.lower())
        cluster.labels[label] += 1
        if role is not None:
            cluster.add_role(role)
        for child in head.children:
            if child.dep_ == "appos" and child.i > head.i and child.pos_ in {"NOUN", "PROPN"} \
                    and child.lemma_.lower() not in lexicons.load("proposition_nouns"):
                cluster.add_role(strip_det(subtree(child)).text)
        self._add_mention(cluster, span)
        return cluster

    def _new(self, name: str, words: tuple[str, ...], named: bool = True) -> Cluster:
        cluster = Cluster(name=name, words=words, key=len(self.clusters), named=named)
        self.clusters.append(cluster)
        return cluster

    def add_reference(self, cluster: Cluster, span: SpacySpan) -> None:
        """A pronoun or description resolved to ``cluster`` ("he" → Tamimi)."""
        self._add_mention(cluster, span)
        if span.root.pos_ == "PRON":
            cluster.pronouns[span.root.lower_] += 1

    def _add_mention(self, cluster: Cluster, span: SpacySpan) -> None:
        mention = (span.start_char, span.end_char)
        if (cluster.key, mention) not in self._seen:
            self._seen.add((cluster.key, mention))
            cluster.mentions.append(mention)
            self.records.append((span.start, span.end, cluster))
            self._index.add(span.start, span.end, cluster)
            cluster.locations += names_location(span)
        for token in span:
            self._by_token.setdefault(token.i, cluster)

    def _spelt_otherwise(self, surname: str) -> Cluster | None:
        """The one person named earlier whose surname this titled one is, where the NER read title
        and surname as one name ("Nigel Mutuna … Justice Mutuna ruled"), or misspells: "Lydia
        Buchtmann … Ms Bauchtman said" (same initial, at most two edits, a long name)."""
        people = [c for c in self.clusters if c.named and len(c.words) > 1 and c.labels.get("PERSON")]
        same = [c for c in people if c.words[-1] == surname]
        if same or len(surname) < _MIN_VARIANT_LENGTH:
            return same[0] if len(same) == 1 else None
        near = [c for c in people if c.words[-1][:1] == surname[:1] and edit_distance(c.words[-1], surname) <= _MAX_EDITS]
        return near[0] if len(near) == 1 else None

    def _match(self, words: tuple[str, ...], label: str, gender: str = "u", written: str = "") -> Cluster | None:
        """The actor a name names: the same words, an acronym, or a part or fuller form of its
        name; the latest named first. A lone surname two people bear is the one spelt as
        ``written`` ("Şahin" is Mehmet Ali Şahin, not Ibrahim Sahin), then the one the article
        has called by it so far ("Hillary Clinton … Clinton said … Bill Clinton … Clinton
        added"), and one of the gender of its title ("Mrs. Clinton")."""
        if not words:
            return None
        order = list(reversed(self.clusters))
        if gender != "u":
            order = [c for c in order if name_gender(c) in {gender, "u"}]  # "Mrs. Clinton" is no "Bill Clinton"
        if len(words) == 1:
            # "Sarkozy" is Nicolas Sarkozy before Carla Bruni-Sarkozy: a surname whole before a part of one
            order.sort(key=lambda c: (not _spelt_as(c, written), *_surname_rank(c, words)))
        for cluster in order:
            if cluster.named and (words == cluster.words or "".join(words) in cluster.acronyms
                                  or words in cluster.nicknames or _same_letters(words, cluster.words)):
                return cluster
            if cluster.named and _aliases(words, cluster.words):
                if len(cluster.words) == 1 and len(words) > 1:
                    cluster.acronyms.add(cluster.words[0])  # "EU" first, then "European Union": named in full
                return cluster
        acronym = "".join(words)
        place = label in {"GPE", "LOC"} and " ".join(words) in lexicons.places()
        for cluster in order:
            if not cluster.named or place:
                continue
            if len(words) == 1 and acronym == initials(cluster.words) \
                    and not (label == "PERSON" and cluster.labels and not cluster.labels.get("PERSON")):
                # (a person's "Jr." spells no "JVB Records")
                cluster.acronyms.add(acronym)
                return cluster
            if len(cluster.words) == 1 and ACRONYM.match(cluster.name) and cluster.words[0] == initials(words) \
                    and label not in {"PERSON", "GPE", "LOC"}:
                # "EU reports" in a headline, then "a European Union report": the acronym came first
                cluster.acronyms.add(cluster.words[0])
                return cluster
            if is_part_of(words, cluster.words) and (_compatible(label, cluster) or self._firm_word(words, cluster)):
                return cluster
            if _head_word(words, cluster) and _compatible(label, cluster):
                return cluster  # "the Commission said" after "The Human Rights Commission of Pakistan"
            if label == "PERSON" and cluster.labels.get("PERSON") and (
                    without_middle(words, cluster.words) or without_middle(cluster.words, words)
                    or len(words) >= 2 and len(cluster.words) == len(words) + 1 and cluster.words[:-1] == words
                    or _first_and_inner(words, cluster.words) or _first_and_inner(cluster.words, words)):
                # "Mohd Shah" of "Mohd Shah Mahmood": a name without its last part; "Rémy Kuseyo" of
                # "Remy Henri Kuseyo Gatanga": the given and the father's name
                return cluster
            if is_part_of(cluster.words, words) and (
                _compatible(label, cluster) and (label == "PERSON" or cluster.labels.get("PERSON"))
                or label == "PERSON" and _bare_name(cluster)
            ):
                return cluster
        return None if place else self._middle_name(words, label) or self._spelt_alike(words, label)

    def _middle_name(self, words: tuple[str, ...], label: str) -> Cluster | None:
        """The one person named earlier by three words or more of whom this lone word is an
        inner one, when no actor bears it otherwise: "Yusuf" of "Abdullahi Yusuf Ahmed",
        "Londoño" of "Fernando Londoño Hoyos" (a father's surname before the mother's)."""
        if len(words) != 1 or label not in {"PERSON", "ORG", "GPE", "NORP"} or len(words[0]) < 3:
            return None
        bearers = [c for c in self.clusters if c.named and words[0] in c.words]
        inner = [c for c in bearers if len(c.words) >= 3 and c.labels.get("PERSON") and words[0] in c.words[1:-1]
                 and not any(name_words(a) == c.words[: c.words.index(words[0]) + 1] for a in c.aliases)]
        # (not when the name cut after the word is a form of it: "Donald Trump" of a headline's
        # "Donald Trump Picks", where "Trump" is the surname)
        return inner[0] if len(inner) == 1 == len(bearers) else None

    def _firm_word(self, words: tuple[str, ...], cluster: Cluster) -> bool:
        """ "Shares in Harbor fell" after "Harbor Foods": the first word of an organisation's
        two-word name is that organisation, whatever the NER typed it, unless a person bears it."""
        return len(words) == 1 and len(cluster.words) == 2 and words[0] == cluster.words[0] \
            and cluster.type == ActorType.ORG and not _outlet_name(cluster) \
            and not any(words[0] in c.words for c in self.clusters if c.named and c.type == ActorType.PERSON)

    def _spelt_alike(self, words: tuple[str, ...], label: str) -> Cluster | None:
        """The one actor named earlier whose name this one spells otherwise by a letter in one
        word: "Lynn Boylann" of "Lynn Boylan", "al-Shabaab" of "al-Shabab", "Demriel" of "Füsun
        Demirel" (a lone surname of a person's)."""
        near = [c for c in self.clusters if c.named and (_compatible(label, c) or _groups(label, c)) and (
            len(words) == len(c.words) and (_one_word_apart(words, c.words) or _given_spelt_otherwise(words, c.words))
            or len(words) == 1 < len(c.words) and c.labels.get("PERSON") and _variant(words[0], c.words[-1]))]
        return near[0] if len(near) == 1 else None

    # -- output -----------------------------------------------------------------------------
    def ordered(self) -> list[Cluster]:
        """Clusters with at least one mention, in order of first mention."""
        return sorted((c for c in self.clusters if c.mentions), key=lambda c: min(c.mentions))

    def actors(self) -> tuple[list[Actor], dict[int, str]]:
        """Actor records with ids a1, a2, … in order of first mention, and id by cluster key; an
        actor that is another under a shorter name (:meth:`merged`) is that actor."""
        self._full_names()
        self._sweep_names()
        merged = self.merged()
        records, ids = [], {}
        clusters = [c for c in self.ordered() if c.key not in merged]
        for number, cluster in enumerate(clusters, start=1):
            actor_id = f"a{number}"
            ids[cluster.key] = actor_id
            mentions = set(cluster.mentions)
            aliases = dict(cluster.aliases)
            for other in (u for u in self.clusters if merged.get(u.key) is cluster):
                ids[other.key] = actor_id
                mentions.update(other.mentions)
                if other.named:
                    aliases.update({other.name: None, **other.aliases})
            records.append(
                Actor(
                    id=actor_id,
                    name=cluster.name,
                    type=cluster.type,
                    aliases=tuple(a for a in aliases if a != cluster.name),
                    roles=tuple(cluster.roles),
                    mentions=tuple(sorted(mentions)),
                    named=cluster.named,
                )
            )
        return records, ids

    def _full_names(self) -> None:
        """A person known by one word whom the article also names in full where the NER saw no
        name ("the Minister of Interior Eli Yishai …", then "Yishai said"): the one capitalised
        first name written before the surname, not a title, makes the full name."""
        for cluster in self.clusters:
            if not cluster.named or len(cluster.words) != 1 or not cluster.mentions or cluster.type != ActorType.PERSON \
                    or any(c is not cluster and c.named and len(c.words) > 1 and c.words[-1] == cluster.words[0]
                           for c in self.clusters):
                continue
            surname = cluster.name
            found = {m.group(1): m for m in re.finditer(r"(?<![\w.])([A-Z][a-z]+)[ \u00a0]+" + re.escape(surname) + r"(?!\w)", self.text)
                     if m.group(1).lower() not in lexicons.person_words() | STOP_WORDS}
            if len(found) != 1:
                continue  # none, or two people of one surname ("Hillary Clinton", "Bill Clinton")
            [match] = found.values()
            span = self.doc.char_span(match.start(), match.end())
            if span is None or any(owner is not None and owner is not cluster and owner.named
                                   for owner in (self._by_token.get(t.i) for t in span)):
                continue  # (a description around it is no name: "Top Israeli officials, including … Eli Yishai")
            cluster.aliases.setdefault(surname, None)
            cluster.name = span.text
            self._add_mention(cluster, span)

    def _sweep_names(self) -> None:
        """Every other place the article writes a name of two words or more that an actor
        bears, where no mention was read: "the Daily Record" in a caption, which the NER missed,
        is the outlet that "The Daily Record reported" names."""
        names: dict[str, Cluster] = {}
        for cluster in self.clusters:
            if not cluster.named or not cluster.mentions:
                continue
            name = cluster.name[4:] if cluster.name.startswith("The ") else cluster.name
            if len(name.split()) >= 2 and all(w[:1].isupper() for w in name.split() if w.isalpha() and len(w) > 3):
                names.setdefault(name, cluster)
        if not names:
            return
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?!\w)")
        for found in pattern.finditer(self.text):
            span = self.doc.char_span(found.start(), found.end())
            if span is not None and not any(t.i in self._by_token for t in span):
                self._add_mention(names[found.group()], span)

    def merged(self) -> dict[int, Cluster]:
        """Actors that are another actor under a shorter name, by key: an unnamed one the article
        names later (:meth:`named_later`), a one-word name that is the first or last word of
        exactly one person's full name ("Ampon" of "Ampon Tangnopponkul", whatever the NER
        called it), when no place, outlet or acronym, and a name that is one person's without its
        middle name."""
        out = {**self.named_later(), **self.named_as}
        people = [c for c in self.clusters if c.named and len(c.words) > 1 and c.mentions and c.type == ActorType.PERSON]
        for office in self.clusters:
            # "Archbishop of York says …" over "The Archbishop of York, Dr John Sentamu, said": an
            # office the NER took for a name is the one person the text gives it to
            if office.named and office.mentions and len(office.words) > 1 \
                    and office.words[0] in lexicons.person_words() and office.key not in out:
                holders = [p for p in people if any(name_words(role) == office.words for role in p.roles)]
                if len(holders) == 1:
                    out[office.key] = holders[0]
        for single in self.clusters:
            if len(single.words) != 1 or not single.mentions or not _bare_name(single) or single.key in out:
                continue
            owners = [p for p in people if single.words[0] in (p.words[0], _surname(p.words))]
            if len(owners) == 1:
                out[single.key] = owners[0]
        for short in people:
            # "Aretha Franklin" beside "Aretha Louise Franklin": one person, without the middle name
            if short.key not in out:
                fuller = [p for p in people if p is not short and without_middle(short.words, p.words)]
                if len(fuller) == 1 and fuller[0].key not in out:
                    out[short.key] = fuller[0]
        for plural in self.clusters:
            # "Pride in London organisers issued …" and ", organisers said": a bare plural is the one
            # group an organisation's or a place's name described with that noun (not "Western
            # officials" for any "officials")
            if plural.named or len(plural.words) != 1 or singular(plural.words[0]) == plural.words[0] \
                    or not plural.mentions or plural.key in out:
                continue
            groups = [c for c in self.clusters if c is not plural and len(c.words) > 1 and c.words[-1] == plural.words[0]
                      and c.mentions and not c.labels.get("PERSON")]
            if len(groups) == 1 and self._named_group(groups[0]):
                out[plural.key] = groups[0]
        for handle in self.clusters:
            if handle.name.startswith("@") and handle.mentions and handle.key not in out:
                owners = [c for c in self.clusters if c is not handle and c.named and c.mentions and len(c.words) > 1
                          and _account_of(handle.name[1:].lower(), c.name)]
                if len(owners) == 1:
                    out[handle.key] = owners[0]
        return out

    def _named_group(self, group: Cluster) -> bool:
        """Whether a group's first mention holds an organisation's, a place's or a person's name
        before its noun: "Pride in London organisers", not "Western officials"."""
        start, end = min(group.mentions)
        mention = self.doc.char_span(start, end, alignment_mode="expand")
        return mention is not None and any(t.ent_type_ in _GROUP_NAMES for t in mention[:-1])

    def named_later(self) -> dict[int, Cluster]:
        """Unnamed actors of a class the story follows (a study, a research team) that the
        article names later, by key: "A new study … found" and, further down, "the Australian
        National Iodine Nutrition Study", the only study it names."""
        out = {}
        headline = self.text.find("\n")
        for unnamed in self.clusters:
            head = unnamed.head if not unnamed.named else \
                unnamed.words[0] if len(unnamed.words) == 1 and unnamed.words[0] in lexicons.person_words() else ""
            if head and unnamed.mentions and 0 <= max(unnamed.mentions)[0] < headline:
                # "Pathologist testifies …" over "Mohd Shah Mahmood, a pathologist, told the court":
                # a headline describes whom the story names, by the role it gives them (the NER
                # may take a capitalised first word for a name); the story names its subject in
                # its lead, not "a cleric in Najaf" quoted at the end
                lead_end = _lead_end(self.text, headline)
                named = [c for c in self.clusters if c.named and c.mentions and headline < min(c.mentions)[0] < lead_end
                         and any(head in name_words(role) for role in c.roles)]
                if len(named) == 1:
                    out[unnamed.key] = named[0]
                    continue
            holder = self._office_holder(unnamed)
            if holder is not None:
                out[unnamed.key] = holder
                continue
            if unnamed.named or unnamed.head not in lexicons.table("description_heads") or not unnamed.mentions:
                continue
            first = min(unnamed.mentions)
            names = [c for c in self.clusters if c.named and c.mentions and min(c.mentions) > first
                     and c.words and same_class(unnamed.head, singular(c.words[-1]))]
            if len(names) == 1:
                out[unnamed.key] = names[0]
        return out

    def _office_holder(self, office: Cluster) -> Cluster | None:
        """The one person named later with the office a description told in full before the
        name: a headline's "Dublin mayor suggests …" or a lead's "The director general of the
        U.N. Food and Agriculture Organization is calling …", then "Dublin's Lord Mayor Mícheál
        MacDonncha" or "Jacques Diouf, Director General of the Food and Agriculture
        Organization". The office's head and one more word at least, all of them in the role
        (of four or more, all but one): "the minister" alone names nobody ahead."""
        words = tuple(w for w in office.words if len(w) > 1 and w not in STOP_WORDS)
        if not office.mentions or len(words) < 2 or office.type not in {ActorType.PERSON, ActorType.ORG} \
                or not (office.head in lexicons.person_words() if not office.named
                        else words[0] in _HEADS or words[0] in lexicons.person_words() or words[-1] in lexicons.person_words()):
            return None
        first = min(office.mentions)[0]
        holders = [c for c in self.clusters if c is not office and c.named and c.type == ActorType.PERSON
                   and c.mentions and min(c.mentions)[0] > first
                   and any(_tells(words, set(name_words(role))) for role in c.roles)]
        return holders[0] if len(holders) == 1 else None


#: Entities whose name makes a group of people one group: "Pride in London organisers".
_GROUP_NAMES = frozenset({"ORG", "GPE", "FAC", "PERSON", "EVENT"})
#: The longest handle a social network allows: a longer name is cut to it ("@FizaBatoolGilan").
_HANDLE_LENGTH = 15


#: Paragraphs after a headline that make a story's lead: where it names whom the headline describes.
_LEAD_PARAGRAPHS = 4


def _lead_end(text: str, headline: int) -> int:
    """Where the lead ends: after the first few paragraphs that follow the headline."""
    end = headline
    for _ in range(_LEAD_PARAGRAPHS):
        found = text.find("\n\n", end + 2)
        if found < 0:
            return len(text)
        end = found
    return end


def _account_of(handle: str, name: str) -> bool:
    """Whether a handle (lower case, without its "@") spells a name: "@aliaeshaq" is Alia Eshaq's
    account, "@agenda507" Agenda 507's, "@FizaBatoolGilan" Fiza Batool Gilani's, cut to length."""
    letters = "".join(ch for ch in name.lower() if ch.isalnum())
    return handle == letters or len(handle) == _HANDLE_LENGTH and letters.startswith(handle)


def _aliases(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two names are the short and long forms of one (lexicon ``name_aliases``): "US"
    and "the United States"."""
    forms = lexicons.table("name_aliases")
    return forms.get(" ".join(a)) == " ".join(b) or forms.get(" ".join(b)) == " ".join(a)


def _first_and_inner(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether a two-word name is a longer one's first word and one of its inner words: "Rémy
    Kuseyo" of "Remy Henri Kuseyo Gatanga"."""
    return len(part) == 2 and len(whole) >= 3 and part[0] == whole[0] and part[1] in whole[1:-1]


def _tells(words: tuple[str, ...], role: set[str]) -> bool:
    """Whether a role holds all of a description's words (all but one, of four or more), and
    the same rank ("The transport secretary" is not "Labour's shadow transport secretary")."""
    if _RANKS.intersection(words) != _RANKS & role:
        return False
    missing = sum(w not in role for w in words)
    return missing == 0 or missing == 1 and len(words) >= 4


def same_class(a: str, b: str) -> bool:
    """Two head nouns (singular lemmas) of one class of description: "scientist" and "team",
    "report" and "study" (lexicon ``description_heads``)."""
    kind = lexicons.table("description_heads").get(a)
    return kind is not None and lexicons.table("description_heads").get(b) == kind


def edit_distance(a: str, b: str) -> int:
    """The fewest insertions, deletions, substitutions and swaps of two neighbouring letters
    from a to b (optimal string alignment: "Demriel" is one edit from "Demirel")."""
    rows = [list(range(len(b) + 1))]
    for i, x in enumerate(a, start=1):
        current = [i]
        for j, y in enumerate(b, start=1):
            best = min(rows[-1][j] + 1, current[j - 1] + 1, rows[-1][j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                best = min(best, rows[-2][j - 2] + 1)
            current.append(best)
        rows.append(current)
    return rows[-1][-1]


def _variant(a: str, b: str) -> bool:
    """Two spellings of one name: one edit apart, the same first letter, both long enough that
    one letter does not make another name ("Boylan"/"Boylann"; not "Iran"/"Iraq")."""
    if a[:1] != b[:1] or not (a.isalpha() and b.isalpha()) or a + "s" == b or b + "s" == a:
        return False  # "Malawian"/"Malawians": a plural is a group, not a spelling
    return min(len(a), len(b)) >= _MIN_SPELLING_LENGTH and edit_distance(a, b) == 1


def _groups(label: str, cluster: Cluster) -> bool:
    """A group the NER reads as an organisation here and as a people there ("al-Shabab" NORP,
    "al-Shabaab" ORG)."""
    return label in _GROUP_LABELS and bool(cluster.labels) and cluster.labels.most_common(1)[0][0] in _GROUP_LABELS


def _one_word_apart(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Names of as many words that differ only by the spelling of the last: a surname or the
    head of a name ("Said Bacar"/"Said Bakar"); first names one letter apart are often two
    people's ("Mario"/"Maria")."""
    return a[:-1] == b[:-1] and _variant(a[-1], b[-1])


def _given_spelt_otherwise(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One person's given name in two transliterations before the same surname ("Mikheil"/
    "Mikhail Saakashvili"): long names one letter apart that the lexicon does not give to a man
    and a woman ("Mario"/"Maria" are two people)."""
    if len(a) < 2 or a[1:] != b[1:] or min(len(a[0]), len(b[0])) < _GIVEN_VARIANT_LENGTH or not _variant(a[0], b[0]):
        return False
    genders = {lexicons.table("given_names").get(w, "u") for w in (a[0], b[0])}
    return genders != {"m", "f"}


#: The shortest given names whose spellings one letter apart are taken for one name.
_GIVEN_VARIANT_LENGTH = 6


def _after_hyphen(token: Token) -> bool:
    """The small-letter end of a hyphenated name the tokenizer split ("Boonngam-anong")."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ \
        and not doc[token.i - 2].whitespace_ and capitalised(doc[token.i - 2].text)


def _bare_name(cluster: Cluster) -> bool:
    """A lone capitalised word (no place, outlet or acronym) that a later person's full name
    takes in: "Calloway said …" before "Ruth Calloway", whatever type the NER gave it."""
    # "La Russa": a surname with its particle is one name too
    one = len(cluster.words) == 1 or len(cluster.words) == 2 and cluster.words[0] in lexicons.load("surname_particles")
    return cluster.named and one and not cluster.acronyms \
        and " ".join(cluster.words) not in lexicons.places() and " ".join(cluster.words) not in lexicons.media_outlets() \
        and not cluster.labels.get("GPE") and not cluster.labels.get("LOC")


def _title_gender(written: str) -> str:
    """The gender a title before a name gives (lexicon ``gendered_titles``): "Mrs. Clinton" f,
    "Mr. Clinton" m, anything else u."""
    first = written.split(" ", 1)[0].lower().rstrip(".") if " " in written else ""
    return lexicons.table("gendered_titles").get(first, "u")


def given_gender(cluster: Cluster) -> str:
    """The gender the given name of a named actor's full name tells (lexicon ``given_names``:
    m, f, or u when it tells none or the name has no given name)."""
    return lexicons.table("given_names").get(cluster.words[0], "u") if cluster.named and len(cluster.words) > 1 else "u"


def name_gender(cluster: Cluster) -> str:
    """A person's gender as the name says it: the given name of a full name, else a gendered
    title it was written with; u when nothing tells."""
    given = given_gender(cluster)
    if given != "u":
        return given
    titled = {_title_gender(alias) for alias in cluster.aliases} - {"u"}
    return titled.pop() if len(titled) == 1 else "u"


def _spelt_as(cluster: Cluster, written: str) -> bool:
    """Whether a word of the actor's name or aliases is ``written`` letter for letter, accents
    included."""
    plain = written.removesuffix("'s").removesuffix("’s")
    return bool(plain) and any(w == plain for name in (cluster.name, *cluster.aliases) for w in name.split())


def _surname_rank(cluster: Cluster, words: tuple[str, ...]) -> tuple[int, int]:
    """Where an actor comes among those a lone surname may name: 0 when it is the whole surname
    of its name and the article has called the actor by it, 1 when only the first, else 2; among
    equals, the actor named most first ("Pierre Charles L'Enfant", the subject of a biography,
    before "Marie L'Enfant", named once), then the latest named."""
    if not _whole_surname(cluster, words[0]):
        return 2, -len(cluster.mentions)
    return (0 if any(name_words(a) == words for a in cluster.aliases) else 1), -len(cluster.mentions)


def _whole_surname(cluster: Cluster, word: str) -> bool:
    """Whether ``word`` (compared as :func:`name_words` gives it) is the last written word of the
    actor's name, not part of a double-barrelled one ("Sarkozy" of "Carla Bruni-Sarkozy")."""
    if word not in cluster.words:
        return False  # (no word of the name: the quick answer)
    last = cluster.name.split()[-1:] or [""]
    return name_words(last[0]) == (word,)


def _person_like(cluster: Cluster) -> bool:
    """A name of two or three capitalised words that the NER never called a person's, with
    nothing of an organisation, outlet or place about it ("Yaraah Sow", typed ORG)."""
    return cluster.named and not cluster.labels.get("PERSON") and 2 <= len(cluster.words) <= 3 \
        and not cluster.acronyms and all(w[:1].isupper() for w in cluster.name.split()) \
        and not any(w in lexicons.titles() for w in cluster.words) \
        and not organisation_name(cluster.words) and not _outlet_name(cluster) \
        and cluster.words[-1] not in lexicons.load("company_name_ends") and " ".join(cluster.words) not in lexicons.places()


def _surname(words: tuple[str, ...]) -> str:
    """The last word of a name before its suffix: "king" of "Martin Luther King Jr."."""
    return words[-2] if len(words) > 1 and words[-1] in lexicons.load("name_suffixes") else words[-1]


def _compatible(label: str, cluster: Cluster) -> bool:
    top = cluster.labels.most_common(1)[0][0] if cluster.labels else label
    if label == top or label == "PERSON" and cluster.labels.get("PERSON"):
        return True  # a name once read as a person's stays open to that person's other mentions
    # spaCy often tags an unfamiliar surname as GPE or ORG: let it join a person (a person by
    # the votes of all its mentions so far, when the NER labels are split).
    person = top == "PERSON" or bool(cluster.labels.get("PERSON")) and cluster.type == ActorType.PERSON
    return person and label in {"GPE", "ORG", "NORP", "LOC"}


# -- reading the article ------------------------------------------------------------------------

def find_actors(doc: Doc) -> ActorBook:
    """Collect named actors with aliases and roles from a parsed article."""
    book = ActorBook(doc)
    text = doc.text
    lines = paragraphs(text)
    others = [(start, end) for start, end in lines if foreign(text[start:end])]
    if 2 * sum(end - start for start, end in others) >= sum(end - start for start, end in lines):
        others = []  # an article read as English though it is not (``lang="en"``): its names are all it has
    # (with the names the NER missed that an acronym after them spells: "Christian Purefoy (CP)")
    for ent in _joined_names(sorted([*doc.ents, *spelt_before_acronym(doc)], key=lambda e: e.start)):
        if ent.label_ not in NER_TYPES or foreign_script(ent.text):
            _person_mistyped(book, ent)
            continue  # (the English NER reads words of a post in Arabic as names: none is one)
        if any(start <= ent.start_char < end for start, end in others):
            continue  # nor does it read a paragraph in another language ("de la ville de Goma"): its translation names them
        name = trim_entity(ent)
        name = office_of(spelt_by_acronym(name), ent.label_) if name is not None else None
        if name is None or any(s <= name.start and name.end <= e and (s, e) != (name.start, name.end)
                               for s, e, _ in book.mentions_covering(name.start)):
            continue  # "Tahreek Insaf" inside the expansion "Pakistan Tahreek Insaf" already read
        if name.text.startswith("@") and book.at_token(name.root) is not None:
            continue  # "(@Staisy09)" after a name: that name's account, read with it
        label = ent.label_
        if label != "PERSON" and _titled_person(name):
            # "Sheriff Kory Honea", read as an organisation: a title, a given name and one more
            name, label = name[1:], "PERSON"
        holder = _after_portfolio(name) or _person_after_known(book, name) if label != "PERSON" else None
        if holder is not None:
            # "Assistant Secretary of [State for African Affairs Jendayi Frazer]": the office's
            # holder named after its portfolio, read with it as an organisation
            name, label = holder, "PERSON"
        display = with_title(name)
        cluster = book.add_named(name, label, display if display is not name else None)
        nickname = nickname_after(doc, name)
        if nickname is not None and nickname.text != cluster.name:
            # "Ampon Tangnopponkul, known locally as "Akong"": one actor under two names.
            cluster.nicknames.add(name_words(nickname.text))
            cluster.aliases[nickname.text] = None
            book._add_mention(cluster, nickname)
        for role in roles_of(name, display):
            cluster.add_role(role)
        kind = kind_noun(name)
        if kind is not None and ent.label_ not in {"PERSON", "NORP"} and cluster.type != ActorType.PERSON \
                and kind.lower() not in lexicons.person_words():
            # "the AntyScience blog" is a blog; "the Trump campaign" is no Donald Trump, "the
            # Florida senator" no Florida, and "a Shia cleric" no Shia
            cluster.add_role(kind)
        if name.start > 0 and doc[name.start - 1].lower_ in lexicons.load("outlet_kind_nouns"):
            cluster.labels["MEDIA"] += 2  # "pan-Arab newspaper Al Hayat", which the NER calls a person
        if label != "PERSON" and name.start > 0 and doc[name.start - 1].is_lower \
                and doc[name.start - 1].lower_ in lexicons.titles():
            cluster.labels["PERSON"] += 2  # "WHO vaccine chief Jean-Marie Okwo Bele", read as an organisation
        if display is not name or _described_as_person(name):
            # "Mr. Tamimi", "Prime Minister Ruth Calloway", "Marcus Bell, who takes the No. 7 bus": a person
            cluster.labels["PERSON"] += 2
        expansion = expansion_after(name)
        if expansion is not None and name_words(expansion.text) != cluster.words:
            # "PML-N (Pakistan Muslim League - Nawaz)": the expansion names the actor
            cluster.acronyms.add("".join(c for c in name.text.lower() if c.isalnum()))
            cluster.rename(expansion.text)
            book._add_mention(cluster, expansion)
        handle = parenthesised_handle(name)
        if handle is not None and handle.text != cluster.name:
            cluster.nicknames.add(name_words(handle.text))  # the handle again later is the same actor
            cluster.aliases[handle.text] = None
            book._add_mention(cluster, handle)
        acronym = parenthesised_acronym(name)
        if acronym is not None and not _dateline_credit(name, acronym):
            cluster.acronyms.add(acronym.text.replace(".", "").lower())
            cluster.aliases[acronym.text] = None
            book._add_mention(cluster, acronym)
    _initialled_names(book)
    _full_names_missed(book)
    _bare_surnames(book)
    return book


def _person_mistyped(book: ActorBook, ent: SpacySpan) -> None:
    """A person named before, whom the NER calls a work of art, a product or an event when the
    name follows a closing quotation mark (""…henceforth." Yusuf had no immediate comment"):
    a mention of that person."""
    if ent.label_ not in _MISTYPED or len(ent) > 2 or not all(t.is_title and t.is_alpha for t in ent) \
            or book.at_token(ent.root) is not None:
        return
    cluster = book.person_named(ent.text)
    if cluster is not None and cluster.mentions and cluster.mentions[0][0] < ent.start_char:
        book._add_mention(cluster, ent)
        cluster.aliases.setdefault(ent.text, None)


#: NER labels a person's name may get by mistake, which the book otherwise leaves out.
_MISTYPED = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "FAC", "LAW"})


def _titled_person(name: SpacySpan) -> bool:
    """A title, a given name and a surname ("Sheriff Kory Honea"), whatever the NER typed them
    (not "General Motors": no given name)."""
    return len(name) == 3 and name[0].lower_ in lexicons.titles() and name[1].lower_ in lexicons.table("given_names") \
        and all(t.is_title for t in name)


def _same_letters(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One acronym written with and without stops: "U.S." (words u, s) and "US"."""
    return a != b and "".join(a) == "".join(b) and all(len(w) == 1 for w in (a if len(a) > len(b) else b))


def _after_portfolio(name: SpacySpan) -> SpacySpan | None:
    """The two or three capitalised words after "Affairs" that end a name: the person who holds
    the office of that portfolio ("State for African Affairs Jendayi Frazer")."""
    ends = [t.i for t in name[:-2] if t.lower_ == "affairs"]
    if not ends:
        return None
    rest = name.doc[ends[-1] + 1 : name.end]
    if not 2 <= len(rest) <= 3 or not all(t.is_title and t.is_alpha for t in rest) \
            or any(t.lower_ in lexicons.titles() for t in rest):
        return None
    return rest


def _person_after_known(book: ActorBook, name: SpacySpan) -> SpacySpan | None:
    """A given name and a surname that end a name the NER read with the organisation before
    them, when the article named that organisation already ("spokesperson for [TransCanada
    Grady Semmens]"): the person."""
    if len(name) < 3:
        return None
    rest = name[-2:]
    if not all(capitalised(t.text) and t.is_alpha for t in rest) or rest[0].lower_ not in lexicons.table("given_names") \
            or any(t.lower_ in lexicons.titles() for t in rest):
        return None
    before = name.doc[name.start : rest.start]
    words = name_words(before.text)
    return rest if any(c.named and c.words == words for c in book.clusters) else None


def _dateline_credit(name: SpacySpan, acronym: SpacySpan) -> bool:
    """ "WASHINGTON (AP)": a dateline's place and the agency that filed the story, not a name and
    its acronym."""
    return acronym.text.replace(".", "").lower() in lexicons.media_outlets() and (
        name.text.isupper() or name.label_ in {"GPE", "LOC"})


def _joined_names(ents: list[SpacySpan]) -> list[SpacySpan]:
    """Person names the NER cut in two with nothing between them, joined: "Remy Henri" and
    "Kuseyo Gatanga" of "transport minister Remy Henri Kuseyo Gatanga" are one man."""
    joined: list[SpacySpan] = []
    for ent in ents:
        last = joined[-1] if joined else None
        ent = _with_head_word(ent, last)
        if last is not None and last.label_ == ent.label_ == "PERSON" and last.end == ent.start \
                and last[-1].is_title and ent[0].is_title:
            joined[-1] = SpacySpan(ent.doc, last.start, ent.end, label="PERSON")
        else:
            joined.append(ent)
    return joined


def _with_head_word(ent: SpacySpan, last: SpacySpan | None) -> SpacySpan:
    """A name the NER began at a capitalised preposition or just after one, with the capitalised
    word before it that heads it ("Without Borders" or "Borders" of "Reporters Without Borders",
    the first read as a person's name): an organisation's name."""
    doc, k = ent.doc, ent.start
    if k >= 2 and doc[k - 1].pos_ == "ADP" and doc[k - 1].is_title:
        k -= 1  # "Reporters Without | Borders"
    elif ent[0].pos_ != "ADP" or not ent[0].is_title:
        return ent
    if k < 1 or not doc[k - 1].is_title or doc[k - 1].pos_ not in {"PROPN", "NOUN"} \
            or doc[k].lower_ not in _NAME_PREPOSITIONS or last is not None and last.end > k - 1 \
            or not any(t.is_lower and len(t) > 3 for t in ent.sent):
        return ent  # (nor in a headline, all in capitals: "Protests In Paris Turn Violent")
    return SpacySpan(doc, k - 1, ent.end, label="ORG" if ent.label_ == "PERSON" else ent.label_)


#: Prepositions inside organisations' names ("Reporters Without Borders", "Friends Of The Earth").
_NAME_PREPOSITIONS = frozenset({"without", "for", "of", "against", "sans"})


def _head_word(words: tuple[str, ...], cluster: Cluster) -> bool:
    """Whether a lone word is the head noun of an organisation's name of several words, the word
    before its "of" or "for" ("Commission" of "Human Rights Commission of Pakistan")."""
    if len(words) != 1 or cluster.type != ActorType.ORG or words[0] not in lexicons.org_nouns():
        return False
    link = next((k for k, w in enumerate(cluster.words) if w in LINKS), None)
    return link is not None and link >= 1 and cluster.words[link - 1] == words[0]


def _described_as_person(name: SpacySpan) -> bool:
    """Whether the name is described as a person right after a comma: a relative "who" ("Marcus
    Bell, who …") or an apposition headed by a title ("Murat Karayilan, the leader of the armed
    wing", "Androulla Vassiliou, the European Union Health Commissioner") or an age ("Smith,
    45, said")."""
    doc = name.doc
    if name.end + 1 >= len(doc) or doc[name.end].text != ",":
        return False
    if _age(doc, name.end + 1):
        return True  # "Smith, 45, said": an age
    if doc[name.end + 1].lower_ == "who":
        # (not "Diane Swonk, chief economist at KPMG, who expects …": the relative is the person's
        # whose post the name ends)
        post = name.root.head.head if name.root.dep_ == "pobj" else None
        return doc[name.end + 1].head.head.i == name.root.i \
            and not (post is not None and post.lemma_.lower() in lexicons.person_words())
    return any(c.dep_ == "appos" and c.i > name.end and c.lemma_.lower() in lexicons.person_words()
               for c in name.root.children)


def _age(doc: Doc, i: int) -> bool:
    """An age set off by commas after a name: "Smith, 45, said"."""
    return i + 1 < len(doc) and doc[i].is_digit and 0 < int(doc[i].text) < _OLDEST and doc[i + 1].text == ","


def _initialled_names(book: ActorBook) -> None:
    """ "File photo of interviewee R Saravanan": an initial the NER left out before a person's
    one-word name gives the fuller name ("Saravanan: …" in the transcript is R Saravanan)."""
    doc = book.doc
    single = {c.words[0]: c for c in book.clusters if c.named and len(c.words) == 1 and c.labels.get("PERSON")}
    for token in doc[1:]:
        cluster = single.get(token.lower_)
        previous = doc[token.i - 1]
        if cluster is None or book.at_token(token) not in (None, cluster) or book.at_token(previous) is not None \
                or len(cluster.words) != 1:
            continue
        if len(previous.text.rstrip(".")) == 1 and previous.text[0].isupper() and previous.text[0].isalpha() \
                and not previous.is_sent_start:
            span = doc[previous.i : token.i + 1]
            cluster.rename(span.text)
            book._add_mention(cluster, span)


def _full_names_missed(book: ActorBook) -> None:
    """A given name and a surname the NER missed, where it reads the surname alone elsewhere as
    a person's ("Alassane Ouattara won …", then "Ouattara" a person): a mention of that person,
    who takes the full name."""
    doc = book.doc
    for given in doc[:-1]:
        surname = doc[given.i + 1]
        before = doc[given.i - 1] if given.i > 0 else None
        if given.ent_type_ or surname.ent_type_ or before is not None and before.is_title and before.is_alpha \
                or not (given.is_title and given.is_alpha and surname.is_title and surname.is_alpha) \
                or given.pos_ != "PROPN" or surname.pos_ != "PROPN" or given.is_stop \
                or given.lower_ in lexicons.titles() or book.at_token(given) is not None:
            continue
        owners = [c for c in book.clusters if c.named and c.words == name_words(surname.text) and c.labels.get("PERSON")]
        if len(owners) != 1:
            continue
        owner = owners[0]
        owner.rename(doc[given.i : surname.i + 1].text)
        owner.labels["PERSON"] += 1  # (a given name before it says so)
        book._add_mention(owner, doc[given.i : surname.i + 1])


def _bare_surnames(book: ActorBook) -> None:
    """A person's surname outside any entity is a mention of that person: the NER and tagger
    often miss a lone surname ("Rathbun requested donations", "Rathbun" tagged a noun or verb)
    once "Mark Rathbun" has been named. It is the person of that surname named before it
    ("Yaraah Sow … Sow accuses … Mohamed Ali Sow"), or the only one named after it; a name the
    NER typed otherwise but that looks like a person's counts, and is a person's from then on.
    A surname two people named before it share is left alone."""
    people: dict[str, list[Cluster]] = {}
    for cluster in book.clusters:
        if cluster.named and len(cluster.words) > 1 and (cluster.type == ActorType.PERSON or _person_like(cluster)):
            people.setdefault(cluster.words[-1], []).append(cluster)
    if not people:
        return
    doc = book.doc
    for token in doc:
        # Any part of speech: the tagger may even call it a verb; but not a word like "May" or "Will".
        if token.ent_type_ or not token.is_title or token.is_stop or not token.is_alpha \
                or book.at_token(token) is not None or token.i + 1 < len(doc) and doc[token.i + 1].is_title:
            continue
        owners = people.get(token.lower_, [])
        whole = [c for c in owners if _whole_surname(c, token.lower_)]
        owners = whole if whole and len(whole) < len(owners) else owners  # not Bruni-Sarkozy for "Sarkozy"
        before = [c for c in owners if any(m[0] < token.idx for m in c.mentions)]
        owner = before[0] if len(before) == 1 else owners[0] if len(owners) == 1 and not before else None
        if owner is None:
            continue
        if owner.type != ActorType.PERSON:
            owner.labels["PERSON"] += 2 + sum(owner.labels.values())  # "Sow accuses": a person's surname
        book._add_mention(owner, doc[token.i : token.i + 1])
        owner.aliases.setdefault(token.text, None)
