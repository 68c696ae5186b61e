"""The extraction pipeline: the only place that knows the order of the steps.

    read -> parse paragraphs (one nlp.pipe batch) -> person mentions and
    coreference -> per sentence, in reading order: pronouns, statements,
    meetings -> merge meetings -> link statements to meetings -> people,
    organisations, countries.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from . import gazetteer as G
from . import nlp
from .dates import SAME_DAY
from .meetings import build_meetings, merge_meetings
from .names import fold
from .people import Mention, PeopleIndex, ParagraphContext, find_mentions
from .reader import DATELINE, read_article
from .sentences import Sentence, quote_aware_sentences
from .statements import make_statement, speakers_of, transcript_speaker
from .types import Article, DateValue, Extraction, Meeting, Organisation, Person, Statement
from .lexicon import EXPERT_HEADS, HONORIFICS, OFFICE_WORDS

_PARSED_KINDS = {"body", "caption", "heading", "header"}
# Words said at another occasion than the meetings told: an interview, a written statement, a post,
# a press event of one's own, remarks to a news outlet, a time before or after ("earlier", "later").
_NO_MEETING_CUES = re.compile(
    r"(?i:\b(?:in|during) an? (?:interview|statement|post|televised address|speech)\b|\bon (?:twitter|social media)\b"
    r"|\b(?:separate|own|later|earlier) (?:news|press) (?:conference|briefing)\b|\bspeaking (?:in|at|to)\b"
    r"|^\s*(?:earlier|later|before leaving|after returning)\b)|\bon X\b|\b(?:wrote|posted) on\b"
)
_QUOTE_START = re.compile(r"^\s*[“\"‘]")
_TOLD = re.compile(r"\btold (?P<the>the |The )?(?P<name>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3})")
_MEDIA_HEADS = {"times", "post", "news", "daily", "herald", "nation", "journal", "agency", "radio", "tv", "television",
                "broadcasting", "tribune", "guardian", "telegraph", "gazette", "press"}


def _told_an_outlet(text: str) -> bool:
    """'told The Nation', 'told Reuters': remarks to a news outlet, not at the meeting ('told President X'
    and 'told the summit' are at it)."""
    for match in _TOLD.finditer(text):
        name = match["name"]
        known = G.known_organisation(name)
        if (known and known[2] == "media") or name.split()[-1].lower() in _MEDIA_HEADS:
            return True
        if match["the"] and name.split()[0].lower() not in OFFICE_WORDS | HONORIFICS:
            return True
    return False


def extract_article(path: str | Path, published: dt.date | None = None, source: str = "") -> Extraction:
    return extract(read_article(path, published=published, source=source))




def parse_articles(articles: list[Article], batch_size: int = 64) -> list[list]:
    """The docs `extract(article, docs)` reads, for several articles in one nlp.pipe batch
    (much faster than one call per article); each article's list is what `extract` parses itself."""
    texts = [parser_texts(article) for article in articles]
    docs = iter(nlp.parse([text for article_texts in texts for text in article_texts], batch_size=batch_size))
    return [[next(docs) for _ in article_texts] for article_texts in texts]


def parsed_paragraphs(article: Article) -> list:
    return [p for p in article.paragraphs if p.kind in _PARSED_KINDS]


def parser_texts(article: Article) -> list[str]:
    """What spaCy reads: each paragraph, its dateline ("ISTANBUL, Sept 4 (Reuters) -") blanked out
    so that the city is not taken for the sentence's subject; offsets stay the same."""
    texts = []
    for paragraph in parsed_paragraphs(article):
        dateline = DATELINE.match(paragraph.text) if paragraph.kind == "body" else None
        text = paragraph.text
        if dateline:
            text = " " * dateline.end() + text[dateline.end():]
        texts.append(_without_title_stops(text))
    return texts


_TITLE_ABBREVIATION = re.compile(
    r"\b(?:Hon|Rt|Dr|Prof|Gen|Lt|Col|Maj|Capt|Adm|Amb|Sen|Rep|Gov|Mr|Mrs|Ms|Mme|St|Cde|Adv|Engr|Sr|Jr)\.(?=\s+[A-Z])"
    r"|\b(?:[A-Z]\.){2,3}(?=\s+[A-Z])")


