"""Each person's latest office, stored (kept by meetings/services/counters.py) and filled from the rows."""
from django.db import migrations, models
from django.db.models import F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce


def fill_latest_role(apps, schema_editor):
    Participation, Statement = apps.get_model("meetings", "Participation"), apps.get_model("meetings", "Statement")
    participation = Participation.objects.filter(person=OuterRef("pk")).exclude(role="").order_by(
        F("meeting__date").desc(nulls_last=True), "-pk")
    statement = Statement.objects.filter(speaker=OuterRef("pk")).exclude(role="").order_by(
        F("date").desc(nulls_last=True), "-pk")
    apps.get_model("meetings", "Person").objects.update(latest_role=Coalesce(
        Subquery(participation.values("role")[:1]), Subquery(statement.values("role")[:1]), Value(""),
        output_field=models.CharField()))


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0009_country_meetings_per_year'),
    ]

    operations = [
        migrations.AddField(
            model_name='person',
            name='latest_role',
            field=models.CharField(blank=True, editable=False, help_text='The office most recently reported.', max_length=200),
        ),
        migrations.RunPython(fill_latest_role, migrations.RunPython.noop, elidable=True),
    ]
