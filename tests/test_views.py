"""Every list and detail page: status, content, cross-links, bounded queries,
and filters that combine or refuse bad input without a 500."""
import pytest

from tests import builders

pytestmark = pytest.mark.django_db


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    return response.content.decode()


def test_home_shows_counts_recent_meetings_and_search(client, seeded):
    html = get(client, "/")
    assert "SCO foreign ministers&#x27; meeting" in html
    assert 'name="q"' in html
    assert "<strong>3</strong> meetings" in html


def test_meeting_list_and_detail_cross_link(client, seeded):
    html = get(client, "/meetings/")
    assert seeded["summit"].get_absolute_url() in html
    assert seeded["wang"].get_absolute_url() in html
    html = get(client, seeded["summit"].get_absolute_url())
    assert "Cholpon-Ata" in html and "13 July 2013" in html
    assert seeded["lavrov"].get_absolute_url() in html
    assert seeded["kg"].get_absolute_url() in html
    assert seeded["sco"].get_absolute_url() in html
    assert seeded["article"].get_absolute_url() in html
    assert seeded["s1"].get_absolute_url() in html


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"status": "planned"}, {"Wang Yi visit to Uzbekistan"}),
        ({"kind": "bilateral"}, {"Wang Yi meets Zhantoro Satybaldiyev", "Wang Yi visit to Uzbekistan"}),
        ({"country": "RU"}, {"SCO foreign ministers' meeting"}),
        ({"country": "UZ"}, {"Wang Yi visit to Uzbekistan"}),
        ({"organisation": "shanghai-cooperation-organization"}, {"SCO foreign ministers' meeting"}),
        ({"participant": "zhantoro-satybaldiyev"}, {"Wang Yi meets Zhantoro Satybaldiyev"}),
        ({"date_after": "2013-07-14"}, {"Wang Yi meets Zhantoro Satybaldiyev"}),
        ({"date_before": "2013-07-13"}, {"SCO foreign ministers' meeting"}),
        ({"q": "cholpon"}, {"SCO foreign ministers' meeting"}),
        ({"q": "lavrov"}, {"SCO foreign ministers' meeting"}),
        ({"kind": "bilateral", "status": "held", "country": "KG"}, {"Wang Yi meets Zhantoro Satybaldiyev"}),
    ],
)
def test_meeting_filters(client, seeded, params, expected):
    response = client.get("/meetings/", params)
    assert response.status_code == 200
    assert {m.title for m in response.context["object_list"]} == expected


def test_meeting_sorting(client, seeded):
    response = client.get("/meetings/", {"o": "title"})
    titles = [m.title for m in response.context["object_list"]]
    assert titles == sorted(titles)
    response = client.get("/meetings/", {"o": "-date"})
    assert response.context["object_list"][0].title == "Wang Yi meets Zhantoro Satybaldiyev"


@pytest.mark.parametrize(
    "url, params",
    [
        ("/meetings/", {"status": "maybe"}),
        ("/meetings/", {"country": "ZZ"}),
        ("/meetings/", {"date_after": "not-a-date"}),
        ("/meetings/", {"participant": "nobody-at-all"}),
        ("/meetings/", {"o": "password"}),
        ("/meetings/", {"page": "999"}),
        ("/people/", {"country": "<script>"}),
        ("/statements/", {"kind": "shout", "date_before": "2020-13-45"}),
        ("/statements/", {"meeting": "no-such-meeting"}),
        ("/articles/", {"published_after": "yesterday"}),
        ("/organisations/", {"kind": "secret"}),
    ],
)
def test_bad_filter_values_give_a_clear_message_not_a_500(client, seeded, url, params):
    response = client.get(url, params)
    assert response.status_code in (200, 404)
    if response.status_code == 200 and "page" not in params:
        html = response.content.decode()
        assert "could not be used" in html
        assert "<script>" not in html


def test_user_input_is_escaped(client, seeded):
    html = get(client, "/meetings/", q='<script>alert(1)</script>')
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_pagination_keeps_filters(client, seeded):
    for n in range(30):
        builders.meeting(f"Extra talks {n}", kind="call", status="held")
    response = client.get("/meetings/", {"kind": "call"})
    html = response.content.decode()
    assert response.context["paginator"].count == 30
    assert "kind=call&amp;page=2" in html


def test_person_list_and_detail(client, seeded):
    html = get(client, "/people/", country="KG")
    assert "Zhantoro Satybaldiyev" in html and "Sergey Lavrov" not in html
    html = get(client, seeded["wang"].get_absolute_url())
    assert "Foreign Minister" in html
    assert seeded["summit"].get_absolute_url() in html
    assert seeded["lavrov"].get_absolute_url() in html  # counterpart
    assert seeded["s1"].get_absolute_url() in html


def test_person_list_sorted_by_meetings(client, seeded):
    response = client.get("/people/", {"o": "-meetings"})
    assert response.context["object_list"][0].name == "Wang Yi"


def test_country_list_and_detail(client, seeded):
    html = get(client, "/countries/", q="kyrgyz")
    assert "/countries/kg/" in html
    html = get(client, "/countries/kg/")
    assert "Wang Yi meets Zhantoro Satybaldiyev" in html
    assert seeded["satybaldiyev"].get_absolute_url() in html
    html = get(client, "/countries/CN/")
    assert "Russia" in html  # most frequent counterpart
    assert client.get("/countries/zz/").status_code == 404


