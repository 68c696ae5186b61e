import pytest

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
