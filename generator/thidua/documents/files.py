"""The ``documents`` verb: every campaign's official documents written as .docx (and PDF when asked), each missing
fact reported with its record's file, line and column."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from ..model import Registry, registry_from
from ..outputs import output_folder
from ..outputs.evaluation_files import evaluate_tree, write_bytes_atomic
from ..problems import Problem
from ..records.record import Record, Result
from ..speed.gcpause import paused_collection
from .collect import campaign_documents, docx_bytes
from .docx_render import TemplateProblem
from .facts import Gap
from .pdf import convert


def gap_problem(records: dict[tuple[str, str], Record], gap: Gap) -> Problem:
    """A gap as a warning at its record's field (the nearest written parent when the field is absent)."""
    record = records.get((gap.kind, gap.ident))
    if record is None:
        return Problem(gap.ident, 1, 1, "document-gap", gap.message)
    return record.problem(gap.path, "document-gap", gap.message[:1].upper() + gap.message[1:], at_key=True)


def _warn(records: dict[tuple[str, str], Record], drafts: dict[Gap, list[str]]) -> None:
    """Each missing fact once, with the drafts it makes."""
    for gap, names in drafts.items():
        problem = gap_problem(records, gap)
        sys.stdout.write(f"{problem.location()}: [{problem.record}] {problem.message} Bản DỰ THẢO: {', '.join(names)}.\n")


@paused_collection()
def write_documents(result: Result, root: Path, as_of: dt.date, output: Path, only: str | None, pdf: bool) -> int:
    """Write each campaign's documents under ``output/<campaign>/``; exit 0, or 1 when a PDF was asked and could not
    be made (the .docx are written all the same). A document with a missing fact is written as a draft, with a
    warning naming the record's file and field. ``output`` (checked by ``output_folder.check``) is written in a
    staging folder beside it and swapped in whole: never half written, and only a folder thidua wrote is replaced."""
    registry = registry_from(result.records)
    if only is not None and only not in registry.campaigns:
        sys.stderr.write(f"thidua: lỗi: không có phong trào «{only}»; các phong trào: {', '.join(sorted(registry.campaigns))}.\n")
        return 2
    output = output_folder.under(root, output)
    staging = output_folder.staging(output)
    try:
        written, drafts = output_folder.in_staging(staging, lambda: _write(registry, result, root, as_of, staging, only))
    except TemplateProblem as exc:  # the staging folder is gone
        sys.stdout.write(f"{exc.message(root)}\nChưa văn bản nào được ghi; thư mục cũ (nếu có) được giữ nguyên.\n")
        return 1
    problem = output_folder.in_staging(staging, lambda: _pdf(written)) if pdf else None
    output_folder.swap(staging, output)
    folder = output.relative_to(root) if output.is_relative_to(root) else output
    sys.stdout.write(
        f"Đã ghi {len(written)} văn bản .docx vào {folder}/ ({drafts} bản dự thảo vì còn thiếu dữ kiện, xem các dòng trên).\n"
    )
    if not pdf:
        return 0
    if problem:
        sys.stdout.write(problem + "\n")
        return 1
    sys.stdout.write(f"Đã chuyển {len(written)} văn bản sang PDF (LibreOffice), cùng thư mục.\n")
    return 0


def _write(
    registry: Registry, result: Result, root: Path, as_of: dt.date, output: Path, only: str | None
) -> tuple[list[tuple[Path, dt.date]], int]:
    """Every campaign's documents as .docx under ``output``, each missing fact said once: the files and their dates,
    and how many are drafts."""
    records = {(r.kind.name, r.id): r for r in result.records}
    written: list[tuple[Path, dt.date]] = []
    gaps: dict[Gap, list[str]] = {}
    drafts = 0
    for evaluated in evaluate_tree(registry, root, as_of):
        if only is not None and evaluated.campaign.id != only:
            continue
        for planned in campaign_documents(registry, evaluated):
            target = output / planned.campaign / f"{planned.name}.docx"
            write_bytes_atomic(target, docx_bytes(planned, root))
            written.append((target, planned.day))
            for gap in planned.gaps:
                gaps.setdefault(gap, []).append(target.name)
            drafts += planned.draft
    _warn(records, gaps)
    return written, drafts


def _pdf(written: list[tuple[Path, dt.date]]) -> str | None:
    """Convert the documents to PDF beside them: what to say when LibreOffice could not."""
    problem = None
    for folder_of in sorted({path.parent for path, _ in written}):
        problem = problem or convert([(p, d) for p, d in written if p.parent == folder_of], folder_of)
    return problem