def _without_title_stops(text: str) -> str:
    """'Rt Hon. Winston Peters', 'H.E. Mr. X': the parser ends a sentence at such full stops, so it
    reads them as spaces (same length, so offsets hold)."""
    return _TITLE_ABBREVIATION.sub(lambda m: m.group(0).replace(".", " "), text)


def extract(article: Article, docs=None) -> Extraction:
    paragraphs = parsed_paragraphs(article)
    if docs is None:
        docs = nlp.parse(parser_texts(article))
    index = PeopleIndex(_home_country(article))
    credited = _credited(article)
    contexts = []
    all_mentions: list[list[Mention]] = []
    for n, (paragraph, doc) in enumerate(zip(paragraphs, docs)):
        context = ParagraphContext(paragraph.text, G.find_countries(paragraph.text),
                                   G.find_organisations(paragraph.text))
        contexts.append(context)
        mentions = find_mentions(paragraph.text, n, paragraph.start, context, doc) if paragraph.kind != "header" else []
        for mention in mentions:
            if mention.kind == "name" and fold(mention.text) in credited:
                continue  # "Havana, Aug 24 (Prensa Latina)": the outlet, not a person
            if mention.kind == "name" and mention.rule != "weak":
                index.resolve_name(mention, create=mention.rule not in {"short"})
            elif mention.kind == "description":
                index.resolve_description(mention)
        all_mentions.append(mentions)
    # A surname told before the full name (a live blog's newest entry first, a headline-like lede).
    for mentions in all_mentions:
        for mention in mentions:
            if mention.person is None and mention.kind == "name" and mention.rule == "short":
                index.resolve_later_name(mention)
            elif mention.person is None and mention.kind == "description" and mention.country:
                index.resolve_later_description(mention)  # "his Chinese counterpart", named later
    all_mentions = [[m for m in mentions if m.person is not None or m.kind == "pronoun"] for mentions in all_mentions]

    state = _Discourse(article, index)
    for n, (paragraph, doc) in enumerate(zip(paragraphs, docs)):
        if paragraph.kind not in {"body", "caption"}:
            continue
        for span in quote_aware_sentences(doc):
            lo, hi = paragraph.start + span.start_char, paragraph.start + span.end_char
            sentence = Sentence(paragraph, n, span, [m for m in all_mentions[n] if lo <= m.start < hi])
            state.read(sentence, paragraphs, n)

    meetings = merge_meetings(state.meetings)
    statements = state.statements
    _link_statements(statements, meetings, article)
    index.finish(meetings)
    named = {found.value for context in contexts for found in context.countries}
    _summit_from_lede(meetings, article, paragraphs, named)
    _date_from_lede(meetings, article, paragraphs)
    _place_from_dateline(meetings, article, paragraphs, named)
    _finish_meetings(meetings, named)
    for person in index.people:
        if person.organisation and not person.country:
            person.country = _org_country(person.organisation, person)
    _hosts_of(meetings)
    people = _people_of_record(meetings, statements)
    organisations = _organisations(article, paragraphs, contexts)
    countries = _countries(article, paragraphs, contexts)
    return Extraction(article, people, organisations, countries, meetings, statements)


_MASTHEAD = re.compile(r"^(?:the\s+)?(?:[\w']+\s+){0,3}(?:republic|kingdom|government|state|sultanate|emirate|"
                       r"commonwealth|principality)\s+of\s+", re.I)


def _home_country(article: Article) -> str | None:
    """The country whose officials the article names without saying so: the outlet's (a national
    agency), or the government issuing the release ('Ministry of External Affairs / Government of
    India', 'FEDERAL REPUBLIC OF NIGERIA')."""
    home = G.outlet_country(article.source) if article.source else None
    if home is not None:
        return home
    header = []
    for paragraph in article.paragraphs[:10]:
        if paragraph.kind == "body":
            break
        header.append(paragraph.text)
    for text in header:
        if G.is_institution(text) or _MASTHEAD.match(text):
            found = G.outlet_country(text.title() if text.isupper() else text)
            if found:
                return found
    return None


_QUESTION_LABEL = re.compile(r"^\W*(?:Q|Question|Journalist|Reporter)\s*[:.]\s", re.I)
_ANSWER_LABEL = re.compile(r"^\W*(?:A|Answer)\s*[:.]\s")


def _is_question_turn(text: str) -> bool:
    """'Q: ...', '**How do you see ...?**': a question put to the person answering."""
    bare = text.strip().strip("*_").strip()
    return bool(_QUESTION_LABEL.match(bare)) or (bare.endswith("?") and text.strip().startswith(("*", "_", "Q")))


