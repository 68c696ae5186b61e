"""Whole articles kept in the project, each with a hand-made answer in
tests/golden/ (the format of ../shared/corpus/SCHEMA.md): the extraction must
find what a careful reader wrote down."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from meetings.extraction.pipeline import extract_article
from meetings.quality import score

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.gold.json"))

pytestmark = pytest.mark.slow


def _article(gold_path: Path) -> Path:
    stem = gold_path.name[: -len(".gold.json")]
    matches = [p for p in (ROOT / "fixtures" / "articles").glob(f"{stem}.*")]
    assert matches, f"no article for {gold_path.name}"
    return matches[0]


@pytest.mark.parametrize("gold_path", GOLDEN, ids=lambda p: p.name[: -len(".gold.json")])
def test_extraction_matches_the_hand_made_answer(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pred = extract_article(_article(gold_path)).to_json()
    assert pred["article"]["published"] == gold["article"]["published"]
    assert pred["article"]["title"] == gold["article"]["title"]
    figures = score(gold, pred)
    print(gold_path.name, figures)
    assert min(figures.values()) >= 0.75, figures  # the quality bar of each field


def test_every_sample_article_has_a_golden_answer():
    articles = {p.stem for p in (ROOT / "fixtures" / "articles").iterdir() if p.suffix in {".txt", ".html"}}
    assert articles == {p.name[: -len(".gold.json")] for p in GOLDEN}
