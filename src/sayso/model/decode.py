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

from spacy.tokens import Doc

from .bio import TokenSpan, bio_to_spans

#: Most tokens between two parts of one split quotation (cue and source included).
SPLIT_GAP = 25
_SPLIT_MARKS = re.compile(r'[”"].*[“"]', re.DOTALL)
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


def link(doc: Doc, spans: Sequence[TokenSpan]) -> list[Linked]:
    """Tie ``spans`` (token ranges labelled SOURCE, CUE or CONTENT over ``doc``, a parsed doc)
    into attributions, one per content (or split pair of contents)."""
    by_label: dict[str, list[tuple[int, int]]] = {"SOURCE": [], "CUE": [], "CONTENT": []}
    for start, end, label in sorted(spans):
        if label in by_label and end > start:
            by_label[label].append((start, end))
    cues, sources = by_label["CUE"], by_label["SOURCE"]
    out = []
    for parts in join_split(doc, by_label["CONTENT"], cues, sources):
        cue = _between(parts, cues) or _cue_for(doc, parts, cues)
        source = _source_for(doc, cue, parts, sources)
        out.append(Linked(tuple(parts), cue, source))
    if COMPLETE:
        out += _complete(doc, out, cues, sources)
    return sorted(out, key=lambda a: a.parts)


COMPLETE = True
_COMPLEMENTS = {"ccomp", "xcomp", "dobj"}


def _complete(doc: Doc, linked: list[Linked], cues, sources) -> list[Linked]:
    """A cue the tagger found without its content: "Trump [denied] [that he knew]" — the
    content is the cue verb's clausal complement (or object), when nothing else claims it."""
    used = {a.cue for a in linked}
    taken = {i for a in linked for s, e in a.parts for i in range(s, e)}
    taken |= {i for s, e in list(cues) + list(sources) for i in range(s, e)}
    out = []
    for cue in cues:
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
        out.append(Linked(((start, end),), cue, _source_for(doc, cue, parts, sources)))
        taken |= set(range(start, end))
    return out


def join_split(doc: Doc, contents: list[tuple[int, int]], cues, sources) -> list[list[tuple[int, int]]]:
    """Group "“A,” he said. “B.”" into one content in two parts: a quotation closes and reopens
    around its cue (and source). Other neighbouring contents stay apart: in PolNeAR they are
    mostly attributions of their own ("X said A, saying B")."""
    groups: list[list[tuple[int, int]]] = []
    covered = {i for s, e in list(cues) + list(sources) for i in range(s, e)}
    for content in contents:
        if groups:
            last = groups[-1][-1]
            gap = range(last[1], content[0])
            has_cue = any(last[1] <= s and e <= content[0] for s, e in cues)
            loose = [i for i in gap if not (i in covered or doc[i].is_punct or doc[i].is_space)]
            breaks = sum("\n" in doc[i].text for i in gap)
            between = doc.text[doc[last[1] - 1].idx : doc[content[0]].idx + 1] if gap else ""
            marked = _SPLIT_MARKS.search(between) is not None  # the quotation closes, then reopens
            if has_cue and marked and len(loose) <= LOOSE and breaks <= BREAKS and len(gap) <= SPLIT_GAP \
                    and len(groups[-1]) < PARTS:
                groups[-1].append(content)
                continue
        groups.append([content])
    return groups


def _between(parts: list[tuple[int, int]], cues) -> tuple[int, int] | None:
    if len(parts) < 2:
        return None
    return next((c for c in cues if parts[0][1] <= c[0] and c[1] <= parts[1][0]), None)


def _inside(i: int, span: tuple[int, int]) -> bool:
    return span[0] <= i < span[1]


def _roots(doc: Doc, span: tuple[int, int]) -> list[int]:
    """Tokens of ``span`` whose head lies outside it (the span's attachment points)."""
    return [i for i in range(*span) if not _inside(doc[i].head.i, span) or doc[i].head.i == i]


def _sentence(doc: Doc, i: int) -> tuple[int, int]:
    sent = doc[i].sent
    return sent.start, sent.end


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _cue_for(doc: Doc, parts: list[tuple[int, int]], cues) -> tuple[int, int] | None:
    if not cues:
        return None
    first = parts[0]
    whole = (parts[0][0], parts[-1][1])
    # The content's clause hangs from the cue: "said [that the wall will be built]".
    for root in _roots(doc, first):
        head = doc[root].head
        for ancestor in [head, *list(head.ancestors)[:2]]:
            cue = next((c for c in cues if _inside(ancestor.i, c)), None)
            if cue is not None and not (whole[0] <= cue[0] and cue[1] <= whole[1]):
                return cue
    # The cue hangs from the content: "[The wall will be built], he said."
    for cue in cues:
        if any(_inside(doc[r].head.i, whole) for r in _roots(doc, cue)):
            return cue
    # Otherwise the nearest cue in the content's sentences, or right next to it in its
    # paragraph: "Caddell continued: “The health issue …”".
    sentence = (_sentence(doc, whole[0])[0], _sentence(doc, whole[1] - 1)[1])
    outside = [c for c in cues if not (whole[0] <= c[0] and c[1] <= whole[1])]
    near = [c for c in outside if sentence[0] <= c[0] and c[1] <= sentence[1]]
    if not near:
        near = [c for c in outside if _distance(c, whole) <= ADJACENT and not _break_between(doc, c, whole)]
    return min(near, key=lambda c: _distance(c, whole), default=None)


def _break_between(doc: Doc, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether a paragraph break separates two spans."""
    lo, hi = min(a[1], b[1]), max(a[0], b[0])
    return any("\n" in doc[i].text or "\n" in doc[i].whitespace_ for i in range(max(lo - 1, 0), min(hi, len(doc))))


def _source_for(doc: Doc, cue: tuple[int, int] | None, parts, sources) -> tuple[int, int] | None:
    if not sources:
        return None
    outside = [s for s in sources if not any(p[0] <= s[0] and s[1] <= p[1] for p in parts)] or sources
    whole = (parts[0][0], parts[-1][1])
    if cue is not None:
        # The source is the cue's subject, or hangs from it: "according to [the ministry]".
        for source in outside:
            for root in _roots(doc, source):
                head = doc[root].head
                if _inside(head.i, cue) or any(_inside(a.i, cue) for a in list(head.ancestors)[:1]):
                    return source
        anchor = cue
    else:
        anchor = whole
    sentence = _sentence(doc, anchor[0])
    near = [s for s in outside if sentence[0] <= s[0] and s[1] <= sentence[1]]
    if not near:
        near = [s for s in outside if _distance(s, anchor) <= ADJACENT and not _break_between(doc, s, anchor)]
    return min(near, key=lambda s: _distance(s, anchor), default=None)
