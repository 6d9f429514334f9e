"""Coreference gold from GUM (CoNLL-U with an ``Entity=`` MISC field) as article text with
character-offset chains, the records ``sayso eval coref`` reads (data/eval/coref/*.jsonl).

The text is rebuilt the way data/eval/news rebuilds it: GUM's sentence texts (``# text =``)
joined by one space, paragraphs (``# newpar``) by a blank line, the headline first; in an
interview each turn opens with its speaker's name when the speaker changes
(``# speaker = WilliamSSaturn`` → ``William S. Saturn: …``). Every mention keeps its entity
type and its kind: a pronoun (head PRON or PRP/PRP$), a name (head PROPN), a definite
description ("the minister", "its chief": head noun under a definite or possessive
determiner), or other. Run as ``python -m sayso.eval.gum GUM/dep OUT`` (see
data/eval/coref/README.md).
"""
from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sayso.errors import InputError

#: GUM genres whose documents are news-like or bring person pronouns.
GENRES = ("news", "interview", "bio")
LICENCES = {
    "news": "CC BY 2.5 (Wikinews); annotations CC BY 4.0 (GUM)",
    "interview": "CC BY 2.5 (Wikinews); annotations CC BY 4.0 (GUM)",
    "bio": "CC BY-SA 3.0 (Wikipedia); annotations CC BY 4.0 (GUM)",
}
_DEFINITE = {"the", "this", "that", "these", "those"}
_ENTITY_ITEM = re.compile(r"\((\d+)-([^()]*)(\))?|(\d+)\)")


@dataclass(frozen=True)
class Mention:
    """One gold mention: a character span, the span of its head word, and its kind."""

    start: int
    end: int
    head: tuple[int, int]
    kind: str  # pronoun | name | description | other
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "head": list(self.head), "kind": self.kind, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return cls(int(data["start"]), int(data["end"]), (int(data["head"][0]), int(data["head"][1])),
                   data["kind"], data["text"])


@dataclass(frozen=True)
class Entity:
    """One gold chain: every mention of one discourse entity (one mention for a singleton)."""

    id: str
    type: str  # GUM's entity type: person, organization, place, abstract, …
    mentions: tuple[Mention, ...]
    identity: str | None = None  # GUM's Wikipedia identity, when it has one

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "identity": self.identity,
                "mentions": [m.to_dict() for m in self.mentions]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(str(data["id"]), data["type"], tuple(Mention.from_dict(m) for m in data["mentions"]),
                   data.get("identity"))


@dataclass(frozen=True)
class CorefDocument:
    """One article: its text and its coreference chains."""

    name: str
    genre: str
    text: str
    entities: tuple[Entity, ...]
    title: str = ""
    source_url: str = ""
    licence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "genre": self.genre, "title": self.title, "source_url": self.source_url,
                "licence": self.licence, "text": self.text, "entities": [e.to_dict() for e in self.entities]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CorefDocument:
        return cls(data["name"], data["genre"], data["text"], tuple(Entity.from_dict(e) for e in data["entities"]),
                   data.get("title", ""), data.get("source_url", ""), data.get("licence", ""))


@dataclass
class _Token:
    start: int
    end: int
    upos: str
    xpos: str
    head: int  # document index of the head token, -1 for the root
    deprel: str
    lower: str


def speaker_name(handle: str) -> str:
    """A GUM speaker handle as the page shows the name: "WilliamSSaturn" → "William S. Saturn",
    "TinaMcKenzie" → "Tina McKenzie"."""
    words = re.findall(r"(?:Ma?c)?[A-Z][a-z]+|[A-Z](?![a-z])|[a-z]+|\d+", handle.lstrip("#"))
    return " ".join(w + "." if len(w) == 1 and w.isupper() else w for w in words) or handle


def _entity_items(misc: str) -> list[tuple[str, str | None, bool]]:
    """(entity id, attributes or None for a closing bracket, closes here) from a MISC field."""
    value = next((part[len("Entity="):] for part in misc.split("|") if part.startswith("Entity=")), "")
    return [(m.group(1), m.group(2), bool(m.group(3))) if m.group(1) else (m.group(4), None, True)
            for m in _ENTITY_ITEM.finditer(value)]


