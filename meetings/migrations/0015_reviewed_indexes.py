from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0014_meeting_countries'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='meeting',
            index=models.Index(condition=models.Q(('reviewed', True)), fields=['id'], name='meeting_reviewed_idx'),
        ),
        migrations.AddIndex(
            model_name='organisation',
            index=models.Index(condition=models.Q(('reviewed', True)), fields=['id'], name='organisation_reviewed_idx'),
        ),
        migrations.AddIndex(
            model_name='participation',
            index=models.Index(condition=models.Q(('reviewed', True)), fields=['id'], name='participation_reviewed_idx'),
        ),
        migrations.AddIndex(
            model_name='person',
            index=models.Index(condition=models.Q(('reviewed', True)), fields=['id'], name='person_reviewed_idx'),
        ),
        migrations.AddIndex(
            model_name='statement',
            index=models.Index(condition=models.Q(('reviewed', True)), fields=['id'], name='statement_reviewed_idx'),
        ),
    ]
