"""Checks across records: references, membership, the campaign's own rules, files and folders."""

from __future__ import annotations

from pathlib import Path

from conftest import edit, found, problems_in, write
from thidua.problems import Problem

CAMPAIGN = "records/campaigns/chung-tay-cchc-2025.yml"
PERSON = "records/people/nguyen-thi-lan.yml"
RATING = "records/ratings/xep-loai-ca-nhan-2025.yml"
COUNCIL = "records/councils/hoi-dong-tdkt-xa-kim-phuong.yml"
REPORT = "records/reports/chung-tay-cchc-2025/van-phong-thong-ke.yml"
NOMINATION = "records/nominations/chung-tay-cchc-2025/ca-nhan-nguyen-thi-lan.yml"
MEETING = "records/meetings/chung-tay-cchc-2025/xet-khen-thuong-2025.yml"
DECISION = "records/decisions/chung-tay-cchc-2025/qd-khen-thuong-2025.yml"

FILES = "records/files/chung-tay-cchc-2025/ca-nhan-nguyen-thi-lan"
MEETING_BLOCK = """\
    meeting:
      chair: dang-thi-thu-huong
      secretary: hoang-van-nam
      present:
        - dang-thi-thu-huong
        - nguyen-thi-lan
        - hoang-van-nam
      vote_mode: gio-tay
      in_favour: 3
      voters: 3
"""


def add_second_campaign(root: Path) -> None:
    """A second, valid campaign chung-tay-cchc-2026, copied from the 2025 plan."""
    text = (root / CAMPAIGN).read_text("utf-8").replace("id: chung-tay-cchc-2025\n", "id: chung-tay-cchc-2026\n")
    write(root, "records/campaigns/chung-tay-cchc-2026.yml", text)


def test_repository_records_validate_without_problems(tree: Path) -> None:
    """The records shipped in the repository have no problem at all."""
    assert problems_in(tree) == []


# --- references ---------------------------------------------------------------


def test_unknown_unit_with_a_close_match_is_suggested(tree: Path) -> None:
    """A person's unit that does not exist is reported with the closest unit id."""
    edit(tree, PERSON, "unit: van-phong-thong-ke\n", "unit: van-phong-thong-ki\n")
    assert found(tree, PERSON) == [
        (
            5,
            7,
            "unknown-reference",
            "Không tìm thấy đơn vị «van-phong-thong-ki» trong records/units. Có phải ý bạn là «van-phong-thong-ke»?",
        ),
    ]


def test_unknown_unit_without_a_close_match_says_where_to_add_it(tree: Path) -> None:
    """A unit id close to nothing is reported with the file that would define it."""
    edit(tree, PERSON, "unit: van-phong-thong-ke\n", "unit: phong-noi-vu\n")
    assert found(tree, PERSON) == [
        (
            5,
            7,
            "unknown-reference",
            "Không tìm thấy đơn vị «phong-noi-vu» trong records/units. "
            "Hãy kiểm tra mã, hoặc thêm tệp records/units/phong-noi-vu.yml.",
        ),
    ]


def test_unknown_person_is_reported_with_a_suggestion(tree: Path) -> None:
    """A nominee who is not in records/people is reported at the nominee with the closest person id."""
    edit(tree, NOMINATION, "nominee:\n  person: nguyen-thi-lan\n", "nominee:\n  person: nguyen-thi-lam\n")
    assert found(tree, NOMINATION) == [
        (
            7,
            11,
            "unknown-reference",
            "Không tìm thấy cá nhân «nguyen-thi-lam» trong records/people. Có phải ý bạn là «nguyen-thi-lan»?",
        ),
    ]


def test_unknown_campaign_is_reported_with_a_suggestion(tree: Path) -> None:
    """A report in a folder of a campaign that does not exist is reported at the start of the record."""
    text = (tree / REPORT).read_text("utf-8").replace("campaign: chung-tay-cchc-2025\n", "campaign: chung-tay-cchc-2024\n")
    moved = "records/reports/chung-tay-cchc-2024/van-phong-thong-ke.yml"
    write(tree, moved, text)
    assert found(tree, moved) == [
        (
            1,
            1,
            "unknown-campaign-folder",
            "Thư mục «chung-tay-cchc-2024» trong records/reports không phải mã phong trào nào; hãy chuyển tệp vào "
            "records/reports/<mã phong trào>/ (đang có: chung-tay-cchc-2025).",
        ),
        (
            4,
            11,
            "unknown-reference",
            "Không tìm thấy kế hoạch «chung-tay-cchc-2024» trong records/campaigns. Có phải ý bạn là «chung-tay-cchc-2025»?",
        ),
    ]


