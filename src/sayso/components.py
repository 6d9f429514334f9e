"""spaCy integration: ``nlp.add_pipe("sayso")`` puts sayso's findings on ``doc._``.

The component runs the same engine as ``sayso.extract`` (``config={"engine": ...}``: rules,
trained, hybrid or auto; default: the ``engine`` setting), so both give the same analysis of a
text parsed by the same pipeline.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .engines import analyze, engine_name

for _name in ("sayso", "actors", "quotes"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class SaysoComponent:
    """Runs a sayso engine on each parsed doc; ``doc._.sayso`` holds the :class:`Analysis`,
    ``doc._.actors``/``doc._.quotes`` its records."""

    def __init__(self, engine: str | None = None) -> None:
        self.engine = engine_name(engine)  # checked now: an unknown engine fails at add_pipe

    def __call__(self, doc: Doc) -> Doc:
        analysis = analyze(doc, self.engine)
        doc._.sayso = analysis
        doc._.actors = list(analysis.actors)
        doc._.quotes = list(analysis.quotes)
        return doc


@Language.factory(
    "sayso",
    default_config={"engine": None},
    requires=["token.dep", "token.lemma", "doc.ents", "doc.sents"],
    assigns=["doc._.sayso", "doc._.actors", "doc._.quotes"],
)
def make_sayso(nlp: Language, name: str, engine: str | None) -> SaysoComponent:
    return SaysoComponent(engine)
