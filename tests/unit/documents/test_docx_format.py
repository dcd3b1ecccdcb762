"""The .docx thidua writes, opened with python-docx as Word would: the Nghị định 30/2020/NĐ-CP elements of each
document, from the seed records (decision 215/QĐ-UBND of 15/12/2025, the council's session of 10/12/2025)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument

from conftest import ROOT
from thidua.documents.collect import campaign_documents, docx_bytes
from thidua.documents.facts import Planned, written_date
from thidua.evaluation.evaluate import evaluate_registry
from thidua.model import Registry, registry_from
from thidua.records.validate import validate_tree

AS_OF = dt.date(2025, 12, 20)
CAMPAIGN = "chung-tay-cchc-2025"


@pytest.fixture(scope="module")
def registry() -> Registry:
    result = validate_tree(ROOT, use_cache=False)
    assert result.ok
    return registry_from(result.records)


@pytest.fixture(scope="module")
def planned(registry: Registry) -> dict[str, Planned]:
    (result,) = [r for r in evaluate_registry(registry, AS_OF, {}) if r.campaign.id == CAMPAIGN]
    return {p.name: p for p in campaign_documents(registry, result)}


def opened(p: Planned) -> DocxDocument:
    return Document(io.BytesIO(docx_bytes(p, ROOT)))


def paragraphs(doc: DocxDocument) -> list[str]:
    """Every paragraph's text, tables included, in reading order (a cell's paragraphs after the cell before it)."""

    def walk(container: object) -> Iterator[str]:
        for block in container.iter_inner_content():  # type: ignore[attr-defined]
            if hasattr(block, "rows"):
                for row in block.rows:
                    for cell in row.cells:
                        yield from walk(cell)
            else:
                yield block.text

    return [t for t in walk(doc) if t.strip()]


def header_cells(doc: DocxDocument) -> tuple[list[str], list[str]]:
    left, right = doc.tables[0].rows[0].cells
    return [p.text for p in left.paragraphs if p.text], [p.text for p in right.paragraphs if p.text]


def test_the_decision_has_the_header_block_in_order(planned: dict[str, Planned]) -> None:
    """Authority over the issuing body and the number on the left; the national title, the motto and the place-date
    line built from the decision's date and the plan's place on the right; then the title and the subject."""
    doc = opened(planned["quyet-dinh-qd-khen-thuong-2025"])
    left, right = header_cells(doc)
    assert left == ["ỦY BAN NHÂN DÂN", "XÃ KIM PHƯỢNG", "Số: 215/QĐ-UBND"]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Kim Phượng, ngày 15 tháng 12 năm 2025"]
    texts = paragraphs(doc)
    title = texts.index("QUYẾT ĐỊNH")
    assert texts[title + 1].startswith("Về việc tặng Giấy khen của Chủ tịch UBND xã cho tập thể, cá nhân")
    assert texts[title + 2] == "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ KIM PHƯỢNG"
    assert texts[title + 3] == "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;"
    assert (
        "Xét đề nghị của Hội đồng Thi đua - Khen thưởng xã Kim Phượng tại Biên bản họp số 03/BB-HĐTĐKT ngày 10/12/2025." in texts
    )
    assert texts.index("QUYẾT ĐỊNH:") < texts.index("Nơi nhận:")
    assert [t for t in texts if t.startswith("Điều ")][0].startswith(
        "Điều 1. Tặng Giấy khen của Chủ tịch UBND xã cho 01 tập thể và 01 cá nhân"
    )


def test_the_decision_is_not_a_draft_and_says_it_is_sample_data(planned: dict[str, Planned]) -> None:
    doc = opened(planned["quyet-dinh-qd-khen-thuong-2025"])
    headers = [p.text for s in doc.sections for h in (s.header, s.first_page_header) for p in h.paragraphs]
    assert "DỰ THẢO" not in headers
    assert any(t.startswith("Dữ liệu minh họa") for t in headers)
    assert "DỰ THẢO" not in docx_bytes(planned["quyet-dinh-qd-khen-thuong-2025"], ROOT).decode("latin-1")


def test_page_size_margins_font_and_page_numbers(planned: dict[str, Planned]) -> None:
    """A4, margins top and bottom 20–25 mm, left 30–35, right 15–20; Times New Roman 13–14 pt; the page number in
    the header from page 2 (a different first page, a PAGE field in the other pages' header)."""
    for name in ("quyet-dinh-qd-khen-thuong-2025", "bien-ban-xet-khen-thuong-2025", "to-trinh-van-phong-thong-ke-23"):
        doc = opened(planned[name])
        section = doc.sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297), name  # type: ignore[union-attr]
        top, bottom, left, right = (
            round(m.mm, 1) for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
        )  # type: ignore[union-attr]
        assert 20 <= top <= 25 and 20 <= bottom <= 25 and 30 <= left <= 35 and 15 <= right <= 20, name
        assert section.different_first_page_header_footer
        assert "PAGE" in section.header._element.xml and "PAGE" not in section.first_page_header._element.xml
        normal = doc.styles["Normal"].font  # type: ignore[attr-defined]
        assert normal.name == "Times New Roman" and normal.size.pt == 14
        runs = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
        assert runs and all(r.font.name == "Times New Roman" and 11 <= r.font.size.pt <= 14 for r in runs)


