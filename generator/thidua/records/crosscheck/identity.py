"""Identity: each record is known by its file name, which is a valid id, matches the id inside, and sits in its place."""

from __future__ import annotations

import re

from ...text import slugify
from ..record import Record
from ..schema_messages import SLUG_PATTERN
from .lookup import Lookup

_SLUG = re.compile(SLUG_PATTERN)


def check_file_names(c: Lookup) -> None:
    """Each file name is a valid id. Names alone: nothing here is cached."""
    for record in c.records:
        if not _SLUG.match(record.stem):
            c.add(
                record,
                (),
                "file-name",
                f"Tên tệp «{record.stem}» không phải mã hợp lệ; hãy đổi tên tệp thành {slugify(record.stem) or 'ma-ho-so'}.yml.",
            )


def check_identity(c: Lookup, record: Record) -> None:
    """The id matches the file name; a per-campaign record sits in its campaign's folder."""
    stem = record.stem
    if record.id and _SLUG.match(record.id) and _SLUG.match(stem) and record.id != stem:
        c.add(
            record,
            ("id",),
            "id-file-name",
            f"Mã «{record.id}» khác tên tệp «{stem}»; hãy viết id: {stem}, hoặc đổi tên tệp thành {record.id}.yml.",
        )
    if record.kind.per_campaign:
        _campaign_folder(c, record, c.ids("campaign"))


def _campaign_folder(c: Lookup, record: Record, campaigns: list[str]) -> None:
    """A per-campaign record sits in the folder of an existing campaign, and says so."""
    folder = f"records/{record.kind.folder}"
    if record.scope not in campaigns:
        c.add(
            record,
            (),
            "unknown-campaign-folder",
            f"Thư mục «{record.scope}» trong {folder} không phải mã phong trào nào; hãy chuyển tệp vào "
            f"{folder}/<mã phong trào>/ (đang có: {', '.join(campaigns) or 'chưa có phong trào nào'}).",
        )
        return
    campaign = record.data.get("campaign")
    if isinstance(campaign, str) and campaign != record.scope:
        c.add(
            record,
            ("campaign",),
            "campaign-folder",
            f"Hồ sơ nằm trong thư mục «{record.scope}» nhưng ghi campaign: {campaign}; "
            f"hãy sửa thành campaign: {record.scope}, hoặc chuyển tệp sang thư mục «{campaign}».",
        )
