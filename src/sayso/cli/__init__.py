"""The ``sayso`` command: a thin layer over the library that turns errors into clean exits.

One module per group of commands; importing them registers their commands on :data:`main`.
"""
from __future__ import annotations

from . import analyse, evaluation, ingesting, querying, serving, training  # noqa: F401  (registers the commands)
from .app import main

__all__ = ["main"]
