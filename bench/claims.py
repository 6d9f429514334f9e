"""Claims benchmark: `sayso claims` over real multi-outlet coverage, the 924 PolNeAR articles of
the 2016 US campaign from 7 publishers (train and dev splits, with their publishers and dates).

Prints how long the store takes to build (rules engine; propositions are made then) and, apart
from it, how long `find_claims` takes on one core (the sentence encoder runs on one thread; wall
and CPU time, which differ on a busy machine), how
many claims it finds, across how many outlets, how many it marks as contradictions, and the
first claims of each verdict for reading (the scores are `sayso eval claims`'s).

    python bench/claims.py                  # all 924 articles (about 4 minutes on 2 cores)
    python bench/claims.py --articles 200   # fewer
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _ingest_bench():
    spec = importlib.util.spec_from_file_location("bench_ingest", HERE / "ingest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=None, help="PolNeAR folder (default: bench/ingest.py's)")
    parser.add_argument("--articles", type=int, default=None, help="only the first N articles")
    parser.add_argument("--show", type=int, default=5, help="claims of each verdict to print (up to 8 reports each)")
    parser.add_argument("--engine", default="rules", help="engine for the store (default: rules)")
    parser.add_argument("--db", type=Path, default=None,
                        help="keep the store here; when the file exists it is used as it is (no ingest)")
    args = parser.parse_args()

    os.environ["SAYSO_ENGINE"] = args.engine
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"  # find_claims is timed on one core
    from sayso.batch import ingest
    from sayso.claims import find_claims
    from sayso.store import Store

    bench = _ingest_bench()
    corpus = args.corpus or bench.DEFAULT_CORPUS
    articles = bench.load_corpus(corpus)[: args.articles]
    with tempfile.TemporaryDirectory(prefix="sayso-claims-bench-") as tmp:
        source = Path(tmp) / "polnear.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for article in articles:
                out.write(json.dumps({"id": article["name"], "text": article["text"], "title": article["title"],
                                      "outlet": article["publisher"], "published": article["date"],
                                      "url": f"https://{article['publisher']}.example/{article['name']}"}) + "\n")
        db = args.db or Path(tmp) / "polnear.db"
        reuse = db.exists()
        started = time.perf_counter()
        with Store(db) as store:
            stored = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] if reuse else \
                ingest([str(source)], store, engine=args.engine).stored
            built = time.perf_counter() - started
            quotes = store.conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
            started, cpu = time.perf_counter(), time.process_time()
            claims = find_claims(store)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    outlets = Counter(a["publisher"] for a in articles)
    print(f"sayso claims benchmark: {stored} PolNeAR articles from {len(outlets)} publishers "
          f"({', '.join(f'{k} {v}' for k, v in outlets.most_common())}), engine {args.engine}")
    print(f"store {'reused' if reuse else f'built in {built:.1f} s'}: {quotes:,} statements")
    print(f"find_claims: {seconds:.2f} s ({quotes / seconds:,.0f} statements/s; "
          f"{seconds / 30 * 20_000 / max(quotes, 1):.2f} of the 30 s budget for 20,000 statements, scaled linearly); "
          f"CPU {cpu:.2f} s ({cpu / 30 * 20_000 / max(quotes, 1):.2f} of the budget; the time this process ran, "
          f"which a busy machine's wall time exceeds)")
    verdicts = Counter(c.verdict for c in claims)
    spread = Counter(len(c.sources) for c in claims)
    print(f"claims told by 2+ outlets: {len(claims)} (agree {verdicts['agree']}, contradict {verdicts['contradict']}); "
          f"by outlets: {', '.join(f'{k}: {v}' for k, v in sorted(spread.items()))}; "
          f"statements in claims: {sum(len(c.reports) for c in claims)}")
    for verdict in ("contradict", "agree"):
        shown = [c for c in claims if c.verdict == verdict][: args.show]
        for claim in shown:
            print(f"\n{verdict.upper()} #{claim.id} ({len(claim.sources)} outlets, cosine >= {claim.similarity:.2f}; "
                  f"shared: {', '.join(claim.terms[:8])}; contradictions {list(claim.contradictions)})")
            for r in claim.reports[:8]:
                evidence = ", ".join(f"{e.kind} {e.text!r}" for e in r.evidence)
                print(f"  [{r.quote_id}] {r.source:<12} {(r.published or '')[:10]} {r.position:<8} "
                      f"{r.speaker or '-'}: {r.proposition[:150]}{' (' + evidence + ')' if evidence else ''}")


if __name__ == "__main__":
    main()
