"""The curators' workbench. Provenance (source article, span, extraction rule
and confidence) is shown read-only; a field a curator changes is added to the
record's locked_fields so that re-imports leave it alone."""
from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.contrib import admin, messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from . import search as site_search
from .counting import estimated_count, table_total
from .filters import MAX_SEARCH_LENGTH
from .forms import ArticleImportForm, ReviewForm, SplitForm
from .models import (
    Article, ArticleUpload, Country, Meeting, MeetingSource, Organisation, Participation, Person, Statement,
)
from .services import counters, curation, uploads
from .services.importing import LOW_CONFIDENCE
from .services.locks import hold_record_writes_lock

PROVENANCE = ("confidence", "extraction_rule", "review_note")


class EstimatedPaginator(Paginator):
    """The admin's pages, counted without reading a large table: the whole table from PostgreSQL's
    statistics (counting.table_total), a filtered list exactly up to 10,000 rows and from the planner's
    estimate past that (counting.estimated_count). COUNT(*) over a million statements took 64 ms, over
    the unreviewed ones 234 ms, on each view of the list."""

    @cached_property
    def count(self) -> int:
        if not self.object_list.query.where:
            return table_total(self.object_list.model).value
        return estimated_count(self.object_list)


class LargeTableAdmin(admin.ModelAdmin):
    """A change list that costs the same at a million rows: no second count of the whole table, no
    date hierarchy (its years were a DISTINCT over every row: 260 ms for statements, then 1.5 s
    with a search), and the site's full-text search on PostgreSQL, served by the search index (the
    admin's icontains over the text of a million statements took 5.7 s)."""

    paginator = EstimatedPaginator
    show_full_result_count = False
    # Search the large tables as the site does (whole words, any form of them) rather than by substring.
    # Autocomplete boxes keep the substring search: a curator types the start of a name there.
    full_text_search = False

    def get_search_results(self, request, queryset, search_term):
        search_term = search_term[:MAX_SEARCH_LENGTH]
        autocomplete = getattr(request.resolver_match, "url_name", None) == "autocomplete"
        if self.full_text_search and search_term.strip() and site_search.on_postgres() and not autocomplete:
            return queryset.search(search_term), False
        return super().get_search_results(request, queryset, search_term)


class CountsKeptAdmin(LargeTableAdmin):
    """A save or delete recounts the stored counts (services/counters.py) of the records the
    edited rows, inline rows included, pointed at before the change and point at after it.

    It holds the record-writes lock, as imports and merges do: two writers recounting the same
    country at once could each insert its undated row (NULL years are never equal to a unique index)."""

    def save_model(self, request, obj, form, change):
        hold_record_writes_lock()  # the admin's save runs in a transaction, until the inlines are saved
        form.counts_touched = counters.touched_by(self.model, [obj.pk]) if change else counters.Touched()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        counters.counters_refresh(form.counts_touched | counters.touched_by(self.model, [form.instance.pk]))

    def delete_model(self, request, obj):
        hold_record_writes_lock()
        touched = counters.touched_by(self.model, [obj.pk])
        super().delete_model(request, obj)
        counters.counters_refresh(touched)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():  # the "delete selected" action runs outside the admin's transactions
            hold_record_writes_lock()
            touched = counters.touched_by(self.model, list(queryset.values_list("pk", flat=True)))
            super().delete_queryset(request, queryset)
            counters.counters_refresh(touched)


class CuratedAdmin(CountsKeptAdmin):
    """Records which fields a curator changed, and offers 'mark reviewed'."""

    actions = ["mark_reviewed"]

    def save_model(self, request, obj, form, change):
        if change:
            _lock_edited(obj, form)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        # A participation or statement edited in a meeting's inline is a curator's
        # edit too: a re-import must leave it alone as it leaves the meeting.
        for inline in formset.forms:
            if hasattr(inline.instance, "locked_fields") and inline.has_changed() \
                    and not formset._should_delete_form(inline):
                _lock_edited(inline.instance, inline)
        super().save_formset(request, form, formset, change)

    @admin.action(description="Mark selected records as reviewed")
    def mark_reviewed(self, request, queryset):
        updated = queryset.update(reviewed=True, review_note="")
        self.message_user(request, f"{updated} record(s) marked reviewed.")


