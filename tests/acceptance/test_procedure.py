"""The procedure as the law runs it (issue 14), on the seed campaign with small changes to its records; every
expectation worked out by hand from the records, never read back from the program.

Seed facts used here: the council (8 members) met on 10/12/2025 and voted Tư pháp - hộ tịch and Văn phòng - thống kê
6 each (a tie for one collective place, settled by its resolution for Tư pháp - hộ tịch) and Nguyễn Thị Lan 7; the
decision of 15/12/2025 grants both; Đỗ Văn Hải has a complaint open since 18/11/2025.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import edit, found
from samples import built
from site_text import main_html, page_text
from thidua.evaluation.evaluate import evaluate_campaign
from thidua.evaluation.results import CampaignResult
from thidua.model import registry_from
from thidua.outputs.result_json import total_amount
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


# --- 2. the proposing unit's own vote ---------------------------------------------------------------------------

LAN_FILE = f"records/nominations/{CAMPAIGN}/{LAN}.yml"
PLAN = f"records/campaigns/{CAMPAIGN}.yml"


def test_a_unit_meeting_with_one_of_three_in_favour_proposes_nobody(tree: Path) -> None:
    """Văn phòng - thống kê met with 3 present; had only 1 voted in favour, the default rule (over half of those
    present) is not reached: Nguyễn Thị Lan's dossier is not in order and she is not chosen."""
    edit(tree, LAN_FILE, "      in_favour: 3\n", "      in_favour: 1\n")
    lan = _result(tree, "2025-12-20").result(LAN)
    assert lan.outcome == "thieu-ho-so"
    assert lan.dossier.problems == (
        "Biên bản họp của cơ quan: 1/3 người dự họp đồng ý, chưa đạt trên 50% (mặc định khi kế hoạch chưa quy định).",
    )


def test_a_unit_meeting_without_a_quorum_is_not_valid(tree: Path) -> None:
    """3 present and 4 absent: 3 of 7 members is not over half, so the meeting itself was not valid."""
    edit(
        tree,
        LAN_FILE,
        "      vote_mode: gio-tay\n",
        "      absent: [chu-thi-yen, trieu-van-loc, le-van-duc, nong-thi-mai]\n      vote_mode: gio-tay\n",
    )
    assert _result(tree, "2025-12-20").result(LAN).dossier.problems == (
        "Biên bản họp của cơ quan: 3/7 thành viên dự họp, chưa quá 50% thành viên (mặc định khi kế hoạch chưa quy định), "
        "nên cuộc họp chưa hợp lệ.",
    )


def test_the_plan_sets_the_unit_vote_rule(tree: Path) -> None:
    """The plan asks for at least 75% of those present: 3 of 3 passes, 2 of 3 (66,7%) does not."""
    rule = 'unit_vote: {threshold_percent: 75, inclusive: true, basis: "Quy chế thi đua, khen thưởng của UBND xã"}\n'
    edit(tree, PLAN, "\ndossier:\n", f"\n{rule}dossier:\n")
    assert _result(tree, "2025-12-20").result(LAN).dossier.problems == ()
    edit(tree, LAN_FILE, "      in_favour: 3\n", "      in_favour: 2\n")
    assert _result(tree, "2025-12-20").result(LAN).dossier.problems == (
        "Biên bản họp của cơ quan: 2/3 người dự họp đồng ý, chưa đạt từ 75% (kế hoạch quy định).",
    )


# --- 3. who signs the Tờ trình -----------------------------------------------------------------------------------

PROPOSAL_SIGNER = "    signer:\n      person: dang-thi-thu-huong\n      title: PHỤ TRÁCH BỘ PHẬN\n"


def _proposal_signed_by(tree: Path, person: str, position: str | None = None) -> tuple[str, ...]:
    said = f"\n      position: {position}" if position else ""
    edit(tree, LAN_FILE, PROPOSAL_SIGNER, PROPOSAL_SIGNER.replace("dang-thi-thu-huong", person + said))
    return _result(tree, "2025-12-20").result(LAN).dossier.problems


