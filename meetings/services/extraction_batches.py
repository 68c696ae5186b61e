"""Extraction of several articles at once: one spaCy batch, and worker processes.

This module imports nothing of Django, so that a worker process started with
"spawn" loads only the extraction engine; the parent keeps every database write.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from meetings.extraction import nlp
from meetings.extraction.pipeline import extract, parse_articles
from meetings.extraction.reader import parse_text
from meetings.extraction.types import Article, Extraction

log = logging.getLogger(__name__)

# What extracting one article gave: its extraction, or why it failed ("RuntimeError: ...").
Outcome = Extraction | str


def extract_each(articles: list[Article], batch_size: int = 64,
                 extract_one: Callable[..., Extraction] = extract) -> list[Outcome]:
    """Every article's extraction, their paragraphs parsed in one nlp.pipe batch. An article
    whose extraction raises fails alone; if the batch itself cannot be parsed, each article
    is parsed on its own, so that the one to blame fails and the others do not."""
    try:
        docs = parse_articles(articles, batch_size=batch_size) if len(articles) > 1 else [None] * len(articles)
    except Exception:  # noqa: BLE001
        docs = [None] * len(articles)
    outcomes: list[Outcome] = []
    for article, article_docs in zip(articles, docs):
        try:
            outcomes.append(extract_one(article, article_docs))
        except Exception as exc:  # noqa: BLE001 (a bug in the engine fails this article alone)
            log.exception("extraction of %s failed", article.filename)
            outcomes.append(f"{type(exc).__name__}: {exc}")
    return outcomes


# A few words that make the engine load what it loads on first use (the spaCy pipeline, the
# tables of places and names): seconds that a worker would otherwise pay on its first article.
_WARM_UP = ("Talks in Beijing\n\nUpdated: 2024-03-11\n\nForeign Minister Wang Yi met Sergey Lavrov in Beijing "
            "on Monday, and said: \"We agree.\"\n")


def warm_up() -> None:
    """Load what the extraction engine loads on first use, once per process: before forking the
    workers (which then share it), or in each worker where processes cannot be forked."""
    nlp.get_nlp()
    extract(parse_text(_WARM_UP, published=dt.date(2024, 3, 11)))


def extract_in_worker(articles: list[Article], batch_size: int) -> list[Outcome]:
    return extract_each(articles, batch_size)
