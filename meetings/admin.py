"""The curators' workbench. Provenance (source article, span, extraction rule
and confidence) is shown read-only; a field a curator changes is added to the
record's locked_fields so that re-imports leave it alone."""
from __future__ import annotations

from django.contrib import admin
from django.utils.html import format_html

from .models import (
    Article, Country, Meeting, MeetingSource, Organisation, Participation, Person, Statement,
)

PROVENANCE = ("confidence", "extraction_rule")


class CuratedAdmin(admin.ModelAdmin):
    """Records which fields a curator changed, and offers 'mark reviewed'."""

    actions = ["mark_reviewed"]

    def save_model(self, request, obj, form, change):
        if change:
            edited = [f for f in form.changed_data if f not in {"reviewed", "locked_fields"}]
            obj.locked_fields = sorted(set(obj.locked_fields) | set(edited))
        super().save_model(request, obj, form, change)

    @admin.action(description="Mark selected records as reviewed")
    def mark_reviewed(self, request, queryset):
        updated = queryset.update(reviewed=True)
        self.message_user(request, f"{updated} record(s) marked reviewed.")


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Organisation)
class OrganisationAdmin(CuratedAdmin):
    list_display = ["name", "acronym", "kind", "country", "reviewed"]
    list_filter = ["kind", "reviewed"]
    search_fields = ["name", "acronym", "aliases"]
    autocomplete_fields = ["country"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = PROVENANCE


@admin.register(Person)
class PersonAdmin(CuratedAdmin):
    list_display = ["name", "country", "organisation", "reviewed", "confidence"]
    list_filter = ["reviewed", "country"]
    search_fields = ["name", "aliases"]
    autocomplete_fields = ["country", "organisation"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = PROVENANCE


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
    list_display = ["title", "date", "status", "kind", "country", "organisation", "reviewed", "confidence"]
    list_filter = ["status", "kind", "reviewed", "organisation", "country"]
    search_fields = ["title", "place", "participations__person__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["country", "organisation", "parent"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = PROVENANCE
    inlines = [ParticipationInline, StatementInline, MeetingSourceInline]
    list_select_related = ["country", "organisation"]


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
    list_filter = ["kind", "reviewed"]
    search_fields = ["text", "speaker__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["speaker", "speaker_organisation", "meeting", "article"]
    readonly_fields = (*PROVENANCE, "source_passage")
    list_select_related = ["speaker", "meeting"]

    @admin.display(description="Source passage")
    def source_passage(self, obj):
        return obj.passage or "—"


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "published", "imported_at"]
    list_filter = ["source"]
    search_fields = ["title", "source", "text"]
    date_hierarchy = "published"
    readonly_fields = ["content_hash", "imported_at", "filename"]


@admin.register(MeetingSource)
class MeetingSourceAdmin(admin.ModelAdmin):
    list_display = ["meeting", "article", "date", "date_phrase"]
    search_fields = ["meeting__title", "article__title"]
    autocomplete_fields = ["meeting", "article"]
    readonly_fields = ["link"]

    @admin.display(description="Source")
    def link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.article.get_absolute_url(), obj.article.title)
