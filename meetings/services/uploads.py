"""Articles uploaded in the admin, imported in the background: upload -> extract (a task,
once) -> the curator confirms -> store (a task). No request runs the extraction when the
tasks run in a worker (settings.CHANCERY_TASKS).

Each step moves the upload from one status to the next with a conditional update, so a
task delivered twice does its work once. A worker that dies mid-task leaves its upload
"running" or "storing": `uploads_recover` ends those, and `uploads_prune` removes finished
uploads and task results once they are old (both run by `manage.py prune_uploads`).
"""
from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from meetings.extraction.types import ArticleError
from meetings.models import Article, ArticleUpload

from . import importing
from .extraction_json import extraction_dump, extraction_load
from .importing import ImportResult, Prepared

log = logging.getLogger(__name__)
Status = ArticleUpload.Status


def upload_create(*, raw: bytes, name: str, published: dt.date | None = None, source: str = "",
                  user=None) -> ArticleUpload:
    """Keep an uploaded article's bytes and queue its extraction."""
    from meetings import tasks  # the tasks module imports this one

    upload = ArticleUpload.objects.create(name=name[:300], raw=raw, published=published, source=source[:200],
                                          uploaded_by=user if user and user.pk else None)
    result = tasks.upload_extract.enqueue(upload.pk)
    ArticleUpload.objects.filter(pk=upload.pk).update(task_id=str(result.id))
    upload.refresh_from_db()
    return upload


def upload_extract(*, upload_id: int) -> None:
    """Extract an upload, once, and keep what the import would create and match for the
    curator to confirm. Any failure is the upload's, with its reason; nothing else is written."""
    if not _claim(upload_id, Status.QUEUED, Status.RUNNING):
        return
    upload = ArticleUpload.objects.get(pk=upload_id)
    try:
        _extract(upload)
    except Exception as exc:  # noqa: BLE001 (whatever breaks, the upload says so: never "running" forever)
        log.exception("extraction of upload %s failed", upload.pk)
        _fail(upload, importing.extraction_failed(upload.name, f"{type(exc).__name__}: {exc}").error)


def _extract(upload: ArticleUpload) -> None:
    raw = bytes(upload.raw)
    try:
        prepared = importing.article_prepare(text=importing.read_upload(raw, upload.name), raw=raw,
                                             filename=upload.name, published=upload.published, source=upload.source)
    except ArticleError as exc:
        return _fail(upload, str(exc))
    duplicate = importing.article_duplicate(prepared)
    if duplicate:
        return _finish(upload, duplicate)
    extraction = importing.extract(prepared.parsed)
    kept = extraction_dump(extraction)
    preview = importing.article_store(prepared, extraction, dry_run=True)
    if preview.status == "failed":
        return _fail(upload, preview.error)
    if preview.status == "duplicate":
        return _finish(upload, preview)
    upload.extraction, upload.report, upload.status = kept, _report(preview), Status.READY
    upload.save(update_fields=["extraction", "report", "status", "updated_at"])


def upload_confirm(*, upload: ArticleUpload) -> bool:
    """The curator confirms an extracted upload: queue its storing. False when it is not
    waiting for confirmation (confirmed already, or not extracted yet)."""
    from meetings import tasks

    if not _claim(upload.pk, Status.READY, Status.STORING):
        return False
    result = tasks.upload_store.enqueue(upload.pk)
    ArticleUpload.objects.filter(pk=upload.pk).update(task_id=str(result.id))
    return True


def upload_store(*, upload_id: int) -> None:
    """Store what the upload's extraction gave, in one transaction, without extracting again."""
    upload = ArticleUpload.objects.filter(pk=upload_id, status=Status.STORING).first()
    if upload is None:
        return
    try:
        extraction = extraction_load(upload.extraction)
    except (ValueError, KeyError, TypeError) as exc:
        return _fail(upload, f"{upload.name}: the kept extraction cannot be read ({exc}); upload the article again")
    raw = bytes(upload.raw)
    prepared = Prepared(upload.name, raw, importing.content_hash(raw), extraction.article)
    result = importing.article_store(prepared, extraction)
    if result.status == "failed":
        return _fail(upload, result.error)
    _finish(upload, result)


def _claim(upload_id: int, status: str, then: str) -> bool:
    # A queryset update leaves auto_now alone: stamp updated_at, as a stuck upload is told by its age.
    return bool(ArticleUpload.objects.filter(pk=upload_id, status=status).update(status=then,
                                                                                 updated_at=timezone.now()))


def _report(result: ImportResult) -> dict:
    return {"log": [list(entry) for entry in result.log], "created": dict(result.created),
            "matched": dict(result.matched), "flagged": list(result.flagged)}


def _finish(upload: ArticleUpload, result: ImportResult) -> None:
    upload.status, upload.outcome, upload.article = Status.DONE, result.status, result.article
    if result.status != "duplicate":
        upload.report = _report(result)
    # The article's file keeps the bytes now; the extraction is stored.
    upload.raw, upload.extraction = b"", None
    upload.save()


