"""Extraction stages: pure functions over a parsed spaCy ``Doc`` that yield typed records."""
