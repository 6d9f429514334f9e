"""spaCy integration: ``nlp.add_pipe("sayso")`` puts sayso's findings on ``doc._``."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .analysis import analyze_doc

for _name in ("sayso", "actors", "quotes"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class SaysoComponent:
    """Runs sayso's rules on each parsed doc; ``doc._.actors``/``doc._.quotes`` hold the records."""

    def __call__(self, doc: Doc) -> Doc:
        analysis = analyze_doc(doc)
        doc._.sayso = analysis
        doc._.actors = list(analysis.actors)
        doc._.quotes = list(analysis.quotes)
        return doc


@Language.factory(
    "sayso",
    requires=["token.dep", "token.lemma", "doc.ents", "doc.sents"],
    assigns=["doc._.sayso", "doc._.actors", "doc._.quotes"],
)
def make_sayso(nlp: Language, name: str) -> SaysoComponent:
    return SaysoComponent()
