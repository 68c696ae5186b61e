"""Synthetic records at research scale, for benchmarks and demos.

`synthetic_generate(meetings=N, seed=S)` writes, for N meetings, about N/5
people, N/2 articles, 3N participations and 10N statements, with the shape
real coverage has: a few people and countries appear far more than the rest
(Zipf-like weights), meetings have one or two source articles, statements
are spoken at meetings by their participants, and every span points at the
passage of its article that the record came from. The same seed gives the
same records.

Rows are written with `bulk_create` in chunks of meetings, one transaction
per chunk, so memory stays flat whatever N is.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import random
from bisect import bisect
from dataclasses import dataclass, field

from django.db import connection, models, transaction
from django.utils.text import slugify

from meetings.models import (
    Article, Country, Meeting, MeetingSource, Organisation, OrganisationName, Participation, Person, PersonName,
    Statement,
)
from meetings.services.counters import counters_refresh_all
from meetings.services.resolution import name_key

CHUNK_MEETINGS = 2000
BATCH = 2000

FIRST = ("Wang Li Zhang Liu Chen Yang Sergey Dmitry Anna Olga Maria Ahmed Fatima Omar Aisha Kofi Amina Jean Pierre "
         "Claire Hans Ingrid Lars Kenji Yuki Hiroshi Min-jun Ji-woo Ravi Priya Arjun Carlos Lucia Diego Sofia João "
         "Ana Mehmet Ayşe Emre Nurlan Aigerim Kairat Dilnoza Rustam Tamar Giorgi Ivan Petra Tomasz Ewa").split()
LAST = ("Yi Wei Qiang Lavrov Ivanov Petrova Smirnov Haddad Mansour Osei Mensah Dubois Martin Müller Schmidt Larsen "
        "Tanaka Sato Suzuki Kim Park Lee Sharma Gupta Singh Silva Santos García López Yılmaz Kaya Çelik Nazarbayev "
        "Tokayev Sarybai Karimov Beridze Novak Kowalski Nowak Okafor Diallo Traoré Hussein Rahman Khan Ito Chung "
        "Moreau Rossi Bianchi").split()
OFFICES = ("Foreign Minister", "President", "Prime Minister", "Deputy Foreign Minister", "Ambassador",
           "Defence Minister", "Trade Minister", "Special Envoy", "Secretary-General", "Vice President")
BODIES = ("Council", "Forum", "Commission", "Organization", "Union", "Dialogue", "Partnership", "Institute")
REGIONS = ("Asian", "Eurasian", "African", "Pacific", "Atlantic", "Arctic", "Central Asian", "Mediterranean",
           "Caspian", "Andean", "Nordic", "Gulf", "Balkan", "Baltic", "Sahel", "Mekong")
TOPICS = ("trade", "security", "energy", "climate", "connectivity", "counter-terrorism", "food security",
          "health", "investment", "the regional situation", "nuclear non-proliferation", "migration",
          "education exchanges", "digital economy", "water resources")
CITIES = ("Beijing", "Moscow", "Geneva", "New York", "Brussels", "Astana", "Bishkek", "Tashkent", "Addis Ababa",
          "Seoul", "Tokyo", "Jakarta", "Delhi", "Brasília", "Ankara", "Vienna", "Cairo", "Nairobi", "Hanoi", "Doha")
OUTLETS = ("Xinhua", "TASS", "China Daily", "Reuters", "Kyodo", "Africanews", "UN News", "Anadolu", "Yonhap")
SAYING = (
    "{who} said {a} and {b} would deepen cooperation on {topic}.",
    "{who} stressed that {topic} remained a priority for {a}.",
    "\u201cWe have agreed to work together on {topic},\u201d {who} said.",
    "{who} called for closer coordination between {a} and {b} on {topic}.",
    "According to {who}, the talks on {topic} were frank and constructive.",
    "\u201c{a} values its partnership with {b},\u201d {who} told reporters.",
)


@dataclass
class Sizes:
    meetings: int
    people: int
    articles: int
    organisations: int
    statements_per_meeting: int = 10

    @classmethod
    def for_meetings(cls, meetings: int) -> Sizes:
        return cls(meetings=meetings, people=max(10, meetings // 5), articles=max(2, meetings // 2),
                   organisations=max(4, meetings // 50))


@dataclass
class Totals:
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, n: int) -> None:
        self.counts[name] = self.counts.get(name, 0) + n


def _zipf_cumulative(n: int, exponent: float) -> list[float]:
    """Cumulative weights in which rank r has weight 1 / r**exponent."""
    return list(itertools.accumulate(1 / (rank ** exponent) for rank in range(1, n + 1)))


class _Picker:
    """Draws indices 0..n-1 with Zipf-like weights (rank order shuffled once)."""

    def __init__(self, rng: random.Random, n: int, exponent: float):
        self.rng, self.cumulative = rng, _zipf_cumulative(n, exponent)
        self.total = self.cumulative[-1]
        self.order = list(range(n))
        rng.shuffle(self.order)

    def pick(self) -> int:
        return self.order[bisect(self.cumulative, self.rng.random() * self.total)]


def synthetic_generate(*, meetings: int, seed: int = 1, progress=None) -> dict[str, int]:
    """Write synthetic records for `meetings` meetings; returns how many rows of each model."""
    if Meeting.objects.exists() or Person.objects.exists() or Article.objects.exists():
        raise ValueError("the database already holds meetings, people or articles; use an empty one")
    rng = random.Random(seed)
    sizes = Sizes.for_meetings(meetings)
    totals = Totals()
    countries = list(Country.objects.order_by("code").values_list("pk", "name"))
    if not countries:
        raise ValueError("no countries: run migrate first")
    country_picker = _Picker(rng, len(countries), 1.1)

    organisations = _organisations(rng, sizes, countries, country_picker, totals)
    people = _people(rng, sizes, countries, country_picker, organisations, totals)
    person_picker = _Picker(rng, len(people), 0.8)
    article_numbers = itertools.count(1)
    for first in range(0, meetings, CHUNK_MEETINGS):
        size = min(CHUNK_MEETINGS, meetings - first)
        n_articles = max(1, round(size * sizes.articles / meetings))
        with transaction.atomic():
            _chunk(rng, first, size, n_articles, article_numbers, countries, organisations, people, person_picker,
                   sizes, totals)
        if progress:
            progress(first + size, meetings)
    with transaction.atomic():
        counters_refresh_all()  # rows were written in bulk, past the counters' usual callers
    _vacuum_analyze()
    return totals.counts


def _vacuum_analyze() -> None:
    """Statistics and visibility maps for the new rows, as autovacuum would give them later: the planner's
    estimates and index-only scans depend on them. VACUUM cannot run inside a transaction (nor in tests)."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        for model in (Organisation, Person, Article, Meeting, MeetingSource, Participation, Statement):
            cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _organisations(rng, sizes, countries, country_picker, totals) -> list[tuple[int, str]]:
    rows, names = [], []
    for n in range(1, sizes.organisations + 1):
        region, body = rng.choice(REGIONS), rng.choice(BODIES)
        name = f"{region} {body} {n}"
        acronym = "".join(w[0] for w in f"{region} {body}".split()).upper() + str(n)
        intergovernmental = rng.random() < 0.6
        rows.append(Organisation(
            name=name, acronym=acronym, slug=slugify(name), aliases=[acronym],
            kind=Organisation.Kind.INTERGOVERNMENTAL if intergovernmental else Organisation.Kind.GOVERNMENT,
            country_id=None if intergovernmental else countries[country_picker.pick()][0],
        ))
    Organisation.objects.bulk_create(rows, batch_size=BATCH)
    for org in rows:
        names += [OrganisationName(organisation=org, name=org.name, key=name_key(org.name)),
                  OrganisationName(organisation=org, name=org.acronym, key=name_key(org.acronym))]
    OrganisationName.objects.bulk_create(names, batch_size=BATCH)
    totals.add("organisations", len(rows))
    return [(o.pk, o.name) for o in rows]


