"""Meetings: who met whom, held or planned, in person or by phone, when,
where and in which forum, from the verbs and nouns news uses ("met with",
"held talks with", "received", "a phone call with", "will visit", "attended
the summit"), then merged so that one real meeting is one record."""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import gazetteer as G
from . import organisations as O
from .attendance import attendance_in
from .dates import find_dates
from .reader import DATELINE
from .lexicon import CALL_WORDS, GATHERING_NOUNS, MEETING_NOUNS, NON_MEETING_NOUNS
from .sentences import Sentence
from .types import DateValue, Meeting, Person

_VERB_TRIGGERS = {"meet", "receive", "host", "talk", "speak", "phone", "chair", "attend", "address", "visit",
                  "co-chair", "convene", "telephone", "join", "call", "travel", "welcome", "sit", "discuss", "bring"}
_HOLD_VERBS = {"hold", "have", "conduct", "pay", "make", "begin", "start", "wrap", "open"}
_VISIT_NOUNS = {"visit", "visits", "trip", "tour"}
_NOT_FUTURE_NOUNS = {"opportunity", "chance", "desire", "willingness", "readiness"}
_VENUE = re.compile(
    r"\b(?:at|in)\s+(?:the\s+)?((?:[A-Z][\w'’-]+\s+){0,4}(?:Hall|House|Palace|Hotel|Castle|Centre|Center|"
    r"Kremlin|Square|Residence|Villa|Guesthouse|Guest House|Building)(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]+)*)|"
    r"\bheld at\s+((?:[A-Z][\w'’-]+\s?){1,4})"
)
VENUE_COUNTRIES = {"White House": "US", "Kremlin": "RU", "Great Hall of the People": "CN", "Élysée Palace": "FR",
                   "Elysee Palace": "FR", "Downing Street": "GB", "Zhongnanhai": "CN", "Diaoyutai": "CN",
                   "Blue House": "KR", "Camp David": "US"}


@dataclass
class Trigger:
    token: object
    kind: str  # verb, noun
    noun: object = None  # the meeting noun, when there is one


def _lemma(token) -> str:
    return token.lemma_.lower()


def find_triggers(sentence: Sentence) -> list[Trigger]:
    triggers = []
    nouns_taken = set()
    for token in sentence.span:
        lemma = _lemma(token)
        if token.pos_ in {"VERB", "AUX"} and lemma in _HOLD_VERBS:
            nouns = [c for c in token.children if c.dep_ in {"dobj", "obj"} and (
                c.lower_ in MEETING_NOUNS or _remote_conference(c))]
            nouns += [c for c in token.children if c.dep_ == "nsubjpass" and c.lower_ in MEETING_NOUNS | GATHERING_NOUNS]
            nouns += [c for n in nouns for c in n.children if c.dep_ == "conj" and c.lower_ in MEETING_NOUNS]
            for noun in nouns:
                if _is_non_meeting(noun):
                    continue
                triggers.append(Trigger(token, "verb", noun))
                nouns_taken.add(noun.i)
        elif token.pos_ == "VERB" and lemma in _VERB_TRIGGERS:
            if _negated(token):
                continue
            if lemma in {"speak", "talk"} and not any(c.lower_ in {"with", "to"} for c in token.children):
                continue
            if lemma == "sit" and not ({"down", "with"} <= {c.lower_ for c in token.children}):
                continue  # "sat down with X"
            if lemma == "discuss" and not any(c.dep_ == "prep" and c.lower_ == "with" and any(
                    sentence.person_of(t) for t in c.subtree) for c in token.children):
                continue  # "discussed the crisis with her counterpart": talks; "discussed trade": not
            if lemma == "bring" and not any(c.lower_ == "together" for c in token.children):
                continue  # "the summit brought together A, B and C"
            if lemma == "call" and not _courtesy_call(token, sentence):
                continue  # "called on Washington to stop", "called for restraint": words, not a meeting
            if lemma == "travel" and not _future(token):
                continue  # a journey told afterwards is told through its meetings
            if lemma == "welcome" and not any(c.dep_ == "dobj" and c.lower_ not in _NOT_FUTURE_NOUNS and any(
                    sentence.person_of(t) for t in c.subtree) for c in token.children):
                continue  # "welcomed the decision"; "welcomed President X to Canberra" is a visit received
            if lemma == "join" and not any(c.lower_ in GATHERING_NOUNS for c in token.subtree):
                continue
            head_is_meeting = token.dep_ == "acl" and token.head.lower_ in GATHERING_NOUNS | MEETING_NOUNS
            if token.dep_ == "advcl" and lemma in {"chair", "host", "co-chair"}:
                gathering_object = next((c for c in token.head.children if c.dep_ == "dobj" and c.lower_ in GATHERING_NOUNS), None)
                head_is_meeting = gathering_object is not None
            if lemma in {"attend", "address", "chair", "convene", "co-chair", "host"} and not head_is_meeting and not any(
                c.lower_ in GATHERING_NOUNS | MEETING_NOUNS for c in token.subtree
            ):
                if lemma != "host":
                    continue
            if token.dep_ in {"xcomp", "acl"} and token.head.lower_ in _NOT_FUTURE_NOUNS:
                continue
            meeting_noun = next((c for c in token.children if c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in GATHERING_NOUNS | MEETING_NOUNS), None)
            if meeting_noun is None and head_is_meeting:
                # "the summit, chaired by X"
                meeting_noun = token.head if token.dep_ == "acl" else next(
                    c for c in token.head.children if c.dep_ == "dobj" and c.lower_ in GATHERING_NOUNS)
            if meeting_noun is not None:
                nouns_taken.add(meeting_noun.i)
            triggers.append(Trigger(token, "verb", meeting_noun))
    for token in sentence.span:
        if token.i in nouns_taken or token.pos_ not in {"NOUN", "PROPN"} or token.lower_ not in MEETING_NOUNS:
            continue
        if token.dep_ == "compound" and token.head.lower_ in MEETING_NOUNS | GATHERING_NOUNS:
            continue  # "Summit" in "Summit Meeting": one meeting, told by its head noun
        if _is_non_meeting(token) or _negated(token):
            continue
        triggers.append(Trigger(token, "noun", token))
    return triggers


