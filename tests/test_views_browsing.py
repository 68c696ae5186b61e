"""What a researcher does after finding a list: facets with counts, filters
taken off one by one, periods and names instead of ids, machine-readable
forms (JSON, CSV, Atom), and the pages that put people, countries and forums
in context."""
import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Participation
from tests import builders

pytestmark = pytest.mark.django_db


def facet(response, param):
    found = [f for f in response.context["facets"] if f.param == param]
    assert found, f"no facet {param}"
    return {c.value: c for c in found[0].choices}


def titles(response):
    return {m.title for m in response.context["object_list"]}


# Facets ---------------------------------------------------------------------------------------------------


def test_meeting_facets_count_what_each_value_would_leave(client, seeded):
    response = client.get("/meetings/", {"status": "held"})
    status = facet(response, "status")
    assert (status["held"].count, status["planned"].count) == (2, 1)  # counted without the status filter itself
    assert status["held"].selected and status["held"].label == "Held"
    kind = facet(response, "kind")
    assert (kind["multilateral"].count, kind["bilateral"].count) == (1, 1)  # the planned visit is left out
    country = facet(response, "country")
    assert {code: c.count for code, c in country.items()} == {"KG": 2, "CN": 2, "RU": 1}
    assert facet(response, "date") == {"2013": facet(response, "date")["2013"]}
    assert facet(response, "date")["2013"].count == 2
    assert facet(response, "organisation")["shanghai-cooperation-organization"].count == 1


def test_facet_counts_each_record_once_per_value_from_one_read_of_its_rows(django_assert_num_queries):
    """A meeting held in a country and attended by its people counts once there; years order newest first."""
    from meetings import facets
    from meetings.models import Meeting
    from meetings.views import MeetingListView

    cn, ru = builders.country("CN"), builders.country("RU")
    wang, lavrov = builders.person("Ada Quill", country=cn), builders.person("Boris Vale", country=ru)
    home = builders.meeting(participants=[wang, lavrov], country=cn, date="2011-03-01", status="held")
    away = builders.meeting(participants=[wang], country=ru, date="2014-05-06", status="held")
    undated = builders.meeting(participants=[lavrov], status="planned")
    ids = [home.pk, away.pk, undated.pk]
    with django_assert_num_queries(2):  # the rows, and the meetings' stored countries
        counted = facets.count_values(Meeting, ids, MeetingListView.facet_specs)
    assert counted["country"] == [("RU", "Russia", 3), ("CN", "China", 2)]
    assert counted["date"] == [("2014", "2014", 1), ("2011", "2011", 1)]
    assert counted["status"] == [("held", "held", 2), ("planned", "planned", 1)]
    assert counted["organisation"] == []


def test_each_country_facet_counts_what_its_link_lists(client, seeded):
    """The facet reads the same stored list of each meeting's countries that the filter does."""
    counts = {code: c.count for code, c in facet(client.get("/meetings/"), "country").items()}
    assert counts
    for code, count in counts.items():
        assert client.get("/meetings/", {"country": code}).context["paginator"].count == count, code


def test_facet_links_add_and_remove_their_filter(client, seeded):
    response = client.get("/meetings/", {"status": "held", "page": "1"})
    status = facet(response, "status")
    assert status["planned"].url == "?status=planned"  # replaces the value, back to page one
    assert status["held"].url == "?"  # the chosen value's link removes it
    kind = facet(response, "kind")
    assert kind["bilateral"].url == "?status=held&kind=bilateral"
    html = response.content.decode()
    assert 'href="?status=held&amp;kind=bilateral"' in html


def test_a_country_counts_once_for_a_meeting_held_there_with_its_people(client, seeded):
    response = client.get("/meetings/", {"kind": "bilateral"})
    country = facet(response, "country")
    assert country["KG"].count == 1 and country["UZ"].count == 1 and country["CN"].count == 2


