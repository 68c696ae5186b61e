"""One lock for the writes that look a record up and create it when missing.

Two imports that run at once would each find no "Wang Yi", no article with
their hash, no free slug, and each create one. Holding this lock from the
look-up to the commit makes them take turns; it is held only while records are
written, never during extraction, so parallel imports still extract in
parallel. On PostgreSQL it is a transaction-level advisory lock; SQLite
serialises writers itself (settings begin its transactions IMMEDIATE).
"""
from __future__ import annotations

from django.db import connection

# Any fixed 64-bit number names the lock; this one spells "chancery".
RECORD_WRITES = int.from_bytes(b"chancery", "big") >> 1


def hold_record_writes_lock() -> None:
    """Take the lock until the current transaction ends; call inside transaction.atomic()."""
    if not connection.in_atomic_block:
        raise RuntimeError("the record-writes lock is held until commit: take it inside a transaction")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [RECORD_WRITES])
