"""French statements: who the article has say what, in every way French news reports it.

- direct, cue after: « … », a-t-il ajouté / « … », explique-t-elle / « … » a déclaré M. X
- direct, cue before: X a déclaré : « … » / X précise que « … » / comme le rappelle HRW, « … »
- mixed: Il renchérit que le succès de la « dédiabolisation » …
- partial: X décrit sa fille comme « petite-bourgeoise »
- indirect: X a annoncé que … / X affirme avoir … / …, a annoncé X.
- according to: Selon X, … / D'après X, … / Pour X, … / …, selon X.
- a quotation that follows a cued one of the same speaker continues it (one more part); one
  after a sentence ending in a colon, or about one speaker, is that speaker's ("floating").
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from ...types import ActorType, QuoteKind, StatementType
from .. import lexicons
from .actors import Book, Entity
from .marks import Region, quotations, sentences, trim_content
from .phrases import apposed_name_end, clean, comme_frame, de_complement, infinitive_after, is_source, noun_phrase_end, phrase
from .signatures import Signed, signed_paragraphs
from .speakers import speaker_of
from .verbs import LANG, cue_lemma, cue_type, incise, inverted_subject

#: Tokens after a cue within which its complement must start ("a annoncé mardi devant la presse que …").
COMPLEMENT_WINDOW = 14
#: Tokens between a cue's "à" and the name it introduces: "a annoncé à l'agence X Valentine Sapounov".
RECIPIENT_WINDOW = 8
#: Tokens back to the comma opening an apposition between a subject and its cue.
APPOSITION_WINDOW = 20
#: A quotation of fewer words right after its cue is a partial quote (a phrase, not a sentence).
PARTIAL_MAX_WORDS = 5
#: Most words between the comma that closes an apposition and a partial quotation ("…, comme « … »").
_AFTER_APPOSITION = 3
#: Fewest words of an uncued quotation that continues the statement before it.
CONTINUATION_MIN_WORDS = 4
#: Fewest characters of an "according to" statement ("Selon X, oui." is no statement).
ACCORDING_MIN_CHARS = 8
#: Words a cue's object and its apposition may take before "de" and an infinitive.
APPOSITION_STEPS = 2
#: An infinitive this many steps after a cue is its complement ("affirment avoir découvert").
INFINITIVE_STEPS = 2


def _words(name: str) -> frozenset[str]:
    """One French lexicon (``lexicons/fr/NAME.txt``), read once."""
    return lexicons.load(name, LANG)


#: The written forms of the prepositions of ``prepositional_object_verbs``, articles included.
_PREPOSITION_FORMS = {"à": {"à", "au", "aux"}, "de": {"de", "d'", "du", "des"}}


def _according_phrase(text: str, token: Token) -> int | None:
    """Where an "according to" phrase of several words that starts at ``token`` ends ("De
    l'avis de X, …", "Aux yeux de X, …"), or None."""
    if token.idx and text[token.idx - 1].isalpha():
        return None
    window = text[token.idx : token.idx + 40].lower().replace("’", "'")
    found = next((p for p in _words("according_phrases") if window.startswith(p)
                  and (p.endswith("'") or window[len(p) : len(p) + 1] in {" ", ""})), None)
    return None if found is None else token.idx + len(found)


def _hypothetical(verb: Token) -> bool:
    """A cue in a condition reports nothing said: "s'il souhaite déloger B. Obama"."""
    doc = verb.doc
    return any(c.i < verb.i and c.dep_ in {"mark", "expl:comp"} and (
        c.lower_ == "si" or c.lower_.replace("’", "'") == "s'" and c.i + 1 < len(doc) and doc[c.i + 1].lower_ in {"il", "ils"})
        for c in verb.children)  # "s'il", not the reflexive "s'est dit"


def _said_to_be(verb: Token) -> Token | None:
    """The adjective after a reflexive "se dire" ("s'est dit satisfait", "se dit prêt à …"), else
    None."""
    if verb.lemma_.lower() != "dire" or not any(c.dep_.startswith("expl") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "ADJ" and c.i > verb.i), None)


_INFINITIVE_ENDINGS = ("er", "ir", "re", "oir")


def _infinitive(token: Token, verb: Token) -> bool:
    """An infinitive, also one the tagger took for an adjective right after the verb it completes
    ("désirerait interdire l'avortement")."""
    return token.morph.get("VerbForm", []) == ["Inf"] or token.dep_ == "xcomp" and token.head == verb \
        and token.i == verb.i + 1 and token.pos_ == "ADJ" and token.lower_.endswith(_INFINITIVE_ENDINGS)


def _impersonal(verb: Token) -> bool:
    """An impersonal passive names no source: "il n'est pas prévu de reporter le scrutin", "il a
    été annoncé que …" (with no "par X")."""
    children = list(verb.children)
    return any(c.dep_ == "aux:pass" for c in children) and not any(c.dep_ == "obl:agent" for c in children) \
        and any(c.dep_ in {"nsubj:pass", "expl:subj"} and c.lower_ == "il" for c in children)


#: A comma and a conjunction that opens the reporter's own clause of concession or contrast.
_CONCESSION = re.compile(r",\s+(?:bien que|bien qu['’]|alors que|alors qu['’]|tandis que|tandis qu['’]|même si)\b",
                         re.IGNORECASE)


def _article(token: Token) -> bool:
    """An article, also one the tagger reads otherwise ("l’excès" as an adjective, "des mesures" as
    a preposition)."""
    return token.pos_ == "DET" or token.lower_.replace("’", "'") in {"l'", "des", "du"}


