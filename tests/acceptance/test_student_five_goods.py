"""A two-level "Sinh viên 5 tốt" campaign, written only as data, evaluates as its plans say.

tests/data/sinh-vien-5-tot/records is laid over a copy of the repository: the fictional Hội Sinh viên of the
fictional Trường Đại học Hồng Lam, school year 2024-2025. ``sv5t-khoa-2025`` recognises "Sinh viên 5 tốt" at faculty
level (five criteria read from ratings and three registers of certificates, each certificate counted for one criterion
only) and "Tập thể Sinh viên 5 tốt" for classes; ``sv5t-cap-truong-2025`` recognises the school-level title, which
requires the faculty-level title as decided (a revoked one does not count), and "Liên chi hội vững mạnh" for faculties,
counted over their classes and over the students of all their classes. Both windows run "từ 01/09/2024 đến
01/09/2025" with the first day counted and the last not. Every expected value below was worked out by hand from the
records and the documented semantics; the comments say how.
"""

from __future__ import annotations

import datetime as dt
import html.parser
import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import DATA, ROOT
from samples import built, evaluated, sample_tree
from site_text import page_text
from thidua.evaluation.evaluate import evaluate_campaign, evaluate_registry
from thidua.evaluation.evidence import EvidenceReader
from thidua.evaluation.results import CampaignResult
from thidua.evaluation.rules import RuleChecker
from thidua.evaluation.selection import award_order
from thidua.model import Registry, registry_from
from thidua.records.validate import validate_tree
from thidua.vocabulary import NomineeKind

FIVE_GOODS = DATA / "sinh-vien-5-tot"
FACULTY, SCHOOL = "sv5t-khoa-2025", "sv5t-cap-truong-2025"
AS_OF = "2025-09-30"  # after both faculty decisions (25/08, 28/08), the revocation (20/09) and the school deadline (15/09)
M, N, U = "met", "not-met", "unknown"

# Hand derivation, from the two plans, the ratings, the three registers, the discipline register and the decisions.
#
# Window of both campaigns: from 01/09/2024 to 01/09/2025, ends: start → counted days 01/09/2024 … 31/08/2025.
# Registers: Đoàn - Hội (so-khen-thuong…, as_of 05/09/2025) and Ngoại ngữ (as_of 31/08/2025) are complete for the
# window; Thể lực (as_of 30/06/2025) is not, so a student short of a thể lực item is "chưa đủ căn cứ", never "không đạt".
#
# Faculty plan, individual criteria, all mandatory, each item counted for one criterion only (evidence_once):
#   DD cn-dao-duc-tot     rèn luyện at_least «Tốt»
#   HT cn-hoc-tap-tot     GPA min 3.0
#   TL cn-the-luc-tot     thể lực items (sinh-vien-khoe, giai-thuong-the-thao) min 1
#   TN cn-tinh-nguyen-tot any[giấy khen khoa/trường/thành phố min 1, giấy chứng nhận tình nguyện min 1]
#   HN cn-hoi-nhap-tot    any[best language level min 3, giấy khen khoa/trường/thành phố min 1]
# A giấy khen fits TN and HN; a giấy chứng nhận tình nguyện fits TN only; a language certificate fits HN only.
#
# Students (class; rèn luyện; GPA; thể lực item; TN/HN items in the window) → DD HT TL TN HN:
#   nguyen-minh-anh  (CNTT A) xuất sắc; 3.62; svk 10/05/25; gk-tp 15/08/25, cn-tn 20/12/24, bậc 4 → M M M M M
#   tran-thu-ha      (CNTT A) tốt; 3.45; giải 20/11/24; A = gk-khoa-2025-006 12/04/25 (TN or HN), B = cn-tn-2025-021
#                    18/01/25 (TN only); her bậc 4 of 10/06/2024 is before the window. Greedy in list order gives A to TN
#                    and leaves HN nothing; the exact assignment is TN ← B, HN ← A → M M M M M
#   le-hoang-nam     (CNTT A) tốt; 3.30; svk 02/04/25; one gk-truong-2025-018 19/05/25; bậc 2 (< 3). Each of TN and HN
#                    is met on its own (a greedy check passes both), but the one giấy khen serves one of them: the
#                    search keeps, among equally good assignments, the earlier criterion (TN) → M M M M N
#   pham-gia-huy     (CNTT A) tốt; 3.10; svk 08/03/25; cn-tn-2024-001 dated 01/09/2024 (first day, counted); bậc 3
#                    → M M M M M
#   do-khanh-linh    (CNTT B) xuất sắc; 3.70; svk 10/05/25; only cn-tn-2025-140 dated 01/09/2025 (the `to` day, not
#                    counted); bậc 5 → M M M N M
#   vu-duc-thang     (CNTT B) tốt; 3.25; no thể lực item, register incomplete → U; cn-tn 20/07/25; bậc 3 → M M U M M
#   bui-thanh-tam    (CNTT B) tốt; 3.40; giải 26/03/25; gk-tp 30/07/25; bậc 4 (10/12/2024) → M M M M M
#   hoang-mai-phuong (KT A) xuất sắc; 3.55; svk 10/05/25; gk-tp-2025-003 30/03/25 and cn-tn-2025-030 25/01/25, no
#                    language certificate: HN ← the giấy khen, TN ← the certificate → M M M M M
#   ngo-quang-vinh   (KT A) tốt; 3.20; svk 15/04/25; cn-tn-2024-090 31/08/2024 (day before the start) and gk-tp
#                    25/08/2024, neither counted; no language certificate in a complete register → M M M N N
#   dang-thao-vy     (KT A) tốt; 3.35; giải 05/12/24; cn-tn 12/07/25; bậc 3 → M M M M M
#   trinh-bao-ngoc   (KT A) xuất sắc; 3.80; svk 10/05/25; gk-truong 05/07/25; bậc 4 → M M M M M
#   ly-hai-dang      (KT B) khá; 3.00 (= min); svk 10/05/25; gk-tp 15/10/24; bậc 3 → N M M M M, and reprimanded
#                    (ky-luat from 10/03/2025, inside the window): barred before the criteria count
#   ta-phuong-thao   (KT B) tốt; 3.20; svk 10/05/25; cn-tn 05/07/25; bậc 3 → M M M M M
#   mai-xuan-truong  (KT B) bảo lưu from 15/02/2025: not nominated, left out of his class's denominator
#   chau-ngoc-han    (KT B) tốt; 3.05; giải 20/04/25; gk-khoa 08/03/25; bậc 3 → M M M M M
# No council (council: false), quota 100% of the 14 submitted = 14: every eligible student is chosen (9).
#
# Faculty plan, class criterion TT tt-sinh-vien-5-tot: members holding this campaign's sv5t-cap-khoa (as computed),
# min_share 60 rounded up, statuses bao-luu left out (status on 31/08/2025, the last counted day):
#   chi-hoi-cntt-k66a  Minh Anh, Thu Hà, Gia Huy hold; Hoàng Nam not: 3/4, need ⌈2.4⌉ = 3 → M
#   chi-hoi-cntt-k66b  Thanh Tâm holds; Khánh Linh not; Đức Thắng still "chưa đủ căn cứ" (he may yet hold it):
#                      1 met + 1 unknown, need ⌈1.8⌉ = 2 → U (not known yet, never "not met")
#   chi-hoi-kt-k66a    Phương, Vy, Ngọc hold (Vy's revocation does not change this campaign's computed result); Vinh
#                      not: 3/4, need 3 → M
#   chi-hoi-kt-k66b    Hân, Thảo hold; Đăng barred; Trường (bảo lưu) left out: 2/3, need ⌈1.8⌉ = 2 → M (with Trường
#                      counted it would be 2/4, need ⌈2.4⌉ = 3 → N)
# The decisions grant exactly the computed winners (9 students, 3 classes): no difference.
#
# School plan (council: false; quota 100% of the nominations):
#   Individuals: C1 cn-sv5t-cap-khoa = the faculty award as decided (granted, not revoked by the as-of date) min 1;
#                C2 cn-hoc-tap = GPA min 3.2.
#     Minh Anh, Thu Hà, Thanh Tâm: granted 25/08/2025 (CNTT); Phương, Ngọc, Thảo: granted 28/08/2025 (Kinh tế).
#     Thảo's 3.20 is exactly the minimum. Gia Huy: granted, 3.10 < 3.2. Hoàng Nam: not granted. Vy: granted 28/08,
#     revoked 20/09/2025 (before AS_OF) → not held.
#   Faculties: T1 tt-chi-hoi-sv5t = sub-units (count: units) holding the faculty class title as computed (as: computed:
#                 the faculty campaign must be evaluated first), min_share 50 rounded up: ⌈50% × 2⌉ = 1;
#              T2 tt-khen-thuong-thanh-pho = people of the faculty and of every class below (scope: all) holding a
#                 giấy khen of level thanh-pho dated in the window, min_count 2.
#     lch-khoa-cong-nghe-thong-tin: T1 K66A holds → 1/2 ≥ 1 → M; T2 people: Phạm Văn Khải (LCH) + 4 + 3 = 8; Minh Anh
#       (15/08/2025) and Thanh Tâm (30/07/2025) → 2 → M.
#     lch-khoa-kinh-te: T1 K66A, K66B hold → 2/2 → M; T2 people: Vương Thị Hồng Nhung + 4 + 4 = 9; Phương (30/03/2025)
#       counts; Đăng's (15/10/2024) does not, he is barred by discipline; Vinh's (25/08/2024) is before the window → 1
#       → N.
# Other dates, same records:
#   20/08/2025: no faculty has decided → C1 "chưa đủ căn cứ" for every student (school dossiers not sent yet: chua-nop).
#   26/08/2025: Công nghệ thông tin decided (25/08), Kinh tế not yet (28/08) → Minh Anh's C1 met; Phương's C1 not yet
#               known: her faculty has not decided, which is not a refusal.
#   10/09/2025: Vy's grant is not revoked yet (20/09) → her C1 met.
#   A faculty decision for this school year signed after the window (say 10/09/2025) grants the same 2024-2025 title.
REPRIMANDED = "Bị kỷ luật trong thời gian tính thành tích (Sổ theo dõi kỷ luật sinh viên năm học 2024-2025)."
STUDENT = ("cn-dao-duc-tot", "cn-hoc-tap-tot", "cn-the-luc-tot", "cn-tinh-nguyen-tot", "cn-hoi-nhap-tot")
CLASS = ("tt-sinh-vien-5-tot",)
SCHOOL_STUDENT = ("cn-sv5t-cap-khoa", "cn-hoc-tap")
SCHOOL_FACULTY = ("tt-chi-hoi-sv5t", "tt-khen-thuong-thanh-pho")

