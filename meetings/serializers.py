"""JSON representations of the records: the `?format=json` form of every list
and detail page. Field names are part of the public interface (documented in
README.md): add fields, never rename them. Dates are ISO 8601, countries ISO
3166-1 alpha-2 codes, records are named by their permanent URL and slug (or id).

Each function reads only what the page's QuerySet has already fetched.
"""
from __future__ import annotations

from typing import Callable

from .links import detail_url

Absolute = Callable[[str], str]


def iso_date(value):
    return value.isoformat() if value else None


def country_code(country):
    return country.code if country else None


def _slug(obj):
    return obj.slug if obj else None


def meeting(m, absolute: Absolute) -> dict:
    return {
        "slug": m.slug,
        "url": absolute(m.get_absolute_url()),
        "title": m.title,
        "status": m.status,
        "kind": m.kind,
        "date": iso_date(m.date),
        "date_precision": m.date_precision or None,
        "date_phrase": m.date_phrase,
        "place": m.place,
        "country": country_code(m.country),
        "forum": _slug(m.organisation),
        "reviewed": m.reviewed,
        "participants": [
            {
                "person": p.person.slug,
                "name": p.person.name,
                "url": absolute(p.person.get_absolute_url()),
                "role": p.role,
                "country": country_code(p.country),
                "organisation": _slug(p.organisation),
            }
            for p in m.participations.all()
        ],
    }


def meeting_detail(m, absolute: Absolute, *, statements, sources, side_meetings) -> dict:
    return {
        **meeting(m, absolute),
        "parent": _slug(m.parent),
        "side_meetings": [s.slug for s in side_meetings],
        "statements": [statement(s, absolute) for s in statements],
        "sources": [
            {
                "article": s.article.pk,
                "url": absolute(s.article.get_absolute_url()) + f"#meeting-{m.pk}",
                "title": s.article.title,
                "outlet": s.article.source,
                "published": iso_date(s.article.published),
                "date": iso_date(s.date),
                "date_phrase": s.date_phrase,
                "place": s.place,
                "participants": s.participants,
                "start": s.start,
                "end": s.end,
            }
            for s in sources
        ],
    }


def person(p, absolute: Absolute) -> dict:
    data = {
        "slug": p.slug,
        "url": absolute(p.get_absolute_url()),
        "name": p.name,
        "aliases": p.aliases,
        "country": country_code(p.country),
        "organisation": _slug(p.organisation),
        "latest_role": p.latest_role or None,
        "wikidata_id": p.wikidata_id or None,
    }
    for count in ("meetings_count", "statements_count"):
        if hasattr(p, count):
            data[count] = getattr(p, count)
    return data


def person_label(p) -> str:
    represents = p.country or p.organisation
    return f"{p.name} ({represents.name})" if represents else p.name


def country(c, absolute: Absolute) -> dict:
    data = {"code": c.code, "url": absolute(c.get_absolute_url()), "name": c.name}
    for count in ("meetings_held_count", "meetings_count", "people_count"):
        if hasattr(c, count):
            data[count] = getattr(c, count)
    return data


def organisation(o, absolute: Absolute) -> dict:
    data = {
        "slug": o.slug,
        "url": absolute(o.get_absolute_url()),
        "name": o.name,
        "acronym": o.acronym,
        "kind": o.kind,
        "country": country_code(o.country),
        "aliases": o.aliases,
        "wikidata_id": o.wikidata_id or None,
    }
    for count in ("meetings_held_count", "meetings_count", "people_count"):
        if hasattr(o, count):
            data[count] = getattr(o, count)
    return data


def statement(s, absolute: Absolute) -> dict:
    return {
        "id": s.pk,
        "url": absolute(s.get_absolute_url()),
        "speaker": _slug(s.speaker),
        "speaker_name": s.speaker.name if s.speaker else None,
        "speaker_country": country_code(s.speaker.country) if s.speaker else None,
        "speaker_organisation": _slug(s.speaker_organisation),
        "role": s.role,
        "kind": s.kind,
        "date": iso_date(s.date),
        "text": s.text,
        "meeting": _slug(s.meeting),
        "article": s.article_id,
        "source_url": absolute(f"{detail_url('meetings:article_detail', s.article_id)}#statement-{s.pk}"),
        "start": s.start,
        "end": s.end,
        "reviewed": s.reviewed,
    }


def article(a, absolute: Absolute) -> dict:
    data = {
        "id": a.pk,
        "url": absolute(a.get_absolute_url()),
        "title": a.title,
        "outlet": a.source,
        "authors": a.authors,
        "published": iso_date(a.published),
        "original_url": a.url or None,
    }
    for count in ("meetings_count", "statements_count"):
        if hasattr(a, count):
            data[count] = getattr(a, count)
    return data
