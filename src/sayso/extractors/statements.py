"""What counts as a statement: the last word on the drafts an engine proposes.

A statement is a proposition that the article attributes to someone other than the reporter
(docs/annotation.md). Engines propose drafts generously; :func:`select` keeps the ones that are
statements, in one pass over the doc:

- an interview transcript is read turn by turn: each answer is one statement of its labelled
  speaker, the interviewer's questions are nobody's, and nothing inside a turn is split off;
- the reporter's own lines (headlines, section titles, image captions and credits) hold no
  statement unless they carry their own attribution ("Tamimi: …", "UN says …");
- a content must be a proposition reported by someone: not a bare name or pronoun, not the
  patient of a passive cue, not the reporter's question ("Asked whether …");
- a quotation with nobody's name on it takes the speaker the neighbouring text makes clear, or
  is set aside as unattributed;
- one speaker per statement: a quotation never runs over another speaker's attribution.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..nlp import language_tag_at
from ..types import ActorType, QuoteKind
from . import lexicons
from .actor_phrases import message_noun
from .contents import claim_heads, manner, pointing_back, proposition, referent, topic
from .context import DocContext
from .cues import depiction, word_forms
from .drafts import Draft
from .lookup import Intervals
from .paragraphs import CREDIT, OPENING_MARKS, Part, is_reporters_line, paragraphs
from .speakers import inverted_lead_in, mention_span, subject_of
from .quotations import scare_regions
from .titles import naming, title, titled_work, without_titles
from .transcripts import reported_inside, transcript_turns



@dataclass(frozen=True)
class Selection:
    """The drafts that are statements, and the quotations nobody is named as saying."""

    statements: list[Draft]
    unattributed: list[Part]
    #: Reports of an attitude to a thing or of a topic, with no proposition ("attacked Machado",
    #: "discussed his background"): attributions in PolNeAR's sense, not statements.
    attitudes: list[Draft] = field(default_factory=list)


def select(context: DocContext, drafts: Sequence[Draft], rules: Sequence[Draft] = ()) -> Selection:
    """The statements among ``drafts`` (an engine's proposals over ``doc``); ``rules``, the rule
    engine's drafts when another engine proposed ``drafts``, tell where a speaker's quote ends."""
    doc, text = context.doc, context.text  # Doc.text joins every token anew on each call
    lines = paragraphs(text)
    if rules:
        pieces = [piece for d in drafts for piece in _split_at_attribution(d, rules)]
        drafts = list({(d.start, d.end): d for d in pieces}.values())
    turns = transcript_turns(context, lines)
    if turns:
        drafts = [d for d in drafts if all(not t.span[0] <= d.start < t.span[1] or reported_inside(t, d) for t in turns)]
        drafts += [t.draft for t in turns if t.draft is not None]
    reporter = [line for line in lines if is_reporters_line(text, line)]
    drafts = [d for d in drafts if not _in_reporters_line(doc, text, d, reporter)]
    drafts = [_signed(context, d) for d in drafts]
    drafts = [_subject_source(context, d) for d in drafts]
    drafts = [d for d in (without_titles(doc, text, d) for d in drafts) if d is not None]
    drafts = _without_scare_quotes(context, drafts)
    drafts = _floating(context, sorted(drafts, key=lambda d: (d.start, d.end)))
    kept: list[Draft] = []
    unattributed: list[Part] = []
    attitudes: list[Draft] = []
    for draft in drafts:
        if (draft.speaker is None and draft.speaker_span is None
                or draft.speaker_span is not None and _no_one(draft.speaker_span)) and (
                draft.kind != QuoteKind.DIRECT or not _reporting(draft)):
            # "Statements with no source at all are not someone's quote": reported words with no
            # source ("was charged with taking …", 'to "streamline" processing') are dropped; a
            # quotation in marks with no source and no reporting cue stays available as
            # unattributed words.
            if draft.kind == QuoteKind.DIRECT:
                unattributed.append((draft.start, draft.end))
            continue
        if _writers_voice(context, draft):
            continue
        content = context.doc.char_span(draft.start, draft.end, alignment_mode="expand")
        if draft.unconfirmed and draft.kind in {QuoteKind.INDIRECT, QuoteKind.MIXED} and _patient_source(draft):
            continue
        if draft.unconfirmed and draft.kind == QuoteKind.INDIRECT and content is not None and _lead_in_participle(draft, content):
            continue
        if draft.unconfirmed and draft.kind == QuoteKind.INDIRECT and not _message_cue(draft) and (
                not _reporting(draft) or content is not None and not proposition(content, context)
                and not _predicated(content)):
            # The tagger alone reads reported speech after a cue that is no word of saying,
            # believing or finding ("continues to be indifferent to", "expressed their outrage"),
            # or a thing after one that takes no message for object ("tweeted a photo of the
            # police"): an attribution in PolNeAR's sense at most, not a statement.
            if not _not_a_statement(context, draft, content):
                attitudes.append(draft)
            continue
        if not _not_a_statement(context, draft, content):
            (attitudes if _attitude(context, draft, content) else kept).append(draft)
    return Selection(_one_per_cue(context, _without_nested(context, _without_lead_in_topics(context, kept))),
                     unattributed, attitudes)


def _no_one(source: SpacySpan) -> bool:
    """A possessive on a word that is no noun names no one: "his whimsical [remarks]", read
    with "remarked" as the verb (a possessive on a noun may: "his claim that …")."""
    root, nominal = source.root, {"NOUN", "PROPN", "PRON", "NUM", "X"}
    if root.dep_ == "poss":
        return root.head.pos_ not in nominal  # "his whimsical", not "his claim that …"
    return root.pos_ not in nominal and any(c.dep_ == "poss" for c in root.children)  # (but "many", "some" speak)


def _without_lead_in_topics(context: DocContext, drafts: list[Draft]) -> list[Draft]:
    """Statements less the topic a line names before the quotation it introduces: in "He
    commented on the lack of evidence:" and the paragraph after, the paragraph is what he said,
    and "the lack of evidence" is no statement of its own (docs/annotation.md: a lead-in that names
    a topic makes one direct statement); nor is what comes before such a cue. (A question or a
    reason, "explained why …:", is a statement: docs/annotation.md.)"""
    introducing = {d.cue.start_char for d in drafts if d.set_off and d.cue is not None}
    if not introducing:
        return drafts
    kept = []
    for d in drafts:
        cue = d.cue.start_char if d.cue is not None else None
        if d.kind != QuoteKind.INDIRECT or cue not in introducing:
            kept.append(d)
            continue
        content = context.doc.char_span(d.start, d.end, alignment_mode="expand")
        # (the sentence before "Tamer Hamam commented:" is the reporter's)
        if content is None or d.end > cue and proposition(content, context):
            kept.append(d)
    return kept


def _without_nested(context: DocContext, drafts: list[Draft]) -> list[Draft]:
    """Statements less a belief or intention reported inside another's reported clause: in
    "Donald Trump plans to empower the black community …, Ben Carson said" the plan is Carson's
    account, not a statement of Trump's (docs/annotation.md: only the outer statement is
    annotated). Speech inside speech stays: the real-news set and PolNeAR dev lose more than they
    gain when it goes; but not inside a post set off after a colon ("@X compared those monks to …:"
    and the post, "… gambling shows that the community is corrupted"): that is the post's."""
    outer = [d for d in drafts if d.kind in {QuoteKind.INDIRECT, QuoteKind.MIXED, QuoteKind.ACCORDING_TO}]
    spans = Intervals([(d.start, d.end) for d in outer])
    held = lexicons.intention_verbs() | lexicons.load("belief_verbs")
    # what a post set off after its lead-in says it reports is the post's, as words in marks are
    set_off = Intervals([p for d in drafts if d.set_off for p in d.pieces])
    kept = []
    for d in drafts:
        if not d.set_off and d.kind in {QuoteKind.INDIRECT, QuoteKind.ACCORDING_TO} and set_off.containing(d.start, d.end) \
                and not _QUOTE_MARKS.intersection(context.text[max(0, d.start - 2) : d.end + 1]):
            continue  # (a third person's words in marks inside it stay: docs/annotation.md)
        verb = _cue_verb(d)
        inner = d.kind in {QuoteKind.INDIRECT, QuoteKind.MIXED} and d.cue is not None and verb is not None \
            and verb.lemma_.lower() in held and any(
                o is not d and o.cue is not None and not (o.cue.start_char <= d.cue.start_char < o.cue.end_char)
                for o in (outer[k] for k in spans.containing(d.cue.start_char, d.cue.end_char))
                if d.end <= o.end + 2)
        if not inner:
            kept.append(d)
    return kept


