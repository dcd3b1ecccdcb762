"""Every record kind against its schema: a real record edited one line at a time, problems asserted exactly."""

from __future__ import annotations

from pathlib import Path

from conftest import edit, found, problems_in, write
from thidua.problems import Problem

CAMPAIGN = "records/campaigns/chung-tay-cchc-2025.yml"
UNIT = "records/units/van-phong-thong-ke.yml"
PERSON = "records/people/nguyen-thi-lan.yml"
LAW = "records/laws/nghi-dinh-30-2020.yml"
SCALE = "records/scales/xep-loai-chat-luong.yml"
RATING = "records/ratings/xep-loai-ca-nhan-2025.yml"
DISCIPLINE = "records/discipline/ky-luat-2025.yml"
COUNCIL = "records/councils/hoi-dong-tdkt-xa-kim-phuong.yml"
REPORT = "records/reports/chung-tay-cchc-2025/van-phong-thong-ke.yml"
NOMINATION = "records/nominations/chung-tay-cchc-2025/ca-nhan-nguyen-thi-lan.yml"
MEETING = "records/meetings/chung-tay-cchc-2025/xet-khen-thuong-2025.yml"
DECISION = "records/decisions/chung-tay-cchc-2025/qd-khen-thuong-2025.yml"

DATE_HINT = "hãy kiểm tra tháng (01–12) và ngày trong tháng."
DATETIME_HINT = "hãy viết ngày 2025-12-03, hoặc ngày giờ kèm múi giờ 2025-12-03T09:15:00+07:00."


# --- campaign ---------------------------------------------------------------


def test_campaign_with_a_document_number_is_valid(tree: Path) -> None:
    """The plan with its optional document number filled in has no problem."""
    edit(tree, CAMPAIGN, "  symbol: KH-UBND\n", "  number: 12\n  symbol: KH-UBND\n")
    assert problems_in(tree) == []


def test_campaign_deadline_written_the_vietnamese_way_gets_the_iso_hint(tree: Path) -> None:
    """A deadline written 05/12/2025 is refused with the hint to write 2025-12-05."""
    edit(tree, CAMPAIGN, "  date: 2025-12-05\n", "  date: 05/12/2025\n")
    assert found(tree, CAMPAIGN) == [
        (183, 9, "format", "Trường «date»: ngày phải viết theo dạng năm-tháng-ngày; hãy viết 2025-12-05 thay cho 05/12/2025."),
    ]


def test_campaign_rule_with_a_misspelt_key_suggests_the_right_one(tree: Path) -> None:
    """A misspelt key inside a criterion's rule is reported at the key with a suggestion."""
    edit(tree, CAMPAIGN, "rule: {evidence: xep-loai-tap-the, at_least:", "rule: {evidence: xep-loai-tap-the, atleast:")
    assert found(tree, CAMPAIGN) == [
        (110, 40, "unknown-key", "Trường «atleast» không có trong mẫu kế hoạch. Có phải ý bạn là «at_least»?"),
    ]


def test_campaign_basis_number_below_ten_needs_its_leading_zero(tree: Path) -> None:
    """A cited document number 3/KH-UBND is refused with the hint 03/KH-UBND."""
    edit(tree, CAMPAIGN, "number: 03/KH-UBND", "number: 3/KH-UBND")
    assert found(tree, CAMPAIGN) == [
        (22, 15, "pattern", "Trường «number»: số văn bản nhỏ hơn 10 viết hai chữ số; hãy viết 03/KH-UBND thay cho 3/KH-UBND."),
    ]


def test_campaign_negative_quota_is_reported_as_out_of_range(tree: Path) -> None:
    """A quota of -1 is a number below the minimum, not a value of the wrong type."""
    edit(tree, CAMPAIGN, "      tap-the: 1\n", "      tap-the: -1\n")
    assert found(tree, CAMPAIGN) == [
        (158, 16, "range", "Trường «tap-the»: «-1» không hợp lệ; giá trị phải từ 0 trở lên."),
    ]


def test_campaign_percentage_quota_with_a_bad_rounding_names_the_rounding(tree: Path) -> None:
    """A percentage quota with an unknown rounding is reported at the rounding, not as the wrong type."""
    edit(tree, CAMPAIGN, "      tap-the: 1\n", "      tap-the: {percent: 10, of: participants, rounding: round}\n")
    assert found(tree, CAMPAIGN) == [
        (158, 58, "enum", "Trường «rounding»: «round» không hợp lệ; hãy chọn một trong: down, up, nearest."),
    ]


