"""Importing many articles: files streamed, spaCy batched, extraction in worker processes.

The parent process reads each file, skips those already stored, and hands the
rest to extraction in batches (one nlp.pipe call per batch); with `workers` > 1
the batches go to that many processes, a bounded number at a time, so memory
stays flat however many files there are. Every database write stays in the
parent, in file order, each article in its own transaction
(`importing.article_store`): the records are those a one-by-one import gives.
"""
from __future__ import annotations

import datetime as dt
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from pathlib import Path

from meetings.extraction.types import ArticleError

from . import importing
from .extraction_batches import Outcome, extract_each, extract_in_worker, warm_up
from .importing import ImportResult, Prepared


def articles_import(files: Iterable[Path], *, published: dt.date | None = None, source: str = "",
                    update: bool = False, workers: int = 1, batch: int = 16) -> Iterator[ImportResult]:
    """Import `files`, yielding each article's result as it is stored (failures and duplicates as
    soon as they are found). `batch` articles share one spaCy batch (1: each article alone)."""
    batches = _batches(files, published=published, source=source, update=update, size=max(1, batch))
    if workers <= 1:
        for item in batches:
            if isinstance(item, ImportResult):
                yield item
            else:
                yield from _store(item, extract_each([p.parsed for p in item], extract_one=_extract), update)
        return
    with ExitStack() as stack:
        pool, in_flight = None, deque()
        for item in batches:
            if isinstance(item, ImportResult):
                yield item
                continue
            # Started at the first article to extract: a folder already imported loads no engine.
            pool = pool or stack.enter_context(_pool(workers))
            in_flight.append((item, pool.submit(extract_in_worker, [p.parsed for p in item], 64)))
            # Two batches per worker keep every worker busy while the parent writes; no more,
            # so that a large folder is not read ahead into memory.
            while len(in_flight) >= 2 * workers:
                yield from _collect(*in_flight.popleft(), update)
        while in_flight:
            yield from _collect(*in_flight.popleft(), update)


def _pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes forked from this one once the engine is loaded, so that they share
    its tables and start at once; they never touch the database (nor the connections they
    inherit: a worker ends with os._exit). Where fork is missing, each worker loads the engine."""
    if "fork" in multiprocessing.get_all_start_methods():
        warm_up()
        return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=warm_up)


def _extract(article, docs=None):
    # Looked up at each call, so that tests can replace the engine in importing.
    return importing.extract(article, docs) if docs is not None else importing.extract(article)


def _batches(files, *, published, source, update, size) -> Iterator[ImportResult | list[Prepared]]:
    """Read files one at a time: a result for those that fail to read or are stored already,
    and batches of `size` articles to extract."""
    pending: list[Prepared] = []
    for path in files:
        try:
            prepared = importing.article_prepare(path=path, published=published, source=source)
        except ArticleError as exc:
            yield ImportResult(Path(path).name, "failed", error=str(exc))
            continue
        duplicate = importing.article_duplicate(prepared, update=update)
        if duplicate:
            yield duplicate
            continue
        pending.append(prepared)
        if len(pending) >= size:
            yield pending
            pending = []
    if pending:
        yield pending


def _collect(batch: list[Prepared], future, update: bool) -> Iterator[ImportResult]:
    try:
        outcomes = future.result()
    except Exception as exc:  # noqa: BLE001 (a worker that died fails its batch, named)
        outcomes = [f"the extraction worker failed: {type(exc).__name__}: {exc}"] * len(batch)
    yield from _store(batch, outcomes, update)


def _store(batch: list[Prepared], outcomes: list[Outcome], update: bool) -> Iterator[ImportResult]:
    for prepared, outcome in zip(batch, outcomes):
        if isinstance(outcome, str):
            yield importing.extraction_failed(prepared.name, outcome)
        else:
            yield importing.article_store(prepared, outcome, update=update)
