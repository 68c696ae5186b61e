"""The page benchmark runs end to end: both servers start, take turns and report every page asked for."""
import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "benchmark_pages.py"


def test_the_benchmark_reports_a_ratio_per_page_on_the_same_data_twice(tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"  # the demo data on both sides: an A/A run
    run = subprocess.run([sys.executable, str(SCRIPT), "--large", url, "--demo", url, "--runs", "3", "--no-exports",
                          "--only", "a meeting"], capture_output=True, text=True, timeout=300)
    assert run.returncode in (0, 1), run.stderr  # 1: a target missed, which noise on 3 runs may cause
    rows = [line for line in run.stdout.splitlines() if line.startswith("a meeting")]
    assert len(rows) == 1, run.stdout
    demo_ms, large_ms, _p95, ratio = (float(x) for x in rows[0].split()[2:6])
    assert demo_ms > 0 and large_ms > 0
    assert abs(ratio * demo_ms - large_ms) <= 0.1 + 0.01 * demo_ms  # medians are printed rounded to 0.1 ms
    assert re.search(r"demo: +\d[\d,]* meetings", run.stdout)
