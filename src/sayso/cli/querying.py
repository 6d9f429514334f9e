"""sayso quotes, claims, actors, actor, show and export: read the store."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .. import settings
from ..errors import InputError, SaysoError
from ..types import ActorType, QuoteKind, StatementType
from .app import main
from .options import (
    _FILTER_DATE_HELP, _db_option, _lang_option, _open_store, _date, _statement_types,
    _emit, _json_array, _csv_lines, _color,
)


@main.command()
@_db_option
@click.option("--speaker", default=None, help="Quotes by this actor (name or alias, whole words: Lopez).")
@click.option("--about", default=None, help="Quotes that mention this actor inside the quoted text.")
@click.option("--kind", type=click.Choice([k.value for k in QuoteKind],
                                          case_sensitive=False), default=None, help="Quote kind.")
@click.option("--type", "types", multiple=True, callback=_statement_types,
              metavar=f"[{'|'.join(t.value for t in StatementType)}]",
              help="What act the cue reports (repeat the option, or separate with commas, for any of several).")
@click.option("--certainty", default=None, help="How the statement is put: asserted, hedged or doubted.")
@click.option("--polarity", default=None, help="positive or negative (a denial).")
@click.option("--stance", default=None, help="The reporter's stance from the cue: neutral, distancing, endorsing.")
@click.option("--outlet", default=None, help="Outlet name contains this (case-insensitive).")
@click.option("--since", callback=_date, default=None, help=f"Published on or after: {_FILTER_DATE_HELP}.")
@click.option("--until", callback=_date, default=None, help=f"Published on or before: {_FILTER_DATE_HELP}.")
@_lang_option
@click.option("--search", default=None, help='Full-text search in the quote text: words (all must occur), "a phrase", or FTS5 syntax (tax* OR budget).')
@click.option("--article", type=int, default=None, help="Only quotes of this article id.")
@click.option("--include-unattributed", is_flag=True,
              help="Also quotes with neither a speaker nor a source named in the text.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most N quotes.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table",
              show_default=True, help="table for reading; json (an array), jsonl or csv for tools.")
@click.option("--color/--no-color", default=None, help="Colour the table (default: when a terminal).")
def quotes(db: Path | None, speaker: str | None, about: str | None, kind: str | None, types: tuple[str, ...],
           certainty: str | None, polarity: str | None, stance: str | None, outlet: str | None, since: str | None, until: str | None,
           lang: str | None, search: str | None, article: int | None, include_unattributed: bool, limit: int | None, fmt: str,
           color: bool | None) -> None:
    """List stored quotes, newest first, filtered by speaker, topic actor, kind, statement type,
    outlet, date, language or text; quotes nobody is named for are left out unless asked for."""
    from ..store import QuoteFilter
    from ..store import queries
    from ..views import quote_table

    flt = QuoteFilter(speaker=speaker, about=about, kind=kind.lower() if kind else None, type=types,
                      certainty=certainty, polarity=polarity, stance=stance, outlet=outlet, since=since, until=until, lang=lang,
                      search=search, article=article, attributed=not include_unattributed, limit=limit)
    with _open_store(db) as store:
        found = queries.quotes(store, flt)
        if fmt == "table":
            _emit(quote_table(found, color=_color(color), fit=sys.stdout.isatty()), color=color)
        elif fmt == "json":
            _emit(_json_array(q.to_dict() for q in found))
        elif fmt == "jsonl":
            _emit(json.dumps(q.to_dict(), ensure_ascii=False) for q in found)
        else:
            _emit(_csv_lines(q.to_dict() for q in found))


@main.command()
@_db_option
@click.option("--speaker", default=None, help="Only statements by this actor (name or alias).")
@click.option("--about", default=None, help="Only statements that mention this actor.")
@click.option("--outlet", default=None, help="Outlet name contains this (case-insensitive).")
@click.option("--since", callback=_date, default=None, help=f"Published on or after: {_FILTER_DATE_HELP}.")
@click.option("--until", callback=_date, default=None, help=f"Published on or before: {_FILTER_DATE_HELP}.")
@click.option("--search", default=None, help="Only statements matching this full-text search (as in sayso quotes).")
@_lang_option
@click.option("--min-sources", type=click.IntRange(min=1), default=2, show_default=True,
              help="Keep claims told by at least this many sources (outlets).")
@click.option("--threshold", type=click.FloatRange(min=0.05, max=1.0), default=None,
              help="Sentence-embedding cosine that links two propositions [default: the claims_similarity "
                   "setting, 0.7].")
@click.option("--contradictions", is_flag=True, help="Only claims that some reports affirm and others deny.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most N claims.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl", "csv"]), default="text",
              show_default=True, help="text for reading; json (an array of claims), jsonl or csv (a row per report).")
@click.option("--color/--no-color", default=None, help="Colour the output (default: when a terminal).")
def claims(db: Path | None, speaker: str | None, about: str | None, outlet: str | None, since: str | None,
           until: str | None, search: str | None, lang: str | None, min_sources: int, threshold: float | None,
           contradictions: bool, limit: int | None, fmt: str, color: bool | None) -> None:
    """Claims across sources: statements that several outlets report, grouped by what they say,
    with whether the reports agree or contradict each other (one affirms, another denies)."""
    from .. import claims as claiming
    from ..store import QuoteFilter
    from ..views import claim_view

    flt = QuoteFilter(speaker=speaker, about=about, outlet=outlet, since=since, until=until, search=search, lang=lang)
    with _open_store(db, write=True) as store:  # keeps the sentence vectors it encodes (unless read-only)
        found = claiming.find_claims(store, flt, threshold=threshold or settings.get("claims_similarity"),
                                     paraphrase=settings.get("claims_paraphrase"),
                                     contradiction=settings.get("claims_contradiction"),
                                     min_sources=min_sources, limit=limit,
                                     verdict="contradict" if contradictions else None)
    if fmt == "text":
        _emit([claim_view(found, color=_color(color))], color=color)
    elif fmt == "json":
        _emit(_json_array(c.to_dict() for c in found))
    elif fmt == "jsonl":
        _emit(json.dumps(row, ensure_ascii=False) for row in claiming.claim_lines(found))
    else:
        _emit(_csv_lines(claiming.claim_lines(found)))


@main.command()
@_db_option
@click.option("--type", "type_", type=click.Choice([t.value for t in ActorType],
                                                   case_sensitive=False), default=None, help="Actor type.")
@click.option("--top", type=click.IntRange(min=1), default=None, help="Only the N most quoted.")
@click.option("--unnamed", is_flag=True, help='Include unnamed actors ("a senior official"), one per article.')
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table",
              show_default=True, help="Output format.")
@click.option("--color/--no-color", default=None, help="Colour the table (default: when a terminal).")
def actors(db: Path | None, type_: str | None, top: int | None, unnamed: bool, fmt: str,
           color: bool | None) -> None:
    """List actors merged across articles, most quoted first."""
    from ..store import queries
    from ..views import actor_table

    with _open_store(db) as store:
        found = queries.actors(store, type=type_, limit=top, unnamed=unnamed)
        if fmt == "table":
            _emit(actor_table(found, color=_color(color)), color=color)
        elif fmt == "json":
            _emit(_json_array(a.to_dict() for a in found))
        elif fmt == "jsonl":
            _emit(json.dumps(a.to_dict(), ensure_ascii=False) for a in found)
        else:
            _emit(_csv_lines(a.to_dict() for a in found))


@main.command()
@click.argument("name")
@_db_option
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True,
              help="Quotes by and about to show (the totals are always counted).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@click.option("--color/--no-color", default=None, help="Colour the output (default: when a terminal).")
def actor(name: str, db: Path | None, limit: int, fmt: str, color: bool | None) -> None:
    """One actor (a name, an alias or an id from sayso actors): roles, aliases, quotes by and
    about them, and who they are tied to."""
    from ..store import queries
    from ..views import actor_profile

    with _open_store(db) as store:
        profile = queries.actor_profile(store, queries.find_actor(store, name), limit=limit)
    if fmt == "json":
        _emit([json.dumps(profile.to_dict(), ensure_ascii=False, indent=2)])
    else:
        _emit([actor_profile(profile, color=_color(color))], color=color)


@main.command()
@click.argument("article")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: the article with quotes highlighted; json: its stored analysis.")
@click.option("--color/--no-color", default=None,
              help="Colour quotes per speaker (default: when a terminal); without, quotes are marked [q1 …].")
def show(article: str, db: Path | None, fmt: str, color: bool | None) -> None:
    """Show one stored article (an id, a URL or the path it came from) with its quotes highlighted."""
    from ..export import article_record
    from ..views import article_view

    with _open_store(db) as store:
        row = _find_article(store, article)
        if fmt == "json":
            record = article_record(store, row)
            _emit([json.dumps(record, ensure_ascii=False, indent=2)])
            return
        analysis = store.analysis(row.id)
    _emit([article_view(row, analysis, color=_color(color))], color=color)


def _find_article(store, ref: str):
    """An article by id, URL or source path; a path also matches when written another way
    (./a.txt, an absolute path) or when its text is stored under another path."""
    import os

    from ..errors import StoreError
    from ..store import queries

    try:
        return queries.find_article(store, ref)
    except StoreError:
        path = Path(ref)
        if not path.is_file():
            raise
    from ..store.store import content_hash
    from ..text import decode, normalize

    forms = dict.fromkeys([os.path.normpath(ref), str(path.resolve()), os.path.relpath(path.resolve())])
    try:
        forms[content_hash(normalize(decode(path.read_bytes(), ref)))] = None
    except (OSError, SaysoError):
        pass
    for form in forms:
        try:
            return queries.find_article(store, form)
        except StoreError:
            continue
    raise StoreError(f"no article {ref!r}: that file was not ingested into this database (give an id, "
                     f"a URL or the path it was ingested from)")


@main.command()
@_db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "gexf", "graphml", "brat"]), required=True,
              help="jsonl/csv: articles, quotes or actors (see --table); gexf/graphml: the actor network; "
                   "brat: each article's text and its quotes as brat standoff, to correct into gold "
                   "(docs/annotation.md), in the folder --out.")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Write here instead of standard output (for brat: the folder to write into).")
@click.option("--table", type=click.Choice(["articles", "quotes", "actors"]), default=None,
              help="What jsonl/csv export [default: articles for jsonl (full analyses), quotes for csv].")
@click.option("--outlet", default=None, help="Only articles whose outlet contains this.")
@click.option("--since", callback=_date, default=None, help=f"Only articles published on or after: {_FILTER_DATE_HELP}.")
@click.option("--until", callback=_date, default=None, help=f"Only articles published on or before: {_FILTER_DATE_HELP}.")
@_lang_option
@click.option("--unnamed", is_flag=True, help="Graphs: include unnamed actors.")
def export(db: Path | None, fmt: str, out: Path | None, table: str | None, outlet: str | None,
           since: str | None, until: str | None, lang: str | None, unnamed: bool) -> None:
    """Export articles and quotes (JSONL, CSV) or the actor network (GEXF, GraphML for Gephi):
    who quotes, mentions or relates to whom, with edge weights and relation types."""
    from .. import export as exporting
    from ..store import ArticleFilter

    flt = ArticleFilter(outlet=outlet, since=since, until=until, lang=lang)
    if fmt == "brat" and (out is None or out.is_file()):
        raise InputError("--format brat writes a folder of .txt and .ann files: give it with --out DIR")
    with _open_store(db) as store:
        if fmt == "brat":
            assert out is not None
            summary = f"{exporting.write_brat_folder(store, out, flt):,} articles as brat standoff"
        elif fmt in ("gexf", "graphml"):
            graph = exporting.actor_network(store, flt, unnamed=unnamed)
            if out is None:
                exporting.write_graph(graph, sys.stdout.buffer, fmt)
            else:
                with out.open("wb") as handle:
                    exporting.write_graph(graph, handle, fmt)
            summary = f"{graph.number_of_nodes():,} actors, {graph.number_of_edges():,} ties"
        else:
            table = table or ("articles" if fmt == "jsonl" else "quotes")
            records = (exporting.article_records(store, flt) if fmt == "jsonl" and table == "articles"
                       else exporting.rows(store, table, flt))
            write = exporting.write_jsonl if fmt == "jsonl" else exporting.write_csv
            if out is None:
                count = write(records, sys.stdout)
            else:
                with out.open("w", encoding="utf-8", newline="") as handle:
                    count = write(records, handle)
            summary = f"{count:,} {table}"
    if out is not None:
        click.echo(f"wrote {summary} to {out}", err=True)
