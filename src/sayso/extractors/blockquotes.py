"""Quotations set off as paragraphs of their own, without marks: a web page's blockquote once
its HTML is gone. "Rio, a Zambian Watchdog reader, responds:" and the next paragraph is what
Rio wrote."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..types import QuoteKind
from . import lexicons
from .context import DocContext
from .cues import attribution, depiction, word_forms
from .drafts import Draft
from .names import HANDLE, TRAILING_LANGUAGE_TAG
from .paragraphs import CREDIT, OPENING_MARKS, Part, foreign, latin, paragraphs, translated
from ..nlp import language_tag_at
from .speakers import mention_span, missed_person, subject_of, tag_mark
from .titles import title_line


_HANDLE_LABEL = re.compile(HANDLE + r":[ \u00a0]+")
#: The shortest set-off quotation, in characters: less is a label or a stray line.
_SHORTEST = 20


def set_off_quotations(context: DocContext) -> list[Draft]:
    """A paragraph that ends with a cue and a colon introduces the next paragraph as its
    speaker's words, unless that paragraph opens a quotation in marks (which the quotation rules
    read), is a caption or title, or the cue has no stated speaker."""
    text = context.text
    lines = paragraphs(text)
    cues = [_introducing_cue(context, line) for line in lines]
    drafts = []
    for k, verb in enumerate(cues[:-1], start=1):
        if verb is None:
            continue
        while k + 1 < len(lines) and CREDIT.search(text, *lines[k]) and cues[k] is None:
            k += 1  # "… reacted in a note:", a photo's caption, then the note
        following, next_cue = lines[k], cues[k]
        if text[following[0]] in OPENING_MARKS or CREDIT.search(text, *following) \
                or next_cue is not None or depiction(verb, shown=False):
            continue  # a quotation in marks, a caption, the next introduction, or what a video shows
        start, end = following
        while end > start and text[end - 1].isspace():
            end -= 1
        label = _HANDLE_LABEL.match(text, start, end)
        if label is not None and not (context.is_cue(verb) or _introducing(verb) or _gives_message(verb)
                                      or _person_subject(verb)):
            # "Some Singaporeans are distrustful …:" then "@sochris: …": the account's post (but
            # "Ebaa Rezeq was sad to see PalFest end:" then "@Gazanism: …" is hers)
            continue
        if label is not None:
            start = label.end()  # "@OmarMash: …": the post's words, without the account's label
        fields = attribution(context, verb)
        named = _named_complement(verb)
        if named is not None:
            # "Another Facebook group advocating for their cause is Ethiopia Muslims:": the page named
            fields.update(_speaker(context, mention_span(named)))
        if _after_tag(verb):
            tagged = _tagged_name(context, verb)  # "Victor Mantilla (@yourjournalist) [es] recommends:"
            if not tagged and not (context.is_cue(verb) or word_forms(verb) & _introducing_words()):
                continue  # "Protests [es] continued in the capital:": no author before the tag
            fields.update(tagged)
        own = _named_before(context, verb) if verb.dep_ == "conj" or verb.tag_ == "NNS" else {}
        if own and fields.get("speaker_span") is not None and fields["speaker_span"].root.head != verb:
            fields.update(own)  # "…, and Lou A. Salomé (@Lou_A_S) tweets:" hung on another clause: her name, not its subject
        if fields.get("speaker_span") is None:
            fields.update(_named_before(context, verb) or ({} if label else _subject_above(context, verb))
                          or _fragment_before(context, verb))
        if fields.get("speaker_span") is None or end - start < _SHORTEST:
            continue
        if label is not None and _many(fields["speaker_span"]):
            continue  # "… is interpreted by some people as betrayal:" then "@freakingcat: …": one account's post
        heading = context.doc.char_span(start, end, alignment_mode="expand")
        if heading is not None and title_line(heading):
            continue  # "has published figures …:" and a table's title
        parts = _quotation_parts(text, lines, cues, k, (start, end))
        drafts.append(Draft(QuoteKind.DIRECT, start, parts[-1][1], parts=tuple(parts) if len(parts) > 1 else (),
                            set_off=True, **fields))
    return drafts + _labelled_posts(context, lines, cues)


def _labelled_posts(context: DocContext, lines: list[Part], cues: list[Token | None]) -> list[Draft]:
    """A paragraph that is only a name and a colon ("Lisbeth Armel:", "@eromanp [es]:") labels
    the paragraphs under it as that person's post, as a round-up of posts lays them out: the
    post, with its translation when it is in another language."""
    text = context.text
    labels = [_label(context, line) if cue is None else None for line, cue in zip(lines, cues)]
    stops: list[Token | None] = [cue if cue is not None else label[1] if label is not None else None
                                 for cue, label in zip(cues, labels)]
    drafts = []
    for k, label in enumerate(labels[:-1], start=1):
        following = lines[k]
        if label is None or stops[k] is not None or text[following[0]] in OPENING_MARKS \
                or CREDIT.search(text, *following):
            continue
        name, colon = label
        fields = _speaker(context, name)
        start, end = following
        if not fields or end - start < _SHORTEST:
            continue
        parts = _quotation_parts(text, lines, stops, k, following)
        drafts.append(Draft(QuoteKind.DIRECT, start, parts[-1][1], parts=tuple(parts) if len(parts) > 1 else (),
                            cue=context.doc[colon.i : colon.i + 1], set_off=True, **fields))
    return drafts


#: The most tokens of a name that labels a post.
_LABEL_TOKENS = 5


def _label(context: DocContext, line: Part) -> tuple[SpacySpan, Token] | None:
    """The name and colon of a paragraph that is only a name and a colon: a person's or an
    organisation's name in capitals, or an account's handle, with a link's language tag or not
    ("Ilgiz Taipov:", "@eromanp [es]:"); not a heading ("Update:", "Background:")."""
    body = context.text[line[0] : line[1]].rstrip()
    if not body.endswith(":"):
        return None
    label = TRAILING_LANGUAGE_TAG.sub("", body[:-1].rstrip())
    name = context.doc.char_span(line[0], line[0] + len(label), alignment_mode="contract")
    colon = context.doc.char_span(line[0] + len(body) - 1, line[0] + len(body))
    if name is None or colon is None or not 0 < len(name) <= _LABEL_TOKENS or name.text != label:
        return None
    words = [t for t in name if not t.is_punct]
    if label.startswith("@") and len(words) == 1 or words and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words) \
            and any(t.ent_type_ in {"PERSON", "ORG"} for t in words) \
            and not any(t.lower_ in lexicons.load("header_labels") for t in words):
        return name, colon[0]
    return None


def _quotation_parts(text: str, lines: list[Part], cues: list[Token | None], k: int, first: Part) -> list[Part]:
    """The paragraphs of a set-off quotation. In another script: more of it in that
    script, then as many in the article's script, its translation (docs/annotation.md: the
    original and its translation are one statement). In the article's script, the paragraphs
    after it that go on in the writer's own voice ("I", "we", "you") or after an ellipsis."""
    if not foreign(text[first[0] : first[1]]):
        return _continued(text, lines, cues, k, first)
    parts, originals = translated(text, lines, k, first,
                                  stop=lambda n: cues[n] is not None or bool(CREDIT.search(text, *lines[n])))
    return parts if len(parts) > originals else [first]


