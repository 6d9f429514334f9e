"""sayso's reading of French news: actors, statements, speakers and certainty over a document
parsed by a French spaCy pipeline (fr_core_news_sm). Its word lists are ``lexicons/fr/*.txt``.

Relations are not read in French yet: :func:`analyze` gives none.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ...types import Analysis, Quote, ScareQuote
from .actors import Book
from .certainty import assess
from .statements import Found, Reader

__all__ = ["analyze"]


def analyze(doc: Doc) -> Analysis:
    """Actors, statements and scare quotes of one French article; offsets index ``doc.text``."""
    book = Book(doc)
    reader = Reader(doc, book)
    found = _distinct(reader.run())
    actors, ids = book.actors()
    text = doc.text
    quotes = tuple(_quote(doc, text, number, f, ids) for number, f in enumerate(found, start=1))
    spans = [(q.start, q.end) for q in quotes]
    scare = tuple(ScareQuote(r.inner_start, r.inner_end, text[r.inner_start : r.inner_end],
                             next((q.id for q in quotes if q.start <= r.inner_start and r.inner_end <= q.end), None))
                  for r in reader.scare if (r.inner_start, r.inner_end) not in spans)
    return Analysis(text=text, actors=tuple(actors), quotes=quotes, scare_quotes=scare, lang="fr")


def _distinct(found: list[Found]) -> list[Found]:
    """One statement per stretch of text: of two that share half the shorter one, the one found
    first (a quotation's frame before a "selon lui" inside it) is kept."""
    kept: list[Found] = []
    for f in found:
        if not any(_overlap(f, k) >= 0.5 for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.end))


def _overlap(a: Found, b: Found) -> float:
    shared = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a.parts for s2, e2 in b.parts)
    return shared / max(1, min(sum(e - s for s, e in a.parts), sum(e - s for s, e in b.parts)))


def _quote(doc: Doc, text: str, number: int, f: Found, ids: dict[int, str]) -> Quote:
    parts = tuple(f.parts)
    verdict = assess(doc, parts, f.cue, f.lemma, f.kind)
    return Quote(
        id=f"q{number}", kind=f.kind, start=parts[0][0], end=parts[-1][1], text=text[parts[0][0] : parts[-1][1]],
        speaker=None if f.speaker is None else ids.get(id(f.speaker)),
        speaker_mention=None if f.source is None else (f.source.start_char, f.source.end_char),
        cue=None if f.cue is None else f.cue.text,
        cue_span=None if f.cue is None else (f.cue.start_char, f.cue.end_char),
        parts=parts, certainty=verdict.certainty, polarity=verdict.polarity, hedges=verdict.markers,
        stance=verdict.stance, type=f.type,
    )
