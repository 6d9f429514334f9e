"""``sayso serve``: a REST API (OpenAPI at /docs) and a web page over a sayso database.

Needs the ``web`` extra (FastAPI, uvicorn): ``pip install "sayso[web]"``.
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
