"""Curators' operations that touch several records: merging two people or
meetings told as different, and splitting one that was wrongly merged.
Each runs in one transaction and keeps every source link."""
from __future__ import annotations

from django.db import transaction

from meetings.models import Meeting, MeetingSource, Participation, Person, PersonName, Statement

from . import counters
from .importing import _unique_slug
from .locks import hold_record_writes_lock
from .resolution import name_key

_FILLABLE_PERSON = ["country", "organisation", "wikidata_id"]
_FILLABLE_MEETING = ["date", "date_precision", "date_phrase", "place", "country", "organisation", "parent"]


def _move(rows, owner_field: str, keep, clashes) -> None:
    """Give each row to `keep`, or drop it when keep already has its like (`clashes(row)`)."""
    for row in rows:
        if clashes(row):
            row.delete()
        else:
            setattr(row, owner_field, keep)
            row.save(update_fields=[owner_field])


def _reviewed(record):
    """A merge is a curator's decision: the record is reviewed and no longer in doubt."""
    record.review_note = ""
    record.reviewed = True
    record.save()
    return record


def _fill(keep, other, fields) -> None:
    for name in fields:
        if getattr(keep, name) in (None, "") and getattr(other, name) not in (None, ""):
            setattr(keep, name, getattr(other, name))


@transaction.atomic
def person_merge(*, keep: Person, others: list[Person]) -> Person:
    """Fold `others` into `keep`: their meetings, statements, names and aliases become keep's."""
    hold_record_writes_lock()  # an import must not match a person this merge deletes
    touched = counters.touched_by(Person, [keep.pk, *(o.pk for o in others)])
    for other in others:
        if other.pk == keep.pk:
            continue
        _move(other.participations.all(), "person", keep,
              lambda p: Participation.objects.filter(meeting=p.meeting, person=keep).exists())
        Statement.objects.filter(speaker=other).update(speaker=keep)
        _move(other.names.all(), "person", keep, lambda n: keep.names.filter(key=n.key).exists())
        keep.aliases = sorted(set(keep.aliases) | set(other.aliases) | {other.name} - {keep.name})
        _fill(keep, other, _FILLABLE_PERSON)
        other.delete()
    _reviewed(keep)
    counters.counters_refresh(touched | counters.touched_by(Person, [keep.pk]))
    return keep


@transaction.atomic
def meeting_merge(*, keep: Meeting, others: list[Meeting]) -> Meeting:
    """Fold `others` into `keep`: one meeting with every source, participant and statement."""
    hold_record_writes_lock()
    touched = counters.touched_by(Meeting, [keep.pk, *(o.pk for o in others)])
    for other in others:
        if other.pk == keep.pk:
            continue
        _move(other.sources.all(), "meeting", keep, lambda s: keep.sources.filter(article=s.article_id).exists())
        _move(other.participations.all(), "meeting", keep,
              lambda p: keep.participations.filter(person=p.person_id).exists())
        other.statements.update(meeting=keep)
        other.side_meetings.exclude(pk=keep.pk).update(parent=keep)
        _fill(keep, other, _FILLABLE_MEETING)
        if keep.parent_id == other.pk:
            keep.parent = None
        other.delete()
    _reviewed(keep)
    counters.counters_refresh(touched | counters.touched_by(Meeting, [keep.pk]))
    return keep


@transaction.atomic
def person_split(*, person: Person, article_ids: list[int], name: str | None = None) -> Person:
    """Move what the given articles say of `person` to a new person: a wrong merge undone."""
    hold_record_writes_lock()  # the new slug must stay free until commit
    new = Person.objects.create(
        name=name or person.name, slug=_unique_slug(Person, name or person.name), country=person.country,
        organisation=person.organisation, review_note=f"split from {person.name} (#{person.pk})",
    )
    Participation.objects.filter(person=person, article_id__in=article_ids).update(person=new)
    Statement.objects.filter(speaker=person, article_id__in=article_ids).update(speaker=new)
    PersonName.objects.create(person=new, name=new.name, key=name_key(new.name))
    counters.counters_refresh(counters.touched_by(Person, [person.pk, new.pk]))
    return new


@transaction.atomic
def meeting_split(*, meeting: Meeting, article_ids: list[int]) -> Meeting:
    """Move the reports of the given articles to a meeting of their own."""
    hold_record_writes_lock()
    new = Meeting.objects.create(
        title=meeting.title, slug=_unique_slug(Meeting, f"{meeting.title} split"), status=meeting.status,
        kind=meeting.kind, date=meeting.date, date_precision=meeting.date_precision, date_phrase=meeting.date_phrase,
        place=meeting.place, country=meeting.country, organisation=meeting.organisation,
        review_note=f"split from {meeting.title} (#{meeting.pk})",
    )
    sources = MeetingSource.objects.filter(meeting=meeting, article_id__in=article_ids)
    first = sources.order_by("pk").first()
    if first is not None:
        new.date, new.date_phrase, new.place = first.date, first.date_phrase, first.place
        new.date_precision = first.date_precision or ("day" if first.date else "")
        new.save()
    sources.update(meeting=new)
    Participation.objects.filter(meeting=meeting, article_id__in=article_ids).update(meeting=new)
    Statement.objects.filter(meeting=meeting, article_id__in=article_ids).update(meeting=new)
    counters.counters_refresh(counters.touched_by(Meeting, [meeting.pk, new.pk]))
    return new
