"""Tables written as an Excel workbook (XlsxWriter) and as CSV for Excel (UTF-8 with a byte order mark), the same bytes
for the same tables and as-of date: the workbook's creation date is the as-of date, its parts are dated 01/01/1980."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]  # XlsxWriter ships no type information

from ....clock import epoch_of
from ....text import decimal, table_date
from .tables import Cell, Table

DAY, MOMENT = "dd/mm/yyyy", "dd/mm/yyyy hh:mm"
WIDEST, NARROWEST = 50, 6  # column widths, in characters
# A text starting with one of these is a formula to Excel when it opens a CSV file: such a cell gets a leading
# apostrophe (text from records is anyone's, and a formula in a download can run a command on the reader's machine).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NOT_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LENGTH = 31


@dataclass(frozen=True)
class About:
    """What a workbook says about itself (File > Properties): all public."""

    title: str
    subject: str  # the campaign
    author: str  # the unit that runs it
    as_of: dt.date


def _shown(value: Cell) -> str:
    """A cell as CSV text: dates dd/mm/yyyy, decimals with a comma, like the pages."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{table_date(value.date())} {value:%H:%M}"
    if isinstance(value, dt.date):
        return table_date(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return decimal(value)
    return "'" + value if value.startswith(FORMULA_START) else value


def csv_bytes(table: Table) -> bytes:
    """One table as CSV: comma-separated, CRLF line ends, UTF-8 with a byte order mark (Excel reads it as UTF-8 then)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(_shown(title) for title in table.columns)
    writer.writerows([_shown(value) for value in row] for row in table.rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def sheet_names(tables: Sequence[Table]) -> list[str]:
    """Names Excel accepts: at most 31 characters, none of []:*?/\\, not starting or ending with an apostrophe, each
    different from the others whatever the case."""
    names: list[str] = []
    for table in tables:
        name = _NOT_IN_SHEET_NAME.sub("-", table.sheet).strip("' ") or "Bảng"
        name = _shortened(name)
        base, number = name, 1
        while name.casefold() in {n.casefold() for n in names}:
            number += 1
            suffix = f" ({number})"
            name = base[: SHEET_NAME_LENGTH - len(suffix)] + suffix
        names.append(name)
    return names


def _shortened(name: str) -> str:
    """A name cut in its middle to fit a sheet's tab, whole words kept at both ends: the start says the kind of nominee,
    the end tells awards apart («Tập thể - Giấy…Tập thể xuất sắc»)."""
    if len(name) <= SHEET_NAME_LENGTH:
        return name
    head = name[: SHEET_NAME_LENGTH // 2]
    head = head.rsplit(" ", 1)[0] if " " in head else head
    start = len(name) - (SHEET_NAME_LENGTH - 1 - len(head))
    if name[start - 1] != " " and " " in name[start:]:  # mid-word: from the next word on
        start = name.index(" ", start) + 1
    return head.rstrip(",;.- ") + "…" + name[start:].lstrip(",;.- ")


def _width(title: str, values: list[Cell]) -> float:
    """A column wide enough for its longest value (dates and numbers as shown), within bounds; a long title wraps."""
    longest = max([min(len(title), 24)] + [len(v) if isinstance(v, str) else len(_shown(v)) for v in values if v is not None])
    return float(max(NARROWEST, min(WIDEST, longest + 2)))


def xlsx_bytes(tables: Sequence[Table], about: About) -> bytes:
    """The tables as the sheets of one workbook: a bold header row that stays in view and filters, real dates shown
    dd/mm/yyyy, printed landscape across one page's width with the header on every page."""
    return _workbook(tuple(tables), about)


# The preview (thidua serve) renders every page again after each save, in one process: a workbook whose tables did not
# change is not written again (two seconds at 10,000 nominations). The key is the tables' content, never their source.
@functools.lru_cache(maxsize=8)
def _workbook(tables: tuple[Table, ...], about: About) -> bytes:
    buffer = io.BytesIO()
    # in_memory: the parts are dated 01/01/1980 (on disk XlsxWriter dates them by the local clock's time zone).
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    created = dt.datetime.fromtimestamp(epoch_of(about.as_of), dt.UTC).replace(tzinfo=None)  # written as UTC
    book.set_properties(
        {
            "title": about.title,
            "subject": about.subject,
            "author": about.author,
            "comments": f"Số liệu tính đến ngày {table_date(about.as_of)}.",
            "created": created,
        }
    )
    formats = {
        "header": book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#E3F2FD", "border": 1}),
        "text": book.add_format({"text_wrap": True, "valign": "top"}),
        "number": book.add_format({"valign": "top"}),
        "day": book.add_format({"num_format": DAY, "valign": "top", "align": "left"}),
        "moment": book.add_format({"num_format": MOMENT, "valign": "top", "align": "left"}),
    }
    for table, name in zip(tables, sheet_names(tables), strict=True):
        _sheet(book.add_worksheet(name), table, about, formats)
    book.close()
    return buffer.getvalue()


def _sheet(sheet: Any, table: Table, about: About, formats: dict[str, Any]) -> None:
    for col, title in enumerate(table.columns):
        sheet.write_string(0, col, title, formats["header"])
        sheet.set_column(col, col, _width(title, [row[col] for row in table.rows]))
    for number, row in enumerate(table.rows, 1):
        for col, value in enumerate(row):
            _write(sheet, number, col, value, formats)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(table.rows), len(table.columns) - 1)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    header = f"{about.subject}: {table.title} (tính đến ngày {table_date(about.as_of)})".replace("&", "&&")
    sheet.set_header("&L" + header[:240])


def _write(sheet: Any, row: int, col: int, value: Cell, formats: dict[str, Any]) -> None:
    """One cell: a string always as text (never a formula nor a link), a number, a date shown dd/mm/yyyy."""
    if value is None or value == "":
        return
    if isinstance(value, dt.datetime):
        sheet.write_datetime(row, col, value, formats["moment"])
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, col, value, formats["day"])
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, formats["number"])
    else:
        sheet.write_string(row, col, value, formats["text"])
