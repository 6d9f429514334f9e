"""Attribution engines over one parsed article: ``rules`` (sayso's rule engine), ``trained``
(the shipped tagger, decoded into quotes) and ``hybrid`` (the tagger's quotes completed by the
rules' cues, speakers and quotes where the tagger has none). All three share actors, speaker resolution (a pronoun source still
resolves to its actor), certainty and relations, so they differ only in which quotes they find.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span as SpacySpan, Token

from .analysis import Proposal, Proposer, analyze_doc
from .errors import ConfigError
from .extractors.context import DocContext, set_phrase
from .extractors import lexicons
from .extractors.drafts import Draft
from .extractors.lookup import Intervals
from .extractors.marks import trim_space
from .extractors.quotes import rule_drafts
from .extractors.speakers import closes_bracket, mention_span
from .model.decode import Linked, link
from .types import Analysis, QuoteKind

if TYPE_CHECKING:
    from .model.taggers import Tagger

ENGINES = ("rules", "trained", "hybrid")
#: What ``auto`` (the default) runs when the trained model is installed; else it runs rules.
AUTO = "hybrid"
#: How ``hybrid`` combines the two, the best on PolNeAR dev of ``STRATEGIES`` (bench/hybrid.py):
#: ``model-fill`` keeps the tagger's quotes, gives them the cue and speaker the rules found
#: where the tagger has none, and adds the rules' quotes where the tagger found nothing.
#: (``precise``: the rules' quotes in marks with a cue, the tagger's elsewhere; ``rules-first``
#: and ``model-first``: one engine's quotes, the other's where the first found nothing.)
HYBRID = "model-fill"
STRATEGIES = ("model-fill", "model-first", "rules-first", "precise")

_EDGE = " \t\n,;:—–-"
_OPENING, _CLOSING = "“\"'‘«", "”\"'’»"
_WORDS = re.compile(r"\w+")
_DASH_CHARACTERS = "—–―"


#: What every ``--engine`` option and the settings accept: an engine, or ``auto``.
ENGINE_CHOICES = ("auto", *ENGINES)


def engine_name(engine: str | None, attribution_model: str | None = None) -> str:
    """``engine`` checked (None: ``auto``); ``auto`` becomes the best engine whose model is there,
    ``attribution_model`` or the packaged one (an explicit trained or hybrid without a model is
    a configuration error when the model is loaded)."""
    name = (engine or "auto").strip().lower()
    if name == "auto":
        from .model.loader import available

        return AUTO if AUTO == "rules" or available(attribution_model) else "rules"
    if name not in ENGINES:
        raise ConfigError(f"unknown engine {name!r}; choose among {', '.join(ENGINES)} or auto")
    return name


def analyze(doc: Doc, engine: str | None = None, *, strategy: str = HYBRID,
            attribution_model: str | None = None) -> Analysis:
    """The :class:`Analysis` of a parsed article by ``engine`` (default: auto), the trained and
    hybrid engines with the tagger in ``attribution_model`` (default: the packaged one)."""
    name = engine_name(engine, attribution_model)
    if name == "rules" or doc.lang_ != "en":
        return analyze_doc(doc)  # the tagger learnt English: other languages are read by rules
    from .model.loader import load_tagger

    tagger = load_tagger(attribution_model)  # before any work: a missing model is a configuration error
    return analyze_doc(doc, by_hybrid(tagger, strategy) if name == "hybrid" else by_tagger(tagger))


def by_tagger(tagger: Tagger) -> Proposer:
    """The trained engine's proposal: the tagger's attributions as drafts."""
    def propose(context: DocContext) -> Proposal:
        return tagged_drafts(context, tagger), ()
    return propose


def by_hybrid(tagger: Tagger, strategy: str = HYBRID) -> Proposer:
    """The hybrid engine's proposal: the rules' drafts and the tagger's, combined by ``strategy``
    (the rules read first, so their speakers are resolved in the order the rule engine's are)."""
    def propose(context: DocContext) -> Proposal:
        rules = rule_drafts(context)
        return combine(rules, tagged_drafts(context, tagger), strategy, context.text), rules
    return propose


# -- the tagger's attributions as quote drafts -------------------------------------------------
def tagged_drafts(context: DocContext, tagger: Tagger) -> list[Draft]:
    """The tagger's attributions over an article, decoded into quote drafts."""
    doc, sentences = context.doc, context.sentences
    return model_drafts(context, link(doc, tagger.token_spans(doc, sentences), sentences=sentences))


def model_drafts(context: DocContext, linked: Sequence[Linked]) -> list[Draft]:
    """Quote drafts from decoded attributions, speakers resolved in text order (so that "he"
    finds the speaker introduced just before)."""
    drafts = []
    doc, text = context.doc, context.text
    order = sorted(linked, key=lambda a: min([a.parts[0][0]] + ([a.source[0]] if a.source else [])))
    for attribution in order:
        parts = [p for p in (_char_part(doc, s, e, text) for s, e in attribution.parts) if p is not None]
        if not parts:
            continue
        fields: dict[str, Any] = {}
        if attribution.cue is not None:
            cue = doc[attribution.cue[0] : attribution.cue[1]]
            if any(set_phrase(t) for t in cue):
                continue  # "That said, she noted, '…'": the rules read the cue
            fields["cue"] = cue
            fields["cue_verb"] = cue.root if cue.root.pos_ in {"VERB", "AUX"} else None
        if attribution.source is not None:
            mention = _without_dateline(_trim_tokens(doc, *attribution.source))
            if mention is not None and fields.get("cue_verb") is not None:
                mention = _own_subject(fields["cue_verb"], mention, attribution.parts)
            if mention is not None and any(t.pos_ in _NOMINAL for t in mention):
                # (a span of no noun, "first" in "as first reported by …", names nobody)
                fields["speaker_span"] = mention
                fields["speaker"] = context.resolver.resolve(mention)
        kind = _kind(doc, attribution, context.in_quote, fields.get("cue"))
        if kind in {QuoteKind.INDIRECT, QuoteKind.MIXED}:
            parts = _before_time_clause(text, parts, fields.get("cue_verb"), context.in_quote)
        if kind == QuoteKind.INDIRECT:
            parts = _one_paragraph(text, parts, fields)
            if not parts:
                continue
        drafts.append(Draft(kind, parts[0][0], parts[-1][1], parts=tuple(parts) if len(parts) > 1 else (), **fields))
    drafts.sort(key=lambda d: (d.start, d.end))
    return drafts


def _before_time_clause(text: str, parts: list[tuple[int, int]], verb: Token | None,
                        in_quote: Sequence[int]) -> list[tuple[int, int]]:
    """A reported content after its cue, cut before a clause of time that hangs on the cue verb
    itself and is no one's quoted words: it tells when the report was made ("accuses the
    government of "appalling" fraud | after it reported the results")."""
    if verb is None or len(parts) != 1 or verb.idx >= parts[0][0]:
        return parts
    start, end = parts[0]
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in _TIME_AFTER for m in clause.children):
            continue
        first = clause.left_edge
        if start < first.idx < end and not any(in_quote[t.i] >= 0 for t in clause.subtree):
            cut = len(text[: first.idx].rstrip(" ,;"))
            return [(start, cut)] if cut > start else parts
    return parts


