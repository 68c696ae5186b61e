import django.contrib.postgres.indexes
import django.contrib.postgres.search
import meetings.search
from django.db import migrations, models


class OnPostgres:
    """An operation on a GIN index, which only PostgreSQL builds (other databases keep it in the state only)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class AddIndexOnPostgres(OnPostgres, migrations.AddIndex):
    pass


class RemoveIndexOnPostgres(OnPostgres, migrations.RemoveIndex):
    pass


def fill(apps, schema_editor):
    """Each meeting's participants' names and aliases, one a line, as services/counters.py writes them from
    now on. Written before the search document is added back, so that it is computed and indexed once."""
    Participation = apps.get_model("meetings", "Participation")
    names: dict[int, list[str]] = {}
    rows = Participation.objects.order_by("meeting", "pk").values_list("meeting", "person__name", "person__aliases")
    for meeting, name, aliases in rows.iterator(5000):
        listed = names.setdefault(meeting, [])
        written = [a for a in aliases if isinstance(a, str)] if isinstance(aliases, list) else []
        listed += [n for n in dict.fromkeys([name, *written]) if n and n not in listed]
    with schema_editor.connection.cursor() as cursor:
        cursor.executemany("UPDATE meetings_meeting SET participant_names = %s WHERE id = %s",
                           [("\n".join(listed), meeting) for meeting, listed in names.items()])


GIN = django.contrib.postgres.indexes.GinIndex(fields=['search_document'], name='meeting_search_idx')


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0016_participation_meeting_dates'),
    ]

    # A generated column's expression cannot be altered: the document is dropped and added back with the names.
    operations = [
        RemoveIndexOnPostgres(model_name='meeting', name='meeting_search_idx'),
        migrations.RemoveField(model_name='meeting', name='search_document'),
        migrations.AddField(
            model_name='meeting',
            name='participant_names',
            field=models.TextField(blank=True, default='', editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AddField(
            model_name='meeting',
            name='search_document',
            field=models.GeneratedField(db_persist=True, expression=meetings.search.Document(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title', config='chancery', weight='A'), '||', django.contrib.postgres.search.SearchVector('place', 'date_phrase', config='chancery', weight='B'), django.contrib.postgres.search.SearchConfig('chancery')), '||', django.contrib.postgres.search.SearchVector('participant_names', config='chancery', weight='C'), django.contrib.postgres.search.SearchConfig('chancery'))), output_field=django.contrib.postgres.search.SearchVectorField(), serialize=False),
        ),
        AddIndexOnPostgres(model_name='meeting', index=GIN),
    ]
