"""What keeps page cost flat as the data grows: capped counts, estimated totals,
counts that do not multiply rows, list-order indexes, paginated detail pages,
exports that stream without counting or loading article text."""
import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings import counting, exports
from meetings.models import Article, Meeting, Participation, Person, Statement
from tests import builders

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL planner and statistics")


def meetings_of(person, n, **fields):
    return [builders.meeting(f"Talks number {i}", participants=[person], date=f"2020-01-{i + 1:02d}", **fields)
            for i in range(n)]


def test_capped_count_stops_counting_past_the_cap(seeded):
    meetings_of(seeded["lavrov"], 6)
    assert counting.capped_count(Meeting.objects.all(), cap=4) == 5
    assert counting.capped_count(Meeting.objects.all(), cap=100) == 9


def test_a_capped_count_by_parts_is_the_capped_count(seeded):
    """Counting a part first never changes the answer: it only stops sooner when the part alone passes."""
    from django.db.models import Q

    meetings_of(seeded["lavrov"], 6, place="Sochi")
    everything = Meeting.objects.filter(Q(place="Sochi") | Q(title__contains="summit"))
    for parts in ([], [Q(place="Sochi")], [Q(title__contains="summit"), Q(place="Sochi")], [Q(place="Nowhere")]):
        for cap in range(0, 9):
            assert counting.capped_count(everything, cap, parts) == counting.capped_count(everything, cap), (parts, cap)


@postgres_only
def test_a_search_with_many_matches_counts_its_speakers_part_first(client, seeded, monkeypatch):
    """A surname many speakers share: the count stops in the speakers' rows, never ORing it with the text."""
    from meetings import search

    monkeypatch.setattr(search, "RANKED", 1)
    monkeypatch.setattr(search, "SEARCH_CAP", 2)
    monkeypatch.setattr("meetings.facets.FACET_ROWS", 1)  # or the list is counted by the facets' ids
    wang = seeded["wang"]
    for day in range(1, 5):
        builders.statement(wang, text="We met.", date=f"2020-01-0{day}")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/statements/", {"q": "Wang"})
    counts = [q["sql"] for q in queries if q["sql"].startswith("SELECT COUNT(*)")]
    assert response.context["paginator"].capped
    assert len(counts) == 1 and ') AND "meetings_statement"."speaker_id" = ANY(' in counts[0]


def test_the_any_lookup_matches_what_in_does(seeded):
    """`__any` is `__in` with the values sent as one array on PostgreSQL."""
    ids = list(Meeting.objects.values_list("pk", flat=True))
    some = [ids[0], None, ids[-1], ids[0], 10**9]
    assert set(Meeting.objects.filter(pk__any=some)) == set(Meeting.objects.filter(pk__in=some))
    assert list(Meeting.objects.filter(pk__any=[])) == [] and list(Meeting.objects.filter(pk__any=[None])) == []
    wang = seeded["wang"].pk
    assert set(Participation.objects.filter(person__any=[wang])) == set(Participation.objects.filter(person=wang))
    subquery = Participation.objects.filter(person=wang).values("meeting")
    assert set(Meeting.objects.filter(pk__any=subquery)) == set(Meeting.objects.filter(pk__in=subquery))
    assert set(Participation.objects.filter(person__any=[seeded["wang"]])) == set(
        Participation.objects.filter(person=wang))  # records, as `__in` takes them
    from meetings.models import Country
    assert list(Country.objects.filter(code__any=["CNX"])) == []  # never cut to the column's length
    assert list(Country.objects.filter(code__any=["CN"])) == [seeded["cn"]]
    with CaptureQueriesContext(connection) as queries:
        list(Meeting.objects.filter(pk__any=ids))
    if connection.vendor == "postgresql":
        assert "= ANY(" in queries[0]["sql"] and "IN (" not in queries[0]["sql"]