def _visit_call(token) -> bool:
    """'paid a courtesy call on', 'called on the minister': a visit in person, not a phone call."""
    if token.lower_ not in {"call", "calls", "called"}:
        return False
    if any(c.lower_ in {"courtesy", "farewell", "introductory", "official"} for c in token.children):
        return True
    if token.lemma_.lower() == "call" and token.pos_ == "VERB":
        return any(c.lower_ in {"on", "upon", "at"} for c in token.children)
    return token.head.lemma_.lower() == "pay"


def _remote_conference(noun) -> bool:
    """'a video conference', 'a virtual conference call': a call, not a press conference."""
    return noun.lower_ in {"conference", "link"} and any(
        c.lower_ in {"video", "phone", "telephone", "virtual", "online"} for c in noun.children)


def _negated(token) -> bool:
    """'no meeting between Putin and Zelensky was planned', 'did not meet'."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children):
        return True
    return token.dep_ in {"nsubj", "nsubjpass", "dobj"} and any(c.dep_ == "neg" for c in token.head.children)


def _courtesy_call(token, sentence) -> bool:
    """'called on Prime Minister Kishida' (a visit), not 'called on Moscow to withdraw' (words)."""
    if any(c.dep_ == "xcomp" or (c.dep_ == "ccomp") for c in token.children):
        return False
    for child in token.children:
        if child.dep_ in {"prep", "prt"} and child.lower_ in {"on", "upon", "at"}:
            objects = [t for t in child.subtree if t is not child]
            if any(t.dep_ == "aux" and t.lower_ == "to" for t in token.subtree):
                return False
            return any(sentence.person_of(t) for t in objects) or any(
                sentence.person_of(t) for t in token.children if t.dep_ == "dobj")
    return False


def _is_non_meeting(noun) -> bool:
    if any(c.lower_ in NON_MEETING_NOUNS for c in noun.children if c.dep_ in {"compound", "amod"}):
        return True
    if noun.lower_ in {"exchange", "dialogue", "encounter", "session"} and not any(
        c.lower_ in {"with", "between"} for c in noun.children
    ):
        return True
    head = noun.head
    # "on the sidelines of the summit": a parent, not another meeting.
    if head.lower_ == "of" and head.head.lower_ in {"sidelines", "margins", "sideline", "margin"}:
        return True
    return False


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
                for t in [subject, *[c for c in subject.subtree if c.dep_ == "conj"]]:
                    # "her Indonesian counterpart Retno Marsudi": the name hangs on the title noun.
                    person = sentence.person_of(t) or next(
                        (p for c in t.children if c.dep_ in {"compound", "appos", "flat"} and (p := sentence.person_of(c))), None)
                    if person and person not in people:
                        people.append(person)
            if people:
                return people
            if subjects and not any(s.lower_ in {"who", "that", "which"} for s in subjects):
                return []
        current = head
    return []


_FUTURE_WORDS = {"slated", "poised", "scheduled", "expected", "due", "set", "planned", "planning", "hoping",
                 "intends", "intend", "wants", "seeks", "aims"}


def _future(token) -> bool:
    """Is the event planned: 'will meet', 'is scheduled to visit', 'ahead of the visit'?"""
    current = token
    for _ in range(4):
        if any(c.lower_ in {"will", "'ll", "shall"} and c.dep_ == "aux" for c in current.children):
            return True
        if any(c.lemma_.lower() in {"schedule", "expect", "due", "set", "plan"} and c.dep_ in {"auxpass", "aux", "acomp"} for c in current.children):
            return True
        if (_lemma(current) in {"schedule", "expect", "plan", "intend", "prepare", "agree", "due", "set", "slate"}
                or current.lower_ in _FUTURE_WORDS) and current is not token:
            return True
        if current is not token and current.lemma_ == "be" and token.dep_ == "xcomp" and token.head is current:
            return True  # "is to meet"
        if current.lower_ in {"invitation", "ahead"} and current is not token:
            return True
        if current.dep_ == "ROOT":
            break
        current = current.head
    if token.lower_ in _VISIT_NOUNS and any(a.lower_ in {"ahead", "upcoming", "forthcoming", "planned", "coming"} for a in token.ancestors):
        return True
    if token.lower_ in _VISIT_NOUNS and any(c.lower_ in {"upcoming", "forthcoming", "planned"} for c in token.children):
        return True
    return False


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
    if not meetings:
        meetings.extend(_surface_meeting(sentence, anchor))
    attendance = attendance_in(sentence)
    if attendance is not None:
        people = [*attendance.anchor, *(p for p in attendance.people if p not in attendance.anchor)]
        addition = _new_meeting("held", people, sentence, sentence.start, sentence.end, "addition")
        addition.trigger = attendance.construction
        addition.date = _date_for(sentence, sentence.span.root, list(sentence.span), anchor, False)
        addition.place, addition.country = _place(sentence, sentence.span.start_char, sentence.span.end_char)
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
    meeting.date = _date_for(sentence, verb, list(sentence.span), anchor, False)
    meeting.place, meeting.country = _place(sentence, sentence.span.start_char, sentence.span.end_char)
    meeting.kind = "multilateral" if len(participants) >= 3 else "bilateral"
    return [meeting]


def _future_words(text: str) -> bool:
    return bool(re.search(r"\b(?:will|would|to|could|may|might|should)\s*$", text.strip() + " ", re.I))


def _is_group(token) -> bool:
    return token.lemma_.lower() in _GROUP_NOUNS and token.tag_ in {"NNS", "NNPS"} and any(
        c.lower_ in {"the", "two", "both", "three"} for c in token.children)


def _meetings_from(trigger: Trigger, sentence: Sentence, anchor, trigger_tokens, discourse=None) -> list[Meeting]:
    token = trigger.token
    noun = trigger.noun
    others = trigger_tokens - {token.i} - ({noun.i} if noun is not None else set())
    own = {t.i for t in token.subtree}
    ancestors = {a.i for a in token.ancestors}
    # Other meetings told inside this one's clause are theirs, not this one's.
    nested = set()
    for other in sentence.span:
        if other.i in others and other.i in own and other.i not in ancestors:
            nested |= {t.i for t in other.subtree}
    lemma = _lemma(token)
    participants: list[Person] = []
    objects: list[Person] = []
    unnamed_party = False

    def add(people, into=participants):
        for person in people:
            if person not in into:
                into.append(person)

    if trigger.kind == "verb":
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects and token.dep_ in {"conj", "xcomp", "advcl"}:
            subjects = [c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if not subjects and token.head.dep_ in {"xcomp", "conj", "acomp"}:  # "is due to visit"
                subjects = [c for c in token.head.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects and token.dep_ == "acl" and lemma in {"visit", "meet", "travel"}:
            add(_governing_subjects(token.head, sentence))
        if not subjects and not participants and token.dep_ == "acl" and token.head.pos_ in {"NOUN", "PROPN"} \
                and token.head.lower_ not in MEETING_NOUNS | GATHERING_NOUNS:
            # "A delegation led by X called on Y": a parse that hangs the verb on its subject noun.
            own_clause = {t.i for t in token.subtree}
            add([p for t in token.head.subtree if t.i not in own_clause and t.i not in nested
                 and (p := sentence.person_of(t))])
        passive_meeting = any(s.lower_ in MEETING_NOUNS | GATHERING_NOUNS for s in subjects)
        # "The Secretary-General spoke by telephone with President X": a side told by office only.
        unnamed_party = bool(subjects) and all(
            sentence.person_of(s) is None and s.pos_ in {"NOUN", "PROPN"} and s.lower_ not in MEETING_NOUNS | GATHERING_NOUNS
            and s.tag_ not in {"NNS", "NNPS"} and s.lemma_.lower() not in {"side", "delegation", "country"}
            for s in subjects)
        add(_conjoined_before(subjects, sentence))
        for subject in subjects:
            if subject.lower_ in {"who", "that"} and token.dep_ == "relcl":
                subject = token.head
            if subject.lower_ == "they":
                add(_they(token, sentence))
                continue
            if discourse is not None and _is_group(subject):
                # "The two ministers, A of Chile and B of Peru, met": the names told with them, else
                # the people of the meeting told last.
                named = [p for t in subject.subtree if (p := sentence.person_of(t))]
                add(named or discourse.group(subject.lemma_.lower()))
                continue
            add([p for t in [subject, *subject.subtree] if (p := sentence.person_of(t))])
        for child in token.children:
            if child.dep_ in {"conj", "appos"} and child.pos_ == "PROPN" and sentence.person_of(child):
                add([sentence.person_of(child)], objects)  # a name the parser hung on the verb: "..., NAME."
            if child.dep_ == "prep" and child.lower_ == "with" or child.dep_ == "dobj":
                _share_country(child, sentence, nested)
            if child.dep_ in {"dobj", "obj", "dative", "agent", "prep", "attr", "npadvmod"} or (
                child.dep_ == "advmod" and child.lower_ == "together"):
                if child.dep_ == "prep" and child.lower_ not in {"with", "by", "between", "among", "alongside"} | (
                        {"from"} if noun is not None and noun.lower_ in CALL_WORDS | {"visit", "delegation"} else set()) | (
                        {"on", "upon"} if lemma == "call" else {"to"} if lemma == "speak" else set()):
                    continue
                add([p for t in _subtree_without(child, nested) if (p := sentence.person_of(t))], objects)
        if noun is not None:
            for child in noun.children:
                if child.dep_ == "prep" and child.lower_ in {"with", "between", "among"} or child.dep_ == "poss":
                    add([p for t in _subtree_without(child, nested) if (p := sentence.person_of(t))], objects)
        if passive_meeting and lemma in {"attend", "hold", "chair", "host"}:
            # "The meeting was (also) attended by X": more people for a meeting told already.
            add([p for t in _subtree_without(token, nested) if (p := sentence.person_of(t))], objects)
            subject = next(s for s in subjects if s.lower_ in MEETING_NOUNS | GATHERING_NOUNS)
            named = any(c.dep_ in {"compound", "amod", "nmod"} and (c.pos_ == "PROPN" or c.text[:1].isupper())
                        for c in subject.subtree if c is not subject)
            if not named and any(c.lower_ in {"the", "this", "that"} for c in subject.children):
                if not objects:
                    return []
                addition = _new_meeting("held", objects, sentence, sentence.start, sentence.end, "addition")
                addition.date = DateValue(None)
                place, country = _place(sentence, sentence.span.start_char, sentence.span.end_char)
                addition.place, addition.country = place, country
                return [addition]
    else:
        possessor = [c for c in token.children if c.dep_ == "poss"]
        between = []
        for child in token.children:
            if child.dep_ == "poss":
                owners = [p for t in _subtree_without(child, nested) if (p := sentence.person_of(t))]
                if not owners and child.lower_ == "their":
                    owners = _governing_subjects(token, sentence)  # "A and B signed ... after their talks"
                add(owners)
                unnamed_party = unnamed_party or (not owners and child.pos_ in {"NOUN", "PROPN"})
            elif child.dep_ == "prep" and child.lower_ in {"with", "between", "among"} or child.dep_ == "acl":
                people = [p for t in _subtree_without(child, nested) if (p := sentence.person_of(t))]
                add(people, objects)
                if child.lower_ == "between":
                    between = people
        if not possessor and len(between) < 2:
            governing = _governing_subjects(token, sentence)
            add(governing)
            # "In a phone call on Tuesday, X told Y that ...": the one spoken to took part.
            if token.head.dep_ == "prep" and token.head.lower_ in {"in", "during"} and token.head.head.pos_ == "VERB" \
                    and token.lower_ not in _VISIT_NOUNS:
                verb = token.head.head
                add([p for c in verb.children if c.dep_ in {"dobj", "dative"} and (p := sentence.person_of(c))], objects)
            anaphoric = any(c.dep_ == "det" and c.lower_ in {"the", "this", "these", "that"} for c in token.children) \
                and not any(c.dep_ in {"compound", "amod", "nmod", "poss", "nummod"} for c in token.children)
            if anaphoric and not objects and governing and token.lower_ in {"talks", "meeting", "meetings", "talk"}:
                # "Wang Yi was present at the talks": someone more at the meeting told before.
                addition = _new_meeting("held", governing, sentence, sentence.start, sentence.end, "addition")
                return [addition]
    if trigger.kind == "verb" and lemma in {"speak", "talk", "call"} and not objects:
        return []  # "speaking to journalists" is not a meeting
    add(objects)
    status = "planned" if _future(token) or (noun is not None and _future(noun)) else "held"
    visit = (token.lower_ in _VISIT_NOUNS or lemma in {"visit", "travel"}) or (noun is not None and noun.lower_ in _VISIT_NOUNS)
    region = [t for t in (noun.subtree if trigger.kind == "noun" else token.subtree) if t.i not in nested]
    region_start = sentence.paragraph.start + min(t.idx for t in region)
    region_end = sentence.paragraph.start + max(t.idx + len(t.text) for t in region)

    # Countries and places named in the trigger's own region ("visits to Uzbekistan and Turkmenistan").
    region_text_start = min(t.idx for t in region)
    region_text_end = max(t.idx + len(t.text) for t in region)
    para_text = sentence.paragraph.text
    countries_here = [f for f in G.find_countries(para_text)
                      if region_text_start <= f.start < region_text_end and f.kind == "country"]
    sentence_text_start, sentence_text_end = sentence.span.start_char, sentence.span.end_char

    if visit and not objects:
        # A visit to places, not to a person: planned visits only (a held visit is told through its meetings).
        if status != "planned" or not participants:
            return []
        taken = _attached_places(token, noun) + [
            (min(t.idx for t in c.subtree), max(t.idx + len(t.text) for t in c.subtree))
            for c in token.children if c.dep_ == "dobj"]
        targets = [f.value for f in countries_here if f.start > token.idx
                   and (not taken or any(a <= f.start < b for a, b in taken) or token.pos_ == "NOUN")]
        meetings = []
        for code in dict.fromkeys(targets):
            meetings.append(_new_meeting(status, participants[:1], sentence, region_start, region_end, "visit to country",
                                         country=code))
        if meetings:
            for m in meetings:
                m.date = _date_for(sentence, token, region, anchor, True)
            return meetings
        # A planned visit to a city or a body ("to visit the Joint Coordination Centre").
        city = next((c for a, b in taken if (c := _city_in(sentence, a, b))), None) or \
            _city_in(sentence, region_text_start, region_text_end)
        orgs = [f for f in O.find_organisations(para_text) if region_text_start <= f.start < region_text_end and f.kind == "org"]
        if not city and not orgs:
            city = _city_in(sentence, sentence_text_start, sentence_text_end)
            if not city:
                return []
        meeting = _new_meeting(status, participants[:1], sentence, region_start, region_end, "visit to place")
        meeting.date = _date_for(sentence, token, region, anchor, True)
        if city:
            meeting.place, meeting.country = city, G.C.city_country(city, _countries_near(sentence))
        if orgs:
            meeting.organisation = orgs[0].value
            meeting.kind = "multilateral"
        return [meeting]

    # "Leaders of the bloc met in Arusha for their summit": a gathering whose people the next
    # sentences name ("X, Y and Z attended"); kept as a shell for them to join.
    shell = not participants and status == "held" and (
        _is_gathering(noun if noun is not None else token, sentence)
        or (lemma in {"meet", "gather", "convene"} and any(
            c.dep_ == "nsubj" and c.tag_ in {"NNS", "NNPS"} for c in token.children)))
    if not participants and not shell:
        return []
    two_sided = trigger.kind == "noun" and len(objects) == 2 and not subjects_of(participants, objects)
    remote = noun is not None and _remote_conference(noun)
    gathering = not two_sided and not remote and (_is_gathering(noun if noun is not None else token, sentence) or (
        lemma in {"attend", "chair", "address", "convene", "co-chair", "join"}))
    call = any(t.lower_ in CALL_WORDS and not _visit_call(t) for t in sentence.span if abs(t.i - token.i) <= 6) \
        or lemma in {"phone", "telephone"}
    call = call or (noun is not None and _remote_conference(noun))
    if lemma == "speak" and not any(c.dep_ == "prep" and c.lower_ in {"in", "at"} for c in token.children):
        call = True  # "the Prime Minister spoke to President Ruto": a readout's call

    separate = any(t.lower_ in {"separate", "separately", "respectively", "individually"} for t in sentence.span)
    subjects_only = [p for p in participants if p not in objects]
    split_objects = len(objects) >= 2 and subjects_only and (
        separate or _one_host_country(subjects_only, objects)
    )
    groups = [[*subjects_only, o] for o in objects] if split_objects else [participants]
    meetings = []
    for group in groups:
        meeting = _new_meeting(status, group, sentence, region_start, region_end, f"{trigger.kind}:{token.lemma_}")
        meeting.kind = "call" if call else "bilateral"
        meeting.summit_like = gathering and not split_objects
        meeting.event = _event_noun(trigger)
        meeting.date = _date_for(sentence, token, region, anchor, status == "planned")
        meeting.sidelines = bool(re.search(r"\b(?:sidelines?|margins?)\s+of\b", sentence.text))
        meeting.unnamed_party = unnamed_party and bool(objects)
        attached = _attached_places(token, noun)
        # A place named elsewhere in a sentence that tells several events is not a planned one's.
        fallback = not (getattr(sentence, "several_events", False) and status == "planned")
        place, country = _place(sentence, region_text_start, region_text_end, attached, fallback)
        meeting.place, meeting.country = place, country
        if gathering or (noun is not None and noun.lower_ in GATHERING_NOUNS):
            meeting.organisation = _forum(sentence, noun or token)
        if not meeting.sidelines and gathering:
            meeting.kind = "multilateral"
        if shell:
            if not (meeting.date.date and (meeting.place or meeting.organisation)):
                continue  # a gathering only mentioned, not told as held somewhere on a day
            meeting.rule, meeting.summit_like, meeting.kind = UNNAMED_GATHERING, True, "multilateral"
        meetings.append(meeting)
    return meetings


UNNAMED_GATHERING = "unnamed gathering"


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




def _date_for(sentence, token, region, anchor, future) -> DateValue:
    text = sentence.paragraph.text
    found = find_dates(text[sentence.span.start_char : sentence.span.end_char], anchor, future)
    # The date in a dateline ("MUNICH, Feb 17 (Reuters) -") is the filing date, not the event's.
    dateline = DATELINE.match(text) if sentence.span.start_char == 0 else None
    if dateline:
        found = [f for f in found if f[0] >= dateline.end()]
    if not found:
        return DateValue(None)
    base = sentence.span.start_char
    region_ids = {t.idx for t in region}
    region_lo = min(region_ids)
    region_hi = max(t.idx + len(t.text) for t in region)
    inside = [f for f in found if region_lo <= base + f[0] < region_hi]
    # Where a sentence tells several events, a date outside this one's clause is another's.
    if not inside and getattr(sentence, "several_events", False) and token.lower_ in _VISIT_NOUNS:
        return DateValue(None)
    candidates = inside or found
    pos = token.idx - base
    best = min(candidates, key=lambda f: abs(f[0] - pos))  # the date told nearest the meeting
    value = best[2]
    return value


_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|to|visited|visiting|visit|from|(?:resort|city|town|capital|port|village|island) of)\s+(?:the\s+)?$", re.I)


def _city_in(sentence, lo, hi) -> str | None:
    text = sentence.paragraph.text
    for found in G.find_cities(text):
        # "the Xi'an Declaration", "Berlin's resolve": a city naming something else.
        if re.match(r"(?:\s+[A-Z]|['’]s\b)", text[found.end : found.end + 3]):
            continue
        # "Washington would keep supporting Kyiv": a capital standing for its government.
        if not _PLACE_BEFORE.search(text[max(0, found.start - 12) : found.start]):
            continue
        if lo <= found.start < hi:
            return found.value
    # A smaller town is a place where the sentence puts one: "in Cholpon-Ata", "the resort of Sochi".
    near = _countries_near(sentence)
    for match in _TOWN_AFTER.finditer(text, lo, hi):
        words = match.group(1).split()
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            if G.C.city_country(name, near):
                return name
    return None


_TOWN_AFTER = re.compile(
    r"\b(?:in|at|to|visited|visiting|(?:resort|city|town|capital|port|village|island) of)\s+(?:the\s+)?"
    r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})")


def _countries_near(sentence) -> set[str]:
    """The countries a paragraph names, which tell which of several same-named towns it means."""
    return {f.value for f in G.find_countries(sentence.paragraph.text)}


def _attached_places(token, noun) -> list[tuple[int, int]]:
    """Character ranges of the places the trigger itself takes: 'met ... in Busan', 'talks in Guilin'."""
    ranges = []
    for head in [token, noun] if noun is not None and noun is not token else [token]:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "at", "to"}:
                sub = list(child.subtree)
                ranges.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
        if head.dep_ == "relcl" or any(c.lower_ == "where" for c in head.children):
            # "flew to Kyiv, where Zelensky received him": the place of the clause it hangs on.
            for child in head.head.children if head.dep_ == "relcl" else []:
                if child.dep_ == "prep" and child.lower_ in {"in", "at", "to"}:
                    sub = list(child.subtree)
                    ranges.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    return ranges


def _country_in(sentence, lo, hi) -> str | None:
    text = sentence.paragraph.text
    for found in G.find_countries(text):
        if lo <= found.start < hi and found.kind == "country" and re.search(r"\b(?:in|to)\s+(?:the\s+)?$", text[max(0, found.start - 8): found.start]):
            return found.value
    return None


def _place(sentence, lo, hi, attached=(), fallback=True) -> tuple[str | None, str | None]:
    text = sentence.paragraph.text
    s_lo, s_hi = sentence.span.start_char, sentence.span.end_char
    city = next((c for a, b in attached if (c := _city_in(sentence, a, b))), None) or _city_in(sentence, lo, hi)
    region_country = None
    if not city:
        region_country = next((c for a, b in attached if (c := _country_in(sentence, a, b))), None)
    if city is None and region_country is None and fallback:
        city = _city_in(sentence, s_lo, s_hi)
    if city is None and region_country is None:
        for ent in sentence.span.ents:
            if ent.label_ == "GPE" and ent.text not in G.C.country_names() and ent.text not in G.C.country_adjectives():
                prev = text[max(0, ent.start_char - 4) : ent.start_char]
                if re.search(r"\bin\s+$", prev):
                    city = ent.text
                    break
    venue = None
    for match in _VENUE.finditer(text[s_lo:s_hi]):
        venue = (match.group(1) or match.group(2) or "").strip()
        if venue and venue != city:
            break
        venue = None
    country = G.C.city_country(city, _countries_near(sentence)) if city else region_country
    if venue:
        venue_country = next((c for v, c in VENUE_COUNTRIES.items() if v in venue), None)
        if venue_country and country and venue_country != country:
            city, country = None, venue_country
        country = country or venue_country
    place = ", ".join(p for p in (venue, city) if p) or None
    return place, country


def _forum(sentence: Sentence, token) -> str | None:
    """The body in whose frame a gathering is held: 'the SCO summit', 'an Arab League summit'."""
    text = sentence.paragraph.text
    found = O.find_organisations(text)
    lo, hi = sentence.span.start_char, sentence.span.end_char
    best = None
    for f in found:
        if f.kind != "org" or not lo <= f.start < hi:
            continue
        known = O.known_organisation(f.text) or O.known_organisation(f.value)
        if known and known[2] in {"intergovernmental"}:
            distance = abs(f.start - token.idx)
            if best is None or distance < best[0]:
                best = (distance, known[0])
    return best[1] if best else None


def _same_gathering(a: Meeting, b: Meeting) -> bool:
    """Two mentions of a summit are one when they share a forum, a place or a person, or one says nothing of either."""
    if a.organisation and a.organisation == b.organisation:
        return True
    if a.place and b.place and (a.place in b.place or b.place in a.place):
        return True
    if set(map(id, a.participants)) & set(map(id, b.participants)):
        return True
    return not (a.place and b.place) and not (a.organisation and b.organisation) and (a.date.date == b.date.date or not a.date.date or not b.date.date)


def _same_destination(visit: Meeting, meeting: Meeting) -> bool:
    """A planned visit to a country is the planned meeting with that country's people."""
    if visit.status == "held" or not visit.country:
        return True
    if meeting.country:
        return meeting.country == visit.country
    hosts = [p for p in meeting.participants if p not in visit.participants]
    return any(p.country == visit.country for p in hosts)


