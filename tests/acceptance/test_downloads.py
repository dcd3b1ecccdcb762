"""Downloads on each campaign (issue 15, item 15): the dossier board and the results as an Excel workbook and as CSV
files for Excel, the dated steps as a calendar for a phone; listed on the plan page, the same bytes at every build.

Expected rows worked out by hand from the seed records of ``chung-tay-cchc-2025``: deadline 05/12/2025; the council
met on 10/12/2025 (8 members, threshold over 50% of all members) and voted Văn phòng - thống kê 6, Tư pháp - hộ tịch
6 (a tie the council settled for Tư pháp - hộ tịch), Địa chính 1, Văn hóa - xã hội 2, Lan 7, Hoa 3, Cường 4, Khởi 4,
Hải 1; decision 215/QĐ-UBND of 15/12/2025. Cường sent on 08/12 (late), La Thị Nhung never, Địa chính without its
minutes; Hải has a complaint open. The xlsx files are read with zipfile and the XML they hold (no reader to install).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import icalendar
import pytest

from conftest import copy_repository, edit, private_values
from samples import built, sample_tree
from site_text import main_html, page_text, text_of

CAMPAIGN = "chung-tay-cchc-2025"
FOLDER = f"phong-trao/{CAMPAIGN}/tai-ve"
DOSSIERS = f"{CAMPAIGN}-ho-so"
COLLECTIVE = f"{CAMPAIGN}-ket-qua-giay-khen-chu-tich-ubnd-xa-tap-the"
INDIVIDUAL = f"{CAMPAIGN}-ket-qua-giay-khen-chu-tich-ubnd-xa-ca-nhan"
RESULTS = f"{CAMPAIGN}-ket-qua"
CALENDAR = f"{CAMPAIGN}-moc-thoi-han.ics"
DOCUMENTS = ("Tờ trình khen thưởng của cơ quan", "Biên bản họp của cơ quan", "Báo cáo thành tích tập thể, cá nhân")
UNITS = {
    "dc": "Địa chính - nông nghiệp - xây dựng và môi trường",
    "tp": "Tư pháp - hộ tịch",
    "vh": "Văn hóa - xã hội",
    "vp": "Văn phòng - thống kê",
    "dtn": "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Kim Phượng",
    "tc": "Tài chính - kế toán",
    "xom": "Xóm Đồng Tâm",
    "pn": "Hội Liên hiệp Phụ nữ xã Kim Phượng",
}
AWARD = "Giấy khen của Chủ tịch UBND xã"
DECIDED = "Được khen (Quyết định số 215/QĐ-UBND ngày 15/12/2025)"
BARRED = "Chưa xét khen thưởng theo nguyên tắc của Luật Thi đua, khen thưởng về kỷ luật, điều tra, khiếu nại (chi tiết do văn phòng lưu)."
OK, NO, UNKNOWN, SKIPPED = "✓ đạt", "✗ không đạt", "? chưa đủ căn cứ", "— không xét"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample repository built on 20/12/2025, after the council and the decision."""
    return built(copy_repository(tmp_path_factory.mktemp("downloads") / "repo"), "2025-12-20")


