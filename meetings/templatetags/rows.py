"""The rows of meetings and statements that most pages list, each built as one string.

Django renders an included template at about half a millisecond a row, each
`{{ }}` resolved through its lookups: the 60 statements and 20 meetings of a
busy country pair spent 41 ms there, more than all of the page's queries.
These tags give the markup the row templates gave; every value is escaped here.
"""
from __future__ import annotations

from html import escape  # the standard library's: Django's adds a lazy-string check to every call

from django import template
from django.utils.dateformat import format as date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from meetings.links import detail_url, detail_urls

register = template.Library()


def _link(url: str, text) -> str:
    return f'<a href="{escape(url)}">{escape(str(text))}</a>'


@register.simple_tag
def meeting_row(meeting) -> SafeString:
    """A meeting, its status, kind, date, place, country and forum, and who took part (`people`, as
    MeetingQuerySet.with_people() reads them)."""
    where = escape(meeting.date_display)
    if meeting.place:
        where += f" · {escape(meeting.place)}"
    if meeting.country:
        where += " · " + _link(meeting.country.get_absolute_url(), meeting.country.name)
    if meeting.organisation:
        forum = meeting.organisation
        where += " · " + _link(forum.get_absolute_url(), forum.acronym or forum.name)
    person_url = detail_urls("meetings:person_detail")
    people = ", ".join(_link(person_url(p.slug), p.name) for p in meeting.people)
    return mark_safe(
        f'<li class="meeting">\n  {_link(meeting.get_absolute_url(), meeting.title)}\n  <span class="meta">\n'
        f'    <span class="badge {escape(meeting.status)}">{escape(str(meeting.get_status_display()))}</span>\n'
        f'    <span class="badge">{escape(str(meeting.get_kind_display()))}</span>\n'
        f"    {where}\n  </span>\n"
        f'  <span class="people">{people}</span>\n</li>'
    )


@register.simple_tag
def statement_row(statement, hide_meeting: bool = False) -> SafeString:
    """What was said, by whom and in which office, when, at which meeting (unless the page is the
    meeting's), with its permalink and the passage of its source."""
    if statement.speaker_id:
        who = _link(statement.speaker.get_absolute_url(), statement.speaker.name)
    elif statement.speaker_organisation_id:
        who = _link(statement.speaker_organisation.get_absolute_url(), statement.speaker_organisation.name)
    else:
        who = ""
    if statement.role:
        who += f", {escape(statement.role)}"
    what = escape(str(statement.get_kind_display()))
    if statement.date:
        what += f" · {escape(date_format(statement.date, 'j F Y'))}"
    at = ""
    if statement.meeting_id and not hide_meeting:
        at = f"\n     · at {_link(statement.meeting.get_absolute_url(), statement.meeting.title)}"
    pk = statement.pk
    source = f"{detail_url('meetings:article_detail', statement.article_id)}#statement-{pk}"
    return mark_safe(
        f'<li class="statement" id="statement-{pk}">\n'
        f'  <blockquote class="{escape(statement.kind)}">{escape(statement.text)}</blockquote>\n'
        f'  <span class="meta">\n    {who}\n    · {what}{at}\n'
        f'    · <a href="{escape(statement.get_absolute_url())}">permalink</a>\n'
        f'    · <a href="{escape(source)}">source</a>\n  </span>\n</li>'
    )


def _where(meeting, sep: str) -> str:
    """The meeting's place and the country it was held in, linked."""
    where = escape(meeting.place)
    if meeting.country:
        where += (sep if meeting.place else "") + _link(meeting.country.get_absolute_url(), meeting.country.name)
    return where


@register.simple_tag
def participation_row(participation) -> SafeString:
    """A row of a person's meetings: when, which (and its status), in which office, where."""
    meeting = participation.meeting
    return mark_safe(
        f"<tr><td>{escape(meeting.date_display)}</td><td>{_link(meeting.get_absolute_url(), meeting.title)} "
        f'<span class="badge {escape(meeting.status)}">{escape(str(meeting.get_status_display()))}</span></td>'
        f"<td>{escape(participation.role)}</td>\n<td>{_where(meeting, ', ')}</td></tr>"
    )


@register.simple_tag
def timeline_entry(entry) -> SafeString:
    """A meeting a person took part in, or something they said, on their timeline (timelines.Entry)."""
    if entry.kind == "meeting":
        participation, meeting = entry.record, entry.record.meeting
        meta = f"as {escape(participation.role)}" if participation.role else ""
        if meeting.place:
            meta += f" · {escape(meeting.place)}"
        if meeting.country:
            meta += " · " + _link(meeting.country.get_absolute_url(), meeting.country.name)
        return mark_safe(
            f'<li class="meeting"><span class="when">{escape(meeting.date_display)}</span>\n'
            f'    <span class="what">Meeting: {_link(meeting.get_absolute_url(), meeting.title)} '
            f'<span class="badge {escape(meeting.status)}">{escape(str(meeting.get_status_display()))}</span>\n'
            f'    <span class="meta">{meta}</span></span></li>'
        )
    said = entry.record
    when = escape(date_format(said.date, "j F Y")) if said.date else "date unknown"
    at = f" at {_link(said.meeting.get_absolute_url(), said.meeting.title)}" if said.meeting_id else ""
    source = f"{detail_url('meetings:article_detail', said.article_id)}#statement-{said.pk}"
    return mark_safe(
        f'<li class="statement" id="statement-{said.pk}"><span class="when">{when}</span>\n'
        f'    <span class="what">Said{at}: <span class="words {escape(said.kind)}">'
        f"{escape(Truncator(said.text).words(40, truncate=' …'))}</span>\n"
        f'    <span class="meta"><a href="{escape(said.get_absolute_url())}">permalink</a> · '
        f'<a href="{escape(source)}">source</a></span></span></li>'
    )


@register.simple_tag
def person_links(people) -> SafeString:
    """People as list items linking their pages (a country's or an organisation's hundred a page)."""
    person_url = detail_urls("meetings:person_detail")
    items = "".join(f"<li>{_link(person_url(p.slug), p.name)}</li>" for p in people)
    return mark_safe(items or "<li>None recorded.</li>")


@register.simple_tag
def passage_links(passages) -> SafeString:
    """An article's statements as list items: who spoke, linking the passage in the text, and a permalink."""
    statement_url = detail_urls("meetings:statement_detail")
    items = "".join(f'<li><a href="#statement-{p.pk}">{escape(p.speaker)}</a> · {_link(statement_url(p.pk), "permalink")}</li>'
                    for p in passages)
    return mark_safe(items or "<li>None.</li>")
