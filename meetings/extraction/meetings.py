"""Meetings told in a sentence: who met whom, held or planned, in person or by phone, read from the
triggers (`meeting_triggers`), the attendance constructions (`attendance`), or, when the parse
fails, the words around a meeting verb; when and where come from `meeting_places`, and
`meeting_merge` makes one record of a meeting told several times."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import gazetteer as G
from . import organisations as O
from .attendance import attendance_in
from .lexicon import CALL_WORDS, GATHERING_NOUNS, MEETING_NOUNS
from .sentences import Sentence
from .types import DateValue, Meeting, Person
from .meeting_merge import ATTENDED_TOLD_BEFORE, UNNAMED_GATHERING
from .meeting_places import attached_places, city_in, countries_near, date_for, forum, members_body, place
from .meeting_triggers import (VISIT_NOUNS, Trigger, find_triggers, future, lemma_of, remote_conference,
                               visit_call)


def _subtree_without(token, exclude: set[int]):
    return [t for t in token.subtree if t.i not in exclude]


def _governing_subjects(token, sentence: Sentence) -> list[Person]:
    """Walk up from a noun to the nearest verb with a person subject."""
    current = token
    for _ in range(6):
        head = current.head
        if head is current:
            break
        if head.pos_ in {"VERB", "AUX"}:
            subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            people = []
            for subject in subjects:
                if subject.lower_ in {"who", "that"} and head.dep_ == "relcl":
                    subject = head.head
                # Everyone the subject names ("A and B", "her counterpart NAME", a name the parser hung as an
                # apposition), not the people of a clause inside it.
                clauses = {t.i for c in subject.subtree if c.dep_ in {"relcl", "acl"} for t in c.subtree}
                for t in subject.subtree:
                    person = sentence.person_of(t) if t.i not in clauses else None
                    if person and person not in people:
                        people.append(person)
            if people:
                return people
            if subjects and not any(s.lower_ in {"who", "that", "which"} for s in subjects):
                return []
        current = head
    return []


_GROUP_NOUNS = {"leader", "president", "minister", "side", "counterpart", "head", "delegation", "premier",
                "chancellor", "diplomat", "official"}


def build_meetings(sentence: Sentence, anchor, discourse=None) -> list[Meeting]:
    """The meetings one sentence reports; `discourse.group()` gives the people that 'the two leaders'
    refers to."""
    meetings: list[Meeting] = []
    triggers = find_triggers(sentence)
    sentence.several_events = len(triggers) > 1
    trigger_tokens = {t.token.i for t in triggers} | {t.noun.i for t in triggers if t.noun is not None}
    for trigger in triggers:
        meetings.extend(_meetings_from(trigger, sentence, anchor, trigger_tokens, discourse))
    if not any(len(m.participants) >= 2 for m in meetings):
        # The parse found nobody met ("hosted" read as an adjective gave its subject alone): the words may.
        surface = _surface_meeting(sentence, anchor)
        if surface:
            told = set(map(id, surface[0].participants))
            meetings = [m for m in meetings if not set(map(id, m.participants)) <= told] + surface
    attendance = attendance_in(sentence)
    if attendance is not None:
        people = [*attendance.anchor, *(p for p in attendance.people if p not in attendance.anchor)]
        addition = _new_meeting("held", people, sentence, sentence.start, sentence.end, "addition")
        addition.trigger = attendance.construction
        addition.date = date_for(sentence, sentence.span.root, list(sentence.span), anchor, False)
        addition.place, addition.country = place(sentence, sentence.span.start_char, sentence.span.end_char)
        meetings.append(addition)
    return meetings


_SURFACE_VERB = re.compile(r"\b(?:met|meets|hosted|hosts|received|receives|held talks with|"
                           r"holds talks with)\b")


def _surface_meeting(sentence: Sentence, anchor) -> list[Meeting]:
    """When the parse of a sentence goes wrong ('hosted' read as an adjective), its words still say
    who met whom: the people named before a meeting verb met those named after it."""
    match = _SURFACE_VERB.search(sentence.text)
    if match is None or _future_words(sentence.text[: match.start()]):
        return []
    verb_at = sentence.start + match.start()
    people = [m for m in sentence.mentions if m.person is not None and m.kind == "name"]
    before = [m.person for m in people if m.end <= verb_at]
    after = [m.person for m in people if m.start >= verb_at + len(match.group(0))]
    if not before or not after or re.search(r"[;:]|\bsaid\b", sentence.text[: match.start()]):
        return []
    participants = []
    for person in before[-1:] + after:
        if person not in participants:
            participants.append(person)
    if len(participants) < 2:
        return []
    meeting = _new_meeting("held", participants, sentence, sentence.start, sentence.end, "surface: " + match.group(0))
    meeting.confidence = 0.5
    verb = next((t for t in sentence.span if t.idx >= sentence.span.start_char + match.start()), sentence.span.root)
    meeting.date = date_for(sentence, verb, list(sentence.span), anchor, False)
    meeting.place, meeting.country = place(sentence, sentence.span.start_char, sentence.span.end_char)
    meeting.kind = "multilateral" if len(participants) >= 3 else "bilateral"
    return [meeting]


def _future_words(text: str) -> bool:
    return bool(re.search(r"\b(?:will|would|to|could|may|might|should)\s*$", text.strip() + " ", re.I))


def _is_group(token) -> bool:
    return token.lemma_.lower() in _GROUP_NOUNS and token.tag_ in {"NNS", "NNPS"} and any(
        c.lower_ in {"the", "two", "both", "three"} for c in token.children)


@dataclass
class _Parties:
    """Who a trigger says took part: its subjects (or owners) and its objects."""
    participants: list[Person] = field(default_factory=list)
    objects: list[Person] = field(default_factory=list)
    unnamed_party: bool = False  # a side told by office only: "the Secretary-General spoke with X"
    unnamed_others: bool = False  # the other side told only as a group: "X met the ambassadors"
    addition: list[Meeting] | None = None  # more people for a meeting told already (or nobody: [])

    def add(self, people, objects: bool = False) -> None:
        into = self.objects if objects else self.participants
        for person in people:
            if person not in into:
                into.append(person)


def _nested_events(token, noun, sentence: Sentence, trigger_tokens) -> set[int]:
    """Tokens of other meetings told inside this one's clause: they are theirs, not this one's."""
    others = trigger_tokens - {token.i} - ({noun.i} if noun is not None else set())
    own = {t.i for t in token.subtree}
    ancestors = {a.i for a in token.ancestors}
    nested = set()
    for other in sentence.span:
        if other.i in others and other.i in own and other.i not in ancestors:
            nested |= {t.i for t in other.subtree}
    return nested


def _invited(token) -> tuple[list, list]:
    """'A invited B to visit': (B, the one invited, who would visit; A, who invited) when the verb is the
    invitation's object clause, else nothing."""
    head = token.head
    if token.dep_ != "xcomp" or head is token or lemma_of(head) != "invite":
        return [], []
    return ([c for c in head.children if c.dep_ in {"dobj", "obj"}],
            [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass", "agent"}])


def _verb_subjects(token) -> list:
    invited, _ = _invited(token)
    if invited:
        return invited
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and token.dep_ in {"conj", "xcomp", "advcl"}:
        subjects = [c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects and token.head.dep_ in {"xcomp", "conj", "acomp"}:  # "is due to visit"
            subjects = [c for c in token.head.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return subjects


def _object_preps(lemma: str, noun) -> set[str]:
    """Prepositions whose objects took part: 'met with', 'a call from', 'called on', 'spoke to'."""
    preps = {"with", "by", "between", "among", "alongside"}
    if noun is not None and noun.lower_ in CALL_WORDS | {"visit", "delegation"}:
        preps.add("from")
    if lemma == "call":
        preps |= {"on", "upon"}
    elif lemma == "speak":
        preps.add("to")
    return preps


def _verb_parties(trigger: Trigger, sentence: Sentence, nested: set[int], discourse) -> _Parties:
    """'A met B', 'A held talks with B', 'A was received by B', 'the summit, chaired by A'."""
    token, noun, lemma = trigger.token, trigger.noun, lemma_of(trigger.token)
    parties = _Parties()
    subjects = _verb_subjects(token)
    if not subjects and token.dep_ == "acl" and lemma in {"visit", "meet", "travel"}:
        parties.add(_governing_subjects(token.head, sentence))
    if not subjects and not parties.participants and token.dep_ == "acl" and token.head.pos_ in {"NOUN", "PROPN"} \
            and token.head.lower_ not in MEETING_NOUNS | GATHERING_NOUNS:
        # "A delegation led by X called on Y": a parse that hangs the verb on its subject noun.
        own_clause = {t.i for t in token.subtree}
        parties.add([p for t in token.head.subtree if t.i not in own_clause and t.i not in nested
                     and (p := sentence.person_of(t))])
    passive_meeting = any(s.lower_ in MEETING_NOUNS | GATHERING_NOUNS for s in subjects)
    parties.unnamed_party = bool(subjects) and all(
        sentence.person_of(s) is None and s.pos_ in {"NOUN", "PROPN"} and s.lower_ not in MEETING_NOUNS | GATHERING_NOUNS
        and s.tag_ not in {"NNS", "NNPS"} and s.lemma_.lower() not in {"side", "delegation", "country"}
        for s in subjects)
    parties.add(_conjoined_before(subjects, sentence))
    for subject in subjects:
        if subject.lower_ in {"who", "that"} and token.dep_ == "relcl":
            subject = token.head
        if subject.lower_ == "they":
            parties.add(_they(token, sentence))
            continue
        if discourse is not None and _is_group(subject):
            # "The two ministers, A of Chile and B of Peru, met": the names told with them, else
            # the people of the meeting told last.
            named = [p for t in subject.subtree if (p := sentence.person_of(t))]
            parties.add(named or discourse.group(subject.lemma_.lower()))
            continue
        parties.add([p for t in [subject, *subject.subtree] if (p := sentence.person_of(t))])
    invited, inviters = _invited(token)
    if invited and not parties.participants:
        return _Parties()  # invited someone the article does not name here: the visitor is unknown
    for inviter in inviters:  # the host of the visit or gathering they invited to, not who their clauses name
        clauses = {t.i for c in inviter.subtree if c.dep_ in {"relcl", "acl"} for t in c.subtree}
        parties.add([p for t in inviter.subtree if t.i not in clauses and (p := sentence.person_of(t))], objects=True)
    preps = _object_preps(lemma, noun)
    for child in token.children:
        if child.dep_ in {"conj", "appos"} and child.pos_ == "PROPN" and sentence.person_of(child):
            parties.add([sentence.person_of(child)], objects=True)  # a name the parser hung on the verb: "..., NAME."
        if child.dep_ == "prep" and child.lower_ == "with" or child.dep_ == "dobj":
            _share_country(child, sentence, nested)
        if child.dep_ in {"dobj", "obj", "dative", "agent", "prep", "attr", "npadvmod"} or (
                child.dep_ == "advmod" and child.lower_ == "together"):
            if child.dep_ == "prep" and child.lower_ not in preps and not (
                    child.lower_ == "along" and any(c.lower_ == "with" for c in child.children)):
                continue  # "..., along with X"
            if child.dep_ == "prep" and any(_absolute_clause(c) for c in child.children):
                continue  # "met on Friday, with X calling for restraint": what X did there, not whom they met
            parties.add([p for t in _subtree_without(child, nested) if (p := sentence.person_of(t))], objects=True)
    if noun is not None:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in {"with", "between", "among"} or child.dep_ == "poss":
                parties.add([p for t in _subtree_without(child, nested) if (p := sentence.person_of(t))], objects=True)
    if parties.participants and not parties.objects and _unnamed_people_met(token, noun, sentence):
        parties.unnamed_others = True
    if passive_meeting and lemma in {"attend", "hold", "chair", "host"}:
        _attended_meeting_told_before(token, subjects, sentence, nested, parties)
    elif lemma in {"attend", "join"} and parties.participants and any(
            _told_before(c) for c in token.children if c.dep_ in {"dobj", "obj"}):
        # "X also attended the talks": one more person at the meeting told before, not a gathering of one.
        addition = _new_meeting("held", parties.participants, sentence, sentence.start, sentence.end, "addition")
        addition.trigger = ATTENDED_TOLD_BEFORE  # dated and placed by _meetings_from()
        parties.addition = [addition]
    return parties


_TOLD_BEFORE = {"talks", "talk", "meeting", "meetings", "discussions", "negotiations", "consultations"}


def _told_before(noun) -> bool:
    """'the talks', 'this meeting': a meeting named only by a definite noun, that is, the one told already."""
    return noun.lower_ in _TOLD_BEFORE and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these"}
                                              for c in noun.children) and not any(
        c.dep_ in {"compound", "amod", "nmod", "poss", "nummod", "prep", "acl", "relcl"} for c in noun.children)


_TAKING_PART = {"take", "attend", "join", "participate", "chair", "accompany", "sit"}


def _absolute_clause(token) -> bool:
    """'with X calling for restraint': a clause with its own subject, saying what X did (not 'with departing
    Ambassador X', whose participle qualifies the one met, nor 'with X also taking part')."""
    return token.dep_ == "pcomp" and lemma_of(token) not in _TAKING_PART and any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)


_PEOPLE_NOUNS = {"ambassador", "envoy", "official", "minister", "leader", "representative", "counterpart",
                 "diplomat", "lawmaker", "legislator", "senator", "governor", "executive", "delegate", "member"}
_GROUP_OF_PEOPLE = {"delegation", "delegations", "team", "committee", "panel"}


def _unnamed_people_met(token, noun, sentence: Sentence) -> bool:
    """'X met the ambassadors of the member states', 'X held talks with a delegation from Y': the other
    side is there, told without names."""
    heads = [c for c in token.children if c.dep_ in {"dobj", "obj"}]
    for head in [token, noun] if noun is not None else [token]:
        heads += [g for c in head.children if c.dep_ == "prep" and c.lower_ in {"with", "by"}
                  for g in c.children if g.dep_ == "pobj"]
    return any(
        (h.lemma_.lower() in _PEOPLE_NOUNS and h.tag_ in {"NNS", "NNPS"}) or h.lower_ in _GROUP_OF_PEOPLE
        for h in heads if sentence.person_of(h) is None)


def _attended_meeting_told_before(token, subjects, sentence: Sentence, nested, parties: _Parties) -> None:
    """'The meeting was (also) attended by X': more people for a meeting told already."""
    parties.add([p for t in _subtree_without(token, nested) if (p := sentence.person_of(t))], objects=True)
    subject = next(s for s in subjects if s.lower_ in MEETING_NOUNS | GATHERING_NOUNS)
    named = any(c.dep_ in {"compound", "amod", "nmod"} and (c.pos_ == "PROPN" or c.text[:1].isupper())
                for c in subject.subtree if c is not subject)
    if named or not any(c.lower_ in {"the", "this", "that"} for c in subject.children):
        return
    if not parties.objects:
        parties.addition = []
        return
    addition = _new_meeting("held", parties.objects, sentence, sentence.start, sentence.end, "addition")
    addition.date = DateValue(None)
    addition.place, addition.country = place(sentence, sentence.span.start_char, sentence.span.end_char)
    parties.addition = [addition]


def _of_officials_named(noun, nested) -> bool:
    """Does the meeting noun's phrase say whose meeting it is: 'of the foreign ministers, ...'?"""
    return noun.lower_ in MEETING_NOUNS | GATHERING_NOUNS and any(
        t.dep_ == "prep" and t.lower_ == "of" and t.i not in nested and any(
            g.dep_ == "pobj" and g.tag_ == "NNS" and g.lemma_.lower() in _PEOPLE_NOUNS for g in t.children)
        for t in noun.subtree)


def _noun_parties(trigger: Trigger, sentence: Sentence, nested: set[int]) -> _Parties:
    """'A's talks with B', 'the meeting between A and B', 'a meeting of A and B', 'after their talks', 'in a
    phone call, A told B'."""
    token = trigger.token
    parties = _Parties()
    possessor = [c for c in token.children if c.dep_ == "poss"]
    between = []
    for child in token.children:
        if child.dep_ == "poss":
            owners = [p for t in _subtree_without(child, nested) if (p := sentence.person_of(t))]
            if not owners and child.lower_ == "their":
                owners = _governing_subjects(token, sentence)  # "A and B signed ... after their talks"
            parties.add(owners)
            parties.unnamed_party = parties.unnamed_party or (not owners and child.pos_ in {"NOUN", "PROPN"})
        elif child.dep_ == "prep" and child.lower_ in {"with", "between", "among", "of"} or child.dep_ == "acl":
            # "a meeting of the three foreign ministers, A, B and C"
            people = [p for t in _subtree_without(child, nested) if (p := sentence.person_of(t))]
            parties.add(people, objects=True)
            if child.lower_ == "between":
                between = people
    if not parties.objects and _of_officials_named(token, nested):
        # "a meeting in Cairo of the three countries' foreign ministers, A of X, B of Y and C of Z"
        relative = {t.i for c in token.subtree if c.dep_ == "relcl" for t in c.subtree}
        parties.add([p for t in _subtree_without(token, nested | relative) if (p := sentence.person_of(t))],
                    objects=True)
    if possessor or len(between) >= 2:
        return parties
    governing = _governing_subjects(token, sentence)
    parties.add(governing)
    # "In a phone call on Tuesday, X told Y that ...": the one spoken to took part.
    if token.head.dep_ == "prep" and token.head.lower_ in {"in", "during"} and token.head.head.pos_ == "VERB" \
            and token.lower_ not in VISIT_NOUNS:
        verb = token.head.head
        parties.add([p for c in verb.children if c.dep_ in {"dobj", "dative"} and (p := sentence.person_of(c))],
                    objects=True)
    anaphoric = any(c.dep_ == "det" and c.lower_ in {"the", "this", "these", "that"} for c in token.children) \
        and not any(c.dep_ in {"compound", "amod", "nmod", "poss", "nummod"} for c in token.children)
    if anaphoric and not parties.objects and governing and token.lower_ in {"talks", "meeting", "meetings", "talk"}:
        # "Wang Yi was present at the talks": someone more at the meeting told before.
        parties.addition = [_new_meeting("held", governing, sentence, sentence.start, sentence.end, "addition")]
    return parties


def _meetings_from(trigger: Trigger, sentence: Sentence, anchor, trigger_tokens, discourse=None) -> list[Meeting]:
    token, noun, lemma = trigger.token, trigger.noun, lemma_of(trigger.token)
    nested = _nested_events(token, noun, sentence, trigger_tokens)
    if trigger.kind == "verb":
        parties = _verb_parties(trigger, sentence, nested, discourse)
    else:
        parties = _noun_parties(trigger, sentence, nested)
    if parties.addition is not None:
        for addition in parties.addition:
            if addition.trigger == ATTENDED_TOLD_BEFORE:  # its own when and where tell which meeting it is
                region = list(token.subtree)
                addition.date = date_for(sentence, token, region, anchor, False)
                addition.place, addition.country = place(sentence, min(t.idx for t in region),
                                                         max(t.idx + len(t.text) for t in region))
        return parties.addition
    if trigger.kind == "verb" and lemma in {"speak", "talk", "call"} and not parties.objects:
        return []  # "speaking to journalists" is not a meeting
    parties.add(parties.objects)
    participants, objects = parties.participants, parties.objects
    status = "planned" if future(token) or (noun is not None and future(noun)) else "held"
    region = [t for t in (noun.subtree if trigger.kind == "noun" else token.subtree) if t.i not in nested]
    visit = (token.lower_ in VISIT_NOUNS or lemma in {"visit", "travel"}) or (noun is not None and noun.lower_ in VISIT_NOUNS)
    if visit and not objects:
        # A visit to places, not to a person: planned visits only (a held visit is told through its meetings).
        if status != "planned" or not participants:
            return []
        return _visits_to_places(trigger, sentence, participants[0], region, anchor)

    # "Leaders of the bloc met in Arusha for their summit": a gathering whose people the next
    # sentences name ("X, Y and Z attended"); kept as a shell for them to join.
    shell = not participants and status == "held" and (
        _is_gathering(noun if noun is not None else token, sentence)
        or (lemma in {"meet", "gather", "convene"} and any(
            c.dep_ == "nsubj" and c.tag_ in {"NNS", "NNPS"} for c in token.children)))
    if not participants and not shell:
        return []
    two_sided = trigger.kind == "noun" and len(objects) == 2 and not subjects_of(participants, objects)
    remote = noun is not None and remote_conference(noun)
    # "A joined B by video link" is a call; "A joined B at the convention centre", the gathering there.
    joined_by_call = lemma == "join" and any(c.dep_ == "dobj" and sentence.person_of(c) for c in token.children) \
        and any(t.lower_ in CALL_WORDS for t in token.subtree)
    gathering = not two_sided and not remote and not joined_by_call and (
        _is_gathering(noun if noun is not None else token, sentence)
        or lemma in {"attend", "chair", "address", "convene", "co-chair", "join"})
    call = any(t.lower_ in CALL_WORDS and not visit_call(t) for t in sentence.span if abs(t.i - token.i) <= 6) \
        or lemma in {"phone", "telephone"}
    call = call or (noun is not None and remote_conference(noun))
    if lemma == "speak" and not any(c.dep_ == "prep" and c.lower_ in {"in", "at"} for c in token.children):
        call = True  # "the Prime Minister spoke to President Ruto": a readout's call

    region_text_start = min(t.idx for t in region)
    region_text_end = max(t.idx + len(t.text) for t in region)
    region_start = sentence.paragraph.start + region_text_start
    region_end = sentence.paragraph.start + region_text_end
    meetings = []
    for group in _one_meeting_per_party(participants, objects, sentence):
        meeting = _new_meeting(status, group, sentence, region_start, region_end, f"{trigger.kind}:{token.lemma_}")
        meeting.kind = "call" if call else "bilateral"
        meeting.summit_like = gathering and group is participants
        meeting.event = _event_noun(trigger)
        meeting.date = date_for(sentence, token, region, anchor, status == "planned")
        meeting.sidelines = bool(re.search(r"\b(?:sidelines?|margins?)\s+of\b", sentence.text))
        meeting.unnamed_party = (parties.unnamed_party and bool(objects)) or parties.unnamed_others
        attached = attached_places(token, noun)
        # A place named elsewhere in a sentence that tells several events is not a planned one's.
        fallback = not (getattr(sentence, "several_events", False) and status == "planned")
        meeting.place, meeting.country = place(sentence, region_text_start, region_text_end, attached, fallback)
        if gathering or (noun is not None and noun.lower_ in GATHERING_NOUNS):
            meeting.organisation = forum(sentence, noun or token)
        if not meeting.sidelines and gathering:
            meeting.kind = "multilateral"
        if shell:
            if not (meeting.date.date and (meeting.place or meeting.organisation)):
                continue  # a gathering only mentioned, not told as held somewhere on a day
            meeting.rule, meeting.summit_like, meeting.kind = UNNAMED_GATHERING, True, "multilateral"
            if meeting.organisation is None:  # "ministers of the G7 met": the body whose members they are
                meeting.organisation = next((o for c in token.children if c.dep_ == "nsubj"
                                             and (o := members_body(c, sentence))), None)
        meetings.append(meeting)
    return meetings


def _one_meeting_per_party(participants: list[Person], objects: list[Person], sentence: Sentence) -> list[list[Person]]:
    """'A met B and C separately', 'A met the foreign ministers of X and Y' (each of them from the
    one host country): one meeting with each; otherwise one meeting of everyone."""
    separate = any(t.lower_ in {"separate", "separately", "respectively", "individually"} for t in sentence.span)
    subjects_only = [p for p in participants if p not in objects]
    if len(objects) >= 2 and subjects_only and (separate or _one_host_country(subjects_only, objects)):
        return [[*subjects_only, o] for o in objects]
    return [participants]


def _visits_to_places(trigger: Trigger, sentence: Sentence, visitor: Person, region, anchor) -> list[Meeting]:
    """'X will visit Uzbekistan and Turkmenistan', 'X is to visit the Joint Coordination Centre':
    one planned visit to each country, else to the city or body named."""
    token, noun = trigger.token, trigger.noun
    region_text_start = min(t.idx for t in region)
    region_text_end = max(t.idx + len(t.text) for t in region)
    region_start = sentence.paragraph.start + region_text_start
    region_end = sentence.paragraph.start + region_text_end
    para_text = sentence.paragraph.text
    countries_here = [f for f in G.find_countries(para_text)
                      if region_text_start <= f.start < region_text_end and f.kind == "country"]
    taken = attached_places(token, noun) + [
        (min(t.idx for t in c.subtree), max(t.idx + len(t.text) for t in c.subtree))
        for c in token.children if c.dep_ == "dobj"]
    targets = [f.value for f in countries_here if f.start > token.idx
               and (not taken or any(a <= f.start < b for a, b in taken) or token.pos_ == "NOUN")]
    meetings = []
    for code in dict.fromkeys(targets):
        meeting = _new_meeting("planned", [visitor], sentence, region_start, region_end, "visit to country", country=code)
        meeting.date = date_for(sentence, token, region, anchor, True)
        meetings.append(meeting)
    if meetings:
        return meetings
    city = next((c for a, b in taken if (c := city_in(sentence, a, b))), None) or \
        city_in(sentence, region_text_start, region_text_end)
    orgs = [f for f in O.find_organisations(para_text) if region_text_start <= f.start < region_text_end and f.kind == "org"]
    if not city and not orgs:
        city = city_in(sentence, sentence.span.start_char, sentence.span.end_char)
        if not city:
            return []
    meeting = _new_meeting("planned", [visitor], sentence, region_start, region_end, "visit to place")
    meeting.date = date_for(sentence, token, region, anchor, True)
    if city:
        meeting.place, meeting.country = city, G.C.city_country(city, countries_near(sentence))
    if orgs:
        meeting.organisation = orgs[0].value
        meeting.kind = "multilateral"
    return [meeting]




_STRICT_GATHERINGS = GATHERING_NOUNS - {"meeting", "session", "council"}


def _is_gathering(noun, sentence) -> bool:
    """A summit, a retreat, or a meeting of a body's members; not 'a bilateral meeting'."""
    if noun is None or noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    modifiers = {c.lower_ for c in noun.children}
    if modifiers & {"bilateral", "one-on-one", "separate", "private"}:
        return False
    if noun.lower_ in _STRICT_GATHERINGS or modifiers & {"trilateral", "multilateral", "ministerial", "plenary"}:
        return True
    if noun.lower_ in {"meeting", "meetings", "session"}:
        # "a meeting among SCO members", "the ASEAN Foreign Ministers' Meeting"
        if any(c.lower_ in {"among", "of"} for c in noun.children) or noun.text[0].isupper():
            return True
    return False


def subjects_of(participants, objects):
    return [p for p in participants if p not in objects]


def _one_host_country(subjects: list[Person], objects: list[Person]) -> bool:
    """'meet with President A, Prime Minister B and Speaker C' of one host country: a visitor's
    separate meetings with each of the host's leaders."""
    if len(objects) < 3 or not all(o.role and o.country for o in objects):
        return False
    countries = {o.country for o in objects}
    roles = {o.role.lower() for o in objects}
    subject_countries = {s.country for s in subjects if s.country}
    return len(countries) == 1 and len(roles) == len(objects) and not (countries & subject_countries)


def _share_country(head, sentence: Sentence, nested) -> None:
    """'talks with US Secretary of State Blinken and National Security Advisor Sullivan', 'meet with
    Vietnamese President A, Prime Minister B and C': the people met, listed after one country's
    name, are of that country unless told otherwise."""
    people = []
    for token in _subtree_without(head, nested):
        person = sentence.person_of(token)
        if person is not None and person not in people:
            people.append(person)
    if len(people) < 2 or people[0].country is None:
        return
    for person in people[1:]:
        if person.country is None and person.organisation is None and person.role:
            person.country = people[0].country


def _conjoined_before(subjects, sentence: Sentence) -> list[Person]:
    """'Wang and senior Chinese diplomat Yang Jiechi held talks': the parser may hang the first
    of two conjoined subjects elsewhere; the words between them say they go together."""
    people = []
    for subject in subjects:
        mention = sentence.mention_of(subject)
        if mention is None:
            continue
        for other in sentence.mentions:
            if other.person is None or other.end > mention.start:
                continue
            gap = sentence.paragraph.text[other.end - sentence.paragraph.start : mention.start - sentence.paragraph.start]
            if re.fullmatch(r"\s+and\s+(?:[\w’'.-]+\s+){0,8}", gap) and not re.search(r"\b(?:said|met|with)\b", gap):
                people.append(other.person)
    return people


def _they(token, sentence) -> list[Person]:
    """'... he reached with Biden when they met': the people of the governing clause."""
    head = token.head if token.dep_ in {"advcl", "relcl", "conj"} else token
    return [p for t in head.subtree if (p := sentence.person_of(t))]


def _new_meeting(status, participants, sentence, start, end, rule, country=None) -> Meeting:
    return Meeting(status=status, kind="bilateral", participants=list(participants), country=country,
                   start=sentence.start, end=sentence.end, rule=rule,
                   confidence=0.8 if len(participants) >= 2 else 0.6, trigger=rule,
                   told=[(sentence.start, sentence.end)])


def _event_noun(trigger: Trigger) -> str:
    noun = trigger.noun if trigger.noun is not None else (trigger.token if trigger.kind == "noun" else None)
    if noun is None or noun.lower_ in {"talks", "talk", "meeting", "meetings", "call", "phone"}:
        return ""
    return noun.lemma_.lower()