def test_list_pages_say_there_are_more_than_the_cap(client, seeded, monkeypatch):
    monkeypatch.setattr(counting.CappedPaginator, "cap", 5)
    meetings_of(seeded["lavrov"], 6)
    response = client.get("/meetings/")
    assert response.context["paginator"].count == 5
    assert response.context["paginator"].capped
    assert "5+ results" in response.content.decode()
    assert "narrow the filters" in response.content.decode()
    response = client.get("/meetings/", {"status": "planned"})
    assert not response.context["paginator"].capped
    assert "1 result" in response.content.decode()


def test_pages_past_the_cap_are_not_found_not_an_error(client, seeded, monkeypatch):
    monkeypatch.setattr(counting.CappedPaginator, "cap", 2)
    monkeypatch.setattr("meetings.views.MeetingListView.paginate_by", 1)
    assert client.get("/meetings/", {"page": 2}).status_code == 200
    assert client.get("/meetings/", {"page": 3}).status_code == 404


def test_home_totals_are_exact_while_tables_are_small(client, seeded):
    assert counting.table_total(Meeting) == counting.Tally(3)
    assert str(counting.Tally(1234567, approximate=True)) == "about 1,234,567"
    assert "<strong>3</strong> meetings" in client.get("/").content.decode()


@postgres_only
def test_large_tables_are_counted_from_postgresql_statistics(seeded):
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE meetings_meeting")
    with CaptureQueriesContext(connection) as queries:
        total = counting.table_total(Meeting, exact_below=1)
    assert total == counting.Tally(3, approximate=True)
    assert not any("COUNT(" in q["sql"] for q in queries)


def test_estimated_counts_are_exact_below_the_cap_and_estimated_past_it(seeded):
    meetings = Meeting.objects.filter(country=seeded["kg"])
    assert counting.estimated_count(meetings) == 2
    with CaptureQueriesContext(connection) as queries:
        past = counting.estimated_count(Meeting.objects.all(), exact_below=1)
    explained = [q for q in queries if q["sql"].startswith("EXPLAIN")]
    if connection.vendor == "postgresql":  # the planner's estimate, never below what was counted (2)
        assert explained and past >= 2
        assert not [q for q in queries if q["sql"].startswith('SELECT COUNT(*) AS "__count"')]  # no full count
    else:
        assert past == 3 and not explained


def test_an_unfiltered_list_takes_its_count_from_the_tables_total(client, seeded):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/statements/")
    assert response.context["paginator"].count == Statement.objects.count()
    # table_total(): PostgreSQL's estimate past 10,000 rows, an exact count of this small table; not a capped count
    assert not [q for q in queries if q["sql"].startswith("SELECT COUNT(*) FROM (")]
    assert client.get("/statements/", {"kind": "quote"}).context["paginator"].count == 1  # a filter is counted


def test_with_counts_counts_each_relation_without_joining_them(seeded):
    for i in range(3):
        builders.statement(seeded["wang"], seeded["article"], start=i, end=i + 4)
    article = Article.objects.with_counts().get(pk=seeded["article"].pk)
    assert (article.meetings_count, article.statements_count) == (2, 5)
    sql = str(Article.objects.with_counts().query)
    assert "GROUP BY" not in sql and "JOIN" not in sql
    assert sql.count("COUNT(*)") == 2  # answered by the foreign keys' indexes alone


def test_meetings_involving_a_country_need_no_distinct(seeded):
    queryset = Meeting.objects.involving_country(seeded["kg"])
    assert "DISTINCT" not in str(queryset.query)
    assert " OR " not in str(queryset.query)  # one condition the planner can join by, either way round
    assert set(queryset.values_list("title", flat=True)) == {"SCO foreign ministers' meeting",
                                                            "Wang Yi meets Zhantoro Satybaldiyev"}


