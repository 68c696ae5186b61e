"""Build an article from a few lines of text and extract it, for short tests."""
from __future__ import annotations

import datetime as dt

from meetings.extraction.pipeline import extract
from meetings.extraction.reader import parse_text


def run(body: str, published: str = "2024-03-11", title: str = "Diplomats meet") -> dict:
    """Extract a story whose first line is its title and whose date is `published` (a Monday)."""
    text = f"{title}\n\nUpdated: {published}\n\n{body.strip()}\n"
    article = parse_text(text, published=dt.date.fromisoformat(published))
    return extract(article).to_json()


def meetings(result: dict) -> list[tuple]:
    return [(m["status"], m["kind"], m["date"], sorted(m["participants"])) for m in result["meetings"]]


def speakers(result: dict) -> list[str | None]:
    return [s["speaker"] for s in result["statements"]]