# --- unit -------------------------------------------------------------------


def test_unit_with_a_short_name_is_valid(tree: Path) -> None:
    """A unit with an added short name has no problem."""
    edit(tree, UNIT, "kind: bo-phan\n", "short_name: VP-TK\nkind: bo-phan\n")
    assert problems_in(tree) == []


def test_unit_kind_not_in_the_list_suggests_the_close_one(tree: Path) -> None:
    """A unit kind written with a space is refused, listing the kinds and suggesting bo-phan."""
    edit(tree, UNIT, "kind: bo-phan\n", "kind: bo phan\n")
    assert found(tree, UNIT) == [
        (
            6,
            7,
            "enum",
            "Trường «kind»: «bo phan» không hợp lệ; hãy chọn một trong: "
            "co-quan, bo-phan, mat-tran, doan-the, xom, truong, khac. Có phải ý bạn là «bo-phan»?",
        ),
    ]


def test_unit_without_a_name_is_reported_at_the_start_of_the_record(tree: Path) -> None:
    """A unit missing its required name is reported with the field's Vietnamese title."""
    edit(tree, UNIT, "name: Văn phòng - thống kê\n", "")
    assert found(tree, UNIT) == [
        (1, 1, "required", "Thiếu trường «name» (Tên đơn vị) trong hồ sơ; hãy thêm dòng «name: …»."),
    ]


def test_unit_name_written_as_a_number_asks_for_quotes(tree: Path) -> None:
    """A name that YAML reads as a number is refused with the hint to quote it."""
    edit(tree, UNIT, "name: Văn phòng - thống kê\n", "name: 2025\n")
    assert found(tree, UNIT) == [
        (5, 7, "type", 'Trường «name» phải là chữ; hãy đặt giá trị trong ngoặc kép: "2025".'),
    ]


# --- person -----------------------------------------------------------------


def test_person_with_a_decomposed_name_is_valid(tree: Path) -> None:
    """A person whose name was typed in NFD is valid once normalised."""
    edit(tree, PERSON, "name: Nguyễn Thị Lan\n", "name: Nguye\u0302\u0303n Thi\u0323 Lan\n")
    assert problems_in(tree) == []


def test_person_id_with_diacritics_suggests_the_ascii_slug(tree: Path) -> None:
    """``id: Nguyễn-Thị-Lan`` is reported once, suggesting nguyen-thi-lan, and never suggests a file name with diacritics."""
    edit(tree, PERSON, "id: nguyen-thi-lan\n", "id: Nguyễn-Thị-Lan\n")
    assert found(tree, PERSON) == [
        (
            3,
            5,
            "pattern",
            "Trường «id»: «Nguyễn-Thị-Lan» không phải mã hợp lệ "
            "(chỉ chữ thường không dấu, số và gạch ngang, đ viết là d); hãy viết nguyen-thi-lan.",
        ),
    ]


def test_person_id_different_from_the_file_name_offers_both_fixes(tree: Path) -> None:
    """An id that is a valid slug but not the file name is reported at the id."""
    edit(tree, PERSON, "id: nguyen-thi-lan\n", "id: nguyen-thi-lan-2\n")
    assert found(tree, PERSON) == [
        (
            3,
            5,
            "id-file-name",
            "Mã «nguyen-thi-lan-2» khác tên tệp «nguyen-thi-lan»; "
            "hãy viết id: nguyen-thi-lan, hoặc đổi tên tệp thành nguyen-thi-lan-2.yml.",
        ),
    ]


def test_person_private_phone_with_spaces_is_refused_with_its_description(tree: Path) -> None:
    """A private phone number written with spaces is refused with the rule and an example, never with its value."""
    edit(tree, PERSON, 'phone: "0368152904"', 'phone: "036 815 2904"')
    assert found(tree, PERSON) == [
        (
            10,
            10,
            "private-invalid",
            "Trường «phone» chưa đúng dạng (thông tin riêng tư: giá trị không được in ra). "
            "10 chữ số, bắt đầu bằng 0, không có dấu cách. Ví dụ: 0912345678.",
        ),
    ]


def test_person_impossible_birth_date_is_refused(tree: Path) -> None:
    """A birth date 1990-13-40 is refused; being private, the message gives the rule, not the date."""
    edit(tree, PERSON, "birth_date: 1990-11-08", "birth_date: 1990-13-40")
    assert found(tree, PERSON) == [
        (
            9,
            15,
            "private-invalid",
            "Trường «birth_date» chưa đúng dạng (thông tin riêng tư: giá trị không được in ra). "
            "Ngày viết theo dạng năm-tháng-ngày, ví dụ 2025-12-05 (không viết 05/12/2025).",
        ),
    ]


