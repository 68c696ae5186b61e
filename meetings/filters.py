"""One FilterSet per list page. Every filter value arrives in the query string,
so a filtered list is a permanent link. Values the form cannot validate are
reported on the page and never reach the database."""
from __future__ import annotations

import django_filters as filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import F

from .models import Article, Country, Meeting, Organisation, Person, Statement
from .widgets import QuickSelect

DATE_WIDGET = filters.widgets.DateRangeWidget(attrs={"type": "date"})


class OrderingFilter(filters.OrderingFilter):
    """Sorts with empty values last in both directions, on every database
    (PostgreSQL would put NULL dates first when sorting newest first)."""

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
        return queryset.search(value)


class MeetingFilter(SearchFilterSet):
    date = filters.DateFromToRangeFilter(label="Date between", widget=DATE_WIDGET)
    status = filters.ChoiceFilter(choices=Meeting.Status.choices, empty_label="any status")
    kind = filters.ChoiceFilter(choices=Meeting.Kind.choices, empty_label="any kind")
    country = filters.ModelChoiceFilter(
        queryset=Country.objects.all(), to_field_name="code", widget=QuickSelect, method="filter_country",
        label="Country (held in or taking part)", empty_label="any country",
    )
    # A text box, not a <select>: thousands of organisations made a 170 KB form that took most of the page's time.
    organisation = filters.ModelChoiceFilter(
        queryset=Organisation.objects.all(), to_field_name="slug", label="Forum (organisation id)",
        widget=forms.TextInput(attrs={"placeholder": "e.g. shanghai-cooperation-organization"}),
    )
    participant = filters.ModelChoiceFilter(
        queryset=Person.objects.all(), to_field_name="slug", field_name="participants",
        label="Participant (person id)", widget=forms.TextInput(attrs={"placeholder": "e.g. wang-yi"}),
    )
    o = OrderingFilter(
        fields=(("date", "date"), ("title", "title"), ("place", "place")),
        field_labels={"date": "Date", "title": "Title", "place": "Place"},
        label="Sort by",
    )

    class Meta:
        model = Meeting
        fields = ["q", "date", "status", "kind", "country", "organisation", "participant"]

    def filter_country(self, queryset, name, value):
        return queryset.involving_country(value)


class PersonFilter(SearchFilterSet):
    country = filters.ModelChoiceFilter(
        queryset=Country.objects.all(), to_field_name="code", widget=QuickSelect, empty_label="any country"
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
        fields=(("name", "name"), ("code", "code"), ("meetings_held_count", "meetings"), ("people_count", "people")),
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
    speaker = filters.ModelChoiceFilter(
        queryset=Person.objects.all(), to_field_name="slug",
        label="Speaker (person id)", widget=forms.TextInput(attrs={"placeholder": "e.g. sergey-lavrov"}),
    )
    country = filters.ModelChoiceFilter(
        queryset=Country.objects.all(), to_field_name="code", widget=QuickSelect, field_name="speaker__country",
        label="Speaker's country", empty_label="any country",
    )
    meeting = filters.ModelChoiceFilter(
        queryset=Meeting.objects.all(), to_field_name="slug",
        label="Meeting (meeting id)", widget=forms.TextInput(),
    )
    date = filters.DateFromToRangeFilter(label="Date between", widget=DATE_WIDGET)
    kind = filters.ChoiceFilter(choices=Statement.Kind.choices, empty_label="quotes and reported speech")
    o = OrderingFilter(fields=(("date", "date"), ("speaker__name", "speaker")), label="Sort by")

    class Meta:
        model = Statement
        fields = ["q", "speaker", "country", "meeting", "date", "kind"]


class ArticleFilter(SearchFilterSet):
    published = filters.DateFromToRangeFilter(label="Published between", widget=DATE_WIDGET)
    source = filters.CharFilter(lookup_expr="icontains", label="Outlet", max_length=200)
    o = OrderingFilter(fields=(("published", "published"), ("title", "title")), label="Sort by")

    class Meta:
        model = Article
        fields = ["q", "published", "source"]
