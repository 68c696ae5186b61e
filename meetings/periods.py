"""Periods as people type them: a year (2013), a month (2013-07), a day
(2013-07-13), or a range of those ("2013-07/2014-02", "2013..2014"; an open
end: "2013/" or "/2014"). Plain functions, no Django."""
from __future__ import annotations

import calendar
import datetime as dt
import re

_PART = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_SEPARATOR = re.compile(r"\s*(?:/|\.\.)\s*")


class PeriodError(ValueError):
    pass


def _bounds(text: str) -> tuple[dt.date, dt.date]:
    match = _PART.match(text)
    if not match:
        raise PeriodError(f"“{text}” is not a year, a month or a day.")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        return dt.date(year, month, day), dt.date(year, month, day)
    except ValueError as exc:
        raise PeriodError(f"“{text}” is not a real date.") from exc


def parse_period(text: str) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day of the period `text` names (None for an open end)."""
    text = text.strip()
    parts = _SEPARATOR.split(text)
    if len(parts) == 1:
        return _bounds(parts[0])
    if len(parts) != 2 or not any(parts):
        raise PeriodError("A range is two periods joined by / or .., such as 2013-07/2014-02.")
    start = _bounds(parts[0])[0] if parts[0] else None
    end = _bounds(parts[1])[1] if parts[1] else None
    if start and end and start > end:
        raise PeriodError("The range ends before it starts.")
    return start, end