def _align(sentence: str, forms: Sequence[str], where: str) -> list[tuple[int, int]]:
    """Character spans of ``forms`` in ``sentence``, in order, skipping whitespace."""
    spans, cursor = [], 0
    for form in forms:
        while cursor < len(sentence) and sentence[cursor].isspace():
            cursor += 1
        if sentence.startswith(form, cursor):
            spans.append((cursor, cursor + len(form)))
            cursor += len(form)
            continue
        found = sentence.find(form, cursor)
        if found < 0 or sentence[cursor:found].strip():
            raise InputError(f"{where}: token {form!r} not found in the sentence text at {cursor}")
        spans.append((found, found + len(form)))
        cursor = found + len(form)
    return spans


def _classify(tokens: list[_Token], first: int, last: int) -> tuple[int, str]:
    """The head token of tokens [first, last] (its head lies outside) and the mention's kind."""
    inside = range(first, last + 1)
    heads = [i for i in inside if tokens[i].head not in inside]
    head = next((i for i in heads if tokens[i].upos not in {"PUNCT", "ADP", "PART"}), heads[0] if heads else last)
    tok = tokens[head]
    if tok.upos == "PRON" or tok.xpos in {"PRP", "PRP$"}:
        return head, "pronoun"
    if tok.upos == "PROPN":
        return head, "name"
    if tok.upos == "NOUN":
        children = [t for i, t in enumerate(tokens[first:last + 1], first) if t.head == head and i < head]
        if any(t.deprel == "det" and t.lower in _DEFINITE or t.deprel.startswith("nmod:poss") for t in children):
            return head, "description"
    return head, "other"


def read_conllu(lines: Iterable[str], name: str, genre: str) -> CorefDocument:
    """One GUM document (the lines of its .conllu file) as text and chains."""
    text_parts: list[str] = []
    length = 0
    tokens: list[_Token] = []
    meta: dict[str, str] = {}
    opened: dict[str, list[tuple[int, str]]] = {}  # entity id -> stack of (first token, attributes)
    spans: list[tuple[str, str, int, int]] = []  # (entity id, attributes, first token, last token)
    newpar, speaker, previous_speaker = False, None, None
    sentence = ""
    rows: list[list[str]] = []

    def flush() -> None:
        nonlocal length, sentence, rows, newpar, speaker, previous_speaker
        if not rows:
            return
        prefix = ""
        if speaker and speaker != previous_speaker:
            # a caption between two sentences of one turn does not repeat the name
            prefix = speaker_name(speaker) + ": "
            previous_speaker = speaker
        separator = "" if not text_parts else ("\n\n" if newpar else " ")
        base = length + len(separator) + len(prefix)
        text_parts.append(separator + prefix + sentence)
        length = base + len(sentence)
        surface = [r for r in rows if "-" in r[0]]
        covered = {i for r in surface for i in range(int(r[0].split("-")[0]), int(r[0].split("-")[1]) + 1)}
        units = [r for r in rows if "." not in r[0] and ("-" in r[0] or int(r[0]) not in covered)]
        unit_spans = _align(sentence, [r[1] for r in units], f"{name}: {sentence[:40]!r}")
        offset = len(tokens)
        position = {}
        for row, (s, e) in zip(units, unit_spans):
            if "-" in row[0]:
                a, b = (int(x) for x in row[0].split("-"))
                for k in range(a, b + 1):
                    position[k] = (s, e)  # the words of "Trump's" share its characters
            else:
                position[int(row[0])] = (s, e)
        words = [r for r in rows if r[0].isdigit()]
        for row in words:
            index = int(row[0])
            s, e = position[index]
            if "-" not in row[0] and index in covered:  # split the surface form between its words
                s, e = _word_in_surface(sentence, s, e, row[1])
            tokens.append(_Token(base + s, base + e, row[3], row[4], offset + int(row[6]) - 1 if row[6] != "0" else -1,
                                 row[7], row[1].lower()))
            for entity, attributes, closes in _entity_items(row[9]):
                i = offset + index - 1
                if attributes is not None:
                    opened.setdefault(entity, []).append((i, attributes))
                if closes and opened.get(entity):
                    first, attrs = opened[entity].pop()
                    spans.append((entity, attrs, first, i))
        sentence, rows, newpar = "", [], False

    for raw in lines:
        line = raw.rstrip("\n")
        if line.startswith("#"):
            key, _, value = line[1:].strip().partition(" = ")
            if key == "newpar" or key.startswith("newpar "):
                flush()
                newpar = True
            elif key == "text":
                flush()
                sentence = value
            elif key == "speaker":
                speaker = value.strip()
            elif key == "sent_id":
                flush()
                speaker = None
            elif key.startswith("meta::"):
                meta[key[len("meta::"):]] = value
        elif line.strip():
            rows.append(line.split("\t"))
        else:
            flush()
    flush()
    text = "".join(text_parts)
    return CorefDocument(name, genre, text, _entities(text, tokens, spans), meta.get("title", ""),
                         meta.get("sourceURL", ""), LICENCES.get(genre, ""))


