"""The kinds of record, the folder each lives in and the schema that defines it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str
    folder: str
    label: str
    per_campaign: bool = False

    @property
    def schema(self) -> str:
        return f"{self.name}.schema.json"


KINDS: tuple[Kind, ...] = (
    Kind("campaign", "campaigns", "kế hoạch"),
    Kind("unit", "units", "đơn vị"),
    Kind("person", "people", "cá nhân"),
    Kind("law", "laws", "văn bản pháp luật"),
    Kind("scale", "scales", "thang xếp loại"),
    Kind("rating", "ratings", "bảng xếp loại"),
    Kind("discipline", "discipline", "sổ theo dõi kỷ luật"),
    Kind("council", "councils", "hội đồng"),
    Kind("report", "reports", "báo cáo kết quả", per_campaign=True),
    Kind("nomination", "nominations", "hồ sơ đề nghị", per_campaign=True),
    Kind("meeting", "meetings", "phiên họp", per_campaign=True),
    Kind("decision", "decisions", "quyết định", per_campaign=True),
    Kind("story", "stories", "gương điển hình"),
)

BY_FOLDER = {kind.folder: kind for kind in KINDS}
BY_NAME = {kind.name: kind for kind in KINDS}

# Folders under records/ that hold files other than records (scanned documents, notes).
OTHER_FOLDERS = frozenset({"files"})

# Names the news folder (tin-tuc/) already uses for its index, feed and photos: no story id may take them.
RESERVED_STORY_IDS = frozenset({"index", "feed", "anh"})
