"""What a statement asserts, clause by clause: subject, predicate, object, negation, modality,
times, numbers and names, each with offsets into the article.

A statement without a clause asserts nothing ("Florida Sen. Marco Rubio" is a name, not a
claim) and gets no proposition. A clause is a verb with its own subject (or the main verb of
the statement); relative and adverbial clauses qualify a word and are no proposition of their
own ("the men who did not pay" does not say that somebody did not pay).
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..types import Marker, MarkerKind, Proposition, Span
from . import lexicons
from .certainty import predicate_markers

# Dependency labels of a verb that heads a proposition of its own.
_CLAUSE_DEPS = {"ROOT", "ccomp", "conj", "parataxis"}
_SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj"}
_OBJECTS = ("dobj", "attr", "oprd", "dative")
_COMPLEMENTS = {"acomp", "attr"}
_TIME = {"DATE", "TIME"}
_AMOUNTS = {"MONEY", "PERCENT", "CARDINAL", "QUANTITY"}
_NAMES = {"PERSON", "ORG", "GPE", "NORP", "EVENT", "LAW", "FAC", "PRODUCT", "WORK_OF_ART", "LOC"}
_CONTENT = {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"}


def propositions(doc: Doc, parts: Iterable[Span], text: str | None = None) -> tuple[Proposition, ...]:
    """The propositions of the statement whose pieces are ``parts`` (character spans of
    ``doc.text``), in text order. ``text`` is ``doc.text``, read once by a caller that has it
    (spaCy joins it anew on each access: once per statement would grow with the article)."""
    text = doc.text if text is None else text
    found: list[Proposition] = []
    for start, end in parts:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        inside = {t.i for t in span}
        heads = _clause_heads(span, inside)
        for head in heads:
            proposition = _proposition(doc, text, head, inside)
            if proposition is not None:
                found.append(proposition)
        if not heads:
            found += _small_clauses(doc, text, span, inside)
            for verb in _planned_acts(span, inside):
                proposition = _proposition(doc, text, verb, inside)
                if proposition is not None:
                    found.append(proposition)
    return tuple(sorted(found, key=lambda p: (p.start, p.end)))


def _planned_acts(span, inside: set[int]) -> list[Token]:
    """The act a noun of the statement plans or calls for, when the statement has no clause of
    its own: "his proposal to ban Muslims from entering the United States", "his plan for
    banning Muslims" tell what is proposed (by the noun's possessor, when the text names one)."""
    acts = []
    for token in span:
        noun = _planning_noun(token)
        if noun is not None and noun.i in inside and any(c.dep_ in _OBJECTS for c in token.children):
            acts.append(token)
    return acts


def _planning_noun(verb: Token) -> Token | None:
    """The noun whose act ``verb`` is: "proposal" of "proposal to ban …", "plan" of "plan for
    banning …"."""
    if verb.pos_ != "VERB":
        return None
    noun = verb.head
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and noun.dep_ == "prep" and noun.lower_ == "for":
        noun = noun.head
    elif verb.dep_ != "acl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return noun if noun.pos_ == "NOUN" else None


def _clause_heads(span, inside: set[int]) -> list[Token]:
    """Verbs of the span that head a clause: the span's top verbs and the clausal complements
    and conjuncts below them ("Clinton was careless and broke the rules": two)."""
    heads = []
    for token in span:
        if token.pos_ not in {"VERB", "AUX"} or (token.pos_ == "AUX" and token.dep_ in {"aux", "auxpass"}):
            continue
        if token.lemma_.lower() in lexicons.load("auxiliaries") \
                and not any(c.dep_ not in {"neg", "advmod", "punct", "nsubj", "cc"} for c in token.children):
            continue  # "… and never will": an elliptical clause repeats the one before
        top = token.head.i not in inside or token.head == token
        if _blamed_for(token) or _asserted_adverbial(token):
            heads.append(token)
        elif top or token.dep_ in _CLAUSE_DEPS:
            if token.dep_ == "conj" and token.head.dep_ not in _CLAUSE_DEPS | {"conj"} and not top:
                continue  # a conjunct of a relative or adverbial clause
            heads.append(token)
    return heads


