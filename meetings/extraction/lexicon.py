"""Word lists of the genre: titles and offices, honorifics, speech and meeting
verbs, the head nouns of organisation names, and the international bodies
news names by acronym. General knowledge of diplomatic reporting, not of any
one article."""
from __future__ import annotations

# Words that may precede a name without being part of it.
HONORIFICS = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor", "h.e.", "h.e", "he.",
    "h.h.", "h.r.h.", "excellency", "highness", "majesty", "sheikh", "sheikha", "shaikh", "prince", "princess",
    "king", "queen", "emir", "amir", "sultan", "madam", "madame", "rt", "hon", "hon.", "sir", "dame", "lord", "lady",
    "general", "gen.", "lt.", "colonel", "col.", "admiral", "adm.", "marshal", "ayatollah", "pope", "cardinal",
    "archbishop", "imam", "senior", "crown", "his", "her", "royal", "the", "comrade", "ambassador",
    "shri", "smt", "smt.", "sri", "cde", "datuk", "dato", "dato'", "datin", "tun", "pehin", "samdech", "excellencies",
}

# Nouns an office ends in ("Foreign Minister", "Secretary-General", "top diplomat").
OFFICE_HEADS = {
    "president", "vice-president", "premier", "chancellor", "minister", "secretary", "secretary-general",
    "spokesperson", "spokesman", "spokeswoman", "ambassador", "envoy", "councilor", "councillor", "chairman",
    "chairwoman", "chair", "chairperson", "speaker", "senator", "governor", "mayor", "representative",
    "commissioner", "director", "director-general", "advisor", "adviser", "counsellor", "counselor", "head",
    "chief", "leader", "king", "queen", "emir", "amir", "prince", "sultan", "monarch", "pope", "diplomat", "negotiator",
    "coordinator", "undersecretary", "under-secretary", "consul", "consul-general", "lawmaker", "mp",
    "congressman", "congresswoman", "judge", "prosecutor", "researcher", "scholar", "professor", "analyst",
    "fellow", "expert", "specialist", "economist", "lecturer", "commander", "official", "general",
    "rapporteur", "ombudsman", "attorney-general", "governor-general", "sheikh", "dean", "editor", "founder",
    "executive", "officer", "administrator", "steward", "marshal", "admiral", "colonel", "member",
    "eam", "fm", "pm", "dpm", "unsg", "sg", "vp", "mp",  # titles news abbreviates ("EAM Jaishankar")
    "president-elect", "president-designate", "premier-designate", "minister-designate", "chancellor-designate",
    "prime-minister", "foreign-minister", "senator-elect", "governor-elect",
}

# Words that may stand inside an office before its head ("State Councilor and Foreign Minister").
OFFICE_WORDS = OFFICE_HEADS | {
    "foreign", "defence", "defense", "deputy", "vice", "first", "prime", "state", "national", "security",
    "senior", "special", "permanent", "alternate", "acting", "executive", "affairs", "finance", "trade",
    "commerce", "economy", "economic", "interior", "home", "justice", "health", "energy", "environment",
    "development", "information", "international", "cooperation", "expatriates", "political", "policy",
    "public", "relations", "strategic", "top", "chief", "assistant", "associate", "principal", "crown",
    "high", "under", "former", "acting", "general", "supreme", "military", "presidential", "press",
    "parliamentary", "cabinet", "treasury", "budget", "labour", "labor", "social", "emergency",
    "agriculture", "industry", "transport", "education", "culture", "tourism", "investment",
    "communications", "intelligence", "armed", "forces", "staff", "joint", "secretary", "regional",
    "maritime", "legal", "studies", "policy", "visiting", "research", "nonresident", "non-resident",
    "co-chair", "outgoing", "incoming", "interim", "caretaker", "minister-counselor", "assembly",
    "external", "overseas", "industry", "digital", "science", "technology", "climate", "human", "rights",
    "women", "youth", "water", "housing", "mines", "petroleum", "oil", "fisheries", "infrastructure",
    "aviation", "integration", "solicitor", "attorney", "defense", "homeland", "immigration", "trade",
    "union", "territorial", "administration", "resources", "natural", "tourism", "veterans", "transportation",
    "managing",
}

# Modifiers the scorer treats as changing the office ("Deputy Foreign Minister").
OFFICE_MODIFIERS = {"deputy", "vice", "former", "acting", "assistant", "first", "under", "alternate"}

# Heads of analysts' and scholars' roles: such people speak for an institution, not a state.
EXPERT_HEADS = {
    "researcher", "scholar", "professor", "analyst", "fellow", "expert", "specialist", "economist", "lecturer",
    "dean", "editor", "founder", "director",
}

