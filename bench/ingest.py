"""Ingest benchmark: articles/s through `sayso ingest` on a WARC of real news, against bare
`sayso.extract` on the same texts, and peak memory at 500 vs 5,000 articles (must stay flat).

Run by hand, not in CI (about half an hour on 2 cores):

    python bench/ingest.py                      # PolNeAR texts from ../shared/data/polnear
    python bench/ingest.py --small 100 --big 1000 --workers 2

The WARC is built here from the PolNeAR texts, each wrapped in minimal HTML with its title,
author, date and publisher. To reach more articles than the corpus has, texts are repeated
under new URLs with one line added ("Copy 2.") so that the content hash differs; otherwise
the store would rightly skip them as duplicates and nothing would be measured. Every
measurement runs in a fresh subprocess that reports its own peak RSS (getrusage ru_maxrss);
the model is loaded before the clock starts in both the ingest and the extract runs.
"""
from __future__ import annotations

import argparse
import csv
import html
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "polnear"


def load_corpus(corpus: Path) -> list[dict[str, str]]:
    """PolNeAR train and dev articles with their metadata, in a stable order."""
    meta: dict[str, dict[str, str]] = {}
    with (corpus / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            meta[row["filename"]] = row
    articles = []
    for split in ("train", "dev"):
        for path in sorted((corpus / split / "text").glob("*.txt")):
            row = meta.get(path.stem, {})
            articles.append({"name": path.stem, "text": path.read_text("utf-8"),
                             "title": row.get("title") or path.stem, "author": row.get("author") or "",
                             "date": row.get("publication_date") or "", "publisher": row.get("publisher") or "news"})
    if not articles:
        raise SystemExit(f"no PolNeAR texts under {corpus}")
    return articles


def copy_of(article: dict[str, str], number: int, corpus_size: int) -> tuple[str, str]:
    """(url, text) of the number-th article of the benchmark stream."""
    copy = number // corpus_size
    text = article["text"] if copy == 0 else f"{article['text'].rstrip()}\n\nCopy {copy + 1}."
    url = f"https://{article['publisher']}.example/{article['name']}" + (f"?copy={copy + 1}" if copy else "")
    return url, text


def page(article: dict[str, str], text: str) -> str:
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{html.escape(article['title'])}</title>"
            f"<meta name=\"author\" content=\"{html.escape(article['author'])}\">"
            f"<meta property=\"article:published_time\" content=\"{article['date']}\">"
            f"<meta property=\"og:site_name\" content=\"{article['publisher']}\"></head>"
            f"<body><article><h1>{html.escape(paragraphs[0] if paragraphs else '')}</h1>\n{body}</article></body></html>")


def build_warc(path: Path, articles: list[dict[str, str]], count: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for number in range(count):
            article = articles[number % len(articles)]
            url, text = copy_of(article, number, len(articles))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(page(article, text).encode("utf-8")), http_headers=headers))


def peak_rss_mb() -> dict[str, float]:
    # ru_maxrss is in kilobytes on Linux
    return {"self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


# -- children: one measurement each, in a fresh process ----------------------------------------
def child_ingest(warc: Path, db: Path, workers: int) -> dict:
    from sayso import settings
    from sayso.batch import ingest
    from sayso.nlp import load_pipeline
    from sayso.store import Store

    load_pipeline()
    with Store(db) as store:
        started = time.perf_counter()
        summary = ingest([str(warc)], store, workers=workers, options=settings.options())
        seconds = time.perf_counter() - started
    return {"articles": summary.stored, "failed": summary.failed, "seconds": seconds,
            "rate": summary.stored / seconds, "rss_mb": peak_rss_mb(), "db_mb": db.stat().st_size / 2**20}


def child_extract(corpus: Path, count: int) -> dict:
    import sayso
    from sayso.nlp import load_pipeline

    articles = load_corpus(corpus)
    texts = [copy_of(articles[n % len(articles)], n, len(articles))[1] for n in range(count)]
    load_pipeline()
    started = time.perf_counter()
    for text in texts:
        sayso.extract(text)
    seconds = time.perf_counter() - started
    return {"articles": count, "seconds": seconds, "rate": count / seconds, "rss_mb": peak_rss_mb()}


def run_child(*args: str) -> dict:
    result = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"benchmark child {args} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--small", type=int, default=500, help="articles in the speed run (>= 500)")
    parser.add_argument("--big", type=int, default=5000, help="articles in the memory run")
    parser.add_argument("--workers", type=int, default=1, help="--workers for the ingest runs")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        kind, *rest = args.child
        if kind == "ingest":
            out = child_ingest(Path(rest[0]), Path(rest[1]), int(rest[2]))
        else:
            out = child_extract(Path(rest[0]), int(rest[1]))
        print(json.dumps(out))
        return

    articles = load_corpus(args.corpus)
    print(f"sayso ingest benchmark: {len(articles)} PolNeAR articles from {args.corpus}, "
          f"workers={args.workers}")
    with tempfile.TemporaryDirectory(prefix="sayso-bench-") as tmp:
        work = Path(tmp)
        warcs = {}
        for count in (args.small, args.big):
            started = time.perf_counter()
            warcs[count] = work / f"news-{count}.warc.gz"
            build_warc(warcs[count], articles, count)
            print(f"built WARC of {count:,} articles: {warcs[count].stat().st_size / 2**20:.1f} MB "
                  f"in {time.perf_counter() - started:.1f} s")

        small = run_child("ingest", str(warcs[args.small]), str(work / "small.db"), str(args.workers))
        print(f"ingest  {small['articles']:>5,} articles: {small['seconds']:7.1f} s, {small['rate']:6.2f} articles/s, "
              f"peak RSS {small['rss_mb']['self']:.0f} MB (+ workers {small['rss_mb']['children']:.0f} MB), "
              f"db {small['db_mb']:.1f} MB, failed {small['failed']}")
        bare = run_child("extract", str(args.corpus), str(args.small))
        print(f"extract {bare['articles']:>5,} articles: {bare['seconds']:7.1f} s, {bare['rate']:6.2f} articles/s, "
              f"peak RSS {bare['rss_mb']['self']:.0f} MB (bare sayso.extract, one process)")
        print(f"ratio ingest/extract articles/s: {small['rate'] / bare['rate']:.2f}")

        big = run_child("ingest", str(warcs[args.big]), str(work / "big.db"), str(args.workers))
        print(f"ingest  {big['articles']:>5,} articles: {big['seconds']:7.1f} s, {big['rate']:6.2f} articles/s, "
              f"peak RSS {big['rss_mb']['self']:.0f} MB (+ workers {big['rss_mb']['children']:.0f} MB), "
              f"db {big['db_mb']:.1f} MB, failed {big['failed']}")
        print(f"peak RSS {args.big:,} vs {args.small:,} articles: {big['rss_mb']['self']:.0f} MB vs "
              f"{small['rss_mb']['self']:.0f} MB (x{big['rss_mb']['self'] / small['rss_mb']['self']:.2f})")


if __name__ == "__main__":
    main()
