"""Training material for the tagger: gold brat articles, parsed once, as feature docs with
BIO tags, cut at paragraph breaks into pieces small enough to batch well."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

from ..corpora.brat import GoldArticle
from ..corpora.spans import trim
from .bio import ROLES, TokenSpan, merge_gaps, spans_to_bio
from .features import USER_DATA_KEY, syntax_features

log = logging.getLogger(__name__)


@dataclass
class Prepared:
    """One parsed article: its tokens, syntax features and gold tags."""

    name: str
    text: str
    words: list[str]
    spaces: list[bool]
    features: numpy.ndarray
    tags: list[str]
    gold: tuple = ()  # the article's GoldAttribution records, for scoring

    def doc(self, vocab, start: int = 0, end: int | None = None) -> Doc:
        end = len(self.words) if end is None else end
        doc = Doc(vocab, words=self.words[start:end], spaces=self.spaces[start:end])
        doc.user_data[USER_DATA_KEY] = self.features[start:end]
        return doc

    def example(self, vocab, start: int = 0, end: int | None = None) -> Example:
        end = len(self.words) if end is None else end
        reference = Doc(vocab, words=self.words[start:end], spaces=self.spaces[start:end],
                        ents=self.tags[start:end])
        return Example(self.doc(vocab, start, end), reference)


def gold_token_spans(doc: Doc, article: GoldArticle) -> list[TokenSpan]:
    """The article's source, cue and content spans as token ranges of ``doc``; fragments
    split only by whitespace are one span, and each span is trimmed of edge punctuation."""
    spans = []
    for attribution in article.attributions:
        for role in ROLES:
            for fragment in merge_gaps(getattr(attribution, role), article.text):
                trimmed = trim(article.text, fragment)
                if trimmed is None:
                    continue
                span = doc.char_span(*trimmed, alignment_mode="expand")
                if span is not None and len(span):
                    spans.append((span.start, span.end, role.upper()))
    return spans


def prepare(articles: Sequence[GoldArticle], parser: Language, *, batch_size: int = 16) -> Iterator[Prepared]:
    """Parse each article once (one process) and pair its syntax features with gold tags."""
    texts = (article.text for article in articles)
    for article, doc in zip(articles, parser.pipe(texts, batch_size=batch_size)):
        tags = spans_to_bio(len(doc), gold_token_spans(doc, article))
        yield Prepared(article.name, article.text, [t.text for t in doc], [bool(t.whitespace_) for t in doc],
                       syntax_features(doc), tags, article.attributions)


def chunks(item: Prepared, size: int) -> list[tuple[int, int]]:
    """Token ranges of about ``size`` tokens, cut after a paragraph break and never inside a
    gold span (a quotation running over paragraphs stays whole)."""
    cuts, start = [], 0
    n = len(item.words)
    for i in range(1, n):
        paragraph_start = "\n" in item.words[i - 1]
        if i - start >= size and paragraph_start and not item.tags[i].startswith("I-"):
            cuts.append((start, i))
            start = i
    if start < n:
        cuts.append((start, n))
    return cuts


def examples(items: Iterable[Prepared], vocab, size: int) -> list[Example]:
    """Training examples: every article cut into chunks of about ``size`` tokens."""
    out = []
    for item in items:
        for start, end in chunks(item, size):
            out.append(item.example(vocab, start, end))
    return out