def test_a_nominee_never_signs_her_own_proposal(tree: Path) -> None:
    """Nguyễn Thị Lan, of the proposing unit, signing the Tờ trình that proposes her: refused, even as "KT."."""
    assert _proposal_signed_by(tree, "nguyen-thi-lan", "KT. Phụ trách bộ phận") == (
        "Tờ trình khen thưởng của cơ quan không được do chính người được đề nghị ký; cấp phó ký thay (KT.) thủ trưởng đơn vị.",
    )


def test_a_member_signs_the_proposal_only_for_the_head(tree: Path) -> None:
    """Hoàng Văn Nam, of the unit but not its head, may sign only "KT." or "TL." the head (Đặng Thị Thu Hương)."""
    assert _proposal_signed_by(tree, "hoang-van-nam") == (
        "Tờ trình khen thưởng của cơ quan phải do thủ trưởng đơn vị đề nghị (Đặng Thị Thu Hương) ký, hoặc người của đơn vị "
        "ký thay (KT.), thừa lệnh (TL.); người ký Hoàng Văn Nam không phải.",
    )


def test_a_member_signing_for_the_head_is_in_order(tree: Path) -> None:
    assert _proposal_signed_by(tree, "hoang-van-nam", "TL. Phụ trách bộ phận - Nhân viên văn thư") == ()


# --- 6 and 13. dates, authority, quorum and members standing aside: validation errors at their line -----------------

DECISION = f"records/decisions/{CAMPAIGN}/qd-khen-thuong-2025.yml"
PRESENT = """present:
  - truong-anh-tu
  - ha-van-thang
  - dang-thi-thu-huong
  - ma-van-hung
  - la-thi-nhung
  - hoang-van-tien
  - bui-van-chien
absent:
  - ly-van-quang
"""


def test_a_session_of_three_members_out_of_eight_cannot_vote(tree: Path) -> None:
    """3 of the council's 8 members present is not over half (the default, the council's regulation being silent)."""
    three = "present:\n  - truong-anh-tu\n  - ha-van-thang\n  - dang-thi-thu-huong\nabsent:\n" + "".join(
        f"  - {p}\n" for p in ("ma-van-hung", "la-thi-nhung", "hoang-van-tien", "bui-van-chien", "ly-van-quang")
    )
    edit(tree, MEETING, PRESENT, three)
    problems = [(line, code, message) for line, _, code, message in found(tree, MEETING) if code == "quorum"]
    assert problems == [
        (
            11,
            "quorum",
            "Phiên họp chỉ có 3/8 thành viên dự, chưa quá 50% thành viên hội đồng (mặc định khi quy chế hội đồng chưa ghi), "
            "nên không được biểu quyết; hãy kiểm tra danh sách có mặt hoặc họp lại.",
        )
    ]


def test_a_session_before_the_deadline_is_refused(tree: Path) -> None:
    """The council met on 05/12/2025, the last day dossiers may still be sent."""
    edit(tree, MEETING, "\ndate: 2025-12-10\n", "\ndate: 2025-12-05\n")
    assert ("session-before-deadline", 8) in [(code, line) for line, _, code, _ in found(tree, MEETING)]


def test_a_vote_on_a_dossier_sent_after_the_session_is_refused(tree: Path) -> None:
    """Đinh Văn Cường's dossier recorded as sent on 11/12/2025, a day after the council voted on it."""
    edit(
        tree,
        f"records/nominations/{CAMPAIGN}/ca-nhan-dinh-van-cuong.yml",
        "2025-12-08T08:30:00+07:00",
        "2025-12-11T08:30:00+07:00",
    )
    [(line, _, code, message)] = [p for p in found(tree, MEETING) if p[2] == "vote-before-sent"]
    assert (line, message) == (
        38,
        "Hồ sơ «ca-nhan-dinh-van-cuong» nộp sau phiên họp ngày 10/12/2025; hội đồng không thể đã biểu quyết hồ sơ đó.",
    )


def test_a_decision_before_the_session_is_refused(tree: Path) -> None:
    edit(tree, DECISION, "date: 2025-12-15\n", "date: 2025-12-09\n")
    assert found(tree, DECISION) == [
        (
            8,
            7,
            "decision-before-session",
            "Quyết định ký ngày 09/12/2025, trước phiên họp ngày 10/12/2025 của hội đồng xét các hồ sơ này; hãy kiểm tra ngày.",
        )
    ]