class _Discourse:
    """Reads sentences in order, keeping track of who is in focus."""

    def __init__(self, article: Article, index: PeopleIndex):
        self.article = article
        self.index = index
        self.focus: Person | None = None
        self.meetings: list[Meeting] = []
        self.statements: list[Statement] = []
        self.consumed_until = -1
        self.turn_speaker: Person | None = None  # who answers in a transcript or an interview
        self.questions = {i for i, p in enumerate(parsed_paragraphs(article))
                          if p.kind in {"body", "heading"} and _is_question_turn(p.text)}

    def resolve(self, token, sentence: Sentence) -> Person | None:
        mention = sentence.mention_of(token)
        if mention is None:
            return None
        if mention.kind == "pronoun":
            return self._pronoun(mention, sentence)
        return mention.person

    def _pronoun(self, mention: Mention, sentence: Sentence) -> Person | None:
        if mention.person is not None:
            return mention.person
        earlier = [m.person for m in sentence.mentions if m.person is not None and m.start < mention.start
                   and m.kind != "pronoun"]
        word = mention.text.lower()
        if word in {"he", "she", "his", "her"}:
            person = earlier[0] if earlier else self.focus
        else:  # him
            subject = None
            for token in sentence.span:
                if sentence.paragraph.start + token.idx == mention.start:
                    verb = token.head
                    subject = next((sentence.person_of(c) for c in verb.children if c.dep_ == "nsubj"), None)
            candidates = [p for p in earlier if p is not subject]
            person = candidates[0] if candidates else self.focus
        mention.person = person
        return person

    def _description(self, mention: Mention, sentence: Sentence) -> None:
        """'the minister' is the salient person holding that office: first the one named earlier in
        the same sentence (subjects come first), then the person in focus."""
        def fits(person: Person | None) -> bool:
            return person is not None and self.index.description_fits(person, mention)

        earlier = [m.person for m in sentence.mentions if m.start < mention.start and m.kind == "name" and fits(m.person)]
        if earlier:
            mention.person = earlier[0]
        elif fits(self.focus):
            mention.person = self.focus

    def read(self, sentence: Sentence, paragraphs, n: int) -> None:
        for mention in sentence.mentions:
            if mention.kind == "pronoun":
                self._pronoun(mention, sentence)
            elif mention.kind == "description":
                self._description(mention, sentence)
        anchor = self.article.published
        new_meetings = build_meetings(sentence, self.resolve, anchor, self._group)
        for meeting in new_meetings:
            if meeting.date.precision == SAME_DAY:
                meeting.date = self._inherited_date(meeting, any_status=True)
            elif meeting.date.date is None and not meeting.date.phrase and meeting.status == "held":
                meeting.date = self._inherited_date(meeting)
                if not meeting.place and not meeting.country and meeting.date.date:
                    source = self._dated_source(meeting)
                    if source is not None:
                        meeting.place, meeting.country = source.place, source.country
        self.meetings.extend(new_meetings)
        if sentence.paragraph.kind == "body" and sentence.start > self.consumed_until:
            self._statements(sentence, paragraphs, n)
        subject = self._main_subject(sentence)
        if subject is not None:
            self.focus = subject

    def _group(self, office: str = "") -> list[Person]:
        """'The two presidents', 'the leaders': the people of the meeting told last (all of a summit's);
        before any meeting is told, the last two people named who hold that office."""
        for meeting in reversed(self.meetings):
            if meeting.status == "held" and len(meeting.participants) >= 2:
                people = list(meeting.participants)
                if meeting.summit_like:
                    for other in self.meetings:
                        if other.summit_like and other.status == "held":
                            people += [p for p in other.participants if p not in people]
                return people
        holders = [p for p in self.index.recent if office and office in (p.role or "").lower()]
        return holders[-2:] if len(holders) >= 2 else []

    def _dated_source(self, meeting: Meeting) -> Meeting | None:
        for earlier in reversed(self.meetings):
            if earlier.status == "held" and earlier.date.date and set(map(id, earlier.participants)) & set(map(id, meeting.participants)):
                return earlier
        return None

    def _inherited_date(self, meeting: Meeting, any_status: bool = False) -> DateValue:
        """A meeting told without a date took place on the day of the last meeting its people had."""
        source = self._dated_source(meeting)
        if source is None:
            return DateValue(None, "", meeting.date.phrase)
        return DateValue(source.date.date, source.date.precision, meeting.date.phrase or "", source.date.anchor)

    def _main_subject(self, sentence: Sentence) -> Person | None:
        root = sentence.span.root
        for child in root.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                person = self.resolve(child, sentence) or next(
                    (p for t in child.subtree if (p := self.resolve(t, sentence))), None)
                if person:
                    return person
        people = [m.person for m in sentence.mentions if m.person is not None]
        return people[0] if people else None

    def _turn(self, speaker: Person, start: int, end: int, rule: str) -> None:
        """A transcript turn or an interview answer: one quote, to the end of its paragraph; an
        answer that runs on over paragraphs stays one statement."""
        previous = self.statements[-1] if self.statements else None
        gap = self.article.text[previous.end:start] if previous else ""
        if previous is not None and previous.speaker is speaker and previous.rule == rule == "interview answer" \
                and not gap.strip():
            previous.end = end
            previous.text = self.article.text[previous.start:end]
        else:
            self.statements.append(make_statement(speaker, start, end, self.article.text, "transcript", rule=rule))
            self.statements[-1].kind = "quote"
        self.consumed_until = end
        self.focus = speaker

    def _answerer(self, paragraphs, n: int) -> Person | None:
        """In a question-and-answer piece, a paragraph after a question (up to the next one) is the
        answer of the person answering: the last transcript speaker, else the person the piece
        introduces first."""
        if _ANSWER_LABEL.match(paragraphs[n].text) and self.turn_speaker is not None:
            return self.turn_speaker
        if len(self.questions) < 2 or n < min(self.questions):
            return None
        if self.turn_speaker is not None:
            return None  # a transcript names its speakers
        previous = max((q for q in self.questions if q < n), default=None)
        if previous is None or any(paragraphs[k].kind == "heading" for k in range(previous + 1, n)):
            return None
        return self.interviewee

    @property
    def interviewee(self) -> Person | None:
        """The person the piece introduces before its first question."""
        before = self._offset_of(min(self.questions))
        people = sorted((p for p in self.index.people if p.first_offset < before), key=lambda p: p.first_offset)
        return people[0] if people else None

    def _offset_of(self, n: int) -> int:
        return parsed_paragraphs(self.article)[n].start

    def _statements(self, sentence: Sentence, paragraphs, n: int) -> None:
        text = self.article.text
        paragraph = sentence.paragraph
        if n in self.questions:
            self.consumed_until = paragraph.end  # a journalist's question
            return
        speaker = transcript_speaker(sentence)
        if speaker is not None:
            self._turn(speaker, sentence.start, paragraph.end, "transcript turn")
            self.turn_speaker = speaker
            return
        answerer = self._answerer(paragraphs, n)
        if answerer is not None and sentence.span.start_char == 0:
            self._turn(answerer, sentence.start, paragraph.end, "interview answer")
            return
        people, bodies, cue = speakers_of(sentence, self.resolve, self._group)
        if not people and not bodies:
            return
        start, end = sentence.start, sentence.end
        # "..., the Foreign Secretary said:" followed by quoted paragraphs.
        if sentence.text.rstrip().endswith(":"):
            k = n + 1
            while k < len(paragraphs) and paragraphs[k].kind == "body" and _QUOTE_START.match(paragraphs[k].text):
                end = paragraphs[k].end
                k += 1
            self.consumed_until = end
        for person in people:
            self.statements.append(make_statement(person, start, end, text, cue))
            self.focus = person
        if not people:
            for body in bodies[:1]:
                self.statements.append(make_statement(None, start, end, text, cue, organisation=body,
                                                      rule="speech verb, body"))


