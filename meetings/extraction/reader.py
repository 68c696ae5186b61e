"""Reading an article file: plain text or a saved HTML page -> `Article`.

Text files keep their exact characters, less any HTML tags pasted into them,
so statement offsets index into the file. HTML pages go through trafilatura's main-text extraction (navigation,
captions, related links and share buttons dropped); offsets then index into
the extracted text, which is what the importer stores.

Each line is classified (header, heading, caption, credit, furniture, body):
only body paragraphs carry statements; captions may still name who attended.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .dates import parse_month_day, parse_published
from .types import Article, ArticleError, Paragraph

_TERMINAL = tuple('.?!:"”’\'')
_FURNITURE = re.compile(
    r"^(?:print\b.*\bmail\b|share\b|related\b|read (?:more|next)|more from|media enquiries|e-?mail:?\s+\S+@|telephone:?\s*[+\d(]"
    r"|for information media|not an official record|editor:|follow us|subscribe|advertisement|#+$|[*\s]+$|-+$"
    r"|press releases?$|readout$|meetings coverage|background$|unique id)",
    re.I,
)
_CREDIT = re.compile(
    r"(?:\bcontributed to (?:this|the) (?:story|report)|^\(?reporting by\b|^\(?editing by\b|^source:|^--\s*[A-Z]{2,}"
    r"|^[A-Z]{2,5}/[A-Z][a-z]+ [\w ]+/|^\([A-Z][\w ]+ \d\d/\d\d/\d{4} page ?\d+\)$|^by\s)",
    re.I,
)
_CAPTION_CREDIT = re.compile(
    r"(?:\b(?:provided by|photo(?:graph)?(?: by)?:?|photo/|file photo|via reuters|via ap|via afp|credit:)\s*[\w .'-]*[\])]?\s*$"
    r"|\[[^\]]{3,60}\]\s*$)",
    re.I,
)
_BYLINE = re.compile(r"^by\s+(?P<names>.+?)(?:\s*\((?P<outlet>[^)]+)\)|\s+with\s+(?P<with>[\w .-]+))?\s*$", re.I)
_DATELINE_OUTLET = re.compile(
    r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:,\s[^(\n]{0,60}?)?\s*\((?P<paren>[A-Za-z .]+)\)\s*(?:--|-|–|—)|^[A-Z][A-Z .'-]+,\s[^/\n]{0,40}/(?P<slash>[A-Z]{2,})/"
    r"|,\s*(?P<tail>[A-Z]{2,5})\s*--"
)
_INSTITUTION_LINE = re.compile(
    r"^(?:the\s+)?(?:u\.s\.\s+|us\s+)?(?:ministry|department|office|embassy|mission|permanent mission|press and information)\b", re.I
)
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_REVISED = re.compile(r"^\W*(?:last\s+)?(?:updated|modified|edited|revised)\b", re.I)


def read_article(path: str | Path, published: dt.date | None = None, source: str = "") -> Article:
    """Read `path` into an Article; raises ArticleError naming the file when it cannot."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    text = decode(raw, path)
    if path.suffix.lower() in _HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        article = parse_html(text, published=published, source=source)
    else:
        article = parse_text(text, published=published, source=source)
    article.filename = path.name
    if not any(p.kind == "body" for p in article.paragraphs):
        raise ArticleError(f"{path}: no story text found")
    return article


def decode(raw: bytes, path: Path | str = "article") -> str:
    if not raw.strip():
        raise ArticleError(f"{path}: the file is empty")
    if b"\x00" in raw[:4096]:
        raise ArticleError(f"{path}: not a text file (binary content)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{path}: not valid UTF-8 (byte {exc.start}); save the article as UTF-8 and import it again"
        ) from exc
    control = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\n\r\t\f")
    if control > 8:
        raise ArticleError(f"{path}: not a text file (control characters)")
    return text


def _lines(text: str) -> list[Paragraph]:
    paragraphs = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group(0)
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        paragraphs.append(Paragraph(stripped, start))
    return paragraphs


