"""From the tagger's role spans to attributions: which cue introduces which content, and who
is its source.

The tagger labels spans one by one; an attribution ties them together. Links follow the parse
first ("Trump [said] [the wall will be built]": the content's clause hangs from the cue;
"[The wall will be built], [he] [said]": the cue hangs from the content) and fall back on the
nearest span in the same sentence. A quotation split by its cue ("“A,” he said. “B.”") is one
attribution in two parts.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from spacy.tokens import Doc

from ..extractors.lookup import Intervals, SentenceIndex
from .bio import TokenSpan, bio_to_spans

#: Most tokens between two parts of one split quotation (cue and source included).
SPLIT_GAP = 25
_SPLIT_MARKS = re.compile(r'[”"].*[“"]', re.DOTALL)
#: What lies between two parts of one content around an attribution set off by commas.
_INSERTED = re.compile(r"\s*,[^\n.;:!?]*,\s*$")
#: Most tokens between a content and a cue, or a cue and a source, in neighbouring sentences.
ADJACENT = 4
#: A split quotation's gap may hold this many words beyond cue and source ("he said in a
#: statement"), and this many paragraph breaks; a quotation has at most PARTS parts.
LOOSE, BREAKS, PARTS = 6, 1, 9


@dataclass(frozen=True)
class Linked:
    """One decoded attribution in token ranges: content parts, and its cue and source if any."""

    parts: tuple[tuple[int, int], ...]
    cue: tuple[int, int] | None = None
    source: tuple[int, int] | None = None


def tagged_spans(doc: Doc) -> list[TokenSpan]:
    """The role spans the tagger set on a feature doc (its entities), as token ranges."""
    return bio_to_spans([f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in {"B", "I"} else "O" for t in doc])


def link(doc: Doc, spans: Sequence[TokenSpan], *, sentences: SentenceIndex | None = None) -> list[Linked]:
    """Tie ``spans`` (token ranges labelled SOURCE, CUE or CONTENT over ``doc``, a parsed doc)
    into attributions, one per content (or split pair of contents). ``sentences`` is the doc's
    sentence index, if the caller has one already."""
    by_label: dict[str, list[tuple[int, int]]] = {"SOURCE": [], "CUE": [], "CONTENT": []}
    for start, end, label in sorted(spans):
        if label == "SOURCE":
            start, end = _last_paragraph(doc, start, end)
        if label in by_label and end > start:
            by_label[label].append((start, end))
    sentences = SentenceIndex(doc) if sentences is None else sentences
    cues, sources = _Role(doc, by_label["CUE"]), _Role(doc, by_label["SOURCE"])
    out = []
    for parts in join_split(doc, by_label["CONTENT"], cues.spans, sources.spans, text=sentences.text, cues_at=cues.where):
        cue = _between(parts, cues) or _cue_for(doc, parts, cues, sentences)
        source = _source_for(doc, cue, parts, sources, sentences)
        out.append(Linked(tuple(parts), cue, source))
    if COMPLETE:
        out += _complete(doc, out, cues, sources, sentences)
    return sorted(out, key=lambda a: a.parts)


def _last_paragraph(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A source's tokens in the last paragraph they reach: a headline is not part of the source
    that opens the paragraph under it ("'Progress' seen in US auto bailout deal ¶ Officials say")."""
    pieces, first = [], start
    for i in range(start, end):
        if "\n\n" in doc[i].text or doc[i].is_space and "\n" in doc[i].text:
            pieces.append((first, i))
            first = i + 1
        elif "\n\n" in doc[i].whitespace_:
            pieces.append((first, i + 1))
            first = i + 1
    pieces.append((first, end))
    return next((p for p in reversed(pieces) if p[1] > p[0]), (start, start))