def test_list_order_indexes_put_undated_rows_last_on_every_database(seeded):
    index = next(i for i in Meeting._meta.indexes if i.name == "meeting_date_idx")
    sql = str(index.create_sql(Meeting, connection.schema_editor()))  # the statement only, nothing run
    if connection.vendor == "postgresql":
        assert '"date" DESC NULLS LAST' in sql
    else:
        assert '"date" DESC' in sql and "NULLS" not in sql
    titles = list(Meeting.objects.values_list("title", flat=True))
    assert titles[-1] == "Wang Yi visit to Uzbekistan"  # the undated one


@postgres_only
@pytest.mark.parametrize("queryset, index", [
    (lambda: Meeting.objects.all()[:25], "meeting_date_idx"),
    (lambda: Statement.objects.all()[:25], "statement_date_idx"),
])
def test_the_first_page_is_read_from_an_index_in_list_order(seeded, queryset, index):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
    plan = queryset().explain()
    assert index in plan
    assert "Sort" not in plan, plan


@postgres_only
def test_reviewed_records_are_counted_from_their_partial_index(seeded):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    for model in (Meeting, Statement):
        plan = model.objects.filter(reviewed=True).order_by().values("pk").explain()  # as counted: no order
        assert f"{model._meta.model_name}_reviewed_idx" in plan, plan


@postgres_only
def test_a_countrys_meetings_are_a_join_not_a_subplan_run_per_meeting(seeded):
    """"Held there OR attended" was a subplan that hashed all of the country's participations per page."""
    plan = Meeting.objects.involving_country(seeded["kg"])[:25].explain()
    assert "SubPlan" not in plan, plan


@postgres_only
@pytest.mark.parametrize("model, index, columns", [
    (Statement, "statement_speaker_date_idx", '("speaker_id", "date" DESC NULLS LAST, "article_id", "start")'),
    (Meeting, "meeting_country_date_idx", '("country_id", "date" DESC NULLS LAST, "title")'),
    # A person's latest meetings: Participation.objects.filter(person=...).order_by(meeting_date desc, meeting)
    (Participation, "participation_person_date_idx", '("person_id", "meeting_date" DESC NULLS LAST, "meeting_id")'),
])
def test_filtered_list_indexes_follow_the_list_order(model, index, columns):
    # The planner's choice on a tiny test table is not stable for a filtered list (a one-row sort costs
    # nothing), so the order is checked in the index's definition; on the generated data EXPLAIN shows it used.
    sql = str(next(i for i in model._meta.indexes if i.name == index).create_sql(model, connection.schema_editor()))
    assert columns in sql


def test_a_persons_meetings_and_statements_are_paginated(client, seeded):
    wang = seeded["wang"]
    meetings_of(wang, 30)
    for i in range(27):
        builders.statement(wang, seeded["article"], start=i, end=i + 4, date="2013-07-13")
    url = wang.get_absolute_url()
    first = client.get(url)
    assert len(first.context["participations"]) == 25
    assert first.context["participations"][0].meeting.title == "Talks number 29"  # newest first
    assert len(first.context["statements"]) == 25
    assert (first.context["participations"].paginator.count, first.context["statements"].paginator.count) == (33, 28)
    html = first.content.decode()
    assert "meetings_page=2" in html and "statements_page=2" in html
    second = client.get(url, {"meetings_page": 2, "statements_page": 2})
    assert len(second.context["participations"]) == 8
    assert len(second.context["statements"]) == 3
    assert client.get(url, {"meetings_page": "abc", "statements_page": "99"}).status_code == 200
    # The JSON gives the page's rows too, not every statement of the person.
    as_json = client.get(url, {"format": "json", "statements_page": 2}).json()
    assert [s["id"] for s in as_json["statements"]] == [s.pk for s in second.context["statements"]]


