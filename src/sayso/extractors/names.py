"""Names as words: what makes two names comparable, an acronym of a name, one name part of
another. Plain string work, shared by the actor book and its type vote."""
from __future__ import annotations

import re
import unicodedata

from . import lexicons

_NAME_PUNCT = re.compile(r"[-‐‑–.’'`]+")
#: An acronym as news prints it: "WHO", "IRGC", "U.N.", "M5S" (two to ten characters).
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.-]{1,9}$")
#: An acronym that keeps a short word in lower case, as a government's offices write theirs:
#: "DoS" (Department of State), "MoD", "DfT". Read as one only in brackets after a name, or
#: once that name has given it.
MIXED_ACRONYM = re.compile(r"^(?=.*[a-z])(?:[A-Z][a-z]?){2,3}$")
#: A social-media handle: "@OmarMash: …" labels that account's post, verbatim.
HANDLE = r"@\w{1,30}"
#: A link's language tag at the end of a label or name: "@wh_w [zh]", "@eromanp [es]".
TRAILING_LANGUAGE_TAG = re.compile(r"[ \u00a0]*\[[a-z]{2}\]$")


def name_words(text: str) -> tuple[str, ...]:
    """Comparable words of a name: lower case without accents ("Chávez" is "Chavez", as the
    store's actor keys are), no leading "the", hyphens and dots dropped."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    words = _NAME_PUNCT.sub(" ", plain.replace("’s", "").replace("'s", "")).split()
    if words and words[0] == "the":
        words = words[1:]
    return tuple(words)


def capitalised(word: str) -> bool:
    """A word written as a name is: a capital, then a small letter ("Boonngam-anong", "McDonald",
    which ``str.istitle`` refuses), not an acronym ("NATO")."""
    return word[:1].isupper() and word[1:2].islower()


def singular(word: str) -> str:
    """ "authors" → "author": enough of a lemma to compare head nouns ("ss" stays: "press")."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def head_key(word: str) -> str:
    """A head noun as two descriptions are compared: singular and in American spelling ("the
    centres" and "Warning Center" share ``center``; lexicon ``spellings``)."""
    one = singular(word)
    return lexicons.table("spellings").get(one, one)


def initials(words: tuple[str, ...]) -> str:
    """The acronym a name of several words gives: "World Health Organisation" → "who"."""
    # "Movimento 5 Stelle" → "m5s": a number in the name stays in its acronym.
    return "".join(w[0] for w in words if w not in lexicons.load("acronym_skip") and w[0].isalnum()) if len(words) > 1 else ""


#: Words after which a name goes on with the name of another thing: "University of Chile".
#: Words that link a name's head to what it is of or for ("Commission of Pakistan").
LINKS = frozenset({"of", "for"})


def is_part_of(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """ "Tamimi" is part of "Ghaith Al Tamimi", "Black Lotus" of "Black Lotus Communications";
    "Jerusalem" is not part of "Jerusalem Post", nor "Goma" of "Provincial Hospital of Goma" (what
    follows "of" or "for" names another thing)."""
    if len(part) >= len(whole) or not part or whole[-len(part) - 1] in LINKS:
        return False
    if len(whole) == len(part) + 1 and whole[:-1] == part and whole[-1] in lexicons.load("company_name_ends"):
        return True  # "Black Lotus" of "Black Lotus Communications"
    return whole[-len(part):] == part or (len(part) == 1 and part[0] == whole[0] and len(whole) == 2)


def without_middle(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """A person's name without its middle names or initials: "John Rauschenberg" is
    "John-Christian G. Rauschenberg", "Hillary Clinton" is "Hillary Rodham Clinton"."""
    if not 2 <= len(part) < len(whole) or (part[0], part[-1]) != (whole[0], whole[-1]):
        return False
    rest = iter(whole[1:-1])
    return all(word in rest for word in part[1:-1])
