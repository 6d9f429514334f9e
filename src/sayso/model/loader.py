"""Load the trained tagger once per process, lazily: nothing is read until an engine needs it."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.language import Language

from .. import settings
from ..errors import ConfigError

#: Where the weights ship inside the package.
PACKAGED = Path(__file__).with_name("weights")
HOW_TO_TRAIN = ("train it with `sayso train polnear PATH/TO/polnear --out src/sayso/model/weights` "
                "(then reinstall sayso), set SAYSO_ATTRIBUTION_MODEL to a trained model folder, "
                "or use --engine rules")


def model_path(path: Path | str | None = None) -> Path:
    """The model folder to use: ``path``, else the ``attribution_model`` setting, else the
    packaged weights."""
    chosen = path or settings.get("attribution_model")
    return Path(chosen) if chosen else PACKAGED


def available(path: Path | str | None = None) -> bool:
    """Whether trained weights are there to load."""
    folder = model_path(path)
    return (folder / "config.cfg").is_file() and (folder / "ner").is_dir()


@lru_cache(maxsize=2)
def _load(folder: str) -> Language:
    import spacy

    from . import features  # noqa: F401  (registers sayso.AttributionEmbed.v1)

    try:
        return spacy.load(folder)
    except Exception as exc:  # a truncated copy, weights of another spaCy version
        raise ConfigError(f"cannot load the attribution model in {folder} ({exc}); {HOW_TO_TRAIN}") from exc


def load_tagger(path: Path | str | None = None) -> Language:
    """The trained source/cue/content tagger; :class:`ConfigError` telling how to train one
    when its weights are absent."""
    folder = model_path(path)
    if not available(folder):
        raise ConfigError(f"the trained attribution model is not installed (no weights in {folder}); {HOW_TO_TRAIN}")
    return _load(str(folder.resolve()))
