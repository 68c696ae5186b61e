"""Small builders for test data: each makes a valid record with defaults a
test can override, so tests say only what matters to them."""
from __future__ import annotations

import hashlib
import itertools

from django.utils.text import slugify

from meetings.models import Article, Country, Meeting, MeetingSource, Organisation, Participation, Person, Statement
from meetings.services.counters import counters_refresh, touched_by

_seq = itertools.count(1)


def country(code: str = "CN") -> Country:
    return Country.objects.get(code=code)


def article(**fields) -> Article:
    n = next(_seq)
    text = fields.pop("text", f"Article number {n}. Foreign Minister Wang Yi met his counterpart and said things.")
    defaults = dict(title=f"Article {n}", source="China Daily", published="2013-07-15", text=text,
                    content_hash=hashlib.sha256(text.encode()).hexdigest())
    defaults.update(fields)
    return Article.objects.create(**defaults)


def organisation(name: str | None = None, **fields) -> Organisation:
    name = name or f"Organisation {next(_seq)}"
    fields.setdefault("slug", slugify(name))
    return Organisation.objects.create(name=name, **fields)


def person(name: str | None = None, **fields) -> Person:
    name = name or f"Person {next(_seq)}"
    fields.setdefault("slug", slugify(name))
    p = Person.objects.create(name=name, **fields)
    counters_refresh(touched_by(Person, [p.pk]))  # its organisation's count of people, as the importer keeps it
    return p


def meeting(title: str | None = None, participants=(), source: Article | None = None, **fields) -> Meeting:
    title = title or f"Meeting {next(_seq)}"
    fields.setdefault("slug", slugify(title))
    if fields.get("date"):
        fields.setdefault("date_precision", "day")
    m = Meeting.objects.create(title=title, **fields)
    m.refresh_from_db()  # dates given as strings come back as dates
    for p in participants:
        Participation.objects.create(meeting=m, person=p, country=p.country, role="Foreign Minister")
    if source:
        MeetingSource.objects.create(meeting=m, article=source, start=0, end=10)
    counters_refresh(touched_by(Meeting, [m.pk]))
    return m


def statement(speaker: Person, art: Article | None = None, **fields) -> Statement:
    art = art or article()
    fields.setdefault("text", art.text[:40])
    fields.setdefault("start", 0)
    fields.setdefault("end", len(fields["text"]))
    s = Statement.objects.create(speaker=speaker, article=art, **fields)
    counters_refresh(touched_by(Statement, [s.pk]))
    return s