def _prepositions() -> dict[str, str]:
    """Cue verb → the preposition that introduces its noun-phrase content ("appeler" → "à")."""
    entries = (entry.partition("\t") for entry in _words("prepositional_object_verbs"))
    return {verb.strip(): preposition.strip() for verb, _, preposition in entries}


@dataclass
class Found:
    """One statement while it is being read: its parts and what the frame around it says."""

    kind: QuoteKind
    parts: list[tuple[int, int]]
    sentence: int
    cue: SpacySpan | None = None
    lemma: str | None = None
    source: SpacySpan | None = None
    speaker: Entity | None = None
    type: StatementType = StatementType.SPEECH
    region: Region | None = None
    regions: list[Region] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


class Reader:
    """Reads one French article's statements in text order (a pronoun's speaker is found among
    the statements read before it)."""

    def __init__(self, doc: Doc, book: Book) -> None:
        self.doc, self.book, self.text = doc, book, doc.text
        self.regions = quotations(self.text)
        self.sentences = sentences(self.text, self.regions)
        self.quoted = bytearray(len(self.text))
        for r in self.regions:
            self.quoted[r.start : r.end] = b"\x01" * (r.end - r.start)
        self.found: list[Found] = []
        self.scare: list[Region] = []

    # -- tokens -------------------------------------------------------------------------------
    def tokens(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def outside(self, token: Token) -> bool:
        return not self.quoted[token.idx]

    def _after(self, offset: int, limit: int) -> list[Token]:
        return [t for t in self.tokens(offset, limit) if t.idx >= offset]

    # -- reading ------------------------------------------------------------------------------
    def run(self) -> list[Found]:
        signed = signed_paragraphs(self.text)
        for number, (start, end) in enumerate(self.sentences):
            self._sentence(number, start, end)
            for paragraph in (p for p in signed if start <= p.dash < end):
                self._signed(number, paragraph)
        return self.found

    def _signed(self, number: int, paragraph: Signed) -> None:
        """A paragraph signed "—Sonia Dridi, journaliste" is her quotation, whatever was read inside it."""
        if any(paragraph.start < r.end and r.start < paragraph.end for r in self.regions):
            return  # a quotation in marks is read as such
        name = self.doc.char_span(*paragraph.name, alignment_mode="contract")
        if name is None:
            return
        self.found = [f for f in self.found if not (paragraph.start <= f.start < paragraph.end)]
        self._add(Found(QuoteKind.DIRECT, [(paragraph.start, paragraph.end)], number,
                        self.doc.char_span(paragraph.dash, paragraph.dash + 1, alignment_mode="expand"), None, name))

    def _sentence(self, number: int, start: int, end: int) -> None:
        regions = [r for r in self.regions if start <= r.start < end]
        tokens = self.tokens(start, end)
        used: set[int] = set()
        taken: list[Region] = []
        according = self._according(number, start, end, tokens)
        for found in according:
            used |= {t.i for t in found.cue} if found.cue is not None else set()
            self._add(found)
            taken += [r for r in regions if found.start <= r.inner_start and r.inner_end <= found.end]
        pending = [r for r in regions if r not in taken]
        for region in pending:
            framed = self._cued_after(number, region, end) or self._cued_before(number, region, start, tokens, used)
            if framed is None:
                continue
            if framed.cue is not None:
                used |= {t.i for t in framed.cue}
            if framed.kind == QuoteKind.DIRECT and region.start == start or framed.cue is not None \
                    and framed.cue.start_char > region.end:
                # « A » : « B » dénonce X — quotations run together before their cue.
                earlier = [r for r in pending if r.end <= region.start and r not in taken and not region.turn
                           and not self.text[r.end : region.start].strip(" :;,…")]
                if earlier:
                    framed.parts = [(r.inner_start, r.inner_end) for r in earlier] + framed.parts
                    taken += earlier
            taken.append(region)
            self._add(framed)
        for region in pending:
            if region in taken or self._incised(number, region) or self._continues(number, region, start):
                continue
            introduced = self._after_colon(number, region, start, tokens)
            if introduced is not None:
                self._add(introduced)
            else:
                self.scare.append(region)
        for found in self._indirect(number, start, end, tokens, used):
            self._add(found)
        for found in self._intentions(number, end, tokens):
            self._add(found)
        for found in self._aims(number, end, tokens):
            self._add(found)

    def _add(self, found: Found) -> None:
        if found.source is not None:
            found.source = clean(found.source)
        if found.speaker is None:
            found.speaker = speaker_of(self, found.source, found.cue, found.sentence,
                                            (found.cue or found.source or self.doc[0:0]).start_char or found.start)
        if found.speaker is None and found.kind != QuoteKind.DIRECT:
            return  # reported speech needs someone who reports it
        self.found.append(found)

    # -- direct: the cue after the quotation -------------------------------------------------
    def _cued_after(self, number: int, region: Region, limit: int) -> Found | None:
        """« … », a-t-il ajouté / « … » a déclaré Mitt Romney / « … », explique-t-il."""
        after = self._after(region.end, limit)
        i = 0
        while i < len(after) and after[i].text in {",", "—", "–", "-"}:
            i += 1
        start = i
        while i < len(after) and (after[i].lower_ in _words("clitics") or after[i].lower_ in _words("auxiliaries")
                                  or after[i].lower_ in _words("subject_clitics") and i > start
                                  or after[i].pos_ == "ADV" and after[i].lower_ not in {"ne", "n'"}
                                  and cue_lemma(after[i]) is None):  # "s'est réjoui", tagged an adverb
            i += 1
        if i >= len(after) or any(t.is_punct and t.text != "-t" for t in after[start:i]):
            return None
        verb = after[i]
        inverted = [t for t in after[start : i + 3] if t.lower_ in _words("subject_clitics") and t.i != verb.i]
        lemma = cue_lemma(verb)
        if lemma is None and not (inverted and verb.pos_ in {"VERB", "NOUN", "ADJ", "AUX"} and verb.is_alpha):
            return None  # only a cue verb, or a verb with its subject inverted, frames a quotation
        source = self._pronoun(inverted[-1]) if inverted else self._subject_after(verb)
        cue = self.doc[verb.i : verb.i + 1]
        return Found(QuoteKind.DIRECT, [(region.inner_start, region.inner_end)], number, cue, lemma or verb.lemma_,
                     source, type=cue_type(lemma), region=region)

    def _subject_after(self, verb: Token) -> SpacySpan | None:
        """The subject after a cue: "a déclaré Mitt Romney dans le Wisconsin" → Mitt Romney;
        "a répondu la porte-parole de la fédération à une question" → la porte-parole de la
        fédération; "ajoute le documentaire qui précise" → le documentaire."""
        doc, i = self.doc, verb.i + 1
        while i < len(doc) and doc[i].lower_ in {"-t", "-il", "-elle"}:
            i += 1
        if i < len(doc) and doc[i].lower_ in {"à", "au", "aux"}:  # "a annoncé à l'agence X Valentine Sapounov"
            j = i + 1
            while j < len(doc) and not doc[j].is_punct and doc[j].ent_type_ != "PER" and j - i < RECIPIENT_WINDOW:
                j += 1
            if j < len(doc) and doc[j].ent_type_ == "PER":
                i = j
        while i < len(doc) and (doc[i].lower_ in _words("time_words") or doc[i].ent_type_ == "DATE"
                                or doc[i].pos_ == "ADV" and doc[i].lower_ not in {"ne", "n'", "pas"}
                                and not doc[i].is_title):  # ("a ensuite précisé Febelfin": a name read as an adverb)
            i += 1  # "a déclaré jeudi le ministre", "conclut tout simplement Joji Otaki"
        end = noun_phrase_end(doc, i)
        return doc[i:end] if end > i else None

    # -- direct, mixed, partial: the cue before the quotation ----------------------------------
    def _cued_before(self, number: int, region: Region, start: int, tokens: list[Token],
                     used: set[int]) -> Found | None:
        before = [t for t in tokens if t.idx < region.start and self.outside(t)]
        cues = [t for t in before if t.i not in used and cue_lemma(t) is not None]
        if not cues:
            return None
        verb = cues[-1]
        between = [t for t in before if t.i > verb.i]
        if any(t.pos_ in {"VERB", "AUX"} and t.morph.get("VerbForm", []) in (["Fin"], ["Part"]) for t in between) \
                or any(not self.outside(t) for t in self.tokens(verb.idx, region.start) if t.idx > verb.idx):
            return None  # another clause, or another quotation, stands between
        lemma = cue_lemma(verb)
        words = [t for t in between if not t.is_punct and t.lower_ not in _words("subject_clitics") | {"-t"}]
        que = next((k for k, t in enumerate(words) if t.lower_ in _words("que")), None)
        inverted = next((t for t in between if t.lower_ in _words("subject_clitics")), None)
        subject = self._pronoun(inverted) if inverted is not None else self.subject_before(verb)
        cue = self.doc[verb.i : verb.i + 1]
        kind = QuoteKind.DIRECT
        parts = [(region.inner_start, region.inner_end)]
        if que is not None and que < len(words) - 1:
            # "précise qu'en « publiant … »": reported speech with a quotation inside it.
            kind = QuoteKind.MIXED
            parts = [self._clause(words[que].idx, region)]
        elif self.text[: region.start].rstrip().endswith(":"):
            kind = QuoteKind.DIRECT  # "a appelé à la formation d'une commission : « … »"
        elif que is None and not comme_frame(verb) and (
                words or len(self.text[region.inner_start : region.inner_end].split()) < PARTIAL_MAX_WORDS):
            comma = max((t.i for t in between if t.text == ","), default=None)
            if comma is not None and sum(1 for t in between if t.i > comma and not t.is_punct) > _AFTER_APPOSITION:
                # "proclamait l'indépendance …, après … une nette victoire du « oui »": another phrase's
                # words (not "décrit sa fille, Marine Le Pen, comme « … »")
                return None
            kind = QuoteKind.PARTIAL  # "décrit sa fille comme « petite-bourgeoise »"
        if comme_frame(verb):
            subject = self._subject_after(verb)  # "comme le rappelle HRW, « … »"
        return Found(kind, parts, number, cue, lemma, subject, type=cue_type(lemma), region=region)

    def _after_colon(self, number: int, region: Region, start: int, tokens: list[Token]) -> Found | None:
        """A quotation after a colon that closes its clause is the words of that clause's subject,
        whatever its verb ("Akli Gasmi se souvient : « … »", "il s'était pris au président : « … »"),
        or of the name that is the whole clause ("Barack Obama : « … »", a headline)."""
        before = self.text[start : region.start].rstrip()
        if not before.endswith(":"):
            return None
        colon = len(before) - 1 + start
        words = [t for t in tokens if t.idx < colon and self.outside(t) and not t.is_punct]
        if not words or any(not self.outside(t) for t in tokens if colon <= t.idx < region.start):
            return None
        verbs = [t for t in words if t.pos_ in {"VERB", "AUX"} and t.morph.get("VerbForm", []) in (["Fin"], ["Part"])]
        if not verbs:
            names = [e for e in self.doc.ents if e.label_ in {"PER", "ORG"} and e.start_char == words[0].idx
                     and e.end_char >= words[-1].idx + len(words[-1].text)]
            if not names:
                return None
            cue = self.doc.char_span(colon, colon + 1)
            return Found(QuoteKind.DIRECT, [(region.inner_start, region.inner_end)], number, cue, None, names[0],
                         type=StatementType.SPEECH, region=region)
        # the clause's cue if it has one ("a affirmé qu'il ne baissera pas les bras : « … »"), else its last verb
        verb = next((t for t in reversed(verbs) if cue_lemma(t) is not None), verbs[-1])
        lemma = cue_lemma(verb)
        subject = self.subject_before(verb)
        if subject is not None and not self._may_speak(subject):
            # "… la veuve …, Souha Arafat, de demander … : « … »": a thing is no speaker; the
            # person or organisation the clause names is
            named = [e for e in self.doc.ents if e.label_ in {"PER", "ORG"} and words[0].idx <= e.start_char < colon]
            subject = named[-1] if named else None
        if subject is None:
            return None
        return Found(QuoteKind.DIRECT, [(region.inner_start, region.inner_end)], number, self.doc[verb.i : verb.i + 1],
                     lemma or verb.lemma_, subject, type=cue_type(lemma), region=region)

    @staticmethod
    def _may_speak(span: SpacySpan) -> bool:
        """A name, a pronoun, or a noun for a person or an organisation."""
        nouns = _words("person_nouns") | _words("org_nouns")
        return any(t.ent_type_ in {"PER", "ORG"} or t.pos_ in {"PROPN", "PRON"} or t.lower_ in nouns for t in span)

    def _clause(self, start: int, region: Region) -> tuple[int, int]:
        """The reported clause from its "que" to the end of the sentence part it is in."""
        sentence_end = next((e for s, e in self.sentences if s <= start < e), len(self.text))
        end = sentence_end
        for stop in (" ; ", ";"):
            found = self.text.find(stop, region.end, sentence_end)
            if found >= 0:
                end = min(end, found)
        # "L'OTAN prévoit de retirer ses forces en 2014, bien que de nombreux experts restent
        # sceptiques": a concession after a comma is the reporter's clause, not the report's
        concession = _CONCESSION.search(self.text, max(start, region.end), end)
        if concession is not None:
            end = concession.start()
        # "a précisé que les milices … ne représentent pas les Maliens : « … »": the quotation the
        # colon opens is a statement of its own, not part of the clause
        introduced = [r.start for r in self.regions if start < r.start < end and region.end <= r.start
                      and self.text[start : r.start].rstrip().endswith(":")]
        if introduced and self.text[start : start + 4].lower().replace("’", "'").startswith(("que ", "qu'")):
            end = self.text.rindex(":", start, introduced[0])  # (not "Selon X, … : « … »", one statement)
        return trim_content(self.text, start, end)

    def _clause_at(self, offset: int) -> tuple[int, int]:
        """The reported clause that starts at ``offset`` ("que …", "de revenir …")."""
        return self._clause(offset, Region(offset, offset, offset, offset))

    def subject_before(self, verb: Token) -> SpacySpan | None:
        """The subject of a cue before it: its parsed subject, else the noun phrase that ends
        before its auxiliaries, skipping an apposition between commas ("Nadim Houry,
        responsable de l'organisation, précise")."""
        # "Il fut exclu … et déclara": a conjoined verb shares its first verb's subject
        heads = [verb] + [verb.head] if verb.dep_ in {"xcomp", "ccomp", "conj"} else [verb]
        participle = verb.morph.get("VerbForm", []) == ["Part"] and verb.morph.get("Tense", []) == ["Pres"] \
            and not any(c.dep_.startswith("nsubj") for c in verb.children)
        if participle:
            # "Philippe Varin a réfuté l'idée d'un prêt par l'État affirmant : « … »": a present
            # participle says what the subject of the clause it hangs from says, also when that
            # subject comes after it ("Estimant que « … », il vota contre").
            # "vient d'accélérer le calendrier, en ordonnant …": the nearest verb up with a subject
            heads = [verb] + [a for a in verb.ancestors if a.pos_ in {"VERB", "AUX"}]
        for head in heads:
            subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubj:pass"}
                        and (c.i < verb.i or participle and head.i != verb.i) and c.pos_ != "PUNCT"]
            # of two subjects the parse gives one verb ("…, dont le président … vient"), the nearer;
            # two side by side are one name cut in two ("Moody'" "s")
            heads_of_runs = [c for c in subjects if not any(o.i == c.i - 1 for o in subjects)]
            subject = max((c for c in heads_of_runs if c.i < verb.i), key=lambda c: c.i,
                          default=subjects[0] if subjects else None)
            topic = subject is not None and any(t.text == ":" for t in self.doc[subject.i + 1 : verb.i])
            if subject is not None and self.outside(subject) and subject.lower_ not in _words("clitics") and not topic:
                # (not "Égypte" in "Égypte : le parti des Frères musulmans exige …", a topic label)
                return phrase(subject)
        doc, i = self.doc, verb.i - 1
        root = verb.sent.root
        main = next((c for c in root.children if c.dep_ in {"nsubj", "nsubj:pass"} and c.i != verb.i and self.outside(c)), None)
        if main is not None and verb.is_sent_start and verb.lower_.endswith("ant") and main.i > verb.i:
            return phrase(main)  # "Estimant que « … », il vota contre": the main clause's subject
        while i >= 0 and (doc[i].lower_ in _words("auxiliaries") or doc[i].lower_ in _words("clitics") or doc[i].pos_ == "ADV"):
            i -= 1
        if i >= 0 and doc[i].lower_ == "et" and main is not None and main.i < i:
            return phrase(main)  # "Antoni Pastor fut exclu de son groupe et déclara : « … »"
        if i >= 0 and doc[i].text == ",":
            j = i - 1
            while j >= 0 and doc[j].text != "," and not doc[j].is_sent_start and i - j < APPOSITION_WINDOW:
                j -= 1
            if j >= 0 and doc[j].text == ",":
                named = doc[j + 1]
                if named.ent_iob_ == "B" and named.ent_type_ in {"PER", "ORG"}:
                    # "Sans mentionner de noms, Nick De Santis le directeur sportif, a affirmé": the
                    # name between the commas, not the clause before them, is the subject
                    return next(e for e in doc.ents if e.start == named.i)
                i = j - 1
        end = i + 1
        while i >= 0 and (doc[i].pos_ in {"PROPN", "NOUN", "ADJ", "DET", "NUM"} or doc[i].lower_ in _words("de_forms")
                          or doc[i].text == "-") and self.outside(doc[i]):
            i -= 1
        if i >= 0 and doc[i].lower_ in _words("resolvable_pronouns") and doc[i].pos_ == "PRON":
            return doc[i : i + 1]
        while i + 1 < end and doc[i + 1].lower_ in _words("de_forms"):
            i += 1
        return doc[i + 1 : end] if end > i + 1 else None

    # -- according to -----------------------------------------------------------------------
    def _according(self, number: int, start: int, end: int, tokens: list[Token]) -> list[Found]:
        """Selon X, … / D'après X, … / Pour X, … (at the head of a sentence) / …, selon X."""
        found = []
        outside = [t for t in tokens if self.outside(t)]
        for k, token in enumerate(outside):
            word = token.lower_.replace("’", "'")
            last = k  # the cue's last word
            if word == "d'" and k + 1 < len(outside) and outside[k + 1].lower_ == "après":
                word, first, last = "d'après", k + 2, k + 1
            elif word in lexicons.load("according", LANG):
                first = k + 1
            elif word == "pour" and self._pour_heads(token, start):
                first = k + 1
            elif word == "pour" and k + 1 < len(outside) and outside[k + 1].lower_ == "qui":
                whose = self._pour_qui(number, token, outside[k + 1])
                found += [whose] if whose is not None else []
                continue
            elif (phrase_end := _according_phrase(self.text, token)) is not None:
                word = self.text[token.idx : phrase_end].lower().replace("’", "'").strip()
                first = next((j for j in range(k + 1, len(outside)) if outside[j].idx >= phrase_end), len(outside))
                last = first - 1
            else:
                continue
            comma = next((t for t in outside[first:] if t.text in {",", ";", ":"} or t.is_punct and t.text in ".!?"), None)
            if comma is None and first < len(outside) and self.text[end : end + 1] in {"\n", ""}:
                comma = self.doc[outside[-1].i + 1] if outside[-1].i + 1 < len(self.doc) else None  # a headline
            if first >= len(outside) or comma is None or comma.i == outside[first].i:
                continue
            source = self.doc[outside[first].i : comma.i]
            apposed = apposed_name_end(self.doc, comma.i + 1)
            if apposed is not None:  # "Selon la fédération des banques, Febelfin, « … »"
                source, comma = self.doc[outside[first].i : apposed], self.doc[apposed]
            if not is_source(source, word == "pour"):
                continue
            cue = self.doc[token.i : outside[last].i + 1]
            before = self.text[start : token.idx].strip(" ,")
            opening = next((r for r in self.regions if r.start >= comma.idx
                            and not self.text[comma.idx + 1 : r.start].strip()), None)
            if comma.text in {",", ":"} and (not before or before.lower() in _words("sentence_openers")) \
                    and opening is not None:
                parts = [(opening.inner_start, opening.inner_end)]  # "Selon X, « … »", "Pour X, l'April : « … »"
            elif comma.text == "," and (not before or before.lower() in _words("sentence_openers")):
                parts = [self._clause(comma.idx + 1, Region(comma.idx, comma.idx + 1, comma.idx, comma.idx))]
            elif before and len(before.split()) > 2 and comma.text != ",":
                parts = [trim_content(self.text, start, token.idx)]  # "…, selon un reportage."
            elif before and len(before.split()) > 2 and not self.text[start : token.idx].rstrip().endswith(",") \
                    and is_source(source, True):
                # "81 % des Espagnols se disent contre ce projet selon un sondage publié dans El Pais, et …"
                parts = [trim_content(self.text, start, token.idx)]
            elif before and comma.text == "," and self.text[start : token.idx].rstrip().endswith(","):
                # "Au Congrès, selon les projections, les républicains auront …": both sides
                opening_comma = self.text.rindex(",", start, token.idx)
                if any(start <= r.start < opening_comma for r in self.regions) \
                        or any(t.lower_.replace("’", "'") in _words("que") and t.pos_ == "SCONJ"
                               for t in self.tokens(start, opening_comma) if self.outside(t)):
                    # "« … », ajoute le documentaire qui précise que le polonium est, selon lui, …":
                    # an aside inside a clause someone else already reports
                    continue
                parts = [trim_content(self.text, start, opening_comma),
                         self._clause(comma.idx + 1, Region(comma.idx, comma.idx + 1, comma.idx, comma.idx))]
                if parts[1][1] <= parts[1][0]:
                    continue
                if self.text[start:opening_comma].split()[-1].lower().replace("’", "'") in {"qui", "que", "qu'"}:
                    parts = parts[1:]  # "…, pour qui, selon ses sources, …": the clause opens after it
            else:
                continue
            if parts[0][1] - parts[0][0] < ACCORDING_MIN_CHARS:
                continue
            found.append(Found(QuoteKind.ACCORDING_TO, parts, number, cue, word, source,
                               type=StatementType.UNSPECIFIED))
        return found

    def _pour_qui(self, number: int, pour: Token, qui: Token) -> Found | None:
        """"le Medef pour qui seule une augmentation … pourrait être acceptable": the clause after
        "pour qui" is the view of the noun phrase before it."""
        doc = self.doc
        i = pour.i - 1 - (pour.i > 0 and doc[pour.i - 1].text == ",")
        end = i + 1
        while i >= 0 and (doc[i].pos_ in {"PROPN", "NOUN", "ADJ", "DET"} or doc[i].lower_ in _words("de_forms")) and self.outside(doc[i]):
            i -= 1
        source = doc[i + 1 : end]
        named = [e for e in doc.ents if source.start <= e.start and e.end <= source.end and e.label_ in {"PER", "ORG"}]
        source = named[-1] if named else source  # "l'avis de Craig Murray, pour qui …"
        if not len(source) or not is_source(source, True):
            return None
        content = self._clause(qui.idx + len(qui.text), Region(qui.idx, qui.idx + len(qui.text), qui.idx, qui.idx))
        content = trim_content(self.text, content[0], content[1])
        if content[1] - content[0] < ACCORDING_MIN_CHARS:
            return None
        return Found(QuoteKind.ACCORDING_TO, [content], number, self.doc[pour.i : qui.i + 1], "pour", source,
                     type=StatementType.UNSPECIFIED)

    def _pour_heads(self, token: Token, start: int) -> bool:
        """"Pour X, …" attributes only at the head of a sentence, before a source ("Pour lui",
        "Pour le procureur fédéral"), not a purpose ("Pour terminer, …")."""
        before = self.text[start : token.idx].strip(" ,").lower()
        if before and before not in _words("sentence_openers"):
            return False
        nxt = token.nbor(1) if token.i + 1 < len(self.doc) else None
        return nxt is not None and nxt.pos_ in {"DET", "PROPN", "PRON", "NOUN"} and nxt.lower_ not in {"que", "qu'"}

    # -- indirect ---------------------------------------------------------------------------
    def _indirect(self, number: int, start: int, end: int, tokens: list[Token], used: set[int]) -> Iterator[Found]:
        """X a annoncé que … / X affirme avoir … / X a demandé au Conseil d'adopter … / …, a annoncé X."""
        for verb in tokens:
            if verb.i in used or not self.outside(verb):
                continue
            lemma = cue_lemma(verb)
            if lemma is None or any(f.start <= verb.idx < f.end for f in self.found) or _hypothetical(verb) \
                    or _impersonal(verb):
                continue
            content, subject = self._complement(verb, end), None
            parts = [content] if content is not None else []
            gerund = verb.i > 0 and self.doc[verb.i - 1].lower_ == "en" and verb.lower_.endswith("ant")
            if content is None and not gerund:
                # "…, a annoncé le président de l'Assemblée": the clause before a postposed cue,
                # before any noun phrase after it ("…, en ordonnant le retrait": a gerund's object)
                parts, subject = self._postposed(verb, start, end)
                content = parts[0] if parts else None
            if content is None and lemma in _words("message_object_verbs"):
                content = self._object(verb, end)
            if content is None and lemma in _prepositions():
                content = self._object(verb, end, _prepositions()[lemma])
            if content is None:
                continue
            s, e = content
            kind = QuoteKind.MIXED if any(s <= r.inner_start and r.inner_end <= e for r in self.regions) \
                else QuoteKind.INDIRECT
            first = verb.i - 1 if " " in lemma else verb.i  # "fait savoir": the light verb heads the cue
            if subject is None:
                # "estime-t-il que …", not "a fait savoir qu'il …" (the content's own subject)
                inverted = next((t for t in self.doc[verb.i + 1 : verb.i + 3] if t.lower_ in _words("subject_clitics")
                                 and t.nbor(-1).lower_ not in _words("que")), None)
                subject = self._pronoun(inverted) if inverted is not None else self.subject_before(self.doc[first])
            used.add(verb.i)
            yield Found(kind, parts or [content], number, self.doc[first : verb.i + 1], lemma, subject, type=cue_type(lemma))

    def _intentions(self, number: int, end: int, tokens: list[Token]) -> Iterator[Found]:
        """"Il a exprimé le vœu de s'attaquer à l'immigration", "a l'intention de", "a manifesté
        sa volonté de": a noun of intention after a verb, then "de" and an infinitive, is the
        subject's intention."""
        doc = self.doc
        for noun in tokens:
            i = noun.i
            if noun.lower_ not in _words("intention_nouns") or not self.outside(noun) or i < 2 or i + 2 >= len(doc) \
                    or doc[i + 1].lower_.replace("’", "'") not in {"de", "d'"} \
                    or any(f.start <= noun.idx < f.end for f in self.found):
                continue
            after = i + 2 + (doc[i + 2].lower_.replace("’", "'") in {"s'", "se", "l'", "le", "la", "les"})
            verb = doc[i - 2]
            if not (infinitive_after(doc, after) and doc[i - 1].pos_ == "DET" and verb.pos_ in {"VERB", "AUX"}):
                continue
            content = self._clause_at(doc[i + 1].idx)
            subject = self.subject_before(verb)
            if content[1] > content[0] and content[1] <= end and subject is not None:
                yield Found(QuoteKind.INDIRECT, [content], number, doc[verb.i : i + 1], verb.lemma_, subject,
                            type=StatementType.INTENTION)

    def _aims(self, number: int, end: int, tokens: list[Token]) -> Iterator[Found]:
        """"L'objectif du gouvernement est de ramener le déficit à 3 %": an aim said to be an act
        is its holder's intention, the holder the noun's "de" complement."""
        doc = self.doc
        for verb in tokens:
            if verb.dep_ != "ROOT" or verb.lemma_ != "être" or not self.outside(verb):
                continue
            act = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and _infinitive(c, verb)
                        and any(m.lower_.replace("’", "'") in {"de", "d'"} for m in c.children)), None)
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
            if act is None or subject is None:
                continue
            aim = subject if subject.lower_ in _words("aim_nouns") else next(
                (c for c in subject.children if c.dep_ == "nmod" and c.lower_ in _words("aim_nouns")), None)  # "L'un des objectifs"
            holder = de_complement(aim) if aim is not None else None
            if aim is None or holder is None or any(f.start <= verb.idx < f.end for f in self.found):
                continue
            mark = min(act.subtree, key=lambda t: t.i)
            content = self._clause_at(mark.idx)
            source = phrase(holder)
            if content[0] < content[1] <= end:
                # ("du gouvernement": the noun the article contracts with "de" still names its holder)
                yield Found(QuoteKind.INDIRECT, [content], number, doc[aim.i : aim.i + 1], aim.lemma_, source,
                            speaker=self.book.describe(source) if len(source) == 1 else None,
                            type=StatementType.INTENTION)

    def _complement(self, verb: Token, limit: int) -> tuple[int, int] | None:
        """The clause a cue takes: "que …", an infinitive ("affirment avoir découvert …"), or
        "de" and an infinitive after a request or an intention ("a prévu de revenir")."""
        doc, i = self.doc, verb.i + 1
        said_to_be = _said_to_be(verb)
        if said_to_be is not None and said_to_be.idx < limit:
            # "Joey Saputo s'est dit satisfait des résultats": what one says one is
            return self._clause_at(said_to_be.idx)
        steps, apposed = 0, False
        while i < len(doc) and doc[i].idx < limit and steps < COMPLEMENT_WINDOW:
            token = doc[i]
            if apposed and (token.lower_ in _words("que") or token.pos_ in {"VERB", "AUX"} and token.lower_.endswith("ant")):
                return None  # "demandait l'ouverture d'une enquête, estimant que …": another clause
            if token.lower_ in _words("que") and (token.pos_ == "SCONJ" or token.dep_ == "mark"
                                         or not (doc[i - 1].dep_ == "obj" and doc[i - 1].head == verb)):
                return self._clause_at(token.idx)
            if _infinitive(token, verb) and steps <= INFINITIVE_STEPS and cue_type(cue_lemma(verb)) != StatementType.BELIEF:
                return self._clause_at(token.idx)
            if token.lower_.replace("’", "'") in {"de", "d'", "à"} and infinitive_after(doc, i + 1) \
                    and cue_type(cue_lemma(verb)) in {StatementType.INTENTION} | {StatementType.SPEECH} \
                    and cue_lemma(verb) in _words("de_infinitive_verbs"):
                return self._clause_at(token.idx)
            apposition = token.text == "," and cue_lemma(verb) in _words("de_infinitive_verbs") \
                and steps + APPOSITION_STEPS < COMPLEMENT_WINDOW  # "accusent le Front Nusrat, un groupe …, d'être …"
            apposed = apposed or apposition
            if token.is_punct and token.text not in {"-", "'"} and not apposition or token.pos_ == "VERB" \
                    and token.i != verb.i and any(c.dep_.startswith("nsubj") for c in token.children):
                return None
            if token.pos_ == "CCONJ" and i + 1 < len(doc) and (doc[i + 1].pos_ in {"VERB", "AUX"}
                                                              or doc[i + 1].lower_ in _words("clitics")):
                return None  # "appelle à un moratoire et fait savoir que …": the next verb's clause
            i += 1
            steps += 1
        return None

    def _object(self, verb: Token, limit: int, preposition: str | None = None) -> tuple[int, int] | None:
        """The noun phrase a message verb takes as object ("a annoncé la découverte d'une …"),
        or after ``preposition`` ("a appelé au rejet du projet"): the parsed object, else the
        words after the verb from a determiner or a noun up to a comma or the next clause
        ("réclament quant à elles la gratuité scolaire", which the parser misreads)."""
        obj = None if preposition else next((c for c in verb.children if c.dep_ == "obj" and c.i > verb.i and c.pos_ == "NOUN"), None)
        if obj is not None and len(list(obj.subtree)) > 1:  # (a bare noun: a phrase the parse cut short)
            if not self.outside(obj):
                return None
            words = [t for t in obj.subtree if t.idx < limit]
            return trim_content(self.text, words[0].idx, words[-1].idx + len(words[-1].text)) if words else None
        doc, i = self.doc, verb.i + 1
        while i < len(doc) and (doc[i].pos_ == "ADV" or inverted_subject(doc[i]) or doc[i].lower_ == "-t") \
                and doc[i].lower_ not in _words("negations"):
            if doc[i].lower_ == "quant" and i + 2 < len(doc) and doc[i + 2].pos_ == "PRON":
                i += 2  # "réclament quant à elles la gratuité"
            i += 1
        if preposition is None and i < len(doc) and doc[i].lower_ in _PREPOSITION_FORMS["à"]:
            # "demande au gouvernement des mesures", "reproche à la Francophonie l'excès de …": the
            # object after the one it is addressed to
            i = next((k for k in range(i + 2, min(i + RECIPIENT_WINDOW, len(doc))) if _article(doc[k])
                      and doc[k - 1].pos_ in {"NOUN", "PROPN"}), len(doc))
        if preposition is not None:
            if i >= len(doc) or doc[i].lower_.replace("’", "'") not in _PREPOSITION_FORMS[preposition]:
                return None
            contracted = doc[i].lower_ in {"au", "aux", "du", "des"}  # the article is in the preposition
            i += 1
            if contracted and i < len(doc) and doc[i].pos_ in {"NOUN", "ADJ", "NUM"}:
                return self._noun_words(i, limit)
        if i >= len(doc) or doc[i].pos_ not in {"DET", "NOUN", "NUM"} and not _article(doc[i]) or doc[i].lower_ in _words("que") \
                or doc[i].idx >= limit or not self.outside(doc[i]):
            return None
        return self._noun_words(i, limit)

    def _noun_words(self, first: int, limit: int) -> tuple[int, int] | None:
        """From token ``first`` up to a comma, a semicolon, the next clause ("et indiquent …") or
        ``limit``."""
        doc, j = self.doc, first
        while j < len(doc) and doc[j].idx < limit and not (doc[j].is_punct and doc[j].text in {",", ";", ":", ".", "!", "?", "(", "—"}):
            if doc[j].pos_ == "CCONJ" and j + 1 < len(doc) and (doc[j + 1].pos_ in {"VERB", "AUX"}
                                                              or doc[j + 1].lower_ in _words("clitics")):
                break
            j += 1
        if j == first:
            return None
        return trim_content(self.text, doc[first].idx, doc[j - 1].idx + len(doc[j - 1].text))

    def _postposed(self, verb: Token, start: int, end: int) -> tuple[list[tuple[int, int]], SpacySpan | None]:
        """"Des poils … appartiendraient au yéti, indique une analyse" — the reported clause
        before the cue, its subject after it; an incise inside the sentence frames the words on
        both sides ("Par ailleurs, poursuit X, une langue n'a pas d'avenir …")."""
        doc = self.doc
        i = verb.i - 1
        while i >= 0 and (doc[i].lower_ in _words("auxiliaries") or doc[i].lower_ in _words("clitics") or doc[i].pos_ == "ADV"
                          or inverted_subject(doc[i])):
            i -= 1  # "…, a-t-il précisé"
        if i < 0 or doc[i].text != "," or doc[i].idx <= start:
            return [], None
        content = trim_content(self.text, start, doc[i].idx)
        if any(f.start <= content[0] < f.end or content[0] <= f.start < content[1] for f in self.found):
            return [], None
        inverted = next((t for t in list(doc[i + 1 : verb.i]) + list(doc[verb.i + 1 : verb.i + 3])
                         if t.lower_ in _words("subject_clitics")), None)  # "…, a-t-il précisé", "…, précise-t-il"
        subject = self._pronoun(inverted) if inverted is not None else self._subject_after(verb)
        if subject is None:
            return [], None
        parts = [content]
        after = max(inverted.i + 1 if inverted is not None else subject.end, verb.i + 1)
        if after < len(doc) and doc[after].text == "," and doc[after].idx + 1 < end:
            rest = self._clause(doc[after].idx + 1, Region(doc[after].idx, doc[after].idx + 1, doc[after].idx, doc[after].idx))
            if rest[1] > rest[0] and not any(f.start <= rest[0] < f.end for f in self.found):
                parts.append(rest)  # "Il est, disent-ils, la langue de …"
        words = [t for s, e in parts for t in self.tokens(s, e)]
        if not any(t.pos_ in {"VERB", "AUX"} and t.morph.get("VerbForm", []) == ["Fin"] for t in words):
            return [], None
        # "…, indique une analyse …, a annoncé X": the outermost speaker speaks.
        return parts, subject

    # -- continuation and floating quotations --------------------------------------------------
    def _incised(self, number: int, region: Region) -> bool:
        """« Moi, dit-il, j'ai l'impression … »: the cue inside the marks frames them."""
        found = incise(self.tokens(region.inner_start, region.inner_end))
        if found is not None:
            lemma = cue_lemma(found[0])
            self._add(Found(QuoteKind.DIRECT, [(region.inner_start, region.inner_end)], number,
                            self.doc[found[0].i : found[0].i + 1], lemma, self._pronoun(found[1]), type=cue_type(lemma),
                            region=region))
        return found is not None

    def _continues(self, number: int, region: Region, start: int) -> bool:
        """A quotation that opens a sentence without a cue: the next words of the statement
        just before it, or the words of the one speaker the sentence before is about."""
        if region.start != start or len(self.text[region.inner_start : region.inner_end].split()) < CONTINUATION_MIN_WORDS:
            return False
        last = self.found[-1] if self.found else None
        if last is not None and last.sentence == number - 1 and last.kind == QuoteKind.DIRECT \
                and last.cue is not None and "\n\n" not in self.text[last.end : region.start]:
            last.parts.append((region.inner_start, region.inner_end))
            return True
        previous = self.sentences[number - 1] if number else None
        if previous is None or "\n\n" in self.text[previous[1] : region.start]:
            return False
        speaker = None
        if last is not None and last.sentence == number - 1:
            speaker = last.speaker
        if speaker is None:
            tokens = [t for t in self.tokens(*previous) if self.outside(t)]
            root = next((t for t in tokens if t.dep_ == "ROOT"), None)
            subject = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
            if subject is not None and subject.pos_ in {"NOUN", "PROPN"}:
                speaker = speaker_of(self, phrase(subject), None, number - 1, subject.idx)
            else:
                speaker = self.book.last_before(region.start, {ActorType.PERSON})
                if speaker is not None and not any(previous[0] <= s < previous[1] for s, _ in speaker.mentions):
                    speaker = None
        if speaker is None:
            return False
        self._add(Found(QuoteKind.DIRECT, [(region.inner_start, region.inner_end)], number, speaker=speaker,
                        type=StatementType.SPEECH, region=region))
        return True

    def _pronoun(self, token: Token) -> SpacySpan:
        return self.doc[token.i : token.i + 1]
