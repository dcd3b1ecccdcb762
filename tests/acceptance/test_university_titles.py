"""A university's standing regulation on annual student titles, written only as data, evaluates as the regulation says.

tests/data/dai-hoc-danh-hieu/records is laid over a copy of the repository: the fictional "Quy chế xét, công nhận
danh hiệu sinh viên năm học 2024 - 2025" of the fictional Trường Đại học Hồng Lĩnh (danh-hieu-sinh-vien-2025).
A standing regulation: no council vote, no deadline, no dossier; each nomination is one line of a class's (or a
faculty's) list. It exercises several awards per student held together or exclusively (listed in a deliberately
misleading order), a ranking by a measured value per major with a tie, thresholds by the student's attributes,
a register of certificates read as the best value in the school year, a route open to one cohort, a collective title
counted over the class's members (share with declared rounding, statuses left out of the denominator, members barred
by discipline not counted), and discipline registers barring students. Every expected value below was worked out by
hand from the records and the documented semantics; the comments say how.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import json
import re
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import DATA, ROOT, copy_repository
from samples import built, evaluated, sample_tree
from site_text import page_text
from thidua.evaluation.evaluate import evaluate_campaign
from thidua.evaluation.results import CampaignResult
from thidua.evaluation.selection import award_order
from thidua.model import Registry, registry_from
from thidua.model.campaign import Campaign, Members, ValueRanking
from thidua.records.validate import validate_tree

UNIVERSITY = DATA / "dai-hoc-danh-hieu"
CAMPAIGN = "danh-hieu-sinh-vien-2025"
AS_OF = "2025-09-20"  # after the school year (last counted day 31/08/2025) and after every list was sent (by 12/09/2025)
PAGE = f"phong-trao/{CAMPAIGN}/xet-chon/index.html"
XS, GIOI, TK, TT = "sinh-vien-xuat-sac", "sinh-vien-gioi", "thu-khoa-nganh", "tap-the-lop-tien-tien"
M, N, U = "met", "not-met", "unknown"

# Hand derivation, from the campaign record, the ratings, the register of certificates and the discipline registers.
#
# Window: 01/09/2024 – 31/08/2025, both ends counted (ends: both). No council (council: false): a nomination whose
# mandatory criteria are met goes straight to the quota. No dossier: every nomination counts as submitted.
#
# Criteria, in plan order (an award checks only the criteria it lists, in plan order):
#   cn-hoc-tap-gioi        annual GPA (diem-hoc-tap-2024-2025) >= 3.4 for nhom-nganh ky-thuat, else 3.2   [Giỏi]
#   cn-ren-luyen-tot       conduct (ket-qua-ren-luyen-2024-2025) at least "tốt"                          [Giỏi, Thủ khoa]
#   cn-hoc-tap-xuat-sac    annual GPA >= 3.6                                                              [Xuất sắc]
#   cn-ren-luyen-xuat-sac  conduct at least "xuất sắc"                                                    [Xuất sắc]
#   cn-ngoai-ngu           best IELTS (kind ielts only) dated in the window >= 7.5 if chuyen-ngu co, 6.5 if khong [Xuất sắc]
#   cn-khoa-tot-nghiep     khoa-tuyen-sinh in [k2021] (the graduating cohort)                             [Thủ khoa]
#   cn-tich-luy-gioi       cumulative GPA (diem-trung-binh-tich-luy-2025) >= 3.2                          [Thủ khoa]
#   cn-gioi-tro-len        holds Giỏi or Xuất sắc of this campaign (as computed)   [no award: counted by the class rule]
#   tt-ty-le-gioi-tro-len  members meeting cn-gioi-tro-len >= 10% of the class, rounded UP, leaving out members whose
#                          status on 31/08/2025 is thoi-hoc or bao-luu (numerator and denominator)    [Tập thể lớp]
#   tt-co-sinh-vien-xuat-sac members holding Xuất sắc >= 1, same exclusions; a barred member never counts  [Tập thể lớp]
#
# The model's `holds` names one evidence, and an awards evidence one award: "holds Giỏi OR Xuất sắc" cannot be a
# single `holds`, and two members rules in `any` would mean "10% hold Giỏi, or 10% hold Xuất sắc", not 10% of the
# union. So the union is an individual criterion (cn-gioi-tro-len) that no award checks, counted with `criterion`.
#
# Awards, as listed in the record: tap-the-lop-tien-tien, sinh-vien-gioi, sinh-vien-xuat-sac, thu-khoa-nganh.
# Under the old "plan order" rule that order would be wrong three times: the class title would be selected before
# anyone holds Giỏi/Xuất sắc; a student meeting both would get Giỏi and then be "chosen elsewhere" for Xuất sắc;
# Thủ khoa, last, would skip whoever already won Xuất sắc. The declarations fix the order instead:
#   exclusive [xuat-sac, gioi] → Xuất sắc before Giỏi; the class title reads both → after both; Thủ khoa is held
#   together with both → nothing fixes it, ids decide: sinh-vien-xuat-sac, sinh-vien-gioi, tap-the-lop-tien-tien,
#   thu-khoa-nganh. Quotas: Giỏi, Xuất sắc, Tập thể lớp 100% of nominations (no limit); Thủ khoa 1 per major (per: nganh),
#   ranked by cumulative GPA, highest first; no tie-breaker declared, so equal values are a tie.
#
# Students nominated (class; attributes) → facts → criteria:
#   nguyen-minh-khoa  21CNTT1 ky-thuat, khong, k2021: GPA 3.78, conduct xuất sắc, IELTS 7.0 (18/01/2025), cum. 3.71
#       XS  3.78>=3.6 M, M, 7.0>=6.5 M → chosen.   Giỏi 3.78>=3.4 M, M → chosen for Xuất sắc (exclusive, higher).
#       TK  tốt M, k2021 M, 3.71 M → first of cong-nghe-thong-tin → chosen (held together with Xuất sắc).
#   tran-thi-thu-ha   21CNTT1 ky-thuat, k2021: GPA 3.38, tốt, cum. 3.52
#       Giỏi 3.38 < 3.4 (ky-thuat) N — a naive 3.2 for everyone would pass her.   TK M, M, M → second: beyond quota 1.
#   pham-duc-anh      22CNTT1 ky-thuat, khong, k2022: GPA 3.82, xuất sắc, IELTS 6.5 dated 01/09/2024, cum. 3.85
#       XS  M, M, 6.5>=6.5 M (the window's first day counts) → chosen.   Giỏi → chosen for Xuất sắc.
#       TK  M, k2022 N, 3.85 M → not eligible: highest GPA of the major, but not the graduating cohort.
#   vo-thi-lan-anh    22CNTT1 ky-thuat: GPA 3.55, tốt; under review (dieu-tra) since 20/08/2025, still open on 20/09
#       Giỏi M, M, but barred (open investigation) → khong-duoc-xet; so she holds nothing.
#   bui-thu-trang     21NNA1 ngon-ngu, co, k2021: GPA 3.74, xuất sắc, IELTS 8.0 (12/04/2025), cum. 3.68
#       XS  M, M, 8.0>=7.5 M → chosen.   TK M, M, M; 3.68 = do-ngoc-mai's 3.68 at the cut-off of 1 → tie.
#   do-ngoc-mai       21NNA1 ngon-ngu, co, k2021: GPA 3.66, xuất sắc, IELTS 7.0 (07/06/2025), cum. 3.68
#       XS  M, M, 7.0 < 7.5 (language major) N — the same 7.0 passes nguyen-minh-khoa (6.5).   Giỏi 3.66>=3.2 M, M → chosen.
#       TK  tie with bui-thu-trang: both bang-phieu, no winner for ngon-ngu-anh, nothing broken silently.
#   ha-quang-vinh     21NNA1 co: GPA 3.70, xuất sắc; TOEIC 950 (22/03/2025, kind toeic: not counted), IELTS 7.0
#       (10/05/2025), IELTS 8.0 (05/09/2025, after the window: not counted) → best counted 7.0 < 7.5 N → not eligible.
#   ly-thi-hong       21NNA1 co: GPA 3.65, xuất sắc, no certificate at all; the register is kept up to 15/09/2025,
#       after the last counted day, so it is complete: no IELTS means the criterion is NOT MET (không đạt), exactly
#       as a count of 0 items in a complete register is; only an incomplete register leaves it unknown.
#       XS  M, M, N → not eligible.   Giỏi M, M → chosen (she did not win the higher title).
#   nong-van-tuan     21QTDL1 dich-vu, k2021: GPA 3.30, tốt; reprimanded 05/03/2024 – 31/08/2024 (register 2023 - 2024)
#       Giỏi 3.30>=3.2 (default) M, M; the case ended the day before the window → not barred → chosen.
#   luu-thi-ngoc      21QTDL1 k2021: tốt; absent from the cumulative GPA table
#       TK  tốt M, k2021 M, cumulative GPA unknown → chua-du-can-cu (never ranked, never passed).
#   trieu-van-phuc    21QTDL1: GPA 3.45, khá; reprimanded 20/02/2025 – 20/08/2025 (inside the window)
#       Giỏi 3.45>=3.2 M, khá < tốt N; barred first → khong-duoc-xet.
#
# Winners: Xuất sắc {bui-thu-trang, nguyen-minh-khoa, pham-duc-anh}; Giỏi {do-ngoc-mai, ly-thi-hong, nong-van-tuan};
# Thủ khoa: cong-nghe-thong-tin nguyen-minh-khoa (3.71) before tran-thi-thu-ha (3.52); ngon-ngu-anh tied.
#
# Classes (members on 31/08/2025; holders of Giỏi or Xuất sắc; need = ceil(10% × counted)):
#   21CNTT1  11 people, le-hoang-nam bảo lưu 17/02/2025–16/02/2026 → left out → 10 counted; holders: nguyen-minh-khoa
#            (Xuất sắc) → 1/10, need ceil(1.0) = 1 → M; Xuất sắc 1 >= 1 → M → chosen.
#            Counting the one on leave would give 11 → need 2 → not met.
#   22CNTT1  12 people, hoang-thi-my thôi học from 03/03/2025 → left out; dang-van-hieu thôi học from 10/09/2025,
#            after the last counted day → still counted → 11; holders: pham-duc-anh (Xuất sắc); vo-thi-lan-anh is barred
#            and holds nothing → 1/11, need ceil(1.1) = 2 → N; Xuất sắc 1 → M → not eligible.
#            Three naive readings would each pass it: rounding down (need 1), taking statuses on the as-of day
#            (dang-van-hieu left out: 10 → need 1), counting the barred student as a holder (2 >= 2).
#   21NNA1   4 counted; holders: bui-thu-trang (XS), do-ngoc-mai (Giỏi), ly-thi-hong (Giỏi) → 3/4, need ceil(0.4) = 1 → M;
#            Xuất sắc bui-thu-trang → M → chosen.
#   21QTDL1  3 counted; holders: nong-van-tuan (Giỏi) → 1/3, need 1 → M; no Xuất sắc → N → not eligible
#            (10% alone is not enough).
CRITERIA = {
    XS: ("cn-hoc-tap-xuat-sac", "cn-ren-luyen-xuat-sac", "cn-ngoai-ngu"),
    GIOI: ("cn-hoc-tap-gioi", "cn-ren-luyen-tot"),
    TK: ("cn-ren-luyen-tot", "cn-khoa-tot-nghiep", "cn-tich-luy-gioi"),  # plan order, not the award's list order
    TT: ("tt-ty-le-gioi-tro-len", "tt-co-sinh-vien-xuat-sac"),
}
CHOSEN_XS = "Đã được chọn cho Sinh viên Xuất sắc."
TIE = "Bằng nhau ở ngưỡng số lượng khen"  # a prefix: what follows names who decides
REGISTER_2025 = "Sổ theo dõi kỷ luật sinh viên năm học 2024 - 2025"

# nomination → (outcome, criteria states in plan order, reasons: each the beginning of the reason given)
EXPECTED: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "xs-nguyen-minh-khoa": ("duoc-chon", (M, M, M), ()),
    "xs-pham-duc-anh": ("duoc-chon", (M, M, M), ()),
    "xs-bui-thu-trang": ("duoc-chon", (M, M, M), ()),
    "xs-do-ngoc-mai": ("khong-du-dieu-kien", (M, M, N), ()),
    "xs-ha-quang-vinh": ("khong-du-dieu-kien", (M, M, N), ()),
    "xs-ly-thi-hong": ("khong-du-dieu-kien", (M, M, N), ()),  # a complete register without an IELTS: not met
    "gioi-nguyen-minh-khoa": ("da-chon-hinh-thuc-khac", (M, M), (CHOSEN_XS,)),
    "gioi-pham-duc-anh": ("da-chon-hinh-thuc-khac", (M, M), (CHOSEN_XS,)),
    "gioi-tran-thi-thu-ha": ("khong-du-dieu-kien", (N, M), ()),
    "gioi-vo-thi-lan-anh": (
        "khong-duoc-xet",
        (M, M),
        (f"Đang bị điều tra, xem xét vào ngày xét 20/09/2025 ({REGISTER_2025}); chưa xét khen thưởng.",),
    ),
    "gioi-do-ngoc-mai": ("duoc-chon", (M, M), ()),
    "gioi-ly-thi-hong": ("duoc-chon", (M, M), ()),
    "gioi-nong-van-tuan": ("duoc-chon", (M, M), ()),
    "gioi-trieu-van-phuc": ("khong-duoc-xet", (M, N), (f"Bị kỷ luật trong thời gian tính thành tích ({REGISTER_2025}).",)),
    "tk-nguyen-minh-khoa": ("duoc-chon", (M, M, M), ()),
    "tk-tran-thi-thu-ha": ("ngoai-so-luong", (M, M, M), ("Đã đủ 1 suất khen.",)),
    "tk-pham-duc-anh": ("khong-du-dieu-kien", (M, N, M), ()),
    "tk-bui-thu-trang": ("bang-phieu", (M, M, M), (TIE,)),
    "tk-do-ngoc-mai": ("bang-phieu", (M, M, M), (TIE,)),
    "tk-luu-thi-ngoc": ("chua-du-can-cu", (M, M, U), ()),
    "tt-lop-21cntt1": ("duoc-chon", (M, M), ()),
    "tt-lop-22cntt1": ("khong-du-dieu-kien", (N, M), ()),
    "tt-lop-21nna1": ("duoc-chon", (M, M), ()),
    "tt-lop-21qtdl1": ("khong-du-dieu-kien", (M, N), ()),
}
# Key parts of the criteria reasons: nomination → criterion → texts the reason contains.
REASON_PARTS: dict[str, dict[str, tuple[str, ...]]] = {
    "gioi-tran-thi-thu-ha": {"cn-hoc-tap-gioi": ("3,38 điểm (thang 4)", "dưới mức tối thiểu 3,4")},
    "gioi-nong-van-tuan": {"cn-hoc-tap-gioi": ("3,3 điểm (thang 4)",)},
    "gioi-trieu-van-phuc": {"cn-ren-luyen-tot": ("Khá", "chưa đạt mức «Tốt»")},
    "xs-nguyen-minh-khoa": {"cn-ngoai-ngu": ("Điểm IELTS cao nhất cấp trong năm học: 7 (",)},
    "xs-pham-duc-anh": {"cn-ngoai-ngu": ("Điểm IELTS cao nhất cấp trong năm học: 6,5 (",)},
    "xs-do-ngoc-mai": {"cn-ngoai-ngu": (": 7 (", "dưới mức tối thiểu 7,5")},
    "xs-ha-quang-vinh": {"cn-ngoai-ngu": (": 7 (", "dưới mức tối thiểu 7,5")},
    "tk-pham-duc-anh": {"cn-khoa-tot-nghiep": ("Khóa tuyển sinh: Khóa 2022, không thuộc Khóa 2021",)},
    "tk-luu-thi-ngoc": {"cn-tich-luy-gioi": ("chưa có kết quả",)},
    "tt-lop-21cntt1": {"tt-ty-le-gioi-tro-len": ("1/10 thành viên", "cần ít nhất 1 (10% × 10 = 1, làm tròn lên thành 1)")},
    "tt-lop-22cntt1": {
        "tt-ty-le-gioi-tro-len": ("1/11 thành viên", "cần ít nhất 2 (10% × 11 = 1,1, làm tròn lên thành 2)"),
        "tt-co-sinh-vien-xuat-sac": ("1/11 thành viên giữ", "cần ít nhất 1"),
    },
    "tt-lop-21nna1": {"tt-ty-le-gioi-tro-len": ("3/4 thành viên", "(10% × 4 = 0,4, làm tròn lên thành 1)")},
    "tt-lop-21qtdl1": {
        "tt-ty-le-gioi-tro-len": ("1/3 thành viên", "(10% × 3 = 0,3, làm tròn lên thành 1)"),
        "tt-co-sinh-vien-xuat-sac": ("0/3 thành viên giữ",),
    },
}
# (award, kind, quota, group, ranked, winners, tied), in the order awards are selected.
AWARDS = [
    (XS, "ca-nhan", 6, None, ("xs-bui-thu-trang", "xs-nguyen-minh-khoa", "xs-pham-duc-anh"), 3, ()),
    (GIOI, "ca-nhan", 8, None, ("gioi-do-ngoc-mai", "gioi-ly-thi-hong", "gioi-nong-van-tuan"), 3, ()),
    (TT, "tap-the", 4, None, ("tt-lop-21cntt1", "tt-lop-21nna1"), 2, ()),
    (TK, "ca-nhan", 1, "cong-nghe-thong-tin", ("tk-nguyen-minh-khoa", "tk-tran-thi-thu-ha"), 1, ()),
    (TK, "ca-nhan", 1, "ngon-ngu-anh", ("tk-bui-thu-trang", "tk-do-ngoc-mai"), 0, ("tk-bui-thu-trang", "tk-do-ngoc-mai")),
]
XS_HOLDER = "Thành viên giữ «Danh hiệu Sinh viên Xuất sắc năm học 2024 - 2025»"


@pytest.fixture(scope="module")
def uni_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository with the university's records laid over it."""
    return sample_tree(tmp_path_factory.mktemp("university"), "dai-hoc-danh-hieu")