def _lock_edited(record, form) -> None:
    """Add the fields a curator changed in `form` to the record's locked_fields."""
    edited = {name for name in form.changed_data if name not in {"reviewed", "locked_fields", "DELETE", "id"}}
    record.locked_fields = sorted(set(record.locked_fields) | edited)


def _merge(modeladmin, request, queryset, merge, label):
    records = list(queryset)
    if len(records) < 2:
        modeladmin.message_user(request, f"Select at least two {label} to merge.", messages.WARNING)
        return None
    # Keep the record curators have worked on, else the best documented one.
    keep = max(records, key=lambda r: (r.reviewed, bool(r.locked_fields), r.participations.count(), -r.pk))
    merge(keep=keep, others=[r for r in records if r.pk != keep.pk])
    modeladmin.message_user(request, f"Merged {len(records)} {label} into “{keep}”.")
    return redirect(reverse(f"admin:meetings_{keep._meta.model_name}_change", args=[keep.pk]))


def _split_view(modeladmin, request, record, articles, split):
    """Choose the sources whose records move to a new record, then split."""
    form = SplitForm(request.POST or None, articles=articles)
    if request.method == "POST" and form.is_valid():
        new = split([a.pk for a in form.cleaned_data["articles"]], form.cleaned_data["name"] or None)
        modeladmin.message_user(request, f"Moved the chosen sources' records to a new record, “{new}”.")
        return redirect(reverse(f"admin:meetings_{new._meta.model_name}_change", args=[new.pk]))
    return TemplateResponse(request, "admin/meetings/split.html", {
        **modeladmin.admin_site.each_context(request), "title": f"Split {record}", "record": record, "form": form,
        "opts": modeladmin.model._meta,
    })


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Organisation)
class OrganisationAdmin(CuratedAdmin):
    list_display = ["name", "acronym", "kind", "country", "reviewed"]
    list_filter = ["kind", "reviewed"]
    list_select_related = ["country"]
    search_fields = ["name", "acronym", "aliases"]
    autocomplete_fields = ["country"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = PROVENANCE


@admin.register(Person)
class PersonAdmin(CuratedAdmin):
    list_display = ["name", "country", "organisation", "reviewed", "confidence", "review_note"]
    list_filter = ["reviewed", "country"]
    list_select_related = ["country", "organisation"]
    search_fields = ["name", "aliases", "names__name"]
    autocomplete_fields = ["country", "organisation"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = (*PROVENANCE, "split_link")
    actions = ["mark_reviewed", "merge_people"]

    @admin.display(description="Wrongly merged?")
    def split_link(self, obj):
        if not obj.pk:
            return "—"
        return format_html('<a href="{}">Split this person by source</a>', reverse("admin:meetings_person_split", args=[obj.pk]))

    @admin.action(description="Merge selected people into one")
    def merge_people(self, request, queryset):
        return _merge(self, request, queryset, curation.person_merge, "people")

    def get_urls(self):
        return [path("<int:pk>/split/", self.admin_site.admin_view(self.split_view), name="meetings_person_split"),
                *super().get_urls()]

    def split_view(self, request, pk):
        person = get_object_or_404(Person, pk=pk)
        articles = Article.objects.filter(Q(participations__person=person) | Q(statements__speaker=person)).distinct()
        return _split_view(self, request, person, articles, lambda ids, name: curation.person_split(
            person=person, article_ids=ids, name=name))


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["person", "country", "organisation", "article"]
    fields = ["person", "role", "country", "organisation", "article", "start", "end", "reviewed"]
    readonly_fields = ["start", "end"]


class StatementInline(admin.StackedInline):
    model = Statement
    extra = 0
    autocomplete_fields = ["speaker", "speaker_organisation", "article"]
    fields = ["speaker", "speaker_organisation", "role", "kind", "date", "text", "article", "start", "end", "reviewed"]
    readonly_fields = ["start", "end"]


class MeetingSourceInline(admin.TabularInline):
    model = MeetingSource
    extra = 0
    autocomplete_fields = ["article"]
    fields = ["article", "date", "date_phrase", "date_anchor", "date_precision", "place", "start", "end"]
    readonly_fields = ["date_phrase", "date_anchor", "start", "end"]


@admin.register(Meeting)
class MeetingAdmin(CuratedAdmin):
    list_display = ["title", "date", "status", "kind", "country", "organisation", "reviewed", "confidence", "review_note"]
    list_filter = ["status", "kind", "reviewed", "date", "country"]
    search_fields = ["title", "place", "participations__person__name"]
    full_text_search = True
    autocomplete_fields = ["country", "organisation", "parent"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ParticipationInline, StatementInline, MeetingSourceInline]
    list_select_related = ["country", "organisation"]
    actions = ["mark_reviewed", "merge_meetings"]
    readonly_fields = (*PROVENANCE, "split_link")

    @admin.display(description="Wrongly merged?")
    def split_link(self, obj):
        if not obj.pk:
            return "—"
        return format_html('<a href="{}">Split this meeting by source</a>', reverse("admin:meetings_meeting_split", args=[obj.pk]))

    @admin.action(description="Merge selected meetings into one")
    def merge_meetings(self, request, queryset):
        return _merge(self, request, queryset, curation.meeting_merge, "meetings")

    def get_urls(self):
        return [
            path("review/", self.admin_site.admin_view(self.review_view), name="meetings_review"),
            path("<int:pk>/split/", self.admin_site.admin_view(self.split_view), name="meetings_meeting_split"),
            *super().get_urls(),
        ]

    def split_view(self, request, pk):
        meeting = get_object_or_404(Meeting, pk=pk)
        articles = Article.objects.filter(meeting_sources__meeting=meeting).distinct()
        return _split_view(self, request, meeting, articles, lambda ids, name: curation.meeting_split(
            meeting=meeting, article_ids=ids))

    def review_view(self, request):
        """Unreviewed records that are uncertain, with the passages they came from."""
        if request.method == "POST":
            form = ReviewForm(request.POST)
            if form.is_valid():
                model = {"meeting": Meeting, "person": Person, "statement": Statement}[form.cleaned_data["model"]]
                model.objects.filter(pk=form.cleaned_data["pk"]).update(reviewed=True, review_note="")
                self.message_user(request, "Marked reviewed.")
            else:
                self.message_user(request, "That is not a record of the review queue.", messages.ERROR)
            return redirect(reverse("admin:meetings_review"))
        uncertain = Q(reviewed=False) & (Q(confidence__lt=LOW_CONFIDENCE) | ~Q(review_note=""))
        context = {
            **self.admin_site.each_context(request),
            "title": "Review queue",
            "opts": self.model._meta,
            "meetings": Meeting.objects.filter(uncertain).prefetch_related("sources__article", "participations__person")[:100],
            "people": Person.objects.filter(uncertain).select_related("country")[:100],
            "statements": Statement.objects.filter(uncertain).select_related("speaker", "article")[:100],
        }
        return TemplateResponse(request, "admin/meetings/review.html", context)


@admin.register(Participation)
class ParticipationAdmin(CuratedAdmin):
    list_display = ["person", "meeting", "role", "country", "reviewed"]
    list_filter = ["reviewed"]
    search_fields = ["person__name", "meeting__title", "role"]
    autocomplete_fields = ["meeting", "person", "country", "organisation", "article"]
    readonly_fields = (*PROVENANCE, "source_passage")
    list_select_related = ["person", "meeting", "country"]

    @admin.display(description="Source passage")
    def source_passage(self, obj):
        return obj.passage or "—"


@admin.register(Statement)
class StatementAdmin(CuratedAdmin):
    list_display = ["__str__", "speaker", "kind", "date", "meeting", "reviewed", "confidence"]
    list_filter = ["kind", "reviewed", "date"]
    search_fields = ["text", "speaker__name"]
    full_text_search = True
    autocomplete_fields = ["speaker", "speaker_organisation", "meeting", "article"]
    readonly_fields = (*PROVENANCE, "source_passage")
    list_select_related = ["speaker", "meeting"]

    @admin.display(description="Source passage")
    def source_passage(self, obj):
        return obj.passage or "—"


@admin.register(Article)
class ArticleAdmin(CountsKeptAdmin):
    list_display = ["title", "source", "published", "imported_at"]
    list_filter = ["source", "published"]
    search_fields = ["title", "source", "text"]
    full_text_search = True
    # Every statement and meeting span indexes into the text: it is never edited by hand.
    readonly_fields = ["text", "content_hash", "imported_at", "filename"]

    def get_urls(self):
        return [path("import/", self.admin_site.admin_view(self.import_view), name="meetings_article_import"),
                path("import/<int:upload_id>/", self.admin_site.admin_view(self.upload_view),
                     name="meetings_article_upload"),
                *super().get_urls()]

    def add_view(self, request, form_url="", extra_context=None):
        # An article's text and hash come from its file: it is added by importing it.
        return redirect(reverse("admin:meetings_article_import"))

    def import_view(self, request):
        """Upload or paste an article: its bytes are kept and its extraction queued; the
        upload's page then shows its progress and what it gives, to confirm."""
        posted = request.method == "POST"
        form = ArticleImportForm(request.POST if posted else None, request.FILES if posted else None)
        if posted and form.is_valid():
            data = form.cleaned_data
            upload = uploads.upload_create(
                raw=data["raw"] if data["raw"] is not None else data["text"].encode("utf-8"),
                name=data["filename"], published=data["published"], source=data["source"], user=request.user)
            return redirect(reverse("admin:meetings_article_upload", args=[upload.pk]))
        return TemplateResponse(request, "admin/meetings/import.html", {
            **self.admin_site.each_context(request), "title": "Import an article", "form": form,
            "opts": self.model._meta,
        })

    def upload_view(self, request, upload_id):
        """An upload's progress: queued, extracting, what it gives (to confirm), storing, done or failed."""
        upload = get_object_or_404(ArticleUpload.objects.select_related("article", "uploaded_by"), pk=upload_id)
        if request.method == "POST" and "confirm" in request.POST:
            if not uploads.upload_confirm(upload=upload):
                self.message_user(request, "This upload is not waiting for confirmation.", messages.WARNING)
            return redirect(reverse("admin:meetings_article_upload", args=[upload.pk]))
        return TemplateResponse(request, "admin/meetings/upload.html", {
            **self.admin_site.each_context(request), "title": f"Import of {upload.name}", "upload": upload,
            "opts": self.model._meta, "worker_needed": settings.CHANCERY_TASKS == "database",
            "stale": uploads.upload_stale(upload), "stale_minutes": settings.CHANCERY_UPLOAD_STALE_MINUTES,
        })


@admin.register(ArticleUpload)
class ArticleUploadAdmin(admin.ModelAdmin):
    """The uploads, newest first, each linked to its progress page; made only by uploading."""

    list_display = ["name", "status", "outcome", "uploaded_by", "created_at", "progress"]
    list_filter = ["status"]
    search_fields = ["name"]
    fields = ["name", "status", "outcome", "error", "article", "uploaded_by", "created_at", "progress"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    @admin.display(description="Progress")
    def progress(self, obj):
        return format_html('<a href="{}">progress and results</a>', reverse("admin:meetings_article_upload",
                                                                           args=[obj.pk]))


@admin.register(MeetingSource)
class MeetingSourceAdmin(admin.ModelAdmin):
    list_display = ["meeting", "article", "date", "date_phrase"]
    search_fields = ["meeting__title", "article__title"]
    autocomplete_fields = ["meeting", "article"]
    readonly_fields = ["link"]

    @admin.display(description="Source")
    def link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.article.get_absolute_url(), obj.article.title)
