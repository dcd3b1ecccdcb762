"""The thidua command line: exit codes, output formats, and no traceback for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, edit, write

NOMINATION = "records/nominations/chung-tay-cchc-2025/ca-nhan-nguyen-thi-lan.yml"
PERSON = "records/people/nguyen-thi-lan.yml"
MEETING = "records/meetings/chung-tay-cchc-2025/xet-khen-thuong-2025.yml"


def _break(tree: Path) -> None:
    """Two files with three problems: a Vietnamese date, a misspelt key, an unknown unit."""
    path = tree / NOMINATION
    text = path.read_text("utf-8")
    text = text.replace("submitted_at: 2025-11-27T09:20:00+07:00", "submitted_at: 27/11/2025")
    text = text.replace("summary:", "sumary:")
    path.write_text(text, "utf-8")
    person = (tree / PERSON).read_text("utf-8").replace("unit: van-phong-thong-ke", "unit: van-phong")
    write(tree, PERSON, person)


def test_repository_records_are_valid(cli) -> None:
    """The records committed in the repository validate with exit code 0."""
    run = cli("--root", str(ROOT), "validate")
    assert run.code == 0, run.out
    assert run.out.startswith("Tất cả ") and " tệp hồ sơ đều hợp lệ" in run.out.splitlines()[0]


def test_text_report_names_every_problem(tree, cli, golden) -> None:
    """A broken copy exits 1 and prints every problem with file:line:col, record and a Vietnamese fix."""
    _break(tree)
    run = cli("--root", str(tree), "validate")
    assert run.code == 1
    golden("validate-broken.txt", run.out)


def test_github_format_and_step_summary(tree, cli, golden, monkeypatch, tmp_path) -> None:
    """--format github prints one ::error annotation per problem and writes the full list to the step summary."""
    _break(tree)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run = cli("--root", str(tree), "validate", "--format", "github")
    assert run.code == 1
    golden("validate-broken.github.txt", run.out)
    golden("validate-broken.summary.md", summary.read_text("utf-8"))


def test_json_format(tree, cli, golden) -> None:
    """--format json prints a stable machine-readable report."""
    _break(tree)
    run = cli("--root", str(tree), "validate", "--format", "json")
    assert run.code == 1
    report = json.loads(run.out)
    assert report["valid"] is False
    assert [p["code"] for p in report["problems"]] == ["format", "unknown-key", "unknown-reference"]
    golden("validate-broken.json", run.out)


def test_usage_errors_exit_2_in_vietnamese(cli) -> None:
    """An unknown verb or option is a usage error: exit 2 and a Vietnamese message."""
    run = cli("kiemtra")
    assert run.code == 2
    assert "thidua: lỗi: tham số LỆNH: lựa chọn không hợp lệ: 'kiemtra'" in run.err
    run = cli("validate", "--format", "xml")
    assert run.code == 2
    assert "lựa chọn không hợp lệ: 'xml'" in run.err


def test_missing_records_folder_is_a_usage_error(cli, tmp_path) -> None:
    """Run outside a records repository, thidua says where it looked and exits 2."""
    run = cli("--root", str(tmp_path), "validate")
    assert run.code == 2
    assert (
        run.err
        == f"thidua: lỗi: không thấy thư mục records/ trong {tmp_path}; hãy chạy lệnh ở gốc kho hồ sơ hoặc chỉ rõ --root.\n"
    )


def test_internal_error_has_no_traceback(cli, monkeypatch) -> None:
    """An unexpected failure exits 2 with one plain sentence, never a traceback."""
    import thidua.cli

    def explode(root: Path, **options: object) -> None:
        raise RuntimeError("hỏng")

    monkeypatch.setattr(thidua.cli, "validate_tree", explode)
    run = cli("--root", str(ROOT), "validate")
    assert run.code == 2
    assert "Traceback" not in run.err
    assert run.err == ("thidua: lỗi nội bộ (RuntimeError: hỏng). Hãy chạy lại với THIDUA_DEBUG=1 và báo cho người bảo trì.\n")


@pytest.mark.parametrize("content", [b"\xff\xfe bad", b"a: [1, 2\n", b"", b"id: x\nid: y\n"])
def test_unreadable_files_never_crash(tree, cli, content) -> None:
    """Files that are not UTF-8, not YAML, empty or with duplicate keys give exit 1 and a located message."""
    write(tree, "records/units/hong.yml", content)
    run = cli("--root", str(tree), "validate")
    assert run.code == 1
    assert "Traceback" not in run.out + run.err
    assert run.out.startswith("records/units/hong.yml:")


def test_invalid_records_leave_site_and_docs_untouched(tree, cli) -> None:
    """thidua build on invalid records exits 1 and changes neither site/ nor the generated pages."""
    site = write(tree, "site/index.html", "trang cũ")
    write(tree, "site/.thidua-site", "")  # built by thidua earlier, so a build may replace it
    _break(tree)
    before = sorted(p.relative_to(tree).as_posix() for p in tree.rglob("*"))
    run = cli("--root", str(tree), "build", "--as-of", "2025-11-20")
    assert run.code == 1
    assert "Chưa dựng trang thông tin vì hồ sơ còn lỗi; trang cũ (nếu có) được giữ nguyên." in run.out
    assert site.read_text("utf-8") == "trang cũ"
    assert sorted(p.relative_to(tree).as_posix() for p in tree.rglob("*")) == before


def test_as_of_must_be_a_date(cli) -> None:
    """--as-of in the Vietnamese order is refused with the form to write."""
    run = cli("build", "--as-of", "20/11/2025")
    assert run.code == 2
    assert "«20/11/2025» không phải ngày dạng năm-tháng-ngày, ví dụ 2025-12-05" in run.err


def test_broken_schema_is_a_maintainer_error(tree, cli) -> None:
    """A schema that is not valid JSON stops validation with exit 2, naming the schema's line and column."""
    write(tree, "schemas/unit.schema.json", '{\n  "title": "Đơn vị",\n}\n')
    run = cli("--root", str(tree), "validate")
    assert run.code == 2
    assert run.err == (
        "thidua: lỗi: không đọc được mẫu unit.schema.json:3:1; "
        "hãy sửa tệp JSON này (lỗi của người bảo trì, không phải của hồ sơ).\n"
    )


