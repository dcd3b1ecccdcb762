"""A second campaign, written only as data, evaluates correctly with no code change.

tests/data/second-campaign/records is laid over a copy of the repository: a fictional 2024 plan
"Chuyển đổi số trong cơ quan" (chuyen-doi-so-2024) with its own tasks, evidence, criteria (every rule
form), two awards in priority order (a fixed quota, then percentage quotas ranked by points with a
minimum), another dossier, its ratings, discipline register, reports, nominations, council meeting
and decisions. Every expected value below was worked out by hand from the records and the documented
semantics; the comments say how.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import DATA, ROOT
from samples import built, evaluated, sample_tree
from site_text import page_text
from thidua.evaluation.evaluate import evaluate_campaign
from thidua.evaluation.results import CampaignResult
from thidua.model import Registry, registry_from
from thidua.records.validate import validate_tree

SECOND = DATA / "second-campaign"
CAMPAIGN = "chuyen-doi-so-2024"
AS_OF = "2025-01-15"  # after the council (18/12/2024), the award decision (24/12/2024) and the revocation (10/01/2025)
A1, A2 = "giay-khen-chu-tich-ubnd-xa", "chung-nhan-dien-hinh-so"
M, N, U = "met", "not-met", "unknown"

# Hand derivation, from the campaign record and the 2024 ratings, register and reports:
#
# Collective criteria, in plan order:
#   T1 tt-hoan-thanh-nhiem-vu    xep-loai-tap-the-2024 at_least "hoàn thành tốt"         mandatory, no points
#   T2 tt-ket-qua-chuyen-doi-so  report items in 2024 of tasks dich-vu-cong-truc-tuyen, so-hoa-ho-so, ky-so-van-ban,
#                                min by unit_kind: bo-phan 3, doan-the 2, anything else (default) 4   mandatory, 30
#   T3 tt-danh-gia-chuyen-doi-so all[danh-gia-chuyen-doi-so-2024 in (dẫn đầu, tiên tiến),
#                                    members' ky-luat/vi-pham-ky-cuong cases in ky-luat-2024 max 0]   mandatory, 30
#   T4 tt-thanh-vien-thanh-thao  members: >= 50% of the unit's people meet C2                 optional, 40
# Individual criteria, in plan order:
#   C1 cn-hoan-thanh-nhiem-vu    fallback: primary xep-loai-ca-nhan-2024 at_least "xuất sắc";
#                                otherwise all[at_least "hoàn thành tốt", sáng kiến min 1]     mandatory, 20
#   C2 cn-thanh-thao-ky-nang-so  at_least_of 2 of [ký số % min 90, giờ bồi dưỡng min 16, sáng kiến min 1]  optional, 40
#   C3 cn-ky-luat-ky-cuong       own ky-luat/vi-pham-ky-cuong cases in ky-luat-2024 max 0    mandatory, no points
#   C4 cn-lan-toa                any[sáng kiến min 1, giờ bồi dưỡng min 40]                   optional, 40
#
# People (xếp loại; ký số %; giờ; sáng kiến) → C1 / C2 (how many of 3) / C4:
#   nguyen-thi-lan      xuất sắc; 98; 24; 1 → C1 M (primary) / C2 M (3) / C4 M
#   dang-thi-thu-huong  xuất sắc; 95; 20; 0 → M / M (2) / N (0 < 1, 20 < 40)
#   hoang-van-nam       tốt;      60;  8; 0 → C2 N (0)
#   le-van-duc          xuất sắc; 80; 45; 0 → M / N (1: only 45 >= 16) / M (45 >= 40)
#   nong-thi-mai        xuất sắc; 92; 16; 0 → M / M (2: 92 >= 90, 16 >= 16) / N (16 < 40)
#   chu-thi-yen         tốt; absent from the three numeric tables → C2 U (0 met, 3 unknown, 3 >= 2)
#   hoang-thi-thuy      tốt;      93; 12; 2 → C1 M only through the fallback (tốt >= tốt and 2 >= 1) / M (2) / M
#   lo-thi-hien         hoàn thành; 90; 16; 0 → C1 N (neither group) / M (2, both at the bound) / N; C3 N (ky-luat)
#   vu-van-long         tốt;      88;  8; 0 → C2 N (0)
#   pham-thi-hoa        xuất sắc; 70;  8; 0 → M / N (0) / N
#   bui-van-chien       tốt;      91; 16; 0 → C2 M (2)
#   trieu-van-loc       tốt;      50;  4; 0 → C2 N (0)
#   luong-van-toan      xuất sắc; 95; 20; 1 → M / M (3) / M
#   do-van-hai          tốt;      85;  8; 0 → C2 N (0)
#   dinh-van-cuong      xuất sắc; 90; 30; 1 → M / M (3) / M
#   ngo-thi-thu-trang   no xếp loại; 70; 16; 1 → C1 U (primary U; fallback all[U, M] = U) / M (2) / M
#   tran-minh-tuan, dam-van-khoi, hoang-thi-xuan, ma-thi-nguyet: in no table → C2 U
#   C3: only lo-thi-hien has a counted case; nong-thi-mai's complaint (khieu-nai) is not a counted kind.
#
# Members (records/people, by unit) and T4 (met × 100 >= 50 × members → M; counting unknowns too → U; else N):
#   tu-phap-ho-tich     duc N, mai M, yen U      1/3, 2/3 with unknown → U
#   van-phong-thong-ke  huong M, lan M, nam N    2/3 → M
#   doan-thanh-nien     cuong M, thu-trang M, tuan U → 2/3 → M
#   tai-chinh-ke-toan   chien M, hoa N, loc N    1/3, nothing unknown → N
#   van-hoa-xa-hoi      thuy M, hien M, long N   2/3 → M
#   dia-chinh-xay-dung  hai N, toan M            1/2 = 50% exactly → M
#   xom-dong-tam        khoi U, xuan U, nguyet U → 0/3, 3/3 with unknown → U
#
# Reports, items counted for T2 (task filter and period 01/01–31/12/2024):
#   tu-phap-ho-tich 4 (the ky-nang-so item is not counted); van-phong-thong-ke 3 (ha-tang-so and ky-nang-so not
#   counted); doan-thanh-nien 2 (ky-nang-so not counted); tai-chinh-ke-toan 2 (the 28/12/2023 item is outside the
#   period); van-hoa-xa-hoi 3; dia-chinh-xay-dung 3; xom-dong-tam 3.
#   T2: TP 4 >= 3 M; VP 3 >= 3 M; ĐTN 2 >= 2 (doan-the) M; TCKT 2 < 3 N; VHXH 3 M; ĐCXD 3 M; xóm 3 < 4 (default) N.
# T1: TP, VP, ĐCXD xuất sắc; ĐTN, TCKT, VHXH tốt → M; xom-dong-tam is not in the table → U.
# T3: TP dẫn đầu, VP/ĐTN/TCKT tiên tiến, 0 cases → M; VHXH dẫn đầu but 1 case (lo-thi-hien) → N;
#     ĐCXD not rated (U) and 0 cases (M) → all = U; xóm đạt yêu cầu (not in the list) → N.
#
# Points = sum of the points of the criteria met. Council: 8 members, "trên 50%" of all members, so a vote
# passes when in_favour × 100 > 50 × 8, i.e. from 5 votes; 4 votes is exactly 50% and fails.
# Outcome order: not submitted → incomplete → late → blocked → criteria → min_points (award 2: 60) → vote → ranking.
VOTES = {  # from the meeting record
    "gk-tap-the-tu-phap-ho-tich": 7,
    "gk-tap-the-van-phong-thong-ke": 5,
    "bd-tap-the-van-phong-thong-ke": 6,
    "bd-tap-the-doan-thanh-nien": 5,
    "bd-tap-the-tai-chinh-ke-toan": 2,
    "bd-tap-the-van-hoa-xa-hoi": 3,
    "bd-tap-the-dia-chinh-xay-dung": 4,
    "bd-tap-the-xom-dong-tam": 1,
    "gk-ca-nhan-nguyen-thi-lan": 7,
    "gk-ca-nhan-dang-thi-thu-huong": 4,
    "bd-ca-nhan-nguyen-thi-lan": 6,
    "bd-ca-nhan-hoang-thi-thuy": 5,
    "bd-ca-nhan-nong-thi-mai": 6,
    "bd-ca-nhan-le-van-duc": 6,
    "bd-ca-nhan-dinh-van-cuong": 5,
    "bd-ca-nhan-luong-van-toan": 5,
    "bd-ca-nhan-lo-thi-hien": 2,
    "bd-ca-nhan-pham-thi-hoa": 3,
}
TAP_THE = ("tt-hoan-thanh-nhiem-vu", "tt-ket-qua-chuyen-doi-so", "tt-danh-gia-chuyen-doi-so", "tt-thanh-vien-thanh-thao")
CA_NHAN = ("cn-hoan-thanh-nhiem-vu", "cn-thanh-thao-ky-nang-so", "cn-ky-luat-ky-cuong", "cn-lan-toa")

# nomination → (outcome, criteria states in plan order, points, reasons)
EXPECTED: dict[str, tuple[str, tuple[str, ...], float, tuple[str, ...]]] = {
    # Award 1 (Giấy khen), collectives, quota 1, ranked by votes: TP 7 > VP 5, both pass; TP wins, VP is beyond the quota.
    # TP: T4 is unknown but optional, so the mandatory T1–T3 decide; points 30 + 30.
    "gk-tap-the-tu-phap-ho-tich": ("duoc-chon", (M, M, M, U), 60.0, ()),
    "gk-tap-the-van-phong-thong-ke": ("ngoai-so-luong", (M, M, M, M), 100.0, ("Đã đủ 1 suất khen.",)),
    # Award 2 (Giấy chứng nhận), collectives: VP was not chosen for award 1, so it competes here; VP and ĐTN win.
    "bd-tap-the-van-phong-thong-ke": ("duoc-chon", (M, M, M, M), 100.0, ()),
    "bd-tap-the-doan-thanh-nien": ("duoc-chon", (M, M, M, M), 100.0, ()),
    # TCKT fails mandatory T2 (2 < 3); points T3 only.
    "bd-tap-the-tai-chinh-ke-toan": ("khong-du-dieu-kien", (M, N, M, N), 30.0, ()),
    # VHXH fails mandatory T3 (a member under discipline); points T2 + T4.
    "bd-tap-the-van-hoa-xa-hoi": ("khong-du-dieu-kien", (M, M, N, M), 70.0, ()),
    # ĐCXD: mandatory T3 unknown, nothing mandatory failed → not yet known; points T2 + T4. Sent at 23:50 on the deadline.
    "bd-tap-the-dia-chinh-xay-dung": ("chua-du-can-cu", (M, M, U, M), 70.0, ()),
    # Xóm: a failed mandatory criterion (T2, T3) outweighs an unknown one (T1).
    "bd-tap-the-xom-dong-tam": ("khong-du-dieu-kien", (U, N, N, U), 0.0, ()),
    # Award 1, individuals, quota 1: lan (7 votes) wins; huong meets the criteria but has 4/8, exactly 50%.
    "gk-ca-nhan-nguyen-thi-lan": ("duoc-chon", (M, M, M, M), 100.0, ()),
    "gk-ca-nhan-dang-thi-thu-huong": ("khong-du-phieu", (M, M, M, N), 60.0, ("4/8 phiếu đồng ý, chưa đạt tỉ lệ của hội đồng.",)),
    # Award 2, individuals: lan was chosen for award 1, which comes first, so she is not considered here.
    "bd-ca-nhan-nguyen-thi-lan": (
        "da-chon-hinh-thuc-khac",
        (M, M, M, M),
        100.0,
        ("Đã được chọn cho Giấy khen của Chủ tịch UBND xã.",),
    ),
    # Quota: 35% of the 8 submitted award-2 individual dossiers = 2.8, rounded down = 2. Ranked by points, then votes,
    # then earlier submission: thuy (100 points, 5 votes) first; mai and duc both 60 points and 6 votes, mai sent
    # 03/12 09:10, duc 03/12 15:45 → mai takes the second place, duc is beyond the quota (no tie left to the council).
    "bd-ca-nhan-hoang-thi-thuy": ("duoc-chon", (M, M, M, M), 100.0, ()),
    "bd-ca-nhan-nong-thi-mai": ("duoc-chon", (M, M, M, N), 60.0, ()),
    "bd-ca-nhan-le-van-duc": ("ngoai-so-luong", (M, N, M, M), 60.0, ("Đã đủ 2 suất khen.",)),
    # Sent 2024-12-10T18:30Z = 11/12/2024 01:30 in Vietnam, after the deadline day.
    "bd-ca-nhan-dinh-van-cuong": ("tre-han", (M, M, M, M), 100.0, ("Nộp sau hạn chót 10/12/2024.",)),
    # No Biên bản họp bình xét.
    "bd-ca-nhan-luong-van-toan": ("thieu-ho-so", (M, M, M, M), 100.0, ("Còn thiếu: Biên bản họp bình xét",)),
    # Reprimanded (ky-luat) on 20/05/2024, inside the period: barred before the criteria are looked at.
    "bd-ca-nhan-lo-thi-hien": (
        "khong-duoc-xet",
        (N, M, N, N),
        40.0,
        ("Bị kỷ luật trong thời gian tính thành tích (Sổ theo dõi kỷ luật, kỷ cương hành chính năm 2024).",),
    ),
    # Every mandatory criterion met, but 20 points < 60.
    "bd-ca-nhan-pham-thi-hoa": ("khong-du-dieu-kien", (M, N, M, N), 20.0, ("Tổng điểm 20 dưới mức tối thiểu 60.",)),
    # No submitted_at.
    "bd-ca-nhan-ngo-thi-thu-trang": ("chua-nop", (U, M, M, M), 80.0, ()),
}


@pytest.fixture(scope="module")
def second_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository with the second campaign's records laid over it."""
    return sample_tree(tmp_path_factory.mktemp("second"), "second-campaign")