#: Marks that open or close someone's words.
_QUOTE_MARKS = frozenset("\"“”‘’«»")


def _writers_voice(context: DocContext, draft: Draft) -> bool:
    """A report whose source is "I", "we", "you" or "one" outside quotation marks, naming no
    actor, is the writer's own voice ("I believe it was a mistake", "One would think that …" in a
    column or a quoted post), not somebody's statement; a quotation in marks stays."""
    source = draft.speaker_span
    if draft.speaker is not None or source is None or len(source) != 1 or draft.kind not in {QuoteKind.INDIRECT, QuoteKind.MIXED} \
            or context.in_quote[source.start] >= 0:
        return False
    word = source[0]
    return word.pos_ == "PRON" and bool(set(word.morph.get("Person", [])) & {"1", "2"}) or word.lower_ == "one"


# -- the reporter's lines ---------------------------------------------------------------------
def _in_reporters_line(doc: Doc, text: str, draft: Draft, reporter: Sequence[Part]) -> bool:
    if draft.kind == QuoteKind.TRANSCRIPT:
        return False  # a labelled turn cut short is still a turn: "Rebecca: Depending on the election year --"
    line = next(((s, e) for s, e in reporter if s <= draft.start < e), None)
    if line is None or draft.set_off and not CREDIT.search(text, *line):
        return False  # a set-off quotation need not end as a sentence ends: "Mwanakayaya says: ⏎ the man is shameless"
    if draft.kind == QuoteKind.DIRECT and text[line[0]] in OPENING_MARKS:
        # A pull quote in a caption: '"The future is only peace." Shimon Peres image: …'.
        return False
    return not (_own_attribution(doc, text, draft, line) or _headline_report(doc, text, draft, line)
                or _caption_report(text, draft, line))


def _caption_report(text: str, draft: Draft, line: Part) -> bool:
    """What a caption quotes with its own verb and source: "The graffiti reads "Sudanese go home"",
    "A woman with the t-shirt saying "Repeal"" (docs/annotation.md), not the credit after it."""
    verb = draft.cue_verb
    if verb is None or draft.kind not in {QuoteKind.DIRECT, QuoteKind.MIXED} or CREDIT.search(text, *line) is None \
            or not line[0] <= verb.idx < line[1] or draft.end > line[1]:
        return False
    source = draft.speaker_span
    start = source.start_char if source is not None else next(
        (c.idx for c in verb.children if c.dep_ == "nsubj"), None)
    if start is None and verb.dep_ == "acl":
        start = verb.head.idx  # "the t-shirt saying "Repeal""
    return start is not None and start >= line[0]


def _own_attribution(doc: Doc, text: str, draft: Draft, line: Part) -> bool:
    """A headline that names its speaker before a colon: "Tamimi: …", "Reports: …". An
    explainer title is no quote: in "Karsk dam: what we know" the part after the colon is a
    bare wh-clause, and a dam does not speak."""
    if draft.cue is None or draft.cue.text != ":" or draft.speaker_span is None:
        return False
    label = draft.speaker_span
    if label.start_char != line[0] or CREDIT.search(text, line[0], line[1]):
        return False  # "Belle Image: Nick Moreau." names a photographer, not a speaker
    speaks = label.root.ent_type_ in {"PERSON", "ORG", "NORP"} or label.root.lemma_.lower() in lexicons.load("source_nouns") \
        or draft.speaker is not None and draft.speaker.type == ActorType.PERSON and draft.speaker.named
    # "FIFA World Cup 2018 day five: Sweden, Belgium, England win": an event with its date or
    # number is a story's topic, not its speaker.
    speaks = speaks and not any(t.like_num or t.ent_type_ in _WHEN for t in label)
    # "Jordan: Campaign Launched Against …": a country before the colon is where, not who.
    speaks = speaks and label.text.lower() not in lexicons.load("places")
    first = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    explainer = first is not None and len(first) and first[0].tag_ in {"WP", "WRB", "WDT"}
    return speaks and not explainer


#: What a bare noun phrase holds besides its noun: "The situation", "the new law".
_BARE = frozenset({"det", "amod", "compound", "poss", "nummod"})


def _headline_report(doc: Doc, text: str, draft: Draft, line: Part) -> bool:
    """A headline that says who says what: "UN says more investment … needed", "Zimbabwe
    opposition claims early victory", "… weapons according to rebels". Its own cue (a verb of
    saying, claiming or finding that is the headline's main verb, in the headline's present
    tense) or its "according to", and a source named in it, not a pronoun; what a headline
    reports as done ("Senate approves …", "Investigators blame …") is no statement."""
    source = draft.speaker_span
    if source is None or not line[0] <= source.start_char < line[1] or CREDIT.search(text, *line) \
            or source.root.pos_ == "PRON":
        return False
    if draft.kind == QuoteKind.ACCORDING_TO:
        # "Water shortage to last until June, according to engineers", not a section's title that
        # is a bare noun phrase ("The situation according to medical specialists")
        content = doc.char_span(draft.start, draft.end, alignment_mode="expand")
        return content is not None and not all(
            t.is_punct or t == content.root or t.head == content.root and t.dep_ in _BARE for t in content)
    if _title_case_report(text, draft, line):
        return True
    verb = draft.cue_verb
    if verb is None or draft.kind == QuoteKind.PARTIAL or verb.dep_ != "ROOT" or verb.tag_ not in {"VBZ", "VBP"} \
            or source.root.dep_ != "nsubj" or source.root.head != verb or verb.lemma_.lower() not in lexicons.load("headline_cues"):
        return False
    # what it reports comes after the verb, or before it with only a comma between ("Dinosaur
    # eggs may have contributed to extinction, say scientists", "…, EU reports")
    return draft.start > verb.idx or draft.end <= min(verb.idx, source.start_char) \
        and not text[draft.end : min(verb.idx, source.start_char)].strip(" ,\"'’”")


