"""Re-analysis keeps the stored id of every quote it finds again: users cite quote ids."""
from __future__ import annotations

from .conftest import A3, build
from .test_reanalyse import assert_consistent, revised


def ids(store, article_id: int) -> dict[tuple[int, int], int]:
    return {(s, e): i for i, s, e in store.conn.execute(
        "SELECT id, start_char, end_char FROM quotes WHERE article_id = ?", (article_id,))}


def test_quotes_found_again_keep_their_ids_and_new_ones_take_unused_ids(store):
    before = {n: ids(store, n) for n in (1, 2, 3)}
    assert store.replace_analysis(1, revised()[1]) is True  # drops the second of three quotes
    after = ids(store, 1)
    assert len(after) == 2 and all(before[1][span] == quote_id for span, quote_id in after.items())
    assert after[max(after)] == max(before[1].values())  # the third quote keeps its id, not the second's
    newest = max(i for n in (1, 2, 3) for i in before[n].values())
    changed = build(A3, {"a1": {"name": "Helen Brannigan", "type": "PERSON", "mentions": ["Helen Brannigan"]}},
                    [{"kind": "indirect", "text": "donations had doubled", "speaker": "a1", "by": "Helen Brannigan",
                      "cue": "said"}])
    assert store.replace_analysis(3, changed) is True
    (new_id,) = ids(store, 3).values()
    assert new_id > newest  # not the id of the quote it replaced, which someone may have cited
    assert ids(store, 2) == before[2]
    assert_consistent(store)
