"""Curators' edits in the admin: the article text stays as imported, and a
field edited in a meeting's inline rows is locked against re-imports too."""
import lxml.html
import pytest

from meetings.models import Article, Participation, Statement

pytestmark = pytest.mark.django_db


def form_values(admin_client, url) -> dict:
    """What the browser would send back unchanged from the change page's form."""
    page = lxml.html.fromstring(admin_client.get(url).content)
    form = next(f for f in page.forms if f.get("id", "").endswith("_form"))
    values = {}
    for name, value in form.form_values():
        values.setdefault(name, []).append(value)
    return values


def test_edits_in_a_meetings_inline_rows_lock_their_fields(admin_client, seeded):
    summit = seeded["summit"]
    url = f"/admin/meetings/meeting/{summit.pk}/change/"
    data = form_values(admin_client, url)
    participation = Participation.objects.filter(meeting=summit).order_by("pk").first()
    row = next(k.rsplit("-", 1)[0] for k, v in data.items()
               if k.startswith("participations-") and k.endswith("-id") and v == [str(participation.pk)])
    data[f"{row}-role"] = ["Minister of Foreign Affairs"]
    statement = seeded["s1"]
    srow = next(k.rsplit("-", 1)[0] for k, v in data.items()
                if k.startswith("statements-") and k.endswith("-id") and v == [str(statement.pk)])
    data[f"{srow}-text"] = ["A curator's corrected quote."]
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    participation.refresh_from_db()
    statement.refresh_from_db()
    assert participation.role == "Minister of Foreign Affairs" and participation.locked_fields == ["role"]
    assert statement.text == "A curator's corrected quote." and statement.locked_fields == ["text"]
    untouched = Participation.objects.filter(meeting=summit).exclude(pk=participation.pk)
    assert all(p.locked_fields == [] for p in untouched)


def test_the_article_text_cannot_be_edited_in_the_admin(admin_client, seeded):
    article = seeded["article"]
    url = f"/admin/meetings/article/{article.pk}/change/"
    data = form_values(admin_client, url)
    assert "text" not in data
    data["text"] = ["Something else entirely."]
    data["title"] = ["A better title"]
    assert admin_client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.title == "A better title" and article.text != "Something else entirely."
