"""Counts stored on people and organisations (kept by meetings/services/counters.py), filled from the rows."""
import meetings.indexes
from django.db import migrations, models
from django.db.models import Func, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

# (model, stored field, counted model, its foreign key): the same as services.counters.COUNTERS.
COUNTS = [
    ("Person", "meetings_count", "Participation", "person"),
    ("Person", "statements_count", "Statement", "speaker"),
    ("Organisation", "meetings_count", "Meeting", "organisation"),
    ("Organisation", "people_count", "Person", "organisation"),
]


def fill_counts(apps, schema_editor):
    for model, stored, counted, foreign_key in COUNTS:
        rows = apps.get_model("meetings", counted).objects.filter(**{foreign_key: OuterRef("pk")}).order_by()
        count = rows.annotate(n=Func(template="COUNT(*)", output_field=IntegerField())).values("n")
        apps.get_model("meetings", model).objects.update(
            **{stored: Coalesce(Subquery(count, output_field=IntegerField()), 0)}
        )


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0007_article_uploads'),
    ]

    operations = [
        migrations.AddField(
            model_name='organisation',
            name='meetings_count',
            field=models.PositiveIntegerField(default=0, editable=False, help_text='Meetings in its frame.'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='people_count',
            field=models.PositiveIntegerField(default=0, editable=False, help_text='People speaking for it.'),
        ),
        migrations.AddField(
            model_name='person',
            name='meetings_count',
            field=models.PositiveIntegerField(default=0, editable=False, help_text='Meetings taken part in.'),
        ),
        migrations.AddField(
            model_name='person',
            name='statements_count',
            field=models.PositiveIntegerField(default=0, editable=False, help_text='Statements made.'),
        ),
        migrations.AddIndex(
            model_name='person',
            index=meetings.indexes.NullsLastIndex(models.OrderBy(models.F('meetings_count'), descending=True, nulls_last=True), models.F('name'), name='person_meetings_count_idx'),
        ),
        migrations.AddIndex(
            model_name='person',
            index=meetings.indexes.NullsLastIndex(models.OrderBy(models.F('statements_count'), descending=True, nulls_last=True), models.F('name'), name='person_statements_count_idx'),
        ),
        migrations.RunPython(fill_counts, migrations.RunPython.noop, elidable=True),
    ]
