"""Cut an article's text into segments so that the passages behind extracted
facts can be marked in the page. Plain functions over plain data."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from html import escape  # the standard library's: Django's adds a lazy-string check to every call


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # "statement", "meeting", ...
    label: str
    anchor: str = ""


@dataclass
class Segment:
    text: str
    start: int
    marks: list[Mark] = field(default_factory=list)

    @property
    def opening(self) -> list[Mark]:
        """Marks that begin here: where their anchors go."""
        return [m for m in self.marks if m.start == self.start]

    @property
    def kinds(self) -> str:
        return " ".join(sorted({m.kind for m in self.marks}))


def segment_text(text: str, marks: list[Mark]) -> list[Segment]:
    """Split `text` at every mark boundary; each segment lists the marks covering it, in the given order.

    Marks outside the text or empty are ignored, so a stale span never breaks a page.
    """
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    starting, ending = defaultdict(list), defaultdict(list)
    for index, mark in enumerate(valid):
        starting[mark.start].append(index)
        ending[mark.end].append(index)
    active: set[int] = set()  # the marks covering the current segment, swept along the cuts
    segments = []
    for start, end in zip(cuts, cuts[1:]):
        active.difference_update(ending[start])
        active.update(starting[start])
        covering = [valid[i] for i in sorted(active)]
        if segments and not covering and not segments[-1].marks:
            segments[-1].text += text[start:end]
        else:
            segments.append(Segment(text[start:end], start, covering))
    return segments


def marked_html(segments: list[Segment]) -> str:
    """The article's text as HTML, each marked passage a <mark> titled by its facts, with an anchor where
    each fact begins. Built here, not by a template loop: an article with a hundred statements spent
    12 ms in the loop's tags."""
    parts = []
    for segment in segments:
        text = escape(segment.text)
        if not segment.marks:
            parts.append(text)
            continue
        parts.extend(f'<span class="anchor" id="{escape(m.anchor)}"></span>' for m in segment.opening)
        title = escape("; ".join(m.label for m in segment.marks))
        parts.append(f'<mark class="{escape(segment.kinds)}" title="{title}">{text}</mark>')
    return "".join(parts)