def test_a_vice_chair_signs_the_decision_only_for_the_chair(tree: Path) -> None:
    """Hà Văn Thắng (Phó Chủ tịch) signing as himself is refused; signing "KT. Chủ tịch" is in order."""
    edit(
        tree,
        DECISION,
        "  person: truong-anh-tu\n  position: Chủ tịch UBND xã\n",
        "  person: ha-van-thang\n  position: Phó Chủ tịch UBND xã\n",
    )
    assert found(tree, DECISION) == [
        (
            9,
            1,
            "signer-authority",
            "Quyết định phải do Trương Anh Tú ký, hoặc cấp phó ký thay (chức vụ ghi «KT. …», ví dụ KT. CHỦ TỊCH); "
            "người ký Hà Văn Thắng không ghi ký thay.",
        )
    ]
    edit(tree, DECISION, "  position: Phó Chủ tịch UBND xã\n", "  position: KT. Chủ tịch - Phó Chủ tịch UBND xã\n")
    assert found(tree, DECISION) == []


def test_a_nominated_member_stands_aside_on_her_own_dossier(tree: Path) -> None:
    """La Thị Nhung, a council member present, nominated herself: once her dossier is sent and voted on, the minutes
    must record that she did not vote on it; recorded, it is in order."""
    nomination = f"records/nominations/{CAMPAIGN}/ca-nhan-la-thi-nhung.yml"
    edit(tree, nomination, "\nnominee:", "\nsubmitted_at: 2025-12-04T10:00:00+07:00\nnominee:")
    edit(tree, MEETING, "votes:\n", "votes:\n  - nomination: ca-nhan-la-thi-nhung\n    in_favour: 5\n")
    assert [(code, line) for line, _, code, _ in found(tree, MEETING)] == [("aside-missing", 26)]
    edit(tree, MEETING, "votes:\n", "recusals:\n  - {person: la-thi-nhung, nomination: ca-nhan-la-thi-nhung}\nvotes:\n")
    assert found(tree, MEETING) == []


def test_a_member_standing_aside_is_not_counted_among_those_voting(tree: Path) -> None:
    """With a council counting those present, La Thị Nhung standing aside on her own dossier leaves 6 of the 7 present
    voting on it: 5 in favour is 5/6."""
    edit(tree, "records/councils/hoi-dong-tdkt-xa-kim-phuong.yml", "  denominator: members\n", "  denominator: present\n")
    nomination = f"records/nominations/{CAMPAIGN}/ca-nhan-la-thi-nhung.yml"
    edit(tree, nomination, "\nnominee:", "\nsubmitted_at: 2025-12-04T10:00:00+07:00\nnominee:")
    edit(
        tree,
        MEETING,
        "votes:\n",
        "recusals:\n  - {person: la-thi-nhung, nomination: ca-nhan-la-thi-nhung}\nvotes:\n"
        "  - nomination: ca-nhan-la-thi-nhung\n    in_favour: 5\n",
    )
    vote = _result(tree, "2025-12-20").result("ca-nhan-la-thi-nhung").vote
    assert vote is not None and (vote.in_favour, vote.denominator) == (5, 6)


# --- 7. what is dated after the day of evaluation is not known yet ----------------------------------------------------


def test_a_discipline_decided_after_the_day_of_evaluation_is_not_known_yet(tree: Path) -> None:
    """Vũ Văn Long (Văn hóa - xã hội) is reprimanded by a decision of 14/08/2025: evaluated on 13/08 the unit has no
    member disciplined (nothing known yet); on 20/12 it has one."""

    def state(as_of: str) -> str:
        unit = _result(tree, as_of).result("tap-the-van-hoa-xa-hoi")
        return next(c.outcome.state for c in unit.criteria if c.criterion == "tt-ky-cuong-hanh-chinh")

    assert (state("2025-08-13"), state("2025-12-20")) == ("met", "not-met")


def test_each_criterion_cites_the_decision_behind_its_rating(tree: Path) -> None:
    """Every criterion line read from a rating names the decision that made it (number and date)."""
    lan = _result(tree, "2025-12-20").result(LAN)
    assert "theo Quyết định số 198/QĐ-UBND ngày 03/12/2025)" in lan.criteria[0].outcome.reason


