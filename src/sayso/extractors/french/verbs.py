"""French cue verbs: which word forms report speech, writing, belief or intention.

The lexicons list infinitives (``lexicons/fr/*.txt``); the forms news uses are derived here
(present, imperfect, past participle, simple past of regular verbs) or listed in
``verb_forms.txt``, so that a cue is found whatever the lemmatiser makes of it ("estime" is
lemmatised "estime" by the small model).
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Token

from ...types import StatementType
from .. import lexicons

LANG = "fr"
_TYPES = (("speech_verbs", StatementType.SPEECH), ("writing_verbs", StatementType.WRITING),
          ("belief_verbs", StatementType.BELIEF), ("intention_verbs", StatementType.INTENTION),
          ("evidence_verbs", StatementType.WRITING), ("doubt", StatementType.SPEECH))
_ER = ("e", "es", "ent", "é", "ée", "és", "ées", "ait", "aient", "ant", "a", "èrent", "era", "eront", "erait")
_IR = ("it", "is", "issent", "i", "ie", "ies", "issait", "issaient", "issant", "ira")
_RE = ("", "s", "ent", "u", "ue", "ait", "aient", "ant", "it")
#: Forms of the light verbs of the cue phrases ("faire savoir") that the rules above miss.
_IRREGULAR = {"faire": {"fait", "font", "faisait", "faisaient", "fera", "feront", "ferait", "fit"}}


def forms(infinitive: str) -> set[str]:
    """The finite and participle forms of a regular French verb ("préciser" → "précise",
    "précisé", "précisait"…); reflexive "s'engager" gives the forms of "engager"."""
    verb = infinitive.split("'", 1)[-1].split(" ", 1)[-1]
    found = {verb}
    if verb.endswith("er"):
        stem = verb[:-2]
        stems = {stem}
        # répéter → répète, rappeler → rappelle: the stem changes before a mute e.
        if len(stem) > 2 and stem[-2] == "é":
            stems.add(stem[:-2] + "è" + stem[-1])
        if stem.endswith(("el", "et")):
            stems.add(stem + stem[-1])
        if len(stem) > 2 and stem[-2] == "e" and stem[-1] not in "aeiouy":
            stems.add(stem[:-2] + "è" + stem[-1])  # relever → relève
        for s in stems:
            found.update(s + end for end in _ER)
        if stem.endswith("g"):
            found.update(stem + "e" + end for end in ("ait", "aient", "ant", "a"))
        if stem.endswith("c"):
            found.update(stem[:-1] + "ç" + end for end in ("ait", "aient", "ant", "a"))
    elif verb.endswith("ir"):
        found.update(verb[:-2] + end for end in _IR)
    elif verb.endswith("re"):
        found.update(verb[:-2] + end for end in _RE)
    return found


@lru_cache(maxsize=None)
def _table() -> dict[str, tuple[str, StatementType]]:
    """Every known form → (infinitive, statement type); the first lexicon listing a verb wins."""
    table: dict[str, tuple[str, StatementType]] = {}
    irregular: dict[str, set[str]] = {}
    for entry in lexicons.load("verb_forms", LANG):
        form, _, infinitive = entry.partition("\t")
        irregular.setdefault(infinitive.strip(), set()).add(form.strip())
    for name, kind in _TYPES:
        for infinitive in sorted(lexicons.load(name, LANG)):
            for form in forms(infinitive) | irregular.get(infinitive, set()):
                table.setdefault(form, (infinitive, kind))
    return table


def cue_lemma(token: Token) -> str | None:
    """The infinitive of ``token`` when it is a cue verb, else None."""
    if token.pos_ in {"DET", "ADP", "PRON", "PUNCT", "CCONJ", "SCONJ", "NUM"} or not token.is_alpha:
        return None  # the small model tags some incises ("explique-t-il") as NOUN or ADJ
    if token.pos_ not in {"VERB", "AUX"} and token.i and token.nbor(-1).pos_ in {"DET", "ADP"} \
            and not (token.i > 1 and token.nbor(-2).lower_ == "comme"):
        return None  # "la demande", "du rapport": a noun after all (but "comme le rappelle HRW": a verb)
    doc = token.doc
    if "".join(t.text_with_ws for t in doc[max(0, token.i - 3) : token.i])[-3:] == "-à-":
        return None  # "c'est-à-dire" says nothing (the words before it, not Doc.text, joined anew on each call)
    found = _table().get(token.lower_) or _table().get(token.lemma_.lower())
    if found is not None and " " in found[0]:
        # "fait savoir que …": a verb that reports only after its light verb
        light = found[0].split(" ", 1)[0]
        before = token.nbor(-1) if token.i else None
        if before is None or before.lemma_.lower() != light and before.lower_ not in forms(light) | _IRREGULAR.get(light, set()):
            return None
    return None if found is None else found[0]


def cue_type(lemma: str | None) -> StatementType:
    """The act a cue verb reports."""
    if lemma is None:
        return StatementType.UNSPECIFIED
    for name, kind in _TYPES:
        if lemma in lexicons.load(name, LANG):
            return kind
    return StatementType.SPEECH


def is_doubt(lemma: str | None) -> bool:
    """A denial or doubt: "a démenti", "nie", "conteste"."""
    return lemma is not None and lemma in lexicons.load("doubt", LANG)


def inverted_subject(token: Token) -> bool:
    """A subject clitic joined to its verb by a hyphen: "-il" in "a-t-il précisé", "dit-il"."""
    return token.lower_.startswith("-") and token.lower_ in lexicons.load("subject_clitics", LANG)


def incise(tokens: Sequence[Token]) -> tuple[Token, Token] | None:
    """The cue verb and its subject clitic set between commas inside a quotation: « Moi,
    dit-il, j'ai l'impression … » (a statement of its own, not the last one's next words)."""
    for verb, clitic in zip(tokens, tokens[1:]):
        if inverted_subject(clitic) and verb.i and verb.nbor(-1).text == "," \
                and cue_lemma(verb) is not None:
            return verb, clitic
    return None
