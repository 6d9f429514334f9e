"""sayso's exceptions: one shallow tree under :class:`SaysoError`.

- ``InputError``: the input cannot be read as an article (binary, bad encoding, too long).
- ``ConfigError``: a setting or the spaCy model is wrong or missing.
- ``ExtractionError``: the engine failed on an article it accepted.

Messages say how to fix the problem; the CLI prints them without a traceback.
"""
from __future__ import annotations


class SaysoError(Exception):
    """Base class of every error sayso raises on purpose."""

    exit_code = 1


class InputError(SaysoError):
    """The input is not a usable article."""

    exit_code = 2


class ConfigError(SaysoError):
    """A setting or the configured spaCy model is wrong or missing."""

    exit_code = 3


class ExtractionError(SaysoError):
    """The engine failed on an accepted article."""
