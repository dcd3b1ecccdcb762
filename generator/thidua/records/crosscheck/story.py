"""Checks of an exemplary story (gương điển hình): who it is about, who wrote it, and its photo's consent."""

from __future__ import annotations

from ..layout import RESERVED_STORY_IDS
from ..record import Record
from .common import checks, day
from .lookup import Lookup, at


@checks("story")
def check_story(c: Lookup, r: Record) -> None:
    if r.id in RESERVED_STORY_IDS:
        c.add(
            r,
            ("id",),
            "reserved-id",
            f"Mã «{r.id}» trùng với tên trang tin tức đã dùng ({', '.join(sorted(RESERVED_STORY_IDS))}); "
            "hãy đặt mã khác cho câu chuyện và đổi tên tệp theo mã đó.",
        )
    c.ref(r, ("unit",), "unit")
    c.ref(r, ("written_by",), "unit")
    if "campaign" in r.data:
        c.ref(r, ("campaign",), "campaign")
    person = c.ref(r, ("person",), "person") if "person" in r.data else None
    home = person.data.get("unit") if person is not None else None
    # A person whose own unit is unknown is reported in their file; saying it again here would be an echo.
    if person is not None and home != r.data["unit"] and c.get("unit", home) is not None:
        c.add(
            r,
            ("person",),
            "person-not-in-unit",
            f"«{person.data['name']}» thuộc đơn vị «{home}», không thuộc «{r.data['unit']}»; "
            f"hãy ghi unit: {home}, hoặc chọn đúng người.",
        )
    if "photo" in r.data:
        _photo(c, r)


def _photo(c: Lookup, r: Record) -> None:
    """A story's photo is an image in records/files, agreed to in writing no later than the story's date."""
    if c.file(r, ("photo", "file"), "ảnh") and not c.is_image(r.data["photo"]["file"]):
        c.add(
            r,
            ("photo", "file"),
            "not-an-image",
            f"Tệp «{r.data['photo']['file']}» không phải ảnh PNG hay JPEG; hãy tải đúng tệp ảnh lên.",
        )
    story_date, consent_date = day(r.data["date"]), day(at(r.data, ("photo", "consent", "date")))
    if story_date and consent_date and consent_date > story_date:
        c.add(
            r,
            ("photo", "consent", "date"),
            "consent-after-story",
            f"Người trong ảnh đồng ý ngày {consent_date:%d/%m/%Y}, sau ngày đăng câu chuyện {story_date:%d/%m/%Y}: "
            "ảnh chỉ được đăng khi đã có văn bản đồng ý; hãy kiểm tra ngày đồng ý, hoặc bỏ ảnh.",
        )
