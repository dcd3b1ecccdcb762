"""Boards of a large campaign (over 200 nominations) are split by proposing unit: a summary page lists each unit with
its counts and links to the unit's page, which holds its rows and details; links from elsewhere find the detail."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from samples import built
from site_text import main_html, page_text

CAMPAIGN = "chung-tay-cchc-2025"
NOMINATIONS = 300  # added to the sample's ten: over the 200 a board holds on one page


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = tmp_path_factory.mktemp("large") / "repo"
    command = [sys.executable, str(ROOT / "bench/synthetic.py"), str(tree), "--units", "20", "--nominations", str(NOMINATIONS)]
    subprocess.run(command, check=True, capture_output=True)
    return built(tree, "2025-12-20")


def _unit_pages(site: Path, board: str) -> list[Path]:
    return sorted((site / f"phong-trao/{CAMPAIGN}/{board}").glob("*/index.html"))


@pytest.mark.parametrize("board", ["ho-so", "xet-chon"])
def test_a_large_board_is_a_summary_and_a_page_per_proposing_unit(site: Path, board: str) -> None:
    """The summary lists every proposing unit once with its number of dossiers (they add up to every nomination) and
    a link to its page; every nomination's row is on exactly one unit page."""
    summary = site / f"phong-trao/{CAMPAIGN}/{board}/index.html"
    html = main_html(summary)
    assert "Theo đơn vị đề nghị" in html
    links = re.findall(r'<a href="([a-z0-9-]+/)">', html)
    pages = _unit_pages(site, board)
    assert sorted(links) == sorted(f"{p.parent.name}/" for p in pages) and len(pages) > 10
    counts = [int(n) for n in re.findall(r'data-label="Số hồ sơ" class="thidua-num">(\d+)<', html)]
    assert sum(counts) == NOMINATIONS + 10
    rows = [re.findall(r"<tr>\s*<td>", main_html(p).split("</thead>", 1)[-1]) for p in pages]
    assert sum(len(r) for r in rows) == NOMINATIONS + 10
    assert "<tbody>" not in html.split("Theo đơn vị đề nghị", 1)[0]  # no nomination row on the summary itself


def test_the_summary_keeps_the_council_and_the_ranking(site: Path) -> None:
    """The eligibility summary still says who chaired the session and ranks the nominations; unit pages send there."""
    text = page_text(site / f"phong-trao/{CAMPAIGN}/xet-chon/index.html")
    assert "Phiên họp của Hội đồng Thi đua - Khen thưởng xã Kim Phượng ngày 10/12/2025" in text
    assert "Xếp hạng sau biểu quyết: 1. Tư pháp - hộ tịch" in text
    unit = page_text(_unit_pages(site, "xet-chon")[0])
    assert "tổng hợp xét chọn" in unit and "Chi tiết từng hồ sơ" in unit


def test_links_to_a_detail_find_it_on_its_unit_page(site: Path) -> None:
    """The honour board and a unit page link to the eligibility detail on the proposing unit's page, and it is there."""
    for page in (site / "bang-vang/index.html", site / "don-vi/tu-phap-ho-tich/index.html"):
        links = [link for link in re.findall(r'href="([^"]+)"', main_html(page)) if "/xet-chon/" in link]
        assert links, page
        for link in links:
            path, _, anchor = link.partition("#")
            target = (page.parent / path / "index.html").resolve()
            assert target.is_file() and f'id="{anchor}"' in target.read_text("utf-8"), link
            assert target.parent.parent.name == "xet-chon"


def test_a_small_board_stays_one_page(tmp_path: Path) -> None:
    """The sample campaign's ten nominations: one page per board, no unit pages."""
    from conftest import copy_repository

    small = built(copy_repository(tmp_path / "repo"), "2025-12-20")
    assert _unit_pages(small, "ho-so") == [] and _unit_pages(small, "xet-chon") == []
    assert "Theo đơn vị đề nghị" not in page_text(small / f"phong-trao/{CAMPAIGN}/xet-chon/index.html")
