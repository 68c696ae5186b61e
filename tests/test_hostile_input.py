"""Hostile input gets a 404, a 400 or a form error, never a 500, on SQLite and PostgreSQL."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Meeting, Person

pytestmark = pytest.mark.django_db

LIST_PAGES = ["/meetings/", "/people/", "/countries/", "/organisations/", "/statements/", "/articles/"]


@pytest.mark.parametrize("url", ["/countries/%00/", "/people/wang%00yi/", "/meetings/%00/", "/articles/%00/"])
def test_a_nul_in_the_path_is_not_found(client, seeded, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("query", ["country=%00", "participant=wang%00yi", "q=a%00b", "o=%00", "page=%00",
                                   "date_after=%00", "%00=1"])
def test_a_nul_in_a_parameter_is_a_bad_request(client, seeded, query):
    assert client.get(f"/meetings/?{query}").status_code == 400
    assert client.get(f"/statements/?{query}&format=csv").status_code == 400


@pytest.mark.parametrize("url", LIST_PAGES)
def test_a_search_of_a_thousand_words_is_a_form_error_with_a_bounded_query(client, seeded, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"q": " ".join(["a"] * 1000)})
    assert response.status_code == 200
    assert "Search for at most 12 words" in response.content.decode()
    assert all(query["sql"].upper().count("LIKE") < 100 for query in queries.captured_queries)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"q": " ".join(f"w{n}" for n in range(60))})
    assert response.status_code == 200 and "at most 12 words" in response.content.decode()
    assert all(query["sql"].upper().count("LIKE") < 100 for query in queries.captured_queries)


@pytest.mark.parametrize("url", LIST_PAGES)
def test_a_parameter_longer_than_any_page_reads_is_a_bad_request(client, seeded, url):
    assert client.get(url, {"q": " ".join(f"word{n}" for n in range(1000))}).status_code == 400
    assert client.get(url, {"anything": "x" * 2001}).status_code == 400


def test_a_search_within_the_bounds_still_works(client, seeded):
    response = client.get("/people/", {"q": "wang yi"})
    assert response.status_code == 200 and "Wang Yi" in response.content.decode()


@pytest.mark.parametrize("pk", ["abc", "99999999999999999999", "-1", ""])
def test_review_queue_refuses_a_bad_id(admin_client, seeded, pk):
    response = admin_client.post("/admin/meetings/meeting/review/", {"model": "person", "pk": pk}, follow=True)
    assert response.status_code == 200
    assert "not a record" in response.content.decode()
    assert not Person.objects.filter(reviewed=True).exists()


def test_review_queue_marks_a_good_id_reviewed(admin_client, seeded):
    admin_client.post("/admin/meetings/meeting/review/", {"model": "person", "pk": seeded["wang"].pk})
    assert Person.objects.get(pk=seeded["wang"].pk).reviewed


@pytest.mark.parametrize("value", ["99999999999999999999", "abc", "-1", "0"])
@pytest.mark.parametrize("kind", ["person", "meeting"])
def test_split_with_a_bad_article_id_is_a_form_error(admin_client, seeded, value, kind):
    record = seeded["wang"] if kind == "person" else seeded["summit"]
    before = (Person.objects.count(), Meeting.objects.count())
    response = admin_client.post(f"/admin/meetings/{kind}/{record.pk}/split/", {"articles": [value]})
    assert response.status_code == 200
    assert response.context["form"].errors["articles"]
    assert (Person.objects.count(), Meeting.objects.count()) == before
