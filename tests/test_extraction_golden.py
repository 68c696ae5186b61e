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


# The scores each golden article reached when last recorded: a ratchet. A change may raise them
# (record again: `python tests/test_extraction_golden.py --record`), never lower them.
RECORDED = ROOT / "tests" / "golden" / "recorded_scores.json"


def _figures(gold_path: Path) -> tuple[dict, dict]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return gold, extract_article(_article(gold_path)).to_json()


@pytest.mark.parametrize("gold_path", GOLDEN, ids=lambda p: p.name[: -len(".gold.json")])
def test_extraction_holds_its_recorded_score(gold_path):
    gold, pred = _figures(gold_path)
    assert pred["article"]["published"] == gold["article"]["published"]
    assert pred["article"]["title"] == gold["article"]["title"]
    figures = score(gold, pred)
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))[gold_path.name]
    fallen = {field: (round(value, 3), recorded[field]) for field, value in figures.items()
              if round(value, 3) < recorded[field]}
    assert not fallen, f"below the recorded score (now, recorded): {fallen}"


def test_every_article_has_a_recorded_score():
    assert set(json.loads(RECORDED.read_text(encoding="utf-8"))) == {p.name for p in GOLDEN}


def record() -> None:
    scores = {p.name: {k: round(v, 3) for k, v in score(*_figures(p)).items()} for p in GOLDEN}
    RECORDED.write_text(json.dumps(scores, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps(scores, indent=1, sort_keys=True))


def test_every_sample_article_has_a_golden_answer():
    articles = {p.stem for p in (ROOT / "fixtures" / "articles").iterdir() if p.suffix in {".txt", ".html"}}
    assert articles == {p.name[: -len(".gold.json")] for p in GOLDEN}


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT))
    if "--record" in sys.argv:
        record()
