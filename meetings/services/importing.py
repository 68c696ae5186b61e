"""Importing articles: read -> extract -> persist, one transaction per article.

`article_import` is idempotent: an article whose file is already stored (the
same SHA-256 of its bytes) creates nothing, unless `update=True`, which
replaces exactly the records derived from that article. Curated values win: a
field listed in a record's `locked_fields` is never overwritten, and a record a
curator reviewed or edited is kept, once. Concurrent imports take turns for
their writes (services/locks.py); extraction runs outside the transaction.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from meetings.extraction import types as x
from meetings.extraction.pipeline import extract
from meetings.extraction.reader import decode, parse_html, parse_text
from meetings.extraction.types import ArticleError
from meetings.models import (
    Article, ArticleFile, Country, Meeting, MeetingSource, Organisation, Participation, Person, Statement,
)

from . import counters, resolution
from .locks import hold_record_writes_lock

log = logging.getLogger(__name__)

LOW_CONFIDENCE = 0.7


@dataclass
class ImportResult:
    """What one article's import did; `status` is imported, updated, duplicate or failed."""

    name: str
    status: str
    article: Article | None = None
    error: str = ""
    created: Counter = field(default_factory=Counter)
    matched: Counter = field(default_factory=Counter)
    flagged: list[str] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)  # participations this import confirmed
    # What existing records this import changed counted in before it changed them (a matched meeting
    # given a date moves out of its countries' undated count).
    touched_before: counters.Touched = field(default_factory=counters.Touched)
    log: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, what, "new" or "matched ...")

    def note(self, kind: str, what: str, matched_to: str | None, doubt: str = "") -> None:
        """Count a record created or matched, and say why a curator should look when in doubt."""
        (self.matched if matched_to else self.created)[_PLURAL[kind]] += 1
        how = f"matched {matched_to}" if matched_to else "new"
        self.log.append((kind, what, how + (f" — {doubt}" if doubt else "")))
        if doubt:
            self.flagged.append(f"{kind} {what}: {doubt}")


_PLURAL = {"organisation": "organisations", "person": "people", "meeting": "meetings"}


class DryRun(Exception):
    """Raised inside the transaction of a preview so that nothing is kept."""


def content_hash(data: bytes) -> str:
    """The article's identity: the SHA-256 of its file's bytes, not of the text a reader
    extracts from them (a newer HTML reader must not make the same page a new article)."""
    return hashlib.sha256(data).hexdigest()


@dataclass
class Prepared:
    """An article read and checked, ready for extraction: its name, bytes, hash and parsed text."""

    name: str
    raw: bytes
    digest: str
    parsed: x.Article


def article_prepare(*, path: str | Path | None = None, text: str | None = None, raw: bytes | None = None,
                    filename: str = "", published: dt.date | None = None, source: str = "") -> Prepared:
    """Read an article from a file, or from its text (and the bytes it was decoded from, when it
    was uploaded). Raises ArticleError, naming the article, when it cannot be read."""
    name = filename or (Path(path).name if path else "pasted article")
    if path is not None:
        raw = _read(path)
        text = decode(raw, path)
    elif raw is None:
        raw = (text or "").encode("utf-8")
    parsed = _parse_text(text or "", name, published, source)
    return Prepared(name, raw, content_hash(raw), parsed)


def article_duplicate(prepared: Prepared, *, update: bool = False) -> ImportResult | None:
    """The "duplicate" result when the article is stored already and not to be updated: its
    extraction can be spared."""
    existing = _stored(prepared.digest, prepared.parsed)
    return ImportResult(prepared.name, "duplicate", article=existing) if existing and not update else None


def extraction_failed(name: str, reason: str) -> ImportResult:
    """A bug on one article must not stop a folder's import: it fails alone, with the reason."""
    return ImportResult(name, "failed", error=f"{name}: extraction failed: {reason}")


def article_import(*, path: str | Path | None = None, text: str | None = None, raw: bytes | None = None,
                   filename: str = "", published: dt.date | None = None, source: str = "",
                   update: bool = False, dry_run: bool = False) -> ImportResult:
    """Import one article: read, extract, store. Never raises for a bad article: the result
    names the article and says what failed, and the database is left as it was."""
    try:
        prepared = article_prepare(path=path, text=text, raw=raw, filename=filename, published=published,
                                   source=source)
    except ArticleError as exc:
        return ImportResult(filename or (Path(path).name if path else "pasted article"), "failed", error=str(exc))
    duplicate = article_duplicate(prepared, update=update)
    if duplicate:
        return duplicate
    try:
        extraction = extract(prepared.parsed)
    except Exception as exc:  # noqa: BLE001 (any bug in the engine fails this article alone)
        log.exception("extraction of %s failed", prepared.name)
        return extraction_failed(prepared.name, f"{type(exc).__name__}: {exc}")
    return article_store(prepared, extraction, update=update, dry_run=dry_run)


