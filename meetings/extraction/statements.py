"""Statements: sentences that attribute words or a stated position to a
person ("said", "urged", "called for", "the foreign minister added"),
quoted or reported, with the speaker found through the parse (subject of the
speech verb, "according to X", a transcript's "Name:") and resolved through
surnames, descriptions and pronouns."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from .lexicon import NEEDS_CLAUSE, NEEDS_CONTENT, PARTICLE_VERBS, SPEECH_VERBS
from .meeting_triggers import future
from .sentences import Sentence
from .types import Person, Statement

_QUOTE = re.compile(r"[“”\"]|‘[^’]{3,}’|(?<![\w])'[^']{6,}'(?![\w])")
_GENERIC_SUBJECTS = {"analysts", "observers", "experts", "officials", "diplomats", "sources", "leaders", "ministers",
                     "sides", "countries", "critics", "others", "people", "both", "they", "we", "it", "which", "that",
                     "who", "i", "you"}
_CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "advcl", "prep", "dative", "obj", "attr", "oprd", "npadvmod", "parataxis"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def _is_speech_verb(token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ not in {"VERB", "AUX"} and not (token.pos_ == "NOUN" and token.dep_ == "ROOT"):
        return False
    if lemma not in SPEECH_VERBS:
        return False
    if lemma in PARTICLE_VERBS:
        needed = PARTICLE_VERBS[lemma]
        children = {c.lower_ for c in token.children}
        if lemma == "call":
            deps = {c.dep_ for c in token.children}
            # "called for", "called on X to": the particle right after the verb (not "called X on Monday");
            # "called the talks a success".
            after = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
            if after not in needed and not {"dobj", "oprd"} <= deps:
                return False
            if after in {"on", "upon"} and not deps & {"xcomp", "ccomp"}:
                return False  # "called on the Vice President": a courtesy call, not words
        elif lemma == "make":
            if "clear" not in children and not any(c.lower_ == "clear" for c in token.subtree):
                return False
        elif not children & needed and lemma in {"set", "push", "look", "point"}:
            return False
        elif lemma == "share" and not any(c.lemma_.lower() in needed for c in token.subtree):
            return False
    if lemma in NEEDS_CONTENT and not any(c.dep_ in _CONTENT_DEPS for c in token.children):
        return False
    if lemma in NEEDS_CLAUSE and not any(c.dep_ in {"ccomp", "parataxis", "xcomp"} or (c.dep_ == "prep" and c.lower_ == "for")
                                         for c in token.children):
        return False
    if lemma == "have":
        return False
    return True


def _subjects(token) -> list:
    """The subject tokens of a verb, following conjunctions and participles up."""
    current = token
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in _SUBJECT_DEPS]
        if subjects:
            expanded = []
            for subject in subjects:
                expanded.append(subject)
                expanded.extend(c for c in subject.subtree if c.dep_ == "conj")
            return expanded
        if current.dep_ in {"conj", "advcl", "xcomp", "acl", "pcomp"} and current.head is not current:
            current = current.head
            continue
        break
    return []


def _person_within(subject, sentence: Sentence) -> Person | None:
    """'UN Special Envoy for Sudan Ramtane Lamamra briefed ...': the parser may head the subject
    on the title; the person named inside it is the speaker (not one in a relative clause)."""
    for token in subject.subtree:
        if token.dep_ in {"relcl", "acl"} or token.pos_ == "PRON" or any(
                a.dep_ in {"relcl", "acl"} for a in token.ancestors if a in subject.subtree):
            continue  # not a relative clause's people, nor "his" in "his Iranian counterpart X"
        person = sentence.person_of(token)
        if person is not None:
            return person
    return None


def _according_to(span) -> list:
    for token in span:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            return [c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"] + [
                c for c in token.children if c.dep_ == "pobj"]
    return []


_GROUP_SPEAKERS = {"minister", "leader", "president", "premier", "chancellor", "counterpart", "diplomat",
                   "secretary", "envoy", "head"}


def _group_of_people(subject) -> bool:
    """'Both ministers', 'the two leaders': named people spoken of together."""
    return subject.lemma_.lower() in _GROUP_SPEAKERS and subject.tag_ in {"NNS", "NNPS"} and any(
        c.lower_ in {"both", "two", "three"} for c in subject.children)


@dataclass
class Speakers:
    people: list[Person] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    cue: str = ""


def _subject_of_speech_verb(sentence: Sentence, discourse) -> Speakers:
    """'X said', 'the minister stressed that ...', 'Both ministers called for ...', 'The ministry said'."""
    found = Speakers()
    quoted = _quoted_ranges(sentence.span)
    for token in sentence.span:
        if not _is_speech_verb(token) or any(a <= token.idx < b for a, b in quoted):
            continue  # a verb inside the quotation is the speaker's words, not the attribution
        if future(token):
            continue  # "are expected to announce", "will urge": words not yet said
        for subject in _subjects(token):
            if subject.lower_ == "they" and discourse is not None:
                # "..., during which they reaffirmed": the people of the meeting just told.
                members = [p for p in discourse.people_just_met(sentence) if p not in found.people]
                found.people.extend(members)
                found.cue = found.cue or (token.lemma_ if members else "")
                continue
            if discourse is not None and _group_of_people(subject):
                members = [p for p in discourse.speakers_holding(subject.lemma_.lower()) if p not in found.people]
                found.people.extend(members)
                found.cue = found.cue or (token.lemma_ if members else "")
                continue
            person = sentence.person_of(subject) or _person_within(subject, sentence)
            if person is not None:
                if person not in found.people:
                    found.people.append(person)
                    found.cue = found.cue or token.lemma_
            elif subject.lower_ not in _GENERIC_SUBJECTS and subject.pos_ in {"NOUN", "PROPN"}:
                found.bodies.append(" ".join(t.text for t in subject.subtree if t.dep_ != "punct")[:80])
                found.cue = found.cue or token.lemma_
    return found


def _according_to_someone(sentence: Sentence, discourse) -> Speakers:
    """'..., according to X.'"""
    people = [p for obj in _according_to(sentence.span) if (p := sentence.person_of(obj))]
    return Speakers(people, [], "according to" if people else "")


def _name_beside_said(sentence: Sentence, discourse) -> Speakers:
    """What the parse misses: '..., NAME said.' and 'said NAME, a researcher'."""
    for mention in sentence.mentions:
        if mention.person is None:
            continue
        after = sentence.paragraph.text[mention.end - sentence.paragraph.start :][:20]
        before = sentence.paragraph.text[: mention.start - sentence.paragraph.start][-12:]
        if re.match(r"\s+(?:said|says|added|told)\b", after) or re.search(r"\b(?:said|says|added)\s+$", before):
            return Speakers([mention.person], [], "said")
    return Speakers()


# Tried in order; the first that finds a person gives the speakers (bodies only from the first).
SPEAKER_CONSTRUCTIONS: list[tuple[str, Callable[[Sentence, object], Speakers]]] = [
    ("subject of a speech verb", _subject_of_speech_verb),
    ("according to", _according_to_someone),
    ("name beside 'said'", _name_beside_said),
]


def speakers_of(sentence: Sentence, discourse=None) -> tuple[list[Person], list[str], str]:
    """People to whom the sentence attributes words, bodies that speak, and the cue.

    The sentence's mentions are already linked to people (names, descriptions, pronouns);
    `discourse.group()` gives the people that 'both ministers' stands for (the meeting told
    last), each of whom is a speaker. A question is nobody's statement.
    """
    if _is_question(sentence.text):
        return [], [], ""
    bodies: list[str] = []
    cue = ""
    for _, read in SPEAKER_CONSTRUCTIONS:
        found = read(sentence, discourse)
        if found.people:
            return found.people, bodies or found.bodies, found.cue
        if not bodies and found.bodies:
            bodies, cue = found.bodies, found.cue
    return [], bodies, cue


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _quoted_ranges(span) -> list[tuple[int, int]]:
    """Character ranges (paragraph offsets) of the quotations in a sentence."""
    base = span.start_char
    return [(base + m.start(), base + m.end()) for m in _QUOTED.finditer(span.text)]


def _is_question(text: str) -> bool:
    """A question asked, not words quoted: 'Will the president raise ...?'"""
    stripped = text.strip().strip("*").strip()
    return stripped.endswith("?") and not _QUOTE.search(stripped)


def kind_of(text: str) -> str:
    return "quote" if _QUOTE.search(text) else "reported"


def transcript_speaker(sentence: Sentence) -> Person | None:
    """'Wang Wenbin: This will be ...' or 'Spokesperson Hua Chunying announced: ...'."""
    text = sentence.paragraph.text
    colon = re.match(r"^([^:.\n]{2,120}?):\s", text)
    if not colon or sentence.span.start_char != 0:
        return None
    head = colon.group(1)
    people = [m.person for m in sentence.mentions if m.person and m.end - sentence.paragraph.start <= len(head)]
    if not people or len(set(map(id, people))) > 1:
        return None  # "Scholz and Biden: 'no difference'" is a heading, not a turn
    words = head.split()
    label = all(w[:1].isupper() or w.lower() in {"of", "for", "the", "and", "de"} for w in re.findall(r"[\w'’.-]+", head))
    if len(words) <= 4 or label or re.search(r"\b(?:said|announced|stated|added|declared|told \w+)$", head):
        return people[-1]
    return None


def make_statement(speaker: Person | None, start: int, end: int, article_text: str, cue: str,
                   organisation: str | None = None, rule: str = "speech verb") -> Statement:
    text = article_text[start:end]
    confidence = 0.85 if cue in {"say", "said", "tell", "add", "transcript"} else 0.7
    return Statement(speaker=speaker, text=text, start=start, end=end, kind=kind_of(text), rule=rule,
                     confidence=confidence, cue=cue, speaker_organisation=organisation)
