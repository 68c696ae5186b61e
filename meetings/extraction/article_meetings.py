"""Meetings completed from the article as a whole: a summit's date, forum and place from the lede,
a readout's day from the date of publication, a place from the dateline, the kind (bilateral,
multilateral, call) from the sides present, a host's country, and a title for each meeting."""
from __future__ import annotations

from . import countries as C
from . import organisations as O
from .dates import find_dates
from .lexicon import EXPERT_HEADS
from .reader import DATELINE
from .types import Article, DateValue, Meeting

def summit_from_lede(meetings: list[Meeting], article: Article, paragraphs, named: set[str]) -> None:
    """A summit the story is about is told in its first paragraph: 'leaders gathered in Addis Ababa on
    Saturday for the annual summit'. A summit told later without date or place takes the lede's."""
    first = next((p for p in paragraphs if p.kind == "body"), None)
    if first is None:
        return
    for meeting in meetings:
        if not meeting.summit_like or not meeting.event or meeting.event not in first.text.lower():
            continue
        if meeting.date.date is None and not meeting.date.phrase:  # "next week" says it is not the lede's day
            text = first.text
            dateline = DATELINE.match(text)
            found = [d for s, _, d in find_dates(text, article.published, meeting.status == "planned") if d.date and (not dateline or s >= dateline.end())]
            if found:
                meeting.date = found[0]
        if not meeting.organisation:
            for found in O.find_organisations(first.text):
                known = O.known_organisation(found.text) or O.known_organisation(found.value)
                if known and known[2] == "intergovernmental":
                    meeting.organisation = known[0]
                    break
        if not meeting.place and not meeting.country and article.dateline:
            code = C.city_country(article.dateline, named)
            if code:
                meeting.place, meeting.country = article.dateline, code
    for meeting in meetings:
        if meeting.sidelines and meeting.parent is not None:
            meeting.place = meeting.place or meeting.parent.place
            meeting.country = meeting.country or meeting.parent.country


def date_from_lede(meetings: list[Meeting], article: Article, paragraphs) -> None:
    """A readout's lede tells the day's meeting without a date ('Vladimir Putin had a telephone
    conversation with ...'): it took place on the day of publication."""
    first = next((p for p in paragraphs if p.kind == "body"), None)
    if first is None or article.published is None:
        return
    for meeting in meetings:
        if meeting.status == "held" and meeting.date.date is None and not meeting.date.phrase \
                and first.start <= meeting.start < first.end:
            meeting.date = DateValue(article.published, "day", "", article.published)
            meeting.confidence = min(meeting.confidence, 0.6)


def place_from_dateline(meetings: list[Meeting], article: Article, paragraphs, named: set[str]) -> None:
    """A meeting told in the dateline paragraph without a place was held where the story was filed."""
    city = article.dateline
    code = C.city_country(city, named)
    if not city or not code:
        return
    first = next((p for p in paragraphs if p.kind == "body"), None)
    if first is None:
        return
    for meeting in meetings:
        if meeting.status == "held" and meeting.kind != "call" and not meeting.country \
                and first.start <= meeting.start < first.end:
            meeting.place, meeting.country = meeting.place or city, code


def finish_meetings(meetings: list[Meeting], named: set[str]) -> None:
    for meeting in meetings:
        if meeting.kind != "call" and not meeting.sidelines:
            # Sides are the countries and bodies represented; people of no known side count as one more.
            known = {p.country or p.organisation for p in meeting.participants if p.country or p.organisation}
            sides = known | ({"?"} if any(not (p.country or p.organisation) for p in meeting.participants) else set())
            if meeting.summit_like and meeting.organisation:
                meeting.kind = "multilateral"
            elif len(sides) >= 3 and len(meeting.participants) >= 3:
                meeting.kind = "multilateral"
            elif meeting.kind == "multilateral" and len(sides) <= 2 and not meeting.summit_like:
                meeting.kind = "bilateral"
        if meeting.sidelines:
            meeting.organisation = None
        if meeting.place and not meeting.country:
            meeting.country = C.city_country(meeting.place.split(", ")[-1], named)
        meeting.title = _title(meeting)


def hosts_of(meetings: list[Meeting]) -> None:
    """An official of no stated country who met, in country C, people who all come from elsewhere
    is C's host: 'the Speaker of Zambia called on President Mnangagwa at State House, Harare'."""
    for meeting in meetings:
        if meeting.kind == "call" or meeting.status != "held" or not meeting.country:
            continue
        unknown = [p for p in meeting.participants if not p.country and not p.organisation and p.role
                   and not any(w in EXPERT_HEADS for w in p.role.lower().split())]
        known = [p for p in meeting.participants if p.country]
        if len(unknown) == 1 and known and all(p.country != meeting.country for p in known):
            unknown[0].country = meeting.country


def _title(meeting: Meeting) -> str:
    names = [p.name for p in meeting.participants]
    where = f" in {meeting.place.split(', ')[-1]}" if meeting.place else (
        f" in {C.country_name(meeting.country)}" if meeting.country else "")
    if meeting.kind == "call":
        return f"Call between {' and '.join(names[:2])}" if len(names) > 1 else f"Call with {names[0]}"
    event = meeting.event if meeting.event not in {"", "visit", "trip", "tour"} else ""
    if meeting.status == "planned" and len(names) == 1 and not event:
        return f"{names[0]}: planned visit{where}"
    if meeting.kind == "multilateral":
        if meeting.organisation:
            return f"{meeting.organisation} {event or 'meeting'}{where}"
        return f"{(event or 'meeting').capitalize()} with {_names(names)}{where}"
    if len(names) >= 2:
        first = meeting.participants[0]
        side = first.country or first.organisation
        other = next((p for p in meeting.participants[1:] if (p.country or p.organisation) != side or side is None),
                     meeting.participants[1])
        verb = "to meet" if meeting.status == "planned" else "meets"
        return f"{first.name} {verb} {other.name}{where}"
    if len(names) == 1:
        return f"Meeting with {names[0]}{where}"
    return f"Meeting of {', '.join(names[:3])}{where}"


def _names(names: list[str]) -> str:
    if len(names) <= 3:
        return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
    return f"{', '.join(names[:2])} and {len(names) - 2} others"
