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
    ("appositive head of, the group inside the description", "Marta Quell, head of the Brisk harbour workers' union, "
     "condemned the plan.", "Marta Quell", "leads", "Brisk"),
    ("possessive role: chief executive", "The agency's chief executive, Anton Reyes, resigned on Monday.",
     "Anton Reyes", "leads", "agency"),
    ("possessive role after the name", "Anton Reyes, the agency's chief executive, resigned.",
     "Anton Reyes", "leads", "agency"),
    ("possessive role: president", "Ostland's president, Henrik Alm, flew to Vienna.", "Henrik Alm", "leads",
     "Ostland"),
    ("pre-nominal title", "Ravel Front commander Samir Okafor was killed in the strike.", "Samir Okafor", "leads",
     "Ravel Front"),
    ("pre-nominal title with an organisation noun", "Dock union leader Emil Roth called a strike.", "Emil Roth",
     "leads", "union"),
    ("passive headed by", "The northern chapter is headed by Tomas Berg.", "Tomas Berg", "leads", "chapter"),
    ("participle commanded by", "The garrison, commanded by Lena Ford, surrendered.", "Lena Ford", "leads", "garrison"),
    ("passive chaired by", "The finance committee is chaired by Clara Weiss.", "Clara Weiss", "leads", "committee"),
    ("passive allied with", "The Norland Republic is allied with Ostland.", "Norland Republic", "allied_with",
     "Ostland"),
    ("passive linked to", "The Kaska Brotherhood has been linked to the Morra crime family.", "Kaska Brotherhood",
     "ties_with", "Morra crime family"),
    ("possessive links with", "Investigators described the ring's links with border officials.", "ring",
     "ties_with", "border officials"),
    ("appositive 'an X proxy'", "The Black Lantern, an Ostland proxy, claimed the attack.", "Black Lantern", "proxy_of",
     "Ostland"),
    ("coordinated agents (first)", "The mayor was endorsed by the Civic Union and the Farmers Party.",
     "Civic Union", "backs", "mayor"),
    ("coordinated agents (second)", "The mayor was endorsed by the Civic Union and the Farmers Party.",
     "Farmers Party", "backs", "mayor"),
    ("coordinated objects", "Meridia equipped the Ostland navy and Montavia with patrol boats.", "Meridia", "arms",
     "Montavia"),
    ("passive with a plain-noun agent", "Two rangers were killed by poachers on Sunday.", "poachers", "kills",
     "rangers"),
    ("passive charge with agent", "Greta Holm was charged by prosecutors on Monday.", "prosecutors", "accuses",
     "Greta Holm"),
    ("coordinated 'by' phrases", "Peder Solberg was endorsed by the Harbor Party and by Tobias Lund.", "Tobias Lund",
     "backs", "Peder Solberg"),
    ("raising verb over a passive", "The Korrin Brotherhood is believed to be linked to the Mirov crime family.",
     "Korrin Brotherhood", "ties_with", "Mirov"),
    ("possessive pronoun owner", "Norrow Corp posted record profits. Its chief executive, Anton Reyes, resigned.",
     "Anton Reyes", "leads", "Norrow Corp"),
    ("possessive 'their' owner", "Activists accused the council of lying. Their leader, Sofie Marsh, was arrested.",
     "Sofie Marsh", "leads", "Activists"),
    ("named place after 'the town of'", "The Ostland army shelled the town of Dunmore.", "Ostland", "attacks",
     "Dunmore"),
]

