"""Criteria rules in three values: each rule form, unknown evidence, thresholds, fallbacks and member counts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from factory import campaign_data, registry
from thidua.evaluation.describe import describe
from thidua.evaluation.rules import RuleChecker
from thidua.model.records import DisciplineCase
from thidua.vocabulary import CriterionState, NomineeKind

EVIDENCE = [
    {"id": "xep-loai", "name": "Xếp loại", "source": {"rating": "xep-loai"}, "subject": "nominee"},
    {"id": "diem", "name": "Điểm", "source": {"rating": "diem"}, "subject": "nominee"},
    {"id": "ky-luat", "name": "Kỷ luật", "source": {"discipline": "ky-luat"}, "subject": "nominee"},
    {"id": "ky-luat-tv", "name": "Kỷ luật thành viên", "source": {"discipline": "ky-luat"}, "subject": "members"},
    {"id": "ket-qua", "name": "Số kết quả", "source": {"reports": {"tasks": ["t1"]}}, "subject": "nominee"},
]


def _outcome(rule: dict[str, Any], kind: str = "ca-nhan", subject: str = "an", **data: Any) -> tuple[str, str]:
    criteria = [
        {"id": "c", "applies_to": kind, "text": "Tiêu chí", "mandatory": True, "rule": rule},
        {
            "id": "ca-nhan-tot",
            "applies_to": "ca-nhan",
            "text": "Xếp loại tốt",
            "mandatory": True,
            "rule": {"evidence": "xep-loai", "at_least": "tot"},
        },
    ]
    reg = registry(campaign_data(criteria, EVIDENCE), **data)
    checker = RuleChecker(reg, reg.campaigns["thu"])
    result = checker.criterion(reg.campaigns["thu"].criteria[0], checker.subject(NomineeKind(kind), subject))
    return result.state, result.reason


RATINGS = {"xep-loai": {"an": "tot", "binh": "kha", "cuong": "xuat-sac"}, "diem": {"an": 7.0, "binh": 3.0, "dung": 5.0}}


@pytest.mark.parametrize(
    ("rule", "subject", "state"),
    [
        ({"evidence": "xep-loai", "at_least": "tot"}, "an", CriterionState.MET),
        ({"evidence": "xep-loai", "at_least": "tot"}, "cuong", CriterionState.MET),
        ({"evidence": "xep-loai", "at_least": "tot"}, "binh", CriterionState.NOT_MET),
        ({"evidence": "xep-loai", "at_least": "tot"}, "dung", CriterionState.UNKNOWN),  # not in the rating
        ({"evidence": "xep-loai", "in": ["kha", "trung-binh"]}, "binh", CriterionState.MET),
        ({"evidence": "xep-loai", "in": ["kha"]}, "an", CriterionState.NOT_MET),
        ({"evidence": "diem", "min": 5}, "an", CriterionState.MET),
        ({"evidence": "diem", "min": 5}, "binh", CriterionState.NOT_MET),
        ({"evidence": "diem", "min": 1, "max": 6}, "an", CriterionState.NOT_MET),
        ({"evidence": "diem", "max": 3}, "binh", CriterionState.MET),
    ],
)
def test_comparisons(rule, subject, state) -> None:  # type: ignore[no-untyped-def]
    """A comparison reads one fact: at least a level, one of levels, a minimum or a maximum; missing means unknown."""
    assert _outcome(rule, subject=subject, ratings=RATINGS)[0] == state


def test_threshold_depends_on_the_nominee() -> None:
    """A minimum may differ by the nominee's unit kind, with a default for the others."""
    rule = {"evidence": "diem", "min": {"by": "unit_kind", "values": {"xom": 4}, "default": 6}}
    assert _outcome(rule, subject="dung", ratings=RATINGS)[0] == CriterionState.MET  # 5 ≥ 4 for a hamlet
    assert _outcome(rule, subject="an", ratings=RATINGS)[0] == CriterionState.MET  # 7 ≥ 6
    rule = {"evidence": "diem", "min": {"by": "category", "values": {"cong-chuc": 8}}}
    state, reason = _outcome(rule, subject="dung", ratings=RATINGS)
    assert state == CriterionState.UNKNOWN
    assert reason.endswith("kế hoạch không quy định ngưỡng cho đối tượng «khong-chuyen-trach»")


