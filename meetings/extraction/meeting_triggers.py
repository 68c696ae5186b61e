"""Meeting triggers: the words that tell a meeting ("met", "held talks", "a phone call", "will
visit", "attended the summit"), each verb registered in `VERB_CONSTRUCTIONS` with the sentence
shape it reads, and whether what they tell is planned or held."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .lexicon import CALL_WORDS, GATHERING_NOUNS, MEETING_NOUNS, NON_MEETING_NOUNS
from .sentences import Sentence


HOLD_VERBS = {"hold", "have", "conduct", "pay", "make", "begin", "start", "wrap", "open"}
VISIT_NOUNS = {"visit", "visits", "trip", "tour"}
NOT_FUTURE_NOUNS = {"opportunity", "chance", "desire", "willingness", "readiness"}
@dataclass
class Trigger:
    token: object
    kind: str  # verb, noun
    noun: object = None  # the meeting noun, when there is one


def lemma_of(token) -> str:
    if token.i >= 2 and token.doc[token.i - 1].text == "-" and token.doc[token.i - 2].lower_ == "co":
        return f"co-{token.lemma_.lower()}"  # "co-chaired", which the tokenizer splits in three
    return token.lemma_.lower()


@dataclass(frozen=True)
class VerbConstruction:
    """A verb that tells a meeting, the sentence shape it reads, and the check that the sentence
    has that shape (the same verb also tells other things: 'called on Moscow to withdraw')."""
    lemmas: frozenset[str]
    shape: str
    applies: Callable[[object, Sentence], bool]


def _always(token, sentence) -> bool:
    return True


def _courtesy_call(token, sentence) -> bool:
    """'called on Prime Minister Kishida' (a visit), not 'called on Moscow to withdraw' (words)."""
    if any(c.dep_ == "xcomp" or (c.dep_ == "ccomp") for c in token.children):
        return False
    for child in token.children:
        if child.dep_ in {"prep", "prt"} and child.lower_ in {"on", "upon", "at"}:
            objects = [t for t in child.subtree if t is not child]
            # "called on Moscow to withdraw": words; an infinitive in a clause of its own ("..., as the
            # two seek to deepen ties") says nothing of the call.
            own_clauses = {t.i for c in token.children if c.dep_ == "advcl" and any(m.dep_ == "mark" for m in c.children)
                           for t in c.subtree}
            if any(t.dep_ == "aux" and t.lower_ == "to" and t.i not in own_clauses for t in token.subtree):
                return False
            return any(sentence.person_of(t) for t in objects) or any(
                sentence.person_of(t) for t in token.children if t.dep_ == "dobj")
    return False


def _spoke_with(token, sentence) -> bool:
    """'A spoke with B', 'A talked to B'; 'A and B spoke by phone'."""
    if any(c.lower_ in {"with", "to"} for c in token.children):
        return True
    by_phone = any(c.dep_ == "prep" and c.lower_ in {"by", "over", "via"} and any(
        g.lower_ in CALL_WORDS for g in c.subtree) for c in token.children)
    speakers = {id(p) for c in token.children if c.dep_ == "nsubj" for t in c.subtree if (p := sentence.person_of(t))}
    return by_phone and len(speakers) >= 2


def _co_chaired(token, sentence) -> bool:
    """'A and B co-chaired the joint commission': two co-chairs met, whatever the body is called."""
    return token.tag_ == "VBD" or _of_a_gathering(token, sentence)


def _sat_down_with(token, sentence) -> bool:
    return {"down", "with"} <= {c.lower_ for c in token.children}


def _discussed_with_someone(token, sentence) -> bool:
    """'discussed the crisis with her counterpart', the 'with' hung on the verb or on what was discussed."""
    heads = [token, *(c for c in token.children if c.dep_ in {"dobj", "obj"})]
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(sentence.person_of(t) for t in c.subtree)
               for head in heads for c in head.children)


def _brought_together(token, sentence) -> bool:
    return any(c.lower_ == "together" for c in token.children)


def _will_travel(token, sentence) -> bool:
    return future(token)  # a journey told afterwards is told through its meetings


def _welcomed_someone(token, sentence) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ not in NOT_FUTURE_NOUNS and any(
        sentence.person_of(t) for t in c.subtree) for c in token.children)


def _joined_a_gathering(token, sentence) -> bool:
    """'joined the summit'; 'joined the President at the convention centre' (not 'joined the
    President in calling for a ceasefire', which is words)."""
    if any(c.lower_ in GATHERING_NOUNS for c in token.subtree):
        return True
    joined_someone = any(c.dep_ == "dobj" and sentence.person_of(c) for c in token.children)
    in_doing = any(c.dep_ == "prep" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
                   for c in token.children)
    return joined_someone and not in_doing


def _of_a_gathering(token, sentence) -> bool:
    return _gathering_head(token) is not None or any(
        c.lower_ in GATHERING_NOUNS | MEETING_NOUNS for c in token.subtree)


VERB_CONSTRUCTIONS: list[VerbConstruction] = [
    VerbConstruction(frozenset({"meet", "receive", "phone", "telephone", "visit"}),
                     "A met / received / phoned / visited B", _always),
    VerbConstruction(frozenset({"host"}), "A hosted B; A hosted the summit", _always),
    VerbConstruction(frozenset({"speak", "talk"}), "A spoke with B; A talked to B", _spoke_with),
    VerbConstruction(frozenset({"sit"}), "A sat down with B", _sat_down_with),
    VerbConstruction(frozenset({"discuss"}), "A discussed the crisis with B (not 'A discussed trade')",
                     _discussed_with_someone),
    VerbConstruction(frozenset({"confer", "huddle", "consult"}), "A conferred / huddled / consulted with B",
                     _discussed_with_someone),
    VerbConstruction(frozenset({"bring"}), "the summit brought together A, B and C", _brought_together),
    VerbConstruction(frozenset({"call"}), "A called on B (a visit), not 'called on B to stop'", _courtesy_call),
    VerbConstruction(frozenset({"travel"}), "A will travel to B", _will_travel),
    VerbConstruction(frozenset({"welcome"}), "A welcomed President B to Canberra (not 'welcomed the decision')",
                     _welcomed_someone),
    VerbConstruction(frozenset({"join"}), "A joined the summit; A joined B at the palace", _joined_a_gathering),
    VerbConstruction(frozenset({"attend", "address", "chair", "convene"}),
                     "A attended / chaired the summit; the meeting, chaired by A", _of_a_gathering),
    VerbConstruction(frozenset({"co-chair", "cochair"}), "A and B co-chaired the joint commission", _co_chaired),
]
_VERB_TRIGGERS = frozenset().union(*(c.lemmas for c in VERB_CONSTRUCTIONS))


def _verb_construction(token, sentence) -> VerbConstruction | None:
    lemma = lemma_of(token)
    return next((c for c in VERB_CONSTRUCTIONS if lemma in c.lemmas and c.applies(token, sentence)), None)


def _gathering_head(token):
    """The gathering a verb describes: 'the summit, chaired by X'; 'chairing the meeting, X said'."""
    if token.dep_ == "acl" and token.head.lower_ in GATHERING_NOUNS | MEETING_NOUNS:
        return token.head
    if token.dep_ == "advcl" and lemma_of(token) in {"chair", "host", "co-chair"}:
        return next((c for c in token.head.children if c.dep_ == "dobj" and c.lower_ in GATHERING_NOUNS), None)
    return None


def find_triggers(sentence: Sentence) -> list[Trigger]:
    """The words that tell a meeting: a verb of `VERB_CONSTRUCTIONS`, 'held/had talks', and a meeting
    noun ('the talks', 'a phone call') told on its own."""
    triggers = []
    nouns_taken = set()
    for token in sentence.span:
        lemma = lemma_of(token)
        if token.pos_ in {"VERB", "AUX"} and lemma in HOLD_VERBS:
            nouns = [c for c in token.children if c.dep_ in {"dobj", "obj"} and (
                c.lower_ in MEETING_NOUNS or remote_conference(c))]
            nouns += [c for c in token.children if c.dep_ == "nsubjpass" and c.lower_ in MEETING_NOUNS | GATHERING_NOUNS]
            nouns += [c for n in nouns for c in n.children if c.dep_ == "conj" and c.lower_ in MEETING_NOUNS]
            for noun in nouns:
                if is_non_meeting(noun):
                    continue
                triggers.append(Trigger(token, "verb", noun))
                nouns_taken.add(noun.i)
        elif token.pos_ == "VERB" and lemma in _VERB_TRIGGERS:
            if negated(token) or _verb_construction(token, sentence) is None:
                continue
            if token.dep_ in {"xcomp", "acl"} and token.head.lower_ in NOT_FUTURE_NOUNS:
                continue  # "the opportunity to meet"
            meeting_noun = next((c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}
                                 and c.lower_ in GATHERING_NOUNS | MEETING_NOUNS), None) or _gathering_head(token)
            if meeting_noun is not None:
                nouns_taken.add(meeting_noun.i)
            triggers.append(Trigger(token, "verb", meeting_noun))
    for token in sentence.span:
        if token.i in nouns_taken or token.pos_ not in {"NOUN", "PROPN"} or token.lower_ not in MEETING_NOUNS:
            continue
        if token.dep_ == "compound" and token.head.lower_ in MEETING_NOUNS | GATHERING_NOUNS:
            continue  # "Summit" in "Summit Meeting": one meeting, told by its head noun
        if is_non_meeting(token) or negated(token):
            continue
        triggers.append(Trigger(token, "noun", token))
    return triggers