@pytest.fixture(scope="module")
def registry(uni_tree: Path) -> Registry:
    return registry_from(validate_tree(uni_tree).records)


def _evaluate(registry: Registry, plan: Campaign | None = None) -> CampaignResult:
    plan = plan or registry.campaigns[CAMPAIGN]
    changed = replace(registry, campaigns={**registry.campaigns, CAMPAIGN: plan})
    return evaluate_campaign(changed, plan, dt.date.fromisoformat(AS_OF))


@pytest.fixture(scope="module")
def result(registry: Registry) -> CampaignResult:
    return _evaluate(registry)


def _evaluate_cli(root: Path, target: Path) -> str:
    """Run ``thidua --root ROOT evaluate --as-of AS_OF --output TARGET`` and return the regulation's JSON text."""
    return (evaluated(root, AS_OF, target) / f"{CAMPAIGN}.json").read_text("utf-8")


@pytest.fixture(scope="module")
def output_text(uni_tree: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    return _evaluate_cli(uni_tree, tmp_path_factory.mktemp("evaluation"))


@pytest.fixture(scope="module")
def output(output_text: str) -> dict[str, Any]:
    """The JSON that ``thidua evaluate`` writes for the regulation."""
    data: dict[str, Any] = json.loads(output_text)
    return data


@pytest.fixture(scope="module")
def site(uni_tree: Path) -> Path:
    """The site built from the repository with the university's records (same as-of date)."""
    return built(uni_tree, AS_OF)


def _criterion(result: CampaignResult, nomination: str, criterion: str) -> Any:
    return next(c.outcome for c in result.result(nomination).criteria if c.criterion == criterion)


def _section(site: Path, nomination: str) -> str:
    """The visible text of one nomination's part of the eligibility page (its heading up to the next one)."""
    source = (site / PAGE).read_text("utf-8")
    start = source.index(f'id="{nomination}"')
    ends = [i for i in (source.find("<h3", start), source.find("</article>", start)) if i != -1]
    chunk = source[source.index(">", start) + 1 : min(ends)]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", chunk)).split())


def test_the_regulation_validates(uni_tree: Path, cli: Any) -> None:
    """The repository with a regulation that has no council, no deadline and no dossier validates with no problem."""
    assert validate_tree(uni_tree).problems == []
    run = cli("--root", str(uni_tree), "validate")
    assert run.code == 0
    assert run.out.startswith("Tất cả ") and " tệp hồ sơ đều hợp lệ" in run.out.splitlines()[0]


def test_the_regulation_is_read_from_data(registry: Registry) -> None:
    """Window, attributes, criteria, awards in the record's order, how awards are held, quotas and ranking come from the record."""
    plan = registry.campaigns[CAMPAIGN]
    assert (plan.window.start, plan.window.end, plan.window.ends) == (dt.date(2024, 9, 1), dt.date(2025, 8, 31), "both")
    assert (plan.council, plan.deadline, plan.dossier, plan.tie_breakers) == (False, None, (), ())
    assert [a.id for a in plan.attributes] == ["nganh", "nhom-nganh", "chuyen-ngu", "khoa-tuyen-sinh"]
    assert [a.id for a in plan.awards] == [TT, GIOI, XS, TK]  # deliberately not in rank order
    assert (plan.together, plan.exclusive) == (((TK, XS), (TK, GIOI)), ((XS, GIOI),))
    assert [a.ranking for a in plan.awards] == ["votes", "votes", "votes", ValueRanking("diem-tich-luy", True, "nganh")]
    assert [(k, q.count, q.percent, q.of, q.rounding) for a in plan.awards for k, q in a.quota] == [
        ("tap-the", None, 100, "nominations", "down"),
        ("ca-nhan", None, 100, "nominations", "down"),
        ("ca-nhan", None, 100, "nominations", "down"),
        ("ca-nhan", 1, None, None, None),
    ]
    share = plan.criterion("tt-ty-le-gioi-tro-len")
    assert share is not None and share.rule == Members(
        "cn-gioi-tro-len", None, 10, None, "up", ("thoi-hoc", "bao-luu"), "people", "direct"
    )
    language = plan.evidence_named("chung-chi-ielts")
    assert language is not None
    assert (language.source, language.source_id, language.item_kinds, language.best) == (
        "items",
        "chung-chi-ngoai-ngu-sinh-vien",
        ("ielts",),
        True,
    )


def test_awards_are_selected_in_declared_order(registry: Registry) -> None:
    """Xuất sắc comes before Giỏi (exclusive, higher first), the class title after both (it counts their holders);
    Thủ khoa, held together with both, falls in by id: never the order the record lists them in."""
    assert [a.id for a in award_order(registry.campaigns[CAMPAIGN])] == [XS, GIOI, TT, TK]


@pytest.mark.parametrize("nomination", sorted(EXPECTED))
def test_each_nomination(result: CampaignResult, nomination: str) -> None:
    """Each nomination gets the hand-derived outcome, criterion states, reasons and key parts of the criteria reasons."""
    outcome, states, reasons = EXPECTED[nomination]
    r = result.result(nomination)
    names = CRITERIA[r.nomination.award]
    assert [(c.criterion, c.outcome.state) for c in r.criteria] == list(zip(names, states, strict=True))
    assert (r.outcome, r.points, r.vote) == (outcome, None, None)
    assert len(r.reasons) == len(reasons), r.reasons
    assert all(got.startswith(want) for got, want in zip(r.reasons, reasons, strict=True)), r.reasons
    for criterion, parts in REASON_PARTS.get(nomination, {}).items():
        reason = _criterion(result, nomination, criterion).reason
        assert all(part in reason for part in parts), reason


def test_every_nomination_is_expected(result: CampaignResult) -> None:
    """The regulation has exactly the nominations of the expected table, in id order, all counted as sent."""
    assert [r.nomination.id for r in result.nominations] == sorted(EXPECTED)
    assert {(r.dossier.timing, r.dossier.complete, r.dossier.missing) for r in result.nominations} == {("on-time", True, ())}


def test_winners_ranking_groups_and_tie(result: CampaignResult) -> None:
    """Unlimited titles take everyone eligible; Thủ khoa is ranked per major by cumulative GPA, one each, and the tie in
    Ngôn ngữ Anh is left open (no winner) rather than broken."""
    got = [(a.award, a.kind, a.quota, a.group, a.ranked, len(a.winners), a.tied) for a in result.awards]
    assert got == AWARDS
    assert [a.winners for a in result.awards] == [
        ("xs-bui-thu-trang", "xs-nguyen-minh-khoa", "xs-pham-duc-anh"),
        ("gioi-do-ngoc-mai", "gioi-ly-thi-hong", "gioi-nong-van-tuan"),
        ("tt-lop-21cntt1", "tt-lop-21nna1"),
        ("tk-nguyen-minh-khoa",),
        (),
    ]
    assert all(a.resolution is None and a.problems == () for a in result.awards)
    # Held together: the student who is Sinh viên Xuất sắc is also Thủ khoa ngành.
    won = {r.nomination.id for r in result.nominations if r.outcome == "duoc-chon"}
    assert {"xs-nguyen-minh-khoa", "tk-nguyen-minh-khoa"} <= won
    assert (result.state, result.days_left, result.meeting) == ("dang-xet", None, None)


def test_any_order_of_awards_gives_the_same_result(registry: Registry, result: CampaignResult) -> None:
    """All 24 orders of the four awards in the plan give every nomination the same outcome and reasons, and the same winners."""

    def summary(r: CampaignResult) -> tuple[object, ...]:
        return (
            {n.nomination.id: (n.outcome, n.reasons) for n in r.nominations},
            [(a.award, a.group, a.ranked, a.winners, a.tied) for a in r.awards],
        )

    plan = registry.campaigns[CAMPAIGN]
    expected = summary(result)
    orders = list(itertools.permutations(plan.awards))
    assert len(orders) == 24
    for order in orders:
        assert summary(_evaluate(registry, replace(plan, awards=order))) == expected, [a.id for a in order]


def test_a_record_with_its_awards_reordered_gives_the_same_json(
    output_text: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The campaign record with its awards block written in reverse gives a byte-identical result file."""
    root = copy_repository(tmp_path_factory.mktemp("reordered") / "repo")
    shutil.copytree(UNIVERSITY / "records", root / "records", dirs_exist_ok=True)
    path = root / "records/campaigns" / f"{CAMPAIGN}.yml"
    text = path.read_text("utf-8")
    head, rest = text.split("\nawards:\n", 1)
    block, tail = rest.split("\ncouncil: false\n", 1)
    awards = ["  - id: " + part for part in block.split("  - id: ")[1:]]
    assert [a.splitlines()[0] for a in awards] == [f"  - id: {x}" for x in (TT, GIOI, XS, TK)]
    path.write_text(head + "\nawards:\n" + "".join(reversed([a.rstrip("\n") + "\n" for a in awards])) + "council: false\n" + tail)
    assert _evaluate_cli(root, tmp_path_factory.mktemp("reordered-evaluation")) == output_text


def test_the_declared_rounding_and_exclusions_decide_two_classes(registry: Registry, result: CampaignResult) -> None:
    """Lớp 22CNTT1 fails only because 10% of 11 is rounded up to 2; Lớp 21CNTT1 passes only because the student on leave
    is left out of its denominator (10 → need 1, not 11 → need 2)."""
    plan = registry.campaigns[CAMPAIGN]

    def with_share(**changes: Any) -> Campaign:
        criteria = tuple(
            replace(c, rule=replace(c.rule, **changes)) if c.id == "tt-ty-le-gioi-tro-len" else c for c in plan.criteria
        )
        return replace(plan, criteria=criteria)

    assert (result.result("tt-lop-22cntt1").outcome, result.result("tt-lop-21cntt1").outcome) == (
        "khong-du-dieu-kien",
        "duoc-chon",
    )
    down = _evaluate(registry, with_share(rounding="down"))
    assert _criterion(down, "tt-lop-22cntt1", "tt-ty-le-gioi-tro-len").state == M
    assert "10% × 11 = 1,1, làm tròn xuống thành 1" in _criterion(down, "tt-lop-22cntt1", "tt-ty-le-gioi-tro-len").reason
    assert down.result("tt-lop-22cntt1").outcome == "duoc-chon"
    everyone = _evaluate(registry, with_share(excluding=()))
    assert _criterion(everyone, "tt-lop-21cntt1", "tt-ty-le-gioi-tro-len").reason.startswith("1/11 thành viên")
    assert everyone.result("tt-lop-21cntt1").outcome == "khong-du-dieu-kien"


def test_class_counts_explain_the_denominator_and_the_members(result: CampaignResult) -> None:
    """A class count says its denominator and who was left out (status on 31/08/2025: the student who left on 10/09/2025
    still counts), and names the members holding Xuất sắc; the student under review is not among them."""
    share = _criterion(result, "tt-lop-22cntt1", "tt-ty-le-gioi-tro-len")
    assert share.details[0] == "Mẫu số: 11 thành viên (không tính 1 thành viên: thôi học)"
    assert _criterion(result, "tt-lop-21cntt1", "tt-ty-le-gioi-tro-len").details[0] == (
        "Mẫu số: 10 thành viên (không tính 1 thành viên: bảo lưu kết quả học tập)"
    )
    assert _criterion(result, "tt-lop-21nna1", "tt-ty-le-gioi-tro-len").details[0] == "Mẫu số: 4 thành viên"
    assert _criterion(result, "tt-lop-22cntt1", "tt-co-sinh-vien-xuat-sac").details == (
        "Mẫu số: 11 thành viên (không tính 1 thành viên: thôi học)",
        f"{XS_HOLDER}: Phạm Đức Anh",
    )
    assert _criterion(result, "tt-lop-21qtdl1", "tt-co-sinh-vien-xuat-sac").details == ("Mẫu số: 3 thành viên",)


def test_a_share_counted_by_criterion_names_the_members_counted(result: CampaignResult) -> None:
    """A members count over an individual criterion says who counted, as a count over a title does ("the details say who"):
    Lớp 21NNA1's three holders are named, and in Lớp 22CNTT1 only Phạm Đức Anh, never the student under review."""
    nna = " ".join(_criterion(result, "tt-lop-21nna1", "tt-ty-le-gioi-tro-len").details)
    assert all(name in nna for name in ("Bùi Thu Trang", "Đỗ Ngọc Mai", "Lý Thị Hồng")), nna
    cntt = " ".join(_criterion(result, "tt-lop-22cntt1", "tt-ty-le-gioi-tro-len").details)
    assert "Phạm Đức Anh" in cntt and "Võ Thị Lan Anh" not in cntt, cntt


def test_the_best_certificate_is_read_in_the_window_and_of_the_kind_counted(result: CampaignResult) -> None:
    """The language criterion reads the best IELTS dated in the school year: the first day counts, a TOEIC and a
    certificate issued after 31/08/2025 do not; the same 7.0 passes a non-language major and fails a language major."""

    def best(nomination: str) -> tuple[object, ...]:
        [fact] = _criterion(result, nomination, "cn-ngoai-ngu").facts
        return fact.value, tuple(i.id for i in fact.items), fact.complete

    assert best("xs-pham-duc-anh") == (6.5, ("ielts-pham-duc-anh-2024",), True)
    assert best("xs-ha-quang-vinh") == (7.0, ("ielts-ha-quang-vinh-2025-05",), True)
    assert best("xs-nguyen-minh-khoa") == (7.0, ("ielts-nguyen-minh-khoa-2025",), True)
    assert best("xs-do-ngoc-mai") == (7.0, ("ielts-do-ngoc-mai-2025",), True)
    states = {n: _criterion(result, n, "cn-ngoai-ngu").state for n in ("xs-nguyen-minh-khoa", "xs-do-ngoc-mai")}
    assert states == {"xs-nguyen-minh-khoa": M, "xs-do-ngoc-mai": N}


def test_no_certificate_in_a_complete_register_is_not_met(result: CampaignResult) -> None:
    """The register of certificates is kept up to 15/09/2025, after the last counted day: a student with no IELTS in it
    does not meet the language criterion (không đạt), as a count of 0 items in a complete register does not."""
    finding = _criterion(result, "xs-ly-thi-hong", "cn-ngoai-ngu")
    assert finding.state == N, finding.reason
    assert result.result("xs-ly-thi-hong").outcome == "khong-du-dieu-kien"


def test_discipline_bars_only_inside_the_window_or_while_open(result: CampaignResult) -> None:
    """A reprimand inside the school year and a review still open on the as-of day bar the student; a reprimand that
    ended the day before the school year does not."""
    assert {r.nomination.id: r.blocks for r in result.nominations if r.blocks} == {
        "gioi-trieu-van-phuc": (f"Bị kỷ luật trong thời gian tính thành tích ({REGISTER_2025}).",),
        "gioi-vo-thi-lan-anh": (f"Đang bị điều tra, xem xét vào ngày xét 20/09/2025 ({REGISTER_2025}); chưa xét khen thưởng.",),
    }
    assert result.result("gioi-nong-van-tuan").blocks == ()


def test_cli_json_says_the_same(output: dict[str, Any]) -> None:
    """``thidua evaluate`` writes the same outcomes, states, reasons, counts, ranking groups, class counts and certificates."""
    assert output["campaign"] == {
        "id": CAMPAIGN,
        "name": "Xét, công nhận danh hiệu sinh viên năm học 2024 - 2025",
        "year": 2025,
        "deadline": None,
        "as_of": AS_OF,
        "state": "dang-xet",
        "days_left": None,
    }
    # 24 lines sent (no dossier: all complete); taking part: the 4 classes and the 2 faculties that sent lists.
    # Eligible = chosen 9 + chosen for a higher title 2 + beyond the quota 1 + tied 2.
    assert output["counts"] == {
        "units_taking_part": 6,
        "nominations": 24,
        "dossiers_sent": 24,
        "complete": 24,
        "eligible": 14,
        "winners": 9,
    }
    assert [(a["award"], a.get("group"), a["winners"], a["tied"]) for a in output["awards"]] == [
        (XS, None, ["xs-bui-thu-trang", "xs-nguyen-minh-khoa", "xs-pham-duc-anh"], []),
        (GIOI, None, ["gioi-do-ngoc-mai", "gioi-ly-thi-hong", "gioi-nong-van-tuan"], []),
        (TT, None, ["tt-lop-21cntt1", "tt-lop-21nna1"], []),
        (TK, "cong-nghe-thong-tin", ["tk-nguyen-minh-khoa"], []),
        (TK, "ngon-ngu-anh", [], ["tk-bui-thu-trang", "tk-do-ngoc-mai"]),
    ]
    assert output["council"] is None and output["decision"] == {"granted": [], "differences": [], "total_amount": None}
    by_id = {n["id"]: {c["id"]: c for c in n["criteria"]} for n in output["nominations"]}
    share = by_id["tt-lop-22cntt1"]["tt-ty-le-gioi-tro-len"]
    assert "cần ít nhất 2 (10% × 11 = 1,1, làm tròn lên thành 2)" in share["reason"]
    assert share["details"][0] == "Mẫu số: 11 thành viên (không tính 1 thành viên: thôi học)"
    assert by_id["tt-lop-21cntt1"]["tt-co-sinh-vien-xuat-sac"]["details"][-1] == f"{XS_HOLDER}: Nguyễn Minh Khoa"
    language = by_id["xs-ha-quang-vinh"]["cn-ngoai-ngu"]
    assert [(i["id"], i["date"], i["register"]) for i in language["items"]] == [
        ("ielts-ha-quang-vinh-2025-05", "2025-05-10", "chung-chi-ngoai-ngu-sinh-vien")
    ]
    assert [e["value"] for e in language["evidence"]] == [7.0]
    assert [i["date"] for i in by_id["xs-pham-duc-anh"]["cn-ngoai-ngu"]["items"]] == ["2024-09-01"]
    got = {n["id"]: (n["outcome"], tuple(c["state"] for c in n["criteria"])) for n in output["nominations"]}
    assert got == {ident: (outcome, states) for ident, (outcome, states, _) in EXPECTED.items()}


def test_cli_json_is_stable_and_follows_its_schema(uni_tree: Path, output_text: str, tmp_path: Path) -> None:
    """The regulation's JSON validates against schemas/result.schema.json and is byte-identical on a second run."""
    assert _evaluate_cli(uni_tree, tmp_path) == output_text
    schema = json.loads((ROOT / "schemas/result.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [e.message for e in validator.iter_errors(json.loads(output_text))] == []


def test_eligibility_page_explains_class_counts(site: Path) -> None:
    """The eligibility page shows, for each class, how many members counted out of what denominator, who was left out,
    the share and its rounding, and who holds Xuất sắc."""
    text = _section(site, "tt-lop-22cntt1")
    assert "Kết quả: Không đạt tiêu chí." in text
    assert "1/11 thành viên đạt tiêu chí «Được công nhận danh hiệu Sinh viên Giỏi hoặc Sinh viên Xuất sắc" in text
    assert "cần ít nhất 2 (10% × 11 = 1,1, làm tròn lên thành 2)" in text
    assert "Mẫu số: 11 thành viên (không tính 1 thành viên: thôi học)" in text
    assert f"{XS_HOLDER}: Phạm Đức Anh" in text
    text = _section(site, "tt-lop-21cntt1")
    assert "Kết quả: Được đề nghị khen." in text
    assert (
        "(10% × 10 = 1, làm tròn lên thành 1)" in text
        and "Mẫu số: 10 thành viên (không tính 1 thành viên: bảo lưu kết quả học tập)" in text
    )
    assert "0/3 thành viên giữ «Danh hiệu Sinh viên Xuất sắc" in _section(site, "tt-lop-21qtdl1")


def test_eligibility_page_shows_rankings_per_major_and_the_tie(site: Path) -> None:
    """The page says no council votes, ranks Thủ khoa per major, one place each, and says the two equal students in
    Ngôn ngữ Anh wait for a decision; a student barred by discipline is shown as not considered, without the case's details."""
    text = page_text(site / PAGE)
    assert "Kế hoạch không qua biểu quyết của hội đồng" in text and "Hội đồng chưa họp xét" not in text
    assert "Thủ khoa ngành: cá nhân (01 suất mỗi nhóm)" in text
    assert "Công nghệ thông tin (01 suất): Xếp hạng: 1. Nguyễn Minh Khoa; 2. Trần Thị Thu Hà." in text  # the major's name
    assert "Ngôn ngữ Anh (01 suất): Xếp hạng: 1. Bùi Thu Trang; 2. Đỗ Ngọc Mai." in text
    assert "Bùi Thu Trang, Đỗ Ngọc Mai bằng nhau" in text
    # The sentence sits inside the warning box, not as a loose paragraph after it.
    [box] = re.findall(r'<div class="admonition warning">(.*?)</div>', (site / PAGE).read_text("utf-8"), re.S)
    assert "Bùi Thu Trang, Đỗ Ngọc Mai bằng nhau; người có thẩm quyền cần quyết định." in html.unescape(box)
    assert "Xếp hạng: 1. Bùi Thu Trang; 2. Nguyễn Minh Khoa; 3. Phạm Đức Anh." in text  # Xuất sắc: all three, by name
    barred = _section(site, "gioi-vo-thi-lan-anh")
    assert "Kết quả: Không được xét." in barred
    assert "điều tra, khiếu nại (chi tiết do văn phòng lưu)" in barred and "Sổ theo dõi kỷ luật" not in barred
    assert "Đã được chọn cho Sinh viên Xuất sắc." in _section(site, "gioi-nguyen-minh-khoa")


def test_eligibility_page_names_the_certificate_counted(site: Path) -> None:
    """The page says which certificate gave the best IELTS (as the JSON lists it): Hà Quang Vinh's 7.0 of 10/05/2025,
    not the 8.0 issued after the school year; Phạm Đức Anh's 6.5 of 01/09/2024."""
    text = _section(site, "xs-ha-quang-vinh")
    assert "Chứng chỉ IELTS 7.0 (10/05/2025)" in text, text
    assert "Chứng chỉ IELTS 8.0" not in text and "TOEIC" not in text
    assert "Chứng chỉ IELTS 6.5 (01/09/2024)" in _section(site, "xs-pham-duc-anh")


def test_the_plan_page_says_who_settles_a_tie_without_a_council(site: Path) -> None:
    """The regulation has no council: its plan page says whoever has authority settles a tie on values, never the
    council, and never speaks of votes."""
    text = page_text(site / f"phong-trao/{CAMPAIGN}/index.html")
    assert "bằng nhau ở ngưỡng thì người có thẩm quyền quyết định" in text
    assert "thì hội đồng quyết định" not in text and "Bằng phiếu" not in text