def _continued(text: str, lines: list[Part], cues: list[Token | None], k: int, first: Part) -> list[Part]:
    """The paragraphs after ``first`` that keep the writer's voice, up to the next introduction."""
    parts = [first]
    for line, cue in zip(lines[k + 1 :], cues[k + 1 :]):
        body = text[line[0] : line[1]].rstrip()
        if cue is not None or CREDIT.search(text, *line) or body[:1] in OPENING_MARKS \
                or not (_PERSONAL.search(_unquoted(body)) or body.startswith(_ELLIPSES) or _GOING_ON.match(body)):
            break
        parts.append((line[0], line[0] + len(body)))
    return parts


#: The writer's own voice, which a reporter's narration seldom takes.
_PERSONAL = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my|[Ww]e|us|[Oo]ur|[Yy]ou|[Yy]our)\b")
_ELLIPSES = ("[...]", "[…]", "...", "…")
#: A paragraph that goes on from the one before: an item of a list ("2. Okayed Zia's martial
#: law") or one that opens with a conjunction ("But the crackdown …", "And …").
_GOING_ON = re.compile(r"(?:\d{1,2}[.)]|[-•*]|(?:But|And|So|Yet|Or)\b)\s")
_QUOTED = re.compile(r"[“\"«][^”\"»\n]*[”\"»]")


def _unquoted(body: str) -> str:
    return _QUOTED.sub(" ", body)


