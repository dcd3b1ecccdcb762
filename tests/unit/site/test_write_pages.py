"""Writing the generated pages: only those whose content changed, even when a file was changed behind our back."""

from __future__ import annotations

import os
from pathlib import Path

from thidua.site.page import Page
from thidua.site.render import write_pages


def test_only_changed_pages_are_written_and_a_file_changed_by_hand_is_written_again(tmp_path: Path) -> None:
    """Unchanged pages are left alone (their time does not move); a page whose file someone edited to other bytes of
    the same size is written again all the same (its time moved, as git's index notices a change)."""
    pages = [Page("a.md", "một\n"), Page("b/c.md", "hai\n")]
    assert write_pages(pages, tmp_path) == 2
    before = (tmp_path / "a.md").stat().st_mtime_ns
    assert write_pages(pages, tmp_path) == 0
    assert (tmp_path / "a.md").stat().st_mtime_ns == before
    assert write_pages([Page("a.md", "một\n"), Page("b/c.md", "ba\n")], tmp_path) == 1
    stat = (tmp_path / "a.md").stat()
    (tmp_path / "a.md").write_text("mô!t\n", "utf-8")  # same size in bytes (6), other content
    os.utime(tmp_path / "a.md", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert write_pages([Page("a.md", "một\n")], tmp_path) == 1
    assert (tmp_path / "a.md").read_text("utf-8") == "một\n"
