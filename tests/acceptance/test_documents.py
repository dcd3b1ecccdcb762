"""``thidua documents`` as an office runs it: the .docx of every campaign, drafts with warnings where the records miss
a fact, the same bytes twice, and the PDF LibreOffice makes, rendered to PNG (test-artifacts/documents/) and read
back: every character of the text present in the embedded Liberation Serif, nothing missing."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document

from conftest import ROOT, Run, edit, private_values
from site_text import file_text

OUT = "build/documents/chung-tay-cchc-2025"
DECISION = "records/decisions/chung-tay-cchc-2025/qd-khen-thuong-2025.yml"
ARTIFACTS = ROOT / "test-artifacts" / "documents"


def texts(path: Path) -> list[str]:
    doc = Document(str(path))
    found = [p.text for p in doc.paragraphs]
    found += [p.text for t in doc.tables for row in t.rows for cell in row.cells for p in cell.paragraphs]
    found += [p.text for s in doc.sections for h in (s.header, s.first_page_header) for p in h.paragraphs]
    return found


def test_documents_are_written_for_each_campaign(tree: Path, cli: Callable[..., Run]) -> None:
    run = cli("--root", str(tree), "documents", "--as-of", "2025-12-20")
    assert run.code == 0, run.out + run.err
    names = sorted(p.name for p in (tree / OUT).iterdir())
    assert "quyet-dinh-qd-khen-thuong-2025.docx" in names and "bien-ban-xet-khen-thuong-2025.docx" in names
    assert len([n for n in names if n.startswith("to-trinh-")]) == 10
    assert len([n for n in names if n.startswith("giay-khen-")]) == 4
    assert "Đã ghi 16 văn bản .docx vào build/documents/ (1 bản dự thảo" in run.out
    # The one draft: La Thị Nhung's nomination records no Tờ trình; the warning points at its record.
    assert (
        "records/nominations/chung-tay-cchc-2025/ca-nhan-la-thi-nhung.yml:10:1: [hồ sơ đề nghị ca-nhan-la-thi-nhung] " in run.out
    )


def test_no_private_field_reaches_a_document(tree: Path, cli: Callable[..., Run]) -> None:
    """No birth date, phone or ID number of anyone in any document (read inside the .docx zip)."""
    assert cli("--root", str(tree), "documents", "--as-of", "2025-12-20").code == 0
    secrets = private_values(tree)
    assert secrets
    contents = [file_text(path) for path in sorted((tree / OUT).glob("*.docx"))]
    assert len(contents) == 16 and all("Kim Phượng" in c for c in contents)  # text read, not only XML
    assert [s for s in secrets if any(s in c for c in contents)] == []


@pytest.mark.parametrize("folder", ["records", "records/documents", ".", "docs", "van-ban-cua-toi"])
def test_a_folder_thidua_did_not_write_is_never_written_into(tree: Path, cli: Callable[..., Run], folder: str) -> None:
    """The repository, its data, or a folder holding someone's files: refused in Vietnamese before anything is read
    or written (exit 2), everything left as it was; a folder thidua wrote is replaced whole."""
    (tree / "van-ban-cua-toi").mkdir()
    (tree / "van-ban-cua-toi/quyet-dinh-qd-khen-thuong-2025.docx").write_bytes(b"ban cua van phong")
    before = sorted(str(p.relative_to(tree)) for p in tree.rglob("*") if ".git" not in p.parts)
    run = cli("--root", str(tree), "documents", "--as-of", "2025-12-20", "--output", folder)
    assert run.code == 2 and "hãy chọn" in run.err.lower() and "--output" in run.err
    assert sorted(str(p.relative_to(tree)) for p in tree.rglob("*") if ".git" not in p.parts) == before
    assert (tree / "van-ban-cua-toi/quyet-dinh-qd-khen-thuong-2025.docx").read_bytes() == b"ban cua van phong"


def test_a_second_run_replaces_the_documents_of_the_first(tree: Path, cli: Callable[..., Run]) -> None:
    """The output folder is written beside and swapped in whole: a document the records no longer make is gone."""
    assert cli("--root", str(tree), "documents", "--as-of", "2025-12-20").code == 0
    stale = tree / OUT / "to-trinh-cu.docx"
    stale.write_bytes(b"")
    assert cli("--root", str(tree), "documents", "--as-of", "2025-12-20").code == 0
    assert not stale.exists() and (tree / OUT / "quyet-dinh-qd-khen-thuong-2025.docx").is_file()
    assert [p.name for p in (tree / "build").iterdir()] == ["documents"]  # no staging folder left


@pytest.mark.parametrize(
    ("field", "reason"),
    [
        ("{% if %}", "TemplateSyntaxError: Expected an expression, got 'end of statement block'"),
        ("{{ ''.__class__.__mro__ }}", "SecurityError: access to attribute '__class__' of 'str' object is unsafe."),
        ("{{ khong_co }}", "UndefinedError: 'khong_co' is undefined"),
    ],
)
def test_a_communes_template_that_cannot_be_filled_is_named(tree: Path, cli: Callable[..., Run], field: str, reason: str) -> None:
    """A template edited by hand with a broken field, a field reaching into Python, or a fact no record gives: the
    template is named with what is wrong (exit 1), and no document is written."""
    own = tree / "templates/documents/quyet-dinh.docx"
    own.parent.mkdir(parents=True)
    doc = Document(str(ROOT / "generator/thidua/documents/templates/quyet-dinh.docx"))
    doc.paragraphs[0].add_run(field)
    doc.save(str(own))
    run = cli("--root", str(tree), "documents", "--as-of", "2025-12-20")
    assert run.code == 1
    assert run.out.endswith(
        f"templates/documents/quyet-dinh.docx: mẫu Word không điền được ({reason}). Hãy sửa các trường {{{{ … }}}} và "
        "{% … %} của mẫu trong Word theo hướng dẫn (trang «Soạn văn bản từ hồ sơ» của Hướng dẫn), hoặc bỏ tệp mẫu này "
        "để dùng mẫu của thidua.\nChưa văn bản nào được ghi; thư mục cũ (nếu có) được giữ nguyên.\n"
    )
    assert [p for p in (tree / "build").rglob("*")] == []  # no document, no staging folder left


def test_same_records_same_bytes(tree: Path, tmp_path: Path, cli: Callable[..., Run]) -> None:
    """Two runs, two output folders: every file identical byte for byte."""
    first, second = tmp_path / "a", tmp_path / "b"
    assert cli("--root", str(tree), "documents", "--as-of", "2025-12-20", "--output", str(first)).code == 0
    assert cli("--root", str(tree), "documents", "--as-of", "2025-12-20", "--output", str(second)).code == 0
    files = sorted(p.relative_to(first) for p in first.rglob("*.docx"))
    assert len(files) == 16
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_a_decision_without_a_number_is_a_draft(tree: Path, cli: Callable[..., Run]) -> None:
    """No number yet: the records stay valid (a draft decision is not in force), the Quyết định and its Giấy khen
    say DỰ THẢO, the number is a blank before the symbol, and the warning names the file and the field."""
    edit(tree, DECISION, "number: 215/QĐ-UBND\n", "")
    run = cli("--root", str(tree), "documents", "--as-of", "2025-12-20")
    assert run.code == 0, run.out
    assert (
        f"{DECISION}:1:1: [quyết định qd-khen-thuong-2025] Quyết định chưa có số, ký hiệu (number): văn bản là bản dự thảo"
        in run.out
    )
    decision = texts(tree / OUT / "quyet-dinh-qd-khen-thuong-2025.docx")
    assert "DỰ THẢO" in decision and "Số: …/QĐ-UBND" in decision
    assert "(Kèm theo Quyết định số …/QĐ-UBND ngày 15/12/2025)" in decision
    assert not any("215" in t for t in decision)
    certificate = texts(tree / OUT / "giay-khen-qd-khen-thuong-2025-ca-nhan-nguyen-thi-lan.docx")
    assert "DỰ THẢO" in certificate and "Quyết định số …/QĐ-UBND ngày 15/12/2025" in certificate


def test_a_signer_without_a_title_is_a_blank(tree: Path, cli: Callable[..., Run]) -> None:
    """The signer's title and position gone, and the person's record without a position: the block keeps a blank."""
    edit(tree, DECISION, "  position: Chủ tịch UBND xã\n  authority: TM. ỦY BAN NHÂN DÂN\n  title: CHỦ TỊCH\n", "")
    edit(tree, "records/people/truong-anh-tu.yml", "position: Chủ tịch Ủy ban nhân dân xã\n", "")
    run = cli("--root", str(tree), "documents", "--as-of", "2025-12-20")
    assert run.code == 0, run.out
    assert f"{DECISION}:9:1: [quyết định qd-khen-thuong-2025] Người ký Trương Anh Tú chưa có chức danh" in run.out
    found = [t for t in texts(tree / OUT / "quyet-dinh-qd-khen-thuong-2025.docx") if t]
    assert "DỰ THẢO" in found
    signature = found[found.index("Trương Anh Tú") - 1]
    assert signature == "…"


def test_an_awardee_missing_from_the_list(tree: Path, cli: Callable[..., Run]) -> None:
    """The council chose Nguyễn Thị Lan; a decision that leaves her out is a draft, and the list is not completed."""
    edit(
        tree,
        DECISION,
        "  - award: giay-khen-chu-tich-ubnd-xa\n    nomination: ca-nhan-nguyen-thi-lan\n    amount: 702000\n",
        "",
    )
    run = cli("--root", str(tree), "documents", "--as-of", "2025-12-20")
    assert run.code == 0, run.out
    assert "Hội đồng đã chọn hồ sơ ca-nhan-nguyen-thi-lan nhưng quyết định không có tên trong danh sách" in run.out
    found = texts(tree / OUT / "quyet-dinh-qd-khen-thuong-2025.docx")
    assert "DỰ THẢO" in found and "Nguyễn Thị Lan" not in found


def test_pdf_without_libreoffice_keeps_the_docx(tree: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    from thidua.documents import pdf

    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)  # a machine without LibreOffice
    run = cli("--root", str(tree), "documents", "--as-of", "2025-12-20", "--pdf")
    assert run.code == 1
    assert (
        "Máy chưa có LibreOffice" in run.out and "sudo apt-get install -y libreoffice-writer-nogui fonts-liberation2" in run.out
    )
    assert (tree / OUT / "quyet-dinh-qd-khen-thuong-2025.docx").is_file()
    assert not list((tree / OUT).glob("*.pdf"))


def _expected_characters(docx: Path) -> set[str]:
    """Every letter, digit and sign of the document's text (its XML, tags dropped)."""
    with zipfile.ZipFile(docx) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/") and n.endswith(".xml"))
    xml = re.sub(r"<w:instrText[^>]*>.*?</w:instrText>", "", xml)  # the PAGE field's code, not text
    text = re.sub(r"<[^>]+>", "", re.sub(r"\{%.*?%\}", "", xml))
    return {ch for ch in unicodedata.normalize("NFC", text) if not ch.isspace()}


