"""The portal for its real readers (issue 15): what a citizen, a hamlet head or a council member reads on the public
pages, built from the sample records; expectations worked out by hand from the records.

Seed facts used here: Đinh Văn Cường's dossier was sent after the deadline, La Thị Nhung's never sent, Đỗ Văn Hải
has a complaint open; the decision granting Nguyễn Thị Lan is dated 15/12/2025 and the story about her award
18/12/2025.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, copy_repository
from samples import built
from site_text import main_html, page_text, search_pages, text_of

ELIGIBILITY = "phong-trao/chung-tay-cchc-2025/xet-chon/index.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample repository built on 20/12/2025, after the decision and the story."""
    return built(copy_repository(tmp_path_factory.mktemp("readers") / "repo"), "2025-12-20")


def _details(page: Path) -> dict[str, str]:
    """The visible text of each dossier's detail on an eligibility page, by nomination id (its heading's anchor)."""
    html = page.read_text("utf-8")
    chunks = html[html.index('id="chi-tiet"') :].split('<h3 id="')[1:]
    return {chunk[: chunk.index('"')]: text_of(chunk[chunk.index(">") :]) for chunk in chunks}


def test_a_dossier_that_stopped_early_says_its_criteria_were_not_examined(site: Path) -> None:
    """Late, never sent, barred: the detail says why the criteria were not examined and shows no criterion mark,
    matching the table's dashes (no «✓ đạt» for a dossier nobody examined, no «không có ✓» for a barred person)."""
    details = _details(site / ELIGIBILITY)
    cuong = details["ca-nhan-dinh-van-cuong"]
    assert "Các tiêu chí chưa được xét vì hồ sơ nộp sau hạn chót." in cuong
    assert "Nộp sau hạn chót 05/12/2025." in cuong
    hai = details["ca-nhan-do-van-hai"]
    assert "Các tiêu chí chưa được xét vì người hoặc tập thể được đề nghị thuộc trường hợp chưa xét khen thưởng" in hai
    nhung = details["ca-nhan-la-thi-nhung"]
    assert "Các tiêu chí chưa được xét vì hồ sơ chưa nộp." in nhung
    for stopped in (cuong, hai, nhung):
        assert "✓" not in stopped and "✗" not in stopped and "đạt:" not in stopped
    lan = details["ca-nhan-nguyen-thi-lan"]
    assert lan.count("✓") == 4 and "chưa được xét" not in lan


# Names that are the records' own vocabulary, never the reader's: every property of every schema written with an
# underscore (submitted_at, in_favour, unit_vote…), and the tool's own words.
_FIELDS = sorted(
    {
        name
        for schema in (ROOT / "schemas").glob("*.json")
        for name in re.findall(r'"([a-z]+(?:_[a-z]+)+)":\s*\{', schema.read_text("utf-8"))
    }
)


def test_no_field_name_command_or_yaml_on_a_public_page(site: Path, tmp_path: Path) -> None:
    """Every page but the staff guide (huong-dan/) reads as Vietnamese prose: no field name, no command, no code;
    after the decision, and before the deadline (when the dossier board says what is still to send)."""
    assert "submitted_at" in _FIELDS and "unit_vote" in _FIELDS
    early = built(copy_repository(tmp_path / "repo"), "2025-11-20")
    assert "nộp hồ sơ cho nơi nhận hồ sơ" in page_text(early / "phong-trao/chung-tay-cchc-2025/ho-so/index.html")
    pages = [
        p
        for folder in (site, early)
        for p in sorted(folder.rglob("*.html"))
        if not p.relative_to(folder).as_posix().startswith("huong-dan/")
    ]
    assert len(pages) > 30
    found = []
    for page in pages:
        if '<article class="md-content__inner' not in page.read_text("utf-8"):
            continue
        main = main_html(page)
        words = _all_text(main)
        for technical in [*_FIELDS, "thidua ", "records/", ".yml", "YAML"]:
            if technical in words:
                found.append((page.as_posix(), technical))
        if "<code" in main:
            found.append((page.as_posix(), "<code>"))
    assert found == []


def _all_text(fragment: str) -> str:
    """The text of an HTML fragment with its tags stripped, the labels of its SVG charts included."""
    return re.sub(r"<[^>]+>", " ", fragment)


