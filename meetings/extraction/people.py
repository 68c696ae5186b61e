"""People: every mention of a person in the article (full name, surname,
description such as "the foreign minister", pronoun), each with the office and
the country or body it reports, and one `Person` per individual.

A name is a run of capitalised words; it is a person's when a title or an
honorific stands before it ("Russian Foreign Minister Sergey Lavrov"), an
apposition with an office follows it ("Sun Zhuangzhi, a scholar with ..."),
it is a known person's surname, or the parser's NER and the sentence agree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import gazetteer as G
from . import organisations as O
from .lexicon import (
    EXPERT_HEADS, HONORIFICS, INTERNATIONAL_OFFICES, OFFICE_HEADS, OFFICE_WORDS, ORG_HEADS,
)
from .names import PARTICLES, STOP_CAPS, initials, is_initial, name_words, same_person, strip_possessive
from .types import Meeting, Person, Statement

_WORD = re.compile(r"[^\s,;:()\[\]“”\"—–]+")
_PRONOUNS = {"he": "subject", "she": "subject", "him": "object", "her": "possessive", "his": "possessive"}
_NAME_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "h.e.", "h.h.", "madam", "sheikh",
                    "shri", "smt", "smt.", "sri", "cde", "datuk", "dato", "dato'", "datin", "hon", "hon.", "rt",
                    "prince", "princess", "sheikha", "his", "her", "excellency", "highness", "royal", "majesty",
                    "prof.", "professor", "advocate", "adv", "adv.", "engr", "engr.", "alhaji", "hajiya",
                    "reverend", "rev.", "barrister"}
_PURE_HONORIFICS = (_NAME_HONORIFICS - {"professor", "prof."}) | {"king", "queen", "emir", "sultan", "crown"}
_LINK_WORDS = {"of", "for", "and", "the", "on", "to"}
_SPEECH_ADJACENT = re.compile(r"^\s*(?:,\s*)?(?:said|says|told|added|noted|stressed|warned|argued)\b")
# An office's short form, defined in brackets after it ("External Affairs Minister (EAM) NAME") and then used
# alone for the person ("EAM also met ...").
_ABBREVIATION = re.compile(r"(?:[A-Z][a-z]?[A-Z][A-Za-z]{0,3}|[A-Z]{2,6})")
_DEFINED_IN_PHRASE = re.compile(r"\(((?:[A-Z][a-z]?[A-Z][A-Za-z]{0,3}|[A-Z]{2,6}))\)")


def _bracketed_abbreviation(text: str, start: int, end: int) -> bool:
    return text[start - 1 : start] == "(" and text[end : end + 1] == ")" and bool(_ABBREVIATION.fullmatch(text[start:end]))
_SPEECH_RIGHT_AFTER = re.compile(r"^\s+(?:said|says|told|added|noted|stressed|warned|argued)\b")
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|added|noted|according to)\s*$")
_COUNTERPART = {"counterpart", "colleague", "host"}
_RANKS = {"ambassador", "general", "senator", "admiral", "colonel", "marshal"}
_COURTESY_WORDS = {"honourable", "honorable", "hon.", "hon", "visiting", "esteemed", "distinguished"}
# Offices a description names in other words: "the premier" is the Prime Minister.
_OFFICE_SYNONYMS = {"premier": ("prime minister",), "diplomat": ("minister", "secretary"),
                    "chancellor": ("chancellor",), "envoy": ("ambassador", "representative", "envoy")}


@dataclass
class Mention:
    start: int  # article offsets
    end: int
    text: str
    kind: str  # name, description, pronoun, initials, label
    paragraph: int
    role: str | None = None
    country: str | None = None
    organisation: str | None = None
    titled: bool = False
    rule: str = ""
    person: Person | None = None
    head: str = ""  # office head word, for descriptions
    counterpart: bool = False
    honorifics: set[str] = field(default_factory=set)  # "prince", "sheikh", "h.e." written before the name
    abbreviation: str = ""  # the office's short form the text defines: "Minister of State (MoS) NAME"

    @property
    def is_full_name(self) -> bool:
        return self.kind == "name" and len(name_words(self.text)) >= 2


@dataclass
class ParagraphContext:
    """What the gazetteer found in a paragraph, by paragraph offsets."""

    text: str
    countries: list = field(default_factory=list)
    organisations: list = field(default_factory=list)
    cities: list = field(default_factory=list)

    def unit_at(self, start: int, end: int):
        for found in self.countries + self.organisations:
            if found.start <= start and end <= found.end:
                return found
        return None


def _is_place_named_word(word: str, context: ParagraphContext, start: int) -> bool:
    """'Lima' in 'Carla Lima', 'Victoria' in 'Victoria Nuland': a city's name that would be a
    name word if it were not a city's."""
    bare = strip_possessive(word.rstrip("."))[0]
    return bare in G.C.cities() and bare not in G.C.country_names() and _is_name_word(word, context, start, cities=True)


