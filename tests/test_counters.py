"""Counts stored on people and organisations (services/counters.py) stay what a
recount gives, whoever writes: the importer, a curator in the admin, a merge."""
import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from meetings.models import (
    CountryPairYear, CountryYear, Meeting, Organisation, Participation, Person, PersonOffice,
)
from meetings.services import counters, curation
from meetings.services.importing import article_import
from tests import builders
from tests.test_admin_locks import form_values

pytestmark = pytest.mark.django_db

ARTICLE = ("Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergey Lavrov in Beijing on Monday.\n\n"
           "\u201cWe will deepen our cooperation,\u201d Wang said.\n\n"
           "Lavrov said the two countries shared common interests.")
SECOND = ("Chinese Foreign Minister Wang Yi met Kazakh Foreign Minister Murat Nurtleu in Astana on Tuesday.\n\n"
          "Wang said the two sides would expand trade.")


def assert_counts_true():
    assert counters.counters_stale() == {"people": 0, "organisations": 0, "country years": 0,
                                         "country pair years": 0, "person offices": 0, "meeting countries": 0,
                                         "participation meeting dates": 0, "meeting participant names": 0}


@pytest.mark.slow
def test_the_importer_keeps_the_counts():
    assert article_import(text=ARTICLE, filename="a.txt", published=dt.date(2024, 4, 8)).status == "imported"
    assert article_import(text=SECOND, filename="b.txt", published=dt.date(2024, 4, 9)).status == "imported"
    assert_counts_true()
    wang = Person.objects.get(name="Wang Yi")
    assert wang.meetings_count == 2
    assert Person.objects.filter(statements_count__gt=0).exists()
    assert article_import(text=ARTICLE, filename="a.txt", published=dt.date(2024, 4, 8), update=True).status == "updated"
    assert_counts_true()


def test_a_curators_edit_in_the_admin_keeps_the_counts(admin_client, seeded):
    summit, wang, lavrov = seeded["summit"], seeded["wang"], seeded["lavrov"]
    url = f"/admin/meetings/meeting/{summit.pk}/change/"
    data = form_values(admin_client, url)
    lavrovs = Participation.objects.get(meeting=summit, person=lavrov)
    row = next(k.rsplit("-", 1)[0] for k, v in data.items()
               if k.startswith("participations-") and k.endswith("-id") and v == [str(lavrovs.pk)])
    data[f"{row}-DELETE"] = ["on"]
    other = builders.organisation("Conference on Interaction and Confidence-Building Measures in Asia")
    data["organisation"] = [str(other.pk)]
    assert admin_client.post(url, data).status_code == 302
    lavrov.refresh_from_db()
    assert lavrov.meetings_count == 0
    assert (Organisation.objects.get(pk=seeded["sco"].pk).meetings_count,
            Organisation.objects.get(pk=other.pk).meetings_count) == (0, 1)
    assert admin_client.post(f"/admin/meetings/person/{wang.pk}/delete/", {"post": "yes"}).status_code == 302
    assert_counts_true()


def test_merges_and_splits_keep_the_counts(seeded):
    wang = seeded["wang"]
    double = builders.person("Wang Yi (2)", country=seeded["cn"], organisation=seeded["sco"])
    builders.meeting("Wang Yi meets the SCO secretary", participants=[double], date="2013-07-12")
    builders.statement(double, seeded["article"], start=10, end=20)
    curation.person_merge(keep=wang, others=[double])
    wang.refresh_from_db()
    assert (wang.meetings_count, wang.statements_count) == (4, 2)
    assert Organisation.objects.get(pk=seeded["sco"].pk).people_count == 1  # Wang, who took the double's
    curation.meeting_merge(keep=seeded["summit"], others=[seeded["talks"]])  # Wang was at both: one meeting less
    wang.refresh_from_db()
    assert wang.meetings_count == 3
    assert_counts_true()
    curation.person_split(person=wang, article_ids=[seeded["article"].pk])
    assert_counts_true()


def test_recount_repairs_counts_written_past_the_services(seeded):
    Person.objects.update(meetings_count=99)
    with pytest.raises(CommandError, match="3 people"):
        call_command("recount", "--check", stdout=StringIO())
    call_command("recount", stdout=StringIO())
    call_command("recount", "--check", stdout=StringIO())
    assert Person.objects.get(pk=seeded["wang"].pk).meetings_count == 3


def pair_years(first, second) -> list[tuple]:
    return list(CountryPairYear.objects.filter(country=first, partner=second).values_list("year", "meetings"))