def reporters_lead_in(context: DocContext, line: Part) -> bool:
    """A paragraph in the reporter's voice that introduces the next one as someone's words: it
    ends with a cue and a colon and speaks of no "I", "we" or "you" ("Rinat Shamstudinov
    argued:", but not "My father always told me:")."""
    body = context.text[line[0] : line[1]]
    return _introducing_cue(context, line) is not None and not _PERSONAL.search(_unquoted(body))


def _introducing_cue(context: DocContext, line: Part) -> Token | None:
    """The cue verb of the sentence a paragraph ends with, when it ends with a colon, or with a
    verb of saying and no stop ("… asserted that the election had been free and fair and said")."""
    body = context.text[line[0] : line[1]].rstrip()
    if not body.endswith(":"):
        return _said_at_the_end(context, line[0] + len(body.rstrip(",")))
    colon = context.doc.char_span(line[0] + len(body) - 1, line[0] + len(body), alignment_mode="expand")
    if colon is None:
        return None
    sentence = colon[0].sent
    before = [t for t in reversed(sentence) if t.i < colon[0].i and context.in_quote[t.i] < 0]
    cues = [t for t in before if context.is_cue(t) or _introducing(t)]
    # a cue inside what another cue of the line reports is not the line's ("…, arguing that this
    # event would encourage the candidates to …:": arguing; but "Some want more rights, while X
    # wrote:": wrote)
    reported = {g.i for a in cues for c in a.children if c.dep_ in {"ccomp", "xcomp"} for g in c.subtree}
    cues = [t for t in cues if t.i not in reported] + [t for t in cues if t.i in reported]
    last = before[0] if before else None
    if last is not None and (last.tag_ in {"VBZ", "VBD"} or last.tag_ == "NNS" and last.lower_.endswith("s")) \
            and last.dep_ != "ROOT" and word_forms(last) & _introducing_words() and _named_before(context, last):
        # "… says that …, and Lou A. Salomé [es] (@Lou_A_S) tweets:": the verb right before the
        # colon, with a name of its own, however the parser hung it
        cues = [last] + [t for t in cues if t != last]
    # the line's own cue, not one in a clause on a noun ("Siew Kum Hong writes that those who
    # want to make their views heard … should stand up:": writes, not want; "… betrayal to the
    # cause of the Red Shirts who are still demanding justice:" has none), unless that is all the
    # line has to say ("One final reaction comes from Ndagha who says Joyce Banda …:")
    found = next((t for t in cues if not _embedded(t)), None) or next((t for t in cues if _introduces_anyway(t)), None) \
        or next((t for t in before if _gives_message(t)), None)
    if found is not None:
        return found
    # The predicate of a named subject ("Charlie Custer is very frustrated:", "Antoine Atallah
    # addressed the editors:"); else the main cue of an earlier sentence of the line ("Elaine Ee
    # believes that …. Instead, the government should free up the media:").
    if sentence.root.pos_ in {"VERB", "AUX"} and (_named(subject_of(sentence.root)) or _named_complement(sentence.root)):
        return sentence.root
    doc, first = context.doc, sentence.start
    while first > 0 and doc[first - 1].idx >= line[0]:
        first -= 1
    earlier = next((t for t in reversed(doc[first : sentence.start]) if context.in_quote[t.i] < 0 and t.dep_ == "ROOT"
                    and context.is_cue(t) and t.pos_ in {"VERB", "AUX"} and _named(subject_of(t, context.is_cue))), None)
    # else the verb right after a link's language tag, which the parser misread ("[es] is ironic:")
    return earlier or next((t for t in reversed(before) if _after_tag(t)), None)


def _said_at_the_end(context: DocContext, end: int) -> Token | None:
    """The verb of saying a paragraph ends on, left without its object ("… and said")."""
    last = context.doc.char_span(end - 1, end, alignment_mode="expand")
    if last is None or not context.text[end - 1].isalpha():
        return None
    verb = last[-1]
    return verb if verb.tag_ in {"VBD", "VBZ", "VBP"} and verb.is_lower and verb.lemma_.lower() in _SAYING_AT_THE_END \
        and context.in_quote[verb.i] < 0 and not any(c.dep_ in {"dobj", "ccomp"} for c in verb.children) else None


#: Verbs of saying a paragraph may end on to introduce the next (not "Marja offensive continues";
#: nor a name read as one, "… witness Ahmed Hassan Sayed").
_SAYING_AT_THE_END = frozenset({"say", "add", "write", "state", "declare", "explain", "comment", "tell"})