# --- law --------------------------------------------------------------------


def test_law_with_quoted_dates_is_valid(tree: Path) -> None:
    """A law whose dates are quoted reads the same as with unquoted dates."""
    edit(tree, LAW, "issued: 2020-03-05\neffective_from: 2020-03-05\n", "issued: \"2020-03-05\"\neffective_from: '2020-03-05'\n")
    assert problems_in(tree) == []


def test_law_with_a_misspelt_required_key_reports_both_the_missing_and_the_unknown_key(tree: Path) -> None:
    """``efective_from`` is reported as unknown with a suggestion, and effective_from as missing."""
    edit(tree, LAW, "effective_from:", "efective_from:")
    assert found(tree, LAW) == [
        (1, 1, "required", "Thiếu trường «effective_from» (Có hiệu lực từ) trong hồ sơ; hãy thêm dòng «effective_from: …»."),
        (9, 1, "unknown-key", "Trường «efective_from» không có trong mẫu văn bản pháp luật. Có phải ý bạn là «effective_from»?"),
    ]


def test_law_issued_on_30_february_is_refused(tree: Path) -> None:
    """An issue date 2020-02-30 is refused as a date that does not exist."""
    edit(tree, LAW, "issued: 2020-03-05", "issued: 2020-02-30")
    assert found(tree, LAW) == [
        (8, 9, "format", f"Trường «issued»: ngày 2020-02-30 không có thật; {DATE_HINT}"),
    ]


# --- scale ------------------------------------------------------------------


def test_scale_with_a_fifth_level_is_valid(tree: Path) -> None:
    """A scale with one more level has no problem."""
    edit(
        tree,
        SCALE,
        "    name: Không hoàn thành nhiệm vụ\n",
        "    name: Không hoàn thành nhiệm vụ\n  - id: chua-danh-gia\n    name: Chưa đánh giá\n",
    )
    assert problems_in(tree) == []


def test_scale_level_id_in_words_suggests_its_slug(tree: Path) -> None:
    """A level id written as Vietnamese words is refused with its ASCII slug."""
    edit(tree, SCALE, "  - id: hoan-thanh-tot-nhiem-vu\n", "  - id: Hoàn thành tốt\n")
    assert found(tree, SCALE) == [
        (
            10,
            9,
            "pattern",
            "Trường «id»: «Hoàn thành tốt» không phải mã hợp lệ "
            "(chỉ chữ thường không dấu, số và gạch ngang, đ viết là d); hãy viết hoan-thanh-tot.",
        ),
    ]


def test_scale_with_one_level_is_refused(tree: Path) -> None:
    """A scale needs at least two levels."""
    edit(
        tree,
        SCALE,
        "  - id: hoan-thanh-tot-nhiem-vu\n    name: Hoàn thành tốt nhiệm vụ\n"
        "  - id: hoan-thanh-nhiem-vu\n    name: Hoàn thành nhiệm vụ\n"
        "  - id: khong-hoan-thanh-nhiem-vu\n    name: Không hoàn thành nhiệm vụ\n",
        "",
    )
    assert found(tree, SCALE) == [(8, 3, "too-few", "Trường «levels» phải có ít nhất 2 mục.")]


# --- rating -----------------------------------------------------------------


def test_rating_with_another_level_of_its_scale_is_valid(tree: Path) -> None:
    """Changing an entry to another level of the same scale has no problem."""
    edit(
        tree,
        RATING,
        "  - subject: ma-van-hung\n    value: hoan-thanh-tot-nhiem-vu\n",
        "  - subject: ma-van-hung\n    value: hoan-thanh-nhiem-vu\n",
    )
    assert problems_in(tree) == []


def test_rating_with_both_scale_and_measure_names_the_measure(tree: Path) -> None:
    """A rating that names a scale must not also give a measure; the measure line is the one to delete."""
    edit(tree, RATING, "scale: xep-loai-chat-luong\n", "scale: xep-loai-chat-luong\nmeasure: điểm\n")
    assert found(tree, RATING) == [
        (
            16,
            1,
            "not-allowed",
            "Trường «measure» không được dùng ở đây: "
            "bảng đã có thang xếp loại (scale) thì không ghi đơn vị đo (measure); hãy xóa một trong hai.",
        ),
    ]


