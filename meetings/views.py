"""Thin views: a FilterSet and a QuerySet for each list, a QuerySet for each
detail page. Query logic lives in querysets.py."""
from __future__ import annotations

from django.db.models import F
from django.urls import reverse
from django.http import JsonResponse
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from django.conf import settings

from . import exports, facets, filters, quality, search, serializers, timelines
from .counting import CappedPaginator, table_total
from .facets import FacetSpec
from .highlight import Mark, marked_html, segment_text
from .querysets import RECENT_MEETINGS
from .models import Article, Country, Meeting, MeetingCountry, Organisation, Participation, Person, Statement


def json_response(data, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False, "indent": 1})


class ListPage(FilterView):
    """A filterable, sortable, paginated list; the filter state lives in the URL.

    The same URL with `format=csv` downloads every matching row, with
    `format=json` gives the page's rows and the links of the pages around it.
    """

    paginate_by = 25
    paginator_class = CappedPaginator  # no COUNT(*) over a million rows, no OFFSET past 10,000
    strict = True  # an invalid filter value shows its error and an empty list, never a 500
    export = None  # (filename, header, rows function) for ?format=csv
    serializer = None  # a function of meetings.serializers for ?format=json
    facet_specs: list[FacetSpec] = []

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        if self.request.GET.get("q", "").strip():
            kwargs.setdefault("cap", search.SEARCH_CAP)
            kwargs["parts"] = getattr(self.filterset, "search_parts", ())
        stored = getattr(self.filterset, "stored_count", None)
        if stored is not None and (count := stored()) is not None:
            kwargs["known_count"] = count
        elif not queryset.query.where and search.on_postgres():  # the whole table: PostgreSQL's statistics
            kwargs["known_count"] = table_total(queryset.model).value
        if self.facet_head() is not None:
            kwargs["head"] = (self.facet_head(), facets.FACET_ROWS)
            queryset = queryset.order_by(*facets.own_order(queryset.model))  # the head's order, past it too
        return self.paginator_class(queryset, per_page, orphans=orphans, allow_empty_first_page=allow_empty_first_page,
                                    rows=self.get_queryset(), **kwargs)

    def facet_head(self) -> list[int] | None:
        """The first ids of the filtered list that its facets count, read once when the list shows in that
        order: its first pages are cut from them (the same query with LIMIT 25 had cost as much again)."""
        if not hasattr(self, "_facet_head"):
            valid = not self.filterset.is_bound or self.filterset.is_valid()
            shown = self.facet_specs and self.request.GET.get("format") != "csv" and valid
            self._facet_head = (facets.first_ids(self.object_list)
                                if shown and facets.in_own_order(self.object_list) else None)
        return self._facet_head

    def get(self, request, *args, **kwargs):
        if self.export and request.GET.get("format") == "csv":
            return self.export_response()
        return super().get(request, *args, **kwargs)

    def export_response(self):
        """Every filtered row, streamed: no count and no page are computed first."""
        filterset = self.get_filterset(self.get_filterset_class())
        rows = filterset.qs if filterset.is_valid() else filterset.queryset.none()
        filename, header, make_rows = self.export
        return exports.csv_response(filename, header, make_rows(rows, self.request.build_absolute_uri))

    def render_to_response(self, context, **response_kwargs):
        if self.request.GET.get("format") == "json":
            return self.render_json(context)
        return super().render_to_response(context, **response_kwargs)

    def render_json(self, context):
        if context["filter_errors"]:
            errors = {field: list(messages) for field, messages in context["filter_errors"].items()}
            return json_response({"errors": errors}, status=400)
        absolute = self.request.build_absolute_uri
        page = context["page_obj"]
        return json_response({
            "count": context["paginator"].count,
            "next": self.page_link(page.next_page_number()) if page.has_next() else None,
            "previous": self.page_link(page.previous_page_number()) if page.has_previous() else None,
            "results": [self.serializer(obj, absolute) for obj in context["object_list"]],
            "facets": {f.param: [{"value": c.value, "label": c.label, "count": c.count} for c in f.choices]
                       for f in context["facets"]},
        })

    def page_link(self, number: int) -> str:
        params = self.request.GET.copy()
        params["page"] = number
        return self.request.build_absolute_uri(f"{self.request.path}?{params.urlencode()}")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET.copy()
        params.pop("page", None)
        context["querystring"] = params.urlencode()
        params.pop("format", None)
        context["export_url"] = f"?{params.urlencode()}&format=csv" if params else "?format=csv"
        context["json_url"] = f"?{params.urlencode()}&format=json" if params else "?format=json"
        context["can_export"] = self.export is not None
        context["filter_errors"] = self.filterset.errors if self.filterset.is_bound else {}
        if self.request.GET.get("format") != "csv":
            valid = not self.filterset.is_bound or self.filterset.is_valid()
            context["facets"] = facets.compute(self.filterset_class, self.request.GET, self.get_queryset(),
                                               self.facet_specs, filtered=self.object_list if valid else None,
                                               filtered_ids=self.facet_head())
            context["facet_rows"] = facets.FACET_ROWS
            context["facets_sampled"] = context["paginator"] is not None and \
                context["paginator"].count > facets.FACET_ROWS
            context["active_filters"] = facets.active_filters(self.filterset, self.request.GET, context["facets"])
        return context


