"""Organisations: the international bodies we know by name (with their acronyms and kinds), names
written out around a head noun ("Chinese Academy of Social Sciences", "Ministry of Foreign Affairs of
Japan"), and the organisations an article is about: not the outlets credited for it, not governments
(SCHEMA), not page furniture."""
from __future__ import annotations

import re
from functools import lru_cache

from . import countries as C
from .gazetteer import Found, _alternation, find_countries
from .lexicon import EXPERT_HEADS, HONORIFICS, INTERNATIONAL_BODIES, NOT_ORG_HEADS, OFFICE_HEADS, OFFICE_WORDS, ORG_HEADS
from .names import fold
from .types import Article, Organisation, Person


@lru_cache(maxsize=1)
def _org_table():
    table = {}
    for name, acronym, kind, aliases in INTERNATIONAL_BODIES:
        for form in [name, acronym, *aliases]:
            if form:
                table[form] = (name, acronym, kind)
    return table


@lru_cache(maxsize=1)
def _org_regex():
    return re.compile(rf"(?<![\w-])(?:{_alternation(_org_table())})(?![\w-])")


def find_known_organisations(text: str) -> list[Found]:
    table = _org_table()
    return [
        Found(m.start(), m.end(), "org", table[m.group(0)][0], m.group(0)) for m in _org_regex().finditer(text)
    ]


def known_organisation(name: str):
    """(canonical name, acronym, kind) of a known international body, or None."""
    return _org_table().get(name)


# Organisation names written out: capitalised words around a head noun, with
# "of ..."/"for ..." continuations ("Chinese Academy of Social Sciences",
# "Ministry of Foreign Affairs of Japan", "European Council on Foreign Relations").
_WORD = re.compile(r"[^\s,;:()\[\]“”\"]+")
_LINKS = {"of", "for", "on", "de", "des", "and"}
_LEADING_STOP = {"The", "A", "An", "In", "On", "At", "But", "And", "For", "By", "With", "From", "As", "To", "Its",
                 "His", "Her", "Their", "Our", "That", "This", "While", "When", "After", "Before", "During"}
_CALENDAR = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
             "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
_LOWER_MINISTRY = re.compile(
    r"(?P<name>(?:[A-Z][\w.]+(?:\s[A-Z][\w]+)?(?:'s|’s)?\s+)(?:foreign|defen[cs]e|interior|finance|trade)\s+(?:affairs\s+)?ministry)\b"
)


# Words that end a name rather than stand inside one ("the Summit Council" is not one body); a
# treaty or islands inside a name are part of it ("Amazon Cooperation Treaty Organization",
# "Pacific Islands Forum").
_NOT_INSIDE_NAMES = NOT_ORG_HEADS - {"treaty", "islands", "island", "sea", "ocean", "convention", "charter"}


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or word == "&"


def _ends_sentence(word: str) -> bool:
    return word.endswith(".") and any(c.islower() for c in word)


def _bare(word: str) -> str:
    return re.sub(r"(?:'s|’s|'|’)$", "", word).lower()


_DOCUMENT_AFTER = re.compile(
    r"^\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:Convention|Charter|Declaration|Treaty|Initiative|Agreement|Resolution|Report|Vision)\b")


_LISTED_PORTFOLIO = re.compile(r"^(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}){1,4},?\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}")


@lru_cache(maxsize=4096)
def find_organisations(text: str) -> tuple[Found, ...]:
    """Known bodies and written-out names, longest first, without overlaps."""
    known = [f for f in find_known_organisations(text) if not _DOCUMENT_AFTER.match(text[f.end :])]
    named = [
        f for f in find_named_organisations(text)
        if f.value not in C.country_names()  # "the Russian Federation" is a state
        and not _DOCUMENT_AFTER.match(text[f.end :])
        and not re.search(r"\)\s*$", text[: f.start])  # "(CPV) Central Committee": part of the party
        and not re.search(r"\b\d+(?:st|nd|rd|th)\s+$", text[: f.start])  # "the 20th CPC National Congress": an event
    ]
    candidates = known + named
    candidates.sort(key=lambda f: (-(f.end - f.start), f.start))
    chosen: list[Found] = []
    for found in candidates:
        if any(c.start < found.end and found.start < c.end for c in chosen):
            continue
        chosen.append(found)
    return tuple(sorted(chosen, key=lambda f: f.start))


