"""Decoding the tagger's spans into attributions: links follow the parse, then proximity."""
from __future__ import annotations

from dataclasses import replace

import pytest
import spacy
from spacy.tokens import Doc

from sayso.engines import _char_part, _one_paragraph, combine
from sayso.extractors.actors import Cluster
from sayso.extractors.drafts import Draft
from sayso.model.decode import Linked, link, tagged_spans
from sayso.types import QuoteKind


def cue(k: int = 0):
    """A cue span: token ``k`` of a small document (combine reads where cues stand)."""
    return spacy.blank("en")("he said that she told them and added more")[k : k + 1]


def parsed(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


def test_content_clause_hangs_from_its_cue():
    doc = parsed("Trump said the wall will be built .".split(),
                 [1, 1, 3, 6, 6, 6, 1, 1], ["nsubj", "ROOT", "det", "nsubjpass", "aux", "auxpass", "ccomp", "punct"])
    spans = [(0, 1, "SOURCE"), (1, 2, "CUE"), (2, 7, "CONTENT")]
    assert link(doc, spans) == [Linked(((2, 7),), cue=(1, 2), source=(0, 1))]


def test_cue_hanging_from_the_content_after_it():
    doc = parsed("The plan will fail , he said .".split(),
                 [1, 3, 3, 3, 3, 6, 3, 3], ["det", "nsubj", "aux", "ROOT", "punct", "nsubj", "parataxis", "punct"])
    spans = [(0, 4, "CONTENT"), (5, 6, "SOURCE"), (6, 7, "CUE")]
    assert link(doc, spans) == [Linked(((0, 4),), cue=(6, 7), source=(5, 6))]


def test_quote_split_by_its_cue_is_one_attribution_in_two_parts():
    words = ["“", "We", "win", ",", "”", "he", "said", ".", "“", "They", "lose", ".", "”"]
    heads = [6, 2, 6, 6, 6, 6, 6, 6, 6, 10, 6, 6, 6]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct", "punct", "nsubj", "ccomp",
            "punct", "punct"]
    doc = parsed(words, heads, deps)
    spans = [(1, 3, "CONTENT"), (5, 6, "SOURCE"), (6, 7, "CUE"), (9, 11, "CONTENT")]
    assert link(doc, spans) == [Linked(((1, 3), (9, 11)), cue=(6, 7), source=(5, 6))]


def test_a_content_without_a_cue_in_its_sentence_has_none():
    words = "Trump said it works for all of us . Taxes fall .".split()
    heads = [1, 1, 3, 1, 3, 4, 5, 6, 1, 10, 10, 10]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "prep", "pobj", "prep", "pobj", "punct", "nsubj", "ROOT", "punct"]
    doc = parsed(words, heads, deps)
    spans = [(0, 1, "SOURCE"), (1, 2, "CUE"), (2, 8, "CONTENT"), (9, 11, "CONTENT")]
    assert link(doc, spans) == [Linked(((2, 8),), cue=(1, 2), source=(0, 1)), Linked(((9, 11),))]


def test_a_cue_right_before_a_quotation_in_the_next_sentence_introduces_it():
    words = ["Caddell", "continued", ":", "“", "It", "works", ".", "”"]
    heads = [1, 1, 1, 5, 5, 5, 5, 5]
    deps = ["nsubj", "ROOT", "punct", "punct", "nsubj", "ROOT", "punct", "punct"]
    doc = parsed(words, heads, deps)
    spans = [(0, 1, "SOURCE"), (1, 2, "CUE"), (4, 6, "CONTENT")]
    assert link(doc, spans) == [Linked(((4, 6),), cue=(1, 2), source=(0, 1))]