# Offices held in an international body: country is null, the body is the organisation.
INTERNATIONAL_OFFICES = {"secretary-general", "secretary general", "high representative", "director-general",
                         "special envoy", "commissioner", "rapporteur", "director general", "deputy secretary general",
                         "deputy secretary-general"}

SPEECH_VERBS = {
    "say", "tell", "add", "stress", "urge", "call", "pledge", "warn", "note", "express", "insist", "argue",
    "believe", "state", "affirm", "reaffirm", "underline", "underscore", "emphasize", "emphasise", "announce",
    "propose", "welcome", "praise", "thank", "convey", "brief", "update", "raise", "request", "explain",
    "accuse", "describe", "confirm", "voice", "reiterate", "acknowledge", "hope", "suggest", "criticize",
    "criticise", "reject", "vow", "declare", "claim", "assure", "caution", "deny", "demand", "promise",
    "recall", "highlight", "point", "observe", "comment", "remark", "reply", "respond", "answer", "write",
    "tweet", "share", "set", "make", "push", "look", "outline", "condemn", "appeal", "ask",
    "invite", "predict", "estimate", "admit", "concede", "maintain", "contend", "assert",
    "recommend", "advise", "complain", "lament", "signal", "indicate", "congratulate",
    "encourage", "support", "oppose", "quote", "mention", "reassure", "inform", "hail", "laud", "commend",
    "applaud", "post", "press",
}
# Verbs that attribute only with a particular particle or object ("set out", "made clear", "pushed back").
PARTICLE_VERBS = {"set": {"out", "forth"}, "make": {"clear"}, "push": {"back"}, "look": {"forward"},
                  "point": {"out", "to"}, "call": {"for", "on", "upon"}, "share": {"concern", "view", "views"}}
# Verbs that carry words only with what was said as a clause: "posted that ...", '"...," X posted' (not "posted
# a photo"), "pressed them to act" (not "pressed the button").
NEEDS_CLAUSE = {"post", "press"}
# Verbs that carry words only with a clausal complement or a quote; "support X" alone is not speech.
NEEDS_CONTENT = {"support", "oppose", "invite", "ask", "update", "brief", "raise", "welcome",
                 "thank", "praise", "condemn", "reject", "encourage", "congratulate", "share", "hail", "laud",
                 "commend", "applaud"}

MEETING_NOUNS = {
    "talks", "talk", "meeting", "meetings", "summit", "call", "phone", "conversation", "consultations",
    "retreat", "gathering", "session", "visit", "visits", "trip", "tour", "audience", "discussions",
    "negotiations", "one-on-one", "tete-a-tete", "bilateral", "trilateral", "videoconference",
    "video-conference", "teleconference", "dialogue", "encounter", "exchange", "lunch", "luncheon", "dinner",
    "breakfast",
}
GATHERING_NOUNS = {"summit", "retreat", "gathering", "session", "conference", "forum", "assembly", "council",
                   "meeting", "ministerial", "plenary"}
CALL_WORDS = {"phone", "telephone", "call", "video", "videoconference", "video-conference", "teleconference",
              "virtual", "online", "virtually", "phoned", "telephoned", "video-link", "videolink"}
NON_MEETING_NOUNS = {"press", "news", "media", "joint", "signing"}  # "press conference", "news conference"

ORG_HEADS = {
    "university", "institute", "academy", "center", "centre", "council", "organization", "organisation",
    "party", "ministry", "department", "commission", "agency", "association", "union", "court", "bank",
    "fund", "office", "service", "committee", "assembly", "foundation", "society", "school", "college",
    "corporation", "company", "bureau", "secretariat", "league", "alliance", "federation", "parliament",
    "congress", "senate", "tribunal", "group", "network", "board", "authority", "administration",
    "programme", "program", "cabinet", "government", "forces", "army", "navy", "coalition", "movement",
    "front", "council", "nations", "times", "post", "news", "television", "radio", "broadcasting",
    "corp", "inc", "ltd", "plc", "observatory", "institution", "endowment", "trust", "laboratory",
    "community", "forum", "mission", "guard", "railways", "airways", "airlines", "bloc", "caucus",
}
NOT_ORG_HEADS = {
    "initiative", "treaty", "declaration", "consensus", "agreement", "accord", "accords", "convention",
    "plan", "vision", "roadmap", "strategy", "summit", "meeting", "conference", "retreat", "dialogue",
    "operation", "road", "palace", "hall", "house", "islands", "island", "sea", "strait", "ocean", "line",
    "corridor", "pipeline", "plant", "square", "street", "avenue", "day", "week", "year", "war", "crisis",
    "text", "law", "act", "charter", "protocol", "process", "format", "framework", "mechanism", "zone",
    "building", "headquarters", "compound", "complex", "airport", "stadium", "grounds", "auditorium",
}

