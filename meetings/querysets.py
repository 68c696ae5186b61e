"""The chainable query API of each model. Views and services call these;
templates get what they need already fetched, so a page costs a fixed number
of queries whatever the data size.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db import models
from django.db.models import Count, Exists, Func, IntegerField, OuterRef, Prefetch, Q, Subquery, Sum
from django.db.models.functions import Coalesce, ExtractYear
from django.db.models.query import ModelIterable

from . import search as site_search
from .links import detail_url



def _text_query(fields: list[str], text: str) -> Q:
    """Every word must occur in one of the fields (case-insensitive)."""
    query = Q()
    for word in text.split():
        query &= reduce(or_, (Q(**{f"{field}__icontains": word}) for field in fields))
    return query


def count_of(model_name: str, field: str) -> Subquery:
    """COUNT(*) of the rows of `model_name` whose `field` is the outer row, as a correlated subquery.

    Counting each relation in its own subquery keeps the relations from
    multiplying each other (a join of participations and statements gave
    309 million rows for /people/), and PostgreSQL evaluates the subquery only
    for the rows of the page, each through the foreign key's index.
    """
    from django.apps import apps

    rows = apps.get_model("meetings", model_name).objects.filter(**{field: OuterRef("pk")}).order_by()
    # COUNT(*), not COUNT(id): the foreign key's index alone answers it (an index-only scan, no table rows).
    count = Func(template="COUNT(*)", output_field=IntegerField())
    return Subquery(rows.annotate(n=count).values("n"), output_field=IntegerField())


def latest_role():
    """The office most recently reported for the outer person (their latest meeting's, else their latest
    statement's), "" when none: stored as Person.latest_role by services/counters.py."""
    from .models import Participation, Statement

    latest_participation = Participation.objects.filter(person=OuterRef("pk")).exclude(role="").order_by(
        models.F("meeting__date").desc(nulls_last=True), "-pk"
    )
    latest_statement = Statement.objects.filter(speaker=OuterRef("pk")).exclude(role="").order_by(
        models.F("date").desc(nulls_last=True), "-pk"
    )
    return models.functions.Coalesce(
        Subquery(latest_participation.values("role")[:1]), Subquery(latest_statement.values("role")[:1]),
        models.Value(""), output_field=models.CharField(),
    )


# How many of an entity's latest meetings its "most frequent counterparts" are drawn from.
RECENT_MEETINGS = 200


class CountryQuerySet(models.QuerySet):
    def get_by_natural_key(self, code):
        return self.get(code=code)

    def with_counts(self):
        """Its meetings (held there or attended by its people, as `/meetings/?country=` lists them) from the
        stored CountryYear counts, and its people. Counting the meetings held in each country on each view
        took 13 ms and could not serve a sort (27 ms for the countries sorted by meetings)."""
        from .models import CountryYear

        stored = (CountryYear.objects.filter(country=OuterRef("pk")).order_by().values("country")
                  .annotate(n=Sum("meetings")).values("n"))
        return self.annotate(meetings_count=Coalesce(Subquery(stored), 0, output_field=IntegerField()),
                             people_count=count_of("Person", "country"))

    def with_held_counts(self):
        """The meetings held in each country, counted: for the JSON and CSV, which have always given them."""
        return self.annotate(meetings_held_count=count_of("Meeting", "country"))

    def search(self, text: str, parts: list | None = None):
        return self.filter(_text_query(["name", "code"], text)) if text.strip() else self

    def counterparts_of(self, country, within: int = RECENT_MEETINGS, recent=None):
        """Countries whose representatives met `country`'s in its latest `within` meetings (or `recent`,
        their ids when the caller has them already), most often first."""
        from .models import Meeting

        if recent is None:
            recent = Meeting.objects.involving_country(country).values("pk")[:within]
        return (
            self.filter(participations__meeting__any=recent)
            .exclude(pk=country.pk)
            .annotate(shared_meetings=Count("participations__meeting", distinct=True))
            .order_by("-shared_meetings", "name")
        )

    def met_by(self, person, within: int = RECENT_MEETINGS, recent=None):
        """Countries represented at `person`'s latest `within` meetings (or `recent`, their ids), other than
        their own, with how many."""
        from .models import Meeting

        if recent is None:
            recent = Meeting.objects.attended_by(person).values("pk")[:within]
        return (
            self.filter(participations__meeting__any=recent)
            .exclude(pk=person.country_id)
            .annotate(shared_meetings=Count("participations__meeting", distinct=True))
            .order_by("-shared_meetings", "name")
        )

    def represented_at(self, meetings):
        """Countries whose people took part in `meetings`, with how many of them."""
        return (
            self.filter(participations__meeting__any=meetings)
            .annotate(shared_meetings=Count("participations__meeting", distinct=True))
            .order_by("-shared_meetings", "name")
        )


class CountryYearQuerySet(models.QuerySet):
    def per_year(self) -> list[tuple[int, int]]:
        """(year, meetings) of the dated meetings, oldest first: the stored counts, in the shape of
        MeetingQuerySet.per_year()."""
        return list(self.exclude(year=None).order_by("year").values_list("year", "meetings"))

    def total(self) -> int:
        """Every meeting of the country, the undated too: what `/meetings/?country=` lists."""
        return sum(self.values_list("meetings", flat=True))

    def summary(self) -> tuple[list[tuple[int, int]], int, int]:
        """(per_year(), meetings held there, meetings its people attended), the undated among them: read once."""
        rows = list(self.order_by("year").values_list("year", "meetings", "held", "attended"))
        return ([(year, n) for year, n, _, _ in rows if year is not None], sum(r[2] for r in rows),
                sum(r[3] for r in rows))


class CountryPairYearQuerySet(models.QuerySet):
    def per_year(self) -> list[tuple[int, int]]:
        """(year, meetings) of the dated meetings, oldest first, in the shape of MeetingQuerySet.per_year()."""
        return list(self.exclude(year=None).order_by("year").values_list("year", "meetings"))

    def total(self) -> int:
        """Every meeting of the pair, the undated too."""
        return sum(self.values_list("meetings", flat=True))


class OrganisationQuerySet(models.QuerySet):
    def forums_of(self, meetings):
        """Organisations in whose frame `meetings` were held, with how many of them."""
        return (
            self.filter(meetings__any=meetings)
            .annotate(shared_meetings=Count("meetings", distinct=True))
            .order_by("-shared_meetings", "name")
        )

    def search(self, text: str, parts: list | None = None):
        return site_search.apply(self, text, fallback=["name", "acronym", "aliases"], parts=parts)


class PersonQuerySet(models.QuerySet):
    def search(self, text: str, parts: list | None = None):
        return site_search.apply(self, text, fallback=["name", "aliases"], fuzzy="name", parts=parts)

    def named(self, value: str):
        """The person with this id (slug), else those with this name, case and accents aside."""
        from .extraction.names import fold

        by_slug = self.filter(slug=value)
        if by_slug.exists():
            return by_slug
        key = fold(value)
        return self.filter(Q(name__iexact=value) | Q(names__key=key)).distinct()

    def suggestions(self, text: str, limit: int = 10):
        """People whose names match what has been typed so far, best first."""
        if not text.strip():
            return self.none()
        matches = self.search(text) if site_search.on_postgres() else self.filter(name__icontains=text.strip())
        return matches.select_related("country", "organisation")[:limit]

    def counterparts_of(self, person, within: int = RECENT_MEETINGS, recent=None):
        """People who met `person` in their latest `within` meetings (or `recent`, their ids), with how many
        meetings they shared.

        Bounded so that the busiest person's page costs what anyone's does
        (all 8,600 meetings of one took 340 ms to aggregate).
        """
        from .models import Meeting

        if recent is None:
            recent = Meeting.objects.attended_by(person).values("pk")[:within]
        return (
            self.filter(participations__meeting__any=recent)
            .exclude(pk=person.pk)
            .annotate(shared_meetings=Count("participations__meeting", distinct=True))
            .select_related("country")
            .order_by("-shared_meetings", "name")
        )


class ArticleQuerySet(models.QuerySet):
    def search(self, text: str, parts: list | None = None):
        return site_search.apply(self, text, fallback=["title", "source", "text"], parts=parts)

    def with_counts(self):
        return self.annotate(
            meetings_count=count_of("MeetingSource", "article"), statements_count=count_of("Statement", "article")
        )


@dataclass(frozen=True)
class Attendee:
    """Who took part in a meeting, as a row of a list names them: a name and a link."""

    name: str
    slug: str

    def get_absolute_url(self) -> str:
        return detail_url("meetings:person_detail", self.slug)


class WithPeople(ModelIterable):
    """Meetings, each with `people` (Attendee), read in one query of names for all of them.

    A list row names the participants and links them; prefetching their participations built four model
    instances per participant (participation, person, country, organisation): 20 ms for a page of 25.
    """

    def __iter__(self):
        from .models import Participation

        meetings = list(super().__iter__())
        people: dict[int, list[Attendee]] = {}
        if meetings:
            rows = (Participation.objects.filter(meeting__any=[m.pk for m in meetings]).order_by("meeting_id", "pk")
                    .values_list("meeting_id", "person__name", "person__slug"))
            for meeting, name, slug in rows:
                people.setdefault(meeting, []).append(Attendee(name, slug))
        for meeting in meetings:
            meeting.people = people.get(meeting.pk, [])
        yield from meetings


class MeetingQuerySet(models.QuerySet):
    def held(self):
        return self.filter(status="held")

    def planned(self):
        return self.filter(status="planned")

    def between(self, start: dt.date | None = None, end: dt.date | None = None):
        qs = self
        if start:
            qs = qs.filter(date__gte=start)
        if end:
            qs = qs.filter(date__lte=end)
        return qs

    def involving_country(self, country):
        """Meetings held in `country` or attended by someone representing it."""
        from .models import MeetingCountry

        # One EXISTS over the stored list of each meeting's countries (models.MeetingCountry), not "held
        # there OR attended": the planner can then walk the date index for a busy country.
        return self.filter(Exists(MeetingCountry.objects.filter(meeting=OuterRef("pk"), country=country)))

    def attended_by(self, person):
        """Meetings `person` took part in. EXISTS, so that PostgreSQL picks by how many they are: for the
        busiest, walk the date index and look each meeting up in theirs; for most, their few meetings."""
        from .models import Participation

        return self.filter(Exists(Participation.objects.filter(meeting=OuterRef("pk"), person=person)))

    def latest_involving(self, country, within: int) -> list[int]:
        """Ids of the latest `within` meetings held in `country` or attended by its people, newest first."""
        return list(self.involving_country(country).order_by(*self.model._meta.ordering)
                    .values_list("pk", flat=True)[:within])

    def between_countries(self, first, second):
        """Meetings at which people of both countries took part."""
        from .models import Participation

        # Two semi-joins on participation_country_idx (index-only), not two EXISTS probed for every meeting.
        return self.filter(pk__in=Participation.objects.filter(country=first).values("meeting_id")).filter(
            pk__in=Participation.objects.filter(country=second).values("meeting_id"))

    def in_period(self, start: dt.date, end: dt.date):
        return self.filter(date__gte=start, date__lte=end)

    def per_year(self) -> list[tuple[int, int]]:
        """(year, meetings) for the dated meetings of this queryset, oldest first: one query."""
        rows = (
            self.filter(date__isnull=False).order_by().annotate(year=ExtractYear("date")).values("year")
            .annotate(n=Count("pk", distinct=True)).order_by("year")
        )
        return [(row["year"], row["n"]) for row in rows]

    def with_people(self):
        """For list rows: each meeting's country, forum and `people` (who took part, as names and links)."""
        clone = self.select_related("country", "organisation")
        clone._iterable_class = WithPeople
        return clone

    def with_participants(self):
        from .models import Participation

        return self.select_related("country", "organisation").prefetch_related(
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("person", "country", "organisation"),
            )
        )

    def search(self, text: str, parts: list | None = None):
        """Its title, place, date phrase or participants' names match (its document holds them all); or its
        forum does; or a participant's name is a near spelling of the query."""
        from .models import Organisation, Participation, Person

        if not site_search.on_postgres():
            fields = ["title", "place", "participant_names", "organisation__name", "organisation__acronym"]
            return self.filter(site_search.fallback_condition(fields, text)) if text.strip() else self

        def related(text):
            conditions = [Q(organisation__any=site_search.matching_ids(Organisation, text))]
            misspelt = site_search.near_spellings(Person, text, "name")
            if misspelt:
                conditions.append(Q(pk__in=Participation.objects.filter(person__any=misspelt).values("meeting_id")))
            return conditions

        def excluded(term):  # its own words and participants', whichever condition found it (its forum)
            return Q(search_document=site_search.web_query(f'"{term}"' if " " in term else term))

        return site_search.apply(self, text, fallback=[], related=related, excluded=excluded, parts=parts)