def test_schema_breaking_the_metaschema_is_refused(tree, cli) -> None:
    """A schema that breaks the Draft 2020-12 metaschema is refused before any record is read."""
    path = tree / "schemas/unit.schema.json"
    path.write_text(path.read_text("utf-8").replace('"type": "object"', '"type": "doi-tuong"', 1), "utf-8")
    run = cli("--root", str(tree), "validate")
    assert run.code == 2
    assert run.err.startswith("thidua: lỗi: mẫu không hợp lệ theo Draft 2020-12: unit.schema.json: ")


def test_invalid_record_referenced_by_others_reports_only_itself(tree, cli) -> None:
    """A person whose record breaks its schema is reported once; records naming that person do not crash or echo it."""
    path = tree / PERSON
    path.write_text(path.read_text("utf-8").replace("unit: van-phong-thong-ke\n", ""), "utf-8")
    run = cli("--root", str(tree), "validate")
    assert run.code == 1
    assert run.out.splitlines()[:-1] == [
        "records/people/nguyen-thi-lan.yml:1:1: [cá nhân nguyen-thi-lan] Thiếu trường «unit» (Đơn vị công tác) trong hồ sơ; "
        "hãy thêm dòng «unit: …»."
    ]


def test_a_bad_value_does_not_hide_the_other_problems_of_its_record(tree, cli) -> None:
    """A record with a malformed date is still checked against the others: both problems come at once, no echoes."""
    path = tree / NOMINATION
    text = path.read_text("utf-8").replace("submitted_at: 2025-11-27T09:20:00+07:00", "submitted_at: 27/11/2025")
    path.write_text(text.replace("proposed_by: van-phong-thong-ke", "proposed_by: van-phong"), "utf-8")
    run = cli("--root", str(tree), "validate")
    assert run.code == 1
    assert run.out.splitlines()[:-1] == [
        f"{NOMINATION}:8:14: [hồ sơ đề nghị ca-nhan-nguyen-thi-lan] Không tìm thấy đơn vị «van-phong» trong records/units. "
        "Có phải ý bạn là «van-phong-thong-ke»?",
        f"{NOMINATION}:9:15: [hồ sơ đề nghị ca-nhan-nguyen-thi-lan] Trường «submitted_at»: ngày phải viết theo dạng "
        "năm-tháng-ngày; hãy viết 2025-11-27 thay cho 27/11/2025.",
    ]


