"""Collective criteria counted over members: who holds a title, out of which denominator, with which rounding, over
which units; barred members never counted; a target table as a floor."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from factory import campaign_data, registry
from thidua.evaluation.evidence import EvidenceReader
from thidua.evaluation.rules import RuleChecker
from thidua.model import Registry
from thidua.model.commune import Item, Person, Rating, RatingEntry, Register, Status, Unit
from thidua.model.records import DisciplineCase, DisciplineRegister
from thidua.vocabulary import CriterionState, NomineeKind

MET, NOT_MET, UNKNOWN = CriterionState.MET, CriterionState.NOT_MET, CriterionState.UNKNOWN
LAST = dt.date(2025, 8, 31)  # the window's last day
EVIDENCE = [
    {
        "id": "sv-gioi",
        "name": "Danh hiệu Sinh viên Giỏi",
        "source": {"items": {"register": "danh-hieu", "kinds": ["sv-gioi"]}},
        "subject": "nominee",
    },
    {
        "id": "lop-tien-tien",
        "name": "Tập thể lớp tiên tiến",
        "source": {"items": {"register": "danh-hieu-lop"}},
        "subject": "nominee",
    },
]


NAMES = {
    "a": "Nguyễn Văn An",
    "b": "Trần Thị Bích",
    "c": "Lê Văn Cường",
    "d": "Phạm Thị Dung",
    "e": "Đỗ Văn Em",
    "f": "Vũ Thị Hoa",
    "g": "Hoàng Văn Giang",
    "h": "Bùi Thị Hạnh",
}


def _student(ident: str, unit: str, status: tuple[str, dt.date, dt.date | None] | None = None) -> Person:
    statuses = (Status(*status),) if status else ()
    return Person(ident, NAMES[ident], unit, None, None, True, (), statuses)


# Faculty "khoa" with two classes. lop-1: a, b, c, d (dropped out in July: still out on the last day), e (on leave until
# June: back by the last day). lop-2: f, g, h. Holders of "Sinh viên Giỏi": a, f, g; and h, who is disciplined.
PEOPLE = [
    _student("a", "lop-1"),
    _student("b", "lop-1"),
    _student("c", "lop-1"),
    _student("d", "lop-1", ("thoi-hoc", dt.date(2025, 7, 1), None)),
    _student("e", "lop-1", ("bao-luu", dt.date(2025, 1, 1), dt.date(2025, 6, 30))),
    _student("f", "lop-2"),
    _student("g", "lop-2"),
    _student("h", "lop-2"),
]
HOLDERS = ["a", "f", "g", "h"]


def _registry(rule: dict[str, Any], *, ratings: dict[str, float] | None = None) -> Registry:
    criteria = [{"id": "tt", "applies_to": "tap-the", "text": "Tập thể", "mandatory": True, "rule": rule}]
    data = campaign_data(criteria, EVIDENCE, period={"from": "2024-09-01", "to": "2025-08-31", "ends": "both"})
    reg = registry(data)
    units = dict(reg.units) | {
        "khoa": Unit("khoa", "Khoa Kinh tế", "khac", "ubnd", None, ()),
        "lop-1": Unit("lop-1", "Lớp K1", "khac", "khoa", None, ()),
        "lop-2": Unit("lop-2", "Lớp K2", "khac", "khoa", None, ()),
    }
    titles = Register(
        "danh-hieu",
        "Sổ danh hiệu",
        "ubnd",
        "people",
        LAST,
        tuple(
            Item(f"t-{p}", p, "sv-gioi", "Sinh viên Giỏi", dt.date(2025, 6, 1), "Trường", None, None, None, "danh-hieu")
            for p in HOLDERS
        ),
    )
    classes = Register(
        "danh-hieu-lop",
        "Sổ danh hiệu lớp",
        "ubnd",
        "units",
        LAST,
        (
            Item(
                "lt-1",
                "lop-1",
                "lop-tien-tien",
                "Lớp tiên tiến",
                dt.date(2025, 6, 1),
                "Trường",
                None,
                None,
                None,
                "danh-hieu-lop",
            ),
        ),
    )
    discipline = DisciplineRegister(
        "ky-luat",
        "Sổ kỷ luật",
        "ubnd",
        dt.date(2024, 9, 1),
        LAST,
        LAST,
        (DisciplineCase("h", None, "ky-luat", dt.date(2025, 3, 1), dt.date(2025, 4, 1)),),
    )
    target = {
        "chi-tieu": Rating(
            "chi-tieu",
            "Chỉ tiêu",
            2025,
            "ubnd",
            "units",
            None,
            "sinh viên",
            tuple(RatingEntry(u, v, None) for u, v in sorted((ratings or {}).items())),
        )
    }
    return dataclasses.replace(
        reg,
        units=units,
        people={p.id: p for p in PEOPLE},
        registers={"danh-hieu": titles, "danh-hieu-lop": classes},
        discipline={"ky-luat": discipline},
        ratings=target,
    )


def _count(rule: dict[str, Any], unit: str, **extra: Any) -> tuple[CriterionState, str, tuple[str, ...]]:
    reg = _registry(rule, **extra)
    campaign = reg.campaigns["thu"]
    checker = RuleChecker(reg, campaign, EvidenceReader(reg, campaign, dt.date(2025, 9, 15)))
    found = checker.criterion(campaign.criteria[0], checker.subject(NomineeKind.COLLECTIVE, unit))
    return found.state, found.reason, found.details


def test_declared_statuses_leave_the_denominator() -> None:
    """lop-1 has 5 students; d dropped out (still out on the last day), e's leave ended before it. 25 % of 4 = 1 holder
    needed (a holds it): met. Without leaving anyone out, 25 % of 5 = 1,25, rounded up to 2: not met."""
    rule = {"members": {"holds": "sv-gioi", "min_share": 25, "rounding": "up", "excluding": ["thoi-hoc", "bao-luu"]}}
    state, reason, details = _count(rule, "lop-1")
    assert (state, reason) == (
        MET,
        "1/4 thành viên giữ «Danh hiệu Sinh viên Giỏi» (0 chưa đủ căn cứ); cần ít nhất 1 (25% × 4 = 1, làm tròn lên thành 1)",
    )
    assert details[0] == "Mẫu số: 4 thành viên (không tính 1 thành viên: thoi-hoc)"
    del rule["members"]["excluding"]
    assert _count(rule, "lop-1")[0] == NOT_MET


@pytest.mark.parametrize(("rounding", "need", "state"), [("up", 2, NOT_MET), ("down", 1, MET), ("nearest", 2, NOT_MET)])
def test_a_share_of_a_small_class_is_rounded_as_the_plan_says(rounding: str, need: int, state: CriterionState) -> None:
    """30 % of lop-1's 5 students is 1,5: up and nearest make it 2, down makes it 1; one student (a) holds the title."""
    rule = {"members": {"holds": "sv-gioi", "min_share": 30, "rounding": rounding}}
    found, reason, _ = _count(rule, "lop-1")
    assert found == state
    assert f"cần ít nhất {need} (30% × 5 = 1,5," in reason


