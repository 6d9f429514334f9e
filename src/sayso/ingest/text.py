"""Plain-text files: one file, one article (UTF-8; the file path is its key, the first line its title)."""
from __future__ import annotations

from pathlib import Path

from ..errors import IngestError, InputError
from ..text import decode
from .limits import input_limit, read_file
from .record import Record


def read_text_file(path: Path, *, max_bytes: int | None = None) -> Record:
    """The article in a UTF-8 text file; binary, badly encoded or over-long files (over
    ``max_bytes``, default: the ``input_max_bytes`` setting) raise IngestError."""
    data = read_file(path, input_limit(max_bytes))
    try:
        text = decode(data, str(path))
    except InputError as exc:
        raise IngestError(str(exc)) from None
    return Record(key=str(path), text=text, source=str(path), title=first_line(text))


def first_line(text: str, limit: int = 200) -> str | None:
    """A plain-text article's title: its first non-blank line (a headline), cut at ``limit``."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return line or None
