"""Stored name keys follow the one key function; `rekey_names` brings them in
line when that function changes."""
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from meetings.models import OrganisationName, PersonName
from meetings.services.resolution import name_key, resolve_person
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def stale(db):
    """Names stored under keys an older key function made."""
    wang = builders.person("Wang Yi", country=builders.country("CN"))
    PersonName.objects.create(person=wang, name="Wang Yi", key="WANG_YI")
    PersonName.objects.create(person=wang, name="WANG Yi", key="WANG_YI_upper")  # now the same key
    PersonName.objects.create(person=wang, name="Wang", key="wang")  # already right
    sco = builders.organisation("Shanghai Cooperation Organisation")
    OrganisationName.objects.create(organisation=sco, name="S.C.O.", key="SCO!")
    return wang


def test_rekey_recomputes_every_key_and_merges_names_that_now_agree(stale):
    assert resolve_person("Wang Yi", country="CN").how != "name"  # the stale key hides his full name
    out = StringIO()
    call_command("rekey_names", stdout=out)
    assert "person names: 1 re-keyed, 1 merged" in out.getvalue()
    assert "organisation names: 1 re-keyed, 0 merged" in out.getvalue()
    for row in [*PersonName.objects.all(), *OrganisationName.objects.all()]:
        assert row.key == name_key(row.name)
    assert sorted(stale.names.values_list("key", flat=True)) == ["wang", "wang yi"]
    assert resolve_person("Wang Yi", country="CN").how == "name"

    call_command("rekey_names", stdout=(again := StringIO()))
    assert "person names: 0 re-keyed, 0 merged" in again.getvalue()


def test_check_changes_nothing_and_fails_when_keys_are_stale(stale):
    before = sorted(PersonName.objects.values_list("name", "key"))
    with pytest.raises(CommandError, match="out of date"):
        call_command("rekey_names", "--check", stdout=StringIO())
    assert sorted(PersonName.objects.values_list("name", "key")) == before
    call_command("rekey_names", stdout=StringIO())
    call_command("rekey_names", "--check", stdout=StringIO())  # up to date: no error