def _is_name_word(word: str, context: ParagraphContext, start: int, cities: bool = False) -> bool:
    if word.lower() in HONORIFICS or word.lower() in _NAME_HONORIFICS:
        return False
    if is_initial(word):
        return True
    if re.match(r"^(?:al|el|ad|as|ash|at|az|bin|ibn|abu|bou|ben)-[^\W\d_]", word) and word[word.index("-") + 1].isupper():
        return True
    bare, _ = strip_possessive(word.rstrip("."))
    if not bare or not bare[0].isupper() or bare in STOP_CAPS:
        return False
    low = bare.lower()
    if low in OFFICE_WORDS or low in HONORIFICS or low in ORG_HEADS:
        return False
    if any(c.isdigit() for c in bare):
        return False
    if context.unit_at(start, start + len(bare)):
        return False
    if bare in G.C.cities() and not cities:
        return False
    return True


def _office_segments(words: list[str]) -> str | None:
    """The office in a title phrase: office words ending in a head, joined by 'and'."""
    segments, current = [], []
    for word in words + ["."]:
        low = word.lower()
        if low in OFFICE_WORDS and word not in {"(", ")"}:
            current.append(word)
            continue
        if low in {"of", "for"} and current:
            current.append(word)
            continue
        if current:
            while current and current[-1].lower() in {"of", "for", "and"}:
                current.pop()
            if current and any(w.lower() in OFFICE_HEADS for w in current):
                # Drop a trailing word after the last head unless it is a domain ("Minister of Foreign Affairs").
                segments.append(" ".join(current))
            current = []
        if low == "and" and segments:
            segments.append("and")
    while segments and segments[-1] == "and":
        segments.pop()
    role = " ".join(segments).replace(" and and ", " and ")
    role = re.sub(r"^(?:and\s+)+", "", role).strip()
    if not role:
        return None
    role_words = role.split()
    while len(role_words) > 1 and role_words[-1].lower() in {"sheikh", "prince", "h.h.", "dr."}:
        role_words = role_words[:-1]
    if len(role_words) > 1 and role_words[0].lower() == "visiting" and not any(
            w.lower() in EXPERT_HEADS for w in role_words):
        role_words = role_words[1:]  # "the visiting Prime Minister" is on a visit; a visiting professor holds the post
    role = " ".join(role_words)
    if all(w.lower() in _PURE_HONORIFICS | {"general"} for w in role_words) and role.lower() not in {
        "king", "queen", "emir", "crown prince", "sultan", "general", "senior general"
    }:
        return None
    return role


def _phrase_facts(text: str, start: int, end: int, context: ParagraphContext) -> tuple[str | None, str | None, str | None, bool]:
    """Role, country and organisation named in text[start:end] (paragraph offsets)."""
    segment = text[start:end]
    words = [w for w in _WORD.findall(segment) if f"({w})" not in segment]  # "(EAM)" names the office, not part of it
    role = _office_segments([strip_possessive(w)[0] for w in words if not any(
        f.start <= start + segment.find(w) < f.end for f in context.countries + context.organisations)])
    country = org = None
    for found in sorted(context.countries + context.organisations, key=lambda f: f.start):
        inside_org = found.kind in ("country", "adjective") and any(
            o.start <= found.start and found.end <= o.end for o in context.organisations)
        if start <= found.start and found.end <= end and not inside_org:
            if found.kind in ("country", "adjective") and country is None and not org:
                country = found.value
            elif found.kind in ("org", "acronym") and org is None:
                org = found.value
    if country is None and role:
        seat = _SEAT_OF_GOVERNMENT.search(segment)
        country = _SEATS[seat.group(0).lower().replace("é", "e")] if seat else None
    counterpart = any(w.lower().rstrip(".") in _COUNTERPART for w in words)
    return role, country, org, counterpart


# A government told by its seat: "Kremlin spokesman X", "White House national security adviser Y".
_SEATS = {"kremlin": "RU", "white house": "US", "elysee": "FR", "downing street": "GB", "zhongnanhai": "CN",
          "blue house": "KR"}
