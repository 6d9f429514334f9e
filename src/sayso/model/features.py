"""What the attribution tagger sees of a token: its word shape, and what the parse and the
quote marks say about it.

The tagger runs on a *feature doc*: a copy of the parsed article with the same tokens but no
parse and no sentence boundaries (spaCy's NER refuses entities that cross a sentence start,
and a quotation often does). The parse survives as hashed per-token features kept in
``doc.user_data``, which the registered embedding layer ``sayso.AttributionEmbed.v1`` reads
next to the lexical attributes.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, cast

import numpy
from spacy.attrs import intify_attr
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

from ..extractors import lexicons
from ..extractors.marks import find_regions

#: Key of the ``uint64[n_tokens, len(SYNTAX_FEATURES)]`` array in a feature doc's user_data.
USER_DATA_KEY = "sayso.attribution.features"

#: The per-token features computed from the parse, in column order.
SYNTAX_FEATURES = (
    "dep",        # dependency label: nsubj, ccomp, ...
    "tag",        # fine part of speech
    "ent",        # named-entity IOB and type: B-PERSON
    "quote",      # out / in / mark: inside quotation marks or a mark itself
    "cue",        # a reporting verb of sayso's lexicons, "according", or nothing
    "head",       # own label + what the head is: nsubj^cue, pobj^according
    "path",       # below the nearest cue verb above the token: ccomp, nsubj, ... (long range)
    "edge",       # first / last token of its sentence or paragraph
)


def syntax_features(doc: Doc) -> numpy.ndarray:
    """The ``SYNTAX_FEATURES`` of each token of a parsed doc, hashed to uint64."""
    cues = lexicons.cue_verbs()
    quote = _quote_states(doc)
    is_cue = [t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in cues and t.dep_ != "amod" for t in doc]
    array = numpy.zeros((len(doc), len(SYNTAX_FEATURES)), dtype="uint64")
    for token in doc:
        head = token.head
        head_kind = "root" if head.i == token.i else "cue" if is_cue[head.i] else \
            "according" if head.lower_ in {"according", "to"} and head.i > 0 and doc[head.i - 1].lower_ == "according" \
            else head.pos_
        cue = "cue" if is_cue[token.i] else "according" if token.lower_ == "according" else "-"
        row = (
            token.dep_ or "-",
            token.tag_ or "-",
            f"{token.ent_iob_}-{token.ent_type_}" if token.ent_type_ else "O",
            quote[token.i],
            cue,
            f"{token.dep_}^{head_kind}",
            _path_to_cue(token, is_cue),
            _edge(token),
        )
        array[token.i] = [hash_string(f"{name}={value}") for name, value in zip(SYNTAX_FEATURES, row)]
    return array


def _quote_states(doc: Doc) -> list[str]:
    states = ["out"] * len(doc)
    for region in find_regions(doc.text):
        span = doc.char_span(region.start, region.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            inner = region.inner_start <= token.idx < region.inner_end
            states[token.i] = "in" if inner else "mark"
    return states


def _path_to_cue(token, is_cue: list[bool]) -> str:
    """ "He said [the plan will fail]": every word of the reported clause is under the cue's
    ccomp, however far it is from the verb."""
    child = token
    for ancestor in token.ancestors:
        if is_cue[ancestor.i]:
            return f"{child.dep_}>{'L' if token.i < ancestor.i else 'R'}"
        child = ancestor
    return "-"


def _edge(token) -> str:
    doc = token.doc
    if "\n" in token.text:
        return "break"
    previous = doc[token.i - 1] if token.i > 0 else None
    if previous is None or "\n" in previous.text or "\n" in previous.whitespace_:
        return "para-start"
    if token.is_sent_start:
        return "sent-start"
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is None or following.is_sent_start:
        return "sent-end"
    return "-"


def feature_doc(parsed: Doc, vocab) -> Doc:
    """The tokens of ``parsed`` in ``vocab``, without parse or sentences, with its syntax
    features in user_data: what the attribution tagger reads."""
    return next(feature_docs(parsed, vocab, [(0, len(parsed))]))


def feature_docs(parsed: Doc, vocab, bounds: Sequence[tuple[int, int]]) -> Iterator[Doc]:
    """One feature doc (see :func:`feature_doc`) per token range of ``bounds``; the syntax
    features are read off the whole parsed doc."""
    features = syntax_features(parsed)
    for start, end in bounds:
        tokens = parsed[start:end]
        doc = Doc(vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens])
        doc.user_data[USER_DATA_KEY] = features[start:end]
        yield doc


def _extract(model: Model, docs: list[Doc], is_train: bool):
    columns = model.attrs["columns"]
    out = []
    for doc in docs:
        lexical = doc.to_array(columns).reshape((len(doc), len(columns))).astype("uint64")
        syntax = doc.user_data.get(USER_DATA_KEY)
        if syntax is None or len(syntax) != len(doc):
            syntax = numpy.zeros((len(doc), len(SYNTAX_FEATURES)), dtype="uint64")
        out.append(model.ops.asarray2i(cast(Ints2d, numpy.hstack([lexical, syntax])), dtype="uint64"))
    return out, lambda d_features: []


@registry.architectures("sayso.AttributionEmbed.v1")
def attribution_embed(width: int, attrs: list[str], rows: list[int], syntax_rows: int) -> Model[list[Doc], list[Floats2d]]:
    """Hash embeddings of lexical attributes (NORM, PREFIX, ...) and of every syntax feature,
    mixed by one Maxout layer: spaCy's MultiHashEmbed with the parse's features added."""
    columns = [intify_attr(a) for a in attrs]
    extractor: Model[list[Doc], list[Ints2d]] = Model("sayso_features", _extract, attrs={"columns": columns})
    sizes = list(rows) + [syntax_rows] * len(SYNTAX_FEATURES)
    embeddings: list[Model] = [HashEmbed(width, n, column=i, seed=11 + i, dropout=0.0) for i, n in enumerate(sizes)]
    mix: Model = with_array(Maxout(width, width * len(embeddings), nP=3, dropout=0.0, normalize=True))
    return chain(extractor, list2ragged(), with_array(concatenate(*embeddings)), mix, ragged2list())


def describe() -> dict[str, Any]:
    """The feature set, for the model's meta.json."""
    return {"syntax_features": list(SYNTAX_FEATURES)}
