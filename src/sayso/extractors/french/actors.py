"""French actors: named-entity mentions merged into one record per person or organisation, and
the speaker behind a source ("il", "l'expert", "M. Samaras", "le président Obama").

Names are merged the way French news shortens them: "Barack Obama" → "Obama", "B. Obama",
"M. Obama"; "Human Rights Watch" → "HRW". A bare role ("l'expert", "l'ONG") refers back to the
last actor of its kind; a described source ("la porte-parole de la fédération") is its own actor.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan

from ...types import Actor, ActorType
from .. import lexicons

LANG = "fr"
_NER = {"PER": ActorType.PERSON, "ORG": ActorType.ORG, "LOC": ActorType.GPE}
#: Which type wins a tie between readings of one name: a speaker's before a place's.
_SPEAKING = {ActorType.PERSON: 2, ActorType.ORG: 1}
_WORD = re.compile(r"[\w’'-]+")
#: A definite description that ends, with a comma, right where a name starts.
_DESCRIPTION_BEFORE = re.compile(r"(?:^|(?<=[.!?:] )|(?<= - )|(?<=\n))((?:Le|La|Les|L['’])\s?[^,.;:\n«»]{2,80}), $")
_SPELT = re.compile(r"\b([A-Z]{2,6}), (?:le |la |les |l'|l’)")


def name_words(text: str) -> tuple[str, ...]:
    """Comparable words of a name: lower case, initials ("B.") and titles ("M.") dropped."""
    raw = [w for w in text.replace("’", "'").split() if not (len(w) == 2 and w.endswith("."))]
    titles = lexicons.load("titles", LANG)
    while raw and (raw[0].lower() in titles or raw[0] in {"le", "la", "les", "l'"}
                   or raw[0] in {"Le", "La", "Les", "L'"} and len(raw) > 1
                   and (raw[1][:1].islower() or len(raw[1]) > 1 and raw[1].isupper())):
        raw = raw[1:]  # "Le Pen" keeps its capital article; "Le PP" does not
    words = [w.lower() for w in raw]
    if words and words[0].startswith("l'"):
        words[0] = words[0][2:]
    return tuple(w.strip(".,") for w in words if w.strip(".,"))


def _expansion_words(name: str) -> list[str]:
    """The words of a name whose initials make its acronym: "Bureau d'enquêtes et d'analyses" →
    bureau, enquêtes, analyses."""
    words = [re.sub(r"^[dl][’']", "", w.lower()) for w in name.split()]
    return [w for w in words if w and w not in {"de", "des", "du", "la", "le", "les", "et", "en", "pour", "sur"}]


def _initials(text: str) -> set[str]:
    return {w[0].lower() for w in text.split() if len(w) == 2 and w.endswith(".")}


@dataclass
class Entity:
    """All mentions of one actor, gathered in reading order."""

    name: str
    words: tuple[str, ...]
    type: ActorType
    named: bool = True
    mentions: list[tuple[int, int]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    acronyms: set[str] = field(default_factory=set)  # acronyms spelt out beside the name
    votes: Counter[ActorType] = field(default_factory=Counter)  # the type each named mention was read as

    def acronym(self) -> str:
        return "".join(w[0] for w in self.words if w not in {"de", "des", "du", "la", "le", "et"})


class Book:
    """The actors of one article and where each is mentioned."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text  # joined once: Doc.text joins every token anew on each call
        self.entities: list[Entity] = []
        for ent in doc.ents:
            if ent.label_ in _NER and not set(name_words(ent.text)) <= lexicons.load("person_nouns", LANG) \
                    and not _role_first(ent):
                self.add_named(ent)  # "le Président-candidat", "président de la République": a role, not a name
        self._type_by_evidence()
        self._names_again()
        self._acronyms_spelt()
        self._described_beside()
        self._kind_before_name()

    def _type_by_evidence(self) -> None:
        """One name, one type: the type most of its mentions were read as, a person or an
        organisation before a place on a tie ("L'Oréal" read once as a place, once as a company)."""
        for entity in self.entities:
            if len(entity.votes) > 1:
                entity.type = max(entity.votes, key=lambda t: (entity.votes[t], _SPEAKING.get(t, 0)))

    def _described_beside(self) -> None:
        """A definite description set before a person's name between commas is that person's
        ("Le maire de New York, Michael Bloomberg, appelle …"): the same description names them
        anywhere in the article, the headline before it too."""
        text = self.text
        for person in (e for e in self.entities if e.named and e.type == ActorType.PERSON):
            for start, end in list(person.mentions):
                if text[end : end + 1] != ",":
                    continue
                found = _DESCRIPTION_BEFORE.search(text, max(0, start - 100), start)
                described = found.group(1) if found is not None else self._noun_phrase_before(start)
                if described:
                    _add_description(person, described)

    def _kind_before_name(self) -> None:
        """"L'ONG Human Rights Watch", "le syndicat SUD-PTT": the kind of organisation written
        before its name is a role that "l'ONG" takes up later, whatever was named in between."""
        organisations = [e for e in self.entities if e.named and e.type == ActorType.ORG]
        for found in _KIND_BEFORE.finditer(self.text):
            kind, name = found.group(1).lower(), found.group(2)
            if kind not in lexicons.load("org_nouns", LANG):
                continue
            # the NER may have read the name elsewhere only ("Human Rights" in the headline)
            entity = next((e for e in organisations if name.startswith(e.name) or e.name.startswith(name)), None)
            if entity is None:
                continue
            if kind not in entity.roles:
                entity.roles.append(kind)
            if len(name) > len(entity.name) and not any(s < found.end(2) and found.start(2) < e for m in self.entities
                                                        for s, e in m.mentions):
                # the NER's "Human Rights" of the headline is "Human Rights Watch" in full here
                entity.name, entity.words = name, name_words(name)
                entity.mentions = sorted(entity.mentions + [found.span(2)])

    def _noun_phrase_before(self, start: int) -> str | None:
        """The noun phrase right before ", Name,", from its determiner: "avec son complice de
        toujours, Jean-Michel Larqué, …" → "son complice de toujours"."""
        comma = self.doc.char_span(start - 2, start - 1)
        if comma is None or comma.text != ",":
            return None
        for token in reversed(self.doc[max(0, comma.start - 8) : comma.start]):
            if token.is_punct:
                return None
            if token.pos_ == "DET" and token.i + 1 < comma.start and token.nbor(1).pos_ == "NOUN":
                return self.doc[token.i : comma.start].text
        return None

    def _acronyms_spelt(self) -> None:
        """An acronym with its expansion set beside it names one actor: "le BEA, le Bureau
        d'enquêtes et d'analyses" (the expansion's initials open the acronym; the NER may have
        cut the expansion short, and may not have read the acronym as a name at all)."""
        for found in _SPELT.finditer(self.text):
            full = next((e for e in self.entities if any(s == found.end() for s, _ in e.mentions)), None)
            if full is None:
                continue
            initials = "".join(w[0] for w in _expansion_words(full.name))
            if len(initials) >= 2 and found.group(1).lower().startswith(initials):
                full.acronyms.add(found.group(1).lower())
                full.mentions = sorted(full.mentions + [found.span(1)])

    def _names_again(self) -> None:
        """A person's name written again is a mention of that person, whatever the NER made of
        it ("Jean-Marie Le Pen revient sur …" read as "Jean-Marie" and a noun): the full name,
        and the surname (with its particle: "Le Pen") when no other person bears it."""
        text = self.text
        people = [e for e in self.entities if e.named and e.type == ActorType.PERSON and e.mentions]
        taken = sorted(m for e in self.entities for m in e.mentions)
        surnames: dict[str, list[Entity]] = {}
        for person in people:
            written = text[person.mentions[0][0]:person.mentions[0][1]].split()
            if len(written) > 1:
                surname = " ".join(written[-2:]) if written[-2].lower() in lexicons.load("surname_particles", LANG) else written[-1]
                surnames.setdefault(surname, []).append(person)
        forms = [(person.name, person) for person in people if " " in person.name] \
            + [(surname, owners[0]) for surname, owners in surnames.items() if len(owners) == 1]
        for form, person in forms:
            for match in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text):
                start, end = match.span()
                if not any(s < end and start < e for s, e in taken):
                    person.mentions.append((start, end))
                    taken.append((start, end))
        for person in people:
            person.mentions.sort()

    # -- named actors -----------------------------------------------------------------------
    def add_named(self, ent: SpacySpan, label: str | None = None) -> Entity | None:
        name = _trim(ent)
        if name is None:
            return None
        words = name_words(name.text)
        if not words or not any(sum(c.isalpha() for c in w) > 1 for w in words):
            return None  # an elided word the NER took for a name: "n’", "l’"
        # "M. Samaras", "le député Antoni Pastor": a title or a person's role before a name
        before = self.doc[name.start - 1] if name.start else None
        titled = before is not None and (before.lower_ in lexicons.load("titles", LANG)
                                         or before.pos_ == "NOUN" and before.lower_ in lexicons.load("person_nouns", LANG))
        kind = ActorType.PERSON if titled else _NER[label or ent.label_]
        found = self._match(words, kind, _initials(name.text))
        if found is None:
            found = Entity(name.text, words, kind)
            self.entities.append(found)
        elif len(words) > len(found.words) and kind == found.type:
            found.name, found.words = name.text, words  # the fullest name
        found.mentions.append((name.start_char, name.end_char))
        found.votes[kind] += 1
        role = self.doc[name.start - 1] if name.start else None
        if role is not None and role.pos_ == "ADJ" and role.i > 0 and self.doc[role.i - 1].pos_ == "NOUN":
            role = self.doc[role.i - 1]  # "l'astronome suisse Michel Mayor": the noun before its adjective
        nouns = lexicons.load("person_nouns", LANG) | lexicons.load("org_nouns", LANG)
        if role is not None and (role.pos_ == "NOUN" or role.lower_ in nouns) and role.lower_ not in found.roles \
                and role.lower_ not in lexicons.load("titles", LANG):
            found.roles.append(role.lower_)  # "le président Obama", "l'ONG Human Rights Watch"
        return found

    def _match(self, words: tuple[str, ...], kind: ActorType, initials: set[str]) -> Entity | None:
        best = None
        letters = "".join(w[0] for w in _expansion_words(" ".join(words)))  # the initials an acronym would have
        sole_lead = len(words) == 1 and sum(1 for e in self.entities if e.type == ActorType.ORG and e.words[:1] == words) == 1
        for entity in self.entities:
            if not entity.named:
                continue
            same = entity.words == words
            part = len(words) < len(entity.words) and entity.words[-len(words):] == words \
                and (not initials or any(w[0] in initials for w in entity.words))
            whole = len(entity.words) < len(words) and words[-len(entity.words):] == entity.words \
                and entity.type == ActorType.PERSON and kind == ActorType.PERSON
            acronym = len(words) == 1 and (words[0] == entity.acronym() and len(words[0]) > 1 or words[0] in entity.acronyms
                                           # "le PP" after "Parti populaire espagnol": the acronym of its head words
                                           or len(words[0]) > 1 and len(entity.words) > 2 and entity.type == ActorType.ORG
                                           and entity.acronym().startswith(words[0])
                                           # "SUD" after "SUD-PTT": the first part of a hyphenated name
                                           or len(entity.words) == 1 and "-" in entity.words[0]
                                           and entity.words[0].split("-", 1)[0] == words[0] and entity.type == ActorType.ORG)
            # "la CGT" … "la Confédération générale du travail": the expansion of an earlier acronym
            spelt = len(entity.words) == 1 and len(words) > 1 and len(entity.words[0]) > 1 and (
                entity.words[0] == letters or len(entity.words[0]) > 2 and letters.startswith(entity.words[0]))
            # "Samsung" after "Samsung Electronics": the first word of one organisation's name
            lead = sole_lead and kind == entity.type == ActorType.ORG and entity.words[:1] == words
            # "Samsung Electronics" after "Samsung": an organisation's fuller name
            fuller = kind == ActorType.ORG and len(entity.words) == 1 and len(words) > 1 and words[0] == entity.words[0] \
                and set(entity.votes) == {ActorType.ORG} and sum(1 for e in self.entities if e.words == entity.words) == 1
            if same or acronym or spelt or lead or fuller or (part and entity.type == ActorType.PERSON) or whole:
                if best is None or entity.mentions[-1] > best.mentions[-1]:
                    best = entity  # "Le Pen" after "Marine Le Pen": the one last mentioned
        return best

    # -- lookups ----------------------------------------------------------------------------
    def named_in(self, start: int, end: int) -> Entity | None:
        """The actor that heads a source span: a name in it that no "de" governs ("le président
        Obama" → Obama; "un des chercheurs de HRW" → none, the source is the researcher)."""
        for entity in self.entities:
            for s, e in entity.mentions:
                whole = s <= start and end <= e  # "Febelfin a rappelé": a place-tagged name that speaks
                if start < e and s < end and (entity.type in {ActorType.PERSON, ActorType.ORG} or whole):
                    before = self.text[start:max(start, s)].lower().replace("’", "'").split()
                    while before and before[-1] in {"l'", "la", "le", "les"}:
                        before.pop()  # "le président de l'Assemblée Claude Bartolone": of the Assembly
                    of = before and (before[-1] in lexicons.load("name_prepositions", LANG) or before[-1].endswith("d'"))
                    document = next((w for w in before if w in lexicons.load("document_nouns", LANG)), None)
                    if not of or document:
                        if document and document not in entity.roles:
                            entity.roles.append(document)  # later "le documentaire" is the outlet's
                        return entity  # "le documentaire d'Al Jazeera": the outlet writes
        return None

    def last_before(self, offset: int, kinds: set[ActorType], named: bool = True) -> Entity | None:
        """The actor of one of ``kinds`` mentioned last before ``offset``."""
        best, where = None, -1
        for entity in self.entities:
            if entity.type not in kinds or (named and not entity.named):
                continue
            for s, _ in entity.mentions:
                if where < s < offset:
                    best, where = entity, s
        return best

    def _first_use(self, determiner: str, noun: str, offset: int) -> int:
        """Where the article first writes a determiner and a noun ("l'équipe"), at ``offset`` at the latest."""
        found = re.search(r"(?<!\w)" + re.escape(determiner) + r"\s*" + re.escape(noun) + r"(?!\w)", self.text[:offset],
                          re.IGNORECASE)
        return found.start() if found is not None else offset

    def _last_described(self, offset: int) -> Entity | None:
        """The person with a role the article named last before ``offset``."""
        described = [e for e in self.entities if e.named and e.type == ActorType.PERSON and _in_a_role(e)
                     and any(s < offset for s, _ in e.mentions)]
        return _latest_before(described, offset) if described else None

    def most_named_before(self, offset: int, kinds: set[ActorType]) -> Entity | None:
        """The named actor of one of ``kinds`` with the most mentions before ``offset`` (of equals,
        one the article gave a role, "l'astronome suisse Michel Mayor", then the latest)."""
        scored = [(sum(1 for s, _ in e.mentions if s < offset), _in_a_role(e),
                   max((s for s, _ in e.mentions if s < offset), default=-1), e)
                  for e in self.entities if e.type in kinds and e.named]
        scored = [x for x in scored if x[0]]
        return max(scored, key=lambda x: (x[0], x[1], x[2]))[3] if scored else None

    def _noun_phrase_with_head(self, span: SpacySpan) -> SpacySpan | None:
        """The last noun phrase before ``span`` in the same paragraph or the one before whose head
        noun is ``span``'s ("Quelques associations étudiantes … Ces associations")."""
        doc, root, text = self.doc, span.root, self.text
        paragraph = text.rfind("\n\n", 0, span.start_char)
        floor = max(text.rfind("\n\n", 0, paragraph), 0) if paragraph >= 0 else 0  # the paragraph before's start
        for token in reversed(doc[: span.start]):
            if token.idx < floor:
                break
            if token.pos_ == "NOUN" and token.lower_ == root.lower_:
                start = token.i
                while start > 0 and doc[start - 1].pos_ in {"DET", "ADJ", "NUM"}:
                    start -= 1
                end = token.i + 1
                while end < len(doc) and doc[end].pos_ == "ADJ":
                    end += 1
                return doc[start:end]
        return None

    def mention(self, entity: Entity, start: int, end: int) -> Entity:
        if (start, end) not in entity.mentions:
            entity.mentions.append((start, end))
        return entity

    def described_as(self, entity: Entity, span: SpacySpan) -> Entity:
        """A mention of ``entity`` by the description ``span`` set beside its name; the same
        description later names it again ("l'ancien porte-parole de la mission …")."""
        if span[0].pos_ == "DET" or span[0].lower_.replace("’", "'") in lexicons.load("definites", LANG):
            _add_description(entity, span.text)
        return self.mention(entity, span.start_char, span.end_char)

    def describe(self, span: SpacySpan) -> Entity:
        """The actor a description names: a bare role refers back to the last named actor of
        its kind ("l'expert" → V. Sapounov); any other description is an actor of its own."""
        words = name_words(span.text)
        head = words[-1] if words else ""
        roles = lexicons.load("person_nouns", LANG) | lexicons.load("org_nouns", LANG)
        names = [t for t in span if (t.pos_ == "PROPN" and t.is_title or t.is_upper and len(t) > 1)
                 and t.lower_ not in roles]
        if names and all(t in names or t.pos_ in {"DET", "ADP"} or t.lower_ in lexicons.load("document_nouns", LANG)
                         or t.pos_ == "ADJ" and t.i < names[0].i for t in span):
            # An unknown name ("HRW", "le documentaire d'Al Jazeera", "le rapport final du BEA"): an
            # organisation that speaks.
            first, last = names[0], names[-1]
            named = self.add_named(self.doc[first.i : last.i + 1], "ORG")
            if named is not None:
                if span[0].i != first.i:
                    role = next((t.lower_ for t in span if t.lower_ in lexicons.load("document_nouns", LANG)), None)
                    if role and role not in named.roles:
                        named.roles.append(role)
                return self.mention(named, span.start_char, span.end_char)
        described = [e for e in self.entities if any(r == " ".join(words) or r.startswith(" ".join(words) + " ")
                                                     for r in e.roles)]
        if len(words) > 1 and described:
            return self.mention(described[-1], span.start_char, span.end_char)
        holders = [e for e in self.entities if e.named and span.root.lower_ in e.roles
                   and any(s < span.start_char for s, _ in e.mentions)]
        if len(words) > 1 and len(holders) == 1 and span[0].lower_.replace("’", "'") in lexicons.load("definites", LANG):
            # "le président de la République" after "le président François Hollande": the one
            # person the article gave that role
            return self.mention(holders[0], span.start_char, span.end_char)
        if len(words) == 1:
            for entity in sorted(self.entities, key=lambda e: -max(s for s, _ in e.mentions) if e.mentions else 0):
                if head in entity.roles and any(s < span.start_char for s, _ in entity.mentions):
                    return self.mention(entity, span.start_char, span.end_char)
            kinds = {ActorType.PERSON} if head in lexicons.load("person_nouns", LANG) else \
                {ActorType.ORG} if head in lexicons.load("org_nouns", LANG) else set()
            headed = self._noun_phrase_with_head(span) if kinds == {ActorType.ORG} else None
            if headed is not None:
                # "La police" after "un communiqué de la police londonienne": the phrase with its head
                return self.mention(self.named_in(headed.start_char, headed.end_char) or self.describe(headed),
                                    span.start_char, span.end_char)
            earlier = self.last_before(span.start_char, kinds) if kinds else None
            if kinds == {ActorType.PERSON}:
                # "le chercheur" after "l'astronome suisse Michel Mayor … 1 200 degrés Celsius": a
                # person the article gave a role before one it only named
                earlier = self._last_described(span.start_char) or earlier
            if earlier is not None:
                return self.mention(earlier, span.start_char, span.end_char)
        head = span.root.lower_
        opener = span[0].lower_.replace("’", "'")
        if opener in lexicons.load("demonstratives", LANG):
            # "Ces associations réclament …" after "Quelques associations étudiantes": the actor
            # last named or described with the same head noun
            same_head = [e for e in self.entities if any(s < span.start_char for s, _ in e.mentions)
                         and (e.words and e.words[-1] == head or any(r.split()[-1] == head for r in e.roles if r)
                              or head in e.name.lower().split())]
            if same_head:
                return self.mention(_latest_before(same_head, span.start_char), span.start_char, span.end_char)
            earlier_phrase = self._noun_phrase_with_head(span)
            if earlier_phrase is not None:
                return self.mention(self.describe(earlier_phrase), span.start_char, span.end_char)
        noun = next((t for t in span if t.pos_ in {"NOUN", "PROPN"}), span.root)  # the parse may root "l’" (ADJ)
        role = noun.lower_.removeprefix("ex-")
        if role in lexicons.load("org_nouns", LANG) and not any(t.pos_ == "PROPN" for t in span) \
                and opener in lexicons.load("definites", LANG) | lexicons.load("demonstratives", LANG) | _POSSESSIVES:
            # "Son parti" after "le Parti populaire espagnol": the organisation whose name holds the noun
            holders = [e for e in self.entities if e.named and e.type == ActorType.ORG and role in e.words
                       and any(s < span.start_char for s, _ in e.mentions)]
            if holders:
                return self.mention(_latest_before(holders, span.start_char), span.start_char, span.end_char)
        if opener in lexicons.load("definites", LANG) and role in lexicons.load("person_nouns", LANG) \
                and not any(t.pos_ == "PROPN" and t.lower_.removeprefix("ex-") not in lexicons.load("person_nouns", LANG)
                            for t in span):
            # "le premier ministre", "l'ex-Président sénégalais" with no holder named: the person
            # the article has named most so far
            salient = self.most_named_before(span.start_char, {ActorType.PERSON})
            if salient is not None:
                return self.mention(salient, span.start_char, span.end_char)
        if opener in lexicons.load("definites", LANG) and head in lexicons.load("org_nouns", LANG) \
                and not any(t.pos_ == "PROPN" for t in span):
            # "Pour l'organisation militant pour les droits de l'Homme, …" after "l'ONG Human Rights
            # Watch": a definite description of an organisation is the one named last before it
            # the first time the article uses it ("l'équipe" is the Impact de Montréal all along,
            # though "la Major League Soccer" is named after its first "l'équipe").
            first_use = self._first_use(span[0].text, noun.text, span.start_char)
            earlier = self.last_before(first_use, {ActorType.ORG}) or self.last_before(span.start_char, {ActorType.ORG})
            if earlier is not None:
                return self.mention(earlier, span.start_char, span.end_char)
        # The same words name the same actor, whatever the NER made of them elsewhere ("Febelfin a
        # rappelé" after "Febelfin" read as a place): a name first, else an earlier description.
        same = sorted((e for e in self.entities if e.words == words), key=lambda e: not e.named)
        if same:
            return self.mention(same[0], span.start_char, span.end_char)
        fuller = self._fuller_description(words, span.start_char)
        if fuller is not None:
            return self.mention(fuller, span.start_char, span.end_char)
        kind = ActorType.ORG if head in lexicons.load("org_nouns", LANG) or head in lexicons.load(
            "document_nouns", LANG) else ActorType.PERSON if head in lexicons.load("person_nouns", LANG) \
            else ActorType.GROUP if span.root.morph.get("Number", []) == ["Plur"] else ActorType.PERSON
        entity = Entity(span.text, words, kind, named=False, mentions=[(span.start_char, span.end_char)])
        self.entities.append(entity)
        return entity

    def _fuller_description(self, words: tuple[str, ...], offset: int) -> Entity | None:
        """ "le gouvernement du Parti québécois" after "Le nouveau gouvernement du Parti québécois":
        the one earlier description that ends with the same words (two or more), what it adds
        before them not setting its holder apart ("l'ancien ministre de …" is another's)."""
        if len(words) < 2:
            return None
        others = lexicons.load("other_holder_words", LANG)
        found = [e for e in self.entities if not e.named and len(e.words) > len(words) and e.words[-len(words):] == words
                 and not any(w.removesuffix("-") in others or w.startswith("ex-") for w in e.words[:-len(words)])
                 and any(s < offset for s, _ in e.mentions)]
        return found[0] if len(found) == 1 else None

    def actors(self) -> tuple[list[Actor], dict[int, str]]:
        """The actors in order of first mention, with their ids by entity identity."""
        ordered = sorted((e for e in self.entities if e.mentions), key=lambda e: min(e.mentions))
        ids = {id(e): f"a{n}" for n, e in enumerate(ordered, start=1)}
        text = self.text
        actors = [Actor(id=ids[id(e)], name=e.name, type=e.type,
                        aliases=tuple(dict.fromkeys(text[s:t] for s, t in sorted(e.mentions) if text[s:t] != e.name)),
                        roles=tuple(e.roles), mentions=tuple(sorted(set(e.mentions))), named=e.named)
                  for e in ordered]
        return actors, ids


