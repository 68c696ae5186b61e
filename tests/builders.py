"""Small builders for test data: each makes a valid record with defaults a
test can override, so tests say only what matters to them."""
from __future__ import annotations

import hashlib
import itertools
from contextlib import contextmanager

from django.utils.text import slugify

from meetings.models import Article, Country, Meeting, MeetingSource, Organisation, Participation, Person, Statement
from meetings.services.counters import Touched, counters_refresh, touched_by

_seq = itertools.count(1)
_deferred: list[tuple] | None = None  # (model, pk) written inside counted_once()


def _counted(model, pk) -> None:
    """Keep the stored counts as the importer does: now, or once at the end of counted_once()."""
    if _deferred is not None:
        _deferred.append((model, pk))
    else:
        counters_refresh(touched_by(model, [pk]))


@contextmanager
def counted_once():
    """Build many records, then recount what they touched once (as one import of an article does)
    rather than after each of them."""
    global _deferred
    outer, _deferred = _deferred, []
    try:
        yield
    finally:
        written, _deferred = _deferred, outer
        touched = Touched()
        for model in {m for m, _ in written}:
            touched |= touched_by(model, [pk for m, pk in written if m is model])
        counters_refresh(touched)


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
    _counted(Person, p.pk)  # its organisation's count of people, as the importer keeps it
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
    _counted(Meeting, m.pk)
    return m


def statement(speaker: Person, art: Article | None = None, **fields) -> Statement:
    art = art or article()
    fields.setdefault("text", art.text[:40])
    fields.setdefault("start", 0)
    fields.setdefault("end", len(fields["text"]))
    s = Statement.objects.create(speaker=speaker, article=art, **fields)
    _counted(Statement, s.pk)
    return s