def test_neighbouring_contents_outside_marks_stay_apart():
    words = "He denied it , saying the report lied .".split()
    heads = [1, 1, 1, 1, 1, 6, 7, 4, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "advcl", "det", "nsubj", "ccomp", "punct"]
    doc = parsed(words, heads, deps)
    spans = [(0, 1, "SOURCE"), (1, 2, "CUE"), (2, 3, "CONTENT"), (4, 5, "CUE"), (5, 8, "CONTENT")]
    assert link(doc, spans) == [Linked(((2, 3),), cue=(1, 2), source=(0, 1)),
                                Linked(((5, 8),), cue=(4, 5), source=(0, 1))]


def test_tagged_spans_reads_the_entities():
    doc = Doc(spacy.blank("en").vocab, words="Trump said it works".split(), ents=["B-SOURCE", "B-CUE", "B-CONTENT",
                                                                                  "I-CONTENT"])
    assert tagged_spans(doc) == [(0, 1, "SOURCE"), (1, 2, "CUE"), (2, 4, "CONTENT")]


@pytest.mark.parametrize("text, expected", [
    ("“We will win,”", "We will win"),
    ("the count “might have been rigged.”", "the count “might have been rigged.”"),
    ("“We will win", "We will win"),
    ("  taxes will fall, ", "taxes will fall"),
    ("“A” and “B”", "“A” and “B”"),
])
def test_content_parts_lose_edge_punctuation_and_their_own_marks(text, expected):
    doc = spacy.blank("en")(text)
    span = _char_part(doc, 0, len(doc))
    assert span is not None and text[span[0] : span[1]] == expected


def test_combine_keeps_one_quote_per_stretch():
    rule_direct = Draft(QuoteKind.DIRECT, 0, 20, cue=cue(1))
    rule_loose = Draft(QuoteKind.INDIRECT, 40, 60)
    model_same = Draft(QuoteKind.DIRECT, 1, 20)
    model_other = Draft(QuoteKind.INDIRECT, 42, 61)
    model_new = Draft(QuoteKind.INDIRECT, 80, 99)
    rules, model = [rule_direct, rule_loose], [model_same, model_other, model_new]
    assert combine(rules, model, "precise") == [rule_direct, model_other, model_new]
    assert combine(rules, model, "rules-first") == [rule_direct, rule_loose, model_new]
    assert combine(rules, model, "model-first") == [model_same, model_other, model_new]
    # model-fill: the tagger's quote takes the cue the rules found for the same stretch
    filled = combine(rules, model, "model-fill")
    assert [(d.start, d.end) for d in filled] == [(1, 20), (42, 61), (80, 99)] and filled[0].cue is rule_direct.cue
    with pytest.raises(ValueError):
        combine(rules, model, "coin-toss")


def test_combine_reads_a_quotation_whole_not_the_taggers_pieces_of_it():
    # "We face a dangerous sentence. … Because I have the clear sensation that …": the tagger's
    # pieces inside the rules' whole quotation are not statements of their own.
    whole = Draft(QuoteKind.DIRECT, 0, 200, cue=cue(1))
    pieces = [Draft(QuoteKind.DIRECT, 0, 80), Draft(QuoteKind.DIRECT, 81, 115), Draft(QuoteKind.DIRECT, 150, 199)]
    elsewhere = Draft(QuoteKind.DIRECT, 300, 320)
    for strategy in ("model-first", "model-fill"):
        combined = combine([whole], pieces + [elsewhere], strategy)
        assert combined[0] == whole and [(d.start, d.end) for d in combined] == [(0, 200), (300, 320)]
        # what the tagger alone reads is marked so (the statement stage asks more of it)
        assert combined[1].unconfirmed is (strategy == "model-fill")
    # the same quotation read with other edges stays the tagger's
    assert [(d.start, d.end) for d in combine([whole], [Draft(QuoteKind.DIRECT, 1, 199)], "model-first")] == [(1, 199)]
    # but one begun inside it is a piece however long: a direct quote opens at its mark
    # ("human rights. Now …" of '"One of Kirchner's flags is human rights. Now …"')
    assert [(d.start, d.end) for d in combine([whole], [Draft(QuoteKind.DIRECT, 25, 199)], "model-first")] == [(0, 200)]


