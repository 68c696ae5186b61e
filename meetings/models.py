"""Chancery's records: who met whom, when, where, in which forum, and what
each side said, every fact tied to the article passage it came from.

Shapes follow Popolo (Person, Organization, Event with participants) and
POLECAT's CONSULT events (visit, third-party, multilateral, phone).
"""
from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q

from . import querysets, search
from .indexes import NullsLastIndex
from .links import detail_url


def stored_document(document) -> models.GeneratedField:
    """The record's search document, kept by the database (meetings/search.py)."""
    return models.GeneratedField(
        expression=search.Document(document), output_field=SearchVectorField(), db_persist=True, serialize=False
    )


class Curated(models.Model):
    """What a curator has done to a record.

    A field listed in `locked_fields` was set by a curator and is never
    overwritten by a re-import (Open Civic Data's `locked_fields`).
    """

    reviewed = models.BooleanField(default=False, help_text="A curator has checked this record.")
    locked_fields = models.JSONField(
        default=list, blank=True, help_text="Fields a curator edited; imports leave them alone."
    )
    confidence = models.FloatField(
        null=True, blank=True, help_text="How sure the extraction engine was (0-1); empty when entered by hand."
    )
    extraction_rule = models.CharField(
        max_length=80, blank=True, help_text="The extraction rule that produced this record."
    )
    review_note = models.CharField(
        max_length=300, blank=True, help_text="Why the importer wants a curator to look (an uncertain match)."
    )

    class Meta:
        abstract = True


class Country(models.Model):
    code = models.CharField("ISO 3166-1 alpha-2", max_length=2, unique=True)
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)

    objects = querysets.CountryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_is_alpha2"),
        ]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.code,)

    def get_absolute_url(self) -> str:
        return detail_url("meetings:country_detail", self.code.lower())


class Organisation(Curated):
    class Kind(models.TextChoices):
        INTERGOVERNMENTAL = "intergovernmental", "Intergovernmental organisation"
        GOVERNMENT = "government", "Government body"
        PARTY = "party", "Political party"
        INSTITUTE = "institute", "Institute or university"
        COMPANY = "company", "Company"
        MEDIA = "media", "News organisation"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    acronym = models.CharField(max_length=30, blank=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="organisations",
        help_text="Home country, for national bodies.",
    )
    aliases = models.JSONField(default=list, blank=True, help_text="Other names and spellings.")
    wikidata_id = models.CharField(max_length=20, blank=True)
    # Kept by meetings/services/counters.py on every write that changes them.
    meetings_count = models.PositiveIntegerField(default=0, editable=False, help_text="Meetings in its frame.")
    people_count = models.PositiveIntegerField(default=0, editable=False, help_text="People speaking for it.")
    search_document = stored_document(search.organisation_document())

    objects = querysets.OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [
            # /about/data/: how many a curator reviewed, counted from this index (few rows), not the table.
            models.Index(fields=["id"], condition=Q(reviewed=True), name="organisation_reviewed_idx"),
            models.Index(fields=["acronym"], name="org_acronym_idx"),  # acronym look-ups by the importer
            models.Index(fields=["name"], name="org_name_idx"),  # /organisations/ in name order
            GinIndex(fields=["search_document"], name="organisation_search_idx"),  # Organisation.objects.search()
        ]

    def __str__(self) -> str:
        return self.label(self.name, self.acronym)

    @staticmethod
    def label(name: str, acronym: str) -> str:
        """How the site names an organisation: by name, with its acronym when it has one of its own."""
        return f"{name} ({acronym})" if acronym and acronym != name else name

    def get_absolute_url(self) -> str:
        return detail_url("meetings:organisation_detail", self.slug)