def _link_statements(statements: list[Statement], meetings: list[Meeting], article: Article) -> None:
    """The meeting where each statement was made: the one its own sentence tells of, else the first
    meeting its speaker had in the story (news tells a meeting first, then what was said there)."""
    held = [m for m in meetings if m.status == "held"]
    summits = [m for m in held if m.summit_like or m.kind == "multilateral"]
    previous: Statement | None = None
    for statement in statements:
        speaker = statement.speaker
        carried_off = previous is not None and previous.speaker is speaker and previous.meeting is None \
            and previous.elsewhere and statement.start - previous.end < 400
        previous = statement
        if speaker is None:
            continue
        if _NO_MEETING_CUES.search(statement.text) or _told_an_outlet(statement.text) or carried_off:
            statement.elsewhere = True  # said at another occasion, and so is what follows from it
            continue
        role = (speaker.role or "").lower()
        if any(w in EXPERT_HEADS for w in role.split()) or (not role and speaker.organisation):
            continue
        theirs = [m for m in held if speaker in m.participants]
        if not theirs and role and len(summits) == 1 and summits[0].start <= statement.start:
            summits[0].participants.append(speaker)
            theirs = [summits[0]]
        if not theirs:
            continue
        here = [m for m in theirs if any(a <= statement.start < b or statement.start <= a < statement.end for a, b in m.told)]
        meeting = here[0] if here else min(theirs, key=lambda m: min(a for a, _ in m.told or [(m.start, m.end)]))
        statement.meeting = meeting
        statement.date = meeting.date