def test_unknown_award_is_reported_with_a_suggestion(tree: Path) -> None:
    """An award that the campaign does not offer is reported with the awards and the closest one."""
    edit(tree, NOMINATION, "award: giay-khen-chu-tich-ubnd-xa\n", "award: giay-khen-chu-tich-xa\n")
    assert found(tree, NOMINATION) == [
        (
            5,
            8,
            "unknown-award",
            "«giay-khen-chu-tich-xa» không phải hình thức khen thưởng của phong trào «chung-tay-cchc-2025»; "
            "hãy chọn một trong: giay-khen-chu-tich-ubnd-xa. Có phải ý bạn là «giay-khen-chu-tich-ubnd-xa»?",
        ),
    ]


def test_unknown_rating_is_reported_with_a_suggestion(tree: Path) -> None:
    """An evidence source naming a rating that does not exist is reported with the closest rating id."""
    edit(tree, CAMPAIGN, "source: {rating: xep-loai-tap-the-2025}", "source: {rating: xep-loai-tap-the-2024}")
    assert found(tree, CAMPAIGN) == [
        (
            68,
            22,
            "unknown-reference",
            "Không tìm thấy bảng xếp loại «xep-loai-tap-the-2024» trong records/ratings. Có phải ý bạn là «xep-loai-tap-the-2025»?",
        ),
    ]


def test_unknown_law_is_reported_with_a_suggestion(tree: Path) -> None:
    """A legal basis naming a law that does not exist is reported with the closest law id."""
    edit(tree, CAMPAIGN, "  - law: nghi-dinh-152-2025\n", "  - law: nghi-dinh-152-2024\n")
    assert found(tree, CAMPAIGN) == [
        (
            28,
            10,
            "unknown-reference",
            "Không tìm thấy văn bản pháp luật «nghi-dinh-152-2024» trong records/laws. Có phải ý bạn là «nghi-dinh-152-2025»?",
        ),
    ]


# --- nominations ---------------------------------------------------------------


def test_nominated_person_outside_the_proposing_unit_is_reported(tree: Path) -> None:
    """A person can only be proposed by the unit they belong to."""
    edit(tree, NOMINATION, "proposed_by: van-phong-thong-ke\n", "proposed_by: tu-phap-ho-tich\n")
    edit(tree, NOMINATION, "achievements:\n  - vp-mot-cua-dung-han\n  - vp-ho-so-truc-tuyen\n", "")
    assert found(tree, NOMINATION) == [
        (
            8,
            14,
            "person-not-in-unit",
            "«Nguyễn Thị Lan» thuộc đơn vị «van-phong-thong-ke», không thuộc «tu-phap-ho-tich»; "
            "hãy ghi proposed_by: van-phong-thong-ke, hoặc sửa đơn vị của người đó trong records/people.",
        ),
    ]


def test_document_type_not_in_the_dossier_is_reported(tree: Path) -> None:
    """A document whose type is not in the campaign's dossier is reported with the dossier's types."""
    edit(tree, NOMINATION, "  - type: bao-cao-thanh-tich\n", "  - type: quyet-dinh\n")
    assert found(tree, NOMINATION) == [
        (
            38,
            11,
            "unknown-document",
            "«quyet-dinh» không phải văn bản trong hồ sơ của phong trào; "
            "hãy chọn một trong: to-trinh, bien-ban-hop, bao-cao-thanh-tich.",
        ),
    ]


def test_minutes_without_meeting_are_reported_at_the_document(tree: Path) -> None:
    """A Biên bản họp must record its meeting."""
    edit(tree, NOMINATION, MEETING_BLOCK, "")
    assert found(tree, NOMINATION) == [
        (
            22,
            5,
            "meeting-missing",
            "Biên bản họp của cơ quan phải ghi cuộc họp: hãy thêm meeting với chair, secretary, present, absent, "
            "vote_mode, in_favour, voters.",
        ),
    ]