def test_unreadable_record_is_reported_once_and_named(tree, cli) -> None:
    """A nomination that cannot be read is reported once, named by its file; records citing it do not echo it."""
    write(tree, NOMINATION, "id: ca-nhan-nguyen-thi-lan\nid: lap\n")
    run = cli("--root", str(tree), "validate")
    assert run.code == 1
    assert run.out.splitlines()[:-1] == [
        f"{NOMINATION}:2:1: [hồ sơ đề nghị ca-nhan-nguyen-thi-lan] Trường «id» bị lặp lại (đã có ở dòng 1); hãy xóa một trong hai."
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "ca-nhan-moi.YML",
            "Hồ sơ phải có đuôi .yml (chữ thường), không phải «.YML»; hãy đổi tên thành ca-nhan-moi.yml để hồ sơ được đọc.",
        ),
        (
            "ca-nhan-moi",
            "Tệp «ca-nhan-moi» không phải tệp hồ sơ nên không được đọc; hồ sơ phải có đuôi .yml (ví dụ ca-nhan-moi.yml).",
        ),
        (
            "ca-nhan-moi.yml.txt",
            "Tệp «ca-nhan-moi.yml.txt» không phải tệp hồ sơ nên không được đọc; hồ sơ phải có đuôi .yml (ví dụ ca-nhan-moi.yml).",
        ),
    ],
)
def test_misnamed_record_files_are_not_silently_ignored(tree, cli, name, message) -> None:
    """A dossier uploaded under a wrong file name is reported instead of disappearing."""
    write(tree, f"records/nominations/chung-tay-cchc-2025/{name}", "id: ca-nhan-moi\n")
    run = cli("--root", str(tree), "validate")
    assert run.code == 1
    assert run.out.splitlines()[0] == f"records/nominations/chung-tay-cchc-2025/{name}:1:1: {message}"


def test_a_yaml_copy_beside_a_yml_record_is_refused_not_read(tree, cli) -> None:
    """Records end in .yml only: a .yaml copy is reported with the name to give it, and never read."""
    text = (tree / PERSON).read_text("utf-8")
    write(tree, PERSON.replace(".yml", ".yaml"), text)
    run = cli("--root", str(tree), "validate")
    assert run.code == 1
    assert run.out.splitlines()[:-1] == [
        "records/people/nguyen-thi-lan.yaml:1:1: Hồ sơ phải có đuôi .yml (chữ thường), không phải «.yaml»; "
        "hãy đổi tên thành nguyen-thi-lan.yml để hồ sơ được đọc."
    ]