def test_rating_subjects_not_in_the_list_is_refused(tree: Path) -> None:
    """``subjects: persons`` is refused with the two allowed values."""
    edit(tree, RATING, "subjects: people\n", "subjects: persons\n")
    assert found(tree, RATING) == [
        (14, 11, "enum", "Trường «subjects»: «persons» không hợp lệ; hãy chọn một trong: units, people."),
    ]


def test_rating_year_in_words_is_refused(tree: Path) -> None:
    """A year written as words is refused as not an integer."""
    edit(tree, RATING, "year: 2025\n", "year: năm 2025\n")
    assert found(tree, RATING) == [(6, 7, "type", "Trường «year» phải là số nguyên, không phải chữ.")]


# --- discipline -------------------------------------------------------------


def test_discipline_case_of_a_unit_is_valid(tree: Path) -> None:
    """A closed case against a unit has no problem."""
    edit(
        tree,
        DISCIPLINE,
        "fictional: true\n",
        "  - unit: xom-tan-lap\n    kind: vi-pham-ky-cuong\n    from: 2025-03-01\n    to: 2025-04-30\nfictional: true\n",
    )
    assert problems_in(tree) == []


def test_discipline_case_kind_not_in_the_list_suggests_the_close_one(tree: Path) -> None:
    """``kind: khieu nai`` is refused, suggesting khieu-nai."""
    edit(tree, DISCIPLINE, "kind: khieu-nai\n", "kind: khieu nai\n")
    assert found(tree, DISCIPLINE) == [
        (
            24,
            11,
            "enum",
            "Trường «kind»: «khieu nai» không hợp lệ; hãy chọn một trong: "
            "ky-luat, dieu-tra, khieu-nai, vi-pham-ky-cuong. Có phải ý bạn là «khieu-nai»?",
        ),
    ]


def test_discipline_date_written_the_vietnamese_way_gets_the_iso_hint(tree: Path) -> None:
    """``as_of: 08/12/2025`` is refused with the hint 2025-12-08."""
    edit(tree, DISCIPLINE, "as_of: 2025-12-08\n", "as_of: 08/12/2025\n")
    assert found(tree, DISCIPLINE) == [
        (12, 8, "format", "Trường «as_of»: ngày phải viết theo dạng năm-tháng-ngày; hãy viết 2025-12-08 thay cho 08/12/2025."),
    ]


def test_discipline_case_of_both_a_person_and_a_unit_names_the_unit_line(tree: Path) -> None:
    """A case naming a person must not also name a unit; the unit line is the one reported."""
    edit(tree, DISCIPLINE, "  - person: do-van-hai\n", "  - person: do-van-hai\n    unit: dia-chinh-xay-dung\n")
    assert found(tree, DISCIPLINE) == [
        (
            24,
            5,
            "not-allowed",
            "Trường «unit» không được dùng ở đây: "
            "mỗi trường hợp ghi một cá nhân (person) hoặc một tập thể (unit), không ghi cả hai.",
        ),
    ]


# --- council ----------------------------------------------------------------


def test_council_with_another_threshold_is_valid(tree: Path) -> None:
    """A council with a two-thirds threshold counted on those present has no problem."""
    edit(tree, COUNCIL, "threshold_percent: 50\n", "threshold_percent: 66.67\n")
    edit(tree, COUNCIL, "denominator: members\n", "denominator: present\n")
    assert problems_in(tree) == []


def test_council_role_misspelt_suggests_the_close_one(tree: Path) -> None:
    """``role: thu-ki`` is refused, suggesting thu-ky."""
    edit(tree, COUNCIL, "role: thu-ky\n", "role: thu-ki\n")
    assert found(tree, COUNCIL) == [
        (
            19,
            11,
            "enum",
            "Trường «role»: «thu-ki» không hợp lệ; hãy chọn một trong: "
            "chu-tich, pho-chu-tich, thu-ky, uy-vien. Có phải ý bạn là «thu-ky»?",
        ),
    ]


def test_council_threshold_of_zero_is_refused(tree: Path) -> None:
    """A threshold of 0 % is refused: it must be greater than 0."""
    edit(tree, COUNCIL, "threshold_percent: 50\n", "threshold_percent: 0\n")
    assert found(tree, COUNCIL) == [
        (32, 22, "range", "Trường «threshold_percent»: «0» không hợp lệ; giá trị phải lớn hơn 0."),
    ]


