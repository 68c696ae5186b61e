"""Refuse request values that no page can use before they reach a view.

PostgreSQL rejects a NUL character in a text parameter with an error, so a
NUL in a path or a parameter would end as a 500 wherever a value is looked
up; an unbounded parameter grows queries without limit. Checking here keeps
every view, filter and admin page safe, including those added later, without
a check in each one.
"""
from __future__ import annotations

from django.core.exceptions import BadRequest
from django.http import Http404

# A backstop far above any slug, code, date or search a page accepts: values up to
# it reach the filter forms, which bound each field (a search to 200 characters and
# 12 words) and say so on the page; beyond it the request is refused outright.
MAX_PARAMETER_LENGTH = 2000


class HostileInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            raise Http404("No such page.")  # no record has a NUL in its address
        _check(request.GET, bounded=True)
        if request.method == "POST":
            # Pasted articles are long: POST values are bounded by their forms.
            _check(request.POST, bounded=False)
        return self.get_response(request)


def _check(params, *, bounded: bool) -> None:
    for key, values in params.lists():
        for text in (key, *values):
            if "\x00" in text:
                raise BadRequest(f"The parameter {key[:40]!r} contains a NUL character.")
            if bounded and len(text) > MAX_PARAMETER_LENGTH:
                raise BadRequest(f"The parameter {key[:40]!r} is longer than {MAX_PARAMETER_LENGTH} characters.")
