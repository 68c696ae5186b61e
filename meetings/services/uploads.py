"""Articles uploaded in the admin, imported in the background: upload -> extract (a task,
once) -> the curator confirms -> store (a task). No request runs the extraction when the
tasks run in a worker (settings.CHANCERY_TASKS).

Each step moves the upload from one status to the next with a conditional update, so a
task delivered twice does its work once.
"""
from __future__ import annotations

import datetime as dt
import logging

from django.utils import timezone

from meetings.extraction.types import ArticleError
from meetings.models import ArticleUpload

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
