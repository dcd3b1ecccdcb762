"""Targets per unit as a floor and as a cap, shares of small staffs, awards with declared relations, thresholds per unit.

tests/data/day-tot-hoc-tot/records is laid over a copy of the repository: a fictional district education office
(Phòng Giáo dục và Đào tạo huyện Vân Khê) and its campaign "Dạy tốt – học tốt" for the school year 2024 - 2025, with
five lower secondary schools (the collectives) and their teachers (the individuals), written only as data. Each school's
targets are kept in rating tables of one number per school: the provincial prizes it committed to (a FLOOR: "Tập thể
xuất sắc" needs at least the target × 1.5, rounded up) and the teachers' Giấy khen it may receive (a CAP: each school's
winners at most its own number). A collective criterion counts the share of a school's teachers rated at least «Hoàn
thành tốt nhiệm vụ», leaving out teachers on maternity leave; two collective awards are exclusive, two individual awards
are held together, and "Tập thể xuất sắc" counts the teachers who won a Giấy khen. Thresholds differ per school
(``by: unit``). A council of 7 votes; one tie at a school's cut is settled by the council, another is not.
Every expected value below was worked out by hand from the records and the documented semantics; the comments say how.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import DATA, ROOT, copy_repository, found
from samples import built, evaluated, sample_tree
from site_text import page_text
from thidua.evaluation.evaluate import evaluate_campaign
from thidua.evaluation.results import CampaignResult
from thidua.evaluation.selection import award_order
from thidua.model import Registry, registry_from
from thidua.model.campaign import Campaign, Compare, Members, Rule, Threshold
from thidua.records.validate import validate_tree

HERE = DATA / "day-tot-hoc-tot"
CAMPAIGN = "day-tot-hoc-tot-2024-2025"
PLAN_FILE = f"records/campaigns/{CAMPAIGN}.yml"
AS_OF = "2025-06-20"  # after the deadline (10/06/2025) and the council (18/06/2025); no decision yet
XS, TT, GK, TB = "tap-the-xuat-sac", "tap-the-tien-tien", "giay-khen-giao-vien", "giao-vien-tieu-bieu"
M, N, U = "met", "not-met", "unknown"
A, B, C, D, E = "thcs-thi-tran-van-khe", "thcs-hoa-son", "thcs-dong-lam", "thcs-phu-thinh", "ptdtbt-thcs-suoi-mo"

# Hand derivation, from the campaign record, the target tables, the register of prizes and the ratings.
#
# Window: 05/09/2024 – 31/05/2025, both ends counted. Council: 7 members, "trên 50%" of all members, so a vote passes
# when in_favour × 100 > 50 × 7, i.e. from 4 votes. No tie-breakers are declared: equal votes at a cut are the council's.
#
# Collective criteria, in plan order (all mandatory):
#   T1 tt-vuot-chi-tieu-hsg        provincial prizes (register giai-hsg-2024-2025, level tinh, in the window)
#                                  >= target (chi-tieu-hsg-tinh-2024-2025) × 1.5, rounded UP ("vượt từ 50% trở lên"
#                                  means prizes >= 1.5 × target; prizes are whole, so the fractional floor rounds up)
#   T2 tt-giao-vien-hoan-thanh-tot members: >= 70% of the school's people meet C1, rounded UP, excluding nghi-thai-san
#                                  (status on 31/05/2025, the last counted day)
#   T3 tt-ty-le-len-lop            promotion rate >= by unit: thcs-phu-thinh 93, ptdtbt-thcs-suoi-mo 90, default 95
#   T4 tt-co-giao-vien-duoc-khen   members: >= 1 person holds this campaign's Giấy khen (giay-khen-giao-vien) as computed
# Individual criteria (both mandatory):
#   C1 cn-hoan-thanh-tot           xep-loai-vien-chuc-2024-2025 at least «Hoàn thành tốt nhiệm vụ»
#   C2 cn-tiet-day-gioi            good lessons >= by unit: thcs-phu-thinh 3, ptdtbt-thcs-suoi-mo 2, default 4
#
# T1, the floor (prize items: tỉnh ones dated 14/03/2025; huyện items and a 15/03/2024 item are not counted):
#   A  target 6 → 6 × 1.5 = 9 exactly → 9;  9 prizes (tt-01..09; tt-10, tt-11 are huyện) → 9 >= 9 M (exactly at the floor)
#   B  target 3 → 4.5, UP → 5;            4 prizes (hs-01..04; hs-05 is huyện)     → 4 < 5 N.
#      With `down` the floor would be 4 and B (exactly 4) would pass; with `nearest` 4.5 → 5, still N. The plan says up.
#   C  target 4 → 6;                      7 prizes (dl-02..08; dl-01 is from 2023-2024, outside the window) → M
#   D  no entry in the target table       → U ("chưa có chỉ tiêu của đơn vị"), never passed, never failed
#   E  target 2 → 3;                      3 prizes (sm-01..03) → M
#
# T2, the share (people of each school; C1 from the rating table; 70% × denominator rounded up):
#   A  vu-van-thinh XS, tran-thi-thu-ha XS, le-minh-khoa T, pham-thi-ngoc-anh T            4/4, 70% × 4 = 2.8 → 3: M
#   B  nghiem-van-hoa T, dinh-thi-hong-nhung XS, ngo-van-binh T, mac-van-tuan HT, ta-thi-kim-oanh T (her maternity leave
#      ended 11/02/2025, so she counts), chu-thi-phuong (on maternity leave 03/03–02/09/2025: excluded, not rated)
#      → denominator 5, 4 met, 70% × 5 = 3.5 → 4: M.  Without `excluding`: 6 people, 4 met + 1 unknown, 70% × 6 = 4.2 → 5: U.
#   C  cao-thi-lien T, bui-thi-thanh-tam XS, do-quang-huy T, nong-thi-hue HT, luong-van-quy HT
#      → 3/5 (60%), 70% × 5 = 3.5 → 4: N.  With `down` 3.5 → 3 and C would pass (3/5 is below 70%: the plan says up).
#   D  trieu-thi-hanh XS, ha-thi-ngoc-bich XS, trinh-van-long T                           3/3, 70% × 3 = 2.1 → 3: M
#   E  hoang-van-sinh T, lo-van-khanh XS, giang-thi-say T                                  3/3 → 3: M
#
# T3 (promotion rate, %): A 97.5 >= 95 M; B 95 >= 95 M (at the default); C 96.2 M; D 93.4 >= 93 (its own value;
#    the default 95 would fail) M; E 91 >= 90 (its own value) M.
#
# Individuals (rating; good lessons; threshold of their school):
#   tran-thi-thu-ha XS; 6 >= 4 M,M     le-minh-khoa T; 5 >= 4 M,M     pham-thi-ngoc-anh T; 4 >= 4 (exactly) M,M
#   dinh-thi-hong-nhung XS; 5 M,M      ngo-van-binh T; 4 M,M
#   bui-thi-thanh-tam XS; 5 M,M        do-quang-huy T; 4 M,M
#   ha-thi-ngoc-bich XS; 3 >= 3 (Phú Thịnh; the default 4 would fail) M,M     trinh-van-long T; 2 < 3 → M,N
#   lo-van-khanh XS; 2 >= 2 (Suối Mơ) M,M     giang-thi-say T; 3 >= 2 M,M
#
# Awards are selected in the order their declarations fix, not the order written (xuất sắc, tiên tiến, Giấy khen,
# tiêu biểu): giay-khen-giao-vien before tap-the-xuat-sac (T4 counts its holders), tap-the-xuat-sac before
# tap-the-tien-tien (exclusive, highest first); giao-vien-tieu-bieu is unconstrained and comes first by id:
#   giao-vien-tieu-bieu, giay-khen-giao-vien, tap-the-xuat-sac, tap-the-tien-tien.
#
# Giấy khen, a CAP per school (so-giay-khen-giao-vien-2024-2025: A 2, B 1, C 1, D 1, E none), ranked by votes:
#   A (2 places): tran-thi-thu-ha 6 wins; le-minh-khoa 5 and pham-thi-ngoc-anh 5 are equal at the second place → TIE,
#     no resolution for them → both "bang-phieu", for the council.
#   B (1): dinh-thi-hong-nhung 6 wins; ngo-van-binh 5 beyond the school's quota ("Đã đủ 1 suất khen.").
#   C (1): bui-thi-thanh-tam 5 and do-quang-huy 5 equal at the only place → the meeting's resolution names exactly this
#     pair and chooses bui-thi-thanh-tam: she wins, he is beyond the quota, both with the resolution as the reason.
#   D (1): ha-thi-ngoc-bich 6 wins; trinh-van-long fails C2 (not eligible).
#   E (no cap entry): lo-van-khanh 6 and giang-thi-say 5 pass the vote but cannot be selected → "chưa đủ căn cứ".
# Holders of the Giấy khen (T4): A tran-thi-thu-ha, B dinh-thi-hong-nhung, C bui-thi-thanh-tam, D ha-thi-ngoc-bich → M.
#   E: none yet, but its two eligible teachers are PENDING (the school has no cap yet): whether E holds one is not yet
#   known → T4 U (not N). E's xuất sắc is therefore "chưa đủ căn cứ", not "không đạt".
# Tập thể xuất sắc (2 places): only A meets every criterion (B fails T1, C fails T2, D and E are not yet known); A 6 votes.
# Tập thể tiên tiến (2 places; T2 and T3 only): A won xuất sắc, the higher of the exclusive pair → "đã chọn hình thức
#   khác"; B 6 votes wins; C fails T2.
# Giáo viên dạy giỏi tiêu biểu (1 place, ranked by good lessons, highest first; held together with the Giấy khen):
#   tran-thi-thu-ha 6 > bui-thi-thanh-tam 5 → tran-thi-thu-ha wins (and keeps her Giấy khen); bui-thi-thanh-tam is beyond.
VOTES = {  # from the meeting record
    f"xs-{A}": 6,
    f"xs-{B}": 2,
    f"xs-{C}": 3,
    f"xs-{D}": 5,
    f"xs-{E}": 5,
    f"tt-{A}": 5,
    f"tt-{B}": 6,
    f"tt-{C}": 2,
    "gk-tran-thi-thu-ha": 6,
    "gk-le-minh-khoa": 5,
    "gk-pham-thi-ngoc-anh": 5,
    "gk-dinh-thi-hong-nhung": 6,
    "gk-ngo-van-binh": 5,
    "gk-bui-thi-thanh-tam": 5,
    "gk-do-quang-huy": 5,
    "gk-ha-thi-ngoc-bich": 6,
    "gk-trinh-van-long": 2,
    "gk-lo-van-khanh": 6,
    "gk-giang-thi-say": 5,
    "tb-tran-thi-thu-ha": 6,
    "tb-bui-thi-thanh-tam": 5,
}
RESOLUTION = (
    "Hai hồ sơ đề nghị Giấy khen của Trường THCS Đông Lâm (cô Bùi Thị Thanh Tâm, thầy Đỗ Quang Huy) cùng đạt 05 phiếu "
    "đồng ý trên tổng số 07 thành viên, trong khi trường chỉ có 01 Giấy khen. Hội đồng bỏ phiếu kín lần thứ hai: cô Bùi "
    "Thị Thanh Tâm 04 phiếu, thầy Đỗ Quang Huy 02 phiếu. Hội đồng thống nhất đề nghị tặng Giấy khen cho cô Bùi Thị Thanh Tâm."
)
SETTLED = "Bằng phiếu ở ngưỡng số lượng khen; hội đồng đã kết luận: " + RESOLUTION
TIED = "Bằng phiếu ở ngưỡng số lượng khen; hội đồng cần quyết định."
NO_CAP = "Đơn vị chưa có chỉ tiêu để tính số lượng khen."
XUAT_SAC = ("tt-vuot-chi-tieu-hsg", "tt-giao-vien-hoan-thanh-tot", "tt-ty-le-len-lop", "tt-co-giao-vien-duoc-khen")
TIEN_TIEN = ("tt-giao-vien-hoan-thanh-tot", "tt-ty-le-len-lop")
CA_NHAN = ("cn-hoan-thanh-tot", "cn-tiet-day-gioi")

# nomination → (outcome, criteria states in plan order, reasons)
EXPECTED: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    f"xs-{A}": ("duoc-chon", (M, M, M, M), ()),  # 9 prizes, exactly the floor
    f"xs-{B}": ("khong-du-dieu-kien", (N, M, M, M), ()),  # 4 prizes < 5 (4.5 rounded up)
    f"xs-{C}": ("khong-du-dieu-kien", (M, N, M, M), ()),  # 3/5 teachers, 4 needed
    f"xs-{D}": ("chua-du-can-cu", (U, M, M, M), ()),  # no target: not yet known
    f"xs-{E}": ("chua-du-can-cu", (M, M, M, U), ()),  # its Giấy khen waits for a cap: not yet known
    f"tt-{A}": ("da-chon-hinh-thuc-khac", (M, M), ("Đã được chọn cho Giấy khen Tập thể xuất sắc.",)),
    f"tt-{B}": ("duoc-chon", (M, M), ()),
    f"tt-{C}": ("khong-du-dieu-kien", (N, M), ()),
    "gk-tran-thi-thu-ha": ("duoc-chon", (M, M), ()),
    "gk-le-minh-khoa": ("bang-phieu", (M, M), (TIED,)),
    "gk-pham-thi-ngoc-anh": ("bang-phieu", (M, M), (TIED,)),
    "gk-dinh-thi-hong-nhung": ("duoc-chon", (M, M), ()),
    "gk-ngo-van-binh": ("ngoai-so-luong", (M, M), ("Đã đủ 1 suất khen.",)),
    "gk-bui-thi-thanh-tam": ("duoc-chon", (M, M), (SETTLED,)),
    "gk-do-quang-huy": ("ngoai-so-luong", (M, M), (SETTLED,)),
    "gk-ha-thi-ngoc-bich": ("duoc-chon", (M, M), ()),
    "gk-trinh-van-long": ("khong-du-dieu-kien", (M, N), ()),
    "gk-lo-van-khanh": ("chua-du-can-cu", (M, M), (NO_CAP,)),
    "gk-giang-thi-say": ("chua-du-can-cu", (M, M), (NO_CAP,)),
    "tb-tran-thi-thu-ha": ("duoc-chon", (M, M), ()),
    "tb-bui-thi-thanh-tam": ("ngoai-so-luong", (M, M), ("Đã đủ 1 suất khen.",)),
}
# (award, kind, group, quota, ranked, winners, tied, resolution), in selection order; the cap's groups by school id,
# in the order of the schools' names; Suối Mơ, with no cap, has no number (None) and no ranking.
AWARDS = [
    (TB, "ca-nhan", None, 1, ("tb-tran-thi-thu-ha", "tb-bui-thi-thanh-tam"), ("tb-tran-thi-thu-ha",), (), None),
    (GK, "ca-nhan", E, None, (), (), (), None),
    (GK, "ca-nhan", C, 1, ("gk-bui-thi-thanh-tam", "gk-do-quang-huy"), ("gk-bui-thi-thanh-tam",), (), RESOLUTION),
    (GK, "ca-nhan", B, 1, ("gk-dinh-thi-hong-nhung", "gk-ngo-van-binh"), ("gk-dinh-thi-hong-nhung",), (), None),
    (GK, "ca-nhan", D, 1, ("gk-ha-thi-ngoc-bich",), ("gk-ha-thi-ngoc-bich",), (), None),
    (
        GK,
        "ca-nhan",
        A,
        2,
        ("gk-tran-thi-thu-ha", "gk-le-minh-khoa", "gk-pham-thi-ngoc-anh"),
        ("gk-tran-thi-thu-ha",),
        ("gk-le-minh-khoa", "gk-pham-thi-ngoc-anh"),
        None,
    ),
    (XS, "tap-the", None, 2, (f"xs-{A}",), (f"xs-{A}",), (), None),
    (TT, "tap-the", None, 2, (f"tt-{B}",), (f"tt-{B}",), (), None),
]


@pytest.fixture(scope="module")
def campaign_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository with the "Dạy tốt – học tốt" records laid over it."""
    return sample_tree(tmp_path_factory.mktemp("day-tot"), "day-tot-hoc-tot")


