"""The one query API: a listing's pages (offset/limit) are slices of the whole listing, and
its count is the total those pages are part of, for quotes, actors, articles and relations."""
from __future__ import annotations

import pytest

from sayso.records import Record
from sayso.store import ArticleFilter, QuoteFilter, queries

from .conftest import build


def _pages(listing, size: int) -> list:
    """Every row of ``listing(offset=…, limit=size)``, page after page."""
    rows, offset = [], 0
    while page := list(listing(offset=offset, limit=size)):
        rows += page
        offset += size
    return rows


@pytest.mark.parametrize("flt", [QuoteFilter(), QuoteFilter(attributed=False), QuoteFilter(outlet="herald"),
                                 QuoteFilter(speaker="Brannigan")])
def test_quote_pages_are_slices_of_the_listing(store, flt):
    whole = list(queries.quotes(store, flt))
    assert whole and _pages(lambda **page: queries.quotes(store, flt, **page), 2) == whole
    assert queries.count_quotes(store, flt) == len(whole)
    assert list(queries.quotes(store, flt, offset=1, limit=1)) == whole[1:2]


def test_a_quote_filters_limit_is_the_default_page_size(store):
    every = list(queries.quotes(store, QuoteFilter(attributed=False)))
    capped = QuoteFilter(attributed=False, limit=2)
    assert list(queries.quotes(store, capped)) == every[:2]
    assert list(queries.quotes(store, capped, limit=3)) == every[:3]  # an explicit page wins
    assert queries.count_quotes(store, capped) == len(every)  # the total ignores the cap


@pytest.mark.parametrize("which", [{}, {"unnamed": True}, {"type": "person"}, {"name": "brannigan"}])
def test_actor_pages_are_slices_of_the_listing(store, which):
    whole = list(queries.actors(store, **which))
    assert whole and _pages(lambda **page: queries.actors(store, **which, **page), 2) == whole
    assert queries.count_actors(store, **which) == len(whole)


def test_articles_in_stored_order_or_newest_first(store):
    stored = list(queries.articles(store))
    assert [a.id for a in stored] == sorted(a.id for a in stored)
    newest = list(queries.articles(store, newest_first=True))
    dated = [a.published for a in newest if a.published]
    assert dated == sorted(dated, reverse=True) and {a.id for a in newest} == {a.id for a in stored}
    assert _pages(lambda **page: queries.articles(store, newest_first=True, **page), 2) == newest
    assert queries.count_articles(store) == len(stored)


def test_article_search_is_the_same_for_the_listing_and_its_count(store):
    found = list(queries.articles(store, search="Brannigan"))
    assert found and queries.count_articles(store, search="Brannigan") == len(found)
    assert queries.count_articles(store, ArticleFilter(outlet="no such outlet"), search="Brannigan") == 0


def test_relation_pages_are_slices_of_the_listing(store):
    whole = list(queries.relations(store))
    assert whole and _pages(lambda **page: queries.relations(store, **page), 1) == whole
    assert queries.count_relations(store) == len(whole)
    subject = whole[0].subject_id
    mine = list(queries.relations(store, actor_id=subject))
    assert mine and queries.count_relations(store, actor_id=subject) == len(mine)


def test_the_selection_of_a_reanalysis(store):
    ids = queries.article_ids(store)
    assert ids == sorted(ids) and len(ids) == queries.count_articles(store)
    assert queries.article_ids(store, ids=[ids[-1], ids[0]]) == [ids[0], ids[-1]]
    assert queries.article_ids(store, limit=1) == ids[:1]
    assert queries.missing_articles(store, [ids[0], 999, 998]) == [998, 999]
    assert queries.article_text(store, ids[0]) == store.analysis(ids[0]).text
    assert queries.article_text(store, 999) is None


def test_rows_by_id_for_claims(store):
    first = queries.article_ids(store)[0]
    mentions = queries.mentions_by_article(store, {first})[first]
    assert mentions == sorted(mentions) and mentions
    text = queries.article_texts(store, {first})[first]
    names = queries.actor_names(store, {actor for _, _, actor in mentions})
    assert all(text[start:end] for start, end, _ in mentions) and set(names) == {a for _, _, a in mentions}
    assert {url for url, _, _ in queries.quote_spans_by_url(store)} >= {a.url for a in queries.articles(store)
                                                                      if a.quotes}


def test_the_quotes_version_changes_when_quotes_do(store):
    every = list(queries.quotes(store, QuoteFilter(attributed=False)))
    before = queries.quotes_version(store)
    assert before == (len(every), max(q.id for q in every))
    text = "“Rates will rise,” Ana Ruiz said."
    analysis = build(text, {"a1": {"name": "Ana Ruiz", "type": "PERSON", "mentions": ["Ana Ruiz"]}},
                     [{"kind": "direct", "text": "Rates will rise", "speaker": "a1", "by": "Ana Ruiz", "cue": "said"}])
    store.add(Record(key="rates.txt", text=text), analysis)
    assert queries.quotes_version(store) == (before[0] + 1, before[1] + 1)
