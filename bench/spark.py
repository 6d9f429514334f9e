"""Spark benchmark: articles/s of `sayso spark run` in local[1] and local[2] against single-process
`sayso ingest` on the same WARC of PolNeAR news; prints the 1→2 core scaling ratio, Spark's
overhead against one process, and the core-hours per million articles that docs/spark.md uses.

Run by hand, not in CI (about 15 minutes for 500 articles on 2 cores; run it on an idle machine):

    python bench/spark.py                        # 500 articles from ../shared/data/polnear
    python bench/spark.py --articles 40 --repeat 1   # a quick check of the wiring

The WARC is built with bench/ingest.py's helpers (PolNeAR texts in minimal HTML; repeated texts
get a new URL and one added line so that nothing is a duplicate). Each measurement runs in a
fresh subprocess. The ingest run loads the spaCy pipeline before its clock starts (as in
bench/ingest.py); the Spark runs are timed twice: the job alone (reading, duplicate check,
NLP in the Python workers including their pipeline load, actor merge, Parquet writes) and the
job plus starting the JVM and the session. All runs use the engine the settings choose. Run
times on a shared VM drift by several percent from run to run, so the Spark runs come in
``--repeat`` pairs (local[1] then local[2], the next pair in the other order); the scaling
printed is the median of the pairs' ratios, each pair's ratio listed beside it. A last probe
measures the machine's own ceiling for the same work without Spark: plain ``sayso.extract`` in
one process alone, then in two processes at once.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SECONDS_PER_HOUR = 3600


def _ingest_bench():
    """bench/ingest.py as a module: its corpus loader and WARC builder are reused here."""
    spec = importlib.util.spec_from_file_location("bench_ingest", HERE / "ingest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cpu_seconds() -> dict[str, float]:
    """CPU seconds (user + system) used so far by this process's JVM and by the Python workers
    below it, read from /proc (Linux); empty elsewhere. Exited workers are counted through their
    parent's ``cutime``/``cstime``."""
    if not os.path.isdir("/proc"):
        return {}
    tick = os.sysconf("SC_CLK_TCK")
    stats = {}
    for pid in (p for p in os.listdir("/proc") if p.isdigit()):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        stats[int(pid)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick,
                           (int(fields[13]) + int(fields[14])) / tick)
    jvms = [pid for pid, (parent, _, _) in stats.items() if parent == os.getpid()]
    daemons = [pid for pid, (parent, _, _) in stats.items() if parent in jvms]
    workers = [pid for pid, (parent, _, _) in stats.items() if parent in daemons]
    if not jvms:
        return {}
    return {"jvm": sum(stats[p][1] for p in jvms),
            "python_workers": sum(stats[p][1] + stats[p][2] for p in daemons)
            + sum(stats[p][1] for p in workers)}


def child_spark(warc: Path, out: Path, cores: int) -> dict:
    from sayso.spark import job

    started = time.perf_counter()
    spark = job.session(f"local[{cores}]")
    session_seconds = time.perf_counter() - started
    before = cpu_seconds()
    try:
        summary = job.run([str(warc)], str(out), spark=spark)
        after = cpu_seconds()
    finally:
        spark.stop()
    cpu = {name: after[name] - before.get(name, 0.0) for name in after}
    return {"articles": summary.analysed, "failed": summary.failed, "seconds": summary.seconds,
            "analyse_seconds": summary.analyse_seconds, "session_seconds": session_seconds,
            "rate": summary.analysed / summary.seconds, "rows": summary.rows, "partitions": summary.partitions,
            "cpu": cpu}


