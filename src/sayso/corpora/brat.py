"""Read brat-standoff attribution corpora laid out like PolNeAR into gold records.

Layout: ``DIR/{split}/text/NAME.txt`` and ``DIR/{split}/attributions/NAME_ANNOTATOR.ann``.
One annotator file is used per article, the first by name. The ``.ann`` lines used are

    T3	Content 22 51	Hillary Clinton for president       (text-bound span; may be
    T9	Content 315 448;463 553	frag one frag two          discontinuous: "s e;s e")
    E1	Attribution:T4 Content:T3 Cue:T2 Source:T1          (one attribution)

``Source``, ``Cue``, ``Content`` and ``Content2`` (PolNeAR's second content span of one
attribution, merged into ``content``) are the roles read, with ``Speaker`` (the entity behind
the source, in sayso's real-news set) and the attributes of an attribution
(``A1\tType E1 speech``: Type, Kind, Certainty, Polarity; see docs/annotation.md); other labels
(``Discard``, ``Discuss``), notes (``#``) and other brat line kinds are skipped. A span crossing a line
break is written by brat with its text field running over several lines: such
continuation lines belong to the preceding ``T`` line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sayso.errors import InputError

Span = tuple[int, int]
Fragments = tuple[Span, ...]

#: Argument roles of an E line and the gold field each fills.
#: A trailing number ("Content2") marks a further span of the same role.
ROLE_FIELDS = {"Source": "source", "Cue": "cue", "Content": "content", "Speaker": "speaker"}
#: Attribute names of an attribution (``A`` lines) and the gold field each fills.
ATTRIBUTE_FIELDS = {"Type": "type", "Kind": "kind", "Certainty": "certainty", "Polarity": "polarity"}
SPLITS = ("train", "dev", "test")

_ID = re.compile(r"^([TERAMN]\d+|#\d*|\*)\t")
_T_FIELDS = re.compile(r"^(\S+) (\d+ \d+(?:;\d+ \d+)*)$")


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: each role is a tuple of ``(start, end)`` fragments."""

    id: str
    label: str  # "Attribution" or "Attribution-no-source"
    source: Fragments = ()
    cue: Fragments = ()
    content: Fragments = ()
    speaker: Fragments = ()  # the fullest mention of the entity behind the source
    type: str | None = None  # speech | writing | belief | intention | unspecified
    kind: str | None = None  # direct | indirect | mixed | partial | according_to | transcript
    certainty: str | None = None
    polarity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "source": [list(f) for f in self.source],
            "cue": [list(f) for f in self.cue],
            "content": [list(f) for f in self.content],
            "speaker": [list(f) for f in self.speaker],
            **{name: getattr(self, name) for name in ATTRIBUTE_FIELDS.values()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GoldAttribution:
        def frags(key: str) -> Fragments:
            return tuple((int(s), int(e)) for s, e in data.get(key, ()))

        return cls(
            id=data["id"],
            label=data.get("label", "Attribution"),
            source=frags("source"),
            cue=frags("cue"),
            content=frags("content"),
            speaker=frags("speaker"),
            **{name: data.get(name) for name in ATTRIBUTE_FIELDS.values()},
        )


@dataclass(frozen=True)
class GoldArticle:
    """An article text with its gold attributions from one annotator."""

    name: str
    text: str
    attributions: tuple[GoldAttribution, ...] = ()
    annotator: str | None = None
    mismatches: int = 0  # T lines whose text field differs from the text at their offsets

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "text": self.text,
            "attributions": [a.to_dict() for a in self.attributions],
            "annotator": self.annotator,
            "mismatches": self.mismatches,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GoldArticle:
        return cls(
            name=data["name"],
            text=data["text"],
            attributions=tuple(GoldAttribution.from_dict(a) for a in data.get("attributions", ())),
            annotator=data.get("annotator"),
            mismatches=int(data.get("mismatches", 0)),
        )


@dataclass(frozen=True)
class _TextBound:
    label: str
    fragments: Fragments
    text: str


def _malformed(where: str, lineno: int, why: str, line: str) -> InputError:
    shown = line if len(line) <= 80 else line[:77] + "..."
    return InputError(f"{where}:{lineno}: {why}: {shown!r}; fix or remove this annotation line")


def _parse_text_bound(rest: str, where: str, lineno: int, line: str) -> tuple[str, Fragments, str]:
    fields, sep, span_text = rest.partition("\t")
    match = _T_FIELDS.match(fields)
    if not sep or not match:
        raise _malformed(where, lineno, "expected 'LABEL START END[;START END]\\tTEXT'", line)
    fragments = tuple(
        (int(s), int(e)) for s, e in (pair.split(" ") for pair in match.group(2).split(";"))
    )
    if any(s > e for s, e in fragments):
        raise _malformed(where, lineno, "span start after its end", line)
    return match.group(1), fragments, span_text


def _expected_text(text: str, fragments: Fragments) -> str:
    # brat writes a discontinuous span's text as its fragments joined by one space
    return " ".join(text[s:e] for s, e in fragments)


def parse_ann(content: str, text: str, where: str = "<string>") -> tuple[tuple[GoldAttribution, ...], int]:
    """Parse the lines of one ``.ann`` file against its article ``text``.

    Returns the attributions (in file order of their E lines) and the number of T lines
    whose text field does not match ``text`` at their offsets. Raises :class:`InputError`
    naming ``where:line`` on a line that cannot be read.
    """
    spans: dict[str, _TextBound] = {}
    events: list[tuple[int, str, str, list[str], str]] = []
    attributes: dict[str, dict[str, str]] = {}
    last_t: str | None = None
    lines = content.split("\n")
    if lines and not lines[-1]:
        lines.pop()  # the newline ending the last line
    for lineno, line in enumerate(lines, start=1):
        line = line.rstrip("\r")
        match = _ID.match(line)
        if not match:
            if last_t is not None:  # the text field of a span that crosses a line break
                prev = spans[last_t]
                spans[last_t] = _TextBound(prev.label, prev.fragments, prev.text + "\n" + line)
                continue
            if not line.strip():
                continue
            raise _malformed(where, lineno, "not a brat annotation line", line)
        ann_id, rest = match.group(1), line[match.end():]
        last_t = None
        if ann_id.startswith("T"):
            label, fragments, span_text = _parse_text_bound(rest, where, lineno, line)
            if any(e > len(text) for _, e in fragments):
                raise _malformed(where, lineno, f"span ends beyond the text ({len(text)} chars)", line)
            spans[ann_id] = _TextBound(label, fragments, span_text)
            last_t = ann_id
        elif ann_id.startswith("E"):
            trigger, *args = rest.split() or [""]
            label, colon, _ = trigger.partition(":")
            if not colon:
                raise _malformed(where, lineno, "expected 'LABEL:TRIGGER ROLE:ID ...'", line)
            events.append((lineno, ann_id, label, args, line))
        elif ann_id.startswith("A"):
            name, *target_value = rest.split()
            if len(target_value) == 2 and name in ATTRIBUTE_FIELDS:
                attributes.setdefault(target_value[0], {})[ATTRIBUTE_FIELDS[name]] = target_value[1]
        # R, M, N lines and '#' notes carry nothing the scorer uses

    mismatches = sum(1 for t in spans.values() if t.text != _expected_text(text, t.fragments))
    attributions = []
    for lineno, ann_id, label, args, line in events:
        roles: dict[str, list[Span]] = {field: [] for field in ROLE_FIELDS.values()}
        for arg in args:
            role, sep, ref = arg.partition(":")
            if not sep or not ref:
                raise _malformed(where, lineno, f"argument {arg!r} is not ROLE:ID", line)
            if ref not in spans:
                raise _malformed(where, lineno, f"argument refers to undefined span {ref}", line)
            field = ROLE_FIELDS.get(role.rstrip("0123456789"))
            if field is not None:
                roles[field].extend(spans[ref].fragments)
        attributions.append(
            GoldAttribution(
                id=ann_id,
                label=label,
                source=tuple(sorted(roles["source"])),
                cue=tuple(sorted(roles["cue"])),
                content=tuple(sorted(roles["content"])),
                speaker=tuple(sorted(roles["speaker"])),
                **attributes.get(ann_id, {}),
            )
        )
    return tuple(attributions), mismatches


def read_utf8(path: Path) -> str:
    # bytes decoded as they are: universal newlines would shift offsets past any "\r\n"
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 ({exc.reason}); re-encode the file as UTF-8") from exc


def read_article(text_path: Path | str, ann_path: Path | str | None) -> GoldArticle:
    """Read one article; with no ``ann_path`` it has no attributions."""
    text_path = Path(text_path)
    text = read_utf8(text_path)
    name = text_path.stem
    if ann_path is None:
        return GoldArticle(name=name, text=text)
    ann_path = Path(ann_path)
    attributions, mismatches = parse_ann(read_utf8(ann_path), text, where=str(ann_path))
    annotator = ann_path.stem[len(name) + 1:] or None
    return GoldArticle(name, text, attributions, annotator, mismatches)


def _annotation_files(ann_dir: Path) -> dict[str, Path]:
    """The first annotator file by name for each article name (``NAME_ANNOTATOR.ann``)."""
    first: dict[str, Path] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        name, sep, _ = path.stem.rpartition("_")
        if sep and name not in first:
            first[name] = path
    return first


def split_dir(corpus_dir: Path | str, split: str) -> Path:
    """The folder of ``split`` in ``corpus_dir``, checked to hold ``text/`` and ``attributions/``."""
    root = Path(corpus_dir)
    if not root.is_dir():
        raise InputError(f"corpus folder {root} does not exist; pass the folder holding train/ and dev/")
    folder = root / split
    for sub in ("text", "attributions"):
        if not (folder / sub).is_dir():
            found = sorted(p.name for p in root.iterdir() if p.is_dir())
            raise InputError(
                f"{folder / sub} does not exist; choose a split among {found} "
                "laid out as SPLIT/text/NAME.txt and SPLIT/attributions/NAME_ANNOTATOR.ann"
            )
    return folder


def read_names(path: Path | str) -> tuple[str, ...]:
    """Article names listed in a file, one per line; blank lines and ``#`` comments skipped."""
    lines = (line.split("#", 1)[0].strip() for line in Path(path).read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line)


def read_split(corpus_dir: Path | str, split: str = "dev", limit: int | None = None) -> list[GoldArticle]:
    """Read the articles of one split, in name order, each with its first annotator's file.

    Articles without any annotation file are skipped: with no annotator there is no gold.
    """
    folder = split_dir(corpus_dir, split)
    annotations = _annotation_files(folder / "attributions")
    articles = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        ann_path = annotations.get(text_path.stem)
        if ann_path is None:
            continue
        articles.append(read_article(text_path, ann_path))
        if limit is not None and len(articles) >= limit:
            break
    return articles
