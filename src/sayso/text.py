"""Turn raw input into the normalised article text that every offset indexes into."""
from __future__ import annotations

import re
import unicodedata

from . import settings
from .errors import InputError, InvalidText

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_SURROGATE = re.compile("[\ud800-\udfff]")


def normalize(text: str) -> str:
    """NFC, ``\\n`` line ends, single spaces, at most one blank line between paragraphs.

    Quote marks are kept as they are: curly and straight marks both carry meaning. A lone
    surrogate (JSON ``"\\ud800"`` without its pair) is no character: :class:`InvalidText`.
    """
    check_unicode(text)
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


def check_length(text: str, source: str = "input") -> None:
    """Refuse texts longer than the ``max_chars`` setting."""
    limit = int(settings.get("max_chars"))
    if len(text) > limit:
        raise InputError(
            f"{source}: {len(text):,} characters is longer than the limit of {limit:,}; "
            f"split it into articles or raise SAYSO_MAX_CHARS"
        )
