"""`manage.py score_golden` scores the engine on the golden articles and stores what /about/data/ shows."""
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from meetings.quality import score

ROOT = Path(__file__).resolve().parent.parent


def test_score_counts_matches_by_field():
    gold = {"people": [{"name": "Wang Yi", "aliases": ["Wang"]}, {"name": "Sergey Lavrov"}],
            "meetings": [{"status": "held", "participants": ["Wang Yi", "Sergey Lavrov"]}],
            "statements": [{"speaker": "Wang", "evidence": "we agree"}], "countries": ["CN", "RU"]}
    pred = {"people": [{"name": "wang yi"}, {"name": "Someone Else"}],
            "meetings": [{"status": "held", "participants": ["Wang", "Sergey Lavrov"]}],
            "statements": [{"speaker": "Wang Yi", "text": "He said: We agree."}], "countries": ["CN"]}
    figures = score(gold, pred)
    assert figures["people"] == pytest.approx(0.5)
    assert figures["meetings"] == 1.0 and figures["statements"] == 1.0
    assert figures["countries"] == pytest.approx(2 / 3)


@pytest.mark.slow
def test_command_scores_every_golden_article_and_stores_the_report(tmp_path):
    out = tmp_path / "scores.json"
    call_command("score_golden", "--out", str(out), stdout=open(tmp_path / "log", "w"))
    report = json.loads(out.read_text())
    articles = {p.name for p in (ROOT / "fixtures" / "articles").iterdir() if p.suffix in {".txt", ".html"}}
    assert {row["article"] for row in report["articles"]} == articles
    for row in report["articles"] + [report["mean"]]:
        assert all(0 <= row[f] <= 1 for f in ["people", "meetings", "statements", "countries"])


def test_command_fails_clearly_without_golden_answers(tmp_path):
    with pytest.raises(CommandError, match="no golden answer"):
        call_command("score_golden", "--golden", str(tmp_path), "--out", str(tmp_path / "x.json"))
