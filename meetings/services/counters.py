"""Denormalised counts stored on the records that lists show and sort by.

`/people/?o=-meetings` cannot count every person's participations on each
view (580 ms at a million statements); it reads `Person.meetings_count`,
with an index. Each stored count is "how many rows of a model point at this
record" (participations at a person, meetings at their forum), so a write
changes only the counts of the records its rows pointed at before and after.
Writers therefore say which records they touched, before and after the
change (`touched_by`), and call `counters_refresh` in the same transaction;
each refresh recounts those records from the rows, never by adding one, so
a count is always what a full recount would give (`counters_refresh_all`,
`manage.py recount`).

Who calls it: the importer (once per article), generate_data, the curators'
merges and splits, and the admin's saves and deletes.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import F, IntegerField, Q
from django.db.models.functions import Coalesce

from meetings.models import Article, Meeting, Organisation, Participation, Person, Statement
from meetings.querysets import _count

# model -> {stored field: (counted model, its foreign key to the record)}
COUNTERS = {
    Person: {"meetings_count": ("Participation", "person"), "statements_count": ("Statement", "speaker")},
    Organisation: {"meetings_count": ("Meeting", "organisation"), "people_count": ("Person", "organisation")},
}


@dataclass
class Touched:
    """Ids of the records whose counts a write may have changed."""

    people: set[int] = field(default_factory=set)
    organisations: set[int] = field(default_factory=set)

    def __or__(self, other: Touched) -> Touched:
        return Touched(self.people | other.people, self.organisations | other.organisations)

    def ids(self, model) -> set[int]:
        return {Person: self.people, Organisation: self.organisations}[model] - {None}


def touched_by(model, pks) -> Touched:
    """The records whose counts rows of `model` with these ids (and the rows under them) count in.

    Called before a change (what the rows pointed at) and after it (what they point at now).
    """
    pks = [pk for pk in pks if pk is not None]
    if not pks:
        return Touched()
    if model is Person:
        return _people(set(pks))
    if model is Meeting:
        people = _ids(Participation, "person", meeting__in=pks) | _ids(Statement, "speaker", meeting__in=pks)
        return _people(people) | Touched(organisations=_ids(Meeting, "organisation", pk__in=pks))
    if model is Participation:
        return _people(_ids(Participation, "person", pk__in=pks))
    if model is Statement:
        return _people(_ids(Statement, "speaker", pk__in=pks))
    if model is Article:
        people = _ids(Participation, "person", article__in=pks) | _ids(Statement, "speaker", article__in=pks)
        forums = _ids(Meeting, "organisation", sources__article__in=pks)
        return _people(people) | Touched(organisations=forums)
    if model is Organisation:
        return Touched(organisations=set(pks))
    return Touched()


def _ids(model, column: str, **where) -> set[int]:
    return set(model._base_manager.filter(**where).exclude(**{f"{column}__isnull": True})
               .values_list(column, flat=True).distinct()) - {None}


def _people(people: set[int]) -> Touched:
    """These people, and the organisations that count them among their people."""
    return Touched(people=people, organisations=_ids(Person, "organisation", pk__in=people) if people else set())


def counters_refresh(touched: Touched) -> None:
    """Recount the stored counts of the touched records: one UPDATE per model."""
    for model, fields in COUNTERS.items():
        ids = touched.ids(model)
        if ids:
            _recount(model._base_manager.filter(pk__in=ids), fields)


def counters_refresh_all() -> None:
    """Recount every stored count (after a bulk load, or to repair them)."""
    for model, fields in COUNTERS.items():
        _recount(model._base_manager.all(), fields)


def counters_stale() -> dict[str, int]:
    """How many records of each model have a stored count that a recount would change."""
    stale = {}
    for model, fields in COUNTERS.items():
        annotated = model._base_manager.annotate(**{f"_{name}": _counted(spec) for name, spec in fields.items()})
        differs = Q()
        for name in fields:
            differs |= ~Q(**{name: F(f"_{name}")})
        stale[model._meta.verbose_name_plural] = annotated.filter(differs).count()
    return stale


def _counted(spec):
    counted_model, foreign_key = spec
    return Coalesce(_count(counted_model, foreign_key), 0, output_field=IntegerField())


def _recount(queryset, fields) -> None:
    queryset.update(**{name: _counted(spec) for name, spec in fields.items()})
