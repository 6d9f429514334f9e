"""GUM CoNLL-U → coreference records: the text rebuilt as the news set does, mentions at the right
character offsets with their kinds; the shipped set holds no held-out test document."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sayso.eval.gum import convert, held_out, read_conllu, speaker_name

ROOT = Path(__file__).resolve().parents[2]

# Entity=(id-etype-infstat-salience-centering-minspan-link[-identity]; "3)" closes entity 3.
SNIPPET = """\
# newdoc id = GUM_interview_toy
# meta::title = Envoy speaks
# meta::sourceURL = https://example.org/envoy
# newpar
# sent_id = GUM_interview_toy-1
# text = Envoy speaks
1	Envoy	envoy	NOUN	NN	_	2	nsubj	_	Entity=(1-person-new-s-cf1-1-coref)
2	speaks	speak	VERB	VBZ	_	0	root	_	_

# newpar
# sent_id = GUM_interview_toy-2
# speaker = WilliamSSaturn
# text = Did Hamdullah Mohib's team win?
1	Did	do	AUX	VBD	_	5	aux	_	_
2	Hamdullah	Hamdullah	PROPN	NNP	_	5	nmod:poss	_	Entity=(2-organization-new-s-cf2-3-coref(1-person-giv-s-cf1-2-coref-Hamdullah_Mohib
3-4	Mohib's	_	_	_	_	_	_	_	_
3	Mohib	Mohib	PROPN	NNP	_	2	flat	_	_
4	's	's	PART	POS	_	2	case	_	Entity=1)
5	team	team	NOUN	NN	_	6	nsubj	_	Entity=2)
6	win	win	VERB	VB	_	0	root	_	SpaceAfter=No
7	?	?	PUNCT	.	_	6	punct	_	_

# sent_id = GUM_interview_toy-3
# speaker = HamdullahMohib
# text = The team won.
1	The	the	DET	DT	_	2	det	_	Entity=(2-organization-giv-s-cf2-2-coref
2	team	team	NOUN	NN	_	3	nsubj	_	Entity=2)
3	won	win	VERB	VBD	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	_	_

# newpar
# sent_id = GUM_interview_toy-4
# speaker = HamdullahMohib
# text = He said it.
1	He	he	PRON	PRP	_	2	nsubj	_	Entity=(1-person-giv-s-cf1-1-ana)
2	said	say	VERB	VBD	_	0	root	_	_
3	it	it	PRON	PRP	_	2	obj	_	Entity=(3-abstract-new-s-cf1-1-sgl)|SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_
"""


def _doc():
    return read_conllu(SNIPPET.splitlines(), "interview_toy", "interview")


def test_text_is_rebuilt_with_paragraphs_and_speaker_turns():
    assert _doc().text == ("Envoy speaks\n\nWilliam S. Saturn: Did Hamdullah Mohib's team win? "
                           "Hamdullah Mohib: The team won.\n\nHe said it.")


def test_every_mention_sits_at_its_offsets_with_its_kind_and_head():
    doc = _doc()
    found = {(e.id, m.text, m.kind, doc.text[m.head[0]:m.head[1]]) for e in doc.entities for m in e.mentions}
    assert found == {
        ("1", "Envoy", "other", "Envoy"),
        ("1", "Hamdullah Mohib's", "name", "Hamdullah"),
        ("2", "Hamdullah Mohib's team", "description", "team"),
        ("2", "The team", "description", "team"),
        ("1", "He", "pronoun", "He"),
        ("3", "it", "pronoun", "it"),
    }
    for entity in doc.entities:
        for m in entity.mentions:
            assert doc.text[m.start:m.end] == m.text


def test_entity_type_identity_and_metadata_are_kept():
    doc = _doc()
    person = next(e for e in doc.entities if e.id == "1")
    assert (person.type, person.identity) == ("person", "Hamdullah_Mohib")
    assert (doc.title, doc.source_url) == ("Envoy speaks", "https://example.org/envoy")
    assert "CC BY 2.5" in doc.licence


@pytest.mark.parametrize("handle,name", [
    ("WilliamSSaturn", "William S. Saturn"), ("MarioJLucero", "Mario J. Lucero"),
    ("TinaMcKenzie", "Tina McKenzie"), ("Wikinews", "Wikinews"), ("MarymeganDaly", "Marymegan Daly"),
])
def test_speaker_handles_are_split_into_names(handle, name):
    assert speaker_name(handle) == name


def test_convert_leaves_out_held_out_documents(tmp_path):
    source = tmp_path / "dep"
    source.mkdir()
    (source / "GUM_interview_toy.conllu").write_text(SNIPPET, encoding="utf-8")
    (source / "GUM_interview_held.conllu").write_text(SNIPPET, encoding="utf-8")
    written = convert(source, tmp_path / "out", exclude={"interview_held"}, genres=("interview",))
    assert written == {"interview": 1}
    lines = (tmp_path / "out" / "interview.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["name"] for line in lines] == ["interview_toy"]


def test_shipped_set_has_no_test_document_and_exact_offsets():
    held = held_out(ROOT / "data" / "eval" / "news" / "metadata.tsv")
    assert len(held) >= 16
    files = sorted((ROOT / "data" / "eval" / "coref").glob("*.jsonl"))
    assert files
    names = set()
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            names.add(doc["name"])
            for entity in doc["entities"]:
                for m in entity["mentions"]:
                    assert doc["text"][m["start"]:m["end"]] == m["text"]
    assert not names & held
    assert len([n for n in names if n.startswith(("news_", "interview_"))]) >= 27
