#!/usr/bin/env python
"""Extraction speed against bare spaCy, in the same process.

    python scripts/benchmark_extraction.py [--copies N] [--n-process P] [FOLDER]

Reads every article in FOLDER (default: fixtures/articles), repeats the set N
times, and prints articles per second for (a) bare spaCy, nlp.pipe over the
same paragraphs, and (b) the whole extraction (reading, parsing, rules), and
the ratio b/a. The target is a ratio of at least 0.7.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from meetings.extraction import nlp  # noqa: E402
from meetings.extraction.pipeline import extract, parser_texts  # noqa: E402
from meetings.extraction.reader import read_article  # noqa: E402



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "fixtures" / "articles")
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    files = sorted(p for p in args.folder.iterdir() if p.suffix in {".txt", ".html"}) * args.copies
    model = nlp.get_nlp()
    model("warm up")  # loading is not what we measure
    texts_of = parser_texts

    def run_bare() -> float:
        start = time.perf_counter()
        articles = [read_article(f) for f in files]
        list(model.pipe([t for a in articles for t in texts_of(a)], batch_size=64, n_process=args.n_process))
        return time.perf_counter() - start

    def run_full() -> float:
        start = time.perf_counter()
        articles = [read_article(f) for f in files]
        bounds, texts = [], []
        for article in articles:
            chunk = texts_of(article)
            bounds.append((len(texts), len(texts) + len(chunk)))
            texts.extend(chunk)
        docs = list(model.pipe(texts, batch_size=64, n_process=args.n_process))
        for article, (lo, hi) in zip(articles, bounds):
            extract(article, docs[lo:hi])
        return time.perf_counter() - start

    # Alternate the two and keep each one's best of three, so warm-up favours neither.
    bare = full = float("inf")
    for _ in range(args.rounds):
        bare = min(bare, run_bare())
        full = min(full, run_full())
    paragraphs = [t for a in (read_article(f) for f in files) for t in texts_of(a)]

    n = len(files)
    words = sum(len(t.split()) for t in paragraphs)
    print(f"articles: {n} ({len(files) // args.copies} x {args.copies}), {len(paragraphs)} paragraphs, {words} words")
    print(f"bare spaCy (read + nlp.pipe): {n / bare:8.1f} articles/s")
    print(f"full extraction:              {n / full:8.1f} articles/s")
    print(f"ratio full / bare:            {bare / full:8.2f}  (target >= 0.70)")


if __name__ == "__main__":
    main()