@pytest.fixture(scope="module")
def registry(campaign_tree: Path) -> Registry:
    return registry_from(validate_tree(campaign_tree).records)


@pytest.fixture(scope="module")
def plan(registry: Registry) -> Campaign:
    return registry.campaigns[CAMPAIGN]


@pytest.fixture(scope="module")
def result(registry: Registry, plan: Campaign) -> CampaignResult:
    return evaluate_campaign(registry, plan, dt.date.fromisoformat(AS_OF))


def _evaluate_cli(root: Path, target: Path) -> str:
    """Run ``thidua --root ROOT evaluate --as-of AS_OF --output TARGET`` and return this campaign's JSON text."""
    return (evaluated(root, AS_OF, target) / f"{CAMPAIGN}.json").read_text("utf-8")


@pytest.fixture(scope="module")
def output_text(campaign_tree: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    return _evaluate_cli(campaign_tree, tmp_path_factory.mktemp("evaluation"))


@pytest.fixture(scope="module")
def output(output_text: str) -> dict[str, Any]:
    """The JSON that ``thidua evaluate`` writes for the campaign."""
    data: dict[str, Any] = json.loads(output_text)
    return data


@pytest.fixture(scope="module")
def board(campaign_tree: Path) -> str:
    """The visible text of the eligibility page that ``thidua build`` writes for the campaign."""
    return page_text(built(campaign_tree, AS_OF) / "phong-trao" / CAMPAIGN / "xet-chon/index.html")


def _criterion(result: CampaignResult, nomination: str, criterion: str) -> Any:
    return next(c.outcome for c in result.result(nomination).criteria if c.criterion == criterion)


def _json_criterion(output: dict[str, Any], nomination: str, criterion: str) -> dict[str, Any]:
    found_: dict[str, Any] = next(
        c for n in output["nominations"] if n["id"] == nomination for c in n["criteria"] if c["id"] == criterion
    )
    return found_


def _with_rule(plan: Campaign, criterion: str, change: dict[str, Any]) -> Campaign:
    """The plan with one criterion's rule changed (a counterfactual plan, to show what the declared value decides)."""

    def changed(rule: Rule) -> Rule:
        if isinstance(rule, Compare) and "rounding" in change:
            assert rule.minimum is not None
            return replace(rule, minimum=replace(rule.minimum, rounding=change["rounding"]))
        return replace(rule, **change)

    return replace(plan, criteria=tuple(replace(c, rule=changed(c.rule)) if c.id == criterion else c for c in plan.criteria))


def test_records_validate(campaign_tree: Path, cli: Any) -> None:
    """The repository with this campaign's records added validates with no problem at all (a target threshold as a
    criterion's minimum is a form the schema allows, and the plan needs it)."""
    assert validate_tree(campaign_tree).problems == []
    run = cli("--root", str(campaign_tree), "validate")
    assert run.code == 0
    assert run.out.startswith("Tất cả ") and " tệp hồ sơ đều hợp lệ" in run.out.splitlines()[0]


def test_the_plan_is_read_from_data(plan: Campaign) -> None:
    """The window, the target floor, the share with its rounding and exclusion, the thresholds per school, the cap and the
    declared relations between awards are read from the record as written."""
    assert (plan.window.start, plan.window.end, plan.window.last_day) == (
        dt.date(2024, 9, 5),
        dt.date(2025, 5, 31),
        dt.date(2025, 5, 31),
    )
    rules = {c.id: c.rule for c in plan.criteria}
    assert rules["tt-vuot-chi-tieu-hsg"] == Compare(
        "giai-hsg-tinh", minimum=Threshold(None, target="chi-tieu-hsg-tinh-2024-2025", times=1.5, rounding="up")
    )
    assert rules["tt-giao-vien-hoan-thanh-tot"] == Members("cn-hoan-thanh-tot", None, 70, None, "up", ("nghi-thai-san",))
    assert rules["tt-ty-le-len-lop"] == Compare("ty-le-len-lop", minimum=Threshold(95, "unit", ((E, 90), (D, 93))))
    assert rules["cn-tiet-day-gioi"] == Compare("tiet-day-gioi", minimum=Threshold(4, "unit", ((E, 2), (D, 3))))
    assert rules["tt-co-giao-vien-duoc-khen"] == Members(None, "giay-khen-cua-giao-vien", None, Threshold(1.0))
    quotas = {a.id: [(k, q.count, q.target) for k, q in a.quota] for a in plan.awards}
    assert quotas == {
        XS: [("tap-the", 2, None)],
        TT: [("tap-the", 2, None)],
        GK: [("ca-nhan", None, "so-giay-khen-giao-vien-2024-2025")],
        TB: [("ca-nhan", 1, None)],
    }
    assert (plan.together, plan.exclusive) == (((GK, TB),), ((XS, TT),))
    # Written xuất sắc, tiên tiến, Giấy khen, tiêu biểu; selected in the order the declarations fix.
    assert [a.id for a in plan.awards] == [XS, TT, GK, TB]
    assert [a.id for a in award_order(plan)] == [TB, GK, XS, TT]
    assert (plan.council, plan.deadline, plan.tie_breakers) == (True, dt.date(2025, 6, 10), ())


@pytest.mark.parametrize("nomination", sorted(EXPECTED))
def test_each_nomination(result: CampaignResult, nomination: str) -> None:
    """Each nomination gets the hand-derived outcome, criterion states, council vote and reasons."""
    outcome, states, reasons = EXPECTED[nomination]
    r = result.result(nomination)
    names = XUAT_SAC if r.nomination.award == XS else TIEN_TIEN if r.nomination.award == TT else CA_NHAN
    assert [(c.criterion, c.outcome.state) for c in r.criteria] == list(zip(names, states, strict=True))
    assert r.dossier.complete and r.dossier.timing == "on-time"
    votes = VOTES[nomination]
    assert r.vote is not None and (r.vote.in_favour, r.vote.denominator, r.vote.passed) == (votes, 7, votes * 100 > 50 * 7)
    assert r.outcome == outcome
    assert r.reasons == reasons


def test_every_nomination_is_expected(result: CampaignResult) -> None:
    """The campaign has exactly the nominations of the expected table, in id order."""
    assert [r.nomination.id for r in result.nominations] == sorted(EXPECTED)


def test_a_target_is_a_floor_with_the_plans_rounding(result: CampaignResult) -> None:
    """The floor is each school's own target times 1.5, rounded up as the plan says; the count is of provincial prizes
    inside the school year; a school with no target is not yet known, never passed or failed."""
    floor = {school: _criterion(result, f"xs-{school}", "tt-vuot-chi-tieu-hsg") for school in (A, B, C, D, E)}
    assert {school: f.details for school, f in floor.items()} == {
        A: ("chỉ tiêu 6 × 1,5 = 9, làm tròn lên thành 9",),
        B: ("chỉ tiêu 3 × 1,5 = 4,5, làm tròn lên thành 5",),
        C: ("chỉ tiêu 4 × 1,5 = 6, làm tròn lên thành 6",),
        D: (),
        E: ("chỉ tiêu 2 × 1,5 = 3, làm tròn lên thành 3",),
    }
    counted = {school: [i.id for fact in f.facts for i in fact.items] for school, f in floor.items()}
    assert counted == {
        A: [f"tt-{n:02d}" for n in range(1, 10)],  # tt-10, tt-11: district prizes
        B: ["hs-01", "hs-02", "hs-03", "hs-04"],  # hs-05: a district prize
        C: [f"dl-{n:02d}" for n in range(2, 9)],  # dl-01: 15/03/2024, the previous school year
        D: [f"pt-{n:02d}" for n in range(1, 6)],
        E: ["sm-01", "sm-02", "sm-03"],
    }
    assert floor[B].reason.endswith(": dưới mức tối thiểu 5")
    assert floor[D].reason.endswith("; Chỉ tiêu giải học sinh giỏi cấp tỉnh năm học 2024 - 2025 chưa có chỉ tiêu của đơn vị")


@pytest.mark.parametrize(
    ("rounding", "state", "how"), [("down", M, "làm tròn xuống thành 4"), ("nearest", N, "làm tròn thành 5")]
)
def test_the_declared_rounding_decides_a_small_target(
    registry: Registry, plan: Campaign, rounding: str, state: str, how: str
) -> None:
    """Hòa Sơn has 4 prizes against a target of 3 (4.5): rounded down it would pass, rounded to the nearest it still fails;
    the plan's `up` is what makes it fail (see the table above)."""
    other = evaluate_campaign(
        registry, _with_rule(plan, "tt-vuot-chi-tieu-hsg", {"rounding": rounding}), dt.date.fromisoformat(AS_OF)
    )
    finding = _criterion(other, f"xs-{B}", "tt-vuot-chi-tieu-hsg")
    assert (finding.state, finding.details) == (state, (f"chỉ tiêu 3 × 1,5 = 4,5, {how}",))
    if state == M:  # every criterion met; then 2/7 votes
        assert (other.result(f"xs-{B}").outcome, other.result(f"xs-{B}").reasons) == (
            "khong-du-phieu",
            ("2/7 phiếu đồng ý, chưa đạt tỉ lệ của hội đồng.",),
        )


def test_a_target_is_a_cap_per_school(result: CampaignResult) -> None:
    """Each school's Giấy khen winners are at most its own number, ranked by votes within the school; a tie at a school's
    cut goes to the council and the council's resolution settles the one it names; a school with no number waits."""
    got = [(a.award, a.kind, a.group, a.quota, a.ranked, a.winners, a.tied, a.resolution) for a in result.awards]
    assert got == AWARDS
    settled = next(a for a in result.awards if a.group == C)
    assert (settled.resolved_group, settled.problems) == (("gk-bui-thi-thanh-tam", "gk-do-quang-huy"), ())
    waiting = next(a for a in result.awards if a.group == E)
    assert waiting.problems == (NO_CAP,)
    assert [r.nomination.id for r in result.nominations if r.outcome == "chua-du-can-cu" and r.reasons == (NO_CAP,)] == [
        "gk-giang-thi-say",
        "gk-lo-van-khanh",
    ]


def test_shares_of_small_staffs_are_rounded_as_declared(result: CampaignResult) -> None:
    """70% of a staff of 3, 4 or 5 is rounded up, over a denominator that leaves out teachers on maternity leave on
    the last counted day (and keeps one whose leave ended before it)."""
    share = {school: _criterion(result, f"tt-{school}", "tt-giao-vien-hoan-thanh-tot") for school in (A, B, C)}
    share |= {school: _criterion(result, f"xs-{school}", "tt-giao-vien-hoan-thanh-tot") for school in (D, E)}
    what = "thành viên đạt tiêu chí «Được xếp loại chất lượng viên chức từ «Hoàn thành tốt nhiệm vụ» trở lên.»"
    assert {school: (f.state, f.reason) for school, f in share.items()} == {
        A: (M, f"4/4 {what} (0 chưa đủ căn cứ); cần ít nhất 3 (70% × 4 = 2,8, làm tròn lên thành 3)"),
        B: (M, f"4/5 {what} (0 chưa đủ căn cứ); cần ít nhất 4 (70% × 5 = 3,5, làm tròn lên thành 4)"),
        C: (N, f"3/5 {what} (0 chưa đủ căn cứ); cần ít nhất 4 (70% × 5 = 3,5, làm tròn lên thành 4)"),
        D: (M, f"3/3 {what} (0 chưa đủ căn cứ); cần ít nhất 3 (70% × 3 = 2,1, làm tròn lên thành 3)"),
        E: (M, f"3/3 {what} (0 chưa đủ căn cứ); cần ít nhất 3 (70% × 3 = 2,1, làm tròn lên thành 3)"),
    }
    # The denominator says how many were left out (Chu Thị Phương); Tạ Thị Kim Oanh, back since 12/02/2025, is counted.
    assert share[B].details[0].startswith("Mẫu số: 5 thành viên (không tính 1")
    assert [f.details[0] for school, f in share.items() if school != B] == [
        "Mẫu số: 4 thành viên",
        "Mẫu số: 5 thành viên",
        "Mẫu số: 3 thành viên",
        "Mẫu số: 3 thành viên",
    ]


@pytest.mark.parametrize(
    ("change", "school", "state"),
    [
        ({"excluding": ()}, B, U),  # 6 people, 4 met + 1 not rated, need 4.2 → 5
        ({"rounding": "down"}, C, M),  # 3.5 → 3, 3 met
        ({"rounding": "nearest"}, C, N),  # 3.5 → 4
    ],
)
def test_the_declared_exclusion_and_rounding_decide_a_share(
    registry: Registry, plan: Campaign, change: dict[str, Any], school: str, state: str
) -> None:
    """Without leaving out the teacher on maternity leave, Hòa Sơn's share is not yet known (she is not rated); rounded
    down, Đông Lâm's 3 of 5 would pass. The plan's `up` and `excluding` are what the results above rest on."""
    members = plan.criterion("tt-giao-vien-hoan-thanh-tot")
    assert members is not None and isinstance(members.rule, Members)
    other = evaluate_campaign(registry, _with_rule(plan, members.id, change), dt.date.fromisoformat(AS_OF))
    assert _criterion(other, f"tt-{school}", members.id).state == state


def test_the_members_who_counted_are_named(output: dict[str, Any]) -> None:
    """A share of members explains which members counted, by name, as the count of title holders does: the council
    checks "4 of 5" against people, not a number."""
    details = _json_criterion(output, f"tt-{B}", "tt-giao-vien-hoan-thanh-tot").get("details", [])
    for name in ("Nghiêm Văn Hòa", "Đinh Thị Hồng Nhung", "Ngô Văn Bình", "Tạ Thị Kim Oanh"):
        assert any(name in line for line in details), (name, details)
    holders = _json_criterion(output, f"xs-{A}", "tt-co-giao-vien-duoc-khen")["details"]
    assert holders == [
        "Mẫu số: 4 thành viên",
        "Thành viên giữ «Giấy khen giáo viên có thành tích xuất sắc của phong trào»: Trần Thị Thu Hà",
    ]


def test_a_pending_cap_leaves_the_holders_count_unknown(result: CampaignResult) -> None:
    """Suối Mơ's two eligible teachers wait for the school's Giấy khen number, so whether the school has a teacher holding a
    Giấy khen is not yet known: its Tập thể xuất sắc is "chưa đủ căn cứ", not "không đạt"."""
    finding = _criterion(result, f"xs-{E}", "tt-co-giao-vien-duoc-khen")
    assert finding.state == U, finding.reason
    assert result.result(f"xs-{E}").outcome == "chua-du-can-cu"


def test_awards_held_together_and_exclusive(result: CampaignResult) -> None:
    """A school chosen for Tập thể xuất sắc is not chosen again for Tập thể tiên tiến (exclusive, the higher first); a
    teacher keeps both her Giấy khen and the Giáo viên dạy giỏi tiêu biểu certificate (held together)."""
    winners = {(r.nomination.award, r.nomination.nominee) for r in result.nominations if r.outcome == "duoc-chon"}
    assert winners == {
        (TB, "tran-thi-thu-ha"),
        (GK, "tran-thi-thu-ha"),
        (GK, "dinh-thi-hong-nhung"),
        (GK, "bui-thi-thanh-tam"),
        (GK, "ha-thi-ngoc-bich"),
        (XS, A),
        (TT, B),
    }
    assert result.result(f"tt-{A}").outcome == "da-chon-hinh-thuc-khac"


def test_the_order_awards_are_written_in_does_not_matter(registry: Registry, plan: Campaign, result: CampaignResult) -> None:
    """Every one of the 24 orders of the four awards in the plan gives the same standings, reasons and rankings."""

    def outcome(of: CampaignResult) -> tuple[object, ...]:
        standings = tuple(
            (r.nomination.id, r.outcome, r.reasons, tuple(c.outcome.state for c in r.criteria)) for r in of.nominations
        )
        ranking = tuple((a.award, a.kind, a.group, a.quota, a.ranked, a.winners, a.tied, a.resolution) for a in of.awards)
        return standings, ranking

    expected = outcome(result)
    assert expected[1] == tuple(AWARDS)
    as_of = dt.date.fromisoformat(AS_OF)
    for order in itertools.permutations(plan.awards):
        assert outcome(evaluate_campaign(registry, replace(plan, awards=order), as_of)) == expected, [a.id for a in order]


def test_thresholds_by_school(result: CampaignResult) -> None:
    """A threshold keyed by school uses the school's own value where the plan gives one and the default elsewhere."""
    rate = {school: _criterion(result, f"xs-{school}", "tt-ty-le-len-lop") for school in (A, B, C, D, E)}
    assert {school: (f.state, f.facts[0].value) for school, f in rate.items()} == {
        A: (M, 97.5),
        B: (M, 95.0),  # at the default, 95
        C: (M, 96.2),
        D: (M, 93.4),  # its own 93 (the default would fail)
        E: (M, 91.0),  # its own 90 (the default would fail)
    }
    lessons = _criterion(result, "gk-trinh-van-long", "cn-tiet-day-gioi")
    assert (lessons.state, lessons.reason.endswith(": dưới mức tối thiểu 3")) == (N, True)
    assert _criterion(result, "gk-lo-van-khanh", "cn-tiet-day-gioi").state == M  # 2 >= 2 at Suối Mơ
    assert _criterion(result, "gk-pham-thi-ngoc-anh", "cn-tiet-day-gioi").state == M  # 4 >= 4, the default


def _key_line(text: str, entry: str) -> int:
    """The line (1-based) of the one threshold entry ``entry`` in the plan's text."""
    assert text.count(f"          {entry}\n") == 1, entry
    return text[: text.index(f"          {entry}\n")].count("\n") + 1


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("thcs-phu-thinh: 3", "thcs-phu-thin: 3"),  # individual criterion, a misspelt school
        ("thcs-phu-thinh: 93", "thcs-phu-thin: 93"),  # collective criterion, a misspelt school
        ("thcs-phu-thinh: 3", "phong-gddt-van-khe: 3"),  # individual: the office, whose staff can never be nominated
        ("thcs-phu-thinh: 93", "phong-gddt-van-khe: 93"),  # collective: the office, not a participating kind of unit
    ],
)
def test_a_threshold_keyed_by_a_unit_no_nominee_belongs_to_is_refused(tmp_path: Path, cli: Any, old: str, new: str) -> None:
    """``thidua validate`` refuses a ``by: unit`` threshold keyed by a unit no nominee of the campaign can belong to (a
    misspelt school, or a unit of a kind that does not take part), at the key's line, in Vietnamese."""
    root = copy_repository(tmp_path / "repo")
    shutil.copytree(HERE / "records", root / "records", dirs_exist_ok=True)
    text = (root / PLAN_FILE).read_text("utf-8")
    line = _key_line(text, old)
    (root / PLAN_FILE).write_text(text.replace(f"          {old}\n", f"          {new}\n"), "utf-8")
    key = new.split(":")[0]
    assert [(p[0], p[1], p[2]) for p in found(root, PLAN_FILE)] == [(line, 11, "threshold-key")]
    run = cli("--root", str(root), "validate")
    assert run.code == 1
    [problem, summary] = run.out.splitlines()
    assert problem.startswith(f"{PLAN_FILE}:{line}:11: [kế hoạch {CAMPAIGN}] Không ")
    assert f"«{key}»" in problem and "ngưỡng này sẽ không bao giờ được dùng" in problem
    if key == "thcs-phu-thin":
        assert problem.endswith(" Có phải ý bạn là «thcs-phu-thinh»?")
    assert summary.startswith("Hồ sơ chưa hợp lệ: 1 lỗi trong 1 tệp")


