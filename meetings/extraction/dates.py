"""Dates in news text: the publication date of an article, and the dates of
events resolved against it ("on Saturday" in a Monday paper is two days
before; "on Saturday" for a planned trip is the Saturday to come).

Regular expressions rather than a general date parser: news writes dates in a
small number of shapes, and the resolution rule (the same or previous week
for past events, the next occurrence for planned ones) is ours to decide.
"""
from __future__ import annotations

import datetime as dt
import re

from .types import DateValue

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# Publication dates, in the shapes outlets print them (checked in this order).
_PUBLISHED_PATTERNS = [
    re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    re.compile(rf"\b(?P<day>\d\d?)[./](?P<mnum>\d\d?)[./]{_YEAR}\b"),  # day first, as most outlets
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
]

# Event dates inside sentences. Each yields (kind, match); kinds are resolved below.
_EVENT_PATTERNS = [
    ("range_day_month", re.compile(rf"\b(?:from\s+)?{_DAY}\s*(?:-|–|to|and)\s*[0-3]?\d(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+{_YEAR})?")),
    ("day_month", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?")),
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s*\d{{3}})(?:,?\s+{_YEAR})?")),
    ("vague", re.compile(r"\b(?:last|next|this|earlier this|later this)\s+(?:week|month|year|weekend|spring|summer|autumn|fall|winter)\b", re.I)),
    ("last_month_name", re.compile(rf"\b(?:last|next|this|earlier this)\s+{_MONTH}\b")),
    ("month_year", re.compile(rf"\b(?:(?:early|mid|late)[- ])?{_MONTH}\s+{_YEAR}\b")),
    ("month_only", re.compile(rf"\b(?:in|since|until|by|from)\s+(?:(?:early|mid|late)[- ])?{_MONTH}\b(?!\s+[0-3]?\d\b)(?!,?\s+(?:19|20)\d\d)")),
    ("weekday", re.compile(r"\b(?P<rel>last|next|this|earlier on|later on|on)?\s*(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("today", re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|(?:earlier|later) in the day)\b", re.I)),
    ("yesterday", re.compile(r"\byesterday\b", re.I)),
    ("tomorrow", re.compile(r"\btomorrow\b", re.I)),
    ("same_day", re.compile(r"\b(?:on\s+)?the same day\b", re.I)),
    ("year", re.compile(rf"\bin\s+{_YEAR}\b")),
]

SAME_DAY = "same_day"


def _month(value: str) -> int:
    return MONTHS[value.lower().rstrip(".")[:4] if value.lower().startswith("sept") else value.lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_published(text: str) -> dt.date | None:
    """The first publication date written in `text` (a header line or a meta value)."""
    for pattern in _PUBLISHED_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else _month(parts["month"])
        day, year = int(parts["day"]), int(parts["year"])
        if parts.get("mnum") and month > 12 and day <= 12:  # month-first after all
            day, month = month, day
        value = _safe_date(year, month, day)
        if value:
            return value
    return None


def parse_month_day(text: str, year: int) -> dt.date | None:
    """'July 8' or '8 July' in a given year (datelines such as 'BEIJING, July 8 (Xinhua)')."""
    for kind in ("day_month", "month_day"):
        pattern = dict(_EVENT_PATTERNS)[kind]
        match = pattern.search(text)
        if match:
            return _safe_date(int(match["year"] or year), _month(match["month"]), int(match["day"]))
    return None


def _weekday(anchor: dt.date, weekday: int, relation: str, future: bool) -> dt.date:
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if relation == "last":
        return anchor - dt.timedelta(days=back or 7)
    if relation == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    return anchor + dt.timedelta(days=ahead) if future else anchor - dt.timedelta(days=back)


def _with_year(anchor: dt.date, month: int, day: int, year: int | None, future: bool) -> dt.date | None:
    if year:
        return _safe_date(year, month, day)
    value = _safe_date(anchor.year, month, day)
    if value is None:
        return None
    # News reports the recent past and the near future: pick the nearer year.
    if not future and value > anchor + dt.timedelta(days=1):
        value = _safe_date(anchor.year - 1, month, day)
    elif future and value < anchor - dt.timedelta(days=1):
        value = _safe_date(anchor.year + 1, month, day)
    return value


def find_dates(text: str, anchor: dt.date | None, future: bool = False) -> list[tuple[int, int, DateValue]]:
    """Every date expression in `text`, resolved against `anchor`, left to right.

    Vague expressions ("last week") are returned with a null date so that they
    are not mistaken for the absence of a date. A `same_day` expression has
    precision SAME_DAY and no date: the caller knows which day it refers to.
    """
    found: list[tuple[int, int, DateValue]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _EVENT_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            value = _resolve(kind, match, anchor, future)
            if value is None:
                continue
            taken.append((start, end))
            found.append((start, end, value))
    found.sort(key=lambda item: item[0])
    return found


def _resolve(kind: str, match: re.Match, anchor: dt.date | None, future: bool) -> DateValue | None:
    phrase = match.group(0).strip()
    if kind == "vague" or kind == "last_month_name":
        return DateValue(None, "", phrase, anchor)
    if kind == SAME_DAY:
        return DateValue(None, SAME_DAY, phrase, anchor)
    groups = match.groupdict()
    if kind == "year":
        return DateValue(dt.date(int(groups["year"]), 1, 1), "year", phrase, anchor)
    if kind == "month_only":
        if anchor is None:
            return DateValue(None, "", phrase, anchor)
        month = _month(groups["month"])
        year = anchor.year
        if future and month < anchor.month:
            year += 1
        elif not future and month > anchor.month:
            year -= 1
        return DateValue(dt.date(year, month, 1), "month", phrase, anchor)
    if kind == "month_year":
        return DateValue(dt.date(int(groups["year"]), _month(groups["month"]), 1), "month", phrase, anchor)
    if kind in ("range_day_month", "day_month", "month_day"):
        day = int(groups["day"])
        if not 1 <= day <= 31:
            return None
        year = int(groups["year"]) if groups.get("year") else None
        if year is None and anchor is None:
            return DateValue(None, "", phrase, anchor)
        value = _with_year(anchor, _month(groups["month"]), day, year, future) if anchor or year else None
        return DateValue(value, "day", phrase, anchor) if value else None
    if anchor is None:
        return DateValue(None, "", phrase, anchor)
    if kind == "weekday":
        relation = (groups.get("rel") or "").lower()
        relation = "last" if relation == "last" else "next" if relation == "next" else ""
        value = _weekday(anchor, WEEKDAYS[groups["weekday"].lower()], relation, future)
        return DateValue(value, "day", phrase, anchor)
    offsets = {"today": 0, "yesterday": -1, "tomorrow": 1}
    return DateValue(anchor + dt.timedelta(days=offsets[kind]), "day", phrase, anchor)
