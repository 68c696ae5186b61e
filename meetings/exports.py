"""CSV exports of filtered lists: what a researcher takes to a spreadsheet.
Each row carries the permanent link of its record and of its sources.

Exports stream in constant memory whatever their size: rows are read from
the database in chunks (a server-side cursor on PostgreSQL), only the
columns a row needs are fetched (never an article's text), and nothing is
counted first, so the first row leaves at once.
"""
from __future__ import annotations

import csv

from django.db.models import Prefetch
from django.http import StreamingHttpResponse
from django.urls import reverse

CHUNK = 2000


class _Echo:
    def write(self, value):
        return value


def csv_response(filename: str, header: list[str], rows) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    stream = (writer.writerow(row) for row in _with_header(header, rows))
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


def meeting_rows(meetings, absolute):
    from .models import MeetingSource, Participation

    meeting_url = _link(absolute, "meetings:meeting_detail", "placeholder-slug")
    article_url = _link(absolute, "meetings:article_detail", "999999999")
    meetings = (
        meetings.select_related(None).prefetch_related(None).select_related("country", "organisation")
        .only("title", "slug", "status", "kind", "date", "date_precision", "place", "country__code",
              "organisation__name")
        .prefetch_related(
            Prefetch("participations", queryset=Participation.objects.select_related("person").only("meeting", "person__name")),
            Prefetch("sources", queryset=MeetingSource.objects.only("meeting", "article")),
        )
    )
    for m in meetings.iterator(chunk_size=CHUNK):
        yield [
            m.title, m.get_status_display(), m.get_kind_display(), m.date.isoformat() if m.date else "",
            m.date_precision, m.place, m.country.code if m.country else "", m.organisation.name if m.organisation else "",
            "; ".join(p.person.name for p in m.participations.all()),
            meeting_url(m.slug),
            " ".join(article_url(s.article_id) for s in m.sources.all()),
        ]


MEETING_HEADER = ["title", "status", "kind", "date", "date_precision", "place", "country", "forum", "participants",
                  "url", "sources"]


def statement_rows(statements, absolute):
    from .models import Statement

    statement_url = _link(absolute, "meetings:statement_detail", "999999999")
    article_url = _link(absolute, "meetings:article_detail", "999999999")
    kinds = dict(Statement.Kind.choices)
    columns = ("pk", "speaker__name", "speaker_organisation__name", "role", "kind", "date", "text", "meeting__title",
               "article_id", "start", "end")
    for pk, speaker, body, role, kind, date, text, meeting, article, start, end in (
        statements.values_list(*columns).iterator(chunk_size=CHUNK)
    ):
        yield [
            speaker or "", body or "", role, kinds.get(kind, kind), date.isoformat() if date else "", text,
            meeting or "", statement_url(pk), article_url(article), start, end,
        ]


STATEMENT_HEADER = ["speaker", "speaking_body", "role", "kind", "date", "text", "meeting", "url", "source", "start", "end"]
