"""sayso: who said what in the news, with every answer pointing back to the text.

The public Python API is an edge, like the command line: a call given no ``options`` resolves
them from the settings (``SAYSO_*``) once, then passes them down as a value
(:class:`sayso.options.Options`); ``sayso.pipeline`` takes values only.
"""
from __future__ import annotations

from collections.abc import Iterable as _Iterable, Iterator as _Iterator

from spacy.language import Language as _Language

from . import settings as _settings
from .components import SaysoComponent as _SaysoComponent
from .errors import ConfigError, ExtractionError, IngestError, InputError, SaysoError, StoreError
from .nlp import load_pipeline as _load_pipeline
from .options import Options
from .pipeline import Outcome
from .pipeline import extract as _extract
from .pipeline import extract_many as _extract_many
from .types import Actor, ActorType, Analysis, Quote, QuoteKind

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorType",
    "Analysis",
    "ConfigError",
    "ExtractionError",
    "IngestError",
    "InputError",
    "Options",
    "Outcome",
    "Quote",
    "QuoteKind",
    "SaysoError",
    "StoreError",
    "extract",
    "extract_many",
    "load_pipeline",
]


def extract(text: str, *, model: str | None = None, normalized: bool = False, engine: str | None = None,
            lang: str | None = None, attribution_model: str | None = None,
            options: Options | None = None) -> Analysis:
    """Actors and attributed quotes of one article, with offsets into ``text`` (see
    :func:`sayso.pipeline.extract`); what is not given comes from ``options``, else the settings."""
    return _extract(text, model=model, normalized=normalized, engine=engine, lang=lang,
                    attribution_model=attribution_model, options=options or _settings.options())


def extract_many(items: _Iterable[tuple[str, str]], *, model: str | None = None, batch_size: int | None = None,
                 n_process: int = 1, normalized: bool = False, engine: str | None = None, lang: str | None = None,
                 attribution_model: str | None = None, options: Options | None = None) -> _Iterator[Outcome]:
    """Stream ``(key, text)`` pairs through the engine, a bad article failing alone (see
    :func:`sayso.pipeline.extract_many`); what is not given comes from ``options``, else the settings."""
    return _extract_many(items, model=model, batch_size=batch_size, n_process=n_process, normalized=normalized,
                         engine=engine, lang=lang, attribution_model=attribution_model,
                         options=options or _settings.options())


def load_pipeline(model: str | None = None) -> _Language:
    """The cached spaCy pipeline for ``model`` (default: the ``model`` setting)."""
    chosen = _settings.options(model=model)
    return _load_pipeline(chosen.model, max_chars=chosen.max_chars)


@_Language.factory(
    "sayso",
    default_config={"engine": None, "lang": None, "attribution_model": None},
    requires=["token.dep", "token.lemma", "doc.ents", "doc.sents"],
    assigns=["doc._.sayso", "doc._.actors", "doc._.quotes"],
)
def _make_sayso(nlp: _Language, name: str, engine: str | None, lang: str | None,
                attribution_model: str | None) -> _SaysoComponent:
    """``nlp.add_pipe("sayso")``: the engine and tagger of ``config``, else of the settings."""
    return _SaysoComponent(nlp, name, lang=lang,
                           options=_settings.options(engine=engine, attribution_model=attribution_model))
