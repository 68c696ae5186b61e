"""The extraction pipeline: the only place that knows the order of the steps.

    read -> parse paragraphs (one nlp.pipe batch) -> person mentions and
    coreference -> per sentence, in reading order: pronouns and descriptions,
    meetings, statements -> merge meetings -> link statements to meetings ->
    complete meetings from the whole article -> people, organisations,
    countries.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import article_meetings as A
from . import gazetteer as G
from . import nlp
from . import organisations as O
from .discourse import Discourse
from .meeting_merge import merge_meetings
from .meetings import build_meetings
from .names import fold
from .people import Mention, PeopleIndex, ParagraphContext, find_mentions, people_of_record
from .reader import parsed_paragraphs, parser_texts, read_article
from .sentences import Sentence, quote_aware_sentences
from .statement_links import link_statements
from .statement_reader import StatementReader
from .types import Article, Extraction

__all__ = ["extract", "extract_article", "parse_articles", "parser_texts"]


def extract_article(path: str | Path, published: dt.date | None = None, source: str = "") -> Extraction:
    return extract(read_article(path, published=published, source=source))


def parse_articles(articles: list[Article], batch_size: int = 64) -> list[list]:
    """The docs `extract(article, docs)` reads, for several articles in one nlp.pipe batch;
    each article's list is what `extract` would parse itself."""
    texts = [parser_texts(article) for article in articles]
    docs = iter(nlp.parse([text for article_texts in texts for text in article_texts], batch_size=batch_size))
    return [[next(docs) for _ in article_texts] for article_texts in texts]


def extract(article: Article, docs=None) -> Extraction:
    paragraphs = parsed_paragraphs(article)
    if docs is None:
        docs = nlp.parse(parser_texts(article))
    contexts = [ParagraphContext(p.text, G.find_countries(p.text), O.find_organisations(p.text)) for p in paragraphs]
    index = PeopleIndex(G.home_country(article))
    mentions = _people_mentioned(article, paragraphs, docs, contexts, index)

    discourse = Discourse(index)
    statements = StatementReader(article, paragraphs, discourse)
    for n, (paragraph, doc) in enumerate(zip(paragraphs, docs)):
        if paragraph.kind not in {"body", "caption"}:
            continue
        for span in quote_aware_sentences(doc):
            lo, hi = paragraph.start + span.start_char, paragraph.start + span.end_char
            sentence = Sentence(paragraph, n, span, [m for m in mentions[n] if lo <= m.start < hi])
            discourse.resolve_mentions(sentence)
            discourse.place_in_time(build_meetings(sentence, article.published, discourse))
            statements.read(sentence)
            discourse.finish_sentence(sentence)

    meetings = merge_meetings(discourse.meetings)
    link_statements(statements.statements, meetings, article)
    index.finish(meetings)
    named = {found.value for context in contexts for found in context.countries}
    A.summit_from_lede(meetings, article, paragraphs, named)
    A.date_from_lede(meetings, article, paragraphs)
    A.place_from_dateline(meetings, article, paragraphs, named)
    A.finish_meetings(meetings, named)
    for person in index.people:
        if person.organisation and not person.country:
            person.country = O.org_country(person.organisation, person)
    A.hosts_of(meetings)
    people = people_of_record(meetings, statements.statements)
    organisations = O.organisations_of(article, paragraphs, contexts)
    countries = G.countries_of(article, paragraphs, contexts)
    return Extraction(article, people, organisations, countries, meetings, statements.statements)


def _people_mentioned(article: Article, paragraphs, docs, contexts, index: PeopleIndex) -> list[list[Mention]]:
    """Each paragraph's person mentions, names and descriptions linked to people (pronouns are
    linked later, in reading order)."""
    credited = O.credited(article)
    all_mentions: list[list[Mention]] = []
    for n, (paragraph, doc, context) in enumerate(zip(paragraphs, docs, contexts)):
        mentions = find_mentions(paragraph.text, n, paragraph.start, context, doc) if paragraph.kind != "header" else []
        for mention in mentions:
            if mention.kind == "name" and fold(mention.text) in credited:
                continue  # "Havana, Aug 24 (Prensa Latina)": the outlet, not a person
            if mention.kind == "name" and mention.rule != "weak":
                index.resolve_name(mention, create=mention.rule not in {"short"})
            elif mention.kind == "description":
                index.resolve_description(mention)
        all_mentions.append(mentions)
    # A surname told before the full name (a live blog's newest entry first, a headline-like lede).
    for mentions in all_mentions:
        for mention in mentions:
            if mention.person is None and mention.kind == "name" and mention.rule == "short":
                index.resolve_later_name(mention)
            elif mention.person is None and mention.kind == "description" and mention.country:
                index.resolve_later_description(mention)  # "his Chinese counterpart", named later
    return [[m for m in mentions if m.person is not None or m.kind == "pronoun"] for mentions in all_mentions]