def test_meeting_on_a_document_that_is_not_minutes_is_reported_at_its_key(tree: Path) -> None:
    """Only minutes record a meeting; a meeting block on the Tờ trình is reported at its key."""
    edit(tree, NOMINATION, f"    file: {FILES}/to-trinh.pdf\n", f"    file: {FILES}/to-trinh.pdf\n" + MEETING_BLOCK)
    assert found(tree, NOMINATION) == [
        (
            22,
            5,
            "meeting-not-minutes",
            "Chỉ Biên bản họp mới ghi cuộc họp; hãy xóa meeting khỏi Tờ trình khen thưởng của cơ quan.",
        ),
    ]


def test_more_in_favour_than_voters_is_reported(tree: Path) -> None:
    """The number in favour cannot exceed the number who voted."""
    edit(tree, NOMINATION, "      in_favour: 3\n", "      in_favour: 4\n")
    assert found(tree, NOMINATION) == [
        (36, 18, "too-many-votes", "4 người đồng ý nhiều hơn 3 người biểu quyết; hãy kiểm tra lại."),
    ]


def test_more_voters_than_present_is_reported(tree: Path) -> None:
    """The number who voted cannot exceed the number present."""
    edit(tree, NOMINATION, "      voters: 3\n", "      voters: 4\n")
    assert found(tree, NOMINATION) == [
        (37, 15, "too-many-voters", "4 người biểu quyết nhiều hơn 3 người có mặt; hãy kiểm tra lại."),
    ]


def test_chair_not_present_is_reported(tree: Path) -> None:
    """The chair of a unit meeting must be among those present."""
    edit(tree, NOMINATION, "      chair: dang-thi-thu-huong\n", "      chair: ha-van-thang\n")
    assert found(tree, NOMINATION) == [
        (29, 14, "not-present", "«ha-van-thang» phải có trong danh sách present (có mặt)."),
    ]


# --- files ---------------------------------------------------------------------


def test_document_file_that_does_not_exist_is_reported(tree: Path) -> None:
    """A scan that is not in the repository is reported at its path."""
    edit(tree, NOMINATION, f"{FILES}/to-trinh.pdf", f"{FILES}/to-trinh-ky.pdf")
    assert found(tree, NOMINATION) == [
        (
            21,
            11,
            "missing-file",
            f"Không có tệp «{FILES}/to-trinh-ky.pdf» trong kho; hãy tải bản quét lên đúng đường dẫn này, hoặc sửa đường dẫn.",
        ),
    ]


def test_document_file_escaping_the_repository_is_refused(tree: Path) -> None:
    """A path climbing out of the repository with ``..`` is refused even if the file exists there."""
    edit(tree, NOMINATION, f"file: {FILES}/to-trinh.pdf", "file: ../../etc/passwd.pdf")
    assert found(tree, NOMINATION) == [
        (21, 11, "file-outside", "Tệp «../../etc/passwd.pdf» nằm ngoài kho; hãy đặt bản quét trong records/files/."),
    ]


def test_document_file_that_is_a_symlink_to_outside_is_refused(tree: Path) -> None:
    """A scan that is a symbolic link pointing outside the repository is refused."""
    outside = tree.parent / "secret.pdf"
    outside.write_bytes(b"%PDF-1.4 not part of the repository\n")
    link = tree / FILES / "to-trinh.pdf"
    link.unlink()
    link.symlink_to(outside)
    assert found(tree, NOMINATION) == [
        (21, 11, "file-outside", f"Tệp «{FILES}/to-trinh.pdf» nằm ngoài kho; hãy đặt bản quét trong records/files/."),
    ]


# --- reports -------------------------------------------------------------------


def test_report_item_with_an_unknown_task_is_reported_with_a_suggestion(tree: Path) -> None:
    """An item naming a task the campaign does not have lists the tasks and suggests the closest."""
    edit(tree, REPORT, "    task: cai-cach-the-che\n", "    task: cai-cach-the-ch\n")
    assert found(tree, REPORT) == [
        (
            9,
            11,
            "unknown-task",
            "«cai-cach-the-ch» không phải nhiệm vụ của phong trào «chung-tay-cchc-2025»; hãy chọn một trong: "
            "cai-cach-the-che, cai-cach-tthc-mot-cua, cai-cach-to-chuc-bo-may, cai-cach-che-do-cong-vu, "
            "cai-cach-tai-chinh-cong, chinh-quyen-dien-tu-so, tuyen-truyen-cchc, kiem-tra-cchc. "
            "Có phải ý bạn là «cai-cach-the-che»?",
        ),
    ]


