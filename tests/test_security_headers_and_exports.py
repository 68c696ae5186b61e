"""What a browser or a spreadsheet does with our output: a CSP header that
forbids inline script, and CSV cells that never run as formulas."""
import csv
import io
import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from meetings.exports import safe_cell
from tests import builders

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/meetings/", "/admin/login/"])
def test_every_page_carries_a_content_security_policy(client, url):
    policy = client.get(url)["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy


def test_our_templates_need_no_inline_script_or_style():
    inline = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.I)
    offenders = [str(path.relative_to(ROOT)) for path in (ROOT / "templates").rglob("*.html")
                 if inline.search(path.read_text(encoding="utf-8"))]
    assert offenders == []


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_that_would_run_as_a_formula_is_prefixed(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Wang Yi", "", "a=b", 12, None])
def test_other_cells_are_unchanged(value):
    assert safe_cell(value) == value


def test_exports_escape_formulas_written_in_records(client):
    speaker = builders.person("=cmd|'/c calc'!A1", slug="formula")
    art = builders.article(text="@SUM(1+1) said the minister, and more words follow here.")
    builders.statement(speaker, art, text="@SUM(1+1) said the minister", role="-Minister")
    builders.meeting("+Talks", participants=[speaker], source=art, place="=1+2")
    for url in ["/statements/?format=csv", "/meetings/?format=csv"]:
        rows = list(csv.reader(io.StringIO(b"".join(client.get(url).streaming_content).decode())))
        cells = [cell for row in rows[1:] for cell in row]
        assert cells and not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
        assert any(cell.startswith("'") for cell in cells)


@settings(max_examples=200)
@given(st.text())
def test_no_cell_starts_a_formula_and_none_loses_a_character(value):
    cell = safe_cell(value)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell in (value, "'" + value)