def _summit_from_lede(meetings: list[Meeting], article: Article, paragraphs, named: set[str]) -> None:
    """A summit the story is about is told in its first paragraph: 'leaders gathered in Addis Ababa on
    Saturday for the annual summit'. A summit told later without date or place takes the lede's."""
    first = next((p for p in paragraphs if p.kind == "body"), None)
    if first is None:
        return
    for meeting in meetings:
        if not meeting.summit_like or not meeting.event or meeting.event not in first.text.lower():
            continue
        if meeting.date.date is None and not meeting.date.phrase:  # "next week" says it is not the lede's day
            from .dates import find_dates
            text = first.text
            dateline = DATELINE.match(text)
            found = [d for s, _, d in find_dates(text, article.published) if d.date and (not dateline or s >= dateline.end())]
            if found:
                meeting.date = found[0]
        if not meeting.organisation:
            for found in G.find_organisations(first.text):
                known = G.known_organisation(found.text) or G.known_organisation(found.value)
                if known and known[2] == "intergovernmental":
                    meeting.organisation = known[0]
                    break
        if not meeting.place and not meeting.country and article.dateline:
            code = G.C.city_country(article.dateline, named)
            if code:
                meeting.place, meeting.country = article.dateline, code
    for meeting in meetings:
        if meeting.sidelines and meeting.parent is not None:
            meeting.place = meeting.place or meeting.parent.place
            meeting.country = meeting.country or meeting.parent.country


def _date_from_lede(meetings: list[Meeting], article: Article, paragraphs) -> None:
    """A readout's lede tells the day's meeting without a date ('Vladimir Putin had a telephone
    conversation with ...'): it took place on the day of publication."""
    first = next((p for p in paragraphs if p.kind == "body"), None)
    if first is None or article.published is None:
        return
    for meeting in meetings:
        if meeting.status == "held" and meeting.date.date is None and not meeting.date.phrase \
                and first.start <= meeting.start < first.end:
            meeting.date = DateValue(article.published, "day", "", article.published)
            meeting.confidence = min(meeting.confidence, 0.6)


def _place_from_dateline(meetings: list[Meeting], article: Article, paragraphs, named: set[str]) -> None:
    """A meeting told in the dateline paragraph without a place was held where the story was filed."""
    city = article.dateline
    code = G.C.city_country(city, named)
    if not city or not code:
        return
    first = next((p for p in paragraphs if p.kind == "body"), None)
    if first is None:
        return
    for meeting in meetings:
        if meeting.status == "held" and meeting.kind != "call" and not meeting.country \
                and first.start <= meeting.start < first.end:
            meeting.place, meeting.country = meeting.place or city, code


def _finish_meetings(meetings: list[Meeting], named: set[str]) -> None:
    for meeting in meetings:
        if meeting.kind != "call" and not meeting.sidelines:
            # Sides are the countries and bodies represented; people of no known side count as one more.
            known = {p.country or p.organisation for p in meeting.participants if p.country or p.organisation}
            sides = known | ({"?"} if any(not (p.country or p.organisation) for p in meeting.participants) else set())
            if meeting.summit_like and meeting.organisation:
                meeting.kind = "multilateral"
            elif len(sides) >= 3 and len(meeting.participants) >= 3:
                meeting.kind = "multilateral"
            elif meeting.kind == "multilateral" and len(sides) <= 2 and not meeting.summit_like:
                meeting.kind = "bilateral"
        if meeting.sidelines:
            meeting.organisation = None
        if meeting.place and not meeting.country:
            meeting.country = G.C.city_country(meeting.place.split(", ")[-1], named)
        meeting.title = _title(meeting)


