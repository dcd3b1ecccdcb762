"""Where records live: the kinds of record, the folder of each, the schema that defines it, and how files are named.

Every path and file-name rule of records/ is here; nothing else spells them out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from ..vocabulary import NomineeKind


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
    Kind("register", "registers", "sổ minh chứng"),
    Kind("council", "councils", "hội đồng"),
    Kind("report", "reports", "báo cáo kết quả", per_campaign=True),
    Kind("nomination", "nominations", "hồ sơ đề nghị", per_campaign=True),
    Kind("meeting", "meetings", "phiên họp", per_campaign=True),
    Kind("posting", "postings", "công khai danh sách", per_campaign=True),
    Kind("decision", "decisions", "quyết định", per_campaign=True),
    Kind("story", "stories", "gương điển hình"),
)

BY_FOLDER = {kind.folder: kind for kind in KINDS}
BY_NAME = {kind.name: kind for kind in KINDS}

# Folders under records/ that hold files other than records (scanned documents, notes).
FILES_FOLDER = "files"  # scanned documents and photos
OTHER_FOLDERS = frozenset({FILES_FOLDER})

# Names the news folder (tin-tuc/) already uses for its index, feed and photos: no story id may take them.
RESERVED_STORY_IDS = frozenset({"index", "feed", "anh"})

RECORD_SUFFIX = ".yml"  # one extension: CODEOWNERS rules and lookups by file name rely on it


def stem_of(name: str) -> str:
    """The id a record's file name gives: ``records/units/van-phong.yml`` → ``van-phong``."""
    return name[name.rfind("/") + 1 : name.rfind(".")]


def record_path(kind: str, ident: str, scope: str | None = None) -> str:
    """Where the record of that kind and id lives: ``records/nominations/<campaign>/<id>.yml``."""
    folder = BY_NAME[kind].folder
    return f"records/{folder}/{scope}/{ident}{RECORD_SUFFIX}" if scope else f"records/{folder}/{ident}{RECORD_SUFFIX}"


def nomination_id(kind: NomineeKind, nominee: str) -> str:
    """A nomination's id (and file name): ``tap-the-<unit>`` or ``ca-nhan-<person>``."""
    return f"{kind}-{nominee}"


def files_folder(campaign: str, nomination: str) -> str:
    """Where a nomination's scanned documents go: ``records/files/<campaign>/<nomination>/``."""
    return f"records/{FILES_FOLDER}/{campaign}/{nomination}/"


def misnamed(name: str) -> str | None:
    """Why a file in a record folder is not read as a record, if it is not."""
    if name.endswith(RECORD_SUFFIX):
        return None
    rel = PurePosixPath(name)
    if rel.suffix.lower() in (RECORD_SUFFIX, ".yaml"):
        return (
            f"Hồ sơ phải có đuôi {RECORD_SUFFIX} (chữ thường), không phải «{rel.suffix}»; "
            f"hãy đổi tên thành {rel.stem}{RECORD_SUFFIX} để hồ sơ được đọc."
        )
    return f"Tệp «{rel.name}» không phải tệp hồ sơ nên không được đọc; hồ sơ phải có đuôi .yml (ví dụ {rel.stem.split('.')[0] or 'ma-ho-so'}.yml)."


_FOLDER_NAMES = ", ".join(kind.folder for kind in KINDS)


def place(name: str) -> tuple[Kind | None, str | None, str | None]:
    """The kind and campaign scope of a file from its place, or a message."""
    parts = name.split("/")  # ("records", folder, ..., name)
    folder_names = _FOLDER_NAMES
    if len(parts) < 3:
        return None, None, f"Tệp hồ sơ phải nằm trong một thư mục con của records/: {folder_names}."
    folder = parts[1]
    if folder in OTHER_FOLDERS:
        return None, None, None
    kind = BY_FOLDER.get(folder)
    if kind is None:
        return None, None, f"Thư mục records/{folder} không chứa loại hồ sơ nào; hãy chuyển tệp vào một trong: {folder_names}."
    if kind.per_campaign:
        if len(parts) != 4:
            return None, None, f"Hồ sơ loại {kind.label} phải nằm ở records/{folder}/<mã phong trào>/<mã>.yml."
        return kind, parts[2], None
    if len(parts) != 3:
        return None, None, f"Hồ sơ loại {kind.label} phải nằm ngay trong records/{folder}/, không trong thư mục con."
    return kind, None, None
