"""`manage.py generate_data`: synthetic records for benchmarks, consistent and reproducible."""
import pytest
from django.core.management import CommandError, call_command

from meetings.models import Article, Meeting, MeetingSource, Organisation, Participation, Person, Statement


def snapshot():
    return (
        list(Meeting.objects.order_by("slug").values_list("slug", "date", "kind", "status")),
        list(Statement.objects.order_by("article__title", "start").values_list("speaker__slug", "text", "start")),
        list(Article.objects.order_by("title").values_list("title", "content_hash", "published")),
    )


@pytest.mark.django_db
def test_generates_every_model_in_the_proportions_asked():
    call_command("generate_data", meetings=40, seed=5, verbosity=0)

    assert Meeting.objects.count() == 40
    assert Statement.objects.count() == 400
    assert Person.objects.count() == 10
    assert Article.objects.count() == 20
    assert Organisation.objects.exists()
    assert 80 <= Participation.objects.count() <= 320
    assert MeetingSource.objects.count() >= 40
    assert Person.objects.filter(names__isnull=False).distinct().count() == 10


@pytest.mark.django_db
def test_records_point_at_their_passages_and_each_other():
    call_command("generate_data", meetings=12, seed=2, verbosity=0)

    for statement in Statement.objects.select_related("article", "meeting"):
        assert statement.passage == statement.text
        if statement.meeting:
            assert statement.meeting.participations.filter(person=statement.speaker_id).exists()
            assert statement.meeting.sources.filter(article=statement.article_id).exists()
    for source in MeetingSource.objects.select_related("article", "meeting"):
        names = list(source.meeting.participations.values_list("person__name", flat=True))
        assert all(name in source.passage for name in names)
        assert sorted(source.participants) == sorted(names)
    for participation in Participation.objects.select_related("person"):
        assert participation.country_id == participation.person.country_id


@pytest.mark.django_db
def test_same_seed_same_records_other_seed_other_records():
    call_command("generate_data", meetings=20, seed=7, verbosity=0)
    first = snapshot()
    for model in (Meeting, Person, Article, Organisation):
        model.objects.all().delete()
    call_command("generate_data", meetings=20, seed=7, verbosity=0)
    assert snapshot() == first
    for model in (Meeting, Person, Article, Organisation):
        model.objects.all().delete()
    call_command("generate_data", meetings=20, seed=8, verbosity=0)
    assert snapshot() != first


@pytest.mark.django_db
def test_refuses_a_database_that_already_has_records(seeded):
    with pytest.raises(CommandError, match="already holds"):
        call_command("generate_data", meetings=5, verbosity=0)
    assert Meeting.objects.count() == 3
