#!/usr/bin/env python
"""Server time of every page at research scale, next to the same page on the demo data.

    scripts/benchmark_pages.py --large postgres://…/large --demo postgres://…/demo [--runs 15] [--no-exports]

Each database is served by its own long-lived child process (Django's test
client, DEBUG off, the settings of production otherwise). For each page, each
child makes two warm-up requests, then the two take turns, request by request,
for `--runs` timed ones each: a slow spell of the machine falls on both sides
of the ratio, not on one (measured one side after the other, the same page's
demo median moved by half between runs). The table gives the median and 95th
percentile of the time to build the whole response, the number of SQL
queries, and the ratio large/demo. The large database is filled beforehand
with `manage.py generate_data --meetings 100000`; the demo database gets
`fixtures/demo.json` when it is empty. Pages that need a record (a busy
person, a meeting, an article, ...) take the record with the most rows
behind it, found before timing starts.

Exports are measured once each in a fresh child process: time to the first
data row, total time, rows, and the peak memory (RSS) of the process.

Targets (issue 9): every page under 100 ms median on the large data and
within 2x its demo time; exports under 300 MB with the first row within 1 s.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE_LABELS = [
    "home", "people", "people, sorted by meetings", "countries", "countries, sorted by meetings", "busy person",
    "busy country", "busy country pair", "busy organisation", "statements", "statements, page 300 (or last)",
    "statements ?q=cooperation", "statements ?q=busy surname", "articles", "organisations",
    "organisations, sorted by meetings", "meetings", "meetings ?q=busy surname", "meetings ?country=busiest",
    "a meeting", "an article", "search ?q=cooperation", "search ?q=busy surname", "about the data",
]
EXPORTS = {"meetings CSV (all)": "/meetings/?format=csv", "statements CSV (all)": "/statements/?format=csv"}


def child_env(url: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": "benchmark-only",
            "DJANGO_ALLOWED_HOSTS": "testserver", "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_SETTINGS_MODULE": "config.settings"}


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def pages() -> dict[str, str]:
    """Every page of the issue's table, with the busiest record where a page needs one."""
    from django.db.models import Count

    from meetings.models import Article, Country, Meeting, Organisation, Participation, Person, Statement

    def busiest(queryset, field):
        row = queryset.values(field).annotate(n=Count("pk")).order_by("-n", field).first()
        return row[field] if row else None

    person = Person.objects.get(pk=busiest(Participation.objects.all(), "person"))
    country = Country.objects.get(pk=busiest(Participation.objects.exclude(country=None), "country"))
    organisation = Organisation.objects.get(pk=busiest(Meeting.objects.exclude(organisation=None), "organisation"))
    partner = Country.objects.get(pk=busiest(Participation.objects.exclude(country=None).exclude(country=country)
                                            .filter(meeting__participations__country=country), "country"))
    meeting = Meeting.objects.get(pk=busiest(Participation.objects.all(), "meeting"))
    article = busiest(Statement.objects.all(), "article")
    surname = person.name.split()[-1]
    deep = min(300, max(1, (Statement.objects.count() + 24) // 25))
    return {
        "home": "/",
        "people": "/people/",
        "people, sorted by meetings": "/people/?o=-meetings",
        "countries": "/countries/",
        "countries, sorted by meetings": "/countries/?o=-meetings",
        "busy person": person.get_absolute_url(),
        "busy country": country.get_absolute_url(),
        "busy country pair": f"/countries/{country.code}/{partner.code}/",
        "busy organisation": organisation.get_absolute_url(),
        "statements": "/statements/",
        "statements, page 300 (or last)": f"/statements/?page={deep}",
        "statements ?q=cooperation": "/statements/?q=cooperation",
        "statements ?q=busy surname": f"/statements/?q={surname}",
        "articles": "/articles/",
        "organisations": "/organisations/",
        "organisations, sorted by meetings": "/organisations/?o=-meetings",
        "meetings": "/meetings/",
        "meetings ?q=busy surname": f"/meetings/?q={surname}",
        "meetings ?country=busiest": f"/meetings/?country={country.code}",
        "a meeting": meeting.get_absolute_url(),
        "an article": Article.objects.get(pk=article).get_absolute_url(),
        "search ?q=cooperation": "/search/?q=cooperation",
        "search ?q=busy surname": f"/search/?q={surname}",
        "about the data": "/about/data/",
    }


def serve_pages(load_demo: bool) -> None:
    """The child's side: prepare the database, then answer the parent's requests, one JSON line each.

    A line {"label": ...} is answered with the time of one request of that page, {"queries": label} with
    the number of queries it runs, and an empty line ends the child."""
    # The answers go to the parent on the real stdout; anything else printed goes to stderr.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    setup_django()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from meetings.models import Meeting

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # DEBUG off serves the hashed names
    if load_demo and not Meeting.objects.exists():
        call_command("loaddata", "demo", verbosity=0)
    paths = pages()
    client = Client()
    print(json.dumps({"ready": True}), file=answers, flush=True)
    for line in sys.stdin:
        if not line.strip():
            break
        command = json.loads(line)
        if "queries" in command:
            with CaptureQueriesContext(connection) as queries:
                client.get(paths[command["queries"]])
            answer = {"queries": len(queries)}
        else:
            path = paths[command["label"]]
            started = time.perf_counter()
            response = client.get(path)
            body = response.content
            answer = {"ms": (time.perf_counter() - started) * 1000, "status": response.status_code,
                      "kb": len(body) / 1024, "path": path}
        print(json.dumps(answer), file=answers, flush=True)


class Server:
    """A child process serving one database's pages (serve_pages)."""

    def __init__(self, url: str, *args: str):
        self.process = subprocess.Popen([sys.executable, __file__, "--serve-pages", *args], env=child_env(url),
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.ask(None)

    def ask(self, command: dict | None) -> dict:
        if command is not None:
            self.process.stdin.write(json.dumps(command) + "\n")
            self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            sys.exit(f"benchmark child exited with {self.process.wait()}")
        return json.loads(line)

    def close(self) -> None:
        try:
            self.process.stdin.write("\n")
            self.process.stdin.close()
        except BrokenPipeError:  # it has exited already
            pass
        self.process.wait()


def measure_page(servers: list[Server], label: str, runs: int) -> list[dict]:
    """Two warm-up requests on each server, then `runs` timed ones, the servers taking turns (and turns
    about at going first)."""
    for server in servers:
        for _ in range(2):
            server.ask({"label": label})
    answers: list[list[dict]] = [[] for _ in servers]
    for run in range(runs):
        order = list(enumerate(servers))
        for index, server in order if run % 2 == 0 else reversed(order):
            answers[index].append(server.ask({"label": label}))
    results = []
    for server, timed in zip(servers, answers):
        times = sorted(a["ms"] for a in timed)
        results.append(dict(path=timed[-1]["path"], status=timed[-1]["status"], median=statistics.median(times),
                            p95=times[math.ceil(0.95 * len(times)) - 1], kb=timed[-1]["kb"],  # nearest rank
                            queries=server.ask({"queries": label})["queries"]))
    return results


def measure_export(path: str) -> dict:
    setup_django()
    from django.test import Client

    client = Client()
    started = time.perf_counter()
    response = client.get(path)
    first_row, rows, size = None, 0, 0
    for chunk in response.streaming_content:
        rows += 1
        size += len(chunk)
        if rows == 2:  # the first line is the header
            first_row = time.perf_counter() - started
    total = time.perf_counter() - started
    response.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return dict(path=path, first_row=first_row, total=total, rows=rows - 1, mb_out=size / 2**20, peak_mb=peak_mb)


def run_child(url: str, *args: str) -> dict:
    output = subprocess.run([sys.executable, __file__, *args], env=child_env(url), capture_output=True, text=True)
    if output.returncode:
        sys.exit(f"benchmark child {' '.join(args)} failed:\n{output.stderr}")
    return json.loads(output.stdout.strip().splitlines()[-1])


def database_size(url: str) -> str:
    code = ("from meetings.models import *; import json; print(json.dumps([m.objects.count() for m in "
            "(Meeting, Participation, Statement, Person, Article)]))")
    output = subprocess.run([sys.executable, str(ROOT / "manage.py"), "shell", "-c", code], env=child_env(url),
                            check=True, capture_output=True, text=True)
    counts = json.loads(output.stdout.strip().splitlines()[-1])
    return ("{:,} meetings, {:,} participations, {:,} statements, {:,} people, {:,} articles").format(*counts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--large", help="DATABASE_URL of the large database (generate_data)")
    parser.add_argument("--demo", help="DATABASE_URL of the demo database (loaded when empty)")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-exports", action="store_true")
    parser.add_argument("--only", help="measure only the pages whose label contains this text")
    parser.add_argument("--serve-pages", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--load-demo", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measure-export", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.serve_pages:
        serve_pages(args.load_demo)
        return 0
    if args.measure_export:
        print(json.dumps(measure_export(args.measure_export)))
        return 0
    if not (args.large and args.demo):
        parser.error("--large and --demo are required")

    servers = [Server(args.demo, "--load-demo"), Server(args.large)]  # migrated, demo data loaded
    print(f"demo:  {database_size(args.demo)}")
    print(f"large: {database_size(args.large)}")
    print(f"server time in ms (Django test client, DEBUG off), {args.runs} runs per page after 2 warm-up requests;")
    print("the demo and the large data take turns, request by request, so both see the same machine load\n")
    header = f"{'page':<32} {'demo med':>9} {'large med':>10} {'large p95':>10} {'ratio':>6} {'queries':>9} {'KB':>6}  ok"
    print(header)
    print("-" * len(header))
    failures = 0
    labels = [label for label in PAGE_LABELS if not args.only or args.only in label]
    try:
        for label in labels:
            d, l = measure_page(servers, label, args.runs)
            ratio = l["median"] / d["median"] if d["median"] else float("inf")
            ok = l["median"] < 100 and ratio <= 2 and l["status"] == 200
            failures += not ok
            print(f"{label:<32.32} {d['median']:>9.1f} {l['median']:>10.1f} {l['p95']:>10.1f} {ratio:>6.2f} "
                  f"{d['queries']:>4}/{l['queries']:<4} {l['kb']:>6.0f}  {'yes' if ok else 'NO'}"
                  + ("" if l["status"] == 200 else f" (HTTP {l['status']})"))
    finally:
        for server in servers:
            server.close()
    if not args.no_exports:
        print(f"\n{'export':<24} {'db':<6} {'rows':>10} {'MB out':>8} {'first row s':>12} {'total s':>8} {'peak RSS MB':>12}  ok")
        for label, path in EXPORTS.items():
            for name, url in (("demo", args.demo), ("large", args.large)):
                e = run_child(url, "--measure-export", path)
                ok = e["peak_mb"] < 300 and (e["first_row"] or 0) < 1
                failures += not ok
                print(f"{label:<24} {name:<6} {e['rows']:>10,} {e['mb_out']:>8.1f} {e['first_row'] or 0:>12.3f} "
                      f"{e['total']:>8.1f} {e['peak_mb']:>12.0f}  {'yes' if ok else 'NO'}")
    print(f"\n{failures} target(s) missed" if failures else "\nevery target met")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