def test_statement_and_people_facets(client, seeded):
    response = client.get("/statements/", {"kind": "quote"})
    assert {k: c.count for k, c in facet(response, "kind").items()} == {"quote": 1, "reported": 1}
    assert {k: c.count for k, c in facet(response, "country").items()} == {"CN": 1}
    response = client.get("/people/")
    assert {k: c.count for k, c in facet(response, "country").items()} == {"CN": 1, "RU": 1, "KG": 1}


def test_every_filter_in_use_can_be_removed_alone(client, seeded):
    response = client.get("/meetings/", {"status": "held", "country": "KG", "q": "wang"})
    active = {f.param: f for f in response.context["active_filters"]}
    assert set(active) == {"status", "country", "q"}
    assert active["country"].clear_url == "?status=held&q=wang"
    assert active["country"].value == "Kyrgyzstan"  # named as the facet names it
    html = response.content.decode()
    assert 'aria-label="Remove the filter Country (held in or taking part): Kyrgyzstan"' in html


def test_no_facets_while_a_filter_is_invalid(client, seeded):
    response = client.get("/meetings/", {"country": "ZZ"})
    assert response.context["facets"] == []
    assert "could not be used" in response.content.decode()


# Periods and names ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "period, expected",
    [
        ("2013", {"SCO foreign ministers' meeting", "Wang Yi meets Zhantoro Satybaldiyev"}),
        ("2013-07-14", {"Wang Yi meets Zhantoro Satybaldiyev"}),
        ("2013-06/2013-07", {"SCO foreign ministers' meeting", "Wang Yi meets Zhantoro Satybaldiyev"}),
        ("/2013-07-13", {"SCO foreign ministers' meeting"}),
        ("2014", set()),
    ],
)
def test_date_filter_takes_a_year_month_day_or_range(client, seeded, period, expected):
    assert titles(client.get("/meetings/", {"date": period})) == expected


def test_a_bad_period_is_explained(client, seeded):
    html = client.get("/meetings/", {"date": "last summer"}).content.decode()
    assert "could not be used" in html and "not a year, a month or a day" in html


def test_participant_and_speaker_take_a_name_or_an_id(client, seeded):
    for value in ["Zhantoro Satybaldiyev", "zhantoro satybaldiyev", "zhantoro-satybaldiyev"]:
        assert titles(client.get("/meetings/", {"participant": value})) == {"Wang Yi meets Zhantoro Satybaldiyev"}
    response = client.get("/statements/", {"speaker": "Wang Yi"})
    assert list(response.context["object_list"]) == [seeded["s1"]]


def test_a_name_two_people_share_asks_for_an_id(client, seeded):
    builders.person("Wang Yi", slug="wang-yi-2")
    html = client.get("/meetings/", {"participant": "Wang Yi"}).content.decode()
    assert "Several people are called" in html and "wang-yi-2" in html


def test_name_suggestions(client, seeded):
    data = client.get("/people/suggest/", {"q": "Satyb"}).json()
    assert data["results"] == [{"slug": "zhantoro-satybaldiyev", "name": "Zhantoro Satybaldiyev",
                                "label": "Zhantoro Satybaldiyev (Kyrgyzstan)"}]
    assert client.get("/people/suggest/").json() == {"results": []}
    html = client.get("/meetings/").content.decode()
    assert 'list="participant-suggestions"' in html and '<datalist id="participant-suggestions">' in html
    assert "<script>" not in html  # no inline script: suggestions come from static/js/suggest.js


# JSON, CSV, Atom ------------------------------------------------------------------------------------------


