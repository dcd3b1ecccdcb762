"""thidua serve's regeneration: saving a record redraws its page; a broken record leaves the pages as they were."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thidua.records.validate import validate_tree
from thidua.site.build import generate
from thidua.site.serve import _Regenerate

AS_OF = dt.date(2025, 11, 20)
PLAN_PAGE = "docs/phong-trao/chung-tay-cchc-2025/index.md"
CAMPAIGN = "records/campaigns/chung-tay-cchc-2025.yml"


def test_saving_a_record_regenerates_only_what_changed(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """After a record is saved, the pages made from it are rewritten and the others are left untouched."""
    generate(validate_tree(tree), tree, AS_OF)
    other = tree / "docs/tra-cuu/index.md"
    before = other.stat().st_mtime_ns
    plan = tree / CAMPAIGN
    plan.write_text(
        plan.read_text("utf-8").replace("name: Chung tay Cải cách hành chính", "name: Chung tay Cải cách hành chính mới"), "utf-8"
    )
    _Regenerate(tree, AS_OF).run()
    assert "Chung tay Cải cách hành chính mới" in (tree / PLAN_PAGE).read_text("utf-8")
    assert other.stat().st_mtime_ns == before
    assert capsys.readouterr().out.startswith("Đã cập nhật ")


def test_a_broken_record_keeps_the_preview_as_it_was(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """While a record has errors, the preview keeps its pages and the errors are printed."""
    generate(validate_tree(tree), tree, AS_OF)
    page = (tree / PLAN_PAGE).read_text("utf-8")
    plan = tree / CAMPAIGN
    plan.write_text(plan.read_text("utf-8").replace("  date: 2025-12-05", "  date: 05/12/2025"), "utf-8")
    _Regenerate(tree, AS_OF).run()
    assert (tree / PLAN_PAGE).read_text("utf-8") == page
    out = capsys.readouterr().out
    assert "hãy viết 2025-12-05 thay cho 05/12/2025." in out
    assert out.endswith("Trang xem thử giữ nội dung cũ cho đến khi hồ sơ hết lỗi.\n")


def test_regenerations_never_overlap(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A change saved while a regeneration runs waits for it: two never validate and write docs/ at once."""
    import threading
    import time

    import thidua.site.serve

    active, overlaps = [0], []
    real = thidua.site.serve.validate_tree

    def slow_validate(root: Path, **options: object) -> object:
        active[0] += 1
        overlaps.append(active[0])
        time.sleep(0.2)
        try:
            return real(root, **options)  # type: ignore[arg-type]
        finally:
            active[0] -= 1

    monkeypatch.setattr(thidua.site.serve, "validate_tree", slow_validate)
    handler = _Regenerate(tree, AS_OF)
    threads = [threading.Thread(target=handler.run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert overlaps == [1, 1, 1]
