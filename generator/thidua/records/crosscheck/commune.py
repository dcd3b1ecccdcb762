"""Checks of the commune's standing records: units, people, laws, rating scales, ratings, discipline registers."""

from __future__ import annotations

from ..record import Record
from .amounts import check_law_amounts
from .common import checks, date_order, legal_refs, unique
from .discipline_ratings import disciplined_ratings
from .lookup import Lookup


@checks("unit")
def check_unit(c: Lookup, r: Record) -> None:
    if "parent" in r.data:
        c.ref(r, ("parent",), "unit")
    if "head" in r.data:
        head = c.ref(r, ("head",), "person")
        if head is not None and head.data.get("unit") != r.id:
            c.add(
                r,
                ("head",),
                "head-elsewhere",
                f"«{head.id}» thuộc đơn vị «{head.data.get('unit')}», không thuộc «{r.id}»; "
                "hãy sửa đơn vị của người đó hoặc chọn người đứng đầu khác.",
            )


@checks("person")
def check_person(c: Lookup, r: Record) -> None:
    c.ref(r, ("unit",), "unit")
    for i, _ in enumerate(r.data.get("statuses", [])):
        date_order(
            c,
            r,
            ("statuses", i, "from"),
            ("statuses", i, "to"),
            "Ngày kết thúc tình trạng sớm hơn ngày bắt đầu; hãy kiểm tra lại.",
        )


@checks("law")
def check_law(c: Lookup, r: Record) -> None:
    if "replaced_by" in r.data:
        c.ref(r, ("replaced_by",), "law")
    check_law_amounts(c, r)
    date_order(c, r, ("issued",), ("effective_from",), "Ngày có hiệu lực sớm hơn ngày ban hành; hãy kiểm tra lại.")
    date_order(c, r, ("effective_from",), ("effective_to",), "Ngày hết hiệu lực sớm hơn ngày có hiệu lực; hãy kiểm tra lại.")


@checks("scale")
def check_scale(c: Lookup, r: Record) -> None:
    unique(c, r, ("levels",), "id", "Mã mức")
    legal_refs(c, r, ("basis",))
    capped = r.data.get("when_disciplined")
    if capped:
        c.ref(r, ("when_disciplined", "basis", "law"), "law")
        levels = [level["id"] for level in r.data["levels"]]
        if capped["at_most"] not in levels:
            c.add(
                r,
                ("when_disciplined", "at_most"),
                "unknown-level",
                f"«{capped['at_most']}» không phải một mức của thang; hãy chọn một trong: {', '.join(levels)}.",
            )


@checks("rating")
def check_rating(c: Lookup, r: Record) -> None:
    c.ref(r, ("kept_by",), "unit")
    scale = c.ref(r, ("scale",), "scale") if "scale" in r.data else None
    levels = [level["id"] for level in scale.data["levels"]] if scale else []
    subject_kind = "unit" if r.data["subjects"] == "units" else "person"
    seen: dict[str, int] = {}
    for i, entry in enumerate(r.data["entries"]):
        c.ref(r, ("entries", i, "subject"), subject_kind)
        if entry["subject"] in seen:
            c.add(
                r,
                ("entries", i, "subject"),
                "duplicate-entry",
                f"«{entry['subject']}» đã có kết quả ở mục thứ {seen[entry['subject']] + 1}; mỗi đối tượng chỉ một kết quả.",
            )
        seen.setdefault(entry["subject"], i)
        value = entry["value"]
        if "measure" in r.data and not isinstance(value, (int, float)):
            c.add(
                r,
                ("entries", i, "value"),
                "rating-value",
                f"Bảng này đo bằng số ({r.data['measure']}); hãy ghi một số thay cho «{value}».",
            )
        elif scale and value not in levels:
            c.add(
                r,
                ("entries", i, "value"),
                "rating-value",
                f"«{value}» không phải một mức của thang «{scale.id}»; hãy chọn một trong: {', '.join(levels)}.",
            )
    if scale and scale.data.get("when_disciplined") and r.data["subjects"] == "people":
        disciplined_ratings(c, r, scale)


@checks("discipline")
def check_discipline(c: Lookup, r: Record) -> None:
    c.ref(r, ("kept_by",), "unit")
    date_order(c, r, ("period", "from"), ("period", "to"), "Ngày kết thúc kỳ sớm hơn ngày bắt đầu; hãy kiểm tra lại.")
    for i, case in enumerate(r.data["cases"]):
        if "person" in case:
            c.ref(r, ("cases", i, "person"), "person")
        if "unit" in case:
            c.ref(r, ("cases", i, "unit"), "unit")
        date_order(c, r, ("cases", i, "from"), ("cases", i, "to"), "Ngày kết thúc sớm hơn ngày bắt đầu; hãy kiểm tra lại.")
