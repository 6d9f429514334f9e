"""Terminal views of the store: quote and actor tables, an actor's profile, and an article
with its quotes highlighted in one colour per speaker."""
from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable, Iterable

import click

from .claims import Claim
from .store.queries import ActorProfile, ActorRow, ArticleRow, QuoteRow
from .types import Analysis

PALETTE = ("green", "cyan", "magenta", "yellow", "blue", "red", "bright_green", "bright_cyan",
           "bright_magenta", "bright_yellow", "bright_blue", "bright_red")
# After the named colours, the 256-colour cube (16 + 36r + 6g + b), neither near-black nor
# near-white nor grey, so distinct speakers keep distinct colours.
EXTRA_COLOURS = tuple(16 + 36 * r + 6 * g + b for r in range(6) for g in range(6) for b in range(6)
                      if 4 <= r + g + b <= 11 and not r == g == b)


def speaker_colour(index: int) -> str | int:
    """The colour of the ``index``-th speaker of an article: the named palette first, then
    the 256-colour cube; only past both does a colour repeat."""
    if index < len(PALETTE):
        return PALETTE[index]
    return EXTRA_COLOURS[(index - len(PALETTE)) * 37 % len(EXTRA_COLOURS)]

Style = Callable[..., str]


def _styler(color: bool) -> Style:
    return click.style if color else (lambda text, **_: text)


def _width() -> int:
    return max(60, min(160, shutil.get_terminal_size((100, 24)).columns))


