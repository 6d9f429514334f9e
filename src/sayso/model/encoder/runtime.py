"""The exported encoder tagger at run time: ONNX Runtime, tokenizers and numpy, nothing else.

A model folder holds ``model.onnx`` (int8 weights), ``tokenizer.json`` and ``sayso.json`` (the
tag set, window and stride it was trained with); ``sayso train export`` writes one.
"""
from __future__ import annotations

import json
import os
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

import numpy
from spacy.tokens import Doc

from ...errors import ConfigError
from ...extractors.lookup import SentenceIndex
from ..bio import TokenSpan
from . import windows as W

MODEL = "model.onnx"
META = "sayso.json"
#: Texts tagged ahead (:meth:`EncoderTagger.prefetch`) and not yet asked for; past this many the
#: oldest is dropped (a batch whose parse failed leaves its texts here).
AHEAD = 256
#: Scoring threads (one ONNX Runtime thread each) that share an article's windows.
PARTS = 2


class EncoderTagger:
    """Source, cue and content spans of a text, in characters or over a spaCy Doc's tokens."""

    def __init__(self, folder: Path | str, model: str = MODEL, *, threads: int = 0, stride: int | None = None,
                 parts: int = 1) -> None:
        """``threads``: ONNX Runtime's intra-op threads (0: its default); ``stride``: the step
        between windows (default: the training run's; up to the window: less overlap, faster);
        ``parts``: scoring threads that share an article's windows, one window per call (1:
        batches of windows in the calling thread)."""
        folder = Path(folder)
        missing = [name for name in (model, "tokenizer.json", META) if not (folder / name).is_file()]
        if missing:
            raise ConfigError(f"encoder tagger folder {folder} lacks {', '.join(missing)}; "
                              "make one with `sayso train export`")
        try:
            import onnxruntime
        except ImportError:
            raise ConfigError("the encoder tagger needs onnxruntime: `pip install onnxruntime`") from None
        meta = json.loads((folder / META).read_text(encoding="utf-8"))
        if tuple(meta.get("tags", ())) != W.TAGS:
            raise ConfigError(f"{folder / META} has tags {meta.get('tags')}, this sayso reads {list(W.TAGS)}; "
                              "export the model again with this version")
        self.window = int(meta["window"])
        self.stride = min(self.window, stride or int(meta["stride"]))
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        self.session = onnxruntime.InferenceSession(str(folder / model), options, providers=["CPUExecutionProvider"])
        self.tokenizer = W.load_tokenizer(folder)
        self.specials = W.special_ids(self.tokenizer)
        self._pool = _ProcessPool(1, "sayso-tagger")
        self.parts = max(1, parts)
        self._scorers = _ProcessPool(self.parts, "sayso-scorer")
        self._ahead: dict[str, Future[list[W.CharSpan]]] = {}

    def prefetch(self, text: str) -> None:
        """Tag ``text`` in a background thread while the caller parses it: ONNX Runtime leaves
        Python's lock while it computes, so the tagger and spaCy's parser work on one core each;
        :meth:`char_spans` then takes the result."""
        if self._pool.stale():
            self._ahead = {}  # a forked worker's texts tagged ahead are its parent's
        if text in self._ahead:
            return
        while len(self._ahead) >= AHEAD:  # (another thread may take the oldest first)
            oldest = self._ahead.pop(next(iter(self._ahead), ""), None)
            if oldest is not None:
                oldest.cancel()
        self._ahead[text] = self._pool.get().submit(self._tag, text)

    def score(self, ids: numpy.ndarray, mask: numpy.ndarray) -> numpy.ndarray:
        """Per-piece logits of a batch of windows."""
        return self.session.run(["logits"], {"input_ids": ids, "attention_mask": mask})[0]

    def char_spans(self, text: str) -> list[W.CharSpan]:
        """The role spans of ``text`` as (start, end, label) character ranges (tagged ahead when
        :meth:`prefetch` was given it)."""
        ahead = self._ahead.pop(text, None)
        return ahead.result() if ahead is not None else self._tag(text)

    def _tag(self, text: str) -> list[W.CharSpan]:
        return self.decode(W.pieces(self.tokenizer, text))

    def decode(self, pieces: W.Pieces) -> list[W.CharSpan]:
        """The role spans of a text's wordpieces, scored as at run time."""
        if self.parts == 1:
            return W.decode(pieces, self.score, self.specials, window=self.window, stride=self.stride)
        # One window per call, the calls side by side: while the parser works the threads share
        # the cores, and when it waits for the tagger the tagger has them all. (A window scored
        # alone also scores the same whatever windows the article has beside it: int8 dynamic
        # quantisation scales each call's activations.)
        return W.decode(pieces, self.score, self.specials, window=self.window, stride=self.stride,
                        batch_size=1, mapper=self._scorers.get().map)

    def token_spans(self, doc: Doc, sentences: SentenceIndex | None = None) -> list[TokenSpan]:
        """The role spans over ``doc``'s tokens (what ``sayso.model.decode.link`` takes); a span
        ending inside a token takes the whole token, and spans that would then overlap keep the
        first. ``sentences`` lends its text, read once."""
        out: list[TokenSpan] = []
        for start, end, label in self.char_spans(sentences.text if sentences is not None else doc.text):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            if out and span.start < out[-1][1]:
                continue
            out.append((span.start, span.end, label))
        return out


class _ProcessPool:
    """A thread pool made on first use in each process: a forked worker makes its own, since
    threads do not survive a fork."""

    def __init__(self, workers: int, prefix: str) -> None:
        self.workers, self.prefix = workers, prefix
        self._pid: int | None = None
        self._pool: ThreadPoolExecutor | None = None

    def stale(self) -> bool:
        """Whether this process has no pool of its own yet."""
        return self._pool is None or self._pid != os.getpid()

    def get(self) -> ThreadPoolExecutor:
        """This process's pool."""
        pool = self._pool
        if pool is None or self.stale():
            pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix=self.prefix)
            self._pid, self._pool = os.getpid(), pool
        return pool


@lru_cache(maxsize=2)
def _cached(folder: str, model: str) -> EncoderTagger:
    # one ONNX Runtime thread per scorer: the tagger runs beside the parser (prefetch); two
    # intra-op threads each would make the pair slower than one after the other, while two
    # scorers of one thread keep both cores busy when the parser waits for the tagger
    return EncoderTagger(folder, model, threads=1, parts=PARTS)


def load_encoder_tagger(folder: Path | str, model: str = MODEL) -> EncoderTagger:
    """The tagger of an exported folder, loaded once per process (what an engine should call)."""
    return _cached(str(Path(folder).resolve()), model)
