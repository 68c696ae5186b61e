import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "articles" / "chinadaily-2013-07-15-sco-cholpon-ata.txt"

pytestmark = pytest.mark.slow


def test_extract_one_file_to_standard_output():
    out = StringIO()
    call_command("extract", str(SEED), stdout=out)
    data = json.loads(out.getvalue())
    assert data["schema"] == 1
    assert data["article"]["published"] == "2013-07-15"
    assert {"Wang Yi", "Zhantoro Satybaldiyev"} <= {p["name"] for p in data["people"]}
    text = SEED.read_text(encoding="utf-8")
    for statement in data["statements"]:
        assert text[statement["start"] : statement["end"]] == statement["text"]
        assert statement["rule"] and 0 < statement["confidence"] <= 1


def test_extract_to_a_folder_writes_one_json_per_file(tmp_path):
    other = tmp_path / "call.txt"
    other.write_text("Leaders talk\n\nUpdated: 2024-03-11\n\nFrench President Emmanuel Macron spoke by phone "
                     "with Indian Prime Minister Narendra Modi on Sunday.\n", encoding="utf-8")
    call_command("extract", str(SEED), str(other), "--out", str(tmp_path / "out"), stdout=StringIO())
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["call.json", "chinadaily-2013-07-15-sco-cholpon-ata.json"]
    call = json.loads((tmp_path / "out" / "call.json").read_text())
    assert call["meetings"][0]["kind"] == "call" and call["meetings"][0]["date"] == "2024-03-10"


def test_a_bad_file_fails_alone_with_its_name(tmp_path):
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\x00\x00binary")
    err = StringIO()
    with pytest.raises(CommandError, match="1 file"):
        call_command("extract", str(SEED), str(bad), "--out", str(tmp_path / "out"), stdout=StringIO(), stderr=err)
    assert "photo.txt" in err.getvalue()
    assert (tmp_path / "out" / "chinadaily-2013-07-15-sco-cholpon-ata.json").exists()


def test_extract_writes_nothing_to_the_database(db):
    from meetings.models import Meeting, Person

    call_command("extract", str(SEED), stdout=StringIO())
    assert Meeting.objects.count() == 0 and Person.objects.count() == 0
