"""Quoted regions read once per article: the words inside, the reporting verb that governs them,
and whether they are a title or scare quote rather than somebody's statement.

Every engine reports the scare quotes (``scare_regions``); the rule engine also reads its direct
quotes from the same readings, so a region is judged one way whichever engine runs.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from .marks import QuoteRegion

if TYPE_CHECKING:
    from .context import DocContext

#: A quotation of at most this many words, with no cue and not ending a sentence, is a title or
#: scare quote: the paper called it "a success"; a longer one is somebody's statement.
FRAGMENT_WORDS = 6
_SENTENCE_END = ".?!…"
#: How far before a region "so-called" may end, in characters ("so-called  “peace” talks").
_SO_CALLED_REACH = 12
#: How far back, in characters, the word before a quotation is looked for.
_LOOK_BACK = 40
#: The most characters between a quotation and a cue with nothing but its speaker between:
#: "…," said the ministry's spokeswoman Hala Ahmed.
_ADJACENT_GAP = 60


@dataclass(frozen=True)
class Quotation:
    """A quoted region as the article uses it: ``region`` without trailing ",;: " inside the
    marks, its ``tokens``, the ``verb`` that reports it, its ``words`` (punctuation left out),
    whether it ``ends_sentence``, and whether it is a title or scare quote (``scare``)."""

    region: QuoteRegion
    tokens: tuple[Token, ...]
    verb: Token | None
    words: int
    ends_sentence: bool
    scare: bool


def read_quotation(context: DocContext, region: QuoteRegion) -> Quotation | None:
    """How a region reads: None when it holds no words."""
    text = context.text
    # "We will not back down," he said: the comma belongs to the sentence, not the quote.
    ends_sentence = text[region.inner_end - 1] in _SENTENCE_END + ","
    inner_end = region.inner_end
    while inner_end > region.inner_start + 1 and text[inner_end - 1] in ",;: ":
        inner_end -= 1
    region = replace(region, inner_end=inner_end)
    tokens = tokens_in(context.doc, region.inner_start, region.inner_end)
    if not tokens:
        return None
    if text[max(0, region.start - _SO_CALLED_REACH) : region.start].rstrip().lower().endswith(("so-called", "so called")):
        # so-called "peace" talks: the writer's distance, no statement.
        return Quotation(region, tuple(tokens), None, 0, ends_sentence, scare=True)
    verb = cue_near(context, region, tokens)
    words = sum(1 for t in tokens if not t.is_punct)
    scare = verb is None and (words <= FRAGMENT_WORDS and not ends_sentence or _embedded(text, region))
    return Quotation(region, tuple(tokens), verb, words, ends_sentence, scare)


def _embedded(text: str, region: QuoteRegion) -> bool:
    """Whether a quotation goes on the writer's sentence, right after a word and in lower case:
    'The plan would be funded by "closing tax loopholes and expenditures for the most fortunate."'."""
    before = text[max(0, region.start - _LOOK_BACK) : region.start].rstrip()
    return bool(before) and before[-1].isalnum() and text[region.inner_start : region.inner_start + 1].islower()


def scare_regions(context: DocContext) -> list[QuoteRegion]:
    """The regions that are titles or scare quotes, in text order."""
    return [q.region for q in context.quotations if q is not None and q.scare]


def cue_near(context: DocContext, region: QuoteRegion, tokens: list[Token]) -> Token | None:
    """The reporting verb that governs a quoted region, in its sentences or next to them."""
    doc = context.doc
    sentence = context.sentences.sentence
    first, last = sentence(tokens[0].i), sentence(tokens[-1].i)
    sentences = {first.start: first, last.start: last}
    if last.end < len(doc):
        after = sentence(last.end)
        sentences[after.start] = after
    if first.start > 0:
        before = sentence(first.start - 1)
        if before[-1].text in {":", ","} or (len(before) > 1 and before[-2].text == ":"):
            sentences[before.start] = before
    inside = {t.i for t in tokens}
    best: tuple[bool, int, Token] | None = None
    for sent in sentences.values():
        for token in sent:
            if context.in_quote[token.i] >= 0 or not context.is_cue(token):
                continue
            governs = any(token in t.ancestors for t in tokens) or token.head.i in inside
            adjacent = _adjacent(context.text, region, token)
            if not (governs or adjacent and not _owns_next(context, region, token)):
                continue
            # The verb the quotation hangs from wins over one that is only next to it: 'an official
            # said Wednesday, "…" The aide declined to …'; but a cue right after the comma that
            # closes it is its own, whatever the parser hung on a verb further on: '"I never said
            # that," Trump said, after Quick said …'.
            attributed = governs or adjacent and token.idx >= region.end \
                and "," in context.text[region.inner_end - 1 : region.end]
            distance = min(abs(token.idx - region.end), abs(region.start - token.idx))
            if best is None or (not attributed, distance) < best[:2]:
                best = (not attributed, distance, token)
    return None if best is None else best[2]


def _owns_next(context: DocContext, region: QuoteRegion, verb: Token) -> bool:
    """Whether a verb after a quotation closed by a period reports a quotation of its own sentence
    instead: '"… the voters." Asked what that might look like, she said: "…"' (but '"… both."
    Morin said.' is the first quotation's)."""
    if verb.idx < region.end or context.text[region.inner_end - 1] != ".":
        return False
    end = context.sentences.sentence(verb.i).end_char
    k = bisect_right(context.region_starts, verb.idx)
    return k < len(context.region_starts) and context.region_starts[k] < end


def _adjacent(text: str, region: QuoteRegion, verb: Token) -> bool:
    """ "…," said Smith. / Smith said: "…" — nothing but the speaker between quote and cue."""
    if verb.idx >= region.end:
        gap = text[region.end : verb.idx]
    else:
        gap = text[verb.idx + len(verb.text) : region.start]
    return len(gap) <= _ADJACENT_GAP and "\n" not in gap and not any(ch in gap for ch in ".?!")


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens that overlap characters [start, end), white space left out."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return [] if span is None else [t for t in span if not t.is_space]
