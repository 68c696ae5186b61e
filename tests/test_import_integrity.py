"""What an import keeps: the file's own bytes, one copy of curated work, and the
rest of a folder when one article breaks the extraction."""
import hashlib
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from meetings.extraction import types as x
from meetings.models import Article, ArticleFile, Statement
from meetings.services import importing
from meetings.services.importing import article_import

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
SEED = ARTICLES / "chinadaily-2013-07-15-sco-cholpon-ata.txt"
HTML = ARTICLES / "africanews-2024-02-19-au-summit-addis-ababa.html"

pytestmark = pytest.mark.django_db


def nothing_found(parsed: x.Article, docs=None) -> x.Extraction:
    """An extraction that finds nothing: these tests are about what the importer does around it."""
    return x.Extraction(article=parsed, people=[], organisations=[], countries=[], meetings=[], statements=[])


def story(n: int) -> str:
    return f"Talks number {n}\n\nUpdated: 2024-03-11\n\nThe foreign ministers held talks in Beijing on Monday, number {n}.\n"


def test_an_exception_in_extraction_fails_that_article_alone(tmp_path, monkeypatch):
    for n in range(3):
        (tmp_path / f"article-{n}.txt").write_text(story(n), encoding="utf-8")

    def extract(parsed, docs=None):
        if parsed.filename == "article-1.txt":
            raise RuntimeError("the parser fell over")
        return nothing_found(parsed)

    monkeypatch.setattr(importing, "extract", extract)
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="1 article"):  # manage.py exits with status 1
        call_command("import_articles", str(tmp_path), stdout=out, stderr=err)
    assert "2 imported" in out.getvalue() and "1 failed" in out.getvalue()
    assert "article-1.txt" in err.getvalue() and "RuntimeError: the parser fell over" in err.getvalue()
    assert sorted(Article.objects.values_list("filename", flat=True)) == ["article-0.txt", "article-2.txt"]


def test_the_files_bytes_are_hashed_and_stored(monkeypatch):
    monkeypatch.setattr(importing, "extract", nothing_found)
    raw = HTML.read_bytes()
    article = article_import(path=HTML).article
    assert article.content_hash == hashlib.sha256(raw).hexdigest()
    assert bytes(ArticleFile.objects.get(article=article).data) == raw


def test_a_newer_html_reader_does_not_make_the_same_page_a_new_article(monkeypatch):
    monkeypatch.setattr(importing, "extract", nothing_found)
    assert article_import(path=HTML).status == "imported"
    reader = importing.parse_html

    def newer_reader(html, **kwargs):
        parsed = reader(html, **kwargs)
        parsed.text = parsed.text.replace("\n", "\n\n")  # the same page, read a little differently
        return parsed

    monkeypatch.setattr(importing, "parse_html", newer_reader)
    assert article_import(path=HTML).status == "duplicate"
    assert Article.objects.count() == 1


def test_an_uploaded_file_and_the_same_file_on_disk_are_one_article(monkeypatch):
    monkeypatch.setattr(importing, "extract", nothing_found)
    raw = HTML.read_bytes()
    first = article_import(text=raw.decode("utf-8"), raw=raw, filename=HTML.name)
    assert first.status == "imported"
    assert article_import(path=HTML).status == "duplicate"


@pytest.mark.slow
def test_update_keeps_exactly_one_copy_of_reviewed_and_edited_statements():
    article = article_import(path=SEED).article
    statements = list(article.statements.order_by("start"))
    total = len(statements)
    reviewed = next(s for s in statements if s.meeting_id)
    edited = next(s for s in statements if s.pk != reviewed.pk)
    reviewed.reviewed = True
    reviewed.save()
    edited.text, edited.locked_fields = "A curator's corrected wording.", ["text"]
    edited.save()

    assert article_import(path=SEED, update=True).status == "updated"

    for curated in (reviewed, edited):
        overlapping = Statement.objects.filter(article=article, start__lt=curated.end, end__gt=curated.start)
        assert list(overlapping.values_list("pk", flat=True)) == [curated.pk]
    assert Statement.objects.get(pk=edited.pk).text == "A curator's corrected wording."
    assert Statement.objects.get(pk=reviewed.pk).reviewed
    assert Statement.objects.get(pk=reviewed.pk).meeting is not None  # linked to the meeting made anew
    assert Statement.objects.filter(article=article).count() == total


@pytest.mark.slow
def test_markup_in_a_text_article_names_no_one_with_a_tag(tmp_path):
    from meetings.models import Person

    path = tmp_path / "markup.txt"
    path.write_text("Talks in Paris\n\nUpdated: 2024-03-11\n\nFrench Foreign Minister Jean<img src=x onerror=alert(1)>"
                    "Dupont met German Foreign Minister <b>Annalena Baerbock</b> in Paris on Monday.\n",
                    encoding="utf-8")
    result = article_import(path=path)
    assert result.status == "imported", result.error
    names = list(Person.objects.values_list("name", flat=True))
    assert names and not any("<" in name or ">" in name for name in names)
    assert "<" not in result.article.text


def test_an_article_stored_under_the_hash_of_its_text_is_still_found(monkeypatch):
    """Imported before files' bytes were hashed: a duplicate, and an update moves it to the file's hash."""
    from meetings.services.importing import _parse_text

    monkeypatch.setattr(importing, "extract", nothing_found)
    raw = HTML.read_bytes()
    text = _parse_text(raw.decode("utf-8"), HTML.name, None, "").text
    legacy = Article.objects.create(title="Old import", text=text,
                                    content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest())
    assert article_import(path=HTML).status == "duplicate"
    result = article_import(path=HTML, update=True)
    assert result.status == "updated" and result.article.pk == legacy.pk
    legacy.refresh_from_db()
    assert legacy.content_hash == hashlib.sha256(raw).hexdigest() and bytes(legacy.file.data) == raw
    assert Article.objects.count() == 1