def test_list_json_has_the_same_filters_and_iso_values(client, seeded):
    data = client.get("/meetings/", {"kind": "bilateral", "status": "held", "format": "json"}).json()
    assert data["count"] == 1 and data["next"] is None and data["previous"] is None
    (talks,) = data["results"]
    assert set(talks) >= {"slug", "url", "title", "status", "kind", "date", "date_precision", "place", "country",
                          "forum", "participants", "reviewed"}
    assert talks["date"] == "2013-07-14" and talks["country"] == "KG" and talks["url"].startswith("http://testserver/")
    assert {p["country"] for p in talks["participants"]} == {"CN", "KG"}
    assert data["facets"]["status"] == [{"value": "held", "label": "Held", "count": 1},
                                        {"value": "planned", "label": "Planned", "count": 1}]


def test_list_json_links_the_pages_around(client, seeded):
    for n in range(30):
        builders.meeting(f"Extra call {n}", kind="call")
    first = client.get("/meetings/", {"kind": "call", "format": "json"}).json()
    assert first["count"] == 30 and len(first["results"]) == 25 and first["previous"] is None
    assert "kind=call" in first["next"] and "page=2" in first["next"] and "format=json" in first["next"]
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 5 and second["next"] is None and "page=1" in second["previous"]


def test_list_json_with_a_bad_filter_is_a_400_that_names_it(client, seeded):
    response = client.get("/meetings/", {"country": "ZZ", "format": "json"})
    assert response.status_code == 400 and "country" in response.json()["errors"]


@pytest.mark.parametrize("url, key", [("/people/", "slug"), ("/countries/", "code"), ("/organisations/", "slug"),
                                      ("/statements/", "id"), ("/articles/", "id")])
def test_every_list_is_json(client, seeded, url, key):
    data = client.get(url, {"format": "json"}).json()
    assert data["count"] >= len(data["results"]) > 0 and all(key in row and "url" in row for row in data["results"])


def test_detail_pages_are_json(client, seeded):
    meeting = client.get(seeded["summit"].get_absolute_url(), {"format": "json"}).json()
    assert meeting["forum"] == "shanghai-cooperation-organization" and meeting["date"] == "2013-07-13"
    assert meeting["statements"][0]["speaker"] == "wang-yi" and meeting["sources"][0]["article"] == seeded["article"].pk
    person = client.get(seeded["wang"].get_absolute_url(), {"format": "json"}).json()
    assert person["country"] == "CN" and person["offices"][0]["role"] == "Foreign Minister"
    assert {c["country"] for c in person["countries_met"]} == {"RU", "KG"}
    country = client.get("/countries/kg/", {"format": "json"}).json()
    assert country["code"] == "KG" and country["meetings_per_year"] == [{"year": 2013, "meetings": 2}]
    statement = client.get(seeded["s2"].get_absolute_url(), {"format": "json"}).json()
    assert statement["text"] == "Kyrgyzstan opposes separatist movements" and statement["speaker_country"] == "KG"
    article = client.get(seeded["article"].get_absolute_url(), {"format": "json"}).json()
    assert article["text"] and len(article["statements"]) == 2
    organisation = client.get(seeded["sco"].get_absolute_url(), {"format": "json"}).json()
    assert {c["country"] for c in organisation["countries"]} == {"CN", "RU"}


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_every_list_downloads_as_csv_with_its_filters(client, seeded):
    rows = read_csv(client.get("/people/", {"country": "KG", "format": "csv"}))
    assert rows[0][:2] == ["name", "country"] and rows[1][:2] == ["Zhantoro Satybaldiyev", "KG"] and len(rows) == 2
    rows = read_csv(client.get("/countries/", {"q": "kyrgyz", "format": "csv"}))
    assert rows[1][:2] == ["KG", "Kyrgyzstan"]
    rows = read_csv(client.get("/organisations/", {"format": "csv"}))
    assert rows[1][:3] == ["Shanghai Cooperation Organization", "SCO", "intergovernmental"]
    rows = read_csv(client.get("/articles/", {"format": "csv"}))
    assert rows[1][0] == "Central Asian cooperation urged" and rows[1][2] == "2013-07-15"


