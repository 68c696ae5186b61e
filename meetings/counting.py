"""Counts that cost the same at a million rows as at a hundred.

A list page never needs to know that there are exactly 1,000,000 statements:
it needs the first page, and "10,000+" to say there are many. Counting is
capped (`COUNT(*)` over at most CAP + 1 rows), and whole-table totals come
from PostgreSQL's statistics when the table is large.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property

from django.core.paginator import Paginator
from django.db import connections

CAP = 10_000


def capped_count(queryset, cap: int = CAP, parts=()) -> int:
    """How many rows, counting no further than cap + 1 (annotations and ordering left out).

    `parts`: conditions of the queryset's filter, each served by an index (a search's related matches,
    search.apply()). The rows that also meet one of them are counted first: when they alone pass the cap,
    so does the whole, which is not counted. PostgreSQL counts "document matches OR speaker is one of
    these 250 people" by scanning the table until it has cap + 1 rows (21,000 rows, 9 ms for a common
    surname), where the speakers' index gives 1,001 rows in 1 ms.
    """
    for part in parts:
        counted = queryset.filter(part).order_by().values("pk")[: cap + 1].count()
        if counted > cap:
            return counted
    return queryset.order_by().values("pk")[: cap + 1].count()


class CappedPaginator(Paginator):
    """Pages through at most `cap` rows: the count stops there, so does OFFSET.

    Past the cap a researcher narrows the filters (or downloads the CSV,
    which streams everything) rather than asking for page 40,000.
    """

    cap = CAP

    def __init__(self, object_list, per_page, *args, rows=None, cap=None, known_count=None, head=None, parts=(),
                 **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.parts = parts  # see capped_count()
        if cap is not None:
            self.cap = cap
        if known_count is not None:  # a stored count: nothing is counted
            self._counted = known_count
        # Head: (the first ids of object_list in its order, how many were asked for), read already for the
        # facets. The pages it covers are cut from it, and a list shorter than asked for is counted by it.
        self.head, self.head_limit = head if head is not None else (None, 0)
        if self.head is not None and len(self.head) < self.head_limit and known_count is None:
            self._counted = len(self.head)
        # The unfiltered queryset (joins, annotations) that fetches a page's rows by id; the filters were
        # applied once, to find the ids, and need not run again.
        self.rows = rows if rows is not None else object_list
        self.filters_in_rows = rows is None  # the rows' queryset is the list itself

    def page(self, number):
        """The page's ids first, then its rows: OFFSET skips index entries, not joined and annotated rows
        (page 300 of /statements/ took a second when every skipped row was joined to its speaker and article).
        A first page of a list that is its own rows' queryset skips nothing: its rows are read at once (one
        query less on each of a detail page's lists)."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if bottom == 0 and self.head is None and self.filters_in_rows:
            return self._get_page(list(self.object_list[: self.per_page]), number, self)
        if self.head is not None and (bottom + self.per_page <= len(self.head) or len(self.head) < self.head_limit):
            ids = self.head[bottom : bottom + self.per_page]
        else:
            ids = list(self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page])
        found = {row.pk: row for row in self.rows.filter(pk__any=ids)} if ids else {}
        return self._get_page([found[pk] for pk in ids if pk in found], number, self)

    @cached_property
    def _counted(self) -> int:
        return capped_count(self.object_list, self.cap, self.parts)

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.cap)

    @cached_property
    def capped(self) -> bool:
        """More rows match than the pages reach."""
        return self._counted > self.cap


@dataclass(frozen=True)
class Tally:
    """A total shown to people: exact when small, PostgreSQL's estimate when large."""

    value: int
    approximate: bool = False

    def __str__(self) -> str:
        return f"about {self.value:,}" if self.approximate else f"{self.value:,}"


def estimated_count(queryset, exact_below: int = CAP) -> int:
    """How many rows: counted up to `exact_below`, past it PostgreSQL's estimate for the query (EXPLAIN,
    nothing scanned), never less than what was counted. Elsewhere, counted."""
    counted = capped_count(queryset, exact_below)
    connection = connections[queryset.db]
    if counted <= exact_below or connection.vendor != "postgresql":
        return counted if counted <= exact_below else queryset.count()
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return max(int(plan[0]["Plan"]["Plan Rows"]), counted)


def table_total(model, exact_below: int = 10_000) -> Tally:
    """The number of rows of a whole table, without scanning it when it is large.

    On PostgreSQL the planner's estimate (pg_class.reltuples, kept by
    autovacuum/ANALYZE) is used above `exact_below`; below it, and on other
    databases, the count is exact.
    """
    connection = connections[model.objects.db]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table])
            row = cursor.fetchone()
        estimate = row[0] if row else -1
        if estimate >= exact_below:
            return Tally(int(estimate), approximate=True)
    return Tally(model.objects.count())