@dataclass
class _Person:
    pk: int
    name: str
    country_id: int | None
    country_name: str
    organisation_id: int | None
    role: str


def _people(rng, sizes, countries, country_picker, organisations, totals) -> list[_Person]:
    made: list[_Person] = []
    for start in range(0, sizes.people, BATCH):
        batch = []
        for n in range(start + 1, min(sizes.people, start + BATCH) + 1):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            org = rng.choice(organisations) if rng.random() < 0.08 else None
            country = None if org else countries[country_picker.pick()]
            batch.append((Person(name=name, slug=f"{slugify(name)}-{n}", aliases=[name.split()[-1]],
                                 country_id=country[0] if country else None, organisation_id=org[0] if org else None),
                          country[1] if country else (org[1] if org else ""), rng.choice(OFFICES)))
        Person.objects.bulk_create([p for p, _, _ in batch], batch_size=BATCH)
        PersonName.objects.bulk_create(
            [PersonName(person=p, name=p.name, key=name_key(p.name)) for p, _, _ in batch], batch_size=BATCH
        )
        made += [_Person(p.pk, p.name, p.country_id, where, p.organisation_id, role) for p, where, role in batch]
    totals.add("people", len(made))
    return made


def _chunk(rng, first, size, n_articles, article_numbers, countries, organisations, people, person_picker, sizes,
           totals) -> None:
    """Plan `size` meetings with their articles, then write them model by model."""
    plans = []
    for n in range(first + 1, first + size + 1):
        kind = rng.choices(["bilateral", "multilateral", "call"], weights=[60, 25, 15])[0]
        how_many = rng.randint(3, 8) if kind == "multilateral" else 2
        chosen: dict[int, _Person] = {}
        while len(chosen) < how_many:
            person = people[person_picker.pick()]
            chosen[person.pk] = person
        undated = rng.random() < 0.03
        date = None if undated else dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(7300))
        held_in = rng.choice(list(chosen.values())).country_id or countries[rng.randrange(len(countries))][0]
        org = rng.choice(organisations) if kind == "multilateral" and rng.random() < 0.7 else None
        names = [p.name for p in chosen.values()]
        title = (f"{org[1]} meeting" if org else " and ".join(names[:2]) + (" talks" if kind != "call" else " call"))
        place = "" if kind == "call" else rng.choice(CITIES)
        plans.append(dict(
            n=n, kind=kind, people=list(chosen.values()), date=date, country_id=held_in, org=org, title=title,
            place=place, status="planned" if rng.random() < 0.08 else "held",
            articles=rng.sample(range(n_articles), 2 if rng.random() < 0.2 and n_articles > 1 else 1),
        ))

    # Each article tells its meetings, then what was said at them.
    paragraphs: list[list[str]] = [[] for _ in range(n_articles)]
    spans: dict[tuple[int, int], tuple[int, int]] = {}   # (meeting n, article) -> passage
    said: list[tuple[dict, int, int, int, _Person, str]] = []   # plan, article, start, end, speaker, text
    header = [f"Synthetic dispatch {next(article_numbers)}\n\n" for _ in range(n_articles)]
    lengths = [len(h) for h in header]

    def append(a: int, text: str) -> tuple[int, int]:
        start = lengths[a]
        paragraphs[a].append(text)
        lengths[a] += len(text) + 2
        return start, start + len(text)

    for plan in plans:
        for a in plan["articles"]:
            where = f" in {plan['place']}" if plan["place"] else ""
            text = f"{', '.join(p.name for p in plan['people'])} met{where} to discuss {rng.choice(TOPICS)}."
            spans[(plan["n"], a)] = append(a, text)
        for _ in range(sizes.statements_per_meeting):
            a = rng.choice(plan["articles"])
            speaker = rng.choice(plan["people"])
            others = [p for p in plan["people"] if p is not speaker] or plan["people"]
            text = rng.choice(SAYING).format(
                who=speaker.name, a=speaker.country_name or "the organisation",
                b=rng.choice(others).country_name or "its partners", topic=rng.choice(TOPICS),
            )
            start, end = append(a, text)
            said.append((plan, a, start, end, speaker, text))

    published = [None] * n_articles
    for plan in plans:
        for a in plan["articles"]:
            if plan["date"]:
                later = plan["date"] + dt.timedelta(days=rng.randint(0, 2))
                published[a] = max(published[a], later) if published[a] else later
    articles = []
    for a in range(n_articles):
        text = header[a] + "\n\n".join(paragraphs[a])
        articles.append(Article(
            title=header[a].strip(), source=rng.choice(OUTLETS), published=published[a], text=text,
            content_hash=hashlib.sha256(text.encode()).hexdigest(), filename=f"synthetic-{header[a].split()[-1]}.txt",
        ))
    Article.objects.bulk_create(articles, batch_size=BATCH)

    meetings = [Meeting(
        title=p["title"][:300], slug=f"{slugify(p['title'])[:280]}-{p['n']}", status=p["status"], kind=p["kind"],
        date=p["date"], date_precision="day" if p["date"] else "", place=p["place"], country_id=p["country_id"],
        organisation_id=p["org"][0] if p["org"] else None, confidence=round(rng.uniform(0.5, 1), 2),
        extraction_rule="synthetic",
    ) for p in plans]
    Meeting.objects.bulk_create(meetings, batch_size=BATCH)
    _side_meetings(rng, plans, meetings)
    for plan, meeting in zip(plans, meetings):
        plan["pk"] = meeting.pk

    sources, participations = [], []
    for plan in plans:
        for a in plan["articles"]:
            start, end = spans[(plan["n"], a)]
            sources.append(dict(
                meeting_id=plan["pk"], article_id=articles[a].pk, start=start, end=end, date=plan["date"],
                date_precision="day" if plan["date"] else "", place=plan["place"],
                participants=[p.name for p in plan["people"]],
            ))
        a = plan["articles"][0]
        start, end = spans[(plan["n"], a)]
        participations += [dict(
            meeting_id=plan["pk"], person_id=p.pk, role=p.role, country_id=p.country_id,
            organisation_id=p.organisation_id, article_id=articles[a].pk, start=start, end=end,
            confidence=0.9, extraction_rule="synthetic",
        ) for p in plan["people"]]
    _write(MeetingSource, sources)
    _write(Participation, participations)

    statements = []
    for plan, a, start, end, speaker, text in said:
        statements.append(dict(
            speaker_id=speaker.pk, role=speaker.role, text=text, kind="quote" if text.startswith("\u201c") else "reported",
            date=plan["date"], meeting_id=plan["pk"] if rng.random() < 0.9 else None, article_id=articles[a].pk,
            start=start, end=end, confidence=round(rng.uniform(0.4, 1), 2), extraction_rule="synthetic",
        ))
    _write(Statement, statements)
    totals.add("statements", len(statements))
    for name, rows in (("articles", articles), ("meetings", meetings), ("meeting sources", sources),
                       ("participations", participations)):
        totals.add(name, len(rows))


