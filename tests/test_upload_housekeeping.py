"""Upload housekeeping: `manage.py prune_uploads` ends the uploads a dead task worker left
extracting or storing, and removes old finished uploads and task results; an upload's
admin page says when it has not moved for too long."""
import datetime as dt
import hashlib
import io
import uuid

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from meetings.models import ArticleUpload
from meetings.services import uploads
from tests import builders

pytestmark = pytest.mark.django_db
Status = ArticleUpload.Status
RAW = b"Foreign Minister Wang Yi met his Kyrgyz counterpart in Bishkek on Monday."
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def upload(status: str, *, minutes_ago: float = 0, **fields) -> ArticleUpload:
    made = ArticleUpload.objects.create(name="talks.txt", raw=RAW, status=status, **fields)
    ArticleUpload.objects.filter(pk=made.pk).update(updated_at=timezone.now() - dt.timedelta(minutes=minutes_ago))
    made.refresh_from_db()
    return made


def task_result(status: str, *, days_ago: float = 0, **fields) -> DBTaskResult:
    finished = status in (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED)
    return DBTaskResult.objects.create(
        status=status, args_kwargs={"args": [1], "kwargs": {}}, task_path="meetings.tasks.upload_extract",
        backend_name="default", run_after=get_date_max(),
        finished_at=timezone.now() - dt.timedelta(days=days_ago) if finished else None, **fields)


def prune(*args) -> str:
    out = io.StringIO()
    call_command("prune_uploads", *args, stdout=out)
    return out.getvalue()


def reloaded(*rows):
    for row in rows:
        row.refresh_from_db()


def test_an_upload_stuck_extracting_is_marked_failed_with_the_reason():
    stuck = upload(Status.RUNNING, minutes_ago=45)
    output = prune()
    reloaded(stuck)
    assert stuck.status == Status.FAILED
    assert "the task worker stopped while extracting this file (stuck for 45 minutes)" in stuck.error
    assert "upload it again" in stuck.error
    assert "Marked 1 stuck upload(s) failed and 0 done" in output


def test_an_upload_stuck_storing_whose_article_was_stored_is_done_and_points_at_it():
    stuck = upload(Status.STORING, minutes_ago=45, extraction={"kept": True})
    article = builders.article(content_hash=hashlib.sha256(RAW).hexdigest())
    output = prune()
    reloaded(stuck)
    assert (stuck.status, stuck.outcome, stuck.article, stuck.error) == (Status.DONE, "imported", article, "")
    assert bytes(stuck.raw) == b"" and stuck.extraction is None
    assert "Marked 0 stuck upload(s) failed and 1 done" in output


def test_an_upload_stuck_storing_without_its_article_fails():
    stuck = upload(Status.STORING, minutes_ago=45)
    builders.article()  # another article
    prune()
    reloaded(stuck)
    assert stuck.status == Status.FAILED and "while storing this file" in stuck.error and stuck.article is None


def test_uploads_that_are_not_stuck_are_left_alone():
    fresh = upload(Status.RUNNING, minutes_ago=5)
    longer_than_asked = upload(Status.RUNNING, minutes_ago=45)
    queued, ready = upload(Status.QUEUED, minutes_ago=600), upload(Status.READY, minutes_ago=600)
    prune("--stale-minutes", "60")
    reloaded(fresh, longer_than_asked, queued, ready)
    assert [fresh.status, longer_than_asked.status, queued.status, ready.status] == [
        Status.RUNNING, Status.RUNNING, Status.QUEUED, Status.READY]


@override_settings(CHANCERY_UPLOAD_STALE_MINUTES=10)
def test_the_stale_threshold_is_the_setting():
    stuck = upload(Status.RUNNING, minutes_ago=15)
    prune()
    reloaded(stuck)
    assert stuck.status == Status.FAILED


def test_an_upload_whose_storing_task_still_waits_in_the_queue_is_left_for_the_worker():
    queued_task = task_result(TaskResultStatus.READY)
    waiting = upload(Status.STORING, minutes_ago=45, task_id=str(queued_task.pk))
    prune()
    reloaded(waiting)
    assert waiting.status == Status.STORING