def _hosts_of(meetings: list[Meeting]) -> None:
    """An official of no stated country who met, in country C, people who all come from elsewhere
    is C's host: 'the Speaker of Zambia called on President Mnangagwa at State House, Harare'."""
    for meeting in meetings:
        if meeting.kind == "call" or meeting.status != "held" or not meeting.country:
            continue
        unknown = [p for p in meeting.participants if not p.country and not p.organisation and p.role
                   and not any(w in EXPERT_HEADS for w in p.role.lower().split())]
        known = [p for p in meeting.participants if p.country]
        if len(unknown) == 1 and known and all(p.country != meeting.country for p in known):
            unknown[0].country = meeting.country


def _title(meeting: Meeting) -> str:
    names = [p.name for p in meeting.participants]
    where = f" in {meeting.place.split(', ')[-1]}" if meeting.place else (
        f" in {G.C.country_name(meeting.country)}" if meeting.country else "")
    if meeting.kind == "call":
        return f"Call between {' and '.join(names[:2])}" if len(names) > 1 else f"Call with {names[0]}"
    event = meeting.event if meeting.event not in {"", "visit", "trip", "tour"} else ""
    if meeting.status == "planned" and len(names) == 1 and not event:
        return f"{names[0]}: planned visit{where}"
    if meeting.kind == "multilateral":
        if meeting.organisation:
            return f"{meeting.organisation} {event or 'meeting'}{where}"
        return f"{(event or 'meeting').capitalize()} with {_names(names)}{where}"
    if len(names) >= 2:
        first = meeting.participants[0]
        side = first.country or first.organisation
        other = next((p for p in meeting.participants[1:] if (p.country or p.organisation) != side or side is None),
                     meeting.participants[1])
        verb = "to meet" if meeting.status == "planned" else "meets"
        return f"{first.name} {verb} {other.name}{where}"
    if len(names) == 1:
        return f"Meeting with {names[0]}{where}"
    return f"Meeting of {', '.join(names[:3])}{where}"


def _names(names: list[str]) -> str:
    if len(names) <= 3:
        return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
    return f"{', '.join(names[:2])} and {len(names) - 2} others"


def _org_country(organisation: str, person: Person) -> str | None:
    known = G.known_organisation(organisation)
    if known and known[2] != "party":
        return None
    role = (person.role or "").lower()
    if any(w in EXPERT_HEADS for w in role.split()):
        return None
    found = G.find_countries(organisation)
    return found[0].value if found else None


def _people_of_record(meetings: list[Meeting], statements: list[Statement]) -> list[Person]:
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


def _credited(article: Article) -> set[str]:
    names = {fold(c) for c in article.credited if c}
    if article.source:
        names.add(fold(article.source))
    return names


def _organisations(article: Article, paragraphs, contexts) -> list[Organisation]:
    credited = _credited(article)
    found: dict[str, Organisation] = {}
    acronyms: dict[str, str] = {}
    for paragraph, context in zip(paragraphs, contexts):
        if paragraph.kind not in {"body", "heading"} and paragraph.text != article.title:
            continue  # mastheads, bylines, captions and credits name outlets and bureaus, not the story's bodies
        for item in context.organisations:
            known = G.known_organisation(item.text) or G.known_organisation(item.value)
            name = known[0] if known else item.value
            acronym = known[1] if known else None
            if item.kind == "acronym":
                acronyms[item.text] = item.value
                if fold(item.value) in found:
                    found[fold(item.value)].acronym = item.text
                continue
            key = fold(name)
            if key in credited or fold(item.text) in credited or (acronym and fold(acronym) in credited):
                continue
            if _is_government(name):
                continue  # SCHEMA: governments are not organisations
            if any(_initials(name) == fold(c).upper().replace(" ", "") for c in credited):
                continue
            if key not in found:
                kind = known[2] if known else _org_kind(name)
                countries = G.find_countries(name)
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
    return [o for o in organisations if o.kind != "media" or not _is_credited_media(o, credited)]


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
    return all(G.find_countries(w) or w in {"Sultanate", "Kingdom", "Republic", "State", "Federal", "People's"}
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


def _countries(article: Article, paragraphs, contexts) -> list[str]:
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
