#!/usr/bin/env python
"""Search speed on PostgreSQL at scale, against substring matching on the same data.

    scripts/with-postgres.sh .venv/bin/python scripts/benchmark_search.py [--statements 200000]

Migrates the (throw-away) database DATABASE_URL names, fills it with made-up
people, meetings and statements, then times, for a few queries, (a) the
QuerySet.search() the pages use (full-text search behind GIN indexes) and (b)
the same filter written as case-insensitive substring matching (what SQLite
falls back to), counting the matches and fetching the first page of 25.
Prints milliseconds (median of 5 runs) and the ratio b/a, and whether the
plan of (a) uses each search index. The data is made up: no article text.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from meetings import search  # noqa: E402
from meetings.models import Article, Country, Meeting, Participation, Person, Statement  # noqa: E402

WORDS = ("cooperation security trade energy talks region partnership stability economy development investment "
         "dialogue consultation relations strategic bilateral ministers summit agreement pipeline border climate "
         "finance infrastructure connectivity transport agriculture technology health education culture tourism "
         "sovereignty territorial integrity peace crisis sanctions settlement interests mutual respect").split()
GIVEN = "Ana Boris Chen Dilnoza Emre Fatima Guo Hiro Ivan Jamal Kairat Lena Mevlüt Nurlan Olga Priya Rustam".split()
FAMILY = "Abdyldaev Çavuşoğlu Kamilov Lavrov Mezentsev Sarybai Wang Zarifi Kim Novak Okafor Silva Tanaka".split()


def fill(n_statements: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    countries = list(Country.objects.all()[:60])
    article = Article.objects.create(title="Benchmark", text="made up", content_hash="benchmark")
    people = Person.objects.bulk_create(
        Person(name=f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}", slug=f"p-{i}", country=rng.choice(countries))
        for i in range(max(n_statements // 20, 10))
    )
    meetings = Meeting.objects.bulk_create(
        Meeting(title=f"{rng.choice(people).name} meets {rng.choice(people).name} on {rng.choice(WORDS)}",
                slug=f"m-{i}", place=rng.choice(["Beijing", "Moscow", "Astana", "Ankara", "Geneva"]))
        for i in range(max(n_statements // 4, 10))
    )
    Participation.objects.bulk_create(
        Participation(meeting=m, person=p, country=p.country)
        for m in meetings for p in {rng.choice(people), rng.choice(people)}
    )
    batch = []
    for i in range(n_statements):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40)))
        batch.append(Statement(speaker=rng.choice(people), article=article, text=text, meeting=rng.choice(meetings)))
        if len(batch) == 5000:
            Statement.objects.bulk_create(batch)
            batch = []
    Statement.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def timed(run) -> float:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def plan_uses(queryset, index: str) -> bool:
    sql, params = queryset.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        return any(index in row[0] for row in cursor.fetchall())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--statements", type=int, default=200_000)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("benchmark_search: needs PostgreSQL (run it under scripts/with-postgres.sh)")
    call_command("migrate", verbosity=0)
    if not Statement.objects.exists():
        started = time.perf_counter()
        fill(args.statements)
        print(f"filled {Statement.objects.count()} statements, {Meeting.objects.count()} meetings, "
              f"{Person.objects.count()} people in {time.perf_counter() - started:.0f} s")
    cases = [
        (Statement, "sanctions pipeline", ["text", "speaker__name"], "statement_search_idx"),
        (Statement, '"territorial integrity" -crisis', ["text", "speaker__name"], "statement_search_idx"),
        (Meeting, "Lavrov energy", ["title", "place"], "meeting_search_idx"),
        (Person, "Cavusoglu", ["name"], "person_search_idx"),
    ]
    print(f"{'model':10} {'query':34} {'matches':>8} {'search ms':>10} {'substring ms':>13} {'ratio':>6}  index")
    for model, text, fields, index in cases:
        found = model.objects.search(text)
        plain = model.objects.filter(search.fallback_condition(fields, text))
        fast = timed(lambda: (found.count(), list(found[:25])))
        slow = timed(lambda: (plain.count(), list(plain[:25])))
        print(f"{model.__name__:10} {text:34} {found.count():>8} {fast:>10.1f} {slow:>13.1f} {slow / fast:>6.1f}  "
              f"{'used' if plan_uses(found, index) else 'NOT USED'}")


if __name__ == "__main__":
    main()
