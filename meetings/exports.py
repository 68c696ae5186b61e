"""CSV exports of filtered lists: what a researcher takes to a spreadsheet.
Each row carries the permanent link of its record and of its sources.

Exports stream in constant memory whatever their size: rows are read from
the database in chunks (a server-side cursor on PostgreSQL), only the
columns a row needs are fetched (never an article's text), and nothing is
counted first, so the first row leaves at once.
"""
from __future__ import annotations

import csv
from itertools import islice

from django.db import transaction
from django.http import StreamingHttpResponse
from django.urls import reverse

CHUNK = 2000


class _Echo:
    def write(self, value):
        return value


# A spreadsheet runs a cell that starts with one of these as a formula; article
# text is written by others, so such a cell is written with a leading quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value as a spreadsheet will show it, never run it (OWASP's CSV injection advice)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_response(filename: str, header: list[str], rows) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    stream = (writer.writerow([safe_cell(cell) for cell in row]) for row in _with_header(header, rows))
    response = StreamingHttpResponse(stream, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _with_header(header, rows):
    yield header
    yield from rows


def _link(absolute, name: str, placeholder: str):
    """An absolute URL maker for one route: reversing once rather than once per row of a million."""
    prefix, suffix = absolute(reverse(name, args=[placeholder])).split(placeholder)
    return lambda key: f"{prefix}{key}{suffix}"


def _batches(rows, size: int):
    """Lists of up to `size` rows from an iterator."""
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def _chunks(queryset, columns):
    """Lists of CHUNK rows of `columns`, read through a server-side cursor inside a transaction.

    Outside a transaction Django declares the cursor WITH HOLD, and PostgreSQL
    then computes and stores the whole result before the first row (2 s and
    240 MB of temporary file for a million statements); inside one the rows
    come as they are read from the index. The transaction also gives the
    export one consistent snapshot.
    """
    with transaction.atomic():
        yield from _batches(queryset.values_list(*columns).iterator(chunk_size=CHUNK), CHUNK)


def _names(model, ids, field: str = "name") -> dict:
    return dict(model.objects.filter(pk__in={i for i in ids if i is not None}).values_list("pk", field))


def meeting_rows(meetings, absolute):
    """Meeting rows, CHUNK at a time: the meetings' own columns in list order (read straight from the date
    index, so the first row leaves at once), then their countries, forums, participants and sources in one
    query each per chunk."""
    from .models import Country, MeetingSource, Organisation, Participation

    meeting_url = _link(absolute, "meetings:meeting_detail", "placeholder-slug")
    article_url = _link(absolute, "meetings:article_detail", "999999999")
    statuses, kinds = dict(meetings.model.Status.choices), dict(meetings.model.Kind.choices)
    columns = ("pk", "title", "slug", "status", "kind", "date", "date_precision", "place", "country_id",
               "organisation_id")
    for batch in _chunks(meetings, columns):
        ids = [row[0] for row in batch]
        countries = _names(Country, (row[8] for row in batch), "code")
        forums = _names(Organisation, (row[9] for row in batch))
        people, sources = {}, {}
        for meeting, name in (Participation.objects.filter(meeting__in=ids).order_by("meeting_id", "pk")
                              .values_list("meeting_id", "person__name")):
            people.setdefault(meeting, []).append(name)
        for meeting, article in (MeetingSource.objects.filter(meeting__in=ids).order_by("meeting_id", "pk")
                                 .values_list("meeting_id", "article_id")):
            sources.setdefault(meeting, []).append(article)
        for pk, title, slug, status, kind, date, precision, place, country, forum in batch:
            yield [
                title, statuses.get(status, status), kinds.get(kind, kind), date.isoformat() if date else "",
                precision, place, countries.get(country, ""), forums.get(forum, ""),
                "; ".join(people.get(pk, [])), meeting_url(slug),
                " ".join(article_url(a) for a in sources.get(pk, [])),
            ]


MEETING_HEADER = ["title", "status", "kind", "date", "date_precision", "place", "country", "forum", "participants",
                  "url", "sources"]


def statement_rows(statements, absolute):
    """Statement rows, CHUNK at a time: the statements' own columns in list order (read from the date index),
    then the names of their speakers, bodies and meetings in one query each per chunk."""
    from .models import Meeting, Organisation, Person, Statement

    statement_url = _link(absolute, "meetings:statement_detail", "999999999")
    article_url = _link(absolute, "meetings:article_detail", "999999999")
    kinds = dict(Statement.Kind.choices)
    columns = ("pk", "speaker_id", "speaker_organisation_id", "role", "kind", "date", "text", "meeting_id",
               "article_id", "start", "end")
    for batch in _chunks(statements, columns):
        speakers = _names(Person, (row[1] for row in batch))
        bodies = _names(Organisation, (row[2] for row in batch))
        meetings = _names(Meeting, (row[7] for row in batch), "title")
        for pk, speaker, body, role, kind, date, text, meeting, article, start, end in batch:
            yield [
                speakers.get(speaker, ""), bodies.get(body, ""), role, kinds.get(kind, kind),
                date.isoformat() if date else "", text, meetings.get(meeting, ""), statement_url(pk),
                article_url(article), start, end,
            ]


STATEMENT_HEADER = ["speaker", "speaking_body", "role", "kind", "date", "text", "meeting", "url", "source", "start", "end"]


def person_rows(people, absolute):
    for p in people:
        yield [p.name, p.country.code if p.country else "", p.organisation.name if p.organisation else "",
               p.latest_role or "", p.meetings_count, p.statements_count, "; ".join(p.aliases),
               absolute(p.get_absolute_url())]


PERSON_HEADER = ["name", "country", "organisation", "latest_role", "meetings", "statements", "aliases", "url"]


def country_rows(countries, absolute):
    for c in countries:
        yield [c.code, c.name, c.meetings_held_count, c.people_count, absolute(c.get_absolute_url()),
               c.meetings_count]


COUNTRY_HEADER = ["code", "name", "meetings_held", "people", "url", "meetings"]  # columns are added at the end


def organisation_rows(organisations, absolute):
    for o in organisations:
        yield [o.name, o.acronym, o.kind, o.country.code if o.country else "", o.meetings_count, o.people_count,
               absolute(o.get_absolute_url())]


ORGANISATION_HEADER = ["name", "acronym", "kind", "country", "meetings", "people", "url"]


def article_rows(articles, absolute):
    for a in articles:
        yield [a.title, a.source, a.published.isoformat() if a.published else "", a.url, a.meetings_count,
               a.statements_count, absolute(a.get_absolute_url())]


ARTICLE_HEADER = ["title", "outlet", "published", "original_url", "meetings", "statements", "url"]
