"""`manage.py extract --out DIR FILE...`: the extraction of each article as
JSON (../shared/corpus/SCHEMA.md), written to DIR/<stem>.json, or to standard
output for one file without --out. Writes nothing to the database."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meetings.extraction.pipeline import extract, parser_texts
from meetings.extraction.reader import read_article
from meetings.extraction.types import ArticleError
from meetings.extraction import nlp


class Command(BaseCommand):
    help = "Extract people, organisations, countries, meetings and statements from article files (no database)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--out", type=Path, help="Folder for <stem>.json files (default: standard output).")
        parser.add_argument("--published", type=dt.date.fromisoformat,
                            help="Publication date (YYYY-MM-DD) for articles that do not state one.")

    def handle(self, *args, files, out, published, **options):
        if out is None and len(files) > 1:
            raise CommandError("give --out DIR to extract several files")
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
        articles, failed = [], 0
        for path in files:
            try:
                articles.append((path, read_article(path, published=published)))
            except ArticleError as exc:
                failed += 1
                self.stderr.write(f"skipped: {exc}")
        # One parsing stream for every paragraph of every article: nlp.pipe batches them.
        texts, bounds = [], []
        for _, article in articles:
            chunk = parser_texts(article)
            bounds.append((len(texts), len(texts) + len(chunk)))
            texts.extend(chunk)
        docs = nlp.parse(texts)
        for (path, article), (lo, hi) in zip(articles, bounds):
            data = extract(article, docs[lo:hi]).to_json()
            payload = json.dumps(data, ensure_ascii=False, indent=1)
            if out is None:
                self.stdout.write(payload)
            else:
                (out / f"{path.stem}.json").write_text(payload, encoding="utf-8")
        if out is not None:
            self.stdout.write(f"extracted {len(articles)} article(s) to {out}" + (f", {failed} failed" if failed else ""))
        if failed:
            raise CommandError(f"{failed} file(s) could not be read")