def test_organisation_list_and_detail(client, seeded):
    html = get(client, "/organisations/", kind="intergovernmental")
    assert seeded["sco"].get_absolute_url() in html
    html = get(client, seeded["sco"].get_absolute_url())
    assert "SCO foreign ministers&#x27; meeting" in html


def test_statement_list_filters_and_detail(client, seeded):
    response = client.get("/statements/", {"speaker": "zhantoro-satybaldiyev"})
    assert list(response.context["object_list"]) == [seeded["s2"]]
    response = client.get("/statements/", {"country": "CN"})
    assert list(response.context["object_list"]) == [seeded["s1"]]
    response = client.get("/statements/", {"kind": "quote"})
    assert list(response.context["object_list"]) == [seeded["s1"]]
    response = client.get("/statements/", {"meeting": seeded["talks"].slug})
    assert list(response.context["object_list"]) == [seeded["s2"]]
    response = client.get("/statements/", {"date_after": "2013-07-14", "q": "separatist"})
    assert list(response.context["object_list"]) == [seeded["s2"]]
    html = get(client, seeded["s2"].get_absolute_url())
    assert "Kyrgyzstan opposes separatist movements" in html
    assert seeded["article"].get_absolute_url() in html


def test_article_list_and_detail_highlight_passages(client, seeded):
    html = get(client, "/articles/", q="cooperation")
    assert seeded["article"].get_absolute_url() in html
    html = get(client, seeded["article"].get_absolute_url())
    assert f'id="statement-{seeded["s2"].pk}"' in html
    assert '<mark class="statement"' in html or '<mark class="meeting statement"' in html
    assert seeded["summit"].get_absolute_url() in html


def test_an_articles_statements_name_their_speaker_however_known(client, db):
    art = builders.article(text="The envoy said yes. The council said no. ")
    envoy = builders.person("Ada <Envoy>")
    council = builders.organisation("Security Council", acronym="UNSC")
    by_person = builders.statement(envoy, art, start=0, end=19, kind="quote")
    by_body = builders.statement(None, art, speaker_organisation=council, start=20, end=40, kind="reported")
    html = get(client, art.get_absolute_url())
    assert f'<a href="#statement-{by_person.pk}">Ada &lt;Envoy&gt;</a>' in html
    assert f'<a href="#statement-{by_body.pk}">Security Council (UNSC)</a>' in html
    assert 'title="Security Council (UNSC): Reported speech"' in html
    assert f'<a href="{by_body.get_absolute_url()}">permalink</a>' in html
    data = client.get(art.get_absolute_url(), {"format": "json"}).json()
    assert [s["kind"] for s in data["statements"]] == ["quote", "reported"]


def test_missing_records_are_404(client, db):
    for url in ["/meetings/nope/", "/people/nope/", "/organisations/nope/", "/statements/999/", "/articles/999/"]:
        assert client.get(url).status_code == 404


def _grow(n):
    """Add n more meetings, each with people, a source and a statement."""
    art = builders.article()
    for i in range(n):
        a, b = builders.person(country=builders.country("FR")), builders.person(country=builders.country("DE"))
        m = builders.meeting(participants=[a, b], source=art, date="2020-01-01", country=builders.country("FR"))
        builders.statement(a, art, meeting=m)


@pytest.mark.parametrize(
    "url",
    ["/", "/meetings/", "/people/", "/countries/", "/organisations/", "/statements/", "/articles/",
     "/countries/fr/"],
)
def test_query_count_does_not_grow_with_data(client, django_assert_max_num_queries, seeded, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _grow(3)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    _grow(12)
    with django_assert_max_num_queries(len(small)):
        assert client.get(url).status_code == 200


def test_detail_query_count_does_not_grow_with_participants(client, django_assert_max_num_queries, seeded):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    urls = lambda: [seeded["summit"].get_absolute_url(), seeded["wang"].get_absolute_url(),
                    seeded["article"].get_absolute_url(), seeded["sco"].get_absolute_url()]
    counts = []
    for url in urls():
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        counts.append(len(ctx))
    from meetings.models import Participation
    for i in range(10):
        p = builders.person(country=builders.country("FR"))
        Participation.objects.create(meeting=seeded["summit"], person=p, country=p.country, role="Minister")
        builders.statement(p, seeded["article"], meeting=seeded["summit"], start=i, end=i + 5)
        builders.statement(seeded["wang"], seeded["article"], start=i, end=i + 3)
    for url, count in zip(urls(), counts):
        with django_assert_max_num_queries(count):
            client.get(url)


def test_filtered_lists_export_as_csv(client, seeded):
    import csv
    import io

    response = client.get("/meetings/", {"kind": "bilateral", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["title", "status", "kind"]
    assert {r[0] for r in rows[1:]} == {"Wang Yi meets Zhantoro Satybaldiyev", "Wang Yi visit to Uzbekistan"}
    assert rows[1][9].startswith("http://testserver/meetings/")
    html = client.get("/meetings/", {"kind": "bilateral"}).content.decode()
    assert "kind=bilateral&amp;format=csv" in html

    response = client.get("/statements/", {"speaker": "zhantoro-satybaldiyev", "format": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 2 and rows[1][0] == "Zhantoro Satybaldiyev" and rows[1][5] == "Kyrgyzstan opposes separatist movements"


def test_csv_export_with_a_bad_filter_is_empty_not_an_error(client, seeded):
    response = client.get("/meetings/", {"country": "ZZ", "format": "csv"})
    assert response.status_code == 200
    assert b"".join(response.streaming_content).decode().count("\n") == 1  # the header only