def test_council_inclusive_in_words_is_refused(tree: Path) -> None:
    """``inclusive: không`` is refused: it must be true or false."""
    edit(tree, COUNCIL, "inclusive: false\n", "inclusive: không\n")
    assert found(tree, COUNCIL) == [
        (33, 14, "type", "Trường «inclusive» phải là true hoặc false, không phải chữ."),
    ]


# --- report -----------------------------------------------------------------


def test_report_item_with_a_detail_is_valid(tree: Path) -> None:
    """Adding a description to a report item has no problem."""
    edit(
        tree,
        REPORT,
        "    date: 2025-03-28\n",
        "    date: 2025-03-28\n    detail: Quy chế mới được UBND xã ban hành kèm Quyết định số 41/QĐ-UBND.\n",
    )
    assert problems_in(tree) == []


def test_report_date_written_the_vietnamese_way_gets_the_iso_hint(tree: Path) -> None:
    """``date: 20/11/2025`` is refused with the hint 2025-11-20."""
    edit(tree, REPORT, "date: 2025-11-20\n", "date: 20/11/2025\n")
    assert found(tree, REPORT) == [
        (6, 7, "format", "Trường «date»: ngày phải viết theo dạng năm-tháng-ngày; hãy viết 2025-11-20 thay cho 20/11/2025."),
    ]


def test_report_figure_with_a_decimal_comma_is_not_a_number(tree: Path) -> None:
    """A figure written 99,2 is text to YAML and is refused as not a number."""
    edit(tree, REPORT, "value: 99.2\n", "value: 99,2\n")
    assert found(tree, REPORT) == [(19, 14, "type", "Trường «value» phải là số, không phải chữ.")]


def test_report_item_without_a_title_is_reported_at_the_item(tree: Path) -> None:
    """An item missing its title is reported at the item, with the field's title."""
    edit(
        tree,
        REPORT,
        "    title: Tham mưu sửa đổi Quy chế làm việc của UBND xã và Quy chế tiếp nhận, giải quyết TTHC tại Bộ phận Một cửa\n",
        "",
    )
    assert found(tree, REPORT) == [
        (8, 5, "required", "Thiếu trường «title» (Kết quả đạt được) trong «items»; hãy thêm dòng «title: …»."),
    ]


# --- nomination -------------------------------------------------------------


def test_nomination_submitted_on_a_date_only_is_valid(tree: Path) -> None:
    """``submitted_at`` may be a date alone."""
    edit(tree, NOMINATION, "submitted_at: 2025-11-27T09:20:00+07:00\n", "submitted_at: 2025-11-27\n")
    assert problems_in(tree) == []


def test_nomination_misspelt_key_suggests_submitted_at(tree: Path) -> None:
    """``submited_at`` is reported at the key with a suggestion."""
    edit(tree, NOMINATION, "submitted_at:", "submited_at:")
    assert found(tree, NOMINATION) == [
        (9, 1, "unknown-key", "Trường «submited_at» không có trong mẫu hồ sơ đề nghị. Có phải ý bạn là «submitted_at»?"),
    ]


def test_nomination_without_proposer_is_reported(tree: Path) -> None:
    """A nomination missing proposed_by is reported with its Vietnamese title."""
    edit(tree, NOMINATION, "proposed_by: van-phong-thong-ke\n", "")
    assert found(tree, NOMINATION) == [
        (1, 1, "required", "Thiếu trường «proposed_by» (Đơn vị đề nghị) trong hồ sơ; hãy thêm dòng «proposed_by: …»."),
    ]


def test_nomination_unquoted_05_as_document_number_asks_for_quotes(tree: Path) -> None:
    """An unquoted ``05`` (octal to YAML 1.1 readers, 5 to YAML 1.2 ones) is refused at its place with the hint to quote it."""
    edit(tree, NOMINATION, "number: 06/BB-VP\n", "number: 05\n")
    assert found(tree, NOMINATION) == [
        (
            23,
            13,
            "yaml-leading-zero",
            "«05» bắt đầu bằng số 0 nên bị một số công cụ đọc thành số hệ 8; nếu đây là chữ "
            "(mã số, số điện thoại, giờ) thì đặt cả giá trị trong ngoặc kép, nếu là số thì bỏ số 0 ở đầu.",
        ),
    ]


def test_nomination_document_number_below_ten_needs_its_leading_zero(tree: Path) -> None:
    """``5/TTr-VP`` is refused with the hint 05/TTr-VP."""
    edit(tree, NOMINATION, "number: 23/TTr-VP\n", "number: 5/TTr-VP\n")
    assert found(tree, NOMINATION) == [
        (16, 13, "pattern", "Trường «number»: số văn bản nhỏ hơn 10 viết hai chữ số; hãy viết 05/TTr-VP thay cho 5/TTr-VP."),
    ]


