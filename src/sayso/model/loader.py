"""Load the trained tagger once per process, lazily: nothing is read until an engine needs it.

A model folder holds either tagger (:mod:`sayso.model.taggers`): an exported encoder
(``model.onnx``, ``tokenizer.json``, ``sayso.json``) or a spaCy pipeline (``config.cfg``, ``ner/``).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError
from .taggers import SpacyTagger, Tagger

#: Where the weights ship inside the package, the preferred first: the encoder, then the
#: spaCy tagger.
ENCODER_PACKAGED = Path(__file__).with_name("encoder_weights")
PACKAGED = Path(__file__).with_name("weights")
HOW_TO_TRAIN = ("train it with `sayso train polnear PATH/TO/polnear --out src/sayso/model/weights` "
                "(then reinstall sayso), set SAYSO_ATTRIBUTION_MODEL to a trained model folder, "
                "or use --engine rules")


def kind(folder: Path) -> str | None:
    """``encoder``, ``spacy`` or None: which tagger a folder holds."""
    if (folder / "model.onnx").is_file() and (folder / "sayso.json").is_file():
        return "encoder"
    if (folder / "config.cfg").is_file() and (folder / "ner").is_dir():
        return "spacy"
    return None


def model_path(path: Path | str | None = None) -> Path:
    """The model folder to use: ``path`` (the ``attribution_model`` option), else the first
    packaged folder that holds a model."""
    if path:
        return Path(path)
    return next((folder for folder in (ENCODER_PACKAGED, PACKAGED) if kind(folder)), PACKAGED)


def available(path: Path | str | None = None) -> bool:
    """Whether trained weights are there to load."""
    return kind(model_path(path)) is not None


@lru_cache(maxsize=2)
def _load(folder: str) -> Tagger:
    if kind(Path(folder)) == "encoder":
        from .encoder.runtime import load_encoder_tagger

        return load_encoder_tagger(folder)
    import spacy

    from . import features  # noqa: F401  (registers sayso.AttributionEmbed.v1)

    try:
        return SpacyTagger(spacy.load(folder))
    except Exception as exc:  # a truncated copy, weights of another spaCy version
        raise ConfigError(f"cannot load the attribution model in {folder} ({exc}); {HOW_TO_TRAIN}") from exc


def load_tagger(path: Path | str | None = None) -> Tagger:
    """The trained source/cue/content tagger; :class:`ConfigError` telling how to train one
    when its weights are absent."""
    folder = model_path(path)
    if not available(folder):
        raise ConfigError(f"the trained attribution model is not installed (no weights in {folder}); {HOW_TO_TRAIN}")
    return _load(str(folder.resolve()))