def test_reported_speech_without_marks_stays_in_the_paragraph_of_its_cue():
    text = "Dam breach: what we know\n\nThe dam broke on Tuesday, officials said, after heavy rain."
    doc = spacy.blank("en")(text)
    cue = doc.char_span(text.index("said"), text.index("said") + 4)
    whole = [(text.index("what"), text.index(", officials"))]
    clipped = _one_paragraph(text, whole, {"cue": cue})
    assert [text[s:e] for s, e in clipped] == ["The dam broke on Tuesday"]
    assert _one_paragraph(text, whole, {}) == [(text.index("what"), text.index("\n"))]  # no cue: the first part's
    inside = [(text.index("The dam"), text.index(", officials"))]
    assert _one_paragraph(text, inside, {"cue": cue}) == inside


def test_model_fill_takes_the_rules_content_for_a_taggers_stray_word_or_a_cut_at_a_dash():
    text = "Trump has pledged to ban all Muslims — 1.6 billion people — from entering the U.S."
    doc = spacy.blank("en")(text)
    cue = doc[2:3]  # "pledged"
    rule = Draft(QuoteKind.INDIRECT, 18, len(text) - 1, cue=cue)
    stray = Draft(QuoteKind.INDIRECT, 18, 24, cue=cue)  # "to ban"
    cut = Draft(QuoteKind.INDIRECT, 18, 36)  # "to ban all Muslims"
    assert combine([rule], [stray], "model-fill", text) == [rule]
    # a stray word under another cue is no reading of the same report
    assert combine([rule], [replace(stray, cue=doc[1:2])], "model-fill", text) != [rule]
    [filled] = combine([rule], [cut], "model-fill", text)
    assert (filled.start, filled.end, filled.cue) == (rule.start, rule.end, cue)
    # without the text, the tagger's edges stand
    assert [(d.start, d.end) for d in combine([rule], [cut], "model-fill")] == [(18, 36)]


def test_model_fill_keeps_one_content_where_the_tagger_cut_it_in_two():
    # "Those who met him say at least one of those episodes played a role": the tagger read "at" and
    # "least one …" under one cue; the rules' whole content stands, once.
    text = "Those who met him say at least one of those episodes played a role in his death."
    doc = spacy.blank("en")(text)
    cue = doc[4:5]  # "say"
    rule = Draft(QuoteKind.INDIRECT, 22, len(text) - 1, cue=cue)
    pieces = [Draft(QuoteKind.INDIRECT, 22, 24, cue=cue), Draft(QuoteKind.INDIRECT, 25, len(text) - 1, cue=cue)]
    assert combine([rule], pieces, "model-fill", text) == [rule]


def test_a_quotation_closing_its_sentence_is_no_first_part_of_the_next_cues_quotation():
    # '"We win." He also said, "They lose."': two statements, not one split by "said"
    words = ["“", "We", "win", ".", "”", "He", "also", "said", ",", "“", "They", "lose", ".", "”"]
    heads = [2, 2, 2, 2, 2, 7, 7, 7, 7, 11, 11, 7, 11, 11]
    deps = ["punct", "nsubj", "ROOT", "punct", "punct", "nsubj", "advmod", "ROOT", "punct", "punct", "nsubj",
            "ccomp", "punct", "punct"]
    doc = parsed(words, heads, deps)
    spans = [(1, 3, "CONTENT"), (5, 6, "SOURCE"), (7, 8, "CUE"), (10, 12, "CONTENT")]
    linked = link(doc, spans)
    assert [a.parts for a in linked] == [((1, 3),), ((10, 12),)]
    assert linked[1].cue == (7, 8)


