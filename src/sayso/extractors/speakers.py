"""Speakers: find the subject of a cue and resolve it to an actor through names, pronouns and
descriptions ("he said" → Tamimi; "the ministry said" → the ministry).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cached_property, lru_cache

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..nlp import language_tag_at
from ..types import ActorType
from . import lexicons
from .actors import ANY_PERSON, ActorBook, Cluster, name_gender
from .actor_phrases import message_noun
from .actor_types import organisation_name
from .names import ACRONYM, name_words, singular
from .paragraphs import CREDIT, foreign, paragraphs, translated
from .authors import Authorship, authorships, described_maker, is_document, issued, made_documents
from .lookup import SentenceIndex

_PERSONAL = {"he": "he", "she": "she", "him": "he", "her": "she"}
#: Entity types that say when, not who ("posts on the message board from Friday").
_WHEN = frozenset({"DATE", "TIME"})
#: Forms of "he" and "she".
_PERSONAL_FORMS = frozenset({"he", "she", "him", "his", "her", "hers", "himself", "herself"})

#: The gender of given names (lexicon ``given_names``) each personal pronoun takes up.
_GIVEN = {"he": "m", "she": "f"}
_NONPERSONAL = {"it"}
_PLURAL = {"they", "them"}
#: How many sentences back a pronoun looks for its actor: news names a person again sooner.
_SENTENCES_BACK = 4
_FIRST_PERSON = {"i", "me"}
#: Prepositions before a participle that goes with the verb's own act: "before asking", "by saying".
_TIME_PREPOSITIONS = frozenset({"before", "after", "by", "while", "when", "in"})
#: Most tokens between a quotation and its cue that may name the speaker ("…," NAME, ROLE, said).
_LONGEST_POSTPOSED = 14
#: Verb forms that make a stretch of words a clause rather than a name with its description.
_CLAUSE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBG", "MD"})
#: What may follow a speaker set after its cue ("…," warned police on Monday).
_AFTER_INVERTED = frozenset({"dobj", "prep", "npadvmod", "advmod", "punct"})
# A transcript turn: a paragraph opening with a short capitalised label and a colon.
_TURN = re.compile(r"^([A-Z][^:\n]{0,40}?): +\S", re.MULTILINE)
#: Dashes that open a pull quote's signature line.
_SIGNATURE_DASHES = frozenset({"—", "–"})
_NOT_TITLE_POS = {"ADP", "DET", "PART", "CCONJ", "SCONJ", "PRON"}
_NEXT_WORD = re.compile(r"(?:['’]s)?\s+(\w+)")  # the word after a name, past a possessive


#: Possessive pronouns, as the subject pronoun they are read as.
_POSSESSIVE = {"his": "he", "her": "she", "their": "they", "its": "it"}


def _maker(message: Token) -> Token | None:
    """The subject of the verb that makes a message the parser read as saying something: "X made
    a comment saying …" (the comment the subject of "saying"), "X issued a statement that …"."""
    verb = message.head
    if message.dep_ == "nsubj" and verb.tag_ == "VBG" and verb.dep_ in {"ccomp", "xcomp", "advcl"}:
        verb = verb.head
    elif message.dep_ != "dobj":
        return None
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in _MAKING:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in {"PROPN", "NOUN", "PRON"}), None)


#: Verbs by which someone puts out a message ("made a comment", "issued a statement").
_MAKING = frozenset({"make", "issue", "release", "give", "publish", "post", "put", "send", "deliver"})


def _documentary(cluster: Cluster) -> bool:
    """An actor that is a document: "a new study", "the 2012 World Development Report"."""
    return cluster.head in made_documents() or bool(cluster.words) and singular(cluster.words[-1]) in made_documents()


def _first_of_two_names(span: SpacySpan) -> SpacySpan | None:
    """The first conjunct of two names joined by "and" ("Mr. Kibaki" of "Mr. Kibaki and Mr.
    Odinga"), which docs/annotation.md makes the speaker of both."""
    root = span.root
    cc = next((t for t in span if t.dep_ == "cc" and t.head == root and t.lower_ == "and"), None)
    other = next((t for t in span if t.dep_ == "conj" and t.head == root), None)
    if cc is None or other is None or cc.i <= span.start or root.i > cc.i \
            or root.pos_ != "PROPN" or other.pos_ != "PROPN" or other.ent_iob_ == "I" or cc.ent_iob_ == "I":
        return _first_of_two_entities(span)  # (nor one name with "and" in it: "Procter and Gamble")
    return span.doc[span.start : cc.i]


def _first_of_two_entities(span: SpacySpan) -> SpacySpan | None:
    """The same, however the parser tied the two: the phrase ends with a name, and "and" (no
    name's own) comes right after a name of the same kind ("Both the Afghan Taliban and
    Pakistani Taliban", "Head of the EPA Scott Pruitt and Secretary of Energy Rick Perry")."""
    last = span[-1]
    if last.ent_type_ not in {"PERSON", "ORG", "NORP"}:
        return None
    ands = [t for t in span[1:-1] if t.lower_ == "and" and not t.ent_type_]
    if len(ands) != 1:
        return None
    before = span.doc[ands[0].i - 1]
    if before.ent_type_ != last.ent_type_:
        return None
    if any(t.text in {",", ";", "("} for t in span.doc[before.i : span.end]):
        return None  # ("Smith, Jones and Brown": a list, read otherwise)
    start = span.start + (span[0].lower_ in {"both", "either"})
    bounds = _entity(span.doc, before.i)
    if last.ent_type_ != "PERSON" and bounds is not None:  # (the name alone: "the Afghan Taliban" has no head of its own)
        start = max(start, bounds[0])
        start += span.doc[start].pos_ == "DET" and start < before.i
    return span.doc[start : ands[0].i]


def subject_of(verb: Token, is_cue=None) -> Token | None:
    """The grammatical subject of a cue verb, looking through "adding", "and said", "declined to say"."""
    above = _above_for(verb)
    if above is not None:
        # "Ban criticized Israel for the civilian death toll saying, "…"": the parser made the
        # noun after "for" the participle's subject; the one who criticises says it.
        return subject_of(above, is_cue)
    subjects = [child for child in verb.children if child.dep_ in {"nsubj", "csubj"} and not tag_mark(child)]
    if not subjects and any(c.dep_ == "nsubj" for c in verb.children):
        # "Blogger Chilakil [es] … [es] explained it:": the parser made the tag's "]" the subject
        # and hung the name before it some other way
        subjects = [c for c in verb.children if c.dep_ in {"npadvmod", "dep", "nmod"} and c.pos_ == "PROPN" and c.i < verb.i][-1:]
        if not subjects:
            subjects = _beside_tag(verb)
    if not subjects and verb.tag_ == "VBN" and verb.lower_ not in lexicons.table("describing_verbs"):
        # "as first reported by the New York Times": a passive cue's agent says it (one who
        # describes or calls a thing something gives it a name, not a statement of its own)
        by = next((c for c in verb.children if c.dep_ == "agent"), None)
        agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if agent is not None:
            return agent
    if not subjects:
        # "John Halloway, writing for the Guardian, described …": the parser hung the name on the
        # participle set off after it
        subjects = [s for c in verb.children if c.dep_ == "advcl" and c.tag_ in {"VBG", "VBN"} and c.i < verb.i
                    for s in c.children if s.dep_ == "nsubj" and s.i < c.i and s.pos_ in {"PROPN", "NOUN"}][:1]
    if subjects:
        # "Facebook co-founder Mark Zuckerberg tweeted": the parser may split a title from the
        # name it precedes into several subjects; the one nearest the verb heads the phrase.
        before = [child for child in subjects if child.i < verb.i]
        if len(before) > 1 and before[0].ent_type_ == "PERSON" and verb.doc[before[0].i + 1].text == "," and any(
                c.dep_ == "appos" and c.pos_ == "NOUN" and before[0].i < c.i < before[-1].i for c in before[0].children):
            # "David Dastmalchian, an actor in the movie Ant-Man and the Wasp wrote": a name in
            # the description set off after the person, parsed as a second subject, is not who writes
            return before[0]
        if not before and len(subjects) > 1 and subjects[0].ent_type_ != "PERSON":
            named = next((c for c in subjects[1:] if c.ent_type_ == "PERSON"
                          and verb.doc[c.left_edge.i - 1].text == ","), None)
            if named is not None:
                # ""…," said one of the protesters inside the pipeline, Matt Almonte": the name set
                # off after the description, parsed as a second subject, is who it describes
                return named
        return before[-1] if before else subjects[0]
    head = verb.head
    if verb.dep_ == "conj" and head.dep_ == "relcl":
        return subject_of(head, is_cue)
    if verb.tag_ == "VBG" and verb.dep_ == "acl" and message_noun(head) and head.dep_ == "dobj" \
            and head.head.lemma_.lower() in lexicons.table("authoring_verbs"):
        # "Malaysia Airlines issued a statement saying …": the statement's issuer says it
        return subject_of(head.head)
    inverted = _inverted_subject(verb) or _name_after_quotation(verb)
    if inverted is not None:
        return inverted
    if is_cue is not None and verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp", "conj"}:
        # "The embassy denied that …, calling the report …": the participle often hangs inside
        # the reported clause; its speaker is the subject of the cue above it.
        outer = next((a for a in verb.ancestors if is_cue(a)), None)
        if outer is not None:
            return subject_of(outer, is_cue)
    if (verb.dep_ == "xcomp" or verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ != "xcomp") and (
            head.lemma_.lower() in lexicons.load("causative_verbs")
            or any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in head.children)):
        # "The timing led Republicans to say …", "forced the minister to admit …", "It pains me
        # to know …": the object of the verb above does the saying (not after an infinitive:
        # in "ordered them to leave the country saying …" the country does not speak).
        controller = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if controller is not None and (verb.dep_ == "xcomp" or controller.right_edge.i + 1 == verb.i):
            # (a participle set off by a comma has the subject's: "forced a change, stripping out …")
            return controller
    if verb.dep_ == "conj" and head.lemma_.lower() not in lexicons.cue_verbs():
        # "The news came hours after Mubarak announced …, and said …": the parser joined the cue
        # to the main verb, which says nothing; it goes on the cue in between, and its subject
        between = [c for c in head.children if c.dep_ == "advcl" and head.i < c.i < verb.i
                   and c.lemma_.lower() in lexicons.cue_verbs()]
        if between and any(c.dep_ == "nsubj" for c in between[-1].children):
            return subject_of(between[-1], is_cue)
    if verb.dep_ in {"conj", "xcomp", "advcl"} and head != verb and head.pos_ in {"VERB", "AUX"}:
        return subject_of(head)
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and head.lower_ in _TIME_PREPOSITIONS and head.dep_ == "prep" \
            and head.head.pos_ in {"VERB", "AUX"}:
        return subject_of(head.head)  # "Blige sings to Clinton before asking her, '…'": Blige asks
    return _apposed_subject(verb)