def find_named_organisations(text: str) -> list[Found]:
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    found, used_until = [], -1
    for i, (start, end, word) in enumerate(words):
        if start < used_until or not _is_cap(word) or _bare(word.rstrip(".")) not in ORG_HEADS:
            continue
        # Left: capitalised words directly before the head, in the same phrase.
        first = i
        while first > 0 and _is_cap(words[first - 1][2]) and text[words[first - 1][1] : words[first][0]] == " " \
                and not _ends_sentence(words[first - 1][2]):
            if words[first - 1][2] in _LEADING_STOP or _bare(words[first - 1][2]) in _NOT_INSIDE_NAMES:
                break
            first -= 1
        # "Foreign, Commonwealth & Development Office": a comma inside a name joined by "&".
        if first >= 2 and words[first][2] == "&" or (first >= 1 and text[words[first - 1][1] : words[first][0]] == ", "
                                                      and " & " in text[words[first][0] : end]):
            if first >= 1 and _is_cap(words[first - 1][2]):
                first -= 1
        last = i
        # "Asia Society Policy Institute": a later head in the same capitalised run.
        m = i
        while m + 1 < len(words) and m - i < 3 and _is_cap(words[m + 1][2]) and text[words[m][1] : words[m + 1][0]] == " " \
                and not _ends_sentence(words[m][2]):
            m += 1
            if _bare(words[m][2].rstrip(".")) in ORG_HEADS:
                last = i = m
        # Right: "of the X Y", "for Z" continuations of capitalised words.
        j = i + 1
        previous_link = ""
        while j < len(words) and not _ends_sentence(words[j - 1][2]):
            link = words[j][2]
            k = j
            if link in _LINKS and text[words[j - 1][1] : words[j][0]] == " ":
                k = j + 1
                if k < len(words) and words[k][2] in {"the", "The"}:
                    k += 1
                if k < len(words) and _is_cap(words[k][2]) and words[k][2] not in _LEADING_STOP \
                        and words[k][2].rstrip(".,") not in _CALENDAR:
                    m = k
                    while m + 1 < len(words) and _is_cap(words[m + 1][2]) and text[words[m][1] : words[m + 1][0]] == " " \
                            and not _ends_sentence(words[m][2]):
                        m += 1
                    # "Ministry of Foreign Affairs and International Cooperation", not "X and the Y".
                    if link == "and" and (k != j + 1 or previous_link not in {"of", "for"}):
                        break
                    # "Ministry of Foreign Affairs and Norway's Ministry of Defence": a second body.
                    if link == "and" and any(_bare(w[2].rstrip(".,")) in ORG_HEADS or re.search(r"['’]s$", w[2])
                                             for w in words[k : m + 1]):
                        break
                    # "High Representative of the European Union for Foreign Affairs": a portfolio, not the name.
                    if link == "for" and all(w[2].lower() in OFFICE_WORDS for w in words[k : m + 1]) \
                            and _bare(words[i][2]) in {"union", "nations", "organization", "organisation"}:
                        break
                    last, j, previous_link = m, m + 1, link
                    continue
            break
        # "King's College London": a city right after the head.
        if last + 1 < len(words) and words[last + 1][2] in C.cities() and text[words[last][1] : words[last + 1][0]] == " ":
            last += 1
        # "Ministry of Foreign Affairs, International Trade and Worship": a portfolio listed with commas.
        if previous_link in {"of", "for"}:
            listed = _LISTED_PORTFOLIO.match(text[words[last][1]:])
            if listed and not any(w.lower() in OFFICE_HEADS | HONORIFICS for w in listed.group(0).replace(",", " ").split()):
                stop = words[last][1] + listed.end()
                country = re.match(r"\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]*){0,3}",
                                   text[stop:])
                stop += country.end() if country else 0  # "... and Energy of the Republic of Korea"
                while last + 1 < len(words) and words[last + 1][1] <= stop:
                    last += 1
        name_words = [w for _, _, w in words[first : last + 1]]
        while name_words and (name_words[0] in _LEADING_STOP or _bare(name_words[0]).capitalize() in _CALENDAR):
            name_words, first = name_words[1:], first + 1
        if not name_words or _bare(name_words[-1]) in NOT_ORG_HEADS:
            continue
        # "the New Parliament Building", "the Foreign Ministry compound": a place named after a body.
        if last + 1 < len(words) and text[words[last][1] : words[last + 1][0]] == " " \
                and _bare(words[last + 1][2]) in NOT_ORG_HEADS:
            continue
        name_start, name_end = words[first][0], words[last][1]
        name = re.sub(r"(?:'s|’s)$", "", text[name_start:name_end].rstrip("."))
        # "Political Bureau of the Central Committee of the Communist Party of China": the party.
        inner = [o for o in find_known_organisations(name) if o.start > 0 and o.end == len(name)]
        if inner:
            used_until = name_start + len(name)
            continue
        name_end = name_start + len(name)
        if len(name.split()) < 2:
            if not re.match(r"\s*\(([A-Z][A-Za-z]{1,9})\)", text[name_end:]):
                continue
        found.append(Found(name_start, name_end, "org", name, name))
        used_until = name_end
        acronym = re.match(r"\s*\(([A-Z][A-Za-z]{1,9})\)", text[name_end:])
        if acronym:
            a_start = name_end + acronym.start(1)
            found.append(Found(a_start, a_start + len(acronym.group(1)), "acronym", name, acronym.group(1)))
    for match in _LOWER_MINISTRY.finditer(text):
        name = re.sub(r"^(?:The|the|A|a)\s+", "", match["name"])
        if name.split()[0] in _LEADING_STOP:
            continue
        start = match.end("name") - len(name)
        found.append(Found(start, match.end("name"), "org", name, name))
    return found


