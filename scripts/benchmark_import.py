#!/usr/bin/env python
"""Import speed and memory of `import_articles`, configurations side by side in one run.

    python scripts/benchmark_import.py [--articles 1000] [--database-url URL]

Writes N article files (copies of fixtures/articles, each with a line of its
own so that no two files have the same hash; the records they give repeat, as
a week of wire copy does), then imports them with each configuration in a
fresh process and a fresh database: one worker and each article parsed alone
(the baseline, as imports ran before batching), one worker with spaCy batches
of 16 articles, and two worker processes without and with batches. Prints, for
each, articles per second (overall, and over the second and the last tenth of the
articles: the same when the cost of an article does not grow with the
database), the peak resident memory of the importing process (and of its workers), its resident memory after 10% and after 100% of the
articles (flat memory: the two are close), and the ratios against the baseline.

By default each configuration imports into a new SQLite file; with
--database-url (a throw-away PostgreSQL database: it is flushed before each
run) into that database.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "articles"
CONFIGURATIONS = [(1, 1), (1, 16), (2, 1), (2, 16)]  # (workers, articles per spaCy batch); the first is the baseline


def write_articles(folder: Path, count: int) -> None:
    """`count` files: the fixture articles in turn, each copy with one line of its own."""
    sources = sorted(p for p in FIXTURES.iterdir() if p.suffix in {".txt", ".html"})
    for n in range(count):
        source = sources[n % len(sources)]
        text = source.read_text(encoding="utf-8")
        mark = f"Archive copy number {n} of this report."
        if source.suffix == ".html":
            text = text.replace("</body>", f"<!-- {mark} --></body>", 1)
        else:
            text = text.rstrip("\n") + f"\n\n{mark}\n"
        (folder / f"{n:06d}-{source.name}").write_text(text, encoding="utf-8")


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_one(folder: Path, workers: int, batch: int) -> dict:
    """In a process of its own: migrate, import the folder, report time and memory as JSON."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["DJANGO_DEBUG"] = "false"  # no query log kept in memory
    os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only")
    import django

    django.setup()
    from django.core.management import call_command

    from meetings.services.bulk_import import articles_import
    from meetings.services.importing import article_files

    call_command("migrate", verbosity=0)
    if os.environ.get("BENCHMARK_FLUSH"):
        call_command("flush", interactive=False, verbosity=0)
    total = sum(1 for _ in article_files([folder]))
    statuses: dict[str, int] = {}
    resident_at_tenth = 0.0
    tenth = max(1, total // 10)
    started = time.perf_counter()
    marks = {}
    for n, result in enumerate(articles_import(article_files([folder]), workers=workers, batch=batch), 1):
        statuses[result.status] = statuses.get(result.status, 0) + 1
        if n in (tenth, 2 * tenth, total - tenth):
            marks[n] = time.perf_counter()
        if n == tenth:
            resident_at_tenth = resident_mb()
    seconds = time.perf_counter() - started
    return {
        "workers": workers, "batch": batch, "articles": total, "statuses": statuses, "seconds": seconds,
        "rate": total / seconds,
        # The pace of the last tenth against the second: flat when the cost per article does not grow.
        "rate_second_tenth": tenth / (marks[2 * tenth] - marks[tenth]) if 2 * tenth in marks else 0.0,
        "rate_last_tenth": tenth / (started + seconds - marks[total - tenth]) if total - tenth in marks else 0.0,
        "rss_at_tenth_mb": resident_at_tenth, "rss_at_end_mb": resident_mb(),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "workers_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--database-url", help="a throw-away database, flushed before each run (default: new SQLite files)")
    parser.add_argument("--run-one", nargs=3, metavar=("FOLDER", "WORKERS", "BATCH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_one:
        folder, workers, batch = args.run_one
        print(json.dumps(run_one(Path(folder), int(workers), int(batch))))
        return

    with tempfile.TemporaryDirectory(prefix="chancery-import-benchmark-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        write_articles(folder, args.articles)
        print(f"{args.articles} articles ({len(list(FIXTURES.iterdir()))} fixture articles, each copy changed)")
        rows = []
        for n, (workers, batch) in enumerate(CONFIGURATIONS):
            env = dict(os.environ)
            if args.database_url:
                env.update(DATABASE_URL=args.database_url, BENCHMARK_FLUSH="1")
            else:
                env["DATABASE_URL"] = f"sqlite:///{tmp}/run-{n}.sqlite3"
            out = subprocess.run([sys.executable, __file__, "--run-one", str(folder), str(workers), str(batch)],
                                 env=env, check=True, capture_output=True, text=True).stdout
            row = json.loads(out.strip().splitlines()[-1])
            rows.append(row)
            print(f"  done: {workers} worker(s), batch {batch}: {row['rate']:.2f} articles/s", flush=True)

    base = rows[0]
    print()
    print(f"{'workers':>7} {'batch':>5} {'articles/s':>10} {'x base':>6} {'2nd 10%':>7} {'last 10%':>8} "
          f"{'peak MB':>8} {'x base':>6} {'workers MB':>10} {'RSS 10%':>8} {'RSS 100%':>8}  statuses")
    for row in rows:
        print(f"{row['workers']:>7} {row['batch']:>5} {row['rate']:>10.2f} {row['rate'] / base['rate']:>6.2f} "
              f"{row['rate_second_tenth']:>7.2f} {row['rate_last_tenth']:>8.2f} "
              f"{row['peak_mb']:>8.0f} {row['peak_mb'] / base['peak_mb']:>6.2f} "
              f"{row['workers_peak_mb'] if row['workers'] > 1 else 0:>10.0f} "
              f"{row['rss_at_tenth_mb']:>8.0f} {row['rss_at_end_mb']:>8.0f}  {row['statuses']}")


if __name__ == "__main__":
    main()
