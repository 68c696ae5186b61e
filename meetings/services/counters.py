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
statements) and their offices (`PersonOffice`), each country's meetings per
year (`CountryYear`) and each pair of countries' meetings per year
(`CountryPairYear`), both recounted for the countries and years a write
touched, from that year's meetings alone; and the countries each meeting
involved (`MeetingCountry`), each participation's copy of its meeting's
date (`Participation.meeting_date`) and each meeting's participants' names
(`Meeting.participant_names`, which its search document holds), all set again
for the meetings a write touched.

Who calls it: the importer (once per article), generate_data, the curators'
merges and splits, and the admin's saves and deletes.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import permutations

from django.db.models import Count, Exists, F, IntegerField, Max, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, ExtractYear

from meetings.models import (
    Article, CountryPairYear, CountryYear, Meeting, MeetingCountry, MeetingSource, Organisation, Participation,
    Person, PersonOffice, Statement,
)
from meetings.querysets import count_of, latest_role
from meetings.timelines import merge_offices

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
    # (country, year or None) of the meetings written, held there or attended by its people: CountryYear
    country_years: set[tuple[int, int | None]] = field(default_factory=set)
    # (country, partner, year or None) of the meetings written: CountryPairYear, both ways round
    pair_years: set[tuple[int, int, int | None]] = field(default_factory=set)
    # the meetings written, whose countries MeetingCountry lists
    meetings: set[int] = field(default_factory=set)
    # meetings whose participants were renamed or given aliases: Meeting.participant_names only
    names: set[int] = field(default_factory=set)

    def __or__(self, other: Touched) -> Touched:
        return Touched(self.people | other.people, self.organisations | other.organisations,
                       self.country_years | other.country_years, self.pair_years | other.pair_years,
                       self.meetings | other.meetings, self.names | other.names)

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
        return _people(set(pks)) | _country_keys(_ids(Participation, "meeting", person__in=pks))
    if model is Meeting:
        return _meetings(set(pks)) | _people(_ids(Statement, "speaker", meeting__in=pks))
    if model is Participation:
        return _people(_ids(Participation, "person", pk__in=pks)) | _country_keys(_ids(Participation, "meeting",
                                                                                      pk__in=pks))
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
            | Touched(organisations=_ids(Meeting, "organisation", pk__in=meetings))
            | _country_keys(meetings))


def _country_keys(meetings: set[int]) -> Touched:
    """The (country, year) and (country, partner, year) counts these meetings count in, each in the year
    it is dated (None when undated)."""
    if not meetings:
        return Touched()
    country_years, pair_years = set(), set()
    for year, held_in, attending in _involved(meetings).values():
        country_years |= {(country, year) for country in attending | held_in}
        pair_years |= {(a, b, year) for a, b in permutations(attending, 2)}
    return Touched(country_years=country_years, pair_years=pair_years, meetings=set(meetings))


def _involved(meetings: set[int]) -> dict[int, tuple[int | None, set[int], set[int]]]:
    """meeting id -> (its year, {the country it was held in}, the countries of its participants)."""
    found: dict[int, tuple[int | None, set[int], set[int]]] = {}
    held = Meeting._base_manager.filter(pk__in=meetings, country__isnull=False)
    for meeting, year, country in held.order_by().values_list("pk", ExtractYear("date"), "country"):
        found.setdefault(meeting, (year, set(), set()))[1].add(country)
    attended = Participation._base_manager.filter(meeting__in=meetings, country__isnull=False)
    for meeting, year, country in attended.order_by().values_list("meeting", ExtractYear("meeting__date"), "country"):
        found.setdefault(meeting, (year, set(), set()))[2].add(country)
    return found


def _in_years(years: set[int | None] | None, date: str = "date") -> Q:
    """`date` (a meeting's) in one of `years` (None among them: undated); no condition when `years` is None."""
    if years is None:
        return Q()
    when = Q(pk__in=[])
    for year in years:
        when |= (Q(**{f"{date}__isnull": True}) if year is None
                 else Q(**{f"{date}__gte": dt.date(year, 1, 1), f"{date}__lt": dt.date(year + 1, 1, 1)}))
    return when


def _people(people: set[int]) -> Touched:
    """These people, and the organisations that count them among their people."""
    return Touched(people=people, organisations=_ids(Person, "organisation", pk__in=people) if people else set())


