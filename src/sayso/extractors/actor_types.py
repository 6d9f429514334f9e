"""One type per actor: the NER's labels by mention, voted and corrected by what the article
says of the actor (pronouns, "said", roles, outlet and organisation names, place mentions)."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan

from ..types import ActorType
from . import lexicons
from .names import name_words

if TYPE_CHECKING:
    from .actors import Cluster

#: A name said to speak that the NER calls a place is a person's up to this many words, an
#: organisation's beyond ("Tamimi said", "Kataib Sayyid al-Shuhada Brigades said").
_PERSON_NAME_WORDS = 3
#: Role words looked at for a newsroom job: its head comes early ("editor of the …").
_ROLE_WORDS = 6
#: Prepositions after a role's head noun ("governor of Virginia", "spokesman for the UN").
_ROLE_PREPOSITIONS = frozenset({"of", "for", "at", "from", "in", "to", "with", "on"})
#: The NER labels that make actors, and the actor type each gives.
NER_TYPES = {
    "PERSON": ActorType.PERSON,
    "ORG": ActorType.ORG,
    "GPE": ActorType.GPE,
    "LOC": ActorType.LOC,
    "NORP": ActorType.NORP,
    "FAC": ActorType.LOC,
}


def vote(cluster: Cluster) -> ActorType:
    """One type per actor: NER labels by mention, corrected by what the text says of it."""
    if not cluster.labels:
        return ActorType.PERSON
    votes = Counter({label: float(n) for label, n in cluster.labels.items()})
    top = votes.most_common(1)[0][0]
    if cluster.pronouns["he"] + cluster.pronouns["she"] > 0:
        votes["PERSON"] += 2
    if top in {"ORG", "NORP"} and _given_name(cluster) \
            or top in {"GPE", "LOC"} and _given_name(cluster) and lexicons.table("given_names").get(cluster.words[0]) in {"m", "f"}:
        # "Brock Holt" typed as an organisation, "Ksenia Sobchak" as a place: a given name and a
        # surname are a person's (for a place, a given name that says whose: not "Santa Cruz Lectures")
        votes["PERSON"] += 2
    if top in {"ORG", "NORP"} and _titled_name(cluster):
        # "Morgan Tsvangirai, the opposition leader" typed as an organisation: what the article
        # calls the name outweighs the NER
        votes["PERSON"] += votes[top] + 1
    if top in {"PERSON", "ORG", "NORP"} and place_name(cluster.words) and not _titled_name(cluster) \
            and not any(role.split()[-1] in lexicons.person_words() for role in cluster.roles):
        # "Lesotho", which the small English NER reads as a person's or an organisation's name
        # more often than not: a country the places list knows is a place
        votes["GPE"] += votes[top] + 1
    if cluster.speaker and top in {"GPE", "LOC"} and " ".join(cluster.words) not in lexicons.places():
        # "Tamimi said": a name followed by "said" is a person or organisation, not a place.
        votes["PERSON" if len(cluster.words) <= _PERSON_NAME_WORDS else "ORG"] += votes[top] + 1
    top = votes.most_common(1)[0][0]
    if top in {"PERSON", "GPE", "LOC", "NORP"} and cluster.named and not cluster.pronouns["he"] + cluster.pronouns["she"] \
            and organisation_name(cluster.words):
        # "Kataib al-Wafa", "Jaysh al-Rashidin": unfamiliar names the NER calls people or places.
        votes["ORG"] += votes[top] + 1
        top = "ORG"
    if top in {"ORG", "PERSON"} and cluster.named and not cluster.speaker and not cluster.roles \
            and not cluster.pronouns["he"] + cluster.pronouns["she"] and cluster.mentions \
            and cluster.locations == len(cluster.mentions) and not organisation_name(cluster.words):
        # "outside Al-Qaim", "in Baghdad and Erbil": a name only ever met as a location.
        return ActorType.GPE
    if top in {"ORG", "PERSON", "GPE"} and is_media(cluster):
        return ActorType.MEDIA
    if top == "GROUP":
        return ActorType.GROUP
    return NER_TYPES.get(top, ActorType.PERSON) if top != "MEDIA" else ActorType.MEDIA




#: Words of a state's formal name before the place it is ("the Kingdom of Lesotho").
_STATE_WORDS = frozenset({"kingdom", "republic", "state", "of", "federal", "democratic", "people's", "islamic",
                          "united", "commonwealth", "the", "principality", "sultanate", "emirate"})


def place_name(words: tuple[str, ...]) -> bool:
    """Whether name words are a place the places list knows, alone or in a state's formal name
    ("lesotho", "kingdom of lesotho")."""
    return any(" ".join(words[k:]) in lexicons.places() and all(w in _STATE_WORDS for w in words[:k])
               for k in range(len(words)))


def names_location(span: SpacySpan) -> bool:
    """A mention that names a location: the object of "near", "outside"…, or the conjunct of a
    place after "in"/"near"… ("in Baghdad and Erbil")."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in lexicons.load("place_prepositions"):
        return True
    if root.dep_ == "conj" and root.head.dep_ == "pobj" and root.head.ent_type_ in {"GPE", "LOC"} \
            and root.head.head.lower_ in lexicons.load("place_prepositions") | {"in", "from", "to", "between", "across"} \
            and not any(c.dep_ == "prep" for c in root.children):  # not "… and Philando Castile in Minnesota"
        return True
    return False


