"""Quotes of every kind: direct (in marks), mixed, partial, indirect and "according to".

Each quote is tied to its cue (the reporting verb or phrase), its speaker's mention and, where
the text gives one, the medium or addressee ("told The Jerusalem Post").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..types import ActorType, QuoteKind
from . import lexicons
from .actors import ActorBook, Cluster
from .lookup import SentenceIndex
from .marks import QuoteRegion, find_regions
from .speakers import SpeakerResolver, mention_span, subject_of

_TRAILING = " \t\n,;:—–-"
_DATELINE = re.compile(r"[A-Z][A-Z .,'-]{2,40}(?:\([^)]{1,30}\))? ?[—–-]{1,2} ")
_SENTENCE_END = ".?!…"
_FRAGMENT_WORDS = 6
_MEDIUM_NOUNS = {"interview", "statement", "post", "tweet", "video", "broadcast", "op-ed", "column",
                 "article", "letter", "speech", "briefing", "conference", "appearance", "podcast"}
_CHANNEL_WORDS = {"television", "tv", "radio", "twitter", "facebook", "instagram", "telegram", "x", "youtube"}


@dataclass(frozen=True)
class Draft:
    """A quote before ids are assigned: token spans and actor clusters."""

    kind: QuoteKind
    start: int
    end: int
    speaker: Cluster | None = None
    speaker_span: SpacySpan | None = None
    cue: SpacySpan | None = None
    medium: Cluster | None = None
    medium_span: SpacySpan | None = None
    inherited: bool = False
    parts: tuple[tuple[int, int], ...] = ()
    cue_verb: Token | None = None


class QuoteFinder:
    """Finds all attributed statements in a parsed article (``run``), and the scare quotes."""

    def __init__(self, doc: Doc, book: ActorBook) -> None:
        self.doc = doc
        self.sentences = SentenceIndex(doc)
        self.text = self.sentences.text
        self.book = book
        self.regions = find_regions(self.text)
        self._region_starts = [r.start for r in self.regions]
        self.in_quote = [-1] * len(doc)
        for number, region in enumerate(self.regions):
            for token in _tokens_in(doc, region.start, region.end):
                self.in_quote[token.i] = number
        self.resolver = SpeakerResolver(doc, book, self.in_quote, self.sentences)
        self.cues = lexicons.cue_verbs()
        self.scare: list[QuoteRegion] = []

    def run(self) -> list[Draft]:
        # Text order matters: a speaker introduced by one cue is the antecedent of the next "he".
        events: list[tuple[int, QuoteRegion | Token]] = [(r.start, r) for r in self.regions]
        events += [(t.idx, t) for t in self.doc if self.in_quote[t.i] < 0]
        events.sort(key=lambda e: e[0])
        found = _Drafts()
        for _, item in events:
            if isinstance(item, QuoteRegion):
                draft = self._direct(item)
            elif self._is_cue(item):
                draft = self._indirect(item)
            elif item.lower_ == "according" and item.i + 1 < len(self.doc) and self.doc[item.i + 1].lower_ == "to":
                draft = self._according_to(item)
            else:
                continue
            if draft is not None:
                found.add(draft)
        for draft in self._colon_lines():
            found.add(draft)
        drafts = sorted(found.drafts(), key=lambda d: (d.start, d.end))
        return self._inherit(self._join_split(drafts))

    def _colon_lines(self) -> list[Draft]:
        """Headline and transcript style: "Tamimi: The money went to orphans"."""
        drafts = []
        for line in _COLON_LINE.finditer(self.text):
            colon = line.start(2) - 1
            while self.text[colon] != ":":
                colon -= 1
            speaker = self.doc.char_span(line.start(1), line.end(1), alignment_mode="contract")
            cue = self.doc.char_span(colon, colon + 1)
            if speaker is None or cue is None or not _is_name_phrase(speaker):
                continue
            start, end = _trim(self.text, line.start(2), line.end(2))
            if end - start < 8:
                continue
            kind = QuoteKind.DIRECT if self._in_region(start, end) else QuoteKind.INDIRECT
            drafts.append(Draft(kind, start, end, speaker=self.resolver.resolve(speaker), speaker_span=speaker, cue=cue))
        return drafts

    def _in_region(self, start: int, end: int) -> bool:
        """Whether a quoted region starts at or before ``start`` and ends at ``end`` or one
        character before it. Regions are disjoint and in order, so their ends grow too."""
        for k in range(bisect_right(self._region_starts, start) - 1, -1, -1):
            if self.regions[k].end + 1 < end:
                return False
            return True
        return False

    # -- cues and speakers ------------------------------------------------------------------
    def _is_cue(self, token: Token) -> bool:
        if token.pos_ not in {"VERB", "AUX"} or token.dep_ == "amod":
            return False
        lemma = token.lemma_.lower()
        return lemma in self.cues or lemma in _DOUBT_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() == "doubt" for c in token.children)

    def _attribution(self, verb: Token) -> dict:
        subject = subject_of(verb, self._is_cue)
        fields: dict = {"cue": _cue_span(verb), "cue_verb": verb}
        if subject is not None and self.in_quote[subject.i] < 0:
            span = mention_span(subject)
            fields["speaker_span"] = span
            fields["speaker"] = self.resolver.resolve(span)
        medium = _medium_span(verb)
        if medium is not None:
            fields["medium_span"] = medium
            fields["medium"] = self.book.in_span(medium.start, medium.end) or self.book.described(medium)
        return fields

    # -- quotes in marks --------------------------------------------------------------------
    def _direct(self, region: QuoteRegion) -> Draft | None:
        # "We will not back down," he said: the comma belongs to the sentence, not the quote.
        ends_sentence = self.text[region.inner_end - 1] in _SENTENCE_END + ","
        inner_end = region.inner_end
        while inner_end > region.inner_start + 1 and self.text[inner_end - 1] in ",;: ":
            inner_end -= 1
        region = replace(region, inner_end=inner_end)
        tokens = _tokens_in(self.doc, region.inner_start, region.inner_end)
        if not tokens:
            return None
        if self.text[max(0, region.start - 12) : region.start].rstrip().lower().endswith(("so-called", "so called")):
            self.scare.append(region)  # so-called "peace" talks: the writer's distance, no statement
            return None
        verb = self._cue_near(region, tokens)
        words = sum(1 for t in tokens if not t.is_punct)
        if verb is None:
            if words <= _FRAGMENT_WORDS and not ends_sentence:
                self.scare.append(region)
                return None  # a title or scare quote, not somebody's statement
            return Draft(QuoteKind.DIRECT, region.inner_start, region.inner_end)
        fields = self._attribution(verb)
        inside = {t.i for t in tokens}
        content = next((c for c in verb.children if c.dep_ in {"ccomp", "xcomp"} and c.i in inside), None)
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if clause is not None and clause.i not in inside and words <= 2 * _FRAGMENT_WORDS:
            start, end = _span_chars(self.doc, clause.left_edge.i, clause.right_edge.i + 1)
            if start < region.start and region.end <= end + 1 or start <= region.start and region.end < end:
                # He said the count "might have been rigged": reported speech with a quoted fragment.
                return Draft(QuoteKind.MIXED, start, max(end, region.inner_end), **fields)
        if content is not None and content.left_edge.i < tokens[0].i and self.in_quote[content.left_edge.i] < 0 \
                and all(t.dep_ in {"mark", "advmod", "punct"} for t in self.doc[content.left_edge.i : tokens[0].i]):
            # He told them that “we’re in this together.”: the quotation is the reported clause.
            start = content.left_edge.idx
            return Draft(QuoteKind.MIXED, start, region.end if region.closed else region.inner_end, **fields)
        if content is None and verb.lemma_.lower() in lexicons.representation_verbs() and words <= 2 * _FRAGMENT_WORDS:
            # She depicts the protests as "turbulence".
            return Draft(QuoteKind.PARTIAL, region.inner_start, region.inner_end, **fields)
        if words <= _FRAGMENT_WORDS and not ends_sentence and clause is None and content is None:
            return Draft(QuoteKind.PARTIAL, region.inner_start, region.inner_end, **fields)
        return Draft(QuoteKind.DIRECT, region.inner_start, region.inner_end, **fields)

    def _cue_near(self, region: QuoteRegion, tokens: list[Token]) -> Token | None:
        """The reporting verb that governs a quoted region, in its sentences or next to them."""
        doc = self.doc
        sentence = self.sentences.sentence
        first, last = sentence(tokens[0].i), sentence(tokens[-1].i)
        sentences = {first.start: first, last.start: last}
        if last.end < len(doc):
            after = sentence(last.end)
            sentences[after.start] = after
        if first.start > 0:
            before = sentence(first.start - 1)
            if before[-1].text in {":", ","} or (len(before) > 1 and before[-2].text == ":"):
                sentences[before.start] = before
        inside = {t.i for t in tokens}
        best: tuple[int, Token] | None = None
        for sent in sentences.values():
            for token in sent:
                if self.in_quote[token.i] >= 0 or not self._is_cue(token):
                    continue
                governs = any(token in t.ancestors for t in tokens) or token.head.i in inside
                adjacent = self._adjacent(region, token)
                if not (governs or adjacent):
                    continue
                distance = min(abs(token.idx - region.end), abs(region.start - token.idx))
                if best is None or distance < best[0]:
                    best = (distance, token)
        return None if best is None else best[1]

    def _adjacent(self, region: QuoteRegion, verb: Token) -> bool:
        """ "…," said Smith. / Smith said: "…" — nothing but the speaker between quote and cue."""
        if verb.idx >= region.end:
            gap = self.text[region.end : verb.idx]
        else:
            gap = self.text[verb.idx + len(verb.text) : region.start]
        return len(gap) <= 60 and "\n" not in gap and not any(ch in gap for ch in ".?!")

    # -- reported speech --------------------------------------------------------------------
    def _indirect(self, verb: Token) -> Draft | None:
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        doc = self.doc
        if clause is not None:
            region = self.in_quote[clause.i]
            outside = [t for t in clause.subtree if self.in_quote[t.i] != region and not t.is_punct]
            if region >= 0 and len(outside) < 2:
                return None  # the clause is a quotation in marks, found as such
            left, right = self._clause_bounds(verb, clause)
            start, end = _span_chars(doc, left, right)
        elif (claim := _claim_clause(verb)) is not None:
            # "rejected accusations that …", "cast doubt on the claim that …": the content is the
            # clause the noun introduces.
            start, end = _span_chars(doc, claim.left_edge.i, claim.right_edge.i + 1)
        elif verb.lemma_.lower() in lexicons.intention_verbs() and (
            xcomp := next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i
                           and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        ) is not None:
            # "Tamimi vowed to fight on": an intention, reported.
            start, end = _span_chars(doc, xcomp.left_edge.i, xcomp.right_edge.i + 1)
        elif verb.dep_ == "parataxis" and verb.head.pos_ in {"VERB", "AUX"}:
            # "The plan, he said, will fail." / "The plan will fail, he said."
            head = verb.head
            left, right = head.left_edge.i, head.right_edge.i + 1
            if verb.right_edge.i + 1 >= right:
                right = verb.left_edge.i
            start, end = _span_chars(doc, left, right)
        else:
            return None
        start, end = _trim(self.text, start, end)
        if end - start < 3 or subject_of(verb, self._is_cue) is None:
            return None
        kind = QuoteKind.INDIRECT
        # Only regions that start inside the clause matter (they are in order; none starts at
        # or after its end, which only grows to the end of a region already seen).
        for region in self.regions[bisect_left(self._region_starts, start):]:
            if region.start >= end:
                break
            if start <= region.start and region.inner_start < end <= region.inner_end + 2:
                # He said relations were conducted "between two governments." — the closing mark
                # falls outside the parsed clause: take the quoted words in whole.
                end = region.end
            if start <= region.start and region.inner_end <= end:
                kind = QuoteKind.MIXED
        return Draft(kind, start, end, **self._attribution(verb))

    def _clause_bounds(self, verb: Token, clause: Token) -> tuple[int, int]:
        """Token bounds of a reported clause, up to a participle that starts a new statement:
        "… denied that X, calling the report …"."""
        doc = self.doc
        left, right = clause.left_edge.i, clause.right_edge.i + 1
        for token in doc[clause.i + 1 : right]:
            if token.tag_ == "VBG" and token.dep_ in {"advcl", "xcomp", "conj"} and self.in_quote[token.i] < 0 \
                    and self._is_cue(token):
                right = min(right, token.left_edge.i)
            elif token.dep_ == "conj" and token.pos_ == "VERB" and self.in_quote[token.i] < 0 \
                    and self._is_cue(token) and any(c.dep_ == "ccomp" for c in token.children) \
                    and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
                # "… denied that the inspection had been cancelled and said it would publish …":
                # a second reporting verb starts the subject's next statement.
                right = min(right, token.left_edge.i)
        while right > left and doc[right - 1].text in {",", "and", "but", ";", "—", "-"}:
            right -= 1
        return left, right

    def _according_to(self, according: Token) -> Draft | None:
        doc = self.doc
        to = doc[according.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            return None
        phrase_start = according.i
        phrase_end = source.right_edge.i + 1
        sent = self.sentences.sentence(according.i)
        head = according.head if according.head.i != according.i else sent.root
        left, right = head.left_edge.i, head.right_edge.i + 1
        if head.pos_ not in {"VERB", "AUX"}:
            left, right = sent.start, sent.end
        if phrase_start <= left + 1:
            left = phrase_end
        elif phrase_end >= right - 1:
            right = phrase_start
        start, end = _trim(self.text, *_span_chars(doc, left, right))
        if end - start < 3:
            return None
        span = mention_span(source)
        return Draft(QuoteKind.ACCORDING_TO, start, end, speaker=self.resolver.resolve(span),
                     speaker_span=span, cue=doc[according.i : according.i + 2])

    # -- split and floating quotes ----------------------------------------------------------
    def _join_split(self, drafts: list[Draft]) -> list[Draft]:
        """ "…," he said. "…" is one quote in two parts, the cue between them."""
        out: list[Draft] = []
        for draft in drafts:
            previous = out[-1] if out else None
            if previous is not None and previous.kind == draft.kind == QuoteKind.DIRECT and self._split_pair(previous, draft):
                parts = (previous.parts or ((previous.start, previous.end),)) + ((draft.start, draft.end),)
                out[-1] = replace(previous, end=draft.end, parts=parts)
                continue
            out.append(draft)
        return out

    def _split_pair(self, first: Draft, second: Draft) -> bool:
        gap = self.text[first.end : second.start]
        if "\n" in gap or len(gap) > 120 or first.cue is None:
            return False
        cue_between = first.end <= first.cue.start_char and first.cue.end_char <= second.start
        return cue_between and (second.cue is None or second.cue == first.cue)


    def _inherit(self, drafts: list[Draft]) -> list[Draft]:
        """An unattributed quote right after an attributed one, with no other speaker between,
        was said by the same speaker: "…," he said. "…"."""
        out: list[Draft] = []
        previous: Draft | None = None  # the last draft with a speaker
        for draft in drafts:
            if draft.kind == QuoteKind.DIRECT and draft.cue is None and out:
                if previous is not None and self._nobody_between(previous, draft):
                    draft = replace(draft, speaker=previous.speaker, inherited=True)
            out.append(draft)
            if draft.speaker is not None:
                previous = draft
        return out

    def _nobody_between(self, previous: Draft, draft: Draft) -> bool:
        if self.sentences.line_breaks(previous.end, draft.start) > 2:
            return False
        first, last = self.sentences.token_at(previous.end), self.sentences.token_at(draft.start)
        for start, end, cluster in self.book.mentions_inside(first, last + 1):
            span = self.doc[start:end]
            if previous.end <= span.start_char and span.end_char <= draft.start and cluster is not previous.speaker:
                # Another person, or anybody as a subject, may be the new speaker.
                if self.in_quote[start] < 0 and (cluster.type == ActorType.PERSON or span.root.dep_ == "nsubj"):
                    return False
        return True


class _Drafts:
    """The drafts found so far, one quote per stretch of text: a quote in marks wins over the
    same clause read as reported speech; a mixed quote absorbs the quoted fragments inside it.
    Kept by start, so that a new draft meets only the drafts near it."""

    def __init__(self) -> None:
        self._keys: list[tuple[int, int]] = []  # (start, sequence number), sorted
        self._drafts: dict[int, Draft] = {}
        self._longest = 0
        self._count = 0

    def add(self, new: Draft) -> None:
        # Every rule below needs the old draft to reach within 2 characters of the new one.
        low = bisect_left(self._keys, (new.start - 2 - self._longest, -1))
        high = bisect_left(self._keys, (new.end + 3, -1))
        dropped = []
        for position in range(low, high):
            old = self._drafts[self._keys[position][1]]
            verdict = _verdict(old, new)
            if verdict == "refuse":
                return
            if verdict == "drop":
                dropped.append(position)
        for position in reversed(dropped):
            del self._drafts[self._keys.pop(position)[1]]
        key = (new.start, self._count)
        self._keys.insert(bisect_left(self._keys, key), key)
        self._drafts[self._count] = new
        self._count += 1
        self._longest = max(self._longest, new.end - new.start)

    def drafts(self) -> list[Draft]:
        """The kept drafts, in the order they came."""
        return list(self._drafts.values())


def _verdict(old: Draft, new: Draft) -> str:
    """What a new draft does to an old one: ``refuse`` (the old one stands, the new one goes),
    ``drop`` (the new one replaces it) or ``keep`` (both stay)."""
    if _same_stretch(old, new):
        return "drop" if new.kind == QuoteKind.DIRECT and old.kind == QuoteKind.INDIRECT else "refuse"
    if _inside(new, old) and old.kind in _REPORTED:
        return "refuse"
    if _inside(old, new) and new.kind in _REPORTED and old.kind in {QuoteKind.DIRECT, QuoteKind.PARTIAL}:
        return "drop"
    return "keep"


_REPORTED = {QuoteKind.MIXED, QuoteKind.INDIRECT, QuoteKind.ACCORDING_TO}


def _same_stretch(a: Draft, b: Draft) -> bool:
    return abs(a.start - b.start) <= 2 and abs(a.end - b.end) <= 2


def _inside(a: Draft, b: Draft) -> bool:
    return b.start <= a.start and a.end <= b.end + 2


_COLON_LINE = re.compile(r"^([^:\n]{2,60}?) ?: +([^\n]{8,})$", re.MULTILINE)
_NOT_SPEAKERS = {"update", "note", "editor", "photo", "video", "watch", "read", "related", "source", "sources",
                 "correction", "disclosure", "image", "credit", "warning", "breaking", "exclusive", "live", "q", "a"}


def _is_name_phrase(span: SpacySpan) -> bool:
    """A short noun phrase that can speak: "Tamimi", "Iraq's interior ministry", "CLINTON"."""
    if len(span) > 6 or span.root.pos_ not in {"PROPN", "NOUN"} or span.root.lower_ in _NOT_SPEAKERS:
        return False
    return all(t.pos_ in {"PROPN", "NOUN", "DET", "ADJ", "PART", "PUNCT", "NUM", "CCONJ"} for t in span) \
        and any(t.pos_ == "PROPN" or t.ent_type_ for t in span)


_CLAIM_NOUNS = {"claim", "report", "allegation", "accusation", "suggestion", "rumour", "rumor", "charge",
                "assertion", "idea", "notion", "speculation", "story", "view", "belief", "fear", "hope"}
_DOUBT_VERBS = {"cast", "raise", "express", "voice"}  # "cast doubt on the claim that …"


def _claim_clause(verb: Token) -> Token | None:
    """The "that" clause of a claim noun the cue takes as object: "denied reports that …"."""
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        nouns += [p for p in prep.children if p.dep_ == "pobj"]
    for noun in nouns:
        for target in [noun] + [p for c in noun.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]:
            if target.lemma_.lower() not in _CLAIM_NOUNS:
                continue
            clause = next((c for c in target.children if c.dep_ in {"acl", "ccomp", "relcl"} and c.i > target.i
                           and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
            if clause is not None:
                return clause
    return None


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return [] if span is None else [t for t in span if not t.is_space]


def _span_chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    if start >= len(doc):
        end_of_text = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0  # len(doc.text)
        return end_of_text, end_of_text
    if end <= start:
        return doc[start].idx, doc[start].idx
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip edge punctuation, and a dateline ("BAGHDAD — ") the clause happens to start with."""
    while end > start and text[end - 1] in _TRAILING + ".":
        end -= 1
    while start < end and text[start] in _TRAILING:
        start += 1
    dateline = _DATELINE.match(text, start, end)
    if dateline:
        start = dateline.end()
    return start, end


