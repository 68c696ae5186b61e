"""Thin views: a FilterSet and a QuerySet for each list, a QuerySet for each
detail page. Query logic lives in querysets.py."""
from __future__ import annotations

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from . import exports, filters, search
from .highlight import Mark, segment_text
from .models import Article, Country, Meeting, Organisation, Participation, Person, Statement


class ListPage(FilterView):
    """A filterable, sortable, paginated list; the filter state lives in the URL."""

    paginate_by = 25
    strict = True  # an invalid filter value shows its error and an empty list, never a 500
    export = None  # (filename, header, rows function) for ?format=csv

    def render_to_response(self, context, **response_kwargs):
        if self.export and self.request.GET.get("format") == "csv":
            filename, header, rows = self.export
            return exports.csv_response(filename, header, rows(self.object_list, self.request.build_absolute_uri))
        return super().render_to_response(context, **response_kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET.copy()
        params.pop("page", None)
        context["querystring"] = params.urlencode()
        params.pop("format", None)
        context["export_url"] = f"?{params.urlencode()}&format=csv" if params else "?format=csv"
        context["can_export"] = self.export is not None
        context["filter_errors"] = self.filterset.errors if self.filterset.is_bound else {}
        return context


def competing_claims(sources) -> dict:
    """Where the sources of one meeting disagree: the dates, places and participant lists they give."""
    dates = {s.date for s in sources if s.date}
    places = {s.place for s in sources if s.place}
    people = {tuple(sorted(s.participants)) for s in sources if s.participants}
    return {"date": len(dates) > 1, "place": len(places) > 1, "participants": len(people) > 1,
            "any": len(sources) > 1 and (len(dates) > 1 or len(places) > 1 or len(people) > 1)}


class HomeView(TemplateView):
    template_name = "meetings/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recent_meetings"] = Meeting.objects.with_participants()[:8]
        context["recent_statements"] = Statement.objects.with_related()[:5]
        context["counts"] = {
            "meetings": Meeting.objects.count(),
            "people": Person.objects.count(),
            "statements": Statement.objects.count(),
            "articles": Article.objects.count(),
        }
        return context


class SearchView(TemplateView):
    """One box over every kind of record: the best matches of each, with how many there are."""

    template_name = "meetings/search.html"
    max_length = 200

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        text = self.request.GET.get("q", "").strip()
        context["q"] = text
        if len(text) > self.max_length:
            context["error"] = f"A search is at most {self.max_length} characters long."
        elif text:
            context["groups"] = search.search_everything(text)
            context["total"] = sum(g.count for g in context["groups"])
        return context


class MeetingListView(ListPage):
    filterset_class = filters.MeetingFilter
    queryset = Meeting.objects.with_participants()
    template_name = "meetings/meeting_list.html"
    export = ("meetings.csv", exports.MEETING_HEADER, exports.meeting_rows)


class MeetingDetailView(DetailView):
    model = Meeting
    template_name = "meetings/meeting_detail.html"

    def get_queryset(self):
        return Meeting.objects.with_participants().select_related("parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.object
        context["statements"] = meeting.statements.with_related()
        sources = list(meeting.sources.select_related("article"))
        context["sources"] = sources
        context["claims"] = competing_claims(sources)
        context["side_meetings"] = meeting.side_meetings.all()
        return context


class PersonListView(ListPage):
    filterset_class = filters.PersonFilter
    queryset = (
        Person.objects.with_counts().with_latest_role().select_related("country", "organisation").order_by("name")
    )
    template_name = "meetings/person_list.html"


class PersonDetailView(DetailView):
    model = Person
    template_name = "meetings/person_detail.html"

    def get_queryset(self):
        return Person.objects.with_latest_role().select_related("country", "organisation")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        context["participations"] = (
            Participation.objects.filter(person=person)
            .select_related("meeting", "meeting__country", "country")
            .order_by("meeting__date")
        )
        context["statements"] = person.statements.with_related()
        context["counterparts"] = Person.objects.counterparts_of(person)[:20]
        return context


class CountryListView(ListPage):
    filterset_class = filters.CountryFilter
    queryset = Country.objects.with_counts().order_by("name")
    template_name = "meetings/country_list.html"
    paginate_by = 50


class CountryDetailView(DetailView):
    model = Country
    template_name = "meetings/country_detail.html"

    def get_object(self, queryset=None):
        return get_object_or_404(Country, code=self.kwargs["code"].upper())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        country = self.object
        context["meetings_held"] = Meeting.objects.filter(country=country).with_participants()[:50]
        context["meetings_attended"] = (
            Meeting.objects.filter(participations__country=country).distinct().with_participants()[:50]
        )
        context["people"] = country.people.all()[:100]
        context["counterparts"] = (
            Country.objects.filter(participations__meeting__participations__country=country)
            .exclude(pk=country.pk)
            .annotate(shared_meetings=Count("participations__meeting", distinct=True))
            .order_by("-shared_meetings", "name")[:15]
        )
        return context


class OrganisationListView(ListPage):
    filterset_class = filters.OrganisationFilter
    queryset = Organisation.objects.with_counts().select_related("country").order_by("name")
    template_name = "meetings/organisation_list.html"


class OrganisationDetailView(DetailView):
    model = Organisation
    template_name = "meetings/organisation_detail.html"

    def get_queryset(self):
        return Organisation.objects.select_related("country")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["meetings"] = self.object.meetings.with_participants()[:50]
        context["people"] = self.object.people.select_related("country")[:100]
        context["statements"] = self.object.statements.with_related()[:50]
        return context


class StatementListView(ListPage):
    filterset_class = filters.StatementFilter
    queryset = Statement.objects.with_related()
    template_name = "meetings/statement_list.html"
    export = ("statements.csv", exports.STATEMENT_HEADER, exports.statement_rows)


class StatementDetailView(DetailView):
    model = Statement
    template_name = "meetings/statement_detail.html"

    def get_queryset(self):
        return Statement.objects.with_related()


class ArticleListView(ListPage):
    filterset_class = filters.ArticleFilter
    queryset = Article.objects.with_counts().order_by("-published", "title")
    template_name = "meetings/article_list.html"


class ArticleDetailView(DetailView):
    model = Article
    template_name = "meetings/article_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        statements = list(article.statements.with_related().order_by("start"))
        sources = list(article.meeting_sources.select_related("meeting"))
        marks = [
            Mark(s.start, s.end, "statement", f"{s.speaker or s.speaker_organisation}: {s.get_kind_display()}",
                 s.get_absolute_url(), f"statement-{s.pk}")
            for s in statements if s.start is not None
        ] + [
            Mark(src.start, src.end, "meeting", str(src.meeting), src.meeting.get_absolute_url(), f"meeting-{src.meeting.pk}")
            for src in sources if src.start is not None
        ]
        context["segments"] = segment_text(article.text, marks)
        context["statements"] = statements
        context["meeting_sources"] = sources
        return context