def test_the_annex_rows_are_the_decisions_awardees(registry: Registry, planned: dict[str, Planned]) -> None:
    doc = opened(planned["quyet-dinh-qd-khen-thuong-2025"])
    table = doc.tables[-1]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["STT", "Tập thể, cá nhân", "Đơn vị", "Hình thức khen thưởng", "Số tiền (đồng)"]
    assert rows[1:] == [
        ["1", "Tập thể Tư pháp - hộ tịch", "Ủy ban nhân dân xã Kim Phượng", "Giấy khen của Chủ tịch UBND xã", "1.404.000"],
        ["2", "Nguyễn Thị Lan", "Văn phòng - thống kê", "Giấy khen của Chủ tịch UBND xã", "702.000"],
    ]
    (decision,) = registry.decisions[CAMPAIGN]
    assert len(rows) - 1 == len(decision.awards)
    texts = paragraphs(doc)
    assert "(Kèm theo Quyết định số 215/QĐ-UBND ngày 15/12/2025)" in texts
    assert "Tổng cộng: 2.106.000 đồng." in texts


def test_the_signer_block(planned: dict[str, Planned]) -> None:
    doc = opened(planned["quyet-dinh-qd-khen-thuong-2025"])
    closing = doc.tables[1]
    left, right = closing.rows[0].cells
    assert [p.text for p in left.paragraphs if p.text] == [
        "Nơi nhận:",
        "- Như Điều 3;",
        "- TT Đảng ủy, HĐND xã;",
        "- Lưu: VT, VP.",
    ]
    assert [p.text for p in right.paragraphs if p.text] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trương Anh Tú"]


def test_the_council_minutes(planned: dict[str, Planned]) -> None:
    """The council over its commune, the minutes' number, attendance and quorum, a vote row per nomination voted,
    the resolution, the chair and the secretary signing."""
    doc = opened(planned["bien-ban-xet-khen-thuong-2025"])
    left, right = header_cells(doc)
    assert left == ["UBND XÃ KIM PHƯỢNG", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG XÃ KIM PHƯỢNG", "Số: 03/BB-HĐTĐKT"]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    texts = paragraphs(doc)
    assert "BIÊN BẢN" in texts
    assert "- Lý Văn Quang, Ủy viên;" in texts[texts.index("Thành viên vắng mặt:") :]
    assert any(t.startswith("Có mặt 07/08 thành viên Hội đồng") and "đủ số thành viên" in t for t in texts)
    votes = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    assert len(votes) == 1 + 9
    assert votes[1] == ["1", "Tập thể Văn phòng - thống kê", "Văn phòng - thống kê", "06/08", "75% (đạt)"]
    assert any(t.startswith("Hai hồ sơ tập thể Văn phòng - thống kê và Tư pháp - hộ tịch") for t in texts)
    signatures = [[p.text for p in c.paragraphs if p.text] for c in doc.tables[-1].rows[0].cells]
    assert signatures == [["THƯ KÝ", "Đặng Thị Thu Hương"], ["CHỦ TỌA", "Trương Anh Tú"]]


def test_a_proposal_per_proposing_document(planned: dict[str, Planned]) -> None:
    """Van phong - thong ke sent two Tờ trình (21 and 23): two documents, each with its nominee, number and date."""
    doc = opened(planned["to-trinh-van-phong-thong-ke-23"])
    left, right = header_cells(doc)
    assert left == ["UBND XÃ KIM PHƯỢNG", "VĂN PHÒNG - THỐNG KÊ", "Số: 23/TTr-VP"]
    assert right[-1] == "Kim Phượng, ngày 26 tháng 11 năm 2025"
    texts = paragraphs(doc)
    assert "Kính gửi: Hội đồng Thi đua - Khen thưởng xã Kim Phượng" in texts
    assert "Căn cứ Biên bản họp số 06/BB-VP ngày 25/11/2025 của Văn phòng - thống kê;" in texts
    rows = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    assert [r[1] for r in rows[1:]] == ["Nguyễn Thị Lan"]
    assert "to-trinh-van-phong-thong-ke-21" in planned


def test_a_proposal_without_its_document_is_a_draft_with_blanks(planned: dict[str, Planned]) -> None:
    """The nomination of La Thị Nhung records no Tờ trình: a draft, no number, no date, nobody named to sign."""
    p = planned["to-trinh-hoi-lien-hiep-phu-nu-du-thao"]
    assert p.draft and p.gaps[0].ident == "ca-nhan-la-thi-nhung"
    doc = opened(p)
    left, right = header_cells(doc)
    assert left[-1] == "Số: …" and right[-1] == "Kim Phượng, ngày … tháng … năm …"
    headers = [t.text for s in doc.sections for h in (s.header, s.first_page_header) for t in h.paragraphs]
    assert "DỰ THẢO" in headers
    assert [p.text for p in doc.tables[-1].rows[0].cells[1].paragraphs if p.text] == ["…", "…"]


def test_certificates_in_two_layouts(planned: dict[str, Planned]) -> None:
    whole = opened(planned["giay-khen-qd-khen-thuong-2025-ca-nhan-nguyen-thi-lan"])
    section = whole.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)  # type: ignore[union-attr]
    texts = paragraphs(whole)
    for expected in (
        "GIẤY KHEN",
        "Nguyễn Thị Lan",
        "Văn phòng - thống kê",
        "Quyết định số 215/QĐ-UBND ngày 15/12/2025",
        "Trương Anh Tú",
    ):
        assert expected in texts
    blank = opened(planned["giay-khen-in-phoi-qd-khen-thuong-2025-ca-nhan-nguyen-thi-lan"])
    framed = {
        p.text: p._p.pPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}framePr")
        for p in blank.paragraphs
        if p.text
    }
    assert "GIẤY KHEN" not in framed and "Nguyễn Thị Lan" in framed
    assert all(frame is not None for frame in framed.values())