def article_store(prepared: Prepared, extraction: x.Extraction, *, update: bool = False,
                  dry_run: bool = False) -> ImportResult:
    """Store what was extracted from an article, in one transaction (none of it when it fails,
    or for a `dry_run`, whose result still says what would be created and matched)."""
    name, raw, digest, parsed = prepared.name, prepared.raw, prepared.digest, prepared.parsed
    try:
        with transaction.atomic():
            hold_record_writes_lock()
            # Asked again under the lock: another import may have stored it meanwhile.
            existing = _stored(digest, parsed)
            if existing and not update:
                return ImportResult(name, "duplicate", article=existing)
            result = ImportResult(name, "updated" if existing else "imported")
            touched = counters.touched_by(Article, [existing.pk]) if existing else counters.Touched()
            kept = _remove_derived(existing) if existing else _Kept()
            result.article = _persist(parsed, extraction, raw, digest, existing, kept, result)
            # Participations this article gave before and no longer gives go too,
            # unless a curator has reviewed or edited them.
            Participation.objects.filter(pk__in=kept.participations - result.seen, reviewed=False,
                                         locked_fields=[]).delete()
            touched |= result.touched_before | counters.touched_by(Article, [result.article.pk])
            counters.counters_refresh(touched)
            if dry_run:
                raise DryRun
    except DryRun:
        result.article = None
    except Exception as exc:
        log.exception("import of %s failed", name)
        return ImportResult(name, "failed", error=f"{name}: {type(exc).__name__}: {exc}")
    return result


def _stored(digest: str, parsed: x.Article) -> Article | None:
    """The article already stored from this file. Articles imported before the file's bytes
    were kept were stored under the hash of their text: they are found by it, and an
    update moves them to the hash of their file."""
    return Article.objects.filter(content_hash=digest).first() or Article.objects.filter(
        content_hash=hashlib.sha256(parsed.text.encode("utf-8")).hexdigest(), file__isnull=True).first()


def _read(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot be read ({exc.strerror or exc})") from exc


_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def _parse_text(text: str, name: str, published, source) -> x.Article:
    if not text.strip():
        raise ArticleError(f"{name}: the article is empty")
    if "\x00" in text:
        raise ArticleError(f"{name}: not a text file (binary content)")
    looks_html = name.lower().endswith(_HTML_SUFFIXES) or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))
    article = parse_html(text, published=published, source=source) if looks_html else parse_text(text, published=published, source=source)
    article.filename = name
    if not any(p.kind == "body" for p in article.paragraphs):
        raise ArticleError(f"{name}: no story text found")
    return article


def read_upload(data: bytes, name: str) -> str:
    """Decode an uploaded file, with the same checks as a file on disk."""
    return decode(data, name)


@dataclass
class _Kept:
    """What an update keeps of an article's earlier import for the new one to respect."""

    participations: set[int] = field(default_factory=set)  # to be confirmed or removed
    statements: list[Statement] = field(default_factory=list)  # curated: never made twice

    def statement(self, start: int | None, end: int | None, text: str) -> Statement | None:
        """The curated statement that already tells this passage (its text may have been corrected)."""
        for kept in self.statements:
            if None not in (start, end, kept.start, kept.end) and start < kept.end and kept.start < end:
                return kept
            if kept.text == text:
                return kept
        return None


def _remove_derived(article: Article) -> _Kept:
    """Delete what an earlier import of `article` made, keeping curated records: those a
    curator reviewed or edited (locked fields) stay, and the re-import does not add them again.

    Also returns the participations this article gave to meetings that stay (told by
    other articles too, or curated): the re-import confirms or removes them.
    """
    meeting_ids = set(article.meeting_sources.values_list("meeting_id", flat=True))
    people_ids = set(article.statements.exclude(speaker=None).values_list("speaker_id", flat=True))
    people_ids |= set(article.participations.values_list("person_id", flat=True))
    article.statements.filter(reviewed=False, locked_fields=[]).delete()
    article.meeting_sources.all().delete()
    Meeting.objects.filter(pk__in=meeting_ids, sources=None, reviewed=False, locked_fields=[]).delete()
    Person.objects.filter(pk__in=people_ids, participations=None, statements=None, reviewed=False,
                          locked_fields=[]).delete()
    return _Kept(participations=set(article.participations.values_list("pk", flat=True)),
                 statements=list(article.statements.all()))


