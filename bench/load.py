"""Load benchmark of `sayso serve`: many concurrent requests to GET /quotes and POST /extract on
127.0.0.1, then the error count and latency percentiles per endpoint.

Run by hand, not in CI (about half a minute on 2 cores):

    python bench/load.py                         # 200 requests to each endpoint, 200 in flight
    python bench/load.py --requests 100 --concurrency 50 --db news.db

It builds a database from data/samples with the ingest library (unless --db is given), starts
`python -m sayso serve` on a free port of 127.0.0.1, waits until it answers, warms the spaCy
pipeline with one /extract, then fires the requests all at once (at most --concurrency in
flight): /quotes with a mix of filters (search words, speaker, kind, facets, pages), /extract
with one paragraph of a sample article each. Everything is bounded: a per-request timeout and
a deadline for the whole run, after which pending requests are cancelled and counted as
errors; the server is stopped at the end. Exit status 1 when any request failed.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"

QUOTE_QUERIES = [
    {}, {"search": "money"}, {"search": "council"}, {"speaker": "Brannigan"}, {"kind": "direct"},
    {"certainty": "hedged"}, {"facets": "true"}, {"facets": "true", "search": "vote"}, {"offset": "20"},
    {"outlet": "Courier", "limit": "10"}, {"about": "IRGC"}, {"since": "2024-05-01", "facets": "true"},
]


def build_db(folder: Path) -> Path:
    """The three sample articles, ingested with outlets and dates."""
    from sayso import settings
    from sayso.batch import ingest
    from sayso.store import Store

    dates = {"city-budget.txt": ("Millbrook Gazette", "2024-03-04"), "militia-funding.txt": ("Levant Ledger", "2024-05-02"),
             "election-night.txt": ("National Courier", "2024-06-10")}
    source = folder / "samples.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for name, (outlet, published) in dates.items():
            text = (SAMPLES / name).read_text("utf-8")
            out.write(json.dumps({"id": name, "text": text, "title": text.split("\n", 1)[0], "outlet": outlet,
                                  "published": published, "url": f"https://news.example/{name[:-4]}"}) + "\n")
    db = folder / "load.db"
    with Store(db) as store:
        ingest([str(source)], store, options=settings.options())
    return db


def paragraphs() -> list[str]:
    """Paragraphs of the samples with a quote mark in them: what /extract is sent."""
    found = []
    for path in sorted(SAMPLES.glob("*.txt")):
        found += [p for p in path.read_text("utf-8").split("\n\n") if len(p) > 120 and ('"' in p or "“" in p)]
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


async def run(base: str, requests: int, concurrency: int, timeout: float, deadline: float) -> dict[str, dict]:
    texts = paragraphs()
    gate = asyncio.Semaphore(concurrency)
    results: dict[str, list[tuple[float, str | None]]] = {"GET /quotes": [], "POST /extract": []}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as client:
        async def one(name: str, number: int) -> None:
            async with gate:
                started = time.perf_counter()
                error = None
                try:
                    if name == "GET /quotes":
                        response = await client.get("/quotes", params=QUOTE_QUERIES[number % len(QUOTE_QUERIES)])
                    else:
                        response = await client.post("/extract", json={"text": texts[number % len(texts)]})
                    if response.status_code != 200:
                        error = f"HTTP {response.status_code}"
                    elif name == "GET /quotes" and "items" not in response.json():
                        error = "no items"
                    elif name == "POST /extract" and "quotes" not in response.json():
                        error = "no quotes"
                except httpx.HTTPError as exc:
                    error = type(exc).__name__
                results[name].append((time.perf_counter() - started, error))

        tasks = [asyncio.create_task(one(name, n)) for n in range(requests) for name in results]
        wall = time.perf_counter()
        done, pending = await asyncio.wait(tasks, timeout=deadline)
        for task in pending:
            task.cancel()
        wall = time.perf_counter() - wall
    report = {}
    for name, rows in results.items():
        latencies = [seconds for seconds, error in rows if error is None]
        errors = [error for _, error in rows if error is not None]
        missing = requests - len(rows)  # cancelled at the deadline
        report[name] = {"sent": requests, "ok": len(latencies), "errors": len(errors) + missing,
                        "error_kinds": sorted(set(errors)) + (["deadline"] if missing else []),
                        "p50": percentile(latencies, 0.50), "p95": percentile(latencies, 0.95),
                        "max": max(latencies, default=float("nan"))}
    report["wall_seconds"] = wall
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="requests to each endpoint (default 200)")
    parser.add_argument("--concurrency", type=int, default=200, help="requests in flight at once (default 200)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds one request may take")
    parser.add_argument("--deadline", type=float, default=300.0, help="seconds the whole run may take")
    parser.add_argument("--db", type=Path, default=None, help="serve this database instead of the samples")
    args = parser.parse_args()

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="sayso-load-") as tmp:
        db = args.db or build_db(Path(tmp))
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "sayso", "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port),
             "--log-level", "warning"], env={**os.environ, "PYTHONUNBUFFERED": "1"})
        try:
            ready_by = time.monotonic() + 60
            while True:
                if server.poll() is not None:
                    raise SystemExit(f"sayso serve exited with {server.returncode}")
                try:
                    if httpx.get(base + "/quotes", params={"limit": 1}, timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > ready_by:
                    raise SystemExit("sayso serve did not answer within 60 s")
                time.sleep(0.2)
            httpx.post(base + "/extract", json={"text": paragraphs()[0]}, timeout=120).raise_for_status()  # warm up
            report = asyncio.run(run(base, args.requests, args.concurrency, args.timeout, args.deadline))
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()

    errors = 0
    print(f"sayso serve on 127.0.0.1: {args.requests} requests to each endpoint, {args.concurrency} in flight "
          f"({report['wall_seconds']:.1f} s wall; {os.cpu_count()} cores, load average {load_before:.2f} before the run)")
    print(f"{'endpoint':<15} {'sent':>5} {'ok':>5} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name in ("GET /quotes", "POST /extract"):
        row = report[name]
        errors += row["errors"]
        kinds = f"  ({', '.join(row['error_kinds'])})" if row["error_kinds"] else ""
        print(f"{name:<15} {row['sent']:>5} {row['ok']:>5} {row['errors']:>6} {row['p50'] * 1000:>8.0f} "
              f"{row['p95'] * 1000:>8.0f} {row['max'] * 1000:>8.0f}{kinds}")
    print(f"errors: {errors}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