def rows_of(request, meetings):
    """Meetings as a page lists them: with their participants' names, or whole for the JSON."""
    return meetings.with_participants() if request.GET.get("format") == "json" else meetings.with_people()


def page_of(request, queryset, param: str, per_page: int = 25, count: int | None = None):
    """One page of a list inside a detail page; `param` carries its page number in the URL. `count`:
    how many rows it has, when known without counting them."""
    return CappedPaginator(queryset, per_page, known_count=count).get_page(request.GET.get(param))
class DetailPage(DetailView):
    """A record's page; with `?format=json`, the record and what the page shows of it."""

    def render_to_response(self, context, **response_kwargs):
        if self.request.GET.get("format") == "json":
            return json_response(self.as_json(context, self.request.build_absolute_uri))
        return super().render_to_response(context, **response_kwargs)

    def as_json(self, context, absolute) -> dict:
        raise NotImplementedError


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
        context["recent_meetings"] = Meeting.objects.with_people()[:8]
        context["recent_statements"] = Statement.objects.with_related()[:5]
        # Whole-table totals from PostgreSQL's statistics once tables are large: no scan per page view.
        context["counts"] = {
            "meetings": table_total(Meeting),
            "people": table_total(Person),
            "statements": table_total(Statement),
            "articles": table_total(Article),
        }
        return context


class SearchView(TemplateView):
    """One box over every kind of record: the best matches of each, with how many there are."""

    template_name = "meetings/search.html"
    max_length = filters.MAX_SEARCH_LENGTH

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        text = self.request.GET.get("q", "").strip()
        context["q"] = text
        if len(text) > self.max_length:
            context["error"] = f"A search is at most {self.max_length} characters long."
        elif len(text.split()) > filters.MAX_SEARCH_WORDS:
            context["error"] = f"Search for at most {filters.MAX_SEARCH_WORDS} words."
        elif text:
            context["groups"] = search.search_everything(text)
            context["total"] = sum(g.count for g in context["groups"])
            context["more"] = any(g.more for g in context["groups"])
        return context

    def render_to_response(self, context, **response_kwargs):
        if self.request.GET.get("format") != "json":
            return super().render_to_response(context, **response_kwargs)
        if "error" in context:
            return json_response({"errors": {"q": [context["error"]]}}, status=400)
        return json_response({"q": context["q"], "groups": [
            {"kind": g.key, "count": g.count, "more": g.more, "list_url": self.request.build_absolute_uri(g.list_url),
             "results": [{"url": self.request.build_absolute_uri(h.url), "title": str(h.title),
                          "snippet": str(h.snippet), "meta": h.meta} for h in g.hits]}
            for g in context.get("groups", [])
        ]})


class AboutDataView(TemplateView):
    """What extraction does and how well, and how much curators have reviewed."""

    template_name = "meetings/about_data.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["scores"] = quality.read_scores(settings.CHANCERY_QUALITY_FILE)
        context["fields"] = quality.FIELDS
        context["shares"] = quality.review_shares()
        return context


def person_suggestions(request):
    """What the participant and speaker boxes suggest as one types: names, best matches first."""
    text = request.GET.get("q", "")[:100]
    return json_response({"results": [
        {"slug": p.slug, "name": p.name, "label": serializers.person_label(p)}
        for p in Person.objects.suggestions(text)
    ]})


class MeetingListView(ListPage):
    filterset_class = filters.MeetingFilter
    queryset = Meeting.objects.all()
    template_name = "meetings/meeting_list.html"
    export = ("meetings.csv", exports.MEETING_HEADER, exports.meeting_rows)
    serializer = staticmethod(serializers.meeting)
    facet_specs = [
        FacetSpec("status", "Status", "status", labels=dict(Meeting.Status.choices)),
        FacetSpec("kind", "Kind", "kind", labels=dict(Meeting.Kind.choices)),
        FacetSpec("country", "Country (held in or taking part)", more=MeetingCountry.objects.of_meetings),
        FacetSpec("organisation", "Forum", "organisation__slug", "organisation__name"),
        FacetSpec("date", "Year", "date", year=True),
    ]

    def get_queryset(self):
        return rows_of(self.request, super().get_queryset())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET.copy()
        for key in facets.NOT_FILTERS:
            params.pop(key, None)
        context["feed_url"] = reverse("meetings:meeting_feed") + (f"?{params.urlencode()}" if params else "")
        return context


