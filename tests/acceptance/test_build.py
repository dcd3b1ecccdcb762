"""thidua build: a deterministic site with nothing private and nothing unescaped."""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path

import pytest

from conftest import AS_OF, copy_repository, edit, private_values, write
from site_text import file_text, page_text
from thidua.cli import main


def _build(root: Path, site: str = "site", as_of: str = AS_OF) -> Path:
    assert main(["--root", str(root), "build", "--as-of", as_of, "--site-dir", site]) == 0
    return root / site


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample repository built once for the session."""
    root = copy_repository(tmp_path_factory.mktemp("built") / "repo")
    return _build(root)


def _digest(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()
    }


def test_same_records_same_date_same_bytes(built: Path) -> None:
    """Building again from the same records with the same --as-of gives byte-identical files."""
    again = _build(built.parent, "site-again")
    assert _digest(again) == _digest(built)


def test_no_private_field_reaches_the_site(built: Path) -> None:
    """No value from any person's private block appears in any file of site/ (birth dates also looked for as they
    would be printed, dd/mm/yyyy)."""
    secrets = private_values(built.parent)
    assert len(secrets) > 60  # the sample data has birth dates, phones and ID numbers to look for
    assert any(s.count("/") == 2 for s in secrets)
    assert list(built.rglob("*.docx"))  # the official documents are read too, inside their zip
    leaks = []
    for path in sorted(built.rglob("*")):
        if path.is_file():
            content = file_text(path)  # the search index's files and the workbooks unzipped
            leaks += [(path.name, s) for s in secrets if s in content]
    assert leaks == []


def test_hostile_text_is_shown_as_text(tree: Path) -> None:
    """HTML and Markdown typed into a record are escaped, never executed or linked."""
    plan = tree / "records/campaigns/chung-tay-cchc-2025.yml"
    text = plan.read_text("utf-8").replace(
        "  - Nâng cao ý thức trách nhiệm",
        "  - \"<script>alert('x')</script> **đậm** [liên kết](https://example.com) <img src=x onerror=alert(1)>\"\n"
        "  - Nâng cao ý thức trách nhiệm",
        1,
    )
    write(tree, "records/campaigns/chung-tay-cchc-2025.yml", text)
    site = _build(tree)
    source = (site / "phong-trao/chung-tay-cchc-2025/index.html").read_text("utf-8")
    assert "<script>alert" not in source and "<img src=x" not in source
    assert 'href="https://example.com"' not in source and "<strong>đậm</strong>" not in source
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in source or "&lt;script&gt;alert('x')&lt;/script&gt;" in source
    shown = page_text(site / "phong-trao/chung-tay-cchc-2025/index.html")
    assert "<script>alert('x')</script> **đậm** [liên kết](https://example.com) <img src=x onerror=alert(1)>" in shown


def test_generated_pages_are_rewritten_only_when_changed(tree: Path) -> None:
    """A second generation with no change in the records writes no page (mkdocs serve would loop)."""
    from thidua.clock import as_of_date
    from thidua.records.validate import validate_tree
    from thidua.site.build import generate

    result = validate_tree(tree)
    assert generate(result, tree, as_of_date(AS_OF)) > 0
    assert generate(result, tree, as_of_date(AS_OF)) == 0


def test_site_urls_are_ascii(built: Path) -> None:
    """Every path in site/ is ASCII (đ → d), so links survive every tool."""
    assert [p for p in built.rglob("*") if not p.relative_to(built).as_posix().isascii()] == []


def test_a_broken_link_fails_the_build_and_keeps_the_old_site(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """MkDocs runs with --strict and its warnings counted: a broken link exits 1 and site/ stays as it was."""
    site = write(tree, "site/index.html", "trang cũ")
    write(tree, "site/.thidua-site", "")  # built by thidua earlier, so a build may replace it
    write(tree, "docs/huong-dan/hong.md", "---\ntitle: Hỏng\n---\n\n# Hỏng {#hong}\n\n[không có](khong-co.md)\n")
    assert main(["--root", str(tree), "build", "--as-of", AS_OF]) == 1
    assert "khong-co.md" in capsys.readouterr().out
    assert site.read_text("utf-8") == "trang cũ"


def test_every_page_is_in_the_navigation_or_linked_from_an_index_in_it(built: Path) -> None:
    """The generated navigation lists the boards, the honour board, the units' and the stories' index pages and the
    lookup; each unit and each story is reached from its index page instead (a province has hundreds)."""
    config = (built.parent / "build" / "mkdocs.yml").read_text("utf-8")
    for path in (
        "phong-trao/chung-tay-cchc-2025/ho-so.md",
        "phong-trao/chung-tay-cchc-2025/xet-chon.md",
        "bang-vang/index.md",
        "don-vi/index.md",
        "tra-cuu/index.md",
        "tin-tuc/index.md",
    ):
        assert path in config
    assert "don-vi/xom-dong-tam.md" not in config
    assert 'href="xom-dong-tam/"' in (built / "don-vi/index.html").read_text("utf-8")
    assert 'href="cuu-chien-binh-tra-lai-tai-san/"' in (built / "tin-tuc/index.html").read_text("utf-8")


ENGLISH = ("Initializing search", "Permanent link", "RSS feed", "Contributors", "Made with", "Back to top", "Skip to content")


def test_no_english_left_in_the_theme(built: Path) -> None:
    """Material strings its vi translation leaves in English are translated; pages say lang="vi"."""
    leftovers = [
        (p.relative_to(built).as_posix(), s) for p in sorted(built.rglob("*.html")) for s in ENGLISH if s in p.read_text("utf-8")
    ]
    assert leftovers == []
    assert '<html lang="vi"' in (built / "index.html").read_text("utf-8")
    assert 'aria-label="Tìm kiếm trên trang thông tin"' in (built / "index.html").read_text("utf-8")


def _lookup_entries(site: Path) -> list[dict[str, str]]:
    """Every entry of the lookup's data, block after block."""
    blocks = sorted(site.glob("tra-cuu/du-lieu/[0-9]*.json"), key=lambda p: int(p.stem))
    return [entry for block in blocks for entry in json.loads(block.read_text("utf-8"))]


