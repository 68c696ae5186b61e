"""Names of people: which capitalised words form a name, how two written forms
of a name compare ("WANG Yi" = "Wang Yi" ⊃ "Wang"; "Faisal bin Farhan" ⊂
"Faisal bin Farhan bin Abdullah"; "MBS" = "Mohammed bin Salman")."""
from __future__ import annotations

import re
import unicodedata

PARTICLES = {"bin", "bint", "ibn", "al", "el", "dos", "da", "de", "del", "der", "van", "von", "le", "la", "du", "di",
             "abu", "ben", "y", "ter", "den", "al-"}
STOP_CAPS = {
    "The", "A", "An", "In", "At", "On", "During", "After", "Before", "For", "But", "And", "As", "While", "With",
    "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "His", "Her", "Their", "Our", "Its",
    "According", "Asked", "Speaking", "Building", "Noting", "Regarding", "Today", "Earlier", "Later", "Meanwhile",
    "However", "Following", "Ahead", "Under", "Since", "When", "Whether", "If", "Both", "All", "Some", "Many",
    "Most", "No", "Nobody", "Other", "Others", "Analysts", "Whatever", "Because", "Across", "Over", "Among",
    "From", "To", "By", "Of", "Or", "Not", "Now", "Then", "There", "Here", "What", "Who", "Why", "How", "Where",
    "Mr", "Mrs", "Ms", "Dr", "Yet", "Still", "Also", "Such", "Each", "Every", "Any", "One", "Two", "Three",
    "First", "Last", "Next", "Western", "Eastern", "Northern", "Southern", "Central", "Arab", "European",
    "Asian", "African", "Latin", "Nordic", "Gulf", "Middle", "East", "West", "North", "South", "Global",
    "International", "National", "Regional", "Senior", "Chief", "Top", "Minister", "Ministers", "Leaders",
    "Secretary", "President", "Presidents", "Media", "Press", "Related", "Photo", "Reporting", "Editing",
    "Source", "Updated", "Published", "Readout", "Background", "Reference", "Analysis", "Opinion",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Ramadan", "Initiative", "Summit", "Meeting", "Council", "Ministry", "Kingdom", "Republic", "State",
    "Government", "Parliament", "Congress", "Embassy", "Capital", "City", "Province", "Region", "Sea",
    "Islands", "Strait", "Day", "Year", "Week", "COVID-19", "Covid", "AM", "PM", "GMT", "UTC", "Let", "Nor",
    "Yes", "Is", "Are", "Was", "Were", "Will", "Would", "Could", "Should", "Can", "May", "Must", "Do",
    "Does", "Did", "Has", "Have", "Had", "Despite", "Though", "Although", "Unlike", "Like", "Within",
    "Without", "Between", "Against", "Through", "Toward", "Towards", "Upon", "Into", "Onto", "Via", "Per",
    "Amid", "Together", "Instead", "Even", "Only", "Just", "Again", "Already", "Anyone", "Everyone",
    "Someone", "Nothing", "Everything", "Something", "Things", "People", "Sheikh", "Prince", "King", "Emir",
    "Queen", "Crown", "Highness", "Excellency", "Majesty", "Royal", "Custodian", "Holy", "Mosques",
}
_INITIAL = re.compile(r"^(?:[A-Z]\.)+$")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form for comparing names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("đ", "d").replace("Đ", "D").casefold()
    text = re.sub(r"[-‐‑–'’.]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def name_words(name: str) -> list[str]:
    return [w for w in fold(name).split() if w not in PARTICLES]


def is_initial(word: str) -> bool:
    return bool(_INITIAL.match(word))


def strip_possessive(word: str) -> tuple[str, bool]:
    bare = _POSSESSIVE.sub("", word)
    return bare, bare != word


def initials(name: str) -> str:
    """'Mohammed bin Salman' -> 'MBS' (every word's first letter)."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w[0].isalpha()).upper()


def same_person(a: str, b: str) -> bool:
    """Two full forms name the same person when one's words contain the other's, in order."""
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) == 1:
        return short[0] in long_
    # contiguous or in order
    it = iter(long_)
    return all(any(w == x for x in it) for w in short)