# --- 8. ratings consistent with discipline -----------------------------------------------------------------------


def test_a_disciplined_official_rated_above_not_completing_is_refused(tree: Path) -> None:
    """Vũ Văn Long, reprimanded on 14/08/2025, rated «Hoàn thành nhiệm vụ» for 2025: refused at the value, citing the
    scale's basis."""
    rating = "records/ratings/xep-loai-ca-nhan-2025.yml"
    edit(
        tree,
        rating,
        "  - subject: vu-van-long\n    value: khong-hoan-thanh-nhiem-vu\n",
        "  - subject: vu-van-long\n    value: hoan-thanh-nhiem-vu\n",
    )
    assert found(tree, rating) == [
        (
            40,
            12,
            "rating-disciplined",
            "Xếp loại «Hoàn thành nhiệm vụ» cho người bị kỷ luật ngày 14/08/2025 (Sổ theo dõi kỷ luật, kỷ cương hành chính năm "
            "2025); theo Nghị định 90/2020/NĐ-CP, người bị kỷ luật trong năm không được xếp trên «Không hoàn thành nhiệm vụ». "
            "Hãy kiểm tra lại.",
        )
    ]


# --- 12. amounts -------------------------------------------------------------------------------------------------


def test_a_decision_writes_the_money_its_award_carries(tree: Path) -> None:
    """The Giấy khen carries 0,3 (individual) and 0,6 (collective) times the base salary in force on the decision's day
    (2.340.000 đồng): 702.000 and 1.404.000 đồng; a different sum, or none, is refused at its line."""
    edit(tree, DECISION, "    amount: 702000\n", "    amount: 700000\n")
    assert found(tree, DECISION) == [
        (
            21,
            13,
            "amount-mismatch",
            "Số tiền 700.000 đồng khác mức tính được 702.000 đồng (0,3 × 2.340.000 đồng (Mức lương cơ sở), áp dụng ngày "
            "15/12/2025); hãy kiểm tra lại.",
        )
    ]
    edit(tree, DECISION, "    amount: 700000\n", "")
    assert [(code, line) for line, _, code, _ in found(tree, DECISION)] == [("amount-missing", 19)]


def test_the_campaign_totals_the_money_of_its_decisions(tree: Path) -> None:
    """702.000 + 1.404.000 = 2.106.000 đồng granted by the decision of 15/12/2025."""
    result = _result(tree, "2025-12-20")
    assert sorted(g.amount for g in result.granted) == [702000, 1404000]
    assert total_amount(result) == 2106000


def test_a_new_base_salary_applies_from_its_day(tree: Path) -> None:
    """A later text raising the base salary from 01/12/2025 (a test figure, 2.500.000 đồng) changes the money of a
    decision signed after that day: 750.000 đồng for an individual, so the decision's 702.000 is refused."""
    (tree / "records/laws/nghi-dinh-thu-nghiem-2025.yml").write_text(
        "id: nghi-dinh-thu-nghiem-2025\nkind: Nghị định\nnumber: 999/2025/NĐ-CP\nname: Văn bản thử nghiệm\n"
        "issued: 2025-11-01\neffective_from: 2025-12-01\nsets:\n  - id: luong-co-so\n    name: Mức lương cơ sở\n"
        "    value: 2500000\n    unit: đồng/tháng\n    from: 2025-12-01\n    checked: false\n",
        "utf-8",
    )
    messages = [message for _, _, code, message in found(tree, DECISION) if code == "amount-mismatch"]
    assert "Số tiền 702.000 đồng khác mức tính được 750.000 đồng" in messages[-1]


# --- 11. public posting before the decision --------------------------------------------------------------------------

POSTING = f"records/postings/{CAMPAIGN}/cong-khai-2025.yml"


def _posting(tree: Path, posted: str, nominations: tuple[str, ...], comments: str = "") -> None:
    """The plan posts its list for 5 days (opinions to Văn phòng - thống kê); the list posted on ``posted``."""
    rule = "posting: {days: 5, where: Bảng tin UBND xã và Trang thông tin điện tử xã, receiver: van-phong-thong-ke}\n"
    edit(tree, PLAN, "\ndossier:\n", f"\n{rule}dossier:\n")
    listed = "".join(f"  - {n}\n" for n in nominations)
    (tree / POSTING).parent.mkdir(parents=True, exist_ok=True)
    (tree / POSTING).write_text(
        f"id: cong-khai-2025\ncampaign: {CAMPAIGN}\ndate: {posted}\nnominations:\n{listed}{comments}fictional: true\n", "utf-8"
    )


