"""Items counted once: the assignment is exact (a greedy reading is not), the same as brute force, and bounded."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factory import campaign_data, registry
from thidua.evaluation.evidence import EvidenceReader
from thidua.evaluation.joint import settle
from thidua.evaluation.matching import Demand, assign, brute_force
from thidua.evaluation.rules import RuleChecker
from thidua.model.commune import Item, Register
from thidua.vocabulary import CriterionState, NomineeKind

ITEMS = ["a", "b", "c", "d", "e"]
DEMAND = st.builds(
    lambda key, count, items: Demand(key, count, frozenset(items)),
    st.sampled_from(["x", "y", "z"]),
    st.integers(0, 3),
    st.sets(st.sampled_from(ITEMS)),
)


def test_a_greedy_choice_that_fails_is_undone() -> None:
    """Item A fits both requirements, B only the first: taking A for the first (greedy, in list order) would leave the
    second with nothing; the exact assignment gives B to the first and A to the second."""
    demands = [Demand("tinh-nguyen", 1, frozenset({"a", "b"})), Demand("hoi-nhap", 1, frozenset({"a"}))]
    assert assign(demands) == {"tinh-nguyen": ("b",), "hoi-nhap": ("a",)}


def test_one_item_cannot_serve_two_requirements() -> None:
    """A single Giấy khen wanted by two criteria serves only one: no assignment."""
    assert assign([Demand("tinh-nguyen", 1, frozenset({"gk"})), Demand("hoi-nhap", 1, frozenset({"gk"}))]) is None


@settings(max_examples=500, deadline=None)
@given(st.lists(DEMAND, max_size=4).map(lambda ds: [dataclasses.replace(d, key=f"{d.key}{i}") for i, d in enumerate(ds)]))
def test_the_assignment_exists_exactly_when_brute_force_finds_one(demands: list[Demand]) -> None:
    """On small random instances the max-flow answer is brute force's; what it gives is a real assignment."""
    given_items = assign(demands)
    assert (given_items is not None) == brute_force(demands)
    if given_items is not None:
        used = [item for items in given_items.values() for item in items]
        assert len(used) == len(set(used))
        for demand in demands:
            assert len(given_items[demand.key]) == demand.count and set(given_items[demand.key]) <= demand.items


EVIDENCE = [
    {"id": "giay-khen", "name": "Giấy khen", "source": {"items": {"register": "so"}}, "subject": "nominee"},
    {
        "id": "giay-khen-doan",
        "name": "Giấy khen của Đoàn",
        "source": {"items": {"register": "so", "kinds": ["doan"]}},
        "subject": "nominee",
    },
]
CRITERIA = [
    {
        "id": "tinh-nguyen",
        "applies_to": "ca-nhan",
        "text": "Tình nguyện tốt",
        "mandatory": True,
        "rule": {"evidence": "giay-khen", "min": 1},
    },
    {
        "id": "hoi-nhap",
        "applies_to": "ca-nhan",
        "text": "Hội nhập tốt",
        "mandatory": True,
        "rule": {"evidence": "giay-khen-doan", "min": 1},
    },
]


def _findings(items: list[tuple[str, str]], once: bool = True) -> list[tuple[CriterionState, tuple[str, ...]]]:
    """The two criteria for ``an`` with the given (item id, kind) certificates dated in 2025."""
    data = campaign_data(
        CRITERIA, EVIDENCE, evidence_once=once, period={"from": "2025-01-01", "to": "2025-12-31", "ends": "both"}
    )
    reg = registry(data)
    register = Register(
        "so",
        "Sổ giấy khen",
        "ubnd",
        "people",
        dt.date(2025, 12, 31),
        tuple(Item(i, "an", kind, f"Giấy khen {i}", dt.date(2025, 6, 1), "Đoàn xã", None, None, None, "so") for i, kind in items),
    )
    reg = dataclasses.replace(reg, registers={"so": register})
    campaign = reg.campaigns["thu"]
    checker = RuleChecker(reg, campaign, EvidenceReader(reg, campaign))
    subject = checker.subject(NomineeKind.INDIVIDUAL, "an")
    found = [checker.criterion(c, subject) for c in campaign.criteria]
    if campaign.evidence_once:
        found = settle(checker, subject, campaign.criteria, found)
    return [(f.state, tuple(i.id for i in f.used)) for f in found]


