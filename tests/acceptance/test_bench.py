"""The benchmark runs end to end (at a tiny size: timing belongs to bench/run.py, never to the tests)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_benchmark_prints_medians_and_ratios(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench/run.py"), "--sizes", "40", "--rounds", "1", "--work", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    for line in (
        "check-jsonschema (lược đồ gộp một tệp)",
        "thidua validate, lạnh (--no-cache)",
        "thidua validate, ấm (sau khi sửa 1 hồ sơ)",
        "kiểm tra + xét + sinh trang Markdown, lạnh",
        "thidua build (cả MkDocs), lạnh",
    ):
        assert re.search(re.escape(line) + r"\s+trung vị\s+\d+\.\d\d s\s+bộ nhớ đỉnh\s+\d+ MiB", out), line
    assert re.search(r"→ lạnh nhanh hơn check-jsonschema \d+\.\d lần; ấm nhanh hơn \d+ lần", out)
    assert re.search(r"trang HTML lớn nhất\s+\d+\.\d\d MB   \S+\.html \(dưới giới hạn 1 MB\)\n", out)
    search, lookup = out.split("Ô tìm kiếm (Pagefind)\n", 1)[1].split("Trang tra cứu\n", 1)
    assert re.search(r"  'giay khen'\s+trang\s+\d+\.\d kB \+ truy vấn\s+\d+\.\d kB \(\s*\d+ yêu cầu\) =", search)
    assert re.search(r"  'ng t lan'\s+trang\s+\d+\.\d kB \+ truy vấn\s+\d+\.\d kB \(\s*\d+ yêu cầu\) =", lookup)
    assert "QUÁ GIỚI HẠN" not in out
    assert re.search(r"mọi trang HTML\s+\d+\.\d\d MB   \(\d+ trang\)\n", out)
    for edit in ("gương điển hình", "tên người được đề nghị"):
        assert re.search(rf"xem thử: sửa {edit}\s+trung vị\s+\d+\.\d\d s   \(các lượt: \d+\.\d\d\)\n", out), edit
    assert (tmp_path / "syn40" / "site" / "index.html").is_file()