#: Dependencies of a clause that qualifies a word: its verb is not what the line does.
_QUALIFYING = {"relcl", "acl", "csubj", "csubjpass"}


def _named_complement(verb: Token) -> Token | None:
    """The name a copula gives as its complement in a lead-in: "Another Facebook group advocating
    for their cause is Ethiopia Muslims:", "Finally, there is Nur-Ethio:" (whose words follow)."""
    if verb.lemma_ != "be" or verb.dep_ != "ROOT" or _PERSONAL.search(verb.sent.text):
        return None  # (not "While I opined in my blog that it was PTA merely testing …:", the writer's own)
    return next((c for c in verb.children if c.dep_ == "attr" and c.i > verb.i and _named(c)), None)


def _after_tag(token: Token) -> bool:
    """A word of introduction right after a link's language tag, however the parser read it: in
    "The newspaper Infobae [es] reported …:" or "Victor Mantilla (@yourjournalist) [es]
    recommends:" the tag leaves the verb a modifier, an apposition or a noun. In a line that ends
    with a colon, any verb there introduces what its author posted: "@eromanp [es] is ironic:",
    "@Comolanigua [es] shares two images …:"."""
    return token.i >= 3 and language_tag_at(token.doc, token.i - 3) and token.text[:1].islower() \
        and (bool(word_forms(token) & _introducing_words()) or token.pos_ in {"VERB", "AUX"})


def _tagged_name(context: DocContext, cue: Token) -> dict[str, Any]:
    """The speaker of a cue right after a language tag: the name before the tag (and before the
    account's handle in brackets, "Victor Mantilla (@yourjournalist) [es]"), an entity or a
    run of capitalised words or a handle; none if that resolves to no actor."""
    doc = cue.doc
    end = cue.i - 3
    if end > 0 and doc[end - 1].text == ")":
        opening = next((k for k in range(end - 2, max(-1, end - 6), -1) if doc[k].text == "("), None)
        if opening is None:
            return {}
        end = opening
    if end <= 0:
        return {}
    last = doc[end - 1]
    if last.ent_type_ and last.ent_iob_ != "O":
        entity = next((e for e in doc.ents if e.start <= last.i < e.end), None)
        if entity is not None:
            return _speaker(context, doc[entity.start : last.i + 1])
    start = end
    while start > 0 and end - start < _LABEL_TOKENS and (doc[start - 1].text[:1].isupper() or doc[start - 1].text.startswith("@")) \
            and not doc[start - 1].is_sent_start:
        start -= 1
    if start > 0 and doc[start - 1].is_sent_start and (doc[start - 1].text[:1].isupper() or doc[start - 1].text.startswith("@")):
        start -= 1
    name = doc[start:end]
    if not name or not all(t.pos_ == "PROPN" or t.text.startswith("@") or t.is_punct for t in name):
        return {}  # ("Protests [es] continued …:": no one's name)
    return _speaker(context, name)


def _embedded(token: Token) -> bool:
    """Whether a verb stands in a clause that qualifies a noun or is a subject, at any depth."""
    return any(t.dep_ in _QUALIFYING for t in (token, *token.ancestors))


def _many(span: SpacySpan) -> bool:
    """A speaker of many people ("some people", "netizens who …", "they", "many"), none of whom a
    post's label names."""
    root = span.root
    if root.tag_ in {"WP", "WDT"} and root.head.dep_ == "relcl":
        root = root.head.head  # "Singaporeans who found it hilariously ironic:"
    return root.tag_ in {"NNS", "NNPS"} and root.ent_type_ in {"", "NORP"} or root.lower_ in {"they", "them"} \
        or lexicons.table("subject_words").get(root.lower_) == "quantifier"


def _person_subject(verb: Token) -> bool:
    """Whether a line's main verb has one person, by name, for subject."""
    subject = subject_of(verb)
    return subject is not None and (subject.ent_type_ == "PERSON" or missed_person(mention_span(subject)) is not None) \
        and not any(c.dep_ == "conj" for c in subject.children)


