"""Extraction of several articles at once: one spaCy batch, and worker processes.

This module imports nothing of Django, so that a worker process started with
"spawn" loads only the extraction engine; the parent keeps every database write.
"""
from __future__ import annotations

from collections.abc import Callable

from meetings.extraction import nlp
from meetings.extraction.pipeline import extract, parse_articles
from meetings.extraction.types import Article, Extraction

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
            outcomes.append(f"{type(exc).__name__}: {exc}")
    return outcomes


def start_worker() -> None:
    """Load the spaCy pipeline once per worker process, before its first batch."""
    nlp.get_nlp()


def extract_in_worker(articles: list[Article], batch_size: int) -> list[Outcome]:
    return extract_each(articles, batch_size)