def test_generated_pages_link_only_to_pages_that_exist(built: Path) -> None:
    """Every generated board is built, and the lookup index holds public names only."""
    for path in (
        "phong-trao/chung-tay-cchc-2025/ho-so/index.html",
        "phong-trao/chung-tay-cchc-2025/xet-chon/index.html",
        "phong-trao/chung-tay-cchc-2025/nhiem-vu/index.html",
        "bang-vang/index.html",
        "don-vi/index.html",
        "don-vi/xom-dong-tam/index.html",
        "tra-cuu/index.html",
        "tra-cuu/du-lieu/0.json",
        "tra-cuu/du-lieu/tu-n.json",
    ):
        assert (built / path).is_file(), path
    entries = _lookup_entries(built)
    lan = next(e for e in entries if e["name"] == "Nguyễn Thị Lan")
    assert lan["fold"] == "nguyen thi lan van phong thong ke"
    assert set(lan) == {"name", "detail", "fold", "url"}


def test_hostile_names_are_text_on_every_board(tree: Path) -> None:
    """A unit or person name holding HTML or Markdown is shown as text on boards, unit pages and the lookup."""
    payload = "<img src=x onerror=alert(1)>*Tư* [pháp](https://example.com)"
    unit = tree / "records/units/tu-phap-ho-tich.yml"
    unit.write_text(unit.read_text("utf-8").replace("name: Tư pháp - hộ tịch", f'name: "{payload}"'), "utf-8")
    site = _build(tree, as_of="2025-12-20")  # after the decision, so the honour board lists the unit
    for path in (
        "phong-trao/chung-tay-cchc-2025/ho-so/index.html",
        "phong-trao/chung-tay-cchc-2025/xet-chon/index.html",
        "bang-vang/index.html",
        "don-vi/tu-phap-ho-tich/index.html",
        "don-vi/index.html",
    ):
        source = (site / path).read_text("utf-8")
        assert "<img src=x" not in source and 'href="https://example.com"' not in source and "<em>Tư</em>" not in source, path
        assert payload in page_text(site / path), path
    names = [e["name"] for e in _lookup_entries(site)]
    assert payload in names  # data for the lookup script, which inserts it with textContent