class MeetingCountryQuerySet(models.QuerySet):
    def of_meetings(self, meeting_ids) -> list[tuple[int, str, str]]:
        """(meeting id, country code, country name) for each country those meetings involved: what
        `/meetings/?country=` filters by, read from the stored list along its meeting index (the
        participations' countries, made distinct, and each meeting's own country took 4.5 ms for 200)."""
        return list(self.filter(meeting__any=meeting_ids).order_by()
                    .values_list("meeting_id", "country__code", "country__name"))


class ParticipationQuerySet(models.QuerySet):
    def with_related(self):
        return self.select_related("person", "meeting", "country", "organisation")



class StatementQuerySet(models.QuerySet):
    def with_related(self):
        # Rows link their source by the article's id alone: joining the article too made the planner weigh a
        # sixth table, 2.4 of the query's 3 ms spent planning (execution 0.6 ms).
        return self.select_related("speaker", "speaker__country", "speaker_organisation", "meeting")

    def search(self, text: str, parts: list | None = None):
        """Its words or the speaker's office as reported match; or its speaker does."""
        from .models import Person

        def related(text):
            return [Q(speaker__any=site_search.matching_ids(Person, text, fuzzy="name"))]

        def excluded(term):
            return Q(speaker__in=site_search.named_people(term))

        return site_search.apply(self, text, fallback=["text", "speaker__name"], related=related, excluded=excluded,
                                 parts=parts)

    def quotes(self):
        return self.filter(kind="quote")

    def passages(self) -> list[Passage]:
        """Where each statement lies in its article, who made it and how, as plain rows: an article's page
        marks 190 statements in its text and lists them, and building 190 statements, each with its speaker
        and their organisation, took 8 of the page's 18 ms."""
        from .models import Organisation

        kinds = dict(self.model.Kind.choices)
        rows = self.values_list("pk", "start", "end", "kind", "speaker__name", "speaker_organisation__name",
                                "speaker_organisation__acronym")
        return [
            Passage(pk, start, end, str(kinds.get(kind, kind)),
                    person if person is not None else Organisation.label(body, acronym))
            for pk, start, end, kind, person, body, acronym in rows
        ]


@dataclass(frozen=True)
class Passage:
    """A statement as its article's page shows it (StatementQuerySet.passages)."""

    pk: int
    start: int | None
    end: int | None
    kind: str  # as displayed
    speaker: str  # a person's name or an organisation's label (a statement has one or the other)

    def get_absolute_url(self) -> str:
        return detail_url("meetings:statement_detail", self.pk)
