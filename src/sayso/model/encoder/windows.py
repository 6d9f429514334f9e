"""Wordpieces, windows and decoding shared by training and run time (numpy only).

An article is tokenized once into wordpieces with character offsets. The encoder reads it in
overlapping windows; each wordpiece's label scores are averaged over the windows that hold
it (weighted towards the window middle, where it sees context on both sides), and a Viterbi
pass that forbids ``I-X`` after anything but ``B-X``/``I-X`` turns them into well-formed spans.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy

from ..bio import LABELS, merge_gaps

#: The label set of the token classifier: one BIO layer over the three roles.
TAGS = ("O",) + tuple(f"{prefix}-{label}" for label in LABELS for prefix in ("B", "I"))
#: Label index ignored by the loss (special and padding positions).
IGNORE = -100
#: Wordpieces per window (the encoder adds [CLS] and [SEP]) and the step between windows.
WINDOW, STRIDE = 254, 128

#: (start char, end char, label): a role span in characters.
CharSpan = tuple[int, int, str]
#: Scores of a batch of windows: ``(ids [b, n], mask [b, n]) -> scores [b, n, len(TAGS)]``.
ScoreFn = Callable[[numpy.ndarray, numpy.ndarray], numpy.ndarray]
#: ``map`` or a thread pool's ``map``: applies a function to each batch of windows, in order.
Mapper = Callable[[Callable[[list[int]], numpy.ndarray], Iterable[list[int]]], Iterable[numpy.ndarray]]


@dataclass(frozen=True)
class Pieces:
    """An article's wordpieces: vocabulary ids and character offsets, specials excluded."""

    ids: numpy.ndarray  # int64 [n]
    offsets: numpy.ndarray  # int64 [n, 2]

    def __len__(self) -> int:
        return len(self.ids)


