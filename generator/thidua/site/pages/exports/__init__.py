"""Files each campaign offers for download beside its pages (phong-trao/<id>/tai-ve/): the dossier board and the
results as an Excel workbook and as CSV files, and the dated steps as a calendar; the plan page lists them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial

from ....model.campaign import Campaign
from ...page import Page, Site
from ..campaign_boards import sections
from . import deadlines, tables
from .spreadsheets import About, csv_bytes, xlsx_bytes

FOLDER = "tai-ve"  # under the campaign's folder


@dataclass(frozen=True)
class Download:
    file: str  # its name in the campaign's download folder, ASCII
    label: str  # what a reader is told it is, in Vietnamese


def _files(site: Site, c: Campaign) -> list[tuple[Download, Callable[[], bytes]]]:
    """Every download of a campaign with what makes its bytes (made only when the files are written)."""
    result = site.results[c.id]
    author = site.registry.units[c.issuer].name
    about = partial(About, subject=f"{c.name} {c.year}", author=author, as_of=site.as_of)
    # Each table worked out once, when the first file that holds it is written.
    dossiers = cache(partial(tables.dossier_table, site, c, result))
    results = cache(partial(tables.result_tables, site, c, result))
    found: list[tuple[Download, Callable[[], bytes]]] = [
        (
            Download(f"{c.id}-ho-so.xlsx", "Bảng theo dõi hồ sơ đề nghị khen thưởng (Excel)"),
            lambda: xlsx_bytes([dossiers()], about(title="Bảng theo dõi hồ sơ đề nghị khen thưởng")),
        ),
        (
            Download(f"{c.id}-ho-so.csv", "Bảng theo dõi hồ sơ đề nghị khen thưởng (CSV, mở bằng Excel)"),
            lambda: csv_bytes(dossiers()),
        ),
        (
            Download(f"{c.id}-ket-qua.xlsx", "Kết quả xét chọn (Excel, mỗi hình thức khen thưởng một trang tính)"),
            lambda: xlsx_bytes(results(), about(title="Kết quả xét chọn")),
        ),
    ]
    for index, section in enumerate(sections(site, c, result)):
        found.append(
            (
                Download(
                    f"{c.id}-ket-qua-{tables.section_slug(section)}.csv",
                    f"Kết quả xét chọn: {tables.section_title(section)} (CSV, mở bằng Excel)",
                ),
                partial(_section_csv, results, index),
            )
        )
    steps = deadlines.steps(site, c, result)
    if steps:
        found.append(
            (
                Download(f"{c.id}-moc-thoi-han.ics", "Lịch các mốc thời hạn (thêm vào lịch điện thoại hoặc máy tính)"),
                lambda: deadlines.calendar_bytes(site, c, steps),
            )
        )
    return found


def _section_csv(results: Callable[[], list[tables.Table]], index: int) -> bytes:
    return csv_bytes(results()[index])


def downloads(site: Site, c: Campaign) -> list[Download]:
    """What the campaign's plan page lists for download, in order."""
    return [download for download, _ in _files(site, c)]


def path(c: Campaign, download: Download) -> str:
    """Where a download is written, relative to docs/."""
    return f"phong-trao/{c.id}/{FOLDER}/{download.file}"


def pages(site: Site) -> list[Page]:
    """Every campaign's downloads, as files published byte for byte."""
    found = []
    for c in site.campaigns():
        for download, content in _files(site, c):
            found.append(Page(path(c, download), "", make=content) if site.later else Page(path(c, download), "", data=content()))
    return found