class MeetingDetailView(DetailPage):
    model = Meeting
    template_name = "meetings/meeting_detail.html"

    def get_queryset(self):
        return Meeting.objects.with_participants().select_related("parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.object
        context["statements"] = page_of(self.request, meeting.statements.with_related(), "statements_page")
        sources = list(meeting.sources.select_related("article"))
        context["sources"] = sources
        context["claims"] = competing_claims(sources)
        context["side_meetings"] = page_of(self.request, meeting.side_meetings.all(), "side_page", 50)
        return context

    def as_json(self, context, absolute):
        return serializers.meeting_detail(self.object, absolute, statements=context["statements"],
                                          sources=context["sources"], side_meetings=context["side_meetings"])


class PersonListView(ListPage):
    filterset_class = filters.PersonFilter
    queryset = (
        # Counts and latest office are stored (services/counters.py): sorting by a count reads an index.
        Person.objects.select_related("country", "organisation").order_by("name")
    )
    template_name = "meetings/person_list.html"
    export = ("people.csv", exports.PERSON_HEADER, exports.person_rows)
    serializer = staticmethod(serializers.person)
    facet_specs = [
        FacetSpec("country", "Country", "country__code", "country__name"),
        FacetSpec("organisation", "Organisation", "organisation__slug", "organisation__name"),
    ]


class PersonDetailView(DetailPage):
    model = Person
    template_name = "meetings/person_detail.html"

    def get_queryset(self):
        return Person.objects.select_related("country", "organisation")

    timeline_length = 25  # the latest entries; the paginated lists below hold the rest

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        participations = (
            Participation.objects.filter(person=person)
            .select_related("meeting", "meeting__country", "country")
            .order_by(F("meeting_date").desc(nulls_last=True), "meeting__title", "pk")  # participation_person_date_idx
        )
        # Counted by their stored counts (services/counters.py), not again on each view.
        meetings = page_of(self.request, participations, "meetings_page", self.timeline_length,
                           count=person.meetings_count)
        statements = page_of(self.request, person.statements.with_related(), "statements_page", self.timeline_length,
                             count=person.statements_count)
        # The latest of both lists, newest first: their first pages when they are shown (read once, not twice).
        latest_meetings = meetings if meetings.number == 1 else participations[: self.timeline_length]
        latest_said = statements if statements.number == 1 else person.statements.with_related()[: self.timeline_length]
        context["timeline"] = timelines.timeline(latest_meetings, latest_said)[: self.timeline_length]
        context["participations"], context["statements"] = meetings, statements
        context["offices"] = list(person.offices.all())  # stored by services/counters.py
        # Both from their latest meetings, read once, so that the busiest person's page costs what anyone's does.
        recent = list(Participation.objects.filter(person=person)
                      .order_by(F("meeting_date").desc(nulls_last=True), "meeting_id")  # participation_person_date_idx
                      .values_list("meeting", flat=True)[:RECENT_MEETINGS])
        context["counterparts"] = list(Person.objects.counterparts_of(person, recent=recent)
                                       .only("name", "slug", "country__code", "country__name")[:20])
        context["countries_met"] = list(Country.objects.met_by(person, recent=recent)[:15])
        context["recent_meetings"] = RECENT_MEETINGS
        return context

    def as_json(self, context, absolute):
        return {
            **serializers.person(self.object, absolute),
            "offices": [{"role": o.role, "first": serializers.iso_date(o.first), "last": serializers.iso_date(o.last),
                         "times": o.times} for o in context["offices"]],
            "meetings": [{"meeting": p.meeting.slug, "url": absolute(p.meeting.get_absolute_url()),
                          "title": p.meeting.title, "date": serializers.iso_date(p.meeting.date), "role": p.role,
                          "country": serializers.country_code(p.country)} for p in context["participations"]],
            "statements": [serializers.statement(s, absolute) for s in context["statements"]],
            "counterparts": [{"person": c.slug, "name": c.name, "country": serializers.country_code(c.country),
                              "meetings": c.shared_meetings} for c in context["counterparts"]],
            "countries_met": [{"country": c.code, "meetings": c.shared_meetings} for c in context["countries_met"]],
        }


class CountryListView(ListPage):
    filterset_class = filters.CountryFilter
    queryset = Country.objects.with_counts().order_by("name")
    template_name = "meetings/country_list.html"
    paginate_by = 50
    export = ("countries.csv", exports.COUNTRY_HEADER, exports.country_rows)
    serializer = staticmethod(serializers.country)

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.with_held_counts() if self.request.GET.get("format") in ("json", "csv") else queryset


class CountryDetailView(DetailPage):
    model = Country
    template_name = "meetings/country_detail.html"

    def get_object(self, queryset=None):
        return get_object_or_404(Country, code=self.kwargs["code"].upper())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        country = self.object
        # Stored by services/counters.py: the chart, and how many meetings each of the two lists holds.
        context["per_year"], held_count, attended_count = country.years.summary()
        context["chart"] = timelines.year_chart(context["per_year"])
        held = Meeting.objects.filter(country=country).with_people()
        context["meetings_held"] = page_of(self.request, held, "held_page", count=held_count)
        representatives = Participation.objects.filter(country=country)
        attended = Meeting.objects.filter(pk__in=representatives.values("meeting_id"))
        context["meetings_attended"] = page_of(self.request, attended.with_people(), "attended_page",
                                               count=attended_count)
        context["people"] = page_of(self.request, country.people.only("name", "slug", "country"), "people_page", 100)
        # Both from its latest meetings, read once, so that the busiest country's page costs what any one's does.
        recent = Meeting.objects.latest_involving(country, RECENT_MEETINGS)
        context["counterparts"] = list(Country.objects.counterparts_of(country, recent=recent)[:15])
        context["forums"] = list(Organisation.objects.forums_of(recent).only("name", "slug")[:15])
        context["recent_meetings"] = RECENT_MEETINGS
        return context

    def as_json(self, context, absolute):
        return {
            **serializers.country(self.object, absolute),
            "meetings_per_year": [{"year": y, "meetings": n} for y, n in context["per_year"]],
            "counterparts": [{"country": c.code, "name": c.name, "meetings": c.shared_meetings,
                              "pair_url": absolute(reverse("meetings:country_pair", args=[self.object.code, c.code]))}
                             for c in context["counterparts"]],
            "forums": [{"organisation": o.slug, "name": o.name, "meetings": o.shared_meetings}
                       for o in context["forums"]],
            "people": [p.slug for p in context["people"]],
        }


class CountryPairView(DetailPage):
    """Every meeting between people of two countries, and what was said at them, by year."""

    template_name = "meetings/country_pair.html"
    context_object_name = "country"
    per_page = 20
    said_per_meeting = 3  # the meeting's page has the rest

    def get_object(self, queryset=None):
        first, second = self.kwargs["code"].upper(), self.kwargs["other"].upper()
        if first == second:
            raise Http404("A country pair names two different countries.")
        countries = {c.code: c for c in Country.objects.filter(code__in=[first, second])}
        if len(countries) < 2:
            raise Http404("No such country.")
        self.other = countries[second]
        return countries[first]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meetings = Meeting.objects.between_countries(self.object, self.other)
        stored = self.object.pair_years.filter(partner=self.other)  # kept by services/counters.py
        page = CappedPaginator(rows_of(self.request, meetings), self.per_page, known_count=stored.total()).get_page(
            self.request.GET.get("page"))
        # The ids of what was said first, then only the rows shown: a busy pair's 20 meetings held 180
        # statements, each built with its speaker, meeting and article, to show 60 of them.
        ids: dict[int, list[int]] = {}
        for pk, meeting in Statement.objects.filter(meeting__any=[m.pk for m in page]).values_list("pk", "meeting"):
            ids.setdefault(meeting, []).append(pk)
        shown = {pk for pks in ids.values() for pk in pks[: self.said_per_meeting]}
        said = {}
        for statement in Statement.objects.filter(pk__any=shown).with_related():
            said.setdefault(statement.meeting_id, []).append(statement)
        for meeting in page:
            meeting.said = said.get(meeting.pk, [])
            meeting.said_more = len(ids.get(meeting.pk, [])) > self.said_per_meeting
        context.update(other=self.other, meetings=page, meeting_count=page.paginator.count,
                       capped=page.paginator.capped, per_year=stored.per_year())
        context["chart"] = timelines.year_chart(context["per_year"])
        return context

    def as_json(self, context, absolute):
        return {
            "countries": [serializers.country(c, absolute) for c in (self.object, self.other)],
            "count": context["meeting_count"],
            "meetings_per_year": [{"year": y, "meetings": n} for y, n in context["per_year"]],
            "meetings": [{**serializers.meeting(m, absolute),
                          "statements": [serializers.statement(s, absolute) for s in m.said]}
                         for m in context["meetings"]],
        }


class OrganisationListView(ListPage):
    filterset_class = filters.OrganisationFilter
    queryset = Organisation.objects.select_related("country").order_by("name")  # counts stored on each row
    template_name = "meetings/organisation_list.html"
    export = ("organisations.csv", exports.ORGANISATION_HEADER, exports.organisation_rows)
    serializer = staticmethod(serializers.organisation)
    facet_specs = [FacetSpec("kind", "Kind", "kind", labels=dict(Organisation.Kind.choices))]


class OrganisationDetailView(DetailPage):
    model = Organisation
    template_name = "meetings/organisation_detail.html"

    def get_queryset(self):
        return Organisation.objects.select_related("country")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.object
        context["per_year"] = organisation.meetings.all().per_year()  # from meeting_organisation_date_idx alone
        context["chart"] = timelines.year_chart(context["per_year"])
        recent = organisation.meetings.values("pk")[:RECENT_MEETINGS]  # the latest, as for a country's forums
        context["countries"] = list(Country.objects.represented_at(recent)[:30])
        context["recent_meetings"] = RECENT_MEETINGS
        context["meetings"] = page_of(self.request, rows_of(self.request, organisation.meetings.all()), "meetings_page")
        context["people"] = page_of(self.request, organisation.people.select_related("country"), "people_page", 100)
        context["statements"] = page_of(self.request, organisation.statements.with_related(), "statements_page")
        return context

    def as_json(self, context, absolute):
        return {
            **serializers.organisation(self.object, absolute),
            "meetings_per_year": [{"year": y, "meetings": n} for y, n in context["per_year"]],
            "countries": [{"country": c.code, "meetings": c.shared_meetings} for c in context["countries"]],
            "meetings": [serializers.meeting(m, absolute) for m in context["meetings"]],
            "people": [p.slug for p in context["people"]],
        }


class StatementListView(ListPage):
    filterset_class = filters.StatementFilter
    queryset = Statement.objects.with_related()
    template_name = "meetings/statement_list.html"
    export = ("statements.csv", exports.STATEMENT_HEADER, exports.statement_rows)
    serializer = staticmethod(serializers.statement)
    facet_specs = [
        FacetSpec("kind", "Kind", "kind", labels=dict(Statement.Kind.choices)),
        FacetSpec("country", "Speaker's country", "speaker__country__code", "speaker__country__name"),
        FacetSpec("date", "Year", "date", year=True),
    ]


class StatementDetailView(DetailPage):
    model = Statement
    template_name = "meetings/statement_detail.html"

    def get_queryset(self):
        # The page names its source: the article's title and outlet, its text (23 KB on average) left behind.
        return Statement.objects.with_related().select_related("article").defer("article__text")

    def as_json(self, context, absolute):
        return serializers.statement(self.object, absolute)


class ArticleListView(ListPage):
    filterset_class = filters.ArticleFilter
    queryset = Article.objects.with_counts().defer("text")
    template_name = "meetings/article_list.html"
    export = ("articles.csv", exports.ARTICLE_HEADER, exports.article_rows)
    serializer = staticmethod(serializers.article)
    facet_specs = [
        FacetSpec("source", "Outlet", "source"),
        FacetSpec("published", "Year", "published", year=True),
    ]


class ArticleDetailView(DetailPage):
    model = Article
    template_name = "meetings/article_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        passages = article.statements.order_by("start").passages()
        sources = list(article.meeting_sources.select_related("meeting"))
        marks = [
            Mark(p.start, p.end, "statement", f"{p.speaker}: {p.kind}", f"statement-{p.pk}")
            for p in passages if p.start is not None
        ] + [
            Mark(src.start, src.end, "meeting", str(src.meeting), f"meeting-{src.meeting.pk}")
            for src in sources if src.start is not None
        ]
        context["marked_text"] = mark_safe(marked_html(segment_text(article.text, marks)))  # escaped there
        context["passages"] = passages
        context["meeting_sources"] = sources
        return context

    def as_json(self, context, absolute):
        return {
            **serializers.article(self.object, absolute),
            "text": self.object.text,
            "meetings": [{"meeting": s.meeting.slug, "url": absolute(s.meeting.get_absolute_url()),
                          "start": s.start, "end": s.end} for s in context["meeting_sources"]],
            "statements": [serializers.statement(s, absolute)
                           for s in self.object.statements.order_by("start").with_related()],
        }
