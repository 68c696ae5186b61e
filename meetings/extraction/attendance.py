"""Attendance: people told as taking part in a meeting that another sentence (or another
clause) tells, rather than as its subject or object.

Each construction reads one shape of sentence and returns an `Attendance`: the people it
adds and, when the sentence names one, someone already at the meeting (the anchor), so the
people join that person's meeting. They are registered in `CONSTRUCTIONS` beside the
sentence shape they read; `meetings.merge_meetings` joins each attendance to the held
meeting told last before it (its anchor's, when there is one).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from .lexicon import GATHERING_NOUNS, MEETING_NOUNS
from .sentences import Sentence
from .types import Person

_ENTOURAGE_NOUNS = {"delegation", "delegations", "team", "entourage", "party", "side"}
_PRESENT = re.compile(
    r"\b(?:in attendance|(?:also |were |was )present|present (?:were|was|at the (?:talks|meeting))"
    r"|among (?:those|the officials|the ministers|the leaders|the participants|the guests|others) (?:present|attending"
    r"|in attendance|at the|who (?:attended|took part))"
    r"|(?:also )?attending (?:were|was))\b",
    re.I,
)


@dataclass
class Attendance:
    people: list[Person]
    anchor: list[Person] = field(default_factory=list)
    construction: str = ""


def _subject_people(token, sentence: Sentence) -> list[Person]:
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return sentence.people_in([t for s in subjects for t in s.subtree])


def _with_cut_tail(tokens: list, sentence: Sentence) -> list:
    """`tokens`, and the words right after them when the parser made those a sentence of their own (a title,
    its bracketed short form, then the name: 'by the Minister of State (MoS) | Shri A. Rao')."""
    if not tokens:
        return tokens
    last = max(t.i for t in tokens)
    after = [t for t in sentence.span if t.i > last]
    while after and after[0].is_punct:
        after = after[1:]
    if after and after[0].head.dep_ == "ROOT" and after[0].head.i != sentence.span.root.i:
        return tokens + list(after[0].head.subtree)
    return tokens


def accompanied(sentence: Sentence) -> Attendance | None:
    """'The minister was accompanied by A and B.' / 'X, accompanied by A, met Y.'"""
    for token in sentence.span:
        if token.lemma_.lower() != "accompany":
            continue
        agents = [c for c in token.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")]
        added = sentence.people_in(_with_cut_tail([t for a in agents for t in a.subtree], sentence))
        if not added:
            continue
        anchor = _subject_people(token, sentence)
        if not anchor and token.dep_ in {"acl", "advcl"}:
            anchor = sentence.people_in([token.head])
        return Attendance(added, anchor)
    return None


def in_attendance(sentence: Sentence) -> Attendance | None:
    """'In attendance on the host side were A; B; and C.' / 'Also present were A and B.'"""
    match = _PRESENT.search(sentence.text)
    if match is None:
        return None
    # Those named after the cue attend, and so does someone named before it ("X was also present").
    people: list[Person] = []
    for mention in sentence.mentions:
        if mention.person is not None and mention.person not in people:
            people.append(mention.person)
    return Attendance(people, []) if people else None


def delegation_included(sentence: Sentence) -> Attendance | None:
    """'The delegation included A and B.' / 'his delegation, which included A, ...'"""
    for token in sentence.span:
        if token.lemma_.lower() not in {"include", "comprise"} or token.pos_ != "VERB":
            continue
        owner = token.head if token.dep_ == "relcl" else next(
            (c for c in token.children if c.dep_ == "nsubj"), None)
        if owner is None or owner.lower_ not in _ENTOURAGE_NOUNS:
            continue
        objects = [c for c in token.children if c.dep_ in {"dobj", "obj", "attr"}]
        added = sentence.people_in([t for o in objects for t in o.subtree])
        if added:
            return Attendance(added, sentence.people_in(list(owner.subtree)))
    return None


def also_attended(sentence: Sentence) -> Attendance | None:
    """'Secretary-General X also attended.' / 'X, who also attended, ...': attending told
    without naming the meeting, which is the one told before."""
    for token in sentence.span:
        if token.lemma_.lower() not in {"attend", "participate"} or token.pos_ != "VERB":
            continue
        if any(c.dep_ in {"dobj", "obj", "prep"} for c in token.children):
            continue  # it names what was attended: a meeting of its own
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if subjects and subjects[0].lower_ in {"who", "that"} and token.dep_ == "relcl":
            people = sentence.people_in([token.head])
        else:
            people = sentence.people_in([t for s in subjects for t in s.subtree])
        if people:
            return Attendance(people, [])
    return None


def joined_by(sentence: Sentence) -> Attendance | None:
    """'The council was joined by video link by A.', 'The two leaders were joined by their foreign
    ministers, A and B.': a meeting, or people at one, joined by others (not 'joined by A for a
    call', which is a meeting of its own)."""
    for token in sentence.span:
        if token.lemma_.lower() != "join" or not any(c.dep_ == "nsubjpass" for c in token.children):
            continue
        if any(t.lower_ in MEETING_NOUNS for t in token.subtree if t.dep_ == "pobj" and t.head.lower_ == "for"):
            continue
        subject = next(c for c in token.children if c.dep_ == "nsubjpass")
        of_meeting = subject.lower_ in MEETING_NOUNS | GATHERING_NOUNS or subject.lemma_.lower() in GATHERING_NOUNS
        anchor = sentence.people_in(list(subject.subtree))
        if not of_meeting and not anchor and subject.tag_ not in {"NNS", "NNPS"}:
            continue
        agents = [c for c in token.children if c.dep_ == "agent"]
        added = sentence.people_in([t for a in agents for t in a.subtree])
        if added:
            return Attendance(added, anchor)
    return None