# A tag, a comment or a doctype: "<img src=x>", "</b>", "<!-- -->". A "<" followed by
# a space or a digit ("a < b", "<5%") is text and stays.
_MARKUP = re.compile(r"<!--.*?-->|<(?:script|style)\b.*?</(?:script|style)\s*>|</?[A-Za-z!][^<>]{0,2000}>", re.I | re.S)


def strip_markup(text: str) -> str:
    """A plain-text file's words without the HTML pasted into it: "Jean<img src=x>Dupont"
    must not give a person named "Jean<img". A tag becomes one space, so words it
    separated stay apart; script and style blocks go with their content."""
    return _MARKUP.sub(" ", text)


def parse_text(text: str, published: dt.date | None = None, source: str = "",
               standfirst: str = "", meta_title: str = "") -> Article:
    text = strip_markup(text)
    article = Article(text=text, source=source)
    paragraphs = _lines(text)
    title_index = _find_title(paragraphs, meta_title)
    date_index = None
    for i, p in enumerate(paragraphs[:12]):
        value = parse_published(p.text)
        if not value:
            continue
        if _REVISED.match(p.text) and any(parse_published(q.text) for q in paragraphs[i + 1 : 12]):
            continue  # "Updated: ..." above "Published: ...": the first publication is the date
        article.published = article.published or value
        if i == title_index:
            continue  # "... Press Conference on March 17, 2023": the title, not the date line
        # A short line is the date line; a long one is a dateline opening the story.
        date_index = i if len(p.text.split()) <= 12 else max(i - 1, title_index)
        break
    if article.published is None and published is not None:
        article.published = published
    if article.published is None:
        # "BEIJING, July 8 (Xinhua) --" without a year: the caller's year, else none.
        for p in paragraphs[:12]:
            value = parse_month_day(p.text, (published or dt.date.today()).year) if published else None
            if value:
                article.published = value
                break
    if published is not None and article.published is None:
        article.published = published

    for i, p in enumerate(paragraphs):
        p.kind = _classify(p.text, i, title_index, date_index, article.title, standfirst)
        if i == title_index:
            article.title = p.text
            p.kind = "header"
    _read_credits(article, paragraphs)
    article.paragraphs = paragraphs
    article.dateline = _dateline(paragraphs)
    return article


_DATELINE = re.compile(r"^([A-Z][A-Z'’. -]{2,30}?)(?:,|\s+\()")
# The dateline that opens a wire story, outlet and all: "ISTANBUL, Sept 4 (Reuters) -", "ANTALYA, March 10.
# /TASS/.", "Havana, Aug 24 (Prensa Latina)". Its city is where the story was filed; its date is the filing's.
DATELINE = re.compile(r"^[A-Z][^\n]{0,60}?(?:\(\w[\w ]*\)\s*(?:--|-|–|—)|/\w+/\.?)\s*"
                      r"|^[A-Z][^\n(,]{0,40},[^\n(]{0,30}\([A-Z][\w ]{1,30}\)\s+(?=[A-Z])")


def _dateline(paragraphs: list[Paragraph]) -> str:
    """'BEIJING, July 12 (Reuters) -' or 'WASHINGTON (AP) —': the city the story was filed from."""
    for p in paragraphs:
        if p.kind != "body":
            continue
        match = _DATELINE.match(p.text)
        if match and re.search(r"(?:--|—|–| - |/\w+/|\(\w+\))", p.text[:80]):
            return match.group(1).strip().title()
        return ""
    return ""


_BREADCRUMB = re.compile(r"\s(?:>|»|\||/)\s|^[A-Z]{3,}\s*\|")
_NAME_BLOCK = re.compile(r"^(?:[A-Z][\w'’.-]*\s+|(?:the|of|and)\s+)*(?:Hon\.?|H\.E\.|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Senator|"
                         r"Minister|Ambassador)\b(?:\s+[A-Z][\w'’.-]*)+$")


def _is_story_line(text: str) -> bool:
    """A sentence of story text; a headline may be a question ending in '?'."""
    return text.endswith(tuple('.:"”’\'')) and len(text.split()) >= 10


