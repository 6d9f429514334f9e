"""What counts as a statement: the last word on the drafts an engine proposes.

A statement is a proposition that the article attributes to someone other than the reporter
(docs/annotation.md). Engines propose drafts generously; :func:`select` keeps the ones that are
statements, in one pass over the doc:

- an interview transcript is read turn by turn: each answer is one statement of its labelled
  speaker, the interviewer's questions are nobody's, and nothing inside a turn is split off;
- the reporter's own lines (headlines, section titles, image captions and credits) hold no
  statement unless they carry their own attribution ("Tamimi: …");
- a content must be a proposition reported by someone: not a bare name or pronoun, not the
  patient of a passive cue, not the reporter's question ("Asked whether …");
- a quotation with nobody's name on it takes the speaker the neighbouring text makes clear, or
  is set aside as unattributed;
- one speaker per statement: a quotation never runs over another speaker's attribution.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..types import ActorType, QuoteKind
from . import lexicons
from .context import DocContext
from .drafts import Draft
from .marks import trim_space
from .speakers import mention_span, subject_of

Part = tuple[int, int]

_SENTENCE_END = re.compile(r"[.?!…:;][\"'”’»)\]]*\s*$")
_CREDIT = re.compile(r"\b(?:image|photo|photograph|picture|credit|file photo)s?\s*:\s*[^.:]{1,80}\.?\s*$", re.IGNORECASE)
_TURN = re.compile(r"^([A-Z][^:\n.,;!?\"“”]{0,50}?):[ \t]+(\S[^\n]*)$", re.MULTILINE)
#: A title or headline has at most this many words; a longer line without an end is a sentence.
_TITLE_WORDS = 30
#: A line that ends inside a sentence, and a single line break followed by a lower-case word.
_RUNS_ON = re.compile(r"[,;][\"'”’»]*\s*$")
_WRAPPED = re.compile(r"[ \t]*\n[ \t]*[a-z]")
_OPENING = "\"“‘'«`"


@dataclass(frozen=True)
class Selection:
    """The drafts that are statements, and the quotations nobody is named as saying."""

    statements: list[Draft]
    unattributed: list[Part]


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
        spans = [t.span for t in turns]
        drafts = [d for d in drafts if not any(s <= d.start < e for s, e in spans)]
        drafts += [t.draft for t in turns if t.draft is not None]
    reporter = [line for line in lines if is_reporters_line(text, line)]
    drafts = [d for d in drafts if not _in_reporters_line(doc, text, d, reporter)]
    drafts = [_signed(context, d) for d in drafts]
    drafts = [_subject_source(context, d) for d in drafts]
    drafts = _floating(context, sorted(drafts, key=lambda d: (d.start, d.end)))
    kept, unattributed = [], []
    for draft in drafts:
        if draft.speaker is None and draft.speaker_span is None and not _reporting(draft):
            # "Statements with no source at all are not someone's quote": with neither a source
            # nor a reporting cue, a quotation in marks stays available as unattributed words
            # and anything else is dropped. ("… have been accused of hurting civilians" keeps
            # its content: the cue still reports an accusation.)
            if draft.kind == QuoteKind.DIRECT:
                unattributed.append((draft.start, draft.end))
            continue
        if _not_a_statement(context, draft):
            continue
        kept.append(draft)
    return Selection(kept, unattributed)


# -- paragraphs and the reporter's lines ------------------------------------------------------
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
    if _CREDIT.search(words):
        return True
    if _RUNS_ON.search(words) or _WRAPPED.match(text, line[1]):
        # A hard-wrapped sentence goes on in the next line ("“Yes,”⏎said Maria Lopez."): a line
        # that stops at a comma, or runs on into a lower-case word, is no title.
        return False
    return not _SENTENCE_END.search(words) and len(words.split()) <= _TITLE_WORDS


def _in_reporters_line(doc: Doc, text: str, draft: Draft, reporter: Sequence[Part]) -> bool:
    line = next(((s, e) for s, e in reporter if s <= draft.start < e), None)
    if line is None:
        return False
    if draft.kind == QuoteKind.DIRECT and text[line[0]] in _OPENING:
        # A pull quote in a caption: '"The future is only peace." Shimon Peres image: …'.
        return False
    return not _own_attribution(doc, text, draft, line)


def _own_attribution(doc: Doc, text: str, draft: Draft, line: Part) -> bool:
    """A headline that names its speaker before a colon: "Tamimi: …", "Reports: …". An
    explainer title is no quote: in "Karsk dam: what we know" the part after the colon is a
    bare wh-clause, and a dam does not speak."""
    if draft.cue is None or draft.cue.text != ":" or draft.speaker_span is None:
        return False
    label = draft.speaker_span
    if label.start_char != line[0] or _CREDIT.search(text, line[0], line[1]):
        return False  # "Belle Image: Nick Moreau." names a photographer, not a speaker
    speaks = label.root.ent_type_ in {"PERSON", "ORG", "NORP"} or label.root.lemma_.lower() in lexicons.load("source_nouns")
    first = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    explainer = first is not None and len(first) and first[0].tag_ in {"WP", "WRB", "WDT"}
    return speaks and not explainer


# -- interview transcripts --------------------------------------------------------------------
@dataclass(frozen=True)
class Turn:
    """One turn of an interview: its whole span (label included), and its statement if it is
    an answer (a question is nobody's statement)."""

    span: Part
    draft: Draft | None


def transcript_turns(context: DocContext, lines: Sequence[Part]) -> list[Turn]:
    """The turns of an interview transcript, if the text holds one.

    Paragraphs that start with a name and a colon are turns ("Nick Bos: Me and a studymate …")
    when at least three do, under two labels or more, and one label only asks questions (the
    interviewer: "Wikinews: What first attracted you to researching ants?"). A turn runs on over
    the following paragraphs until the next label or a set-off quotation; titles and captions
    between its paragraphs are not part of it.
    """
    text = context.text
    labelled = []
    for index, (start, end) in enumerate(lines):
        match = _TURN.match(text, start, end)
        if match is None or match.end(2) != end:
            continue
        label = match.group(1).strip()
        if not _is_label(label):
            continue
        labelled.append((index, label, match.start(1), match.start(1) + len(label), match.start(2)))
    if len(labelled) < 3 or len({label for _, label, *_ in labelled}) < 2:
        return []
    questions: dict[str, list[bool]] = {}
    for index, label, *_ in labelled:
        asked = text[lines[index][0] : lines[index][1]].rstrip(" \"'”’)").endswith("?")
        questions.setdefault(label, []).append(asked)
    asking = {label for label, asked in questions.items()
              if label.lower() in lexicons.load("interviewer_labels") or sum(asked) * 2 > len(asked)}
    if not asking or asking == set(questions):
        return []
    starts = {index for index, *_ in labelled}
    turns = []
    for index, label, label_start, label_end, body in labelled:
        parts = [(body, lines[index][1])]
        following = index + 1
        while following < len(lines) and following not in starts:
            line = lines[following]
            following += 1
            if text[line[0]] in _OPENING:
                break  # a pull quote set off from the transcript
            if not is_reporters_line(text, line):  # a caption or title between paragraphs
                parts.append(line)
        span = (label_start, parts[-1][1])
        draft = None
        if label not in asking:
            draft = _turn_draft(context, parts, label_start, label_end)
        turns.append(Turn(span, draft))
    return turns


def _is_label(label: str) -> bool:
    """A speaker's name as a transcript prints it: capitalised words, at most five."""
    words = label.split()
    return 0 < len(words) <= 5 and label.lower() not in lexicons.load("not_turn_labels") and all(w[0].isupper() for w in words) \
        and not any(w.lower() in lexicons.load("not_turn_labels") for w in words)


def _turn_draft(context: DocContext, parts: list[Part], label_start: int, label_end: int) -> Draft | None:
    mention = context.doc.char_span(label_start, label_end, alignment_mode="contract")
    parts = [p for p in parts if p[1] > p[0]]
    if mention is None or not parts:
        return None
    return Draft(QuoteKind.TRANSCRIPT, parts[0][0], parts[-1][1], speaker=context.resolver.resolve(mention),
                 speaker_span=mention, parts=tuple(parts) if len(parts) > 1 else ())


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


def _same_speaker(a: Draft, b: Draft) -> bool:
    if a.speaker is not None and a.speaker is b.speaker:
        return True
    return a.speaker_span is not None and b.speaker_span is not None and a.speaker_span == b.speaker_span


# -- quotations without a named speaker -------------------------------------------------------
_SIGNATURE = re.compile(r"^\s*(?:[-—–―]{1,2}\s*)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})")


def _signed(context: DocContext, draft: Draft) -> Draft:
    """A pull quote signed with the speaker's name: '"So far, it's the Internet: 1." - Matthew
    Ingram'; '"The future is only peace." Shimon Peres image: …'."""
    if draft.kind != QuoteKind.DIRECT or draft.speaker is not None or draft.speaker_span is not None:
        return draft
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
    return replace(draft, speaker=context.resolver.resolve(mention), speaker_span=mention, cue=cue)


def _floating(context: DocContext, drafts: list[Draft]) -> list[Draft]:
    """A quotation with no cue right after a statement of X, with nobody else named as a
    subject between, is X's: 'US President Barack Obama tweeted using his @POTUS account:' /
    '"Cool clock, Ahmed. …"'. It may start the next paragraph, not a later one."""
    out: list[Draft] = []
    for draft in drafts:
        if draft.kind == QuoteKind.DIRECT and draft.speaker is None and draft.speaker_span is None:
            previous = next((d for d in reversed(out) if d.speaker is not None and d.end <= draft.start), None)
            if previous is not None and _nobody_between(context, previous, draft):
                draft = replace(draft, speaker=previous.speaker, inherited=True)
        out.append(draft)
    return out


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
        # Another person, or anybody as a subject, may be the new speaker.
        if between and context.in_quote[start] < 0 and (cluster.type == ActorType.PERSON or span.root.dep_ == "nsubj"):
            return False
    return True


# -- what is not a statement ------------------------------------------------------------------
def _not_a_statement(context: DocContext, draft: Draft) -> bool:
    """Whether a draft with a source is still no statement (each rule gives its reason)."""
    doc = context.doc
    if draft.kind == QuoteKind.TRANSCRIPT:
        return False
    verb = _cue_verb(draft)
    if verb is not None and (_sourceless_passive(verb) or _reporters_question(verb)):
        return True
    content = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if content is None:
        return False
    if verb is not None and _anonymity(verb, content):
        return True
    if draft.kind == QuoteKind.INDIRECT and not _proposition(content, context):
        if sum(1 for t in content if not (t.is_punct or t.is_space)) <= 1:
            return True  # one word is no report of anything: "discussed Mohamed", "denied it", "an"
        cue = set() if draft.cue is None else {t.lemma_.lower() for t in draft.cue}
        return _referent(content, cue | ({verb.lemma_.lower()} if verb is not None else set()))
    return draft.kind == QuoteKind.INDIRECT and verb is not None and _manner(verb, content)


def _reporting(draft: Draft) -> bool:
    """Whether the cue is a word of saying, believing or finding ("saying", "accused", "report")."""
    if draft.cue is None:
        return False
    words = {t.lemma_.lower() for t in draft.cue} | {t.lower_ for t in draft.cue}
    return bool(words & (lexicons.cue_verbs() | lexicons.representation_verbs() | {"according"}))


def _cue_verb(draft: Draft) -> Token | None:
    if draft.cue_verb is not None:
        return draft.cue_verb
    if draft.cue is None:
        return None
    root = draft.cue.root
    return root if root.pos_ in {"VERB", "AUX"} else None


def _sourceless_passive(verb: Token) -> bool:
    """A passive cue without its agent names no source when its subject is the listener or the
    thing foreseen: "Residents were told to leave", "Markets were expected to react". (Other
    passives keep their content: "The plan is intended to …", "He was quoted as saying".)"""
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    if not passive or any(c.dep_ == "agent" for c in verb.children):
        return False
    if verb.lemma_.lower() in lexicons.load("listener_verbs") | lexicons.load("foreseeing_verbs"):
        return True
    # A passive that keeps its object has the recipient as subject: "The team was awarded a
    # silver medal", "He was shown a yellow card", "They had been denied visas".
    return any(c.dep_ in {"dobj", "dative"} for c in verb.children)


def _reporters_question(verb: Token) -> bool:
    """A participle clause with no subject of its own reports what the speaker was asked, not
    what she said: "Asked whether she would resign, Calloway said …"."""
    return verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl", "ROOT"} and not any(
        c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "agent"} for c in verb.children)