def test_every_page_showing_sample_data_says_so(tmp_path: Path) -> None:
    """Sample records are marked by a field (fictional: true), and every page showing one says «Dữ liệu minh họa» at its
    top (the home page on the campaign's card), each row of the honour board that comes from one says «minh họa», and a
    page with nothing fictional on it says nothing (the hand-written guide). Built after the sample decision."""
    built = _build(copy_repository(tmp_path / "repo"), as_of="2025-12-20")
    marked = [
        "bang-vang/index.html",
        "bang-vang/2025/index.html",
        "phong-trao/chung-tay-cchc-2025/ho-so/index.html",
        "phong-trao/chung-tay-cchc-2025/xet-chon/index.html",
        "phong-trao/chung-tay-cchc-2025/nhiem-vu/index.html",
        "don-vi/van-phong-thong-ke/index.html",
        "don-vi/xom-dong-tam/index.html",
    ]
    for page in marked:
        assert "Dữ liệu minh họa" in page_text(built / page), page
    assert "Số liệu dưới đây tính từ hồ sơ minh họa, hư cấu" in page_text(built / "index.html")
    board = page_text(built / "bang-vang/index.html")
    rows = [line for line in board.split("Giấy khen của Chủ tịch UBND xã")[1:]]
    assert rows and all("minh họa" in row for row in rows)
    assert "Dữ liệu minh họa" not in page_text(built / "cach-xet-chon/index.html")


def test_every_link_on_every_page_leads_to_a_page_and_its_anchor(built: Path) -> None:
    """The boards' tables are written as HTML (MkDocs does not check their links): every relative link of every built
    page, in the tables and elsewhere, opens a file of the site, and its #anchor is an id on that page."""
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in sorted(built.rglob("*.html")):
        source = page.read_text("utf-8")
        for target in set(re.findall(r'href="([^"]*)"', source)):
            if re.match(r"[a-z]+:|//", target) or not target:
                continue
            path, _, anchor = html.unescape(target).partition("#")
            base = built if path.startswith("/") else page.parent  # the 404 page links from the site's root
            file = (base / path.lstrip("/")).resolve() if path else page
            file = file / "index.html" if file.is_dir() else file
            if not file.is_file():
                broken.append((page.relative_to(built).as_posix(), target))
                continue
            if anchor and file.suffix == ".html":
                known = ids.setdefault(file, set(re.findall(r'id="([^"]+)"', file.read_text("utf-8"))))
                if anchor not in known:
                    broken.append((page.relative_to(built).as_posix(), target))
    assert broken == []


def test_a_document_name_with_markup_is_text_on_the_dossier_board(tree: Path) -> None:
    """The board's table is HTML: a plan's document name holding HTML or Markdown shows as typed, neither run nor
    shown with Markdown's backslashes."""
    payload = "Tờ trình *khẩn* <b>x</b>"
    edit(tree, "records/campaigns/chung-tay-cchc-2025.yml", "name: Tờ trình khen thưởng của cơ quan", f'name: "{payload}"')
    site = _build(tree, as_of="2025-12-20")
    board = site / "phong-trao/chung-tay-cchc-2025/ho-so/index.html"
    assert "<b>x</b>" not in board.read_text("utf-8") and "<em>khẩn</em>" not in board.read_text("utf-8")
    assert f"{payload}: ✓" in page_text(board) and "\\*" not in page_text(board)