def _is_sentence(text: str) -> bool:
    """A line of four words or more ending in a full stop: headlines do not end in one."""
    return len(text.split()) >= 4 and text.endswith(".") and not re.search(r"\b(?:[A-Z]|[A-Z][a-z]{0,2})\.$", text)


def _headline_candidate(text: str) -> bool:
    """Not a masthead, a section label, a breadcrumb, a byline, a date or a name block."""
    words = text.split()
    if _FURNITURE.match(text) or _INSTITUTION_LINE.match(text) or _BYLINE.match(text) or _CREDIT.search(text):
        return False
    if parse_published(text) and len(words) < 8:
        return False
    if _BREADCRUMB.search(text) or re.match(r"^by:?\s", text, re.I):
        return False
    if len(words) <= 3 and (text.isupper() or text.startswith("The ")):
        return False  # "NEWS", "GLOBAL NATION", "The Chronicle"
    if re.match(r"^(?:the\s+)?(?:federal\s+|united\s+|islamic\s+|people's\s+|democratic\s+)*(?:republic|kingdom|"
                r"state|government|commonwealth|sultanate|emirate)\s+of\b", text, re.I) and len(words) <= 6:
        return False  # "FEDERAL REPUBLIC OF NIGERIA", "Government of India"
    if _NAME_BLOCK.match(text) or _OFFICE_LINE.match(text):
        return False  # "Senator the Hon Jane Ross", "Minister for Trade"
    return not _CAPTION_CREDIT.search(text)


_OFFICE_LINE = re.compile(r"^(?:Minister|Senator|Secretary|Ambassador|President|Member|Deputy|Spokesperson)\b"
                          r"(?:\s+(?:[A-Z][\w'’.-]*|for|of|the|and))*$")


def _find_title(paragraphs: list[Paragraph], meta_title: str) -> int:
    """The headline: the first line above the story that reads like one (four words or more), else
    the longest such line; never a masthead, a section label, a breadcrumb or an office block."""
    candidates = []
    for i, p in enumerate(paragraphs[:10]):
        if meta_title and p.text == meta_title:
            return i
        if _is_story_line(p.text) or (candidates and _is_sentence(p.text)):
            if candidates:
                break  # the story has begun below its headline
            continue
        if _headline_candidate(p.text):
            candidates.append(i)
    for i in candidates:
        if len(paragraphs[i].text.split()) >= 4:
            return i
    if candidates:
        return max(candidates, key=lambda i: len(paragraphs[i].text))
    return 0


def _classify(text: str, index: int, title_index: int, date_index: int | None, title: str, standfirst: str) -> str:
    if _FURNITURE.match(text):
        return "furniture"
    if _CREDIT.search(text):
        return "credit"
    if _CAPTION_CREDIT.search(text):
        return "caption"
    if date_index is not None and index <= date_index:
        return "header"
    if text == title or (standfirst and text == standfirst):
        return "heading"
    if not text.endswith(_TERMINAL) or (len(text.split()) < 4 and not _QUOTED_SENTENCE.match(text)):
        return "heading"  # a short line is a heading, unless it is a sentence someone said ('"We will act."')
    return "body"


_QUOTED_SENTENCE = re.compile(r"^[“\"].*[.!?][”\"]$")