_SEAT_OF_GOVERNMENT = re.compile(r"\b(?:Kremlin|White House|[EÉ]lys[eé]e|Downing Street|Zhongnanhai|Blue House)\b")
_SEAT_BEFORE = re.compile(_SEAT_OF_GOVERNMENT.pattern + r"\s+$")


def find_mentions(paragraph_text: str, paragraph_index: int, offset: int, context: ParagraphContext,
                  doc=None) -> list[Mention]:
    """Every person mention in one paragraph, in order, with what its context says."""
    text = paragraph_text
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    ner_people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"] if doc is not None else []
    mentions: list[Mention] = []
    i = 0
    while i < len(words):
        start, end, word = words[i]
        low = word.lower()
        surname_he = _surname_like_pronoun(words, i, text, context)
        if low in _PRONOUNS and not word.isupper() and not surname_he \
                and not (i + 1 < len(words) and words[i + 1][2] in {"Highness", "Excellency", "Majesty"}):
            mentions.append(Mention(offset + start, offset + end, word, "pronoun", paragraph_index, rule="pronoun"))
            i += 1
            continue
        if _bracketed_abbreviation(text, start, end):
            i += 1  # "(MoS)": the short form of the office before it, read with the name after it
            continue
        if _ABBREVIATION.fullmatch(word) and (low in OFFICE_WORDS or not word.isupper()) \
                and context.unit_at(start, end) is None:
            # "EAM also met ...", "MoS said ...": an office's short form (not a surname in capitals, "WANG Yi",
            # nor initials, "MBS") the text may have defined for someone; kept only if it has.
            mentions.append(Mention(offset + start, offset + end, word, "name", paragraph_index, rule="abbreviation"))
            i += 1
            continue
        place_led = _is_place_named_word(word, context, start) and i + 1 < len(words) \
            and text[end : words[i + 1][0]] == " " and _is_name_word(words[i + 1][2], context, words[i + 1][0]) \
            and not re.search(r"\b(?:in|at|to|from|of|the|near|via|and)\s*$", text[:start], re.I)
        if not _is_name_word(word, context, start) and not place_led and not surname_he:
            description = _description_at(words, i, text, context, offset, paragraph_index)
            if description:
                mentions.append(description[0])
                i = description[1]
                continue
            i += 1
            continue
        # Extend the run of name words.
        j = i
        while j + 1 < len(words):
            gap = text[words[j][1] : words[j + 1][0]]
            if gap != " " or words[j][2].endswith((".",)) and not is_initial(words[j][2]) or strip_possessive(words[j][2])[1]:
                break
            nxt = words[j + 1][2]
            if _is_name_word(nxt, context, words[j + 1][0]):
                j += 1
                continue
            # "Carla Lima": a city's name after a given name is the surname, unless a place follows
            # on ("Carla Lima Peru").
            if _is_place_named_word(nxt, context, words[j + 1][0]) and not _is_place_named_word(
                    words[j][2], context, words[j][0]) and strip_possessive(words[j][2])[0] not in G.C.cities():
                j += 1
                continue
            if nxt.lower() in PARTICLES and j + 2 < len(words) and (
                    _is_name_word(words[j + 2][2], context, words[j + 2][0])
                    or _is_place_named_word(words[j + 2][2], context, words[j + 2][0])):
                j += 2
                continue
            # "Ursula von der Leyen": two particles before the surname.
            if nxt.lower() in PARTICLES and j + 3 < len(words) and words[j + 2][2].lower() in PARTICLES \
                    and _is_name_word(words[j + 3][2], context, words[j + 3][0]):
                j += 3
                continue
            # "Hassan Sheikh Mohamud": an honorific between two names is part of the name.
            if nxt in {"Sheikh", "Shaikh", "Bin", "Ould", "Abu"} and j + 2 < len(words) \
                    and text[words[j + 1][1] : words[j + 2][0]] == " " and _is_name_word(words[j + 2][2], context, words[j + 2][0]):
                j += 2
                continue
            break
        run_start, run_end = words[i][0], words[j][1]
        raw = text[run_start:run_end]
        bare, possessive = strip_possessive(raw)
        if bare.endswith(".") and not is_initial(bare.split()[-1]):
            bare = bare[:-1]
        run_end = run_start + len(bare)
        mention = _judge_name(text, words, i, j, run_start, run_end, bare, context, ner_people, offset, paragraph_index, doc)
        if mention:
            mentions.append(mention)
        i = j + 1
    _offices_of_a_list(mentions, doc, offset)
    _promote_listed(mentions, doc, offset)
    return mentions


