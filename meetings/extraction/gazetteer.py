"""Finding countries, cities and news outlets in a paragraph by name (organisations: organisations.py).

Spans are found longest first, so "South Korea" is not "Korea".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import countries as C
from .types import Article

# News agencies and broadcasters, with the country they report from.
OUTLET_COUNTRIES = {
    "xinhua": "CN", "china daily": "CN", "cgtn": "CN", "cctv": "CN", "global times": "CN", "people's daily": "CN",
    "tass": "RU", "ria novosti": "RU", "interfax": "RU", "wam": "AE", "emirates news agency": "AE", "spa": "SA",
    "saudi press agency": "SA", "kcna": "KP", "yonhap": "KR", "kyodo": "JP", "nhk": "JP", "anadolu": "TR",
    "irna": "IR", "pti": "IN", "ani": "IN", "bernama": "MY", "antara": "ID", "vna": "VN", "vietnam news agency": "VN",
    "pna": "PH", "mena": "EG", "qna": "QA", "kuna": "KW", "bna": "BH", "sana": "SY", "belta": "BY",
    "ukrinform": "UA", "ptv": "PK", "app": "PK", "foreign, commonwealth & development office": "GB",
    "foreign, commonwealth and development office": "GB", "10 downing street": "GB", "kremlin": "RU",
    "white house": "US", "department of state": "US", "élysée": "FR", "elysee": "FR",
}
_INSTITUTION = re.compile(
    r"^(?:from:\s*)?(?:the\s+)?(?:u\.s\.\s+|us\s+)?(?:ministry|department|office|embassy|mission|permanent mission|"
    r"foreign, commonwealth|prime minister's office|president of|kremlin|white house)", re.I)


def is_institution(line: str) -> bool:
    return bool(_INSTITUTION.match(line.strip()))


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    kind: str  # country, adjective, org, city
    value: str  # ISO code, organisation name or city name
    text: str


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _country_regex():
    names = C.country_names()
    adjectives = C.country_adjectives()
    plurals = C.country_demonym_plurals()
    table = {}
    for word, code in names.items():
        table[word] = ("country", code)
    for word, code in adjectives.items():
        table.setdefault(word, ("adjective", code))
    for word, code in plurals.items():
        table.setdefault(word, ("adjective", code))
    # "U.S." ends in a dot, so no \b after it. A hyphen next to a name is checked by find_countries().
    pattern = re.compile(rf"(?<!\w)(?:{_alternation(table)})(?!\w|\.\w)")
    return pattern, table


@lru_cache(maxsize=1)
def _city_regex():
    return re.compile(rf"(?<![\w-])(?:{_alternation(C.cities())})(?![\w-])")


_REGION_BEFORE = re.compile(r"(?:Latin|South|North|Central|East|West|Southeast|Northeast)\s+$")


@lru_cache(maxsize=1)
def _adjective_names() -> frozenset[str]:
    """Country names that are also the country's adjective ("Lao", "Myanmar", "New Zealand")."""
    adjectives = C.country_adjectives()
    return frozenset(w for w, code in C.country_names().items() if adjectives.get(w) == code)


# Words that can follow a country's name without being the noun its adjective would modify.
_NOT_MODIFIED = {"and", "or", "in", "on", "at", "to", "for", "of", "with", "from", "by", "as", "but", "is", "was",
                 "are", "were", "has", "had", "have", "will", "would", "could", "can", "may", "said", "says",
                 "which", "that", "who", "after", "before", "since", "during", "this", "last", "next"}


def _modifies_next_word(rest: str) -> bool:
    following = re.match(r" ([A-Za-z][\w-]*)", rest)
    return bool(following) and following.group(1).lower() not in _NOT_MODIFIED


@lru_cache(maxsize=4096)
def find_countries(text: str) -> tuple[Found, ...]:
    pattern, table = _country_regex()
    found = []
    matches = list(pattern.finditer(text))
    ends, starts = {m.end() for m in matches}, {m.start() for m in matches}
    for match in matches:
        word = match.group(0)
        # Joined by a hyphen, a name counts only beside another: "the U.S.-India partnership", "China-Russia
        # ties"; not "Iraq-based", "Kenya-born", whose names qualify another word.
        if text[match.start() - 1 : match.start()] == "-" and match.start() - 1 not in ends:
            continue
        if text[match.end() : match.end() + 1] == "-" and match.end() + 1 not in starts:
            continue
        kind, code = table[word]
        before = text[max(0, match.start() - 12) : match.start()]
        if word == "America" and _REGION_BEFORE.search(before):
            continue
        if kind == "country" and word in _adjective_names() and _modifies_next_word(text[match.end() :]):
            kind = "adjective"  # "the Lao side", "Myanmar officials": a name used as its adjective
        found.append(Found(match.start(), match.end(), kind, code, word))
    return tuple(found)


@lru_cache(maxsize=4096)
def find_cities(text: str) -> tuple[Found, ...]:
    return tuple(Found(m.start(), m.end(), "city", m.group(0), m.group(0)) for m in _city_regex().finditer(text))


def outlet_country(source: str) -> str | None:
    key = source.strip().lower()
    if key in OUTLET_COUNTRIES:
        return OUTLET_COUNTRIES[key]
    for name, code in OUTLET_COUNTRIES.items():
        if len(name) > 3 and name in key:
            return code
    hits = find_countries(source)
    return hits[0].value if hits else None


_MASTHEAD = re.compile(r"^(?:the\s+)?(?:[\w']+\s+){0,3}(?:republic|kingdom|government|state|sultanate|emirate|"
                       r"commonwealth|principality)\s+of\s+", re.I)


def home_country(article: Article) -> str | None:
    """The country whose officials the article names without saying so: the outlet's (a national
    agency), or the government issuing the release ('Ministry of External Affairs / Government of
    India', 'FEDERAL REPUBLIC OF NIGERIA')."""
    home = outlet_country(article.source) if article.source else None
    if home is not None:
        return home
    header = []
    for paragraph in article.paragraphs[:10]:
        if paragraph.kind == "body":
            break
        header.append(paragraph.text)
    for text in header:
        if is_institution(text) or _MASTHEAD.match(text):
            found = outlet_country(text.title() if text.isupper() else text)
            if found:
                return found
    return None


def countries_of(article: Article, paragraphs, contexts) -> list[str]:
    """The countries an article names, in order, leaving out those only in its credits ('(Xinhua)')."""
    credited = [c for c in article.credited if c] + ([article.source] if article.source else [])
    codes: list[str] = []
    for paragraph, context in zip(paragraphs, contexts):
        if paragraph.kind == "header" and paragraph.text != article.title:
            continue
        for found in context.countries:
            surrounding = paragraph.text[max(0, found.start - 30) : found.end + 30]
            if any(c and c in surrounding and found.text in c for c in credited):
                continue
            if found.value not in codes:
                codes.append(found.value)
    return codes
