"""Matching extracted people, organisations and meetings to the records
already in the database: one record per real-world person and meeting.

A match is taken when the evidence is unambiguous (the same normalised name,
a name that contains the other, a spelling variant of the same name in the
same country). When two records fit equally, nothing is guessed: a new record
is made and flagged for a curator with the reason.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from meetings.extraction.names import fold, name_words, same_person
from meetings.models import Meeting, Organisation, OrganisationName, Person, PersonName


def name_key(name: str) -> str:
    """The form a name is stored and matched under. Every stored key comes from
    here: when this changes, `manage.py rekey_names` brings stored keys in line."""
    return fold(name)


def spelling_key(name: str) -> str:
    """A transliteration-tolerant form: 'Sergei'/'Sergey', 'Zelensky'/'Zelenskyy', 'Dmitry'/'Dmitri'."""
    words = []
    for word in name_words(name):
        word = word.replace("yy", "y").replace("ii", "i")
        word = re.sub(r"(?<=[a-z])y$", "i", word)
        word = word.replace("ey", "ei").replace("kh", "h").replace("dmy", "dmi")
        words.append(re.sub(r"(.)\1+", r"\1", word))
    return " ".join(sorted(words))  # "KISHIDA Fumio" and "Fumio Kishida" are one name


@dataclass
class Match:
    record: object | None
    how: str  # "name", "contains", "spelling", "surname", "new"
    note: str = ""  # set when a curator should look


def resolve_person(name: str, aliases: set[str] | None = None, country: str | None = None) -> Match:
    forms = {name, *(aliases or set())}
    full_forms = [f for f in forms if len(name_words(f)) >= 2] or [name]
    keys = {name_key(f) for f in full_forms}
    exact = list(Person.objects.filter(names__key__in=keys).select_related("country").distinct())
    exact = _same_country(exact, country)
    if len(exact) == 1:
        return Match(exact[0], "name")
    if len(exact) > 1:
        return Match(None, "new", f"several people are called {name}: {', '.join(p.name for p in exact[:3])}")

    words = name_words(name)
    if not words:
        return Match(None, "new")
    # Candidates share a word of the name (a surname, a given name).
    query = Q()
    for word in {w for w in words if len(w) >= 3} or set(words):
        query |= Q(names__key__icontains=word)
    candidates = list(Person.objects.filter(query).select_related("country").prefetch_related("names").distinct()[:50])
    candidates = _same_country(candidates, country)
    # Only full names decide: "Wang" (an alias of Wang Yi) is not contained-in "Wang Wenbin" evidence.
    contains = [p for p in candidates if len(words) >= 2 and any(
        len(name_words(n.name)) >= 2 and same_person(n.name, name) for n in p.names.all())]
    if len(contains) == 1:
        return Match(contains[0], "contains")
    # The same words in another order or case: "KISHIDA Fumio" is "Fumio Kishida".
    reordered = [p for p in candidates if len(words) >= 2 and any(
        sorted(name_words(n.name)) == sorted(words) for n in p.names.all())]
    if len(reordered) == 1:
        return Match(reordered[0], "name")
    spelling = spelling_key(name)
    variants = [p for p in candidates if any(
        spelling_key(n.name) == spelling or _transliteration(n.name, name)
        for n in p.names.all() if len(name_words(n.name)) >= 2 or len(words) == 1)]
    variants = [p for p in variants if country and p.country and p.country.code == country] or (
        variants if country is None else [])
    if len(variants) == 1:
        return Match(variants[0], "spelling", f"matched '{name}' to '{variants[0].name}' as a spelling variant")
    if len(words) == 1:
        surname = [p for p in candidates if words[0] in name_words(p.name)]
        if len(surname) == 1 and (country is None or (surname[0].country and surname[0].country.code == country)):
            return Match(surname[0], "surname", f"matched the surname '{name}' to '{surname[0].name}'")
        if len(surname) > 1:
            return Match(None, "new", f"'{name}' could be any of {', '.join(p.name for p in surname[:3])}")
    if len(contains) > 1 or len(variants) > 1:
        found = contains or variants
        return Match(None, "new", f"'{name}' could be any of {', '.join(p.name for p in found[:3])}")
    return Match(None, "new")


def _transliteration(a: str, b: str) -> bool:
    """'Dmitry Kuleba' and 'Dmytro Kuleba': the same surname, given names with one initial."""
    wa, wb = name_words(a), name_words(b)
    return len(wa) >= 2 and len(wb) >= 2 and wa[-1] == wb[-1] and wa[0][0] == wb[0][0] and wa[0] != wb[0] \
        and len(wa) == len(wb)


def _same_country(people: list[Person], country: str | None) -> list[Person]:
    """People of another country are other people; unknown countries do not decide."""
    if not country:
        return people
    return [p for p in people if p.country is None or p.country.code == country]


def resolve_organisation(name: str, acronym: str | None = None, aliases: set[str] | None = None) -> Match:
    keys = {name_key(f) for f in {name, acronym, *(aliases or set())} if f}
    found = list(Organisation.objects.filter(names__key__in=keys).distinct()[:3])
    if len(found) == 1:
        return Match(found[0], "name")
    if len(found) > 1:
        return Match(None, "new", f"several organisations are called {name}")
    return Match(None, "new")


def resolve_meeting(*, status: str, date: dt.date | None, people: list[Person], country_code: str | None,
                    kind: str) -> Match:
    """The meeting of the same people, status and day; a day apart is the same meeting with competing dates."""
    ids = {p.pk for p in people if p.pk}
    if not ids:
        return Match(None, "new")
    candidates = Meeting.objects.filter(status=status, participations__person_id__in=ids).distinct()
    if date:
        candidates = candidates.filter(Q(date__isnull=True) | Q(date__range=(date - dt.timedelta(days=1), date + dt.timedelta(days=1))))
    else:
        candidates = candidates.filter(date__isnull=True) if status == "planned" else candidates
    scored = []
    for meeting in candidates.select_related("country").prefetch_related("participations")[:50]:
        theirs = {p.person_id for p in meeting.participations.all()}
        overlap = len(theirs & ids) / len(theirs | ids)
        if country_code and meeting.country_id and meeting.country.code != country_code:
            continue
        if (kind == "call") != (meeting.kind == "call"):
            continue  # a phone call and a meeting in person are two events
        if (date is None) != (meeting.date is None) and not (country_code and meeting.country_id):
            continue  # an undated report matches a dated one only where both say where it was
        if overlap >= 0.5 or (len(ids) == 1 and ids <= theirs) or (len(theirs) == 1 and theirs <= ids):
            same_day = bool(date and meeting.date == date)
            scored.append((overlap + same_day, meeting))
    if not scored:
        return Match(None, "new")
    scored.sort(key=lambda item: -item[0])
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return Match(None, "new", f"could be any of {', '.join(m.title for _, m in scored[:3])}")
    meeting = scored[0][1]
    note = ""
    if date and meeting.date and meeting.date != date:
        note = f"sources disagree on the date: {meeting.date} or {date}"
    return Match(meeting, "meeting", note)


def remember_person_names(person: Person, names: set[str]) -> None:
    existing = set(person.names.values_list("key", flat=True))
    new = []
    for name in sorted(names):  # a stable order: the same import gives the same rows
        key = name_key(name)
        if key and key not in existing:
            existing.add(key)
            new.append(PersonName(person=person, name=name, key=key))
    PersonName.objects.bulk_create(new)


def remember_organisation_names(organisation: Organisation, names: set[str]) -> None:
    existing = set(organisation.names.values_list("key", flat=True))
    new = []
    for name in sorted(n for n in names if n):
        key = name_key(name) if name else ""
        if key and key not in existing:
            existing.add(key)
            new.append(OrganisationName(organisation=organisation, name=name, key=key))
    OrganisationName.objects.bulk_create(new)


def names_rekey(*, dry_run: bool = False) -> Counter:
    """Recompute every stored name key with `name_key`. Two names of one record that
    now share a key become one row. Returns counts of rows re-keyed and merged."""
    from .locks import hold_record_writes_lock

    counts = Counter()
    with transaction.atomic():
        hold_record_writes_lock()  # no import adds names while they are rewritten
        for model, owner, label in ((PersonName, "person_id", "person"),
                                    (OrganisationName, "organisation_id", "organisation")):
            seen, stale, gone = set(), [], []
            for row in model.objects.order_by(owner, "pk").iterator(chunk_size=2000):
                key = name_key(row.name)
                if not key or (getattr(row, owner), key) in seen:
                    gone.append(row.pk)
                    continue
                seen.add((getattr(row, owner), key))
                if row.key != key:
                    row.key = key
                    stale.append(row)
            # Deleted and written anew rather than updated in place, so that no
            # intermediate state breaks the one-key-per-record constraint.
            model.objects.filter(pk__in=gone + [row.pk for row in stale]).delete()
            model.objects.bulk_create(stale, batch_size=2000)
            counts[f"{label} names re-keyed"] += len(stale)
            counts[f"{label} names merged"] += len(gone)
        if dry_run:
            transaction.set_rollback(True)
    return counts