def _set(record, field_name: str, value, result: ImportResult) -> bool:
    """Fill a field from the article unless a curator has set it, or it already has a value."""
    if value in (None, "") or field_name in record.locked_fields:
        return False
    if getattr(record, field_name) in (None, ""):
        setattr(record, field_name, value)
        return True
    return False


def _persist(parsed: x.Article, extraction: x.Extraction, raw: bytes, digest: str, existing: Article | None,
             kept: _Kept, result: ImportResult) -> Article:
    article = existing or Article()
    article.content_hash = digest
    article.title = (parsed.title or parsed.filename or "Untitled")[:500]
    article.source = (parsed.source or "")[:200]
    article.authors = parsed.authors
    article.published = parsed.published
    article.url = parsed.url[:1000]
    article.filename = parsed.filename[:300]
    article.text = parsed.text
    article.save()
    ArticleFile.objects.update_or_create(article=article, defaults=dict(name=article.filename, data=raw))

    countries = {c.code: c for c in Country.objects.all()}
    organisations = {}
    for org in extraction.organisations:
        organisations[org.name] = _organisation(org, countries, result)

    people = {}
    for person in extraction.people:
        people[id(person)] = _person(person, countries, organisations, result)

    meetings = {}
    for meeting in extraction.meetings:
        meetings[id(meeting)] = _meeting(meeting, article, people, countries, organisations, result)
    for meeting in extraction.meetings:
        if meeting.parent is not None and id(meeting.parent) in meetings:
            record = meetings[id(meeting)]
            if record.parent_id is None and "parent" not in record.locked_fields:
                record.parent = meetings[id(meeting.parent)]
                record.save(update_fields=["parent"])

    statements = []
    for statement in extraction.statements:
        speaker = people.get(id(statement.speaker)) if statement.speaker else None
        body = None
        if speaker is None:
            body = organisations.get(statement.speaker_organisation or "")
            if body is None:
                continue  # words of an unnamed body ("observers said") are not kept
        meeting = meetings.get(id(statement.meeting)) if statement.meeting else None
        curated = kept.statement(statement.start, statement.end, statement.text)
        if curated is not None:
            # Its meeting may have been made anew by this import: link it again.
            if curated.meeting_id is None and meeting is not None and "meeting" not in curated.locked_fields:
                curated.meeting = meeting
                curated.save(update_fields=["meeting"])
            continue
        statements.append(Statement(
            speaker=speaker, speaker_organisation=body, role=(statement.speaker.role or "")[:200] if statement.speaker else "",
            text=statement.text, kind=statement.kind,
            date=statement.date.date if statement.date and statement.date.date else None,
            meeting=meeting, article=article, start=statement.start, end=statement.end,
            confidence=statement.confidence, extraction_rule=statement.rule[:80],
        ))
    Statement.objects.bulk_create(statements)
    result.created["statements"] += len(statements)
    return article


def _organisation(org: x.Organisation, countries, result: ImportResult) -> Organisation:
    match = resolution.resolve_organisation(org.name, org.acronym, org.aliases)
    if match.record is not None:
        record = match.record
        result.note("organisation", org.name, record.name)
        changed = _set(record, "acronym", org.acronym or "", result)
        if changed:
            record.save()
    else:
        record = Organisation.objects.create(
            name=org.name[:200], acronym=(org.acronym or "")[:30], slug=_unique_slug(Organisation, org.name),
            kind=org.kind if org.kind in Organisation.Kind.values else Organisation.Kind.OTHER,
            country=countries.get(org.country or ""), aliases=sorted(org.aliases - {org.name})[:20],
            review_note=match.note[:300],
        )
        result.note("organisation", org.name, None, match.note)
    resolution.remember_organisation_names(record, {org.name, *(org.aliases or set()), *([org.acronym] if org.acronym else [])})
    return record