class Person(Curated):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    aliases = models.JSONField(default=list, blank=True, help_text="Other names, spellings and surnames.")
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="people",
        help_text="The country the person represents, when there is one.",
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="people",
        help_text="The body the person speaks for when it is not a state.",
    )
    wikidata_id = models.CharField(max_length=20, blank=True)
    # Kept by meetings/services/counters.py on every write that changes them.
    meetings_count = models.PositiveIntegerField(default=0, editable=False, help_text="Meetings taken part in.")
    statements_count = models.PositiveIntegerField(default=0, editable=False, help_text="Statements made.")
    latest_role = models.CharField(max_length=200, blank=True, editable=False,
                                   help_text="The office most recently reported.")
    search_document = stored_document(search.person_document())

    objects = querysets.PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        indexes = [
            # /about/data/: how many a curator reviewed, counted from this index (few rows), not the table.
            models.Index(fields=["id"], condition=Q(reviewed=True), name="person_reviewed_idx"),
            models.Index(fields=["name"], name="person_name_idx"),  # name look-ups and sorting
            GinIndex(fields=["search_document"], name="person_search_idx"),  # Person.objects.search()
            # Person.objects.search(): a misspelt name (name %> 'Lavrof').
            GinIndex(fields=["name"], opclasses=["gin_trgm_ops"], name="person_name_trgm_idx"),
            # /people/?o=-meetings and ?o=-statements: the busiest first, read from the index.
            NullsLastIndex(F("meetings_count").desc(nulls_last=True), F("name"), name="person_meetings_count_idx"),
            NullsLastIndex(F("statements_count").desc(nulls_last=True), F("name"), name="person_statements_count_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return detail_url("meetings:person_detail", self.slug)


class PersonName(models.Model):
    """A name a person is known by, normalised for matching (openparliament's alternate names)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, help_text="Case-, accent- and punctuation-free form.")

    class Meta:
        ordering = ["person", "name"]
        constraints = [models.UniqueConstraint(fields=["person", "key"], name="person_name_once")]
        indexes = [models.Index(fields=["key"], name="person_name_key_idx")]  # resolution by name

    def __str__(self) -> str:
        return self.name


class OrganisationName(models.Model):
    """A name or acronym an organisation is known by, normalised for matching."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200)

    class Meta:
        ordering = ["organisation", "name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "key"], name="organisation_name_once")]
        indexes = [models.Index(fields=["key"], name="organisation_name_key_idx")]  # resolution by name

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    title = models.CharField(max_length=500)
    source = models.CharField("outlet", max_length=200, blank=True)
    authors = models.JSONField(default=list, blank=True)
    published = models.DateField(null=True, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    filename = models.CharField(max_length=300, blank=True, help_text="The file it was imported from.")
    text = models.TextField(help_text="The article as imported; provenance spans index into it.")
    content_hash = models.CharField(
        max_length=64, unique=True,
        help_text="SHA-256 of the file as imported (its bytes), so a newer reader does not take it for a new article.",
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    search_document = stored_document(search.article_document())

    objects = querysets.ArticleQuerySet.as_manager()

    class Meta:
        # Undated articles last, as the list's "newest first" sort puts them; the index has the same order.
        ordering = [F("published").desc(nulls_last=True), "title"]
        indexes = [
            # /articles/: the first page read straight from the index, no sort of the whole table.
            NullsLastIndex(F("published").desc(nulls_last=True), F("title"), name="article_published_idx"),
            GinIndex(fields=["search_document"], name="article_search_idx"),  # Article.objects.search()
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return detail_url("meetings:article_detail", self.pk)


class ArticleFile(models.Model):
    """The article file exactly as imported, kept apart from Article so that list
    pages and exports never load it; `Article.content_hash` is the hash of `data`."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, primary_key=True, related_name="file")
    name = models.CharField(max_length=300, blank=True)
    data = models.BinaryField(help_text="The file's bytes as imported: what the hash is over.")

    def __str__(self) -> str:
        return self.name or f"file of article {self.article_id}"


class ArticleUpload(models.Model):
    """An article uploaded in the admin, on its way in: its bytes, then what its one extraction
    gave (kept for the curator to confirm, so the article is never extracted twice), then the
    article it became, or why it failed."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued for extraction"
        RUNNING = "running", "Extracting"
        READY = "ready", "Extracted: confirm to import"
        STORING = "storing", "Queued for storing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    name = models.CharField(max_length=300)
    raw = models.BinaryField(help_text="The file's bytes (a pasted article: its text in UTF-8); dropped once stored.")
    published = models.DateField(null=True, blank=True)
    source = models.CharField("outlet", max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    outcome = models.CharField(max_length=10, blank=True, help_text="imported, updated or duplicate, once done.")
    error = models.TextField(blank=True)
    extraction = models.JSONField(null=True, blank=True, help_text="What the extraction gave, until it is stored.")
    report = models.JSONField(default=dict, blank=True, help_text="Records to be created or matched; once done, those that were.")
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="uploads")
    task_id = models.CharField(max_length=64, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display().lower()})"

    @property
    def in_progress(self) -> bool:
        return self.status in {self.Status.QUEUED, self.Status.RUNNING, self.Status.STORING}


class Meeting(Curated):
    class Status(models.TextChoices):
        HELD = "held", "Held"
        PLANNED = "planned", "Planned"

    class Kind(models.TextChoices):
        BILATERAL = "bilateral", "Bilateral"
        MULTILATERAL = "multilateral", "Multilateral"
        CALL = "call", "Phone or video call"

    class Precision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"
        YEAR = "year", "Year"

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=300, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.HELD)
    kind = models.CharField(max_length=15, choices=Kind.choices, default=Kind.BILATERAL)
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=5, choices=Precision.choices, blank=True)
    date_phrase = models.CharField(max_length=200, blank=True, help_text="The words the date came from.")
    place = models.CharField(max_length=200, blank=True, help_text="Venue and/or city.")
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings_held"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings",
        help_text="The forum in whose frame the meeting was held.",
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="side_meetings",
        help_text="The summit on whose sidelines this meeting was held.",
    )
    participants = models.ManyToManyField(Person, through="Participation", related_name="meetings")
    articles = models.ManyToManyField(Article, through="MeetingSource", related_name="meetings")
    # Its participants' names and aliases, one a line, kept by services/counters.py and searched with the
    # meeting's own words: a search for a surname shared by 250 people reads one index, where "one of
    # those people took part" hashed their 11,700 participations in each query of the page.
    participant_names = models.TextField(blank=True, default="", editable=False)
    search_document = stored_document(search.meeting_document())

    objects = querysets.MeetingQuerySet.as_manager()

    class Meta:
        ordering = [F("date").desc(nulls_last=True), "title"]
        indexes = [
            # /about/data/: how many a curator reviewed, counted from this index (few rows), not the table.
            models.Index(fields=["id"], condition=Q(reviewed=True), name="meeting_reviewed_idx"),
            # /meetings/ and the home page: newest first with undated meetings last, exactly the ordering above,
            # so the first page is read from the index (a DESC index puts NULLs first and could not serve it).
            NullsLastIndex(F("date").desc(nulls_last=True), F("title"), name="meeting_date_idx"),
            models.Index(fields=["status", "kind"], name="meeting_status_kind_idx"),
            # A country's page: meetings held there, newest first.
            NullsLastIndex(F("country"), F("date").desc(nulls_last=True), F("title"), name="meeting_country_date_idx"),
            # An organisation's page: meetings in its frame, newest first.
            NullsLastIndex(
                F("organisation"), F("date").desc(nulls_last=True), F("title"), name="meeting_organisation_date_idx"
            ),
            GinIndex(fields=["search_document"], name="meeting_search_idx"),  # Meeting.objects.search()
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(date__isnull=True) | ~Q(date_precision=""), name="meeting_dated_has_precision"
            ),
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="meeting_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return detail_url("meetings:meeting_detail", self.slug)

    @property
    def date_display(self) -> str:
        if not self.date:
            return "date unknown"
        if self.date_precision == self.Precision.YEAR:
            return f"{self.date:%Y}"
        if self.date_precision == self.Precision.MONTH:
            return f"{self.date:%B %Y}"
        return f"{self.date:%-d %B %Y}"


class MeetingCountry(models.Model):
    """A country a meeting involved: held there, or attended by someone representing it. Kept by
    meetings/services/counters.py, so that `/meetings/?country=` is one EXISTS the planner can answer
    either way: for a country in most meetings, walk the date index and look each meeting up here
    (0.1 ms a page); for a rare one, read its few meetings. "Held there OR attended" in one WHERE
    made PostgreSQL hash all 53,000 participations of the busiest country on every page (30 ms)."""

    # Indexed by the two below, each led by one of them.
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="involved_countries", db_index=False)
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+", db_index=False)

    objects = querysets.MeetingCountryQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["country", "meeting"], name="meeting_country_once")]
        indexes = [models.Index(fields=["meeting", "country"], name="meeting_country_meeting_idx")]

    def __str__(self) -> str:
        return f"{self.meeting_id} involved {self.country_id}"