@pytest.mark.parametrize(
    ("rule", "state"),
    [
        ({"all": [{"evidence": "xep-loai", "at_least": "tot"}, {"evidence": "diem", "min": 5}]}, CriterionState.MET),
        ({"all": [{"evidence": "xep-loai", "at_least": "xuat-sac"}, {"evidence": "diem", "min": 5}]}, CriterionState.NOT_MET),
        ({"any": [{"evidence": "xep-loai", "at_least": "xuat-sac"}, {"evidence": "diem", "min": 5}]}, CriterionState.MET),
        (
            {
                "at_least_of": {
                    "count": 2,
                    "rules": [
                        {"evidence": "xep-loai", "at_least": "xuat-sac"},
                        {"evidence": "diem", "min": 5},
                        {"evidence": "ky-luat", "max": 0},
                    ],
                }
            },
            CriterionState.MET,
        ),
        (
            {
                "at_least_of": {
                    "count": 3,
                    "rules": [
                        {"evidence": "xep-loai", "at_least": "xuat-sac"},
                        {"evidence": "diem", "min": 5},
                        {"evidence": "ky-luat", "max": 0},
                    ],
                }
            },
            CriterionState.NOT_MET,
        ),
    ],
)
def test_combinations(rule, state) -> None:  # type: ignore[no-untyped-def]
    """all, any and at-least-k-of-n combine outcomes the way plans are written."""
    assert _outcome(rule, ratings=RATINGS)[0] == state


def test_unknown_propagates_only_when_it_could_change_the_result() -> None:
    """An unknown fact makes 'all' unknown unless another part already failed; 'any' is met if one part is."""
    unknown = {"evidence": "xep-loai", "at_least": "tot"}  # dung is not rated
    failing = {"evidence": "diem", "min": 9}
    passing = {"evidence": "diem", "min": 1}
    assert _outcome({"all": [unknown, passing]}, subject="dung", ratings=RATINGS)[0] == CriterionState.UNKNOWN
    assert _outcome({"all": [unknown, failing]}, subject="dung", ratings=RATINGS)[0] == CriterionState.NOT_MET
    assert _outcome({"any": [unknown, passing]}, subject="dung", ratings=RATINGS)[0] == CriterionState.MET
    assert _outcome({"any": [unknown, failing]}, subject="dung", ratings=RATINGS)[0] == CriterionState.UNKNOWN


def test_fallback_counts_only_when_the_primary_group_fails() -> None:
    """The fallback group decides only when the primary group is not met, and the reason says so."""
    rule = {
        "fallback": {"primary": {"evidence": "xep-loai", "at_least": "xuat-sac"}, "otherwise": {"evidence": "diem", "min": 5}}
    }
    state, reason = _outcome(rule, subject="an", ratings=RATINGS)
    assert state == CriterionState.MET and reason.startswith("Nhóm chính không đạt (")
    state, reason = _outcome(rule, subject="cuong", ratings=RATINGS)
    assert state == CriterionState.MET and reason.startswith("Đạt theo nhóm chính: ")
    assert _outcome(rule, subject="binh", ratings=RATINGS)[0] == CriterionState.NOT_MET


def test_members_rule_counts_individual_results() -> None:
    """A collective criterion counts how many members meet an individual criterion, unknowns kept apart."""
    rule = {"members": {"criterion": "ca-nhan-tot", "min_share": 60, "rounding": "up"}}
    # bo-phan-a: an tot (met), binh kha (not met), cuong xuat-sac (met): 2 met; 60% of 3 = 1,8, rounded up: 2 needed
    state, reason = _outcome(rule, kind="tap-the", subject="bo-phan-a", ratings=RATINGS)
    assert state == CriterionState.MET
    assert reason == (
        "2/3 thành viên đạt tiêu chí «Xếp loại tốt» (0 chưa đủ căn cứ); cần ít nhất 2 (60% × 3 = 1,8, làm tròn lên thành 2)"
    )
    assert (
        _outcome({"members": {"criterion": "ca-nhan-tot", "min_count": 3}}, kind="tap-the", subject="bo-phan-a", ratings=RATINGS)[
            0
        ]
        == CriterionState.NOT_MET
    )
    # xom-b: dung is not rated: unknown
    assert _outcome(rule, kind="tap-the", subject="xom-b", ratings=RATINGS)[0] == CriterionState.UNKNOWN