def test_a_countrys_and_an_organisations_lists_are_paginated(client, seeded):
    kg, sco = seeded["kg"], seeded["sco"]
    meetings_of(seeded["satybaldiyev"], 27, country=kg, organisation=sco)
    builders.meeting("Two Kyrgyz at the table", participants=[seeded["satybaldiyev"],
                                                              builders.person("Aibek Tash", country=kg)])
    country = client.get(kg.get_absolute_url())
    assert len(country.context["meetings_held"]) == 25
    assert country.context["meetings_held"].paginator.count == 29
    assert len(client.get(kg.get_absolute_url(), {"held_page": 2}).context["meetings_held"]) == 4
    assert len(client.get(kg.get_absolute_url(), {"attended_page": 2}).context["meetings_attended"]) == 4
    assert country.context["meetings_attended"].paginator.count == 29  # 27, the talks, and one meeting, not two
    organisation = client.get(sco.get_absolute_url())
    assert len(organisation.context["meetings"]) == 25
    assert "meetings_page=2" in organisation.content.decode()


def test_a_meetings_statements_are_paginated(client, seeded):
    summit = seeded["summit"]
    for i in range(30):
        builders.statement(seeded["lavrov"], seeded["article"], meeting=summit, start=i, end=i + 4)
    response = client.get(summit.get_absolute_url(), {"statements_page": 2})
    assert len(response.context["statements"]) == 6
    assert "statements_page=1" in response.content.decode()


def test_counterparts_come_from_the_latest_meetings(seeded):
    wang, lavrov = seeded["wang"], seeded["lavrov"]
    newer = builders.person("Newer Counterpart")
    builders.meeting("Later talks", participants=[wang, newer], date="2024-01-01")
    assert {p.name for p in Person.objects.counterparts_of(wang, within=1)} == {"Newer Counterpart"}
    assert lavrov.name in {p.name for p in Person.objects.counterparts_of(wang)}


