"""Names and titles in quotation marks: the words a text gives a thing or a work as its name are
no statement of anyone's ('named their robot "Robogee"', 'a documentary entitled "America's
Dangerous Game"', 'in a recent blog post, "The Failed US Policy in Yemen":')."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..types import QuoteKind
from . import lexicons
from .drafts import Draft
from .paragraphs import CLOSING_MARKS, OPENING_MARKS

#: Short words a title leaves in lower case ("Policy in Yemen", "Speaks out about the …").
_MINOR = 4
#: A title is a phrase, not a passage.
_LONGEST = 16


def naming(draft: Draft, verb: Token | None) -> bool:
    """Quoted words that a naming verb gives a thing are its name: 'named their robot
    "Robogee"'."""
    return draft.kind in {QuoteKind.MIXED, QuoteKind.PARTIAL} and verb is not None \
        and verb.lemma_.lower() in lexicons.load("naming_verbs")


def title(content: SpacySpan, verb: Token | None) -> bool:
    """Words a naming participle gives a work are its title, whatever cue is near: 'in a post
    titled "Rashidi Yekini 1963-2012" said:', 'wrote a post entitled "Hunger in Yemen"'."""
    head = content.root.head
    return head != verb and head.dep_ in {"acl", "amod"} and content.root.dep_ in {"oprd", "dobj", "attr", "xcomp"} \
        and head.lemma_.lower() in lexicons.load("naming_verbs") and not content.start <= head.i < content.end


def titled_work(content: SpacySpan, text: str) -> bool:
    """A quotation right after a naming word ('entitled "…"', however the parser attaches it),
    or a title-cased quotation right after the work it names ('a recent blog post, "The Failed
    US Policy in Yemen"'). ``text`` is the doc's text (spaCy joins it anew on each access)."""
    doc = content.doc
    start = content.start_char
    if start == 0 or text[start - 1] not in OPENING_MARKS:
        return False
    before = content.start - 1
    while before >= 0 and (doc[before].is_punct or doc[before].is_space or doc[before].text in OPENING_MARKS) \
            and doc[before].lower_ not in POSSESSIVE:
        if "\n" in doc[before].text:
            return False
        before -= 1
    if before < 0:
        return False
    word = doc[before]
    if word.lemma_.lower() in lexicons.load("naming_verbs") and word.tag_ in {"VBN", "VBD"}:
        return True
    if word.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lemma_.lower() in _LABELS for c in word.children) \
            or word.lower_ == "text" and before > 1 and doc[before - 1].lower_ == "the" and doc[before - 2].lower_ == "with":
        # 'The title of the post is "Whose Mercenary Was Ángyán?"', 'stickers with the text "Who
        # is Lajos Simicska?"': words printed as a label, not said
        return True
    if (word.lower_ in lexicons.load("determiners") or word.lower_ in POSSESSIVE) and _title_case(content) \
            and not any(t.pos_ in {"VERB", "AUX"} for t in content):
        # 'The "Federally Administered Tribal Areas Reforms Bill, 2018", seeking …', 'WTMJ's
        # "Midday with Charlie Sykes"': a name
        return True
    if _title_case(content) and (word.lower_ in _LIST_WORDS or _listed(content, text)):
        return True  # 'roles in "How the Grinch Stole Christmas," "Apollo 13," and "Austin Powers"'
    if word.lemma_.lower() in _PERFORMING and _title_case(content, shortest=1):
        return True  # 'Eskenderella performs "Ya Falisteeniya"': a song
    if word.lemma_.lower() in _WORDS_FOR_WORDS and word.dep_ in {"nsubj", "nsubjpass", "pobj", "appos"}:
        return True  # 'the phrase "Día del Trabajo" became a Trending Topic': words spoken of, not said
    # 'the documentary "Weiner."', 'on the podcast "Here's the Thing."'
    return bool({word.lemma_.lower(), word.lower_} & _works()) and _title_case(content, shortest=1)


#: Nouns for words, whose quoted words are spoken of ("the phrase", "the hashtag").
_WORDS_FOR_WORDS = frozenset({"phrase", "word", "term", "expression", "slogan", "motto", "hashtag"})
#: Verbs of performing a work, whose quoted title-cased object is its title.
_PERFORMING = frozenset({"perform", "sing", "play", "recite"})
#: Nouns of a text's label, whose quoted words are a name, not a statement.
_LABELS = frozenset({"title", "headline", "caption", "hashtag", "inscription", "subtitle"})
#: The possessive ending, which the parser may tag as a closing quotation mark ("WTMJ’s").
POSSESSIVE = frozenset({"'s", "’s"})
#: Words before a quoted title in a list or a setting: 'starred in "Apollo 13"', '… and "Heat"'.
_LIST_WORDS = frozenset({"in", "and", "or"})


def _listed(content: SpacySpan, text: str) -> bool:
    """Whether another quotation follows the content's closing mark with only a comma between:
    '"How the Grinch Stole Christmas," "Apollo 13," and …'."""
    after = text[content.end_char : content.end_char + 8].lstrip(",.")
    return after[:1] in CLOSING_MARKS and after[1:].lstrip(", ").startswith(("“", "\"", "and “", "and \"", "or “"))


def title_line(content: SpacySpan) -> bool:
    """A paragraph that is a heading: title-cased words that do not end as a sentence does
    ("US Covert Action in Yemen 2001-2012" over a table of figures)."""
    return _title_case(content) and not any(t.pos_ in {"VERB", "AUX"} for t in content) \
        and content.text.rstrip()[-1:] not in {".", "!", "?", "…", "\"", "”", "’", "'", ":", ","} \
        and content[0].lower_ != "dear"  # "Dear President Obama": a letter's salutation


@lru_cache(maxsize=1)
def _works() -> frozenset[str]:
    return lexicons.load("document_nouns") | lexicons.load("work_nouns")


def _title_case(content: SpacySpan, shortest: int = 2) -> bool:
    """Most words capitalised, as titles are ("The Failed US Policy in Yemen"); at least
    ``shortest`` words."""
    words = [t.text for t in content if t.is_alpha]
    major = [w for w in words if len(w) >= _MINOR or w[0].isupper()]
    return shortest <= len(words) <= _LONGEST and len(major) >= shortest \
        and sum(w[0].isupper() for w in major) >= 0.75 * len(major) and words[0][0].isupper()


def without_titles(doc: Doc, text: str, draft: Draft) -> Draft | None:
    """A quotation in parts without the parts that are titles ('In a post entitled "…", X said:
    "…"' is X's one quotation after the title); ``None`` when nothing else is left."""
    if len(draft.parts) < 2:
        return draft
    parts = []
    for start, end in draft.parts:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not titled_work(span, text):
            parts.append((start, end))
    if len(parts) == len(draft.parts):
        return draft
    if not parts:
        return None
    return replace(draft, start=parts[0][0], end=parts[-1][1], parts=tuple(parts) if len(parts) > 1 else ())
