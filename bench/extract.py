"""Extraction benchmark: articles/s of the rules, trained and hybrid engines on PolNeAR dev texts,
and each engine's speed as a ratio of the rule engine's (target: trained ≥ 0.5×).

Run by hand, not in CI (a few minutes on 2 cores):

    python bench/extract.py                       # 50 dev texts from ../shared/data/polnear
    python bench/extract.py --articles 20 --rounds 2

Every engine reads the same texts one by one through ``sayso.extract`` (parse included), one
process; the spaCy pipeline and the trained model are loaded, and one article run, before the
clock starts. Engines take turns within each round so that a neighbour's load on a shared
machine falls on all of them alike; the best round counts.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "polnear"
ENGINES = ("rules", "trained", "hybrid")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=50, help="dev texts to run (default 50)")
    parser.add_argument("--rounds", type=int, default=1, help="timed rounds per engine; the best counts")
    args = parser.parse_args(argv)

    import sayso
    from sayso.model.loader import load_tagger

    paths = sorted((args.corpus / "dev" / "text").glob("*.txt"))[: args.articles]
    if not paths:
        raise SystemExit(f"no dev texts under {args.corpus}")
    texts = [p.read_text("utf-8") for p in paths]
    load_tagger()
    for engine in ENGINES:
        sayso.extract(texts[0], engine=engine)  # warm up: pipelines loaded, caches filled

    best: dict[str, float] = {}
    quotes: dict[str, int] = {}
    for _ in range(args.rounds):
        for engine in ENGINES:
            started = time.perf_counter()
            found = sum(len(sayso.extract(text, engine=engine).quotes) for text in texts)
            seconds = time.perf_counter() - started
            best[engine] = min(best.get(engine, seconds), seconds)
            quotes[engine] = found
    chars = sum(len(t) for t in texts)
    print(f"{len(texts)} PolNeAR dev articles, {chars:,} characters, {args.rounds} round(s), one process")
    print(f"{'engine':<8} {'seconds':>8} {'articles/s':>11} {'quotes':>7} {'× rules':>8}")
    for engine in ENGINES:
        rate = len(texts) / best[engine]
        ratio = best["rules"] / best[engine]
        print(f"{engine:<8} {best[engine]:>8.1f} {rate:>11.2f} {quotes[engine]:>7} {ratio:>8.2f}")
    ratio = best["rules"] / best["trained"]
    verdict = "meets" if ratio >= 0.5 else "MISSES"
    print(f"trained/rules throughput ratio {ratio:.2f} ({verdict} the 0.5× target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