def credited(article: Article) -> set[str]:
    """The outlets credited for an article (source, byline, dateline), folded for matching."""
    names = {fold(c) for c in article.credited if c}
    if article.source:
        names.add(fold(article.source))
    return names


def organisations_of(article: Article, paragraphs, contexts) -> list[Organisation]:
    outlets = credited(article)
    found: dict[str, Organisation] = {}
    acronyms: dict[str, str] = {}
    for paragraph, context in zip(paragraphs, contexts):
        if paragraph.kind not in {"body", "heading"} and paragraph.text != article.title:
            continue  # mastheads, bylines, captions and credits name outlets and bureaus, not the story's bodies
        for item in context.organisations:
            known = known_organisation(item.text) or known_organisation(item.value)
            name = known[0] if known else item.value
            acronym = known[1] if known else None
            if item.kind == "acronym":
                acronyms[item.text] = item.value
                if fold(item.value) in found:
                    found[fold(item.value)].acronym = item.text
                continue
            key = fold(name)
            if key in outlets or fold(item.text) in outlets or (acronym and fold(acronym) in outlets):
                continue
            if _is_government(name):
                continue  # SCHEMA: governments are not organisations
            if any(_initials(name) == fold(c).upper().replace(" ", "") for c in outlets):
                continue
            if key not in found:
                kind = known[2] if known else _org_kind(name)
                countries = find_countries(name)
                found[key] = Organisation(name=name, acronym=acronym, kind=kind,
                                          country=countries[0].value if countries and kind != "intergovernmental" else None,
                                          aliases={item.text}, first_offset=paragraph.start + item.start)
            else:
                found[key].aliases.add(item.text)
    # An acronym defined in the text names the same body.
    for acronym, name in acronyms.items():
        key = fold(name)
        if key in found:
            found[key].acronym = found[key].acronym or acronym
    organisations = sorted(found.values(), key=lambda o: o.first_offset)
    return [o for o in organisations if o.kind != "media" or not _is_credited_media(o, outlets)]


def _is_credited_media(org: Organisation, credited: set[str]) -> bool:
    """An outlet credited for the story (byline, dateline, photos) is its source, not its subject."""
    return fold(org.name) in credited or bool(org.acronym and fold(org.acronym) in credited)


_GOVERNMENT = re.compile(r"^(?:(?:the\s+)?(?:[A-Z][\w'’]*\s+){0,2})?(?:Government|Cabinet|Administration)"
                         r"(?:\s+of\s+.{2,60})?$")


def _is_government(name: str) -> bool:
    """'Government of India', 'the Vietnamese Government', "Kenya's Cabinet": a state's government."""
    if not _GOVERNMENT.match(name):
        return False
    rest = re.sub(r"\b(?:the|of|Government|Cabinet|Administration)\b|['’]s\b", " ", name)
    words = rest.split()
    return all(find_countries(w) or w in {"Sultanate", "Kingdom", "Republic", "State", "Federal", "People's"}
               for w in words) or not words


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _org_kind(name: str) -> str:
    last = name.split()[-1].lower() if name.split() else ""
    words = {w.lower() for w in name.split()}
    if words & {"university", "institute", "academy", "college", "school", "center", "centre", "society"}:
        return "institute"
    if words & {"ministry", "department", "office", "agency", "cabinet", "government", "parliament", "assembly",
                "congress", "senate", "service", "bureau", "administration"}:
        return "government"
    if "party" in words:
        return "party"
    if words & {"company", "corporation", "corp", "inc", "ltd", "plc", "bank"}:
        return "company"
    if words & {"times", "post", "news", "television", "radio", "press"}:
        return "media"
    return "other" if last else "other"


def org_country(organisation: str, person: Person) -> str | None:
    known = known_organisation(organisation)
    if known and known[2] != "party":
        return None
    role = (person.role or "").lower()
    if any(w in EXPERT_HEADS for w in role.split()):
        return None
    found = find_countries(organisation)
    return found[0].value if found else None


