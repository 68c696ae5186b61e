"""Imports at scale: several articles parsed in one spaCy batch, extraction in worker processes."""
from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from meetings.extraction.pipeline import extract, parse_articles
from meetings.extraction.reader import read_article
from meetings.models import Article, Meeting, Organisation, Participation, Person, Statement

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


def _records() -> dict:
    """What an import stored, by natural keys (ids and the order of creation aside)."""
    return {
        "articles": sorted(Article.objects.values_list("filename", "content_hash")),
        "people": sorted(Person.objects.values_list("slug", "name", "country_id")),
        "meetings": sorted(Meeting.objects.values_list("slug", "status", "kind", "date")),
        "participations": sorted(Participation.objects.values_list("meeting__slug", "person__slug", "role")),
        "statements": sorted(Statement.objects.values_list("article__filename", "start", "end", "speaker__slug",
                                                           "meeting__slug")),
    }


@pytest.mark.django_db
def test_two_worker_processes_import_the_same_records_as_one(tmp_path):
    for name in ["xinhua-2024-04-09-wang-lavrov-beijing.txt", "tass-2024-04-09-lavrov-wang-talks.txt",
                 "un-2024-06-12-guterres-ramaphosa-call.txt"]:
        (tmp_path / name).write_bytes((ARTICLES / name).read_bytes())
    call_command("import_articles", str(tmp_path), stdout=StringIO())
    one = _records()
    for model in (Statement, Participation, Meeting, Article, Person, Organisation):
        model.objects.all().delete()

    out = StringIO()
    call_command("import_articles", str(tmp_path), "--workers", "2", "--batch", "1", stdout=out)
    assert "3 imported" in out.getvalue() and "articles/s" in out.getvalue()
    assert _records() == one and len(one["meetings"]) >= 2 and one["statements"]
