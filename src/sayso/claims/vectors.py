"""The sentence vectors of propositions: read from the store when kept there, encoded otherwise.

Encoding is most of what a claim search costs (all-MiniLM-L6 on one core: a few hundred
sentences a second), so each vector is encoded once and kept in the store's
``proposition_vectors`` table, keyed by quote id and proposition index, with the sentence it
encodes: a later search reads it, and a sentence that changed since (its subject resolved to
another actor's name) is encoded again. A read-only store is not written; its vectors are kept
in memory for the life of the process instead (a server's pages).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import numpy as np

from ..errors import StoreError
from ..store import Store
from ..store.vectors import save_vectors, stored_vectors
from . import embeddings

_DTYPE = np.dtype("<f2")  # float16: half the size, cosines unchanged to 3 decimals
_MEMORY: dict[str, np.ndarray] = {}  # sentence → vector, kept across searches of one process
_KEPT = 50_000


def vectors(store: Store, keys: Sequence[tuple[int, int]], sentences: Sequence[str]) -> np.ndarray:
    """One unit vector per (quote id, proposition index) key for the sentence given with it
    (rows in the order given), from the store where it keeps that sentence's vector."""
    out = np.zeros((len(keys), embeddings.DIMENSIONS), dtype=np.float32)
    kept = _stored(store, {quote for quote, _ in keys})
    missing: dict[str, list[int]] = {}
    for row, (key, sentence) in enumerate(zip(keys, sentences)):
        found = kept.get(key)
        if found is not None and found[0] == sentence:
            out[row] = found[1]
        elif sentence in _MEMORY:
            out[row] = _MEMORY[sentence]
            missing.setdefault(sentence, []).append(row)
        else:
            missing.setdefault(sentence, []).append(row)
    new = [s for s in missing if s not in _MEMORY]
    if new:
        if len(_MEMORY) + len(new) > _KEPT:
            _MEMORY.clear()
        for sentence, vector in zip(new, embeddings.encoder().encode(new)):
            _MEMORY[sentence] = vector.astype(_DTYPE).astype(np.float32)  # as it reads back from the store
    for sentence, rows in missing.items():
        out[rows] = _MEMORY[sentence]
    _save(store, [(keys[r][0], keys[r][1], s, out[r]) for s, rows in missing.items() for r in rows])
    return out


def _stored(store: Store, quotes: set[int]) -> dict[tuple[int, int], tuple[str, np.ndarray]]:
    found: dict[tuple[int, int], tuple[str, np.ndarray]] = {}
    for quote, index, sentence, blob in stored_vectors(store, quotes):
        vector = np.frombuffer(blob, dtype=_DTYPE)
        if vector.shape == (embeddings.DIMENSIONS,):
            found[(quote, index)] = (sentence, vector.astype(np.float32))
    return found


def _save(store: Store, rows: list[tuple[int, int, str, np.ndarray]]) -> None:
    """Keep new vectors in the store when it can be written (a read-only store keeps none)."""
    if not rows or store.readonly:
        return
    try:
        save_vectors(store, [(q, i, s, v.astype(_DTYPE).tobytes()) for q, i, s, v in rows])
    except (sqlite3.Error, StoreError):
        pass  # read-only after all (a query-only connection, a write-protected file): kept in memory