def _apposed_subject(verb: Token) -> Token | None:
    """The subject of a finite main verb the parser left without one, hung as an apposition of
    the phrase before it: in "In response to Shafik's resignation, Wael Ghonim, a Google
    executive, wrote on Twitter …" Ghonim writes (the last person so named, with no finite verb
    between the name and the verb)."""
    if verb.dep_ != "ROOT" or verb.tag_ not in _FINITE:
        return None
    names = [t for t in verb.sent if t.i < verb.i and t.dep_ == "appos" and t.ent_type_ == "PERSON"]
    if not names or any(t.tag_ in _FINITE or t.tag_ == "MD" for t in verb.doc[names[-1].i + 1 : verb.i]):
        return None
    return names[-1]


#: Tags of finite verbs.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _above_for(verb: Token) -> Token | None:
    """The verb above "for" when the parser gave a participle after "for X" a subject of its own
    ("criticized Israel for the death toll saying …"), or right after the verb's object ("addressed
    Modi demanding …"), else None."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.tag_ != "VBG" or subject is None:
        return None
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children):
        above = verb.head
    elif verb.dep_ == "pcomp" and verb.head.lower_ == "for":
        above = verb.head.head
    elif verb.dep_ == "advcl" and subject.left_edge.i > 0 and (before := verb.doc[subject.left_edge.i - 1]).dep_ == "prep" \
            and before.head == verb.head and not any(c.dep_ == "pobj" for c in before.children):
        # "Obama linked the suspect to al-Qaeda saying, "…"": the object of a preposition, read as
        # the participle's subject; the one who links them says it
        above = verb.head
    elif verb.dep_ == "advcl" and subject.left_edge.i == verb.head.i + 1 \
            and not any(c.dep_ == "dobj" for c in verb.head.children):
        # "addressed Prime Minister Narendra Modi demanding …": the object of the verb before
        # it, read as the participle's subject; the one who addresses him demands
        above = verb.head
    else:
        return None
    return above if above != verb and above.pos_ in {"VERB", "AUX"} else None


def _subject(token: Token) -> Token | None:
    """The subject ``token`` is, or the subject it stands in apposition to ("Trump's proposed
    Secretary of Defense, James Mattis, backed NATO": Mattis, not the possessor Trump)."""
    if token.dep_ in {"nsubj", "nsubjpass"}:
        return token
    if token.dep_ == "appos" and token.head.dep_ in {"nsubj", "nsubjpass"}:
        return token.head
    return None


def _main_clause(subject: Token | None) -> bool:
    """Whether a subject is the main clause's: its verb is the sentence's root or a conjunct of it."""
    if subject is None:
        return False
    verb = subject.head
    return verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"


def _one_name(a: Cluster | None, b: Cluster) -> bool:
    """Whether two actors of the book are one by name: the same, or a lone surname of the other's
    full name (read as two actors until the book is merged)."""
    if a is None:
        return False
    return a is b or a.words == b.words or len(b.words) == 1 and a.words[-1:] == b.words \
        or len(a.words) == 1 and b.words[-1:] == a.words


def _affiliation(head: Token, named: Cluster) -> bool:
    """A name before a word for a person says whom the person works for: "a Hamas official", "a
    Volkswagen spokesperson", "a Clinton spokesman" (the speaker is the official, not Hamas nor
    Clinton); a person's name before a word for an organisation names whose it is: "the Trump
    campaign", "the Obama administration" (the campaign speaks, not Trump)."""
    lemma = head.lemma_.lower()
    return lemma in lexicons.person_words() \
        or lemma in lexicons.load("unnamed_org_nouns") and named.type == ActorType.PERSON and not named.acronyms


def inverted_lead_in(verb: Token) -> bool:
    """A lead-in that opens with its verb and names the speaker after it: "Reported the website
    popularly known as ZWD:", "Said the sharp-tongued Amsterdam:" (not "Read the statement:")."""
    return _lead_in_speaker(verb) is not None


def _lead_in_speaker(verb: Token) -> Token | None:
    """The speaker named after the verb that opens a lead-in (:func:`inverted_lead_in`)."""
    if verb.i != verb.sent.start or not verb.is_title or verb.tag_ not in {"VBD", "VBN", "VBZ"} \
            or not verb.sent.text.rstrip().endswith(":"):
        return None
    return next((c for c in verb.children if c.i > verb.i and c.dep_ in {"dobj", "nsubj"} and c.pos_ in {"NOUN", "PROPN"}), None)


def _inverted_subject(verb: Token) -> Token | None:
    """The speaker set after a cue that follows its quotation, which the parser reads as the
    verb's object: ``"…," warned one devotee.``, with nothing after it but when or where."""
    doc = verb.doc
    speaker = _lead_in_speaker(verb)
    if speaker is not None:
        return speaker
    # ('…", added Almonte.': the comma outside the marks, before a finite verb that ends the sentence)
    outside = verb.i > 1 and doc[verb.i - 1].text == "," and verb.tag_ in _FINITE and verb.dep_ == "ROOT"
    before = verb.i - 1 - outside
    if verb.i == 0 or not doc[before].is_quote:
        return None
    after = [c for c in verb.children if c.i > verb.i]
    objects = [c for c in after if c.dep_ == "dobj"]
    if len(objects) != 1 or objects[0].pos_ not in {"NOUN", "PROPN"} \
            or any(c.dep_ not in _AFTER_INVERTED for c in after):
        return None
    return objects[0]


def _name_after_quotation(verb: Token) -> Token | None:
    """The name between a quotation's closing mark and its cue when the parser gave the cue no
    subject: ``"…," Gene Sperling, an adviser to Clinton, said.`` (read as "is … Gene Sperling")
    or ``"…," screenwriter Cole Haddon wrote.`` ("screenwriter" read as a verb). The person named
    before the first comma, or an organisation that is all of that phrase."""
    doc = verb.doc
    close = next((i for i in range(verb.i - 1, max(verb.i - _LONGEST_POSTPOSED, 0) - 1, -1) if doc[i].is_quote), None)
    if close is None or close == 0 or not doc[close - 1].is_punct:
        return None
    between = doc[close + 1 : verb.i]
    core = [t for t in between[: next((t.i - between.start for t in between if t.text == ","), len(between))]
            if not t.is_punct]
    if not core or any(t.pos_ in {"AUX", "PRON"} or t.tag_ in _CLAUSE_VERB_TAGS for t in between):
        return None  # '"…," Blige sings to Clinton before asking': a clause of its own, not a name
    people = [t for t in core if t.ent_type_ == "PERSON"]
    if people:
        first = people[0]
        while first.i + 1 < verb.i and doc[first.i + 1].ent_iob_ == "I":
            first = doc[first.i + 1]
        return first
    if all(t.ent_type_ == "ORG" or t.lower_ == "the" for t in core):
        return core[-1]
    return None


def _described(noun: Token) -> Token | None:
    """The subject a predicate noun describes: in "Trump is a serial liar, xenophobe and bully who
    has pledged …" the relative clause speaks of Trump, not of "bully". None for a noun that is
    no predicate of "be", or that is a name of its own."""
    if noun.ent_type_:
        return None
    while noun.dep_ == "conj" and noun.head != noun:
        noun = noun.head
    if noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return None
    subject = subject_of(noun.head)
    # (a clause as subject describes nothing: "Overshadowing his remarks was a BBC report that
    # claimed …" is the report's claim)
    return subject if subject is not None and subject.pos_ in {"NOUN", "PROPN", "PRON"} else None


def tag_mark(token: Token) -> bool:
    """A bracket or the code of a link's language tag ("]" or "es" of "[es]"), which the parser
    may make a subject or a modifier of the verb after it: no one's name."""
    return language_tag_at(token.doc, token.i - 1) or token.is_punct or token.tag_ == "XX" and not token.is_alpha


def _beside_tag(verb: Token) -> list[Token]:
    """The subject of a verb whose parsed subject is a language tag: the last name between the tag
    and the verb ("In a comment [ru] on Snob.ru, … Elena Panfilova, the director of …,
    challenged"), else the name right before the tag ("the blog CIERRABANESTO [es] explains")."""
    tag = next((c for c in verb.children if c.dep_ == "nsubj" and tag_mark(c) and c.i < verb.i), None)
    if tag is None:
        return []
    doc = verb.doc
    bracket = next((k for k in range(tag.i, max(tag.i - 3, -1), -1) if doc[k].text == "["), None)
    if bracket is None or bracket == 0:
        return []
    ends = [t for t in doc[tag.i + 1 : verb.i] if t.ent_iob_ in {"B", "I"}
            and (t.i + 1 == len(doc) or doc[t.i + 1].ent_iob_ != "I")]  # the last word of each name
    names = [t for t in ends if t.ent_type_ == "PERSON"] or [t for t in ends if t.ent_type_ == "ORG"]
    if names:
        return names[-1:]
    before = doc[bracket - 1] if not doc[bracket - 1].is_space else doc[bracket - 2]
    return [before] if before.pos_ in {"PROPN", "NOUN"} and (before.is_title or before.is_upper) else []



def mention_span(token: Token) -> SpacySpan:
    """The noun phrase a subject token heads, without edge punctuation; for "some" or "many"
    with one named example, the example ("Some, like Anahit Markosian, called for …")."""
    example = _only_example(token)
    if example is not None:
        return mention_span(example)
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i + 1
    # A name split by the parser ("al-Khafaji") stays whole: take in the entities at both edges.
    first, last = _entity(doc, start), _entity(doc, end - 1)
    if first is not None:
        start = min(start, first[0])
    if last is not None:
        end = max(end, last[1])
    # ... and at a time the parser hung on it: "the young North Korean leader on Sunday said".
    end = min([end] + [c.left_edge.i for c in token.children if c.i > token.i and _when(c)])
    # "Asked about the prospects, Rod Barton, a member of the group, said", parsed with the
    # participle as subject: the question is the reporter's, the person named after it speaks.
    if token.tag_ in {"VBN", "VBG"} and token.i == start:
        comma = next((t.i for t in doc[start:end] if t.text == ","), end)
        start = next((t.i for t in doc[comma:end] if t.ent_type_ == "PERSON" and t.ent_iob_ == "B"), start)
    # A speaker's phrase stops at a quotation mark: '"… hunky-dory," economist Dean Baker'.
    start = next((i + 1 for i in range(token.i - 1, max(start, 1) - 1, -1)
                  if doc[i].is_quote and len(doc[i]) == 1 and doc[i - 1].is_punct), start)
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space) and not closes_bracket(doc[start:end]):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


