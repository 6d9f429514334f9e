"""Speakers: who said it, resolved to one actor per entity, with the rule and the default engine."""
from __future__ import annotations

import pytest

import sayso
from sayso.model.loader import available

ENGINES = ["rules", pytest.param("hybrid", marks=pytest.mark.skipif(not available(), reason="no trained weights"))]


def speaker_of(text: str, words: str, engine: str) -> str | None:
    """The name of the actor given as the speaker of the statement containing ``words``."""
    analysis = sayso.extract(text, engine=engine)
    actors = {a.id: a for a in analysis.actors}
    found = [q for q in analysis.quotes if words in text[q.start:q.end]]
    assert found, f"no statement with {words!r} in {[text[q.start:q.end] for q in analysis.quotes]}"
    actor = actors.get(found[0].speaker)
    return actor.name if actor else None


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, words, expected", [
    # a title or role before a person's name is the name's role, not a separate actor
    ("According to Afghan Ambassador to the United States Hamdullah Mohib, the participation of this team "
     "in the competition shows progress in the country's response to two decades of war.", "progress",
     "Hamdullah Mohib"),
    # the parser splits "co-founder" from the name into several subjects: the nearest heads it
    ("Mohamed received support online.\n\nFacebook co-founder Mark Zuckerberg tweeted to Mohamed and "
     "said the boy was welcome to come and tour the company.", "the boy was welcome", "Mark Zuckerberg"),
    ("Google co-founder Sergey Brin said the plan was sound and would be adopted.", "the plan", "Sergey Brin"),
    ("Psychology major at University of Texas Arlington Amneh Jafari heard of the incident and said "
     "she wanted to issue her support.", "wanted to issue", "Amneh Jafari"),
])
def test_title_before_a_name_is_a_role(engine, text, words, expected):
    assert speaker_of(text, words, engine) == expected


@pytest.mark.parametrize("engine", ENGINES)
def test_a_spokesman_for_someone_is_not_that_person(engine):
    text = "A spokesman for John Smith said the claims were false and would be contested in court."
    assert speaker_of(text, "claims were false", engine) != "John Smith"


@pytest.mark.parametrize("engine", ENGINES)
def test_bracketed_acronym_is_not_part_of_the_name_and_speaks_for_it(engine):
    text = ("The World Health Organisation (WHO) recommends that every country should iodise all edible "
            "salt.\n\nWHO say iodine deficiency is the world's most prevalent cause of brain damage.")
    assert speaker_of(text, "every country", engine).removeprefix("The ") == "World Health Organisation"
    assert speaker_of(text, "iodine deficiency", engine).removeprefix("The ") == "World Health Organisation"


@pytest.mark.parametrize("engine", ENGINES)
def test_surname_is_the_full_names_actor(engine):
    text = ("Steve Whitmore is a representative for the LA Sheriff's office. According to Whitmore, "
            "Montalvo left his job in September. Whitmore said the alleged crime involved five hard drives.")
    analysis = sayso.extract(text, engine=engine)
    assert [a.name for a in analysis.actors if "Whitmore" in a.name or "Whitmore" in a.aliases] == ["Steve Whitmore"]
    assert speaker_of(text, "five hard drives", engine) == "Steve Whitmore"