def test_nothing_dated_after_the_day_of_the_site_is_published(tmp_path: Path) -> None:
    """Built on 16/12/2025, the day after the decision and before the story (18/12): the honour board shows Lan, the
    story is not on the site, nor in the feed or on her unit's page. Built on 12/12, before the decision: nobody is on
    the honour board yet."""
    root = copy_repository(tmp_path / "repo")
    site = built(root, "2025-12-16")
    assert "Nguyễn Thị Lan" in page_text(site / "bang-vang/index.html")
    assert not (site / "tin-tuc/chi-lan-mot-cua/index.html").exists()
    assert "chi-lan-mot-cua" not in (site / "tin-tuc/feed.xml").read_text("utf-8")
    assert "Chị Lan và những buổi trưa" not in page_text(site / "don-vi/van-phong-thong-ke/index.html")
    assert "Chị Lan và những buổi trưa" not in page_text(site / "tin-tuc/index.html")
    site = built(root, "2025-12-12")
    assert "Nguyễn Thị Lan" not in page_text(site / "bang-vang/index.html")
    later = built(root, "2025-12-20")
    assert (later / "tin-tuc/chi-lan-mot-cua/index.html").exists()
    assert "/tin-tuc/chi-lan-mot-cua/" in search_pages(later)


def test_the_home_page_leads_to_the_procedure_and_the_guide(site: Path) -> None:
    main = main_html(site / "index.html")
    assert 'href="cach-xet-chon/">Cách xét chọn</a>' in main
    assert 'href="huong-dan/">Hướng dẫn cho cán bộ</a>' in main


def _honour_entry(page: Path, anchor: str) -> tuple[str, list[str]]:
    """The text and the links of one entry of an honour board page, found by its heading's anchor."""
    html = main_html(page)
    start = html.index(f'id="{anchor}"')
    chunk = html[start : html.index("</div>", start)]
    return text_of(chunk[chunk.index(">") + 1 :]), re.findall(r'href="([^"]+)"', chunk)


@pytest.mark.parametrize("board", ["bang-vang/index.html", "bang-vang/2025/index.html"])
def test_the_honour_board_says_why_each_award_was_given(site: Path, board: str) -> None:
    """Nguyễn Thị Lan's entry: the award and decision, her achievement as the dossier sums it up, the four criteria of
    the plan she met (worded as the plan words them), the council's 7/8, and links to her eligibility detail and to
    the story about her award, each leading to a page of the site with that anchor."""
    text, links = _honour_entry(site / board, "chung-tay-cchc-2025-ca-nhan-nguyen-thi-lan")
    assert "Giấy khen của Chủ tịch UBND xã" in text and "Số 215/QĐ-UBND ngày 15/12/2025" in text
    assert "Thành tích: Phụ trách Bộ phận Một cửa: 99,2% hồ sơ TTHC giải quyết đúng hạn" in text
    assert "Tiêu chí đã đạt:" in text
    assert "Hoàn thành xuất sắc nhiệm vụ được giao trong năm 2025." in text
    assert "Thực hiện nghiêm kỷ luật, kỷ cương hành chính (Không vi phạm kỷ luật, kỷ cương hành chính)." in text
    assert "7/8 phiếu đồng ý" in text
    here = (site / board).parent
    targets = {}
    for link in links:
        path, _, anchor = link.partition("#")
        target = site / board if not path else (here / path / "index.html") if path.endswith("/") else here / path
        assert target.resolve().is_file(), link
        assert not anchor or f'id="{anchor}"' in target.read_text("utf-8"), link
        targets[link] = target.resolve()
    pages = {t.relative_to(site.resolve()).as_posix() for t in targets.values()}
    assert {"phong-trao/chung-tay-cchc-2025/xet-chon/index.html", "tin-tuc/chi-lan-mot-cua/index.html"} <= pages
    assert any(link.endswith("xet-chon/#ca-nhan-nguyen-thi-lan") for link in links)


def test_a_collective_on_the_honour_board_links_to_its_unit_and_shows_its_criteria(site: Path) -> None:
    """Tư pháp - hộ tịch: five criteria for collectives met, 6/8 votes, a link to its unit page."""
    text, links = _honour_entry(site / "bang-vang/2025/index.html", "chung-tay-cchc-2025-tap-the-tu-phap-ho-tich")
    assert "Chỉ số CCHC hàng năm của cơ quan xếp từ loại tốt trở lên." in text
    assert "6/8 phiếu đồng ý" in text
    assert "../../don-vi/tu-phap-ho-tich/" in links
