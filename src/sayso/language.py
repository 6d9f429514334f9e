"""Which language an article is in, so that sayso reads it with that language's pipeline
(English and French) and says so for other texts.

Identification is py3langid's (a naive Bayes model over byte n-grams, shipped inside its wheel,
nothing fetched at run time), restricted to :data:`CANDIDATES`, the languages news comes in:
without the long tail of related languages (Luxembourgish, Frisian, Nigerian Pidgin…), a
headline like "Schulz gewinnt SPD-Abstimmung" is told apart from English far more often.
bench/langid.py measures it against lingua and the word-share check sayso had before.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from .errors import ConfigError

#: Languages news is published in that py3langid knows, ISO 639-1 codes.
CANDIDATES = (
    "af ar bg bn bs ca cs cy da de el en es et eu fa fi fr ga gl he hi hr hu id is it ja ko lt lv "
    "mk ms nl no pl pt ro ru sk sl sq sr sv sw th tl tr uk ur vi zh"
).split()
#: Below this probability the best language is a guess, not an identification.
MIN_CONFIDENCE = 0.5
#: Characters of an article whose paragraphs vote on its language, and the fewest letters of a
#: paragraph that votes; the language of this share of the voting paragraphs or more is the article's.
VOTE_SAMPLE = 12000
VOTE_LETTERS = 40
MIN_SHARE = 0.4
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
#: The language sayso's pipeline reads.
ENGLISH = "en"
#: The languages sayso reads, each with its own spaCy pipeline and word lists.
SUPPORTED = ("en", "fr")

_NAMES = {
    "ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fr": "French", "it": "Italian",
    "nl": "Dutch", "pl": "Polish", "pt": "Portuguese", "ru": "Russian", "sv": "Swedish", "tr": "Turkish",
    "uk": "Ukrainian", "zh": "Chinese", "ja": "Japanese", "da": "Danish", "no": "Norwegian",
    "fi": "Finnish", "cs": "Czech", "hu": "Hungarian", "ro": "Romanian", "el": "Greek",
}


@dataclass(frozen=True)
class Detection:
    """The identified language (None when unsure) and the best guesses with their probability."""

    lang: str | None
    guesses: tuple[tuple[str, float], ...]

    @property
    def best(self) -> str:
        return self.guesses[0][0]

    def describe(self) -> str:
        """The likely guesses as "de 62%, nl 20%"."""
        return ", ".join(f"{lang} {p:.0%}" for n, (lang, p) in enumerate(self.guesses) if not n or p >= 0.01)


def language_name(code: str) -> str:
    """"German" for "de"; the code itself for languages without a name here."""
    return _NAMES.get(code, code)


def check_lang(code: str) -> str:
    """``code`` lower-cased, refused unless it is a two-letter ISO 639-1 code."""
    value = code.strip().lower()
    if len(value) != 2 or not value.isalpha() or not value.isascii():
        raise ConfigError(f"language {code!r} is not a two-letter ISO 639-1 code (en, de, fr…)")
    return value


_LOADING = threading.Lock()
_LOADED: list = []


def _load_identifier():
    """py3langid's shipped model, read in memory: its own loader unpacks the model through a
    temporary file, which fails on a full disk before sayso can say so."""
    import io
    import lzma
    from array import array

    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    def table(values):  # the automaton's tables as compact stdlib arrays, as py3langid keeps them
        out = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
        out.frombytes(np.ascontiguousarray(values).tobytes())
        return out

    with lzma.open(MODEL_DIR / MODEL_FILE) as packed:
        data = np.load(io.BytesIO(packed.read()), allow_pickle=False)
    return LanguageIdentifier(np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
                              table(data["nextmove"]), data["out_feat"].tolist(), norm_probs=True,
                              tk_row=table(data["nextmove_row"]))


def _identifier():
    """py3langid's identifier over :data:`CANDIDATES`, loaded once per process."""
    with _LOADING:
        if not _LOADED:
            identifier = _load_identifier()
            identifier.set_languages(CANDIDATES)
            _LOADED.append(identifier)
    return _LOADED[0]


def detect(text: str, *, sample: int = 4000) -> Detection:
    """The language of ``text``: that of most of its paragraphs when it has several (a post that
    quotes a blog in Indonesian and then translates it is in English; a long quotation in French
    is one paragraph among the report's), else of its first ``sample`` characters, which are
    enough for an article."""
    identifier = _identifier()
    votes: dict[str, int] = {}
    for paragraph in _PARAGRAPH_BREAK.split(text[: VOTE_SAMPLE]):
        letters = sum(ch.isalpha() for ch in paragraph)
        if letters >= VOTE_LETTERS:
            lang = str(identifier.rank(paragraph)[0][0])
            votes[lang] = votes.get(lang, 0) + 1
    if len(votes) > 1:
        total = sum(votes.values())
        shares = sorted(((lang, round(n / total, 3)) for lang, n in votes.items()), key=lambda x: -x[1])
        return Detection(shares[0][0] if shares[0][1] >= MIN_SHARE else None, tuple(shares[:3]))
    ranked = identifier.rank(text[:sample])
    guesses = tuple((lang, round(float(p), 3)) for lang, p in ranked[:3])
    return Detection(guesses[0][0] if guesses[0][1] >= MIN_CONFIDENCE else None, guesses)


def other_language(passage: str, lang: str = ENGLISH, *, confidence: float = 0.9) -> bool:
    """Whether a passage of :data:`VOTE_LETTERS` letters or more is, surely, in a language other
    than ``lang`` ("Se encadena la masacre …" in an English post that quotes and translates it)."""
    if sum(ch.isalpha() for ch in passage) < VOTE_LETTERS:
        return False
    best, probability = _identifier().rank(passage)[0]
    return str(best) != lang and float(probability) >= confidence


@dataclass(frozen=True)
class Reading:
    """How sayso reads one text: the language it records, whether one of its pipelines reads
    the text, and what the user is told about it."""

    lang: str | None
    readable: bool
    warning: str | None = None

    @property
    def english(self) -> bool:
        """Read by the English pipeline (a text too short to tell is read as English)."""
        return self.readable and self.lang in {ENGLISH, None}


def read_language(text: str, lang: str | None = None) -> Reading:
    """How to read ``text``: in the language given as ``lang``, else in the one identified.

    English and French are read, each by its own pipeline; a text in another language is not
    (sayso's pipeline would find "Geld" a person in "Geld für den Bürgermeister"); one too short
    to tell is read as English, and says so.
    """
    if lang is not None:
        code = check_lang(lang)
        if code in SUPPORTED:
            return Reading(code, True)
        return Reading(code, False, f"the text is marked as {language_name(code)} ({code}); sayso reads English "
                                    f"and French only, so it looked for nothing")
    if not any(ch.isalpha() for ch in text):
        return Reading(None, True)  # no words: nothing to identify, nothing to find
    found = detect(text)
    if found.lang in SUPPORTED:
        return Reading(found.lang, True)
    if found.lang is not None:
        return Reading(found.lang, False,
                       f"the text looks like {language_name(found.lang)} ({found.describe()}); sayso reads "
                       f"English and French only, so it looked for nothing; set the language to en (--lang en) "
                       f"to read it as English anyway")
    return Reading(None, True,
                   f"cannot tell the language of this short text (best guesses: {found.describe()}); it was "
                   f"read as English, so its actors and quotes are guesses if it is not; set the language "
                   f"(--lang) to say which")