def counters_refresh(touched: Touched) -> None:
    """Recount the stored counts of the touched records: one UPDATE per model, and the touched years of
    the countries and pairs counted again from those years' meetings."""
    for model, fields in COUNTERS.items():
        ids = touched.ids(model)
        if ids:
            _recount(model._base_manager.filter(pk__in=ids), fields)
    _recount_country_years(touched.country_years)
    _recount_pair_years(touched.pair_years)
    _recount_offices(touched.people - {None})
    _relist_meeting_countries(touched.meetings)
    _copy_meeting_dates(Participation._base_manager.filter(meeting__in=touched.meetings - {None}))
    _write_participant_names((touched.meetings | touched.names) - {None})


def counters_refresh_all() -> None:
    """Recount every stored count (after a bulk load, or to repair them)."""
    for model, fields in COUNTERS.items():
        _recount(model._base_manager.all(), fields)
    CountryYear.objects.all().delete()
    CountryYear.objects.bulk_create(_country_year_rows(_counted_country_years()), batch_size=5000)
    CountryPairYear.objects.all().delete()
    CountryPairYear.objects.bulk_create(_pair_year_rows(_counted_pair_years()), batch_size=5000)
    PersonOffice.objects.all().delete()
    PersonOffice.objects.bulk_create(_office_rows(_counted_offices()), batch_size=5000)
    MeetingCountry.objects.all().delete()
    MeetingCountry.objects.bulk_create((MeetingCountry(meeting_id=m, country_id=c) for m, c in _meeting_countries()),
                                       batch_size=5000)
    _copy_meeting_dates(Participation._base_manager.all())
    _write_participant_names(None)


def _counted_country_years(years: set[int | None] | None = None,
                           countries: set[int] | None = None) -> dict[tuple[int, int | None], tuple[int, int, int]]:
    """(country, year or None) -> (meetings it involved: held there or attended by its people; meetings held
    there; meetings its people attended), of `countries` (all when None), over the meetings of `years`
    (None in it: the undated ones; all when None). Counted in the database, three queries."""
    attended = Participation._base_manager.filter(_in_years(years, "meeting__date"), country__isnull=False)
    held = Meeting._base_manager.filter(_in_years(years), country__isnull=False)
    if countries is not None:
        attended, held = attended.filter(country__in=countries), held.filter(country__in=countries)
    # A meeting held in a country and attended by its people counts once among the meetings it involved.
    held_and_attended = held.filter(Exists(Participation._base_manager.filter(meeting=OuterRef("pk"),
                                                                              country=OuterRef("country"))))
    counted: dict[str, Counter] = {}
    for name, rows in (
        ("attended", attended.values("country", year=ExtractYear("meeting__date")).annotate(
            n=Count("meeting", distinct=True))),
        ("held", held.values("country", year=ExtractYear("date")).annotate(n=Count("pk"))),
        ("both", held_and_attended.values("country", year=ExtractYear("date")).annotate(n=Count("pk"))),
    ):
        counted[name] = Counter({(row["country"], row["year"]): row["n"] for row in rows.order_by()})
    return {key: (counted["attended"][key] + counted["held"][key] - counted["both"][key], counted["held"][key],
                  counted["attended"][key])
            for key in counted["attended"].keys() | counted["held"].keys()}


def _country_year_rows(counted: dict) -> list[CountryYear]:
    return [CountryYear(country_id=c, year=year, meetings=n, held=held, attended=attended)
            for (c, year), (n, held, attended) in counted.items() if n]


def _recount_country_years(country_years: set[tuple[int, int | None]]) -> None:
    """The touched (country, year) counts, counted again over those years' meetings (a year of the busiest
    country, not all of its 50,000 meetings: 860 ms an import before)."""
    country_years = {(c, y) for c, y in country_years if c is not None}
    if not country_years:
        return
    counted = _counted_country_years({y for _, y in country_years}, {c for c, _ in country_years})
    for year in {y for _, y in country_years}:
        in_year = Q(year__isnull=True) if year is None else Q(year=year)
        CountryYear.objects.filter(in_year, country__in={c for c, y in country_years if y == year}).delete()
    CountryYear.objects.bulk_create(_country_year_rows({k: counted[k] for k in country_years if k in counted}),
                                    batch_size=2000)