def test_an_upload_its_task_finishes_meanwhile_keeps_the_task_outcome(monkeypatch):
    stuck = upload(Status.STORING, minutes_ago=45)

    def finished_meanwhile(upload):
        ArticleUpload.objects.filter(pk=upload.pk).update(status=Status.DONE, outcome="imported",
                                                          updated_at=timezone.now())
        return None

    monkeypatch.setattr(uploads, "_stored_article", finished_meanwhile)
    assert "Marked 0 stuck upload(s) failed and 0 done" in prune()
    reloaded(stuck)
    assert (stuck.status, stuck.error) == (Status.DONE, "")


@override_settings(TASKS=DUMMY_TASKS)
def test_a_confirmed_upload_is_not_stuck_however_long_it_waited_for_confirmation():
    extracted = upload(Status.READY, minutes_ago=120)
    assert uploads.upload_confirm(upload=extracted)
    prune()
    reloaded(extracted)
    assert extracted.status == Status.STORING and not uploads.upload_stale(extracted)


def test_old_finished_uploads_and_task_results_are_removed_and_recent_ones_kept():
    days = 24 * 60
    old_done, old_failed = upload(Status.DONE, minutes_ago=40 * days), upload(Status.FAILED, minutes_ago=40 * days)
    recent_done = upload(Status.DONE, minutes_ago=2 * days)
    old_ready = upload(Status.READY, minutes_ago=40 * days)  # waits for a curator: not finished
    old_results = [task_result(TaskResultStatus.SUCCESSFUL, days_ago=40), task_result(TaskResultStatus.FAILED, days_ago=40)]
    kept_results = [task_result(TaskResultStatus.SUCCESSFUL, days_ago=2), task_result(TaskResultStatus.READY),
                    task_result(TaskResultStatus.RUNNING)]

    output = prune()
    assert "Removed 2 finished upload(s) and 2 finished task result(s) older than 30 days" in output
    assert set(ArticleUpload.objects.all()) == {recent_done, old_ready}
    assert set(DBTaskResult.objects.all()) == set(kept_results)
    assert not {old_done, old_failed} & set(ArticleUpload.objects.all())
    assert not set(old_results) & set(DBTaskResult.objects.all())

    assert "Removed 1 finished upload(s) and 1 finished task result(s) older than 1 days" in prune("--keep-days", "1")


def test_a_dry_run_counts_and_changes_nothing():
    stuck = upload(Status.RUNNING, minutes_ago=45)
    upload(Status.DONE, minutes_ago=40 * 24 * 60)
    task_result(TaskResultStatus.SUCCESSFUL, days_ago=40)
    before = [(row.pk, row.status, row.updated_at) for row in ArticleUpload.objects.order_by("pk")]

    output = prune("--dry-run")
    assert "Would mark 1 stuck upload(s) failed and 0 done" in output
    assert "Would remove 1 finished upload(s) and 1 finished task result(s)" in output
    assert [(row.pk, row.status, row.updated_at) for row in ArticleUpload.objects.order_by("pk")] == before
    assert DBTaskResult.objects.count() == 1
    reloaded(stuck)
    assert stuck.error == ""


def test_the_upload_page_says_when_an_upload_has_not_moved_for_too_long(admin_client):
    stuck, fresh = upload(Status.RUNNING, minutes_ago=45), upload(Status.RUNNING, minutes_ago=1)
    html = admin_client.get(f"/admin/meetings/article/import/{stuck.pk}/").content.decode()
    assert 'id="upload-stale"' in html and "worker may have stopped" in html and "manage.py prune_uploads" in html
    assert 'id="upload-stale"' not in admin_client.get(f"/admin/meetings/article/import/{fresh.pk}/").content.decode()

    done = upload(Status.DONE, minutes_ago=45)
    assert 'id="upload-stale"' not in admin_client.get(f"/admin/meetings/article/import/{done.pk}/").content.decode()


def test_a_task_id_of_another_backend_does_not_stop_the_recovery():
    stuck = upload(Status.RUNNING, minutes_ago=45, task_id="not-a-uuid")
    other = upload(Status.RUNNING, minutes_ago=45, task_id=str(uuid.uuid4()))
    prune()
    reloaded(stuck, other)
    assert stuck.status == other.status == Status.FAILED
