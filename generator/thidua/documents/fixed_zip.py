"""The same .docx bytes for the same records: a Word file is a zip, whose entries carry times and an order."""

from __future__ import annotations

import io
import zipfile

FIRST = "[Content_Types].xml"  # Word and LibreOffice read it first; it stays the first entry


def fixed(content: bytes, when: tuple[int, int, int, int, int, int]) -> bytes:
    """The zip rewritten with every entry dated ``when`` (year ≥ 1980), in name order after the content types, with the
    same compression and no extra fields or comments."""
    source = zipfile.ZipFile(io.BytesIO(content))
    names = sorted(source.namelist(), key=lambda name: (name != FIRST, name))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            target.writestr(info, source.read(name), compresslevel=6)
    return out.getvalue()
