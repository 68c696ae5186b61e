"""Every sovereign state, from ISO 3166-1 (pycountry), so that filters and the
importer always find a country by its code."""
from django.db import migrations
from django.utils.text import slugify


def load_countries(apps, schema_editor):
    from meetings.extraction.countries import sovereign_countries

    Country = apps.get_model("meetings", "Country")
    existing = set(Country.objects.values_list("code", flat=True))
    Country.objects.bulk_create(
        Country(code=code, name=name, slug=slugify(name))
        for code, name in sorted(sovereign_countries().items())
        if code not in existing
    )


class Migration(migrations.Migration):
    dependencies = [("meetings", "0001_initial")]
    operations = [migrations.RunPython(load_countries, migrations.RunPython.noop)]