def test_report_item_with_an_unknown_subtask_lists_the_subtasks(tree: Path) -> None:
    """An item naming a subtask its task does not have lists that task's subtasks."""
    edit(tree, REPORT, "    subtask: mot-cua-lien-thong\n", "    subtask: mot-cua\n")
    assert found(tree, REPORT) == [
        (
            14,
            14,
            "unknown-subtask",
            "«mot-cua» không phải nội dung con của nhiệm vụ «cai-cach-tthc-mot-cua»; "
            "hãy chọn một trong: cai-cach-tthc, mot-cua-lien-thong.",
        ),
    ]


def test_report_subtask_on_a_task_without_subtasks_asks_to_remove_it(tree: Path) -> None:
    """A subtask under a task that has none is reported with the advice to delete the line."""
    edit(tree, REPORT, "    task: kiem-tra-cchc\n", "    task: kiem-tra-cchc\n    subtask: tu-kiem-tra\n")
    assert found(tree, REPORT) == [
        (
            37,
            14,
            "unknown-subtask",
            "«tu-kiem-tra» không phải nội dung con của nhiệm vụ «kiem-tra-cchc»; "
            "nhiệm vụ này không có nội dung con, hãy xóa dòng subtask.",
        ),
    ]


def test_duplicate_item_id_in_a_report_names_the_first_line(tree: Path) -> None:
    """Two items with one id are reported at the second, naming the line of the first."""
    edit(tree, REPORT, "  - id: vp-ho-so-truc-tuyen\n", "  - id: vp-mot-cua-dung-han\n")
    edit(tree, NOMINATION, "  - vp-ho-so-truc-tuyen\n", "")
    assert found(tree, REPORT) == [
        (21, 9, "duplicate-id", "Mã kết quả «vp-mot-cua-dung-han» bị lặp lại (đã có ở dòng 12); mỗi mã chỉ dùng một lần."),
    ]


# --- the campaign's rules --------------------------------------------------------


def test_rule_naming_undeclared_evidence_is_reported_with_a_suggestion(tree: Path) -> None:
    """A criterion reading evidence the plan does not declare lists the evidence and suggests the closest."""
    edit(tree, CAMPAIGN, "rule: {evidence: xep-loai-tap-the, at_least:", "rule: {evidence: xep-loai-tap-the-2025, at_least:")
    assert found(tree, CAMPAIGN) == [
        (
            110,
            22,
            "unknown-evidence",
            "Minh chứng «xep-loai-tap-the-2025» chưa được khai báo trong evidence của kế hoạch; hãy chọn một trong: "
            "xep-loai-tap-the, nhiem-vu-cchc-bo-phan, phan-loai-cchc-bo-phan, chi-so-cchc-co-quan, vi-pham-thanh-vien, "
            "xep-loai-ca-nhan, nhiem-vu-cchc-ca-nhan, van-ban-tre-han, vi-pham-ca-nhan, hoặc khai báo thêm. "
            "Có phải ý bạn là «xep-loai-tap-the»?",
        ),
    ]


def test_at_least_on_numeric_evidence_is_reported_at_the_key(tree: Path) -> None:
    """A number is compared with min or max, never at_least."""
    edit(tree, CAMPAIGN, "rule: {evidence: van-ban-tre-han, max: 0}", "rule: {evidence: van-ban-tre-han, at_least: tot}")
    assert found(tree, CAMPAIGN) == [
        (146, 39, "comparison-kind", "Minh chứng «van-ban-tre-han» là một số; hãy so sánh bằng min hoặc max thay cho at_least."),
    ]


def test_max_on_rated_evidence_is_reported_at_the_key(tree: Path) -> None:
    """A level of a scale is compared with at_least or in, never max."""
    edit(
        tree,
        CAMPAIGN,
        "rule: {evidence: xep-loai-ca-nhan, at_least: hoan-thanh-xuat-sac-nhiem-vu}",
        "rule: {evidence: xep-loai-ca-nhan, max: 1}",
    )
    assert found(tree, CAMPAIGN) == [
        (
            136,
            40,
            "comparison-kind",
            "Minh chứng «xep-loai-ca-nhan» là một mức xếp loại; hãy so sánh bằng at_least hoặc in thay cho max.",
        ),
    ]


