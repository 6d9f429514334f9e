"""Interview transcripts: an answer is one statement of its labelled speaker, and the
interviewer's questions are nobody's (docs/annotation.md)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import lexicons
from .blockquotes import reporters_lead_in
from .context import DocContext
from .drafts import Draft
from .names import name_words
from .paragraphs import OPENING_MARKS, Part, is_reporters_line
from ..types import QuoteKind

#: A label is capitalised words before a colon; a period only ends an initial or a short title
#: ("Mario J. Lucero:", "Dr. Ruth:").
_TURN = re.compile(r"^([A-Z](?:[^:\n.,;!?\"“”]|(?:(?<=\b[A-Z])|(?<=\b[A-Z][a-z])|(?<=\b[A-Z][a-z]{2}))\.){0,50}?)"
                   r":[ \t]+(\S[^\n]*)$", re.MULTILINE)


#: What a turn's last line ends with, unlike a headline.
_SENTENCE_ENDS = frozenset(".!?\"”’)…")


# -- turns ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Turn:
    """One turn of an interview: its whole span (label included), and its statement if it is
    an answer (a question is nobody's statement)."""

    span: Part
    draft: Draft | None
    label: Part  # the speaker's name before the colon


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
        if not _is_label(label) or index == 0 and text[start:end].rstrip()[-1:] not in _SENTENCE_ENDS:
            continue  # the headline ("CanadaVOTES: Animal Alliance candidate Marie Crawford …")
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
        following, listing = index + 1, text[body : lines[index][1]].rstrip().endswith(":")
        while following < len(lines) and following not in starts:
            line = lines[following]
            following += 1
            title = is_reporters_line(text, line)
            if text[line[0]] in OPENING_MARKS or not title and _note(text, line):
                break  # a pull quote set off from the transcript, or an editor's note ("Ed.: See …")
            if not listing and reporters_lead_in(context, line):
                break  # the reporter again, introducing a reader's comment ("Rinat Shamstudinov argued:")
            if title and not listing:
                continue  # a caption or title between paragraphs
            # the items of a list that the answer opens ("Other random good ones:") are part of it
            listing = listing and title or text[line[0] : line[1]].rstrip().endswith(":")
            parts.append(line)
        span = (label_start, parts[-1][1])
        draft = None
        if label not in asking:
            draft = _turn_draft(context, parts, label_start, label_end)
        turns.append(Turn(span, draft, (label_start, label_end)))
    return turns


def reported_inside(turn: Turn, draft: Draft) -> bool:
    """Whether a report inside ``turn`` is a statement of its own: a third person's quotation in
    an answer ("she said, "Thank you, Mets Poet""), or any report with its source in a question
    ("Stephen Colbert said that …"). The answerer's own words and the views of others that an
    answer reports indirectly stay part of the answer."""
    source = draft.speaker_span
    if draft.inherited or draft.cue is None or source is None or not turn.label[1] <= source.start_char < turn.span[1]:
        return False
    if source.root.pos_ == "PRON" and set(source.root.morph.get("Person", [])) & {"1", "2"}:
        return False  # "I say …", "Do you think …": the turn's own voices
    if turn.draft is None:
        return True
    if draft.kind not in {QuoteKind.DIRECT, QuoteKind.MIXED} or draft.speaker is turn.draft.speaker is not None:
        return False
    # The cue says these words: it shares a sentence with the quotation ("I say, "We will try."
    # They think …": "think" is not what said "We will try").
    doc = draft.cue.doc
    edges = [doc.char_span(i, i + 1, alignment_mode="expand") for i in (draft.start, draft.end - 1)]
    return draft.cue.sent.start in {edge.sent.start for edge in edges if edge is not None}


def _note(text: str, line: Part) -> bool:
    """A line that opens with a note's label ("Ed.: …", "Update: …"); the caller has ruled out a
    caption's credit ("Image: …"), which is the reporter's line."""
    match = _TURN.match(text, *line)
    return match is not None and not _is_label(match.group(1).strip())


def _is_label(label: str) -> bool:
    """A speaker's name as a transcript prints it: capitalised words, at most five, and a number
    after the first ("Anonymous 1:", an interviewee kept anonymous)."""
    words = label.split()
    return 0 < len(words) <= 5 and label.lower() not in lexicons.load("not_turn_labels") \
        and words[0][0].isupper() and all(w[0].isupper() or w.isdigit() for w in words) \
        and not any(w.lower() in lexicons.load("not_turn_labels") for w in words)


def _turn_draft(context: DocContext, parts: list[Part], label_start: int, label_end: int) -> Draft | None:
    mention = context.doc.char_span(label_start, label_end, alignment_mode="contract")
    parts = [p for p in parts if p[1] > p[0]]
    if mention is None or not parts:
        return None
    speaker = context.book.at_token(mention.root)
    if speaker is None or len(mention) > 1 and len(name_words(mention.text)) > len(speaker.words):
        # A turn label names its speaker in full ("Marymegan Daly:" where the NER saw only "Daly"
        # in the text), or names one the NER missed there ("Rebecca:"): it is a named mention of
        # that person, not an actor of its own.
        kind = mention.root.ent_type_ if mention.root.ent_type_ in {"ORG", "NORP", "GPE"} else "PERSON"
        speaker = context.book.add_named(mention, kind)
        speaker.speaker = True
    return Draft(QuoteKind.TRANSCRIPT, parts[0][0], parts[-1][1], speaker=speaker or context.resolver.resolve(mention),
                 speaker_span=mention, parts=tuple(parts) if len(parts) > 1 else ())