def _surname_like_pronoun(words, i: int, text: str, context: ParagraphContext) -> bool:
    """'Vice Premier He Lifeng': after a title and before a name word, 'He' is a surname (a pronoun there
    would be lower case, or follow a full stop)."""
    start, end, word = words[i]
    if word != "He" or i == 0 or i + 1 >= len(words):
        return False
    before, after = words[i - 1], words[i + 1]
    return (text[before[1] : start] == " " and text[end : after[0]] == " "
            and strip_possessive(before[2])[0].lower() in OFFICE_WORDS | HONORIFICS
            and _is_name_word(after[2], context, after[0]))


_LISTED_OFFICES = {"minister", "president", "secretary", "ambassador", "envoy", "premier", "chancellor",
                   "speaker", "governor", "representative", "commissioner", "spokesperson"}


def _offices_of_a_list(mentions: list[Mention], doc, offset: int) -> None:
    """'the three countries' foreign ministers, A of Chile, B of Peru and C': each holds the office
    the plural noun they stand beside names."""
    if doc is None:
        return
    for mention in mentions:
        if mention.kind != "name" or mention.role:
            continue
        tokens = [t for t in doc if mention.start <= offset + t.idx < mention.end]
        if not tokens:
            continue
        token = next((t for t in tokens if t.head not in tokens or t.head is t), tokens[-1])
        for _ in range(6):
            if token.dep_ != "conj" or token.head is token:
                break
            token = token.head
        plural = token.head
        if token.dep_ != "appos" or plural.tag_ != "NNS" or plural.lemma_.lower() not in _LISTED_OFFICES:
            continue
        words = [c.text for c in plural.children if c.dep_ in {"compound", "amod"} and c.lower_ in OFFICE_WORDS
                 and c.i < plural.i]
        mention.role = " ".join([*words, plural.lemma_]).title()
        if mention.rule == "weak":
            mention.rule = "listed"  # named as one of "the foreign ministers": a person


def _promote_listed(mentions: list[Mention], doc, offset: int) -> None:
    """'A of Chile, B of Peru and C of Norway': two capitalised words listed with people (a
    conjunct or apposition of a person's name in the parse) are a person's name too."""
    if doc is None:
        return
    people = [m for m in mentions if m.kind == "name" and m.rule not in {"weak", "short"}]

    def person_at(token) -> bool:
        at = offset + token.idx
        return any(m.start <= at < m.end for m in people)

    for mention in mentions:
        if mention.rule != "weak":
            continue
        tokens = [t for t in doc if mention.start <= offset + t.idx < mention.end]
        if not tokens:
            continue
        head = next((t for t in tokens if t.head not in tokens or t.head is t), tokens[-1])
        linked = [head.head] if head.dep_ in {"conj", "appos"} else []
        linked += [c for c in head.children if c.dep_ in {"conj", "appos"}]
        start, end = mention.start - offset, mention.end - offset
        place = any(e.label_ in {"GPE", "LOC"} and start <= e.start_char and e.end_char <= end
                    and (e.end_char - e.start_char) * 2 >= end - start for e in doc.ents)  # "New Alamein"
        if any(person_at(t) for t in linked) and not place:
            mention.rule = "listed"


def _left_phrase(text: str, words, i: int, context: ParagraphContext) -> tuple[int, bool]:
    """Start of the title phrase before word i, and whether an honorific is in it."""
    k = i
    honorific = set()
    while k > 0:
        prev_start, prev_end, prev = words[k - 1]
        gap = text[prev_end : words[k][0]]
        if gap not in {" ", " ("} and not (gap == ") " and (prev.isupper() or _bracketed_abbreviation(text, prev_start, prev_end))):
            break
        bare, possessive = strip_possessive(prev.strip("()"))
        low = bare.lower()
        unit = context.unit_at(prev_start, prev_start + len(bare))
        if low in _NAME_HONORIFICS or low in {"h.e", "he."}:
            honorific.add(low)
        elif low == "and" and not (k >= 2 and strip_possessive(words[k - 2][2])[0].lower() in OFFICE_WORDS
                                   and words[k][2].lower() in OFFICE_WORDS):
            break
        elif unit is not None or low in OFFICE_WORDS or low in HONORIFICS or low in _LINK_WORDS or low in _COUNTERPART:
            pass
        elif prev.isupper() and len(prev) <= 6 and prev.strip("()") != prev:  # "(PRC)"
            pass
        elif gap == ") " and _bracketed_abbreviation(text, prev_start, prev_end):  # "Minister of State (MoS) NAME"
            pass
        else:
            break
        k -= 1
    # Do not start on a link word.
    while k < i and words[k][2].lower() in _LINK_WORDS:
        k += 1
    # "Kremlin spokesman NAME": a seat of government before the title says whose official NAME is.
    seat = _SEAT_BEFORE.search(text[: words[k][0]]) if k < i else None
    if seat:
        while k > 0 and words[k - 1][0] >= seat.start():
            k -= 1
    return k, honorific