class _Role:
    """The spans of one role (cues or sources) in text order, indexed once by position and by
    where they attach in the parse."""

    def __init__(self, doc: Doc, spans: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.spans = spans
        self.where = Intervals(spans)
        self._first: dict[int, int] = {}
        for number, (start, end) in enumerate(spans):
            for i in range(start, end):
                self._first.setdefault(i, number)
        self._heads: dict[int, int] | None = None
        self._attached: dict[int, list[int]] | None = None

    def __bool__(self) -> bool:
        return bool(self.spans)

    def first_holding(self, i: int) -> tuple[int, int] | None:
        """The first span that holds token ``i``."""
        number = self._first.get(i)
        return None if number is None else self.spans[number]

    def first_hanging_in(self, start: int, end: int) -> tuple[int, int] | None:
        """The first span with an attachment point whose head lies in tokens [start, end)."""
        if self._heads is None:
            self._heads = {}
            for number, span in enumerate(self.spans):
                for root in _roots(self.doc, span):
                    self._heads.setdefault(self.doc[root].head.i, number)
        found = [self._heads[i] for i in range(start, end) if i in self._heads]
        return self.spans[min(found)] if found else None

    def hanging_on(self, start: int, end: int) -> list[int]:
        """Numbers of the spans with an attachment point whose head, or the head's head, lies
        in tokens [start, end), in order."""
        if self._attached is None:
            self._attached = {}
            for number, span in enumerate(self.spans):
                for root in _roots(self.doc, span):
                    head = self.doc[root].head
                    for i in {head.i, *(a.i for a in islice(head.ancestors, 1))}:
                        self._attached.setdefault(i, []).append(number)
        return sorted({n for i in range(start, end) for n in self._attached.get(i, ())})


COMPLETE = True
_COMPLEMENTS = {"ccomp", "xcomp", "dobj"}


def _complete(doc: Doc, linked: list[Linked], cues: _Role, sources: _Role, sentences: SentenceIndex) -> list[Linked]:
    """A cue the tagger found without its content: "Trump [denied] [that he knew]" — the
    content is the cue verb's clausal complement (or object), when nothing else claims it."""
    used = {a.cue for a in linked}
    taken = {i for a in linked for s, e in a.parts for i in range(s, e)}
    taken |= {i for s, e in cues.spans + sources.spans for i in range(s, e)}
    out = []
    for cue in cues.spans:
        if cue in used:
            continue
        verb = next((doc[i] for i in _roots(doc, cue)), None)
        complement = None if verb is None else next(
            (c for c in verb.children if c.dep_ in _COMPLEMENTS and c.i >= cue[1]), None)
        if complement is None:
            continue
        start, end = complement.left_edge.i, complement.right_edge.i + 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if end <= start or any(i in taken for i in range(start, end)):
            continue
        parts = [(start, end)]
        out.append(Linked(((start, end),), cue, _source_for(doc, cue, parts, sources, sentences)))
        taken |= set(range(start, end))
    return out


def join_split(doc: Doc, contents: list[tuple[int, int]], cues, sources, *, text: str | None = None,
               cues_at: Intervals | None = None) -> list[list[tuple[int, int]]]:
    """Group "“A,” he said. “B.”" into one content in two parts: a quotation closes and reopens
    around its cue (and source); so does a content around a cue and source set off by commas
    ("A, according to X, B"). Other neighbouring contents stay apart: in PolNeAR they are
    mostly attributions of their own ("X said A, saying B"). ``text`` (``doc.text``) and
    ``cues_at`` (the cues' intervals) may come from the caller, who has them already."""
    groups: list[list[tuple[int, int]]] = []
    covered = {i for s, e in list(cues) + list(sources) for i in range(s, e)}
    text = doc.text if text is None else text
    cues_at = Intervals(list(cues)) if cues_at is None else cues_at
    for content in contents:
        if groups:
            last = groups[-1][-1]
            gap = range(last[1], content[0])
            has_cue = bool(cues_at.inside(last[1], content[0]))
            loose = [i for i in gap if not (i in covered or doc[i].is_punct or doc[i].is_space)]
            breaks = sum("\n" in doc[i].text for i in gap)
            between = text[doc[last[1] - 1].idx : doc[content[0]].idx + 1] if gap else ""
            marked = _SPLIT_MARKS.search(between) is not None  # the quotation closes, then reopens
            if has_cue and marked and _set_off(doc, content[0]) and not _new_sentence(doc, last[1], content[0]) and len(loose) <= LOOSE and breaks <= BREAKS and len(gap) <= SPLIT_GAP \
                    and len(groups[-1]) < PARTS:
                groups[-1].append(content)
                continue
            if has_cue and not marked and not loose and not breaks and len(gap) <= SPLIT_GAP and len(groups[-1]) < PARTS \
                    and _INSERTED.match(text, doc[last[1] - 1].idx + len(doc[last[1] - 1]), doc[content[0]].idx) \
                    and not _finite(doc, *last) and _finite(doc, *content):
                # "At the same time, according to Georgian sources, the troops were …", "The dam,
                # she said, was safe": an attribution set off by commas inside its clause (not
                # after one: "X earned $600 million, according to filings, a huge sum …")
                groups[-1].append(content)
                continue
        groups.append([content])
    return groups


def _finite(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) hold a finite verb."""
    return any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in doc[start:end])


def _set_off(doc: Doc, start: int) -> bool:
    """Whether punctuation sets off a quotation that opens at token ``start`` ('…," he said. "B'),
    rather than a word that governs it ('He said "B', 'on the podcast "B')."""
    k = start - 1
    while k >= 0 and (doc[k].is_quote or doc[k].is_space):
        k -= 1
    return k < 0 or doc[k].is_punct


def _new_sentence(doc: Doc, end: int, start: int) -> bool:
    """Whether the quotation that ends at token ``end`` closes its sentence and a new sentence
    follows it before the quotation at ``start``: '"… in the world." He also pointed out, "…"'
    is two statements, not one split by its cue ('"…," he said, "…"')."""
    k = end
    while k < start and (doc[k].is_punct or doc[k].is_space) and doc[k].text not in {".", "!", "?"}:
        k += 1
    closed = k < start and doc[k].text in {".", "!", "?"} or end > 0 and doc[end - 1].text in {".", "!", "?"}
    word = next((doc[i] for i in range(end, start) if not (doc[i].is_punct or doc[i].is_space)), None)
    return closed and word is not None and word.text[:1].isupper()


def _between(parts: list[tuple[int, int]], cues: _Role) -> tuple[int, int] | None:
    if len(parts) < 2:
        return None
    return next((cues.spans[k] for k in cues.where.inside(parts[0][1], parts[1][0])), None)


def _inside(i: int, span: tuple[int, int]) -> bool:
    return span[0] <= i < span[1]


def _roots(doc: Doc, span: tuple[int, int]) -> list[int]:
    """Tokens of ``span`` whose head lies outside it (the span's attachment points)."""
    return [i for i in range(*span) if not _inside(doc[i].head.i, span) or doc[i].head.i == i]


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _cue_for(doc: Doc, parts: list[tuple[int, int]], cues: _Role, sentences: SentenceIndex) -> tuple[int, int] | None:
    if not cues:
        return None
    first = parts[0]
    whole = (parts[0][0], parts[-1][1])
    # The content's clause hangs from the cue: "said [that the wall will be built]".
    for root in _roots(doc, first):
        head = doc[root].head
        for ancestor in [head, *islice(head.ancestors, 2)]:
            cue = cues.first_holding(ancestor.i)
            if cue is not None and not (whole[0] <= cue[0] and cue[1] <= whole[1]):
                return cue
    # The cue hangs from the content: "[The wall will be built], he said."
    cue = cues.first_hanging_in(*whole)
    if cue is not None:
        return cue
    # Otherwise the nearest cue in the content's sentences, or right next to it in its
    # paragraph: "Caddell continued: “The health issue …”".
    sentence = (sentences.bounds(whole[0])[0], sentences.bounds(whole[1] - 1)[1])
    spans = cues.spans

    def outside(k: int) -> bool:
        return not (whole[0] <= spans[k][0] and spans[k][1] <= whole[1])

    near = [spans[k] for k in cues.where.inside(*sentence) if outside(k)]
    if not near:
        near = [spans[k] for k in _within_reach(cues, whole) if outside(k)
                and not _break_between(doc, spans[k], whole)]
    return min(near, key=lambda c: _distance(c, whole), default=None)


def _within_reach(role: _Role, anchor: tuple[int, int]) -> list[int]:
    """Numbers of the spans at most ``ADJACENT`` tokens from ``anchor``, in order."""
    return [k for k in role.where.overlapping(anchor[0] - ADJACENT - 1, anchor[1] + ADJACENT + 1)
            if _distance(role.spans[k], anchor) <= ADJACENT]


def _break_between(doc: Doc, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether a paragraph break separates two spans."""
    lo, hi = min(a[1], b[1]), max(a[0], b[0])
    return any("\n" in doc[i].text or "\n" in doc[i].whitespace_ for i in range(max(lo - 1, 0), min(hi, len(doc))))


def _source_for(doc: Doc, cue: tuple[int, int] | None, parts, sources: _Role,
                sentences: SentenceIndex) -> tuple[int, int] | None:
    if not sources:
        return None
    spans = sources.spans
    # Sources inside the content are someone it quotes; they count only if no other is there.
    quoted = {k for p in parts for k in sources.where.inside(*p)}

    def outside(k: int) -> bool:
        return k not in quoted or len(quoted) == len(spans)

    whole = (parts[0][0], parts[-1][1])
    if cue is not None:
        # The source is the cue's subject, or hangs from it: "according to [the ministry]".
        source = next((spans[k] for k in sources.hanging_on(*cue) if outside(k)), None)
        if source is not None:
            return source
        anchor = cue
    else:
        anchor = whole
    sentence = sentences.bounds(anchor[0])
    near = [spans[k] for k in sources.where.inside(*sentence) if outside(k)]
    if not near:
        near = [spans[k] for k in _within_reach(sources, anchor) if outside(k)
                and not _break_between(doc, spans[k], anchor)]
    return min(near, key=lambda s: _distance(s, anchor), default=None)
