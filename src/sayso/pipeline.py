"""The entry points of the library: one article in, an :class:`Analysis` out; many articles
streamed. Each takes its engine, models and limits as an :class:`~sayso.options.Options` value
(explicit arguments win over it) and reads no environment: ``sayso.extract`` and
``sayso.extract_many`` resolve the settings, then call these.

sayso reads a normalised copy of each text (see :func:`sayso.text.normalize`) and gives every
offset in the text as it was given: ``text[start:end]`` is each span's text.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from .analysis import READING
from .engines import analyze, engine_name
from .errors import SaysoError
from .language import Reading, check_lang, read_language
from .model.loader import load_tagger
from .nlp import load_pipeline, model_for, parse, parse_many
from .offsets import to_original
from .options import DEFAULTS, Options
from .text import Normalized, check_length, normalized as normalize_mapped
from .types import Analysis

log = logging.getLogger(__name__)


def resolved(options: Options | None, **given: str | None) -> Options:
    """``options`` (default: sayso's defaults) with the arguments given, the engine settled
    (``auto`` becomes the engine whose model is there): what one call passes down."""
    chosen = (options or DEFAULTS).given(**given)
    return chosen.given(engine=engine_name(chosen.engine, chosen.attribution_model))


def prepare(options: Options) -> None:
    """Load the spaCy pipeline and (for the trained and hybrid engines) the tagger now: a missing
    model is a configuration error before any article is read."""
    load_pipeline(options.model, max_chars=options.max_chars)
    if options.engine != "rules":
        load_tagger(options.attribution_model)


def extract(text: str, *, model: str | None = None, normalized: bool = False,
            engine: str | None = None, lang: str | None = None, attribution_model: str | None = None,
            options: Options | None = None) -> Analysis:
    """Actors and attributed quotes of one article, with offsets into ``text``.

    ``normalized=True`` says the text needs no normalising (it is read exactly as given).
    ``engine`` picks how quotes are found: "rules", "trained", "hybrid" or "auto"; ``model`` is
    the spaCy pipeline and ``attribution_model`` the trained tagger's folder (defaults: those of
    ``options``, else sayso's). ``lang`` (ISO 639-1) says which language the text is in; by default it
    is identified. English and French are read, each by its own pipeline; a text in another
    language gives a warning and no findings.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() takes a str, not {type(text).__name__}")
    chosen = resolved(options, model=model, engine=engine, attribution_model=attribution_model)
    check_length(text, limit=chosen.max_chars)
    norm = Normalized(text, text) if normalized else normalize_mapped(text)
    if chosen.engine != "rules":
        load_tagger(chosen.attribution_model)  # a missing model is a configuration error, even for an empty text
    if not norm.text.strip():
        return Analysis(text=text, lang=None if lang is None else check_lang(lang))
    reading = read_language(norm.text, lang)
    if not reading.readable:
        return unread(text, reading)
    _tag_ahead(norm.text, reading, chosen)
    doc = parse(norm.text, model_for(reading.lang, chosen))
    return to_original(analyze_read(doc, chosen.engine, reading, chosen.attribution_model), norm)


def _tag_ahead(text: str, reading: Reading, options: Options) -> None:
    """Let the tagger start on an English text that an engine with a tagger will read while
    spaCy parses it."""
    if reading.english and engine_name(options.engine, options.attribution_model) != "rules":
        load_tagger(options.attribution_model).prefetch(text)


def analyze_read(doc: Doc, engine: str, reading: Reading, attribution_model: str | None = None) -> Analysis:
    """The analysis of a parsed text whose language has been settled, with its language and
    what the user is told about it."""
    doc.user_data[READING] = reading
    try:
        found = analyze(doc, engine, attribution_model=attribution_model or None)
    finally:
        del doc.user_data[READING]  # not a value Doc.to_bytes can store
    told = (reading.warning,) if reading.warning and reading.readable else ()
    return replace(found, lang=reading.lang, warnings=told + found.warnings)


def unread(text: str, reading: Reading) -> Analysis:
    """The empty analysis of a text sayso does not read (another language than English)."""
    return Analysis(text=text, lang=reading.lang, warnings=(reading.warning,) if reading.warning else ())


def _one(key: str, text: str, norm: Normalized, reading: Reading, options: Options) -> Outcome:
    """The outcome of one article read by its own language's pipeline, failing soft."""
    try:
        doc = parse(norm.text, model_for(reading.lang, options))
        return Outcome(key, analysis=to_original(analyze_read(doc, options.engine, reading,
                                                              options.attribution_model), norm))
    except Exception as exc:  # noqa: BLE001 - batch runs fail soft per article
        if isinstance(exc, SaysoError) and "spaCy model" in str(exc):
            raise
        log.warning("extraction failed for %s: %s", key, exc)
        return Outcome(key, error=f"extraction failed: {exc}")


@dataclass(frozen=True)
class Outcome:
    """The result of one article in a batch: an analysis, or the reason it failed."""

    key: str
    analysis: Analysis | None = None
    error: str | None = None


def extract_many(
    items: Iterable[tuple[str, str]],
    *,
    model: str | None = None,
    batch_size: int | None = None,
    n_process: int = 1,
    normalized: bool = False,
    engine: str | None = None,
    lang: str | None = None,
    attribution_model: str | None = None,
    options: Options | None = None,
) -> Iterator[Outcome]:
    """Stream ``(key, text)`` pairs through ``nlp.pipe``; a bad article fails alone. Outcomes
    come in input order, failures included; offsets index each text as given, as in
    :func:`extract`. ``batch_size`` defaults to the ``batch_size`` option."""
    chosen = resolved(options, model=model, engine=engine, attribution_model=attribution_model)
    prepare(chosen)  # a missing model is a configuration error before any article is read
    size = batch_size or chosen.batch_size
    # Inputs that are not parsed (refused, or not English) wait here under the number of
    # parsed inputs before them, and are yielded in their place (nlp.pipe keeps the order).
    pending: dict[int, list[Outcome]] = {}
    parsed = 0

    def accepted() -> Iterator[tuple[str, tuple[int, str, Normalized, Reading]]]:
        nonlocal parsed
        for key, text in items:
            try:
                check_length(text, key, chosen.max_chars)
                norm = Normalized(text, text) if normalized else normalize_mapped(text)
                reading = read_language(norm.text, lang)
            except SaysoError as exc:
                pending.setdefault(parsed, []).append(Outcome(key, error=str(exc)))
                continue
            if not reading.readable:
                pending.setdefault(parsed, []).append(Outcome(key, analysis=unread(text, reading)))
                continue
            if not reading.english:  # another language's pipeline reads it, in its place in the stream
                pending.setdefault(parsed, []).append(_one(key, text, norm, reading, chosen))
                continue
            parsed += 1
            _tag_ahead(norm.text, reading, chosen)
            yield norm.text, (parsed, key, norm, reading)

    for doc, (number, key, norm, reading) in parse_many(accepted(), chosen.model, batch_size=size,
                                                        n_process=n_process):
        yield from pending.pop(number - 1, [])
        try:
            analysis = analyze_read(doc, chosen.engine, reading, chosen.attribution_model)
            yield Outcome(key, analysis=to_original(analysis, norm))
        except Exception as exc:  # noqa: BLE001 - batch runs fail soft per article
            log.warning("extraction failed for %s: %s", key, exc)
            yield Outcome(key, error=f"extraction failed: {exc}")
    for number in sorted(pending):  # inputs after the last parsed one
        yield from pending.pop(number)
