"""Which meeting each statement was made at: the one its own sentence tells of, else the first
meeting its speaker had in the story; none when the words were said at another occasion (an
interview, a post, remarks to a news outlet, a time before or after)."""
from __future__ import annotations

import re

from . import organisations as O
from .lexicon import EXPERT_HEADS, HONORIFICS, OFFICE_WORDS
from .types import Article, Meeting, Statement

# Words said at another occasion than the meetings told: an interview, a written statement, a post,
# a press event of one's own, remarks to a news outlet, a time before or after ("earlier", "later").
_NO_MEETING_CUES = re.compile(
    r"(?i:\b(?:in|during) an? (?:interview|statement|post|(?:televised|video) (?:address|message)|speech)\b"
    r"|\bon (?:twitter|social media)\b"
    r"|\b(?:separate|own|later|earlier) (?:news|press) (?:conference|briefing)\b"
    r"|^\s*(?:earlier|later|before leaving|after returning)\b)|\bon X\b|\b(?:wrote|posted) on\b"
)
# Speaking somewhere is another occasion, unless it is the meeting's own press event: "speaking at a joint news
# conference after the talks" is said at the meeting.
_SPEAKING_ELSEWHERE = re.compile(r"\bspeaking (?:in|at|to)\b", re.I)
_MEETINGS_PRESS_EVENT = re.compile(r"\bjoint (?:news|press) (?:conference|briefing|statement)\b"
                                   r"|\bafter (?:the|their) (?:talks|meeting|discussions)\b", re.I)
_AT_THE_MEETING = re.compile(r"\b(?:during|at|in) the (?:talks|meeting|session|discussions|retreat|summit)\b", re.I)
_TOLD = re.compile(r"\btold (?P<the>the |The )?(?P<name>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3})")
_MEDIA_HEADS = {"times", "post", "news", "daily", "herald", "nation", "journal", "agency", "radio", "tv", "television",
                "broadcasting", "tribune", "guardian", "telegraph", "gazette", "press"}


def _told_an_outlet(text: str) -> bool:
    """'told The Nation', 'told Reuters': remarks to a news outlet, not at the meeting ('told President X'
    and 'told the summit' are at it)."""
    for match in _TOLD.finditer(text):
        name = match["name"]
        known = O.known_organisation(name)
        if (known and known[2] == "media") or name.split()[-1].lower() in _MEDIA_HEADS:
            return True
        if match["the"] and name.split()[0].lower() not in OFFICE_WORDS | HONORIFICS:
            return True
    return False


def link_statements(statements: list[Statement], meetings: list[Meeting], article: Article) -> None:
    """The meeting where each statement was made: the one its own sentence tells of, else the first
    meeting its speaker had in the story (news tells a meeting first, then what was said there)."""
    held = [m for m in meetings if m.status == "held"]
    summits = [m for m in held if m.summit_like or m.kind == "multilateral"]
    previous: Statement | None = None
    for statement in statements:
        speaker = statement.speaker
        carried_off = previous is not None and previous.speaker is speaker and previous.meeting is None \
            and previous.elsewhere and statement.start - previous.end < 400
        previous = statement
        if speaker is None:
            continue
        elsewhere = _SPEAKING_ELSEWHERE.search(statement.text) and not _MEETINGS_PRESS_EVENT.search(statement.text)
        if _NO_MEETING_CUES.search(statement.text) or elsewhere or _told_an_outlet(statement.text) or carried_off:
            statement.elsewhere = True  # said at another occasion, and so is what follows from it
            continue
        role = (speaker.role or "").lower()
        if any(w in EXPERT_HEADS for w in role.split()) or (not role and speaker.organisation):
            continue
        theirs = [m for m in held if speaker in m.participants]
        if not theirs and role and len(summits) == 1 and summits[0].start <= statement.start:
            summits[0].participants.append(speaker)
            theirs = [summits[0]]
        if not theirs and _AT_THE_MEETING.search(statement.text):
            # "During the talks, Germany's X argued ...": said at the meeting told before, so X was there.
            told = [m for m in held if m.start <= statement.start and len(m.participants) >= 2]
            if told:
                told[-1].participants.append(speaker)
                theirs = [told[-1]]
        if not theirs:
            continue
        here = [m for m in theirs if any(a <= statement.start < b or statement.start <= a < statement.end for a, b in m.told)]
        meeting = here[0] if here else min(theirs, key=lambda m: min(a for a, _ in m.told or [(m.start, m.end)]))
        statement.meeting = meeting
        statement.date = meeting.date