def _given_name(cluster: Cluster) -> bool:
    """A name of two or three words that starts with a given name and ends as no organisation,
    outlet or company does."""
    words = cluster.words
    return cluster.named and 2 <= len(words) <= _PERSON_NAME_WORDS and words[0] in lexicons.table("given_names") \
        and not organisation_name(words) and words[-1] not in lexicons.org_nouns() \
        and words[-1] not in lexicons.media_words() and " ".join(words) not in lexicons.media_outlets()


def _titled_name(cluster: Cluster) -> bool:
    """A name of two or three words, none an organisation's, that the article gives a role
    headed by a word for a person ("leader", "presidential candidate", "regional lawmaker")."""
    words = cluster.words
    if not (cluster.named and 2 <= len(words) <= _PERSON_NAME_WORDS) or organisation_name(words) \
            or any(w in lexicons.org_nouns() or w in lexicons.media_words() for w in words) \
            or " ".join(words) in lexicons.media_outlets() or " ".join(words) in lexicons.places():
        return False
    return any(heads and heads[-1] in lexicons.person_words()
               for heads in (role_head(role) for role in cluster.roles))


def role_head(role: str) -> list[str]:
    """A role's words up to its head: "the governor of the state of Virginia" → the governor
    (the words before its first preposition)."""
    words = list(name_words(role))
    cut = next((k for k, w in enumerate(words) if k and w in _ROLE_PREPOSITIONS), len(words))
    return words[:cut]


def organisation_name(words: tuple[str, ...]) -> bool:
    """ "Kataib al-Wafa", "Rising Dawn Brigades", "Brandt Securities": an organisation's name by
    its first or last word."""
    return len(words) > 1 and (words[0] in lexicons.load("org_name_starts")
                               or words[-1] in lexicons.load("org_name_ends")
                               or words[-1] in lexicons.load("company_name_ends"))


def is_media(cluster: Cluster) -> bool:
    """An outlet: a known one, or a name or role made of newsroom words ("Levant Today")."""
    words = cluster.words
    if not words or not cluster.named:
        return False
    if " ".join(words) in lexicons.media_outlets() or any(a.lower() in lexicons.media_outlets() for a in cluster.acronyms):
        return True
    if cluster.pronouns["he"] + cluster.pronouns["she"] > 0:
        return False  # "Emily Post … she": a person
    if cluster.labels.get("PERSON", 0) > sum(cluster.labels.values()) / 2:
        # What the NER calls a person is an outlet only by a name no person has ("Levant Today");
        # a person with a newsroom role ("Alex Marlow, the editor") stays a person.
        return len(words) > 1 and words[-1] in lexicons.load("media_name_ends_strong")
    if any(w in lexicons.media_words() for w in words) or (len(words) > 1 and words[-1] in lexicons.media_name_ends()):
        return True
    return any(_media_role(name_words(role)[:_ROLE_WORDS]) for role in cluster.roles)


def _media_role(words: tuple[str, ...]) -> bool:
    """A role that makes an outlet: "news channel", "the daily"; "agency" and "network" only
    with a newsroom word ("news agency", not "United Nations health agency")."""
    found = set(words) & lexicons.media_roles()
    if not found:
        return False
    return bool(found - _AMBIGUOUS_MEDIA_ROLES) or bool(set(words) & _NEWSROOM)


#: Media roles that name other bodies too.
_AMBIGUOUS_MEDIA_ROLES = frozenset({"agency", "network"})
#: Words that make such a role an outlet's.
_NEWSROOM = frozenset({"news", "press", "wire", "radio", "television", "tv", "broadcasting", "media", "newswire"})
