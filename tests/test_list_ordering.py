"""Sorting a list by a value many rows share still pages through every row once."""
import pytest

from tests import builders

pytestmark = pytest.mark.django_db


def names_on(client, url) -> list[str]:
    return [p.name for p in client.get(url).context["object_list"]]


@pytest.mark.parametrize("order", ["-meetings", "meetings", "-statements"])
def test_people_with_equal_counts_page_through_once(client, order):
    with builders.counted_once():
        people = [builders.person(f"Delegate {i:02d}") for i in range(40)]
    pages = names_on(client, f"/people/?o={order}") + names_on(client, f"/people/?o={order}&page=2")
    assert sorted(pages) == sorted(p.name for p in people)  # none repeated, none skipped


def test_a_sorted_list_breaks_ties_by_its_own_order_then_id():
    from meetings.filters import PersonFilter
    from meetings.models import Person

    query = str(PersonFilter({"o": "-meetings"}, queryset=Person.objects.all()).qs.query)
    assert query.endswith('"meetings_person"."name" ASC, "meetings_person"."id" ASC')