def _cut(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def quote_table(rows: Iterable[QuoteRow], *, color: bool = False, fit: bool = True) -> Iterable[str]:
    """One line per quote: id, date, outlet, speaker, kind, statement type, the quote (shortened
    to fit the terminal when ``fit``; whole otherwise, as when written to a file)."""
    style = _styler(color)
    width = _width()
    fixed = 7 + 11 + 15 + 23 + 13 + 12
    quote_width = max(20, width - fixed) if fit else None
    yield style(f"{'id':>6} {'published':<10} {'outlet':<14} {'speaker':<22} {'kind':<12} {'type':<11} quote",
                bold=True)
    for q in rows:
        speaker = q.speaker or (f"({q.speaker_as})" if q.speaker_as else "—")
        yield (f"{q.id:>6} {(q.published or '')[:10]:<10} {_cut(q.outlet, 14):<14} "
               f"{style(f'{_cut(speaker, 22):<22}', fg='green')} {q.kind:<12} {q.type or '':<11} "
               f"{_cut(q.words, quote_width) if quote_width else ' '.join(q.words.split())}")


def actor_table(rows: Iterable[ActorRow], *, color: bool = False) -> Iterable[str]:
    style = _styler(color)
    yield style(f"{'id':>6} {'type':<7} {'quotes':>6} {'articles':>8} {'mentions':>8}  name", bold=True)
    for a in rows:
        yield (f"{a.id:>6} {a.type:<7} {a.quotes:>6} {a.articles:>8} {a.mentions:>8}  "
               f"{style(a.name, bold=True)}{'' if a.named else ' (unnamed)'}")


_TIE_WORDS = {"speaks_about": ("speaks about", "spoken about by"), "told": ("told", "was told by")}


def actor_profile(profile: ActorProfile, *, color: bool = False) -> str:
    """Who an actor is (names, roles), what they said, what was said about them, their ties."""
    style = _styler(color)
    a = profile.actor
    lines = [f"{style(a.name, bold=True)}  {a.type}  #{a.id}" + ("" if a.named else "  (unnamed)"),
             f"  {a.quotes:,} quotes · {a.articles:,} articles · {a.mentions:,} mentions"]
    if profile.aliases:
        lines.append("  aka: " + ", ".join(f"{n} ({c})" for n, c in profile.aliases))
    if profile.roles:
        lines.append("  roles: " + "; ".join(f"{r} ({c})" for r, c in profile.roles))

    def quote_lines(title: str, quotes: tuple[QuoteRow, ...], total: int, who: bool) -> None:
        lines.extend(["", style(f"{title} ({len(quotes)} of {total})" if total > len(quotes)
                                else f"{title} ({total})", bold=True)])
        for q in quotes:
            source = f"{(q.published or '')[:10]} {q.outlet or ''}".strip()
            speaker = f"{q.speaker or q.speaker_as or 'unattributed'}: " if who else ""
            lines.append(f"  [{q.id}] {q.kind} · {source or 'article ' + str(q.article_id)}"
                         f"{' · cue: ' + q.cue if q.cue else ''}")
            lines.append(style(textwrap.fill(speaker + q.words, width=_width() - 6,
                                             initial_indent="      ", subsequent_indent="      "),
                               fg="cyan"))

    quote_lines("Quotes by", profile.quotes_by, profile.quotes_by_total, who=False)
    quote_lines("Quotes about", profile.quotes_about, profile.quotes_about_total, who=True)
    lines.extend(["", style("Ties", bold=True)])
    if not profile.ties and not profile.co_mentioned:
        lines.append("  (none yet)")
    for tie in profile.ties:
        outgoing = tie.source_id == a.id
        out_word, in_word = _TIE_WORDS.get(tie.kind, (tie.kind, f"{tie.kind} (of)"))
        other = tie.target if outgoing else tie.source
        lines.append(f"  {'→' if outgoing else '←'} {out_word if outgoing else in_word} "
                     f"{style(other, bold=True)} ×{tie.count} in {tie.articles} article"
                     f"{'' if tie.articles == 1 else 's'}")
    if profile.co_mentioned:
        lines.append("  in the same articles as: " + ", ".join(
            f"{other.name} ({n})" for other, n in profile.co_mentioned))
    return "\n".join(lines)



def article_view(article: ArticleRow, analysis: Analysis, *, color: bool = False) -> str:
    """The article text with each quote coloured by speaker (speaker mentions in bold, cues
    underlined), then a legend. Without colour, quotes are marked ``[q1 …]`` inline."""
    style = _styler(color)
    text = analysis.text
    speakers: dict[str | None, str | int] = {}
    for quote in analysis.quotes:
        if quote.speaker is not None and quote.speaker not in speakers:
            speakers[quote.speaker] = speaker_colour(len(speakers))

    header = [style(article.title or _first_line(text) or article.source_key or f"article {article.id}", bold=True)]
    facts = [f"#{article.id}", article.published or "", article.outlet or "", article.author or ""]
    header.append("  " + " · ".join(f for f in facts if f))
    if article.url:
        header.append("  " + article.url)
    header += ["", ""]

    if color:
        body = _highlight(text, analysis, speakers)
    else:
        body = _mark(text, analysis)

    legend = ["", style(f"Quotes ({len(analysis.quotes)})", bold=True)]
    for quote in analysis.quotes:
        speaker = analysis.actor(quote.speaker)
        name = speaker.name if speaker else (
            text[quote.speaker_mention[0]:quote.speaker_mention[1]] if quote.speaker_mention else "unattributed")
        legend.append(f"  {quote.id:>4} {quote.kind.value:<12} "
                      f"{style(name, fg=speakers.get(quote.speaker, 'white'), bold=True)}"
                      f"{' · cue: ' + quote.cue if quote.cue else ''}")
    return "\n".join(header) + body + "\n".join(legend)


def _first_line(text: str, limit: int = 120) -> str:
    """An untitled article's first line, as its title (a .txt file's headline)."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return _cut(line, limit)


def _mark(text: str, analysis: Analysis) -> str:
    inserts: list[tuple[int, int, str]] = []  # (position, order, marker): ends before starts
    for quote in analysis.quotes:
        inserts.append((quote.start, 1, f"[{quote.id} "))
        inserts.append((quote.end, 0, "]"))
    out, last = [], 0
    for position, _, marker in sorted(inserts):
        out.append(text[last:position])
        out.append(marker)
        last = position
    out.append(text[last:])
    return "".join(out) + "\n"


def _highlight(text: str, analysis: Analysis, speakers: dict[str | None, str | int]) -> str:
    cuts = {0, len(text)}
    for quote in analysis.quotes:
        cuts.update((quote.start, quote.end))
        for span in (quote.speaker_mention, quote.cue_span):
            if span is not None:
                cuts.update(span)
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    out = []
    for start, end in zip(bounds, bounds[1:]):
        piece = text[start:end]
        inside = [q for q in analysis.quotes if q.start <= start and end <= q.end]
        mention = next((q for q in analysis.quotes if q.speaker_mention
                        and q.speaker_mention[0] <= start and end <= q.speaker_mention[1]), None)
        cue = any(q.cue_span and q.cue_span[0] <= start and end <= q.cue_span[1] for q in analysis.quotes)
        if inside:
            quote = max(inside, key=lambda q: q.start)  # the innermost quote decides the colour
            piece = click.style(piece, fg=speakers.get(quote.speaker, "white"), underline=cue)
        elif mention is not None:
            piece = click.style(piece, fg=speakers.get(mention.speaker, "white"), bold=True)
        elif cue:
            piece = click.style(piece, underline=True)
        out.append(piece)
    return "".join(out) + "\n"


_POSITION_COLORS = {"affirms": "green", "hedges": "yellow", "denies": "red"}


def claim_label(claim: Claim) -> str:
    """The verdict as a reader should see it: "all deny" when every report denies the claim
    (the reports agree, but on a denial); "mixed" when some affirm and some deny but no pair is
    close enough to call a contradiction; else "contradict" or "agree"."""
    if claim.verdict == "agree" and set(claim.positions) == {"denies"}:
        return "all deny"
    if claim.verdict == "agree" and {"affirms", "denies"} <= set(claim.positions):
        return "mixed"
    return claim.verdict


def claim_view(claims: list[Claim], *, color: bool = False) -> str:
    """Each claim with its verdict and sources, why its reports are one claim (shared subject,
    predicates, names and numbers, similarity), then every report: source, date, speaker, the
    position it takes with the words that set it, its proposition and its words."""
    style = _styler(color)
    if not claims:
        return "No claim is told by enough sources (see --min-sources and the claims_* settings)."
    lines: list[str] = []
    for claim in claims:
        label = claim_label(claim)
        verdict = style(label.upper(), fg={"contradict": "red", "all deny": "magenta", "mixed": "yellow"}.get(label, "green"), bold=True)
        lines.append(f"{verdict}  claim #{claim.id} · {len(claim.sources)} sources · {len(claim.reports)} reports"
                     f" · shared words: {', '.join(claim.terms[:8])}")
        for link in claim.links[:6]:
            shared = f" · both give {', '.join(link.shared)}" if link.shared else ""
            lines.append(style(f"  why [{link.a}]~[{link.b}]: subject {link.subject}"
                               f"{' (actor #' + str(link.subject_id) + ')' if link.subject_id else ''}"
                               f" · predicates {link.predicates[0]} / {link.predicates[1]}"
                               f" · similarity {link.similarity:.2f}{shared}", fg="white"))
        for yes, no in claim.contradictions:
            lines.append(style(f"  contradiction: [{yes}] affirms, [{no}] denies", fg="red"))
        for r in claim.reports:
            who = r.speaker or "unattributed"
            evidence = "; ".join(f"{e.kind} \"{e.text}\" at {e.start}" for e in r.evidence)
            lines.append(f"  [{r.quote_id}] {(r.published or '')[:10]} {r.source} · {who}"
                         f"{' · ' + r.cue if r.cue else ''} · "
                         + style(r.position, fg=_POSITION_COLORS.get(r.position, "white"))
                         + (f" ({evidence})" if evidence else ""))
            if r.proposition and r.proposition != r.words:
                lines.append(f"      proposition: {r.proposition} [{r.proposition_start}-{r.proposition_end}]")
            lines.append(style(textwrap.fill(r.words, width=_width() - 6, initial_indent="      ",
                                             subsequent_indent="      "), fg="cyan"))
        lines.append("")
    return "\n".join(lines).rstrip()
