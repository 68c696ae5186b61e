import meetings.indexes
from django.db import migrations, models


def fill(apps, schema_editor):
    """Each participation's meeting date, copied once (services/counters.py keeps it from now on)."""
    schema_editor.execute(
        "UPDATE meetings_participation SET meeting_date = "
        "(SELECT date FROM meetings_meeting WHERE meetings_meeting.id = meetings_participation.meeting_id)"
    )


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0015_reviewed_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='participation',
            name='meeting_date',
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),  # before the index: one pass, not two
        migrations.AddIndex(
            model_name='participation',
            index=meetings.indexes.NullsLastIndex(models.F('person'), models.OrderBy(models.F('meeting_date'), descending=True, nulls_last=True), models.F('meeting'), name='participation_person_date_idx'),
        ),
    ]