def test_one_certificate_does_not_meet_two_criteria_when_each_counts_once() -> None:
    """A single Đoàn certificate meets each criterion on its own, but only one when the plan says each counts once;
    without that rule it meets both."""
    assert _findings([("gk1", "doan")], once=False) == [(CriterionState.MET, ()), (CriterionState.MET, ())]
    first, second = _findings([("gk1", "doan")])
    assert sorted([first[0], second[0]]) == sorted([CriterionState.MET, CriterionState.NOT_MET])


def test_two_certificates_are_shared_out_so_that_both_criteria_pass() -> None:
    """gk1 (Đoàn) fits both, gk2 (school) only Tình nguyện: gk2 goes to Tình nguyện and gk1 to Hội nhập, whatever the
    order of the items in the register."""
    for items in ([("gk1", "doan"), ("gk2", "truong")], [("gk2", "truong"), ("gk1", "doan")]):
        assert _findings(items) == [(CriterionState.MET, ("gk2",)), (CriterionState.MET, ("gk1",))]


def test_items_of_two_registers_with_the_same_id_are_two_items() -> None:
    """Ids are unique within a register only: two registers' ``gk-01`` are two certificates, one per criterion."""
    data = campaign_data(
        CRITERIA, EVIDENCE, evidence_once=True, period={"from": "2025-01-01", "to": "2025-12-31", "ends": "both"}
    )
    reg = registry(data)

    def book(ident: str, kind: str) -> Register:
        item = Item("gk-01", "an", kind, f"Giấy khen {kind}", dt.date(2025, 6, 1), "Đoàn xã", None, None, None, ident)
        return Register(ident, f"Sổ {ident}", "ubnd", "people", dt.date(2025, 12, 31), (item,))

    both = {"so": book("so", "giay-khen"), "so-doan": book("so-doan", "doan")}
    plan = reg.campaigns["thu"]
    evidence = [dataclasses.replace(e, source_id="so-doan") if e.id == "giay-khen-doan" else e for e in plan.evidence]
    plan = dataclasses.replace(plan, evidence=tuple(evidence))
    reg = dataclasses.replace(reg, registers=both, campaigns={"thu": plan})
    checker = RuleChecker(reg, plan, EvidenceReader(reg, plan))
    subject = checker.subject(NomineeKind.INDIVIDUAL, "an")
    found = settle(checker, subject, plan.criteria, [checker.criterion(c, subject) for c in plan.criteria])
    assert [(f.state, tuple(i.register for i in f.used)) for f in found] == [
        (CriterionState.MET, ("so",)),
        (CriterionState.MET, ("so-doan",)),
    ]


def test_the_best_value_of_items_without_values_is_not_known() -> None:
    """``measure: best`` over a complete register: no certificate at all is below any minimum (not met); certificates
    recorded without their score are not "none", they are not yet known."""
    evidence = [
        {"id": "ielts", "name": "IELTS", "source": {"items": {"register": "so"}}, "measure": "best", "subject": "nominee"}
    ]
    criteria = [
        {"id": "nn", "applies_to": "ca-nhan", "text": "IELTS 6.5", "mandatory": True, "rule": {"evidence": "ielts", "min": 6.5}}
    ]
    reg = registry(campaign_data(criteria, evidence, period={"from": "2025-01-01", "to": "2025-12-31", "ends": "both"}))

    def state(items: tuple[Item, ...]) -> tuple[CriterionState, str]:
        register = Register("so", "Sổ chứng chỉ", "ubnd", "people", dt.date(2025, 12, 31), items)
        changed = dataclasses.replace(reg, registers={"so": register})
        plan = changed.campaigns["thu"]
        checker = RuleChecker(changed, plan, EvidenceReader(changed, plan))
        found = checker.criterion(plan.criteria[0], checker.subject(NomineeKind.INDIVIDUAL, "an"))
        return found.state, found.facts[0].shown

    unscored = Item("c-1", "an", "ielts", "Chứng chỉ IELTS", dt.date(2025, 5, 1), "IDP", None, None, None, "so")
    assert state(()) == (CriterionState.NOT_MET, "không có minh chứng nào")
    assert state((unscored,)) == (CriterionState.UNKNOWN, "minh chứng chưa ghi giá trị")
    assert state((dataclasses.replace(unscored, value=7.0),))[0] == CriterionState.MET
