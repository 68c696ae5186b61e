from collections import Counter

from django.db import migrations, models


def count_undated(apps, schema_editor):
    """The undated meetings of each country (held there or attended by its people), which CountryYear
    now keeps too, so that its rows add up to what `/meetings/?country=` lists."""
    Meeting, Participation = apps.get_model("meetings", "Meeting"), apps.get_model("meetings", "Participation")
    CountryYear = apps.get_model("meetings", "CountryYear")
    involved = set(Meeting.objects.filter(date=None).exclude(country=None).values_list("pk", "country"))
    involved |= set(Participation.objects.filter(meeting__date=None).exclude(country=None)
                    .values_list("meeting", "country"))
    counted = Counter(country for _, country in involved)
    CountryYear.objects.bulk_create([CountryYear(country_id=c, year=None, meetings=n) for c, n in counted.items()],
                                    batch_size=5000)


def drop_undated(apps, schema_editor):
    """Back to dated years only, before the column is NOT NULL again."""
    apps.get_model("meetings", "CountryYear").objects.filter(year=None).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0012_stored_pair_years_and_offices'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='countryyear',
            options={'ordering': ['country', models.OrderBy(models.F('year'), nulls_last=True)]},
        ),
        migrations.AlterField(
            model_name='countryyear',
            name='year',
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
        migrations.RunPython(count_undated, drop_undated),
    ]
