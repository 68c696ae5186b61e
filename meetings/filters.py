"""One FilterSet per list page. Every filter value arrives in the query string,
so a filtered list is a permanent link. Values the form cannot validate are
reported on the page and never reach the database."""
from __future__ import annotations

import django_filters as filters
from django_filters.constants import EMPTY_VALUES
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, F, OuterRef
from django.urls import reverse_lazy

from .models import Article, Country, Meeting, Organisation, Participation, Person, Statement
from .periods import PeriodError, parse_period
from .widgets import QuickSelect

DATE_INPUT = forms.DateInput(attrs={"type": "date"})


class PeriodField(forms.CharField):
    """A year, a month, a day or a range of them; cleans to (first day, last day)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("help_text", "A year (2013), a month (2013-07) or a range (2013-07/2014-02).")
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            return parse_period(value)
        except PeriodError as exc:
            raise forms.ValidationError(str(exc)) from exc


class PeriodFilter(filters.Filter):
    field_class = PeriodField

    def filter(self, qs, value):
        if not value:
            return qs
        start, end = value
        if start:
            qs = qs.filter(**{f"{self.field_name}__gte": start})
        if end:
            qs = qs.filter(**{f"{self.field_name}__lte": end})
        return qs


def period_filter(field: str, noun: str = "Date") -> PeriodFilter:
    return PeriodFilter(field_name=field, label=f"{noun} (year, month or range)",
                        widget=forms.TextInput(attrs={"placeholder": "e.g. 2013 or 2013-07/2014-02"}))


def day_filter(field: str, lookup: str, label: str) -> filters.DateFilter:
    return filters.DateFilter(field_name=field, lookup_expr=lookup, label=label, widget=DATE_INPUT)


class PersonNameField(forms.CharField):
    """A person named by their id (slug) or by their name, as the suggestions offer it."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        matches = list(Person.objects.named(value)[:6])
        if len(matches) == 1:
            return matches[0]
        if matches:
            ids = ", ".join(p.slug for p in matches)
            raise forms.ValidationError(f"Several people are called “{value}”; give one's id: {ids}.")
        raise forms.ValidationError(f"No person is called “{value}”.")


class PersonNameFilter(filters.Filter):
    field_class = PersonNameField


def person_widget(list_id: str, example: str) -> forms.TextInput:
    """A name box whose suggestions static/js/suggest.js fetches into the <datalist> `list_id`."""
    return forms.TextInput(attrs={"list": list_id, "autocomplete": "off", "placeholder": f"e.g. {example}",
                                  "data-suggest": reverse_lazy("meetings:person_suggest")})


class OrderingFilter(filters.OrderingFilter):
    """Sorts with empty values last in both directions, on every database
    (PostgreSQL would put NULL dates first when sorting newest first)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", "best match or the list's order")
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        ordering = [self.get_ordering_value(param) for param in value]
        # Ties (the many people with as many meetings) keep one order from page to page: then the list's own
        # order, then the id. Without it a page could repeat a row of the previous one and skip another.
        return qs.order_by(*ordering, *qs.model._meta.ordering, "pk")

    def get_ordering_value(self, param):
        descending = param.startswith("-")
        field = self.param_map[param.lstrip("-")]
        expression = F(field)
        return expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True)


# Each search word adds a condition to the query: a bound keeps the query (and
# SQLite's expression depth) small whatever is typed.
MAX_SEARCH_LENGTH = 200
MAX_SEARCH_WORDS = 12


def _few_words(value: str) -> None:
    if len(value.split()) > MAX_SEARCH_WORDS:
        raise ValidationError(f"Search for at most {MAX_SEARCH_WORDS} words.")


class SearchFilterSet(filters.FilterSet):
    """A free-text `q` filter served by the model's QuerySet.search()."""

    q = filters.CharFilter(method="filter_text", label="Search", max_length=MAX_SEARCH_LENGTH,
                           validators=[_few_words])

    def filter_text(self, queryset, name, value):
        self.search_parts = []  # what counting.capped_count() may count first
        return queryset.search(value, parts=self.search_parts)


