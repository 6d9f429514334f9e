"""Actors: named-entity mentions merged into one record per person, organisation or place.

Starts from spaCy NER and makes it right for news: titles and possessives trimmed, surnames and
acronyms merged with their full forms, one type per actor by voting, MEDIA for outlets, and
roles read from appositives and pre-name descriptions.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..types import Actor, ActorType, Span
from . import lexicons
from .lookup import MentionIndex

_NER_TYPES = {
    "PERSON": ActorType.PERSON,
    "ORG": ActorType.ORG,
    "GPE": ActorType.GPE,
    "LOC": ActorType.LOC,
    "NORP": ActorType.NORP,
    "FAC": ActorType.LOC,
}
_ACRONYM_SKIP = {"of", "the", "and", "for", "de", "in", "on", "to", "a"}
_APOSTROPHES = ("'s", "’s", "'", "’")
_NAME_PUNCT = re.compile(r"[-‐‑–.’'`]+")
_INDEFINITE = {"a", "an", "one", "another"}
_INTRODUCTION_WINDOW = 150  # tokens back, a few sentences
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.-]{1,9}$")


def name_words(text: str) -> tuple[str, ...]:
    """Comparable words of a name: lower case, no leading "the", hyphens and dots dropped."""
    words = _NAME_PUNCT.sub(" ", text.lower().replace("’s", "").replace("'s", "")).split()
    if words and words[0] == "the":
        words = words[1:]
    return tuple(words)


@dataclass
class Cluster:
    """All mentions of one actor, gathered while reading the article."""

    name: str
    words: tuple[str, ...]
    named: bool = True
    labels: Counter = field(default_factory=Counter)
    mentions: list[Span] = field(default_factory=list)
    aliases: dict[str, None] = field(default_factory=dict)
    roles: dict[str, None] = field(default_factory=dict)
    acronyms: set[str] = field(default_factory=set)
    speaker: bool = False
    pronouns: Counter = field(default_factory=Counter)
    locations: int = 0  # mentions that name a location ("outside Al-Qaim")

    @property
    def type(self) -> ActorType:
        return _vote(self)

    def add_role(self, role: str) -> None:
        role = role.strip(" ,;:()[]—–-")
        if role and role.lower() not in {r.lower() for r in self.roles}:
            self.roles[role] = None


class ActorBook:
    """The actors of one article, with a token → actor index for later stages."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.clusters: list[Cluster] = []
        self._by_token: dict[int, Cluster] = {}
        self.records: list[tuple[int, int, Cluster]] = []  # (first token, end token, actor)
        self._index: MentionIndex[Cluster] = MentionIndex()  # the records by position
        self._seen: set[tuple[int, Span]] = set()  # (cluster id, mention)

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
        if not _ACRONYM.match(text):
            return None
        key = text.replace(".", "").lower()
        return next((c for c in reversed(self.clusters) if key in c.acronyms), None)

    # -- building ---------------------------------------------------------------------------
    def add_named(self, span: SpacySpan, label: str, display: SpacySpan | None = None) -> Cluster:
        """Record a named mention, merging it with an earlier actor when it names the same one."""
        words = name_words(span.text)
        cluster = self._match(words, label)
        if cluster is None:
            cluster = Cluster(name=span.text, words=words)
            self.clusters.append(cluster)
        elif len(words) > len(cluster.words) and cluster.labels.get("PERSON", 0) + (label == "PERSON") > 0:
            # "Tamimi ... Ghaith Al-Tamimi": the fuller form names the actor.
            cluster.aliases[cluster.name] = None
            cluster.name, cluster.words = span.text, words
            if label == "PERSON":
                # "Calloway said … Ruth Calloway": a person's full name outweighs the type the NER
                # gave the lone surname.
                cluster.labels["PERSON"] += 1
        if span.text != cluster.name:
            cluster.aliases[span.text] = None
        shown = display or span
        if display is not None and display.text != cluster.name:
            cluster.aliases[display.text] = None
        cluster.labels[label] += 1
        self._add_mention(cluster, shown)
        return cluster

    def described(self, span: SpacySpan) -> Cluster | None:
        """The earlier actor a definite description points back to: "the channel" → the actor
        described as a "news channel"; "the ministry" → "Iraq's interior ministry"."""
        if span[0].lower_ not in {"the", "this", "that"}:
            return None
        head = _singular(span.root.lemma_.lower())
        for cluster in reversed(self.clusters):
            if cluster.mentions and min(cluster.mentions)[0] >= span.start_char:
                continue
            # "the channel" → "London-based news channel Levant Today"; "the ministry" → "Interior
            # Ministry"; "the authors" → "the report's authors": the description's head noun heads
            # the name or a role, in the singular or the plural.
            if [_singular(w) for w in cluster.words[-1:]] == [head] \
                    or any([_singular(w) for w in name_words(role)[-1:]] == [head] for role in cluster.roles):
                return cluster
        return None

    def _introduced_as(self, span: SpacySpan) -> Cluster | None:
        """ "One poster admitted … The poster wrote": a definite description takes up the
        indefinite phrase with the same head noun a few sentences back, which becomes the actor."""
        root, doc = span.root, self.doc
        if root.pos_ != "NOUN":
            return None
        for token in reversed(doc[max(0, span.start - _INTRODUCTION_WINDOW) : span.start]):
            if token.pos_ == "NOUN" and token.lemma_.lower() == root.lemma_.lower() and any(
                    c.dep_ in {"det", "nummod"} and c.lower_ in _INDEFINITE for c in token.children):
                earlier = doc[token.left_edge.i : token.i + 1]
                if self.at_token(token) is None:
                    return self.add_unnamed(earlier)
                return self.at_token(token)
        return None

    def add_unnamed(self, span: SpacySpan) -> Cluster:
        """An actor known only by a phrase: "a senior official", "the ministry", or a name NER
        missed ("The Basij, a paramilitary branch of the IRGC")."""
        earlier = self.described(span)
        if earlier is None and span[0].lower_ in {"the", "this", "that"}:
            earlier = self._introduced_as(span)
        if earlier is None and span[0].lower_ not in _INDEFINITE:
            # "Scientology officials said … Scientology officials went": the same words, the same
            # actor (but "a spokesman" twice may be two people).
            words = name_words(_core_phrase(span.root, span).text)
            earlier = next((c for c in reversed(self.clusters) if not c.named and c.words == words), None)
        if earlier is not None:
            self._add_mention(earlier, span)
            return earlier
        head = span.root
        core = _core_phrase(head, span)
        named = head.pos_ == "PROPN" and head.is_title
        if named:
            # "Whitmore said" after "Steve Whitmore": a name the NER missed here is still the
            # actor it names elsewhere (a surname is the full name's actor).
            earlier = self._match(name_words(core.text), "PERSON" if len(core) == 1 else "ORG")
            if earlier is not None:
                if core.text != earlier.name:
                    earlier.aliases[core.text] = None
                self._add_mention(earlier, span)
                return earlier
        if head.lemma_.lower() in lexicons.org_nouns():
            label = "ORG"
        elif head.tag_ in {"NNS", "NNPS"}:
            label = "GROUP"
        else:
            label = "PERSON" if not named else "ORG"
        cluster = Cluster(name=core.text, words=name_words(core.text), named=named)
        cluster.labels[label] += 1
        for child in head.children:
            if child.dep_ == "appos" and child.i > head.i and child.pos_ in {"NOUN", "PROPN"} \
                    and child.lemma_.lower() not in lexicons.load("proposition_nouns"):
                cluster.add_role(_strip_det(_subtree(child)).text)
        self.clusters.append(cluster)
        self._add_mention(cluster, span)
        return cluster

    def add_reference(self, cluster: Cluster, span: SpacySpan) -> None:
        """A pronoun or description resolved to ``cluster`` ("he" → Tamimi)."""
        self._add_mention(cluster, span)
        if span.root.pos_ == "PRON":
            cluster.pronouns[span.root.lower_] += 1

    def _add_mention(self, cluster: Cluster, span: SpacySpan) -> None:
        mention = (span.start_char, span.end_char)
        if (id(cluster), mention) not in self._seen:
            self._seen.add((id(cluster), mention))
            cluster.mentions.append(mention)
            self.records.append((span.start, span.end, cluster))
            self._index.add(span.start, span.end, cluster)
            cluster.locations += _where(span)
        for token in span:
            self._by_token.setdefault(token.i, cluster)

    def _match(self, words: tuple[str, ...], label: str) -> Cluster | None:
        if not words:
            return None
        for cluster in reversed(self.clusters):
            if cluster.named and (words == cluster.words or "".join(words) in cluster.acronyms):
                return cluster
        acronym = "".join(words)
        place = label in {"GPE", "LOC"} and " ".join(words) in lexicons.places()
        for cluster in reversed(self.clusters):
            if not cluster.named or place:
                continue
            if len(words) == 1 and acronym == _initials(cluster.words):
                cluster.acronyms.add(acronym)
                return cluster
            if _is_part_of(words, cluster.words) and _compatible(label, cluster):
                return cluster
            if _is_part_of(cluster.words, words) and (
                _compatible(label, cluster) and (label == "PERSON" or cluster.labels.get("PERSON"))
                or label == "PERSON" and _bare_name(cluster)
            ):
                return cluster
        return None

    # -- output -----------------------------------------------------------------------------
    def ordered(self) -> list[Cluster]:
        """Clusters with at least one mention, in order of first mention."""
        return sorted((c for c in self.clusters if c.mentions), key=lambda c: min(c.mentions))

    def actors(self) -> tuple[list[Actor], dict[int, str]]:
        """Actor records with ids a1, a2, … in order of first mention, and id by cluster."""
        records, ids = [], {}
        for number, cluster in enumerate(self.ordered(), start=1):
            actor_id = f"a{number}"
            ids[id(cluster)] = actor_id
            records.append(
                Actor(
                    id=actor_id,
                    name=cluster.name,
                    type=cluster.type,
                    aliases=tuple(a for a in cluster.aliases if a != cluster.name),
                    roles=tuple(cluster.roles),
                    mentions=tuple(sorted(cluster.mentions)),
                    named=cluster.named,
                )
            )
        return records, ids