def _person(person: x.Person, countries, organisations, result: ImportResult) -> Person:
    match = resolution.resolve_person(person.name, person.aliases, person.country)
    if match.record is not None:
        record = match.record
        written = (record.name, record.aliases)
        result.note("person", person.name, f"{record.name} ({match.how})", "" if record.reviewed else match.note)
        changed = _set(record, "country", countries.get(person.country or ""), result)
        changed |= _set(record, "organisation", organisations.get(person.organisation or ""), result)
        # The fullest written form of the name becomes the record's name.
        if len(person.name) > len(record.name) and resolution.same_person(record.name, person.name) \
                and "name" not in record.locked_fields:
            record.name, changed = person.name, True
        aliases = sorted(set(record.aliases) | (person.aliases - {record.name}))[:30]
        if aliases != record.aliases:
            record.aliases, changed = aliases, True
        if match.note and not record.reviewed:
            record.review_note, changed = match.note[:300], True
        if (record.name, record.aliases) != written:
            result.touched_before |= counters.names_touched(record.pk)  # their other meetings' names
        if changed:
            record.save()
    else:
        record = Person.objects.create(
            name=person.name[:200], slug=_unique_slug(Person, person.name),
            aliases=sorted(person.aliases - {person.name})[:30],
            country=countries.get(person.country or ""), organisation=organisations.get(person.organisation or ""),
            confidence=person.confidence, extraction_rule=person.rule[:80], review_note=match.note[:300],
        )
        result.note("person", person.name, None, match.note)
    resolution.remember_person_names(record, {person.name, *person.aliases})
    return record


def _meeting(meeting: x.Meeting, article: Article, people, countries, organisations, result: ImportResult) -> Meeting:
    persons = [people[id(p)] for p in meeting.participants if id(p) in people]
    match = resolution.resolve_meeting(status=meeting.status, date=meeting.date.date, people=persons,
                                       country_code=meeting.country, kind=meeting.kind)
    date = meeting.date
    if match.record is not None:
        record = match.record
        result.note("meeting", meeting.title, record.title, match.note)
        result.touched_before |= counters.touched_by(Meeting, [record.pk])  # before its date or country change
        changed = False
        if record.date is None and date.date and "date" not in record.locked_fields:
            record.date, record.date_phrase = date.date, date.phrase[:200]
            record.date_precision = date.precision if date.precision in Meeting.Precision.values else "day"
            changed = True
        for name, value in [("place", (meeting.place or "")[:200]), ("country", countries.get(meeting.country or "")),
                            ("organisation", organisations.get(meeting.organisation or ""))]:
            changed |= _set(record, name, value, result)
        if match.note:
            record.review_note, changed = match.note[:300], True
        if changed:
            record.save()
    else:
        record = Meeting.objects.create(
            title=meeting.title[:300], slug=_unique_slug(Meeting, f"{meeting.title} {date.date or ''}"),
            status=meeting.status, kind=meeting.kind, date=date.date,
            date_precision=date.precision if date.date and date.precision in Meeting.Precision.values else ("day" if date.date else ""),
            date_phrase=date.phrase[:200], place=(meeting.place or "")[:200],
            country=countries.get(meeting.country or ""), organisation=organisations.get(meeting.organisation or ""),
            confidence=meeting.confidence, extraction_rule=meeting.rule[:80], review_note=match.note[:300],
        )
        result.note("meeting", meeting.title, None, match.note)
    MeetingSource.objects.update_or_create(
        meeting=record, article=article,
        defaults=dict(start=meeting.start, end=meeting.end, date=date.date, date_phrase=date.phrase[:200],
                      date_anchor=date.anchor, date_precision=date.precision if date.precision in Meeting.Precision.values else "",
                      place=(meeting.place or "")[:200], participants=meeting.names()),
    )
    known = dict(record.participations.values_list("person_id", "pk"))
    new = []
    for extracted, person in zip([p for p in meeting.participants if id(p) in people], persons):
        if person.pk in known:
            result.seen.add(known[person.pk])
            continue
        known[person.pk] = None
        new.append(Participation(
            meeting=record, person=person, role=(extracted.role or "")[:200],
            country=countries.get(extracted.country or ""), organisation=organisations.get(extracted.organisation or ""),
            article=article, start=meeting.start, end=meeting.end,
            confidence=meeting.confidence, extraction_rule=meeting.rule[:80],
        ))
    Participation.objects.bulk_create(new)
    result.created["participations"] += len(new)
    return record


def _unique_slug(model, text: str) -> str:
    base = (slugify(text) or "record")[:180].strip("-")
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def article_files(paths) -> Iterator[Path]:
    """Every article file under `paths` (folders recursively), in a stable order, found as
    they are read: a folder of a million files is never listed in memory at once."""
    for path in map(Path, paths):
        if not path.is_dir():
            yield path
            continue
        for folder, subfolders, names in os.walk(path):
            subfolders.sort()
            for name in sorted(names):
                if not name.startswith(".") and not name.endswith(".json"):
                    yield Path(folder) / name
