"""The download writers on their own: sheet names Excel accepts, CSV cells Excel neither misreads nor runs."""

from __future__ import annotations

import datetime as dt

from thidua.site.pages.exports.spreadsheets import About, csv_bytes, sheet_names, xlsx_bytes
from thidua.site.pages.exports.tables import Table


def _table(sheet: str) -> Table:
    return Table(sheet, sheet, "x", ("A",), ())


def test_sheet_names_fit_excel_and_stay_apart() -> None:
    """At most 31 characters, none of []:*?/\\, cut in the middle so that both the kind (at the start) and what tells
    awards apart (at the end) remain; names equal but for case get a number."""
    names = sheet_names(
        [
            _table("Tập thể - Giấy khen Tập thể xuất sắc"),
            _table("Tập thể - Giấy khen Tập thể tiên tiến"),
            _table("Cá nhân - Giấy khen [cấp xã]: 2025/2026?"),
            _table("Cá nhân"),
            _table("CÁ NHÂN"),
            _table("'Tập thể'"),
        ]
    )
    assert names == [
        "Tập thể - Giấy…Tập thể xuất sắc",
        "Tập thể - Giấy…thể tiên tiến",
        "Cá nhân - Giấy…xã-- 2025-2026-",
        "Cá nhân",
        "CÁ NHÂN (2)",
        "Tập thể",
    ]
    assert all(len(name) <= 31 for name in names)


def test_csv_cells_are_written_for_excel() -> None:
    """A byte order mark, CRLF line ends, dates dd/mm/yyyy, a decimal comma, an empty cell for nothing, and an
    apostrophe before a text Excel would take for a formula (=, +, -, @)."""
    table = Table(
        "t",
        "t",
        "t",
        ("Tên", "Ngày", "Lúc", "Điểm", "Phiếu", "Trống"),
        (
            ("=1+1", dt.date(2025, 12, 5), dt.datetime(2025, 11, 27, 9, 20), 72.5, 7, None),
            ("+84 912", dt.date(2025, 1, 2), dt.datetime(2025, 1, 2, 0, 0), 60.0, 0, ""),
            ("@SUM(A1)", None, None, None, None, None),
            ("-3", None, None, None, None, None),
            ("Nguyễn Thị Lan — ổn", None, None, None, None, None),
        ),
    )
    assert csv_bytes(table).decode("utf-8") == (
        "\ufeffTên,Ngày,Lúc,Điểm,Phiếu,Trống\r\n"
        '\'=1+1,05/12/2025,27/11/2025 09:20,"72,5",7,\r\n'
        "'+84 912,02/01/2025,02/01/2025 00:00,60,0,\r\n"
        "'@SUM(A1),,,,,\r\n"
        "'-3,,,,,\r\n"
        "Nguyễn Thị Lan — ổn,,,,,\r\n"
    )


def test_a_workbook_is_written_again_only_when_its_tables_change() -> None:
    """The preview renders every page after each save: the same tables give the same bytes without writing the
    workbook again (the very same object), and one changed cell gives a new workbook."""
    about = About("Bảng", "Phong trào 2025", "UBND xã", dt.date(2025, 12, 20))
    table = Table("Bảng", "Bảng", "x", ("Tên", "Ngày"), (("Nguyễn Thị Lan", dt.date(2025, 12, 5)),))
    first = xlsx_bytes([table], about)
    assert xlsx_bytes([Table("Bảng", "Bảng", "x", ("Tên", "Ngày"), (("Nguyễn Thị Lan", dt.date(2025, 12, 5)),))], about) is first
    changed = Table("Bảng", "Bảng", "x", ("Tên", "Ngày"), (("Nguyễn Thị Lan", dt.date(2025, 12, 6)),))
    assert xlsx_bytes([changed], about) != first
    assert xlsx_bytes([table], About("Bảng", "Phong trào 2025", "UBND xã", dt.date(2025, 12, 21))) != first