#: Words that open a clause of time after a report ("after", "when"; not "as", which may
#: introduce the reported words: "as he said").
_TIME_AFTER = frozenset({"after", "before", "when", "while", "until", "once"})


def _own_subject(verb: Token, mention: SpacySpan, parts: Sequence[tuple[int, int]]) -> SpacySpan:
    """The cue's own subject, a noun before it, for a tagged source in another clause: "Nearly all
    of the mayors have endorsed her; last month, the campaign unveiled an endorsement list". (A
    pronoun is left to the tagger's name, and a date read as a subject is none.)"""
    subject = _noun_subject(verb)
    if subject is None and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"} \
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        # "Obama … stood beside Meles's successor, Prime Minister Hailemariam Desalegn, and
        # described the government as …": a second verb's subject is the first one's, not a
        # name in what the first verb did
        shared = _noun_subject(verb.head)
        if shared is not None and mention.root.dep_ not in {"nsubj", "nsubjpass"} \
                and shared.i < mention.start and mention.end <= verb.i \
                and not any(s <= shared.i < e for s, e in parts):
            return mention_span(shared)
    if subject is not None and mention.root.dep_ in {"prep", "advmod", "npadvmod"} and mention.end <= subject.i < verb.i \
            and not any(s <= subject.i < e for s, e in parts):
        # "Outside of the Conservative party, Scottish Labour leader Johann Lamont spoke of …": a
        # phrase set before the subject says where or when, not who
        return mention_span(subject)
    if subject is None or mention.start <= subject.i < mention.end or mention.root.head == verb \
            or subject.i < mention.start < verb.i or any(s <= subject.i < e for s, e in parts):
        # (a source between the subject and the cue is the cue's: "Hawaii, as one of the advisers
        # pointed out, …")
        return mention
    return mention_span(subject)