def test_discipline_counts_cases_in_the_period_for_the_nominee_or_the_members() -> None:
    """Discipline evidence counts cases overlapping the plan's period; a collective may count its members' cases."""
    cases = [
        DisciplineCase("binh", None, "ky-luat", dt.date(2025, 3, 1), dt.date(2025, 3, 31)),
        DisciplineCase("an", None, "ky-luat", dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
    ]  # before the period
    assert _outcome({"evidence": "ky-luat", "max": 0}, subject="an", ratings=RATINGS, cases=cases)[0] == CriterionState.MET
    assert _outcome({"evidence": "ky-luat", "max": 0}, subject="binh", ratings=RATINGS, cases=cases)[0] == CriterionState.NOT_MET
    state, reason = _outcome(
        {"evidence": "ky-luat-tv", "max": 0}, kind="tap-the", subject="bo-phan-a", ratings=RATINGS, cases=cases
    )
    assert state == CriterionState.NOT_MET and "1 trường hợp (kỷ luật)" in reason


def test_reports_count_only_inside_the_evidence_window() -> None:
    """Report items count only within the plan's period and for the tasks the evidence names."""
    reports = {"bo-phan-a": [("t1", "2025-03-01"), ("t1", "2024-12-31"), ("t2", "2025-05-01"), ("t1", "2025-12-31")]}
    state, reason = _outcome(
        {"evidence": "ket-qua", "min": 2}, kind="tap-the", subject="bo-phan-a", ratings=RATINGS, reports=reports
    )
    assert state == CriterionState.MET and "2 kết quả trong thời gian tính thành tích" in reason
    assert (
        _outcome({"evidence": "ket-qua", "min": 3}, kind="tap-the", subject="bo-phan-a", ratings=RATINGS, reports=reports)[0]
        == CriterionState.NOT_MET
    )
    assert (
        _outcome({"evidence": "ket-qua", "min": 1}, kind="tap-the", subject="xom-b", ratings=RATINGS, reports=reports)[0]
        == CriterionState.UNKNOWN
    )


def test_describe_reads_like_the_plan() -> None:
    """The plan page's sentence for a rule names the evidence, the level and the owner."""
    criteria = [
        {
            "id": "c",
            "applies_to": "ca-nhan",
            "text": "T",
            "mandatory": True,
            "rule": {"evidence": "diem", "min": {"by": "unit_kind", "values": {"xom": 4}, "default": 6}},
        }
    ]
    reg = registry(campaign_data(criteria, EVIDENCE), ratings=RATINGS)
    text = describe(reg.campaigns["thu"].criteria[0].rule, reg.campaigns["thu"], reg)
    assert text == "Điểm: không dưới theo loại đơn vị (xom: 4, các trường hợp khác: 6) (theo Bảng diem, do UBND xã giữ)."


def test_a_rating_and_a_register_with_the_same_id_are_each_cited_as_themselves() -> None:
    """Ids are unique within a kind only: a rating «ky-luat» and a discipline register «ky-luat» keep their own citations."""
    from thidua.evaluation.evidence import EvidenceReader

    evidence = [
        {"id": "xl", "name": "Xếp loại", "source": {"rating": "ky-luat"}, "subject": "nominee"},
        {"id": "kl", "name": "Kỷ luật", "source": {"discipline": "ky-luat"}, "subject": "nominee"},
    ]
    built = registry(campaign_data([], evidence), ratings={"ky-luat": {"an": "tot"}})
    campaign = built.campaigns["thu"]
    reader = EvidenceReader(built, campaign)
    by_id = {e.id: e for e in campaign.evidence}
    rating, register = built.ratings["ky-luat"], built.discipline["ky-luat"]
    assert reader.read(by_id["xl"], "ca-nhan", "an").source.startswith(f"{rating.name}, do ")
    assert reader.read(by_id["kl"], "ca-nhan", "an").source.startswith(f"{register.name}, do ")
    assert rating.name != register.name