def _title_case_report(text: str, draft: Draft, line: Part) -> bool:
    """A headline in title case, which the parser reads badly, whose source is right before its
    one-word cue and what it reports after: "Evangelists Accuse Lady Gaga of …", "President
    Promises to Lift Ban …"."""
    source, cue = draft.speaker_span, draft.cue
    if cue is None or source is None or len(cue) != 1 or source.end != cue.start or cue.end_char > draft.start \
            or draft.kind == QuoteKind.PARTIAL:
        return False
    words = [w for w in text[line[0] : line[1]].split() if w[:1].isalpha() and len(w) > 3]
    if len(words) < 3 or sum(w[:1].isupper() for w in words) < len(words):
        return False
    word, cues = cue.text.lower(), lexicons.load("headline_cues")
    stems = {word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word,
             word[:-3] + "y" if word.endswith("ies") else word}
    return bool(stems & cues)


# -- one speaker per statement ------------------------------------------------------------------
def _split_at_attribution(draft: Draft, rules: Sequence[Draft]) -> list[Draft]:
    """A quotation in parts never runs over another speaker's attribution: in
    “We won,” said Ann Lee. / “Really,” said Bob Stone. the second part is Bob Stone's quote,
    so the draft ends before it (and the rules' quote of Bob Stone stands)."""
    if len(draft.parts) < 2:
        return [draft]
    for k, part in enumerate(draft.parts[1:], start=1):
        other = next((r for r in rules if r.speaker_span is not None and r.start <= part[0] < r.end + 1
                      and not _same_speaker(r, draft)), None)
        if other is not None:
            head = draft.parts[:k]
            return [replace(draft, end=head[-1][1], parts=head if len(head) > 1 else ()), other]
    return [draft]


def _one_per_cue(context: DocContext, drafts: list[Draft]) -> list[Draft]:
    """One cue reports one statement: 'Heald said although temperature and ozone are known to
    impact crop yields, "nobody has looked at these together"' is one statement in two parts
    (mixed), not an indirect one and a direct one. Statements in text order; only neighbours
    with nothing but punctuation between them merge."""
    out: list[Draft] = []
    for draft in drafts:
        last = out[-1] if out else None
        if last is not None and draft.kind == last.kind == QuoteKind.ACCORDING_TO and draft.cue is not None \
                and last.cue == draft.cue and last.end <= draft.cue.start_char <= draft.start:
            # "X earned $600 million, according to public filings, a huge sum for a firm …": what
            # follows the source is the reporter's remark on the report, unless it reports too.
            content = context.doc.char_span(draft.start, draft.end, alignment_mode="expand")
            if content is None or not proposition(content, context):
                continue
        if last is not None and draft.cue is not None and last.cue == draft.cue and _same_speaker(last, draft) \
                and draft.start < last.end and not last.parts and not draft.parts \
                and {last.kind, draft.kind} <= {QuoteKind.MIXED, QuoteKind.INDIRECT} \
                and not _reports_more(context, last, draft):
            # one report read twice, its clause with two edges ('told Bloomberg: "A" as it is B'):
            # the longer reading. (When the longer one runs on over another act, "…, saying that
            # …", both stay: the second reading stands for that act.)
            kind = QuoteKind.MIXED if QuoteKind.MIXED in {last.kind, draft.kind} else last.kind
            out[-1] = replace(last, kind=kind, start=min(last.start, draft.start), end=max(last.end, draft.end))
            continue
        if last is not None and draft.cue is not None and last.cue is not None and last.cue == draft.cue \
                and _same_speaker(last, draft) and last.end <= draft.start \
                and not any(ch.isalnum() or ch == "\n" for ch in context.text[last.end : draft.start]) \
                and QuoteKind.TRANSCRIPT not in {last.kind, draft.kind}:
            parts = last.pieces + draft.pieces
            kind = last.kind if last.kind == draft.kind else QuoteKind.MIXED
            out[-1] = replace(last, kind=kind, end=draft.end, parts=parts)
            continue
        out.append(draft)
    return out


def _reports_more(context: DocContext, a: Draft, b: Draft) -> bool:
    """Whether the stretch that one of two overlapping readings adds to the other holds a verb of
    saying of its own ("…, mentioning Comey's repeated claims", "…, saying that …") or a
    participle set off by a comma ("…, pointing to long delays"): another act of the speaker."""
    start, end = min(a.start, b.start), max(a.end, b.end)
    added = [(start, max(a.start, b.start)), (min(a.end, b.end), end)]
    span = context.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(
        s <= t.idx < e and (context.is_cue(t) or t.tag_ == "VBG" and t.i > 0 and t.nbor(-1).text == ",")
        for t in span for s, e in added)


def _same_speaker(a: Draft, b: Draft) -> bool:
    if a.speaker is not None and a.speaker is b.speaker:
        return True
    return a.speaker_span is not None and b.speaker_span is not None and a.speaker_span == b.speaker_span


# -- quotations without a named speaker -------------------------------------------------------
_SIGNATURE = re.compile(r"^\s*(?:[-—–―]{1,2}\s*)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})")


def _signed(context: DocContext, draft: Draft) -> Draft:
    """A pull quote signed with the speaker's name: '"So far, it's the Internet: 1." - Matthew
    Ingram'; '"The future is only peace." Shimon Peres image: …'."""
    if draft.kind != QuoteKind.DIRECT or draft.speaker_span is not None or draft.speaker is not None and not draft.inherited:
        return draft  # a signature outweighs a speaker carried over from the paragraph before
    doc, text = context.doc, context.text
    close = draft.end
    while close < len(text) and text[close] in "\"”’'.,!?":
        close += 1
    if close == draft.end or close > draft.end + 3:
        return draft
    line_end = text.find("\n", close)
    tail = text[close : len(text) if line_end < 0 else line_end]
    match = _SIGNATURE.match(tail)
    if match is None:
        return draft
    dashed = match.group(0).strip()[:1] in "-—–―"
    rest = tail[match.end() :].strip()
    if not (dashed or rest == "" or rest.lower().startswith(("image", "photo"))):
        return draft
    mention = doc.char_span(close + match.start(1), close + match.end(1), alignment_mode="contract")
    if mention is None or not any(t.pos_ == "PROPN" for t in mention):
        return draft
    cue = None
    if dashed:
        dash = close + tail.index(match.group(0).strip()[0])
        cue = doc.char_span(dash, dash + 1, alignment_mode="expand")
    return replace(draft, speaker=context.resolver.resolve(mention), speaker_span=mention, cue=cue, inherited=False)