def test_level_not_in_the_scale_lists_the_levels(tree: Path) -> None:
    """A criterion asking for a level its evidence's scale does not have lists that scale's levels."""
    edit(
        tree,
        CAMPAIGN,
        "rule: {evidence: nhiem-vu-cchc-bo-phan, at_least: hoan-thanh-tot}",
        "rule: {evidence: nhiem-vu-cchc-bo-phan, at_least: xuat-sac}",
    )
    assert found(tree, CAMPAIGN) == [
        (
            115,
            55,
            "unknown-level",
            "«xuat-sac» không phải một mức của thang xếp loại của «nhiem-vu-cchc-bo-phan»; "
            "hãy chọn một trong: hoan-thanh-tot, hoan-thanh, chua-hoan-thanh.",
        ),
    ]


# --- folders and identity ----------------------------------------------------------


def test_per_campaign_record_whose_campaign_differs_from_its_folder_is_reported(tree: Path) -> None:
    """A report filed under one campaign's folder but naming another campaign is reported at its campaign."""
    add_second_campaign(tree)
    edit(tree, REPORT, "campaign: chung-tay-cchc-2025\n", "campaign: chung-tay-cchc-2026\n")
    assert found(tree, REPORT) == [
        (
            4,
            11,
            "campaign-folder",
            "Hồ sơ nằm trong thư mục «chung-tay-cchc-2025» nhưng ghi campaign: chung-tay-cchc-2026; "
            "hãy sửa thành campaign: chung-tay-cchc-2025, hoặc chuyển tệp sang thư mục «chung-tay-cchc-2026».",
        ),
    ]


def test_record_in_an_unknown_folder_is_reported(tree: Path) -> None:
    """A YAML file in a folder of records/ that holds no kind of record is reported with the folders to use."""
    relative = "records/nguoi/nguyen-van-an.yml"
    write(tree, relative, "id: nguyen-van-an\nname: Nguyễn Văn An\nunit: van-phong-thong-ke\n")
    assert problems_in(tree, relative) == [
        Problem(
            relative,
            1,
            1,
            "layout",
            "Thư mục records/nguoi không chứa loại hồ sơ nào; hãy chuyển tệp vào một trong: campaigns, units, "
            "people, laws, scales, ratings, discipline, registers, councils, reports, nominations, meetings, postings, decisions, stories.",
        ),
    ]


# --- ratings, councils, meetings, decisions ----------------------------------------


def test_rating_value_not_in_its_scale_lists_the_levels(tree: Path) -> None:
    """An entry whose value is not a level of the rating's scale lists the levels."""
    edit(
        tree,
        RATING,
        "  - subject: ma-van-hung\n    value: hoan-thanh-tot-nhiem-vu\n",
        "  - subject: ma-van-hung\n    value: hoan-thanh-tot\n",
    )
    assert found(tree, RATING) == [
        (
            20,
            12,
            "rating-value",
            "«hoan-thanh-tot» không phải một mức của thang «xep-loai-chat-luong»; hãy chọn một trong: "
            "hoan-thanh-xuat-sac-nhiem-vu, hoan-thanh-tot-nhiem-vu, hoan-thanh-nhiem-vu, khong-hoan-thanh-nhiem-vu.",
        ),
    ]


def test_council_with_two_chairs_is_reported(tree: Path) -> None:
    """A council has exactly one chair."""
    edit(tree, COUNCIL, "    role: pho-chu-tich\n", "    role: chu-tich\n")
    assert found(tree, COUNCIL) == [
        (14, 3, "council-chair", "Hội đồng phải có đúng một chủ tịch (role: chu-tich); đang có 2."),
    ]