def test_a_country_pair_counts_its_meetings_by_year_both_ways_round(seeded):
    cn, ru, kg = seeded["cn"], seeded["ru"], seeded["kg"]
    assert pair_years(cn, ru) == pair_years(ru, cn) == [(2013, 1)]
    assert pair_years(cn, kg) == [(2013, 1)]
    assert pair_years(ru, kg) == []  # Lavrov and Satybaldiyev never met
    builders.meeting("An undated call", participants=[seeded["wang"], seeded["lavrov"]], kind="call")
    builders.meeting("Talks in Moscow", participants=[seeded["lavrov"], seeded["wang"]], date="2016-05-02")
    assert pair_years(cn, ru) == [(2013, 1), (2016, 1), (None, 1)]
    assert CountryPairYear.objects.filter(country=cn, partner=ru).total() == 3
    assert_counts_true()


def test_moving_a_meeting_to_another_year_moves_its_pair_count(admin_client, seeded):
    summit = seeded["summit"]
    url = f"/admin/meetings/meeting/{summit.pk}/change/"
    data = form_values(admin_client, url)
    data["date"] = ["2019-06-14"]
    assert admin_client.post(url, data).status_code == 302
    assert pair_years(seeded["cn"], seeded["ru"]) == [(2019, 1)]
    assert_counts_true()


def test_a_persons_offices_merge_meetings_and_statements(seeded):
    wang = seeded["wang"]
    Participation.objects.filter(person=wang).update(role="")
    Participation.objects.filter(person=wang, meeting=seeded["talks"]).update(role="foreign minister")
    later = builders.meeting("Wang Yi in Brasilia", participants=[wang], date="2018-03-01")
    Participation.objects.filter(person=wang, meeting=later).update(role="State Councilor")
    counters.counters_refresh(counters.touched_by(Person, [wang.pk]))
    offices = [(o.role, str(o.first), str(o.last), o.times) for o in PersonOffice.objects.filter(person=wang)]
    # "foreign minister" at the talks and "Foreign Minister" when speaking at the summit: one office, twice
    assert offices == [("foreign minister", "2013-07-13", "2013-07-14", 2), ("State Councilor", "2018-03-01",
                                                                             "2018-03-01", 1)]
    assert_counts_true()


def test_deleting_a_meeting_drops_its_pair_count(seeded):
    summit = seeded["summit"]
    before = counters.touched_by(Meeting, [summit.pk])
    summit.delete()
    counters.counters_refresh(before)
    assert pair_years(seeded["cn"], seeded["ru"]) == []
    assert_counts_true()


def test_a_countrys_stored_years_add_up_to_its_meetings_the_undated_too(admin_client, seeded):
    """The countries list and `/meetings/?country=` read CountryYear's total: it must be what the filter lists."""
    cn = seeded["cn"]

    def involving(country):
        return Meeting.objects.involving_country(country).count()

    undated = Meeting.objects.involving_country(cn).filter(date=None).count()
    assert CountryYear.objects.filter(country=cn).total() == involving(cn)
    dated = CountryYear.objects.filter(country=cn).per_year()
    call = builders.meeting("An undated call", participants=[seeded["lavrov"]], country=cn, kind="call")
    assert list(CountryYear.objects.filter(country=cn, year=None).values_list("meetings", flat=True)) == [undated + 1]
    assert CountryYear.objects.filter(country=cn).per_year() == dated  # the chart shows the dated only
    assert CountryYear.objects.filter(country=cn).total() == involving(cn)
    url = f"/admin/meetings/meeting/{call.pk}/change/"
    data = form_values(admin_client, url)
    data["date"], data["date_precision"] = ["2015-02-03"], ["day"]
    assert admin_client.post(url, data).status_code == 302
    assert CountryYear.objects.filter(country=cn, year=None).total() == undated
    assert CountryYear.objects.filter(country=cn).per_year() == [*dated, (2015, 1)]
    assert_counts_true()


def test_a_countrys_held_and_attended_totals_are_what_its_page_lists(client, admin_client, seeded):
    """Its page pages the meetings held there and those its people attended by the stored totals."""
    cn, kg = seeded["cn"], seeded["kg"]

    def listed(country):
        page = client.get(country.get_absolute_url()).context
        return page["meetings_held"].paginator.count, page["meetings_attended"].paginator.count

    def counted(country):
        return (Meeting.objects.filter(country=country).count(),
                Meeting.objects.filter(participations__country=country).distinct().count())

    for country in (cn, kg):
        assert listed(country) == counted(country)
    hosted = builders.meeting("Hosted with nobody of its own", participants=[seeded["lavrov"]], country=kg)
    builders.meeting("Away", participants=[seeded["wang"]], country=builders.country("FR"), date="2016-01-01")
    assert listed(kg) == counted(kg) and listed(cn) == counted(cn)
    url = f"/admin/meetings/meeting/{hosted.pk}/change/"
    data = form_values(admin_client, url)
    data["country"] = [str(cn.pk)]
    assert admin_client.post(url, data).status_code == 302
    assert listed(kg) == counted(kg) and listed(cn) == counted(cn)
    assert_counts_true()