def _right_apposition(text: str, run_end: int, context: ParagraphContext) -> tuple[int, int] | None:
    """', a researcher with X,' or ', Minister of Foreign Affairs of Viet Nam,' after a name."""
    match = re.match(r",\s+", text[run_end:])
    if not match:
        return None
    start = run_end + match.end()
    stop = re.search(r",\s+(?:who|which|said|says|told|added|in|on|at|as|during|the|and\s+(?:the\s+)?[a-z])|[.;:]\s|[.;:]?$|\s(?:who|which)\s|,\s*(?=[“\"])", text[start:])
    end = start + (stop.start() if stop else len(text) - start)
    # Allow one inner comma when the phrase continues a title (", Permanent Secretary, represented Myanmar").
    phrase = text[start:end]
    first = strip_possessive(phrase.split(" ", 1)[0])[0].lower()
    if not phrase or not (first in {"a", "an", "the"} or first in OFFICE_WORDS or context.unit_at(start, start + 1)):
        return None
    cut = re.search(r",", phrase)
    if cut:
        end = start + cut.start()
        phrase = text[start:end]
    head_words = [w.lower() for w in _WORD.findall(phrase)]
    if not any(strip_possessive(w.rstrip("."))[0] in OFFICE_HEADS for w in head_words):
        return None
    # A list of titled names is not an apposition: ", Kyrgyzstan Foreign Minister Erlan Abdyldaev".
    previous = ""
    for m in _WORD.finditer(phrase):
        # A name may follow a preposition ("in Haikou"); after anything else it starts a new person.
        if _is_name_word(m.group(0), context, start + m.start()) and previous.lower() not in {
            "in", "at", "of", "from", "with", "for", "the", "on", "to"
        }:
            return None
        previous = m.group(0)
    return start, end


def _has_verb(doc, start: int, end: int) -> bool:
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(
        t.pos_ in {"VERB", "AUX"} and t.tag_ in {"VBD", "VBZ", "VBP", "MD"} and t.lower_ not in OFFICE_WORDS
        and t.lower_ not in {"studies", "relations", "affairs"}
        for t in span
    )


