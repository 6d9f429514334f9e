"""Query functions behind sayso quotes / actors / actor / show, on known hand-made articles."""
from __future__ import annotations

import pytest

from sayso.errors import StoreError
from sayso.ingest import Record
from sayso.store import QuoteFilter, queries
from sayso.types import StatementType

from .conftest import build


def texts(store, **filters) -> list[str]:
    return [q.text for q in queries.quotes(store, QuoteFilter(**filters))]


@pytest.mark.parametrize("filters, expected", [
    ({"speaker": "Brannigan"}, {"We will not raise taxes", "Tomas Whitaker was wrong", "that donations had doubled"}),
    ({"speaker": "Helen Brannigan"}, {"We will not raise taxes", "Tomas Whitaker was wrong", "that donations had doubled"}),
    ({"speaker": "mayor helen brannigan"}, {"We will not raise taxes", "Tomas Whitaker was wrong"}),  # an alias
    ({"speaker": "Whit"}, set()),  # whole words only
    ({"speaker": "whitaker"}, {"Brannigan’s numbers did not add up", "Iran funds the militias"}),
    ({"about": "Whitaker"}, {"Tomas Whitaker was wrong"}),
    ({"about": "Brannigan"}, {"Brannigan’s numbers did not add up"}),
    ({"about": "Iran"}, {"Iran funds the militias"}),
    ({"kind": "according_to"}, {"Iran funds the militias"}),
    ({"certainty": "HEDGED"}, {"the plan might fail"}),
    ({"polarity": "negative"}, {"We will not raise taxes", "Brannigan’s numbers did not add up"}),
    ({"outlet": "herald"}, {"Brannigan’s numbers did not add up", "Iran funds the militias"}),
    ({"since": "2024-04-01"}, {"Brannigan’s numbers did not add up", "Iran funds the militias"}),
    ({"until": "2024-04-02"}, {"We will not raise taxes", "Tomas Whitaker was wrong", "the plan might fail",
                               "Brannigan’s numbers did not add up", "Iran funds the militias"}),
    ({"until": "2024-04-01"}, {"We will not raise taxes", "Tomas Whitaker was wrong", "the plan might fail"}),
    ({"search": "taxes"}, {"We will not raise taxes"}),
    ({"search": '"numbers did not"'}, {"Brannigan’s numbers did not add up"}),
    ({"search": "plan AND fail*"}, {"the plan might fail"}),  # FTS5 syntax works
    ({"search": "might ("}, {"the plan might fail"}),  # and what is not FTS5 syntax is read as words
    ({"speaker": "Whitaker", "kind": "indirect"}, {"Brannigan’s numbers did not add up"}),
    ({"type": "writing"}, {"that donations had doubled"}),
    ({"type": ("writing", "UNSPECIFIED")}, {"that donations had doubled", "Iran funds the militias"}),
    ({"type": ["belief", "intention"]}, set()),
    ({"type": "speech", "speaker": "whitaker"}, {"Brannigan’s numbers did not add up"}),
])
def test_quote_filters(store, filters, expected):
    assert set(texts(store, **filters)) == expected


def test_quotes_are_newest_first_with_metadata_and_limit(store):
    rows = list(queries.quotes(store))
    assert [r.published for r in rows][:2] == ["2024-04-02T10:00:00"] * 2 and rows[-1].published is None
    first = rows[0]
    assert (first.speaker, first.outlet, first.title, first.url) == (
        "Tomas Whitaker", "Riverside Herald", "Numbers", "https://herald.example/2")
    assert len(list(queries.quotes(store, QuoteFilter(limit=2)))) == 2
    told = next(r for r in rows if r.text == "We will not raise taxes")
    assert (told.medium, told.cue, told.speaker_as) == ("The Riverside Herald", "told", "Mayor Helen Brannigan")


def test_quote_rows_and_facets_carry_the_statement_type(store):
    types = {q.text: q.type for q in queries.quotes(store)}
    assert types["that donations had doubled"] == StatementType.WRITING
    assert types["We will not raise taxes"] == "speech"
    assert queries.quotes(store).__next__().to_dict()["type"] in {t.value for t in StatementType}
    facets = {f["value"]: f["count"] for f in queries.quote_facets(store)["type"]}
    assert facets == {"speech": 4, "writing": 1, "unspecified": 1}
    narrowed = queries.quote_facets(store, QuoteFilter(type=("writing", "unspecified")))
    assert {f["value"]: f["count"] for f in narrowed["type"]} == {"writing": 1, "unspecified": 1}
    unspecified = QuoteFilter(type="unspecified")
    rows = list(queries.quotes(store, unspecified, offset=0, limit=50))
    assert queries.count_quotes(store, unspecified) == 1 and [r.text for r in rows] == ["Iran funds the militias"]


def test_an_unknown_statement_type_is_a_clear_error():
    with pytest.raises(StoreError, match="'gossip' is not a statement type; use one or several of speech, writing"):
        QuoteFilter(type=("speech", "gossip"))


