"""Search across everything: /search/, and the `q` filter of each list, which
use the same QuerySet.search(). PostgreSQL-only behaviour (ranking, websearch
syntax, accents, misspellings) is tested on PostgreSQL; the fallback on SQLite."""
import pytest
from django.db import connection

from meetings import search
from meetings.models import Meeting, Person, Statement
from tests import builders

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search, unaccent and trigrams are PostgreSQL's"
)
sqlite_only = pytest.mark.skipif(connection.vendor == "postgresql", reason="the fallback is SQLite's")


@pytest.fixture
def speeches(db):
    ru, tr = builders.country("RU"), builders.country("TR")
    lavrov = builders.person("Sergey Lavrov", country=ru)
    cavusoglu = builders.person("Mevlüt Çavuşoğlu", country=tr)
    art = builders.article(title="Ministers meet in Antalya", text="Mevlüt Çavuşoğlu hosted talks in Antalya.")
    talks = builders.meeting("Çavuşoğlu hosts Lavrov in Antalya", participants=[cavusoglu, lavrov], source=art,
                             date="2021-06-30", place="Antalya", country=tr)
    said = {
        "both": builders.statement(cavusoglu, art, text="Turkey and Russia share common interests in the region."),
        "by_lavrov": builders.statement(lavrov, art, text="Lavrov said the common interests of both sides are clear."),
        "order": builders.statement(lavrov, art, text="Interests held in common shape the talks."),
        "other": builders.statement(cavusoglu, art, text="The weather in Antalya was fine."),
        "lavrov_unnamed": builders.statement(lavrov, art, text="Both sides have common interests in trade."),
    }
    return dict(lavrov=lavrov, cavusoglu=cavusoglu, talks=talks, art=art, **said)


def test_parse_reads_phrases_exclusions_and_or():
    terms = search.parse('"common  interests" -Lavrov wang or -"foreign ministry"')
    assert terms.required == ["common interests", "wang"]
    assert terms.excluded == ["Lavrov", "foreign ministry"]


def test_marking_escapes_the_text_and_the_query():
    marked = search.mark_terms("<b>Wang</b> & Lavrov", "wang <script>")
    assert marked == "&lt;b&gt;<mark>Wang</mark>&lt;/b&gt; &amp; Lavrov"
    assert search.mark_headline(f"<i>{search.START}x{search.STOP}</i>") == "&lt;i&gt;<mark>x</mark>&lt;/i&gt;"


def test_search_page_groups_results_with_counts_and_marks(client, speeches):
    response = client.get("/search/", {"q": "Antalya"})
    assert response.status_code == 200
    groups = {g.key: g for g in response.context["groups"]}
    assert groups["meetings"].count == 1 and groups["articles"].count == 1 and groups["statements"].count == 1
    assert groups["people"].count == 0
    html = response.content.decode()
    assert "<mark>Antalya</mark>" in html
    assert speeches["talks"].get_absolute_url() in html and speeches["other"].get_absolute_url() in html


def test_search_page_never_injects_the_query(client, speeches):
    html = client.get("/search/", {"q": '<script>alert(1)</script> Antalya'}).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_search_page_refuses_an_overlong_query_politely(client, db):
    response = client.get("/search/", {"q": "x" * 500})
    assert response.status_code == 200 and "at most 200 characters" in response.content.decode()


def test_empty_search_shows_the_box_only(client, db):
    response = client.get("/search/")
    assert response.status_code == 200 and "groups" not in response.context


def test_list_q_filters_use_the_same_search(client, speeches):
    response = client.get("/statements/", {"q": "weather"})
    assert list(response.context["object_list"]) == [speeches["other"]]
    response = client.get("/people/", {"q": "lavrov"})
    assert list(response.context["object_list"]) == [speeches["lavrov"]]
    response = client.get("/meetings/", {"q": "lavrov"})  # a participant's name
    assert list(response.context["object_list"]) == [speeches["talks"]]


def test_exclusions_and_phrases_work_on_both_databases(speeches):
    found = set(Statement.objects.search('"common interests" -Lavrov'))
    assert found == {speeches["both"]}  # nor what Lavrov said without naming himself
    assert speeches["lavrov_unnamed"] in Statement.objects.search('"common interests"')
    assert list(Meeting.objects.search("Antalya -Lavrov")) == []  # he took part


def test_query_count_of_the_search_page_does_not_grow(client, speeches, django_assert_max_num_queries):
    from django.db import connection as conn
    from django.test.utils import CaptureQueriesContext

    art = builders.article(text="More about Antalya and its talks.")
    builders.person("Antalya Host", country=builders.country("TR"))  # people match in both runs
    with CaptureQueriesContext(conn) as small:
        client.get("/search/", {"q": "Antalya"})
    for n in range(12):
        p = builders.person(f"Antalya Delegate {n}", country=builders.country("FR"))
        builders.meeting(f"Antalya round {n}", participants=[p], source=art, place="Antalya")
        builders.statement(p, art, text=f"Antalya statement {n}")
    with django_assert_max_num_queries(len(small)):
        client.get("/search/", {"q": "Antalya"})


@sqlite_only
def test_fallback_matches_substrings_in_the_lists_order(speeches):
    assert list(Person.objects.search("avuş")) == [speeches["cavusoglu"]]
    assert list(Meeting.objects.search("Antalya Lavrov")) == [speeches["talks"]]  # across title and participants