def _floating(context: DocContext, drafts: list[Draft]) -> list[Draft]:
    """A quotation with no cue right after a statement of X, with nobody else named as a
    subject between, is X's: 'US President Barack Obama tweeted using his @POTUS account:' /
    '"Cool clock, Ahmed. …"'. It may start the next paragraph, not a later one."""
    out: list[Draft] = []
    for draft in drafts:
        if draft.kind == QuoteKind.DIRECT and draft.speaker is None and draft.speaker_span is None:
            previous = next((d for d in reversed(out) if d.speaker is not None and d.end <= draft.start), None)
            if previous is not None and _nobody_between(context, previous, draft):
                if previous is out[-1] and _continues(context, previous, draft):
                    # a quoted paragraph right after a cued quotation continues it: one more part
                    out[-1] = replace(previous, end=draft.end, parts=previous.pieces + draft.pieces)
                    continue
                draft = replace(draft, speaker=previous.speaker, inherited=True)
        out.append(draft)
    return out


def _continues(context: DocContext, previous: Draft, draft: Draft) -> bool:
    """Whether a quotation with no cue is the next paragraph of a cued quotation before it:
    '"…," Nasheed told Newshour.' / '"So basically, …"'."""
    return previous.kind == QuoteKind.DIRECT and previous.cue is not None and not previous.set_off \
        and not draft.set_off and context.text.count("\n\n", previous.end, draft.start) == 1


def _subject_source(context: DocContext, draft: Draft) -> Draft:
    """A cue with no source found still has its grammatical subject: in "Bos and colleagues
    describe ants appearing to self-medicate" the describers are the source."""
    if draft.speaker is not None or draft.speaker_span is not None:
        return draft
    verb = _cue_verb(draft)
    if verb is None:
        return draft
    subject = subject_of(verb, lambda t: t.lemma_.lower() in lexicons.cue_verbs())
    if subject is None or context.in_quote[subject.i] >= 0 or subject.dep_ == "nsubjpass":
        return draft
    mention = mention_span(subject)
    return replace(draft, speaker=context.resolver.resolve(mention), speaker_span=mention)


def _nobody_between(context: DocContext, previous: Draft, draft: Draft) -> bool:
    doc, gap = context.doc, context.text[previous.end : draft.start]
    if gap.count("\n") > 2:
        return False
    for start, end, cluster in context.book.records:
        span = doc[start:end]
        between = previous.end <= span.start_char and span.end_char <= draft.start and cluster is not previous.speaker
        # Another person, or anybody as a subject, may be the new speaker; not one the sentence
        # speaks about ("He was more critical of Hood:").
        if between and context.in_quote[start] < 0 and (
                cluster.type == ActorType.PERSON and span.root.dep_ not in _SPOKEN_OF or span.root.dep_ == "nsubj"):
            return False
    return True


#: How a person mentioned between a statement and a quotation with no cue is spoken of, not
#: speaking.
_SPOKEN_OF = frozenset({"pobj", "dobj", "dative", "poss"})


def _without_scare_quotes(context: DocContext, drafts: list[Draft]) -> list[Draft]:
    """Drafts less a quotation with no cue that the context reads as a title or scare quote (a
    tagger may propose one): 'The plan would be funded by "closing tax loopholes …"'."""
    scare = {r.inner_start: r.inner_end for r in scare_regions(context)}
    return [d for d in drafts if not (d.cue is None and d.kind == QuoteKind.DIRECT and not d.set_off
                                      and d.start in scare and d.end <= scare[d.start] + 1)]


# -- what is not a statement ------------------------------------------------------------------
def _not_a_statement(context: DocContext, draft: Draft, content: SpacySpan | None) -> bool:
    """Whether a draft with a source is still no statement (each rule gives its reason);
    ``content`` is its span in the doc."""
    if draft.kind == QuoteKind.TRANSCRIPT:
        return False
    verb = _cue_verb(draft)
    if verb is not None and (not _named_before_tag(draft, verb) and not inverted_lead_in(verb)
                             and (_sourceless_passive(verb) or _reporters_question(verb))
                             or depiction(verb) or _press_question(draft, verb)):
        return True
    if _inside_source(draft) or naming(draft, verb) or _other_sentence(context.text, draft):
        return True
    if draft.kind != QuoteKind.DIRECT and _nobody(draft.speaker_span):
        return True  # "No group has claimed responsibility for the attack": nobody said it
    if draft.kind != QuoteKind.DIRECT and verb is not None and _shown_doing(draft.speaker_span, verb):
        return True
    if draft.kind == QuoteKind.INDIRECT and verb is not None and _mindless(draft.speaker_span, verb):
        return True
    if draft.kind != QuoteKind.DIRECT and content is not None and _countered_claim(content, verb):
        return True
    if content is None:
        return False
    if not any(t.pos_ in _CONTENT_WORDS for t in content):
        return True  # "For", "and the": a piece of a sentence, no report of anything
    if title(content, verb) or titled_work(content, context.text):
        return True
    if draft.cue is not None and any(_impersonal(t) for t in draft.cue):
        return True
    if verb is not None and (_anonymity(verb, content) or _withheld(verb, content) or _decreed(verb, content)
                             or _unsaid(verb, content) or draft.kind == QuoteKind.INDIRECT and _legal_charge(verb, content)
                             or draft.kind == QuoteKind.INDIRECT and _supposed_wish(verb)):
        return True
    if draft.kind == QuoteKind.INDIRECT and verb is not None and _subjectless(content, verb):
        return True
    if draft.kind == QuoteKind.INDIRECT and verb is not None and _beside_a_report(content, verb):
        return True
    if draft.kind == QuoteKind.INDIRECT and _purpose(content):
        return True
    if draft.kind == QuoteKind.INDIRECT and _relative_clause(content, verb):
        return True
    if draft.kind == QuoteKind.INDIRECT and verb is not None and _host_clause(content, verb):
        return True
    if draft.kind == QuoteKind.INDIRECT and not proposition(content, context):
        if sum(1 for t in content if not (t.is_punct or t.is_space)) <= 1:
            return True  # one word is no report of anything: "discussed Mohamed", "denied it", "an"
        if verb is not None and _future(verb):
            return True  # "will announce the verdict": what will be said is not said yet
        return referent(content, _cue_words(draft, verb))
    return draft.kind == QuoteKind.INDIRECT and verb is not None and manner(verb, content)


