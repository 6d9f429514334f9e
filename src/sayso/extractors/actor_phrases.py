"""The phrases around a name: an entity trimmed to its name, the titles before it, the roles
the text gives it (pre-name descriptions, appositives), and noun-phrase cores of descriptions."""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span as SpacySpan, Token

from . import lexicons
from .actor_types import organisation_name
from .names import ACRONYM, HANDLE, MIXED_ACRONYM, initials, name_words

_APOSTROPHES = ("'s", "’s", "'", "’")
#: How far left of a name its modifiers may start, in tokens: "London-based news channel Levant
#: Today" (a longer run is a clause, not a description).
_PRE_NAME_TOKENS = 8
#: Most first names the NER may have left out before a person's name ("Mayor Sadiq Khan" read as "Khan").
_LEFT_OUT_NAMES = 2
#: The longest role kept, in characters: a longer appositive is a clause about the actor.
_LONGEST_ROLE = 120


def message_noun(noun: Token) -> bool:
    """A noun for words said or written ("comments", "remarks", "statement", "report")."""
    lemma = noun.lemma_.lower()
    return lemma in lexicons.load("message_nouns") or lemma in lexicons.load("document_nouns")


def trim_entity(ent: SpacySpan) -> SpacySpan | None:
    """Drop a leading "the", a trailing possessive and edge punctuation from an entity; take in
    capitalised words the name runs on with ("Levant" + "Today")."""
    start, end = ent.start, ent.end
    doc = ent.doc
    # "The World Health Organisation (WHO)": the NER may take in the bracket; the name ends
    # before it (the acronym inside is read as an alias). A colon ends it too: "Jack Herrick:
    # Sure." is a turn label and its answer.
    end = next((t.i for t in ent[1:] if t.text in "([" or t.text == ":"), end)
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and doc[end].ent_type_ in {"", "DATE"} \
            and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end:
        end += 1
    while end > start and (doc[end - 1].text in _APOSTROPHES or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1  # "Brock Holt⏎⏎": a headline's name, with the blank line after it
    if end - start > 1 and end < len(doc) and doc[end].text == ":" \
            and doc[end - 1].lower_ in lexicons.load("caption_labels"):
        end -= 1  # "Bob McDonnell Image: Nathan Muller.": a caption's credit label is no part of the name
    while end - start > 1 and doc[end - 1].is_lower and message_noun(doc[end - 1]):
        end -= 1  # "— Amnesty International statement": what the organisation issued is no part of its name
    if end - start > 1 and doc[end - 1].tag_ == "VBZ" and doc[end - 1].lower_[:-1] in lexicons.cue_verbs():
        end -= 1  # "Obama Says African-American Museum …": a headline's verb is no part of the name
    while start < end and (doc[start].is_punct or doc[start].is_space
                           or (doc[start].lower_ == "the" and end - start > 1 and not doc[start].is_title)):
        start += 1
    if end - start > 1 and doc[start].tag_ == "VBG" and any(t.head.i == start and t.dep_ == "dobj" for t in doc[start + 1 : end]):
        start += 1  # "Listing Mofaz as a loser, she explained": the verb that opens the sentence takes the name as object
    # "in contravention of a World Health Organisation recommendation": an indefinite article
    # is not part of a name.
    if end - start > 1 and doc[start].lower_ in {"a", "an"} and doc[start + 1].is_title:
        start += 1
    # "According to Rathbun the Scientology property …": with a comma missing, the NER runs a
    # name into the next noun phrase; a lower-case "the" right after a name ends it.
    end = next((t.i for t in doc[start + 1 : end] if t.lower_ == "the" and not t.is_title
                and doc[t.i - 1].is_title and doc[t.i - 1].is_alpha), end)
    # "Ms Maliwal" read as an organisation: an honorific only a person bears opens a person's
    # name, whatever the NER typed it; with_title takes it back as the name's title.
    if end - start > 1 and doc[start].lower_.rstrip(".") in lexicons.load("honorifics") and doc[start + 1].is_title:
        start += 1
    # "Tell Gov Christie" (a banner's words the NER read as a person): the name is what follows a
    # title inside it; the title itself is taken back by with_title.
    if ent.label_ == "PERSON":
        inner = next((t.i for t in doc[start + 1 : end - 1] if _titled(t)
                      and doc[t.i + 1].is_title and doc[t.i + 1].pos_ == "PROPN"
                      and doc[t.i + 1].lower_.rstrip(".") not in lexicons.load("name_suffixes")), None)
        # (but "Martin Luther King Jr.": a surname that is also a title, then the suffix)
        if inner is not None and not any(_titled(t) for t in doc[start:inner]):
            start = inner + 1
        while end - start > 2 and _titled(doc[start]) and doc[start + 1].is_title and doc[start + 1].pos_ == "PROPN" \
                and not _titled(doc[start + 1]):
            start += 1  # "Constable Andrew Ward" of "Chief Constable Andrew Ward": the title is no part of the name
        # "Mayor Sadiq Khan" read as "Khan": first names the NER left out before a one-word name
        first = start
        while end - start == 1 and first > 0 and start - first < _LEFT_OUT_NAMES \
                and _left_out_name(doc[first - 1], start, end):
            first -= 1
        start = first
    else:
        # "The United Nations' World Health Organization", "Russia's Interior Ministry": a name
        # that a place or a body of several words owns is the name after the possessive
        owner = next((t.i for t in doc[start + 1 : end - 1] if t.tag_ == "POS" and doc[t.i + 1].is_title), None)
        if owner is not None and (doc[start].lower_ == "the" or name_words(doc[start:owner].text) and
                                  " ".join(name_words(doc[start:owner].text)) in lexicons.load("places")):
            start = owner + 1
    if start >= end:
        return None
    return doc[start:end]


def _left_out_name(token: Token, start: int, end: int) -> bool:
    """A capitalised word compounded into a person's name right after it that the NER left out,
    no title and no other name's word."""
    return (token.pos_ == "PROPN" and token.is_title and token.is_alpha and not token.ent_type_
            and token.dep_ == "compound" and start <= token.head.i < end and not _titled(token)
            and token.lower_ not in lexicons.person_words())


def _titled(token: Token) -> bool:
    """A title, with its period or without ("Gov", "Gov.", "Governor")."""
    return token.lower_ in lexicons.titles() or f"{token.lower_}." in lexicons.titles()


def with_title(name: SpacySpan) -> SpacySpan:
    """Extend a name leftwards over capitalised titles: "Sheikh Ghaith Al-Tamimi"."""
    doc, start = name.doc, name.start
    while start > 0 and doc[start - 1].is_title and doc[start - 1].lower_ in lexicons.titles():
        start -= 1
    return name if start == name.start else doc[start:name.end]


#: The most tokens a description in brackets after a name runs to.
_LONGEST_BRACKET = 12


def roles_of(name: SpacySpan, display: SpacySpan) -> list[str]:
    """Descriptions the text gives the actor: titles, pre-name phrases and appositives."""
    doc, roles = name.doc, []
    root = name.root
    # "London-based news channel Levant Today": modifiers of the name left of it.
    left = [t for t in root.subtree if t.i < display.start and t.dep_ not in {"det", "poss", "case", "punct"}
            and (t.i >= display.start - _PRE_NAME_TOKENS)]
    first = min((t.i for t in left), default=display.start)
    words = doc[first:display.start]
    described = bool(left) and all(t.head.i >= first for t in words) and not any(t.is_space for t in words)
    if display.start < name.start:
        # "Mexico's Foreign Secretary Marcelo Ebrard": the title with the words that qualify it is
        # one role ("the foreign minister" takes it up), not "Secretary" and "Mexico's Foreign"
        roles.append(doc[first if described else display.start : name.start].text)
    elif described and any(t.pos_ == "NOUN" for t in words):
        roles.append(strip_det(words).text)
    # "Tamimi, a senior cleric, said": an appositive after the name.
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ in {"NOUN", "PROPN"} and child.ent_type_ == "" \
                and child.left_edge.i == name.end + 1 and doc[name.end].text == "," \
                and child.lemma_.lower() not in lexicons.load("proposition_nouns"):
            roles.append(strip_det(subtree(child)).text)
    # "José Genoíno (the President of the Workers' Party)": a description of a person in brackets
    # right after the name.
    if name.end + 2 < len(doc) and doc[name.end].text == "(":
        close = next((t.i for t in doc[name.end + 1 : name.end + 1 + _LONGEST_BRACKET] if t.text == ")"), None)
        inner = doc[name.end + 1 : close] if close is not None else None
        if inner is not None and len(inner) > 1 and inner.root.pos_ in {"NOUN", "PROPN"} \
                and inner.root.lemma_.lower() in lexicons.person_words() and inner.root.ent_type_ != "PERSON":
            roles.append(strip_det(inner).text)
    # "a senior cleric, Sheikh Ghaith Al-Tamimi": the name is the appositive of a description.
    if root.dep_ == "appos" and root.head.i < name.start and root.head.pos_ == "NOUN" and root.head.ent_type_ == "":
        head_span = doc[root.head.left_edge.i : root.head.i + 1]
        roles.append(strip_det(head_span).text)
    elif root.dep_ == "appos" and root.head.i < display.start and root.head.pos_ == "PROPN" \
            and root.head.lemma_.lower() in lexicons.person_words() and doc[display.start - 1].text == ",":
        # "The Archbishop of York, Dr John Sentamu": a title with its see or office, written as a
        # name, set before the person's
        roles.append(strip_det(doc[root.head.left_edge.i : display.start - 1]).text)
    elif root.dep_ == "appos" and root.head.i < name.start:
        # "the governor of the state of Virginia, Bob McDonnell": the parser hangs the name on the
        # place that ends the description; the title heads it
        top = root.head
        while top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.pos_ == "NOUN":
            top = top.head.head
        if top != root.head and top.ent_type_ == "" \
                and top.lemma_.lower() in lexicons.person_words():
            roles.append(strip_det(doc[top.left_edge.i : root.head.i + 1]).text)
    return [r for r in roles if 1 < len(r) <= _LONGEST_ROLE]


def kind_noun(name: SpacySpan) -> str | None:
    """The common noun a name modifies says what it is: "the AntyScience blog" is a blog (so "the
    blog" later points back to it); a person's name is left alone ("the Trump administration")."""
    root = name.root
    if root.dep_ == "compound" and root.head.i == name.end and root.head.tag_ == "NN" \
            and root.head.lower_.isalpha():
        return root.head.text
    return None


def subtree(token: Token) -> SpacySpan:
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


def core_phrase(head: Token, span: SpacySpan) -> SpacySpan:
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
    start = span.start
    while start < end - 1 and doc[start].is_punct:
        start += 1  # ``"…," one resident said``: the closing mark the parser hangs on the phrase
    return doc[start:end]


def strip_det(span: SpacySpan) -> SpacySpan:
    start = span.start
    while start < span.end - 1 and span.doc[start].dep_ in {"det", "punct"}:
        start += 1
    return span.doc[start:span.end]


def parenthesised_acronym(name: SpacySpan) -> SpacySpan | None:
    """ "Islamic Revolutionary Guard Corps (IRGC)" → the span "IRGC"."""
    doc, i = name.doc, name.end
    if i + 2 < len(doc) and doc[i].text in "([" and doc[i + 2].text in ")]" \
            and (ACRONYM.match(doc[i + 1].text) or MIXED_ACRONYM.match(doc[i + 1].text)):
        return doc[i + 1 : i + 2]  # (or "United States Department of State (DoS)")
    return None


def spelt_before_acronym(doc: Doc) -> list[SpacySpan]:
    """Capitalised words the NER left out that the acronym in brackets after them spells, with
    the acronym's label: "Christian Purefoy (CP)" (PERSON: two or three words, none of them an
    organisation's), "Zambian Bloggers Network (ZBN)" (ORG)."""
    found = []
    for i in range(1, len(doc) - 2):
        if doc[i].text not in "([" or doc[i + 2].text not in ")]" or not ACRONYM.match(doc[i + 1].text) \
                or doc[i - 1].ent_type_:
            continue
        letters = doc[i + 1].text.replace(".", "").lower()
        for start in range(i - 1, max(-1, i - 1 - _LONGEST_SPELT), -1):
            token = doc[start]
            if not (token.is_title or token.lower_ in lexicons.load("acronym_skip")) or token.ent_type_:
                break
            words = tuple(t.lower_ for t in doc[start:i])
            if token.is_title and initials(words) == letters:
                label = "PERSON" if len(words) <= 3 and all(t.is_title for t in doc[start:i]) \
                    and not organisation_name(words) and not any(t.lower_ in STOP_WORDS for t in doc[start:i]) else "ORG"
                found.append(SpacySpan(doc, start, i, label=label))
                break
    return found


#: The most words an acronym in brackets spells back.
_LONGEST_SPELT = 8


def parenthesised_handle(name: SpacySpan) -> SpacySpan | None:
    """ "Sthaisy Smith (@Staisy09)" → the span "@Staisy09": the account of the one just named."""
    doc, i = name.doc, name.end
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and _HANDLE.fullmatch(doc[i + 1].text):
        return doc[i + 1 : i + 2]
    return None


_HANDLE = re.compile(HANDLE)


def spelt_by_acronym(name: SpacySpan) -> SpacySpan:
    """The name run on to the acronym in brackets after it, when the NER cut it short and the
    acronym spells the whole: "Medecins" of "Medecins sans Frontieres (MSF)"."""
    doc = name.doc
    for k in range(name.end, min(name.end + _CUT_SHORT, len(doc) - 2)):
        if doc[k].text in "([":
            if k == name.end or doc[k + 2].text not in ")]" or not ACRONYM.match(doc[k + 1].text):
                return name
            words = tuple(t.lower_ for t in doc[name.start : k])
            letters = doc[k + 1].text.replace(".", "").lower()
            return doc[name.start : k] if letters in {initials(words), "".join(w[0] for w in words)} else name
        if not doc[k].is_alpha:
            return name
    return name


def office_of(name: SpacySpan, label: str) -> SpacySpan:
    """An organisation's name run on over "of" when the NER stopped at a body's head noun: "UN
    Office" of "UN Office of the High Commissioner for Human Rights" (capitalised words after
    "of the", with "for", "of" or "and" between them)."""
    doc, end = name.doc, name.end
    if label != "ORG" or name[-1].lower_ not in _BODY_HEADS or end + 2 >= len(doc) or doc[end].lower_ != "of":
        return name
    k = end + 1 + (doc[end + 1].lower_ == "the")
    last = None
    while k < len(doc) and (doc[k].is_title and doc[k].is_alpha or doc[k].lower_ in {"for", "of", "and"} and last is not None):
        if doc[k].is_title:
            last = k
        k += 1
    return doc[name.start : last + 1] if last is not None and last - name.end < _CUT_SHORT * 2 else name


#: Head nouns of a body whose name goes on with "of …": "Office of the High Commissioner".
_BODY_HEADS = frozenset({"office", "ministry", "department", "bureau", "commission", "committee", "council",
                         "secretariat", "directorate", "agency", "institute"})


def expansion_after(name: SpacySpan) -> SpacySpan | None:
    """ "PML-N (Pakistan Muslim League - Nawaz)" → the span of the expansion whose initials spell
    the acronym before it."""
    doc, i = name.doc, name.end
    if not ACRONYM.match(name.text) or i >= len(doc) or doc[i].text != "(":
        return None
    close = next((t.i for t in doc[i + 1 : i + 1 + _LONGEST_EXPANSION] if t.text == ")"), None)
    if close is None or close == i + 1:
        return None
    expansion = doc[i + 1 : close]
    letters = "".join(c for c in name.text.lower() if c.isalnum())
    spelt = initials(tuple(t.lower_ for t in expansion if t.is_alpha or t.is_digit))
    return expansion if spelt and spelt == letters else None


#: Most words an acronym's expansion in brackets may run to.
_LONGEST_EXPANSION = 12
#: The most words a name the NER cut short may run on before the acronym that spells it.
_CUT_SHORT = 4

_QUOTE_MARKS = {'"', "“", "”", "'", "‘", "’"}


def nickname_after(doc: Doc, name: SpacySpan) -> SpacySpan | None:
    """The other name a name is given right after it: "Ampon Tangnopponkul, known locally as
    "Akong"", "…, also known as …", "…, aka …", "…, nicknamed …" (capitalised words)."""
    i = name.end
    if i >= len(doc) or doc[i].text not in {",", "("}:
        return None
    i = _past_adverbs(doc, i + 1)
    if i < len(doc) and doc[i].lower_ == "known":
        i = _past_adverbs(doc, i + 1)
        if i >= len(doc) or doc[i].lower_ != "as":
            return None
    elif i >= len(doc) or doc[i].lower_ not in {"aka", "a.k.a.", "nicknamed"}:
        return None
    i += 1
    while i < len(doc) and doc[i].text in _QUOTE_MARKS:
        i += 1
    end = i
    while end < len(doc) and end - i < 4 and doc[end].is_title and doc[end].is_alpha:
        end += 1
    return doc[i:end] if end > i else None


def _past_adverbs(doc: Doc, i: int) -> int:
    """The first token from ``i`` on that is no word around "known as" ("also", "locally")."""
    while i < len(doc) and doc[i].lower_ in lexicons.load("known_as_adverbs"):
        i += 1
    return i
