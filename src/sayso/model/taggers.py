"""The attribution taggers an engine can run, behind one interface: source, cue and content
spans over a parsed article's tokens.

- :class:`SpacyTagger`: spaCy's NER component over a CNN tok2vec with the parse as features
  (``sayso train polnear``; a spaCy pipeline folder).
- :class:`~sayso.model.encoder.runtime.EncoderTagger`: a fine-tuned transformer encoder run by
  ONNX Runtime (``sayso train polnear --encoder`` then ``sayso train export``).
"""
from __future__ import annotations

from typing import Protocol

from spacy.language import Language
from spacy.tokens import Doc

from ..extractors.lookup import SentenceIndex
from ..nlp import CHUNK_CHARS, chunk_bounds
from .bio import TokenSpan, bio_to_spans


class Tagger(Protocol):
    """What an engine asks of a tagger."""

    def token_spans(self, doc: Doc, sentences: SentenceIndex | None = None) -> list[TokenSpan]:
        """``(start, end, LABEL)`` token ranges of ``doc`` (labels SOURCE, CUE, CONTENT)."""
        ...

    def prefetch(self, text: str) -> None:
        """Start on ``text`` before it is parsed, if the tagger reads raw text."""
        ...


class SpacyTagger:
    """The spaCy pipeline tagger (NER over sayso's token features)."""

    def __init__(self, nlp: Language, chunk: int = CHUNK_CHARS) -> None:
        self.nlp = nlp
        self.chunk = chunk

    def prefetch(self, text: str) -> None:
        """Nothing: this tagger's features are the parse's."""

    def token_spans(self, doc: Doc, sentences: SentenceIndex | None = None) -> list[TokenSpan]:
        """A doc longer than ``chunk`` characters is tagged in paragraph-aligned pieces, one at a
        time: the tagger keeps state for every token of what it reads at once."""
        from .features import feature_docs

        sentences = sentences if sentences is not None else SentenceIndex(doc)
        cuts = [sentences.token_at(start) for start, _ in chunk_bounds(sentences.text, self.chunk)[1:]]
        bounds = list(zip([0, *cuts], [*cuts, len(doc)]))
        labels = []
        for tagged in self.nlp.pipe(feature_docs(doc, self.nlp.vocab, bounds), batch_size=1):
            labels += [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in {"B", "I"} else "O" for t in tagged]
        return bio_to_spans(labels)
