"""Scaling benchmark: seconds per 10k characters of ``sayso.extract`` on synthetic news texts of
growing length, and the ratio of the largest size's rate to the smallest's (target: under 1.5,
i.e. extraction time grows linearly with the text).

Run by hand, not in CI (several minutes at 1M characters on 2 cores):

    python bench/scale.py                          # 10k, 100k and 1M chars, both variants
    python bench/scale.py --sizes 10k,50k,100k --variant dense
    python bench/scale.py --digest                 # also a hash of each analysis (to compare runs)

Two variants: ``news`` (paragraphs of said-clauses, quotes split by their cue, "according to",
pronouns and narration) and ``dense`` (thousands of short quotes, a few dozen characters
each). Each size runs in its own process, so that its peak RSS is its own; the pipeline and
the model are loaded, and a short text run, before the clock starts.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import time

FIRST = ["Maria", "John", "Ahmed", "Li", "Sofia", "David", "Fatima", "Peter", "Elena", "Samuel",
         "Grace", "Omar", "Hannah", "Victor", "Amira", "Thomas", "Nadia", "Carlos", "Ingrid", "Kwame"]
LAST = ["Okafor", "Lindqvist", "Haddad", "Moreno", "Brennan", "Tanaka", "Kowalski", "Mensah",
        "Alvarez", "Petrov", "Nakamura", "O'Neill", "Fischer", "Rahman", "Costa", "Whitfield"]
ROLES = ["a spokesman for the ministry", "the city's mayor", "a senior economist", "the union leader",
         "a professor of law", "the chief executive", "a local farmer", "the police chief"]
ORGS = ["the Interior Ministry", "the World Bank", "Northfield Council", "the Transport Union",
        "the National Grid", "Harbor Health Trust", "the Electoral Commission", "Apex Mining"]
PLACES = ["Lagos", "Riverton", "Basra", "Valparaiso", "Gdansk", "Osaka", "Accra", "Dunmore"]
CUES = ["said", "told reporters", "added", "warned", "insisted", "explained", "claimed", "noted"]
CLAUSES = ["the budget would be cut by a third next year", "the dam could fail within weeks",
           "talks with the union had broken down", "nobody had been told about the closure",
           "prices might rise again before the winter", "the report was deeply flawed",
           "the council had no plans to sell the land", "the vote would go ahead as planned",
           "the company had not paid its workers since March", "the new line will open in June"]
STATEMENTS = ["We will not back down", "This is a disaster for the whole region",
              "Nobody asked us what we wanted", "The numbers simply do not add up",
              "We are doing everything we can", "It is too early to say what happened",
              "I have never seen anything like it", "They knew and they did nothing"]
NARRATION = ["The meeting in {place} lasted more than four hours.",
             "Officials in {place} closed two roads on Tuesday.",
             "{org} published its annual report last week.",
             "Hundreds of people gathered outside the town hall in {place}.",
             "The plan was first announced in {place} in 2019."]
SHORT = ["no", "yes", "maybe", "never", "later", "fine", "not now", "a mess", "too late", "why not"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _news_paragraph(rng: random.Random) -> str:
    name, org, place = _person(rng), rng.choice(ORGS), rng.choice(PLACES)
    statement, clause, cue = rng.choice(STATEMENTS), rng.choice(CLAUSES), rng.choice(CUES)
    forms = [
        f"“{statement},” {rng.choice(['said', 'added', 'warned', 'explained'])} {name}, {rng.choice(ROLES)}. "
        f"“{rng.choice(STATEMENTS)}.”",
        f"{name} said {clause}. He added that {rng.choice(CLAUSES)}.",
        f"According to {org}, {clause}. {rng.choice(NARRATION).format(place=place, org=org)}",
        f"{org[0].upper()}{org[1:]} {cue} on Monday that {clause}, calling the decision “{rng.choice(SHORT)}”.",
        f"{rng.choice(NARRATION).format(place=place, org=org)} “{statement},” she said.",
        f"{name}, who spoke from {place}, said: “{statement}. {rng.choice(STATEMENTS)}.”",
    ]
    return " ".join(rng.sample(forms, 2))


def _dense_paragraph(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(4, 8)):
        name = rng.choice(LAST)
        lines.append(rng.choice([f"{name} said “{rng.choice(SHORT)}.”", f"“{rng.choice(SHORT).capitalize()},” he said.",
                                 f"She called it “{rng.choice(SHORT)}”.", f"“{rng.choice(SHORT).capitalize()}.”"]))
    return " ".join(lines)


def build(variant: str, size: int, seed: int = 7) -> str:
    """A synthetic article of about ``size`` characters, cut at a paragraph break."""
    rng = random.Random(f"{variant}-{seed}")
    make = _dense_paragraph if variant == "dense" else _news_paragraph
    paragraphs, total = [f"{rng.choice(PLACES).upper()} — {_news_paragraph(rng)}"], 0
    while total < size:
        paragraphs.append(make(rng))
        total += len(paragraphs[-1]) + 2
    text = "\n\n".join(paragraphs)
    return text[: text.rfind("\n\n", 0, size)] if len(text) > size else text


def _size(value: str) -> int:
    value = value.strip().lower()
    factor = {"k": 1_000, "m": 1_000_000}.get(value[-1:], 1)
    return int(float(value.rstrip("km")) * factor)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(variant: str, size: int, engine: str | None, digest: bool) -> dict:
    """Extract one synthetic text in this process: seconds, quotes and peak RSS."""
    import sayso

    text = build(variant, size)
    sayso.extract(build(variant, 2_000), engine=engine)  # warm up: pipeline and model loaded
    before = _rss_mb()
    started = time.perf_counter()
    analysis = sayso.extract(text, normalized=True, engine=engine)
    seconds = time.perf_counter() - started
    result = {"variant": variant, "chars": len(text), "seconds": seconds, "quotes": len(analysis.quotes),
              "rss_before_mb": before, "rss_mb": _rss_mb()}
    if digest:
        data = json.dumps(analysis.to_dict(), sort_keys=True, ensure_ascii=False).encode()
        result["digest"] = hashlib.sha256(data).hexdigest()[:16]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k,1m", help="comma-separated sizes (default 10k,100k,1m)")
    parser.add_argument("--variant", choices=("news", "dense", "both"), default="both")
    parser.add_argument("--engine", default=None, help="engine (default: sayso's default)")
    parser.add_argument("--digest", action="store_true", help="print a hash of each analysis")
    parser.add_argument("--one", nargs=2, metavar=("VARIANT", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.one:
        print(json.dumps(run_one(args.one[0], _size(args.one[1]), args.engine, args.digest)))
        return 0
    sizes = sorted(_size(s) for s in args.sizes.split(","))
    variants = ("news", "dense") if args.variant == "both" else (args.variant,)
    print(f"engine {args.engine or 'default'}; one process per size; peak RSS includes the loaded models")
    print(f"{'variant':<7} {'chars':>9} {'quotes':>7} {'seconds':>8} {'s/10k':>7} {'RSS MB':>7} {'+MB':>6}"
          + (f" {'digest':>16}" if args.digest else ""))
    for variant in variants:
        rates = []
        for size in sizes:
            command = [sys.executable, __file__, "--one", variant, str(size)]
            command += ["--engine", args.engine] if args.engine else []
            command += ["--digest"] if args.digest else []
            done = subprocess.run(command, capture_output=True, text=True, env=os.environ)
            if done.returncode:
                print(done.stderr[-2000:], file=sys.stderr)
                return 1
            r = json.loads(done.stdout.strip().splitlines()[-1])
            rate = r["seconds"] / r["chars"] * 10_000
            rates.append(rate)
            print(f"{variant:<7} {r['chars']:>9,} {r['quotes']:>7} {r['seconds']:>8.1f} {rate:>7.2f} "
                  f"{r['rss_mb']:>7.0f} {r['rss_mb'] - r['rss_before_mb']:>6.0f}"
                  + (f" {r['digest']:>16}" if args.digest else ""), flush=True)
        ratio = rates[-1] / rates[0]
        verdict = "meets" if ratio < 1.5 else "MISSES"
        print(f"{variant}: s/10k at {sizes[-1]:,} / at {sizes[0]:,} = {ratio:.2f} ({verdict} the 1.5 target)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
