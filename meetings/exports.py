"""CSV exports of filtered lists: what a researcher takes to a spreadsheet.
Each row carries the permanent link of its record and of its sources."""
from __future__ import annotations

import csv

from django.http import StreamingHttpResponse


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


def meeting_rows(meetings, absolute):
    for m in meetings.prefetch_related("sources__article"):
        yield [
            m.title, m.get_status_display(), m.get_kind_display(), m.date.isoformat() if m.date else "",
            m.date_precision, m.place, m.country.code if m.country else "", m.organisation.name if m.organisation else "",
            "; ".join(p.person.name for p in m.participations.all()),
            absolute(m.get_absolute_url()),
            " ".join(absolute(s.article.get_absolute_url()) for s in m.sources.all()),
        ]


MEETING_HEADER = ["title", "status", "kind", "date", "date_precision", "place", "country", "forum", "participants",
                  "url", "sources"]


def statement_rows(statements, absolute):
    for s in statements:
        yield [
            s.speaker.name if s.speaker else "", s.speaker_organisation.name if s.speaker_organisation else "",
            s.role, s.get_kind_display(), s.date.isoformat() if s.date else "", s.text,
            s.meeting.title if s.meeting else "", absolute(s.get_absolute_url()),
            absolute(s.article.get_absolute_url()), s.start, s.end,
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
        yield [c.code, c.name, c.meetings_held_count, c.people_count, absolute(c.get_absolute_url())]


COUNTRY_HEADER = ["code", "name", "meetings_held", "people", "url"]


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