TALK = "The troops have been accused of hurting civilians. “It is over,” he said. Nobody knows, Ana said."


def test_quotes_without_any_source_are_left_out_unless_asked_for(store):
    """A statement with neither a speaker nor a source in the text is nobody's quote: the lists
    leave it out by default; one whose source is named but not resolved ("he") stays."""
    analysis = build(TALK, {"a1": {"name": "Ana", "type": "PERSON", "mentions": ["Ana"]}}, [
        {"kind": "indirect", "text": "hurting civilians", "cue": "accused"},
        {"kind": "direct", "text": "It is over", "by": "he", "cue": ("said", 0)},
        {"kind": "indirect", "text": "Nobody knows", "speaker": "a1", "by": "Ana", "cue": ("said", 1)},
    ])
    article = store.add(Record(key="talk.txt", text=TALK, source="talk.txt"), analysis)
    shown = texts(store, article=article)
    assert shown == ["It is over", "Nobody knows"]
    assert texts(store, article=article, attributed=False) == ["hurting civilians", "It is over", "Nobody knows"]
    assert queries.count_quotes(store, QuoteFilter(article=article)) == 2
    assert queries.count_quotes(store, QuoteFilter(article=article, attributed=False)) == 3
    assert sum(f["count"] for f in queries.quote_facets(store, QuoteFilter(article=article))["kind"]) == 2


def test_actors_ranked_and_filtered(store):
    names = [a.name for a in queries.actors(store)]
    assert names[:2] == ["Helen Brannigan", "Tomas Whitaker"]  # 2 quotes each, Brannigan first by name
    assert "a senior official" not in names
    assert "a senior official" in [a.name for a in queries.actors(store, unnamed=True)]
    assert [a.name for a in queries.actors(store, type="media")] == ["The Riverside Herald"]
    assert len(list(queries.actors(store, limit=1))) == 1


def test_find_actor_by_name_alias_id_and_ambiguity(store):
    assert queries.find_actor(store, "whitaker").name == "Tomas Whitaker"
    assert queries.find_actor(store, "Riverside Herald").type == "MEDIA"
    person = queries.find_actor(store, "Mayor Helen Brannigan")  # an alias
    assert person.type == "PERSON"
    assert queries.find_actor(store, f"#{person.id}").name == "Helen Brannigan"
    # "Helen Brannigan" is a PERSON (2 quotes, 2 articles) and an ORG (1, 1): the person dominates
    assert queries.find_actor(store, "Helen Brannigan").type == "PERSON"
    with pytest.raises(StoreError, match="matches 2 actors"):  # unnamed, one per article
        queries.find_actor(store, "a senior official")
    with pytest.raises(StoreError, match="no actor named"):
        queries.find_actor(store, "Nobody")


def test_actor_profile(store):
    whitaker = queries.find_actor(store, "Tomas Whitaker")
    profile = queries.actor_profile(store, whitaker)
    assert profile.quotes_by_total == 2 and profile.quotes_about_total == 1
    assert [q.text for q in profile.quotes_about] == ["Tomas Whitaker was wrong"]
    assert dict(profile.aliases) == {"Tomas Whitaker": 2, "Whitaker": 1}
    ties = {(t.source, t.kind, t.target) for t in profile.ties}
    assert ("Tomas Whitaker", "speaks_about", "Helen Brannigan") in ties
    assert ("Helen Brannigan", "speaks_about", "Tomas Whitaker") in ties
    assert ("Tomas Whitaker", "speaks_about", "Iran") in ties
    assert "Helen Brannigan" in [a.name for a, _ in profile.co_mentioned]
    data = profile.to_dict()
    assert data["actor"]["name"] == "Tomas Whitaker" and data["quotes_by_total"] == 2


def test_relations_and_media_are_ties(store):
    ties = {(t.source, t.kind, t.target) for t in queries.ties(store, unnamed=True)}
    assert ("Iran", "funds", "the militias") in ties
    assert ("Helen Brannigan", "told", "The Riverside Herald") in ties
    named = {(t.source, t.kind, t.target) for t in queries.ties(store)}
    assert ("Iran", "funds", "the militias") not in named  # the militias are unnamed


def test_find_article_by_id_url_or_path(store):
    assert queries.find_article(store, "2").title == "Numbers"
    assert queries.find_article(store, "HTTPS://herald.example/2?utm_medium=email").id == 2
    assert queries.find_article(store, "three.txt").id == 3
    with pytest.raises(StoreError, match="no article"):
        queries.find_article(store, "https://nowhere.example/")


def test_article_view_marks_quotes(store):
    from sayso.views import article_view

    row = queries.find_article(store, "1")
    plain = article_view(row, store.analysis(1), color=False)
    assert "\n\n“[q1 We will not raise taxes],” Mayor" in plain and "q3 indirect" in plain
    colored = article_view(row, store.analysis(1), color=True)
    assert "\x1b[" in colored and "We will not raise taxes" in colored