def _lead_in_participle(draft: Draft, content: SpacySpan) -> bool:
    """A participle that leads into a report ("Confirming the situation, a Libyan official told
    Reuters: "…"") read by the tagger alone as what is reported, or as the cue of the bare noun
    phrase after it: the quotation after the cue is the statement (docs/annotation.md)."""
    verb = draft.cue_verb
    root = content.root
    if verb is None:
        return False
    if root.tag_ == "VBG" and root.dep_ == "advcl" and root.head == verb and root.i < verb.i:
        return True  # the participle's phrase as the content of the verb after it
    return verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.i < verb.head.i and root.pos_ == "NOUN" \
        and root.head == verb and all(t == root or t.head == root and t.dep_ in {"det", "amod"} for t in content) \
        and content[0].lower_ in {"the", "this", "these", "that", "those"}


def _predicated(content: SpacySpan) -> bool:
    """A noun phrase with "as" and what it is called ("those protesters as criminals", "weather
    as a contributory factor") predicates something of it, as "sees X as Y" does; "such as" and
    "as well as" do not."""
    return any(t.lower_ == "as" and t.i > content.start and t.nbor(-1).lower_ not in {"such", "well"}
               and any(c.dep_ == "pobj" for c in t.children) for t in content)


def _subjectless(content: SpacySpan, verb: Token) -> bool:
    """A finite clause with no subject, after a cue with no object, reports nothing: "Earmarks
    added into the bill included $192 million …" is the parser's reading of a reduced relative
    ("earmarks [that were] added"): a participle right after its noun, not "added" with its message.
    (After an object, the object is the clause's subject: "saying the removal of the lawyer was an
    attempt …".)"""
    root = content.root
    before = root.doc[root.i - 1] if root.i else None
    if before is not None and (before.tag_ in {"DT", "PRP$", "POS"} or before.dep_ in {"compound", "poss"}):
        return False  # "on his BlogActiv.eu blog why …": a noun the tagger took for a verb
    return content.start == root.i and root.tag_ in {"VBD", "VBZ", "VBP"} \
        and not any(c.dep_ in _SUBJECTS for c in root.children) \
        and not any(c.dep_ in {"dobj", "dative"} for c in verb.children) \
        and verb.i > 0 and verb.doc[verb.i - 1].dep_ == "nsubj" and verb.doc[verb.i - 1].head.i == verb.i


def _purpose(content: SpacySpan) -> bool:
    """A clause of purpose says why the act was done, not what was said: "have been tweeting about
    it in order to raise awareness", "so as to avoid a repeat"."""
    doc, root = content.doc, content.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "in order to raise awareness, and to garner support for …"
    start = min(content.start, root.left_edge.i)
    words = [t.lower_ for t in doc[max(0, start - 2) : start + 2]]
    if any(words[k : k + 2] in (["in", "order"], ["so", "as"]) for k in range(len(words) - 1)) \
            and any(t.lower_ == "to" for t in doc[start : start + 3]):
        return True
    # "… in order to raise awareness, and to garner support …": the second of two, however parsed
    before = [t.lower_ for t in doc[content.sent.start : content.start]]
    return content[0].lower_ == "to" and before[-1:] in (["and"], ["or"]) \
        and any(before[k : k + 3] == ["in", "order", "to"] for k in range(len(before) - 2))


def _shown_doing(source: SpacySpan | None, verb: Token) -> bool:
    """A picture or a recording does not demand or say what the people it shows do: "Another video
    shows bloggers holding a protest, demanding justice" (it may show or reveal a finding)."""
    return source is not None and len(source) > 0 and source.root.lemma_.lower() in lexicons.load("image_nouns") \
        and verb.lemma_.lower() not in lexicons.evidence_verbs()


def _mindless(source: SpacySpan | None, verb: Token) -> bool:
    """A thing that cannot mean to do anything, read as the subject of a verb of intending:
    "Rising prices threaten to push inflation higher", "fresh strikes threatened to disrupt
    services" (not people, a group, an organisation, a document or what it says, nor a name)."""
    if source is None or not len(source) or verb.lemma_.lower() not in lexicons.intention_verbs() | _GUARANTEEING:
        return False
    root = source.root
    lemma = root.lemma_.lower()
    if root.pos_ != "NOUN" or any(t.ent_type_ for t in source) or any(t.pos_ in {"PROPN", "PRON"} for t in source):
        return False
    return lemma not in lexicons.person_words() and lemma not in lexicons.agent_nouns() \
        and lemma not in lexicons.table("description_heads") and lemma not in lexicons.load("document_nouns") \
        and not message_noun(root)


def _countered_claim(content: SpacySpan, verb: Token | None) -> bool:
    """Others' claims that a speaker's lead-in counters ("Countering claims that his country
    supports terrorism, he replied, "…"", "In a rebuttal to claims that …, Ahmadinejad said"):
    the topic of the reply, no statement of the one who replies (but "denied claims that P", the
    main verb, is his statement)."""
    claims = lexicons.load("claim_nouns")
    if any(t.lemma_.lower() in claims and any(c.dep_ == "csubj" and c.tag_ == "VBG" and c.i == t.i - 1
                                              and c.lemma_.lower() in _COUNTERING for c in t.children)
           for t in ([verb] if verb is not None else []) + list(content)):
        return True  # "Countering claims that …" read as a gerund that claims
    noun = next((t for t in content if t.pos_ == "NOUN" and t.lemma_.lower() in claims), None)
    if noun is None:
        root = content.root
        noun = root.head if root.dep_ in {"acl", "ccomp"} and root.head.lemma_.lower() in claims else None
    if noun is None or noun.tag_ != "NNS" and not any(c.dep_ == "det" and c.lower_ in {"the", "a"} for c in noun.children):
        return False
    head = noun.head
    if noun.dep_ == "dobj":
        return head.tag_ == "VBG" and head.dep_ in {"advcl", "pcomp"} and head.lemma_.lower() in _COUNTERING
    return noun.dep_ == "pobj" and head.head.lemma_.lower() in _REPLIES


#: Verbs whose participle counters a claim before a reply.
_COUNTERING = frozenset({"counter", "answer", "address", "rebut", "refute", "reject", "deny", "dismiss", "dispute"})
#: Nouns of a reply to a claim ("in a rebuttal to claims that …").
_REPLIES = frozenset({"rebuttal", "response", "reply", "answer", "retort"})


#: Verbs of assuring, which a thing does only in the sense of making sure ("Those caps assured
#: Intel at least 90% of NEC's business").
_GUARANTEEING = frozenset({"assure", "guarantee", "ensure"})


def _nobody(source: SpacySpan | None) -> bool:
    """A source that names nobody: "no one", "nobody", "no party", "none of the officials", "not
    everyone" (some, whom it does not name)."""
    if source is None or not len(source):
        return False
    return source[0].lower_ in {"no", "nobody", "none", "noone"} \
        or source[0].lower_ == "not" and len(source) > 1 and source[1].lower_ in {"everyone", "everybody", "all"}


