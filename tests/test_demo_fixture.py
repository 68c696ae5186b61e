"""The demo data is what importing fixtures/articles gives."""
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from meetings.models import (
    Article, Country, CountryPairYear, CountryYear, Meeting, MeetingCountry, Organisation, Participation, Person,
    PersonOffice, Statement,
)

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def summary() -> dict:
    return {
        "articles": sorted(Article.objects.values_list("content_hash", flat=True)),
        "people": sorted(Person.objects.values_list("name", "country__code", "organisation__name", "meetings_count",
                                                    "statements_count")),
        "organisations": sorted(Organisation.objects.values_list("name", "acronym", "meetings_count", "people_count")),
        "meetings": sorted(
            (m.title, str(m.date), m.status, m.kind, m.place,
             tuple(sorted(m.participations.values_list("person__name", flat=True))),
             tuple(sorted(m.sources.values_list("article__filename", flat=True))))
            for m in Meeting.objects.all()
        ),
        "statements": sorted(Statement.objects.values_list("article__filename", "start", "end", "speaker__name", "kind")),
        "years": sorted(CountryYear.objects.values_list("country__code", "year", "meetings", "held", "attended"),
                        key=repr),
        "pair years": sorted(CountryPairYear.objects.values_list("country__code", "partner__code", "year", "meetings"),
                             key=repr),
        "offices": sorted(PersonOffice.objects.values_list("person__name", "role", "first", "last", "times"), key=repr),
        "meeting countries": sorted(MeetingCountry.objects.values_list("meeting__title", "country__code")),
        "participant names": sorted(Meeting.objects.values_list("title", "participant_names")),
        "participation dates": sorted(Participation.objects.values_list("meeting__title", "person__name",
                                                                        "meeting_date"), key=repr),
    }


def test_fixtures_and_importer_agree():
    call_command("loaddata", "demo", verbosity=0)
    from_fixture = summary()
    for model in (Statement, Meeting, Person, Organisation, Article, CountryYear, CountryPairYear):
        model.objects.all().delete()
    call_command("import_articles", str(ROOT / "fixtures" / "articles"), stdout=StringIO())
    assert summary() == from_fixture, "fixtures/demo.json is stale: run `make demo-fixture`"


def test_demo_is_big_enough_for_every_page():
    call_command("loaddata", "demo", verbosity=0)
    assert Meeting.objects.count() >= 10
    assert Person.objects.count() >= 20
    assert Statement.objects.count() >= 30
    assert Country.objects.filter(people__isnull=False).distinct().count() >= 8
    assert Meeting.objects.filter(sources__article__isnull=False).distinct().count() == Meeting.objects.count()