def test_meeting_vote_for_a_nomination_of_another_campaign_is_reported(tree: Path) -> None:
    """A council meeting only votes on nominations filed under its own campaign's folder."""
    add_second_campaign(tree)
    text = (tree / "records/nominations/chung-tay-cchc-2025/ca-nhan-pham-thi-hoa.yml").read_text("utf-8")
    text = text.replace("id: ca-nhan-pham-thi-hoa\n", "id: ca-nhan-pham-thi-hoa-2026\n")
    text = text.replace("campaign: chung-tay-cchc-2025\n", "campaign: chung-tay-cchc-2026\n")
    text = text.replace("achievements:\n  - tckt-giao-dich-kho-bac\n  - tckt-cong-khai-ngan-sach\n", "")
    other = "records/nominations/chung-tay-cchc-2026/ca-nhan-pham-thi-hoa-2026.yml"
    write(tree, other, text)
    edit(tree, MEETING, "  - nomination: ca-nhan-pham-thi-hoa\n", "  - nomination: ca-nhan-pham-thi-hoa-2026\n")
    assert problems_in(tree, other) == []
    assert found(tree, MEETING) == [
        (
            36,
            17,
            "unknown-reference",
            "Không tìm thấy hồ sơ đề nghị «ca-nhan-pham-thi-hoa-2026» trong records/nominations/chung-tay-cchc-2025. "
            "Có phải ý bạn là «ca-nhan-pham-thi-hoa»?",
        ),
    ]


def test_decision_awarding_a_nomination_under_another_award_is_reported(tree: Path) -> None:
    """A decision may only confer the award that the nomination asked for."""
    edit(tree, CAMPAIGN, "dossier:\n", "  - id: bang-khen\n    name: Bằng khen\n    quota:\n      ca-nhan: 1\ndossier:\n")
    edit(tree, CAMPAIGN, "awards:\n", "awards_held:\n  exclusive:\n    - [bang-khen, giay-khen-chu-tich-ubnd-xa]\nawards:\n")
    edit(
        tree,
        DECISION,
        "  - award: giay-khen-chu-tich-ubnd-xa\n    nomination: ca-nhan-nguyen-thi-lan\n",
        "  - award: bang-khen\n    nomination: ca-nhan-nguyen-thi-lan\n",
    )
    assert problems_in(tree, CAMPAIGN) == []
    assert found(tree, DECISION) == [
        (
            19,
            12,
            "award-mismatch",
            "Hồ sơ «ca-nhan-nguyen-thi-lan» đề nghị «giay-khen-chu-tich-ubnd-xa», không phải «bang-khen»; hãy kiểm tra lại.",
        ),
    ]


# --- plans for real agencies (issue 13) --------------------------------------------------------------------------------

SECOND_AWARD = "  - id: giay-chung-nhan\n    name: Giấy chứng nhận của Chủ tịch UBND xã\n    quota:\n      ca-nhan: 1\ndossier:\n"


def test_every_kind_of_record_has_its_check() -> None:
    """Each kind a folder of records/ holds is checked across records (a kind without a check would crash validation)."""
    from thidua.records.crosscheck.common import CHECKS
    from thidua.records.layout import KINDS

    assert sorted(CHECKS) == sorted(kind.name for kind in KINDS)


def test_two_awards_for_one_kind_must_say_whether_they_are_held_together(tree: Path) -> None:
    """A second award for individuals with no awards_held declaration is refused: the order they are written in must not
    decide who gets which."""
    edit(tree, CAMPAIGN, "dossier:\n", SECOND_AWARD)
    [(line, column, code, message)] = found(tree, CAMPAIGN)
    assert code == "awards-held-missing"
    assert "«giay-khen-chu-tich-ubnd-xa» và «giay-chung-nhan» cùng khen ca-nhan" in message
    edit(
        tree, CAMPAIGN, "awards:\n", "awards_held:\n  exclusive:\n    - [giay-khen-chu-tich-ubnd-xa, giay-chung-nhan]\nawards:\n"
    )
    assert found(tree, CAMPAIGN) == []


def test_an_award_counting_its_own_holders_is_refused(tree: Path) -> None:
    """A collective criterion of the Giấy khen counting members who hold that same Giấy khen waits on itself: refused."""
    edit(
        tree,
        CAMPAIGN,
        "evidence:\n",
        "evidence:\n  - id: giu-giay-khen\n    name: Giấy khen của Chủ tịch UBND xã\n"
        "    source: {awards: {award: giay-khen-chu-tich-ubnd-xa}}\n    subject: nominee\n",
    )
    edit(
        tree,
        CAMPAIGN,
        "    rule: {evidence: vi-pham-thanh-vien, max: 0}\n",
        "    rule: {all: [{evidence: vi-pham-thanh-vien, max: 0}, {members: {holds: giu-giay-khen, min_count: 1}}]}\n",
    )
    codes = [code for _, _, code, _ in found(tree, CAMPAIGN)]
    assert codes == ["award-cycle"]


