"""Background work (django-tasks): the steps of an admin upload. Thin: each calls a service."""
from __future__ import annotations

from django_tasks import task

from meetings.services import uploads


@task()
def upload_extract(upload_id: int) -> None:
    uploads.upload_extract(upload_id=upload_id)


@task()
def upload_store(upload_id: int) -> None:
    uploads.upload_store(upload_id=upload_id)