def load_tokenizer(folder: Path):
    """A model folder's fast tokenizer (its tokenizer.json), without truncation or padding."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(Path(folder) / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def pieces(tokenizer, text: str) -> Pieces:
    """The wordpieces of ``text`` by a ``tokenizers.Tokenizer``, without special tokens."""
    encoding = tokenizer.encode(text, add_special_tokens=False)
    # each attribute access copies the whole list out of the encoding: read each once
    all_ids, all_offsets = encoding.ids, encoding.offsets
    keep = [i for i, (s, e) in enumerate(all_offsets) if e > s]
    ids = numpy.asarray([all_ids[i] for i in keep], dtype="int64")
    offsets = numpy.asarray([all_offsets[i] for i in keep], dtype="int64").reshape(-1, 2)
    return Pieces(ids, offsets)


def special_ids(tokenizer) -> tuple[int, int, int]:
    """The ids of [CLS], [SEP] and [PAD] (BERT's names; ``<s>``, ``</s>``, ``<pad>`` otherwise)."""
    def first(*names: str) -> int:
        for name in names:
            found = tokenizer.token_to_id(name)
            if found is not None:
                return found
        raise ValueError(f"the tokenizer has none of {names}")

    return first("[CLS]", "<s>"), first("[SEP]", "</s>"), first("[PAD]", "<pad>")


def gold_char_spans(text: str, attributions: Iterable, cut_at_breaks: bool = False) -> list[CharSpan]:
    """The gold source, cue and content spans of an article in characters: fragments split only
    by whitespace joined, each trimmed of edge punctuation as the scorer trims them. With
    ``cut_at_breaks``, a span never runs over a line break: a post and its translation, two
    paragraphs of one content, are two spans (which the engine joins again)."""
    from ...corpora.spans import trim

    spans = []
    for attribution in attributions:
        for label in LABELS:
            for fragment in merge_gaps(getattr(attribution, label.lower()), text):
                for piece in _lines(text, fragment) if cut_at_breaks else (fragment,):
                    trimmed = trim(text, piece)
                    if trimmed is not None:
                        spans.append((*trimmed, label))
    return spans


def _lines(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A span cut at each line break inside it."""
    start, end = span
    pieces = []
    while (found := text.find("\n", start, end)) >= 0:
        pieces.append((start, found))
        start = found + 1
    pieces.append((start, end))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


def piece_tags(article: Pieces, spans: Iterable[CharSpan]) -> numpy.ndarray:
    """A tag index (into ``TAGS``) per wordpiece: a span's first overlapping piece is ``B-``,
    the rest ``I-``; a span overlapping one already placed (longest first) is dropped."""
    tags = numpy.zeros(len(article), dtype="int64")
    starts, ends = article.offsets[:, 0], article.offsets[:, 1]
    for start, end, label in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        inside = numpy.nonzero((starts < end) & (ends > start))[0]
        if not len(inside) or tags[inside].any():
            continue
        tags[inside[0]] = TAGS.index(f"B-{label}")
        tags[inside[1:]] = TAGS.index(f"I-{label}")
    return tags


def window_starts(n: int, window: int = WINDOW, stride: int = STRIDE) -> list[int]:
    """Starts of overlapping windows covering ``n`` pieces; the last one ends at ``n``."""
    if n <= window:
        return [0]
    starts = list(range(0, n - window, stride))
    return starts + [n - window]


def batch(windows: Sequence[numpy.ndarray], specials: tuple[int, int, int],
          length: int | None = None) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Input ids and attention mask for windows of piece ids: ``[CLS] ids [SEP]``, padded."""
    cls, sep, pad = specials
    width = length or max(len(w) for w in windows) + 2
    ids = numpy.full((len(windows), width), pad, dtype="int64")
    mask = numpy.zeros((len(windows), width), dtype="int64")
    for row, window in enumerate(windows):
        ids[row, : len(window) + 2] = [cls, *window.tolist(), sep]
        mask[row, : len(window) + 2] = 1
    return ids, mask


def _log_softmax(x: numpy.ndarray) -> numpy.ndarray:
    x = x - x.max(axis=-1, keepdims=True)
    return x - numpy.log(numpy.exp(x).sum(axis=-1, keepdims=True))


def article_scores(article: Pieces, score: ScoreFn, specials: tuple[int, int, int], *,
                   window: int = WINDOW, stride: int = STRIDE, batch_size: int = 8,
                   mapper: Mapper = map) -> numpy.ndarray:
    """Log-probabilities ``[n, len(TAGS)]`` of each wordpiece, averaged over the windows holding
    it, each weighted by its distance to the window's nearer edge (more context, more weight).
    The windows go to ``score`` in batches of ``batch_size`` through ``mapper`` (a thread pool's
    ``map`` scores them side by side)."""
    n = len(article)
    total = numpy.zeros((n, len(TAGS)), dtype="float64")
    weight = numpy.zeros(n, dtype="float64")
    starts = window_starts(n, window, stride)
    groups = [starts[first : first + batch_size] for first in range(0, len(starts), batch_size)]

    def run(group: list[int]) -> numpy.ndarray:
        return numpy.asarray(score(*batch([article.ids[s : s + window] for s in group], specials)), dtype="float64")

    for group, logits in zip(groups, mapper(run, groups)):
        for row, start in enumerate(group):
            size = min(window, n - start)
            edge = numpy.minimum(numpy.arange(size), numpy.arange(size)[::-1]) + 1.0
            weights = numpy.minimum(edge, stride / 2) if len(starts) > 1 else numpy.ones(size)
            total[start : start + size] += weights[:, None] * _log_softmax(logits[row, 1 : size + 1])
            weight[start : start + size] += weights
    return total / numpy.maximum(weight, 1e-9)[:, None]


def _allowed() -> numpy.ndarray:
    """``allowed[i, j]``: whether tag j may follow tag i (I-X only after B-X or I-X)."""
    allowed = numpy.ones((len(TAGS), len(TAGS)), dtype=bool)
    for j, tag in enumerate(TAGS):
        if tag.startswith("I-"):
            label = tag[2:]
            allowed[:, j] = [t in {f"B-{label}", f"I-{label}"} for t in TAGS]
    return allowed


_TRANSITIONS = numpy.where(_allowed(), 0.0, -numpy.inf)
_OPENING = numpy.array([0.0 if not t.startswith("I-") else -numpy.inf for t in TAGS])


def viterbi(scores: numpy.ndarray) -> list[int]:
    """The best tag sequence under the BIO constraint for per-piece log-scores ``[n, tags]``."""
    n = len(scores)
    if not n:
        return []
    back = numpy.zeros((n, len(TAGS)), dtype="int64")
    best = scores[0] + _OPENING
    for i in range(1, n):
        candidates = best[:, None] + _TRANSITIONS
        back[i] = candidates.argmax(axis=0)
        best = candidates.max(axis=0) + scores[i]
    path = [int(best.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return path[::-1]


def char_spans(article: Pieces, tags: Sequence[int]) -> list[CharSpan]:
    """Role spans in characters from one tag index per wordpiece."""
    spans: list[CharSpan] = []
    start = label = None
    for i, index in enumerate(list(tags) + [0]):
        tag = TAGS[index]
        if tag.startswith("I-") and label == tag[2:]:
            continue
        if label is not None:
            spans.append((int(article.offsets[start, 0]), int(article.offsets[i - 1, 1]), label))
            start = label = None
        if tag != "O":
            start, label = i, tag[2:]
    return spans


def decode(article: Pieces, score: ScoreFn, specials: tuple[int, int, int], **options) -> list[CharSpan]:
    """The article's role spans in characters: window-averaged scores, constrained Viterbi."""
    if not len(article):
        return []
    return char_spans(article, viterbi(article_scores(article, score, specials, **options)))
