"""The curators' admin: import with preview, review queue, merge and split."""
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from meetings.models import Article, Meeting, MeetingSource, Participation, Person, Statement
from meetings.services.importing import article_import

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
SEED = ARTICLES / "chinadaily-2013-07-15-sco-cholpon-ata.txt"

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_admin_index_links_to_import_and_review(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "/admin/meetings/article/import/" in html and "/admin/meetings/meeting/review/" in html


def test_import_preview_stores_nothing_then_confirm_imports(admin_client):
    # Tasks run at once in the tests (settings.CHANCERY_TASKS): the upload's page shows the preview.
    upload = SimpleUploadedFile(SEED.name, SEED.read_bytes(), content_type="text/plain")
    response = admin_client.post("/admin/meetings/article/import/", {"file": upload}, follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Zhantoro Satybaldiyev" in html and "new" in html and "Confirm import" in html
    assert Article.objects.count() == 0 and Person.objects.count() == 0

    response = admin_client.post(response.redirect_chain[-1][0], {"confirm": "Confirm import"}, follow=True)
    article = Article.objects.get()
    assert article.filename == SEED.name and Meeting.objects.count() == 4
    assert f"/admin/meetings/article/{article.pk}/change/" in response.content.decode()

    # The same article again is recognised, not stored twice.
    text = SEED.read_text(encoding="utf-8")
    response = admin_client.post("/admin/meetings/article/import/", {"text": text, "filename": SEED.name}, follow=True)
    assert "already imported" in response.content.decode()
    assert Article.objects.count() == 1


def test_import_preview_shows_matches_with_existing_records(admin_client):
    article_import(path=ARTICLES / "xinhua-2024-04-09-wang-lavrov-beijing.txt")
    tass = (ARTICLES / "tass-2024-04-09-lavrov-wang-talks.txt").read_text(encoding="utf-8")
    html = admin_client.post("/admin/meetings/article/import/", {"text": tass}, follow=True).content.decode()
    assert "matched Sergei Lavrov" in html and "matched Wang Yi (name)" in html
    assert "matched Sergei Lavrov meets Wang Yi in Beijing" in html or "matched Wang Yi meets Sergei Lavrov in Beijing" in html


def test_broken_upload_is_a_form_error_not_a_500(admin_client):
    upload = SimpleUploadedFile("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00binary", content_type="text/plain")
    response = admin_client.post("/admin/meetings/article/import/", {"file": upload})
    assert response.status_code == 200
    assert "scan.txt" in response.content.decode() and "not a text file" in response.content.decode()
    empty = admin_client.post("/admin/meetings/article/import/", {})
    assert "Upload a file or paste an article" in empty.content.decode()
    assert Article.objects.count() == 0


def test_review_queue_lists_uncertain_records_and_marks_them_reviewed(admin_client):
    article_import(path=SEED)
    meeting = Meeting.objects.get(organisation__acronym="SCO")
    meeting.review_note = "sources disagree on the date"
    meeting.save()
    html = admin_client.get("/admin/meetings/meeting/review/").content.decode()
    assert "sources disagree on the date" in html
    assert "meeting among SCO members" in html or "Cholpon-Ata" in html  # the source passage
    admin_client.post("/admin/meetings/meeting/review/", {"model": "meeting", "pk": meeting.pk})
    meeting.refresh_from_db()
    assert meeting.reviewed and meeting.review_note == ""


def test_merge_two_people_is_one_action(admin_client):
    article_import(path=SEED)
    wang = Person.objects.get(name="Wang Yi")
    twin = Person.objects.create(name="WANG Yi", slug="wang-yi-2", aliases=["Wang"])
    statement = Statement.objects.filter(speaker=wang).first()
    statement.speaker = twin
    statement.save()
    response = admin_client.post("/admin/meetings/person/", {"action": "merge_people", "_selected_action": [wang.pk, twin.pk]})
    assert response.status_code == 302
    assert not Person.objects.filter(pk=twin.pk).exists()
    assert Statement.objects.get(pk=statement.pk).speaker == wang


def test_merge_two_meetings_keeps_every_source(admin_client):
    article_import(path=SEED)
    talks = Meeting.objects.get(title__contains="Satybaldiyev")
    copy = Meeting.objects.create(title="Wang Yi in Kyrgyzstan", slug="wang-yi-in-kyrgyzstan", status="held")
    other = Article.objects.create(title="Another report", text="Wang met Satybaldiyev.", content_hash="x" * 64)
    MeetingSource.objects.create(meeting=copy, article=other, start=0, end=10)
    Participation.objects.create(meeting=copy, person=Person.objects.get(name="Wang Yi"))
    admin_client.post("/admin/meetings/meeting/", {"action": "merge_meetings", "_selected_action": [talks.pk, copy.pk]})
    merged = Meeting.objects.get(pk=talks.pk)
    assert not Meeting.objects.filter(pk=copy.pk).exists()
    assert merged.sources.count() == 2 and merged.participations.count() == 2


def test_split_a_wrongly_merged_person_by_source(admin_client):
    article_import(path=SEED)
    article_import(path=ARTICLES / "xinhua-2024-04-09-wang-lavrov-beijing.txt")
    wang = Person.objects.get(name="Wang Yi")
    xinhua = Article.objects.get(filename__startswith="xinhua")
    page = admin_client.get(f"/admin/meetings/person/{wang.pk}/split/")
    assert page.status_code == 200 and xinhua.title in page.content.decode()
    response = admin_client.post(f"/admin/meetings/person/{wang.pk}/split/", {"articles": [xinhua.pk], "name": "Wang Yi (2024)"})
    assert response.status_code == 302
    new = Person.objects.get(name="Wang Yi (2024)")
    assert set(new.statements.values_list("article", flat=True)) == {xinhua.pk}
    assert not wang.statements.filter(article=xinhua).exists()


def test_split_a_meeting_by_source(admin_client):
    article_import(path=ARTICLES / "xinhua-2024-04-09-wang-lavrov-beijing.txt")
    article_import(path=ARTICLES / "tass-2024-04-09-lavrov-wang-talks.txt")
    meeting = Meeting.objects.get(date="2024-04-09", status="held")
    tass = Article.objects.get(filename__startswith="tass")
    admin_client.post(f"/admin/meetings/meeting/{meeting.pk}/split/", {"articles": [tass.pk]})
    assert Meeting.objects.filter(date="2024-04-09", status="held").count() == 2
    assert meeting.sources.count() == 1