def _compatible_dates(a: Meeting, b: Meeting) -> bool:
    return a.date.date is None or b.date.date is None or a.date.date == b.date.date


def _absorb(into: Meeting, other: Meeting) -> None:
    for person in other.participants:
        if person not in into.participants:
            into.participants.append(person)
    if into.date.date is None and other.date.date is not None:
        into.date = other.date
    into.place = into.place or other.place
    into.country = into.country or other.country
    into.organisation = into.organisation or other.organisation
    into.summit_like = into.summit_like or other.summit_like
    into.unnamed_party = into.unnamed_party or other.unnamed_party
    into.told.extend(other.told)
    if other.kind == "call":
        into.kind = "call"
    into.confidence = max(into.confidence, other.confidence)


def merge_meetings(meetings: list[Meeting]) -> list[Meeting]:
    """One record per real meeting: the same event told several times is merged."""
    additions = [m for m in meetings if m.rule == "addition"]
    meetings = [m for m in meetings if m.rule != "addition"]
    result: list[Meeting] = []
    # Gatherings first: everyone who attended, chaired or addressed "the summit" met there.
    for meeting in meetings:
        target = None
        for existing in result:
            if existing.status != meeting.status:
                continue
            same_people = set(map(id, existing.participants)) == set(map(id, meeting.participants))
            if meeting.summit_like and existing.summit_like and _compatible_dates(existing, meeting) and (
                not meeting.organisation or not existing.organisation or meeting.organisation == existing.organisation
            ) and _same_gathering(existing, meeting):
                target = existing
            elif same_people and _compatible_dates(existing, meeting) and (
                meeting.status == "held" or meeting.country == existing.country or not meeting.country or not existing.country
            ):
                target = existing
            if target:
                break
        if target:
            _absorb(target, meeting)
        else:
            result.append(meeting)
    # A held meeting with one known participant ("he spoke at a meeting", "the meeting was attended by")
    # belongs to a meeting of that person told elsewhere.
    final: list[Meeting] = [m for m in result if not m.participants]  # gatherings waiting for their people
    singles = [m for m in result if len(m.participants) == 1]
    multi = [m for m in result if len(m.participants) >= 2]
    for single in singles:
        candidates = [m for m in multi if m.status == single.status and single.participants[0] in m.participants
                      and _compatible_dates(m, single) and _same_destination(single, m)]
        if not candidates and (single.status == "planned" or single.summit_like or single.unnamed_party):
            # A planned visit, a summit with one named participant, a call with "the Secretary-General".
            final.append(single)
            continue
        if not candidates:
            # "The meeting was attended by X": X joins the meeting told just before.
            continue
        candidates.sort(key=lambda m: (not (m.summit_like and single.summit_like), not m.summit_like if single.summit_like else False,
                                       abs(m.start - single.start)))
        _absorb(candidates[0], single)
    final = multi + final
    final.sort(key=lambda m: m.start)
    # "The meeting was attended by X": X joins the meeting told just before.
    for addition in additions:
        before = [m for m in final if m.status == "held" and m.start <= addition.start
                  and (len(m.participants) >= 2 or m.rule == UNNAMED_GATHERING or m.summit_like)]
        # "the meeting" of someone already at one is that one.
        theirs = [m for m in before if set(map(id, addition.participants)) & set(map(id, m.participants))]
        if theirs or before:
            target = (theirs or before)[-1]
            target.told.extend(addition.told)
            for person in addition.participants:
                if person not in target.participants:
                    target.participants.append(person)
        elif len(addition.participants) >= 2 and addition.date.date:
            # "Among those at the talks in Geneva on Friday were A, B and C": a meeting told only so.
            addition.rule = UNNAMED_GATHERING
            addition.kind = "multilateral" if len(addition.participants) >= 3 else "bilateral"
            final.append(addition)
    final = [m for m in final if m.participants]
    final.sort(key=lambda m: m.start)
    # A meeting on the sidelines of a summit was held where the summit was.
    for meeting in final:
        if meeting.sidelines:
            summits = [m for m in final if m.summit_like and m is not meeting and m.status == meeting.status]
            if summits:
                meeting.parent = summits[0]
                meeting.place = meeting.place or summits[0].place
                meeting.country = meeting.country or summits[0].country
                if meeting.date.date is None:
                    meeting.date = summits[0].date
    return final
