"""Paragraphs signed by their speaker: a quotation set off without marks and closed by a dash
and a name, "J'ai été agrippée de partout. […] —Sonia Dridi, journaliste"."""
from __future__ import annotations

import re
from dataclasses import dataclass

#: A dash, a person's capitalised name of two to four words (not an agency's credit, "— AFP"),
#: and an optional role after a comma, at the end of a paragraph.
_SIGNATURE = re.compile(r"\s*([—–―])\s*([A-ZÉÈ][\w'’.-]*(?: [A-ZÉÈ][\w'’.-]*){1,3})(?:,[^\n,.]{1,60})?\s*$")
#: The fewest characters a signed paragraph's words take: less is a caption or a credit.
_SHORTEST = 40


@dataclass(frozen=True)
class Signed:
    """A signed paragraph: the quotation's span, the dash, and the signer's name."""

    start: int
    end: int
    dash: int
    name: tuple[int, int]


def signed_paragraphs(text: str) -> list[Signed]:
    """The paragraphs of ``text`` that end with a signature, in order."""
    found = []
    for line in re.finditer(r"[^\n]+", text):
        match = _SIGNATURE.search(line.group())
        if match is None or match.start() < _SHORTEST:
            continue
        start = line.start()
        words = text[start : start + match.start()].rstrip()
        found.append(Signed(start, start + len(words), start + match.start(1),
                            (start + match.start(2), start + match.end(2))))
    return found
