"""sayso: who said what in the news, with every answer pointing back to the text."""
from __future__ import annotations

from . import components as _components  # noqa: F401  (registers the "sayso" spaCy factory)
from .errors import ConfigError, ExtractionError, IngestError, InputError, SaysoError, StoreError
from .nlp import load_pipeline
from .pipeline import Outcome, extract, extract_many
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
    "Outcome",
    "Quote",
    "QuoteKind",
    "SaysoError",
    "StoreError",
    "extract",
    "extract_many",
    "load_pipeline",
]