# International bodies by name, acronym and other names: (name, acronym, kind, aliases).
INTERNATIONAL_BODIES = [
    ("United Nations", "UN", "intergovernmental", ["U.N.", "United Nations Organization"]),
    ("United Nations Security Council", "UNSC", "intergovernmental", ["UN Security Council", "U.N. Security Council", "Security Council"]),
    ("United Nations General Assembly", "UNGA", "intergovernmental", ["UN General Assembly", "General Assembly"]),
    ("North Atlantic Treaty Organization", "NATO", "intergovernmental", ["Nato", "North Atlantic Treaty Organisation", "NATO alliance"]),
    ("European Union", "EU", "intergovernmental", ["E.U."]),
    ("European Commission", None, "intergovernmental", []),
    ("European Council", None, "intergovernmental", []),
    ("European Parliament", None, "intergovernmental", []),
    ("European External Action Service", "EEAS", "intergovernmental", []),
    ("Association of Southeast Asian Nations", "ASEAN", "intergovernmental", []),
    ("Shanghai Cooperation Organization", "SCO", "intergovernmental", ["Shanghai Cooperation Organisation"]),
    ("Group of Twenty", "G20", "intergovernmental", ["G-20", "Group of 20"]),
    ("Group of Seven", "G7", "intergovernmental", ["G-7", "Group of 7"]),
    ("BRICS", "BRICS", "intergovernmental", []),
    ("International Atomic Energy Agency", "IAEA", "intergovernmental", []),
    ("League of Arab States", "Arab League", "intergovernmental", ["Arab League"]),
    ("Organization for Security and Co-operation in Europe", "OSCE", "intergovernmental", ["Organisation for Security and Co-operation in Europe", "Organization for Security and Cooperation in Europe"]),
    ("African Union", "AU", "intergovernmental", []),
    ("World Trade Organization", "WTO", "intergovernmental", ["World Trade Organisation"]),
    ("World Health Organization", "WHO", "intergovernmental", ["World Health Organisation"]),
    ("International Monetary Fund", "IMF", "intergovernmental", []),
    ("World Bank", None, "intergovernmental", []),
    ("Asia-Pacific Economic Cooperation", "APEC", "intergovernmental", []),
    ("Organization of the Petroleum Exporting Countries", "OPEC", "intergovernmental", []),
    ("Gulf Cooperation Council", "GCC", "intergovernmental", []),
    ("Eurasian Economic Union", "EAEU", "intergovernmental", ["EEU"]),
    ("Collective Security Treaty Organization", "CSTO", "intergovernmental", []),
    ("Commonwealth of Independent States", "CIS", "intergovernmental", []),
    ("Council of Europe", None, "intergovernmental", []),
    ("Organisation of Islamic Cooperation", "OIC", "intergovernmental", ["Organization of Islamic Cooperation"]),
    ("AUKUS", "AUKUS", "intergovernmental", []),
    ("Quadrilateral Security Dialogue", "Quad", "intergovernmental", []),
    ("NATO-Russia Council", "NRC", "intergovernmental", ["NATO–Russia Council"]),
    ("Permanent Court of Arbitration", "PCA", "intergovernmental", []),
    ("International Court of Justice", "ICJ", "intergovernmental", []),
    ("International Criminal Court", "ICC", "intergovernmental", []),
    ("Economic Community of West African States", "ECOWAS", "intergovernmental", []),
    ("Organization of American States", "OAS", "intergovernmental", []),
    ("South Asian Association for Regional Cooperation", "SAARC", "intergovernmental", []),
    ("United Nations High Commissioner for Refugees", "UNHCR", "intergovernmental", []),
    ("United Nations Children's Fund", "UNICEF", "intergovernmental", []),
    ("World Food Programme", "WFP", "intergovernmental", []),
    ("Food and Agriculture Organization", "FAO", "intergovernmental", []),
    ("UNESCO", "UNESCO", "intergovernmental", []),
    ("United Nations Development Programme", "UNDP", "intergovernmental", []),
    ("Mercosur", None, "intergovernmental", []),
    ("Interpol", None, "intergovernmental", []),
    ("Communist Party of China", "CPC", "party", ["Chinese Communist Party", "CCP"]),
    ("Communist Party of Vietnam", "CPV", "party", ["Vietnamese Communist Party"]),
    ("Agence France-Presse", "AFP", "media", []),
    ("Associated Press", "AP", "media", []),
    ("Reuters", None, "media", []),
    ("Xinhua", None, "media", ["Xinhua News Agency"]),
    ("China Central Television", "CCTV", "media", []),
    ("Bloomberg", None, "media", ["Bloomberg News"]),
    ("Global Times", None, "media", []),
    ("TASS", None, "media", []),
    ("China Daily", None, "media", []),
]