def run_child(*args: str) -> dict:
    result = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"benchmark child {args} failed:\n{result.stderr[-4000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def machine_ceiling(corpus: Path, count: int) -> tuple[float, dict, list[dict]]:
    """The best 1→2 process scaling this machine allows for this work: plain ``sayso.extract``
    over ``count`` articles in one process alone, then in two processes at once (no Spark, no
    shared state). When both cores are busy each process gets less done per second (shared
    caches and memory bandwidth, or busy neighbours on a VM), and no scheduler can beat that."""
    args = [sys.executable, str(HERE / "ingest.py"), "--child", "extract", str(corpus), str(count)]
    alone = json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout.splitlines()[-1])
    both = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) for _ in range(2)]
    pair = [json.loads(p.communicate()[0].splitlines()[-1]) for p in both]
    return sum(r["rate"] for r in pair) / alone["rate"], alone, pair


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=None, help="PolNeAR folder (default: bench/ingest.py's)")
    parser.add_argument("--articles", type=int, default=500, help="articles in the WARC (>= 500 for the record)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="pairs of local[1]/local[2] runs, in alternating order; the median is reported")
    parser.add_argument("--ceiling-articles", type=int, default=150,
                        help="articles per process in the machine-ceiling probe (0: skip it)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        print(json.dumps(child_spark(Path(args.child[0]), Path(args.child[1]), int(args.child[2]))))
        return

    from sayso import settings
    from sayso.engines import engine_name

    bench = _ingest_bench()
    corpus = args.corpus or bench.DEFAULT_CORPUS
    articles = bench.load_corpus(corpus)
    print(f"sayso spark benchmark: {args.articles} articles built from {len(articles)} PolNeAR texts "
          f"({corpus}); {os.cpu_count()} CPUs; engine {engine_name(settings.options().engine)}")
    with tempfile.TemporaryDirectory(prefix="sayso-spark-bench-") as tmp:
        work = Path(tmp)
        warc = work / "news.warc.gz"
        started = time.perf_counter()
        bench.build_warc(warc, articles, args.articles)
        print(f"built WARC: {warc.stat().st_size / 2**20:.1f} MB in {time.perf_counter() - started:.1f} s")

        result = subprocess.run([sys.executable, str(HERE / "ingest.py"), "--child", "ingest", str(warc),
                                 str(work / "single.db"), "1"], capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"ingest child failed:\n{result.stderr[-4000:]}")
        single = json.loads(result.stdout.strip().splitlines()[-1])
        print(f"single-process ingest: {single['articles']:>5} articles in {single['seconds']:7.1f} s = "
              f"{single['rate']:6.2f} articles/s (model loaded before the clock), failed {single['failed']}")

        runs: dict[int, list[dict]] = {1: [], 2: []}
        for repeat in range(args.repeat):  # alternate the order so that slow drifts hit both
            for cores in ((1, 2) if repeat % 2 == 0 else (2, 1)):
                r = run_child(str(warc), str(work / f"out{cores}-{repeat}"), str(cores))
                runs[cores].append(r)
                print(f"spark local[{cores}] ({r['partitions']} partitions): {r['articles']:>5} articles, job "
                      f"{r['seconds']:7.1f} s = {r['rate']:6.2f} articles/s (analyse stage "
                      f"{r['analyse_seconds']:.1f} s, merge+write {r['seconds'] - r['analyse_seconds']:.1f} s); "
                      f"JVM+session start {r['session_seconds']:.1f} s; with it "
                      f"{r['articles'] / (r['seconds'] + r['session_seconds']):.2f} articles/s; failed {r['failed']}")
                if r["cpu"]:
                    print(f"  CPU during the job: JVM {r['cpu']['jvm']:.1f} s, Python workers "
                          f"{r['cpu']['python_workers']:.1f} s (JVM = "
                          f"{r['cpu']['jvm'] / r['cpu']['python_workers']:.0%} of the workers' CPU)")
        if any(r["rows"] != runs[1][0]["rows"] for r in runs[1] + runs[2]):
            print("WARNING: row counts differ between runs")
        ratios = [two["rate"] / one["rate"] for one, two in zip(runs[1], runs[2])]
        rate = {cores: statistics.median(r["rate"] for r in runs[cores]) for cores in runs}
        scaling = statistics.median(ratios)
        spread = f" (runs: {', '.join(f'x{x:.2f}' for x in ratios)})" if len(ratios) > 1 else ""
        print(f"scaling local[1] -> local[2]: x{scaling:.2f}{spread} (target >= 1.7)")
        if args.ceiling_articles > 0:
            ceiling, alone, pair = machine_ceiling(corpus, args.ceiling_articles)
            print(f"machine ceiling, 1 -> 2 processes: x{ceiling:.2f} (sayso.extract over {alone['articles']} "
                  f"articles: {alone['rate']:.2f} articles/s alone, {pair[0]['rate']:.2f} + {pair[1]['rate']:.2f} "
                  f"two at once); Spark's scaling is {scaling / ceiling:.0%} of it")
        overhead1 = single["rate"] / rate[1] - 1
        print(f"spark overhead vs single process (same 1 core): {overhead1 * 100:+.0f}% time per article "
              f"(local[1] {rate[1]:.2f} vs {single['rate']:.2f} articles/s); "
              f"local[2] vs single process: x{rate[2] / single['rate']:.2f}")
        per_core = rate[2] / 2
        print(f"throughput per core at local[2]: {per_core:.3f} articles/s -> "
              f"{1e6 / per_core / SECONDS_PER_HOUR:,.0f} core-hours per million articles "
              f"(local[1]: {1e6 / rate[1] / SECONDS_PER_HOUR:,.0f})")


if __name__ == "__main__":
    main()
