"""Importing articles into the database: idempotent, transactional, one record
per real person and meeting, provenance kept, curated values respected."""
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from meetings.models import Article, Country, Meeting, MeetingSource, Participation, Person, Statement
from meetings.services.importing import article_import

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
SEED = ARTICLES / "chinadaily-2013-07-15-sco-cholpon-ata.txt"

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def counts():
    return {model.__name__: model.objects.count() for model in (Article, Meeting, Person, Participation, Statement, MeetingSource)}


def test_importing_the_seed_article_twice_gives_the_same_records_as_once():
    first = article_import(path=SEED)
    assert first.status == "imported"
    once = counts()
    second = article_import(path=SEED)
    assert second.status == "duplicate" and second.article == first.article
    assert counts() == once
    assert once["Meeting"] == 4 and once["Statement"] >= 10
    summit = Meeting.objects.get(organisation__acronym="SCO")
    assert summit.participations.count() == 7 and str(summit.date) == "2013-07-13"


def test_provenance_spans_and_date_resolution_are_stored():
    article = article_import(path=SEED).article
    for statement in article.statements.all():
        assert article.text[statement.start : statement.end] == statement.text
        assert statement.extraction_rule and statement.confidence
    source = MeetingSource.objects.get(meeting__organisation__acronym="SCO")
    assert source.date_phrase.lower().endswith("saturday") and str(source.date_anchor) == "2013-07-15"
    assert source.passage and "Saturday" in source.passage
    assert "Wang Yi" in source.participants
    participation = Participation.objects.filter(person__name="Zhantoro Satybaldiyev").get()
    assert participation.role == "Prime Minister" and participation.country.code == "KG"
    assert participation.article == article


def test_articles_that_share_people_and_meetings_give_one_record_each():
    call_command("import_articles", str(ARTICLES), stdout=StringIO())
    assert Person.objects.filter(name__icontains="Lavrov").count() == 1  # Sergey (TASS) and Sergei (Xinhua)
    assert Person.objects.filter(name="Wang Yi").count() == 1
    assert Person.objects.filter(name__icontains="Blinken").count() == 1
    beijing = Meeting.objects.get(participations__person__name__icontains="Lavrov", date="2024-04-09", status="held")
    assert beijing.sources.count() == 2
    assert {p.person.name for p in beijing.participations.select_related("person")} >= {"Wang Yi"}
    assert Meeting.objects.filter(participations__person__name__icontains="Lavrov", date="2024-04-09").count() == 1


def test_a_bad_file_fails_alone_and_the_exit_code_says_so(tmp_path):
    (tmp_path / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00binary")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="2 article"):
        call_command("import_articles", str(tmp_path), stdout=out, stderr=err)
    assert "1 imported" in out.getvalue() and "2 failed" in out.getvalue()
    assert "empty.txt" in err.getvalue() and "image.txt" in err.getvalue()
    assert Article.objects.count() == 1


def test_an_import_that_breaks_half_way_leaves_nothing_behind(monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Statement.objects, "bulk_create", explode)
    result = article_import(path=SEED)
    assert result.status == "failed" and "disk full" in result.error
    assert counts() == {name: 0 for name in counts()}


def test_update_replaces_exactly_the_articles_records():
    article_import(path=SEED)
    other = article_import(path=ARTICLES / "kyodo-2024-05-26-kishida-li-seoul.txt")
    before, other_statements = counts(), set(other.article.statements.values_list("pk", flat=True))
    old_ids = set(Statement.objects.filter(article__filename=SEED.name).values_list("pk", flat=True))
    result = article_import(path=SEED, update=True)
    assert result.status == "updated"
    assert counts() == before
    assert not old_ids & set(Statement.objects.values_list("pk", flat=True))
    assert set(other.article.statements.values_list("pk", flat=True)) == other_statements


def test_curated_values_win_over_a_reimport():
    article_import(path=SEED)
    summit = Meeting.objects.get(organisation__acronym="SCO")
    summit.place, summit.title = "Cholpon-Ata, Issyk-Kul", "SCO Council of Foreign Ministers"
    summit.locked_fields = ["place", "title"]
    summit.save()
    wang = Person.objects.get(name="Wang Yi")
    wang.country = None
    wang.locked_fields = ["country"]
    wang.save()
    article_import(path=SEED, update=True)
    summit = Meeting.objects.get(organisation__acronym="SCO")
    assert summit.place == "Cholpon-Ata, Issyk-Kul" and summit.title == "SCO Council of Foreign Ministers"
    assert Person.objects.get(name="Wang Yi").country is None


def test_ambiguous_people_are_flagged_not_guessed(tmp_path):

    cn = Country.objects.get(code="CN")
    Person.objects.create(name="Wang Yi", slug="wang-yi", country=cn).names.create(name="Wang Yi", key="wang yi")
    Person.objects.create(name="Wang Wenbin", slug="wang-wenbin", country=cn).names.create(name="Wang Wenbin", key="wang wenbin")
    path = tmp_path / "wang.txt"
    path.write_text("China speaks\n\nUpdated: 2024-03-11\n\nChinese Foreign Minister Wang met Brazilian Foreign Minister "
                    "Mauro Vieira in Beijing on Monday.\n", encoding="utf-8")
    result = article_import(path=path)
    assert result.status == "imported"
    flagged = Person.objects.exclude(review_note="")
    assert flagged.count() == 1 and "Wang" in flagged.get().review_note
    assert Person.objects.filter(name__startswith="Wang").count() == 3


def test_sources_that_disagree_on_the_date_are_both_kept(tmp_path):
    one = tmp_path / "one.txt"
    one.write_text("Talks\n\nUpdated: 2024-03-11\n\nIndian External Affairs Minister Subrahmanyam Jaishankar met "
                   "Singapore's Foreign Minister Vivian Balakrishnan in Singapore on Saturday.\n", encoding="utf-8")
    two = tmp_path / "two.txt"
    two.write_text("Talks in Singapore\n\nUpdated: 2024-03-11\n\nSubrahmanyam Jaishankar, India's External Affairs Minister, "
                   "held talks with Vivian Balakrishnan, Singapore's Foreign Minister, in Singapore on Sunday.\n", encoding="utf-8")
    article_import(path=one)
    article_import(path=two)
    meeting = Meeting.objects.get()
    assert sorted(str(s.date) for s in meeting.sources.all()) == ["2024-03-09", "2024-03-10"]
    assert "disagree" in meeting.review_note


def test_meeting_page_shows_competing_claims_side_by_side(client, tmp_path):
    test_sources_that_disagree_on_the_date_are_both_kept(tmp_path)
    meeting = Meeting.objects.get()
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "The sources disagree on the date" in html
    assert "9 March 2024" in html and "10 March 2024" in html


def test_a_shared_surname_does_not_merge_two_people():
    article_import(path=SEED)  # Wang Yi, also written "Wang"

    result = article_import(text="Spokesperson briefs press\n\nUpdated: 2023-03-17\n\nChinese Foreign Ministry "
                                 "Spokesperson Wang Wenbin said on Friday that China welcomed the talks.\n",
                            filename="fmprc.txt")
    assert result.status == "imported"
    assert set(Person.objects.filter(name__startswith="Wang").values_list("name", flat=True)) == {"Wang Yi", "Wang Wenbin"}