def _singular(word: str) -> str:
    """ "authors" → "author": enough of a lemma to compare head nouns ("ss" stays: "press")."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _initials(words: tuple[str, ...]) -> str:
    # "Movimento 5 Stelle" → "m5s": a number in the name stays in its acronym.
    return "".join(w[0] for w in words if w not in _ACRONYM_SKIP and w[0].isalnum()) if len(words) > 1 else ""


def _is_part_of(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """ "Tamimi" is part of "Ghaith Al Tamimi"; "Jerusalem" is not part of "Jerusalem Post"."""
    if len(part) >= len(whole) or not part:
        return False
    return whole[-len(part):] == part or (len(part) == 1 and part[0] == whole[0] and len(whole) == 2)


def _bare_name(cluster: Cluster) -> bool:
    """A lone capitalised word (no place, outlet or acronym) that a later person's full name
    takes in: "Calloway said …" before "Ruth Calloway", whatever type the NER gave it."""
    return cluster.named and len(cluster.words) == 1 and not cluster.acronyms \
        and cluster.words[0] not in lexicons.places() and cluster.words[0] not in lexicons.media_outlets() \
        and not cluster.labels.get("GPE") and not cluster.labels.get("LOC")


def _compatible(label: str, cluster: Cluster) -> bool:
    top = cluster.labels.most_common(1)[0][0] if cluster.labels else label
    if label == top or label == "PERSON" and cluster.labels.get("PERSON"):
        return True  # a name once read as a person's stays open to that person's other mentions
    # spaCy often tags an unfamiliar surname as GPE or ORG: let it join a person.
    return top == "PERSON" and label in {"GPE", "ORG", "NORP", "LOC"}


def _vote(cluster: Cluster) -> ActorType:
    """One type per actor: NER labels by mention, corrected by what the text says of it."""
    if not cluster.labels:
        return ActorType.PERSON
    votes = Counter({label: float(n) for label, n in cluster.labels.items()})
    top = votes.most_common(1)[0][0]
    if cluster.pronouns["he"] + cluster.pronouns["she"] > 0:
        votes["PERSON"] += 2
    if cluster.speaker and top in {"GPE", "LOC"} and " ".join(cluster.words) not in lexicons.places():
        # "Tamimi said": a name followed by "said" is a person or organisation, not a place.
        votes["PERSON" if len(cluster.words) <= 3 else "ORG"] += votes[top] + 1
    top = votes.most_common(1)[0][0]
    if top in {"PERSON", "GPE", "LOC", "NORP"} and cluster.named and not cluster.pronouns["he"] + cluster.pronouns["she"] \
            and _organisation_name(cluster.words):
        # "Kataib al-Wafa", "Jaysh al-Rashidin": unfamiliar names the NER calls people or places.
        votes["ORG"] += votes[top] + 1
        top = "ORG"
    if top in {"ORG", "PERSON"} and cluster.named and not cluster.speaker and not cluster.roles \
            and not cluster.pronouns["he"] + cluster.pronouns["she"] and cluster.mentions \
            and cluster.locations == len(cluster.mentions) and not _organisation_name(cluster.words):
        # "outside Al-Qaim", "in Baghdad and Erbil": a name only ever met as a location.
        return ActorType.GPE
    if top in {"ORG", "PERSON", "GPE"} and _is_media(cluster):
        return ActorType.MEDIA
    if top == "GROUP":
        return ActorType.GROUP
    return _NER_TYPES.get(top, ActorType.PERSON) if top != "MEDIA" else ActorType.MEDIA


_PLACE_PREPOSITIONS = {"near", "outside"}  # not "inside the party", "across Islam", "around the shooting"


def _where(span: SpacySpan) -> bool:
    """A mention that names a location: the object of "near", "outside"…, or the conjunct of a
    place after "in"/"near"… ("in Baghdad and Erbil")."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS:
        return True
    if root.dep_ == "conj" and root.head.dep_ == "pobj" and root.head.ent_type_ in {"GPE", "LOC"} \
            and root.head.head.lower_ in _PLACE_PREPOSITIONS | {"in", "from", "to", "between", "across"} \
            and not any(c.dep_ == "prep" for c in root.children):  # not "… and Philando Castile in Minnesota"
        return True
    return False


