"""Who made a document, from the parse: the patterns of sayso.extractors.authors."""
from __future__ import annotations

import pytest

from sayso.extractors.authors import MADE, PUT_OUT, authorships
from sayso.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize("text, document, author, rank", [
    ("Earlier this week the World Bank released the annual report.", "report", "Bank", PUT_OUT),
    ("The study was carried out by Dr. Gary Smith and his colleagues.", "study", "Smith", MADE),
    ("A recent study by the Food and Agriculture Organization found that hunger rose.", "study", "Organization", MADE),
    ("In a statement, the Foreign Ministry said the talks had failed.", "statement", "Ministry", MADE),
    ("The group claimed responsibility in a statement it released on Friday.", "statement", "it", PUT_OUT),
    ("Rebels were blamed in a BBC report on Friday.", "report", "BBC", MADE),
])
def test_the_maker_of_a_document(nlp, text, document, author, rank):
    found = [(a.document.text, a.author.text, a.rank) for a in authorships(nlp(text))]
    assert (document, author, rank) in found


@pytest.mark.parametrize("text", [
    "The results of the Australian National Iodine Nutrition Study were published on Monday.",
    "Posts on the message board from Friday said the site was down.",
    "The report was conducted by thirteen agencies.",
])
def test_no_maker_from_a_documents_own_name_a_date_or_a_description(nlp, text):
    assert list(authorships(nlp(text))) == []