def _noun_subject(verb: Token) -> Token | None:
    """A verb's subject when it is a noun before it, not a date read as one."""
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.pos_ in {"NOUN", "PROPN"}
                 and c.ent_type_ not in {"DATE", "TIME"}), None)


def _one_paragraph(text: str, parts: list[tuple[int, int]], fields: dict[str, Any]) -> list[tuple[int, int]]:
    """Reported speech without quotation marks stays in one paragraph: the parts of an indirect
    quote, clipped to the paragraph of its cue (else its speaker, else its first part); a
    headline and the first sentence below it are not one statement."""
    first, last = parts[0][0], parts[-1][1]
    if "\n\n" not in text[first:last]:
        return parts
    anchor = fields["cue"].start_char if "cue" in fields else \
        fields["speaker_span"].start_char if "speaker_span" in fields else first
    top = text.rfind("\n\n", 0, anchor)
    top = 0 if top < 0 else top + 2
    bottom = text.find("\n\n", anchor)
    bottom = len(text) if bottom < 0 else bottom
    clipped = []
    for start, end in parts:
        start, end = trim_space(text, max(start, top), min(end, bottom), _EDGE)  # ("… in Mexico:" before a post)
        if end > start:
            clipped.append((start, end))
    return clipped


#: Parts of speech one of which a source's words must hold to name anybody.
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})


def _without_dateline(mention: SpacySpan | None) -> SpacySpan | None:
    """A source span without the dateline it starts with: "ST. LOUIS — Donald Trump"."""
    if mention is None:
        return None
    doc = mention.doc
    if mention.end < len(doc) and doc[mention.end].text in _DATELINE_DASHES and _capitals(mention):
        return None  # the dateline alone
    dash = next((t.i for t in mention if t.text in _DATELINE_DASHES), None)
    if dash is None or dash + 1 >= mention.end or not _capitals(doc[mention.start : dash]):
        return mention
    return doc[dash + 1 : mention.end]


def _capitals(words: SpacySpan) -> bool:
    """Whether every word is in capitals, as a dateline's place is ("ST. LOUIS")."""
    return all(t.is_upper or not t.is_alpha for t in words)


#: Dashes that end a dateline ("BAGHDAD — ").
_DATELINE_DASHES = frozenset({"—", "–", "--"})


#: Parts of speech a source span does not end with: a preposition, conjunction or article.
_NO_END = frozenset({"ADP", "CCONJ", "SCONJ", "DET"})


