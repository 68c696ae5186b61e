"""Discourse state: who the story is about at each point as it is read in order.

`Discourse` keeps the person in focus and the meetings told so far. Before a
sentence's meetings and statements are read, `resolve_mentions` links its
pronouns ("he", "her") and descriptions ("the minister") to people, so the
later steps only look people up (`Sentence.person_of`); `group` says who
"the two leaders" are; `place_in_time` dates a meeting told without a date
from the meeting its people had last. The pipeline calls these in order and
passes the discourse explicitly to the steps that need it.
"""
from __future__ import annotations

from .dates import SAME_DAY
from .lexicon import OFFICE_MODIFIERS
from .people import Mention, PeopleIndex
from .sentences import Sentence
from .types import DateValue, Meeting, Person


# How far back (in characters) a meeting counts as just told: about a paragraph.
_JUST_TOLD = 400


class Discourse:
    def __init__(self, index: PeopleIndex):
        self.index = index
        self.focus: Person | None = None
        self.meetings: list[Meeting] = []

    # People -----------------------------------------------------------------------------------

    def resolve_mentions(self, sentence: Sentence) -> None:
        """Link the sentence's pronouns and descriptions to the people they stand for."""
        for mention in sentence.mentions:
            if mention.kind == "pronoun":
                self._pronoun(mention, sentence)
            elif mention.kind == "description":
                self._description(mention, sentence)

    def _pronoun(self, mention: Mention, sentence: Sentence) -> None:
        if mention.person is not None:
            return
        earlier = [m.person for m in sentence.mentions if m.person is not None and m.start < mention.start
                   and m.kind != "pronoun"]
        word = mention.text.lower()
        if word in {"he", "she", "his", "her"}:
            mention.person = earlier[0] if earlier else self.focus
            return
        # "him": someone other than the subject of the verb it is the object of.
        subject = None
        for token in sentence.span:
            if sentence.paragraph.start + token.idx == mention.start:
                verb = token.head
                subject = next((sentence.person_of(c) for c in verb.children if c.dep_ == "nsubj"), None)
        candidates = [p for p in earlier if p is not subject]
        mention.person = candidates[0] if candidates else self.focus

    def _description(self, mention: Mention, sentence: Sentence) -> None:
        """'the minister' is the salient person holding that office: first the one named earlier in
        the same sentence (subjects come first), then the person in focus."""
        def fits(person: Person | None) -> bool:
            return person is not None and self.index.description_fits(person, mention)

        earlier = [m.person for m in sentence.mentions if m.start < mention.start and m.kind == "name" and fits(m.person)]
        if earlier:
            mention.person = earlier[0]
        elif fits(self.focus):
            mention.person = self.focus

    def group(self, office: str = "") -> list[Person]:
        """'The two presidents', 'the leaders': the people of the meeting told last (all of a summit's);
        before any meeting is told, the last two people named who hold that office."""
        held = [m for m in reversed(self.meetings) if m.status == "held" and len(m.participants) >= 2]
        if office == "leader":
            # "The three leaders": heads of state or government, not the ministers who met before them.
            held = [m for m in held if sum(map(_leads, m.participants)) >= 2] or held
        if held:
            people = list(held[0].participants)
            if held[0].summit_like:
                for other in self.meetings:
                    if other.summit_like and other.status == "held":
                        people += [p for p in other.participants if p not in people]
            return people
        holders = [p for p in self.index.recent if office and office in (p.role or "").lower()]
        return holders[-2:] if len(holders) >= 2 else []

    def speakers_holding(self, office: str) -> list[Person]:
        """'Both ministers said': the two holders of that office at the last meeting where two met
        (not their deputies, nor a later meeting of presidents), else as `group`."""
        if office not in {"", "leader", "side", "head", "official", "delegation", "counterpart"}:
            for meeting in reversed(self.meetings):
                if meeting.status != "held" or meeting.summit_like:
                    continue
                holders = [p for p in meeting.participants if self.index.holds(p, office)
                           and not set((p.role or "").lower().split()) & OFFICE_MODIFIERS]
                if len(holders) >= 2:
                    return holders
        return self.group(office)

    def people_just_met(self, sentence: Sentence) -> list[Person]:
        """'they', told right after a meeting of several people: those people."""
        for meeting in reversed(self.meetings):
            if meeting.status == "held" and len(meeting.participants) >= 2:
                return list(meeting.participants) if sentence.start - meeting.start < _JUST_TOLD else []
        return []

    def attend_to(self, person: Person) -> None:
        self.focus = person

    def finish_sentence(self, sentence: Sentence) -> None:
        """The sentence's main subject is who 'he' means next."""
        subject = _main_subject(sentence)
        if subject is not None:
            self.focus = subject

    # Meetings ---------------------------------------------------------------------------------

    def place_in_time(self, meetings: list[Meeting]) -> None:
        """A meeting told without a date took place on the day of the last meeting its people had
        (and where it was, if it says nothing of that either); then it is one of the meetings told."""
        for meeting in meetings:
            if meeting.date.precision == SAME_DAY:
                meeting.date = self._inherited_date(meeting)
            elif meeting.date.date is None and not meeting.date.phrase and meeting.status == "held":
                meeting.date = self._inherited_date(meeting)
                if not meeting.place and not meeting.country and meeting.date.date:
                    source = self._dated_source(meeting)
                    if source is not None:
                        meeting.place, meeting.country = source.place, source.country
        self.meetings.extend(meetings)

    def _dated_source(self, meeting: Meeting) -> Meeting | None:
        for earlier in reversed(self.meetings):
            if earlier.status == "held" and earlier.date.date and set(map(id, earlier.participants)) & set(map(id, meeting.participants)):
                return earlier
        return None

    def _inherited_date(self, meeting: Meeting) -> DateValue:
        source = self._dated_source(meeting)
        if source is None:
            return DateValue(None, "", meeting.date.phrase)
        return DateValue(source.date.date, source.date.precision, meeting.date.phrase or "", source.date.anchor)


def _main_subject(sentence: Sentence) -> Person | None:
    root = sentence.span.root
    for child in root.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            person = sentence.person_of(child) or next(
                (p for t in child.subtree if (p := sentence.person_of(t))), None)
            if person:
                return person
    people = [m.person for m in sentence.mentions if m.person is not None]
    return people[0] if people else None


_HEADS = ("president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "amir", "sultan",
          "crown prince", "monarch", "head of state", "head of government")


def _leads(person: Person) -> bool:
    role = (person.role or "").lower()
    return any(h in role for h in _HEADS) and "vice" not in role and "deputy" not in role