def test_a_decision_signed_while_opinions_are_taken_is_refused(tree: Path) -> None:
    """Posted on 11/12/2025 for 5 days: opinions until the end of 15/12; the decision of 15/12 is one day early."""
    _posting(tree, "2025-12-11", ("tap-the-tu-phap-ho-tich", LAN))
    assert found(tree, DECISION) == [
        (
            8,
            7,
            "decision-in-posting",
            "Quyết định ký ngày 15/12/2025, khi danh sách công khai từ 11/12/2025 còn nhận ý kiến đến hết ngày 15/12/2025; "
            "hãy ký sau thời gian lấy ý kiến.",
        )
    ]


def test_a_dossier_granted_without_being_posted_is_refused(tree: Path) -> None:
    """Posted on 10/12 with Tư pháp - hộ tịch only: the decision of 15/12 may grant it, not Nguyễn Thị Lan."""
    _posting(tree, "2025-12-10", ("tap-the-tu-phap-ho-tich",))
    assert [(line, code) for line, _, code, _ in found(tree, DECISION)] == [(20, "decision-unposted")]


def test_the_posting_page_shows_the_window_the_list_and_the_opinions(tree: Path) -> None:
    """The page says where and how long the list is posted, whom to send opinions to, the list, and each opinion with
    its answer; an opinion about a dossier not on the list, or answered before it came, is refused."""
    comments = (
        "comments:\n  - received: 2025-12-11\n    about: ca-nhan-nguyen-thi-lan\n"
        "    text: Đề nghị làm rõ số hồ sơ trực tuyến của Bộ phận Một cửa.\n"
        "    answer: {date: 2025-12-12, text: Số liệu lấy từ báo cáo của Bộ phận Một cửa đến ngày 30/11/2025.}\n"
    )
    _posting(tree, "2025-12-10", ("tap-the-tu-phap-ho-tich", LAN), comments)
    assert found(tree, POSTING) == []
    site = built(tree, "2025-12-20")
    text = page_text(site / f"phong-trao/{CAMPAIGN}/cong-khai/index.html")
    for part in (
        "công khai tại Bảng tin UBND xã và Trang thông tin điện tử xã trong 5 ngày",
        "gửi ý kiến bằng văn bản hoặc trực tiếp tới Văn phòng - thống kê",
        "Nhận ý kiến đến hết ngày 14/12/2025; đã hết thời gian nhận ý kiến.",
        "Nguyễn Thị Lan (minh họa) Giấy khen của Chủ tịch UBND xã Văn phòng - thống kê",
        "Ngày 11/12/2025, về hồ sơ của Nguyễn Thị Lan: Đề nghị làm rõ số hồ sơ trực tuyến",
        "Trả lời ngày 12/12/2025: Số liệu lấy từ báo cáo",
    ):
        assert part in text, part
    edit(tree, POSTING, "about: ca-nhan-nguyen-thi-lan", "about: ca-nhan-pham-thi-hoa")
    edit(tree, POSTING, "date: 2025-12-12", "date: 2025-12-09")
    assert [code for _, _, code, _ in found(tree, POSTING)] == ["not-posted", "date-order"]


# --- the citizens' page: each step in plain words with its legal basis, read from records/laws ------------------------

STEPS = (
    "Bình xét tại đơn vị",
    "Lập hồ sơ đề nghị",
    "Nộp hồ sơ đúng hạn",
    "Điều kiện để được xét",
    "Xét tiêu chí theo kết quả chính thức",
    "Mỗi thành tích chỉ khen một lần",
    "Hội đồng Thi đua - Khen thưởng họp xét",
    "Chọn trong số lượng khen",
    "Công khai danh sách, lấy ý kiến",
    "Quyết định khen thưởng",
    "Tiền thưởng",
    "Hủy bỏ khen thưởng khi gian dối",
)