def test_pdf_renders_every_character(tree: Path, cli: Callable[..., Run]) -> None:
    """Converted by LibreOffice: Liberation Serif embedded (not the old fonts-liberation without ơ, ư, ạ…), the text
    read back equal to the document's, pages rendered to PNG for a person to look at; the same bytes twice."""
    edit(tree, DECISION, "number: 215/QĐ-UBND\n", "")  # a draft too: the watermark must render
    run = cli("--root", str(tree), "documents", "--as-of", "2025-12-20", "--pdf")
    assert run.code == 0, run.out
    out = tree / OUT
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name in (
        "quyet-dinh-qd-khen-thuong-2025",
        "bien-ban-xet-khen-thuong-2025",
        "to-trinh-van-phong-thong-ke-23",
        "giay-khen-qd-khen-thuong-2025-ca-nhan-nguyen-thi-lan",
        "giay-khen-in-phoi-qd-khen-thuong-2025-ca-nhan-nguyen-thi-lan",
    ):
        pdf = out / f"{name}.pdf"
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        embedded = [line.split()[0] for line in fonts.splitlines()[2:]]
        assert embedded and all("LiberationSerif" in f for f in embedded), fonts
        assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:]), fonts  # embedded
        text = unicodedata.normalize(
            "NFC", subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        )
        assert "\ufffd" not in text
        missing = {ch for ch in _expected_characters(out / f"{name}.docx") if ch not in text}
        assert not missing, f"{name}: {sorted(missing)}"
        subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(ARTIFACTS / name)], check=True)
    assert "Quyết định chưa có số" in run.out
    decision = unicodedata.normalize(
        "NFC",
        subprocess.run(
            ["pdftotext", str(out / "quyet-dinh-qd-khen-thuong-2025.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout,
    )
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Kim Phượng, ngày 15 tháng 12 năm 2025",
        "Số: …/QĐ-UBND",
        "Nguyễn Thị Lan",
        "1.404.000",
        "DỰ THẢO",
    ):
        assert expected in decision
    first = (out / "quyet-dinh-qd-khen-thuong-2025.pdf").read_bytes()
    assert cli("--root", str(tree), "documents", "--as-of", "2025-12-20", "--pdf", "--campaign", "chung-tay-cchc-2025").code == 0
    assert (out / "quyet-dinh-qd-khen-thuong-2025.pdf").read_bytes() == first
    assert io.BytesIO(first).read(5) == b"%PDF-"