def _trim_tokens(doc: Doc, start: int, end: int) -> SpacySpan | None:
    """Tokens [start, end) without punctuation or space at either edge, nor a link's language tag
    at the end ("Haris El Salman [id"), nor a function word that no name or description ends
    with ("the young North Korean leader on" of "… leader on Sunday said"), nor a participle
    after a comma ("Two officials, speaking"); a bracket it opened stays closed ("Natural
    Resources Wales (NRW)")."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct and not closes_bracket(doc[start:end]) or doc[end - 1].is_space
                           or end - start > 1 and doc[end - 1].pos_ in _NO_END and doc[end - 1].is_lower
                           or end - start > 2 and doc[end - 1].tag_ in {"VBG", "VBN", "WDT", "WP"} and doc[end - 2].text == ","):
        end -= 1  # ("Two officials, speaking", "Gaza's health ministry, which": what the phrase goes on to say)
    if end - start > 2 and doc[end - 2].text == "[":
        return _trim_tokens(doc, start, end - 2)
    if end < len(doc) and end > start and closes_bracket(doc[start : end + 1]):
        end += 1  # the tagger's "Natural Resources Wales (NRW", its bracket left open
    return doc[start:end] if end > start else None


def _char_part(doc: Doc, start: int, end: int, text: str | None = None) -> tuple[int, int] | None:
    """A content part in characters, without edge spaces, commas or dashes, and without its
    quote marks when it is exactly one quotation. ``text`` is ``doc.text``, read once by the
    caller (spaCy joins it anew on each access)."""
    text = doc.text if text is None else text
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    while True:
        before = (s, e)
        s, e = trim_space(text, s, e, _EDGE)
        if e - s >= 2 and text[s] in _OPENING and text[e - 1] in _CLOSING and not _has_marks(text[s + 1 : e - 1]):
            s, e = s + 1, e - 1
        elif e > s and text[s] in _OPENING and not _has_marks(text[s + 1 : e]):
            s += 1  # an opening mark whose quotation the span leaves unclosed
        elif e > s and text[e - 1] in _CLOSING and text[e - 1] not in "'’" and not _has_marks(text[s : e - 1]):
            e -= 1
        if (s, e) == before:
            break
    return (s, e) if e > s else None


def _has_marks(text: str) -> bool:
    return any(ch in "“”\"«»" for ch in text)


def _kind(doc: Doc, attribution: Linked, in_quote: Sequence[int], cue: SpacySpan | None) -> QuoteKind:
    words = [i for s, e in attribution.parts for i in range(s, e) if not (doc[i].is_punct or doc[i].is_space)]
    quoted = sum(in_quote[i] >= 0 for i in words)
    if words and quoted == len(words):
        return QuoteKind.DIRECT
    if cue is not None and cue[0].lower_ == "according":
        return QuoteKind.ACCORDING_TO
    return QuoteKind.MIXED if quoted else QuoteKind.INDIRECT


# -- combining rules and tagger -----------------------------------------------------------------
def _overlap(a: Draft, b: Draft) -> float:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return max(0, shared) / max(1, min(a.end - a.start, b.end - b.start))


def _fill(draft: Draft, twins: Sequence[Draft], text: str = "") -> Draft:
    """The tagger's quote, with the cue, medium and speaker the rules found for it where it has
    none. Where its content is a stray word or two ("to ban" of "pledged to ban all …") or stops at a dash the
    rules read past ("to ban all Muslims — 1.6 billion … — from entering the U.S."), the rules'
    content stands."""
    twin = next((t for t in twins if t.cue is not None or t.speaker_span is not None), None)
    if twin is None:
        return draft
    behind = next((t for t in twins if draft.kind == t.kind == QuoteKind.INDIRECT and _cue_behind(draft, t)), None)
    if behind is not None:
        return behind
    if text and draft.kind == QuoteKind.INDIRECT and _same_cue(draft, twin) \
            and _content_words(text, draft) < 2 <= _content_words(text, twin):
        return twin
    if text and not draft.parts and twin.start <= draft.start < draft.end < twin.end \
            and text[draft.end:twin.end].lstrip()[:1] in _DASH_CHARACTERS:
        draft = replace(draft, end=twin.end)
    if draft.kind == twin.kind and draft.kind in {QuoteKind.INDIRECT, QuoteKind.ACCORDING_TO} and _same_cue(draft, twin) \
            and (_cut_short(draft, twin) or draft.kind == QuoteKind.INDIRECT and _runs_into_verb(draft, twin)):
        return twin
    if draft.cue is not None and twin.cue is not None and twin.kind == QuoteKind.DIRECT and twin.cue_verb is not None \
            and twin.cue_verb.tag_ == "VBG" \
            and draft.cue.end_char <= twin.cue.start_char and twin.cue.end_char <= draft.start \
            and abs(twin.start - draft.start) <= 1 and not _same_cue(draft, twin):
        # "said A saying, "B"": B is told by the participle just before it, not by the verb before A
        return twin
    if twin.kind == QuoteKind.ACCORDING_TO and draft.kind != QuoteKind.ACCORDING_TO and draft.cue is not None \
            and twin.cue is not None and draft.end <= twin.cue.start_char < twin.cue.end_char <= draft.cue.start_char:
        # "A, according to police, who said B": the phrase nearer to A tells it
        return twin
    if draft.cue is not None and twin.cue is not None and draft.cue.end_char <= twin.cue.start_char <= draft.start \
            and (twin.kind == QuoteKind.ACCORDING_TO and draft.kind != QuoteKind.ACCORDING_TO
                 or draft.kind == twin.kind == QuoteKind.INDIRECT and twin.start <= draft.start and draft.end <= twin.end
                 and twin.cue_verb is not None and twin.cue_verb.dep_ == "conj"
                 and twin.cue_verb.lemma_.lower() in lexicons.speech_verbs()
                 and twin.speaker is not None and twin.speaker is draft.speaker):
        # "… have reported that A, and according to Amnesty B", "told him that A and promised
        # that B" (the same speaker's next verb): the cue nearer to B tells it
        return twin
    fields: dict[str, Any] = {}
    if draft.cue is None and twin.cue is not None:
        fields.update(cue=twin.cue, cue_verb=twin.cue_verb, medium=twin.medium, medium_span=twin.medium_span)
    elif draft.medium_span is None and twin.medium_span is not None and twin.cue is not None \
            and draft.cue is not None and twin.cue.start < draft.cue.end and draft.cue.start < twin.cue.end:
        fields.update(medium=twin.medium, medium_span=twin.medium_span)  # "told The Jerusalem Post"
    if draft.speaker_span is None and twin.speaker_span is not None and draft.cue is not None \
            and twin.cue is not None and not _same_cue(draft, twin):
        # The tagger's cue without a speaker, the rules' statement of another cue with one: the
        # rules' statement, whose speaker is its own cue's ("who he speculates are …", not "said")
        return twin
    if draft.speaker_span is None and twin.speaker_span is not None:
        fields.update(speaker=twin.speaker, speaker_span=twin.speaker_span, inherited=twin.inherited)
    elif _subject_outweighs(draft, twin):
        fields.update(speaker=twin.speaker)
        if not _one_mention(draft.speaker_span, twin.speaker_span):
            fields.update(speaker_span=twin.speaker_span)  # else one mention, read the rules' way
    return replace(draft, **fields) if fields else draft


def _cut_short(draft: Draft, whole: Draft) -> bool:
    """Whether a tagger's reported clause stops inside the rules' one before the object its verb
    takes ("Biden signed" of "Biden signed the measure late Saturday, the White House said")."""
    if draft.parts or whole.parts or draft.cue is None or not (whole.start <= draft.start and draft.end < whole.end):
        return False
    doc = draft.cue.doc
    inside = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if inside is None:
        return False
    return any(c.dep_ in _COMPLEMENTS and draft.end <= c.idx < whole.end for t in inside if t.pos_ in {"VERB", "AUX"}
               for c in t.children)


def _cue_behind(draft: Draft, twin: Draft) -> bool:
    """Whether a tagger's reported clause that opens with "that" (or "whether", "if") took a cue
    after it, where the rules read the same clause after the cue that governs it ("elders said
    that A, and The Daily Telegraph reported B": A is the elders', not the Telegraph's)."""
    if draft.cue is None or twin.cue is None or draft.cue.start_char < draft.end or twin.cue.end_char > draft.start \
            or abs(twin.start - draft.start) > 1:
        return False
    first = draft.cue.doc.char_span(draft.start, draft.end, alignment_mode="expand")
    return first is not None and len(first) > 0 and first[0].dep_ == "mark" and first[0].head.head == twin.cue_verb


def _runs_into_verb(draft: Draft, whole: Draft) -> bool:
    """Whether a tagger's reported clause runs past the rules' one into the next verb of its
    speaker and no further ("that he was concerned … and promised" | "that he would help")."""
    if draft.parts or whole.parts or draft.cue is None or not (draft.start == whole.start and whole.end < draft.end):
        return False
    tail = draft.cue.doc.char_span(whole.end, draft.end, alignment_mode="expand")
    return tail is not None and any(t.pos_ == "VERB" and t.dep_ == "conj" for t in tail) \
        and all(t.pos_ in {"CCONJ", "VERB", "AUX", "ADV", "PART", "PUNCT"} for t in tail)


#: Dependents that complete a verb.
_COMPLEMENTS = frozenset({"dobj", "attr", "acomp", "xcomp", "ccomp", "oprd", "dative"})


def _one_mention(a: SpacySpan | None, b: SpacySpan | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def _subject_outweighs(draft: Draft, twin: Draft) -> bool:
    """Whether the rules' speaker of the same cue, its grammatical subject, stands for the tagger's
    when the two differ ("Comey … said she should face no charges, a recommendation Lynch adopted")."""
    return twin.speaker is not None and not twin.inherited and twin.cue_verb is not None \
        and draft.speaker_span is not None and twin.speaker_span is not None \
        and draft.speaker is not twin.speaker and _same_cue(draft, twin)


#: Kinds of quotation in marks, which the rules read to their cue.
_QUOTED = frozenset({QuoteKind.DIRECT, QuoteKind.MIXED})


def _by_cue(draft: Draft, twins: Sequence[Draft]) -> list[Draft]:
    """The rules' quotes for a tagger's quote of several parts, or one part over several
    quotations, that two cues or more tell, one statement per act of saying ('"A." Morin said.
    "B," he added.'); none when one cue tells it all ('"A," he said. "B."' is one statement in
    two parts)."""
    if draft.kind not in _QUOTED:
        return []
    # one part may run over two quotations too ('"A" as it is B. C is "D," Cordesman added.')
    pieces = draft.parts or ((draft.start, draft.end),)
    told = [t for t in twins if t.cue is not None and t.kind in _QUOTED and any(t.start < e and s < t.end for s, e in pieces)]
    cues = {(t.cue.start, t.cue.end) for t in told if t.cue is not None}
    return told if len(cues) > 1 else []


def _other_cues(draft: Draft, rules: Sequence[Draft]) -> list[SpacySpan]:
    """The cues of the rules' other statements that lie inside a tagger's content."""
    return [r.cue for r in rules if r.cue is not None and not _same_cue(r, draft)
            and draft.start < r.cue.start_char and r.cue.end_char <= draft.end]


def _short_of_cue(draft: Draft, rules: Sequence[Draft], text: str) -> Draft:
    """A tagger's content that ends with the cue of another rules' statement ends before it
    ("ordered the peacekeepers to leave the country saying" | ", "…""): that cue tells what comes
    after it."""
    if not text or draft.parts or draft.cue is None or draft.kind not in {QuoteKind.INDIRECT, QuoteKind.MIXED}:
        return draft
    other = next((c for c in _other_cues(draft, rules) if c.end_char == draft.end), None)
    if other is None:
        return draft
    k = other.start
    while k > 0 and (other.doc[k - 1].is_punct or other.doc[k - 1].pos_ == "CCONJ"):
        k -= 1  # (and the "and" before it: "that she worried and promised")
    end = len(text[: other.doc[k].idx].rstrip())
    return replace(draft, end=end) if end > draft.start else draft


def _cue_swallowed(draft: Draft, twins: Sequence[Draft], rules: Sequence[Draft], text: str) -> list[Draft]:
    """The rules' reported clause for a tagger's that runs on over the cue of another rules'
    statement ("said it has no plans to leave the country saying, "…"": what "said" reports ends
    before "saying", which tells what follows)."""
    if not text or draft.cue is None:
        return []
    other = min((c.start_char for c in _other_cues(draft, rules)), default=None)
    if other is None:
        return []
    return [t for t in twins if _same_cue(t, draft) and t.start <= draft.start + 1 and t.end <= other
            and not text[t.end : other].strip(" ,;\"'”’")][:1]


def _across_paragraphs(draft: Draft, twins: Sequence[Draft], text: str) -> list[Draft]:
    """The rules' quotation in marks with its cue for a tagger's quote that runs over a line
    break from the line before it ("Read more: Protests: what we know so far⏎⏎"I have always
    said …," he said"): a quotation opens at its mark, not in another paragraph."""
    if not text or "\n" not in text[draft.start : draft.end]:
        return []
    brk = text.rfind("\n", draft.start, draft.end)
    return [t for t in twins if t.kind == QuoteKind.DIRECT and _precise(t) and "\n" not in text[t.start : t.end]
            and brk < t.start and t.start > 0 and text[t.start - 1] in "\"“‘'"
            and not text[brk : t.start].strip(" \n\"“'‘")]  # (in marks that open its paragraph)


def _without_pieces(drafts: list[Draft]) -> list[Draft]:
    """Reported contents less those inside another of the same cue: the tagger may cut one
    content in two ("at" | "least one of those episodes …", "According to The Herald, officials
    said" | "that …", a quotation in it too), and the rules' whole stands for the stray piece."""
    spans = Intervals([(d.start, d.end) for d in drafts])
    return [d for d in drafts if d.cue is None or not any(
        (o.start, o.end) != (d.start, d.end) and _same_cue(o, d) and (
            d.kind == o.kind == QuoteKind.INDIRECT or o.kind == QuoteKind.ACCORDING_TO and d.kind != QuoteKind.PARTIAL)
        for o in (drafts[k] for k in spans.containing(d.start, d.end)))]


def _same_cue(a: Draft, b: Draft) -> bool:
    return a.cue is not None and b.cue is not None and b.cue.start < a.cue.end and a.cue.start < b.cue.end


def _content_words(text: str, draft: Draft) -> int:
    return sum(w.lower() not in STOP_WORDS for w in _WORDS.findall(text[draft.start:draft.end]))


def _precise(draft: Draft) -> bool:
    """The rules' sure ground: a quotation in marks that has its cue."""
    return draft.kind in {QuoteKind.DIRECT, QuoteKind.PARTIAL} and draft.cue is not None


#: A tagger's quotation shorter than this share of the rules' quotation around it is a piece of
#: it; a longer one is the same quotation, read with other edges.
PIECE = 0.8


def _without_fragments(model: list[Draft], rules: Sequence[Draft], text: str = "") -> list[Draft]:
    """The tagger's quotations, each piece of one the rules read whole replaced by that whole: a
    direct quote is the text between its marks (docs/annotation.md), so "Because I have the
    clear sensation" inside a longer quotation is no statement of its own. A quotation set off as
    a paragraph of its own is read whole too: a report the tagger finds inside it is its
    speaker's words, unless it quotes a third person whom the quotation names ("… Saudi officials
    said that "the justice system is fair" …")."""
    direct = [r for r in rules if r.kind == QuoteKind.DIRECT or _quotation_after_that(r, text)]
    by_rule = Intervals([(r.start, r.end) for r in direct])
    kept, wholes = [], {}
    for d in model:
        whole = next((r for r in (direct[k] for k in by_rule.overlapping(d.start, d.end))
                      if r.start <= d.start and d.end <= r.end
                      and (r.set_off or d.kind == QuoteKind.DIRECT and _piece(d, r))), None)
        if whole is None or whole.set_off and _quotes_within(d, whole):
            kept.append(d)
        if whole is not None:
            wholes[id(whole)] = whole
    return kept + list(wholes.values())


def _quotation_after_that(draft: Draft, text: str) -> bool:
    """Whether the rules' reported clause is a whole quotation after "that" ('said that, "The
    EU is …"'), which is read whole as a direct one is."""
    if not text or draft.kind != QuoteKind.MIXED or draft.parts or text[draft.end - 1] not in "\"”":
        return False
    opening = _THAT_QUOTATION.match(text, draft.start, draft.end)
    return opening is not None and not _has_marks(text[opening.end() : draft.end - 1])


_THAT_QUOTATION = re.compile(r"(?:that|whether)\s*[,:]?\s*[\"“]", re.IGNORECASE)


def _piece(draft: Draft, whole: Draft) -> bool:
    """Whether a tagger's quotation inside the rules' quotation ``whole`` is a piece of it: much
    shorter, or begun inside it ("human rights. Now …" of '"One of Kirchner's flags is human
    rights. Now …"'), since a direct quote opens at its mark; but not after a cue the marks
    hold ('Sarkozy had "asked that all available means …"': what he asked)."""
    if draft.end - draft.start < PIECE * (whole.end - whole.start):
        return True
    cue_inside = draft.cue is not None and whole.start <= draft.cue.start_char < draft.start
    return draft.start - whole.start > _OPENING_SLACK and not cue_inside


#: Characters between a quotation's mark and a reading of its start that still opens there (a
#: space, a bracket).
_OPENING_SLACK = 2


def _quotes_within(draft: Draft, whole: Draft) -> bool:
    """A quotation in marks whose source is named inside ``whole``."""
    source = draft.speaker_span
    return draft.kind in {QuoteKind.DIRECT, QuoteKind.MIXED} and source is not None \
        and whole.start <= source.start_char < whole.end


def combine(rules: Sequence[Draft], model: Sequence[Draft], strategy: str = HYBRID, text: str = "") -> list[Draft]:
    """One list of drafts from both engines; where a rule quote and a tagger quote cover the
    same stretch (half of the shorter one), ``strategy`` says which is kept (``text``, the
    article's, lets ``model-fill`` see a tagger's content that is no content)."""
    if strategy == "precise":
        first, second = [d for d in rules if _precise(d)], list(model)
    elif strategy == "rules-first":
        first, second = list(rules), list(model)
    elif strategy in {"model-first", "model-fill"}:
        first, second = list(model), list(rules)
        first = _without_fragments(first, rules, text)
        if strategy == "model-fill":
            by_rule = Intervals([(r.start, r.end) for r in rules])

            def twins(d: Draft) -> list[Draft]:
                return [rules[k] for k in by_rule.overlapping(d.start, d.end) if _overlap(d, rules[k]) >= 0.5]

            # what no rule reads in the same stretch is the tagger's alone
            def read(d: Draft) -> list[Draft]:
                d = _short_of_cue(d, rules, text)
                found = twins(d)
                if not found:
                    return [replace(d, unconfirmed=True)]
                return _by_cue(d, found) or _cue_swallowed(d, found, rules, text) or _across_paragraphs(d, found, text) \
                    or [_fill(d, found, text)]

            first = _without_pieces([f for d in first for f in read(d)])
    else:
        raise ValueError(f"unknown strategy {strategy!r}; choose among {STRATEGIES}")
    # Only drafts that share text can cover half of one another.
    by_first = Intervals([(f.start, f.end) for f in first])
    kept = first + [d for d in second
                    if not any(_overlap(d, first[k]) >= 0.5 for k in by_first.overlapping(d.start, d.end))]
    return sorted(kept, key=lambda d: (d.start, d.end))