def _cue_span(verb: Token) -> SpacySpan:
    """The cue verb with its auxiliaries, negation and particle: "has not learned", "pointed out"."""
    doc = verb.doc
    start, end = verb.i, verb.i + 1
    while start > 0 and doc[start - 1].head == verb and doc[start - 1].dep_ in {"aux", "auxpass", "neg", "advmod"} \
            and doc[start - 1].pos_ != "PUNCT":
        start -= 1
    while start < verb.i and doc[start].dep_ == "advmod":
        start += 1
    if end < len(doc) and doc[end].dep_ == "prt" and doc[end].head == verb:
        end += 1
    # "said Tuesday that …", "said sarcastically": what stands between cue and content.
    while end < len(doc) and doc[end].head == verb and (
        doc[end].dep_ == "npadvmod" and doc[end].ent_type_ in {"DATE", "TIME"}
        or doc[end].dep_ == "advmod" and doc[end].pos_ == "ADV"
    ) and end - verb.i <= 2:
        end += 1
    return doc[start:end]


def _medium_span(verb: Token) -> SpacySpan | None:
    """Who was told, or through what: "told The Jerusalem Post", "in an interview with X"."""
    for child in verb.children:
        if verb.lemma_.lower() == "tell" and child.dep_ in {"dobj", "dative", "iobj"}:
            return mention_span(child)
        if child.dep_ != "prep":
            continue
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        if child.lower_ in {"in", "during"} and pobj.lemma_.lower() in _MEDIUM_NOUNS:
            inner = next((p for c in pobj.children if c.dep_ == "prep" and c.lower_ in {"with", "on", "to"}
                          for p in c.children if p.dep_ == "pobj"), None)
            if inner is not None:
                return mention_span(inner)
        if child.lower_ == "on" and (pobj.ent_type_ or pobj.lower_ in _CHANNEL_WORDS):
            return mention_span(pobj)
        if child.lower_ == "to" and verb.lemma_.lower() in {"say", "write", "speak", "explain", "announce"}:
            return mention_span(pobj)
    return None
