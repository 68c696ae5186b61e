"""Admin uploads in the background: the request keeps the bytes and queues the extraction;
a worker extracts once; the upload's page shows queued, what it gives, done or failed."""
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from meetings.forms import MAX_UPLOAD
from meetings.models import Article, ArticleUpload, Meeting, Person, Statement
from meetings.services import importing

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "chinadaily-2013-07-15-sco-cholpon-ata.txt"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
IMPORT = "/admin/meetings/article/import/"

pytestmark = pytest.mark.django_db


def run_worker(monkeypatch):
    # The worker drops connections found inside a transaction, as the test's own is: keep it.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def status(admin_client, url) -> str:
    html = admin_client.get(url).content.decode()
    return html.split('data-status="', 1)[1].split('"', 1)[0]


@pytest.mark.slow
@override_settings(TASKS=DATABASE_TASKS, CHANCERY_TASKS="database")
def test_an_upload_is_queued_extracted_once_by_the_worker_then_stored_on_confirmation(admin_client, monkeypatch):
    calls = []
    real_extract = importing.extract
    monkeypatch.setattr(importing, "extract", lambda parsed, *a: calls.append(parsed.filename) or real_extract(parsed, *a))

    upload = SimpleUploadedFile(SEED.name, SEED.read_bytes(), content_type="text/plain")
    response = admin_client.post(IMPORT, {"file": upload})
    page = response["Location"]
    assert DBTaskResult.objects.count() == 1 and calls == []  # the request only queued it
    assert status(admin_client, page) == "queued" and "manage.py db_worker" in admin_client.get(page).content.decode()

    run_worker(monkeypatch)
    html = admin_client.get(page).content.decode()
    assert status(admin_client, page) == "ready" and "Zhantoro Satybaldiyev" in html and "Confirm import" in html
    assert Article.objects.count() == 0 and Person.objects.count() == 0

    admin_client.post(page, {"confirm": "Confirm import"})
    assert status(admin_client, page) == "storing"
    run_worker(monkeypatch)
    article = Article.objects.get()
    html = admin_client.get(page).content.decode()
    assert status(admin_client, page) == "done" and f"/admin/meetings/article/{article.pk}/change/" in html
    assert "Zhantoro Satybaldiyev" in html  # what was extracted
    assert calls == [SEED.name]  # extracted once, for the preview and the import
    assert page in admin_client.get("/admin/meetings/articleupload/").content.decode()
    assert Meeting.objects.count() == 4 and Statement.objects.filter(article=article).exists()
    assert bytes(article.file.data) == SEED.read_bytes()


def test_a_file_over_the_limit_is_refused_with_a_message(admin_client):
    upload = SimpleUploadedFile("huge.txt", b"word " * (MAX_UPLOAD // 5 + 1), content_type="text/plain")
    response = admin_client.post(IMPORT, {"file": upload})
    assert response.status_code == 200
    assert "huge.txt" in response.content.decode() and "are refused" in response.content.decode()
    assert not ArticleUpload.objects.exists()


def test_a_failing_extraction_shows_failed_with_its_reason_and_writes_nothing(admin_client, monkeypatch):
    def broken(parsed, docs=None):
        raise RuntimeError("the parser fell over")

    monkeypatch.setattr(importing, "extract", broken)
    response = admin_client.post(IMPORT, {"text": SEED.read_text(encoding="utf-8"), "filename": SEED.name},
                                 follow=True)
    html = response.content.decode()
    assert response.status_code == 200 and 'data-status="failed"' in html
    assert "RuntimeError: the parser fell over" in html and "Confirm import" not in html
    assert Article.objects.count() == 0 and Person.objects.count() == 0 and Meeting.objects.count() == 0