def _write(model: type[models.Model], rows: list[dict]) -> None:
    """Insert rows (attribute name -> value) whose ids nobody needs back: PostgreSQL's COPY, which is
    several times faster than INSERT for the million statements, or bulk_create elsewhere."""
    if connection.vendor != "postgresql":
        model.objects.bulk_create([model(**row) for row in rows], batch_size=BATCH)
        return
    # Generated columns (the search documents) are the database's to write; COPY refuses them.
    fields = [f for f in model._meta.concrete_fields if not f.primary_key and not f.generated]
    defaults = {f.attname: f.get_default() for f in fields}
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    json_fields = {f.attname for f in fields if isinstance(f, models.JSONField)}
    with connection.cursor() as cursor, cursor.cursor.copy(
        f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
    ) as copy:
        for row in rows:
            values = [row.get(f.attname, defaults[f.attname]) for f in fields]
            copy.write_row([json.dumps(v) if f.attname in json_fields else v for f, v in zip(fields, values)])


def _side_meetings(rng, plans, meetings) -> None:
    """Some bilateral talks happen on the sidelines of a multilateral meeting of the same chunk."""
    summits = [m for p, m in zip(plans, meetings) if p["kind"] == "multilateral"]
    side = []
    for plan, meeting in zip(plans, meetings):
        if summits and plan["kind"] == "bilateral" and rng.random() < 0.05:
            meeting.parent_id = rng.choice(summits).pk
            side.append(meeting)
    Meeting.objects.bulk_update(side, ["parent"], batch_size=BATCH)
