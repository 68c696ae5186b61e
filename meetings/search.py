"""Search across Chancery's records, one interface on both databases.

On PostgreSQL each searchable model stores its weighted document
(`SearchVector`) in a generated column, `search_document`, with a GIN index:
matching, rechecking and ranking read the stored vector instead of parsing
the text of every candidate again. Queries use the `websearch`
syntax (`"common interests" -Lavrov`, `wang or lavrov`), are ranked, and are
read with the `chancery` text search configuration (migration 0005): English
stemming over unaccented words, so "Cavusoglu" finds "Çavuşoğlu". A person's
name also matches a misspelt query through trigram word similarity.

On SQLite (development and the quick test run) the same calls fall back to
substring matching: every word or "quoted phrase" must occur in one of the
fields and a `-word` must not; results keep the list's own order.

Highlighting never trusts the text: PostgreSQL's headlines are marked with
sentinel characters and the whole string is escaped before the sentinels
become <mark> tags; on SQLite the matching words are found in Python and
each piece is escaped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import reduce
from operator import add, or_

from django.contrib.postgres.search import (
    SearchHeadline, SearchQuery, SearchRank, SearchVector, SearchVectorField, TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import F, Func, Q, TextField
from django.db.models.functions import Cast, Greatest
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

CONFIG = "chancery"  # english_stem over unaccent; created by migration 0005
START, STOP = "\u27e6", "\u27e7"  # headline sentinels: turned into <mark> only after escaping
FUZZY_THRESHOLD = 0.6  # pg_trgm's default word_similarity_threshold, which the %> operator uses


def on_postgres() -> bool:
    return connection.vendor == "postgresql"


def _document(*weighted: tuple[list, str]) -> SearchVector:
    return reduce(add, (SearchVector(*fields, weight=weight, config=CONFIG) for fields, weight in weighted))


class Document(Func):
    """The expression of a `search_document` generated column: the weighted vector on PostgreSQL,
    NULL on other databases (SQLite has no tsvector; its search reads the fields themselves)."""

    template = "%(expressions)s"
    output_field = SearchVectorField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return "NULL", []


# The documents, each stored in its model's `search_document` column.
def meeting_document():
    return _document((["title"], "A"), (["place", "date_phrase"], "B"), (["participant_names"], "C"))


def statement_document():
    return _document((["text"], "A"), (["role"], "C"))


def person_document():
    return _document((["name"], "A"), ([Cast("aliases", TextField())], "B"))


def organisation_document():
    return _document((["name", "acronym"], "A"), ([Cast("aliases", TextField())], "B"))


def article_document():
    return _document((["title"], "A"), (["source"], "B"), (["text"], "C"))


def web_query(text: str) -> SearchQuery:
    return SearchQuery(text, search_type="websearch", config=CONFIG)


# Query text, read the way websearch reads it, for the fallback and for highlighting in Python.
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


@dataclass
class Terms:
    required: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)


def parse(text: str) -> Terms:
    terms = Terms()
    for minus_phrase, phrase, minus_word, word in _TOKEN.findall(text):
        term = " ".join(phrase.split()) if phrase else word.strip("-")
        if not term or term.lower() == "or":
            continue
        (terms.excluded if (minus_phrase or minus_word) else terms.required).append(term)
    return terms


def is_plain(text: str) -> bool:
    """No websearch operators: the words alone, which trigram matching can compare to a name."""
    terms = parse(text)
    return not terms.excluded and '"' not in text and " or " not in f" {text.lower()} "


def fallback_condition(fields: list[str], text: str) -> Q:
    """Every required term occurs in one of the fields; no excluded term occurs in any."""
    terms = parse(text)

    def anywhere(term):
        return reduce(or_, (Q(**{f"{f}__icontains": term}) for f in fields))

    condition = Q()
    for term in terms.required:
        condition &= anywhere(term)
    for term in terms.excluded:
        condition &= ~anywhere(term)
    return condition


# Matches beyond this many are not ranked: ranking reads every match's document (166,000 statements
# hold "cooperation": 2.8 s). A search with more matches lists them in the list's own order instead
# (newest first), read from that order's index and stopping at the page.
RANKED = 250
# A search's list stops here ("1,000+ results"): counting further read tens of thousands of matches a view.
SEARCH_CAP = 1_000
# The search page says how many of each kind match up to here ("100+ statements"), and links each kind's
# list, which counts on to SEARCH_CAP: counting five kinds to 1,000 took 40 ms of a common name's search.
OVERVIEW_CAP = 100


def own_conditions(text: str, fuzzy: str | None = None) -> list[Q]:
    """The record's own document matches; or, for a plain query, `fuzzy` is a near spelling. Each is
    served by its own GIN index; OR-ed, the planner scanned every person to compare their names (130 ms)."""
    own = [Q(search_document=web_query(text))]
    if fuzzy and is_plain(text):
        own.append(Q(**{f"{fuzzy}__trigram_word_similar": text}))
    return own


def matching_ids(model, text: str, fuzzy: str | None = None, limit: int = RANKED) -> list[int]:
    """Ids of up to `limit` records that match `text` themselves (people named so): one UNION of index scans.

    Given to another model's search as values, so that its plan looks their rows up by index. Each scan stops
    at `limit` too: a UNION reads all its input before it yields a row (404 people of a common surname, twice)."""
    parts = [model._base_manager.filter(c).order_by().values_list("pk", flat=True)[:limit]
             for c in own_conditions(text, fuzzy)]
    return list((parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0])[:limit])


def near_spellings(model, text: str, fuzzy: str, limit: int = RANKED) -> list[int]:
    """Ids of up to `limit` records whose `fuzzy` field is a near spelling of a plain query and that their
    document does not match: what a search of another model's documents, which hold these names too,
    would miss ("Lavrof" finds Lavrov's meetings)."""
    if not is_plain(text):
        return []
    near = model._base_manager.filter(**{f"{fuzzy}__trigram_word_similar": text})
    return list(near.exclude(search_document=web_query(text)).order_by().values_list("pk", flat=True)[:limit])


def apply(queryset, text: str, *, fallback: list[str], related=None, fuzzy: str | None = None, excluded=None,
          parts: list | None = None):
    """Filter `queryset` to what matches `text`: on PostgreSQL the best first when few match.

    `related(text)` gives further conditions, each served by an index (a
    statement whose speaker matches); `fuzzy` names a field compared by
    trigram word similarity; `excluded(term)` gives the condition a `-term`
    also rules out (a statement whose speaker is named so), as on SQLite,
    where the fallback fields include the speaker's name. When many match,
    the related conditions are added to `parts`, for counting.capped_count().
    """
    if not text.strip():
        return queryset
    if not on_postgres():
        return queryset.filter(fallback_condition(fallback, text))
    model = queryset.model
    others = related(text) if related is not None else []
    conditions = [*own_conditions(text, fuzzy), *others]
    ordering = queryset.query.order_by or model._meta.ordering
    for term in parse(text).excluded if excluded is not None else []:
        queryset = queryset.exclude(excluded(term))
    # Up to RANKED + 1 matches of each condition, as a UNION of index scans that stop there (in no order:
    # walking the list's order to find them cost more); OR-ed in one WHERE, the planner scanned the table.
    each = [model._base_manager.filter(c).order_by().values_list("pk", flat=True)[: RANKED + 1] for c in conditions]
    matching = list(each[0].union(*each[1:]) if len(each) > 1 else each[0])
    if len(matching) > RANKED:
        if parts is not None:
            parts += others
        return queryset.filter(reduce(or_, conditions)).order_by(*ordering)
    query = web_query(text)
    rank = SearchRank(F("search_document"), query)
    if fuzzy and is_plain(text):
        rank = Greatest(rank, TrigramWordSimilarity(text, fuzzy))
    return queryset.annotate(search_rank=rank).filter(pk__any=matching).order_by("-search_rank", *ordering)


def named_people(term: str):
    """Ids of the people whose name or alias holds `term` (full-text, no fuzziness): for exclusions."""
    from .models import Person

    query = web_query(f'"{term}"' if " " in term else term)
    return Person._base_manager.filter(search_document=query).values("pk")


def with_headlines(queryset, text: str, fields: dict[str, tuple[str, bool]]):
    """Annotate `<name>_headline` for each `name=(field, long)`: the field with the query's words marked.

    Only on PostgreSQL; `highlighted()` reads them, or marks the text in Python when they are absent.
    """
    if not on_postgres() or not text.strip():
        return queryset
    query = web_query(text)
    annotations = {}
    for name, (source, long) in fields.items():
        options = dict(max_words=35, min_words=15, max_fragments=2, fragment_delimiter=" … ") if long else dict(
            highlight_all=True
        )
        annotations[f"{name}_headline"] = SearchHeadline(
            source, query, config=CONFIG, start_sel=START, stop_sel=STOP, **options
        )
    return queryset.annotate(**annotations)


def mark_headline(headline: str) -> SafeString:
    return mark_safe(escape(headline).replace(START, "<mark>").replace(STOP, "</mark>"))


def mark_terms(text: str, text_query: str) -> SafeString:
    """`text` escaped, with each occurrence of a required term in <mark>."""
    terms = sorted(parse(text_query).required, key=len, reverse=True)
    if not terms:
        return escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    out, last = [], 0
    for m in pattern.finditer(text):
        out += [escape(text[last : m.start()]), "<mark>", escape(m.group()), "</mark>"]
        last = m.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


def excerpt(text: str, text_query: str, width: int = 240) -> str:
    """About `width` characters of `text` around its first required term."""
    lowered = text.lower()
    positions = [lowered.find(t.lower()) for t in parse(text_query).required]
    first = min((p for p in positions if p >= 0), default=0)
    start = max(0, first - width // 3)
    end = start + width
    if start:  # whole words only at the cuts
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", first, end)
        end = space if space > first else end
    piece = " ".join(text[start:end].split())
    return ("…" if start else "") + piece + ("…" if end < len(text) else "")


def highlighted(obj, name: str, value: str, text_query: str, long: bool = False) -> SafeString:
    """The field marked by PostgreSQL's headline when there is one, else in Python."""
    headline = getattr(obj, f"{name}_headline", None)
    if headline is not None:
        return mark_headline(headline) if START in headline or not long else mark_terms(excerpt(value, text_query),
                                                                                        text_query)
    return mark_terms(excerpt(value, text_query) if long else value, text_query)


@dataclass
class Hit:
    url: str
    title: SafeString
    snippet: SafeString = mark_safe("")
    meta: str = ""


@dataclass
class Group:
    key: str
    label: str
    count: int
    hits: list[Hit]
    list_url: str
    more: bool = False  # more than `count` match


def search_everything(text: str, per_group: int = 8) -> list[Group]:
    """The best matches of each kind of record, with how many there are: two queries a kind."""
    from django.urls import reverse

    from .counting import capped_count
    from .models import Article, Meeting, Organisation, Person, Statement

    kinds = [
        ("meetings", "Meetings", Meeting.objects.select_related("country", "organisation"),
         {"title": ("title", False)}, "meetings:meeting_list"),
        ("statements", "Statements", Statement.objects.with_related(), {"text": ("text", True)},
         "meetings:statement_list"),
        ("people", "People", Person.objects.select_related("country", "organisation"), {"name": ("name", False)},
         "meetings:person_list"),
        ("organisations", "Organisations", Organisation.objects.select_related("country"),
         {"name": ("name", False)}, "meetings:organisation_list"),
        # On PostgreSQL the headline is cut from the text in the database: the text itself stays there.
        ("articles", "Articles", Article.objects.defer("text") if on_postgres() else Article.objects.all(),
         {"title": ("title", False), "text": ("text", True)}, "meetings:article_list"),
    ]
    groups = []
    for key, label, queryset, fields, list_name in kinds:
        parts = []
        matches = queryset.search(text, parts=parts)
        rows = list(with_headlines(matches, text, fields)[:per_group])
        hits = [_hit(key, obj, text) for obj in rows]
        count = capped_count(matches, OVERVIEW_CAP, parts)  # "100+": an exact count read every match
        groups.append(Group(key, label, min(count, OVERVIEW_CAP), hits, f"{reverse(list_name)}?{_q(text)}",
                            more=count > OVERVIEW_CAP))
    return groups


def _q(text: str) -> str:
    from urllib.parse import urlencode

    return urlencode({"q": text})


def _hit(key: str, obj, text: str) -> Hit:
    if key == "meetings":
        where = ", ".join(x for x in [obj.place, obj.country.name if obj.country else ""] if x)
        return Hit(obj.get_absolute_url(), highlighted(obj, "title", obj.title, text),
                   meta=" · ".join(x for x in [obj.date_display, where] if x))
    if key == "statements":
        who = obj.speaker or obj.speaker_organisation
        return Hit(obj.get_absolute_url(), escape(str(who.name)), highlighted(obj, "text", obj.text, text, long=True),
                   meta=" · ".join(x for x in [obj.get_kind_display(), f"{obj.date:%-d %B %Y}" if obj.date else ""] if x))
    if key == "people":
        represents = obj.country or obj.organisation
        return Hit(obj.get_absolute_url(), highlighted(obj, "name", obj.name, text),
                   mark_terms(", ".join(obj.aliases), text) if obj.aliases else mark_safe(""),
                   meta=represents.name if represents else "")
    if key == "organisations":
        return Hit(obj.get_absolute_url(), highlighted(obj, "name", obj.name, text),
                   meta=" · ".join(x for x in [obj.acronym, obj.get_kind_display()] if x))
    snippet = (mark_headline(obj.text_headline) if hasattr(obj, "text_headline")
               else mark_terms(excerpt(obj.text, text), text))
    return Hit(obj.get_absolute_url(), highlighted(obj, "title", obj.title, text), snippet,
               meta=" · ".join(x for x in [obj.source, f"{obj.published:%-d %B %Y}" if obj.published else ""] if x))
