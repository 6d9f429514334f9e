"""What abandoned /extract requests cost the next client of `sayso serve`.

Run by hand, not in CI (about a minute on 2 cores):

    python bench/abandon.py                  # 6 clients give up on a long text each
    python bench/abandon.py --clients 10 --paragraphs 40

It starts `python -m sayso serve` on a free port of 127.0.0.1 over the sample store, times one
long extraction (the sample paragraphs joined) and one short one, then lets ``--clients``
clients post the long text and disconnect after half a second, and times a short extraction
sent right after them. Requests that wait their turn are dropped when their client goes, so
the short one waits at most for the long run already under way: the printed ratio (its time
over one long extraction) stays near 1, where a server that analysed every abandoned text
would show about ``--clients``.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import build_db, free_port, paragraphs  # noqa: E402


def timed_extract(base: str, text: str) -> float:
    started = time.perf_counter()
    httpx.post(base + "/extract", json={"text": text}, timeout=600).raise_for_status()
    return time.perf_counter() - started


async def give_up(base: str, text: str, clients: int) -> None:
    """``clients`` clients post ``text`` and disconnect after half a second."""
    async def one() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=0.5) as client:
            try:
                await client.post("/extract", json={"text": text})
            except httpx.TimeoutException:
                pass

    await asyncio.gather(*(one() for _ in range(clients)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=6, help="clients that give up (default 6)")
    parser.add_argument("--paragraphs", type=int, default=20, help="sample paragraphs in the long text")
    args = parser.parse_args()
    found = paragraphs()
    long_text = "\n\n".join((found * (args.paragraphs // len(found) + 1))[:args.paragraphs])
    short_text = found[0]
    with tempfile.TemporaryDirectory(prefix="sayso-abandon-") as tmp:
        db, port = build_db(Path(tmp)), free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "sayso", "serve", "--db", str(db), "--port", str(port), "--log-level", "warning"],
            env={**os.environ, "PYTHONUNBUFFERED": "1", "SAYSO_SERVE_MAX_CHARS": str(len(long_text) + 1)})
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(base + "/quotes", params={"limit": 1}, timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("sayso serve did not start")
                time.sleep(0.2)
            timed_extract(base, short_text)  # warm up
            long_run, short_run = timed_extract(base, long_text), timed_extract(base, short_text)
            asyncio.run(give_up(base, long_text, args.clients))
            after = timed_extract(base, short_text)
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    print(f"long text {len(long_text):,} characters: {long_run:.2f} s; short text {len(short_text):,}: {short_run:.2f} s")
    print(f"short text after {args.clients} clients gave up on the long one: {after:.2f} s")
    print(f"ratio to one long extraction: {after / long_run:.2f} (about {args.clients} if every abandoned "
          f"text were analysed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
