"""Plain functions that shape what the detail pages show over time: a
person's timeline and offices, and the geometry of the meetings-per-year
chart (server-rendered SVG). No queries here: they take what the views fetched."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass
class Entry:
    date: dt.date | None
    kind: str  # "meeting" or "statement"
    record: object


def timeline(participations, statements) -> list[Entry]:
    """Meetings and statements in one list, newest first, a day's meeting before what was said that day;
    undated ones last."""
    entries = [Entry(p.meeting.date, "meeting", p) for p in participations]
    entries += [Entry(s.date, "statement", s) for s in statements]
    entries.sort(key=lambda e: (e.date is not None, e.date or dt.date.min, e.kind == "meeting"), reverse=True)
    return entries


@dataclass
class Office:
    role: str
    first: dt.date | None
    last: dt.date | None
    times: int


def merge_offices(*row_sets) -> list[Office]:
    """Offices from several sources (meetings, statements) merged by name, the earliest first.

    Names differing only in case are one office ("Foreign Minister", "foreign minister").
    """
    merged: dict[str, Office] = {}
    for rows in row_sets:
        for row in rows:
            key = " ".join(row["role"].split()).casefold()
            office = merged.get(key)
            if office is None:
                merged[key] = Office(row["role"], row["first"], row["last"], row["times"])
                continue
            office.times += row["times"]
            office.first = min((d for d in (office.first, row["first"]) if d), default=None)
            office.last = max((d for d in (office.last, row["last"]) if d), default=None)
    return sorted(merged.values(), key=lambda o: (o.first is None, o.first or dt.date.max, o.role))


@dataclass
class Bar:
    year: int
    count: int
    x: float
    y: float
    width: float
    height: float
    label: bool  # whether the year is written under the bar

    @property
    def middle(self) -> float:
        return round(self.x + self.width / 2, 1)


@dataclass
class Chart:
    width: int
    height: int
    bars: list[Bar]
    top: int  # the largest count, written on the axis
    baseline: float


def year_chart(counts: list[tuple[int, int]], width: int = 640, height: int = 190, max_labels: int = 7) -> Chart | None:
    """Bars for each year from the first to the last with meetings, empty years included."""
    if not counts:
        return None
    by_year = dict(counts)
    years = list(range(min(by_year), max(by_year) + 1))
    top = max(by_year.values())
    left, bottom, gap = 34, 26, 2
    slot = min((width - left) / len(years), 56)  # a year or two stay bars, not a wall
    plot = height - bottom - 8
    step = -(-len(years) // max_labels)  # label every step-th year so the labels never overlap
    bars = []
    for i, year in enumerate(years):
        count = by_year.get(year, 0)
        bar_height = plot * count / top
        bars.append(Bar(year, count, round(left + i * slot + gap / 2, 1), round(8 + plot - bar_height, 1),
                        round(max(slot - gap, 1), 1), round(bar_height, 1), (len(years) - 1 - i) % step == 0))
    return Chart(width, height, bars, top, 8 + plot)