def _beside_a_report(content: SpacySpan, verb: Token) -> bool:
    """The main clause before a cue in a clause of time or cause that has its own object is not
    what the cue reports: "The news comes as media reports have highlighted spikes in radiation"
    (but "The plan will fail, as the minister said" is the minister's)."""
    return verb.dep_ == "advcl" and verb.i >= content.end and content.start <= verb.head.i < content.end \
        and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in verb.children) \
        and any(c.dep_ in {"dobj", "ccomp"} for c in verb.children)


#: Words that open a clause of time or cause.
_TIME_MARKS = frozenset({"as", "while", "when", "after", "before", "since", "because"})


#: The dependencies of a clause's subject.
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})


def _attitude(context: DocContext, draft: Draft, content: SpacySpan | None) -> bool:
    """An indirect or mixed report whose content is a noun phrase that names a topic or the
    target of an attitude, not a message ("discussed his background", "attacked the defectors"),
    or a refusal to speak ("declined to comment"), or a report whose cue is no word of saying,
    believing or finding ("objected to the kiosks because …", "expressed serious concerns")."""
    if draft.kind not in {QuoteKind.INDIRECT, QuoteKind.MIXED}:
        return False
    verb = _cue_verb(draft)
    if verb is not None and _refusal(verb):
        return True
    if draft.kind == QuoteKind.INDIRECT and draft.cue is not None and not _telling(draft.cue) \
            and not (content is not None and content.root.lemma_.lower() in claim_heads()):
        return True  # (but "rebuked for his proposal to ban …" reports the proposal)
    if content is None or sum(1 for t in content if not (t.is_punct or t.is_space)) <= 1:
        return False
    if verb is not None and verb.lemma_.lower() in lexicons.load("accusing_verbs") and _deed_after(verb, content, {"of", "for"}):
        return False  # "accuses the government of "appalling" fraud": what the accused did
    if draft.kind == QuoteKind.INDIRECT and pointing_back(content):
        return True  # "announced its findings": what they hold, not what it is
    before = content.doc[content.start - 1] if content.start else None
    if draft.kind == QuoteKind.INDIRECT and draft.cue is not None and before is not None and before.pos_ == "ADP" \
            and any(t.lemma_.lower() in lexicons.load("feeling_nouns") for t in draft.cue):
        return True  # "a sign of growing unease … about the populist campaign": a feeling about a thing
    if draft.kind == QuoteKind.INDIRECT and verb is not None and before is not None and before.lower_ in _TOPIC_PREPOSITIONS \
            and before.head == verb and content.root.pos_ in {"NOUN", "PROPN"} and content.root.head == before:
        return True  # "commented on the potential of …", "asked about the prospects": what it was about
    if draft.kind == QuoteKind.INDIRECT and verb is not None and verb.lemma_.lower() == "refer" and before is not None \
            and before.lower_ == "to" and not any(t.lower_ == "as" for t in content):
        return True  # "referred to his request …" names what was spoken of ("referred to X as Y" describes X)
    if draft.kind == QuoteKind.MIXED:
        # 'discusses ants, its primary topic, science, and "non-scientific" communication': a
        # word or two in marks inside a noun phrase do not make it a proposition.
        quoted = [t for t in content if context.in_quote[t.i] >= 0 and not t.is_punct]
        if len(quoted) > SCARE_WORDS or proposition(content, context, marks=False):
            return False
    elif proposition(content, context):
        return False
    return topic(content, _cue_words(draft, verb))


#: Prepositions after a cue that give what the words were about, not what they said.
_TOPIC_PREPOSITIONS = frozenset({"about", "on", "regarding", "concerning"})
#: Words in marks a noun phrase may hold and still name a topic, not quote anybody.
SCARE_WORDS = 3


def _cue_words(draft: Draft, verb: Token | None) -> set[str]:
    cue = set() if draft.cue is None else {t.lemma_.lower() for t in draft.cue}
    return cue | ({verb.lemma_.lower()} if verb is not None else set())


def _inside_source(draft: Draft) -> bool:
    """Words inside the source's own mention are no quote of it: 'The "History" section'."""
    source, cue = draft.speaker_span, draft.cue
    if cue is not None and source is not None and source.start <= cue.start < source.end:
        return False  # a mention run over its own cue is misread, not the quote
    return source is not None and source.start_char <= draft.start and draft.end <= source.end_char


def _reporting(draft: Draft) -> bool:
    """Whether the cue is a word of saying, believing or finding ("saying", "accused", "report")."""
    if draft.cue is None:
        return False
    # "has the final say on whether …", "no say in": the noun says nothing
    words = [t for t in draft.cue if not (t.pos_ == "NOUN" and t.lower_ == "say")]
    return bool(_cue_forms(words) & (lexicons.cue_verbs() | lexicons.representation_verbs() | {"according"}))


def _message_cue(draft: Draft) -> bool:
    """A cue whose object is a message or a belief, not a topic told about: "ordered the
    removal", "came to the conclusion that …", not "expressed their outrage"."""
    if draft.cue is None:
        return False
    messages = lexicons.load("message_object_verbs") - lexicons.load("topic_object_verbs")  # not "expressed their outrage"
    return bool(_cue_forms(draft.cue) & (messages | lexicons.load("belief_nouns")))


def _cue_forms(cue: Iterable[Token]) -> set[str]:
    """The lexicon words a cue's tokens may stand for ("hopes" is lemmatised "hop")."""
    return set().union(*(word_forms(t, ("s", "d", "ed")) for t in cue))


def _telling(cue: SpacySpan) -> bool:
    """Whether a cue holds a word of saying, believing or finding, as a verb or as a noun ("came
    to the conclusion", "put out a call for")."""
    if all(t.is_punct for t in cue):
        return True  # "Tamimi: …", a signed "… - Matthew Ingram"
    words = set().union(*(word_forms(t, ("s", "d")) for t in cue))
    return bool(words & _telling_words())


@lru_cache(maxsize=1)
def _telling_words() -> frozenset[str]:
    nouns = ("message_object_verbs", "claim_nouns", "belief_nouns", "intention_nouns", "message_nouns", "proposition_nouns",
             "accusing_verbs", "claiming_verbs", "denial_verbs", "doubt_verbs", "doubting_objects", "foreseeing_verbs",
             "writing_verbs", "introducing_verbs", "addressed_speech_verbs")
    return lexicons.cue_verbs() | lexicons.representation_verbs() | frozenset({"according"}).union(
        *(lexicons.load(name) for name in nouns))


def _cue_verb(draft: Draft) -> Token | None:
    if draft.cue_verb is not None:
        return draft.cue_verb
    if draft.cue is None:
        return None
    root = draft.cue.root
    return root if root.pos_ in {"VERB", "AUX"} else None


def _named_before_tag(draft: Draft, verb: Token) -> bool:
    """A cue right after a link's language tag, its speaker named before the tag: "The newspaper
    Infobae [es] reported …", where the tag leaves "reported" a participle to the parser."""
    source = draft.speaker_span
    return source is not None and source.end <= verb.i - 3 and language_tag_at(verb.doc, verb.i - 3)


