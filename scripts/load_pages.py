#!/usr/bin/env python
"""Throughput and latency of a running Chancery under concurrent load (bounded, local only).

    scripts/load_pages.py [--base http://127.0.0.1:8000] [--connections 32] [--duration 15] [--max-requests 20000]

For a list page, a detail page and a search page in turn, `--connections`
threads each send requests one after another (a new connection per request,
as a browser behind a proxy would) for `--duration` seconds or until
`--max-requests` in all, then it prints requests per second, the median and
99th percentile latency, and the number of errors (anything but HTTP 200).
Only 127.0.0.1 / localhost / ::1 are accepted: this is not a tool to aim at
someone else's server. The detail page is the first meeting linked from
/meetings/ unless --detail is given.
"""
from __future__ import annotations

import argparse
import http.client
import re
import statistics
import sys
import threading
import time
from urllib.parse import urlsplit

LOCAL = {"127.0.0.1", "localhost", "::1"}


def fetch(host: str, port: int, path: str, timeout: float) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def hammer(host: str, port: int, path: str, connections: int, duration: float, max_requests: int,
           timeout: float) -> dict:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.monotonic() + duration

    def worker():
        nonlocal errors
        while time.monotonic() < deadline:
            with lock:
                if len(latencies) + errors >= max_requests:
                    return
            started = time.perf_counter()
            try:
                status, _ = fetch(host, port, path, timeout)
            except OSError:
                status = 0
            elapsed = time.perf_counter() - started
            with lock:
                if status == 200:
                    latencies.append(elapsed)
                else:
                    errors += 1

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))] if latencies else float("nan")
    return dict(requests=len(latencies), errors=errors, rps=len(latencies) / wall,
                median=statistics.median(latencies) * 1000 if latencies else float("nan"), p99=p99 * 1000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--duration", type=float, default=15, help="seconds per page")
    parser.add_argument("--max-requests", type=int, default=20000, help="per page")
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--list", default="/meetings/")
    parser.add_argument("--detail", help="default: the first meeting linked from /meetings/")
    parser.add_argument("--search", default="/statements/?q=cooperation")
    args = parser.parse_args()

    url = urlsplit(args.base)
    if url.scheme != "http" or url.hostname not in LOCAL:
        parser.error("--base must be http:// on 127.0.0.1, localhost or ::1")
    if not (1 <= args.connections <= 256 and 0 < args.duration <= 300):
        parser.error("--connections must be 1-256 and --duration at most 300 s")
    host, port = url.hostname, url.port or 80

    status, body = fetch(host, port, args.list, args.timeout)
    if status != 200:
        sys.exit(f"{args.list} answered HTTP {status}: is the server running, with 127.0.0.1 in DJANGO_ALLOWED_HOSTS?")
    detail = args.detail
    if not detail:
        # A meeting's page, not the feed's (/meetings/feed/), which the list also links.
        found = re.search(rb'href="(/meetings/(?!feed/)[^/"?]+/)"', body)
        if not found:
            sys.exit("no meeting linked from /meetings/: pass --detail")
        detail = found.group(1).decode()

    print(f"{args.connections} connections, {args.duration:g} s or {args.max_requests} requests per page, {args.base}")
    print(f"{'page':<40} {'requests':>9} {'errors':>7} {'req/s':>7} {'median ms':>10} {'p99 ms':>8}")
    for label, path in (("list", args.list), ("detail", detail), ("search", args.search)):
        r = hammer(host, port, path, args.connections, args.duration, args.max_requests, args.timeout)
        print(f"{label + ' ' + path:<40.40} {r['requests']:>9} {r['errors']:>7} {r['rps']:>7.1f} "
              f"{r['median']:>10.0f} {r['p99']:>8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