def _judge_name(text, words, i, j, run_start, run_end, name, context, ner_people, offset, paragraph_index, doc=None):
    left_start, honorific = _left_phrase(text, words, i, context)
    left = (words[left_start][0], run_start) if left_start < i else None
    role = country = org = None
    counterpart = False
    if left:
        role, country, org, counterpart = _phrase_facts(text, left[0], left[1], context)
    right = _right_apposition(text, run_end, context)
    if right and _has_verb(doc, right[0], right[1]):
        right = None
    right_role = right_country = right_org = None
    if right:
        right_role, right_country, right_org, _ = _phrase_facts(text, right[0], right[1], context)
        tail = text[right[1] : right[1] + 40]
        represented = re.match(r",\s+represented\s+", tail)
        if represented:
            found = [f for f in context.countries if f.start >= right[1] and f.start < right[1] + 40]
            right_country = right_country or (found[0].value if found else None)
    # A title phrase that ends in a comma right before the name ("the Minister for Foreign Affairs of Iran, NAME").
    # A rank or honorific alone before the name ("..., Ambassador Bianca Okafor") leaves the office to it.
    lead = left[0] if left and (role or "").lower() in _RANKS | {None, ""} else run_start
    # ", NAME said": the words before the comma are what NAME said, not NAME's title (", NAME, said" is one).
    if not right and re.search(r",\s*$", text[:lead]) and not _SPEECH_RIGHT_AFTER.match(text[run_end:]):
        before = text[:lead].rstrip(", ")
        # The longest such phrase that is a title alone: not "The President held talks with the visiting Prime
        # Minister of Vietnam" but "the visiting Prime Minister of Vietnam", NAME.
        for m in re.finditer(r"(?:^|[,(;]\s*|\s)(?=((?:the|The|[A-Z][\w.-]+['’]s)\s+[^,;]{3,160})$)", before):
            phrase_start = m.start(1)
            if re.search(r"\b(?:said|told|met|held)\b|\band (?:the|a|an)\b", m.group(1)) \
                    or _has_verb(doc, phrase_start, len(before)):
                continue  # a clause, or two people's titles ("the X of Ghana and the Y of Togo, NAME")
            r2, c2, o2, _ = _phrase_facts(text, phrase_start, len(before), context)
            if r2:
                right_role, right_country, right_org = r2, c2, o2
                right = (phrase_start, len(before))
            break
    words_in_name = name_words(name)
    ner = any(s <= run_start and run_end <= e for s, e in ner_people) or any(
        run_start <= s and e <= run_end and e - s >= (run_end - run_start) * 0.6 for s, e in ner_people)
    after = text[run_end:]
    before_text = text[:run_start]
    speech = bool(_SPEECH_ADJACENT.match(after) or _SPEECH_BEFORE.search(before_text))
    label = bool(re.match(r"\s*:", after)) and run_start == 0 and len(words_in_name) >= 2
    titled = bool(role) or bool(honorific) or counterpart
    evidence = None
    if titled:
        evidence = "title"
    elif right_role:
        evidence = "apposition"
    elif label:
        evidence = "transcript"
    elif country and len(words_in_name) >= 2 and not _other_entity(doc, run_start, run_end):
        evidence = "country"  # "Ghana's Samuel Ablakwa", "of the Kingdom of Morocco Nasser Bourita"
    elif len(words_in_name) >= 2 and ner:
        evidence = "ner"
    elif len(words_in_name) >= 2 and speech:
        evidence = "speech"
    elif len(words_in_name) >= 1:
        evidence = "short"  # a surname: counts only if it names someone already met
    if evidence is None:
        return None
    if bare_is_place(name):
        return None
    if len(words_in_name) == 1 and role and re.search(r"\b(?:of|for)\s+(?:the\s+)?$", text[:run_start]):
        return None  # "Director of Protocol": the office's domain, not a person
    if re.search(r"\b(?:of|for)\s+(?:the\s+)?$", text[:run_start]) and _PORTFOLIO_AFTER.match(text[run_end:]):
        return None  # "Minister of State for Volta Provincial Affairs": a portfolio, not a person
    if evidence == "ner" and re.search(r"\b(?:at|in|from|to|near)\s+$", text[:run_start]):
        return None  # "held at Qasr Al Watan": a venue the tagger took for a person
    if evidence in {"apposition", "title"} and len(words_in_name) == 1 and not (role or honorific or counterpart):
        evidence = "short"
    if evidence == "short" and len(words_in_name) >= 2 and not ner:
        # Two capitalised words with no sign of a person: a place, an event, a heading.
        evidence = "weak"
    of_country = re.match(r"\s+of\s+(?:the\s+)?", text[run_end:])
    if of_country and not right_country:
        found = [f for f in context.countries if f.start == run_end + of_country.end()]
        if found:
            right_country = found[0].value
    if of_country and not (right_org or org) and (role or right_role):
        # "Managing Director NAME of the World Bank": the body the office is of.
        found = [f for f in context.organisations if f.start == run_end + of_country.end() and f.kind in ("org", "acronym")]
        if found:
            right_org = found[0].value
    final_role = right_role or role
    if role and right_role and role.lower() in {"minister", "president"}:
        final_role = right_role
    final_country = right_country or country
    final_org = right_org or org
    if final_org and final_role and (final_role.lower() in INTERNATIONAL_OFFICES
                                     or any(w.lower() in EXPERT_HEADS for w in final_role.split())):
        known = O.known_organisation(final_org)
        if not known or known[2] != "party":
            final_country = None
    defined = _DEFINED_IN_PHRASE.search(text[left[0] : run_start]) if left else None
    return Mention(
        offset + run_start, offset + run_end, name, "name", paragraph_index, role=final_role, country=final_country,
        abbreviation=defined.group(1) if defined else "",
        organisation=final_org, titled=titled or bool(right_role), rule=evidence, counterpart=counterpart,
        honorifics=honorific | ({w.lower() for w in (role or "").split()} & {"prince", "sheikh", "emir", "king"}),
    )


def _other_entity(doc, start: int, end: int) -> bool:
    """Does the tagger take these words for something other than a person ('Ghana's Volta Region')?"""
    return doc is not None and any(
        e.label_ not in {"PERSON", "NORP"} and e.start_char <= start < e.end_char for e in doc.ents)


_PORTFOLIO_AFTER = re.compile(r"\s+(?:Affairs|Development|Relations|Cooperation|Co-operation|Integration|"
                              r"Devolution|Security|Planning|Administration|Reconstruction)\b")
