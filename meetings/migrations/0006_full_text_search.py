"""Full-text search on PostgreSQL: the unaccent and pg_trgm extensions, the
`chancery` text search configuration (English stemming over unaccented words,
so "Cavusoglu" finds "Çavuşoğlu"), each searchable model's document stored in
a generated column with a GIN index, and a trigram index on people's names.
On SQLite the column holds NULL and no index is built: search falls back to
substring matching there (meetings/search.py)."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.functions.comparison
import meetings.search
from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations, models



class AddIndexOnPostgres(migrations.AddIndex):
    """An index only PostgreSQL can build (GIN); other databases keep it in the model state only."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


CREATE_CONFIG = """
CREATE TEXT SEARCH CONFIGURATION chancery (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION chancery
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
"""


def create_search_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_CONFIG)


def drop_search_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS chancery")


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0005_list_order_indexes'),
    ]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(create_search_configuration, drop_search_configuration),
        migrations.AddField(
            model_name='article',
            name='search_document',
            field=models.GeneratedField(db_persist=True, expression=meetings.search.Document(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title', config='chancery', weight='A'), '||', django.contrib.postgres.search.SearchVector('source', config='chancery', weight='B'), django.contrib.postgres.search.SearchConfig('chancery')), '||', django.contrib.postgres.search.SearchVector('text', config='chancery', weight='C'), django.contrib.postgres.search.SearchConfig('chancery'))), output_field=django.contrib.postgres.search.SearchVectorField(), serialize=False),
        ),
        migrations.AddField(
            model_name='meeting',
            name='search_document',
            field=models.GeneratedField(db_persist=True, expression=meetings.search.Document(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title', config='chancery', weight='A'), '||', django.contrib.postgres.search.SearchVector('place', 'date_phrase', config='chancery', weight='B'), django.contrib.postgres.search.SearchConfig('chancery'))), output_field=django.contrib.postgres.search.SearchVectorField(), serialize=False),
        ),
        migrations.AddField(
            model_name='organisation',
            name='search_document',
            field=models.GeneratedField(db_persist=True, expression=meetings.search.Document(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('name', 'acronym', config='chancery', weight='A'), '||', django.contrib.postgres.search.SearchVector(django.db.models.functions.comparison.Cast('aliases', models.TextField()), config='chancery', weight='B'), django.contrib.postgres.search.SearchConfig('chancery'))), output_field=django.contrib.postgres.search.SearchVectorField(), serialize=False),
        ),
        migrations.AddField(
            model_name='person',
            name='search_document',
            field=models.GeneratedField(db_persist=True, expression=meetings.search.Document(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('name', config='chancery', weight='A'), '||', django.contrib.postgres.search.SearchVector(django.db.models.functions.comparison.Cast('aliases', models.TextField()), config='chancery', weight='B'), django.contrib.postgres.search.SearchConfig('chancery'))), output_field=django.contrib.postgres.search.SearchVectorField(), serialize=False),
        ),
        migrations.AddField(
            model_name='statement',
            name='search_document',
            field=models.GeneratedField(db_persist=True, expression=meetings.search.Document(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('text', config='chancery', weight='A'), '||', django.contrib.postgres.search.SearchVector('role', config='chancery', weight='C'), django.contrib.postgres.search.SearchConfig('chancery'))), output_field=django.contrib.postgres.search.SearchVectorField(), serialize=False),
        ),
        AddIndexOnPostgres(
            model_name='article',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_document'], name='article_search_idx'),
        ),
        AddIndexOnPostgres(
            model_name='meeting',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_document'], name='meeting_search_idx'),
        ),
        AddIndexOnPostgres(
            model_name='organisation',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_document'], name='organisation_search_idx'),
        ),
        AddIndexOnPostgres(
            model_name='person',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_document'], name='person_search_idx'),
        ),
        AddIndexOnPostgres(
            model_name='person',
            index=django.contrib.postgres.indexes.GinIndex(fields=['name'], name='person_name_trgm_idx', opclasses=['gin_trgm_ops']),
        ),
        AddIndexOnPostgres(
            model_name='statement',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_document'], name='statement_search_idx'),
        ),
    ]
