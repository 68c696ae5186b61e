"""Imports at scale: several articles parsed in one spaCy batch, extraction in worker processes."""
from __future__ import annotations

from pathlib import Path

import pytest

from meetings.extraction.pipeline import extract, parse_articles
from meetings.extraction.reader import read_article

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
SOME = ["africanews-2024-02-19-au-summit-addis-ababa.html", "chinadaily-2013-07-15-sco-cholpon-ata.txt",
        "un-2024-06-12-guterres-ramaphosa-call.txt"]

pytestmark = pytest.mark.slow


def test_articles_parsed_in_one_batch_extract_exactly_as_one_by_one():
    articles = [read_article(ARTICLES / name) for name in SOME]
    batched = [extract(article, docs) for article, docs in zip(articles, parse_articles(articles, batch_size=4))]
    one_by_one = [extract(read_article(ARTICLES / name)) for name in SOME]
    assert [e.to_json() for e in batched] == [e.to_json() for e in one_by_one]
    assert batched == one_by_one  # every field of every person, meeting and statement
    assert all(e.meetings for e in batched)