def test_model_fill_parts_one_tagged_quotation_that_two_cues_tell():
    # 'told Bloomberg: "A" as it is B. C is "D," Cordesman added.': the tagger's one content over
    # both is the rules' two statements, one per act of saying
    first = Draft(QuoteKind.MIXED, 10, 60, cue=cue(4))
    second = Draft(QuoteKind.MIXED, 62, 120, cue=cue(7))
    tagged = Draft(QuoteKind.MIXED, 10, 118)
    assert combine([first, second], [tagged], "model-fill") == [first, second]


def test_model_fill_takes_no_speaker_from_a_statement_of_another_cue():
    # 'Trump, alleging that President Obama wanted to admit 250,000 Syrians, said …': the tagger
    # gave the clause to "said" with no speaker; the rules read it as Obama's "wanted". Obama does
    # not become the speaker of "said": the rules' statement stands, with its own cue.
    rules_draft = Draft(QuoteKind.INDIRECT, 10, 40, cue=cue(1), speaker_span=cue(0))
    tagged = Draft(QuoteKind.INDIRECT, 8, 40, cue=cue(4))
    assert combine([rules_draft], [tagged], "model-fill") == [rules_draft]
    # the same cue: the tagger's content, with the rules' speaker
    same = combine([rules_draft], [replace(tagged, cue=cue(1))], "model-fill")
    assert [(d.start, d.speaker_span.text) for d in same] == [(8, "he")]


