"""The proposition of a quoted fragment, which has no clause of its own: "extremely careless"
in `Comey said Clinton was "extremely careless"`, or in `He called her handling of it "extremely
careless"`, tells that Clinton (her handling) was extremely careless.

The analysis keeps the fragment as the statement and finds no clause in it (or a clause of
which the fragment is a part: "there was clear evidence that Clinton was “extremely careless”");
here the words between its cue (or that "that") and its opening mark give the subject, when they
end in a form of "be" or follow a verb that describes its object
(``lexicons/describing_verbs.txt``), and the fragment the predicate ("be careless"). Read from
the text alone, without a parse: the lemmas are the words as written.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from ..store.queries import QuoteRow
from ..types import Proposition
from ..extractors.lexicons import load as words, table
from .subjects import head_words

_OPENING = "“\"‘'"
_CLOSING = "”\"’'"
_MAX_SUBJECT = 8  # words: a longer stretch is a clause of its own, not a subject
_WORD = re.compile(r"[\w'’$%.,-]+")
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z“\"])|\n")


def fragment_propositions(row: QuoteRow, text: str, found: Sequence[Proposition]) -> tuple[Proposition, ...]:
    """The propositions quoted fragments of a statement tell with the words before them, besides
    the ones ``found`` in it: the fragment that is the whole statement, after its cue; a fragment
    after "that" inside it ("there was clear evidence that Clinton was “extremely careless”")."""
    if not row.cue or row.kind not in {"partial", "mixed"}:
        return ()
    statement = text[row.start:row.end]
    marks = [row.start + k for k, ch in enumerate(statement) if ch in _OPENING and (k == 0 or statement[k - 1] == " ")]
    new: list[Proposition] = []
    if not found:
        opening = marks[0] if marks else row.start
        while opening > 0 and text[opening - 1] in _OPENING:
            opening -= 1  # a partial quotation's span starts inside its marks
        cue = _cue_end(row.cue, text, opening)
        cue_words = {w.casefold() for w in re.findall(r"[\w’']+", row.cue)}
        made = None if cue is None else _proposition(text, _subject(text, cue, opening, cue_words), opening, row.end)
        if made is not None:
            return (made,)
    for opening in marks:
        that = list(re.finditer(r"\bthat\s+", text[row.start:opening], flags=re.IGNORECASE))
        if not that:
            continue
        made = _proposition(text, _subject(text, row.start + that[-1].end(), opening, set()), opening, row.end)
        if made is not None and not any(p.start <= opening < p.end and p.predicate == made.predicate for p in found):
            new.append(made)
    return tuple(new)


def _proposition(text: str, subject: tuple[int, int], opening: int, end: int) -> Proposition | None:
    """Subject, be, fragment: "Clinton was “extremely careless”" (predicate "be careless")."""
    start, stop = subject
    said = [w.casefold() for w in text[start:stop].split()]
    if not said or len(said) > _MAX_SUBJECT or re.search(r"[.!?;:]\s|[“”\"]", text[start:stop]) \
            or {said[0], said[-1]} & words("postmodifiers") or set(said) & words("be_forms") \
            or len(said) == 1 and said[0] in words("expletives"):
        # "called for a redoubling of …", "called on X to": no object; "the “immoral” “lie”": another
        # fragment; "he was unaware because he was “…”": a clause; "there are “no secrets”": no one
        return None
    end = _fragment_end(text, opening, end)
    fragment = text[opening:end].strip(_OPENING + _CLOSING + " ,.").split()
    first = fragment[0].casefold() if fragment else ""
    if not first or first.endswith("ing") and len(first) > 4 and first not in STOP_WORDS:
        return None  # "Mexico is “killing us”": a verb's progressive, not a description ("nothing" is one)
    cut = next((k for k, w in enumerate(fragment) if k and w.casefold() == "to"), len(fragment))
    head = head_words(" ".join(fragment[:cut]))  # "a huge win for Ohio voters": win; "proud to be …": proud
    if not head:
        return None
    written = [w.strip(".,'’") for w in _WORD.findall(text[start:end].casefold())]
    lemmas = tuple(dict.fromkeys(w for w in written if w and w not in STOP_WORDS and (w.isalpha() or w[0].isdigit())))
    return Proposition(start=start, end=end, text=text[start:end], subject=(start, stop),
                       predicate="be " + head[-1].strip(".,'’"), object=(opening, end), lemmas=lemmas)


def _subject(text: str, cue: int, opening: int, cue_words: set[str]) -> tuple[int, int]:
    """The subject's span among the words between the cue and the fragment: all of them after a
    describing verb, less "as" or an article ("called Palin a “clown”": Palin); those before a
    form of "be" after any other cue ("said that Clinton had been “…”": Clinton); else none."""
    found = [(m.start() + cue, m.end() + cue, m.group().casefold()) for m in re.finditer(r"\S+", text[cue:opening])]
    if found and found[0][2] == "that":
        found = found[1:]
    describing = {table("describing_verbs").get(w) for w in cue_words} - {None}
    if describing:
        links = []
        while found and table("fragment_links").get(found[-1][2]) == "description":
            links.append(found.pop()[2])
            if links[-1] == "be" and found and found[-1][2] == "to":
                found.pop()  # "deemed it to be “reckless”"
        if describing == {"as"} and "as" not in links:
            return cue, cue  # "denounced Trump's call for “a shutdown”": no description
    else:
        if not found or found[-1][2] not in words("be_forms"):
            return cue, cue
        found.pop()
        while found and table("fragment_links").get(found[-1][2]) == "auxiliary":
            found.pop()  # "Clinton had been", "it would be": the subject is before them
    return (found[0][0], found[-1][1]) if found else (cue, cue)


def _cue_end(cue: str, text: str, before: int) -> int | None:
    """Where the cue written before offset ``before`` ends, in the same sentence."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, before - 300), before)]
    at = text.rfind(cue, ends[-1] if ends else max(0, before - 300), before)
    return None if at < 0 else at + len(cue)


def _fragment_end(text: str, opening: int, end: int) -> int:
    """The end of the quoted words: their closing mark, or the statement's end."""
    inside = text[opening + 1:end]
    close = next((k for k, ch in enumerate(inside) if ch in _CLOSING and (k + 1 == len(inside) or not inside[k + 1].isalpha())),
                 None)
    return opening + 1 + close if close is not None else end