def _passive_subject(token):
    """The subject of a passive verb, or of the clause it is joined to: 'The lunch took place ... and was
    attended by ...'."""
    own = next((c for c in token.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
    if own is None and token.dep_ == "conj":
        own = next((c for c in token.head.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
    return own


def attended_by(sentence: Sentence) -> Attendance | None:
    """'..., which was attended by A and B', 'The lunch ... was also attended by A and B': a meeting told in
    the same sentence or before, attended by others."""
    for token in sentence.span:
        if token.lemma_.lower() != "attend":
            continue
        if token.dep_ == "relcl":
            meeting = token.head
        elif any(c.dep_ == "agent" for c in token.children):
            meeting = _passive_subject(token)
        else:
            continue
        if meeting is None or meeting.lower_ not in MEETING_NOUNS | GATHERING_NOUNS:
            continue
        agents = [c for c in token.children if c.dep_ == "agent"]
        added = sentence.people_in([t for a in agents for t in a.subtree])
        if added:
            return Attendance(added, [])
    return None


def _taking_part(token) -> bool:
    """'took part', 'participated', 'joined', 'attended'."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in {"take", "participate", "join", "attend"}:
        return False
    return lemma != "take" or any(c.lower_ == "part" for c in token.children)


def took_part(sentence: Sentence) -> Attendance | None:
    """'A and B also took part in the talks', 'X joined the meeting': people at the meeting told before."""
    for token in sentence.span:
        if not _taking_part(token):
            continue
        objects = [c for c in token.children if c.dep_ in {"dobj", "obj"}] + [
            g for c in token.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"]
        told_before = [o for o in objects if o.lower_ in MEETING_NOUNS | GATHERING_NOUNS and any(
            c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these"} for c in o.children)
            and not any(c.dep_ in {"compound", "amod", "poss", "nmod"} for c in o.children)]
        if not told_before:
            continue
        people = _subject_people(token, sentence)
        if people:
            return Attendance(people, [])
    return None


def represented_at(sentence: Sentence) -> Attendance | None:
    """'Ms X, Permanent Secretary, represented Myanmar at the session': someone at the meeting told
    before, on behalf of a country or body."""
    for token in sentence.span:
        if token.pos_ != "VERB" or token.lemma_.lower() != "represent":
            continue
        at = [g for c in token.children if c.dep_ == "prep" and c.lower_ in {"at", "in"}
              for g in c.children if g.dep_ == "pobj" and g.lower_ in MEETING_NOUNS | GATHERING_NOUNS]
        # "represented Myanmar at the non-political level": a country or a body, in the past.
        on_behalf = token.tag_ == "VBD" and token.dep_ not in {"relcl", "acl"} and any(
            c.dep_ == "dobj" and c.pos_ == "PROPN" and sentence.person_of(c) is None for c in token.children)
        if not at and not on_behalf:
            continue
        people = _subject_people(token, sentence)
        if people:
            return Attendance(people, [])
    return None


_BRIEFED = {"minister", "leader", "delegate", "participant", "member", "council", "meeting", "session", "summit",
            "ambassador", "envoy", "committee"}


def briefed_them(sentence: Sentence) -> Attendance | None:
    """'The Special Envoy X briefed the Ministers on his visit': someone speaking to those at the
    meeting told before is at it."""
    for token in sentence.span:
        if token.pos_ != "VERB" or token.lemma_.lower() != "brief":
            continue
        briefed = [c for c in token.children if c.dep_ in {"dobj", "obj"}]
        if not any((o.lemma_.lower() in _BRIEFED or o.lower_.removesuffix("s") in _BRIEFED) and sentence.person_of(o) is None
                   and any(c.lower_ == "the" for c in o.children) for o in briefed):
            continue
        people = _subject_people(token, sentence)
        if people:
            return Attendance(people, [])
    return None


_ATTENDEE_NOUNS = {"participant", "attendee", "leader", "minister", "delegate", "guest", "head", "those", "official"}
_REMOTE = re.compile(r"\b(?:by|via|over) (?:a )?video(?:[- ]?link| conference|call)?\b|\b(?:virtually|online|remotely)\b",
                     re.I)


def attendees_included(sentence: Sentence) -> Attendance | None:
    """'Leaders attending the summit included A, B and C.' / 'Participants included A and B.': the people of
    the gathering told before."""
    for token in sentence.span:
        if token.lemma_.lower() not in {"include", "comprise"} or token.pos_ not in {"VERB", "AUX"}:
            continue
        owner = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if owner is None or owner.lemma_.lower() not in _ATTENDEE_NOUNS and owner.lower_ not in _ATTENDEE_NOUNS:
            continue
        at_meeting = owner.lemma_.lower() in {"participant", "attendee"} or any(
            t.lower_ in MEETING_NOUNS | GATHERING_NOUNS for t in owner.subtree if t is not owner)
        if not at_meeting:
            continue
        objects = [c for c in token.children if c.dep_ in {"dobj", "obj", "attr"}]
        added = sentence.people_in([t for o in objects for t in o.subtree])
        if added:
            return Attendance(added, [])
    return None


def joined_remotely(sentence: Sentence) -> Attendance | None:
    """'X joined by video link.' / 'X took part virtually.': someone at the gathering told before, from afar."""
    for token in sentence.span:
        if not _taking_part(token):
            continue
        if any(c.dep_ in {"dobj", "obj"} and c.lower_ != "part" for c in token.children):
            continue  # it names what was joined: a meeting of its own, or a person
        if not _REMOTE.search(sentence.span.text[token.idx - sentence.span.start_char:]):
            continue
        people = _subject_people(token, sentence)
        if people:
            return Attendance(people, [])
    return None


@dataclass(frozen=True)
class Construction:
    name: str
    example: str
    read: Callable[[Sentence], Attendance | None]


CONSTRUCTIONS: list[Construction] = [
    Construction("accompanied by", "The minister was accompanied by A and B.", accompanied),
    Construction("in attendance", "In attendance on the host side were A, B and C.", in_attendance),
    Construction("delegation included", "The delegation, which included A and B, ...", delegation_included),
    Construction("also attended", "Secretary-General X also attended.", also_attended),
    Construction("took part in the meeting", "A and B also took part in the talks.", took_part),
    Construction("joined by", "The two leaders were joined by their foreign ministers, A and B.", joined_by),
    Construction("attended by", "..., the meeting, which was attended by A and B.", attended_by),
    Construction("represented at", "Ms A, Permanent Secretary, represented Myanmar at the session.", represented_at),
    Construction("briefed those present", "The Special Envoy, A, briefed the Ministers on his visit.", briefed_them),
    Construction("attendees included", "Leaders attending the summit included A, B and C.", attendees_included),
    Construction("joined remotely", "President X joined by video link.", joined_remotely),
]


def attendance_in(sentence: Sentence) -> Attendance | None:
    """The first construction that reads the sentence, if any."""
    for construction in CONSTRUCTIONS:
        found = construction.read(sentence)
        if found is not None:
            found.construction = construction.name
            return found
    return None