def _asserted_adverbial(verb: Token) -> bool:
    """An adverbial clause with its own subject that the speaker asserts: "while Clinton and her
    staffers were careless …, no reasonable prosecutor would bring charges"."""
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    # "it looks as though the country is willing": "as though" does not assert its clause
    return verb.dep_ == "advcl" and any(c.dep_ in _SUBJECTS for c in verb.children) \
        and bool(marks) and marks <= lexicons.load("asserting_conjunctions")


def _small_clauses(doc: Doc, text: str, span, inside: set[int]) -> list[Proposition]:
    """A quoted description of an object of the reporter's verb: "Comey called Clinton's use of
    private email servers 'extremely careless'" tells that her use was extremely careless."""
    found = []
    for token in span:
        if token.dep_ != "oprd" or token.head.i in inside or token.pos_ not in {"ADJ", "NOUN", "PROPN"}:
            continue
        subject = next((c for c in token.head.children if c.dep_ == "dobj" and c.i in inside), None)
        if subject is None:
            continue
        words = [t for t in (*subject.subtree, *token.subtree) if t.i in inside and not t.is_punct]
        words.sort(key=lambda t: t.i)
        start, end = _chars(words)
        found.append(Proposition(start=start, end=end, text=text[start:end], subject=_chars(
            [t for t in subject.subtree if t.i in inside]), predicate="be " + token.lemma_.lower(),
            lemmas=tuple(dict.fromkeys(t.lemma_.lower() for t in words if t.pos_ in _CONTENT and not t.is_stop
                                       and (t.is_alpha or t.like_num))),
            names=tuple(_names_in(doc, words, {t.i for t in subject.subtree}))))
    return found


def _names_in(doc: Doc, words: list[Token], skip: set[int]) -> list[str]:
    """The named entities that start among ``words`` (outside ``skip``), read from the tokens so
    the work grows with the clause, not the document."""
    names = []
    for token in words:
        if token.ent_iob_ == "B" and token.ent_type_ in _NAMES and token.i not in skip:
            end = token.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            names.append(doc[token.i:end].text)
    return names


def _blamed_for(verb: Token) -> bool:
    """A gerund after "for" on a verb with an object: "criticised him for opposing X",
    "praised her for backing Y"."""
    prep = verb.head
    return (verb.dep_ == "pcomp" and verb.tag_ == "VBG" and prep.dep_ == "prep" and prep.lower_ == "for"
            and any(c.dep_ == "dobj" for c in prep.head.children))


def _subject(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ in _SUBJECTS:
            return child
    if _blamed_for(head):
        # "Cruz criticised Rubio for opposing amnesty": the one criticised is the one opposing.
        return next(c for c in head.head.head.children if c.dep_ == "dobj")
    if head.dep_ == "conj" and head.head.pos_ in {"VERB", "AUX"}:
        return _subject(head.head)  # "was careless and broke the rules": the same subject
    noun = _planning_noun(head)
    if noun is not None:
        # "Trump's proposal to ban …": the possessor proposes; "his proposal": nobody the clause names
        return next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in {"PROPN", "NOUN"}), None)
    return None


def _entities(doc: Doc, ids: set[int]) -> list[SpacySpan]:
    """The named entities that start at one of the tokens ``ids``, in text order (read from the
    tokens: ``doc.ents`` makes every entity of the article anew on each call)."""
    found = []
    for i in sorted(ids):
        if doc[i].ent_iob_ != "B":
            continue
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        found.append(SpacySpan(doc, i, end, label=doc[i].ent_type_))
    return found


