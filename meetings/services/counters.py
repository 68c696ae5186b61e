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
`manage.py recount`). The same holds for the other values kept here: each
person's latest office (`Person.latest_role`, from their participations and
statements) and each country's meetings per year (`CountryYear`).

Who calls it: the importer (once per article), generate_data, the curators'
merges and splits, and the admin's saves and deletes.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import F, IntegerField, Q
from django.db.models.functions import Coalesce

from meetings.models import (
    Article, Country, CountryYear, Meeting, MeetingSource, Organisation, Participation, Person, Statement,
)
from meetings.querysets import count_of, latest_role

# model -> {stored field: (counted model, its foreign key to the record)}, or the expression it stores
COUNTERS = {
    Person: {"meetings_count": ("Participation", "person"), "statements_count": ("Statement", "speaker"),
             "latest_role": latest_role},
    Organisation: {"meetings_count": ("Meeting", "organisation"), "people_count": ("Person", "organisation")},
}


@dataclass
class Touched:
    """Ids of the records whose counts a write may have changed."""

    people: set[int] = field(default_factory=set)
    organisations: set[int] = field(default_factory=set)
    countries: set[int] = field(default_factory=set)  # their meetings per year (CountryYear)

    def __or__(self, other: Touched) -> Touched:
        return Touched(self.people | other.people, self.organisations | other.organisations,
                       self.countries | other.countries)

    def ids(self, model) -> set[int]:
        return {Person: self.people, Organisation: self.organisations}[model] - {None}


def touched_by(model, pks) -> Touched:
    """The records whose counts rows of `model` with these ids (and the rows under them) count in.

    Called before a change (what the rows pointed at) and after it (what they point at now).
    """
    pks = [pk for pk in pks if pk is not None]
    if not pks:
        return Touched()
    if model is Person:  # deleting one deletes its participations, which count for their countries
        return _people(set(pks)) | Touched(countries=_ids(Participation, "country", person__in=pks))
    if model is Meeting:
        return _meetings(set(pks)) | _people(_ids(Statement, "speaker", meeting__in=pks))
    if model is Participation:
        return (_people(_ids(Participation, "person", pk__in=pks))
                | Touched(countries=_ids(Participation, "country", pk__in=pks)))
    if model is Statement:
        return _people(_ids(Statement, "speaker", pk__in=pks))
    if model is Article:
        meetings = _ids(MeetingSource, "meeting", article__in=pks) | _ids(Participation, "meeting", article__in=pks)
        return _meetings(meetings) | _people(_ids(Statement, "speaker", article__in=pks))
    if model is Organisation:
        return Touched(organisations=set(pks))
    return Touched()


def _ids(model, column: str, **where) -> set[int]:
    return set(model._base_manager.filter(**where).exclude(**{f"{column}__isnull": True})
               .values_list(column, flat=True).distinct()) - {None}


def _meetings(meetings: set[int]) -> Touched:
    """What these meetings count in: their participants, forums, and the countries involved."""
    if not meetings:
        return Touched()
    return (_people(_ids(Participation, "person", meeting__in=meetings))
            | Touched(organisations=_ids(Meeting, "organisation", pk__in=meetings),
                      countries=_ids(Meeting, "country", pk__in=meetings)
                      | _ids(Participation, "country", meeting__in=meetings)))


def _people(people: set[int]) -> Touched:
    """These people, and the organisations that count them among their people."""
    return Touched(people=people, organisations=_ids(Person, "organisation", pk__in=people) if people else set())


def counters_refresh(touched: Touched) -> None:
    """Recount the stored counts of the touched records: one UPDATE per model, one query per country."""
    for model, fields in COUNTERS.items():
        ids = touched.ids(model)
        if ids:
            _recount(model._base_manager.filter(pk__in=ids), fields)
    _recount_years(touched.countries - {None})


def counters_refresh_all() -> None:
    """Recount every stored count (after a bulk load, or to repair them)."""
    for model, fields in COUNTERS.items():
        _recount(model._base_manager.all(), fields)
    _recount_years(set(Country.objects.values_list("pk", flat=True)))


def _recount_years(countries: set[int]) -> None:
    """Each country's meetings per year, counted again from the meetings (once per country: a busy one
    costs an import a tenth of a second, not each view of its page)."""
    if not countries:
        return
    CountryYear.objects.filter(country__in=countries).delete()
    rows = []
    for country in sorted(countries):
        rows += [CountryYear(country_id=country, year=year, meetings=n)
                 for year, n in Meeting.objects.involving_country(country).per_year()]
    CountryYear.objects.bulk_create(rows, batch_size=2000)


def years_stale() -> int:
    """How many (country, year) counts a recount would change."""
    stored = set(CountryYear.objects.values_list("country", "year", "meetings"))
    counted = {(c, y, n) for c in Country.objects.values_list("pk", flat=True)
               for y, n in Meeting.objects.involving_country(c).per_year()}
    return len(stored ^ counted)


def counters_stale() -> dict[str, int]:
    """How many records of each model have a stored count that a recount would change."""
    stale = {}
    for model, fields in COUNTERS.items():
        annotated = model._base_manager.annotate(**{f"_{name}": _counted(spec) for name, spec in fields.items()})
        differs = Q()
        for name in fields:
            differs |= ~Q(**{name: F(f"_{name}")})
        stale[model._meta.verbose_name_plural] = annotated.filter(differs).count()
    stale["country years"] = years_stale()
    return stale


def _counted(spec):
    if callable(spec):
        return spec()
    counted_model, foreign_key = spec
    return Coalesce(count_of(counted_model, foreign_key), 0, output_field=IntegerField())


def _recount(queryset, fields) -> None:
    queryset.update(**{name: _counted(spec) for name, spec in fields.items()})
