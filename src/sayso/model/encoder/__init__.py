"""A fine-tuned transformer encoder as the attribution tagger.

Training (``train.py``, ``export.py``) needs the ``train`` extra (torch, transformers); running
the exported model (``runtime.py``) needs only onnxruntime, tokenizers and numpy. Both share
``windows.py``: wordpieces aligned to characters, overlapping windows over long articles, and a
BIO-constrained Viterbi decode of the window-averaged scores.
"""
from __future__ import annotations