_VENUE_ENDINGS = {"house", "palace", "hall", "building", "centre", "center", "hotel", "square", "castle",
                  "residence", "airport", "stadium", "lodge", "villa"}


def bare_is_place(name: str) -> bool:
    """A city or a country, or a building named after someone ('Tafawa Balewa House')."""
    return name in G.C.cities() or name in G.C.country_names() or name.split()[-1].lower() in _VENUE_ENDINGS


def _description_at(words, i, text, context, offset, paragraph_index):
    """'the foreign minister', 'the Russian top diplomat', 'The Secretary-General', 'His Highness'."""
    start, end, word = words[i]
    low = word.lower()
    if low == "his" and i + 1 < len(words) and words[i + 1][2] in {"Highness", "Excellency", "Majesty"}:
        return (Mention(offset + start, offset + words[i + 1][1], text[start : words[i + 1][1]], "description",
                        paragraph_index, head="highness", rule="description"), i + 2)
    if low != "the":
        return None
    k = i + 1
    country = None
    office = []
    while k < len(words) and text[words[k - 1][1] : words[k][0]] == " ":
        w = words[k][2]
        bare, possessive = strip_possessive(w.rstrip("."))
        unit = context.unit_at(words[k][0], words[k][0] + len(bare))
        if unit is not None and unit.kind in ("country", "adjective") and not office:
            country = unit.value
        elif bare.lower() in _COURTESY_WORDS and not office:
            pass  # "the Honourable Minister", "the visiting minister"
        elif (bare.lower() in OFFICE_WORDS or bare.lower() in _COUNTERPART) and bare.lower() not in {"two", "three"}:
            office.append(bare)
        else:
            break
        if possessive or w.endswith("."):
            k += 1
            break
        k += 1
    if not office or office[-1].lower() not in OFFICE_HEADS | _COUNTERPART:
        return None
    if k < len(words) and text[words[k - 1][1] : words[k][0]] == " " and _is_name_word(words[k][2], context, words[k][0]):
        return None  # a title before a name, handled as the name's title
    if office[-1].lower().endswith("s") and office[-1].lower() not in {"affairs"}:
        return None  # plural: "the Ministers"
    m_end = words[k - 1][1]
    phrase = text[start:m_end]
    phrase_clean = strip_possessive(phrase.rstrip("."))[0]
    return (Mention(offset + start, offset + start + len(phrase_clean), phrase_clean, "description", paragraph_index,
                    role=" ".join(office), country=country, head=office[-1].lower(), rule="description"), k)