def _introduces_anyway(verb: Token) -> bool:
    """A cue in a clause on a noun that still introduces what follows: it reports a clause ("from
    Ndagha who says Joyce Banda has started well …:"), or says what the line's subject does ("One
    politician, writing on the website, was harsh …:"), or has a subject of its own, a clause the
    parser hung on a noun ("blogger Omar tweeted …:"), or is a passive one on a message, with its
    agent ("a reply, tweeted by Bassem Sabry:")."""
    if any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
        return True
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.lemma_.lower() in lexicons.load("message_nouns") \
            and any(c.dep_ == "agent" for c in verb.children):
        # "X had a more powerful reply, tweeted by Egyptian blogger Bassem Sabry:": Sabry tweets it
        # (but "shared an article written by Y": who shares it speaks)
        return True
    if verb.dep_ == "acl" and verb.head.dep_ in {"nsubj", "nsubjpass"}:
        return True
    return any(c.dep_ == "nsubj" and c.tag_ not in {"WP", "WDT"} and c.lower_ != "that"
               and (_named(c) or c.pos_ == "PRON") for c in verb.children)  # (not "… a demonstration that the war continues:")


def _named(subject: Token | None) -> bool:
    """A subject that names someone, in the article's script: a person, an organisation or a
    group, or an account."""
    if subject is None or not latin(subject.text[0]):
        return False
    return subject.ent_type_ in {"PERSON", "ORG", "NORP"} or subject.text.startswith("@") \
        or subject.pos_ == "PROPN" and subject.ent_type_ not in {"GPE", "LOC", "FAC", "DATE", "EVENT"}


def _introducing(token: Token) -> bool:
    """The head of a line that introduces a quotation, however the parser read it: in "Farieha
    Aziz comments on BoloBhi:" it takes "comments" for a noun, in "X hopes that …" for "hop"."""
    if token.dep_ != "ROOT" or token.i == token.sent.start:
        return False
    return bool(word_forms(token) & _introducing_words())


def _gives_message(verb: Token) -> bool:
    """A verb whose object is a message: "offered more figures", "has a logical explanation"."""
    return verb.pos_ in {"VERB", "AUX"} and any(c.dep_ == "dobj" and c.lemma_.lower() in _message_nouns() for c in verb.children)


@lru_cache(maxsize=1)
def _introducing_words() -> frozenset[str]:
    return lexicons.cue_verbs() | lexicons.load("introducing_verbs")


@lru_cache(maxsize=1)
def _message_nouns() -> frozenset[str]:
    return lexicons.load("message_nouns") | lexicons.load("document_nouns") | lexicons.load("proposition_nouns")


def _named_before(context: DocContext, head: Token) -> dict[str, Any]:
    """The speaker of an introducing line the parser read as a noun phrase: the name it takes as
    a modifier ("Farieha Aziz" in "Farieha Aziz comments on BoloBhi:")."""
    modifiers = [c for c in head.children if c.dep_ in {"compound", "nsubj", "nmod"} and c.i < head.i
                 and not tag_mark(c)]
    if not modifiers:
        return {}
    return _speaker(context, context.doc[min(c.left_edge.i for c in modifiers) : max(c.right_edge.i for c in modifiers) + 1])


def _subject_above(context: DocContext, verb: Token) -> dict[str, Any]:
    """The speaker of a cue the parser hangs under another verb: "He began by saying:"."""
    for above in verb.ancestors:
        if above.pos_ in {"VERB", "AUX"}:
            subject = subject_of(above)
            if subject is None or context.in_quote[subject.i] >= 0 or subject.tag_ in {"WDT", "WP"}:
                return {}
            return _speaker(context, mention_span(subject))
    return {}


def _fragment_before(context: DocContext, verb: Token) -> dict[str, Any]:
    """The speaker of a cue without a subject whose line the parser cut before it, leaving a
    noun phrase with no verb ("Analyst … Jorge Castañeda (@JorgeGCastaneda) [es] | expressed that
    …:"): the person the fragment names last."""
    doc, sentence = context.doc, verb.sent
    if subject_of(verb) is not None or verb.i - sentence.start > _FRAGMENT_GAP or sentence.start == 0:
        return {}
    before = doc[sentence.start - 1].sent
    if before.root.pos_ not in {"NOUN", "PROPN"} or "\n" in doc[before.start : verb.i].text:
        return {}
    people = [e for e in before.ents if e.label_ == "PERSON" and context.in_quote[e.start] < 0]
    return _speaker(context, people[-1]) if people else {}


#: Most tokens before such a cue in what the parser made its sentence ("[es]").
_FRAGMENT_GAP = 4


def _speaker(context: DocContext, span: SpacySpan) -> dict[str, Any]:
    """The draft fields of a speaker mention that resolves to an actor; none if it does not."""
    speaker = context.resolver.resolve(span)
    return {"speaker_span": span, "speaker": speaker} if speaker is not None else {}
