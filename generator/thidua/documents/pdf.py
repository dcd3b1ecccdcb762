"""PDF from the .docx, by LibreOffice headless (Debian's libreoffice-writer-nogui, with fonts-liberation2 for the
Times New Roman metrics and every Vietnamese letter); the same bytes again for the same .docx."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

INSTALL = "sudo apt-get update && sudo apt-get install -y libreoffice-writer-nogui fonts-liberation2"
MISSING = (
    "Máy chưa có LibreOffice để chuyển văn bản sang PDF (lệnh soffice). Các tệp .docx vẫn được ghi. "
    f"Để có PDF, hãy cài LibreOffice và phông chữ Liberation 2 (đủ chữ tiếng Việt), rồi chạy lại:\n    {INSTALL}\n"
    "(Không dùng gói fonts-liberation cũ: thiếu các chữ ơ, ư, ạ, ặ, ệ.)"
)
_DATES = re.compile(rb"/(CreationDate|ModDate)\(D:(\d{14})")
_ID = re.compile(rb"/ID \[ ?<([0-9A-F]{32})>\s?<([0-9A-F]{32})> ?\]")
_CHECKSUM = re.compile(rb"/DocChecksum /([0-9A-F]{32})")


def converter() -> str | None:
    """LibreOffice's command, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def steady(content: bytes, day: dt.date) -> bytes:
    """The PDF with its dates set to the document's day and its file identifier made from its content: both are
    rewritten in place, at the same length, so that no offset of the file moves."""
    stamp = f"{day:%Y%m%d}000000".encode()
    content = _DATES.sub(lambda m: b"/" + m.group(1) + b"(D:" + stamp, content)
    digest = hashlib.md5(_CHECKSUM.sub(b"", _ID.sub(b"", content)), usedforsecurity=False).hexdigest().upper().encode()
    content = _CHECKSUM.sub(b"/DocChecksum /" + digest, content)
    return _ID.sub(lambda m: m.group(0).replace(m.group(1), digest).replace(m.group(2), digest), content)


def convert(files: list[tuple[Path, dt.date]], folder: Path) -> str | None:
    """Each .docx converted to a PDF beside it in ``folder``; what went wrong, in Vietnamese, or None."""
    command = converter()
    if command is None:
        return MISSING
    if not files:
        return None
    with tempfile.TemporaryDirectory(prefix="thidua-soffice-") as profile:
        done = subprocess.run(
            [
                command,
                f"-env:UserInstallation={Path(profile).as_uri()}",  # its own profile: runs side by side do not clash
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf:writer_pdf_Export",
                "--outdir",
                str(folder),
                *(str(path) for path, _ in files),
            ],
            env=dict(os.environ, TZ="UTC"),
            capture_output=True,
            text=True,
            check=False,
        )
    failed = [path for path, _ in files if not path.with_suffix(".pdf").is_file()]
    if done.returncode != 0 or failed:
        names = ", ".join(p.name for p in failed) or "?"
        return f"LibreOffice không chuyển được sang PDF ({names}): {(done.stderr or done.stdout).strip()[-400:]}"
    for path, day in files:
        pdf = path.with_suffix(".pdf")
        pdf.write_bytes(steady(pdf.read_bytes(), day))
    return None