def test_a_source_starts_in_the_paragraph_of_its_cue():
    # "'Progress' seen in auto deal ¶ Officials say that …": the parse hangs the headline on the subject
    words = ["auto", "deal", "\n\n", "Officials", "say", "that", "talks", "progress", "."]
    doc = parsed(words, [1, 3, 1, 4, 4, 7, 7, 4, 4],
                 ["compound", "compound", "dep", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"])
    spans = [(0, 4, "SOURCE"), (4, 5, "CUE"), (5, 8, "CONTENT")]
    assert link(doc, spans) == [Linked(((5, 8),), cue=(4, 5), source=(3, 4))]


def _tagged(words: list[str], tags: list[str]) -> Doc:
    """A document with tags and a flat parse (every word hangs from the last verb)."""
    root = max(i for i, t in enumerate(tags) if t.startswith("VB"))
    return Doc(spacy.blank("en").vocab, words=words, tags=tags, heads=[root] * len(words),
               deps=["ROOT" if i == root else "dep" for i in range(len(words))])


def test_a_clause_around_an_attribution_set_off_by_commas_is_one_content():
    """ "At the same time, according to Georgian sources, the troops were occupying villages": one
    statement in two parts; but "X earned $600 million, according to filings, a huge sum" is the
    clause before alone (the reporter's remark after it is no part of it)."""
    words = "At the same time , according to sources , the troops were occupying villages .".split()
    tags = ["IN", "DT", "JJ", "NN", ",", "VBG", "IN", "NNS", ",", "DT", "NNS", "VBD", "VBG", "NNS", "."]
    spans = [(0, 4, "CONTENT"), (5, 7, "CUE"), (7, 8, "SOURCE"), (9, 14, "CONTENT")]
    linked = link(_tagged(words, tags), spans)
    assert [a.parts for a in linked] == [((0, 4), (9, 14))]
    words = "Centerview earned $ 600 million , according to filings , a huge sum .".split()
    tags = ["NNP", "VBD", "$", "CD", "CD", ",", "VBG", "IN", "NNS", ",", "DT", "JJ", "NN", "."]
    spans = [(0, 5, "CONTENT"), (6, 8, "CUE"), (8, 9, "SOURCE"), (10, 13, "CONTENT")]
    assert [a.parts for a in link(_tagged(words, tags), spans)] == [((0, 5),), ((10, 13),)]


@pytest.mark.parametrize("text, source, mention", [
    ("Two officials, speaking on condition of anonymity, said it.", "Two officials, speaking", "Two officials"),
    ("Gaza's health ministry, which counts the dead, said it.", "Gaza's health ministry, which", "Gaza's health ministry"),
    ("The young leader on Sunday said it.", "The young leader on", "The young leader"),
    ("Natural Resources Wales (NRW) said it.", "Natural Resources Wales (NRW", "Natural Resources Wales (NRW)"),
    ("The blogger bluesystem [zh] said it.", "The blogger bluesystem [zh", "The blogger bluesystem"),
])
def test_a_tagged_source_is_trimmed_to_a_phrase(text, source, mention):
    """A tagger's source span never ends on a preposition or a participle after a comma, nor
    leaves a bracket open, nor keeps a link's language tag."""
    from sayso.engines import _trim_tokens
    from sayso.nlp import load_pipeline

    doc = load_pipeline()(text)
    span = doc.char_span(0, len(source), alignment_mode="expand")
    trimmed = _trim_tokens(doc, span.start, span.end)
    assert trimmed is not None and trimmed.text == mention


def test_a_taggers_reported_clause_ends_before_its_speakers_next_verb():
    # "told him that she worried and promised that she helped": the tagger runs the first
    # content into "and promised" and ties the second to "told"; the rules read two statements.
    words = "Odhiambo told him that she worried and promised that she helped .".split()
    lemmas = "Odhiambo tell he that she worry and promise that she help .".split()
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 5, 5, 1, 1, 1, 10, 10, 7, 1],
              deps=["nsubj", "ROOT", "dative", "mark", "nsubj", "ccomp", "cc", "conj", "mark", "nsubj", "ccomp", "punct"],
              lemmas=lemmas, pos=["PROPN", "VERB", "PRON", "SCONJ", "PRON", "VERB", "CCONJ", "VERB", "SCONJ", "PRON", "VERB", "PUNCT"])
    text = doc.text
    told, promised = doc[1:2], doc[7:8]
    first, second = (doc[3].idx, doc[5].idx + 7), (doc[8].idx, doc[10].idx + 6)
    odhiambo = Cluster("Odhiambo", ("Odhiambo",), 0)
    rules = [Draft(QuoteKind.INDIRECT, *first, cue=told, cue_verb=told[0], speaker=odhiambo),
             Draft(QuoteKind.INDIRECT, *second, cue=promised, cue_verb=promised[0], speaker=odhiambo)]
    model = [Draft(QuoteKind.INDIRECT, first[0], doc[7].idx + 8, cue=told, speaker=odhiambo),
             Draft(QuoteKind.INDIRECT, *second, cue=told, speaker=odhiambo)]
    combined = combine(rules, model, "model-fill", text)
    assert [(text[d.start : d.end], d.cue.text) for d in combined] == [
        ("that she worried", "told"), ("that she helped", "promised")]


def test_a_that_clause_is_told_by_the_cue_before_it_not_by_a_later_one():
    # the tagger ties "that the gunmen fired …" to "reported", whose own clause comes after it;
    # and cuts AFP's report short at "said"
    import sayso

    text = ("According to AFP, local elders said that the gunmen fired shots, and The Daily Telegraph "
            "reported that witnesses said Watson was wounded.")
    doc = sayso.load_pipeline()(text)
    said, reported = (next(t for t in doc if t.text == w) for w in ("said", "reported"))
    elders, telegraph = doc.char_span(18, 30), doc.char_span(text.index("The Daily"), text.index(" reported"))
    according = doc[0:2]
    clause = (text.index("that the"), text.index(", and"))
    rules = [Draft(QuoteKind.ACCORDING_TO, 18, clause[1], cue=according, speaker_span=doc[2:3]),
             Draft(QuoteKind.INDIRECT, *clause, cue=doc[said.i : said.i + 1], cue_verb=said, speaker_span=elders)]
    model = [Draft(QuoteKind.ACCORDING_TO, 18, said.idx + 4, cue=according, speaker_span=doc[2:3]),
             Draft(QuoteKind.INDIRECT, *clause, cue=doc[reported.i : reported.i + 1], cue_verb=reported,
                   speaker_span=telegraph)]
    combined = combine(rules, model, "model-fill", text)
    assert [(d.kind, text[d.start : d.end], d.speaker_span.text) for d in combined] == [
        (QuoteKind.ACCORDING_TO, "local elders said that the gunmen fired shots", "AFP"),
        (QuoteKind.INDIRECT, "that the gunmen fired shots", "local elders")]