def test_nomination_submitted_at_hour_25_is_refused(tree: Path) -> None:
    """A submission time at 25:00 is refused as not a real moment."""
    edit(tree, NOMINATION, "submitted_at: 2025-11-27T09:20:00+07:00\n", "submitted_at: 2025-12-03T25:00:00+07:00\n")
    assert found(tree, NOMINATION) == [
        (9, 15, "format", f"Trường «submitted_at»: «2025-12-03T25:00:00+07:00» không phải thời điểm hợp lệ; {DATETIME_HINT}"),
    ]


def test_nomination_submitted_at_without_offset_is_refused(tree: Path) -> None:
    """A submission time without its UTC offset is refused with an example that has one."""
    edit(tree, NOMINATION, "submitted_at: 2025-11-27T09:20:00+07:00\n", "submitted_at: 2025-12-03 09:00\n")
    assert found(tree, NOMINATION) == [
        (9, 15, "format", "Trường «submitted_at»: «2025-12-03 09:00» chưa đúng dạng; hãy viết 2025-12-03T09:00:00+07:00."),
    ]


def test_nomination_submitted_at_written_the_vietnamese_way_gets_the_iso_hint(tree: Path) -> None:
    """``submitted_at: 03/12/2025`` is refused with the hint 2025-12-03."""
    edit(tree, NOMINATION, "submitted_at: 2025-11-27T09:20:00+07:00\n", "submitted_at: 03/12/2025\n")
    assert found(tree, NOMINATION) == [
        (
            9,
            15,
            "format",
            "Trường «submitted_at»: ngày phải viết theo dạng năm-tháng-ngày; hãy viết 2025-12-03 thay cho 03/12/2025.",
        ),
    ]


def test_nomination_document_date_written_the_vietnamese_way_gets_the_iso_hint(tree: Path) -> None:
    """A document dated 05/12/2025 is refused with the hint 2025-12-05."""
    edit(tree, NOMINATION, "date: 2025-11-26\n", "date: 05/12/2025\n")
    assert found(tree, NOMINATION) == [
        (17, 11, "format", "Trường «date»: ngày phải viết theo dạng năm-tháng-ngày; hãy viết 2025-12-05 thay cho 05/12/2025."),
    ]


def test_nomination_document_on_an_impossible_date_is_refused(tree: Path) -> None:
    """A document dated 2025-13-40 is refused as a date that does not exist."""
    edit(tree, NOMINATION, "date: 2025-11-26\n", "date: 2025-13-40\n")
    assert found(tree, NOMINATION) == [
        (17, 11, "format", f"Trường «date»: ngày 2025-13-40 không có thật; {DATE_HINT}"),
    ]


def test_nomination_nominee_with_both_unit_and_person_is_refused(tree: Path) -> None:
    """A nominee naming both a person and a unit is refused: exactly one of them."""
    edit(
        tree,
        NOMINATION,
        "nominee:\n  person: nguyen-thi-lan\n",
        "nominee:\n  person: nguyen-thi-lan\n  unit: van-phong-thong-ke\n",
    )
    assert found(tree, NOMINATION) == [
        (7, 3, "one-of-keys", "Trường «nominee» phải ghi đúng một trong các trường: person, unit."),
    ]


def test_nomination_vote_mode_misspelt_suggests_the_close_one(tree: Path) -> None:
    """``vote_mode: gio-tai`` is refused, suggesting gio-tay."""
    edit(tree, NOMINATION, "vote_mode: gio-tay\n", "vote_mode: gio-tai\n")
    assert found(tree, NOMINATION) == [
        (
            35,
            18,
            "enum",
            "Trường «vote_mode»: «gio-tai» không hợp lệ; hãy chọn một trong: gio-tay, bo-phieu-kin. Có phải ý bạn là «gio-tay»?",
        ),
    ]


def test_nomination_empty_summary_is_reported_once(tree: Path) -> None:
    """An empty summary gives one problem, not the same sentence twice."""
    edit(
        tree,
        NOMINATION,
        "summary: 'Phụ trách Bộ phận Một cửa: 99,2% hồ sơ TTHC giải quyết đúng hạn, 82,5% hồ sơ tiếp nhận trực tuyến.'\n",
        'summary: ""\n',
    )
    assert found(tree, NOMINATION) == [
        (10, 10, "empty", "Trường «summary» không được để trống; hãy điền nội dung."),
    ]


