"""How to combine the rule engine and the trained tagger: every strategy of
``sayso.engines.combine`` scored on PolNeAR dev next to rules and tagger alone (exact span F1,
trimmed; quote matching at 0.3). Each article is parsed and tagged once.

    python bench/hybrid.py [CORPUS] [--split dev] [--limit N]

``sayso.engines.HYBRID`` names the strategy the hybrid engine uses: the best one here.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "polnear"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)

    from sayso.analysis import assemble
    from sayso.engines import STRATEGIES, combine, tagged_drafts
    from sayso.eval.brat import read_split
    from sayso.eval.runner import sayso_predictions
    from sayso.eval.scoring import Scores, score_article
    from sayso.extractors.context import build_context
    from sayso.extractors.quotes import rule_drafts
    from sayso.model.loader import load_tagger
    from sayso.nlp import load_pipeline

    articles = read_split(args.corpus, args.split, args.limit)
    nlp, tagger = load_pipeline(), load_tagger()
    names = ("rules", "trained", *STRATEGIES)
    totals = {name: Scores() for name in names}
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles)):
        context = build_context(doc)
        rules = rule_drafts(context)
        model = tagged_drafts(context, tagger)
        # each variant assembled as engines.analyze does: the rules' own drafts beside any
        # combination that holds them (they tell where a speaker's quote ends)
        variants = {"rules": (rules, ()), "trained": (model, ()),
                    **{s: (combine(rules, model, s, context.text), rules) for s in STRATEGIES}}
        for name, (drafts, beside) in variants.items():
            analysis = assemble(context, drafts, beside)
            predicted = sayso_predictions(analysis, article.text)
            totals[name] = totals[name] + score_article(article.text, article.attributions, predicted)
    print(f"{args.split}: {len(articles)} articles; exact span F1 (P/R) and quotes ≥0.3 F1")
    print(f"{'':<12} {'source':>17} {'cue':>17} {'content':>17} {'quotes':>7}")
    for name in names:
        exact = totals[name].exact
        cells = [f"{100 * c.f1:5.1f} ({100 * c.p:4.1f}/{100 * c.r:4.1f})" for c in (exact.source, exact.cue, exact.content)]
        quotes = totals[name].quotes[0.3].counts.f1
        print(f"{name:<12} {' '.join(f'{c:>17}' for c in cells)} {100 * quotes:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
