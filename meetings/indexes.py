"""An index whose order is a list's order, undated rows last, on every database."""
from __future__ import annotations

from django.db import models
from django.db.models.expressions import OrderBy


class NullsLastIndex(models.Index):
    """A `models.Index` whose `F(...).desc(nulls_last=True)` parts say NULLS LAST on PostgreSQL.

    PostgreSQL sorts NULL highest, so a plain DESC index puts undated rows
    first and cannot serve an `ORDER BY date DESC NULLS LAST`. SQLite refuses
    NULLS LAST in an index but sorts NULL lowest, so there DESC alone is
    already that order and the modifier is left out.
    """

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "sqlite":
            return super().create_sql(model, schema_editor, using=using, **kwargs)
        plain = self.clone()
        plain.expressions = tuple(
            OrderBy(e.expression, descending=e.descending) if isinstance(e, OrderBy) else e for e in self.expressions
        )
        return models.Index.create_sql(plain, model, schema_editor, using=using, **kwargs)