def _counted_pair_years(years: set[int | None] | None = None, countries: set[int] | None = None) -> Counter:
    """(country, partner, year) -> meetings both took part in: among `countries` (all when None), over
    the meetings dated in `years` (None in it: the undated ones; every meeting when `years` is None).
    Counted in the database: each participation joined to the others of its meeting."""
    rows = (Participation._base_manager.filter(_in_years(years, "meeting__date"), country__isnull=False)
            .annotate(partner=F("meeting__participations__country"))
            .filter(partner__isnull=False).exclude(partner=F("country")))
    if countries is not None:
        rows = rows.filter(country__in=countries, partner__in=countries)
    rows = rows.order_by().values("country", "partner", year=ExtractYear("meeting__date")).annotate(
        n=Count("meeting", distinct=True))
    return Counter({(r["country"], r["partner"], r["year"]): r["n"] for r in rows})


def _pair_year_rows(counted: Counter) -> list[CountryPairYear]:
    return [CountryPairYear(country_id=a, partner_id=b, year=year, meetings=n)
            for (a, b, year), n in counted.items() if n]


def _recount_pair_years(pair_years: set[tuple[int, int, int | None]]) -> None:
    """The touched (country, partner, year) counts, counted again over those years' meetings."""
    pair_years = {(a, b, y) for a, b, y in pair_years if a is not None and b is not None}
    if not pair_years:
        return
    counted = _counted_pair_years({y for _, _, y in pair_years}, {c for a, b, _ in pair_years for c in (a, b)})
    ordered = sorted(pair_years, key=lambda k: (k[0], k[1], k[2] is None, k[2] or 0))
    for start in range(0, len(ordered), 200):  # a bounded condition: a merge can touch thousands
        stale = Q(pk__in=[])
        for a, b, year in ordered[start : start + 200]:
            stale |= Q(country=a, partner=b) & (Q(year__isnull=True) if year is None else Q(year=year))
        CountryPairYear.objects.filter(stale).delete()
    CountryPairYear.objects.bulk_create(_pair_year_rows(Counter({k: counted[k] for k in pair_years})),
                                        batch_size=2000)


def _counted_offices(people: set[int] | None = None) -> dict[int, list]:
    """person id -> their offices (timelines.Office), from their participations and statements."""
    def rows(model, person, date):
        queryset = model._base_manager.exclude(role="")
        if people is not None:
            queryset = queryset.filter(**{f"{person}__in": people})
        return (queryset.order_by().values(person, "role")
                .annotate(first=Min(date), last=Max(date), times=Count("*")))

    by_person: dict[int, tuple[list, list]] = defaultdict(lambda: ([], []))
    for row in rows(Participation, "person", "meeting__date"):
        by_person[row["person"]][0].append(row)
    for row in rows(Statement, "speaker", "date"):
        by_person[row["speaker"]][1].append(row)
    return {person: merge_offices(*sources) for person, sources in by_person.items()}


def _office_rows(offices: dict[int, list]) -> list[PersonOffice]:
    return [PersonOffice(person_id=person, role=o.role, first=o.first, last=o.last, times=o.times)
            for person, held in offices.items() for o in held]


def _recount_offices(people: set[int]) -> None:
    if not people:
        return
    PersonOffice.objects.filter(person__in=people).delete()
    PersonOffice.objects.bulk_create(_office_rows(_counted_offices(people)), batch_size=2000)


def _meeting_countries(meetings: set[int] | None = None) -> set[tuple[int, int]]:
    """(meeting, country) for each country those meetings (all when None) were held in or attended by."""
    held = Meeting._base_manager.filter(country__isnull=False)
    attended = Participation._base_manager.filter(country__isnull=False)
    if meetings is not None:
        held, attended = held.filter(pk__in=meetings), attended.filter(meeting__in=meetings)
    return set(held.values_list("pk", "country")) | set(attended.values_list("meeting", "country"))


def _relist_meeting_countries(meetings: set[int]) -> None:
    meetings = meetings - {None}
    if not meetings:
        return
    listed = set(MeetingCountry.objects.filter(meeting__in=meetings).values_list("meeting", "country"))
    involved = _meeting_countries(meetings)
    gone = sorted(listed - involved)
    for start in range(0, len(gone), 200):  # a bounded condition: a merge can touch thousands
        stale = Q(pk__in=[])
        for meeting, country in gone[start : start + 200]:
            stale |= Q(meeting=meeting, country=country)
        MeetingCountry.objects.filter(stale).delete()
    MeetingCountry.objects.bulk_create([MeetingCountry(meeting_id=m, country_id=c) for m, c in involved - listed],
                                       batch_size=2000, ignore_conflicts=True)  # listed meanwhile: still once