@pytest.fixture(scope="module")
def registry(second_tree: Path) -> Registry:
    return registry_from(validate_tree(second_tree).records)


@pytest.fixture(scope="module")
def result(registry: Registry) -> CampaignResult:
    return evaluate_campaign(registry, registry.campaigns[CAMPAIGN], dt.date.fromisoformat(AS_OF))


def _evaluate_cli(root: Path, target: Path) -> str:
    """Run ``thidua --root ROOT evaluate --as-of AS_OF --output TARGET`` and return the second campaign's JSON text."""
    return (evaluated(root, AS_OF, target) / f"{CAMPAIGN}.json").read_text("utf-8")


@pytest.fixture(scope="module")
def output_text(second_tree: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    return _evaluate_cli(second_tree, tmp_path_factory.mktemp("evaluation"))


@pytest.fixture(scope="module")
def output(output_text: str) -> dict[str, Any]:
    """The JSON that ``thidua evaluate`` writes for the second campaign."""
    data: dict[str, Any] = json.loads(output_text)
    return data


def test_second_campaign_validates(second_tree: Path, cli: Any) -> None:
    """The repository with the second campaign's records added validates with no problem at all."""
    assert validate_tree(second_tree).problems == []
    run = cli("--root", str(second_tree), "validate")
    assert run.code == 0
    assert run.out.startswith("Tất cả ") and " tệp hồ sơ đều hợp lệ" in run.out.splitlines()[0]


def test_the_second_plan_is_read_from_data(registry: Registry) -> None:
    """Tasks, evidence, criteria, awards, quotas, dossier, deadline and tie-breakers come from the record as written."""
    plan = registry.campaigns[CAMPAIGN]
    assert [t.id for t in plan.tasks] == ["ha-tang-so", "dich-vu-cong-truc-tuyen", "so-hoa-ho-so", "ky-so-van-ban", "ky-nang-so"]
    assert [s.id for s in plan.tasks[1].subtasks] == ["tiep-nhan-truc-tuyen", "thanh-toan-truc-tuyen"]
    assert [(e.id, e.source, e.source_id) for e in plan.evidence if e.source != "rating"] == [
        ("ket-qua-chuyen-doi-so", "reports", None),
        ("vi-pham-thanh-vien", "discipline", "ky-luat-2024"),
        ("vi-pham-ca-nhan", "discipline", "ky-luat-2024"),
    ]
    assert [c.id for c in plan.criteria] == list(TAP_THE + CA_NHAN)
    assert [(c.mandatory, c.points) for c in plan.criteria] == [
        (True, None),
        (True, 30),
        (True, 30),
        (False, 40),
        (True, 20),
        (False, 40),
        (True, None),
        (False, 40),
    ]
    assert [(a.id, a.ranking, a.min_points) for a in plan.awards] == [(A1, "votes", None), (A2, "points", 60)]
    assert [(k, q.count, q.percent, q.of, q.rounding) for k, q in plan.awards[1].quota] == [
        ("tap-the", None, 20, "participants", "up"),
        ("ca-nhan", None, 35, "nominations", "down"),
    ]
    assert [(d.id, d.form, d.numbered) for d in plan.dossier] == [
        ("ban-dang-ky-thi-dua", "khac", False),
        ("bao-cao-thanh-tich", "bao-cao-thanh-tich", False),
        ("bien-ban-hop", "bien-ban-hop", True),
    ]
    assert (plan.deadline, plan.tie_breakers) == (dt.date(2024, 12, 10), ("earlier-submission",))


@pytest.mark.parametrize("nomination", sorted(EXPECTED))
def test_each_nomination(result: CampaignResult, nomination: str) -> None:
    """Each nomination gets the hand-derived outcome, criterion states, points, council vote and reasons."""
    outcome, states, points, reasons = EXPECTED[nomination]
    r = result.result(nomination)
    names = TAP_THE if r.nomination.kind == "tap-the" else CA_NHAN
    assert [(c.criterion, c.outcome.state) for c in r.criteria] == list(zip(names, states, strict=True))
    assert r.points == points
    votes = VOTES.get(nomination)
    assert (None if r.vote is None else (r.vote.in_favour, r.vote.denominator, r.vote.passed)) == (
        None if votes is None else (votes, 8, votes * 100 > 50 * 8)
    )
    assert r.outcome == outcome
    assert r.reasons == reasons


def test_every_nomination_is_expected(result: CampaignResult) -> None:
    """The campaign has exactly the nominations of the expected table, in id order."""
    assert [r.nomination.id for r in result.nominations] == sorted(EXPECTED)


def test_dossiers_timing_and_completeness(result: CampaignResult) -> None:
    """The new dossier (registration, report, minutes) is checked item by item, and the deadline is the end of its day in Vietnam."""
    sent = {r.nomination.id: (r.dossier.timing, r.dossier.complete) for r in result.nominations}
    # Every dossier but two has the three documents, the minutes numbered, all dated before sending; the registration
    # form has no number and needs none (numbered: false).
    assert {k: v for k, v in sent.items() if v != ("on-time", True)} == {
        "bd-ca-nhan-dinh-van-cuong": ("late", True),
        "bd-ca-nhan-luong-van-toan": ("on-time", False),
        "bd-ca-nhan-ngo-thi-thu-trang": ("not-submitted", False),
    }
    late = result.result("bd-ca-nhan-dinh-van-cuong").nomination
    assert late.submitted_at is not None
    assert (late.submitted_at.date(), late.submitted_on) == (dt.date(2024, 12, 10), dt.date(2024, 12, 11))  # UTC day, Vietnam day
    edge = result.result("bd-tap-the-dia-chinh-xay-dung").nomination
    assert edge.submitted_on == dt.date(2024, 12, 10)  # 23:50 on the deadline day is on time
    incomplete = result.result("bd-ca-nhan-luong-van-toan").dossier
    assert (incomplete.missing, incomplete.problems, incomplete.to_send) == (("bien-ban-hop",), (), ("Biên bản họp bình xét",))
    # Not sent and past the deadline: what is missing, but no reminder to send.
    unsent = result.result("bd-ca-nhan-ngo-thi-thu-trang").dossier
    assert (unsent.missing, unsent.to_send) == (
        ("bao-cao-thanh-tich", "bien-ban-hop"),
        ("Báo cáo thành tích", "Biên bản họp bình xét"),
    )


def test_evidence_read_from_its_owners(result: CampaignResult) -> None:
    """Report counts honour the task filter and the period, and the fallback group alone carries the nominee who is not outstanding."""
    counted = {}
    for r in result.nominations:
        if r.nomination.kind == "tap-the":
            [fact] = next(c for c in r.criteria if c.criterion == "tt-ket-qua-chuyen-doi-so").outcome.facts
            counted[r.nomination.nominee] = fact.value
    assert counted == {
        "dia-chinh-xay-dung": 3.0,
        "doan-thanh-nien": 2.0,
        "tai-chinh-ke-toan": 2.0,
        "tu-phap-ho-tich": 4.0,
        "van-hoa-xa-hoi": 3.0,
        "van-phong-thong-ke": 3.0,
        "xom-dong-tam": 3.0,
    }

    def duty(nomination: str) -> str:
        return next(c for c in result.result(nomination).criteria if c.criterion == "cn-hoan-thanh-nhiem-vu").outcome.reason

    assert duty("bd-ca-nhan-hoang-thi-thuy").startswith("Nhóm chính không đạt (")  # tốt, not xuất sắc
    assert duty("bd-ca-nhan-nong-thi-mai").startswith("Đạt theo nhóm chính: ")
    assert duty("bd-ca-nhan-ngo-thi-thu-trang").startswith("Nhóm chính chưa đủ căn cứ (")
    # A complaint settled on 15/10/2024 neither bars mai nor counts as a breach of discipline.
    assert result.result("bd-ca-nhan-nong-thi-mai").blocks == ()


def test_winners_and_quotas(result: CampaignResult) -> None:
    """Each award fills its quota in rank order; percentage quotas are computed from participants and submitted dossiers."""
    # Units with a report in the campaign: 7 (every proposer is among them).
    assert result.participants == (
        "dia-chinh-xay-dung",
        "doan-thanh-nien",
        "tai-chinh-ke-toan",
        "tu-phap-ho-tich",
        "van-hoa-xa-hoi",
        "van-phong-thong-ke",
        "xom-dong-tam",
    )
    got = [(a.award, a.kind, a.quota, a.ranked, a.winners, a.tied, a.resolution, a.problems) for a in result.awards]
    assert got == [
        (
            A1,
            "tap-the",
            1,
            ("gk-tap-the-tu-phap-ho-tich", "gk-tap-the-van-phong-thong-ke"),
            ("gk-tap-the-tu-phap-ho-tich",),
            (),
            None,
            (),
        ),
        (A1, "ca-nhan", 1, ("gk-ca-nhan-nguyen-thi-lan",), ("gk-ca-nhan-nguyen-thi-lan",), (), None, ()),
        # 20% of 7 participants = 1.4, rounded up = 2. Both 100 points; VP 6 votes before ĐTN 5.
        (
            A2,
            "tap-the",
            2,
            ("bd-tap-the-van-phong-thong-ke", "bd-tap-the-doan-thanh-nien"),
            ("bd-tap-the-van-phong-thong-ke", "bd-tap-the-doan-thanh-nien"),
            (),
            None,
            (),
        ),
        # 35% of 8 submitted (9 nominations, ngo-thi-thu-trang not submitted) = 2.8, rounded down = 2.
        (
            A2,
            "ca-nhan",
            2,
            ("bd-ca-nhan-hoang-thi-thuy", "bd-ca-nhan-nong-thi-mai", "bd-ca-nhan-le-van-duc"),
            ("bd-ca-nhan-hoang-thi-thuy", "bd-ca-nhan-nong-thi-mai"),
            (),
            None,
            (),
        ),
    ]


def test_decision_and_revocation(result: CampaignResult) -> None:
    """The decision matches the computed winners, and the revoked grant stays listed with its revocation."""
    assert (result.state, result.days_left) == ("da-quyet-dinh", -36)  # 10/12/2024 → 15/01/2025 is 36 days
    revoked = (
        "qd-huy-bo-cds-2025",
        "Một trong hai sáng kiến kê khai trong hồ sơ là sáng kiến của cơ quan khác; thành tích kê khai không đúng sự thật.",
    )
    assert [(g.nomination, g.award, g.decision, g.revoked_by, g.revoked_reason) for g in result.granted] == [
        ("gk-tap-the-tu-phap-ho-tich", A1, "qd-khen-thuong-cds-2024", None, None),
        ("gk-ca-nhan-nguyen-thi-lan", A1, "qd-khen-thuong-cds-2024", None, None),
        ("bd-tap-the-van-phong-thong-ke", A2, "qd-khen-thuong-cds-2024", None, None),
        ("bd-tap-the-doan-thanh-nien", A2, "qd-khen-thuong-cds-2024", None, None),
        ("bd-ca-nhan-hoang-thi-thuy", A2, "qd-khen-thuong-cds-2024", *revoked),
        ("bd-ca-nhan-nong-thi-mai", A2, "qd-khen-thuong-cds-2024", None, None),
    ]
    assert result.differences == ()


def test_cli_json_says_the_same(output: dict[str, Any]) -> None:
    """``thidua evaluate --as-of --output`` writes the same outcomes, states, points, votes, quotas and grants as JSON."""
    assert output["campaign"] == {
        "id": CAMPAIGN,
        "name": "Chuyển đổi số trong cơ quan",
        "year": 2024,
        "deadline": "2024-12-10",
        "as_of": AS_OF,
        "state": "da-quyet-dinh",
        "days_left": -36,
    }
    got = {
        n["id"]: (n["outcome"], tuple(c["state"] for c in n["criteria"]), n["points"], tuple(n["reasons"]))
        for n in output["nominations"]
    }
    assert got == EXPECTED
    assert {n["id"]: n["vote"] and n["vote"]["in_favour"] for n in output["nominations"]} == {n: VOTES.get(n) for n in EXPECTED}
    # 19 nominations, 18 sent, 17 of them complete; eligible = chosen 6 + beyond quota 2 + too few votes 1 + chosen elsewhere 1.
    assert output["counts"] == {
        "units_taking_part": 7,
        "nominations": 19,
        "dossiers_sent": 18,
        "complete": 17,
        "eligible": 10,
        "winners": 6,
    }
    assert [(a["award"], a["kind"], a["quota"], a["winners"]) for a in output["awards"]] == [
        (A1, "tap-the", 1, ["gk-tap-the-tu-phap-ho-tich"]),
        (A1, "ca-nhan", 1, ["gk-ca-nhan-nguyen-thi-lan"]),
        (A2, "tap-the", 2, ["bd-tap-the-van-phong-thong-ke", "bd-tap-the-doan-thanh-nien"]),
        (A2, "ca-nhan", 2, ["bd-ca-nhan-hoang-thi-thuy", "bd-ca-nhan-nong-thi-mai"]),
    ]
    assert [(g["nomination"], g["number"], g["revoked_by"]) for g in output["decision"]["granted"] if g["revoked_by"]] == [
        ("bd-ca-nhan-hoang-thi-thuy", "236/QĐ-UBND", "qd-huy-bo-cds-2025")
    ]
    assert output["decision"]["differences"] == []
    assert (output["council"]["members"], output["council"]["present"], output["council"]["denominator"]) == (8, 7, "members")


def test_cli_json_is_stable_and_follows_its_schema(second_tree: Path, output_text: str, tmp_path: Path) -> None:
    """The second campaign's JSON validates against schemas/result.schema.json and is byte-identical on a second run."""
    assert _evaluate_cli(second_tree, tmp_path) == output_text
    schema = json.loads((ROOT / "schemas/result.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [e.message for e in validator.iter_errors(json.loads(output_text))] == []


def test_the_list_posted_for_opinions_is_on_the_site(second_tree: Path) -> None:
    """The plan posts its list for 5 days; the list of 19/12/2024 (the six dossiers the decision of 24/12 grants)
    received opinions until 23/12; its one opinion and answer are on the campaign's posting page."""
    text = page_text(built(second_tree, AS_OF) / f"phong-trao/{CAMPAIGN}/cong-khai/index.html")
    for part in (
        "Danh sách công khai ngày 19/12/2024",
        "Nhận ý kiến đến hết ngày 23/12/2024; đã hết thời gian nhận ý kiến.",
        "Nông Thị Mai (minh họa) Giấy chứng nhận Điển hình chuyển đổi số Tư pháp - hộ tịch",
        "Ngày 20/12/2024, về hồ sơ của Nông Thị Mai: Đề nghị cho biết số thủ tục hành chính",
        "Trả lời ngày 23/12/2024: Theo báo cáo kết quả của bộ phận",
    ):
        assert part in text, part
    assert text.count("(minh họa)") >= 6