def _sourceless_passive(verb: Token) -> bool:
    """A passive cue without its agent names no source when its subject is the listener, the
    thing foreseen, the accused or what is commonly held: "Residents were told to leave", "Markets
    were expected to react", "She was accused of corrupting …", "It is believed to bring good luck". (Other
    passives keep their content: "The plan is intended to …", "He was quoted as saying".)"""
    # (or a participle after its noun: "nearly 1,000 people reported to have been killed")
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or verb.tag_ == "VBN" \
        and verb.dep_ in {"acl", "pcomp", "advcl"} and not any(c.dep_ in {"aux", "mark"} for c in verb.children)
    # (not "…, as Frontera Informativa reported": a past tense the tagger took for a participle)
    if not passive or any(c.dep_ == "agent" for c in verb.children):
        return False
    if any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children) and any(c.dep_ == "ccomp" for c in verb.children):
        return True  # "It is hoped that …", "It was reported that …": nobody is named
    if verb.lemma_.lower() in lexicons.load("listener_verbs") | lexicons.load("foreseeing_verbs") | lexicons.load("accusing_verbs"):
        return True  # (the subject of "was accused of …" is the accused, not who accuses)
    as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_ is not None and any(c.dep_ == "pobj" for c in as_.children):
        return True  # "Division A is referred to as the … Act", "The move was described as a betrayal": a name
    if verb.lemma_.lower() in lexicons.load("common_belief_verbs"):
        # "The chef is thought to have told staff that …": the subject still speaks, hedged.
        return not any(c.dep_ == "xcomp" and c.lemma_.lower() in lexicons.cue_verbs() for c in verb.children)
    # A passive that keeps its object has the recipient as subject: "The team was awarded a
    # silver medal", "He was shown a yellow card", "They had been denied visas".
    if any(c.dep_ in {"dobj", "dative"} for c in verb.children):
        return True
    # A thing confirmed, announced or revealed by nobody named: "the exact location has not been
    # confirmed", "the results were announced on Monday" (but "He was quoted as saying …",
    # "she was heard saying …": the subject speaks).
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subject is not None and subject.ent_type_ != "PERSON" and subject.pos_ != "PRON" \
        and verb.lemma_.lower() in lexicons.load("disclosing_verbs") | _CONFIRMING \
        and not any(c.dep_ in {"xcomp", "advcl"} or c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)


def _patient_source(draft: Draft) -> bool:
    """A source the tagger alone read that is the subject of a passive cue: what is done or said
    to it, not its words ("was requested to provide DNA samples", "have been called to report for
    jury selection", "The mobile phone messages were alleged by the authorities …"); but "was
    quoted as saying", "was heard saying" give the subject's words."""
    verb, source = draft.cue_verb, draft.speaker_span
    if verb is None or source is None or not any(c.dep_ == "auxpass" for c in verb.children) \
            or verb.lemma_.lower() in _GIVING_WORDS or any(c.dep_ == "agent" for c in verb.children):
        return False  # (nor one with its agent: "has been rebuked by opponents for his proposal to …")
    if verb.lemma_.lower() in lexicons.load("common_belief_verbs") and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in lexicons.cue_verbs() for c in verb.children):
        return False  # "is thought to have told staff …": the subject still speaks, hedged
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return False  # "was described as saying …"
    if any(c.dep_ == "ccomp" for c in verb.children):
        return False  # "were concerned that …": the subject holds the clause
    return source.root.dep_ == "nsubjpass" and source.root.head == verb


#: Passive cues whose subject speaks ("He was quoted as saying", "she was heard to say", "is
#: shown discussing his plan").
_GIVING_WORDS = frozenset({"quote", "cite", "hear", "overhear", "record", "film", "photograph", "show", "see",
                           "catch", "tape", "videotape"})


#: Verbs of confirming, whose passive subject is what is confirmed.
_CONFIRMING = frozenset({"confirm", "verify", "establish", "determine"})


def _future(verb: Token) -> bool:
    """A cue in the future: "will announce", "shall publish", "is going to reveal"."""
    if any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll"} for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lower_ == "going" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _impersonal(verb: Token) -> bool:
    """ "It's safe to say that …", "it is fair to say …": the writer's own comment, said by nobody."""
    if verb.dep_ != "xcomp":
        return False
    holder = verb.head.head if verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp" else verb.head
    return any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in holder.children) \
        and any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in holder.children)


def _supposed_wish(verb: Token) -> bool:
    """A wish the writer supposes: "Republicans may want to reconsider", "would want someone
    committed to his views" (a modal of possibility before a verb of wanting or planning)."""
    return verb.lemma_.lower() in lexicons.intention_verbs() and any(
        c.dep_ == "aux" and c.lower_ in _SUPPOSING for c in verb.children)


#: Modals that make a wish the writer's supposition.
_SUPPOSING = frozenset({"may", "might", "could", "would", "should", "'d"})


def _withheld(verb: Token, content: SpacySpan) -> bool:
    """ "denied Carter a final-night photograph": denying somebody a thing withholds it, it says
    nothing; nor does denying, refusing or granting a thing an office grants ("denied Ampon
    bail", "denied Kazemi's asylum application": a decision, docs/annotation.md)."""
    if verb.lemma_.lower() not in _GRANTING or any(t.pos_ in {"VERB", "AUX"} for t in content):
        return False
    if verb.lemma_.lower() == "deny" and any(c.dep_ == "dative" for c in verb.children):
        return True
    granted = lexicons.load("granted_things")
    return any(c.dep_ == "dobj" and c.lemma_.lower() in granted for c in verb.children)


#: Verbs that grant or withhold a thing.
_GRANTING = frozenset({"deny", "refuse", "grant", "reject"})


def _legal_charge(verb: Token, content: SpacySpan) -> bool:
    """A charge laid with its offence ("have charged X with trying to blow up a plane"): a legal
    act, not a statement (docs/annotation.md); "charged them of "…"" accuses."""
    return verb.lemma_.lower() == "charge" and _deed_after(verb, content, {"with"}, prep=True)


def _deed_after(verb: Token, content: SpacySpan, words: set[str], prep: bool = False) -> bool:
    """Whether the content holds one of ``words`` (a preposition, when ``prep``) on the verb or
    on the content's head: what the accused did, "of fraud", "with trying to …"."""
    return any(t.lower_ in words and (not prep or t.dep_ == "prep") and t.head in {verb, content.root} for t in content)