class PeopleIndex:
    """Links mentions to people, in reading order."""

    def __init__(self, home_country: str | None = None):
        self.people: list[Person] = []
        self.recent: list[Person] = []  # most recent last
        self.home_country = home_country
        self.abbreviations: dict[str, Person] = {}  # "EAM": the person the text introduced with that short form

    def _touch(self, person: Person) -> None:
        if person in self.recent:
            self.recent.remove(person)
        self.recent.append(person)

    def resolve_name(self, mention: Mention, create: bool = True) -> Person | None:
        if mention.rule == "abbreviation":  # an office's short form the text defined
            person = self.abbreviations.get(mention.text)
            return self._link_soft(person, mention) if person is not None else None
        name = mention.text
        folded = name_words(name)
        if not folded:
            return None
        # Initials: "MBS".
        if name.isupper() and len(name) <= 4 and len(folded) == 1:
            for person in reversed(self.recent):
                if initials(person.name) == name:
                    return self._link(person, mention)
        if len(folded) == 1:
            candidates = [p for p in reversed(self.recent) if folded[0] in name_words(p.name)
                          or any(folded[0] in name_words(a) for a in p.aliases)]
            if candidates:
                return self._link(candidates[0], mention)
            if create and mention.titled:
                return self._new(mention)
            return None
        for person in reversed(self.recent):
            if same_person(person.name, name) or any(same_person(a, name) for a in person.aliases if len(name_words(a)) > 1):
                return self._link(person, mention)
        return self._new(mention) if create else None

    def resolve_later_name(self, mention: Mention) -> Person | None:
        """A surname read before its full name: the one person the article names so."""
        folded = name_words(mention.text)
        if len(folded) != 1:
            return None
        candidates = [p for p in self.people if folded[0] in name_words(p.name)]
        if len(candidates) != 1:
            return None
        mention.person = candidates[0]
        candidates[0].aliases.add(mention.text)
        return candidates[0]

    def resolve_later_description(self, mention: Mention) -> Person | None:
        """'Her Chinese counterpart' told before any Chinese official is named: the one person of that
        country the article names who fits the description."""
        candidates = [p for p in self.people if p.country == mention.country and self.description_fits(p, mention)]
        if len(candidates) != 1:
            return None
        mention.person = candidates[0]
        return candidates[0]

    def _new(self, mention: Mention) -> Person:
        role = mention.role or (self._counterpart_office(mention) if mention.counterpart else None)
        person = Person(name=mention.text, role=role, country=mention.country,
                        organisation=mention.organisation, aliases={mention.text}, first_offset=mention.start,
                        rule=mention.rule, confidence=0.9 if mention.titled else 0.6)
        self.people.append(person)
        return self._link(person, mention)

    def _counterpart_office(self, mention: Mention) -> str | None:
        """'Foreign Minister A met his Turkish counterpart B': B holds A's office in B's country. A is the
        person named last before B, of another country."""
        for person in reversed(self.recent):
            if person.role and person.country and person.country != mention.country:
                return person.role
            if person.role or person.country:
                return None  # the one named last is no counterpart of a state's official
        return None

    def _link(self, person: Person, mention: Mention) -> Person:
        mention.person = person
        if mention.abbreviation:
            self.abbreviations[mention.abbreviation] = person
        person.aliases.add(mention.text)
        person.honorifics |= mention.honorifics
        if len(name_words(mention.text)) > len(name_words(person.name)):
            person.name = mention.text
        if mention.role and (not person.role or (mention.rule in {"apposition"} and person.role.lower() in {"minister", "president"})):
            person.role = mention.role
        if mention.country and not person.country and not (person.organisation and person.role and person.role.lower() in INTERNATIONAL_OFFICES):
            person.country = mention.country
        if mention.organisation and not person.organisation:
            person.organisation = mention.organisation
        if mention.titled:
            person.confidence = max(person.confidence, 0.9)
        self._touch(person)
        return person

    def description_fits(self, person: Person, mention: Mention) -> bool:
        head = mention.head
        role = (person.role or "").lower()
        if head == "highness":
            return bool(getattr(person, "honorifics", set()) & {"prince", "sheikh", "emir", "h.h.", "highness"}) or any(
                w in role for w in ("prince", "sheikh", "emir"))
        if mention.country and person.country != mention.country:
            return False
        return bool(role) and (
            head in role.replace("-", " ").split() or head in role
            or any(office in role for office in _OFFICE_SYNONYMS.get(head, ()))
            or head in {"leader", "official"} | _COUNTERPART
        )

    @staticmethod
    def holds(person: Person, office: str) -> bool:
        """Does the person hold the office ('minister': a Foreign Minister; 'diplomat': a Secretary)?"""
        role = (person.role or "").lower()
        # A foreign secretary or a secretary of state is one of "both ministers".
        synonyms = _OFFICE_SYNONYMS.get(office, ()) + (("secretary",) if office == "minister" else ())
        return bool(role) and (office in role.replace("-", " ").split() or office in role
                               or any(o in role for o in synonyms))

    def resolve_description(self, mention: Mention) -> Person | None:
        for person in reversed(self.recent):
            if self.description_fits(person, mention):
                return self._link_soft(person, mention)
        return None

    def _link_soft(self, person: Person, mention: Mention) -> Person:
        mention.person = person
        self._touch(person)
        return person

    def finish(self, meetings=()) -> None:
        """Officials named without a country are, by default, of the publisher's country, except a
        counterpart in a meeting with one of them: two sides cannot both be the publisher's."""
        guessed = {id(p) for p in self.people if p.role and not p.country and not p.organisation
                   and self.home_country and p.role.split()[-1].lower() not in EXPERT_HEADS}
        for meeting in meetings:
            unknown = [p for p in meeting.participants if id(p) in guessed]
            if meeting.kind != "multilateral" and len(unknown) >= 2:
                for person in unknown[1:]:
                    guessed.discard(id(person))
        for person in self.people:
            if id(person) in guessed:
                person.country = self.home_country
            person.aliases = {a for a in person.aliases if a}


def people_of_record(meetings: list[Meeting], statements: list[Statement]) -> list[Person]:
    """The people of an article are those who met and those who spoke (SCHEMA: only mentioned people are not)."""
    people: list[Person] = []
    for meeting in meetings:
        for person in meeting.participants:
            if person not in people:
                people.append(person)
    for statement in statements:
        if statement.speaker and statement.speaker not in people:
            people.append(statement.speaker)
    people.sort(key=lambda p: p.first_offset)
    return people
