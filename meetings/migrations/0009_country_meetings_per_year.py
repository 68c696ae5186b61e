"""Each country's meetings per year, stored (kept by meetings/services/counters.py) and filled from the meetings."""
from django.db import migrations, models
import django.db.models.deletion
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear


def fill_years(apps, schema_editor):
    Country, CountryYear = apps.get_model("meetings", "Country"), apps.get_model("meetings", "CountryYear")
    Meeting, Participation = apps.get_model("meetings", "Meeting"), apps.get_model("meetings", "Participation")
    rows = []
    for country in Country.objects.values_list("pk", flat=True):
        attended = Participation.objects.filter(country=country).values("meeting_id")
        per_year = (Meeting.objects.filter(Q(country=country) | Q(pk__in=attended), date__isnull=False).order_by()
                    .annotate(year=ExtractYear("date")).values("year").annotate(n=Count("pk")))
        rows += [CountryYear(country_id=country, year=r["year"], meetings=r["n"]) for r in per_year]
    CountryYear.objects.bulk_create(rows, batch_size=2000)


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0008_stored_counts_on_people_and_organisations'),
    ]

    operations = [
        migrations.CreateModel(
            name='CountryYear',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField()),
                ('meetings', models.PositiveIntegerField()),
                ('country', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='years', to='meetings.country')),
            ],
            options={
                'ordering': ['country', 'year'],
                'constraints': [models.UniqueConstraint(fields=('country', 'year'), name='country_year_once')],
            },
        ),
        migrations.RunPython(fill_years, migrations.RunPython.noop, elidable=True),
    ]