# (campaign, nomination) → (outcome, criterion states in plan order, reasons)
EXPECTED: dict[tuple[str, str], tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    (FACULTY, "khoa-ca-nhan-nguyen-minh-anh"): ("duoc-chon", (M, M, M, M, M), ()),
    (FACULTY, "khoa-ca-nhan-tran-thu-ha"): ("duoc-chon", (M, M, M, M, M), ()),
    (FACULTY, "khoa-ca-nhan-le-hoang-nam"): ("khong-du-dieu-kien", (M, M, M, M, N), ()),
    (FACULTY, "khoa-ca-nhan-pham-gia-huy"): ("duoc-chon", (M, M, M, M, M), ()),
    (FACULTY, "khoa-ca-nhan-do-khanh-linh"): ("khong-du-dieu-kien", (M, M, M, N, M), ()),
    (FACULTY, "khoa-ca-nhan-vu-duc-thang"): ("chua-du-can-cu", (M, M, U, M, M), ()),
    (FACULTY, "khoa-ca-nhan-bui-thanh-tam"): ("duoc-chon", (M, M, M, M, M), ()),
    (FACULTY, "khoa-ca-nhan-hoang-mai-phuong"): ("duoc-chon", (M, M, M, M, M), ()),
    (FACULTY, "khoa-ca-nhan-ngo-quang-vinh"): ("khong-du-dieu-kien", (M, M, M, N, N), ()),
    (FACULTY, "khoa-ca-nhan-dang-thao-vy"): ("duoc-chon", (M, M, M, M, M), ()),
    (FACULTY, "khoa-ca-nhan-trinh-bao-ngoc"): ("duoc-chon", (M, M, M, M, M), ()),
    (FACULTY, "khoa-ca-nhan-ly-hai-dang"): ("khong-duoc-xet", (N, M, M, M, M), (REPRIMANDED,)),
    (FACULTY, "khoa-ca-nhan-ta-phuong-thao"): ("duoc-chon", (M, M, M, M, M), ()),
    (FACULTY, "khoa-ca-nhan-chau-ngoc-han"): ("duoc-chon", (M, M, M, M, M), ()),
    (FACULTY, "khoa-tap-the-chi-hoi-cntt-k66a"): ("duoc-chon", (M,), ()),
    (FACULTY, "khoa-tap-the-chi-hoi-cntt-k66b"): ("chua-du-can-cu", (U,), ()),
    (FACULTY, "khoa-tap-the-chi-hoi-kt-k66a"): ("duoc-chon", (M,), ()),
    (FACULTY, "khoa-tap-the-chi-hoi-kt-k66b"): ("duoc-chon", (M,), ()),
    (SCHOOL, "truong-ca-nhan-nguyen-minh-anh"): ("duoc-chon", (M, M), ()),
    (SCHOOL, "truong-ca-nhan-tran-thu-ha"): ("duoc-chon", (M, M), ()),
    (SCHOOL, "truong-ca-nhan-le-hoang-nam"): ("khong-du-dieu-kien", (N, M), ()),
    (SCHOOL, "truong-ca-nhan-pham-gia-huy"): ("khong-du-dieu-kien", (M, N), ()),
    (SCHOOL, "truong-ca-nhan-bui-thanh-tam"): ("duoc-chon", (M, M), ()),
    (SCHOOL, "truong-ca-nhan-hoang-mai-phuong"): ("duoc-chon", (M, M), ()),
    (SCHOOL, "truong-ca-nhan-dang-thao-vy"): ("khong-du-dieu-kien", (N, M), ()),
    (SCHOOL, "truong-ca-nhan-trinh-bao-ngoc"): ("duoc-chon", (M, M), ()),
    (SCHOOL, "truong-ca-nhan-ta-phuong-thao"): ("duoc-chon", (M, M), ()),
    (SCHOOL, "truong-tap-the-lch-khoa-cong-nghe-thong-tin"): ("duoc-chon", (M, M), ()),
    (SCHOOL, "truong-tap-the-lch-khoa-kinh-te"): ("khong-du-dieu-kien", (M, N), ()),
}
FACULTY_WINNERS = [
    "khoa-ca-nhan-bui-thanh-tam",
    "khoa-ca-nhan-chau-ngoc-han",
    "khoa-ca-nhan-dang-thao-vy",
    "khoa-ca-nhan-hoang-mai-phuong",
    "khoa-ca-nhan-nguyen-minh-anh",
    "khoa-ca-nhan-pham-gia-huy",
    "khoa-ca-nhan-ta-phuong-thao",
    "khoa-ca-nhan-tran-thu-ha",
    "khoa-ca-nhan-trinh-bao-ngoc",
]
SCHOOL_WINNERS = [
    "truong-ca-nhan-bui-thanh-tam",
    "truong-ca-nhan-hoang-mai-phuong",
    "truong-ca-nhan-nguyen-minh-anh",
    "truong-ca-nhan-ta-phuong-thao",
    "truong-ca-nhan-tran-thu-ha",
    "truong-ca-nhan-trinh-bao-ngoc",
]
# Item names, as the register writes them (the page and the JSON name items by these).
XUAN_TINH_NGUYEN = "Giấy chứng nhận tham gia Chương trình Xuân tình nguyện 2025"
GK_CLB_TIENG_ANH = "Giấy khen của Liên chi hội Khoa Công nghệ thông tin, Ban chủ nhiệm Câu lạc bộ Tiếng Anh của khoa"
BONG_CHUYEN = "Giải Ba bóng chuyền nữ Hội thao sinh viên"
GK_HOI_SINH_VIEN = "Giấy khen của Ban Thư ký Hội Sinh viên trường về thành tích trong công tác Hội và phong trào sinh viên"
FACULTY_TITLE = "«Danh hiệu Sinh viên 5 tốt cấp khoa năm học 2024-2025»"
CLASS_TITLE = "«Tập thể Sinh viên 5 tốt cấp khoa năm học 2024-2025»"
CITY = "«Giấy khen cấp thành phố»"