def test_meeting_feed_follows_the_filters(client, seeded):
    response = client.get("/meetings/feed/", {"country": "KG"})
    assert response["Content-Type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.fromstring(response.content)
    entries = [e.find("a:title", ns).text for e in feed.findall("a:entry", ns)]
    assert entries == ["Wang Yi meets Zhantoro Satybaldiyev", "SCO foreign ministers' meeting"]  # newest recorded first
    assert feed.find("a:link[@rel='alternate']", ns).get("href").endswith("/meetings/?country=KG")
    assert "Kyrgyzstan" in feed.find("a:title", ns).text or "KG" in feed.find("a:title", ns).text
    assert client.get("/meetings/feed/", {"country": "ZZ"}).status_code == 404
    html = client.get("/meetings/", {"country": "KG"}).content.decode()
    assert 'type="application/atom+xml"' in html and "/meetings/feed/?country=KG" in html


# People, countries, forums in context -------------------------------------------------------------------


def test_person_page_has_offices_timeline_and_who_they_met(client, seeded):
    builders.statement(seeded["wang"], seeded["article"], date="2013-07-15", role="State Councilor")
    response = client.get(seeded["wang"].get_absolute_url())
    offices = [(o.role, o.first, o.last, o.times) for o in response.context["offices"]]
    assert offices[0][0] == "Foreign Minister" and str(offices[0][1]) == "2013-07-13" and offices[0][3] == 4
    assert offices[1][0] == "State Councilor"
    kinds = [e.kind for e in response.context["timeline"]]
    assert kinds[0] == "statement" and kinds.count("meeting") == 3  # newest first
    assert [c.code for c in response.context["countries_met"]] == ["KG", "RU"]
    html = response.content.decode()
    assert "Timeline" in html and seeded["s1"].get_absolute_url() in html and "Countries met most" in html


def test_a_persons_timeline_is_their_latest_whichever_page_of_meetings_is_shown(client, seeded, monkeypatch):
    """The timeline reuses the first pages of the meetings and statements lists, and only those."""
    monkeypatch.setattr("meetings.views.PersonDetailView.timeline_length", 2)
    wang = seeded["wang"]
    first = client.get(wang.get_absolute_url())
    latest = [(e.kind, e.record.pk) for e in first.context["timeline"]]
    assert latest == [("meeting", seeded["talks"].participations.get(person=wang).pk),
                      ("meeting", seeded["summit"].participations.get(person=wang).pk)]
    later = client.get(wang.get_absolute_url(), {"meetings_page": 2, "statements_page": 1})
    assert later.context["participations"].number == 2
    assert [(e.kind, e.record.pk) for e in later.context["timeline"]] == latest


def test_country_page_charts_years_and_links_counterpart_pairs(client, seeded):
    builders.meeting("Wang Yi and Lavrov talk again", participants=[seeded["wang"], seeded["lavrov"]],
                     date="2016-03-01")
    response = client.get("/countries/cn/")
    html = response.content.decode()
    assert response.context["per_year"] == [(2013, 2), (2016, 1)]
    assert html.count('<rect class="bar"') == 4  # 2013 to 2016, empty years drawn
    assert "/meetings/?country=CN&amp;date=2013" in html
    assert 'href="/countries/CN/RU/"' in html and 'href="/countries/CN/KG/"' in html
    assert [o.slug for o in response.context["forums"]] == ["shanghai-cooperation-organization"]


def test_country_pair_page(client, seeded):
    response = client.get("/countries/CN/RU/")
    assert response.status_code == 200
    assert [m.title for m in response.context["meetings"]] == ["SCO foreign ministers' meeting"]
    assert response.context["meetings"][0].said == [seeded["s1"]]
    html = response.content.decode()
    assert seeded["s1"].get_absolute_url() in html and 'id="year-2013"' in html
    assert client.get("/countries/ru/cn/").context["meeting_count"] == 1
    data = client.get("/countries/CN/KG/", {"format": "json"}).json()
    assert [c["code"] for c in data["countries"]] == ["CN", "KG"]
    assert [m["slug"] for m in data["meetings"]] == [seeded["talks"].slug]
    assert data["meetings"][0]["statements"][0]["id"] == seeded["s2"].pk


@pytest.mark.parametrize("url", ["/countries/CN/CN/", "/countries/CN/ZZ/", "/countries/xx/RU/"])
def test_country_pair_of_unknown_or_same_countries_is_404(client, seeded, url):
    assert client.get(url).status_code == 404


def test_organisation_page_by_year_and_country(client, seeded):
    response = client.get(seeded["sco"].get_absolute_url())
    assert response.context["per_year"] == [(2013, 1)]
    assert {c.code: c.shared_meetings for c in response.context["countries"]} == {"CN": 1, "RU": 1}
    assert '<rect class="bar"' in response.content.decode()


# Query counts stay flat as data grows --------------------------------------------------------------------


def _grow(seeded, n):
    with builders.counted_once():
        _add(seeded, n)


def _add(seeded, n):
    art = builders.article()
    for i in range(n):
        a = builders.person(country=builders.country("FR"))
        m = builders.meeting(participants=[a, seeded["wang"], seeded["lavrov"]], source=art, date=f"20{10 + i % 9}-01-01",
                             country=builders.country("FR"), organisation=seeded["sco"], status="held")
        Participation.objects.filter(meeting=m, person=seeded["wang"]).update(role=f"Office {i % 4}")
        builders.statement(a, art, meeting=m, date="2020-01-01")
        builders.statement(seeded["wang"], art, meeting=m, date="2019-01-01", role="Foreign Minister")


URLS = [
    "/meetings/?status=held&country=CN", "/meetings/?format=json&kind=bilateral", "/meetings/feed/?country=CN",
    "/statements/?kind=quote&country=CN", "/statements/?format=json", "/people/?country=FR", "/people/?format=json",
    "/organisations/?kind=intergovernmental", "/articles/?format=json", "/countries/?format=json",
    "/search/?q=wang", "/countries/cn/", "/countries/cn/ru/", "/countries/CN/RU/?format=json",
    "/people/wang-yi/", "/people/wang-yi/?format=json", "/organisations/shanghai-cooperation-organization/",
    "/people/suggest/?q=per", "/about/data/", "/search/?q=wang&format=json", "/countries/cn/?format=json",
    "/meetings/sco-foreign-ministers-meeting/?format=json", "/organisations/shanghai-cooperation-organization/?format=json",
    "/meetings/?date=2013..2020&participant=Wang+Yi", "/statements/?speaker=wang-yi&date=2019",
]


@pytest.mark.parametrize("url", URLS)
def test_query_count_does_not_grow_with_data(client, django_assert_max_num_queries, seeded, url):
    _grow(seeded, 3)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _grow(seeded, 15)
    with django_assert_max_num_queries(len(small)):
        assert client.get(url).status_code == 200


# How good is the data -------------------------------------------------------------------------------------


def test_about_data_shows_stored_scores_and_review_shares(client, seeded, settings, tmp_path):
    from meetings.quality import write_scores

    seeded["summit"].reviewed = True
    seeded["summit"].save()
    path = tmp_path / "scores.json"
    settings.CHANCERY_QUALITY_FILE = str(path)
    html = client.get("/about/data/").content.decode()
    assert "have not been computed" in html
    write_scores(path, {"computed_at": "2026-11-30T12:00:00+00:00", "mean": {"people": 0.9, "meetings": 0.8,
                                                                            "statements": 0.7, "countries": 1.0},
                        "articles": [{"article": "a.txt", "people": 0.9, "meetings": 0.8, "statements": 0.7,
                                      "countries": 1.0}]})
    response = client.get("/about/data/")
    html = response.content.decode()
    assert "a.txt" in html and "0.80" in html and "0.70" in html
    meetings = next(s for s in response.context["shares"] if s["label"] == "Meetings")
    assert (meetings["total"].value, meetings["reviewed"]) == (3, 1)
    assert "33 %" in html


def test_about_data_survives_a_broken_scores_file(client, db, settings, tmp_path):
    path = tmp_path / "scores.json"
    path.write_text("{not json")
    settings.CHANCERY_QUALITY_FILE = str(path)
    assert "have not been computed" in client.get("/about/data/").content.decode()


def test_facets_count_over_the_list_already_filtered(seeded):
    """A search runs once a page: the facets whose own filter is not in use reuse the filtered list."""
    from django.http import QueryDict

    from meetings import facets, filters
    from meetings.models import Meeting
    from meetings.views import MeetingListView

    class FiltersAgain(filters.MeetingFilter):
        def __init__(self, *args, **kwargs):
            raise AssertionError("the list was filtered again for its facets")

    params = QueryDict("q=wang&status=held")
    filtered = filters.MeetingFilter(params, queryset=Meeting.objects.all()).qs
    specs = [s for s in MeetingListView.facet_specs if s.param != "status"]
    reused = facets.compute(FiltersAgain, params, Meeting.objects.all(), specs, filtered=filtered)
    again = facets.compute(filters.MeetingFilter, params, Meeting.objects.all(), specs)
    assert [(f.param, [(c.value, c.count) for c in f.choices]) for f in reused] == \
        [(f.param, [(c.value, c.count) for c in f.choices]) for f in again]
    assert any(f.choices for f in reused)


def test_a_countrys_meeting_list_is_counted_from_the_stored_years(client, seeded):
    """`/meetings/?country=` alone reads the stored count; with another filter it counts, and both are right."""
    from meetings.models import Meeting

    kg = builders.country("KG")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/meetings/", {"country": "KG"})
    assert response.context["paginator"].count == Meeting.objects.involving_country(kg).count() > 0
    assert not [q for q in queries.captured_queries if q["sql"].startswith("SELECT COUNT(*)")]
    response = client.get("/meetings/", {"country": "KG", "status": "planned"})
    assert response.context["paginator"].count == Meeting.objects.involving_country(kg).planned().count()
    assert client.get("/meetings/", {"country": "XX"}).context["paginator"].count == 0  # an error, not a count


def test_meeting_rows_name_and_link_their_people_from_one_query(client, seeded):
    from meetings.models import Meeting

    summit = seeded["summit"]
    with CaptureQueriesContext(connection) as queries:
        meetings = {m.pk: m for m in Meeting.objects.with_people()}
    assert len(queries) == 2  # the meetings (with country and forum), then every participant's name
    taking_part = list(summit.participations.order_by("pk").values_list("person__name", flat=True))
    assert [p.name for p in meetings[summit.pk].people] == taking_part and len(taking_part) > 1
    html = client.get("/meetings/").content.decode()
    wang = seeded["wang"]
    assert f'<a href="{wang.get_absolute_url()}">{wang.name}</a>' in html


def test_the_countries_json_and_csv_keep_their_fields_and_add_the_total(client, seeded):
    """Fields are added, never renamed: meetings held there, and now every meeting involving the country."""
    from meetings.models import Meeting

    kg = builders.country("KG")
    data = client.get("/countries/", {"format": "json", "q": "Kyrgyzstan"}).json()["results"][0]
    assert data["meetings_held_count"] == Meeting.objects.filter(country=kg).count()
    assert data["meetings_count"] == Meeting.objects.involving_country(kg).count()
    rows = list(csv.DictReader(io.StringIO(b"".join(client.get("/countries/", {"format": "csv"})
                                                     .streaming_content).decode())))
    row = next(r for r in rows if r["code"] == "KG")
    assert list(row)[:5] == ["code", "name", "meetings_held", "people", "url"]
    assert (int(row["meetings_held"]), int(row["meetings"])) == (data["meetings_held_count"], data["meetings_count"])