def _chars(tokens: list[Token]) -> Span:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _proposition(doc: Doc, text: str, head: Token, inside: set[int]) -> Proposition | None:
    subject = _subject(head)
    if subject is not None and subject.i not in inside:
        subject = None if subject.pos_ != "PRON" else subject  # "he said he would": a resolved pronoun
    objects = [c for c in head.children if c.dep_ in _OBJECTS and c.i in inside]
    if subject is None and not objects:
        return None  # no subject and nothing done to anything: a fragment
    others = {t.i for t in head.children if t.dep_ in _CLAUSE_DEPS - {"ROOT"} and t.pos_ in {"VERB", "AUX"}
              and (t.dep_ != "conj" or any(c.dep_ in _SUBJECTS for c in t.children)) or _asserted_adverbial(t)}
    apart = {t.i for i in others for t in doc[i].subtree}  # the other clauses under this one
    clause = [t for t in head.subtree if t.i in inside and t.i not in apart]
    while len(clause) > 1 and (clause[-1].is_punct or clause[-1].dep_ == "cc"):
        clause.pop()  # "careless …, but": the conjunction belongs to the next clause
    while len(clause) > 1 and (clause[0].is_punct or clause[0].dep_ == "cc"
                               or clause[0].dep_ == "mark" and clause[1].i != clause[0].i + 1):
        clause.pop(0)  # "that [while X,] no prosecutor would …": the conjunction left before a clause of its own
    start, end = _chars(clause)
    predicate = head.lemma_.lower()
    complement = next((c for c in head.children if c.dep_ in _COMPLEMENTS and c.i in inside), None)
    if predicate == "be" and complement is not None:
        predicate = "be " + complement.lemma_.lower()
    xcomp = next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}), None)
    if xcomp is not None and xcomp.i in inside:
        predicate += " " + xcomp.lemma_.lower()  # "plans to build": plan build
    target = objects[0] if objects else complement
    if target is None:
        prep = next((c for c in head.children if c.dep_ == "prep" and c.i in inside), None)
        target = prep
    object_span = None
    if target is not None:
        words = [t for t in target.subtree if t.i in inside]
        object_span = _chars(words) if words else None
    markers, negated = predicate_markers(head, inside)
    if head.dep_ == "conj" and head.head.pos_ in {"VERB", "AUX"} \
            and not any(c.dep_ in _SUBJECTS or c.dep_ in {"aux", "auxpass", "neg"} for c in head.children) \
            and not any(c.dep_ == "cc" and c.lower_ in {"but", "yet"} for c in head.head.children):
        # "she had not sent or received emails": the second verb shares the first's "had not"
        # ("did not go but stayed home" does not)
        shared, shared_negated = predicate_markers(head.head, inside)
        markers = markers + [m for m in shared if m.kind in {MarkerKind.NEGATION, MarkerKind.HEDGE}]
        negated = negated != shared_negated
    if xcomp is not None and xcomp.i in inside:
        more, negated_more = predicate_markers(xcomp, inside)
        markers, negated = markers + more, negated != negated_more
    markers = sorted({m for m in markers if m.kind in {MarkerKind.NEGATION, MarkerKind.HEDGE, MarkerKind.DOUBT}},
                     key=lambda m: (m.start, m.end))
    modality = next((m.text for m in markers if m.kind == MarkerKind.HEDGE), None)
    subject_span = None
    if subject is not None:
        words = [t for t in subject.subtree if t.i in inside or subject.i not in inside and t.i == subject.i]
        subject_span = _chars(words)
    ids = {t.i for t in clause}
    times, numbers, names = [], [], []
    subject_ids = set() if subject is None else {t.i for t in subject.subtree}
    for ent in _entities(doc, ids):
        if ent.label_ in _TIME:
            times.append(ent.text)
        elif ent.label_ in _AMOUNTS:
            before = [t for t in doc[max(0, ent.start - 2):ent.start] if t.lower_ in lexicons.load("comparators") or t.lower_ == "than"]
            numbers.append(" ".join([t.text for t in before] + [ent.text]))
        elif ent.label_ in _NAMES and ent.start not in subject_ids:
            names.append(ent.text)
    lemmas = tuple(dict.fromkeys(t.lemma_.lower() for t in clause if t.pos_ in _CONTENT and not t.is_stop
                                 and (t.is_alpha or t.like_num)))
    return Proposition(start=start, end=end, text=text[start:end], subject=subject_span,
                       predicate=predicate, object=object_span, negated=negated, modality=modality,
                       markers=tuple(Marker(m.text, m.start, m.end, m.kind) for m in markers),
                       times=tuple(times), numbers=tuple(numbers), names=tuple(names), lemmas=lemmas)
