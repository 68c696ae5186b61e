import datetime as dt

import pytest

from meetings.extraction.reader import parse_text, parsed_paragraphs, read_article
from meetings.extraction.types import ArticleError

CHINA_DAILY = """Rail link talks gather pace

Updated: 2019-04-22 09:31

By Li Qingyun (China Daily)

  Print   Mail   Font: Large Small   Share 2

Ministers pose for a group photo in Dushanbe on Friday. Provided by Agence France-Presse

Trade corridor plans

Deputy Foreign Minister Chen Haoran urged faster work on the rail link, the ministry said on Friday.

Xinhua contributed to this report.
"""


def test_text_article_header_byline_and_furniture():
    article = parse_text(CHINA_DAILY)
    assert article.title == "Rail link talks gather pace"
    assert article.published == dt.date(2019, 4, 22)
    assert article.authors == ["Li Qingyun"]
    assert article.source == "China Daily"
    kinds = {p.text[:20]: p.kind for p in article.paragraphs}
    assert kinds["Print   Mail   Font:"] == "furniture"
    assert kinds["Ministers pose for a"] == "caption"
    assert kinds["Trade corridor plans"] == "heading"
    assert kinds["Deputy Foreign Minis"] == "body"
    assert kinds["Xinhua contributed t"] == "credit"
    assert "Agence France-Presse" in article.credited and "Xinhua" in article.credited


def test_paragraph_offsets_index_the_file_text():
    article = parse_text(CHINA_DAILY)
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text


def test_dateline_year_comes_from_the_caller():
    text = "Xi meets Lula\n\nBEIJING, July 8 (Xinhua) -- Chinese President Xi Jinping met Brazilian President Lula in Beijing on Monday.\n"
    article = parse_text(text, published=dt.date(2024, 7, 9))
    assert article.published == dt.date(2024, 7, 9)
    assert article.source == "Xinhua"


def test_title_may_carry_a_date():
    text = ("Deputy Spokesperson's Daily Press Briefing on October 9, 2024\n\n2024-10-09 19:40\n\n"
            "Deputy Spokesperson Liu Anmin announced: the Premier will visit Chile next week.\n")
    article = parse_text(text)
    assert article.title.startswith("Deputy Spokesperson's Daily Press Briefing")
    assert article.published == dt.date(2024, 10, 9)
    assert article.paragraphs[-1].kind == "body"


def test_html_page_main_text_and_meta_date(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        """<!DOCTYPE html><html><head><title>Leaders meet | Outlet</title>
        <meta property="og:title" content="Leaders meet in Geneva">
        <meta property="article:published_time" content="2023-05-19T15:42:10Z">
        <meta name="author" content="Ana Writer"></head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Leaders meet in Geneva</h1>
        <figure><img src="x.jpg"><figcaption>Leaders shake hands [Reuters]</figcaption></figure>
        <p>GENEVA (Reuters) - Swiss President Alain Berset met Ukrainian Foreign Minister Dmytro Kuleba in Geneva on Friday to discuss a peace summit, officials said.</p>
        <p>"We want to help," Berset told reporters after the meeting, which lasted an hour.</p>
        </article><aside><h2>Read next</h2><ul><li><a href="/a">Markets slip as oil rises</a></li></ul></aside>
        <footer>© Outlet</footer></body></html>""",
        encoding="utf-8",
    )
    article = read_article(page)
    assert article.published == dt.date(2023, 5, 19)
    assert article.title == "Leaders meet in Geneva"
    body = " ".join(p.text for p in article.paragraphs if p.kind == "body")
    assert "Alain Berset met" in body
    assert "Markets slip" not in body and "Home" not in body
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        ("Caf\u00e9 talks".encode("latin-1") + b"\nmore text here\n", "not valid UTF-8"),
    ],
)
def test_unreadable_files_name_the_file(tmp_path, content, message):
    path = tmp_path / "bad-article.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as error:
        read_article(path)
    assert "bad-article.txt" in str(error.value) and message in str(error.value)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ArticleError, match="cannot be read"):
        read_article(tmp_path / "nope.txt")


def test_first_publication_wins_over_a_later_update():
    text = ("Ministers agree on fisheries\n\nUpdated: 09:15 AM April 9, 2024\nPublished: 06:40 PM April 5, 2024\n\n"
            "Fisheries ministers of the region met in Suva on Friday and agreed on new quotas.\n")
    assert parse_text(text).published == dt.date(2024, 4, 5)


@pytest.mark.parametrize("header, title", [
    ("The Lakeside Herald\nFriday, 8 March 2024\n\nWORLD\n\nFiji and Samoa sign fisheries pact in Apia\n\nStaff Reporter",
     "Fiji and Samoa sign fisheries pact in Apia"),
    ("REPUBLIC OF PALAU\nMINISTRY OF STATE\n\nPRESS RELEASE\n\nMINISTER OF STATE RECEIVES THE AMBASSADOR OF JAPAN",
     "MINISTER OF STATE RECEIVES THE AMBASSADOR OF JAPAN"),
    ("News > World > Asia\n\nPalau and Japan agree to expand coast guard cooperation", 
     "Palau and Japan agree to expand coast guard cooperation"),
    ("Senator the Hon Jane Ross\nMinister for Trade\n\nTranscript\n\nRadio interview, Hobart\n\n8 March 2024",
     "Radio interview, Hobart"),
])
def test_the_title_is_the_headline_not_the_masthead(header, title):
    text = f"{header}\n\nThe foreign minister of Palau met the Japanese ambassador in Koror on Friday to discuss coast guard cooperation.\n"
    assert parse_text(text, published=dt.date(2024, 3, 8)).title == title


def test_markup_pasted_into_a_text_file_is_stripped():
    from meetings.extraction.reader import strip_markup

    text = ('Talks held\n\nUpdated: 2024-03-11\n\nForeign Minister Jean<img src=x onerror="alert(1)">Dupont met '
            '<b>Maria</b> Silva.<script>steal()</script> Prices rose <5% and a < b.<!-- note -->\n')
    article = parse_text(text)
    assert "<" not in article.text.replace("<5%", "").replace("a < b", "")
    assert "Jean Dupont" in article.text and "steal" not in article.text and "note" not in article.text
    assert "Prices rose <5% and a < b." in article.text
    assert all(article.text[p.start:p.end] == p.text for p in article.paragraphs)
    assert strip_markup("no markup here") == "no markup here"


def test_a_sentence_below_a_short_headline_is_story_text_not_the_title():
    article = parse_text("Envoys confer\n\nUpdated: 2024-03-11\n\nThe two envoys will meet in Quito next week.\n")
    assert article.title == "Envoys confer"
    assert [p.kind for p in article.paragraphs if p.text.startswith("The two envoys")] == ["body"]


def test_a_dateline_without_a_date_credits_its_agency():
    article = parse_text("Envoys confer\n\nMay 3, 2024\n\nQuito (ANDES) - The two envoys met in Quito on Friday.\n")
    assert (article.source, article.credited) == ("ANDES", ["ANDES"])


def test_a_short_quoted_sentence_is_story_text_not_a_heading():
    article = parse_text("Talks in Madrid\n\nUpdated: 2024-03-11\n\nThe minister spoke at length.\n\n"
                         '"Europe must act."\n\nKey points\n', published=dt.date(2024, 3, 11))
    kinds = {p.text: p.kind for p in parsed_paragraphs(article)}
    assert kinds['"Europe must act."'] == "body" and kinds["Key points"] == "heading"
