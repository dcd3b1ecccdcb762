"""Small registries built in code, for rule and council tests that need exact control."""

from __future__ import annotations

import datetime as dt
from typing import Any

from thidua.model import Registry
from thidua.model.campaign import campaign_from
from thidua.model.commune import Level, Person, Rating, RatingEntry, Scale, Unit
from thidua.model.records import DisciplineCase, DisciplineRegister, Report, ReportItem

LEVELS = ("xuat-sac", "tot", "kha", "trung-binh")


def campaign_data(criteria: list[dict[str, Any]], evidence: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    """A minimal valid campaign record with the given criteria and evidence."""
    data: dict[str, Any] = {
        "id": "thu",
        "name": "Thử",
        "year": 2025,
        "issuer": "ubnd",
        "period": {"from": "2025-01-01", "to": "2025-12-31"},
        "document": {"kind": "Kế hoạch", "symbol": "KH-UBND", "place": "Xã", "date": "2025-01-10", "title": "Thử"},
        "purposes": ["Mục đích."],
        "requirements": ["Yêu cầu."],
        "participants": {"text": "Tập thể, cá nhân.", "kinds": ["tap-the", "ca-nhan"]},
        "content": "Nội dung.",
        "tasks": [{"id": "t1", "name": "Nhiệm vụ 1"}, {"id": "t2", "name": "Nhiệm vụ 2"}],
        "evidence": evidence,
        "criteria": criteria,
        "awards": [{"id": "gk", "name": "Giấy khen", "quota": {"tap-the": 1, "ca-nhan": 1}}],
        "dossier": [{"id": "bao-cao", "name": "Báo cáo thành tích", "form": "bao-cao-thanh-tich"}],
        "deadline": {"date": "2025-12-05", "text": "Hạn nộp."},
        "responsibilities": [{"text": "Văn phòng theo dõi."}],
        "recipients": [{"name": "Lưu: VP"}],
        "signer": {"authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "person": "chu-tich"},
    }
    data.update(extra)
    return data


def registry(
    campaign: dict[str, Any],
    ratings: dict[str, dict[str, str | float]] | None = None,
    cases: list[DisciplineCase] | None = None,
    reports: dict[str, list[tuple[str, str]]] | None = None,
) -> Registry:
    """Units ``bo-phan-a`` (3 people) and ``xom-b`` (1 person); ratings by id → subject → value (scale LEVELS or numbers)."""
    units = {
        "ubnd": Unit("ubnd", "UBND xã", "co-quan", None, None, ()),
        "bo-phan-a": Unit("bo-phan-a", "Bộ phận A", "bo-phan", "ubnd", None, ()),
        "xom-b": Unit("xom-b", "Xóm B", "xom", "ubnd", None, ()),
    }
    people = {
        "an": Person("an", "Nguyễn Văn An", "bo-phan-a", None, "cong-chuc", True),
        "binh": Person("binh", "Trần Thị Bình", "bo-phan-a", None, "cong-chuc", True),
        "cuong": Person("cuong", "Lê Văn Cường", "bo-phan-a", None, "nguoi-lao-dong", True),
        "dung": Person("dung", "Đỗ Văn Dũng", "xom-b", None, "khong-chuyen-trach", True),
        "chu-tich": Person("chu-tich", "Chủ Tịch", "ubnd", None, "can-bo", False),
    }
    scale = Scale("thang", "Thang", tuple(Level(x, x.replace("-", " ").capitalize()) for x in LEVELS))
    built_ratings = {}
    for ident, values in (ratings or {}).items():
        numeric = any(not isinstance(v, str) for v in values.values())
        subjects = "units" if any(k in units for k in values) or ident.endswith("-don-vi") else "people"
        built_ratings[ident] = Rating(
            ident,
            f"Bảng {ident}",
            2025,
            "ubnd",
            subjects,
            None if numeric else "thang",
            "lần" if numeric else None,
            tuple(RatingEntry(s, v, None) for s, v in sorted(values.items())),
        )
    register = DisciplineRegister(
        "ky-luat", "Sổ kỷ luật", "ubnd", dt.date(2025, 1, 1), dt.date(2025, 12, 31), dt.date(2025, 12, 31), tuple(cases or ())
    )
    built_reports = tuple(
        Report(
            unit,
            "thu",
            unit,
            dt.date(2025, 11, 30),
            tuple(
                ReportItem(f"{unit}-{i}", task, None, "Kết quả", dt.date.fromisoformat(day), None, None)
                for i, (task, day) in enumerate(items)
            ),
        )
        for unit, items in sorted((reports or {}).items())
    )
    return Registry(
        {"thu": campaign_from(campaign)},
        units,
        people,
        {},
        {"thang": scale},
        built_ratings,
        discipline={"ky-luat": register},
        reports={"thu": built_reports},
    )