class CountryYear(models.Model):
    """How many meetings involved a country (held there or attended by its people) in a year (no year: the
    undated ones): the chart on its page, its count in the countries list and in `/meetings/?country=`,
    kept by meetings/services/counters.py (counting them on each view took 345 ms for the busiest)."""

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    meetings = models.PositiveIntegerField()
    # Of those, held there, and attended by its people (a meeting can be both): the two lists of its page
    # count from these (counting the busiest country's 18,000 meetings held there and 53,000 participations
    # on each view took 5 ms).
    held = models.PositiveIntegerField(default=0)
    attended = models.PositiveIntegerField(default=0)

    objects = querysets.CountryYearQuerySet.as_manager()

    class Meta:
        ordering = ["country", F("year").asc(nulls_last=True)]
        constraints = [models.UniqueConstraint(fields=["country", "year"], name="country_year_once")]

    def __str__(self) -> str:
        return f"{self.country} {self.year or 'undated'}: {self.meetings}"


class CountryPairYear(models.Model):
    """How many meetings people of both countries took part in, in a year (no year: undated ones): the
    chart and the count of a country pair's page, kept by meetings/services/counters.py (counting
    them on each view took 180 ms for a pair with 10,000 meetings). Each pair is stored both ways
    round, so that either country's look-up is one index range."""

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="pair_years")
    partner = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    meetings = models.PositiveIntegerField()

    objects = querysets.CountryPairYearQuerySet.as_manager()

    class Meta:
        ordering = ["country", "partner", F("year").asc(nulls_last=True)]
        constraints = [models.UniqueConstraint(fields=["country", "partner", "year"], name="country_pair_year_once")]

    def __str__(self) -> str:
        return f"{self.country}–{self.partner} {self.year or 'undated'}: {self.meetings}"


