"""Atom feeds of newly recorded meetings, for any filter of the meetings list
(`/meetings/feed/?country=KG`): a researcher subscribes to a question."""
from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.db.models import Min
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from . import facets, filters
from .models import Meeting


class MeetingFeed(Feed):
    feed_type = Atom1Feed
    limit = 50

    def get_object(self, request):
        params = request.GET.copy()
        for key in facets.NOT_FILTERS:
            params.pop(key, None)
        filterset = filters.MeetingFilter(params, queryset=Meeting.objects.with_people())
        if not filterset.is_valid():
            problems = "; ".join(f"{field}: {' '.join(errors)}" for field, errors in filterset.errors.items())
            raise Http404(f"Some filters could not be used: {problems}")
        return {"filterset": filterset, "query": params.urlencode()}

    def title(self, obj):
        described = ", ".join(f"{f.label}: {f.value}" for f in facets.active_filters(obj["filterset"], obj["filterset"].data, []))
        return f"Chancery: new meetings{' — ' + described if described else ''}"

    def link(self, obj):
        return reverse("meetings:meeting_list") + (f"?{obj['query']}" if obj["query"] else "")

    def feed_url(self, obj):
        return reverse("meetings:meeting_feed") + (f"?{obj['query']}" if obj["query"] else "")

    def subtitle(self, obj):
        return "Meetings as they are recorded, newest first, with their participants."

    def items(self, obj):
        # Newest recorded first: ids grow as imports add meetings.
        return (
            obj["filterset"].qs.annotate(first_reported=Min("sources__article__imported_at"))
            .order_by("-pk")[: self.limit]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        people = ", ".join(p.name for p in item.people)
        where = ", ".join(x for x in [item.place, item.country.name if item.country else ""] if x)
        return " · ".join(x for x in [item.get_status_display(), item.get_kind_display(), item.date_display, where,
                                       people] if x)

    def item_updateddate(self, item):
        return item.first_reported

    def item_pubdate(self, item):
        return item.first_reported

    def item_categories(self, item):
        return [item.kind, item.status] + ([item.country.code] if item.country else [])
