"""Turn raw input into the normalised text sayso analyses, keeping the way back: every
character of the normalised text knows the stretch of the user's text it came from, so that
offsets found in the one are given in the other."""
from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Callable
from dataclasses import dataclass

from .errors import InputError, InvalidText
from .options import DEFAULTS

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]+")
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_LINE_EDGES = re.compile(r"^[^\S\n]+|[^\S\n]+$", re.M)  # what ``line.strip()`` removes
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_TEXT_EDGES = re.compile(r"\A\s+|\s+\Z")
# Below U+0300 every character is a starter that never composes with the one before it.
_INERT = "\u0300"

Span = tuple[int, int]


@dataclass(frozen=True)
class Normalized:
    """A normalised text and its way back to the ``original``: normalised character ``i``
    came from ``original[starts[i]:ends[i]]`` (no arrays: the two texts are the same)."""

    text: str
    original: str
    starts: array | None = None
    ends: array | None = None

    @property
    def identity(self) -> bool:
        return self.starts is None

    def point(self, offset: int) -> int:
        """Where a boundary between two normalised characters lies in the original."""
        if self.starts is None or self.ends is None:
            return offset
        if offset < len(self.text):
            return self.starts[offset]
        return self.ends[-1] if self.text else len(self.original)

    def span(self, start: int, end: int) -> Span:
        """The stretch of the original that a normalised span ``[start, end)`` covers."""
        if self.ends is None or end <= start:
            return self.point(start), self.point(max(start, end))
        return self.point(start), self.ends[end - 1]


def normalize(text: str) -> str:
    """NFC, ``\\n`` line ends, single spaces, at most one blank line between paragraphs.

    Quote marks are kept as they are: curly and straight marks both carry meaning. A lone
    surrogate (JSON ``"\\ud800"`` without its pair) is no character: :class:`InvalidText`.
    """
    return normalized(text).text


def normalized(text: str) -> Normalized:
    """``text`` normalised (see :func:`normalize`), with the map back to ``text``."""
    check_unicode(text)
    plain = _plain(text)
    if plain == text:
        return Normalized(text, text)
    current = _Tracked(text, array("q", range(len(text))), array("q", range(1, len(text) + 1)))
    current = _nfc(current)
    for pattern, repl in ((_NEWLINES, "\n"), (_CONTROL, ""), (_SPACES, " "), (_LINE_EDGES, ""),
                          (_BLANK_LINES, "\n\n"), (_TEXT_EDGES, "")):
        current = _sub(current, pattern, repl)
    return Normalized(current.text, text, current.starts, current.ends)


def _plain(text: str) -> str:
    """The normalised text alone, without a map: the quick check that nothing changes."""
    text = unicodedata.normalize("NFC", text)
    text = _NEWLINES.sub("\n", text)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def check_unicode(text: str, source: str = "input", what: str = "the text") -> None:
    """Refuse a text with a lone surrogate, which cannot be stored, hashed or sent as UTF-8."""
    found = _SURROGATE.search(text)
    if found:
        raise InvalidText(
            f"{source}: {what} holds a lone surrogate ({ord(found.group()):#06x} at character "
            f"{found.start():,}), as an unpaired \\uD800–\\uDFFF escape in JSON gives; fix or drop it"
        )


@dataclass(frozen=True)
class _Tracked:
    text: str
    starts: array
    ends: array


def _sub(current: _Tracked, pattern: re.Pattern[str], repl: str) -> _Tracked:
    """``pattern.sub(repl, text)``; each character of a replacement maps to the whole match."""
    text, starts, ends = current.text, current.starts, current.ends
    pieces: list[str] = []
    new_starts, new_ends = array("q"), array("q")
    last = 0
    for match in pattern.finditer(text):
        a, b = match.span()
        if a == b:
            continue
        pieces.append(text[last:a])
        new_starts.extend(starts[last:a])
        new_ends.extend(ends[last:a])
        if repl:
            pieces.append(repl)
            new_starts.extend([starts[a]] * len(repl))
            new_ends.extend([ends[b - 1]] * len(repl))
        last = b
    if not last:
        return current
    pieces.append(text[last:])
    new_starts.extend(starts[last:])
    new_ends.extend(ends[last:])
    return _Tracked("".join(pieces), new_starts, new_ends)


def _nfc(current: _Tracked) -> _Tracked:
    """NFC piece by piece: a base character with the marks that compose or reorder with it."""
    text = current.text
    if unicodedata.is_normalized("NFC", text):
        return current
    whole = unicodedata.normalize("NFC", text)
    tracked = _nfc_pieces(current, _joins_fine)
    if tracked.text != whole:  # a composition the fine rule missed: split only where safe
        tracked = _nfc_pieces(current, lambda piece, char: char >= _INERT)
    return tracked


def _joins_fine(piece: str, char: str) -> bool:
    """Whether ``char`` belongs to the NFC piece before it: a combining mark, or a character
    that composes with it (Hangul jamo, some Indic vowel signs)."""
    if char < _INERT:
        return False
    if unicodedata.combining(char):
        return True
    nfc = unicodedata.normalize
    return nfc("NFC", piece + char) != nfc("NFC", piece) + nfc("NFC", char)


def _nfc_pieces(current: _Tracked, joins: Callable[[str, str], bool]) -> _Tracked:
    text, starts, ends = current.text, current.starts, current.ends
    pieces: list[str] = []
    new_starts, new_ends = array("q"), array("q")
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and joins(text[i:j], text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        pieces.append(piece)
        new_starts.extend([starts[i]] * len(piece))
        new_ends.extend([ends[j - 1]] * len(piece))
        i = j
    return _Tracked("".join(pieces), new_starts, new_ends)


def decode(data: bytes, source: str = "input") -> str:
    """Decode article bytes as UTF-8, refusing binary data with a clear message."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: looks like a binary file (NUL bytes); sayso reads UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{source}: not valid UTF-8 (byte {exc.start}); convert it first, "
            f"e.g. iconv -f latin1 -t utf-8"
        ) from None


def check_length(text: str, source: str = "input", limit: int = DEFAULTS.max_chars) -> None:
    """Refuse texts longer than ``limit`` characters (the ``max_chars`` option)."""
    if len(text) > limit:
        raise InputError(
            f"{source}: {len(text):,} characters is longer than the limit of {limit:,}; "
            f"split it into articles or raise SAYSO_MAX_CHARS"
        )