def test_winding_file_path_is_refused_with_the_direct_one(tree, cli) -> None:
    """A document path that goes out and back with .. is refused, with the direct path to write."""
    path = tree / NOMINATION
    direct = "records/files/chung-tay-cchc-2025/ca-nhan-nguyen-thi-lan/to-trinh.pdf"
    winding = "records/files/chung-tay-cchc-2025/ca-nhan-nguyen-thi-lan/../ca-nhan-nguyen-thi-lan/to-trinh.pdf"
    path.write_text(path.read_text("utf-8").replace(f"file: {direct}", f"file: {winding}"), "utf-8")
    run = cli("--root", str(tree), "validate")
    assert run.code == 1
    assert f"Đường dẫn «{winding}» có «..» hoặc «.»; hãy viết thẳng {direct}." in run.out


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("in_favour: 3\n", "in_favour: 3.5\n", "Trường «in_favour» phải là số nguyên (không có phần lẻ), không phải 3,5."),
        ("in_favour: 3\n", 'in_favour: "3"\n', "Trường «in_favour» phải là số nguyên; hãy bỏ dấu ngoặc kép: 3."),
        ("proposed_by: van-phong-thong-ke\n", "proposed_by:\n", "Trường «proposed_by» đang để trống; hãy điền chữ."),
    ],
)
def test_wrong_kind_of_value_gets_the_right_advice(tree, cli, old, new, message) -> None:
    """Empty values, fractions and quoted numbers each get advice that fixes them."""
    path = tree / NOMINATION
    text = path.read_text("utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), "utf-8")
    run = cli("--root", str(tree), "validate")
    assert run.code == 1
    assert message in run.out


def test_symlinks_in_records_neither_loop_nor_crash(tree, cli) -> None:  # type: ignore[no-untyped-def]
    """A symlinked folder is not entered (no loop) and a broken symlink is not read: each is reported at its path."""
    (tree / "records/units/vong").symlink_to("../units")
    (tree / "records/units/hong.yml").symlink_to(tree / "khong-co.yml")
    run = cli("--root", str(tree), "validate")
    assert (run.code, run.err) == (1, "")
    assert [line.split(": ", 1)[0] for line in run.out.splitlines()[:-1]] == [
        "records/units/hong.yml:1:1",
        "records/units/vong:1:1",
    ]


@pytest.mark.parametrize("cached", [True, False])
def test_a_file_that_cannot_be_read_is_reported_not_crashed_on(tree, cli, monkeypatch, cached) -> None:  # type: ignore[no-untyped-def]
    """A record removed between listing and reading is a located problem, exit 1: whether it vanishes before its
    times are read (with the cache) or before it is opened (without)."""
    import builtins

    import thidua.records.reading
    import thidua.records.validate

    real_stat, real_open = thidua.records.validate.file_stat, builtins.open

    def gone_stat(path: str):  # type: ignore[no-untyped-def]
        if path.endswith("records/units/hoi-nong-dan.yml"):
            raise FileNotFoundError(2, "No such file or directory")
        return real_stat(path)

    def gone_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).endswith("records/units/hoi-nong-dan.yml"):
            raise FileNotFoundError(2, "No such file or directory")
        return real_open(path, *args, **kwargs)

    if cached:
        monkeypatch.setattr(thidua.records.validate, "file_stat", gone_stat)
    else:
        monkeypatch.setattr(thidua.records.reading, "open", gone_open, raising=False)
    run = cli("--root", str(tree), *(() if cached else ("--no-cache",)), "validate")
    assert run.code == 1 and "Traceback" not in run.out + run.err
    assert run.out.startswith(
        "records/units/hoi-nong-dan.yml:1:1: [đơn vị hoi-nong-dan] Không đọc được tệp "
        "(tệp vừa bị xóa, đổi tên hoặc hỏng); hãy kiểm tra tệp rồi chạy lại."
    )


