"""The honour board over several campaigns: an archive by year, and revoked awards kept and marked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import DATA, copy_repository
from site_text import page_text
from thidua.cli import main

SECOND = DATA / "second-campaign"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample repository with the second (2024) campaign overlaid, built once."""
    root = copy_repository(tmp_path_factory.mktemp("honour") / "repo")
    shutil.copytree(SECOND / "records", root / "records", dirs_exist_ok=True)
    assert main(["--root", str(root), "build", "--as-of", "2025-12-20"]) == 0
    return root / "site"


def test_each_year_has_its_page_and_the_index_links_them(site: Path) -> None:
    """The honour board lists the years, newest first, each with its own page."""
    index = page_text(site / "bang-vang/index.html")
    assert "Các năm: 2025 · 2024" in index
    assert "Tư pháp - hộ tịch" in index and "Số 215/QĐ-UBND ngày 15/12/2025" in index
    assert (site / "bang-vang/2024/index.html").is_file()


def test_a_revoked_award_stays_on_the_board_marked(site: Path) -> None:
    """A revoked award is still listed, struck through, with the revoking decision and its reason."""
    source = (site / "bang-vang/2024/index.html").read_text("utf-8")
    text = page_text(site / "bang-vang/2024/index.html")
    assert "Đã hủy bỏ theo Quyết định số" in text
    assert "<del>" in source