@lru_cache(maxsize=None)
def _things() -> frozenset[str]:
    """Head nouns of descriptions that name a thing said or written, never a "he" or a "she"
    (not "figure": "One senior party figure … she said")."""
    things = frozenset({"question", "answer"}).union(*(lexicons.load(name) for name in (
        "document_nouns", "message_nouns", "proposition_nouns", "claim_nouns", "medium_nouns", "work_nouns")))
    return things - lexicons.person_words() - {"figure"}


def _modifier(mention: SpacySpan) -> bool:
    """A name that only modifies a common noun ("ICT" of "ICT access", "Cuban" of "the Cuban
    revolutionary project"): what the noun names is the referent, not the name (but a person's
    name may stand for its owner: "Leonel Fernandez plea for peace … He requested")."""
    root = mention.root
    return root.dep_ in {"compound", "amod"} and root.head.pos_ == "NOUN" and root.ent_type_ != "PERSON" \
        and not mention.start <= root.head.i < mention.end


def closes_bracket(words: SpacySpan) -> bool:
    """Whether the phrase ends with the bracket that closes one it opened: "Natural Resources
    Wales (NRW)" keeps its ")" (a link's language tag is no part of a name: "bluesystem [zh]")."""
    last = words[-1].text
    return last in _CLOSING and sum(t.text == _CLOSING[last] for t in words) > sum(t.text == last for t in words[:-1]) \
        and not language_tag_at(words.doc, words.end - 3)


_CLOSING = {")": "(", "]": "["}


def _when(modifier: Token) -> bool:
    """A phrase that says when, not who: "on Sunday", "last week"."""
    if modifier.dep_ == "prep":
        return any(o.dep_ == "pobj" and o.ent_type_ in _WHEN for o in modifier.children)
    return modifier.dep_ == "npadvmod" and modifier.ent_type_ in _WHEN


#: Words a capitalised title may hold in lower case: "Secretary of State", "Minister for Health".
_TITLE_LINKS = frozenset({"of", "for", "and", "on", "the", "&"})


def _titled_run(span: SpacySpan) -> bool:
    """Whether a phrase is a title in capitals and a name after it, nothing else: "Deputy National
    Security Advisor for Homeland Security and Counterterrorism John O. Brennan" (not "a spokesman
    for John Smith", nor "The Wall Street Journal's John Smith")."""
    words = [t for t in span if not t.is_punct]
    return len(words) > 2 and words[0].is_title and words[0].lower_ not in lexicons.load("definites") \
        and all(t.is_title or t.lower_ in _TITLE_LINKS or t.ent_type_ == "PERSON" for t in words) \
        and not any(t.tag_ == "POS" or t.lower_ in {"'s", "’s"} for t in span)


def missed_person(span: SpacySpan) -> SpacySpan | None:
    """A person's name the NER left out, at the end of a phrase: two or three capitalised proper
    nouns after a nationality ("Palestinian Roba Salibi") or opening with a known given name, none
    an organisation's word."""
    root = span.root
    if root.pos_ != "PROPN" or root.ent_type_ or root.i != span.end - 1:
        return None
    start = root.i
    while start > span.start and span.doc[start - 1].pos_ == "PROPN" and not span.doc[start - 1].ent_type_ \
            and root.i - start < 2:
        start -= 1
    run = span.doc[start : root.i + 1]
    words = name_words(run.text)
    after_nationality = start > 0 and span.doc[start - 1].ent_type_ == "NORP"
    if not 2 <= len(run) <= 3 or not all(t.is_title and t.is_alpha for t in run) \
            or not (after_nationality or words[0] in lexicons.table("given_names")) \
            or any(w in lexicons.titles() or w in lexicons.org_nouns() or w in lexicons.media_words() for w in words) \
            or organisation_name(words):
        return None
    return run


#: The words that introduce an example of a group: "some, like X", "many, including X".
_EXAMPLE_WORDS = {"like", "including"}


def _only_example(token: Token) -> Token | None:
    """The one named person a quantifier subject gives as its example: "Some, like Anahit
    Markosian" (the words that follow are hers); none when it names several ("Many, like X and
    Y") or names no person."""
    if lexicons.table("subject_words").get(token.lower_) != "quantifier":
        return None
    # the parser hangs "like X" on the subject, on its verb or on a comma between the two
    between = list(token.doc[token.i + 1 : token.head.i] if token.head.i > token.i else token.subtree)
    # …or, set off by a comma, after what the verb takes: "some questioned the president, like X:"
    between += [c for c in token.head.children if c.i > token.head.i and c.doc[c.i - 1].text == ","]
    examples = [c for p in between if p.dep_ == "prep" and p.lower_ in _EXAMPLE_WORDS
                for c in p.children if c.dep_ == "pobj"]
    if len(examples) != 1 or any(c.dep_ == "conj" for c in examples[0].children) \
            or examples[0].ent_type_ != "PERSON":
        return None
    return examples[0]


def _entity(doc: Doc, i: int) -> tuple[int, int] | None:
    """Token bounds of the named entity that holds token ``i`` (read from the IOB tags, as
    ``doc.ents`` is, without building every entity of the doc)."""
    if not (doc[i].ent_iob_ == "I" or doc[i].ent_iob_ == "B" and doc[i].ent_type_):
        return None
    start, end = i, i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def _introduced(cluster: Cluster) -> bool:
    """News introduces a person by full name, title or role before calling them "he" or "she";
    a lone capitalised word the NER calls a person, with nothing else said of it, is no
    antecedent ("Turnout was high in Westmere. He said …": neither is "he")."""
    return not cluster.named or len(cluster.words) > 1 or bool(cluster.roles) or cluster.speaker \
        or sum(cluster.pronouns.values()) > 0 or cluster.labels.get("PERSON", 0) > 1


#: Reflexive pronouns: "identified himself as …".
_REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself"})


def _conjuncts(noun: Token) -> list[Token]:
    """The nouns joined to ``noun`` by "and", however the parser hung them ("The minister, his
    deputy and a colonel": the deputy read as an apposition, the colonel as its conjunct)."""
    found, todo = [], [noun]
    while todo:
        for child in todo.pop().children:
            if child.dep_ in {"conj", "appos"} and child.pos_ in {"NOUN", "PROPN"}:
                found.append(child)
                todo.append(child)
    return found if any(t.dep_ == "conj" for t in found) else []


def _conjoined(mention: SpacySpan) -> bool:
    """Whether a mention is one of several names or nouns joined by "and" ("Dan Coats" of "Dan
    Coats, John McCain and Olympia Snowe")."""
    # (a list the parser read otherwise: a person "in apposition" to a person, a plural title)
    root = mention.root
    person = root.ent_type_ == "PERSON"
    after_and = mention.start > 0 and mention.doc[mention.start - 1].lower_ == "and"
    return after_and or root.dep_ == "conj" and root.head.pos_ in {"PROPN", "NOUN"} \
        or person and root.dep_ == "appos" and root.head.ent_type_ == "PERSON" \
        or any(c.dep_ == "conj" and c.pos_ in {"PROPN", "NOUN"} or person and c.dep_ == "appos" and c.ent_type_ == "PERSON"
               or person and c.dep_ == "compound" and c.tag_ in {"NNS", "NNPS"} for c in root.children)