class PersonOffice(models.Model):
    """An office a person was reported holding, at meetings or when speaking, with its first and last
    dates and how often: their page's table of offices, kept by meetings/services/counters.py
    (aggregating 8,600 meetings of the busiest person took 80 ms a view)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="offices")
    role = models.CharField(max_length=200)
    first = models.DateField(null=True, blank=True)
    last = models.DateField(null=True, blank=True)
    times = models.PositiveIntegerField()

    class Meta:
        ordering = ["person", F("first").asc(nulls_last=True), "role"]
        indexes = [models.Index(fields=["person", "first"], name="person_office_idx")]  # a person's page

    def __str__(self) -> str:
        return f"{self.person}: {self.role}"


class Span(models.Model):
    """A passage of an article: [start, end) character offsets into its text."""

    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        abstract = True

    @classmethod
    def span_constraint(cls, name: str) -> models.CheckConstraint:
        return models.CheckConstraint(
            condition=(Q(start__isnull=True) & Q(end__isnull=True)) | Q(start__lt=F("end")), name=name
        )

    @property
    def passage(self) -> str:
        if self.start is None or self.end is None:
            return ""
        return self.article.text[self.start : self.end]


class MeetingSource(Span):
    """One article's report of a meeting, with what it claimed of it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="sources")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="meeting_sources")
    date = models.DateField(null=True, blank=True, help_text="The date this article gives.")
    date_phrase = models.CharField(max_length=200, blank=True)
    date_anchor = models.DateField(null=True, blank=True, help_text="The date relative words were resolved against.")
    date_precision = models.CharField(max_length=5, choices=Meeting.Precision.choices, blank=True)
    place = models.CharField(max_length=200, blank=True)
    participants = models.JSONField(default=list, blank=True, help_text="Who this article says took part.")

    class Meta:
        ordering = ["article__published", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "article"], name="meeting_source_once_per_article"),
            Span.span_constraint("meeting_source_valid_span"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} — {self.article}"