def _section(text: str, step: int) -> str:
    """The text of step ``step`` (1-based) of the page, up to the next step."""
    start = text.index(f"{step}. {STEPS[step - 1]}")
    end = text.index(f"{step + 1}. {STEPS[step]}") if step < len(STEPS) else len(text)
    return text[start:end]


def test_the_citizens_page_gives_each_step_its_legal_basis_from_the_law_records(tree: Path) -> None:
    """The steps in order; the dossier step cites Luật 06/2022/QH15 Điều 84 and Nghị định 30/2020 (KT.), both marked
    unverified as their records say; the deadline and the quota rest on the plan; no field name, command or YAML."""
    site = built(tree, "2025-12-20")
    page = site / "cach-xet-chon/index.html"
    text = page_text(page)
    positions = [text.index(f"{i}. {label}") for i, label in enumerate(STEPS, 1)]
    assert positions == sorted(positions)
    dossier = _section(text, 2)
    assert (
        "Luật số 06/2022/QH15 (Luật Thi đua, khen thưởng), Điều 84 (Chương IV): Hồ sơ đề nghị khen thưởng gồm tờ trình" in dossier
    )
    assert "Nghị định số 30/2020/NĐ-CP (Về công tác văn thư), Điều 13 (ký ban hành văn bản)" in dossier
    assert dossier.count("(chưa kiểm chứng điều, khoản với văn bản gốc)") == 2
    assert "Khi không qua: Thiếu hồ sơ." in dossier
    assert "Căn cứ: kế hoạch phát động của từng phong trào." in _section(text, 3)
    assert "Căn cứ: kế hoạch phát động của từng phong trào." in _section(text, 8)
    assert "Chưa xét khen thưởng đối với cá nhân, tập thể đang bị xem xét kỷ luật" in _section(text, 4)
    main = main_html(page)
    for technical in ("<code", "thidua ", "submitted_at", "unit_vote", "records/", ".yml", "provisions"):
        assert technical not in main, technical


def test_a_provision_is_data_and_a_text_out_of_force_is_not_cited(tree: Path) -> None:
    """A checked provision added to the Law's record shows on its step without the unverified mark; one added to
    Nghị định 98/2023 (out of force from 01/07/2025) is not cited on a page built on 20/12/2025; a step left without
    any provision says so instead of inventing one."""
    edit(
        tree,
        "records/laws/luat-thi-dua-khen-thuong-2022.yml",
        "provisions:\n",
        "provisions:\n  - id: cong-khai-thu\n    article: Điều thử\n    says: Danh sách được công khai trước khi quyết định.\n"
        "    steps: [cong-khai]\n    checked: true\n",
    )
    edit(
        tree,
        "records/laws/nghi-dinh-98-2023.yml",
        "replaced_by: nghi-dinh-152-2025\n",
        "replaced_by: nghi-dinh-152-2025\nprovisions:\n  - id: cu\n    article: Điều cũ\n    says: Quy định đã hết hiệu lực.\n"
        "    steps: [cong-khai]\n    checked: true\n",
    )
    text = page_text(built(tree, "2025-12-20") / "cach-xet-chon/index.html")
    posting = _section(text, 9)
    assert "Luật số 06/2022/QH15 (Luật Thi đua, khen thưởng), Điều thử: Danh sách được công khai trước khi quyết định." in posting
    assert "Điều thử: Danh sách được công khai trước khi quyết định. (chưa kiểm chứng" not in posting
    assert "Quy định đã hết hiệu lực" not in text
    edit(tree, "records/laws/nghi-dinh-152-2025.yml", "steps: [dieu-kien-duoc-xet]", "steps: [huy-bo]")
    conditions = _section(page_text(built(tree, "2025-12-20") / "cach-xet-chon/index.html"), 4)
    assert "chưa có văn bản nào trong hồ sơ ghi quy định cho bước này" in conditions


def test_a_provision_naming_an_unknown_step_is_refused(tree: Path) -> None:
    edit(tree, "records/laws/nghi-dinh-73-2024.yml", "steps: [tien-thuong]", "steps: [tien-thuong, tien-phat]")
    problems = found(tree, "records/laws/nghi-dinh-73-2024.yml")
    assert [(line, code) for line, _, code, _ in problems] == [(23, "enum")]
