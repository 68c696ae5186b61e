import pytest
from django.db import IntegrityError, transaction

from meetings.models import Country, Meeting, Statement
from tests import builders

pytestmark = pytest.mark.django_db


def test_every_sovereign_country_is_loaded_by_migration():
    assert Country.objects.count() == 195
    assert Country.objects.get(code="RU").name == "Russia"
    assert Country.objects.get(code="VA").name == "Holy See"
    assert not Country.objects.filter(code__in=["TW", "HK", "PR", "GS"]).exists()


def test_country_code_must_be_alpha2():
    with pytest.raises(IntegrityError), transaction.atomic():
        Country.objects.create(code="xx", name="Nowhere", slug="nowhere")


def test_article_content_hash_is_unique():
    art = builders.article(text="Same text.")
    with pytest.raises(IntegrityError), transaction.atomic():
        builders.article(text="Same text.", content_hash=art.content_hash)


def test_statement_span_must_not_be_reversed():
    wang = builders.person("Wang Yi")
    with pytest.raises(IntegrityError), transaction.atomic():
        builders.statement(wang, start=10, end=5)


def test_statement_needs_a_speaker_or_a_body():
    art = builders.article()
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.create(article=art, text="It said so.", start=0, end=5)


def test_dated_meeting_needs_precision():
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(title="Talks", slug="talks", date="2020-01-01", date_precision="")


def test_slugs_are_unique():
    builders.person("Wang Yi")
    with pytest.raises(IntegrityError), transaction.atomic():
        builders.person("Wang Yi")


def test_participation_is_once_per_meeting(seeded):
    from meetings.models import Participation

    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(meeting=seeded["summit"], person=seeded["wang"])


def test_str_and_urls(seeded):
    assert str(seeded["wang"]) == "Wang Yi"
    assert seeded["wang"].get_absolute_url() == "/people/wang-yi/"
    assert seeded["kg"].get_absolute_url() == "/countries/kg/"
    assert seeded["summit"].get_absolute_url() == "/meetings/sco-foreign-ministers-meeting/"
    assert seeded["s1"].get_absolute_url() == f"/statements/{seeded['s1'].pk}/"
    assert str(seeded["sco"]) == "Shanghai Cooperation Organization (SCO)"


def test_meeting_date_display_follows_precision(seeded):
    summit = seeded["summit"]
    assert summit.date_display == "13 July 2013"
    summit.date_precision = "month"
    assert summit.date_display == "July 2013"
    assert seeded["visit"].date_display == "date unknown"


def test_passage_reads_the_article_span(seeded):
    s2 = seeded["s2"]
    assert s2.passage == s2.article.text[5:44]


def test_latest_role_is_the_most_recent_reported(seeded):
    from meetings.models import Participation, Person

    from meetings.services.counters import counters_refresh, touched_by

    Participation.objects.filter(meeting=seeded["talks"], person=seeded["wang"]).update(role="State Councilor")
    counters_refresh(touched_by(Person, [seeded["wang"].pk]))  # the importer and the admin do so
    wang = Person.objects.get(pk=seeded["wang"].pk)
    assert wang.latest_role == "State Councilor"


def test_counterparts_count_shared_meetings(seeded):
    from meetings.models import Person

    counterparts = list(Person.objects.counterparts_of(seeded["wang"]))
    assert {p.name: p.shared_meetings for p in counterparts} == {"Sergey Lavrov": 1, "Zhantoro Satybaldiyev": 1}


def test_latest_involving_merges_held_and_attended_newest_first(seeded):
    kg = seeded["kg"]
    abroad = builders.meeting("Satybaldiyev in Moscow", participants=[seeded["satybaldiyev"]], date="2014-03-01",
                              country=seeded["ru"])
    undated = builders.meeting("Satybaldiyev call", participants=[seeded["satybaldiyev"]], kind="call")
    builders.meeting("Talks elsewhere", participants=[seeded["lavrov"]], date="2015-01-01", country=seeded["ru"])
    latest = Meeting.objects.latest_involving(kg, 10)
    assert latest == [abroad.pk, seeded["talks"].pk, seeded["summit"].pk, undated.pk]
    assert Meeting.objects.latest_involving(kg, 2) == [abroad.pk, seeded["talks"].pk]
    assert set(latest) == set(Meeting.objects.involving_country(kg).values_list("pk", flat=True))
