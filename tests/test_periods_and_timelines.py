"""Plain functions behind the browsing pages: periods as typed, timelines,
offices over time and the chart's geometry."""
import datetime as dt
from types import SimpleNamespace

import pytest

from meetings.periods import PeriodError, parse_period
from meetings.timelines import merge_offices, timeline, year_chart

D = dt.date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2013", (D(2013, 1, 1), D(2013, 12, 31))),
        ("2024-02", (D(2024, 2, 1), D(2024, 2, 29))),
        ("2013-07-13", (D(2013, 7, 13), D(2013, 7, 13))),
        ("2013-07/2014-02", (D(2013, 7, 1), D(2014, 2, 28))),
        ("2013..2014", (D(2013, 1, 1), D(2014, 12, 31))),
        ("2013/", (D(2013, 1, 1), None)),
        ("/2014-06", (None, D(2014, 6, 30))),
    ],
)
def test_periods_as_people_type_them(text, expected):
    assert parse_period(text) == expected


@pytest.mark.parametrize("text", ["yesterday", "2013-13", "2013-02-30", "2014/2013", "/", "2013/2014/2015"])
def test_bad_periods_say_why(text):
    with pytest.raises(PeriodError):
        parse_period(text)


def test_timeline_is_newest_first_with_undated_last():
    meeting = lambda d: SimpleNamespace(meeting=SimpleNamespace(date=d))
    said = lambda d: SimpleNamespace(date=d)
    entries = timeline([meeting(D(2013, 7, 13)), meeting(None)], [said(D(2024, 4, 9)), said(D(2013, 7, 14))])
    assert [(e.kind, e.date) for e in entries] == [
        ("statement", D(2024, 4, 9)), ("statement", D(2013, 7, 14)), ("meeting", D(2013, 7, 13)), ("meeting", None)
    ]


def test_offices_merge_across_sources_and_case():
    from_meetings = [{"role": "Foreign Minister", "first": D(2013, 7, 13), "last": D(2020, 1, 1), "times": 3},
                     {"role": "Vice Premier", "first": None, "last": None, "times": 1}]
    from_statements = [{"role": "foreign  minister", "first": D(2012, 5, 1), "last": D(2013, 1, 1), "times": 2}]
    offices = merge_offices(from_meetings, from_statements)
    assert [(o.role, o.first, o.last, o.times) for o in offices] == [
        ("Foreign Minister", D(2012, 5, 1), D(2020, 1, 1), 5), ("Vice Premier", None, None, 1)
    ]


def test_chart_fills_empty_years_and_scales_to_the_largest():
    chart = year_chart([(2013, 4), (2016, 2)])
    assert [b.year for b in chart.bars] == [2013, 2014, 2015, 2016]
    assert [b.count for b in chart.bars] == [4, 0, 0, 2]
    tallest, _, _, half = chart.bars
    assert tallest.height == pytest.approx(2 * half.height) and tallest.y + tallest.height == pytest.approx(chart.baseline)
    assert year_chart([]) is None


def test_chart_labels_never_crowd():
    chart = year_chart([(1990, 1), (2024, 3)], max_labels=12)
    assert 1 < sum(b.label for b in chart.bars) <= 12 and chart.bars[-1].label


def test_a_single_year_is_a_bar_not_a_wall():
    chart = year_chart([(2013, 1)], width=640)
    assert chart.bars[0].width < 640 / 4