def _decreed(verb: Token, content: SpacySpan) -> bool:
    """ "declared a state of emergency", "declared war": an act of office that brings a state
    about, not a statement of a proposition ("declared himself the winner" is one)."""
    if verb.lemma_.lower() != "declare" or any(t.pos_ in {"VERB", "AUX"} for t in content):
        return False
    if any(c.dep_ in {"oprd", "ccomp", "xcomp"} for c in verb.children):
        return False  # "declared the area a disaster zone" says something of the area
    states = lexicons.load("decreed_states")
    for noun in (c for c in verb.children if c.dep_ == "dobj"):
        of = next((p for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"), None)
        if noun.lemma_.lower() == "state" and of is not None:
            noun = next((o for o in of.children if o.dep_ == "pobj"), noun)  # "a state of emergency"
        modifier = next((c.lower_ for c in noun.children if c.dep_ in {"amod", "compound"}), "")
        if noun.lemma_.lower() in states or f"{modifier} {noun.lemma_.lower()}" in states:
            return True
    return False


#: Parts of speech of which any content has one.
_CONTENT_WORDS = frozenset({"NOUN", "PROPN", "PRON", "VERB", "AUX", "ADJ", "ADV", "NUM", "INTJ", "X", "SYM"})


def _relative_clause(content: SpacySpan, verb: Token | None) -> bool:
    """A relative clause describes, it reports nothing: one its relative pronoun opens as subject
    ("Vermont, states that vote on March 1"), one on the cue's own object before it ("has
    broken many promises he made to the voters"), or a "who" clause right after the name the cue
    takes as object, however parsed."""
    first, root = content[0], content.root
    if first.tag_ in {"WDT", "WP", "IN", "DT"} and first.dep_.startswith("nsubj") and first.head.dep_ == "relcl":
        return True
    before = first.doc[first.i - 1] if first.i else None
    if verb is not None and first.lower_ == "who" and before is not None and before.pos_ == "PROPN" \
            and before.dep_ == "dobj" and before.head == verb:
        return True  # "told Mr Malila who had once held the same position": who he is, not what he was told
    noun = root.head
    return verb is not None and root.dep_ == "relcl" and noun.dep_ == "dobj" and noun.head == verb \
        and noun.i < content.start


def _host_clause(content: SpacySpan, verb: Token) -> bool:
    """A clause before the cue that the cue's own clause hangs on is what the reporter says, not
    what is reported: "These claims were made after the Daily Mail described him …", "The
    government had no response, but … Tony Abbott commented" (not "Manto, as Zahida Hina says,
    was a visionary": "as" sets off an attribution)."""
    host, root = verb.head, content.root
    if content.end > verb.i or host == verb or host.pos_ not in {"VERB", "AUX"} or root in verb.subtree \
            or not (root == host or root.head == host):
        return False
    if verb.dep_ == "conj":
        # ", but … Tony Abbott commented" (not "A was seized, and B was arrested, Yonhap reported")
        between = [c for c in host.children if host.i < c.i < verb.i]
        fronted = any(c.dep_ in {"ccomp", "dobj"} and c.i < verb.i for c in verb.children)
        return any(c.dep_ == "cc" for c in between) and not any(c.dep_ == "conj" for c in between) and not fronted
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
    return verb.dep_ == "advcl" and bool(marks) and not set(marks) & {"as", "that"}


def _other_sentence(text: str, draft: Draft) -> bool:
    """A semicolon between the cue and what it would report parts two sentences: "His contract
    is expiring; the show has not announced a replacement"; so does a colon after the clause:
    "Air travel is one of its largest expenses: a company he owns has charged the campaign …"."""
    if draft.cue is None or draft.kind != QuoteKind.INDIRECT:
        return False
    cue = draft.cue
    if draft.end <= cue.start_char:
        return any(mark in text[draft.end : cue.start_char] for mark in ";:")
    return cue.end_char <= draft.start and ";" in text[cue.end_char : draft.start]


def _unsaid(verb: Token, content: SpacySpan) -> bool:
    """ "has not announced a replacement", "did not give any details": a thing not said, named
    only by its kind, is no statement; "did not confirm the link" denies one (and "has not said
    why …" is a statement: docs/annotation.md)."""
    if verb.lemma_.lower() not in lexicons.load("disclosing_verbs") or not any(c.dep_ == "neg" for c in verb.children) \
            or any(t.pos_ in {"VERB", "AUX"} for t in content):
        return False
    root = content.root
    phrase = {t.i for t in root.subtree}
    if root.pos_ != "NOUN" or not all(t.i in phrase or t.is_punct for t in content):
        return False  # "did not consider Mr. Clarke a realistic option" says something of him
    first = content[0]
    return first.head == root and first.lower_ in _UNNAMED or first == root.left_edge and first.tag_ != "DT" and root.tag_ == "NNS"


#: Determiners that name a thing only by its kind.
_UNNAMED = frozenset({"a", "an", "any"})


def _refusal(verb: Token) -> bool:
    """ "declined to comment", "refused to say whether …": nothing was said; "refused to attend
    it", "declined to overturn the decision": a thing not done, which says nothing either."""
    return verb.lemma_.lower() in lexicons.load("refusal_verbs") and any(c.dep_ == "xcomp" for c in verb.children)


def _reporters_question(verb: Token) -> bool:
    """A participle clause with no subject of its own reports what the speaker was asked, not
    what she said: "Asked whether she would resign, Calloway said …"."""
    # (the parser may tag the participle as a past tense: "Asked what that might look like, she said")
    participle = verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl", "ROOT"} or verb.tag_ == "VBD" and verb.dep_ == "advcl"
    return participle and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "agent"} for c in verb.children)


def _press_question(draft: Draft, verb: Token) -> bool:
    """What a reporter asks at a briefing is the press's question, nobody's statement (the answer
    is): "Journalists asked both José Alencar and Mr Rumsfeld if …", "one reporter asked why …"."""
    source = draft.speaker_span
    return source is not None and verb.lemma_.lower() in {"ask", "question"} \
        and source.root.lemma_.lower() in lexicons.load("byline_words")


def _anonymity(verb: Token, content: SpacySpan) -> bool:
    """The reporter's note on anonymity is no statement: "[who asked] not to be named", "requested
    anonymity to discuss …"; nor is finding oneself somewhere: "found himself embroiled in …"."""
    words = [t for t in content if not (t.is_punct or t.is_space)]
    if words and words[0].lower_ == "anonymity":
        return True
    if verb.lemma_.lower() == "find" and (words and words[0].lower_.endswith(_REFLEXIVE) or any(
            c.dep_ == "dobj" and c.lower_.endswith(_REFLEXIVE) for c in verb.children)):
        return True  # (the reflexive in what the tagger read, or the verb's object: "as they found themselves …")
    heads = [content.root] + [t for t in content if t.dep_ == "xcomp" and t.head == content.root]
    return any(head.lemma_.lower() in {"name", "identify"} and any(c.dep_ == "auxpass" for c in head.children)
               for head in heads)


#: Endings of a reflexive pronoun.
_REFLEXIVE = ("self", "selves")

_WHEN = {"DATE", "TIME", "CARDINAL", "ORDINAL", "EVENT"}