def _anonymity(verb: Token, content: SpacySpan) -> bool:
    """The reporter's note on anonymity is no statement: "who asked not to be named"."""
    head = content.root
    return head.lemma_.lower() in {"name", "identify"} and any(c.dep_ == "auxpass" for c in head.children)


_FINITE = {"VBD", "VBP", "VBZ", "MD"}


def _proposition(content: SpacySpan, context: DocContext) -> bool:
    """A clause, a to-infinitive, a that/whether/wh-clause, a gerund clause, or quoted words."""
    if any(context.in_quote[t.i] >= 0 for t in content if not t.is_punct):
        return True
    for token in content:
        if token.tag_ in _FINITE or token.tag_ == "VBG" and token.dep_ not in {"amod", "compound"}:
            return True
        if token.pos_ in {"VERB", "AUX"} and any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children):
            return True
    return False


def _referent(content: SpacySpan, cue: set[str]) -> bool:
    """A noun phrase that is the listener, a relative pronoun or a figure is no proposition:
    "questioned the student", "told The Huffington Post", "rejects which", "added 25 points",
    "posted a loss of $3 million". (A noun phrase of a communication verb often is one:
    "announced the start of talks", "requested donations", "endorsed Clinton".)"""
    head = content.root
    if head.tag_ == "WDT":
        return True
    if cue & lexicons.load("addressee_verbs") and (
            head.pos_ in {"PRON", "PROPN"} or head.ent_type_ in {"PERSON", "ORG", "NORP"}
            or head.lemma_.lower() in lexicons.agent_nouns()):
        return True
    return _figure(head)


def _figure(head: Token) -> bool:
    """A number of things, or a sum: "25 points", "a loss of $3 million"."""
    if head.ent_type_ in _FIGURES or any(c.dep_ == "nummod" for c in head.children):
        return True
    return any(p.ent_type_ in _FIGURES for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj")


def _manner(verb: Token, content: SpacySpan) -> bool:
    """A participle clause hanging from the cue tells how it was said, not what: "tweeted using
    his @POTUS account"."""
    root = content.root
    return root.tag_ == "VBG" and root.dep_ == "advcl" and root.head == verb and root.lemma_.lower() not in lexicons.cue_verbs()


_FIGURES = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}