def test_cli_json_says_the_same(output: dict[str, Any]) -> None:
    """``thidua evaluate --as-of --output`` writes the same outcomes, states, votes, rankings per school and explanations."""
    assert output["campaign"] == {
        "id": CAMPAIGN,
        "name": "Dạy tốt – học tốt",
        "year": 2024,
        "deadline": "2025-06-10",
        "as_of": AS_OF,
        "state": "dang-xet",
        "days_left": -10,
    }
    got = {n["id"]: (n["outcome"], tuple(c["state"] for c in n["criteria"]), tuple(n["reasons"])) for n in output["nominations"]}
    assert got == EXPECTED
    assert {n["id"]: n["vote"]["in_favour"] for n in output["nominations"]} == VOTES
    # 21 nominations, all sent and complete; eligible = chosen 7 + tied 2 + beyond quota 3 + chosen elsewhere 1.
    assert output["counts"] == {
        "units_taking_part": 5,
        "nominations": 21,
        "dossiers_sent": 21,
        "complete": 21,
        "eligible": 13,
        "winners": 7,
    }
    awards = [
        (
            a["award"],
            a["kind"],
            a.get("group"),
            a["quota"],
            tuple(a["ranked"]),
            tuple(a["winners"]),
            tuple(a["tied"]),
            a["resolution"],
        )
        for a in output["awards"]
    ]
    assert awards == AWARDS
    floor = _json_criterion(output, f"xs-{B}", "tt-vuot-chi-tieu-hsg")
    assert (floor["details"], [i["id"] for i in floor["items"]]) == (
        ["chỉ tiêu 3 × 1,5 = 4,5, làm tròn lên thành 5"],
        ["hs-01", "hs-02", "hs-03", "hs-04"],
    )
    assert {i["level"] for i in floor["items"]} == {"tinh"}
    share = _json_criterion(output, f"tt-{B}", "tt-giao-vien-hoan-thanh-tot")
    assert share["reason"].endswith("cần ít nhất 4 (70% × 5 = 3,5, làm tròn lên thành 4)")
    assert share["details"][0].startswith("Mẫu số: 5 thành viên (không tính 1")
    assert (output["council"]["members"], output["council"]["present"], output["council"]["denominator"]) == (7, 6, "members")
    assert output["decision"] == {"granted": [], "differences": [], "total_amount": None}


