"""An article's paragraphs, and which of them are the reporter's own lines (headlines, section
titles, captions and credits), which hold no statement unless they carry their own
attribution."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from ..language import other_language
from .marks import trim_space

Part = tuple[int, int]

#: Marks that open a quotation: a paragraph starting with one is set off as a quote.
OPENING_MARKS = "\"“‘'«`"
#: Marks that close a quotation in English text.
CLOSING_MARKS = "\"”’'"

_SENTENCE_END = re.compile(r"[.?!…:;][\"'”’»)\]]*\s*$")
#: A caption's credit at the end of a line ("Image: Mathias Krumbholz.").
CREDIT = re.compile(r"\b(?:image|photo|photograph|picture|credit|file photo)s?\s*:\s*(?:[^.:]|\.(?=\w)){1,80}\.?\s*$"
                    # "… Photo by rabanito on Flickr (CC BY 2.0)": a credit that starts its sentence
                    r"|(?:^|(?<=[.!?] ))(?:image|photo|photograph|picture)s?\s+(?:(?:posted|taken|shared|uploaded)\s+)?(?:by|courtesy(?:\s+of)?|from)\s"
                    # (a web address keeps its dots: "Photo courtesy of statehouse.gov.zm.")
                    r"(?:[^.:]|\.(?=\w)){1,80}\.?\s*$", re.IGNORECASE | re.MULTILINE)
#: A headline that asks or exclaims: one sentence with no quotation mark in it.
_HEADLINE_QUESTION = re.compile(r"[^\"“”‘’«».!?]*[?!]$")
#: A title or headline has at most this many words; a longer line without an end is a sentence.
_TITLE_WORDS = 30
#: A line that ends inside a sentence, and a single line break followed by a lower-case word.
_RUNS_ON = re.compile(r"[,;][\"'”’»]*\s*$")
_WRAPPED = re.compile(r"[ \t]*\n[ \t]*[a-z]")


def paragraphs(text: str) -> list[Part]:
    """Each non-empty line of ``text`` as a (start, end) span, edge spaces trimmed."""
    out = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = trim_space(text, *match.span())
        if end > start:
            out.append((start, end))
    return out


def is_reporters_line(text: str, line: Part) -> bool:
    """A headline, section title, caption or credit: the reporter's own words.

    A title does not end as a sentence does ("Karsk dam: what we know"; "Interview"); a caption
    ends with its credit ("Formica fusca, from file. Image: Mathias Krumbholz.").
    """
    words = text[line[0] : line[1]]
    if CREDIT.search(words):
        return True
    if _RUNS_ON.search(words) or _WRAPPED.match(text, line[1]):
        # A hard-wrapped sentence goes on in the next line ("“Yes,”⏎said Maria Lopez."): a line
        # that stops at a comma, or runs on into a lower-case word, is no title.
        return False
    if len(words.split()) > _TITLE_WORDS:
        return False
    if _HEADLINE_QUESTION.match(words) and not text[: line[0]].strip() and text[line[1] : line[1] + 2] == "\n\n":
        return True  # the article's first line, a question or cry set apart: "Kenya: To Pay or Not to #PayInterns?"
    return not _SENTENCE_END.search(words)


#: The share of Latin letters below which a passage is in another script.
FOREIGN = 0.5


def foreign_script(passage: str) -> bool:
    """Mostly written in a script other than the Latin one ("她的新歌 …", "Սերժ Սարգսյանը …")."""
    letters = [ch for ch in passage if ch.isalpha()]
    return bool(letters) and sum(map(latin, letters)) < FOREIGN * len(letters)


@lru_cache(maxsize=2048)
def foreign(passage: str) -> bool:
    """A paragraph not in English: in another script, or surely in another language by its words
    ("Se encadena la masacre …", quoted in an English post that translates it). Kept per passage:
    the quotation reader and the speaker reader both ask of the same paragraphs."""
    return foreign_script(passage) or other_language(passage)


def translated(text: str, lines: list[Part], k: int, first: Part,
               stop: Callable[[int], bool] = lambda n: False) -> tuple[list[Part], int]:
    """A post in another language from ``first`` (paragraph ``k`` of ``lines``, or the part of it
    after a label): the paragraphs after it still in that language, then as many in the article's,
    its translation, up to one that ends with a colon or paragraph ``n`` where ``stop(n)``. The
    parts (without trailing space) and how many of them are the original's."""
    parts, originals = [first], 1
    for n in range(k + 1, len(lines)):
        if stop(n):
            break
        line = lines[n]
        body = text[line[0] : line[1]].rstrip()
        if foreign(body) and len(parts) == originals:
            originals += 1
        elif foreign(body) or len(parts) == 2 * originals or body.endswith(":"):
            break
        parts.append((line[0], line[0] + len(body)))
    return parts, originals


def latin(letter: str) -> bool:
    """A letter of the Latin script."""
    return unicodedata.name(letter, "").startswith("LATIN")
