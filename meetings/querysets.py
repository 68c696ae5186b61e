"""The chainable query API of each model. Views and services call these;
templates get what they need already fetched, so a page costs a fixed number
of queries whatever the data size.
"""
from __future__ import annotations

import datetime as dt
from functools import reduce
from operator import or_

from django.db import models
from django.db.models import Count, Func, IntegerField, OuterRef, Prefetch, Q, Subquery


def _text_query(fields: list[str], text: str) -> Q:
    """Every word must occur in one of the fields (case-insensitive)."""
    query = Q()
    for word in text.split():
        query &= reduce(or_, (Q(**{f"{field}__icontains": word}) for field in fields))
    return query


def _count(model_name: str, field: str) -> Subquery:
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


# How many of an entity's latest meetings its "most frequent counterparts" are drawn from.
RECENT_MEETINGS = 200


class CountryQuerySet(models.QuerySet):
    def get_by_natural_key(self, code):
        return self.get(code=code)

    def with_counts(self):
        return self.annotate(meetings_held_count=_count("Meeting", "country"), people_count=_count("Person", "country"))

    def search(self, text: str):
        return self.filter(_text_query(["name", "code"], text)) if text.strip() else self

    def counterparts_of(self, country, within: int = RECENT_MEETINGS):
        """Countries whose representatives met `country`'s in its latest `within` meetings, most often first."""
        from .models import Meeting

        recent = Meeting.objects.involving_country(country).values("pk")[:within]
        return (
            self.filter(participations__meeting__in=recent)
            .exclude(pk=country.pk)
            .annotate(shared_meetings=Count("participations__meeting", distinct=True))
            .order_by("-shared_meetings", "name")
        )


class OrganisationQuerySet(models.QuerySet):
    def with_counts(self):
        return self.annotate(
            meetings_count=_count("Meeting", "organisation"), people_count=_count("Person", "organisation")
        )

    def search(self, text: str):
        return self.filter(_text_query(["name", "acronym", "aliases"], text)) if text.strip() else self


class PersonQuerySet(models.QuerySet):
    def with_latest_role(self):
        """Annotate the office most recently reported for each person."""
        from .models import Participation, Statement

        latest_participation = Participation.objects.filter(person=OuterRef("pk")).exclude(role="").order_by(
            models.F("meeting__date").desc(nulls_last=True), "-pk"
        )
        latest_statement = Statement.objects.filter(speaker=OuterRef("pk")).exclude(role="").order_by(
            models.F("date").desc(nulls_last=True), "-pk"
        )
        return self.annotate(
            latest_role=models.functions.Coalesce(
                Subquery(latest_participation.values("role")[:1]),
                Subquery(latest_statement.values("role")[:1]),
            )
        )

    def with_counts(self):
        return self.annotate(
            meetings_count=_count("Participation", "person"), statements_count=_count("Statement", "speaker")
        )

    def search(self, text: str):
        return self.filter(_text_query(["name", "aliases"], text)) if text.strip() else self

    def counterparts_of(self, person, within: int = RECENT_MEETINGS):
        """People who met `person` in their latest `within` meetings, with how many meetings they shared.

        Bounded so that the busiest person's page costs what anyone's does
        (all 8,600 meetings of one took 340 ms to aggregate).
        """
        from .models import Meeting, Participation

        theirs = Participation.objects.filter(person=person).values("meeting_id")
        recent = Meeting.objects.filter(pk__in=theirs).values("pk")[:within]
        return (
            self.filter(participations__meeting__in=recent)
            .exclude(pk=person.pk)
            .annotate(shared_meetings=Count("participations__meeting", distinct=True))
            .select_related("country")
            .order_by("-shared_meetings", "name")
        )


class ArticleQuerySet(models.QuerySet):
    def search(self, text: str):
        return self.filter(_text_query(["title", "source", "text"], text)) if text.strip() else self

    def with_counts(self):
        return self.annotate(
            meetings_count=_count("MeetingSource", "article"), statements_count=_count("Statement", "article")
        )


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
        from .models import Participation

        # A semi-join rather than a join: no DISTINCT over the whole result, so the date index can serve the order.
        attended = Participation.objects.filter(country=country).values("meeting_id")
        return self.filter(Q(country=country) | Q(pk__in=attended))

    def with_participants(self):
        from .models import Participation

        return self.select_related("country", "organisation").prefetch_related(
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("person", "country", "organisation"),
            )
        )

    def search(self, text: str):
        fields = ["title", "place", "participations__person__name", "organisation__name", "organisation__acronym"]
        return self.filter(_text_query(fields, text)).distinct() if text.strip() else self


class ParticipationQuerySet(models.QuerySet):
    def with_related(self):
        return self.select_related("person", "meeting", "country", "organisation")


class StatementQuerySet(models.QuerySet):
    def with_related(self):
        # The article gives its title and link; its text (23 KB on average in real coverage) stays behind.
        return self.select_related(
            "speaker", "speaker__country", "speaker_organisation", "meeting", "article"
        ).defer("article__text")

    def search(self, text: str):
        fields = ["text", "speaker__name"]
        return self.filter(_text_query(fields, text)) if text.strip() else self

    def quotes(self):
        return self.filter(kind="quote")
