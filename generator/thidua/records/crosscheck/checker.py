"""Checks across records: identity, references, membership, dates and files."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import astuple
from pathlib import Path as FsPath
from typing import Any

from ...problems import Problem
from ...speed.cache import Cache, dep_key
from ...text import slugify
from ..layout import BY_NAME, RESERVED_STORY_IDS
from ..schema_messages import _SLUG_PATTERN, suggest
from ..validate import Record, place, stem_of
from ..yaml_reader import Path

_SLUG = re.compile(_SLUG_PATTERN)


class _Checker:
    """Checks each record against the others.

    While a record is checked, everything it reads of other records (and of the files
    folder) is noted with its state, so that the cache can reuse the record's problems
    in a later run only while all of those states are unchanged.
    """

    def __init__(self, root: FsPath, records: list[Record], unreadable: set[tuple[str, str | None, str]],
                 store: Cache | None = None) -> None:
        self.root = root
        self.records = records
        self.unreadable = unreadable
        self.store = store
        self.problems: list[Problem] = []
        self.index: dict[tuple[str, str | None, str], Record] = {}
        self._plain_files: set[str] | None = None
        self._ids: dict[tuple[str, str | None], list[str]] = {}  # asked for once the index is complete
        self.deps: set[str] | None = None  # what the record being checked has read
        self.reusable = True  # whether its problems may be reused

    # --- what a check depends on ---------------------------------------------

    def read(self, *dep: str | None) -> None:
        if self.deps is not None:
            self.deps.add(dep_key(*dep))

    def to_check_again(self) -> set[str]:
        """Records whose stored problems may be out of date: what their checks read has changed."""
        if self.store is None or not self.store.trusted:
            return set()
        changed: set[str] = set()
        for name in self.store.changed:
            kind, scope, _ = place(name)
            if kind is not None:
                changed |= {dep_key("record", kind.name, scope, stem_of(name)), dep_key("ids", kind.name, scope),
                            dep_key("records", kind.name, scope)}
        changed |= {dep_key("file", path) for path in self.plain_files() ^ self.store.plain_files()}
        return self.store.dependents(changed)

    def add(self, record: Record, path: Path, code: str, message: str, *, at_key: bool = False) -> None:
        self.problems.append(record.problem(path, code, message, at_key=at_key))

    def get(self, kind: str, ident: Any, scope: str | None = None) -> Record | None:
        """The record of that kind and id, if it exists and passed its schema."""
        if not isinstance(ident, str):
            return None
        self.read("record", kind, scope, ident)
        found = self.index.get((kind, scope, ident))
        return found if found is not None and found.usable else None

    def ids(self, kind: str, scope: str | None = None) -> list[str]:
        self.read("ids", kind, scope)
        if (kind, scope) not in self._ids:
            self._ids[kind, scope] = sorted(ident for (k, s, ident) in self.index if k == kind and s == scope)
        return self._ids[kind, scope]

    def ref(self, record: Record, path: Path, kind: str, scope: str | None = None) -> Record | None:
        """The record that the value at ``path`` names, or a problem saying it is missing."""
        value: Any = record.data
        for part in path:
            value = value[part]
        found = self.get(kind, value, scope)
        if found is None and (kind, scope, value) not in self.index and (kind, scope, value) not in self.unreadable:
            folder = BY_NAME[kind].folder + (f"/{scope}" if scope else "")
            hint = suggest(value, self.ids(kind, scope)) or f" Hãy kiểm tra mã, hoặc thêm tệp records/{folder}/{value}.yml."
            self.add(record, path, "unknown-reference",
                     f"Không tìm thấy {BY_NAME[kind].label} «{value}» trong records/{folder}.{hint}")
        return found

    def refs(self, record: Record, path: Path, kind: str, scope: str | None = None) -> list[Record]:
        found = []
        for i, _ in enumerate(_at(record.data, path) or []):
            target = self.ref(record, path + (i,), kind, scope)
            if target is not None:
                found.append(target)
        return found

    def unique(self, record: Record, path: Path, key: str, what: str) -> None:
        """Items of the list at ``path`` must not share ``key``."""
        seen: dict[Any, int] = {}
        for i, item in enumerate(_at(record.data, path) or []):
            value = item.get(key) if isinstance(item, dict) else None
            if value is None:
                continue
            if value in seen:
                first = record.doc.position(path + (seen[value], key))
                self.add(record, path + (i, key), "duplicate-id",
                         f"{what} «{value}» bị lặp lại (đã có ở dòng {first.line}); mỗi mã chỉ dùng một lần.")
            else:
                seen[value] = i

    def file(self, record: Record, path: Path, what: str = "bản quét") -> bool:
        """The file at ``path`` is inside the repository and exists; False (with a problem) if not."""
        value = _at(record.data, path)
        if value in self.plain_files():
            self.read("file", value)
            return True
        self.reusable = False  # the answer depends on more than the files folder: checked again every run
        target = (self.root / value).resolve()
        if not target.is_relative_to(self.root) or ".git" in FsPath(value).parts:
            self.add(record, path, "file-outside", f"Tệp «{value}» nằm ngoài kho; hãy đặt {what} trong records/files/.")
        elif {"..", "."} & set(value.split("/")):
            self.add(record, path, "file-indirect",
                     f"Đường dẫn «{value}» có «..» hoặc «.»; hãy viết thẳng {target.relative_to(self.root).as_posix()}.")
        elif not target.is_file():
            self.add(record, path, "missing-file",
                     f"Không có tệp «{value}» trong kho; hãy tải {what} lên đúng đường dẫn này, hoặc sửa đường dẫn.")
        else:
            return True
        return False

    def of_kind(self, kind: str, scope: str | None) -> list[Record]:
        """Every usable record of a kind (in a campaign), in file order."""
        self.read("records", kind, scope)
        return [r for r in self.records if r.kind.name == kind and r.usable and r.scope == scope]

    def plain_files(self) -> set[str]:
        """Regular files under records/files, reached without a symlink, as clean relative paths."""
        if self._plain_files is None:
            self._plain_files = set(_regular_files(self.root / "records" / "files", "records/files"))
        return self._plain_files

    def date_order(self, record: Record, early: Path, late: Path, message: str) -> None:
        first, second = _at(record.data, early), _at(record.data, late)
        if isinstance(first, str) and isinstance(second, str) and first[:10] > second[:10]:
            self.add(record, late, "date-order", message)

    def attendance(self, record: Record, path: Path) -> None:
        """A meeting's chair, secretary, present and absent people exist, and add up."""
        meeting = _at(record.data, path)
        for role in ("chair", "secretary"):
            self.ref(record, path + (role,), "person")
            if meeting[role] not in meeting["present"]:
                self.add(record, path + (role,), "not-present", f"«{meeting[role]}» phải có trong danh sách present (có mặt).")
        for group in ("present", "absent"):
            self.refs(record, path + (group,), "person")
        for i, person in enumerate(meeting.get("absent", [])):
            if person in meeting["present"]:
                self.add(record, path + ("absent", i), "present-and-absent", f"«{person}» vừa có mặt vừa vắng mặt; hãy giữ một.")

    def legal_refs(self, record: Record, path: Path) -> None:
        for i, _ in enumerate(_at(record.data, path) or []):
            self.ref(record, path + (i, "law"), "law")

    # --- identity -------------------------------------------------------------

    def identity(self) -> None:
        """File names: each a valid id. Names alone, so nothing here is cached."""
        for record in self.records:
            stem = record.stem
            if not _SLUG.match(stem):
                self.add(record, (), "file-name",
                         f"Tên tệp «{stem}» không phải mã hợp lệ; hãy đổi tên tệp thành {slugify(stem) or 'ma-ho-so'}.yml.")
            # Records are known by their file name (one extension, so one file a name): a typo in an id is
            # reported once, here, not in every record naming it.
            self.index[(record.kind.name, record.scope, stem)] = record

    def own_identity(self, record: Record) -> None:
        """The id matches the file name; a per-campaign record sits in its campaign's folder."""
        stem = record.stem
        if record.id and _SLUG.match(record.id) and _SLUG.match(stem) and record.id != stem:
            self.add(record, ("id",), "id-file-name",
                     f"Mã «{record.id}» khác tên tệp «{stem}»; hãy viết id: {stem}, hoặc đổi tên tệp thành {record.id}.yml.")
        if record.kind.per_campaign:
            self.campaign_folder(record, self.ids("campaign"))

    def campaign_folder(self, record: Record, campaigns: list[str]) -> None:
        """A per-campaign record sits in the folder of an existing campaign, and says so."""
        folder = f"records/{record.kind.folder}"
        if record.scope not in campaigns:
            self.add(record, (), "unknown-campaign-folder",
                     f"Thư mục «{record.scope}» trong {folder} không phải mã phong trào nào; hãy chuyển tệp vào "
                     f"{folder}/<mã phong trào>/ (đang có: {', '.join(campaigns) or 'chưa có phong trào nào'}).")
            return
        campaign = record.data.get("campaign")
        if isinstance(campaign, str) and campaign != record.scope:
            self.add(record, ("campaign",), "campaign-folder",
                     f"Hồ sơ nằm trong thư mục «{record.scope}» nhưng ghi campaign: {campaign}; "
                     f"hãy sửa thành campaign: {record.scope}, hoặc chuyển tệp sang thư mục «{campaign}».")

    # --- per kind -------------------------------------------------------------

    def unit(self, r: Record) -> None:
        if "parent" in r.data:
            self.ref(r, ("parent",), "unit")
        if "head" in r.data:
            head = self.ref(r, ("head",), "person")
            if head is not None and head.data.get("unit") != r.id:
                self.add(r, ("head",), "head-elsewhere",
                         f"«{head.id}» thuộc đơn vị «{head.data.get('unit')}», không thuộc «{r.id}»; "
                         "hãy sửa đơn vị của người đó hoặc chọn người đứng đầu khác.")

    def person(self, r: Record) -> None:
        self.ref(r, ("unit",), "unit")

    def law(self, r: Record) -> None:
        if "replaced_by" in r.data:
            self.ref(r, ("replaced_by",), "law")
        self.date_order(r, ("issued",), ("effective_from",), "Ngày có hiệu lực sớm hơn ngày ban hành; hãy kiểm tra lại.")
        self.date_order(r, ("effective_from",), ("effective_to",), "Ngày hết hiệu lực sớm hơn ngày có hiệu lực; hãy kiểm tra lại.")

    def scale(self, r: Record) -> None:
        self.unique(r, ("levels",), "id", "Mã mức")
        self.legal_refs(r, ("basis",))

    def rating(self, r: Record) -> None:
        self.ref(r, ("kept_by",), "unit")
        scale = self.ref(r, ("scale",), "scale") if "scale" in r.data else None
        levels = [level["id"] for level in scale.data["levels"]] if scale else []
        subject_kind = "unit" if r.data["subjects"] == "units" else "person"
        seen: dict[str, int] = {}
        for i, entry in enumerate(r.data["entries"]):
            self.ref(r, ("entries", i, "subject"), subject_kind)
            if entry["subject"] in seen:
                self.add(r, ("entries", i, "subject"), "duplicate-entry",
                         f"«{entry['subject']}» đã có kết quả ở mục thứ {seen[entry['subject']] + 1}; mỗi đối tượng chỉ một kết quả.")
            seen.setdefault(entry["subject"], i)
            value = entry["value"]
            if "measure" in r.data and not isinstance(value, (int, float)):
                self.add(r, ("entries", i, "value"), "rating-value",
                         f"Bảng này đo bằng số ({r.data['measure']}); hãy ghi một số thay cho «{value}».")
            elif scale and value not in levels:
                self.add(r, ("entries", i, "value"), "rating-value",
                         f"«{value}» không phải một mức của thang «{scale.id}»; hãy chọn một trong: {', '.join(levels)}.")

    def discipline(self, r: Record) -> None:
        self.ref(r, ("kept_by",), "unit")
        self.date_order(r, ("period", "from"), ("period", "to"), "Ngày kết thúc kỳ sớm hơn ngày bắt đầu; hãy kiểm tra lại.")
        for i, case in enumerate(r.data["cases"]):
            if "person" in case:
                self.ref(r, ("cases", i, "person"), "person")
            if "unit" in case:
                self.ref(r, ("cases", i, "unit"), "unit")
            self.date_order(r, ("cases", i, "from"), ("cases", i, "to"), "Ngày kết thúc sớm hơn ngày bắt đầu; hãy kiểm tra lại.")

    def council(self, r: Record) -> None:
        self.ref(r, ("unit",), "unit")
        self.unique(r, ("members",), "person", "Thành viên")
        for i, _ in enumerate(r.data["members"]):
            self.ref(r, ("members", i, "person"), "person")
        chairs = [m for m in r.data["members"] if m["role"] == "chu-tich"]
        if len(chairs) != 1:
            self.add(r, ("members",), "council-chair", f"Hội đồng phải có đúng một chủ tịch (role: chu-tich); đang có {len(chairs)}.")

    def campaign(self, r: Record) -> None:
        from .campaign import check_campaign

        check_campaign(self, r)

    def report(self, r: Record) -> None:
        campaign = self.ref(r, ("campaign",), "campaign")
        self.ref(r, ("unit",), "unit")
        self.unique(r, ("items",), "id", "Mã kết quả")
        if campaign is None:
            return
        tasks = {t["id"]: [s["id"] for s in t.get("subtasks", [])] for t in campaign.data["tasks"]}
        for i, item in enumerate(r.data["items"]):
            if item["task"] not in tasks:
                self.add(r, ("items", i, "task"), "unknown-task",
                         f"«{item['task']}» không phải nhiệm vụ của phong trào «{campaign.id}»; "
                         f"hãy chọn một trong: {', '.join(tasks)}.{suggest(item['task'], tasks)}")
            elif "subtask" in item and item["subtask"] not in tasks[item["task"]]:
                subs = tasks[item["task"]]
                choice = f"hãy chọn một trong: {', '.join(subs)}" if subs else "nhiệm vụ này không có nội dung con, hãy xóa dòng subtask"
                self.add(r, ("items", i, "subtask"), "unknown-subtask",
                         f"«{item['subtask']}» không phải nội dung con của nhiệm vụ «{item['task']}»; {choice}.")

    def nomination(self, r: Record) -> None:
        from .nomination import check_nomination

        check_nomination(self, r)

    def meeting(self, r: Record) -> None:
        self.ref(r, ("campaign",), "campaign")
        council = self.ref(r, ("council",), "council")
        self.attendance(r, ())
        if council is not None:
            members = {m["person"] for m in council.data["members"]}
            for group in ("present", "absent"):
                for i, person in enumerate(r.data.get(group, [])):
                    if person not in members and self.get("person", person):
                        self.add(r, (group, i), "not-member",
                                 f"«{person}» không phải thành viên hội đồng «{council.id}»; hãy kiểm tra lại.")
        self.unique(r, ("votes",), "nomination", "Hồ sơ")
        for i, vote in enumerate(r.data["votes"]):
            self.ref(r, ("votes", i, "nomination"), "nomination", r.scope)
            if vote["in_favour"] > len(r.data["present"]):
                self.add(r, ("votes", i, "in_favour"), "too-many-votes",
                         f"{vote['in_favour']} phiếu đồng ý nhiều hơn {len(r.data['present'])} thành viên có mặt; hãy kiểm tra lại.")
        voted = {v["nomination"] for v in r.data["votes"]}
        for i, resolution in enumerate(r.data.get("resolutions", [])):
            for j, nomination in enumerate(resolution["tied"]):
                if self.ref(r, ("resolutions", i, "tied", j), "nomination", r.scope) and nomination not in voted:
                    self.add(r, ("resolutions", i, "tied", j), "tie-not-voted",
                             f"«{nomination}» không có trong kết quả biểu quyết (votes) của phiên họp; hãy kiểm tra lại.")
            for j, nomination in enumerate(resolution["chosen"]):
                if nomination not in resolution["tied"]:
                    self.add(r, ("resolutions", i, "chosen", j), "chosen-not-tied",
                             f"«{nomination}» không nằm trong các hồ sơ bằng phiếu (tied); hãy chọn trong số đó.")

    def decision(self, r: Record) -> None:
        campaign = self.ref(r, ("campaign",), "campaign")
        if "person" in r.data["signer"]:
            self.ref(r, ("signer", "person"), "person")
        if "file" in r.data:
            self.file(r, ("file",))
        awards = [a["id"] for a in campaign.data["awards"]] if campaign else []
        for i, item in enumerate(r.data.get("awards", [])):
            nomination = self.ref(r, ("awards", i, "nomination"), "nomination", r.scope)
            if campaign and item["award"] not in awards:
                self.add(r, ("awards", i, "award"), "unknown-award",
                         f"«{item['award']}» không phải hình thức khen thưởng của phong trào; hãy chọn một trong: {', '.join(awards)}.")
            elif nomination and nomination.data["award"] != item["award"]:
                self.add(r, ("awards", i, "award"), "award-mismatch",
                         f"Hồ sơ «{nomination.id}» đề nghị «{nomination.data['award']}», không phải «{item['award']}»; hãy kiểm tra lại.")
        for i, item in enumerate(r.data.get("revokes", [])):
            target = self.ref(r, ("revokes", i, "decision"), "decision", r.scope)
            self.ref(r, ("revokes", i, "nomination"), "nomination", r.scope)
            if target and item["nomination"] not in {a["nomination"] for a in target.data.get("awards", [])}:
                self.add(r, ("revokes", i, "nomination"), "revoke-not-awarded",
                         f"Quyết định «{target.id}» không khen thưởng hồ sơ «{item['nomination']}»; không thể hủy bỏ.")
            if target and target.data["date"] > r.data["date"]:
                self.add(r, ("date",), "date-order", f"Quyết định hủy bỏ ký trước quyết định «{target.id}» mà nó hủy; hãy kiểm tra ngày.")

    def story(self, r: Record) -> None:
        if r.id in RESERVED_STORY_IDS:
            self.add(r, ("id",), "reserved-id",
                     f"Mã «{r.id}» trùng với tên trang tin tức đã dùng ({', '.join(sorted(RESERVED_STORY_IDS))}); "
                     "hãy đặt mã khác cho câu chuyện và đổi tên tệp theo mã đó.")
        self.ref(r, ("unit",), "unit")
        self.ref(r, ("written_by",), "unit")
        if "campaign" in r.data:
            self.ref(r, ("campaign",), "campaign")
        person = self.ref(r, ("person",), "person") if "person" in r.data else None
        home = person.data.get("unit") if person is not None else None
        # A person whose own unit is unknown is reported in their file; saying it again here would be an echo.
        if person is not None and home != r.data["unit"] and self.get("unit", home) is not None:
            self.add(r, ("person",), "person-not-in-unit",
                     f"«{person.data['name']}» thuộc đơn vị «{home}», không thuộc «{r.data['unit']}»; "
                     f"hãy ghi unit: {home}, hoặc chọn đúng người.")
        if "photo" not in r.data:
            return
        self.reusable = False  # whether the photo is an image is read from the file itself
        if self.file(r, ("photo", "file"), "ảnh") and not _is_image(self.root / r.data["photo"]["file"]):
            self.add(r, ("photo", "file"), "not-an-image",
                     f"Tệp «{r.data['photo']['file']}» không phải ảnh PNG hay JPEG; hãy tải đúng tệp ảnh lên.")
        story_date, consent_date = _day(r.data["date"]), _day(_at(r.data, ("photo", "consent", "date")))
        if story_date and consent_date and consent_date > story_date:
            self.add(r, ("photo", "consent", "date"), "consent-after-story",
                     f"Người trong ảnh đồng ý ngày {consent_date:%d/%m/%Y}, sau ngày đăng câu chuyện {story_date:%d/%m/%Y}: "
                     "ảnh chỉ được đăng khi đã có văn bản đồng ý; hãy kiểm tra ngày đồng ý, hoặc bỏ ảnh.")

    def run(self) -> list[Problem]:
        self.identity()
        store = self.store
        again = self.to_check_again()
        stored = store.problems() if store is not None and store.trusted else {}
        for record in self.records:
            name = record.doc.path
            if store is not None and record.valid and name not in again and store.reusable(name):
                self.problems.extend(Problem(*fields) for fields in stored.get(name, ()))
                continue
            self.deps, self.reusable, before = (set() if store is not None else None), True, len(self.problems)
            self.own_identity(record)
            if record.usable:
                getattr(self, record.kind.name)(record)
            if store is not None and record.valid:
                found = [astuple(problem) for problem in self.problems[before:]] if self.reusable else None
                store.checked(name, found, sorted(self.deps or ()))
            self.deps = None
        return self.problems


def _at(data: Any, path: Path) -> Any:
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _regular_files(folder: FsPath | str, rel: str) -> Iterator[str]:
    """Regular files under ``folder``, walked without following symlinks, as paths under ``rel``."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if entry.name != ".git":
                yield from _regular_files(entry.path, f"{rel}/{entry.name}")
        elif entry.is_file(follow_symlinks=False):
            yield f"{rel}/{entry.name}"


def _day(value: Any) -> dt.date | None:
    """A date written YYYY-MM-DD, or None (the schema reports anything else)."""
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def _is_image(path: FsPath) -> bool:
    """The file starts like a PNG or a JPEG, whatever its name says."""
    with path.open("rb") as stream:
        return stream.read(8).startswith(_IMAGE_MAGIC)


def check_across(root: FsPath, records: list[Record], unreadable: set[tuple[str, str | None, str]],
                 store: Cache | None = None) -> list[Problem]:
    """Problems across records; references to files that exist but could not be read stay silent.

    With a cache, a record whose checks read nothing that changed keeps its stored problems,
    and the cache is told what this run found.
    """
    checker = _Checker(root, records, unreadable, store)
    problems = checker.run()
    if store is not None:
        store.plain_files_now = checker.plain_files()
    return problems