def test_the_printer_offset_moves_every_field(registry: Registry, planned: dict[str, Planned]) -> None:
    """The issuing unit's print_offset (mm) is added to each field's place on the blank."""
    from dataclasses import replace

    p = planned["giay-khen-in-phoi-qd-khen-thuong-2025-ca-nhan-nguyen-thi-lan"]
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def places(doc: DocxDocument) -> list[tuple[int, int]]:
        return [(int(f.get(f"{w}x")), int(f.get(f"{w}y"))) for f in doc.element.body.iter(f"{w}framePr")]

    before = places(opened(p))
    after = places(opened(replace(p, offset=(2.0, -3.5))))
    assert [(x2 - x1, y2 - y1) for (x1, y1), (x2, y2) in zip(before, after, strict=True)] == [(113, -198)] * len(before)


def test_the_same_records_give_the_same_bytes(planned: dict[str, Planned]) -> None:
    """Twice the same file, every entry of its zip dated the document's day, no last-printed date, revision 1."""
    p = planned["quyet-dinh-qd-khen-thuong-2025"]
    first, second = docx_bytes(p, ROOT), docx_bytes(p, ROOT)
    assert first == second
    entries = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert entries[0].filename == "[Content_Types].xml"
    assert {e.date_time for e in entries} == {(2025, 12, 15, 0, 0, 0)}
    props = Document(io.BytesIO(first)).core_properties
    assert props.revision == 1 and props.last_printed is None
    assert props.created == props.modified == dt.datetime(2025, 12, 15, tzinfo=dt.UTC)
    assert props.author == "Ủy ban nhân dân xã Kim Phượng"


def test_dates_are_written_as_the_decree_says() -> None:
    """A zero before days below 10 and the months January and February only."""
    assert written_date(dt.date(2025, 2, 5)) == "ngày 05 tháng 02 năm 2025"
    assert written_date(dt.date(2022, 6, 15)) == "ngày 15 tháng 6 năm 2022"
    assert written_date(dt.date(2025, 12, 10)) == "ngày 10 tháng 12 năm 2025"


def test_a_template_of_the_repository_replaces_thidua_s(tmp_path: Path, planned: dict[str, Planned]) -> None:
    """A commune's own templates/documents/<name>.docx is used in place of the built-in one."""
    from thidua.documents.collect import template_path

    own = tmp_path / "templates" / "documents" / "quyet-dinh.docx"
    own.parent.mkdir(parents=True)
    doc = Document()
    doc.add_paragraph("Mẫu riêng của xã: {{ number }}")
    doc.save(str(own))
    assert template_path(tmp_path, "quyet-dinh.docx") == own
    texts = [p.text for p in Document(io.BytesIO(docx_bytes(planned["quyet-dinh-qd-khen-thuong-2025"], tmp_path))).paragraphs]
    assert "Mẫu riêng của xã: 215/QĐ-UBND" in texts