def visit_call(token) -> bool:
    """'paid a courtesy call on', 'called on the minister': a visit in person, not a phone call."""
    if token.lower_ not in {"call", "calls", "called"}:
        return False
    if any(c.lower_ in {"courtesy", "farewell", "introductory", "official"} for c in token.children):
        return True
    if token.lemma_.lower() == "call" and token.pos_ == "VERB":
        return any(c.lower_ in {"on", "upon", "at"} for c in token.children)
    return token.head.lemma_.lower() == "pay"


def remote_conference(noun) -> bool:
    """'a video conference', 'a virtual conference call': a call, not a press conference."""
    return noun.lower_ in {"conference", "link"} and any(
        c.lower_ in {"video", "phone", "telephone", "virtual", "online"} for c in noun.children)


def negated(token) -> bool:
    """'no meeting between Putin and Zelensky was planned', 'did not meet'."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children):
        return True
    return token.dep_ in {"nsubj", "nsubjpass", "dobj"} and any(c.dep_ == "neg" for c in token.head.children)


def is_non_meeting(noun) -> bool:
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


_FUTURE_WORDS = {"slated", "poised", "scheduled", "expected", "due", "set", "planned", "planning", "hoping",
                 "intends", "intend", "wants", "seeks", "aims"}


def future(token) -> bool:
    """Is the event planned: 'will meet', 'is scheduled to visit', 'ahead of the visit'?"""
    current = token
    for _ in range(4):
        if any(c.lower_ in {"will", "'ll", "shall"} and c.dep_ == "aux" for c in current.children):
            return True
        if any(c.lemma_.lower() in {"schedule", "expect", "due", "set", "plan"} and c.dep_ in {"auxpass", "aux", "acomp"} for c in current.children):
            return True
        if current.dep_ == "xcomp" and lemma_of(current.head) == "invite":
            return True  # "invited B to visit India for the summit": what the invitation proposes
        if (lemma_of(current) in {"schedule", "expect", "plan", "intend", "prepare", "agree", "due", "set", "slate"}
                or current.lower_ in _FUTURE_WORDS) and current is not token:
            return True
        if current is not token and current.lemma_ == "be" and token.dep_ == "xcomp" and token.head is current:
            return True  # "is to meet"
        if current.lower_ in {"invitation", "ahead"} and current is not token:
            return True
        if current.dep_ == "ROOT":
            break
        current = current.head
    if token.lower_ in VISIT_NOUNS and any(a.lower_ in {"ahead", "upcoming", "forthcoming", "planned", "coming"} for a in token.ancestors):
        return True
    if token.pos_ in {"NOUN", "PROPN"}:
        # "the retreat, which Norway will host in March": the clause that tells it says when.
        if any(c.dep_ == "relcl" and any(a.dep_ == "aux" and a.lower_ in {"will", "'ll", "shall"} for a in c.children)
               for c in token.children):
            return True
        # "before the ministerial gathering": an event after the one told.
        if token.dep_ == "pobj" and token.head.lower_ == "before" and token.lower_ in GATHERING_NOUNS | MEETING_NOUNS:
            return True
    if token.lower_ in VISIT_NOUNS and any(c.lower_ in {"upcoming", "forthcoming", "planned"} for c in token.children):
        return True
    return False