def test_nomination_blank_summary_is_refused_as_empty(tree: Path) -> None:
    """A summary of spaces only counts as empty."""
    edit(
        tree,
        NOMINATION,
        "summary: 'Phụ trách Bộ phận Một cửa: 99,2% hồ sơ TTHC giải quyết đúng hạn, 82,5% hồ sơ tiếp nhận trực tuyến.'\n",
        'summary: "   "\n',
    )
    assert found(tree, NOMINATION) == [
        (10, 10, "empty", "Trường «summary» không được để trống; hãy điền nội dung."),
    ]


# --- meeting ----------------------------------------------------------------


def test_meeting_with_another_tally_is_valid(tree: Path) -> None:
    """Changing one vote count within the number present has no problem."""
    edit(
        tree,
        MEETING,
        "  - nomination: ca-nhan-do-van-hai\n    in_favour: 1\n",
        "  - nomination: ca-nhan-do-van-hai\n    in_favour: 2\n",
    )
    assert problems_in(tree) == []


def test_meeting_negative_vote_count_is_refused(tree: Path) -> None:
    """A vote count of -1 is refused: it must be 0 or more."""
    edit(
        tree,
        MEETING,
        "  - nomination: ca-nhan-do-van-hai\n    in_favour: 1\n",
        "  - nomination: ca-nhan-do-van-hai\n    in_favour: -1\n",
    )
    assert found(tree, MEETING) == [
        (43, 16, "range", "Trường «in_favour»: «-1» không hợp lệ; giá trị phải từ 0 trở lên."),
    ]


def test_meeting_member_listed_twice_is_reported_at_the_repeat(tree: Path) -> None:
    """A member listed twice as present is reported at the second listing."""
    edit(tree, MEETING, "  - ma-van-hung\n", "  - ma-van-hung\n  - ma-van-hung\n")
    assert found(tree, MEETING) == [
        (16, 5, "duplicate-item", "Trường «present» có mục bị lặp lại («ma-van-hung»); hãy xóa mục thừa."),
    ]


def test_meeting_minutes_number_below_ten_needs_its_leading_zero(tree: Path) -> None:
    """``3/BB-HĐTĐKT`` is refused with the hint 03/BB-HĐTĐKT."""
    edit(tree, MEETING, "number: 03/BB-HĐTĐKT\n", "number: 3/BB-HĐTĐKT\n")
    assert found(tree, MEETING) == [
        (
            22,
            11,
            "pattern",
            "Trường «number»: số văn bản nhỏ hơn 10 viết hai chữ số; hãy viết 03/BB-HĐTĐKT thay cho 3/BB-HĐTĐKT.",
        ),
    ]


def test_meeting_resolution_with_a_single_tied_nomination_is_refused(tree: Path) -> None:
    """A tie needs at least two nominations."""
    edit(
        tree,
        MEETING,
        "      - tap-the-van-phong-thong-ke\n      - tap-the-tu-phap-ho-tich\n    chosen:",
        "      - tap-the-tu-phap-ho-tich\n    chosen:",
    )
    assert found(tree, MEETING) == [(46, 7, "too-few", "Trường «tied» phải có ít nhất 2 mục.")]


# --- decision ---------------------------------------------------------------

REVOCATION = """\
id: qd-huy-bo-2026
campaign: chung-tay-cchc-2025
kind: huy-bo
number: 07/QĐ-UBND
date: 2026-01-20
signer:
  person: truong-anh-tu
  position: Chủ tịch UBND xã
revokes:
  - decision: qd-khen-thuong-2025
    nomination: ca-nhan-nguyen-thi-lan
    reason: Thành tích kê khai không đúng sự thật.
"""
REVOCATION_FILE = "records/decisions/chung-tay-cchc-2025/qd-huy-bo-2026.yml"


def test_decision_revoking_an_award_is_valid(tree: Path) -> None:
    """A huy-bo decision revoking an award of an earlier decision has no problem."""
    write(tree, REVOCATION_FILE, REVOCATION)
    assert problems_in(tree) == []


def test_decision_huy_bo_without_revokes_is_refused(tree: Path) -> None:
    """A huy-bo decision must say what it revokes."""
    write(tree, REVOCATION_FILE, REVOCATION.split("revokes:")[0])
    assert found(tree, REVOCATION_FILE) == [
        (1, 1, "required", "Thiếu trường «revokes» trong hồ sơ; hãy thêm dòng «revokes: …»."),
    ]


