"""spaCy integration: ``nlp.add_pipe("sayso")`` puts sayso's findings on ``doc._``.

The component runs the same engine as ``sayso.extract`` (``config={"engine": ...}``: rules,
trained, hybrid or auto; default: the ``engine`` setting; ``"attribution_model"``: the trained
tagger's folder) and reads the text the same way: a
text that needs normalising (CRLF, odd spaces, combining marks) is read normalised, through
the components before this one, and every offset is given in ``doc.text``. So both give the
same analysis of a text parsed by the same pipeline. ``config={"lang": "en"}`` sets the
language instead of identifying it. The ``"sayso"`` factory is registered by ``import sayso``,
which resolves the settings (:mod:`sayso`); this class takes values.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .language import check_lang, read_language
from .offsets import to_original
from .options import Options
from .pipeline import analyze_read, resolved, unread
from .text import normalized
from .types import Analysis

for _name in ("sayso", "actors", "quotes"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class SaysoComponent:
    """Runs a sayso engine on each parsed doc; ``doc._.sayso`` holds the :class:`Analysis`,
    ``doc._.actors``/``doc._.quotes`` its records."""

    def __init__(self, nlp: Language | None = None, name: str = "sayso", engine: str | None = None,
                 lang: str | None = None, options: Options | None = None) -> None:
        self.nlp, self.name = nlp, name
        self.options = resolved(options, engine=engine)  # checked now: an unknown engine fails at add_pipe
        self.engine = self.options.engine
        self.lang = None if lang is None else check_lang(lang)

    def __call__(self, doc: Doc) -> Doc:
        analysis = self.analyze(doc)
        doc._.sayso = analysis
        doc._.actors = list(analysis.actors)
        doc._.quotes = list(analysis.quotes)
        return doc

    def analyze(self, doc: Doc) -> Analysis:
        norm = normalized(doc.text)
        if not norm.text.strip():
            return Analysis(text=doc.text, lang=self.lang)
        reading = read_language(norm.text, self.lang)
        if not reading.readable:
            return unread(doc.text, reading)
        parsed = doc if norm.identity else self._parse(norm.text)
        return to_original(analyze_read(parsed, self.engine, reading, self.options.attribution_model), norm)

    def _parse(self, text: str) -> Doc:
        """``text`` through the components that run before this one."""
        if self.nlp is None:
            raise ValueError("this text needs normalising; create the component with nlp.add_pipe('sayso')")
        doc = self.nlp.make_doc(text)
        for name, component in self.nlp.pipeline:
            if name == self.name:
                break
            doc = component(doc)
        return doc