class MeetingFilter(SearchFilterSet):
    date = period_filter("date")
    date_after = day_filter("date", "gte", "Date from")
    date_before = day_filter("date", "lte", "Date until")
    status = filters.ChoiceFilter(choices=Meeting.Status.choices, empty_label="any status")
    kind = filters.ChoiceFilter(choices=Meeting.Kind.choices, empty_label="any kind")
    country = filters.ModelChoiceFilter(
        queryset=Country.objects.all(), to_field_name="code", method="filter_country",
        widget=QuickSelect(label_field="name"),
        label="Country (held in or taking part)", empty_label="any country",
    )
    # A text box, not a <select>: thousands of organisations made a 170 KB form that took most of the page's time.
    organisation = filters.ModelChoiceFilter(
        queryset=Organisation.objects.all(), to_field_name="slug", label="Forum (organisation id)",
        widget=forms.TextInput(attrs={"placeholder": "e.g. shanghai-cooperation-organization"}),
    )
    participant = PersonNameFilter(method="filter_participant", label="Participant",
                                   widget=person_widget("participant-suggestions", "Wang Yi"))
    o = OrderingFilter(
        fields=(("date", "date"), ("title", "title"), ("place", "place")),
        field_labels={"date": "Date", "title": "Title", "place": "Place"},
        label="Sort by",
    )

    class Meta:
        model = Meeting
        fields = ["q", "date", "date_after", "date_before", "status", "kind", "country", "organisation",
                  "participant"]

    def filter_country(self, queryset, name, value):
        return queryset.involving_country(value)

    def stored_count(self) -> int | None:
        """How many meetings the list holds, when the counts kept by services/counters.py know it: a
        country's meetings and no other filter (counting them took 50 ms for the busiest country)."""
        if not self.is_valid():
            return None
        used = {name for name, value in self.form.cleaned_data.items() if value not in (None, "", [], ())}
        if used - {"o"} != {"country"}:
            return None
        return self.form.cleaned_data["country"].years.total()

    def filter_participant(self, queryset, name, value):
        return queryset.filter(Exists(Participation.objects.filter(meeting=OuterRef("pk"), person=value)))


class PersonFilter(SearchFilterSet):
    country = filters.ModelChoiceFilter(
        queryset=Country.objects.all(), to_field_name="code", empty_label="any country",
        widget=QuickSelect(label_field="name"),
    )
    organisation = filters.ModelChoiceFilter(
        queryset=Organisation.objects.all(), to_field_name="slug", label="Organisation (organisation id)",
        widget=forms.TextInput(attrs={"placeholder": "e.g. shanghai-cooperation-organization"}),
    )
    o = OrderingFilter(
        fields=(("name", "name"), ("meetings_count", "meetings"), ("statements_count", "statements")),
        label="Sort by",
    )

    class Meta:
        model = Person
        fields = ["q", "country", "organisation"]


class CountryFilter(SearchFilterSet):
    o = OrderingFilter(
        fields=(("name", "name"), ("code", "code"), ("meetings_count", "meetings"), ("people_count", "people")),
        label="Sort by",
    )

    class Meta:
        model = Country
        fields = ["q"]


class OrganisationFilter(SearchFilterSet):
    kind = filters.ChoiceFilter(choices=Organisation.Kind.choices, empty_label="any kind")
    o = OrderingFilter(
        fields=(("name", "name"), ("meetings_count", "meetings"), ("people_count", "people")), label="Sort by"
    )

    class Meta:
        model = Organisation
        fields = ["q", "kind"]


class StatementFilter(SearchFilterSet):
    speaker = PersonNameFilter(field_name="speaker", label="Speaker",
                               widget=person_widget("speaker-suggestions", "Sergey Lavrov"))
    country = filters.ModelChoiceFilter(
        queryset=Country.objects.all(), to_field_name="code", field_name="speaker__country",
        widget=QuickSelect(label_field="name"),
        label="Speaker's country", empty_label="any country",
    )
    meeting = filters.ModelChoiceFilter(
        queryset=Meeting.objects.all(), to_field_name="slug",
        label="Meeting (meeting id)", widget=forms.TextInput(),
    )
    date = period_filter("date")
    date_after = day_filter("date", "gte", "Date from")
    date_before = day_filter("date", "lte", "Date until")
    kind = filters.ChoiceFilter(choices=Statement.Kind.choices, empty_label="quotes and reported speech")
    o = OrderingFilter(fields=(("date", "date"), ("speaker__name", "speaker")), label="Sort by")

    class Meta:
        model = Statement
        fields = ["q", "speaker", "country", "meeting", "date", "date_after", "date_before", "kind"]


class ArticleFilter(SearchFilterSet):
    published = period_filter("published", "Published")
    published_after = day_filter("published", "gte", "Published from")
    published_before = day_filter("published", "lte", "Published until")
    source = filters.CharFilter(lookup_expr="icontains", label="Outlet", max_length=200)
    o = OrderingFilter(fields=(("published", "published"), ("title", "title")), label="Sort by")

    class Meta:
        model = Article
        fields = ["q", "published", "published_after", "published_before", "source"]
