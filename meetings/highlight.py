"""Cut an article's text into segments so that the passages behind extracted
facts can be marked in the page. Plain functions over plain data."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # "statement", "meeting", ...
    label: str
    url: str = ""
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
    """Split `text` at every mark boundary; each segment lists the marks covering it.

    Marks outside the text or empty are ignored, so a stale span never breaks a page.
    """
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    segments = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [m for m in valid if m.start <= start and end <= m.end]
        if segments and not covering and not segments[-1].marks:
            segments[-1].text += text[start:end]
        else:
            segments.append(Segment(text[start:end], start, covering))
    return segments