def _speaks(pronoun: Token) -> bool:
    """Whether a pronoun is the subject of a verb of saying ("he said")."""
    return pronoun.dep_ in {"nsubj", "nsubjpass"} and pronoun.head.lemma_.lower() in lexicons.cue_verbs()


def _commanded(pronoun: Token) -> set[int]:
    """The tokens of the clause that a subject pronoun's cue reports before it: a name in what
    "she said" reports is not "she" ("Shortly afterwards Hood suggested they meet again, she said":
    she is not Hood). A phrase set before the subject is not reported ("Placed under the care of
    a Dr. Bailey, he …")."""
    verb = pronoun.head
    if pronoun.dep_ not in {"nsubj", "nsubjpass"} or verb.lemma_.lower() not in lexicons.cue_verbs():
        return set()
    return {t.i for c in verb.children if c.dep_ == "ccomp" and c.i < pronoun.i for t in c.subtree}


def _controlled(pronoun: Token) -> set[int]:
    """The tokens of a participle clause whose unspoken subject is the subject pronoun: the
    names it holds act on the pronoun's referent or beside it, and are not it ("Accompanied by
    Sarkozy, she recounted", "Standing alongside Sarkozy, she said": she is not Sarkozy)."""
    verb = pronoun.head
    if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return set()
    return {t.i for c in verb.children if c.dep_ == "advcl" and c.tag_ in {"VBG", "VBN"} and c.i < pronoun.i
            and not any(d.dep_ in {"nsubj", "nsubjpass", "mark"} for d in c.children) for t in c.subtree}


