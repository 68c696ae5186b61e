import datetime as dt

import pytest

from meetings.extraction.dates import find_dates, parse_published

MONDAY = dt.date(2013, 7, 15)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Updated: 2013-07-15 07:14", "2013-07-15"),
        ("LUANG PRABANG, 29 January 2024 –", "2024-01-29"),
        ("25.06.2022", "2022-06-25"),
        ("Updated: 08/02/2022 - 17:52", "2022-02-08"),  # day first, as European outlets write
        ("Updated: 12/25/2022", "2022-12-25"),  # only month-first makes sense
        ("Published 10 February 2022", "2022-02-10"),
        ("Tue May 17 2022 - 18:45", "2022-05-17"),
        ("July 12, 2016 | 7:42 PM", "2016-07-12"),
        ("10 MAR 2022, 16:05", "2022-03-10"),
        ("ABU DHABI, 29th June, 2021 (WAM) --", "2021-06-29"),
        ("Source: Xinhua | 2023-11-14 09:05:12", "2023-11-14"),
        ("2023-05-19T15:42:10Z", "2023-05-19"),
    ],
)
def test_publication_dates_in_outlet_formats(line, expected):
    assert parse_published(line) == dt.date.fromisoformat(expected)


def test_no_date_is_none():
    assert parse_published("Print Mail Large Medium Small") is None


def resolved(text, future=False, anchor=MONDAY):
    return [(v.date.isoformat() if v.date else None, v.precision) for _, _, v in find_dates(text, anchor, future)]


def test_weekday_of_past_event_is_the_same_or_previous_week():
    assert resolved("met on Saturday") == [("2013-07-13", "day")]
    assert resolved("met on Monday") == [("2013-07-15", "day")]


def test_weekday_of_planned_event_is_the_next_one():
    assert resolved("will travel on Saturday", future=True) == [("2013-07-20", "day")]


def test_last_weekday_is_strictly_before():
    assert resolved("last Monday") == [("2013-07-08", "day")]
    assert resolved("last Wednesday") == [("2013-07-10", "day")]


def test_relative_days():
    assert resolved("today") == [("2013-07-15", "day")]
    assert resolved("yesterday") == [("2013-07-14", "day")]
    assert resolved("tomorrow", future=True) == [("2013-07-16", "day")]


def test_month_day_without_year_takes_the_nearer_year():
    assert resolved("on March 18") == [("2013-03-18", "day")]
    assert resolved("on December 3") == [("2012-12-03", "day")]  # past events do not lie ahead
    assert resolved("on March 18", future=True) == [("2014-03-18", "day")]


def test_ranges_give_their_first_day():
    assert resolved("from 10 to 12 January 2024") == [("2024-01-10", "day")]
    assert resolved("from March 20 to 22", future=True) == [("2014-03-20", "day")]


def test_vague_expressions_have_no_date():
    assert resolved("last week") == [(None, "")]
    assert resolved("in Bali last November") == [(None, "")]


def test_month_and_year_precision():
    assert resolved("in late October 2022") == [("2022-10-01", "month")]
    assert resolved("in 2025", future=True) == [("2025-01-01", "year")]
    assert resolved("will meet in July", future=True) == [("2013-07-01", "month")]


def test_same_day_is_left_to_the_caller():
    ((_, _, value),) = find_dates("on the same day", MONDAY)
    assert value.precision == "same_day" and value.date is None


def test_a_date_in_a_clause_about_another_event_is_not_the_meetings():
    from tests.extraction_helpers import run
    result = run("Foreign Minister Lena Berg received on Thursday Foreign Secretary Ana Duarte, who is paying her "
                 "first visit to Norway since she took office in July.")
    assert [(m["date"], sorted(m["participants"])) for m in result["meetings"]] == [
        ("2024-03-07", ["Ana Duarte", "Lena Berg"])]
