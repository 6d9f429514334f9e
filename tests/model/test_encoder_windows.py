"""Wordpieces, windows and the constrained decode of the encoder tagger (numpy only)."""
from __future__ import annotations

import numpy
import pytest

from sayso.model.encoder import windows as W


class Split:
    """A stand-in tokenizer: one piece per run of letters, specials 0/1/2."""

    def encode(self, text, add_special_tokens=False):
        import re

        class Encoding:
            pass

        found = list(re.finditer(r"\w+|[^\w\s]", text))
        encoding = Encoding()
        encoding.ids = [3 + (hash(m.group()) % 50) for m in found]
        encoding.offsets = [m.span() for m in found]
        return encoding

    def token_to_id(self, name):
        return {"[CLS]": 0, "[SEP]": 1, "[PAD]": 2}.get(name)


@pytest.mark.parametrize("n, window, stride", [(1, 4, 2), (4, 4, 2), (5, 4, 2), (23, 8, 3), (100, 10, 10)])
def test_windows_cover_every_piece_and_end_at_the_last(n, window, stride):
    starts = W.window_starts(n, window, stride)
    covered = {i for s in starts for i in range(s, min(n, s + window))}
    assert covered == set(range(n))
    assert min(n, starts[-1] + window) == n and starts == sorted(set(starts))


def test_gold_spans_become_b_and_i_tags_on_the_pieces_they_cover():
    text = "Trump said “the wall will be built.” Then he left."
    article = W.pieces(Split(), text)
    spans = [(0, 5, "SOURCE"), (6, 10, "CUE"), (12, 34, "CONTENT")]
    tags = [W.TAGS[i] for i in W.piece_tags(article, spans)]
    words = [text[s:e] for s, e in article.offsets]
    assert list(zip(words, tags))[:9] == [
        ("Trump", "B-SOURCE"), ("said", "B-CUE"), ("“", "O"), ("the", "B-CONTENT"), ("wall", "I-CONTENT"),
        ("will", "I-CONTENT"), ("be", "I-CONTENT"), ("built", "I-CONTENT"), (".", "O")]
    assert W.char_spans(article, W.piece_tags(article, spans)) == [(0, 5, "SOURCE"), (6, 10, "CUE"),
                                                                     (12, 34, "CONTENT")]


def test_viterbi_never_continues_a_span_that_did_not_start():
    scores = numpy.log(numpy.full((3, len(W.TAGS)), 0.01))
    i_content, b_cue = W.TAGS.index("I-CONTENT"), W.TAGS.index("B-CUE")
    scores[:, i_content] = 0.0  # argmax says I-CONTENT everywhere: ill-formed
    scores[1, b_cue] = -0.1
    path = [W.TAGS[i] for i in W.viterbi(scores)]
    assert path[0] != "I-CONTENT" and all(
        not tag.startswith("I-") or prev[2:] == tag[2:] for prev, tag in zip(path, path[1:]))
    assert "B-CONTENT" in path


def test_window_averaging_recovers_spans_across_window_edges():
    """A scorer that sees only its window (positions within it) must still give each piece the
    label of the article: offsets between windows and pieces are right."""
    text = " ".join(f"w{i}" for i in range(60))
    article = W.pieces(Split(), text)
    gold = [(article.offsets[5, 0], article.offsets[17, 1], "CONTENT"), (article.offsets[30, 0],
            article.offsets[31, 1], "SOURCE"), (article.offsets[40, 0], article.offsets[58, 1], "CONTENT")]
    tags = W.piece_tags(article, gold)
    calls = []

    def score(ids, mask):
        out = numpy.zeros(ids.shape + (len(W.TAGS),))
        for row in range(len(ids)):
            start = row_starts.pop(0)
            for j in range(int(mask[row].sum()) - 2):
                out[row, j + 1, tags[start + j]] = 5.0
        calls.append(len(ids))
        return out

    starts = W.window_starts(len(article), 12, 5)
    row_starts = list(starts)
    assert W.decode(article, score, (0, 1, 2), window=12, stride=5, batch_size=3) == \
        [(int(s), int(e), label) for s, e, label in gold]
    assert sum(calls) == len(starts) > 1


def test_windows_scored_side_by_side_decode_as_one_after_the_other():
    """A thread pool's ``map`` over one window per call gives the spans of the plain loop: the
    scores come back in the windows' order."""
    from concurrent.futures import ThreadPoolExecutor

    text = " ".join(f"w{i % 7}" for i in range(90))
    article = W.pieces(Split(), text)

    def score(ids, mask):  # a label from each piece's id, whatever window holds it
        out = numpy.zeros(ids.shape + (len(W.TAGS),))
        for row in range(len(ids)):
            for j in range(1, int(mask[row].sum()) - 1):
                out[row, j, 5 if ids[row, j] % 3 == 0 else (6 if ids[row, j] % 3 == 1 else 0)] = 5.0
        return out

    plain = W.decode(article, score, (0, 1, 2), window=12, stride=5)
    with ThreadPoolExecutor(max_workers=2) as pool:
        side_by_side = W.decode(article, score, (0, 1, 2), window=12, stride=5, batch_size=1, mapper=pool.map)
    assert plain == side_by_side and plain


def test_gold_spans_are_cut_at_line_breaks_when_asked():
    from sayso.corpora.brat import GoldAttribution

    text = "Ann wrote:\n\nLa vie est belle.\n\nLife is beautiful."
    post = GoldAttribution("E1", "Attribution", source=((0, 3),), content=((12, 29), (31, 49)))
    joined = [s for s in W.gold_char_spans(text, [post]) if s[2] == "CONTENT"]
    cut = [s for s in W.gold_char_spans(text, [post], cut_at_breaks=True) if s[2] == "CONTENT"]
    assert [text[s:e] for s, e, _ in joined] == ["La vie est belle.\n\nLife is beautiful"]
    assert [text[s:e] for s, e, _ in cut] == ["La vie est belle", "Life is beautiful"]
