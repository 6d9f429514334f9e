"""The rule engine's quote drafts (:func:`rule_drafts`): direct (in marks), mixed, partial,
indirect, "according to" and colon lines ("Tamimi: …").

Each quote is tied to its cue (the reporting verb or phrase), its speaker's mention and, where
the text gives one, the medium or addressee ("told The Jerusalem Post").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..language import ENGLISH, detect
from ..types import ActorType, QuoteKind
from . import lexicons
from .actors import Cluster
from .names import HANDLE, TRAILING_LANGUAGE_TAG, initials
from .blockquotes import set_off_quotations
from .context import DocContext
from .cues import attribution, claim_clause
from .drafts import Draft, DraftSet
from .paragraphs import CLOSING_MARKS
from .quotations import FRAGMENT_WORDS, Quotation
from .speakers import mention_span, subject_of

_TRAILING = " \t\n,;:—–-"
_DASHES = {"—", "–", "--", "―"}
#: The longest parenthesis between dashes, in tokens, that a reported content reads past.
_PARENTHESIS = 15
_DATELINE = re.compile(r"[A-Z][A-Z .,'-]{2,40}(?:\([^)]{1,30}\))? ?[—–-]{1,2} ")
#: The shortest content kept, in characters: less is a stray word of the parse ("it", "so").
_SHORTEST_CONTENT = 3
#: The shortest statement after a colon, in characters: "Tamimi: No." is a label, not a quote.
_SHORTEST_COLON_LINE = 8
#: The fewest letters of a handle that a name cut short spells ("@FizaBatoolGilan").
_SPELT_HANDLE = 8
#: The fewest letters of initials that make a handle an organisation's ("@nhc_no").
_SHORTEST_INITIALS = 3
#: The shortest handle that a surname alone spells ("@chrisochoidis": Michalis Chrisochoidis).
_SURNAME_HANDLE = 6
#: What may stand between a name the NER cut short and the handle after it: "Damian Mac| Con Uladh (".
_NAME_RUN = re.compile(r"(?:[ \u00a0]+[A-Z][\w'’-]*){0,3}[ \u00a0]*")
#: The share of a handle that one word of a name must spell to be its owner.
SPELLED = 0.6
#: The longest gap between the two halves of a split quote, in characters: "…," he said, "…".
_SPLIT_GAP = 120
#: What may stand right before the second part of a split quotation.
_SPLIT_PUNCTUATION = frozenset(",.:;—–-")
#: A quote inherits the previous speaker across at most this many line breaks (one paragraph on).
_INHERIT_LINE_BREAKS = 2


def rule_drafts(context: DocContext) -> list[Draft]:
    """The quotes the rules find in an article, in text order, speakers resolved as met."""
    return _RuleReader(context).run()


class _RuleReader:
    """One pass of the rules over an article's context."""

    def __init__(self, context: DocContext) -> None:
        self.context = context
        self.doc, self.text, self.book = context.doc, context.text, context.book
        self.sentences, self.in_quote, self.resolver = context.sentences, context.in_quote, context.resolver
        self.regions, self._region_starts = context.regions, context.region_starts
        self._is_cue = context.is_cue

    def run(self) -> list[Draft]:
        # Text order matters: a speaker introduced by one cue is the antecedent of the next "he".
        events: list[tuple[int, Quotation | Token]] = [(q.region.start, q) for q in self.context.quotations
                                                       if q is not None]
        events += [(t.idx, t) for t in self.doc if self.in_quote[t.i] < 0]
        events.sort(key=lambda e: e[0])
        found = DraftSet()
        for _, item in events:
            if isinstance(item, Quotation):
                draft = self._direct(item)
            elif self._is_cue(item):
                draft = self._indirect(item)
            elif item.lower_ == "according" and item.i + 1 < len(self.doc) and self.doc[item.i + 1].lower_ == "to":
                draft = self._according_to(item)
            elif item.pos_ == "NOUN" and item.dep_ == "nsubj" and item.lemma_.lower() in lexicons.load("intention_nouns"):
                draft = self._stated_aim(item)
            else:
                continue
            if draft is not None:
                found.add(draft)
        colon_lines = self._colon_lines()
        # A run of posts laid out "@handle text" under a lead-in is the posts, each its handle's
        # (so is one whose label is a name with a link's language tag, or set out with a fullwidth colon:
        # "China Media Project has translated: ⏎ @Liu Yadong [zh]: …" is Liu Yadong's)
        posts = {d.speaker_span.start_char for d in colon_lines if d.set_off and d.speaker_span is not None
                 and (d.cue is None or self.text[d.cue.start_char] == "："
                      or "[" in self.text[d.speaker_span.end_char : d.cue.start_char])}
        set_off = [s for s in set_off_quotations(self.context) if s.start not in posts]
        # "Omar tweeted: ⏎ @OmarMash: …": the post is the set-off quotation of the named speaker.
        for draft in [d for d in colon_lines if not any(s.start <= d.start < s.end for s in set_off)] + set_off:
            found.add(draft)
        for draft in self._signed_paragraphs():
            found.add(draft)
        drafts = sorted(found.drafts(), key=lambda d: (d.start, d.end))
        return self._inherit(self._join_split(drafts))

    def _colon_lines(self) -> list[Draft]:
        """Headline and transcript style: "Tamimi: The money went to orphans"; and posts, each
        its label's: "@luchi7: …", "周指辉：…" (a fullwidth colon, as Chinese writes a post's
        author), "@Liu Yadong [zh]: …" (a name with a link's language tag)."""
        drafts = []
        labelled: set[int] = set()
        for line in _COLON_LINE.finditer(self.text):
            colon = line.start(2) - 1
            while self.text[colon] not in ":：":
                colon -= 1
            written = line.group(1).rstrip()
            label = TRAILING_LANGUAGE_TAG.sub("", written)
            speaker = self.doc.char_span(line.start(1), line.start(1) + len(label), alignment_mode="contract")
            cue = self.doc.char_span(colon, colon + 1)
            words = label.split()
            # "@luchi7", and a display name after an at sign: "@Rom Senakant", "@Liu Yadong [zh]"
            handle = label != written and label.startswith("@") or bool(words) and _HANDLE.fullmatch(words[0]) is not None \
                and (len(words) == 1 or len(words) <= _POST_LABEL_WORDS and all(w[:1].isupper() for w in words[1:]))
            post = handle or self.text[colon] == "：" and len(words) <= _POST_LABEL_WORDS \
                and len(label) <= _POST_LABEL_CHARACTERS
            if speaker is not None and not post and not _is_name_phrase(speaker) and " to " in label:
                # "Obama to Muslims: 'Americans are not your enemy'": the speaker, then whom he addresses
                speaker = self.doc.char_span(line.start(1), line.start(1) + label.index(" to "), alignment_mode="contract")
            if speaker is None or cue is None or not (post or _is_name_phrase(speaker) or self._person_label(speaker)):
                continue
            start, end = _trim(self.text, line.start(2), line.end(2))
            if end - start < _SHORTEST_COLON_LINE:
                continue
            if post:
                labelled.add(line.start())
            kind = QuoteKind.DIRECT if post or self._in_region(start, end) else QuoteKind.INDIRECT
            k = bisect_right(self._region_starts, start) - 1
            if k >= 0 and (self.regions[k].start, self.regions[k].end) == (start, end):
                start, end = self.regions[k].inner  # "Obama to Muslims: 'Americans are not your enemy'"
            owner = self._account_owner(label, line.start()) if handle else None
            found = owner or self.resolver.resolve(speaker)
            if found is None and post:
                found = self.book.add_unnamed(speaker)  # "@luchi7: …": the account, known by its handle
            drafts.append(Draft(kind, start, end, speaker=found, speaker_span=speaker, cue=cue, set_off=post))
        drafts += self._handle_lines(labelled)
        return _with_translations(self.text, sorted(drafts, key=lambda d: d.start))

    def _person_label(self, label: SpacySpan) -> bool:
        """A headline's label that names a person the article names in full, whatever the parser
        made of it ("Merkel: Georgia will join NATO", "Merkel" read as a verb)."""
        return 0 < len(label) <= 2 and all(t.is_title and t.is_alpha for t in label) \
            and self.book.person_named(label.text) is not None

    def _handle_lines(self, labelled: set[int] | frozenset[int] = frozenset()) -> list[Draft]:
        """Posts laid out "@handle text", no colon, in a run of paragraphs a lead-in opens ("And
        netizens criticised him: ⏎ @BarryL Random country? … ⏎ @kartika_m don't judge …"): each
        post is its handle's (docs/annotation.md). A paragraph in which the handle is the subject
        ("@wjsfree posted a video …") is the reporter's."""
        drafts: list[Draft] = []
        previous_end = -1
        for line in _HANDLE_LINE.finditer(self.text):
            if line.start() in labelled:
                continue  # "@Liu Yadong [zh]: …": a labelled post, read with its whole label
            before = self.text[: line.start()].rstrip()
            opened = before.endswith(":") or (previous_end >= 0 and not self.text[previous_end : line.start()].strip())
            previous_end = -1
            speaker = self.doc.char_span(line.start(1), line.end(1), alignment_mode="contract")
            start, end = _trim(self.text, line.start(2), line.end(2))
            if not opened or speaker is None or end - start < _SHORTEST_COLON_LINE or line.group(2).rstrip().endswith(":") \
                    or _reports(speaker):
                continue
            previous_end = line.end()
            found = self._account_owner(line.group(1), line.start()) or self.book.add_unnamed(speaker)
            drafts.append(Draft(QuoteKind.DIRECT, start, end, speaker=found, speaker_span=speaker, set_off=True))
        return drafts

    def _signed_paragraphs(self) -> list[Draft]:
        """A pull quote laid out as a paragraph and a signature line under it: "The sums involved
        are unusually large …" ⏎⏎ "— Court"; the words signed are the signer's, the dash the cue."""
        drafts = []
        text = self.text
        for line in _SIGNATURE_LINE.finditer(text):
            if text[line.start() - 2 : line.start()] != "\n\n":
                continue
            previous = text.rfind("\n\n", 0, line.start() - 2)
            paragraph = text[0 if previous < 0 else previous + 2 : line.start() - 2].strip()
            quoted = paragraph[:1] in _OPENING_MARKS and paragraph[-1:] in CLOSING_MARKS
            start, end = _trim(text, 0 if previous < 0 else previous + 2, line.start() - 2)
            while start < end and text[start] in _OPENING_MARKS:
                start += 1
            if quoted:
                start, end = _trim(text, start, end - 1)
            if line.group(1).rstrip(" .")[-1:] in "-—–―":
                continue  # "– Ready to quiz Trump –": a section's heading between dashes
            if text[line.start()] == "-" and not quoted:
                continue  # a hyphen signs only a paragraph that is all a quotation (a list item may open so)
            signer = self.doc.char_span(line.start(1), line.end(1) - line.group(1).endswith("."), alignment_mode="contract")
            cue = self.doc.char_span(line.start(), line.start() + 1)
            if end - start < _SHORTEST_COLON_LINE or "\n" in text[start:end] or signer is None or cue is None \
                    or not any(t.pos_ == "PROPN" for t in signer) \
                    or any(t.lower_ in lexicons.load("byline_words") for t in signer):
                continue  # "— White House Correspondent Julie Pace.": the reporter's credit, no signature
            drafts.append(Draft(QuoteKind.DIRECT, start, end, speaker=self.resolver.resolve(signer), speaker_span=signer,
                                cue=cue, set_off=True))
        return drafts

    def _account_owner(self, handle: str, before: int) -> Cluster | None:
        """The named actor an account's handle spells, the latest named before it (else the first
        named after it): "@SenRehmanMalik" → Rehman Malik, "@Addameer_ps" → Addameer, "@unzippedblog"
        → Unzipped; else a name the NER missed that the handle spells ("@FizaBatoolGilan" → "Fiza
        Batool Gilani")."""
        account = handle.lstrip("@").replace("_", "").lower()
        given = self._handle_given(handle, before) or self._handle_initials(handle)
        if given is not None:
            return given
        named = [c for c in self.book.ordered() if c.named and c.mentions and any(len(w) > 2 for w in c.words)]
        earlier = [c for c in reversed(named) if min(c.mentions)[0] < before]
        post_end = self.text.find("\n", before)  # (a name inside the post itself is what it is about)
        later = [c for c in named if min(c.mentions)[0] >= (len(self.text) if post_end < 0 else post_end)]
        return next((c for c in earlier + later if _spells(account, c)), None) or self._spelt_name(account, before)

    def _spelt_name(self, account: str, before: int) -> Cluster | None:
        """A run of two to four capitalised words before the handle that the handle spells out, in
        full or cut short, where the NER saw no name: "Fiza Batool Gilani" for "@FizaBatoolGilan"."""
        if len(account) < _SPELT_HANDLE:
            return None
        doc = self.doc
        for token in doc:
            if token.idx >= before:
                break
            joined, end = "", token.i
            while end < len(doc) and end - token.i < 4 and doc[end].is_title and doc[end].is_alpha:
                joined += doc[end].lower_
                end += 1
                if end - token.i >= 2 and joined.startswith(account):
                    return self.book.add_named(doc[token.i : end], "PERSON")
        return None

    def _handle_initials(self, handle: str) -> Cluster | None:
        """The one organisation whose initials open the handle: "@nhc_no" → the Norwegian
        Helsinki Committee, named before or after the post."""
        first = re.split(r"[_\d]", handle.lstrip("@").lower())[0]
        if len(first) < _SHORTEST_INITIALS:
            return None
        found = [c for c in self.book.ordered() if c.named and len(c.words) >= len(first)
                 and initials(c.words) == first and c.type != ActorType.PERSON]
        return found[0] if len(found) == 1 else None

    def _handle_given(self, handle: str, before: int) -> Cluster | None:
        """The actor named right before the handle in brackets earlier in the article:
        "journalist Damian Mac Con Uladh (@damomac) urged …" makes "@damomac:" his."""
        for found in re.finditer(r"\(\s*" + re.escape(handle) + r"\s*\)", self.text[:before]):
            owners = [c for c in self.book.ordered() if c.named for start, end in c.mentions
                      if end <= found.start() and _NAME_RUN.fullmatch(self.text[end : found.start()])]
            if owners:
                return owners[-1]
        return None

    def _in_region(self, start: int, end: int) -> bool:
        """Whether a quoted region starts at or before ``start`` and ends at ``end`` or one
        character before it. Regions are disjoint and in order, so their ends grow too."""
        for k in range(bisect_right(self._region_starts, start) - 1, -1, -1):
            if self.regions[k].end + 1 < end:
                return False
            return True
        return False

    # -- quotes in marks --------------------------------------------------------------------
    def _direct(self, quotation: Quotation) -> Draft | None:
        if quotation.scare:
            return None  # a title or scare quote, not somebody's statement
        region, verb, words = quotation.region, quotation.verb, quotation.words
        tokens = list(quotation.tokens)
        if verb is None:
            return Draft(QuoteKind.DIRECT, region.inner_start, region.inner_end)
        fields = attribution(self.context, verb)
        inside = {t.i for t in tokens}
        content = next((c for c in verb.children if c.dep_ in {"ccomp", "xcomp"} and c.i in inside), None)
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if clause is not None and clause.i not in inside and words <= 2 * FRAGMENT_WORDS:
            start, end = _span_chars(self.doc, clause.left_edge.i, clause.right_edge.i + 1)
            if start < region.start and region.end <= end + 1 or start <= region.start and region.end < end:
                # He said the count "might have been rigged": reported speech with a quoted fragment.
                start, _ = _trim(self.text, start, end)
                return Draft(QuoteKind.MIXED, start, max(end, region.inner_end), **fields)
        if content is not None and content.left_edge.i < tokens[0].i and self.in_quote[content.left_edge.i] < 0 \
                and all(t.dep_ in {"mark", "advmod", "punct"} for t in self.doc[content.left_edge.i : tokens[0].i]):
            # He told them that “we’re in this together.”: the quotation is the reported clause.
            end = region.end if region.closed else region.inner_end
            start, _ = _trim(self.text, content.left_edge.idx, end)  # not the colon before it
            return Draft(QuoteKind.MIXED, start, end, **fields)
        if content is None and verb.lemma_.lower() in lexicons.representation_verbs() and words <= 2 * FRAGMENT_WORDS:
            # She depicts the protests as "turbulence".
            return Draft(QuoteKind.PARTIAL, region.inner_start, region.inner_end, **fields)
        if words <= FRAGMENT_WORDS and not quotation.ends_sentence and clause is None and content is None:
            return Draft(QuoteKind.PARTIAL, region.inner_start, region.inner_end, **fields)
        return Draft(QuoteKind.DIRECT, region.inner_start, region.inner_end, **fields)

    # -- reported speech --------------------------------------------------------------------
    def _indirect(self, verb: Token) -> Draft | None:
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        # "In a release put out Friday, the organization said that …": of two clauses the parse
        # hangs from the verb, the one after it is what is said
        parsed_subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        clause = next((c for c in clauses if c.i > verb.i and any(m.dep_ == "mark" for m in c.children)
                       and not self._is_cue(c) and parsed_subject is not None
                       and clauses[0].i < parsed_subject.i < verb.i),
                      clauses[0] if clauses else None)  # (not "…, no one denies that,' says an official")
        doc = self.doc
        if clause is not None:
            number = self.in_quote[clause.i]
            outside = [t for t in clause.subtree if self.in_quote[t.i] != number and not t.is_punct]
            if number >= 0 and (len(outside) < 2 or any(
                    t.i < clause.i and t.head == clause and t.dep_ in {"ccomp", "parataxis"} and self._is_cue(t)
                    and subject_of(t, self._is_cue) is not None for t in outside)):
                # the clause is a quotation in marks, found as such; its words outside the marks
                # are another act of saying ('He said there was no panic; "I think …", he said')
                return None
            left, right = self._clause_bounds(verb, clause)
            right = self._before_next_report(verb, left, right)
            start, end = _span_chars(doc, left, _through_dashes(doc, right))
        elif (claim := claim_clause(verb)) is not None:
            # "rejected accusations that …", "cast doubt on the claim that …": the content is the
            # clause the noun introduces.
            start, end = _span_chars(doc, claim.left_edge.i, claim.right_edge.i + 1)
        elif verb.lemma_.lower() in lexicons.intention_verbs() and (
            xcomp := next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i
                           and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        ) is not None:
            # "Tamimi vowed to fight on": an intention, reported.
            start, end = _span_chars(doc, xcomp.left_edge.i, _through_dashes(doc, xcomp.right_edge.i + 1))
        elif verb.lemma_.lower() in lexicons.load("gerund_content_verbs") and (
            gerund := next((c for c in verb.children if c.dep_ in {"xcomp", "ccomp"} and c.i > verb.i
                            and c.tag_ == "VBG" and c.left_edge.i == c.i), None)
        ) is not None:
            # "The Kremlin has repeatedly denied targeting civilians": the gerund clause is what is said
            start, end = _span_chars(doc, gerund.i, _through_dashes(doc, gerund.right_edge.i + 1))
        elif verb.head.pos_ in {"VERB", "AUX"} and (verb.dep_ == "parataxis" or verb.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and verb.i > verb.head.i
                and _names_a_source(subject_of(verb))):
            # "The plan, he said, will fail." / "The plan will fail, he said." / "…, as first
            # reported by the New York Times."
            head = verb.head
            left, right = head.left_edge.i, head.right_edge.i + 1
            if all(t.is_punct for t in doc[verb.right_edge.i + 1 : right]):
                right = verb.left_edge.i
            elif verb.left_edge.i <= left:
                left = verb.right_edge.i + 1  # 'she also noted, "When you attack him, …"'
            words = [t for t in doc[left:right] if not t.is_punct]
            if words and self.in_quote[words[0].i] >= 0 and all(self.in_quote[t.i] == self.in_quote[words[0].i] for t in words):
                return None  # the clause is a quotation in marks, found as such
            start, end = _span_chars(doc, left, right)
        else:
            return None
        start, end = _trim(self.text, start, end)
        k = bisect_right(self._region_starts, start) - 1
        if k >= 0 and self.regions[k].inner_start < start < self.regions[k].inner_end < end:
            return None  # a clause that opens within a quotation and runs out of it is no content
        subject = subject_of(verb, self._is_cue)
        if end - start < _SHORTEST_CONTENT or subject is None \
                or start <= subject.idx < end and not start <= verb.idx < end:
            return None  # no speaker, or one the parser put inside what is said ("…," X said)
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
        return Draft(kind, start, end, **attribution(self.context, verb))

    def _clause_bounds(self, verb: Token, clause: Token) -> tuple[int, int]:
        """Token bounds of a reported clause, up to a participle that starts a new statement:
        "… denied that X, calling the report …"."""
        doc = self.doc
        left, right = clause.left_edge.i, clause.right_edge.i + 1
        for token in doc[clause.i + 1 : right]:
            if token.tag_ == "VBG" and token.dep_ in {"advcl", "xcomp", "conj"} and self.in_quote[token.i] < 0 \
                    and self._is_cue(token):
                right = min(right, token.left_edge.i)
            elif token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"} and self.in_quote[token.i] < 0 and any(
                    c.dep_ == "prep" and c.lower_ == "according" and c.i < token.i for c in token.children):
                # "… reported that A, and according to Amnesty B": B is another source's report
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

    def _stated_aim(self, noun: Token) -> Draft | None:
        """ "Its goal is to decrease IE6 users …", "the festival's aim has been to bring together
        …": an intention whose holder is the noun's possessor, the noun its cue and the infinitive
        after "be" its content (docs/annotation.md: a noun cue that is the clause's predicate)."""
        verb = noun.head
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        act = next((c for c in verb.children if c.dep_ in {"xcomp", "attr", "ccomp"} and c.i > noun.i
                    and c.pos_ in {"VERB", "AUX"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if verb.lemma_ != "be" or owner is None or act is None or self.in_quote[act.i] >= 0 \
                or verb.dep_ not in {"ROOT", "conj"}:
            return None  # (not "it is believed his mission was to …": somebody's belief about it)
        start, end = act.left_edge.idx, act.right_edge.idx + len(act.right_edge)
        while end > start and self.text[end - 1] in ".,;:":
            end -= 1
        span = self.doc[owner.left_edge.i : owner.i + 1]
        speaker = self.resolver.resolve_pronoun(owner, "it") if owner.lower_ == "its" \
            else self.resolver.resolve(span)
        if speaker is None:
            return None
        return Draft(QuoteKind.INDIRECT, start, end, speaker=speaker, speaker_span=span,
                     cue=self.doc[noun.i : noun.i + 1])

    def _according_to(self, according: Token) -> Draft | None:
        doc = self.doc
        to = doc[according.i + 1]
        # The last object when the parser made several of one phrase ("according to Cuban
        # vice-premier Carlos Lage": "vice", "-" and "Lage"): the head of the name.
        objects = [c for c in to.children if c.dep_ == "pobj" and not c.is_punct]
        if not objects:
            return None
        source = objects[-1]
        phrase_start = according.i
        phrase_end = source.right_edge.i + 1
        clause = _clause_read_as_relative(source)
        if clause is not None:
            phrase_end = clause.left_edge.i  # "According to the WHO most people take up …"
        sent = self.sentences.sentence(according.i)
        head = according.head if according.head.i != according.i else sent.root
        if head.dep_ == "conj" and head.i > source.i and any(
                c.dep_ == "nsubj" and c.tag_ == "WP" and source.i < c.i for c in head.children):
            # "X happened, according to police, who said Y", the phrase hung on the relative
            # clause after it: it tells the clause before it
            head = head.head
        left, right = head.left_edge.i, head.right_edge.i + 1
        if head.pos_ not in {"VERB", "AUX"}:
            left, right = sent.start, sent.end
            head = sent.root
        parts: tuple[tuple[int, int], ...] = ()
        after = next((t for t in doc[phrase_end : right] if not t.is_punct), None)
        if after is not None and after.dep_ == "conj" and after.head == head and head.i < phrase_start \
                and after.pos_ in {"VERB", "AUX"} and doc[phrase_start - 1].lower_ in {"and", ",", "but"}:
            # "Trump met with Lavrov and, according to reports from the Post, told them about …":
            # the report is the act after it
            left, right = phrase_end, after.right_edge.i + 1
        elif phrase_start <= left + 1:
            left = phrase_end
        elif phrase_end >= right - 1 or head.i < phrase_start:
            # "X earned $600 million, according to public filings, a huge sum for …": what
            # follows the source is no part of the clause it reports.
            right = phrase_start
        elif left < phrase_start < phrase_end < right:
            # "The plant, according to the ministry, will close": the report on both sides.
            parts = (_trim(self.text, *_span_chars(doc, left, phrase_start)),
                     _trim(self.text, *_span_chars(doc, phrase_end, right)))
        right = self._before_next_report(head, phrase_end, right)
        start, end = _trim(self.text, *_span_chars(doc, left, right))
        if end - start < _SHORTEST_CONTENT:
            return None
        if head.i == according.i and not any(t.pos_ in {"VERB", "AUX"} for t in doc[left:right]):
            return None  # "According to X's post on the CEADESC [es] blog:": a lead-in, and words with no verb
        first = source.left_edge.i
        while first < source.i and doc[first].is_punct:
            first += 1
        span = mention_span(source) if len(objects) == 1 else doc[first : source.i + 1]
        if clause is not None:
            span = doc[first : phrase_end]
        return Draft(QuoteKind.ACCORDING_TO, start, end, speaker=self.resolver.resolve(span),
                     speaker_span=span, cue=doc[according.i : according.i + 2], parts=parts)

    def _before_next_report(self, head: Token, after: int, right: int) -> int:
        """Where a report from ``after`` ends before a clause joined into it that another source
        reports ("According to AFP, elders said A, and The Daily Telegraph reported B": AFP's
        report and the elders' end at A); a source named, not "he", and a verb of saying, not
        "is expected" or "will consider"."""
        doc = self.doc
        for c in doc[after:right]:
            if c.dep_ == "conj" and c.left_edge.i > after and c.lemma_.lower() in lexicons.speech_verbs() \
                    and self.in_quote[c.i] < 0 and any(s.dep_ == "nsubj" and s.pos_ in {"PROPN", "NOUN"} for s in c.children):
                right = c.left_edge.i
                while right > after and (doc[right - 1].is_punct or doc[right - 1].dep_ == "cc"):
                    right -= 1
                break
        return right

    # -- split and floating quotes ----------------------------------------------------------
    def _join_split(self, drafts: list[Draft]) -> list[Draft]:
        """ "…," he said. "…" is one quote in two parts, the cue between them."""
        out: list[Draft] = []
        for draft in drafts:
            previous = out[-1] if out else None
            if previous is not None and previous.kind == draft.kind == QuoteKind.DIRECT and self._split_pair(previous, draft):
                parts = previous.pieces + ((draft.start, draft.end),)
                out[-1] = replace(previous, end=draft.end, parts=parts)
                continue
            out.append(draft)
        return out

    def _split_pair(self, first: Draft, second: Draft) -> bool:
        gap = self.text[first.end : second.start]
        if "\n" in gap or len(gap) > _SPLIT_GAP or first.cue is None:
            return False
        cue_between = first.end <= first.cue.start_char and first.cue.end_char <= second.start
        # The second part is set off by punctuation ('…," he said. "…', '…," he said, "…'); a
        # quotation right after a word belongs to that word: 'he said on the podcast "…"', 'called
        # it "a barbarity." He said "…"'.
        set_off = gap.rstrip().rstrip(_OPENING_MARKS).rstrip()[-1:] in _SPLIT_PUNCTUATION
        return cue_between and set_off and (second.cue is None or second.cue == first.cue) \
            and not self._another_act(first.cue, first.end, second.start)

    def _another_act(self, cue: SpacySpan, start: int, end: int) -> bool:
        """A second verb of saying in the cue's sentence between two quotations ('"…," said X, who
        also told reporters, "…"'): two acts of saying, two statements (docs/annotation.md). A
        sentence of the reporter's between them ('"…," Obama said. He didn't suggest retaliation.
        "…"') leaves one quotation in two parts, as PolNeAR annotates it."""
        between = self.doc.char_span(start, end, alignment_mode="contract")
        sentence = self.context.sentences.bounds(cue.start)
        return between is not None and any(
            t.pos_ == "VERB" and t.text[:1].islower() and t.dep_ != "acl" and self.context.is_cue(t)
            and not cue.start <= t.i < cue.end and sentence[0] <= t.i < sentence[1]
            for t in between)  # (not the "Said" of "Abdourahim Said Bakar", nor "a statement read out by an aide")


    def _inherit(self, drafts: list[Draft]) -> list[Draft]:
        """An unattributed quote right after an attributed one, with no other speaker between,
        was said by the same speaker: "…," he said. "…"."""
        out: list[Draft] = []
        previous: Draft | None = None  # the last draft with a speaker
        for draft in drafts:
            if draft.kind == QuoteKind.DIRECT and draft.cue is None and draft.speaker is None and out:
                if previous is not None and self._nobody_between(previous, draft):
                    draft = replace(draft, speaker=previous.speaker, inherited=True)
            out.append(draft)
            if draft.speaker is not None:
                previous = draft
        return out

    def _nobody_between(self, previous: Draft, draft: Draft) -> bool:
        if self.sentences.line_breaks(previous.end, draft.start) > _INHERIT_LINE_BREAKS:
            return False
        first, last = self.sentences.token_at(previous.end), self.sentences.token_at(draft.start)
        for start, end, cluster in self.book.mentions_inside(first, last + 1):
            span = self.doc[start:end]
            if previous.end <= span.start_char and span.end_char <= draft.start and cluster is not previous.speaker:
                # Another person, or anybody as a subject, may be the new speaker.
                if self.in_quote[start] < 0 and (cluster.type == ActorType.PERSON or span.root.dep_ == "nsubj"):
                    return False
        return True


#: A speaker label before a colon is a short noun phrase: "Iraq's interior ministry".
_NAME_PHRASE_TOKENS = 6
_COLON_LINE = re.compile(r"^([^:：\n]{2,60}?) ?(?::[ \u00a0]+|：[ \u00a0]*)([^\n]{8,})$", re.MULTILINE)
#: The most words of a label before a fullwidth colon: a name, not a sentence.
_POST_LABEL_WORDS = 3
#: …and the most characters: "如同我严厉批评我所任职的媒体机构一样，…两头讨好：" is a sentence, no label.
_POST_LABEL_CHARACTERS = 30
_HANDLE = re.compile(HANDLE)
#: A paragraph that opens with a handle and no colon: "@BarryL Random country? …".
_HANDLE_LINE = re.compile(r"^(" + HANDLE + r")[ \u00a0]+([^\n:][^\n]{7,})$", re.MULTILINE)
#: A pull quote's signature line: a dash, then who said it, up to a comma ("— Ahmed Abdallah
#: Mohamed Sambi, President of Comoros") or what it was said about ("— Łukasz Szumowski on the
#: failed efforts to save the mayor's life").
_SIGNATURE_LINE = re.compile(r"^(?:[—–―][ \u00a0]*|- )([^,\n]{2,60}?)(?:(?:,| on | about )[^\n]*)?$", re.MULTILINE)
#: Quotation marks a pull quote may open with.
_OPENING_MARKS = "\"“‘'"


def _names_a_source(token: Token | None) -> bool:
    """Whether a word can name who says something: a name, a pronoun, or a word for a person,
    an organisation or a source ("as the ministry said", not "as rescue operations continue")."""
    if token is None:
        return False
    lemma = token.lemma_.lower()
    return token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or token.pos_ in {"PRON", "PROPN"} \
        or lemma in lexicons.person_words() or lemma in lexicons.agent_nouns() or lemma in lexicons.load("source_nouns")


def _clause_read_as_relative(source: Token) -> Token | None:
    """The clause the parser hung on the source of "according to" as a relative one, though no
    relative word opens it and nothing sets it off: the words reported ("According to the WHO
    most people take up smoking …", "WHO" read as "who")."""
    for clause in source.children:
        if clause.dep_ == "relcl" and clause.i > source.i and clause.tag_ in {"VBP", "VBZ", "VBD"} \
                and not any(t.is_punct for t in source.doc[source.i + 1 : clause.left_edge.i + 1]) \
                and any(c.dep_ in {"nsubj", "nsubjpass"} and c.i > source.i and c.tag_ not in {"WP", "WDT"}
                        and c.lower_ != "that" for c in clause.children):
            return clause
    return None


def _is_name_phrase(span: SpacySpan) -> bool:
    """A short noun phrase that can speak: "Tamimi", "Iraq's interior ministry", "CLINTON"."""
    if len(span) > _NAME_PHRASE_TOKENS or span.root.pos_ not in {"PROPN", "NOUN"} or span.root.lower_ in lexicons.load("header_labels"):
        return False
    return all(t.pos_ in {"PROPN", "NOUN", "DET", "ADJ", "PART", "PUNCT", "NUM", "CCONJ"} for t in span) \
        and any(t.pos_ == "PROPN" or t.ent_type_ for t in span)


def _through_dashes(doc: Doc, end: int) -> int:
    """The end of a content the parser cut at a parenthesis between dashes: "pledged to ban all
    Muslims — 1.6 billion members of an entire religion — from entering the U.S." reads on past
    the closing dash, over the phrase that completes the clause."""
    if end >= len(doc) or doc[end].text not in _DASHES:
        return end
    sentence_end = doc[end].sent.end
    closing = next((t.i for t in doc[end + 1 : min(sentence_end, end + 1 + _PARENTHESIS)] if t.text in _DASHES), None)
    if closing is None or closing + 1 >= sentence_end:
        return end
    after = doc[closing + 1]
    if after.pos_ not in {"ADP", "SCONJ", "PART", "ADV"} or after.is_punct:
        return end  # "— a move that surprised many — and left": the sentence goes on, not the clause
    return min(sentence_end, after.right_edge.i + 1)


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


def _reports(handle: SpacySpan) -> bool:
    """Whether a handle is the subject of a verb of saying or posting right after it: "@wjsfree
    posted a video …" is the reporter's sentence, not a post."""
    verb = handle.doc[handle.end] if handle.end < len(handle.doc) else None
    return verb is not None and verb.tag_ in {"VBD", "VBZ"} and handle.root.head == verb \
        and handle.root.dep_ in {"nsubj", "nsubjpass"} and verb.lemma_.lower() in lexicons.cue_verbs()


def _with_translations(text: str, drafts: list[Draft]) -> list[Draft]:
    """A post and its translation posted under the same handle in the next paragraph
    ("@FelFel_: Le verdict est …" then "@FelFel_: The verdict is …") are one quotation in two
    parts (docs/annotation.md); the translation is in English, the post is not."""
    out: list[Draft] = []
    for draft in drafts:
        last = out[-1] if out else None
        if last is not None and last.set_off and draft.set_off and not last.parts \
                and last.speaker_span is not None and draft.speaker_span is not None \
                and last.speaker_span.text.lstrip("@") == draft.speaker_span.text.lstrip("@") \
                and not any(ch.isalnum() for ch in text[last.end : draft.speaker_span.start_char]) \
                and detect(text[last.start : last.end]).lang not in {ENGLISH, None} \
                and detect(text[draft.start : draft.end]).lang == ENGLISH:
            out[-1] = replace(last, end=draft.end, parts=((last.start, last.end), (draft.start, draft.end)))
            continue
        out.append(draft)
    return out


def _spells(account: str, cluster: Cluster) -> bool:
    """Whether a handle spells an actor's name: the surname and the word before it, the whole name
    cut short ("@FizaBatoolGilan"), or a long first word ("@Addameer_ps": Addameer Prisoner Support
    and Human Rights Association). One short word is no spelling of a handle ("Ali" is not
    "@alihzinsaf")."""
    words = [w for w in cluster.words if len(w) > 2]
    return len(words) > 1 and (all(w in account for w in words[-2:])
                               or words[-1] == account and len(account) >= _SURNAME_HANDLE) \
        or len(words) == 1 and words[0] in account and len(words[0]) >= SPELLED * len(account) \
        or len(account) >= _SPELT_HANDLE and "".join(words).startswith(account) \
        or len(words[0]) >= 6 and account.startswith(words[0])