class SpeakerResolver:
    """Resolves speaker mentions to actors, adding unnamed actors and pronoun mentions to the book."""

    def __init__(self, doc: Doc, book: ActorBook, in_quote: Sequence[int], sentences: SentenceIndex | None = None) -> None:
        self.doc = doc
        self.book = book
        self.in_quote = in_quote  # token index -> quote region number, or -1
        self.sentences = SentenceIndex(doc) if sentences is None else sentences
        self._turns: list[tuple[int, SpacySpan]] | None = None  # interview turns, read on demand
        self._chain: dict[int, Cluster | None] = {}  # subject pronouns resolved on the way to another

    @cached_property
    def text(self) -> str:
        """The article's text, joined once (``Doc.text`` joins every token anew on each call)."""
        return self.doc.text

    def resolve(self, span: SpacySpan, speaking: bool = True) -> Cluster | None:
        """The actor a subject or object phrase denotes; ``speaking`` marks it as a speaker."""
        if not len(span):
            return None  # (an empty phrase names nobody)
        root = span.root
        first_named = _first_of_two_names(span)
        if first_named is not None:  # "Mr. Kibaki and Mr. Odinga pledged": the first named speaks for both
            return self.resolve(first_named, speaking)
        named = self._name_set_off_after(span) or self._name_set_off_before(span) or self._name_ending(span)
        if named is None and span[-1].ent_type_ == "PERSON" and root.i < span[-1].i and _titled_run(span):
            # "Deputy National Security Advisor for Homeland Security and Counterterrorism John O.
            # Brennan": a long title, capitalised throughout (an office the NER may take for an
            # organisation), before the person's name
            named = self.book.at_token(span[-1])
        if named is not None:  # "According to the El Paso mayor, Dee Margo, …", parsed apart
            return named
        example = _only_example(root)
        if example is not None and span.start <= example.i < span.end:  # "Some, like Anahit Markosian": she
            return self.resolve(mention_span(example), speaking)
        if root.pos_ == "VERB" and root.tag_ in {"VBG", "VBN"}:
            # "John Halloway, writing for the Guardian, described …", parsed with the name as the
            # participle's subject: the name speaks; "A Group of Ethiopians calling themselves
            # Ethiopian National Transition Council": the name they go by
            naming = root.lemma_.lower() == "call" or root.lemma_.lower() in lexicons.load("naming_verbs")
            goes_by = next((c for c in root.children if naming and c.i > root.i and c.pos_ == "PROPN"
                            and c.i < span.end), None)
            subject = goes_by or next((c for c in root.children if c.dep_ == "nsubj" and span.start <= c.i < root.i), None)
            if subject is not None:
                return self.resolve(mention_span(subject), speaking)
        cluster = self._apposed_title(span) or self._apposed_person(span) or self._titled_name(span) \
            or self._after_participle(span) or self.book.epithet(span) or self.book.at_token(root) \
            or self._named_before_title(span)
        if cluster is None:
            missed = missed_person(span)
            if missed is not None:  # "Palestinian Roba Salibi wrote:", the NER reading only "Palestinian"
                cluster = self.book.add_named(missed, "PERSON")
        if cluster is None and (len(span) == 1 or len(span) == 2 and span[0].lower_ == "the"):
            # "WHO say iodine deficiency is …": the parser takes the acronym for a pronoun ("a
            # report by the WHO": the NER saw no name)
            cluster = self.book.by_acronym(span[-1].text)
        if cluster is None:
            # "spokesman Todd Mesek", "Alan Hartman, another partner": a name inside the phrase.
            # A name modifying a plural noun is not the speaker: "Scientology officials".
            # "the M5S party": an acronym the NER missed there still names its actor (a
            # nationality does not: "The Thai government" is no "Thai").
            # "Another reader, Kapyololo, thinks": the name in apposition names the speaker even
            # when the source span a tagger gave stops before it.
            # "Dr. Norashikin Othman of Hospital Kuala Lumpur testified", parsed with the place as
            # head and the person as its modifier ("nmod"): the person speaks.
            apposed = [t for t in root.children if t.dep_ == "appos" and not span.start <= t.i < span.end
                       and ":" not in (x.text for x in self.doc[min(root.i, t.i) : max(root.i, t.i)])]
            # (but not across a colon: "@aditya_bhatt: TPB and Vimeo are unblocked" is no apposition)
            # (a name in apposition before a name modifying the head: "The United Nations health
            # agency the World Health Organization" is the WHO)
            cluster = next((found for t in sorted([*span, *apposed], key=lambda t: t.dep_ != "appos") if t.head == root and (
                                t.dep_ in {"appos", "compound"} and not (t.dep_ == "compound" and root.tag_ == "NNS")
                                or t.dep_ == "nmod" and t.i < root.i and t.ent_type_ == "PERSON")
                            for found in [self.book.at_token(t) or self.book.by_acronym(t.text)]
                            if found is not None and not (t.dep_ == "compound"
                                                          and (_affiliation(root, found) or t.ent_type_ == "NORP"))), None)
        if cluster is None and root.pos_ in {"VERB", "AUX", "ADJ"} and root.i < span[-1].i and (
                span[-1].ent_type_ == "PERSON" or span[-1].pos_ == "PROPN" and span[-1].ent_type_ in {"ORG", "GPE"}
                and not any(t.text == "," or t.pos_ == "ADP" for t in self.doc[root.i : span.end])):
            # "screenwriter Cole Haddon", the title read as a verb: the person named at its end
            # (not "a recommendation Loretta Lynch adopted", a clause), whatever the NER typed
            # the name ("WHO vaccine chief Jean-Marie Okwo Bele", read as an organisation)
            cluster = self.book.at_token(span[-1])
        if cluster is None and (root.tag_ in {"WP", "WDT"} or root.lower_ == "that" and root.dep_.startswith("nsubj")):
            # "Tamimi, who leads prayers and has close ties with …": the relative pronoun
            # stands for the noun the clause describes.
            clause = root.head
            while clause.dep_ == "conj" and clause.head != clause:
                clause = clause.head
            if clause.dep_ == "relcl":
                noun = clause.head
                if clause.tag_ == "VBZ":
                    # "Carlos Lage and the health minister José Ramón Balaguer who adds …": a verb
                    # of one speaker is the nearest conjunct's, wherever the parser hung the clause
                    noun = next((c for c in reversed(list(noun.children)) if c.dep_ == "conj" and c.i < root.i), noun)
                before = self.doc[root.i - 1] if root.i > 0 else None
                if root.lower_ == "who" and before is not None and before.i != noun.i and before.pos_ == "PROPN" \
                        and noun.pos_ == "NOUN" and noun.lemma_.lower() not in lexicons.person_words() \
                        and self.book.at_token(before) is not None:
                    # "the election results, which was rejected by Ouattara who said …", the clause
                    # hung on the thing: "who" is the name right before it
                    return self.resolve(mention_span(before), speaking)
                named = self._named_before(root) if root.lower_ == "who" and message_noun(noun) else None
                if named is not None:
                    # "comments made by Deputy Prime Minister Tharman Shanmugaratnam – who said …":
                    # a message does not speak; "who" is the person named just before it.
                    named.speaker = named.speaker or speaking
                    return named
                described = _described(noun)
                if described is not None:
                    return self.resolve(mention_span(described), speaking)
                return self.resolve(self.doc[noun.left_edge.i : noun.i + 1], speaking)
            if root.lower_ == "who" and root.i >= 2 and self.doc[root.i - 1].text == "," \
                    and self.doc[root.i - 2].pos_ in {"NOUN", "PROPN"}:
                # "…, according to police, who said …", the clause parsed as no relative one: the
                # noun before the comma
                return self.resolve(mention_span(self.doc[root.i - 2]), speaking)
            return None
        if cluster is None and root.dep_ == "appos" and root.pos_ != "PROPN":
            # "Levant Today, a London-based news channel that says …": the description is the name's
            # (but "…, human rights NGO Human Rights Watch" is a name of its own, which the NER missed).
            cluster = self.book.at_token(root.head)
        if cluster is None and root.pos_ in {"NUM", "PRON", "ADJ", "DET"} and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.pos_ in {"NOUN", "PROPN"} for o in c.children)
                for c in root.children):
            # "one of the former prosecutors", "some of the protesters": a part of a group named
            cluster = self.book.add_unnamed(span)
        if cluster is None and root.pos_ == "PRON":
            cluster = self.resolve_pronoun(root)
            if cluster is not None:
                self.book.add_reference(cluster, span)
            return cluster
        if cluster is None and (root.lemma_.lower() in lexicons.load("document_nouns") or message_noun(root)):
            # "Tim Hetherington's last tweet", "her website", "his responses in the interview": a
            # document or a message speaks for whoever wrote it
            cluster = next((found for c in root.children if c.dep_ == "poss"
                            for found in [self.resolve_pronoun(c, _POSSESSIVE.get(c.lower_)) if c.pos_ == "PRON"
                                          else self.book.at_token(c)]
                            if found is not None and found.named), None)
            issuer = [t for t in span if t.i < root.i and t.pos_ == "PROPN" and (t.is_title or ACRONYM.match(t.text))]
            # (with words for its kind between: "a WHO press release")
            if cluster is None and issuer and all(t.dep_ == "compound" and t.is_lower for t in self.doc[issuer[-1].i + 1 : root.i]) \
                    and issuer[-1].i < root.i and root.is_lower \
                    and not any(c.dep_ == "prep" and c.lower_ in {"by", "from"} for c in root.children):
                # "— Amnesty International statement", "The Onion article reports": the document
                # speaks for whoever issued it (but "this Facebook message by Chai Kadai": its author)
                first = issuer[0].i - (issuer[0].i > span.start and self.doc[issuer[0].i - 1].text == "The")
                words = name_words(self.doc[first : issuer[-1].i + 1].text)
                cluster = next((c for c in sorted(reversed(self.book.clusters), key=lambda c: not c.named)
                                if c.words == words), None) or self.resolve(self.doc[first : issuer[-1].i + 1], speaking)
        if cluster is None and message_noun(root) and (span[0].lower_ in {"a", "an", "the"} or span[0] == root and root.tag_ == "NNS"):
            # "said a statement from Ryanair's lawyers", "according to reports first from the
            # Washington Post": the message speaks for whom it is from
            heads = [root, *(c for c in root.children if c.dep_ == "advmod")]
            author = next((o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in {"from", "by"}
                           for o in p.children if o.dep_ == "pobj" and o.ent_type_ not in _WHEN), None) \
                or next((o for a in root.children if a.dep_ == "acl" and a.tag_ == "VBN" and a.i < span.end
                         and issued(a, root)
                         for b in a.children if b.dep_ == "agent" for o in b.children if o.dep_ == "pobj"), None)
            # ("The statement released by the Council": whoever released it)
            if author is not None:
                return self.resolve(mention_span(author), speaking)
            maker = _maker(root) if span[0].lower_ in {"a", "an"} else None
            if maker is not None:
                # "Richie … made a comment saying: …", parsed with the comment as what says it:
                # the comment is the words of the one who made it
                return self.resolve(mention_span(maker), speaking)
        if cluster is None and root.pos_ == "NOUN":
            cluster = self._act_taken_up(span)
        if cluster is None and root.pos_ in {"NOUN", "PROPN"}:
            cluster = self.book.add_unnamed(span)
        if cluster is not None and (is_document(root) or _documentary(cluster)):
            # "the report noted …" after "the World Bank released the report": its author's
            cluster = self._author(cluster) or cluster
        if cluster is not None and speaking:
            cluster.speaker = True
        return cluster

    def _name_set_off_after(self, span: SpacySpan) -> Cluster | None:
        """The person named between commas right after a description of a person ("the El Paso
        mayor, Dee Margo, …"), however the parser attached the name."""
        doc, end = self.doc, span.end
        inverted = span.root.head.i < span.start  # ("…," said a spokesman for the presidency in an interview, Abdulkadir Mohamed Osman.)
        if inverted and end < len(doc) and doc[end].dep_ == "prep" and doc[end].head == span.root.head \
                and doc[end].right_edge.i + 1 < len(doc):
            # (past a circumstance of the saying, "in an interview", to its comma: the parser may
            # hang the name on it)
            end = next((t.i for t in doc[end : doc[end].right_edge.i + 1] if t.text == ","), doc[end].right_edge.i + 1)
        first = end + 1
        while first + 1 < len(doc) and doc[first].lower_ in lexicons.titles() and doc[first].ent_type_ != "PERSON":
            first += 1  # ("the current Roman Catholic Pope, Pope Francis, described …")
        if span.root.pos_ not in {"NOUN", "PROPN"} or span.root.lemma_.lower() not in lexicons.person_words() \
                or first + 1 >= len(doc) or doc[end].text != "," or doc[first].ent_type_ != "PERSON" \
                or doc[first].ent_iob_ != "B":
            return None
        last = first
        while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
            last += 1
        if last + 1 < len(doc) and doc[last + 1].text not in {",", ";"} and not (inverted and doc[last + 1].text == "."):
            return None  # "the mayor, Dee Margo said …" may name another speaker
        return self.book.at_token(doc[last])

    def name_introduced(self) -> None:
        """Record the unnamed actors the text then names in the book (``ActorBook.named_as``): "a
        man who said … He identified himself as Farah Abd Jameh", "A third protester, identified as
        Isabel Brooks", "The caller, who gave his name as Ahmed Ali": one actor."""
        for verb in self.doc:
            lemma = verb.lemma_.lower()
            if lemma not in {"identify", "give"} or verb.pos_ != "VERB":
                continue
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            if lemma == "give" and not any(o.lower_ == "name" and any(p.dep_ == "poss" for p in o.children) for o in objects):
                continue  # ("gave his name as …")
            if lemma == "identify" and verb.dep_ != "acl" and not any(o.lower_ in _REFLEXIVES for o in objects):
                continue  # ("identified himself as …", "a protester, identified as …")
            name = next((o for p in verb.children if p.dep_ == "prep" and p.lower_ == "as"
                         for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN" and o.ent_type_ in {"PERSON", "ORG", ""}), None)
            subject = verb.head if verb.dep_ == "acl" else next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if name is None or subject is None or subject.pos_ not in {"NOUN", "PRON"}:
                continue
            described = self.resolve(mention_span(subject), speaking=False)
            named = self.book.at_token(name)
            if described is not None and not described.named and described.type == ActorType.PERSON and named is not None \
                    and named.named and named.type in {ActorType.PERSON, ActorType.ORG} and described.key not in self.book.named_as:
                self.book.named_as[described.key] = named
                named.labels["PERSON"] += 2  # (a person names themself: "Brooks", read as an organisation, is one)

    def _name_ending(self, span: SpacySpan) -> Cluster | None:
        """The person named after a comma at the end of a phrase that describes a person ("the
        current Roman Catholic Pope, Pope Francis"), however the parser joined the two."""
        doc, last = self.doc, span[-1]
        bounds = _entity(doc, last.i) if last.ent_type_ == "PERSON" else None
        if bounds is None or bounds[1] != span.end:
            return None
        first = bounds[0]
        if first - 1 <= span.start or doc[first - 1].text != ",":
            return None
        head = doc[span.start : first - 1].root
        if head.lemma_.lower() not in lexicons.person_words() or any(t.text == "," for t in doc[span.start : first - 1]):
            return None
        return self.book.at_token(last)

    def _name_set_off_before(self, span: SpacySpan) -> Cluster | None:
        """The person named right before a definite description of a person, with only a comma
        between, at the start of the sentence ("Glen Collins, the second protester said, "…"",
        parsed with the name apart)."""
        doc, start = self.doc, span.start
        root = span.root
        if root.pos_ != "NOUN" or root.lemma_.lower() not in lexicons.person_words() or span[0].lower_ != "the" \
                or start < 2 or doc[start - 1].text != "," or doc[start - 2].ent_type_ != "PERSON":
            return None
        bounds = _entity(doc, start - 2)
        first = bounds[0] if bounds is not None else start - 2
        if first != doc[first].sent.start:
            return None  # ("… met Glen Collins, the protester said": the name is another's)
        return self.book.at_token(doc[start - 2])

    def _act_taken_up(self, span: SpacySpan) -> Cluster | None:
        """ "Russia's Interior Ministry confirmed yesterday that … The statement said …": "the
        statement" (a letter, a speech: ``lexicons/medium_nouns.txt``) that takes up no document
        named before is the act of saying just reported, and speaks for whoever said it: the named
        subject of the last cue outside quotation marks in the two sentences before."""
        root = span.root
        if span[0].lower_ != "the" or root.lemma_.lower() not in lexicons.load("medium_nouns") \
                or self.book.known(span) is not None:
            return None
        current = self.sentences.number(root.i)
        if current == 0:
            return None
        # the sentence before, or the one before a quotation's last sentences
        first, end = self.sentences.nth(max(0, current - 2))[0], self.sentences.nth(current - 1)[1]
        for token in reversed(self.doc[first:end]):
            if token.pos_ == "VERB" and token.lemma_.lower() in lexicons.cue_verbs() and self.in_quote[token.i] < 0:
                subject = subject_of(token)
                found = None if subject is None else self._said_by(subject) \
                    or self._act_taken_up(mention_span(subject))  # "The statement said … The statement continued"
                if found is None or not found.named:
                    return None
                self.book.add_reference(found, span)  # "The statement continued": the same act again
                return found
        return None

    def _said_by(self, subject: Token) -> Cluster | None:
        """The named actor a cue's subject is, or names in apposition ("her publicist Gwendolyn
        Quinn stated")."""
        return self.book.at_token(subject) or next(
            (found for c in subject.children if c.dep_ == "appos" for found in [self.book.at_token(c)] if found), None)

    @cached_property
    def _authorships(self) -> list[Authorship]:
        """The documents the parse gives a maker, makers first (:mod:`.authors`)."""
        return sorted(authorships(self.doc, described=True), key=lambda made: (made.rank, made.document.i))

    def _author(self, document: Cluster) -> Cluster | None:
        """The named actor that made a document actor, as the text says anywhere: one who made it
        before one who only put it out. Only actors already known count ("conducted by thirteen
        agencies …" is no one's name), but for a document the text only describes, whose described
        makers are who speak ("scientists … published a study. The study found …")."""
        nouns = {document.head, *(singular(w) for w in document.words[-1:])}
        for made in self._authorships:
            if singular(made.document.lemma_.lower()) not in nouns \
                    or (self.book.at_token(made.document) or self.book.known(mention_span(made.document))) is not document:
                continue  # "The study was carried out by …" is not about the report named before
            # (a maker described, not named, speaks for a document known by a description only:
            # a named report, "the Climate Science Special Report", speaks as itself)
            maker_described = described_maker(made.author) and not document.named
            author = self.resolve_pronoun(made.author) if made.author.pos_ == "PRON" else self.book.at_token(made.author) \
                or (self.book.known(mention_span(made.author)) if made.spoke else None) \
                or (self.resolve(mention_span(made.author), speaking=False) if maker_described else None)
            if author is not None and author is not document and (author.named or made.spoke or maker_described) \
                    and author.type not in {ActorType.GPE, ActorType.LOC} \
                    and (not made.name_before or self._named_alone(author)):
                return author
        return None

    def _named_alone(self, actor: Cluster) -> bool:
        """Whether the text names the actor once without a document noun after the name: the
        BBC of "a BBC report" is named so elsewhere, "the National Iodine Nutrition study" is a
        study's name."""
        text = self.text
        for start, end in actor.mentions:
            if actor.words[-1:] != name_words(text[start:end])[-1:]:
                continue  # "The report", taken up as the actor's, is not its name
            after = _NEXT_WORD.match(text, end)
            if after is None or singular(after.group(1).lower()) not in lexicons.load("document_nouns"):
                return True
        return False

    def _named_before(self, pronoun: Token) -> Cluster | None:
        """The person named right before a relative pronoun, past a comma or dash."""
        i = pronoun.i - 1
        while i >= 0 and self.doc[i].text in {",", "–", "—", "-"}:
            i -= 1
        cluster = self.book.at_token(self.doc[i]) if i >= 0 else None
        return cluster if cluster is not None and cluster.named and cluster.type == ActorType.PERSON else None

    def _apposed_title(self, span: SpacySpan) -> Cluster | None:
        """ "tweets by Rehman Malik, Interior Minister claiming …": a title set beside a person's
        name is that person's role, whatever the NER made of it."""
        root = span.root
        if root.dep_ != "appos" or root.lemma_.lower() not in lexicons.titles() \
                or any(t.ent_type_ == "PERSON" for t in span[root.i - span.start + 1 :]):
            return None  # "the Armenian President, Serzh Sargsyan": the name inside speaks
        if any(found is not None and found.named and found.type == ActorType.PERSON
               for t in span[root.i - span.start + 1 :] for found in [self.book.at_token(t)]):
            return None  # (a person the NER read into an organisation's name: "spokesperson for TransCanada Grady Semmens")
        person = self.book.at_token(root.head)
        if person is None or not person.named or person.type != ActorType.PERSON:
            return None
        person.add_role(span.text)
        return person

    def _named_before_title(self, span: SpacySpan) -> Cluster | None:
        """ "Androulla Vassiliou, the European Union Health Commissioner, stressed …": a name the
        NER missed, with a title in apposition after it, is a person's, the title their role."""
        root, doc = span.root, self.doc
        if root.pos_ != "PROPN" or not root.is_title or root.ent_type_ or self.book.at_token(root) is not None \
                or root.lower_ in lexicons.titles():
            return None
        title = next((c for c in root.children if c.dep_ == "appos" and c.i > root.i
                      and c.lemma_.lower() in lexicons.titles()), None)
        first = root.i
        while first > span.start and doc[first - 1].dep_ == "compound" and doc[first - 1].head.i == root.i \
                and doc[first - 1].pos_ == "PROPN" and doc[first - 1].is_title and not doc[first - 1].ent_type_ \
                and doc[first - 1].lower_ not in lexicons.titles():
            first -= 1
        if title is None or first == root.i:
            return None  # one word may be anything ("Commissioner", "Reuters")
        cluster = self.book.add_named(doc[first : root.i + 1], "PERSON")
        cluster.labels["PERSON"] += 2  # a title beside a name is a person's, as one before it is
        cluster.add_role(doc[title.left_edge.i : title.right_edge.i + 1].text)
        return cluster

    def _apposed_person(self, span: SpacySpan) -> Cluster | None:
        """ "Conservative MSP (Member of Scottish Parliament) Ruth Davidson": a person's name set
        after the phrase's head is who speaks, the head their title, whatever the NER made of it."""
        root = span.root
        head = self.book.at_token(root)
        if head is not None and head.type == ActorType.PERSON:
            return None
        return next((found for c in root.children if c.dep_ == "appos" and c.i > root.i and span.start <= c.i < span.end
                     for found in [self.book.at_token(c)]
                     if found is not None and found.named and found.type == ActorType.PERSON), None)

    def _after_participle(self, span: SpacySpan) -> Cluster | None:
        """ "Writing in a blog post, Matthew Ingram of The Globe and Mail dubbed …": when the parser
        takes an opening participial phrase for the subject, the name after its comma speaks."""
        if not span[0].lower_.endswith("ing") or span[0].pos_ not in {"VERB", "NOUN"}:
            return None
        comma = next((t.i for t in span if t.text == ","), None)
        if comma is None:
            return None
        for token in self.doc[comma + 1 : span.end]:
            cluster = self.book.at_token(token)
            if cluster is not None and cluster.named:
                return cluster
            if token.pos_ not in {"PROPN", "DET"}:
                return None
        return None

    def _titled_name(self, span: SpacySpan) -> Cluster | None:
        """A person's name that ends the phrase after a title or role names the speaker, the rest
        is the role: "Afghan Ambassador to the United States Hamdullah Mohib" → Hamdullah Mohib.
        After a preposition, article or possessive it does not: "a spokesman for John Smith"."""
        doc, last = self.doc, span[-1]
        if last.is_lower:
            return None  # "the Florida senator", a description an actor took up earlier: no name ends it
        cluster = self._untagged_name(span) or self.book.at_token(last)
        if cluster is None or not cluster.named:
            return None
        first = last.i
        while first > span.start and self.book.at_token(doc[first - 1]) is cluster:
            first -= 1
        while first < last.i and doc[first].lower_ in lexicons.titles():
            first += 1  # "Mexico's Foreign Secretary Marcelo Ebrard": the title is the role's end
        before = doc[first - 1] if first > span.start else None
        # "the charity Christian Aid", "rights group Human Rights Watch": a common noun heading the
        # phrase right before an organisation's name says what it is (not "Posts on the board
        # for the site Operation Clambake")
        kind = before is not None and before.pos_ == "NOUN" and before.is_lower and span.root.i in range(before.i, last.i + 1)
        if cluster.type != ActorType.PERSON and not kind and not self._person_by_role(span, cluster):
            return None
        head = self.book.at_token(span.root)
        if head is not None and head is not cluster and head.named and head.type == ActorType.PERSON:
            return None  # "Colin Macfarlane from the gay rights group Stonewall Scotland": the head speaks
        if before is None or before.pos_ in _NOT_TITLE_POS or before.tag_ == "POS" or before.text in "-–—":
            return None
        role = doc[span.start : first if before.text != "," else first - 1]
        if any(t.pos_ in {"VERB", "AUX"} for t in role):
            return None  # a clause, not a title
        cluster.add_role(role.text)
        return cluster

    def _person_by_role(self, span: SpacySpan, cluster: Cluster) -> bool:
        """Whether a name of two words or more the NER typed otherwise is a person's, set after a
        person's role: "A spokesman for the United Nations refugee agency, Alphonse Munyaneza";
        the name then counts as a person's."""
        first = min(((s, e) for s, e in cluster.mentions if span.start_char <= s < span.end_char), default=None)
        if first is None or len(cluster.words) < 2 or span.root.lemma_.lower() not in lexicons.person_words() \
                or span.root.idx >= first[0]:
            return False
        name = self.doc.char_span(*first, alignment_mode="expand")
        if name is not None and name.root.dep_ == "pobj":
            return False  # "A spokesman for the Treasury Department", "asked … at the White House": no person
        cluster.labels["PERSON"] += 2
        return cluster.type == ActorType.PERSON

    def _untagged_name(self, span: SpacySpan) -> Cluster | None:
        """A person's name the NER missed or cut short after a title: "Italian Minister for Defence
        Ignazio La Russa", "UN High Commissioner for Human Rights Navi Pillay": the capitalised
        words the last one gathers as compounds (its first word and its surname, with its particle,
        of a longer run), read as a person."""
        doc, last = self.doc, span[-1]
        known = self.book.at_token(last)
        if last.pos_ != "PROPN" or not last.is_title or last.lower_ in lexicons.titles() \
                or known is not None and known.type != ActorType.PERSON:
            return None
        run = last.i
        while run > span.start and doc[run - 1].dep_ == "compound" and doc[run - 1].pos_ == "PROPN" \
                and doc[run - 1].head.i == last.i and doc[run - 1].lower_ not in lexicons.titles():
            run -= 1
        particle = last.i > 1 and doc[last.i - 1].lower_ in lexicons.load("surname_particles")
        first = max(run, last.i - 1 - particle)
        if first == last.i or not doc[first].is_title or not any(t.lower_ in lexicons.titles() for t in doc[span.start : first]):
            return None  # "Human Rights Watch": no title, no person; "wa Mutarika": no first name
        if known is not None and len(known.words) >= last.i + 1 - first:
            return None  # the NER's name is as full
        if any(t.ent_type_ == "PERSON" for t in doc[span.start : first]):
            return None  # "Dr. Norashikin Othman of Hospital Kuala Lumpur": the title is the person's before
        cluster = self.book.add_named(doc[first : last.i + 1], "PERSON")
        cluster.labels["PERSON"] += 2  # a title before a name is a person's, as an honorific is
        return cluster

    def resolve_pronoun(self, pronoun: Token, word: str | None = None) -> Cluster | None:
        """The actor a pronoun most likely refers to: the nearest compatible one, subjects first
        (``word``: the pronoun to read ``pronoun`` as, for a description that stands for one)."""
        word = word or pronoun.lower_
        if word in _FIRST_PERSON:
            return self._turn_speaker(pronoun)
        if word in lexicons.load("unresolvable_pronouns") or (word not in _PERSONAL and word not in _NONPERSONAL and word not in _PLURAL):
            return None
        current = self.sentences.number(pronoun.i)
        commanded = _commanded(pronoun) | _controlled(pronoun)
        others = self._coarguments(pronoun)
        for k in self._window(current):
            first, end = self.sentences.nth(k)
            limit = pronoun.i if k == current else end
            found = self._candidates(k, current, word, pronoun, commanded, others)
            if word in _PLURAL:
                found = self._plural_subjects(self.doc[first:end], limit, pronoun, found)
            document = self._document_subject(first, end) if k != current and word == "it" else None
            if document is not None:
                # "The report accuses Israel of …. It says …": the document the sentence before is
                # about, not the last thing it names
                return document
            if not found:
                described = self._described_subject(first, limit, pronoun) if k != current and word in _PERSONAL else None
                if described is not None:
                    # "The woman, who has not been named, saw … She posted …": a sentence about one
                    # the text describes and names nobody fit
                    return self._taken_up(described, word)
                continue
            if word in _PERSONAL:
                # "Senators Dan Coats, John McCain and Olympia Snowe asked Brown to run … He
                # alluded …": one of several people joined by "and" is no "he" beside a lone one
                alone = [m for m in found if not _conjoined(self.doc[m[0]:m[1]])]
                found = alone or found
            if _PERSONAL.get(word) == "she":
                # one whose name says "she" (a given name, "Ms") before one whose name says nothing
                # (not so for "he": most names the lexicon does not know are men's in the news)
                known = [m for m in found if m[2] is not None and name_gender(m[2]) == "f"]
                found = known or found
            subjects = [m for m in found if _subject(self.doc[m[0]:m[1]].root) is not None]
            described = self._described_subject(first, limit, pronoun) if k != current and word in _PERSONAL \
                and not subjects else None
            if described is not None:
                # "Betancourt said, "…". The Colombian-French politician was greeted by … the First
                # Lady, Carla Bruni-Sarkozy … "…," she said": the sentence is about the one its
                # subject describes, whom an object or a name in apposition does not displace.
                if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in described.children):
                    # "During the rally a Hamas activist dressed as Gilad Shalit … "…," he said":
                    # one the sentence brings in, not the one it names
                    return self.resolve(mention_span(described), speaking=False)
                return self._taken_up(described, word)
            # an earlier sentence's topic is its main clause's subject, before a subject in what
            # it reports ("Norrie said … MacKinnon and Millar were given … He called …")
            main = [m for m in subjects if _main_clause(_subject(self.doc[m[0]:m[1]].root))] \
                if k != current or _main_clause(pronoun) else []
            pool = (self._according_source(found, first, limit) if k != current and _speaks(pronoun) else []) \
                or main or subjects or found
            # In the pronoun's own sentence the nearest one wins, a main clause's subject for a
            # main clause's pronoun ("X notes Y was likely to …, but he concludes": X, not Y);
            # earlier, the first (topical) one.
            start, end, cluster = pool[-1] if k == current else pool[0]
            if cluster is None:  # a plural noun phrase nobody has resolved yet
                cluster = self.resolve(mention_span(self.doc[end - 1]), speaking=False)
            return cluster
        return self._person_typed_otherwise(pronoun) if word in _PERSONAL else None

    def _candidates(self, k: int, current: int, word: str, pronoun: Token, commanded: set[int],
                    others: list[Cluster]) -> list[tuple[int, int, Cluster]]:
        """The mentions in sentence ``k`` (before the pronoun, in its own) that ``word`` may
        take up, in text order."""
        first, end = self.sentences.nth(k)
        limit = pronoun.i if k == current else end
        return sorted([(s, e, c) for s, e, c in self.book.mentions_inside(first, limit)
                       if self._fits(word, c) and self._visible(s, pronoun) and not self._bound(s, e, pronoun)
                       and not _modifier(self.doc[s:e])
                       and s not in commanded and not any(_one_name(c, o) for o in others)]
                      + [m for m in self._chained(word, first, limit, pronoun, commanded)
                         if not any(_one_name(m[2], o) for o in others)],
                      key=lambda m: m[:2])

    def _person_typed_otherwise(self, pronoun: Token) -> Cluster | None:
        """With no person before "he" or "she", the subject of a cue named by one word the NER
        took for an organisation, when its own sentence takes it up as a person and names no
        person ("Zelenskiy, in his nightly video address, called on allies …. "…," he said"): a
        surname (not an acronym, nor a name after "the"; "Google said …" stays a company)."""
        current = self.sentences.number(pronoun.i)
        for k in self._window(current):
            first, end = self.sentences.nth(k)
            limit = pronoun.i if k == current else end
            for s, e, cluster in reversed(self.book.mentions_inside(first, limit)):
                word = self.doc[s:e]
                if cluster is None or cluster.type != ActorType.ORG or not cluster.named or len(cluster.words) != 1 \
                        or not cluster.speaker or len(word) != 1 or word.text.isupper() or word.root.dep_ != "nsubj" \
                        or any(self.text[max(0, m - 4) : m].lower() == "the " for m, _ in cluster.mentions) \
                        or not self._taken_up_as_person(word.sent):
                    continue
                cluster.labels["PERSON"] += 2 + sum(cluster.labels.values())
                return cluster
        return None

    def _document_subject(self, first: int, end: int) -> Cluster | None:
        """The actor behind the document that is the main clause's subject of tokens [first,
        end): "The report" in "The report accuses Israel of …" (its author, where known)."""
        roots = [t for t in self.doc[first:end] if t.dep_ == "ROOT"]
        subject = next((c for c in roots[0].children if c.dep_ in {"nsubj", "nsubjpass"}), None) if roots else None
        if subject is None or subject.pos_ != "NOUN" or not is_document(subject):
            return None
        return self.resolve(mention_span(subject), speaking=False)

    def _according_source(self, found: list, first: int, limit: int) -> list:
        """The mentions among ``found`` that name the source of an "according to" in tokens
        [first, limit): the one who spoke there, whom a later "he said" takes up before the
        subject of what was reported ("According to analyst Hazem al-Nuaeimi, Sadr is a thorn
        … "…," he said": al-Nuaeimi)."""
        sources = [g for t in self.doc[first:limit] if t.lower_ == "according" and t.i + 1 < limit
                   and self.doc[t.i + 1].lower_ == "to" for g in self.doc[t.i + 1].subtree]
        return [m for m in found if any(m[0] <= g.i < m[1] for g in sources)]

    def _coarguments(self, pronoun: Token) -> list[Cluster]:
        """The actors named as the object of a subject pronoun's own verb, whom the pronoun is not:
        in ""…," he told Hannity" he is not Hannity, whoever the sentence before was about."""
        if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
            return []
        verb = pronoun.head
        objects = [c for c in verb.children if c.dep_ in {"dobj", "dative", "iobj"}]
        objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
        return [cluster for o in objects for _, _, cluster in self.book.mentions_covering(o.i) if cluster is not None] \
            + self._named_in_own_quote(pronoun)

    def _named_in_own_quote(self, pronoun: Token) -> list[Cluster]:
        """The people a quotation in the pronoun's own sentence speaks of by name, whom its
        speaker is not: in ""I cannot accept Uribe's lies," he said" he is not Uribe."""
        if self.in_quote[pronoun.i] >= 0 or pronoun.lower_ not in _PERSONAL:
            return []
        sentence = pronoun.sent
        end = sentence.end
        if end < len(self.doc) and self.in_quote[end] >= 0 and "\n" not in self.doc[end - 1].whitespace_:
            end = self.doc[end].sent.end  # (""…," he said. "…"": the quotation it goes on with)
        return [cluster for s, _, cluster in self.book.mentions_inside(sentence.start, end)
                if cluster is not None and self.in_quote[s] >= 0]

    def _taken_up(self, described: Token, word: str) -> Cluster | None:
        """The actor a pronoun ``word`` takes up through the description that is its sentence's
        subject: whom the description points back to, else the one it describes."""
        return self.resolve_pronoun(described, word) or self.resolve(mention_span(described), speaking=False)

    def _described_subject(self, first: int, limit: int, pronoun: Token) -> Token | None:
        """The subject of the main clause among tokens [first, limit) when it is a description of
        a person that names no actor ("the Colombian-French politician", "a Hamas activist")."""
        for i in range(first, limit):
            token = self.doc[i]
            if token.dep_ in {"nsubj", "nsubjpass"} and token.tag_ == "NN" and _main_clause(token) \
                    and token.lemma_.lower() in lexicons.person_words() | ANY_PERSON and self._visible(i, pronoun) \
                    and any(c.dep_ == "det" and c.lower_ in {"the", "a", "an"} for c in token.children) \
                    and not any(c.dep_ == "appos" for c in token.children) and not self.book.mentions_covering(i):
                return token
        return None

    def _chained(self, word: str, first: int, limit: int, pronoun: Token,
                 commanded: set[int]) -> list[tuple[int, int, Cluster]]:
        """Subject pronouns of the same person and gender in tokens [first, limit) that no
        mention records yet, each as the actor it resolves to: "She called on Sarkozy to … '…,'
        she stated" (both she are Betancourt, whichever statement was read first)."""
        gender = _PERSONAL.get(word)
        if gender is None:
            return []
        found = []
        for i in range(first, limit):
            token = self.doc[i]
            if token.dep_ in {"nsubj", "nsubjpass"} and _PERSONAL.get(token.lower_) == gender and i not in commanded \
                    and self._visible(i, pronoun) and not self.book.mentions_covering(i):
                if i not in self._chain:
                    self._chain[i] = None  # a guard while it resolves
                    self._chain[i] = self.resolve_pronoun(token)
                cluster = self._chain[i]
                if cluster is not None and self._fits(word, cluster):
                    found.append((i, i + 1, cluster))
        return found

    def _taken_up_as_person(self, sentence: SpacySpan) -> bool:
        """Whether a sentence that names no person has a personal pronoun outside quotation
        marks ("Zelenskiy, in his nightly video address, …")."""
        if any(c is not None and c.type == ActorType.PERSON for _, _, c in self.book.mentions_inside(sentence.start, sentence.end)):
            return False
        return any(t.lower_ in _PERSONAL_FORMS and self.in_quote[t.i] < 0 for t in sentence)

    def _window(self, current: int) -> Iterator[int]:
        """The sentence ``current`` and up to :data:`_SENTENCES_BACK` before it, in reverse,
        passing over a pull quote and its signature ("— Judge Alasdair Darroch"), which stand
        outside the story's flow, and over sentences wholly quoted."""
        k, left = current, _SENTENCES_BACK
        while k >= 0 and left >= 0:
            first, end = self.sentences.nth(k)
            if k == current or not (self._pull_quote(first) or self._quoted(first, end)):
                yield k
                left -= 1
            k -= 1

    def _quoted(self, first: int, end: int) -> bool:
        """Whether every word of tokens [first, end) lies inside a quotation: a quoted sentence
        names no one a pronoun outside it can take up, and does not use up the sentences a pronoun
        looks back over ("'…,' Betancourt said. '…' '…' '…' She called on Sarkozy …")."""
        words = [i for i in range(first, end) if not self.doc[i].is_punct and not self.doc[i].is_space]
        return bool(words) and all(self.in_quote[i] >= 0 or i in self._set_off for i in words)

    def _pull_quote(self, i: int) -> bool:
        """Whether token ``i`` stands on a line that a dash opens (a signature), or in the
        paragraph such a line follows (the words it signs)."""
        text = self.text
        line = text.rfind("\n", 0, self.doc[i].idx) + 1
        if text[line : line + 1] in _SIGNATURE_DASHES:
            return True
        after = text.find("\n\n", self.doc[i].idx)
        return after >= 0 and text[after + 2 : after + 3] in _SIGNATURE_DASHES

    def _plural_subjects(self, sent: SpacySpan, limit: int, pronoun: Token, found: list) -> list:
        """ "Scientology officials went to the station, where they claimed …": "they" takes up a
        plural subject noun before any place name; the noun phrase becomes an actor if need be."""
        plural = [(t.left_edge.i, t.i + 1, self.book.at_token(t)) for t in sent
                  if t.i < limit and t.dep_ in {"nsubj", "nsubjpass"} and t.tag_ in {"NNS", "NNPS"}
                  and self._visible(t.i, pronoun) and t.i != pronoun.i and self._can_speak(t)]
        # "the Chief of Police, his deputy and a colonel … visited the hotel. They apologized":
        # people joined by "and", the first of whom the annotation makes the speaker (not after a
        # preposition: "(with Paul Kay and Cathy O'Connor)", misread as a subject)
        plural += [(t.left_edge.i, last.right_edge.i + 1, self.resolve(mention_span(t), speaking=False))
                   for t in sent if t.i < limit and t.dep_ in {"nsubj", "nsubjpass"} and t.tag_ in {"NN", "NNP"}
                   and (t.ent_type_ == "PERSON" or t.lemma_.lower() in lexicons.person_words())
                   and self._visible(t.i, pronoun) and self.doc[max(t.left_edge.i - 1, 0)].pos_ != "ADP"
                   for last in [max(_conjuncts(t), key=lambda c: c.i, default=None)]
                   if last is not None and last.right_edge.i < limit]
        if not plural:
            return found
        kept = [m for m in found if m[2].type not in {ActorType.GPE, ActorType.LOC}]
        return sorted(kept + [p for p in plural if not any(m[0] <= p[1] - 1 < m[1] for m in kept)],
                      key=lambda m: (m[0], m[1]))

    def _can_speak(self, noun: Token) -> bool:
        """A plural noun for people or a known actor: "the researchers", "Scientology officials"
        speak; "several scenarios" do not."""
        lemma = noun.lemma_.lower()
        return self.book.at_token(noun) is not None or noun.tag_ == "NNPS" or lemma in lexicons.agent_nouns() \
            or lemma in lexicons.load("person_nouns") or lemma in lexicons.table("description_heads")

    def _turn_speaker(self, pronoun: Token) -> Cluster | None:
        """In an interview transcript, "I" outside quotation marks is whoever holds the turn: the
        label of the last "Name: …" paragraph ("Peres: … I say brains is the greater producer")."""
        if self.in_quote[pronoun.i] >= 0:
            return None
        if self._turns is None:
            self._turns = []
            for line in _TURN.finditer(self.text):
                label = self.doc.char_span(line.start(1), line.end(1), alignment_mode="contract")
                if label is not None and label.text.lower() not in lexicons.load("caption_labels"):
                    self._turns.append((line.start(), label))
            if len(self._turns) < 2:  # one "Name: …" line is a headline, not an interview
                self._turns = []
        label = next((lb for start, lb in reversed(self._turns) if start <= pronoun.idx), None)
        if label is None:
            return None
        return self.book.in_span(label.start, label.end)

    def _bound(self, start: int, end: int, pronoun: Token) -> bool:
        """ "The IRGC has targeted it": an object pronoun is not its own clause's subject."""
        if pronoun.dep_ not in {"dobj", "pobj", "dative", "iobj"}:
            return False
        verb = pronoun.head if pronoun.dep_ != "pobj" else pronoun.head.head
        return any(child.dep_ in {"nsubj", "nsubjpass"} and start <= child.i < end for child in verb.children)

    def _visible(self, token_i: int, pronoun: Token) -> bool:
        """Names inside someone's quote do not antecede a pronoun outside it, nor names in a
        paragraph set off after a colon (a blockquote: "Paul Shalala reflects:" and his words)."""
        region = self.in_quote[token_i]
        if region >= 0 and region != self.in_quote[pronoun.i]:
            return False
        if token_i in self._credits:
            return False  # "Image: Nathan Muller.": a photographer is no one the story speaks of
        paragraph = self._set_off.get(token_i)
        return paragraph is None or paragraph == self._set_off.get(pronoun.i)

    @cached_property
    def _credits(self) -> frozenset[int]:
        """The tokens of the image credits that end captions (:data:`.paragraphs.CREDIT`)."""
        found: set[int] = set()
        for match in CREDIT.finditer(self.text):
            span = self.doc.char_span(*match.span(), alignment_mode="expand")
            found.update(token.i for token in span or ())
        return frozenset(found)

    @cached_property
    def _set_off(self) -> dict[int, int]:
        """Token → paragraph number, for the tokens of each paragraph that follows one ending in
        a colon: a quotation set off without marks (:mod:`.blockquotes`), with the translation
        after it when it is in another language."""
        found: dict[int, int] = {}
        lines = paragraphs(self.text)
        for number, (before, line) in enumerate(zip(lines, lines[1:])):
            if self.text[before[1] - 1] == ":":
                body = self.text[line[0] : line[1]]
                parts = translated(self.text, lines, number + 1, line)[0] if foreign(body) else [line]
                for part in parts:  # a post in another language, with its translation
                    span = self.doc.char_span(*part, alignment_mode="expand")
                    found.update((token.i, number) for token in span or ())
        return found

    @staticmethod
    def _fits(word: str, cluster: Cluster) -> bool:
        kind = cluster.type
        if word in _PERSONAL:
            if kind != ActorType.PERSON or not cluster.named and cluster.head in _things():
                return False  # (nor is "he" "a nonbinding statement", typed as a speaker)
            gender = _PERSONAL[word]
            other = "she" if gender == "he" else "he"
            given = name_gender(cluster)
            if given != "u" and given != _GIVEN[gender]:
                return False  # "Isabel Ruiz" is no "he"
            return cluster.pronouns[other] <= cluster.pronouns[gender] and _introduced(cluster)
        if word in _NONPERSONAL:
            return kind in {ActorType.ORG, ActorType.MEDIA, ActorType.GPE, ActorType.LOC}
        return kind in {ActorType.GROUP, ActorType.ORG, ActorType.NORP, ActorType.MEDIA}  # (a place is "it", not "they")
