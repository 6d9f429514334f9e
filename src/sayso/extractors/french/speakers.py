"""The speaker behind a French source: a name in it, a pronoun's antecedent among the statements
read before it and the subjects nearby, the name a description is set beside, or the description."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan, Token

from ...types import ActorType
from .. import lexicons
from .actors import Entity
from .phrases import antecedent, de_complement, phrase
from .verbs import LANG

if TYPE_CHECKING:
    from .statements import Reader

#: How many sentences back a statement's speaker stays the likeliest antecedent of a pronoun.
RECENT_SENTENCES = 4
#: Most words of a description that may follow the source before the name set beside it.
_DESCRIPTION_TAIL = 20
#: Most words of a person's name the NER missed, set before a description.
_NAME_WORDS = 4


def speaker_of(reader: Reader, source: SpacySpan | None, cue: SpacySpan | None, number: int, offset: int) -> Entity | None:
    """The actor behind a source: a name in it, a pronoun's antecedent (the last speaker
    nearby, else the subject before it), or the description itself."""
    if source is not None and len(source) == 1 and source[0].pos_ == "NOUN" and source[0].is_lower \
            and source[0].lower_.lstrip("-") not in lexicons.load("pronouns", LANG):
        source = None  # a bare noun with no determiner names nobody ("an ajoutant", a typo of "en"; but "HRW")
    if source is None or not len(source):
        nearby = [f for f in reader.found if f.sentence == number and f.speaker is not None]
        return nearby[-1].speaker if nearby else None
    holder = _holder(source)
    if holder is not None:
        # "la position du gouvernement du Parti québécois": the stance speaks for whoever holds it
        entity = speaker_of(reader, holder, cue, number, holder.start_char) if len(holder) > 1 \
            else reader.book.describe(holder)
        if entity is not None:
            return entity
    word = source.text.lower().lstrip("-")
    if word in lexicons.load("pronouns", LANG) or word == "qui":
        if word == "qui" and source.start > 0:
            referent = antecedent(source[0])
            if referent is not None:
                return speaker_of(reader, referent, cue, number, referent.start_char)
        recent = _recent_subject(reader, source.start_char, number, plural=word in _PLURAL_PRONOUNS)
        if recent is not None:
            return reader.book.mention(recent, source.start_char, source.end_char)
        subject = _subject_antecedent(reader, number, source)
        if subject is not None:
            entity = speaker_of(reader, subject, cue, number, subject.start_char)
            return None if entity is None else reader.book.mention(entity, source.start_char, source.end_char)
        entity = reader.book.last_before(offset, {ActorType.PERSON, ActorType.ORG})
        return None if entity is None else reader.book.mention(entity, source.start_char, source.end_char)
    named = reader.book.named_in(source.start_char, source.end_char)
    apposed = _apposed(reader, source)
    if named is not None and source[0].pos_ == "DET":
        # "le directeur général du Science & Technology Facilities Council, John Womersley": a
        # description names what the person works for; the person set beside it speaks.
        person = apposed if apposed is not None and apposed.type == ActorType.PERSON else _person_after_comma(reader, source)
        if person is not None and person is not named:
            return reader.book.described_as(person, source)
    if named is not None:
        return named
    if apposed is not None:
        return reader.book.described_as(apposed, source)
    inside = _name_after_comma(reader, source)
    if inside is not None:
        return inside
    return reader.book.describe(source)


def _holder(source: SpacySpan) -> SpacySpan | None:
    """The "de" complement of a stance noun that heads ``source`` ("la position du gouvernement"
    → "gouvernement"), or None."""
    root = source.root
    if root.lower_ not in lexicons.load("stance_nouns", LANG):
        return None
    holder = de_complement(root)
    if holder is None or not source.start <= holder.i < source.end:
        return None
    # a name the parse cut into words ("de Human Rights Watch") is the entity the NER read
    return next((e for e in source.doc.ents if e.start <= holder.i < e.end and e.end <= source.end), phrase(holder))


def _person_after_comma(reader: Reader, source: SpacySpan) -> Entity | None:
    """A person named right after a comma inside the source ("le directeur du …, John
    Womersley")."""
    starts = {reader.doc[t.i + 1].idx for t in source[:-1] if t.text == ","}
    return next((e for e in reader.book.entities if e.named and e.type == ActorType.PERSON
                 and any(s in starts for s, _ in e.mentions)), None)


def _name_after_comma(reader: Reader, source: SpacySpan) -> Entity | None:
    """ "la fédération des banques, Febelfin": a description with the name set after it, inside
    the source; the name speaks (an organisation unless the NER reads a person)."""
    commas = [t.i for t in source if t.text == ","]
    if not commas or commas[-1] + 1 >= source.end:
        return None
    first = commas[-1] + 1
    first += first < source.end - 1 and reader.doc[first].lower_.replace("’", "'") == "l'"  # "…, l'April"
    name = reader.doc[first : source.end]
    if not all(t.is_title and t.is_alpha for t in name):
        return None
    entity = reader.book.add_named(name, "PER" if name[0].ent_type_ == "PER" else "ORG")
    return None if entity is None else reader.book.mention(entity, source.start_char, source.end_char)


def _apposed(reader: Reader, source: SpacySpan) -> Entity | None:
    """"Jean-Luc Mélenchon, le candidat du Front de gauche, avait appelé": the name the
    description is set beside."""
    doc = reader.doc
    # "L'ancien porte-parole de la mission onusienne en Syrie, Timor Goksel, …": the source may
    # stop before the rest of the description; the name follows the comma that ends it.
    end = source.end
    while end < len(doc) and end - source.end < _DESCRIPTION_TAIL and doc[end].text != "," \
            and source.root in doc[end].ancestors:
        end += 1
    for comma, name in ((source.start - 1, source.start - 2), (end, end + 1)):
        # "le ministre des Finances, Yannis Stournaras": the name set after it, too
        if not (0 <= name < len(doc)) or doc[comma].text != ",":
            continue
        for entity in reader.book.entities:
            mention = next(((s, e) for s, e in entity.mentions if s <= doc[name].idx < e), None)
            if not entity.named or mention is None:
                continue
            opening = doc.char_span(*mention, alignment_mode="expand")
            closed = end < len(doc) and doc[end].text == ","  # "Bernard Bonnet, le successeur de …, qui"
            if name < source.start and opening is not None and opening.start > 0 and not closed \
                    and not (doc[opening.start - 1].is_punct or doc[opening.start].is_sent_start):
                continue  # "… la convention de la CPI, l'ONG a demandé": the name ends a clause, set beside nothing
            return entity
    # "Nock Ag Attia, député touareg, a précisé": a name the NER missed, capitalised words
    # that open the sentence or follow a full stop, set before the description
    comma = source.start - 1
    first = comma
    while first > 0 and doc[first - 1].is_title and doc[first - 1].pos_ in {"PROPN", "NOUN"} and comma - first < _NAME_WORDS:
        first -= 1
    if 0 <= comma < len(doc) and doc[comma].text == "," and comma - first >= 2 \
            and any(t.pos_ == "PROPN" for t in doc[first:comma]) \
            and (first == 0 or doc[first].is_sent_start or doc[first - 1].is_punct):
        return reader.book.add_named(doc[first:comma], "PER")
    return None


#: Pronouns of many: not one person's ("Il est, disent-ils, la langue de …" after Abdou Diouf).
_PLURAL_PRONOUNS = frozenset({"ils", "elles"})


def _recent_subject(reader: Reader, offset: int, number: int, plural: bool = False) -> Entity | None:
    """A pronoun's likeliest antecedent: of the speakers of the statements just read and the
    people named as the subject of a sentence nearby (not of what a statement says: "Le PP a
    considéré qu'Antoni Pastor avait commis une faute … il lui reproche …" is the PP), the last
    one before it."""
    best, where = None, -1
    headline = reader.text.find("\n")  # the first line: a headline's speaker is no pronoun's antecedent below it
    for f in reader.found:
        said = f.source or f.cue
        at = said.start_char if said is not None else f.start
        if f.speaker is not None and number - f.sentence <= RECENT_SENTENCES and where < at < offset \
                and not at < headline < offset and not (plural and f.speaker.type == ActorType.PERSON and f.speaker.named):
            best, where = f.speaker, at
    first = reader.sentences[max(0, number - 2)][0]
    for entity in reader.book.entities:
        if entity.type != ActorType.PERSON or not entity.named or plural:
            continue
        for s, e in entity.mentions:
            if not (first <= s < offset and s > where) or reader.quoted[s] \
                    or any(f.start <= s < f.end for f in reader.found):
                continue  # a subject inside what someone said is not who speaks next
            span = reader.doc.char_span(s, e, alignment_mode="expand")
            if span is not None and any(t.dep_ in {"nsubj", "nsubj:pass"} for t in span):
                best, where = entity, s
    return best


def _subject_antecedent(reader: Reader, number: int, pronoun: SpacySpan) -> SpacySpan | None:
    """The nearest subject noun phrase before a pronoun, in its sentence or the one before."""
    first = reader.sentences[max(0, number - 1)][0]
    tokens = reader.tokens(first, pronoun.start_char)
    candidates = [t for t in tokens if t.dep_ in {"nsubj", "nsubj:pass"} and t.pos_ in {"NOUN", "PROPN"}
                  and reader.outside(t) and _agrees(t, pronoun[0])]
    if not candidates:
        # "Environ 2 000 citoyens maliens du nord … ont manifesté": a long subject the parser made
        # the root, with no subject of its own
        candidates = [t for t in tokens if t.dep_ == "ROOT" and t.pos_ == "NOUN" and reader.outside(t)
                      and not any(c.dep_ == "nsubj" for c in t.children) and _agrees(t, pronoun[0])
                      and t.morph.get("Number", []) == pronoun[0].morph.get("Number", ["?"])]
    # The subject of a main clause before that of a clause inside it: "les hackers n'avaient
    # plus qu'à attendre que les internautes se connectent. Ils envoyaient …": the hackers.
    main = [t for t in candidates if t.head.dep_ == "ROOT"]
    return phrase((main or candidates)[-1]) if candidates else None


def _agrees(noun: Token, pronoun: Token) -> bool:
    """Whether a noun may be a pronoun's antecedent by number ("ils" is not "L'organisation"), and
    by gender for a common noun; a feature the parse leaves out agrees with anything."""
    features = ("Number", "Gender") if noun.pos_ == "NOUN" else ("Number",)
    return all(not noun.morph.get(f, []) or not pronoun.morph.get(f, []) or noun.morph.get(f, []) == pronoun.morph.get(f, [])
               for f in features)
