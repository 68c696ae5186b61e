"""How good the data is: the extraction engine scored against the project's
golden articles (fixtures/articles with hand-made answers in tests/golden),
and how much of what is stored curators have reviewed.

`manage.py score_golden` computes the scores and stores them as JSON
(settings.CHANCERY_QUALITY_FILE); /about/data/ shows them.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path


from meetings.extraction.names import fold

FIELDS = ["people", "meetings", "statements", "countries"]


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


def golden_pairs(articles: Path, golden: Path) -> list[tuple[Path, Path]]:
    """(article, answer) for each answer in `golden` whose article is in `articles`."""
    pairs = []
    for gold in sorted(golden.glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        found = sorted(p for p in articles.glob(f"{stem}.*") if p.suffix in {".txt", ".html"})
        if found:
            pairs.append((found[0], gold))
    return pairs


def score_golden(articles: Path, golden: Path) -> dict:
    """F1 of each field for each golden article, and their means."""
    from meetings.extraction.pipeline import extract_article

    rows = []
    for article, gold in golden_pairs(articles, golden):
        figures = score(json.loads(gold.read_text(encoding="utf-8")), extract_article(article).to_json())
        rows.append({"article": article.name, **{f: round(figures[f], 3) for f in FIELDS}})
    means = {f: round(sum(r[f] for r in rows) / len(rows), 3) if rows else None for f in FIELDS}
    return {"computed_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "articles": rows,
            "mean": means}


def write_scores(path: Path, report: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def read_scores(path: Path) -> dict | None:
    """The stored report, or None when it was never computed or cannot be read."""
    try:
        report = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return report if isinstance(report, dict) and isinstance(report.get("articles"), list) else None


def review_shares() -> list[dict]:
    """For each kind of extracted record: how many there are and how many curators reviewed.

    The totals are counting.table_total()'s (PostgreSQL's estimate for a large table), the reviewed
    counted from each model's partial index of reviewed rows: counting both over the tables took
    250 ms a view at a million statements.
    """
    from meetings.counting import table_total
    from meetings.models import Meeting, Organisation, Participation, Person, Statement

    shares = []
    for label, model in [("Meetings", Meeting), ("Participations", Participation), ("Statements", Statement),
                         ("People", Person), ("Organisations", Organisation)]:
        total = table_total(model)
        reviewed = model.objects.filter(reviewed=True).count()
        share = min(reviewed / total.value, 1.0) if total.value else None
        shares.append({"label": label, "total": total, "reviewed": reviewed, "share": share})
    return shares
