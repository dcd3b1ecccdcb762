"""The procedure as the law runs it (issue 14), on the seed campaign with small changes to its records; every
expectation worked out by hand from the records, never read back from the program.

Seed facts used here: the council (8 members) met on 10/12/2025 and voted Tư pháp - hộ tịch and Văn phòng - thống kê
6 each (a tie for one collective place, settled by its resolution for Tư pháp - hộ tịch) and Nguyễn Thị Lan 7; the
decision of 15/12/2025 grants both; Đỗ Văn Hải has a complaint open since 18/11/2025.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import edit
from thidua.evaluation.evaluate import evaluate_campaign
from thidua.evaluation.results import CampaignResult
from thidua.model import registry_from
from thidua.records.validate import validate_tree

CAMPAIGN = "chung-tay-cchc-2025"
DISCIPLINE = "records/discipline/ky-luat-2025.yml"
MEETING = f"records/meetings/{CAMPAIGN}/xet-khen-thuong-2025.yml"
LAN = "ca-nhan-nguyen-thi-lan"


def _result(root: Path, as_of: str) -> CampaignResult:
    checked = validate_tree(root)
    assert [(p.file, p.line, p.code, p.message) for p in checked.problems] == []
    registry = registry_from(checked.records)
    return evaluate_campaign(registry, registry.campaigns[CAMPAIGN], dt.date.fromisoformat(as_of))


def _complaint(root: Path, start: str, end: str | None) -> None:
    """A complaint about Nguyễn Thị Lan from ``start`` to ``end`` (open if None), in the discipline register."""
    until = f"\n    to: {end}" if end else ""
    edit(
        root,
        DISCIPLINE,
        "fictional: true\n",
        f"  - person: nguyen-thi-lan\n    kind: khieu-nai\n    from: {start}{until}\nfictional: true\n",
    )


# --- 1. complaints and investigations on the days the award is decided ---------------------------------------------


def test_a_complaint_open_on_the_council_day_bars_the_award_even_once_closed(tree: Path) -> None:
    """Open from 20/11 to 20/12/2025: open on the council's day (10/12) and the decision's (15/12), so evaluated on
    31/12, when it is closed, Nguyễn Thị Lan is still not to be awarded."""
    _complaint(tree, "2025-11-20", "2025-12-20")
    lan = _result(tree, "2025-12-31").result(LAN)
    assert lan.outcome == "khong-duoc-xet"
    assert lan.personal == (
        "Đang có khiếu nại, tố cáo chưa giải quyết vào ngày hội đồng họp 10/12/2025, ngày quyết định 15/12/2025 "
        "(Sổ theo dõi kỷ luật, kỷ cương hành chính năm 2025); chưa xét khen thưởng.",
    )


def test_a_complaint_filed_after_the_decision_does_not_undo_it(tree: Path) -> None:
    """Filed on 16/12/2025, after the decision of 15/12 and still open on 31/12: the award was decided before it; it
    stands (a revocation would be its own decision)."""
    _complaint(tree, "2025-12-16", None)
    assert _result(tree, "2025-12-31").result(LAN).outcome == "duoc-chon"


def test_a_complaint_open_now_bars_an_award_still_to_be_decided(tree: Path) -> None:
    """Before the decision (evaluated on 12/12), a complaint filed on 11/12, after the council met, bars the award:
    the decision is still to come."""
    _complaint(tree, "2025-12-11", None)
    lan = _result(tree, "2025-12-12").result(LAN)
    assert lan.outcome == "khong-duoc-xet"
    assert "vào ngày xét 12/12/2025" in lan.personal[0]


# --- 4. several council sessions --------------------------------------------------------------------------------


SECOND_SESSION = """id: xet-lai-bang-phieu-2025
campaign: chung-tay-cchc-2025
council: hoi-dong-tdkt-xa-kim-phuong
date: 2025-12-12
chair: truong-anh-tu
secretary: dang-thi-thu-huong
present: [truong-anh-tu, ha-van-thang, dang-thi-thu-huong, ma-van-hung, la-thi-nhung, hoang-van-tien]
absent: [bui-van-chien, ly-van-quang]
votes:
  - nomination: tap-the-van-phong-thong-ke
    in_favour: 4
  - nomination: tap-the-tu-phap-ho-tich
    in_favour: 5
fictional: true
"""


def test_a_second_session_revoting_the_tie_leaves_the_other_votes_standing(tree: Path) -> None:
    """A session on 12/12 re-votes only the two tied collectives (5 and 4 of 8): Tư pháp - hộ tịch now wins on votes,
    and Nguyễn Thị Lan keeps her 7 votes of 10/12; each vote says the session it comes from."""
    (tree / f"records/meetings/{CAMPAIGN}/xet-lai-bang-phieu-2025.yml").write_text(SECOND_SESSION, "utf-8")
    result = _result(tree, "2025-12-20")
    lan, tu_phap, van_phong = (result.result(n) for n in (LAN, "tap-the-tu-phap-ho-tich", "tap-the-van-phong-thong-ke"))
    assert (lan.outcome, lan.vote.in_favour, lan.vote.session) == ("duoc-chon", 7, "xet-khen-thuong-2025")  # type: ignore[union-attr]
    assert (tu_phap.vote.in_favour, tu_phap.vote.session) == (5, "xet-lai-bang-phieu-2025")  # type: ignore[union-attr]
    assert (tu_phap.outcome, van_phong.outcome) == ("duoc-chon", "khong-du-phieu")
    assert [m.id for m in result.sessions] == ["xet-khen-thuong-2025", "xet-lai-bang-phieu-2025"]