def _organisation_name(words: tuple[str, ...]) -> bool:
    """ "Kataib al-Wafa", "Rising Dawn Brigades": an organisation's name by its first or last word."""
    return len(words) > 1 and (words[0] in lexicons.load("org_name_starts")
                               or words[-1] in lexicons.load("org_name_ends"))


def _is_media(cluster: Cluster) -> bool:
    words = cluster.words
    if not words or not cluster.named:
        return False
    if " ".join(words) in lexicons.media_outlets() or any(a.lower() in lexicons.media_outlets() for a in cluster.acronyms):
        return True
    if cluster.pronouns["he"] + cluster.pronouns["she"] > 0:
        return False  # "Emily Post … she": a person
    if cluster.labels.get("PERSON", 0) > sum(cluster.labels.values()) / 2:
        # What the NER calls a person is an outlet only by a name no person has ("Levant Today");
        # a person with a newsroom role ("Alex Marlow, the editor") stays a person.
        return len(words) > 1 and words[-1] in lexicons.load("media_name_ends_strong")
    if any(w in lexicons.media_words() for w in words) or (len(words) > 1 and words[-1] in lexicons.media_name_ends()):
        return True
    return any(w in lexicons.media_roles() for role in cluster.roles for w in name_words(role)[:6])


# -- reading the article ------------------------------------------------------------------------