def test_dated_items_need_a_declared_window(tree: Path) -> None:
    """A plan reading dated items (a register) must declare its period with the boundary rule; without it, refused."""
    write(
        tree,
        "records/registers/giay-khen.yml",
        "id: giay-khen\nname: Sổ giấy khen\nkept_by: van-phong-thong-ke\nsubjects: people\nas_of: 2025-12-31\nitems: []\n",
    )
    edit(
        tree,
        CAMPAIGN,
        "evidence:\n",
        "evidence:\n  - id: giay-khen\n    name: Giấy khen\n    source: {items: {register: giay-khen}}\n    subject: nominee\n",
    )
    assert found(tree, CAMPAIGN) == []
    edit(tree, CAMPAIGN, "period:\n  from: 2025-01-01\n  to: 2025-12-31\n  ends: both\n", "")
    [(_, _, code, message)] = found(tree, CAMPAIGN)
    assert code == "period-missing" and "ends" in message


def test_a_threshold_keyed_by_a_unit_no_nominee_belongs_to_is_refused(tree: Path) -> None:
    """``by: unit`` with a value for a unit nobody belongs to (a typo, or a unit with no one) is never used: refused at
    its key, with the units there are."""
    edit(
        tree,
        CAMPAIGN,
        "    rule: {evidence: van-ban-tre-han, max: 0}\n",
        "    rule: {evidence: van-ban-tre-han, max: {by: unit, values: {van-phong-thong-ke: 0, van-phong: 1}}}\n",
    )
    [(line, column, code, message)] = found(tree, CAMPAIGN)
    assert code == "threshold-key"
    assert message.startswith("Không cá nhân nào có đơn vị «van-phong»: ngưỡng này sẽ không bao giờ được dùng")


def test_an_attribute_the_plan_did_not_declare_is_refused(tree: Path) -> None:
    """A threshold by an attribute must name one the plan declares in attributes."""
    edit(
        tree,
        CAMPAIGN,
        "    rule: {evidence: van-ban-tre-han, max: 0}\n",
        "    rule: {evidence: van-ban-tre-han, max: {by: nhom-nganh, values: {kinh-te: 0}}}\n",
    )
    [(_, _, code, _)] = found(tree, CAMPAIGN)
    assert code == "unknown-attribute"


def test_a_share_without_its_rounding_is_refused(tree: Path) -> None:
    """A members share must say how it is rounded (10 % of 25 students is 2 or 3): refused with the key to add."""
    edit(
        tree,
        CAMPAIGN,
        "    rule: {evidence: vi-pham-thanh-vien, max: 0}\n",
        "    rule: {members: {criterion: cn-hoan-thanh-xuat-sac, min_share: 10}}\n",
    )
    assert ("required", "Trường «min_share» cần ghi kèm «rounding»; hãy thêm dòng «rounding: …».") in [
        (code, message) for _, _, code, message in found(tree, CAMPAIGN)
    ]


def test_a_status_left_out_of_a_denominator_must_be_declared_with_its_name(tree: Path) -> None:
    """``excluding: [thoi-hoc]`` without ``statuses: {thoi-hoc: ...}`` is refused at the status (a typo would silently
    count everyone); once declared, the plan validates and the page can say the status by its name."""
    edit(
        tree,
        CAMPAIGN,
        "    rule: {evidence: vi-pham-thanh-vien, max: 0}\n",
        "    rule: {members: {criterion: cn-hoan-thanh-xuat-sac, min_count: 1, excluding: [thoi-hoc]}}\n",
    )
    [(_, _, code, message)] = found(tree, CAMPAIGN)
    assert code == "unknown-status"
    assert message.startswith("Tình trạng «thoi-hoc» chưa được khai báo trong statuses của kế hoạch")
    edit(tree, CAMPAIGN, "evidence:\n", "statuses:\n  thoi-hoc: thôi học\nevidence:\n")
    assert found(tree, CAMPAIGN) == []