def _copy_meeting_dates(participations) -> None:
    """Participation.meeting_date: their meeting's date again (it moved, or they moved to another meeting)."""
    date = Meeting._base_manager.filter(pk=OuterRef("meeting")).values("date")[:1]
    participations.update(meeting_date=Subquery(date))


def _participant_names(meetings: set[int] | None) -> dict[int, str]:
    """meeting id -> its participants' names and aliases, one a line, in the order they were listed: what
    Meeting.participant_names stores for these meetings (all when None; "" for a meeting without any)."""
    found = Meeting._base_manager.all() if meetings is None else Meeting._base_manager.filter(pk__in=meetings)
    names: dict[int, list[str]] = {pk: [] for pk in found.values_list("pk", flat=True)}
    rows = Participation._base_manager.order_by("meeting_id", "pk")  # the column: "meeting" would sort by its date
    if meetings is not None:
        rows = rows.filter(meeting__in=meetings)
    for meeting, name, aliases in rows.values_list("meeting", "person__name", "person__aliases").iterator(5000):
        listed = names.setdefault(meeting, [])
        listed += [n for n in dict.fromkeys([name, *_aliases(aliases)]) if n and n not in listed]
    return {pk: "\n".join(listed) for pk, listed in names.items()}


def _aliases(value) -> list[str]:
    """A person's aliases as written: a list of strings (the JSON field takes anything a curator types)."""
    return [a for a in value if isinstance(a, str)] if isinstance(value, list) else []


def names_touched(person: int) -> Touched:
    """The meetings whose stored participants' names change when this person's name or aliases do."""
    return Touched(names=set(Participation._base_manager.filter(person=person).values_list("meeting", flat=True)))


def _participant_names_stale(meetings: set[int] | None = None) -> dict[int, str]:
    """The meetings whose stored names differ from their participants', with the names they should store."""
    expected = _participant_names(meetings)
    stored = Meeting._base_manager.filter(pk__in=expected) if meetings is not None else Meeting._base_manager.all()
    return {pk: expected[pk] for pk, text in stored.values_list("pk", "participant_names").iterator(5000)
            if pk in expected and expected[pk] != text}


def _write_participant_names(meetings: set[int] | None) -> None:
    if meetings is not None and not meetings:
        return
    changed = _participant_names_stale(meetings)
    Meeting._base_manager.bulk_update([Meeting(pk=pk, participant_names=text) for pk, text in changed.items()],
                                      ["participant_names"], batch_size=1000)


def _meeting_dates_stale() -> int:
    both = Q(meeting_date__isnull=False, meeting__date__isnull=False)
    return Participation._base_manager.filter(
        Q(meeting_date__isnull=True, meeting__date__isnull=False)
        | Q(meeting_date__isnull=False, meeting__date__isnull=True)
        | (both & ~Q(meeting_date=F("meeting__date")))
    ).count()


def years_stale() -> int:
    """How many (country, year) counts a recount would change."""
    stored = {((c, y), (n, held, attended)) for c, y, n, held, attended in CountryYear.objects.values_list(
        "country", "year", "meetings", "held", "attended")}
    return len(stored ^ {(key, counts) for key, counts in _counted_country_years().items() if counts[0]})


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
    stored = {((a, b, y), n) for a, b, y, n in CountryPairYear.objects.values_list("country", "partner", "year",
                                                                                  "meetings")}
    stale["country pair years"] = len(stored ^ set(_counted_pair_years().items()))
    offices = {(o.person_id, o.role, o.first, o.last, o.times) for o in _office_rows(_counted_offices())}
    stale["person offices"] = len(offices ^ set(PersonOffice.objects.values_list(
        "person", "role", "first", "last", "times")))
    stale["participation meeting dates"] = _meeting_dates_stale()
    stale["meeting participant names"] = len(_participant_names_stale())
    stale["meeting countries"] = len(_meeting_countries() ^ set(MeetingCountry.objects.values_list("meeting",
                                                                                                  "country")))
    return stale


def _counted(spec):
    if callable(spec):
        return spec()
    counted_model, foreign_key = spec
    return Coalesce(count_of(counted_model, foreign_key), 0, output_field=IntegerField())


def _recount(queryset, fields) -> None:
    queryset.update(**{name: _counted(spec) for name, spec in fields.items()})