def find_actors(doc: Doc) -> ActorBook:
    """Collect named actors with aliases and roles from a parsed article."""
    book = ActorBook(doc)
    for ent in doc.ents:
        if ent.label_ not in _NER_TYPES:
            continue
        name = _trim(ent)
        if name is None:
            continue
        display = _with_title(name)
        cluster = book.add_named(name, ent.label_, display if display is not name else None)
        for role in _roles(name, display):
            cluster.add_role(role)
        kind = _kind_noun(name)
        if kind is not None and ent.label_ != "PERSON":
            cluster.add_role(kind)
        if display is not name and display[0].lower_.rstrip(".") in {"mr", "mrs", "ms", "sheikh", "dr"}:
            cluster.labels["PERSON"] += 2
        acronym = _parenthesised_acronym(name)
        if acronym is not None:
            cluster.acronyms.add(acronym.text.replace(".", "").lower())
            cluster.aliases[acronym.text] = None
            book._add_mention(cluster, acronym)
    _initialled_names(book)
    _bare_surnames(book)
    return book


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
            cluster.aliases[cluster.name] = None
            cluster.name, cluster.words = span.text, name_words(span.text)
            book._add_mention(cluster, span)


def _bare_surnames(book: ActorBook) -> None:
    """A person's surname outside any entity is a mention of that person: the NER and tagger
    often miss a lone surname ("Rathbun requested donations", "Rathbun" tagged a noun or verb)
    once "Mark Rathbun" has been named. Surnames two people share are left alone."""
    people: dict[str, list[Cluster]] = {}
    for cluster in book.clusters:
        if cluster.named and len(cluster.words) > 1 and cluster.type == ActorType.PERSON:
            people.setdefault(cluster.words[-1], []).append(cluster)
    if not people:
        return
    doc = book.doc
    for token in doc:
        # Any part of speech: the tagger may even call it a verb; but not a word like "May" or "Will".
        if token.ent_type_ or not token.is_title or token.is_stop or not token.is_alpha \
                or book.at_token(token) is not None:
            continue
        owners = people.get(token.lower_)
        if owners is not None and len(owners) == 1 and not (token.i + 1 < len(doc) and doc[token.i + 1].is_title):
            book._add_mention(owners[0], doc[token.i : token.i + 1])
            owners[0].aliases.setdefault(token.text, None)


