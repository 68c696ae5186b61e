import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model", ["country", "organisation", "person", "article", "meeting", "participation", "statement", "meetingsource"]
)
def test_admin_changelist_and_add_pages_render(admin_client, seeded, model):
    assert admin_client.get(f"/admin/meetings/{model}/").status_code == 200
    assert admin_client.get(f"/admin/meetings/{model}/add/", follow=True).status_code == 200


def test_adding_an_article_by_hand_leads_to_the_import_form(admin_client):
    response = admin_client.get("/admin/meetings/article/add/")
    assert response.status_code == 302 and response["Location"] == "/admin/meetings/article/import/"


def test_admin_meeting_change_page_has_inlines_and_view_on_site(admin_client, seeded):
    html = admin_client.get(f"/admin/meetings/meeting/{seeded['summit'].pk}/change/").content.decode()
    assert "Participations" in html and "Statements" in html
    assert "View on site" in html


def test_admin_search_and_autocomplete(admin_client, seeded):
    html = admin_client.get("/admin/meetings/person/", {"q": "lavrov"}).content.decode()
    assert "Sergey Lavrov" in html and "Zhantoro" not in html
    response = admin_client.get(
        "/admin/autocomplete/", {"app_label": "meetings", "model_name": "meeting", "field_name": "parent", "term": "SCO"}
    )
    assert response.status_code == 200
    assert "SCO foreign ministers" in response.content.decode()


def test_curator_edit_locks_the_field(admin_client, seeded):
    from meetings.models import Person

    wang = seeded["wang"]
    response = admin_client.post(
        f"/admin/meetings/person/{wang.pk}/change/",
        {"name": "WANG Yi", "slug": wang.slug, "aliases": '["Wang"]', "country": seeded["cn"].pk, "locked_fields": "[]",
         "wikidata_id": "Q17183"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    wang = Person.objects.get(pk=wang.pk)
    assert wang.name == "WANG Yi"
    assert {"name", "wikidata_id"} <= set(wang.locked_fields)


def test_mark_reviewed_action(admin_client, seeded):
    from meetings.models import Meeting

    ids = [seeded["summit"].pk, seeded["talks"].pk]
    admin_client.post("/admin/meetings/meeting/", {"action": "mark_reviewed", "_selected_action": ids})
    assert set(Meeting.objects.filter(reviewed=True).values_list("pk", flat=True)) == set(ids)


def test_large_change_lists_have_no_date_hierarchy_and_no_second_count(admin_client, seeded):
    """A date hierarchy reads every row's year, the full count every row: both grew with the table."""
    from django.test.utils import CaptureQueriesContext

    for model in ("meeting", "statement", "article"):
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(f"/admin/meetings/{model}/", {"q": "Wang"})
        assert response.status_code == 200
        sql = " ".join(q["sql"] for q in queries)
        assert "DATE_TRUNC" not in sql.upper() and "django_date_trunc" not in sql
        assert sum(q["sql"].startswith("SELECT COUNT(*)") for q in queries) <= 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search is PostgreSQL's")
def test_statement_search_in_the_admin_finds_words_in_any_form(admin_client, seeded):
    """The site's full-text search, not a substring: "opposing" finds a statement that "opposes"."""
    response = admin_client.get("/admin/meetings/statement/", {"q": "opposing"})
    assert [s.pk for s in response.context["cl"].result_list] == [seeded["s2"].pk]
    typed = admin_client.get("/admin/autocomplete/", {"app_label": "meetings", "model_name": "meeting",
                                                      "field_name": "parent", "term": "Uzbek"})
    assert typed.status_code == 200 and "Wang Yi visit to Uzbekistan" in typed.content.decode()  # a word's start


def test_deleting_selected_meetings_recounts_under_the_writes_lock(admin_client, seeded):
    from meetings.models import CountryYear, Meeting
    from meetings.services import counters

    ids = [seeded["talks"].pk, seeded["visit"].pk]
    response = admin_client.post("/admin/meetings/meeting/", {"action": "delete_selected", "_selected_action": ids,
                                                               "post": "yes"})
    assert response.status_code == 302 and not Meeting.objects.filter(pk__in=ids).exists()
    assert not any(counters.counters_stale().values())
    assert CountryYear.objects.filter(country=seeded["kg"]).total() == 1  # the summit is left