@postgres_only
def test_names_match_without_accents_or_case(speeches):
    assert list(Person.objects.search("Cavusoglu")) == [speeches["cavusoglu"]]
    assert list(Person.objects.search("MEVLUT cavusoglu")) == [speeches["cavusoglu"]]
    assert speeches["talks"] in Meeting.objects.search("cavusoglu")


@postgres_only
def test_a_misspelt_name_still_finds_the_person(speeches):
    assert list(Person.objects.search("Lavrof")) == [speeches["lavrov"]]
    assert list(Person.objects.search("Sergei Lavrov")) == [speeches["lavrov"]]


def test_a_meeting_matches_words_across_its_place_and_its_participants_names(speeches):
    """"Sergey" is only a participant's first name, "Antalya" only the place and title: both must match."""
    assert list(Meeting.objects.search("Antalya Sergey")) == [speeches["talks"]]
    assert list(Meeting.objects.search("Antalya Sergey -Mevlüt")) == []


def test_a_minus_word_leaves_out_a_meeting_found_through_its_forum(speeches):
    forum = builders.organisation("Antalya Diplomacy Forum", acronym="ADF")
    builders.meeting("Closing session", participants=[speeches["lavrov"]], organisation=forum)
    other = builders.meeting("Opening session", participants=[speeches["cavusoglu"]], organisation=forum)
    assert list(Meeting.objects.search("ADF -Lavrov")) == [other]


@postgres_only
def test_a_misspelt_participant_still_finds_the_meeting(speeches):
    assert list(Meeting.objects.search("Lavrof")) == [speeches["talks"]]


@postgres_only
def test_words_match_in_any_form_and_rank_best_first(speeches):
    found = list(Statement.objects.search("interest"))
    stemmed = {speeches["both"], speeches["by_lavrov"], speeches["order"], speeches["lavrov_unnamed"]}
    assert set(found) == stemmed  # "interests" found by "interest"
    art = speeches["art"]
    weak = builders.statement(speeches["lavrov"], art, text="Trade was discussed; talks ended; ministers left; "
                                                              "pipelines and interests came up once at the end.")
    strong = builders.statement(speeches["lavrov"], art, text="Interests, interests and interests again.")
    ranked = list(Statement.objects.search("interests"))
    assert ranked.index(strong) < ranked.index(weak)


@postgres_only
def test_websearch_or_syntax(speeches):
    assert set(Statement.objects.search("weather or region")) == {speeches["other"], speeches["both"]}


@postgres_only
def test_headlines_mark_stemmed_and_unaccented_words(client, speeches):
    html = client.get("/search/", {"q": "cavusoglu or interest"}).content.decode()
    assert "<mark>Çavuşoğlu</mark>" in html
    assert "<mark>interests</mark>" in html


@postgres_only
def test_the_search_indexes_are_used():
    """The GIN expression indexes exist and serve the query (sequential scans off, as on a large table)."""
    from django.db import connection as conn

    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(conn) as queries:  # the matches are looked up as the search is built
        Statement.objects.search("interests")
    sql = next(q["sql"] for q in queries if '"meetings_statement"."search_document" @@' in q["sql"])
    params = ()
    with conn.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "statement_search_idx" in plan


@pytest.mark.parametrize("text", ['"', "-", "or", "a & b | c", "(", "the", "\\", "x" * 199, "<mark>"])
def test_odd_queries_never_fail(client, speeches, text):
    for url in ["/search/", "/meetings/", "/statements/", "/people/", "/articles/", "/organisations/",
                "/people/suggest/"]:
        assert client.get(url, {"q": text}).status_code == 200, url
    assert client.get("/search/", {"q": text, "format": "json"}).status_code == 200


def test_a_null_character_is_a_clear_error_not_a_500(client, speeches):
    for url in ["/search/", "/meetings/", "/people/suggest/"]:
        assert client.get(url, {"q": "wang\x00"}).status_code == 400  # meetings.middleware refuses it


def test_search_results_as_json(client, speeches):
    data = client.get("/search/", {"q": "Antalya", "format": "json"}).json()
    groups = {g["kind"]: g for g in data["groups"]}
    assert data["q"] == "Antalya" and list(groups) == ["meetings", "statements", "people", "organisations", "articles"]
    assert groups["meetings"]["count"] == 1 and groups["meetings"]["results"][0]["url"].endswith(
        speeches["talks"].get_absolute_url())
    assert "<mark>Antalya</mark>" in groups["meetings"]["results"][0]["title"]
    assert groups["meetings"]["list_url"] == "http://testserver/meetings/?q=Antalya"
    assert client.get("/search/", {"q": "x" * 300, "format": "json"}).status_code == 400


def test_the_search_page_counts_each_kind_to_its_cap_and_the_list_counts_on(client, seeded, monkeypatch):
    monkeypatch.setattr(search, "OVERVIEW_CAP", 2)
    groups = {g.key: g for g in client.get("/search/", {"q": "Wang"}).context["groups"]}
    assert (groups["meetings"].count, groups["meetings"].more) == (2, True)  # "2+": three match
    html = client.get("/search/", {"q": "Wang"}).content.decode()
    assert "Meetings <span class=\"badge\">2+</span>" in html
    assert client.get("/meetings/", {"q": "Wang"}).context["paginator"].count == 3
