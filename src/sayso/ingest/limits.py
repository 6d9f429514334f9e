"""Reading input in bounded pieces: a file, standard input or one line of a (gzipped) stream is
read up to the ``input_max_bytes`` option and no further, so a gzip bomb or a file with no
line breaks fails that one item instead of filling memory.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..errors import IngestError
from ..options import DEFAULTS

_CHUNK = 1 << 20  # what a line over the limit is skipped by


def input_limit(max_bytes: int | None = None) -> int:
    """``max_bytes``, or the ``input_max_bytes`` option's default when None."""
    return int(DEFAULTS.input_max_bytes if max_bytes is None else max_bytes)


def over_limit(limit: int, size: int | None = None) -> str:
    """How an item of ``size`` bytes (None: unknown, larger) is over ``limit``, for a message."""
    if size is None:
        return f"more than {limit:,} bytes, over the limit (SAYSO_INPUT_MAX_BYTES)"
    return f"{size:,} bytes, over the limit of {limit:,} (SAYSO_INPUT_MAX_BYTES)"


def too_large(name: str, limit: int, size: int | None = None) -> IngestError:
    """The error for an item over ``limit`` bytes (``size`` when it is known)."""
    return IngestError(f"{name}: {over_limit(limit, size)}")


def read_capped(handle: IO[bytes], name: str, limit: int) -> bytes:
    """All of ``handle``, or :func:`too_large` after ``limit`` bytes (never more is read)."""
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise too_large(name, limit)
    return data


def read_file(path: Path, limit: int) -> bytes:
    """A file's bytes; IngestError when it cannot be read or is over ``limit`` bytes."""
    try:
        with path.open("rb") as handle:
            return read_capped(handle, str(path), limit)
    except OSError as exc:
        raise IngestError(f"{path}: cannot read ({exc.strerror or exc})") from None


def capped_lines(handle: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | int]]:
    """``(number, line)`` for each line of ``handle``, or ``(number, size)`` for a line over
    ``limit`` bytes, which is skipped a chunk at a time and never held whole."""
    number = 0
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) <= limit or line.endswith(b"\n"):
            yield number, line
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = handle.readline(_CHUNK)
            if not line:
                break
            size += len(line)
        yield number, size