def _word_in_surface(sentence: str, s: int, e: int, form: str) -> tuple[int, int]:
    """A word inside a multiword surface ("Trump" in "Trump's"), else the whole surface."""
    found = sentence.find(form, s, e)
    return (found, found + len(form)) if found >= 0 else (s, e)


def _entities(text: str, tokens: list[_Token], spans: list[tuple[str, str, int, int]]) -> tuple[Entity, ...]:
    chains: dict[str, list[Mention]] = {}
    kinds: dict[str, tuple[str, str | None]] = {}
    for entity, attributes, first, last in spans:
        head, kind = _classify(tokens, first, last)
        start, end = tokens[first].start, tokens[last].end
        chains.setdefault(entity, []).append(Mention(start, end, (tokens[head].start, tokens[head].end), kind,
                                                     text[start:end]))
        fields = attributes.split("-")
        etype, identity = kinds.get(entity, (None, None))
        kinds[entity] = (etype or fields[0] or "", identity or "-".join(fields[6:]) or None)
    return tuple(Entity(entity, kinds[entity][0] or "abstract", tuple(sorted(mentions, key=lambda m: (m.start, -m.end))),
                        kinds[entity][1])
                 for entity, mentions in sorted(chains.items(), key=lambda kv: min(m.start for m in kv[1])))


def held_out(metadata: Path) -> set[str]:
    """Names of the documents the real-news set keeps for testing (rows with split=test)."""
    if not metadata.is_file():
        return set()
    with metadata.open(encoding="utf-8", newline="") as f:
        return {row["name"] for row in csv.DictReader(f, delimiter="\t") if row.get("split") == "test"}


def convert(source: Path, out: Path, exclude: set[str], genres: Sequence[str] = GENRES) -> dict[str, int]:
    """Write ``OUT/GENRE.jsonl`` from the ``GUM_GENRE_NAME.conllu`` files in ``source``; skip
    ``exclude`` (documents held out for testing). Returns documents written per genre."""
    files = sorted(source.glob("GUM_*.conllu"))
    if not files:
        raise InputError(f"{source}: no GUM_*.conllu files; give GUM's dep/ folder")
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for genre in genres:
        docs = []
        for path in files:
            name = path.stem[len("GUM_"):]
            if name.split("_", 1)[0] != genre or name in exclude:
                continue
            docs.append(read_conllu(path.read_text(encoding="utf-8").splitlines(), name, genre))
        if docs:
            with (out / f"{genre}.jsonl").open("w", encoding="utf-8") as f:
                for doc in docs:
                    f.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        written[genre] = len(docs)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m sayso.eval.gum GUM/dep OUT [METADATA]``: convert, leaving test documents out."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) not in {2, 3}:
        print("usage: python -m sayso.eval.gum GUM/dep OUT [data/eval/news/metadata.tsv]", file=sys.stderr)
        return 2
    metadata = Path(args[2] if len(args) == 3 else "data/eval/news/metadata.tsv")
    exclude = held_out(metadata)
    if not exclude:
        print(f"{metadata}: no test documents listed; refusing to convert without the held-out list",
              file=sys.stderr)
        return 2
    try:
        written = convert(Path(args[0]), Path(args[1]), exclude)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(", ".join(f"{genre}: {n} documents" for genre, n in written.items()) + f" ({len(exclude)} held out)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