class Participation(Curated, Span):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="participations")
    role = models.CharField(max_length=200, blank=True, help_text="The office as the article gives it.")
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="participations",
        help_text="The country represented.",
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="participations",
        help_text="The body represented, when not a state.",
    )
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="participations"
    )
    # The meeting's date, copied here and kept by services/counters.py, so that a person's latest meetings
    # are one range of participation_person_date_idx: found by walking the meetings' date index and
    # looking each up in theirs, the busiest person's latest 200 took 16 ms.
    meeting_date = models.DateField(null=True, blank=True, editable=False)

    objects = querysets.ParticipationQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "pk"]
        indexes = [
            # /about/data/: how many a curator reviewed, counted from this index (few rows), not the table.
            models.Index(fields=["id"], condition=Q(reviewed=True), name="participation_reviewed_idx"),
            # /meetings/?country= and a country's page: the meetings its representatives attended (index-only).
            models.Index(fields=["country", "meeting"], name="participation_country_idx"),
            # A person's page and /people/: their latest meetings for the counterparts list and their latest
            # office (querysets.latest_role), read from the index alone, not from 8,000 scattered table rows.
            models.Index(fields=["person", "meeting"], include=["role", "id"], name="participation_person_idx"),
            # A person's page: their meetings newest first, and the latest 200 their rankings are drawn from.
            NullsLastIndex(F("person"), F("meeting_date").desc(nulls_last=True), F("meeting"),
                           name="participation_person_date_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="participation_once_per_meeting"),
            Span.span_constraint("participation_valid_span"),
        ]

    def __str__(self) -> str:
        return f"{self.person} at {self.meeting}"


class Statement(Curated, Span):
    class Kind(models.TextChoices):
        QUOTE = "quote", "Direct quote"
        REPORTED = "reported", "Reported speech"

    speaker = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="statements"
    )
    speaker_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements",
        help_text="The body speaking, when words are attributed to a body rather than a person.",
    )
    role = models.CharField(max_length=200, blank=True, help_text="The speaker's office as the article gives it.")
    text = models.TextField()
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.REPORTED)
    date = models.DateField(null=True, blank=True)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="statements")
    search_document = stored_document(search.statement_document())

    objects = querysets.StatementQuerySet.as_manager()

    class Meta:
        # article_id, not article: "article" would sort by the article's own ordering (a join the index cannot serve).
        ordering = [F("date").desc(nulls_last=True), "article_id", "start"]
        indexes = [
            # /about/data/: how many a curator reviewed, counted from this index (few rows), not the table.
            models.Index(fields=["id"], condition=Q(reviewed=True), name="statement_reviewed_idx"),
            # /statements/ and the home page: the ordering above, undated last, read from the index.
            NullsLastIndex(F("date").desc(nulls_last=True), F("article"), F("start"), name="statement_date_idx"),
            models.Index(fields=["article", "start"], name="statement_article_idx"),  # article highlights
            # A person's page and /statements/?speaker=: their statements, newest first.
            NullsLastIndex(
                F("speaker"), F("date").desc(nulls_last=True), F("article"), F("start"), name="statement_speaker_date_idx"
            ),
            GinIndex(fields=["search_document"], name="statement_search_idx"),  # Statement.objects.search()
            # The offices a speaker's statements give, with first and last dates, recounted into PersonOffice
            # for the people an import touches (index-only; the busiest speaker's 30,000 statements took 48 ms
            # read from the table).
            models.Index(fields=["speaker", "role", "date"], name="statement_speaker_role_idx"),
        ]
        constraints = [
            Span.span_constraint("statement_valid_span"),
            models.CheckConstraint(
                condition=Q(speaker__isnull=False) | Q(speaker_organisation__isnull=False),
                name="statement_has_speaker",
            ),
        ]

    def __str__(self) -> str:
        who = self.speaker or self.speaker_organisation
        return f"{who}: {self.text[:60]}"

    def get_absolute_url(self) -> str:
        return detail_url("meetings:statement_detail", self.pk)