def test_valid_but_unfinished_dossiers_are_listed_in_every_format(tree, cli, tmp_path, monkeypatch) -> None:
    """On 20/11/2025, before the deadline: La Thị Nhung's dossier (only the Báo cáo, not sent) and Địa chính's (no
    Biên bản họp) are valid records but not finished. Exit 0, and the summary no longer reads as «all done»: each
    format says what each still lacks."""
    run = cli("--root", str(tree), "validate", "--as-of", "2025-11-20")
    assert run.code == 0
    assert run.out.splitlines() == [
        "Tất cả 106 tệp hồ sơ đều hợp lệ, nhưng 2 hồ sơ đề nghị còn chưa đủ; mỗi hồ sơ còn phải gửi gì được liệt kê kèm theo.",
        "records/nominations/chung-tay-cchc-2025/ca-nhan-la-thi-nhung.yml: [hồ sơ đề nghị ca-nhan-la-thi-nhung] Hồ sơ chưa "
        "đủ, còn phải: Tờ trình khen thưởng của cơ quan; Biên bản họp của cơ quan; nộp hồ sơ cho nơi nhận hồ sơ.",
        "records/nominations/chung-tay-cchc-2025/tap-the-dia-chinh-xay-dung.yml: [hồ sơ đề nghị tap-the-dia-chinh-xay-dung] "
        "Hồ sơ chưa đủ, còn phải: Biên bản họp của cơ quan.",
    ]
    after = cli("--root", str(tree), "validate", "--as-of", "2025-12-20")
    assert "nộp hồ sơ" not in after.out  # after the deadline it can no longer be sent
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    github = cli("--root", str(tree), "validate", "--as-of", "2025-11-20", "--format", "github")
    assert github.code == 0
    warnings = [line for line in github.out.splitlines() if line.startswith("::warning ")]
    assert warnings[1] == (
        "::warning file=records/nominations/chung-tay-cchc-2025/tap-the-dia-chinh-xay-dung.yml,line=1,"
        "title=thidua%3A hồ sơ đề nghị tap-the-dia-chinh-xay-dung::Hồ sơ chưa đủ, còn phải: Biên bản họp của cơ quan."
    )
    assert len(warnings) == 2
    assert (
        "| `records/nominations/chung-tay-cchc-2025/tap-the-dia-chinh-xay-dung.yml` | hồ sơ đề nghị "
        "tap-the-dia-chinh-xay-dung | Biên bản họp của cơ quan |" in summary.read_text("utf-8")
    )
    report = json.loads(cli("--root", str(tree), "validate", "--as-of", "2025-11-20", "--format", "json").out)
    assert report["valid"] is True
    assert report["unfinished"] == [
        {
            "file": "records/nominations/chung-tay-cchc-2025/ca-nhan-la-thi-nhung.yml",
            "record": "hồ sơ đề nghị ca-nhan-la-thi-nhung",
            "to_send": ["Tờ trình khen thưởng của cơ quan", "Biên bản họp của cơ quan", "nộp hồ sơ cho nơi nhận hồ sơ"],
        },
        {
            "file": "records/nominations/chung-tay-cchc-2025/tap-the-dia-chinh-xay-dung.yml",
            "record": "hồ sơ đề nghị tap-the-dia-chinh-xay-dung",
            "to_send": ["Biên bản họp của cơ quan"],
        },
    ]


def test_a_missing_number_or_an_unsent_complete_dossier_is_unfinished(tree, cli) -> None:
    """A dossier with every document but the Tờ trình's number left blank must still send that number; one with every
    document, numbered, but never submitted must still be sent while the deadline has not passed."""
    edit(tree, "records/nominations/chung-tay-cchc-2025/tap-the-van-phong-thong-ke.yml", "    number: 21/TTr-VP\n", "")
    edit(tree, NOMINATION, "submitted_at: 2025-11-27T09:20:00+07:00\n", "")
    edit(tree, MEETING, "  - nomination: ca-nhan-nguyen-thi-lan\n    in_favour: 7\n", "")  # not sent: not voted on
    run = cli("--root", str(tree), "validate", "--as-of", "2025-11-20")
    assert run.code == 0
    listed = [line for line in run.out.splitlines() if "ca-nhan-nguyen-thi-lan]" in line or "van-phong-thong-ke]" in line]
    assert listed == [
        f"{NOMINATION}: [hồ sơ đề nghị ca-nhan-nguyen-thi-lan] Hồ sơ chưa đủ, còn phải: nộp hồ sơ cho nơi nhận hồ sơ.",
        "records/nominations/chung-tay-cchc-2025/tap-the-van-phong-thong-ke.yml: [hồ sơ đề nghị tap-the-van-phong-thong-ke] "
        "Hồ sơ chưa đủ, còn phải: số của Tờ trình khen thưởng của cơ quan.",
    ]
