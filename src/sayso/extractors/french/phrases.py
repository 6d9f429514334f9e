"""Noun phrases of a French parse: a subject's extent, a relative's antecedent, and whether the
words after "selon", "d'après" or "pour" name a source."""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan, Token

from .. import lexicons
from .verbs import LANG

#: Words at most after "selon X": a longer stretch before the comma is a clause, not a source.
MAX_SOURCE_TOKENS = 14


def noun_phrase_end(doc: Doc, i: int) -> int:
    """The end of the noun phrase starting at ``i``: determiners, names, nouns and adjectives,
    with "de" complements ("la porte-parole de la fédération"), up to a comma, a relative
    pronoun or another preposition."""
    end = i
    while end < len(doc):
        token = doc[end]
        if token.pos_ in {"DET", "PROPN", "NOUN", "ADJ", "NUM"} and token.text != "-" or token.ent_type_ \
                or token.text in {"-", "."} and end > i \
                and token.i + 1 < len(doc) and doc[end + 1].pos_ == "PROPN":
            end += 1
        elif token.lower_ in lexicons.load("de_forms", LANG) and end > i and end + 1 < len(doc) \
                and doc[end + 1].pos_ in {"DET", "NOUN", "PROPN"}:
            end += 1
        else:
            break
    while end > i and doc[end - 1].lower_ in lexicons.load("de_forms", LANG) | {"-", "."} - {"."}:
        end -= 1
    return end


def phrase(head: Token) -> SpacySpan:
    """A subject's noun phrase: the head with its determiners, adjectives, names and "de"
    complements, without a relative clause or an apposition."""
    doc = head.doc
    left = head.i
    while left > 0 and doc[left - 1].head.i == head.i and doc[left - 1].dep_ in {"det", "amod", "nummod", "compound"}:
        left -= 1
    # no further than the head's own words: "L'organisation intergouvernementale les réduit" is
    # a subject and the verb's object and verb, whatever the tagger made of them
    end = min(noun_phrase_end(doc, left), head.right_edge.i + 1)
    return doc[left : max(end, head.i + 1)]


def antecedent(qui: Token) -> SpacySpan | None:
    """The noun phrase a relative "qui" stands for: "le documentaire qui précise" → le documentaire."""
    doc = qui.doc
    i = qui.i - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    clause = qui.head
    if clause.dep_ == "acl:relcl" and clause.head.pos_ in {"NOUN", "PROPN"} and clause.head.i < qui.i:
        # "Arnaud Montebourg, le ministre du redressement productif, qui a déclaré": the noun
        # the parser hangs the relative clause on, before the words next to "qui"
        return phrase(clause.head)
    if i >= 0 and doc[i].pos_ not in {"NOUN", "PROPN"} and (doc[i].is_title or doc[i].is_upper) \
            and doc[i].head.pos_ in {"NOUN", "PROPN"} and doc[i].head.i == i - 1:
        # "C'est le syndicat SUD-PTT qui a révélé": a name the tagger read as another word, set
        # after the noun it names
        i -= 1
    if i < 0 or doc[i].pos_ not in {"NOUN", "PROPN"}:
        return None
    return phrase(doc[i])


def comme_frame(verb: Token) -> bool:
    return verb.i > 1 and verb.nbor(-2).lower_ == "comme" and verb.nbor(-1).lower_ in {"le", "l'"}


def is_source(span: SpacySpan, pour: bool) -> bool:
    """Whether the words after "selon", "d'après" or "pour" name who says it."""
    if not len(span) or len(span) > MAX_SOURCE_TOKENS:
        return False
    words = [t.lower_ for t in span if not t.is_punct]
    not_sources = lexicons.load("not_sources", LANG)
    if not words or words[-1] in not_sources or words[0] in not_sources \
            or span.root.lower_ in not_sources or span.root.lemma_.lower() in not_sources:
        return False  # "selon le droit international", "selon les cas"
    if span[0].pos_ == "VERB" and span[0].morph.get("VerbForm", []) == ["Inf"]:
        return False  # "pour terminer" (not "selon un sondage publié dans le quotidien espagnol …")
    if not pour:
        return True
    heads = lexicons.load("person_nouns", LANG) | lexicons.load("org_nouns", LANG)
    return any(t.ent_type_ in {"PER", "ORG"} or t.pos_ == "PROPN" for t in span) or words[0] in lexicons.load("stressed_pronouns", LANG) \
        or any(w in heads for w in words)


def clean(span: SpacySpan) -> SpacySpan | None:
    """A source without edge punctuation ("- Le Parquet fédéral") and without a source that
    names nobody ("bon de" in "il est bon de rappeler")."""
    start, end = span.start, span.end
    while start < end and span.doc[start].is_punct:
        start += 1
    while end > start and span.doc[end - 1].is_punct:
        end -= 1
    clean = span.doc[start:end]
    if not len(clean) or not any(t.pos_ in {"NOUN", "PROPN", "PRON"} or t.ent_type_ for t in clean):
        return None
    return clean


def infinitive_after(doc: Doc, i: int) -> bool:
    """An infinitive at token ``i``, perhaps negated: "de ne pas suivre"."""
    if i + 2 < len(doc) and doc[i].lower_ in {"ne", "n'"} and doc[i + 1].lower_ in lexicons.load("negations", LANG):
        i += 2
    if i >= len(doc):
        return False
    token = doc[i]
    # The small model tags some infinitives as participles ("menacé d'envahir"): a verb written
    # as its own lemma with an infinitive's ending is one.
    return token.morph.get("VerbForm", []) == ["Inf"] or token.pos_ == "VERB" and token.lower_ == token.lemma_.lower() \
        and token.lower_.endswith(("er", "ir", "re"))


def de_complement(noun: Token) -> Token | None:
    """The noun after ``noun`` that its "de" makes its complement: "la position du gouvernement"
    → gouvernement, "l'objectif de l'équipe" → équipe."""
    return next((c for c in noun.children if c.dep_ == "nmod" and c.pos_ in {"NOUN", "PROPN"} and c.i > noun.i
                 and any(a.dep_ == "case" and a.lower_.replace("’", "'") in lexicons.load("de_forms", LANG)
                         for a in c.children)), None)


def apposed_name_end(doc: Doc, first: int) -> int | None:
    """The comma or colon that closes a name set beside a source ("la fédération des banques,
    Febelfin, « … »", "Pour la principale association …, l'April : « … »"): capitalised words
    from ``first``, after an elided article, up to a comma or a colon, or None."""
    start = first + (first < len(doc) and doc[first].lower_.replace("’", "'") == "l'")
    end = start
    while end < len(doc) and end - start < APPOSED_NAME_WORDS and doc[end].is_title and doc[end].is_alpha:
        end += 1
    return end if start < end < len(doc) and doc[end].text in {",", ":"} else None


#: Most words of a name set beside a source between commas.
APPOSED_NAME_WORDS = 4
