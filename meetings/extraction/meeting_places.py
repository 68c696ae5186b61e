"""Where and when a meeting told in a sentence took place: the date phrase nearest its trigger,
the city, venue or country attached to it ("in Beijing", "at the Kremlin", "Astana, Kazakhstan"),
and the forum of a gathering."""
from __future__ import annotations

import re

from . import gazetteer as G
from . import organisations as O
from .dates import find_dates
from .reader import DATELINE
from .sentences import Sentence
from .lexicon import GATHERING_NOUNS, MEETING_NOUNS
from .meeting_triggers import VISIT_NOUNS
from .types import DateValue


VENUE = re.compile(
    r"\b(?:at|in)\s+(?:the\s+)?((?:[A-Z][\w'’-]+\s+){0,4}(?:Hall|House|Palace|Hotel|Castle|Centre|Center|"
    r"Kremlin|Square|Residence|Villa|Guesthouse|Guest House|Building)(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]+)*)|"
    r"\bheld at\s+((?:[A-Z][\w'’-]+\s?){1,4})"
)
VENUE_COUNTRIES = {"White House": "US", "Kremlin": "RU", "Great Hall of the People": "CN", "Élysée Palace": "FR",
                   "Elysee Palace": "FR", "Downing Street": "GB", "Zhongnanhai": "CN", "Diaoyutai": "CN",
                   "Blue House": "KR", "Camp David": "US"}


_OTHER_TIME_MARKS = {"since", "after", "before", "until", "when", "once"}


def date_for(sentence, token, region, anchor, future) -> DateValue:
    text = sentence.paragraph.text
    found = find_dates(text[sentence.span.start_char : sentence.span.end_char], anchor, future)
    # The date in a dateline ("MUNICH, Feb 17 (Reuters) -") is the filing date, not the event's.
    dateline = DATELINE.match(text) if sentence.span.start_char == 0 else None
    if dateline:
        found = [f for f in found if f[0] >= dateline.end()]
    base = sentence.span.start_char
    # "..., which Norway will host on May 3", "... since she took office in July": a clause about
    # another event has that event's date.
    others = [(min(t.idx for t in c.subtree), max(t.idx + len(t.text) for t in c.subtree))
              for c in sentence.span if token not in c.subtree and c.head is not token and (
                  (c.dep_ == "relcl" and any(a.dep_ == "aux" and a.lower_ in {"will", "shall", "'ll"} for a in c.children))
                  or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _OTHER_TIME_MARKS for m in c.children)))]
    found = [f for f in found if not any(lo <= base + f[0] < hi for lo, hi in others)]
    if not found:
        return DateValue(None)
    region_ids = {t.idx for t in region}
    region_lo = min(region_ids)
    region_hi = max(t.idx + len(t.text) for t in region)
    inside = [f for f in found if region_lo <= base + f[0] < region_hi]
    # Where a sentence tells several events, a date outside this one's clause is another's.
    if not inside and getattr(sentence, "several_events", False) and (token.lower_ in VISIT_NOUNS or future):
        return DateValue(None)
    candidates = inside or found
    pos = token.idx - base
    best = min(candidates, key=lambda f: abs(f[0] - pos))  # the date told nearest the meeting
    value = best[2]
    return value


_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|to|visited|visiting|visit|from|(?:resort|city|town|capital|port|village|island) of)\s+(?:the\s+)?$", re.I)


def city_in(sentence, lo, hi) -> str | None:
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
    near = countries_near(sentence)
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


def countries_near(sentence) -> set[str]:
    """The countries a paragraph names, which tell which of several same-named towns it means."""
    return {f.value for f in G.find_countries(sentence.paragraph.text)}


def attached_places(token, noun) -> list[tuple[int, int]]:
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


def country_in(sentence, lo, hi) -> str | None:
    text = sentence.paragraph.text
    for found in G.find_countries(text):
        if lo <= found.start < hi and found.kind == "country" and re.search(r"\b(?:in|to)\s+(?:the\s+)?$", text[max(0, found.start - 8): found.start]):
            return found.value
    return None