# (form, text, predicate): near misses that must give no such relation.
NO_RELATION = [
    ("a kind of commander, not a group", "Rebel commander Yusa Dane was captured.", "leads"),
    ("an executive is not a chief executive", "Tamsin Ode, a Google executive, resigned.", "leads"),
    ("a deputy does not lead", "Miriam Olde, the Kessport Chronicle's deputy director, called the report false.",
     "leads"),
    ("a vice-president does not lead", "Tom Hale, vice president of the Kessport Chronicle, said it was true.",
     "leads"),
    ("a title under a deputy before the name", "Kessport Chronicle deputy leader Ann Lee said nothing.", "leads"),
    ("a former chairman no longer leads", "Bravia Bank's former chairman Ole Dahl spoke.", "leads"),
    ("the head of a desk does not lead the paper", "Sara Berg, the Kessport Chronicle's head of sport, said "
     "nothing new.", "leads"),
    ("a conjunct with its own title does not share the first's", "Union leader Emil Roth and Bravia Bank's "
     "former chairman Ole Dahl spoke.", "leads:Ole Dahl"),
    ("a raid on a building, not on the group", "Police raided the offices of the rowing federation on Tuesday.",
     "attacks"),
    ("attacks on a non-actor", "Rebels have stepped up attacks on the economy.", "attacks"),
    ("the verb's object is not an actor", "Marta Quell condemned the plan.", "opposes"),
    ("'their' with no group before it", "Activists marched on Friday. Their leader, Sofie Marsh, was arrested.",
     "leads"),
    ("the one who links is not a party to the ties", "Police have linked the Korrin gang to the Mirov family.",
     "ties_with:Police"),
    ("a title with no name", "Norland's army chief said the troops were ready.", "leads"),
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


@pytest.mark.parametrize("form,text,predicate", NO_RELATION, ids=[r[0] for r in NO_RELATION])
def test_no_relation(form, text, predicate):
    _, found, _ = _relations(text)
    predicate, _, subject = predicate.partition(":")
    assert not [k for k in found if k[1] == predicate and subject in (k[0] or "")], list(found)


def test_denied_gerund_is_negative_and_claimed_by_the_denier():
    _, found, name = _relations("Senator Dan Roe denied funding the Red Banner militia.")
    relation = found[("Dan Roe", "funds", "Red Banner militia")]
    assert relation.polarity == "negative" and relation.certainty == "doubted"
    assert name(relation.claimant) == "Dan Roe"


def test_admitted_gerund_is_positive_and_claimed_by_the_one_who_admits_it():
    _, found, name = _relations("Lindqvist Foods denied targeting children but admitted hiring temporary workers.")
    hired = found[("Lindqvist Foods", "employs", "temporary workers")]
    assert hired.polarity == "positive" and name(hired.claimant) == "Lindqvist Foods"
    targeted = found[("Lindqvist Foods", "targets", "children")]
    assert targeted.polarity == "negative" and name(targeted.claimant) == "Lindqvist Foods"


def test_not_denied_gerund_stays_positive():
    _, found, _ = _relations("Senator Dan Roe did not deny funding the militia.")
    assert found[("Dan Roe", "funds", "the militia")].polarity == "positive"


def test_accusation_gerund_is_claimed_by_the_accuser():
    _, found, name = _relations("Valdonia accused Bravia of funding the insurgents.")
    assert ("Valdonia", "accuses", "Bravia") in found
    funds = found[("Bravia", "funds", "the insurgents")]
    assert name(funds.claimant) == "Valdonia" and funds.polarity == "positive"


def test_passive_accusation_gerund_is_claimed_by_the_agent():
    _, found, name = _relations("Bravia was accused by Valdonia of arming the rebels.")
    assert name(found[("Bravia", "arms", "the rebels")].claimant) == "Valdonia"


def test_active_link_is_claimed_by_its_subject():
    _, found, name = _relations("Police have linked the Korrin gang to the Mirov family.")
    ties = [r for k, r in found.items() if k[1] == "ties_with"]
    assert len(ties) == 1 and name(ties[0].claimant) == "Police"


def test_title_inside_a_quote_is_not_the_speakers_claim():
    _, found, name = _relations("The ministry said Ravel Front commander Samir Okafor had been killed.")
    assert found[("Samir Okafor", "leads", "Ravel Front")].claimant is None


def test_role_stated_inside_a_quote_is_the_speakers_claim():
    _, found, name = _relations("The ministry said Samir Okafor was the commander of the Ravel Front.")
    assert name(found[("Samir Okafor", "leads", "Ravel Front")].claimant) == "The ministry"


def test_label_in_an_appositive_keeps_its_speaker():
    _, found, name = _relations("Valdonia said the Black Lantern, an Ostland proxy, attacked the depot.")
    assert name(found[("Black Lantern", "proxy_of", "Ostland")].claimant) == "Valdonia"


def test_an_article_whose_relation_names_an_empty_phrase_is_still_read():
    # (a Wikinews report of 2014, CC BY 2.5): a relation's side once came out as an empty phrase,
    # and the whole article failed
    text = ("Director-General of WHO Dr Margaret Chan appealed for an international response to the outbreak, "
            "calling it \"the largest, most severe and most complex outbreak in the nearly four-decade history of this "
            "disease\". Reports say the comparatively underdeveloped medical infrastructure in the affected countries "
            "has hampered efforts to contain the spread of the virus, with Liberia's health system particularly "
            "under-equipped for the pressure. Medecins sans Frontieres (MSF) said the health system in Liberia was "
            "\"falling apart\".")
    assert sayso.extract(text, engine="rules").quotes