def _trim(ent: SpacySpan) -> SpacySpan | None:
    """Drop a leading "the", a trailing possessive and edge punctuation from an entity; take in
    capitalised words the name runs on with ("Levant" + "Today")."""
    start, end = ent.start, ent.end
    doc = ent.doc
    # "The World Health Organisation (WHO)": the NER may take in the bracket; the name ends
    # before it (the acronym inside is read as an alias).
    end = next((t.i for t in ent[1:] if t.text in "(["), end)
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and doc[end].ent_type_ in {"", "DATE"} \
            and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end:
        end += 1
    while end > start and (doc[end - 1].text in _APOSTROPHES or doc[end - 1].is_punct):
        end -= 1
    while start < end and (doc[start].is_punct or (doc[start].lower_ == "the" and end - start > 1 and not doc[start].is_title)):
        start += 1
    # "in contravention of a World Health Organisation recommendation": an indefinite article
    # is not part of a name.
    if end - start > 1 and doc[start].lower_ in {"a", "an"} and doc[start + 1].is_title:
        start += 1
    if start >= end:
        return None
    return doc[start:end]


def _with_title(name: SpacySpan) -> SpacySpan:
    """Extend a name leftwards over capitalised titles: "Sheikh Ghaith Al-Tamimi"."""
    doc, start = name.doc, name.start
    while start > 0 and doc[start - 1].is_title and doc[start - 1].lower_ in lexicons.titles():
        start -= 1
    return name if start == name.start else doc[start:name.end]