def place(sentence, lo, hi, attached=(), fallback=True) -> tuple[str | None, str | None]:
    text = sentence.paragraph.text
    s_lo, s_hi = sentence.span.start_char, sentence.span.end_char
    city = next((c for a, b in attached if (c := city_in(sentence, a, b))), None) or city_in(sentence, lo, hi)
    region_country = None
    if not city:
        region_country = next((c for a, b in attached if (c := country_in(sentence, a, b))), None)
    if city is None and region_country is None and fallback:
        city = city_in(sentence, s_lo, s_hi)
    if city is None and region_country is None:
        for ent in sentence.span.ents:
            if ent.label_ == "GPE" and ent.text not in G.C.country_names() and ent.text not in G.C.country_adjectives():
                prev = text[max(0, ent.start_char - 4) : ent.start_char]
                if re.search(r"\bin\s+$", prev):
                    city = ent.text
                    break
    venue = None
    for match in VENUE.finditer(text[s_lo:s_hi]):
        venue = (match.group(1) or match.group(2) or "").strip()
        if venue and venue != city:
            break
        venue = None
    country = G.C.city_country(city, countries_near(sentence)) if city else region_country
    if venue:
        venue_country = next((c for v, c in VENUE_COUNTRIES.items() if v in venue), None)
        if venue_country and country and venue_country != country:
            city, country = None, venue_country
        country = country or venue_country
    place = ", ".join(p for p in (venue, city) if p) or None
    return place, country


_FORUM_HEADS = {"organization", "organisation", "community", "union", "forum", "league", "group", "council",
                "cooperation", "conference", "association", "alliance", "assembly", "commonwealth"}


def forum(sentence: Sentence, token) -> str | None:
    """The body in whose frame a gathering is held: 'the SCO summit', 'an Arab League summit', 'the
    countries of the Amazon Cooperation Treaty Organization': an international body named in the
    sentence, nearest the gathering and in its own words first; not one that only qualifies
    something else ('UN resolutions', 'the UN Secretary-General')."""
    text = sentence.paragraph.text
    lo, hi = sentence.span.start_char, sentence.span.end_char
    own = {t.idx for t in token.subtree}
    best = None
    for f in O.find_organisations(text):
        if f.kind != "org" or not lo <= f.start < hi:
            continue
        name = _international_body(f)
        if name is None:
            continue
        at = next((t for t in sentence.span if t.idx <= f.start < t.idx + len(t.text)), None)
        inside = f.start in own or (at is not None and at.idx in own)
        if not inside and at is not None and _qualifies_another_noun(at, token, f):
            continue
        rank = (not inside, abs(f.start - token.idx))
        if best is None or rank < best[0]:
            best = (rank, name)
    return best[1] if best else None


_MEMBER_NOUNS = {"minister", "leader", "envoy", "delegate", "official", "representative", "head", "diplomat",
                 "president", "premier", "member", "ambassador"}


def members_body(subject, sentence: Sentence) -> str | None:
    """The international body whose members a plural subject names: 'foreign ministers of the G7', 'leaders
    from ASEAN'; not 'critics of NATO', 'ministers of countries hoping to join the EU' or 'of ASEAN and the EU'."""
    if subject.tag_ not in {"NNS", "NNPS"} or subject.lemma_.lower() not in _MEMBER_NOUNS:
        return None
    for prep in subject.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"of", "from"}:
            continue
        for body in prep.children:
            if body.dep_ != "pobj" or any(c.dep_ == "conj" for c in body.children):
                continue
            # The body's own words: its name, without the clauses and phrases that hang on it.
            hanging = {t.i for c in body.children if c.dep_ in {"acl", "relcl", "prep"} for t in c.subtree}
            words = [t for t in body.subtree if t.i not in hanging]
            lo, hi = min(t.idx for t in words), max(t.idx + len(t.text) for t in words)
            if re.match(r"\s+(?:and|or)\b", sentence.paragraph.text[hi:]):
                continue  # "ministers of ASEAN and the EU": two bodies, neither the meeting's own
            names = [name for f in O.find_organisations(sentence.paragraph.text)
                     if f.kind == "org" and lo <= f.start and f.end <= hi and (name := _international_body(f))]
            if len(names) == 1:
                return names[0]
    return None


def _international_body(found) -> str | None:
    known = O.known_organisation(found.text) or O.known_organisation(found.value)
    if known:
        return known[0] if known[2] == "intergovernmental" else None
    words = found.value.split()
    if words and words[-1].lower() in _FORUM_HEADS and not G.find_countries(found.value):
        return found.value  # "Amazon Cooperation Treaty Organization", "Pacific Islands Forum"
    return None


def _qualifies_another_noun(at, token, found) -> bool:
    """'UN resolutions', 'the UN Secretary-General': the body's name modifies a noun that is not the
    gathering."""
    last = at
    while last.i + 1 < len(at.doc) and last.idx + len(last.text) < found.end:
        last = at.doc[last.i + 1]
    head = last.head
    return last.dep_ in {"compound", "nmod", "poss", "amod"} and head is not token and head.pos_ in {"NOUN", "PROPN"} \
        and head.lower_ not in GATHERING_NOUNS | MEETING_NOUNS