def test_a_participation_keeps_its_meetings_date_through_edits_and_moves(admin_client, seeded):
    """A person's page orders their meetings by the date copied onto each participation."""
    wang, summit, talks = seeded["wang"], seeded["summit"], seeded["talks"]

    def copied(meeting):
        return set(Participation.objects.filter(meeting=meeting).values_list("meeting_date", flat=True))

    assert copied(summit) == {dt.date(2013, 7, 13)}
    url = f"/admin/meetings/meeting/{summit.pk}/change/"
    data = form_values(admin_client, url)
    data["date"] = ["2019-06-14"]
    assert admin_client.post(url, data).status_code == 302
    assert copied(summit) == {dt.date(2019, 6, 14)}
    visit = seeded["visit"]
    curation.meeting_merge(keep=visit, others=[talks])  # the talks' people move to the (undated) visit
    visit.refresh_from_db()
    assert Participation.objects.filter(meeting=visit).count() == 2 and copied(visit) == {visit.date}
    assert_counts_true()


def test_a_meeting_is_found_by_its_participants_names_after_a_curator_renames_one(admin_client, client, seeded):
    """Its search document holds its participants' names and aliases, kept through the admin's edits."""
    lavrov, summit = seeded["lavrov"], seeded["summit"]
    url = f"/admin/meetings/person/{lavrov.pk}/change/"
    data = form_values(admin_client, url)
    data["name"], data["aliases"] = ["Sergei Lavroff"], ['["S. V. Lavroff"]']
    assert admin_client.post(url, data).status_code == 302
    summit.refresh_from_db()
    assert "Sergei Lavroff" in summit.participant_names.splitlines()
    assert "S. V. Lavroff" in summit.participant_names.splitlines()
    found = {m.title for m in client.get("/meetings/", {"q": "Lavroff"}).context["object_list"]}
    assert summit.title in found
    assert_counts_true()


@pytest.mark.slow
def test_an_import_that_gives_a_known_person_an_alias_writes_it_into_all_their_meetings(seeded):
    """The importer matches Lavrov and adds how this article writes him: his earlier meetings hold it too."""
    from meetings.services import resolution

    for person in (seeded["wang"], seeded["lavrov"]):
        resolution.remember_person_names(person, {person.name})
    assert article_import(text=ARTICLE.replace("Sergey Lavrov", "Sergei Lavrov"), filename="a.txt",
                          published=dt.date(2024, 4, 8)).status == "imported"
    lavrov = Person.objects.get(pk=seeded["lavrov"].pk)
    assert "Sergei Lavrov" in lavrov.aliases
    assert "Sergei Lavrov" in Meeting.objects.get(pk=seeded["summit"].pk).participant_names.splitlines()
    assert_counts_true()


@pytest.mark.parametrize("aliases, kept", [('["S. Lavrov", 7, null]', ["S. Lavrov"]), ('"S. Lavrov"', [])])
def test_aliases_a_curator_types_oddly_never_break_a_save_or_the_names(admin_client, seeded, aliases, kept):
    lavrov = seeded["lavrov"]
    url = f"/admin/meetings/person/{lavrov.pk}/change/"
    data = form_values(admin_client, url)
    data["aliases"] = [aliases]
    assert admin_client.post(url, data).status_code == 302
    names = Meeting.objects.get(pk=seeded["summit"].pk).participant_names.splitlines()
    assert lavrov.name in names and all(len(n) > 1 for n in names) and set(kept) <= set(names)
    assert_counts_true()


def test_recount_repairs_participant_names_written_past_the_services(seeded):
    Meeting.objects.filter(pk=seeded["summit"].pk).update(participant_names="Nobody")
    with pytest.raises(CommandError, match="1 meeting participant names"):
        call_command("recount", "--check", stdout=StringIO())
    call_command("recount", stdout=StringIO())
    assert "Wang Yi" in Meeting.objects.get(pk=seeded["summit"].pk).participant_names.splitlines()
    assert_counts_true()


@pytest.mark.slow
def test_an_import_that_dates_an_undated_meeting_moves_it_out_of_the_undated_counts():
    """A later article gives the date of a meeting an earlier one left undated: its countries count it once."""
    undated = ("Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergey Lavrov in Beijing.\n\n"
               "Lavrov said the two countries shared common interests.")
    assert article_import(text=undated, filename="first.txt").status == "imported"
    assert Meeting.objects.filter(date=None).exists()
    assert article_import(text=ARTICLE, filename="later.txt", published=dt.date(2024, 4, 8)).status == "imported"
    assert_counts_true()
    for meeting in Meeting.objects.all():
        assert all(CountryYear.objects.filter(country=c).total() == Meeting.objects.involving_country(c).count()
                   for c in meeting.involved_countries.values_list("country", flat=True))
