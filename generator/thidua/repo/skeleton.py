"""thidua new: a record skeleton with every required field and a Vietnamese comment on each.

The skeleton is written to the place its kind lives; it never overwrites a file.
Values the office must fill are left so that ``thidua validate`` says what to write; a nomination's skeleton is
valid as written (nothing thidua cannot know is prefilled) and validate lists what its dossier still lacks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model import Registry
from ..model.campaign import Award, Campaign, DossierItem
from ..records.layout import files_folder, nomination_id, record_path
from ..vocabulary import NomineeKind


class SkeletonError(Exception):
    """A request that cannot be made into a record (exit 2)."""


def _comment(schema: dict[str, Any], name: str) -> str:
    prop = schema["properties"][name]
    title = prop.get("title", "")
    description = prop.get("description", "")
    if not title and "$ref" in prop:
        return ""
    text = f"{title}: {description}" if title and description else title or description
    return f"# {text}\n" if text else ""


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


def _write(target: Path, text: str) -> Path:
    if target.exists():
        raise SkeletonError(f"đã có tệp {target}; thidua new không ghi đè, hãy chọn mã khác hoặc sửa tệp đó.")
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return target


def _field(schema: dict[str, Any], name: str, value: str) -> str:
    return f"{_comment(schema, name)}{name}: {value}\n"


def _chosen(
    registry: Registry, campaign: Campaign, unit: str | None, person: str | None, award_id: str | None
) -> tuple[NomineeKind, str, Award]:
    """Who is nominated, and for which award (the plan's first for that kind, unless one is named)."""
    if (unit is None) == (person is None):
        raise SkeletonError("hãy ghi đúng một trong --unit (tập thể) hoặc --person (cá nhân).")
    kind = NomineeKind.COLLECTIVE if unit else NomineeKind.INDIVIDUAL
    nominee = unit or person or ""
    if kind == NomineeKind.COLLECTIVE and nominee not in registry.units:
        raise SkeletonError(f"không có đơn vị «{nominee}» trong records/units.")
    if kind == NomineeKind.INDIVIDUAL and nominee not in registry.people:
        raise SkeletonError(f"không có cá nhân «{nominee}» trong records/people.")
    awards = [a for a in campaign.awards if any(k == kind for k, _ in a.quota)]
    award = next((a for a in awards if a.id == award_id), None) if award_id else (awards[0] if awards else None)
    if award is None:
        raise SkeletonError(f"phong trào «{campaign.id}» không có hình thức khen thưởng «{award_id or kind}» cho đối tượng này.")
    return kind, nominee, award


def _document(item: DossierItem, folder: str, signer: str | None, head: str | None) -> str:
    """One document of the dossier as commented lines to uncomment once the document exists: nothing is prefilled that
    thidua cannot know (its number, its date), so the skeleton is valid and validate lists what is still to send."""
    lines = [f"  # {item.name}{' (người ký: ' + item.signed_by + ')' if item.signed_by else ''}", f"  - type: {item.id}"]
    if item.numbered:
        lines.append('    number: ""  # số, ký hiệu văn bản, ví dụ "05/TTr-VP"')
    lines.append("    date:  # ngày văn bản, năm-tháng-ngày, ví dụ 2025-12-01")
    lines.append(f"    signer:\n      person: {signer or ''}  # mã người ký trong records/people")
    lines.append(f"    file: {folder}{item.id}.pdf  # tải bản quét lên đúng đường dẫn này")
    if item.form == "bien-ban-hop":
        lines.append(
            f"    meeting:\n      chair: {head or ''}  # mã người chủ trì\n      secretary:  # mã thư ký\n"
            f"      present: [{head or ''}]  # mã những người dự họp\n      absent: []\n"
            "      vote_mode: gio-tay  # hoặc bo-phieu-kin\n      in_favour:  # số người đồng ý\n"
            "      voters:  # số người biểu quyết"
        )
    return "".join(f"# {line}\n" for block in lines for line in block.split("\n"))


def nomination(
    root: Path,
    schemas: dict[str, Any],
    registry: Registry,
    campaign_id: str,
    unit: str | None,
    person: str | None,
    award_id: str | None,
) -> Path:
    """A nomination skeleton for a unit or a person, every document of the plan's dossier listed, signers filled in."""
    campaign = registry.campaigns.get(campaign_id)
    if campaign is None:
        raise SkeletonError(f"không có phong trào «{campaign_id}»; các phong trào: {', '.join(sorted(registry.campaigns))}.")
    kind, nominee, award = _chosen(registry, campaign, unit, person, award_id)
    collective = kind == NomineeKind.COLLECTIVE
    proposer = nominee if collective else registry.people[nominee].unit
    head = registry.units[proposer].head
    ident = nomination_id(kind, nominee)
    schema = schemas["nomination.schema.json"]
    name = registry.units[nominee].name if collective else registry.people[nominee].name
    lines = [
        f"# Hồ sơ đề nghị khen thưởng {name} trong phong trào “{campaign.name}” năm {campaign.year}.\n",
        "# Tệp này đã hợp lệ; «thidua validate» liệt kê những gì hồ sơ còn thiếu. Điền dần các dòng dưới đây.\n",
        _field(schema, "id", ident),
        _field(schema, "campaign", campaign.id),
        _field(schema, "award", award.id),
        f"{_comment(schema, 'nominee')}nominee:\n  {'unit' if collective else 'person'}: {nominee}\n",
        _field(schema, "proposed_by", proposer),
        "# Thời điểm nộp: bộ phận nhận hồ sơ ghi khi nhận, ví dụ 2025-12-03T09:15:00+07:00. Để trống khi chưa nộp.\n",
        "# submitted_at: \n",
        f"{_comment(schema, 'summary')}# summary: \n",
        f"{_comment(schema, 'documents')}documents: []\n",
    ]
    if campaign.dossier:
        lines.append(
            "# Các văn bản kế hoạch yêu cầu. Khi có một văn bản: đổi «documents: []» ở trên thành «documents:» (một lần),\n"
            "# bỏ «# » ở đầu các dòng của văn bản đó, điền số, ngày, người ký, rồi tải bản quét lên đúng đường dẫn ở dòng file.\n"
        )
    folder = files_folder(campaign.id, ident)
    lines += [
        _document(item, folder, person if item.form == "bao-cao-thanh-tich" and person else head, head)
        for item in campaign.dossier
    ]
    return _write(root / record_path("nomination", ident, campaign.id), "".join(lines))


def unit(root: Path, schemas: dict[str, Any], ident: str, name: str, kind: str, parent: str | None) -> Path:
    schema = schemas["unit.schema.json"]
    text = (
        _field(schema, "id", ident)
        + _field(schema, "name", _scalar(name))
        + _field(schema, "kind", kind)
        + (_field(schema, "parent", parent) if parent else "")
    )
    return _write(root / record_path("unit", ident), text)


def person(root: Path, schemas: dict[str, Any], ident: str, name: str, unit_id: str) -> Path:
    schema = schemas["person.schema.json"]
    text = (
        _field(schema, "id", ident)
        + _field(schema, "name", _scalar(name))
        + _field(schema, "unit", unit_id)
        + "# Chức vụ, ví dụ: Công chức Văn phòng - thống kê\n# position: \n"
        + f'{_comment(schema, "private")}# private:\n#   birth_date: 1990-01-31\n#   phone: "0912345678"\n'
    )
    return _write(root / record_path("person", ident), text)


def campaign(root: Path, source: str, ident: str, year: int) -> Path:
    """A new campaign copied from an earlier one: same structure, new id and year, document number cleared."""
    path = root / record_path("campaign", source)
    if not path.is_file():
        raise SkeletonError(f"không có phong trào «{source}» trong records/campaigns.")
    out = [f"# Sao chép từ {source}.yml: sửa năm, ngày tháng, nhiệm vụ, tiêu chí, số lượng, hạn nộp cho phong trào mới.\n"]
    for line in path.read_text("utf-8").splitlines(keepends=True):
        if line.startswith("id: "):
            line = f"id: {ident}\n"
        elif line.startswith("year: "):
            line = f"year: {year}\n"
        elif line.startswith("  number: "):  # the plan's own number (document.number): a new plan has none yet
            continue
        out.append(line)
    return _write(root / record_path("campaign", ident), "".join(out))