def read_csv(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.mark.parametrize("url", ["/statements/", "/meetings/"])
def test_exports_stream_in_chunks_without_counting_or_article_text(client, seeded, monkeypatch, url):
    monkeypatch.setattr(exports, "CHUNK", 2)
    for i in range(5):
        builders.statement(seeded["lavrov"], seeded["article"], start=i, end=i + 4)
    meetings_of(seeded["lavrov"], 5)
    with CaptureQueriesContext(connection) as queries:
        rows = read_csv(client.get(url, {"format": "csv"}))
    expected = Statement.objects.count() if url == "/statements/" else Meeting.objects.count()
    assert len(rows) == expected + 1
    sql = " ".join(q["sql"] for q in queries)
    assert "COUNT(" not in sql
    assert '"meetings_article"."text"' not in sql
    assert "LIMIT 25" not in sql


def test_meeting_export_keeps_participants_and_sources(client, seeded):
    rows = read_csv(client.get("/meetings/", {"format": "csv", "o": "title"}))
    summit = next(r for r in rows if r[0] == "SCO foreign ministers' meeting")
    assert set(summit[8].split("; ")) == {"Wang Yi", "Sergey Lavrov"}
    assert summit[10] == f"http://testserver{seeded['article'].get_absolute_url()}"
    assert summit[9] == f"http://testserver{seeded['summit'].get_absolute_url()}"


def test_an_invalid_filter_exports_nothing(client, seeded):
    rows = read_csv(client.get("/statements/", {"format": "csv", "date_after": "not-a-date"}))
    assert len(rows) == 1


def test_a_deep_page_skips_ids_not_joined_rows(client, seeded, monkeypatch):
    monkeypatch.setattr("meetings.views.StatementListView.paginate_by", 1)
    monkeypatch.setattr("meetings.facets.FACET_ROWS", 1)  # past the ids read for the facets
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/statements/", {"page": 2})
    assert [s.pk for s in response.context["object_list"]] == [seeded["s1"].pk]  # newest first: s2, then s1
    offset = [q["sql"] for q in queries if "OFFSET" in q["sql"]]
    assert offset and all("JOIN" not in sql for sql in offset)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_exports_read_through_a_cursor_postgresql_does_not_materialise_first(client):
    speaker = builders.person("Plain Speaker")
    for i in range(3):
        builders.statement(speaker, start=0, end=5)
    with CaptureQueriesContext(connection) as queries:
        rows = read_csv(client.get("/statements/", {"format": "csv"}))
    assert len(rows) == 4
    declares = [q["sql"] for q in queries if q["sql"].startswith("DECLARE")]
    assert declares and not any("WITH HOLD" in sql for sql in declares)


def test_country_selects_are_built_without_a_template_per_option(client, seeded):
    from meetings.models import Country

    html = client.get("/meetings/", {"country": "KG"}).content.decode()
    assert '<option value="KG" selected>Kyrgyzstan</option>' in html
    assert html.count("<option value=") >= Country.objects.count()
    assert 'id="id_country"' in html


def test_a_page_fetches_its_rows_by_id_without_running_the_filters_again(client, seeded):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/meetings/", {"country": "KG", "o": "title"})
    assert [m.title for m in response.context["object_list"]] == [
        "SCO foreign ministers' meeting", "Wang Yi meets Zhantoro Satybaldiyev"]
    rows = [q["sql"] for q in queries
            if q["sql"].startswith('SELECT "meetings_meeting"."id", ')
            and ('"meetings_meeting"."id" IN (' in q["sql"] or '"meetings_meeting"."id" = ANY(' in q["sql"])]
    assert len(rows) == 1
    where = rows[0].split(" WHERE ")[1]
    assert "country_id" not in where and "meetings_participation" not in where


@postgres_only
def test_a_persons_latest_office_can_be_read_from_the_index_alone(seeded):
    # Everything querysets.latest_role reads of a participation is in the index (the plan on a busy person then
    # says "Index Only Scan using participation_person_idx"; on a tiny test table the planner may not bother).
    index = next(i for i in Participation._meta.indexes if i.name == "participation_person_idx")
    sql = str(index.create_sql(Participation, connection.schema_editor()))
    assert '("person_id", "meeting_id") INCLUDE ("role", "id")' in sql
    from meetings.querysets import latest_role

    assert "role" in str(Person.objects.annotate(office=latest_role()).query)


def test_facets_count_the_first_rows_of_the_list(client, seeded, monkeypatch):
    monkeypatch.setattr("meetings.facets.FACET_ROWS", 2)
    response = client.get("/meetings/")
    status = next(f for f in response.context["facets"] if f.param == "status")
    assert sum(c.count for c in status.choices) == 2  # of 3 meetings: the two newest
    assert "Counts among the first 2 results" in response.content.decode()


@postgres_only
def test_a_search_with_many_matches_lists_them_newest_first_unranked(seeded, monkeypatch):
    from meetings import search

    wang = seeded["wang"]
    old = builders.statement(wang, text="Antalya Antalya Antalya talks", date="2001-01-01")
    new = builders.statement(wang, text="In Antalya, talks", date="2020-01-01")
    assert list(Statement.objects.search("Antalya")) == [old, new]  # few matches: the best first
    monkeypatch.setattr(search, "RANKED", 1)
    assert list(Statement.objects.search("Antalya")) == [new, old]  # many: the list's order


def test_tied_rows_are_neither_repeated_nor_skipped_where_the_facets_ids_end(client, db, monkeypatch):
    """Pages cut from the facets' first ids and pages read past them follow one order, ties broken by id."""
    monkeypatch.setattr("meetings.facets.FACET_ROWS", 2)
    monkeypatch.setattr("meetings.views.MeetingListView.paginate_by", 1)
    tied = {builders.meeting("Talks on the border", slug=f"talks-on-the-border-{i}", date="2020-05-05").pk
            for i in range(4)}
    shown = [client.get("/meetings/", {"page": n}).context["object_list"][0].pk for n in range(1, 5)]
    assert sorted(shown) == sorted(tied) and shown == sorted(tied)
