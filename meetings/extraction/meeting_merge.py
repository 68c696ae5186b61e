"""Merging the meetings an article tells more than once ("the talks", "the meeting", "during
his visit") into one record per real meeting, and nesting side meetings in their summit."""
from __future__ import annotations

from .types import Meeting

# The rule of a gathering told without its people, kept for the people told afterwards to join.
UNNAMED_GATHERING = "unnamed gathering"
# "X attended the talks": one more person at a meeting told before, dated and placed by its own sentence.
ATTENDED_TOLD_BEFORE = "attended the talks"
# Attendance told as speaking to, or sitting for a country at, the gathering rather than any meeting.
TO_THE_GATHERING = {"represented at", "briefed those present"}


def _same_gathering(a: Meeting, b: Meeting) -> bool:
    """Two mentions of a summit are one when they share a forum, a place or a person, or one says nothing of either."""
    if a.organisation and a.organisation == b.organisation:
        return True
    if a.place and b.place and (a.place in b.place or b.place in a.place):
        return True
    if set(map(id, a.participants)) & set(map(id, b.participants)):
        return True
    return not (a.place and b.place) and not (a.organisation and b.organisation) and (a.date.date == b.date.date or not a.date.date or not b.date.date)


def _same_destination(visit: Meeting, meeting: Meeting) -> bool:
    """A planned visit to a country is the planned meeting with that country's people."""
    if visit.status == "held" or not visit.country:
        return True
    if meeting.country:
        return meeting.country == visit.country
    hosts = [p for p in meeting.participants if p not in visit.participants]
    known = [p.country for p in hosts if p.country]
    # "X will travel to Washington for talks with President Y": hosts of no stated country may be the visited's.
    return visit.country in known if known else bool(hosts)


def _compatible_dates(a: Meeting, b: Meeting) -> bool:
    return a.date.date is None or b.date.date is None or a.date.date == b.date.date


def _compatible_places(a: Meeting, b: Meeting) -> bool:
    return not (a.place and b.place) or a.place in b.place or b.place in a.place


def _absorb(into: Meeting, other: Meeting) -> None:
    for person in other.participants:
        if person not in into.participants:
            into.participants.append(person)
    if into.date.date is None and other.date.date is not None:
        into.date = other.date
    into.place = into.place or other.place
    into.country = into.country or other.country
    into.organisation = into.organisation or other.organisation
    into.summit_like = into.summit_like or other.summit_like
    into.unnamed_party = into.unnamed_party or other.unnamed_party
    into.told.extend(other.told)
    if other.kind == "call":
        into.kind = "call"
    into.confidence = max(into.confidence, other.confidence)


def merge_meetings(meetings: list[Meeting]) -> list[Meeting]:
    """One record per real meeting: the same event told several times is merged."""
    additions = [m for m in meetings if m.rule == "addition"]
    meetings = [m for m in meetings if m.rule != "addition"]
    result: list[Meeting] = []
    # Gatherings first: everyone who attended, chaired or addressed "the summit" met there.
    for meeting in meetings:
        target = None
        for existing in result:
            if existing.status != meeting.status:
                continue
            same_people = set(map(id, existing.participants)) == set(map(id, meeting.participants))
            if meeting.summit_like and existing.summit_like and _compatible_dates(existing, meeting) and (
                not meeting.organisation or not existing.organisation or meeting.organisation == existing.organisation
            ) and _same_gathering(existing, meeting):
                target = existing
            elif same_people and _compatible_dates(existing, meeting) and (
                meeting.status == "held" or meeting.country == existing.country or not meeting.country or not existing.country
            ):
                target = existing
            if target:
                break
        if target:
            _absorb(target, meeting)
        else:
            result.append(meeting)
    # A held meeting with one known participant ("he spoke at a meeting", "the meeting was attended by")
    # belongs to a meeting of that person told elsewhere.
    final: list[Meeting] = [m for m in result if not m.participants]  # gatherings waiting for their people
    singles = [m for m in result if len(m.participants) == 1]
    multi = [m for m in result if len(m.participants) >= 2]
    for single in singles:
        candidates = [m for m in multi if m.status == single.status and single.participants[0] in m.participants
                      and _compatible_dates(m, single) and _same_destination(single, m)]
        if not candidates and (single.status == "planned" or single.summit_like or single.unnamed_party):
            # A planned visit, a summit with one named participant, a call with "the Secretary-General".
            final.append(single)
            continue
        if not candidates:
            # "The meeting was attended by X": X joins the meeting told just before.
            continue
        candidates.sort(key=lambda m: (not (m.summit_like and single.summit_like), not m.summit_like if single.summit_like else False,
                                       abs(m.start - single.start)))
        _absorb(candidates[0], single)
    final = multi + final
    final.sort(key=lambda m: m.start)
    # "The meeting was attended by X": X joins the meeting told just before.
    for addition in additions:
        before = [m for m in final if m.status == "held" and m.start <= addition.start
                  and (len(m.participants) >= 2 or m.rule == UNNAMED_GATHERING or m.summit_like or m.unnamed_party)]
        if addition.trigger in TO_THE_GATHERING:
            before = [m for m in before if m.summit_like] or before
        if addition.trigger == ATTENDED_TOLD_BEFORE:  # not a meeting of another day or place
            before = [m for m in before if _compatible_dates(m, addition) and _compatible_places(m, addition)]
        # "the meeting" of someone already at one is that one.
        theirs = [m for m in before if set(map(id, addition.participants)) & set(map(id, m.participants))]
        if theirs or before:
            target = (theirs or before)[-1]
            target.told.extend(addition.told)
            for person in addition.participants:
                if person not in target.participants:
                    target.participants.append(person)
        elif len(addition.participants) >= 2 and (addition.date.date or addition.trigger == ATTENDED_TOLD_BEFORE):
            # "Among those at the talks in Geneva on Friday were A, B and C": a meeting told only so.
            addition.rule = UNNAMED_GATHERING
            addition.kind = "multilateral" if len(addition.participants) >= 3 else "bilateral"
            final.append(addition)
    final = [m for m in final if m.participants]
    final.sort(key=lambda m: m.start)
    # A meeting on the sidelines of a summit was held where the summit was.
    for meeting in final:
        if meeting.sidelines:
            summits = [m for m in final if m.summit_like and m is not meeting and m.status == meeting.status]
            if summits:
                meeting.parent = summits[0]
                meeting.place = meeting.place or summits[0].place
                meeting.country = meeting.country or summits[0].country
                if meeting.date.date is None:
                    meeting.date = summits[0].date
    return final