def _roles(name: SpacySpan, display: SpacySpan) -> list[str]:
    """Descriptions the text gives the actor: titles, pre-name phrases and appositives."""
    doc, roles = name.doc, []
    root = name.root
    if display.start < name.start:
        roles.append(doc[display.start:name.start].text)
    # "London-based news channel Levant Today": modifiers of the name left of it.
    left = [t for t in root.subtree if t.i < display.start and t.dep_ not in {"det", "poss", "case", "punct"}
            and (t.i >= display.start - 8)]
    if left:
        first = min(t.i for t in left)
        words = doc[first:display.start]
        if any(t.pos_ == "NOUN" for t in words) and all(t.head.i >= first for t in words) \
                and not any(t.is_space for t in words):
            roles.append(_strip_det(words).text)
    # "Tamimi, a senior cleric, said": an appositive after the name.
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ in {"NOUN", "PROPN"} and child.ent_type_ == "" \
                and child.left_edge.i == name.end + 1 and doc[name.end].text == "," \
                and child.lemma_.lower() not in lexicons.load("proposition_nouns"):
            roles.append(_strip_det(_subtree(child)).text)
    # "a senior cleric, Sheikh Ghaith Al-Tamimi": the name is the appositive of a description.
    if root.dep_ == "appos" and root.head.i < name.start and root.head.pos_ == "NOUN" and root.head.ent_type_ == "":
        head_span = doc[root.head.left_edge.i : root.head.i + 1]
        roles.append(_strip_det(head_span).text)
    return [r for r in roles if 1 < len(r) <= 120]


def _kind_noun(name: SpacySpan) -> str | None:
    """The common noun a name modifies says what it is: "the AntyScience blog" is a blog (so "the
    blog" later points back to it); a person's name is left alone ("the Trump administration")."""
    root = name.root
    if root.dep_ == "compound" and root.head.i == name.end and root.head.tag_ == "NN" \
            and root.head.lower_.isalpha():
        return root.head.text
    return None


def _subtree(token: Token) -> SpacySpan:
    """A description without its relative clause: "a cleric in Najaf [who has criticised …]"."""
    doc = token.doc
    span = doc[token.left_edge.i : token.right_edge.i + 1]
    end = span.end
    for child in token.children:
        if child.dep_ in {"relcl", "acl"} and child.i > token.i:
            end = min(end, child.left_edge.i)
    while end > span.start + 1 and doc[end - 1].is_punct:
        end -= 1
    return doc[span.start:end]


def _core_phrase(head: Token, span: SpacySpan) -> SpacySpan:
    """A noun phrase up to its first comma, appositive or relative clause: "A spokesman for the
    union[, who asked not to be named]"."""
    doc, end = head.doc, head.i + 1
    for child in head.rights:
        if child.dep_ in {"prep", "compound", "amod", "nummod", "case", "pobj"} and not any(
            t.text == "," for t in doc[end : child.i]
        ):
            end = max(end, child.right_edge.i + 1)
        else:
            break
    end = min(end, span.end)
    # A comma or a relative clause inside the last modifier ends the phrase too ("A former
    # member of the group[, who spoke to …]"): the clause describes, it does not name.
    end = next((t.i for t in doc[head.i + 1 : end] if t.text == "," or t.dep_ == "relcl"
                or t.tag_ in {"WP", "WDT"}), end)
    while end > span.start + 1 and doc[end - 1].is_punct:
        end -= 1
    return doc[span.start : end]


def _strip_det(span: SpacySpan) -> SpacySpan:
    start = span.start
    while start < span.end - 1 and span.doc[start].dep_ in {"det", "punct"}:
        start += 1
    return span.doc[start:span.end]


def _parenthesised_acronym(name: SpacySpan) -> SpacySpan | None:
    """ "Islamic Revolutionary Guard Corps (IRGC)" → the span "IRGC"."""
    doc, i = name.doc, name.end
    if i + 2 < len(doc) and doc[i].text in "([" and doc[i + 2].text in ")]" and _ACRONYM.match(doc[i + 1].text):
        return doc[i + 1 : i + 2]
    return None