def _in_a_role(entity: Entity) -> bool:
    """Whether the article gave an actor a person's role ("l'astronome suisse Michel Mayor")."""
    return any(r in lexicons.load("person_nouns", LANG) for r in entity.roles)


def _latest_before(entities: list[Entity], offset: int) -> Entity:
    """Of ``entities``, each mentioned before ``offset``, the one mentioned last before it."""
    return max(entities, key=lambda e: max(s for s, _ in e.mentions if s < offset))


#: Possessive determiners that open a description ("son parti", "leur syndicat").
_POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs"})


#: A definite article, a noun and the capitalised words of a name: "l'ONG Human Rights Watch".
_KIND_BEFORE = re.compile(r"\b(?:[lL]['’]|[lL]es? |[lL]a )(\w+) ((?:[A-Z][\w-]*)(?: [A-Z][\w-]*){0,4})")


def _add_description(entity: Entity, written: str) -> None:
    """A definite description of more than one word, as a role that names ``entity`` again."""
    description = " ".join(name_words(written))
    if len(description.split()) > 1 and description not in entity.roles:
        entity.roles.append(description)


def _role_first(ent: SpacySpan) -> bool:
    """An entity that opens with a role noun not followed by a name ("président de la
    République"), unlike "président Obama"."""
    name = _trim(ent)
    return name is not None and name[0].is_lower and name[0].lower_ in lexicons.load("person_nouns", LANG)


def _trim(ent: SpacySpan) -> SpacySpan | None:
    """The name without a leading title, article or trailing punctuation ("M. Samaras" →
    "Samaras"; "l'ONG Human Rights Watch" stays whole only in its name)."""
    start, end = ent.start, ent.end
    doc = ent.doc
    titles = lexicons.load("titles", LANG)
    roles = lexicons.load("person_nouns", LANG)
    while start < end and (doc[start].lower_ in titles or doc[start].pos_ == "DET" and doc[start].is_lower
                           or doc[start].is_punct
                           or doc[start].lower_ in roles and start + 1 < end and doc[start + 1].is_title):
        start += 1  # "président Obama": the role is no part of the name
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].pos_ == "VERB" and doc[end - 1].is_lower):
        end -= 1  # "la Confédération générale du travail estime": the verb is no part of the name
    return doc[start:end] if end > start else None
