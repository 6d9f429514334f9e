"""Relations between actors, with their claimant: one sentence per form."""
from __future__ import annotations

import pytest

import sayso


def _relations(text):
    analysis = sayso.extract(text)
    name = lambda actor_id: None if actor_id is None else analysis.actor(actor_id).name  # noqa: E731
    return analysis, {(name(r.subject), r.predicate, name(r.object)): r for r in analysis.relations}, name


# (form, text, subject, predicate, object)
RELATION_FORMS = [
    ("verbal", "Tehran arms the Houthi rebels in Yemen.", "Tehran", "arms", "Houthi"),
    ("coordinated verbs share subject and object (first)", "Iran funds and trains the militias.",
     "Iran", "funds", "the militias"),
    ("coordinated verbs share subject and object (second)", "Iran funds and trains the militias.",
     "Iran", "trains", "the militias"),
    ("passive with agent", "Qasem Soleimani was assassinated by the Americans.",
     "Americans", "kills", "Qasem Soleimani"),
    ("participle with a dangling agent", "The attack was carried out by militants funded by, and trained by Iran.",
     "Iran", "funds", "militants"),
    ("compound adjective", "The Iran-backed Fatah coalition won the vote.", "Iran", "backs", "Fatah"),
    ("nominal: close ties with", "Ghaith Al-Tamimi has close ties with the IRGC.",
     "Ghaith Al-Tamimi", "ties_with", "IRGC"),
    ("adjectival: loyal to", "Hezbollah is loyal to Tehran.", "Hezbollah", "loyal_to", "Tehran"),
    ("appositive membership", "Its leader, Hassan Nasrallah, is a member of the Shura Council.",
     "Hassan Nasrallah", "member_of", "Shura Council"),
    ("relative clause subject", "Tamimi, who has close ties with the IRGC, denied the report.",
     "Tamimi", "ties_with", "IRGC"),
]


@pytest.mark.parametrize("form,text,subject,predicate,obj", RELATION_FORMS, ids=[r[0] for r in RELATION_FORMS])
def test_relation_form(form, text, subject, predicate, obj):
    analysis, found, _ = _relations(text)
    keys = [k for k in found if k[1] == predicate and subject in (k[0] or "") and obj in (k[2] or "")]
    assert keys, list(found)
    relation = found[keys[0]]
    assert analysis.text[relation.start : relation.end] == relation.text
    assert relation.claimant is None


def test_pronoun_object_resolved_and_not_bound_to_its_subject():
    text = "Israel has warned the IRGC for months. On Tuesday the IRGC targeted it with missiles."
    _, found, _ = _relations(text)
    assert ("IRGC", "targets", "Israel") in found


def test_relation_inside_a_quote_is_claimed_by_the_speaker_with_its_certainty():
    analysis, found, name = _relations("Omar Haddad said that Iran might be funding the militias.")
    relation = found[("Iran", "funds", "the militias")]
    assert name(relation.claimant) == "Omar Haddad"
    assert relation.certainty == "hedged"


def test_denied_relation_is_negative():
    _, found, name = _relations("The ministry denied that Iran funds the militias.")
    relation = found[("Iran", "funds", "the militias")]
    assert relation.polarity == "negative" and relation.certainty == "doubted"
    assert name(relation.claimant) == "The ministry"


def test_relations_need_two_actors():
    _, found, _ = _relations("Ghaith Al-Tamimi leads Friday prayers in Nasiriyah.")
    assert not [k for k in found if k[1] == "leads"]
