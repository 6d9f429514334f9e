"""French throughput: sayso extract (rules) against a bare parse by the same French pipeline
(the ``model_fr`` setting, SAYSO_MODEL_FR: fr_core_news_sm by default) of the same texts in the
same run (the 16 French Wikinews articles of data/eval/news-fr), as a ratio.

    python bench/french.py [--rounds 3]
    SAYSO_MODEL_FR=fr_core_news_md python bench/french.py
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from sayso import extract, settings
from sayso.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1] / "data" / "eval" / "news-fr"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("*/text/*.txt"))]
    model = settings.get("model_fr")
    bare = spacy.load(model)
    load_pipeline(model)
    extract(texts[0], engine="rules")  # warm both
    bare(texts[0])
    best_bare = best_sayso = float("inf")
    for _ in range(args.rounds):
        started = time.perf_counter()
        for text in texts:
            bare(text)
        best_bare = min(best_bare, time.perf_counter() - started)
        started = time.perf_counter()
        for text in texts:
            extract(text, engine="rules")
        best_sayso = min(best_sayso, time.perf_counter() - started)
    chars = sum(map(len, texts))
    print(f"{len(texts)} French articles, {chars:,} characters, {model}, best of {args.rounds}")
    print(f"bare parse : {chars / best_bare:8.0f} chars/s")
    print(f"sayso rules: {chars / best_sayso:8.0f} chars/s  ({best_bare / best_sayso:.2f}x the bare parse)")


if __name__ == "__main__":
    main()
