"""Whole articles kept in the project, each with a hand-made answer in
tests/golden/ (the format of ../shared/corpus/SCHEMA.md): the extraction must
find what a careful reader wrote down."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from meetings.extraction.names import fold
from meetings.extraction.pipeline import extract_article

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.gold.json"))

pytestmark = pytest.mark.slow


def _article(gold_path: Path) -> Path:
    stem = gold_path.name[: -len(".gold.json")]
    matches = [p for p in (ROOT / "fixtures" / "articles").glob(f"{stem}.*")]
    assert matches, f"no article for {gold_path.name}"
    return matches[0]


def _f1(tp: int, predicted: int, expected: int) -> float:
    if predicted == expected == 0:
        return 1.0
    precision = tp / predicted if predicted else 0.0
    recall = tp / expected if expected else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(gold: dict, pred: dict) -> dict:
    keys = {}
    for i, person in enumerate(gold["people"]):
        for name in [person["name"], *person.get("aliases", [])]:
            keys.setdefault(fold(name), i)

    def key(name):
        return keys.get(fold(name or ""), fold(name or ""))

    people = {key(p["name"]) for p in pred["people"]}
    people_tp = len({k for k in people if isinstance(k, int)})
    result = {"people": _f1(people_tp, len(pred["people"]), len(gold["people"]))}

    matched, used = 0, set()
    for g in gold["meetings"]:
        gset = {key(n) for n in g["participants"]}
        for i, p in enumerate(pred["meetings"]):
            pset = {key(n) for n in p["participants"]}
            if i not in used and p["status"] == g["status"] and len(gset & pset) / len(gset | pset) >= 0.5:
                used.add(i)
                matched += 1
                break
    result["meetings"] = _f1(matched, len(pred["meetings"]), len(gold["meetings"]))

    def norm(text):
        return " ".join(text.replace("\u2019", "'").split()).casefold()

    found = sum(
        any(key(s["speaker"]) == key(g["speaker"]) and norm(g["evidence"]) in norm(s["text"]) for s in pred["statements"])
        for g in gold["statements"] if g["speaker"]
    )
    right = sum(
        any(key(s["speaker"]) == key(g["speaker"]) and norm(g["evidence"]) in norm(s["text"])
            for g in gold["statements"] if g["speaker"])
        for s in pred["statements"] if s["speaker"]
    )
    expected = sum(1 for g in gold["statements"] if g["speaker"])
    predicted = sum(1 for s in pred["statements"] if s["speaker"])
    precision = right / predicted if predicted else 1.0
    recall = found / expected if expected else 1.0
    result["statements"] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    result["countries"] = _f1(len(set(gold["countries"]) & set(pred["countries"])), len(pred["countries"]),
                              len(gold["countries"]))
    return result


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
