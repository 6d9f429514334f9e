"""sayso's trained attribution model: a tagger of source, cue and content spans.

The weights ship inside the package (``sayso/model/weights``) and load lazily, on the first
call that needs them; ``sayso train polnear`` makes new ones from the configuration in
``sayso/model/config.cfg``.
"""
from __future__ import annotations
