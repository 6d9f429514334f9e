"""The keys the store recognises things by: an actor's normalised name, an article's content hash."""
from __future__ import annotations

import hashlib
import re
import unicodedata

_WORDS = re.compile(r"[^\w]+")


def normalize_name(name: str) -> str:
    """The key actors are merged on (with their type): accents, case, punctuation and a
    leading "the" folded, so "The Jerusalem Post" and "Jerusalem Post" are one outlet."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    words = _WORDS.sub(" ", plain).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def content_hash(text: str) -> str:
    """sha256 of the normalised article text: the identity of an article without a URL."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
