"""Checks of a nomination against its campaign, its nominee and its documents."""

from __future__ import annotations

from ...vocabulary import NomineeKind
from ..record import Record
from ..schema_messages import suggest
from .common import attendance, checks, unique
from .lookup import Lookup


@checks("nomination")
def check_nomination(c: Lookup, r: Record) -> None:
    data = r.data
    campaign = c.ref(r, ("campaign",), "campaign")
    proposer = c.ref(r, ("proposed_by",), "unit")
    kind = NomineeKind.COLLECTIVE if "unit" in data["nominee"] else NomineeKind.INDIVIDUAL
    if kind == NomineeKind.COLLECTIVE:
        nominee = c.ref(r, ("nominee", "unit"), "unit")
        nominee_unit = nominee
        if nominee and proposer and proposer.id not in (nominee.id, nominee.data.get("parent")):
            c.add(
                r,
                ("proposed_by",),
                "proposer-not-unit",
                f"Tập thể «{nominee.id}» phải do chính đơn vị đó hoặc đơn vị cấp trên đề nghị; hãy ghi proposed_by: {nominee.id}.",
            )
    else:
        nominee = c.ref(r, ("nominee", "person"), "person")
        nominee_unit = c.get("unit", nominee.data["unit"]) if nominee else None
        if nominee and proposer and nominee.data["unit"] != proposer.id:
            home = nominee.data["unit"]
            fix = f"hãy ghi proposed_by: {home}, hoặc sửa" if c.get("unit", home) else "hãy sửa"
            c.add(
                r,
                ("proposed_by",),
                "person-not-in-unit",
                f"«{nominee.data['name']}» thuộc đơn vị «{home}», không thuộc «{proposer.id}»; "
                f"{fix} đơn vị của người đó trong records/people.",
            )
    for i, _ in enumerate(data.get("documents", [])):
        _document(c, r, i, campaign)
    unique(c, r, ("documents",), "type", "Văn bản")
    if campaign is None:
        return
    plan = campaign.data
    awards = {a["id"]: a for a in plan["awards"]}
    award = awards.get(data["award"])
    if award is None:
        c.add(
            r,
            ("award",),
            "unknown-award",
            f"«{data['award']}» không phải hình thức khen thưởng của phong trào «{campaign.id}»; "
            f"hãy chọn một trong: {', '.join(awards)}.{suggest(data['award'], awards)}",
        )
    elif kind not in award["quota"]:
        c.add(
            r, ("nominee",), "kind-not-awarded", f"Hình thức «{award['name']}» không khen {kind.label}; hãy kiểm tra lại hồ sơ."
        )
    unit_kinds = plan["participants"].get("unit_kinds")
    if unit_kinds and nominee_unit is not None and nominee_unit.data["kind"] not in unit_kinds:
        c.add(
            r,
            ("nominee",),
            "unit-not-competing",
            f"Đơn vị «{nominee_unit.id}» (loại {nominee_unit.data['kind']}) không thuộc đối tượng thi đua của phong trào.",
        )
    if proposer is not None:  # achievements are looked up in the proposer's report
        _achievements(c, r)


def _document(c: Lookup, r: Record, i: int, campaign: Record | None) -> None:
    doc = r.data["documents"][i]
    path = ("documents", i)
    c.file(r, path + ("file",))
    if "person" in doc["signer"]:
        c.ref(r, path + ("signer", "person"), "person")
    if campaign is None:
        return
    dossier = {d["id"]: d for d in campaign.data.get("dossier", [])}
    item = dossier.get(doc["type"])
    if item is None:
        c.add(
            r,
            path + ("type",),
            "unknown-document",
            f"«{doc['type']}» không phải văn bản trong hồ sơ của phong trào; hãy chọn một trong: {', '.join(dossier)}."
            if dossier
            else f"Kế hoạch «{campaign.id}» không yêu cầu hồ sơ đề nghị (không có dossier); hãy bỏ documents khỏi hồ sơ này.",
        )
        return
    meeting = doc.get("meeting")
    if item["form"] == "bien-ban-hop" and meeting is None:
        c.add(
            r,
            path,
            "meeting-missing",
            f"{item['name']} phải ghi cuộc họp: hãy thêm meeting với chair, secretary, present, absent, vote_mode, in_favour, voters.",
        )
    if item["form"] != "bien-ban-hop" and meeting is not None:
        c.add(
            r,
            path + ("meeting",),
            "meeting-not-minutes",
            f"Chỉ Biên bản họp mới ghi cuộc họp; hãy xóa meeting khỏi {item['name']}.",
            at_key=True,
        )
    if meeting is None:
        return
    here = path + ("meeting",)
    attendance(c, r, here)
    if meeting["voters"] > len(meeting["present"]):
        c.add(
            r,
            here + ("voters",),
            "too-many-voters",
            f"{meeting['voters']} người biểu quyết nhiều hơn {len(meeting['present'])} người có mặt; hãy kiểm tra lại.",
        )
    if meeting["in_favour"] > meeting["voters"]:
        c.add(
            r,
            here + ("in_favour",),
            "too-many-votes",
            f"{meeting['in_favour']} người đồng ý nhiều hơn {meeting['voters']} người biểu quyết; hãy kiểm tra lại.",
        )


def _achievements(c: Lookup, r: Record) -> None:
    cited = r.data.get("achievements", [])
    if not cited:
        return
    known = {
        item["id"]
        for report in c.of_kind("report", r.scope)
        if report.data["unit"] == r.data["proposed_by"]
        for item in report.data["items"]
    }
    for i, ident in enumerate(cited):
        if ident not in known:
            c.add(
                r,
                ("achievements", i),
                "unknown-achievement",
                f"Không có kết quả «{ident}» trong báo cáo của «{r.data['proposed_by']}» (records/reports/{r.scope}); "
                "hãy kiểm tra mã kết quả.",
            )