def test_a_quotation_after_that_is_read_whole_not_as_the_taggers_pieces():
    text = ('Chebli said that, "The EU is the greatest partner. Italy and others have shown that they are not '
            'interested. That is not likely to change."')
    whole = Draft(QuoteKind.MIXED, text.index("that,"), len(text), cue=cue(1))
    pieces = [Draft(QuoteKind.DIRECT, text.index("The EU"), text.index(" Italy")),
              Draft(QuoteKind.DIRECT, text.index("that they"), text.index(" That is"))]
    assert combine([whole], pieces, "model-fill", text) == [whole]
    # a reported clause with a quoted fragment in it is no quotation: the tagger's pieces stay
    text = 'Chebli said that the EU "could use" its leverage, as Italy has shown.'
    mixed = Draft(QuoteKind.MIXED, text.index("that the"), text.index(", as"), cue=cue(1))
    piece = Draft(QuoteKind.DIRECT, text.index("could"), text.index('" its'))
    assert (piece.start, piece.end) in [(d.start, d.end) for d in combine([mixed], [piece], "model-fill", text)]


def test_the_taggers_pieces_of_one_according_to_phrase_give_way_to_the_rules_whole():
    from sayso.engines import _without_pieces

    text = 'According to Lyon the company decided to give the money away after, "supporters began a boycott."'
    according = cue(0)
    whole = Draft(QuoteKind.ACCORDING_TO, text.index("the company"), len(text) - 1, cue=according)
    piece = Draft(QuoteKind.DIRECT, text.index("supporters"), len(text) - 2, cue=according)
    elsewhere = Draft(QuoteKind.DIRECT, text.index("supporters"), len(text) - 2, cue=cue(3))
    assert _without_pieces([whole, piece]) == [whole]
    assert _without_pieces([whole, elsewhere]) == [whole, elsewhere]  # another cue's quotation stays


def test_a_clause_of_time_on_the_cue_is_no_part_of_what_it_reports():
    # whatever the tagger's span, "after it reported the results" tells when the accusation was made
    import sayso
    from sayso.engines import model_drafts
    from sayso.extractors.context import build_context
    from sayso.model.decode import Linked

    text = "Mousavi accuses the Iranian government of fraud after it reported the results."
    doc = sayso.load_pipeline()(text)
    accuses = next(t for t in doc if t.text == "accuses")
    drafts = model_drafts(build_context(doc), [Linked(((accuses.i + 1, len(doc) - 1),), (accuses.i, accuses.i + 1), (0, 1))])
    assert [text[d.start : d.end] for d in drafts] == ["the Iranian government of fraud"]


def test_a_phrase_of_place_before_the_subject_names_no_speaker():
    # the tagger may take "Outside of the Conservative party" for the source: the cue's subject speaks
    import sayso
    from sayso.engines import model_drafts
    from sayso.extractors.context import build_context
    from sayso.model.decode import Linked

    text = "Outside of the Conservative party, Scottish Labour leader Johann Lamont spoke of the loss of a friend."
    doc = sayso.load_pipeline()(text)
    spoke = next(t for t in doc if t.text == "spoke")
    drafts = model_drafts(build_context(doc), [Linked(((spoke.i + 2, len(doc) - 1),), (spoke.i, spoke.i + 2), (0, 5))])
    assert [d.speaker_span.text for d in drafts] == ["Scottish Labour leader Johann Lamont"]