@pytest.fixture(scope="module")
def early(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample repository built on 20/11/2025, before anyone sent a dossier."""
    return built(copy_repository(tmp_path_factory.mktemp("early") / "repo"), "2025-11-20")


def _csv(path: Path) -> list[list[str]]:
    """A CSV file as Excel reads it: it must start with the UTF-8 byte order mark."""
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), f"{path.name} has no byte order mark"
    assert b"\r\n" in data and data.count(b"\n") == data.count(b"\r\n")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_EPOCH = dt.datetime(1899, 12, 30)  # Excel's day 0 (its 1900 system, after the leap-year bug)


def _column(reference: str) -> int:
    letters = re.match(r"[A-Z]+", reference)
    assert letters
    number = 0
    for letter in letters.group():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


def _value(cell: ElementTree.Element, strings: list[str], formats: list[str]) -> object:
    """A cell's value: text, a number, or a date (date-time) when its number format shows one."""
    value = cell.findtext(f"{_MAIN}v")
    assert cell.find(f"{_MAIN}f") is None, "a formula in a download"
    if value is None:
        return None
    if cell.get("t") == "s":
        return strings[int(value)]
    assert cell.get("t") is None, f"unexpected cell type {cell.get('t')}"
    shown = formats[int(cell.get("s", "0"))]
    moment = _EPOCH + dt.timedelta(seconds=round(float(value) * 86400))  # a serial number of days
    if shown == "dd/mm/yyyy":
        return moment.date()
    if shown == "dd/mm/yyyy hh:mm":
        return moment
    return float(value)


def _workbook(path: Path) -> dict[str, list[list[object]]]:
    """Each sheet of an xlsx file by name, as rows of values (None where a cell is empty)."""
    with zipfile.ZipFile(path) as z:
        strings = [
            "".join(t.text or "" for t in si.iter(f"{_MAIN}t"))
            for si in ElementTree.fromstring(z.read("xl/sharedStrings.xml")).iter(f"{_MAIN}si")
        ]
        styles = ElementTree.fromstring(z.read("xl/styles.xml"))
        codes = {int(f.get("numFmtId", "0")): f.get("formatCode", "") for f in styles.iter(f"{_MAIN}numFmt")}
        cell_xfs = styles.find(f"{_MAIN}cellXfs")
        assert cell_xfs is not None
        formats = [codes.get(int(xf.get("numFmtId", "0")), "") for xf in cell_xfs]
        targets = {
            r.get("Id"): r.get("Target", "")
            for r in ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels")).iter(f"{_RELS}Relationship")
        }
        sheets = {}
        for sheet in ElementTree.fromstring(z.read("xl/workbook.xml")).iter(f"{_MAIN}sheet"):
            xml = ElementTree.fromstring(z.read("xl/" + targets[sheet.get(_ID)]))
            rows = []
            for row in xml.iter(f"{_MAIN}row"):
                cells = {_column(c.get("r", "")): _value(c, strings, formats) for c in row.iter(f"{_MAIN}c")}
                rows.append([cells.get(i) for i in range(max(cells) + 1)] if cells else [])
            sheets[sheet.get("name", "")] = rows
        return sheets


def _as_csv(value: object) -> str:
    """How the CSV writes a value the workbook keeps typed."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    return str(value)


def _same_table(sheet: list[list[object]], table: list[list[str]]) -> None:
    width = len(table[0])
    assert [[_as_csv(v) for v in row + [None] * (width - len(row))] for row in sheet] == table


def _dossier(n: int, name: str, kind: str, unit: str, docs: str, sent: str, timing: str, to_send: str) -> list[str]:
    marks = ["Đã gửi" if d == "+" else "Thiếu" for d in docs]
    return [str(n), name, kind, UNITS[unit], AWARD, *marks, sent, "05/12/2025", timing, to_send, "", "Có"]


def test_the_dossier_board_after_the_decision(site: Path) -> None:
    """The dossier board as CSV: every nomination in the board's order (collectives, then people by given name), the
    documents sent or missing, the moment sent on Vietnam's clock, the deadline, what is still to send."""
    table = _csv(site / FOLDER / f"{DOSSIERS}.csv")
    assert table[0] == [
        "STT",
        "Đối tượng",
        "Loại",
        "Đơn vị đề nghị",
        "Hình thức khen thưởng",
        *DOCUMENTS,
        "Nộp lúc",
        "Hạn nộp",
        "Thời hạn",
        "Còn phải gửi",
        "Ghi chú",
        "Dữ liệu minh họa",
    ]
    assert table[1:] == [
        _dossier(1, UNITS["dc"], "Tập thể", "dc", "+-+", "04/12/2025 15:40", "Đúng hạn", "Biên bản họp của cơ quan"),
        _dossier(2, UNITS["tp"], "Tập thể", "tp", "+++", "28/11/2025 10:05", "Đúng hạn", ""),
        _dossier(3, UNITS["vh"], "Tập thể", "vh", "+++", "01/12/2025 08:40", "Đúng hạn", ""),
        _dossier(4, UNITS["vp"], "Tập thể", "vp", "+++", "27/11/2025 09:15", "Đúng hạn", ""),
        _dossier(5, "Đinh Văn Cường", "Cá nhân", "dtn", "+++", "08/12/2025 08:30", "Trễ hạn", ""),
        _dossier(6, "Đỗ Văn Hải", "Cá nhân", "dc", "+++", "04/12/2025 15:45", "Đúng hạn", ""),
        _dossier(7, "Phạm Thị Hoa", "Cá nhân", "tc", "+++", "03/12/2025 14:00", "Đúng hạn", ""),
        _dossier(8, "Đàm Văn Khởi", "Cá nhân", "xom", "+++", "02/12/2025 16:10", "Đúng hạn", ""),
        _dossier(9, "Nguyễn Thị Lan", "Cá nhân", "vp", "+++", "27/11/2025 09:20", "Đúng hạn", ""),
        _dossier(
            10,
            "La Thị Nhung",
            "Cá nhân",
            "pn",
            "--+",
            "",
            "Chưa nộp",
            "Tờ trình khen thưởng của cơ quan; Biên bản họp của cơ quan",
        ),
    ]


def test_the_dossier_workbook_holds_the_same_table_with_real_dates(site: Path) -> None:
    """The workbook's one sheet is the CSV's table, with the moment sent and the deadline as dates Excel can sort,
    shown dd/mm/yyyy; texts are texts (no formula), numbers are numbers."""
    book = _workbook(site / FOLDER / f"{DOSSIERS}.xlsx")
    assert list(book) == ["Hồ sơ đề nghị"]
    sheet = book["Hồ sơ đề nghị"]
    _same_table(sheet, _csv(site / FOLDER / f"{DOSSIERS}.csv"))
    lan = sheet[9]
    assert lan[1] == "Nguyễn Thị Lan" and lan[0] == 9.0
    assert lan[8] == dt.datetime(2025, 11, 27, 9, 20) and lan[9] == dt.date(2025, 12, 5)
    assert sheet[10][8] is None  # La Thị Nhung: never sent


def test_the_results_after_the_decision(site: Path) -> None:
    """One CSV per award and kind, as on the eligibility board: each criterion in words, the votes out of all 8
    members, the rank after the vote, the outcome (the decision once there is one) and the public reasons."""
    collective = _csv(site / FOLDER / f"{COLLECTIVE}.csv")
    assert collective[0][:3] == ["STT", "Đối tượng", "Đơn vị đề nghị"]
    assert collective[0][3] == "TC1. Hoàn thành xuất sắc nhiệm vụ được giao trong năm 2025."
    assert [c[:3] for c in collective[0][3:8]] == ["TC1", "TC2", "TC3", "TC4", "TC5"]
    assert collective[0][8:] == ["Phiếu đồng ý", "Tổng số thành viên", "Thứ hạng", "Kết quả", "Ghi chú", "Dữ liệu minh họa"]
    rows = [row[:8] + row[8:12] for row in collective[1:]]
    assert rows == [
        ["1", UNITS["dc"], UNITS["dc"], *[SKIPPED] * 5, "1", "8", "", "Thiếu hồ sơ"],
        ["2", UNITS["tp"], UNITS["tp"], *[OK] * 5, "6", "8", "1", DECIDED],
        ["3", UNITS["vh"], UNITS["vh"], NO, OK, OK, OK, NO, "2", "8", "", "Không đạt tiêu chí"],
        ["4", UNITS["vp"], UNITS["vp"], *[OK] * 5, "6", "8", "2", "Ngoài số lượng khen (bằng phiếu, hội đồng đã kết luận)"],
    ]
    assert collective[1][12] == "Còn thiếu: Biên bản họp của cơ quan"
    for settled in (collective[2], collective[4]):
        assert settled[12].startswith("Bằng phiếu ở ngưỡng số lượng khen; hội đồng đã kết luận: Hai hồ sơ tập thể")
    individual = _csv(site / FOLDER / f"{INDIVIDUAL}.csv")
    assert len(individual[0]) == 3 + 4 + 6
    assert individual[1:] == [
        ["1", "Đinh Văn Cường", UNITS["dtn"], *[SKIPPED] * 4, "4", "8", "", "Nộp trễ hạn", "Nộp sau hạn chót 05/12/2025.", "Có"],
        ["2", "Đỗ Văn Hải", UNITS["dc"], *[SKIPPED] * 4, "1", "8", "", "Không được xét", BARRED, "Có"],
        ["3", "Phạm Thị Hoa", UNITS["tc"], NO, OK, OK, OK, "3", "8", "", "Không đạt tiêu chí", "", "Có"],
        ["4", "Đàm Văn Khởi", UNITS["xom"], UNKNOWN, UNKNOWN, UNKNOWN, OK, "4", "8", "", "Chưa đủ căn cứ", "", "Có"],
        ["5", "Nguyễn Thị Lan", UNITS["vp"], OK, OK, OK, OK, "7", "8", "1", DECIDED, "", "Có"],
        ["6", "La Thị Nhung", UNITS["pn"], *[SKIPPED] * 4, "", "", "", "Chưa nộp", "", "Có"],
    ]


def test_the_results_workbook_has_one_sheet_per_award_and_kind(site: Path) -> None:
    """The results workbook holds the two CSV tables, collectives first, votes and ranks as numbers."""
    book = _workbook(site / FOLDER / f"{RESULTS}.xlsx")
    assert list(book) == ["Tập thể", "Cá nhân"]  # one award: the kind names the sheet
    _same_table(book["Tập thể"], _csv(site / FOLDER / f"{COLLECTIVE}.csv"))
    _same_table(book["Cá nhân"], _csv(site / FOLDER / f"{INDIVIDUAL}.csv"))
    lan = book["Cá nhân"][5]
    assert lan[1] == "Nguyễn Thị Lan" and lan[7:10] == [7.0, 8.0, 1.0]


def test_the_calendar_after_the_decision(site: Path) -> None:
    """The deadline, the council's session and the decision as all-day events on Vietnam's dates; the deadline reminds
    three days before at 9 in the morning; UIDs from the campaign and the step, DTSTAMP from the as-of date."""
    calendar = icalendar.Calendar.from_ical((site / FOLDER / CALENDAR).read_bytes())
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Ho_Chi_Minh"
    assert str(calendar["VERSION"]) == "2.0"
    events = [
        (str(e["UID"]), e.decoded("DTSTART"), e.decoded("DTEND"), str(e["SUMMARY"]), len(e.subcomponents))
        for e in calendar.walk("VEVENT")
    ]
    assert events == [
        (
            f"{CAMPAIGN}-han-nop-ho-so@thidua",
            dt.date(2025, 12, 5),
            dt.date(2025, 12, 6),
            "Hạn chót nộp hồ sơ đề nghị khen thưởng: Chung tay CCHC 2025",
            1,
        ),
        (
            f"{CAMPAIGN}-hop-hoi-dong-xet-khen-thuong-2025@thidua",
            dt.date(2025, 12, 10),
            dt.date(2025, 12, 11),
            "Họp xét khen thưởng: Chung tay CCHC 2025",
            0,
        ),
        (
            f"{CAMPAIGN}-quyet-dinh-qd-khen-thuong-2025@thidua",
            dt.date(2025, 12, 15),
            dt.date(2025, 12, 16),
            "Quyết định khen thưởng số 215/QĐ-UBND: Chung tay CCHC 2025",
            0,
        ),
    ]
    for event in calendar.walk("VEVENT"):
        assert type(event.decoded("DTSTART")) is dt.date  # all day, not a moment
        assert event.decoded("DTSTAMP") == dt.datetime(2025, 12, 19, 17, tzinfo=dt.UTC)  # 20/12/2025 00:00 in Vietnam
    deadline = calendar.walk("VEVENT")[0]
    assert "nộp đến hết ngày 05/12/2025 theo giờ Việt Nam, gửi về Ủy ban nhân dân xã Kim Phượng" in str(deadline["DESCRIPTION"])
    (alarm,) = deadline.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    # Three days before the deadline, at 9 a.m.: 02/12/2025 09:00.
    assert dt.datetime(2025, 12, 5) + alarm.decoded("TRIGGER") == dt.datetime(2025, 12, 2, 9)


def test_the_plan_page_lists_the_downloads_and_each_link_opens_a_file(site: Path) -> None:
    """«Tải về» on the plan page: each file named in plain words, each link to a file of the built site; no file is
    offered that the page does not list."""
    page = site / f"phong-trao/{CAMPAIGN}/index.html"
    html = main_html(page)
    section = html[html.index('id="tai-ve"') : html.index('id="van-ban"')]  # the official documents come after
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', section)
    assert [text_of(label) for _, label in links] == [
        "Bảng theo dõi hồ sơ đề nghị khen thưởng (Excel)",
        "Bảng theo dõi hồ sơ đề nghị khen thưởng (CSV, mở bằng Excel)",
        "Kết quả xét chọn (Excel, mỗi hình thức khen thưởng một trang tính)",
        "Kết quả xét chọn: Giấy khen của Chủ tịch UBND xã, tập thể (CSV, mở bằng Excel)",
        "Kết quả xét chọn: Giấy khen của Chủ tịch UBND xã, cá nhân (CSV, mở bằng Excel)",
        "Lịch các mốc thời hạn (thêm vào lịch điện thoại hoặc máy tính)",
    ]
    opened = {(page.parent / href).resolve() for href, _ in links}
    assert all(path.is_file() for path in opened)
    assert opened == {path.resolve() for path in (site / FOLDER).iterdir()}
    assert "Tải về" in page_text(page) and "số liệu tính đến ngày 20/12/2025" in page_text(page)


def test_the_plan_page_lists_the_official_documents(site: Path) -> None:
    """«Văn bản»: each published .docx listed by what it is, each link a file of the built site, every file listed."""
    page = site / f"phong-trao/{CAMPAIGN}/index.html"
    html = main_html(page)
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', html[html.index('id="van-ban"') :])
    labels = [text_of(label) for _, label in links]
    assert "Quyết định số 215/QĐ-UBND kèm danh sách" in labels and "Giấy khen: Nguyễn Thị Lan" in labels
    opened = {(page.parent / href).resolve() for href, _ in links}
    assert opened == {path.resolve() for path in (site / f"phong-trao/{CAMPAIGN}/van-ban").iterdir()}
    assert len(opened) == 5  # the decision and its four certificates; Tờ trình and Biên bản stay with the office


def _texts(folder: Path) -> dict[str, str]:
    """Every download's text, a workbook's XML parts unpacked."""
    found = {}
    for path in sorted(folder.iterdir()):
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as z:
                found[path.name] = "".join(z.read(name).decode("utf-8") for name in z.namelist())
        else:
            found[path.name] = path.read_bytes().decode("utf-8")
    return found


def test_no_private_field_in_a_download(site: Path) -> None:
    """No birth date, phone, ID number or e-mail of anyone reaches a download, workbooks unpacked."""
    secrets = private_values(site.parent)
    assert len(secrets) > 60 and "08/11/1990" in secrets  # Nguyễn Thị Lan's birth date, as it would be printed
    texts = _texts(site / FOLDER)
    assert len(texts) == 6
    assert [(name, s) for name, text in texts.items() for s in secrets if s in text] == []


def test_before_the_deadline_nothing_later_is_known(early: Path) -> None:
    """Built on 20/11/2025: nobody has sent yet, there is no vote, rank or decision; the calendar has the deadline
    only; no date after 20/11/2025 appears but the plan's deadline."""
    dossiers = _csv(early / FOLDER / f"{DOSSIERS}.csv")
    assert [row[8:12] for row in dossiers[1:]] == [["", "05/12/2025", "Chưa nộp", row[11]] for row in dossiers[1:]]
    assert dossiers[1][11] == "Biên bản họp của cơ quan; nộp hồ sơ cho nơi nhận hồ sơ"
    assert dossiers[2][11] == "nộp hồ sơ cho nơi nhận hồ sơ"
    for name in (COLLECTIVE, INDIVIDUAL):
        results = _csv(early / FOLDER / f"{name}.csv")
        columns = results[0]
        votes, rank, outcome = columns.index("Phiếu đồng ý"), columns.index("Thứ hạng"), columns.index("Kết quả")
        assert {(row[votes], row[rank], row[outcome]) for row in results[1:]} == {("", "", "Chưa nộp")}
    calendar = icalendar.Calendar.from_ical((early / FOLDER / CALENDAR).read_bytes())
    assert [str(e["UID"]) for e in calendar.walk("VEVENT")] == [f"{CAMPAIGN}-han-nop-ho-so@thidua"]
    for name, text in _texts(early / FOLDER).items():
        later = {
            d for d in re.findall(r"\d\d/\d\d/\d{4}", text) if dt.datetime.strptime(d, "%d/%m/%Y").date() > dt.date(2025, 11, 20)
        }
        assert later <= {"05/12/2025"}, name
        assert "215/QĐ" not in text and "2025-12-19" not in text, name
    assert "2025-11-19T17:00:00Z" in _texts(early / FOLDER)[f"{DOSSIERS}.xlsx"]  # created: the as-of date


def test_two_builds_give_the_same_bytes_and_stale_downloads_go(site: Path, tmp_path: Path) -> None:
    """Another copy built on the same day gives byte-identical downloads (the workbook's creation date and its parts'
    dates are fixed, the calendar's stamps come from the as-of date), and a download left from an earlier build is
    removed."""
    root = copy_repository(tmp_path / "again")
    stale = root / "docs" / FOLDER / "old-name.csv"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"\xef\xbb\xbfSTT\r\n")
    again = built(root, "2025-12-20")
    assert not stale.exists() and not (again / FOLDER / "old-name.csv").exists()
    first = {p.name: p.read_bytes() for p in sorted((site / FOLDER).iterdir())}
    assert {p.name: p.read_bytes() for p in sorted((again / FOLDER).iterdir())} == first
    for name in (f"{DOSSIERS}.xlsx", f"{RESULTS}.xlsx"):
        with zipfile.ZipFile(site / FOLDER / name) as z:
            assert {info.date_time for info in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
            core = z.read("docProps/core.xml").decode("utf-8")
        assert core.count("2025-12-19T17:00:00Z") == 2  # created and modified: 20/12/2025 00:00 in Vietnam


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    """A unit named like a spreadsheet formula: the CSV cell starts with an apostrophe (Excel shows it as text) and
    the workbook's cell is a text, never a formula."""
    root = copy_repository(tmp_path / "repo")
    edit(
        root,
        "records/units/tu-phap-ho-tich.yml",
        "name: Tư pháp - hộ tịch",
        'name: \'=HYPERLINK("https://example.com";"Tư pháp")\'',
    )
    site = built(root, "2025-12-20")
    named = '=HYPERLINK("https://example.com";"Tư pháp")'
    table = _csv(site / FOLDER / f"{DOSSIERS}.csv")
    (row,) = [row for row in table if "HYPERLINK" in row[1]]
    assert row[1] == row[3] == "'" + named
    sheet = _workbook(site / FOLDER / f"{DOSSIERS}.xlsx")["Hồ sơ đề nghị"]
    assert sheet[table.index(row)][1] == named  # a text: _value refuses a formula


SECOND = "chuyen-doi-so-2024"


def test_the_second_campaign_offers_its_downloads(tmp_path: Path) -> None:
    """The second sample campaign (tests/data/second-campaign): two awards, so a sheet per award and kind; its
    posting window in the calendar with a reminder three days before its last day; a dossier sent at 18:30 UTC shows
    01:30 the next day on Vietnam's clock, in the CSV and on the board."""
    site = built(sample_tree(tmp_path, "second-campaign"), "2025-01-15")
    folder = site / f"phong-trao/{SECOND}/tai-ve"
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(
        [
            f"{SECOND}-ho-so.csv",
            f"{SECOND}-ho-so.xlsx",
            f"{SECOND}-ket-qua.xlsx",
            f"{SECOND}-ket-qua-giay-khen-chu-tich-ubnd-xa-tap-the.csv",
            f"{SECOND}-ket-qua-giay-khen-chu-tich-ubnd-xa-ca-nhan.csv",
            f"{SECOND}-ket-qua-chung-nhan-dien-hinh-so-tap-the.csv",
            f"{SECOND}-ket-qua-chung-nhan-dien-hinh-so-ca-nhan.csv",
            f"{SECOND}-moc-thoi-han.ics",
        ]
    )
    dossiers = _csv(folder / f"{SECOND}-ho-so.csv")
    (cuong,) = [row for row in dossiers if row[1] == "Đinh Văn Cường"]
    assert cuong[8:11] == ["11/12/2024 01:30", "10/12/2024", "Trễ hạn"]
    assert "11/12/2024 01:30" in page_text(site / f"phong-trao/{SECOND}/ho-so/index.html")
    book = _workbook(folder / f"{SECOND}-ket-qua.xlsx")
    assert len(book) == 4 and all(name.startswith(("Tập thể - ", "Cá nhân - ")) and len(name) <= 31 for name in book)
    calendar = icalendar.Calendar.from_ical((folder / f"{SECOND}-moc-thoi-han.ics").read_bytes())
    (posting,) = [e for e in calendar.walk("VEVENT") if "-cong-khai-" in str(e["UID"])]
    assert (posting.decoded("DTSTART"), posting.decoded("DTEND")) == (dt.date(2024, 12, 19), dt.date(2024, 12, 24))
    (alarm,) = posting.walk("VALARM")
    assert dt.datetime(2024, 12, 19) + alarm.decoded("TRIGGER") == dt.datetime(2024, 12, 20, 9)  # 3 days before 23/12
    decisions = sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT") if "-quyet-dinh-" in str(e["UID"]))
    assert decisions == [
        "Quyết định hủy bỏ khen thưởng số 07/QĐ-UBND: Chuyển đổi số 2024",
        "Quyết định khen thưởng số 236/QĐ-UBND: Chuyển đổi số 2024",
    ]