def test_cli_json_is_stable_and_follows_its_schema(campaign_tree: Path, output_text: str, tmp_path: Path) -> None:
    """The campaign's JSON validates against schemas/result.schema.json and is byte-identical on a second run."""
    assert _evaluate_cli(campaign_tree, tmp_path) == output_text
    schema = json.loads((ROOT / "schemas/result.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [e.message for e in validator.iter_errors(json.loads(output_text))] == []


def test_the_text_report_names_each_schools_group(campaign_tree: Path, cli: Any, tmp_path: Path) -> None:
    """The report ``thidua evaluate`` prints heads each school's ranking under the cap with the school's name (as the page
    and the JSON's ``group`` do): headings "Giấy khen … — cá nhân (01 suất)" alone do not say which school is which; the
    school without a number says it has none instead of a count."""
    run = cli("--root", str(campaign_tree), "evaluate", "--as-of", AS_OF, "--output", str(tmp_path), "--campaign", CAMPAIGN)
    assert run.code == 0
    headings = [line for line in run.out.splitlines() if line.startswith("Giấy khen giáo viên có thành tích xuất sắc — ")]
    assert headings == [
        "Giấy khen giáo viên có thành tích xuất sắc — cá nhân — Trường Phổ thông dân tộc bán trú Trung học cơ sở Suối Mơ "
        "(chưa có số suất)",
        "Giấy khen giáo viên có thành tích xuất sắc — cá nhân — Trường THCS Đông Lâm (01 suất)",
        "Giấy khen giáo viên có thành tích xuất sắc — cá nhân — Trường THCS Hòa Sơn (01 suất)",
        "Giấy khen giáo viên có thành tích xuất sắc — cá nhân — Trường THCS Phú Thịnh (01 suất)",
        "Giấy khen giáo viên có thành tích xuất sắc — cá nhân — Trường THCS Thị trấn Vân Khê (02 suất)",
    ]
    waiting = run.out.split(headings[0], 1)[1].split("\n\n", 1)[0]
    assert waiting.strip() == "⚠ " + NO_CAP


def test_the_eligibility_page_explains_floor_cap_and_share(board: str) -> None:
    """The eligibility page shows each floor worked out from the school's target and its rounding, the share with its
    denominator and rounding, the cap per school with its ranking, the tie left to the council, the council's resolution,
    the school still without a number, and the awards in the order they are selected."""
    for text in (
        # the floor
        "chỉ tiêu 6 × 1,5 = 9, làm tròn lên thành 9",
        "4 minh chứng trong thời gian tính thành tích (nguồn: Sổ theo dõi giải học sinh giỏi lớp 9, do Phòng Giáo dục và "
        "Đào tạo huyện Vân Khê giữ, cập nhật đến 05/06/2025): dưới mức tối thiểu 5 chỉ tiêu 3 × 1,5 = 4,5, làm tròn lên thành 5",
        "Chỉ tiêu giải học sinh giỏi cấp tỉnh năm học 2024 - 2025 chưa có chỉ tiêu của đơn vị",
        # the share
        "cần ít nhất 4 (70% × 5 = 3,5, làm tròn lên thành 4) Mẫu số: 5 thành viên (không tính 1",
        "cần ít nhất 3 (70% × 3 = 2,1, làm tròn lên thành 3) Mẫu số: 3 thành viên",
        # the cap
        "Giấy khen giáo viên có thành tích xuất sắc: cá nhân (theo chỉ tiêu của từng đơn vị)",
        "Trường THCS Thị trấn Vân Khê (02 suất): Xếp hạng sau biểu quyết: 1. Trần Thị Thu Hà; 2. Lê Minh Khoa; 3. Phạm Thị Ngọc Anh.",
        "Trường THCS Hòa Sơn (01 suất): Xếp hạng sau biểu quyết: 1. Đinh Thị Hồng Nhung; 2. Ngô Văn Bình.",
        "Bằng phiếu ở ngưỡng số lượng khen: Trường THCS Thị trấn Vân Khê Lê Minh Khoa, Phạm Thị Ngọc Anh bằng phiếu; "
        "hội đồng cần quyết định.",
        "Trường THCS Đông Lâm (01 suất): Xếp hạng sau biểu quyết: 1. Bùi Thị Thanh Tâm; 2. Đỗ Quang Huy. "
        "Kết luận của hội đồng khi bằng phiếu " + RESOLUTION,
        "Đỗ Quang Huy (minh họa) Ngoài số lượng khen (bằng phiếu, hội đồng đã kết luận) 5/7 TC1 ✓ TC2 ✓",
        "Lò Văn Khánh (minh họa) Chưa đủ căn cứ 6/7 TC1 ✓ TC2 ✓",
        NO_CAP,
        # the relations between awards
        "Đã được chọn cho Giấy khen Tập thể xuất sắc.",
        "Thành viên giữ «Giấy khen giáo viên có thành tích xuất sắc của phong trào»: Trần Thị Thu Hà",
    ):
        assert text in board, text
    sections = [
        "Giấy chứng nhận Giáo viên dạy giỏi tiêu biểu: cá nhân (01 suất)",
        "Giấy khen giáo viên có thành tích xuất sắc: cá nhân",
        "Giấy khen Tập thể xuất sắc: tập thể (02 suất)",
        "Giấy khen Tập thể tiên tiến: tập thể (02 suất)",
    ]
    assert [board.index(s) for s in sections] == sorted(board.index(s) for s in sections)
    assert "Trường Phổ thông dân tộc bán trú Trung học cơ sở Suối Mơ (chưa có số suất): " + NO_CAP in board