def _read_credits(article: Article, paragraphs: list[Paragraph]) -> None:
    for p in paragraphs[:15]:
        byline = _BYLINE.match(p.text)
        if byline and p.kind in {"credit", "header"}:
            names = re.split(r"\s*(?:,|\band\b)\s*", byline["names"])
            article.authors = article.authors or [n.strip() for n in names if n.strip()]
            for outlet in (byline["outlet"], byline["with"]):
                if outlet:
                    article.credited.append(outlet.strip())
                    article.source = article.source or outlet.strip()
        outlet = _DATELINE_OUTLET.search(p.text)
        if outlet:
            name = outlet["paren"] or outlet["slash"] or outlet["tail"]
            article.credited.append(name)
            article.source = article.source or name
    for p in paragraphs[:10]:
        # A lone name in the header, as "Ciarán Doyle" above the date line.
        if p.kind == "header" and not article.authors and p.text != article.title and re.fullmatch(
            r"(?:[A-Z][\w'’-]+\s){1,2}[A-Z][\w'’-]+", p.text
        ) and not _INSTITUTION_LINE.match(p.text):
            article.authors = [p.text]
    for p in paragraphs:
        if p.kind in {"credit", "caption", "furniture"}:
            for match in re.finditer(
                r"(?i:provided by|photo:|via|source:|^--)\s*([A-Z][\w.&' -]+?)(?=\s+(?:and|via)\b|[\])]|$)|([A-Z][\w ]+?) contributed",
                p.text,
            ):
                article.credited.append((match.group(1) or match.group(2)).strip())
            if re.match(r"^[A-Z]{2,5}/[A-Z][a-z]+ ", p.text):
                parts = p.text.split("/")
                article.credited.append(parts[0])
                article.authors = article.authors or [x.strip() for x in parts[1:] if x.strip()]
            source = re.match(r"^source:\s*([^|]+)", p.text, re.I)
            if source:
                article.source = article.source or source.group(1).strip()
    if article.source:
        article.credited.append(article.source)
    article.credited = list(dict.fromkeys(article.credited))


def parse_html(html: str, published: dt.date | None = None, source: str = "") -> Article:
    import trafilatura

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, include_images=False
    )
    if document is None:
        raise ArticleError("no article text could be extracted from the HTML page")
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = data.get("text") or ""
    title = (data.get("title") or "").strip()
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    article = parse_text(text, published=None, source="", standfirst=(data.get("description") or "").strip(),
                         meta_title=title)
    article.title = title or article.title
    meta_date = _meta_published(html) or (parse_published(data.get("date") or "") if data.get("date") else None)
    article.published = meta_date or article.published or published
    article.source = source or data.get("sitename") or article.source
    article.url = data.get("url") or ""
    if data.get("author"):
        article.authors = [a.strip() for a in re.split(r";|,|\band\b", data["author"]) if a.strip()]
    if article.source and article.source not in article.credited:
        article.credited.append(article.source)
    return article


def _meta_published(html: str) -> dt.date | None:
    match = re.search(
        r"<meta[^>]+(?:property|name)=[\"'](?:article:published_time|datePublished|pubdate|date)[\"'][^>]*content=[\"']([^\"']+)",
        html, re.I,
    ) or re.search(r"<time[^>]+datetime=[\"']([^\"']+)", html, re.I)
    return parse_published(match.group(1)) if match else None


_PARSED_KINDS = {"body", "caption", "heading", "header"}


def parsed_paragraphs(article: Article) -> list:
    return [p for p in article.paragraphs if p.kind in _PARSED_KINDS]


def parser_texts(article: Article) -> list[str]:
    """What spaCy reads: each paragraph, its dateline ("ISTANBUL, Sept 4 (Reuters) -") blanked out
    so that the city is not taken for the sentence's subject; offsets stay the same."""
    texts = []
    for paragraph in parsed_paragraphs(article):
        dateline = DATELINE.match(paragraph.text) if paragraph.kind == "body" else None
        text = paragraph.text
        if dateline:
            text = " " * dateline.end() + text[dateline.end():]
        texts.append(_without_title_stops(text))
    return texts


_TITLE_ABBREVIATION = re.compile(
    r"\b(?:Hon|Rt|Dr|Prof|Gen|Lt|Col|Maj|Capt|Adm|Amb|Sen|Rep|Gov|Mr|Mrs|Ms|Mme|St|Cde|Adv|Engr|Sr|Jr)\.(?=\s+[A-Z])"
    r"|\b(?:[A-Z]\.){2,3}(?=\s+[A-Z])")


def _without_title_stops(text: str) -> str:
    """'Rt Hon. Winston Peters', 'H.E. Mr. X': the parser ends a sentence at such full stops, so it
    reads them as spaces (same length, so offsets hold)."""
    return _TITLE_ABBREVIATION.sub(lambda m: m.group(0).replace(".", " "), text)