def _fail(upload: ArticleUpload, reason: str) -> None:
    upload.status, upload.error = Status.FAILED, reason
    upload.save(update_fields=["status", "error", "updated_at"])


# An upload in one of these is being worked on by a task: if the worker dies, it stays there.
WORKED_ON = (Status.RUNNING, Status.STORING)


@dataclass
class Recovered:
    """Stuck uploads ended by uploads_recover: failed, or done because their article was stored."""

    failed: int = 0
    done: int = 0


@dataclass
class Pruned:
    """What uploads_prune removed (or, for a dry run, would remove)."""

    uploads: int = 0
    task_results: int = 0


def upload_stale(upload: ArticleUpload, *, stale_minutes: int | None = None) -> bool:
    """True when an upload in progress has not moved for `stale_minutes`
    (settings.CHANCERY_UPLOAD_STALE_MINUTES): its worker has probably stopped."""
    return upload.in_progress and upload.updated_at < _stale_before(stale_minutes)


def uploads_recover(*, stale_minutes: int | None = None, dry_run: bool = False) -> Recovered:
    """End the uploads a dead worker left running or storing for longer than `stale_minutes`:
    one whose article was stored after all is done, pointing at it; any other fails, saying
    to upload it again. One whose task still waits in the queue is left for the worker.

    Each change is a conditional update on the status and age read here, so a task that
    finishes meanwhile keeps its own outcome."""
    before = _stale_before(stale_minutes)
    stuck = list(ArticleUpload.objects.filter(status__in=WORKED_ON, updated_at__lt=before).order_by("pk"))
    waiting = _waiting_for_worker(upload.task_id for upload in stuck)
    recovered, now = Recovered(), timezone.now()
    for upload in stuck:
        if upload.task_id in waiting:
            continue
        article = _stored_article(upload) if upload.status == Status.STORING else None
        if article is not None:
            # As _finish does: the article's file keeps the bytes now.
            change = dict(status=Status.DONE, outcome="imported", article=article, raw=b"", extraction=None)
        else:
            change = dict(status=Status.FAILED, error=_stuck_error(upload, now))
        if dry_run or ArticleUpload.objects.filter(pk=upload.pk, status=upload.status,
                                                   updated_at__lt=before).update(**change, updated_at=now):
            if article is not None:
                recovered.done += 1
            else:
                recovered.failed += 1
    return recovered


def uploads_prune(*, keep_days: int, dry_run: bool = False) -> Pruned:
    """Remove the uploads done or failed more than `keep_days` ago, and the task results
    (django-tasks-db's rows) that finished, successfully or not, as long ago."""
    before = timezone.now() - dt.timedelta(days=keep_days)
    finished_uploads = ArticleUpload.objects.filter(status__in=(Status.DONE, Status.FAILED), updated_at__lt=before)
    # The queryset django-tasks-db's own prune_db_task_results deletes with; that command is not
    # called, as it refuses to run unless the default backend is the database one, prunes one
    # queue only, and reports through logging rather than a count.
    finished_tasks = DBTaskResult.objects.finished().filter(finished_at__lt=before)
    if dry_run:
        return Pruned(uploads=finished_uploads.count(), task_results=finished_tasks.count())
    return Pruned(uploads=finished_uploads.delete()[0], task_results=finished_tasks.delete()[0])


def _stale_before(stale_minutes: int | None) -> dt.datetime:
    minutes = settings.CHANCERY_UPLOAD_STALE_MINUTES if stale_minutes is None else stale_minutes
    return timezone.now() - dt.timedelta(minutes=minutes)


def _waiting_for_worker(task_ids) -> set[str]:
    """The task ids, among these, of tasks still queued (status READY): not started, so not stuck."""
    ids = {}
    for task_id in task_ids:
        try:
            ids[uuid.UUID(task_id)] = task_id
        except ValueError:  # no task id, or one of another backend (the immediate one runs at once)
            continue
    queued = DBTaskResult.objects.filter(pk__in=ids, status=TaskResultStatus.READY).values_list("pk", flat=True)
    return {ids[uuid.UUID(str(pk))] for pk in queued}


def _stored_article(upload: ArticleUpload) -> Article | None:
    """The article the upload's storing made, when the worker died after its transaction but
    before it marked the upload done."""
    return Article.objects.filter(content_hash=importing.content_hash(bytes(upload.raw))).first()


def _stuck_error(upload: ArticleUpload, now: dt.datetime) -> str:
    minutes = int((now - upload.updated_at).total_seconds() // 60)
    doing = "extracting" if upload.status == Status.RUNNING else "storing"
    return (f"{upload.name}: the task worker stopped while {doing} this file (stuck for {minutes} minutes); "
            "nothing was stored; upload it again")
