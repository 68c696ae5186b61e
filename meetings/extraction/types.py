"""Plain dataclasses passed between the extraction steps."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class ArticleError(ValueError):
    """An article file that cannot be read: wrong encoding, not text, empty."""


@dataclass
class Paragraph:
    text: str
    start: int  # offset of text in Article.text
    kind: str = "body"  # body, heading, caption, header, furniture, credit

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def is_story(self) -> bool:
        return self.kind == "body"


@dataclass
class Article:
    text: str  # what offsets index into: the file for text, the main text for HTML
    title: str = ""
    published: dt.date | None = None
    source: str = ""
    authors: list[str] = field(default_factory=list)
    url: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    credited: list[str] = field(default_factory=list)  # outlets credited (byline, photos)
    dateline: str = ""  # the city of the dateline ("BEIJING, July 12 (Reuters) -")
    filename: str = ""


@dataclass
class DateValue:
    date: dt.date | None
    precision: str = ""  # day, month, year; "" when unknown
    phrase: str = ""
    anchor: dt.date | None = None


@dataclass
class Person:
    name: str
    role: str | None = None
    country: str | None = None
    organisation: str | None = None
    aliases: set[str] = field(default_factory=set)
    first_offset: int = 0
    rule: str = ""
    confidence: float = 0.5
    honorifics: set[str] = field(default_factory=set)  # written before the name: "prince", "sheikh"

    def to_json(self) -> dict:
        return {"name": self.name, "role": self.role, "country": self.country,
                "organisation": self.organisation, "aliases": sorted(self.aliases - {self.name}),
                "rule": self.rule, "confidence": round(self.confidence, 2)}


@dataclass
class Organisation:
    name: str
    acronym: str | None = None
    kind: str = "other"
    country: str | None = None
    aliases: set[str] = field(default_factory=set)
    first_offset: int = 0

    def to_json(self) -> dict:
        return {"name": self.name, "acronym": self.acronym, "kind": self.kind, "country": self.country,
                "aliases": sorted(self.aliases - {self.name, self.acronym})}


@dataclass
class Meeting:
    status: str  # held, planned
    kind: str  # bilateral, multilateral, call
    participants: list[Person]
    date: DateValue = field(default_factory=lambda: DateValue(None))
    place: str | None = None
    country: str | None = None
    organisation: str | None = None
    title: str = ""
    start: int = 0
    end: int = 0
    trigger: str = ""
    rule: str = ""
    confidence: float = 0.5
    sidelines: bool = False
    parent: "Meeting | None" = None
    summit_like: bool = False  # a named gathering (summit, meeting of a body) others can join
    unnamed_party: bool = False  # one side named by office only ("the Secretary-General")
    event: str = ""  # the noun that named it, when telling ("summit", "retreat", "conference")
    told: list[tuple[int, int]] = field(default_factory=list)  # every sentence that told of it

    def names(self) -> list[str]:
        return [p.name for p in self.participants]


@dataclass
class Statement:
    speaker: Person | None
    text: str
    start: int
    end: int
    kind: str  # quote, reported
    meeting: Meeting | None = None
    date: DateValue | None = None
    speaker_organisation: str | None = None
    rule: str = ""
    confidence: float = 0.5
    cue: str = ""  # the verb or construction that attributes it
    elsewhere: bool = False  # said at another occasion than the meetings told ("in an interview")


@dataclass
class Extraction:
    article: Article
    people: list[Person]
    organisations: list[Organisation]
    countries: list[str]
    meetings: list[Meeting]
    statements: list[Statement]

    def to_json(self) -> dict:
        meeting_index = {id(m): i for i, m in enumerate(self.meetings)}
        a = self.article
        return {
            "schema": 1,
            "article": {"title": a.title, "published": a.published.isoformat() if a.published else None,
                        "source": a.source or None, "authors": a.authors, "url": a.url or None},
            "people": [p.to_json() for p in self.people],
            "organisations": [o.to_json() for o in self.organisations],
            "countries": self.countries,
            "meetings": [
                {"status": m.status, "kind": m.kind,
                 # The contract's date is a day; a month or a year ("in March") stays in precision and phrase.
                 "date": m.date.date.isoformat() if m.date.date and m.date.precision in {"day", ""} else None,
                 "date_precision": m.date.precision or None, "date_phrase": m.date.phrase or None,
                 "place": m.place, "country": m.country, "organisation": m.organisation,
                 "participants": m.names(), "title": m.title,
                 "parent": meeting_index.get(id(m.parent)) if m.parent else None,
                 "start": m.start, "end": m.end, "rule": m.rule, "confidence": round(m.confidence, 2)}
                for m in self.meetings
            ],
            "statements": [
                {"speaker": s.speaker.name if s.speaker else None,
                 "speaker_organisation": s.speaker_organisation,
                 "kind": s.kind, "meeting": meeting_index.get(id(s.meeting)) if s.meeting else None,
                 "date": s.date.date.isoformat() if s.date and s.date.date and s.date.precision in {"day", ""} else None,
                 "text": s.text, "start": s.start, "end": s.end,
                 "rule": s.rule, "confidence": round(s.confidence, 2)}
                for s in self.statements
            ],
        }