def test_decision_khen_thuong_with_revokes_names_the_revokes_line(tree: Path) -> None:
    """An award decision must not revoke; the revokes line is the one reported."""
    edit(
        tree,
        DECISION,
        "fictional: true\n",
        "revokes:\n  - decision: qd-khen-thuong-2025\n    nomination: ca-nhan-nguyen-thi-lan\n"
        "    reason: Khai man thành tích.\nfictional: true\n",
    )
    assert found(tree, DECISION) == [
        (
            27,
            1,
            "not-allowed",
            "Trường «revokes» không được dùng ở đây: "
            "quyết định khen thưởng không ghi revokes; việc hủy bỏ cần một quyết định hủy bỏ (kind: huy-bo) riêng.",
        ),
    ]


def test_decision_kind_misspelt_suggests_the_close_one(tree: Path) -> None:
    """``kind: khen thuong`` is refused, suggesting khen-thuong."""
    edit(tree, DECISION, "kind: khen-thuong\n", "kind: khen thuong\n")
    assert found(tree, DECISION) == [
        (
            6,
            7,
            "enum",
            "Trường «kind»: «khen thuong» không hợp lệ; hãy chọn một trong: khen-thuong, huy-bo. Có phải ý bạn là «khen-thuong»?",
        ),
    ]


def test_decision_number_below_ten_needs_its_leading_zero(tree: Path) -> None:
    """``5/QĐ-UBND`` is refused with the hint 05/QĐ-UBND."""
    edit(tree, DECISION, "number: 215/QĐ-UBND\n", "number: 5/QĐ-UBND\n")
    assert found(tree, DECISION) == [
        (7, 9, "pattern", "Trường «number»: số văn bản nhỏ hơn 10 viết hai chữ số; hãy viết 05/QĐ-UBND thay cho 5/QĐ-UBND."),
    ]


# --- several problems at once -----------------------------------------------


def test_every_problem_in_every_file_is_reported_in_one_run_sorted(tree: Path) -> None:
    """Two problems in each of three files are all reported together, sorted by file, line and column."""
    edit(tree, PERSON, "category: cong-chuc\n", "category: cong_chuc\n")
    edit(tree, PERSON, 'phone: "0368152904"', 'phone: "036 815 2904"')
    edit(tree, UNIT, "kind: bo-phan\n", "kind: bo phan\n")
    edit(tree, UNIT, "parent: ubnd-xa-kim-phuong\n", "parrent: ubnd-xa-kim-phuong\n")
    edit(tree, LAW, "number: 30/2020/NĐ-CP\n", "number: 30\n")
    edit(tree, LAW, "issued: 2020-03-05", "issued: 2020-02-30")
    person, unit, law = "cá nhân nguyen-thi-lan", "đơn vị van-phong-thong-ke", "văn bản pháp luật nghi-dinh-30-2020"
    expected = [
        Problem(LAW, 5, 9, "type", 'Trường «number» phải là chữ; hãy đặt giá trị trong ngoặc kép: "30".', law),
        Problem(LAW, 8, 9, "format", f"Trường «issued»: ngày 2020-02-30 không có thật; {DATE_HINT}", law),
        Problem(
            PERSON,
            7,
            11,
            "enum",
            "Trường «category»: «cong_chuc» không hợp lệ; hãy chọn một trong: "
            "can-bo, cong-chuc, vien-chuc, nguoi-lao-dong, khong-chuyen-trach, nhan-dan. "
            "Có phải ý bạn là «cong-chuc»?",
            person,
        ),
        Problem(
            PERSON,
            10,
            10,
            "private-invalid",
            "Trường «phone» chưa đúng dạng (thông tin riêng tư: giá trị không được in ra). "
            "10 chữ số, bắt đầu bằng 0, không có dấu cách. Ví dụ: 0912345678.",
            person,
        ),
        Problem(
            UNIT,
            6,
            7,
            "enum",
            "Trường «kind»: «bo phan» không hợp lệ; hãy chọn một trong: "
            "co-quan, bo-phan, mat-tran, doan-the, xom, truong, khac. Có phải ý bạn là «bo-phan»?",
            unit,
        ),
        Problem(UNIT, 7, 1, "unknown-key", "Trường «parrent» không có trong mẫu đơn vị. Có phải ý bạn là «parent»?", unit),
    ]
    problems = problems_in(tree)
    assert problems == expected
    assert [(p.file, p.line, p.column) for p in problems] == sorted((p.file, p.line, p.column) for p in problems)
