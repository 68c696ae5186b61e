"""Statements across a story, read sentence by sentence: a transcript's turns
("Name: ..."), an interview's answers (the paragraphs after a question), an
attribution ending in a colon that the following quoted paragraphs belong to,
and otherwise the speakers a sentence names (`statements.speakers_of`).

The reader keeps only what a story's form needs (which paragraphs are
questions, who answers, how far a turn runs); who "he" is comes from the
discourse it is given.
"""
from __future__ import annotations

import re

from .discourse import Discourse
from .sentences import Sentence
from .statements import make_statement, speakers_of, transcript_speaker
from .types import Article, Paragraph, Person, Statement

_QUOTE_START = re.compile(r"^\s*[“\"‘]")
_WHOLLY_QUOTED = re.compile(r"^\s*[“\"][^“”\"]+[”\"]\W*$")
_QUESTION_LABEL = re.compile(r"^\W*(?:Q|Question|Journalist|Reporter)\s*[:.]\s", re.I)
_ANSWER_LABEL = re.compile(r"^\W*(?:A|Answer)\s*[:.]\s")


def is_question_turn(text: str) -> bool:
    """'Q: ...', '**How do you see ...?**': a question put to the person answering."""
    bare = text.strip().strip("*_").strip()
    return bool(_QUESTION_LABEL.match(bare)) or (bare.endswith("?") and text.strip().startswith(("*", "_", "Q")))


class StatementReader:
    def __init__(self, article: Article, paragraphs: list[Paragraph], discourse: Discourse):
        self.article = article
        self.paragraphs = paragraphs
        self.discourse = discourse
        self.statements: list[Statement] = []
        self.consumed_until = -1  # the end of a turn or of quoted paragraphs already taken
        self.turn_speaker: Person | None = None  # who answers in a transcript or an interview
        self.questions = {i for i, p in enumerate(paragraphs)
                          if p.kind in {"body", "heading"} and is_question_turn(p.text)}

    def read(self, sentence: Sentence) -> None:
        if sentence.paragraph.kind != "body" or sentence.start <= self.consumed_until:
            return
        n = sentence.paragraph_index
        paragraph = sentence.paragraph
        if n in self.questions:
            self.consumed_until = paragraph.end  # a journalist's question
            return
        speaker = transcript_speaker(sentence)
        if speaker is not None:
            self._turn(speaker, sentence.start, paragraph.end, "transcript turn")
            self.turn_speaker = speaker
            return
        answerer = self._answerer(n)
        if answerer is not None and sentence.span.start_char == 0:
            self._turn(answerer, sentence.start, paragraph.end, "interview answer")
            return
        people, bodies, cue = speakers_of(sentence, self.discourse)
        if not people and not bodies:
            self._continue_quote(sentence)
            return
        text = self.article.text
        start, end = sentence.start, sentence.end
        # "..., the Foreign Secretary said:" followed by quoted paragraphs.
        if sentence.text.rstrip().endswith(":"):
            k = n + 1
            while k < len(self.paragraphs) and self.paragraphs[k].kind == "body" \
                    and _QUOTE_START.match(self.paragraphs[k].text):
                end = self.paragraphs[k].end
                k += 1
            self.consumed_until = end
        for person in people:
            self.statements.append(make_statement(person, start, end, text, cue))
            self.discourse.attend_to(person)
        if not people:
            for body in bodies[:1]:
                self.statements.append(make_statement(None, start, end, text, cue, organisation=body,
                                                      rule="speech verb, body"))

    def _continue_quote(self, sentence: Sentence) -> None:
        """'"We are ready," X said. "We have done it before."': a quotation that follows its attribution, in the
        same paragraph or opening the next, attributed to nobody else, runs on the statement before it, which it
        makes a quote (the schema: a quote over several sentences is one statement)."""
        previous = self.statements[-1] if self.statements else None
        if previous is None or previous.speaker is None or self.article.text[previous.end : sentence.start].strip() \
                or not _WHOLLY_QUOTED.match(sentence.text):
            return
        if previous.end < sentence.paragraph.start and not _QUOTE_START.match(sentence.paragraph.text):
            return  # a new paragraph continues the quote only when it opens with one
        previous.end = sentence.end
        previous.text = self.article.text[previous.start : previous.end]
        previous.kind = "quote"

    def _turn(self, speaker: Person, start: int, end: int, rule: str) -> None:
        """A transcript turn or an interview answer: one quote, to the end of its paragraph; an
        answer that runs on over paragraphs stays one statement."""
        previous = self.statements[-1] if self.statements else None
        gap = self.article.text[previous.end:start] if previous else ""
        if previous is not None and previous.speaker is speaker and previous.rule == rule == "interview answer" \
                and not gap.strip():
            previous.end = end
            previous.text = self.article.text[previous.start:end]
        else:
            self.statements.append(make_statement(speaker, start, end, self.article.text, "transcript", rule=rule))
            self.statements[-1].kind = "quote"
        self.consumed_until = end
        self.discourse.attend_to(speaker)

    def _answerer(self, n: int) -> Person | None:
        """In a question-and-answer piece, a paragraph after a question (up to the next one) is the
        answer of the person answering: the last transcript speaker, else the person the piece
        introduces first."""
        if _ANSWER_LABEL.match(self.paragraphs[n].text) and self.turn_speaker is not None:
            return self.turn_speaker
        if len(self.questions) < 2 or n < min(self.questions):
            return None
        if self.turn_speaker is not None:
            return None  # a transcript names its speakers
        previous = max((q for q in self.questions if q < n), default=None)
        if previous is None or any(self.paragraphs[k].kind == "heading" for k in range(previous + 1, n)):
            return None
        return self._interviewee()

    def _interviewee(self) -> Person | None:
        """The person the piece introduces before its first question."""
        before = self.paragraphs[min(self.questions)].start
        people = sorted((p for p in self.discourse.index.people if p.first_offset < before), key=lambda p: p.first_offset)
        return people[0] if people else None
