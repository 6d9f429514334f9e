"""The brat-standoff reader: PolNeAR layout, span syntax, errors and text checks."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from sayso.errors import InputError
from sayso.corpora.brat import GoldArticle, GoldAttribution, parse_ann, read_article, read_split

TEXT = "“We will win,” Smith said, “and we will govern.”\nThe party disagreed.\n"

POLNEAR = Path(__file__).parents[2].parent / "shared" / "data" / "polnear"


def _span(sub: str, text: str = TEXT) -> str:
    start = text.index(sub)
    return f"{start} {start + len(sub)}"


def _ann(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def _write_corpus(root: Path, files: dict[str, str]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return root


GOOD_ANN = _ann(
    f"T1\tSource {_span('Smith')}\tSmith",
    f"T2\tCue {_span('said')}\tsaid",
    # a discontinuous content: the two quoted halves around "Smith said"
    f"T3\tContent {_span('“We will win,”')};{_span('“and we will govern.”')}\t“We will win,” “and we will govern.”",
    f"T4\tAttribution {_span('said')}\tsaid",
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    f"T5\tCue {_span('disagreed')}\tdisagreed",
    f"T6\tContent {_span('The party')}\tThe party",
    f"T7\tAttribution-no-source {_span('disagreed')}\tdisagreed",
    "E2\tAttribution-no-source:T7 Cue:T5 Content:T6",
    f"T8\tDiscard {_span('party')}\tparty",
    "#1\tAnnotatorNotes T8\tnot an attribution",
)


def test_parse_ann_reads_roles_and_discontinuous_spans() -> None:
    attributions, mismatches = parse_ann(GOOD_ANN, TEXT)
    assert mismatches == 0
    assert attributions == (
        GoldAttribution("E1", "Attribution", source=((15, 20),), cue=((21, 25),), content=((0, 14), (27, 48))),
        GoldAttribution("E2", "Attribution-no-source", source=(), cue=((59, 68),), content=((49, 58),)),
    )


def test_content2_joins_the_content_of_the_same_attribution() -> None:
    ann = _ann(
        f"T1\tContent {_span('“and we will govern.”')}\t“and we will govern.”",
        f"T2\tContent {_span('“We will win,”')}\t“We will win,”",
        f"T3\tCue {_span('said')}\tsaid",
        f"T4\tAttribution {_span('said')}\tsaid",
        "E1\tAttribution:T4 Content:T1 Cue:T3 Content2:T2",
    )
    (attribution,), _ = parse_ann(ann, TEXT)
    assert attribution.content == ((0, 14), (27, 48))  # sorted by offset


def test_text_field_running_over_a_line_break_is_one_span() -> None:
    text = "He said\n\nit was over. Then"
    ann = _ann("T1\tContent 0 21\tHe said", "", "it was over.", "T2\tCue 3 7\tsaid", "E1\tAttribution: Content:T1 Cue:T2")
    (attribution,), mismatches = parse_ann(ann, text)
    assert mismatches == 0
    assert attribution.content == ((0, 21),)
    assert attribution.cue == ((3, 7),)


def test_span_text_mismatches_are_counted_not_raised() -> None:
    ann = _ann(
        f"T1\tSource {_span('Smith')}\tSmyth",  # wrong text at right offsets
        f"T2\tContent {_span('“We will win,”')};{_span('“and we will govern.”')}\t“We will win,”“and we will govern.”",
        f"T3\tCue {_span('said')}\tsaid",
    )
    assert parse_ann(ann, TEXT) == ((), 2)


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("T1\tSource 14\tSmith", "expected 'LABEL START END"),
        ("T1\tSource 19 14\tSmith", "start after its end"),
        ("T1\tSource 14 999\tSmith", "beyond the text"),
        ("E1\tAttribution:T9 Source:T9", "undefined span T9"),
        ("E1\tAttribution: Source", "not ROLE:ID"),
        ("E1\t", "expected 'LABEL:TRIGGER"),
        ("this is not brat", "not a brat annotation line"),
    ],
)
def test_malformed_line_names_file_and_line(line: str, why: str) -> None:
    ann = _ann(f"T2\tCue {_span('said')}\tsaid", "E9\tAttribution: Cue:T2", line)
    with pytest.raises(InputError, match=r"^x\.ann:3: .*" + re.escape(why)):
        parse_ann(ann, TEXT, where="x.ann")


def test_read_split_takes_first_annotator_by_name(tmp_path: Path) -> None:
    root = _write_corpus(tmp_path / "corpus", {
        "dev/text/nyt_2016-01-02_some-title.txt": TEXT,
        "dev/attributions/nyt_2016-01-02_some-title_zz99.ann": "this line would be malformed\n",
        "dev/attributions/nyt_2016-01-02_some-title_4b22.ann": GOOD_ANN,
        "dev/text/unannotated.txt": "No annotator read this.",
        "dev/attributions/orphan_4b22.ann": "",
    })
    (article,) = read_split(root, "dev")
    assert isinstance(article, GoldArticle)
    assert article.name == "nyt_2016-01-02_some-title"
    assert article.annotator == "4b22"
    assert article.text == TEXT
    assert [a.id for a in article.attributions] == ["E1", "E2"]
    assert GoldArticle.from_dict(article.to_dict()) == article


def test_read_split_limit_and_empty_annotation(tmp_path: Path) -> None:
    root = _write_corpus(tmp_path, {
        f"train/text/a{i}.txt": TEXT for i in range(3)
    } | {f"train/attributions/a{i}_x.ann": "" for i in range(3)})
    articles = read_split(root, "train", limit=2)
    assert [a.name for a in articles] == ["a0", "a1"]
    assert articles[0].attributions == ()


def test_offsets_count_a_byte_order_mark_as_a_character(tmp_path: Path) -> None:
    text = "\ufeffSmith said so."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a_x.ann").write_text("T1\tSource 1 6\tSmith\n", encoding="utf-8")
    article = read_article(tmp_path / "a.txt", tmp_path / "a_x.ann")
    assert article.mismatches == 0


def test_carriage_returns_stay_in_the_text_so_offsets_hold(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Title\r\nSmith said so.".encode())
    (tmp_path / "a_x.ann").write_bytes(b"T1\tSource 7 12\tSmith\r\n")
    article = read_article(tmp_path / "a.txt", tmp_path / "a_x.ann")
    assert article.mismatches == 0


def test_missing_corpus_or_split_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        read_split(tmp_path / "nowhere", "dev")
    (tmp_path / "train" / "text").mkdir(parents=True)
    with pytest.raises(InputError, match=r"dev/text does not exist; choose a split among \['train'\]"):
        read_split(tmp_path, "dev")


def test_non_utf8_text_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"caf\xe9")
    with pytest.raises(InputError, match="not UTF-8"):
        read_article(tmp_path / "a.txt", None)


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="PolNeAR corpus not beside the repository")
def test_polnear_dev_split_reads_cleanly() -> None:
    articles = read_split(POLNEAR, "dev")
    assert len(articles) == 84
    assert sum(a.mismatches for a in articles) == 0
    assert sum(len(a.attributions) for a in articles) == 2193
