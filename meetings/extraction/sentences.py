"""Sentences as the later steps see them: the spaCy span, its offsets in the
article, and the person mentions in it, each already linked to a Person."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .people import Mention
from .types import Paragraph, Person

_OPEN_QUOTES = "“\""
_CLOSE_QUOTES = "”\""


@dataclass
class Sentence:
    paragraph: Paragraph
    paragraph_index: int
    span: object  # spacy.tokens.Span
    mentions: list[Mention] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.paragraph.start + self.span.start_char

    @property
    def end(self) -> int:
        return self.paragraph.start + self.span.end_char

    @property
    def text(self) -> str:
        return self.span.text

    def mention_of(self, token) -> Mention | None:
        offset = self.paragraph.start + token.idx
        for mention in self.mentions:
            if mention.start <= offset < mention.end:
                return mention
        return None

    def person_of(self, token) -> Person | None:
        mention = self.mention_of(token)
        return mention.person if mention else None

    def people_in(self, tokens) -> list[Person]:
        found: list[Person] = []
        for token in tokens:
            person = self.person_of(token)
            if person and person not in found:
                found.append(person)
        return found

    def people(self) -> list[Person]:
        found: list[Person] = []
        for mention in self.mentions:
            if mention.person and mention.person not in found:
                found.append(mention.person)
        return found


def _cut_after_brackets(text: str) -> bool:
    """spaCy may end a sentence at a closing bracket inside it: 'accompanied by the Minister of State
    (MoS) | Shri A. Rao.' A sentence ends at a bracket only when a full stop or the like ends what it holds."""
    bare = text.rstrip()
    return bare.endswith(")") and not re.search(r"[.!?…][\"”’']?\)$", bare)


def quote_aware_sentences(doc) -> list:
    """spaCy's sentences, merged while a quotation is open, so a quote that runs
    over several sentences stays with the sentence that attributes it; and merged
    where the parser cut one at a closing bracket."""
    merged = []
    current = None
    depth = 0
    sents = list(doc.sents)
    for n, sent in enumerate(sents):
        current = sent if current is None else doc[current.start : sent.end]
        text = sent.text
        opens = sum(text.count(q) for q in "“")
        closes = sum(text.count(q) for q in "”")
        straight = text.count('"')
        depth += opens - closes
        if straight % 2:
            depth += 1 if depth <= 0 else -1
        if depth <= 0 and n + 1 < len(sents) and _cut_after_brackets(text):
            continue
        if depth <= 0:
            merged.append(current)
            current, depth = None, 0
    if current is not None:
        merged.append(current)
    return merged