# --- fixtures -----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def five_goods_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository with the two Sinh viên 5 tốt campaigns' records laid over it."""
    return sample_tree(tmp_path_factory.mktemp("sv5t"), "sinh-vien-5-tot")


@pytest.fixture(scope="module")
def registry(five_goods_tree: Path) -> Registry:
    return registry_from(validate_tree(five_goods_tree).records)


def _evaluate(registry: Registry, as_of: str) -> dict[str, CampaignResult]:
    """Every campaign evaluated as the CLI does (a campaign reading another's result after it), by id."""
    return {r.campaign.id: r for r in evaluate_registry(registry, dt.date.fromisoformat(as_of))}


@pytest.fixture(scope="module")
def results(registry: Registry) -> dict[str, CampaignResult]:
    return _evaluate(registry, AS_OF)


@pytest.fixture(scope="module")
def output(five_goods_tree: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The JSON text ``thidua evaluate --as-of AS_OF --output`` writes for each of the two campaigns."""
    target = evaluated(five_goods_tree, AS_OF, tmp_path_factory.mktemp("evaluation"))
    return {c: (target / f"{c}.json").read_text("utf-8") for c in (FACULTY, SCHOOL)}


@pytest.fixture(scope="module")
def site(five_goods_tree: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once from a copy of the tree (``thidua build --as-of AS_OF``)."""
    return built(_copy(five_goods_tree, tmp_path_factory.mktemp("site")), AS_OF)


def _copy(tree: Path, parent: Path) -> Path:
    """A private copy of the tree, safe to change."""
    return Path(shutil.copytree(tree, parent / "repo", ignore=shutil.ignore_patterns("site", "build", ".site-*")))


def _edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text("utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {relative}"
    path.write_text(text.replace(old, new), "utf-8")


def _criterion(result: CampaignResult, nomination: str, criterion: str) -> Any:
    return next(c.outcome for c in result.result(nomination).criteria if c.criterion == criterion)


def _used(result: CampaignResult, nomination: str) -> dict[str, list[str]]:
    """Which items each criterion of a nomination was given, by criterion."""
    return {c.criterion: [i.id for i in c.outcome.used] for c in result.result(nomination).criteria}


def _json_nomination(text: str, nomination: str) -> dict[str, Any]:
    found: dict[str, Any] = next(n for n in json.loads(text)["nominations"] if n["id"] == nomination)
    return found


# --- records and outcomes -----------------------------------------------------------------------------------------


def test_five_goods_records_validate(five_goods_tree: Path, cli: Any) -> None:
    """The repository with both Sinh viên 5 tốt campaigns added validates with no problem at all."""
    assert validate_tree(five_goods_tree).problems == []
    run = cli("--root", str(five_goods_tree), "validate")
    assert run.code == 0
    assert run.out.startswith("Tất cả ") and " tệp hồ sơ đều hợp lệ" in run.out.splitlines()[0]


@pytest.mark.parametrize(("campaign", "nomination"), sorted(EXPECTED))
def test_each_nomination(results: dict[str, CampaignResult], campaign: str, nomination: str) -> None:
    """Each nomination of both campaigns gets the hand-derived standing, criterion states and reasons."""
    outcome, states, reasons = EXPECTED[campaign, nomination]
    r = results[campaign].result(nomination)
    names = {
        (FACULTY, "ca-nhan"): STUDENT,
        (FACULTY, "tap-the"): CLASS,
        (SCHOOL, "ca-nhan"): SCHOOL_STUDENT,
        (SCHOOL, "tap-the"): SCHOOL_FACULTY,
    }[campaign, r.nomination.kind]
    assert [(c.criterion, c.outcome.state) for c in r.criteria] == list(zip(names, states, strict=True))
    assert (r.outcome, r.reasons, r.vote) == (outcome, reasons, None)


def test_every_nomination_is_expected(results: dict[str, CampaignResult]) -> None:
    """Both campaigns have exactly the nominations of the expected table."""
    for campaign in (FACULTY, SCHOOL):
        assert sorted(r.nomination.id for r in results[campaign].nominations) == sorted(n for c, n in EXPECTED if c == campaign)


def test_winners_decisions_and_quotas(results: dict[str, CampaignResult]) -> None:
    """No council, no quota that bites: every eligible nomination is chosen; the faculty decisions match the result."""
    faculty, school = results[FACULTY], results[SCHOOL]
    # 100% of 4 class nominations and of 14 student nominations; the class award is selected after the student award.
    # No council: every candidate ranks with 0 votes, and the quota takes them all, so winners are listed by id.
    assert [(a.award, a.quota, list(a.winners)) for a in faculty.awards] == [
        ("sv5t-cap-khoa", 14, FACULTY_WINNERS),
        (
            "tap-the-sv5t-cap-khoa",
            4,
            ["khoa-tap-the-chi-hoi-cntt-k66a", "khoa-tap-the-chi-hoi-kt-k66a", "khoa-tap-the-chi-hoi-kt-k66b"],
        ),
    ]
    assert [(a.award, a.quota, list(a.winners)) for a in school.awards] == [
        ("lch-vung-manh", 2, ["truong-tap-the-lch-khoa-cong-nghe-thong-tin"]),
        ("sv5t-cap-truong", 9, SCHOOL_WINNERS),
    ]
    revoked = [(g.nomination, g.revoked_by) for g in faculty.granted if g.revoked_by]
    assert revoked == [("khoa-ca-nhan-dang-thao-vy", "qd-huy-bo-sv5t-khoa-dang-thao-vy")]
    assert faculty.differences == ()
    # Faculty deadline 15/08/2025 → 46 days before 30/09; school deadline 15/09/2025 → 15 days, no school decision yet.
    assert (faculty.state, faculty.days_left, school.state, school.days_left) == ("da-quyet-dinh", -46, "dang-xet", -15)


# --- 1. evidence items counted once -------------------------------------------------------------------------------


def test_one_certificate_serves_one_criterion_only(registry: Registry, results: dict[str, CampaignResult]) -> None:
    """Lê Hoàng Nam's single giấy khen meets Tình nguyện tốt and Hội nhập tốt each on its own (a greedy check would
    pass him), but it counts once: it goes to Tình nguyện tốt and Hội nhập tốt is not met, saying why."""
    plan = registry.campaigns[FACULTY]
    checker = RuleChecker(registry, plan, EvidenceReader(registry, plan, dt.date.fromisoformat(AS_OF)))
    subject = checker.subject(NomineeKind.INDIVIDUAL, "le-hoang-nam")
    alone = {c.id: checker.criterion(c, subject).state for c in plan.criteria if c.id in STUDENT[3:]}
    assert alone == {"cn-tinh-nguyen-tot": M, "cn-hoi-nhap-tot": M}
    result = results[FACULTY]
    assert _used(result, "khoa-ca-nhan-le-hoang-nam") == {
        "cn-dao-duc-tot": [],
        "cn-hoc-tap-tot": [],
        "cn-the-luc-tot": ["svk-2025-021"],
        "cn-tinh-nguyen-tot": ["gk-truong-2025-018"],
        "cn-hoi-nhap-tot": [],
    }
    reason = _criterion(result, "khoa-ca-nhan-le-hoang-nam", "cn-hoi-nhap-tot").reason
    assert reason.endswith(
        "; nhưng không còn đủ minh chứng riêng: mỗi minh chứng chỉ được tính cho một tiêu chí, "
        "và các minh chứng này đã được tính cho tiêu chí khác"
    )
    assert "Bậc chứng chỉ ngoại ngữ cao nhất: 2 " in reason and "dưới mức tối thiểu 3" in reason


def test_an_exact_assignment_where_greedy_fails(results: dict[str, CampaignResult]) -> None:
    """Trần Thu Hà's giấy khen (listed first, fits both) and certificate (fits Tình nguyện only) are assigned exactly:
    the certificate to Tình nguyện tốt, the giấy khen to Hội nhập tốt; Hoàng Mai Phương's likewise."""
    result = results[FACULTY]
    assert _used(result, "khoa-ca-nhan-tran-thu-ha") == {
        "cn-dao-duc-tot": [],
        "cn-hoc-tap-tot": [],
        "cn-the-luc-tot": ["gt-2024-031"],
        "cn-tinh-nguyen-tot": ["cn-tn-2025-021"],
        "cn-hoi-nhap-tot": ["gk-khoa-2025-006"],
    }
    used = _used(result, "khoa-ca-nhan-hoang-mai-phuong")
    assert (used["cn-tinh-nguyen-tot"], used["cn-hoi-nhap-tot"]) == (["cn-tn-2025-030"], ["gk-tp-2025-003"])


def test_json_says_which_item_went_to_which_criterion(output: dict[str, str]) -> None:
    """The result JSON lists, under each criterion, the items given to it: Trần Thu Hà's certificate under Tình nguyện
    tốt, her giấy khen under Hội nhập tốt, her sports prize under Thể lực tốt."""
    nomination = _json_nomination(output[FACULTY], "khoa-ca-nhan-tran-thu-ha")
    items = {
        c["id"]: [(i["id"], i["name"], i["date"], i["register"]) for i in c.get("items", [])] for c in nomination["criteria"]
    }
    assert items == {
        "cn-dao-duc-tot": [],
        "cn-hoc-tap-tot": [],
        "cn-the-luc-tot": [("gt-2024-031", BONG_CHUYEN, "2024-11-20", "so-the-luc-2024-2025")],
        "cn-tinh-nguyen-tot": [("cn-tn-2025-021", XUAN_TINH_NGUYEN, "2025-01-18", "so-khen-thuong-sinh-vien-2024-2025")],
        "cn-hoi-nhap-tot": [("gk-khoa-2025-006", GK_CLB_TIENG_ANH, "2025-04-12", "so-khen-thuong-sinh-vien-2024-2025")],
    }


def test_json_never_lists_one_item_under_two_criteria(output: dict[str, str]) -> None:
    """With each item counted once, an item appears under one criterion only in the JSON: Lê Hoàng Nam's giấy khen is
    listed under Tình nguyện tốt, and not again under Hội nhập tốt, which it did not go to."""
    for nomination in json.loads(output[FACULTY])["nominations"]:
        listed = [i["id"] for c in nomination["criteria"] for i in c.get("items", [])]
        assert len(listed) == len(set(listed)), nomination["id"]
    criteria = {c["id"]: c for c in _json_nomination(output[FACULTY], "khoa-ca-nhan-le-hoang-nam")["criteria"]}
    assert [i["id"] for i in criteria["cn-tinh-nguyen-tot"]["items"]] == ["gk-truong-2025-018"]
    assert "gk-truong-2025-018" not in [i["id"] for i in criteria["cn-hoi-nhap-tot"].get("items", [])]


class _Items(html.parser.HTMLParser):
    """The text of each top-level list item of an HTML fragment, nested lists included."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.items: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "li":
            self.depth += 1
            if self.depth == 1:
                self.items.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.items[-1] += data


def _detail_items(page: Path, nomination: str) -> list[str]:
    """The list items (one per criterion, then the reasons) of one nomination's detail section on a board page."""
    source = page.read_text("utf-8")
    start = source.index(f'id="{nomination}"')
    end = source.find("<h3", start)
    parser = _Items()
    parser.feed(source[start : end if end != -1 else len(source)])
    return [" ".join(item.split()) for item in parser.items]


def test_eligibility_page_shows_each_item_under_its_criterion(site: Path) -> None:
    """The eligibility page lists one line per criterion for Trần Thu Hà, each with the items it was given beneath it:
    the sports prize under Thể lực tốt, the certificate under Tình nguyện tốt, the giấy khen under Hội nhập tốt."""
    items = _detail_items(site / f"phong-trao/{FACULTY}/xet-chon/index.html", "khoa-ca-nhan-tran-thu-ha")
    assert len(items) == 5
    assert items[0].startswith("✓ đạt: Kết quả rèn luyện năm học 2024-2025: Tốt")
    assert items[2].startswith("✓ đạt: Giấy chứng nhận Sinh viên khỏe hoặc giải thưởng thể thao: 1 minh chứng")
    assert items[2].endswith(f"Minh chứng được tính: {BONG_CHUYEN} (20/11/2024)")
    assert items[3].startswith("✓ đạt: Đạt 2/2 điều kiện, cần 1: Giấy khen của tổ chức Đoàn, Hội")
    assert items[3].endswith(f"Minh chứng được tính: {XUAN_TINH_NGUYEN} (18/01/2025)")
    assert items[4].startswith("✓ đạt: Đạt 1/2 điều kiện, cần 1: Bậc chứng chỉ ngoại ngữ cao nhất")
    assert items[4].endswith(f"Minh chứng được tính: {GK_CLB_TIENG_ANH} (12/04/2025)")


def test_eligibility_page_shows_a_shared_certificate_under_one_criterion_only(site: Path) -> None:
    """Lê Hoàng Nam's one giấy khen is shown as counted under Tình nguyện tốt, which it went to, and not again under
    Hội nhập tốt, which it did not go to."""
    items = _detail_items(site / f"phong-trao/{FACULTY}/xet-chon/index.html", "khoa-ca-nhan-le-hoang-nam")
    assert len(items) == 5
    assert items[3].startswith("✓ đạt: Đạt 1/2 điều kiện, cần 1: Giấy khen của tổ chức Đoàn, Hội")
    assert items[3].endswith(f"Minh chứng được tính: {GK_HOI_SINH_VIEN} (19/05/2025)")
    assert items[4].startswith("✗ không đạt: Đạt 1/2 điều kiện, cần 1: Bậc chứng chỉ ngoại ngữ cao nhất: 2")
    assert GK_HOI_SINH_VIEN not in items[4].split("tiêu chí khác", 1)[1]


def test_eligibility_page_says_why_a_shared_certificate_fails_the_second_criterion(site: Path) -> None:
    """Lê Hoàng Nam's row shows Hội nhập tốt not met, and his detail says the giấy khen went to another criterion."""
    text = page_text(site / f"phong-trao/{FACULTY}/xet-chon/index.html")
    assert "Lê Hoàng Nam (minh họa) Không đạt tiêu chí TC1 ✓ TC2 ✓ TC3 ✓ TC4 ✓ TC5 ✗" in text
    assert (
        "nhưng không còn đủ minh chứng riêng: mỗi minh chứng chỉ được tính cho một tiêu chí, "
        "và các minh chứng này đã được tính cho tiêu chí khác"
    ) in text


# --- 2. the evidence window, first day counted, last day not ------------------------------------------------------


def test_window_counts_the_first_day_and_not_the_last(registry: Registry, results: dict[str, CampaignResult]) -> None:
    """«Từ 01/09/2024 đến 01/09/2025», ends: start: a certificate of 01/09/2024 counts, one of 01/09/2025 does not, nor
    one of 31/08/2024."""
    window = registry.campaigns[FACULTY].window
    assert (window.start, window.end, window.ends, window.last_day) == (
        dt.date(2024, 9, 1),
        dt.date(2025, 9, 1),
        "start",
        dt.date(2025, 8, 31),
    )
    result = results[FACULTY]

    def certificates(nomination: str) -> list[tuple[str, float | str | None]]:
        facts = _criterion(result, nomination, "cn-tinh-nguyen-tot").facts
        return [(f.evidence, f.value) for f in facts]

    assert _used(result, "khoa-ca-nhan-pham-gia-huy")["cn-tinh-nguyen-tot"] == ["cn-tn-2024-001"]
    assert certificates("khoa-ca-nhan-do-khanh-linh") == [("giay-khen-doan-hoi", 0.0), ("chung-nhan-tinh-nguyen", 0.0)]
    assert certificates("khoa-ca-nhan-ngo-quang-vinh") == [("giay-khen-doan-hoi", 0.0), ("chung-nhan-tinh-nguyen", 0.0)]


# --- 3. a register not complete for the window --------------------------------------------------------------------


def test_an_incomplete_register_leaves_a_student_not_yet_known(results: dict[str, CampaignResult]) -> None:
    """The thể lực register is complete only to 30/06/2025: Vũ Đức Thắng, with no item in it yet, is "chưa đủ căn cứ",
    and the reason names the register and the day it runs to."""
    finding = _criterion(results[FACULTY], "khoa-ca-nhan-vu-duc-thang", "cn-the-luc-tot")
    assert finding.state == U
    assert "cập nhật đến 30/06/2025" in finding.reason
    assert finding.reason.endswith("; sổ minh chứng chưa cập nhật hết thời gian tính thành tích")
    assert results[FACULTY].result("khoa-ca-nhan-vu-duc-thang").outcome == "chua-du-can-cu"


def test_no_certificate_in_a_complete_register_is_not_met(results: dict[str, CampaignResult]) -> None:
    """The language register is complete for the window: Ngô Quang Vinh, who has no certificate in it (and no giấy
    khen in the window), does not meet Hội nhập tốt; his best level is not "not yet known"."""
    finding = _criterion(results[FACULTY], "khoa-ca-nhan-ngo-quang-vinh", "cn-hoi-nhap-tot")
    assert finding.state == N


def test_a_shared_item_lost_while_another_route_may_still_come_is_not_yet_known(five_goods_tree: Path, tmp_path: Path) -> None:
    """If the language register were complete only to 30/06/2025, Lê Hoàng Nam could still get a level-3 certificate in
    July or August; his one giấy khen would then go to Tình nguyện tốt and the certificate to Hội nhập tốt. Losing the
    giấy khen to Tình nguyện tốt therefore leaves Hội nhập tốt "chưa đủ căn cứ", and him not yet known."""
    root = _copy(five_goods_tree, tmp_path)
    _edit(root, "records/registers/so-chung-chi-ngoai-ngu-2024-2025.yml", "as_of: 2025-08-31", "as_of: 2025-06-30")
    result = _evaluate(registry_from(validate_tree(root).records), AS_OF)[FACULTY]
    assert _criterion(result, "khoa-ca-nhan-le-hoang-nam", "cn-hoi-nhap-tot").state == U
    assert result.result("khoa-ca-nhan-le-hoang-nam").outcome == "chua-du-can-cu"


# --- 4. levels chain: the school title needs the faculty title, as decided ----------------------------------------


def test_the_school_title_needs_the_faculty_title_as_decided_and_not_revoked(registry: Registry) -> None:
    """Đặng Thảo Vy holds the faculty title from its decision of 28/08/2025 until its revocation of 20/09/2025: on
    10/09 it counts for the school title, on 30/09 it no longer does."""
    before = _evaluate(registry, "2025-09-10")[SCHOOL]
    after = _evaluate(registry, AS_OF)[SCHOOL]
    assert _criterion(before, "truong-ca-nhan-dang-thao-vy", "cn-sv5t-cap-khoa").state == M
    assert _criterion(after, "truong-ca-nhan-dang-thao-vy", "cn-sv5t-cap-khoa").state == N
    assert _criterion(after, "truong-ca-nhan-le-hoang-nam", "cn-sv5t-cap-khoa").state == N
    assert _criterion(after, "truong-ca-nhan-nguyen-minh-anh", "cn-sv5t-cap-khoa").reason == (
        "Danh hiệu Sinh viên 5 tốt cấp khoa năm học 2024-2025: có (nguồn: quyết định khen thưởng Sinh viên 5 tốt cấp khoa)"
    )


def test_before_any_faculty_decision_the_school_title_is_not_yet_known(registry: Registry) -> None:
    """On 20/08/2025 neither faculty has decided: the school criterion is "chưa đủ căn cứ" for every student, saying
    the faculty campaign has no decision yet (their school dossiers, sent in September, are not in yet)."""
    school = _evaluate(registry, "2025-08-20")[SCHOOL]
    for nomination in ("truong-ca-nhan-nguyen-minh-anh", "truong-ca-nhan-hoang-mai-phuong"):
        finding = _criterion(school, nomination, "cn-sv5t-cap-khoa")
        assert finding.state == U
        assert "phong trào đó chưa có quyết định khen thưởng" in finding.reason
        assert school.result(nomination).outcome == "chua-nop"


def test_a_faculty_that_has_not_decided_yet_leaves_its_students_not_yet_known(registry: Registry) -> None:
    """On 26/08/2025 the Công nghệ thông tin faculty has decided (25/08) and Kinh tế has not (28/08): Hoàng Mai
    Phương's faculty title is not yet known, not refused, while Nguyễn Minh Anh's is held."""
    school = _evaluate(registry, "2025-08-26")[SCHOOL]
    assert _criterion(school, "truong-ca-nhan-nguyen-minh-anh", "cn-sv5t-cap-khoa").state == M
    assert _criterion(school, "truong-ca-nhan-hoang-mai-phuong", "cn-sv5t-cap-khoa").state == U


def test_a_faculty_decision_signed_after_the_window_still_counts(five_goods_tree: Path, tmp_path: Path) -> None:
    """A faculty that signs its decision for the 2024-2025 school year on 10/09/2025, after the window closed, still
    grants the 2024-2025 faculty title the school plan asks for: Hoàng Mai Phương keeps it."""
    root = _copy(five_goods_tree, tmp_path)
    _edit(root, "records/decisions/sv5t-khoa-2025/qd-cong-nhan-sv5t-khoa-kinh-te.yml", "date: 2025-08-28", "date: 2025-09-10")
    school = _evaluate(registry_from(validate_tree(root).records), AS_OF)[SCHOOL]
    assert _criterion(school, "truong-ca-nhan-hoang-mai-phuong", "cn-sv5t-cap-khoa").state == M
    assert school.result("truong-ca-nhan-hoang-mai-phuong").outcome == "duoc-chon"


# --- 5. collective criteria rolled up over sub-units --------------------------------------------------------------


def test_a_class_share_leaves_out_statuses_and_rounds_up(results: dict[str, CampaignResult]) -> None:
    """Kinh tế K66B: the student on bảo lưu is left out of the denominator (3, not 4), 60% × 3 = 1,8 rounded up to 2,
    and the two holders are named."""
    finding = _criterion(results[FACULTY], "khoa-tap-the-chi-hoi-kt-k66b", "tt-sinh-vien-5-tot")
    assert finding.reason.startswith(f"2/3 thành viên giữ {FACULTY_TITLE}")
    assert finding.reason.endswith("cần ít nhất 2 (60% × 3 = 1,8, làm tròn lên thành 2)")
    assert finding.details[0].startswith("Mẫu số: 3 thành viên (không tính 1")
    assert finding.details[1] == f"Thành viên giữ {FACULTY_TITLE}: Châu Ngọc Hân, Tạ Phương Thảo"
    whole = _criterion(results[FACULTY], "khoa-tap-the-chi-hoi-cntt-k66a", "tt-sinh-vien-5-tot")
    assert whole.reason.endswith("cần ít nhất 3 (60% × 4 = 2,4, làm tròn lên thành 3)")
    assert whole.details == (
        "Mẫu số: 4 thành viên",
        f"Thành viên giữ {FACULTY_TITLE}: Nguyễn Minh Anh, Trần Thu Hà, Phạm Gia Huy",
    )


def test_a_member_still_pending_leaves_the_class_not_yet_known(results: dict[str, CampaignResult]) -> None:
    """CNTT K66B needs 2 of its 3 students: Bùi Thanh Tâm holds the title and Vũ Đức Thắng's is still "chưa đủ căn cứ";
    he may yet hold it, so the class is not yet known, not refused; the school, reading that result, counts the class
    as not yet known too."""
    finding = _criterion(results[FACULTY], "khoa-tap-the-chi-hoi-cntt-k66b", "tt-sinh-vien-5-tot")
    assert finding.reason.startswith(f"1/3 thành viên giữ {FACULTY_TITLE} (1 chưa đủ căn cứ); cần ít nhất 2")
    assert finding.state == U
    # At school level the Công nghệ thông tin faculty then has 1 class holding the class title and 1 not yet known; it
    # needs 1, so it is met either way.
    classes = _criterion(results[SCHOOL], "truong-tap-the-lch-khoa-cong-nghe-thong-tin", "tt-chi-hoi-sv5t")
    assert (classes.state, classes.reason.split(";")[0]) == (M, f"1/2 đơn vị giữ {CLASS_TITLE} (1 chưa đủ căn cứ)")


def test_a_faculty_counts_its_classes_and_the_students_of_every_class(results: dict[str, CampaignResult]) -> None:
    """Liên chi hội vững mạnh: classes holding the faculty class title out of the faculty's 2 classes, ⌈50% × 2⌉ = 1;
    students of every class (scope: all) with a city-level giấy khen in the window, at least 2. A student barred by
    discipline never counts as holding one."""
    school = results[SCHOOL]
    it = "truong-tap-the-lch-khoa-cong-nghe-thong-tin"
    classes = _criterion(school, it, "tt-chi-hoi-sv5t")
    assert classes.reason.startswith(f"1/2 đơn vị giữ {CLASS_TITLE}")
    assert classes.reason.endswith("cần ít nhất 1 (50% × 2 = 1, làm tròn lên thành 1)")
    assert classes.details == ("Mẫu số: 2 đơn vị", f"Đơn vị giữ {CLASS_TITLE}: Chi hội Sinh viên lớp Công nghệ thông tin K66A")
    city = _criterion(school, it, "tt-khen-thuong-thanh-pho")
    assert city.reason == f"2/8 thành viên giữ {CITY} (0 chưa đủ căn cứ); cần ít nhất 2"
    assert city.details == ("Mẫu số: 8 thành viên", f"Thành viên giữ {CITY}: Nguyễn Minh Anh, Bùi Thanh Tâm")
    economics = _criterion(school, "truong-tap-the-lch-khoa-kinh-te", "tt-khen-thuong-thanh-pho")
    assert economics.reason == f"1/9 thành viên giữ {CITY} (0 chưa đủ căn cứ); cần ít nhất 2"
    assert economics.details == ("Mẫu số: 9 thành viên", f"Thành viên giữ {CITY}: Hoàng Mai Phương")


def test_pages_explain_the_counts(site: Path) -> None:
    """The eligibility pages show the denominators, the rounding and who was counted, for classes and for faculties."""
    faculty = page_text(site / f"phong-trao/{FACULTY}/xet-chon/index.html")
    assert (
        f"2/3 thành viên giữ {FACULTY_TITLE} (0 chưa đủ căn cứ); cần ít nhất 2 (60% × 3 = 1,8, làm tròn lên thành 2)" in faculty
    )
    assert "Mẫu số: 3 thành viên (không tính 1" in faculty
    assert f"Thành viên giữ {FACULTY_TITLE}: Châu Ngọc Hân, Tạ Phương Thảo" in faculty
    school = page_text(site / f"phong-trao/{SCHOOL}/xet-chon/index.html")
    assert "cần ít nhất 1 (50% × 2 = 1, làm tròn lên thành 1) Mẫu số: 2 đơn vị" in school
    assert f"Đơn vị giữ {CLASS_TITLE}: Chi hội Sinh viên lớp Công nghệ thông tin K66A" in school
    assert f"2/8 thành viên giữ {CITY} (0 chưa đủ căn cứ); cần ít nhất 2 Mẫu số: 8 thành viên" in school
    assert f"Thành viên giữ {CITY}: Nguyễn Minh Anh, Bùi Thanh Tâm" in school
    assert f"1/9 thành viên giữ {CITY} (0 chưa đủ căn cứ); cần ít nhất 2 Mẫu số: 9 thành viên" in school


# --- 6. dependency order ------------------------------------------------------------------------------------------


def test_the_faculty_campaign_is_evaluated_before_the_school_reads_it(
    registry: Registry, results: dict[str, CampaignResult]
) -> None:
    """The school plan reads the faculty plan's computed result, so the faculty campaign is evaluated first although
    its id sorts after; evaluated alone, before it, the school would not know the class titles yet."""
    assert registry.campaigns[SCHOOL].campaigns_read() == {FACULTY}
    assert registry.campaigns[FACULTY].campaigns_read() == set()
    assert sorted([FACULTY, SCHOOL]) == [SCHOOL, FACULTY]
    alone = evaluate_campaign(registry, registry.campaigns[SCHOOL], dt.date.fromisoformat(AS_OF))
    unknown = _criterion(alone, "truong-tap-the-lch-khoa-cong-nghe-thong-tin", "tt-chi-hoi-sv5t")
    assert unknown.state == U and unknown.reason.startswith(f"0/2 đơn vị giữ {CLASS_TITLE} (2 chưa đủ căn cứ)")
    assert _criterion(results[SCHOOL], "truong-tap-the-lch-khoa-cong-nghe-thong-tin", "tt-chi-hoi-sv5t").state == M


def test_awards_of_one_campaign_are_selected_in_dependency_order(registry: Registry) -> None:
    """The class award counts the holders of the student award, so it is selected after it though written first."""
    plan = registry.campaigns[FACULTY]
    assert [a.id for a in plan.awards] == ["tap-the-sv5t-cap-khoa", "sv5t-cap-khoa"]
    assert [a.id for a in award_order(plan)] == ["sv5t-cap-khoa", "tap-the-sv5t-cap-khoa"]


def _line_of(root: Path, relative: str, text: str) -> int:
    """The 1-based line of the first line of a file that is exactly ``text``."""
    return (root / relative).read_text("utf-8").splitlines().index(text) + 1


READS_SCHOOL = """  - id: danh-hieu-cap-truong
    name: Danh hiệu Sinh viên 5 tốt cấp trường năm học 2024-2025
    source:
      awards: {award: sv5t-cap-truong, campaign: sv5t-cap-truong-2025, as: computed}
    subject: nominee
"""


def _reading(evidence: str, criterion: str) -> tuple[str, str]:
    """Edits that add an evidence reading the school award as computed, and an optional criterion that reads it."""
    rule = f"""criteria:
  - id: {criterion}
    applies_to: ca-nhan
    text: Đã đạt danh hiệu Sinh viên 5 tốt cấp trường.
    mandatory: false
    rule: {{evidence: {evidence}, min: 1}}
"""
    return READS_SCHOOL.replace("danh-hieu-cap-truong", evidence), rule


def test_validate_refuses_a_campaign_reading_its_own_computed_result(five_goods_tree: Path, tmp_path: Path) -> None:
    """A school plan that reads its own award through ``campaign: sv5t-cap-truong-2025`` cannot be evaluated:
    validation says so in Vietnamese, at the plan's evidence list, and names the fix (drop ``campaign:``)."""
    root = _copy(five_goods_tree, tmp_path)
    relative = f"records/campaigns/{SCHOOL}.yml"
    evidence, rule = _reading("tu-doc-cap-truong", "cn-tu-doc")
    _edit(root, relative, "criteria:\n", evidence + rule)
    found = [(p.file, p.line, p.code, p.message) for p in validate_tree(root).problems]
    assert len(found) == 1
    file, line, code, message = found[0]
    assert (file, line, code) == (relative, _line_of(root, relative, "evidence:"), "campaign-cycle")
    assert message == (
        f"Phong trào {SCHOOL} đọc danh hiệu của chính nó qua campaign: {SCHOOL}; hãy bỏ dòng campaign: "
        "để đọc kết quả xét của chính phong trào này."
    )


def test_validate_refuses_two_campaigns_reading_each_other(five_goods_tree: Path, tmp_path: Path) -> None:
    """If the faculty plan also read the school plan's award, neither could go first (as decided or as computed: whether
    a nominee may still win is read from the campaign evaluated first): both plans are reported, each naming the two."""
    root = _copy(five_goods_tree, tmp_path)
    relative = f"records/campaigns/{FACULTY}.yml"
    evidence, rule = _reading("danh-hieu-cap-truong", "cn-cap-truong")
    _edit(root, relative, "evidence_once: true\n", evidence + "evidence_once: true\n")
    _edit(root, relative, "criteria:\n", rule)
    found = sorted((p.file, p.line, p.code, p.message) for p in validate_tree(root).problems)
    message = (
        f"Các phong trào {SCHOOL}, {FACULTY} đọc danh hiệu của nhau, nên không có phong trào nào xét được trước; "
        "hãy bỏ một chiều (phong trào năm sau đọc phong trào năm trước, cấp trên đọc cấp dưới)."
    )
    school = f"records/campaigns/{SCHOOL}.yml"
    assert found == [
        (school, _line_of(root, school, "evidence:"), "campaign-cycle", message),
        (relative, _line_of(root, relative, "evidence:"), "campaign-cycle", message),
    ]


def test_a_plan_without_a_dossier_validates(five_goods_tree: Path, tmp_path: Path, cli: Any) -> None:
    """A plan may leave out ``dossier`` (a recognition by standing rules: the nomination record is the proposal); the
    faculty plan without its dossier, and its nominations without documents, validate and evaluate."""
    root = _copy(five_goods_tree, tmp_path)
    relative = f"records/campaigns/{FACULTY}.yml"
    text = (root / relative).read_text("utf-8")
    (root / relative).write_text(re.sub(r"dossier:\n(?:  .*\n)+", "", text), "utf-8")
    for path in (root / f"records/nominations/{FACULTY}").glob("*.yml"):
        path.write_text(re.sub(r"documents:\n(?:  .*\n)+", "documents: []\n", path.read_text("utf-8")), "utf-8")
    run = cli("--root", str(root), "validate")
    assert (run.code, run.err) == (0, "")
    faculty = _evaluate(registry_from(validate_tree(root).records), AS_OF)[FACULTY]
    assert faculty.result("khoa-ca-nhan-tran-thu-ha").outcome == "duoc-chon"


def test_a_discipline_register_covering_the_counted_days_is_read(five_goods_tree: Path, tmp_path: Path) -> None:
    """The discipline register runs 01/09/2024 – 31/08/2025, exactly the days the window counts (its last day,
    01/09/2025, is not counted): a school criterion "không bị kỷ luật" reads it, 0 cases for Nguyễn Minh Anh."""
    root = _copy(five_goods_tree, tmp_path)
    _edit(
        root,
        f"records/campaigns/{SCHOOL}.yml",
        "criteria:\n",
        """  - id: ky-luat
    name: Số lần bị kỷ luật trong năm học
    source: {discipline: ky-luat-sinh-vien-2024-2025}
    case_kinds: [ky-luat]
    subject: nominee
criteria:
  - id: cn-khong-ky-luat
    applies_to: ca-nhan
    text: Không bị kỷ luật trong năm học.
    mandatory: true
    rule: {evidence: ky-luat, max: 0}
""",
    )
    school = _evaluate(registry_from(validate_tree(root).records), AS_OF)[SCHOOL]
    finding = _criterion(school, "truong-ca-nhan-nguyen-minh-anh", "cn-khong-ky-luat")
    assert (finding.state, [f.value for f in finding.facts]) == (M, [0.0])


# --- the CLI's JSON -----------------------------------------------------------------------------------------------


def test_cli_json_says_the_same_and_follows_its_schema(output: dict[str, str]) -> None:
    """``thidua evaluate`` writes the hand-derived outcomes and states for both campaigns, valid against
    schemas/result.schema.json."""
    schema = json.loads((ROOT / "schemas/result.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for campaign, text in output.items():
        data = json.loads(text)
        assert [e.message for e in validator.iter_errors(data)] == []
        got = {
            (campaign, n["id"]): (n["outcome"], tuple(c["state"] for c in n["criteria"]), tuple(n["reasons"]))
            for n in data["nominations"]
        }
        assert got == {k: v for k, v in EXPECTED.items() if k[0] == campaign}
    faculty = json.loads(output[FACULTY])
    # 18 nominations, all sent and complete; eligible = chosen (9 students, 3 classes).
    assert faculty["counts"] == {
        "units_taking_part": 6,
        "nominations": 18,
        "dossiers_sent": 18,
        "complete": 18,
        "eligible": 12,
        "winners": 12,
    }
    assert faculty["council"] is None
    school = json.loads(output[SCHOOL])
    assert school["counts"] == {
        "units_taking_part": 6,
        "nominations": 11,
        "dossiers_sent": 11,
        "complete": 11,
        "eligible": 7,
        "winners": 7,
    }
    lch = {c["id"]: c for c in _json_nomination(output[SCHOOL], "truong-tap-the-lch-khoa-cong-nghe-thong-tin")["criteria"]}
    assert lch["tt-khen-thuong-thanh-pho"]["details"] == [
        "Mẫu số: 8 thành viên",
        f"Thành viên giữ {CITY}: Nguyễn Minh Anh, Bùi Thanh Tâm",
    ]
    assert lch["tt-chi-hoi-sv5t"]["details"][0] == "Mẫu số: 2 đơn vị"
