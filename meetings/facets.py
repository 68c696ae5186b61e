"""Facets beside each list (Datasette-style): for each facet, how many results
each value would leave given the other filters, as links that add or remove
that filter; and the active filters, each removable on its own."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from django.http import QueryDict

NOT_FILTERS = {"page", "format", "o"}

# Facets count the first rows of the list in the model's own order (newest first for meetings, statements
# and articles), read from that order's index: counting every row of an unfiltered list took 14 s over
# a million statements. A list with more results says its facets are counts among these rows.
FACET_ROWS = 200


@dataclass
class Choice:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    param: str
    label: str
    choices: list[Choice]
    clear_url: str | None  # None when the facet's filter is not in use


@dataclass
class FacetSpec:
    param: str
    label: str
    count: Callable  # queryset -> [(value, label, count)], from querysets.FacetQuerySet
    limit: int = 12
    labels: dict | None = None  # value -> label, for choices (status "held" -> "Held")


@dataclass
class ActiveFilter:
    param: str
    label: str
    value: str
    clear_url: str


def url_with(params: QueryDict, param: str, value: str | None) -> str:
    """The list's URL with `param` set to `value` (removed when None), back on page one."""
    params = params.copy()
    for key in ("page", "format"):
        params.pop(key, None)
    params.pop(param, None)
    if value is not None:
        params[param] = value
    return f"?{params.urlencode()}" if params else "?"


def compute(filterset_class, params: QueryDict, queryset, specs: list[FacetSpec], filtered=None) -> list[Facet]:
    """Each facet counted over the list filtered by every other filter: a fixed number of queries.

    `filtered` is the list itself (every filter applied), when the page has it already: the facets
    whose own filter is not in use count over it rather than filter again (a search would run twice).
    Nothing is counted while a filter value is invalid: the page is showing that error.
    """
    facets = []
    first_rows = {}  # the facets whose own filter is not in use share one list of rows
    model = queryset.model
    if filtered is not None:
        own = params.copy()
        for key in NOT_FILTERS:
            own.pop(key, None)
        first_rows[own.urlencode()] = list(filtered.order_by(*model._meta.ordering).values_list("pk", flat=True)
                                           [:FACET_ROWS])
    for spec in specs:
        others = params.copy()
        for key in NOT_FILTERS | {spec.param}:
            others.pop(key, None)
        key = others.urlencode()
        if key not in first_rows:
            filterset = filterset_class(others, queryset=queryset)
            if not filterset.is_valid():
                return []
            # The ids as values, not a subquery: the planner then looks the rows up by id instead of
            # scanning the table to join them (99 ms for the meetings' status facet).
            first_rows[key] = list(filterset.qs.order_by(*model._meta.ordering).values_list("pk", flat=True)
                                   [:FACET_ROWS])
        matching = model._default_manager.filter(pk__in=first_rows[key])
        selected = params.get(spec.param, "")
        rows = [(v, (spec.labels or {}).get(v, label), n) for v, label, n in spec.count(matching)]
        shown = rows[: spec.limit]
        shown += [row for row in rows[spec.limit :] if row[0] == selected]  # the chosen value stays in view
        choices = [
            Choice(value, label, n, value == selected, url_with(params, spec.param, None if value == selected else value))
            for value, label, n in shown
        ]
        facets.append(Facet(spec.param, spec.label, choices, url_with(params, spec.param, None) if selected else None))
    return facets


def active_filters(filterset, params: QueryDict, facets: list[Facet]) -> list[ActiveFilter]:
    """The filters in use, named as the page names them, each with the link that drops it alone."""
    labels = {(f.param, c.value): c.label for f in facets for c in f.choices}
    active = []
    for param, value in params.items():
        if param in NOT_FILTERS or not value.strip() or param not in filterset.filters:
            continue
        label = filterset.filters[param].label or param
        active.append(ActiveFilter(param, str(label), labels.get((param, value), value), url_with(params, param, None)))
    return active
