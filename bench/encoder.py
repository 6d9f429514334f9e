"""Encoder tagger benchmark: articles/s of the exported ONNX tagger alone (int8 and fp32) on
PolNeAR dev texts, as a ratio of a bare spaCy parse of the same texts in the same run, and the
process's peak memory.

Run by hand, not in CI:

    python bench/encoder.py FOLDER                 # FOLDER from `sayso train export`
    python bench/encoder.py FOLDER --articles 20 --rounds 2

Both models and the spaCy pipeline are loaded, and one article run, before the clock starts;
they take turns within each round, and the best round counts.
"""
from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "polnear"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="an exported encoder tagger (model.onnx, tokenizer.json)")
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=40, help="dev texts to run (default 40)")
    parser.add_argument("--rounds", type=int, default=1, help="timed rounds; the best counts")
    parser.add_argument("--threads", type=int, default=0, help="ONNX Runtime threads (0: its default)")
    parser.add_argument("--stride", type=int, default=None, help="step between windows (default: the model's)")
    args = parser.parse_args(argv)

    from sayso.model.encoder.export import FP32
    from sayso.model.encoder.runtime import MODEL, EncoderTagger
    from sayso.nlp import load_pipeline

    paths = sorted((args.corpus / "dev" / "text").glob("*.txt"))[: args.articles]
    if not paths:
        raise SystemExit(f"no dev texts under {args.corpus}")
    texts = [p.read_text("utf-8") for p in paths]
    nlp = load_pipeline()
    runs = {"spacy parse": lambda text: len(nlp(text))}
    for name, model in (("onnx int8", MODEL), ("onnx fp32", FP32)):
        if (args.folder / model).is_file():
            tagger = EncoderTagger(args.folder, model, threads=args.threads, stride=args.stride)
            runs[name] = lambda text, tagger=tagger: len(tagger.char_spans(text))
    for run in runs.values():
        run(texts[0])

    best: dict[str, float] = {}
    for _ in range(args.rounds):
        for name, run in runs.items():
            started = time.perf_counter()
            for text in texts:
                run(text)
            seconds = time.perf_counter() - started
            best[name] = min(best.get(name, seconds), seconds)
    print(f"{len(texts)} PolNeAR dev articles, {sum(len(t) for t in texts):,} characters, "
          f"{args.rounds} round(s), one process")
    print(f"{'run':<12} {'seconds':>8} {'articles/s':>11} {'× parse':>8}")
    for name in runs:
        print(f"{name:<12} {best[name]:>8.1f} {len(texts) / best[name]:>11.2f} "
              f"{best['spacy parse'] / best[name]:>8.2f}")
    sizes = {m: (args.folder / m).stat().st_size / 1e6 for m in (MODEL, FP32) if (args.folder / m).is_file()}
    print("model files: " + ", ".join(f"{m} {mb:.1f} MB" for m, mb in sizes.items()))
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