def test_a_faculty_counts_the_students_of_its_classes_only_when_asked() -> None:
    """The faculty has no student of its own: counted directly it is «chưa đủ căn cứ»; with ``scope: all`` its classes'
    8 students count, of whom a, f and g hold the title and h, disciplined, is not counted: 3 ≥ 3."""
    rule: dict[str, Any] = {"members": {"holds": "sv-gioi", "min_count": 3}}
    assert _count(rule, "khoa")[0] == UNKNOWN
    rule["members"]["scope"] = "all"
    state, reason, details = _count(rule, "khoa")
    assert (state, reason.split(";")[0]) == (MET, "3/8 thành viên giữ «Danh hiệu Sinh viên Giỏi» (0 chưa đủ căn cứ)")
    assert details[-1] == "Thành viên giữ «Danh hiệu Sinh viên Giỏi»: Nguyễn Văn An, Hoàng Văn Giang, Vũ Thị Hoa"  # by given name


def test_a_disciplined_holder_is_never_counted() -> None:
    """lop-2: f, g and h hold the title; h was disciplined in the window, so only 2 count: 3 needed is not met."""
    assert _count({"members": {"holds": "sv-gioi", "min_count": 3}}, "lop-2")[0] == NOT_MET
    assert _count({"members": {"holds": "sv-gioi", "min_count": 2}}, "lop-2")[0] == MET


def test_sub_units_can_be_counted() -> None:
    """``count: units``: the faculty's classes holding «Lớp tiên tiến»: lop-1 of 2 classes; 50 % rounded up is 1."""
    rule = {"members": {"holds": "lop-tien-tien", "count": "units", "min_share": 50, "rounding": "up"}}
    state, reason, _ = _count(rule, "khoa")
    assert state == MET and reason.startswith("1/2 đơn vị giữ «Tập thể lớp tiên tiến»")


@pytest.mark.parametrize(("target", "need", "state"), [(1.0, 2, MET), (2.0, 3, MET), (3.0, 5, NOT_MET)])
def test_a_target_times_a_factor_is_a_floor(target: float, need: int, state: CriterionState) -> None:
    """«Vượt chỉ tiêu từ 50 %»: the faculty's target × 1,5, rounded up, is the least number of holders; a, f and g count
    (h is disciplined): target 1 → 1,5 → 2 (met), 2 → 3 (met), 3 → 4,5 → 5 (not met)."""
    rule = {"members": {"holds": "sv-gioi", "scope": "all", "min_count": {"target": "chi-tieu", "times": 1.5, "rounding": "up"}}}
    found, reason, _ = _count(rule, "khoa", ratings={"khoa": target})
    assert found == state
    assert reason.endswith(
        f"cần ít nhất {need} (chỉ tiêu {target:g} × 1,5 = {target * 1.5:g}, làm tròn lên thành {need})".replace(".", ",")
    )


def test_a_unit_without_a_target_is_not_yet_known() -> None:
    """No target entry for the faculty: the floor cannot be worked out, so the criterion is «chưa đủ căn cứ»."""
    rule = {"members": {"holds": "sv-gioi", "scope": "all", "min_count": {"target": "chi-tieu", "times": 1.5, "rounding": "up"}}}
    state, reason, _ = _count(rule, "khoa", ratings={"lop-1": 1.0})
    assert state == UNKNOWN and "chưa có chỉ tiêu" in reason
