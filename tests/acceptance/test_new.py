"""thidua new: skeletons with every required field and Vietnamese comments, never overwriting a file."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import problems_in

NEW = "records/nominations/chung-tay-cchc-2025/ca-nhan-hoang-van-nam.yml"


def test_nomination_skeleton_is_valid_and_validate_lists_what_it_lacks(tree: Path, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A new nomination is prefilled from the plan with what thidua knows and nothing it cannot know (no number, no
    date, no placeholder code): the file is valid as it is, and validate lists every document still to send. Created
    before the deadline (20/11/2025), no warning."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763596800")  # 2025-11-20 00:00 UTC
    run = cli("--root", str(tree), "new", "nomination", "--campaign", "chung-tay-cchc-2025", "--person", "hoang-van-nam")
    assert run.code == 0
    assert run.out == f"Đã tạo {NEW}. Hãy điền các dòng còn trống rồi chạy «thidua validate».\n"
    text = (tree / NEW).read_text("utf-8")
    assert "proposed_by: van-phong-thong-ke\n" in text and "award: giay-khen-chu-tich-ubnd-xa\n" in text
    assert "# Đơn vị đề nghị: Mã đơn vị trình hồ sơ; cá nhân được đề nghị phải thuộc đơn vị này.\n" in text
    assert "2025-11-20" not in text and "ma-" not in text and "\nsummary:" not in text
    assert problems_in(tree, NEW) == []
    listed = cli("--root", str(tree), "validate", "--as-of", "2025-11-20").out
    assert (
        f"{NEW}: [hồ sơ đề nghị ca-nhan-hoang-van-nam] Hồ sơ chưa đủ, còn phải: Tờ trình khen thưởng của cơ quan; Biên bản "
        "họp của cơ quan; Báo cáo thành tích tập thể, cá nhân; nộp hồ sơ cho nơi nhận hồ sơ." in listed
    )


def test_a_nomination_created_after_the_deadline_is_warned_about(tree: Path, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """On 06/12/2025, the day after the deadline, the file is still created (exit 0) with a warning that the checks
    on pull requests will refuse it."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764979200")  # 2025-12-06 00:00 UTC
    run = cli("--root", str(tree), "new", "nomination", "--campaign", "chung-tay-cchc-2025", "--person", "hoang-van-nam")
    assert run.code == 0
    assert run.out.splitlines()[1] == (
        "Lưu ý: phong trào “Chung tay Cải cách hành chính” năm 2025 đã hết hạn nhận hồ sơ (hết ngày 05/12/2025); máy "
        "kiểm tra sẽ từ chối hồ sơ đề nghị mới gửi lên. Nếu cần bổ sung, hãy liên hệ bộ phận theo dõi phong trào."
    )


def _uncomment_documents(text: str) -> str:
    """What the skeleton tells the officer to do once the documents exist."""
    text = text.replace("documents: []\n", "documents:\n")
    return "".join(line[2:] if line.startswith("#   ") else line for line in text.splitlines(keepends=True))


def test_filled_skeleton_validates(tree: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """Once its documents are uncommented and their numbers, dates, scans, secretary and votes filled in, the new
    nomination is valid and complete."""
    cli("--root", str(tree), "new", "nomination", "--campaign", "chung-tay-cchc-2025", "--unit", "tai-chinh-ke-toan")
    path = tree / "records/nominations/chung-tay-cchc-2025/tap-the-tai-chinh-ke-toan.yml"
    text = _uncomment_documents(path.read_text("utf-8"))
    pdf = (tree / "records/files/chung-tay-cchc-2025/ca-nhan-nguyen-thi-lan/to-trinh.pdf").read_bytes()
    for doc in ("to-trinh", "bien-ban-hop", "bao-cao-thanh-tich"):
        target = tree / f"records/files/chung-tay-cchc-2025/tap-the-tai-chinh-ke-toan/{doc}.pdf"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pdf)
    head = next(line.split(": ")[1].split("  #")[0] for line in text.splitlines() if line.strip().startswith("chair: "))
    text = text.replace('number: ""', 'number: "09/TTr-TCKT"', 1).replace('number: ""', 'number: "04/BB-TCKT"', 1)
    text = text.replace("date:  # ngày văn bản", "date: 2025-11-18  # ngày văn bản")
    text = text.replace("secretary:  # mã thư ký", f"secretary: {head}")
    text = text.replace("in_favour:  # số người đồng ý", "in_favour: 1").replace("voters:  # số người biểu quyết", "voters: 1")
    path.write_text(text, "utf-8")
    assert problems_in(tree, "records/nominations/chung-tay-cchc-2025/tap-the-tai-chinh-ke-toan.yml") == []
    listed = cli("--root", str(tree), "validate", "--as-of", "2025-12-20").out
    assert "tap-the-tai-chinh-ke-toan" not in listed  # complete: nothing left to send after the deadline
    assert cli("--root", str(tree), "build", "--as-of", "2025-11-20").code == 0  # the preview shows the new dossier
    board = (tree / "docs/phong-trao/chung-tay-cchc-2025/ho-so.md").read_text("utf-8")
    assert '<td><a href="../../../don-vi/tai-chinh-ke-toan/">Tài chính - kế toán</a> (tập thể)</td>' in board


def test_help_placeholders_are_vietnamese(cli) -> None:  # type: ignore[no-untyped-def]
    """No option of any verb shows argparse's English placeholder (its name in capitals)."""
    verbs = (
        "validate",
        "evaluate",
        "documents",
        "build",
        "serve",
        "new",
        "new nomination",
        "new unit",
        "new person",
        "new campaign",
    )
    for verb in ("", *verbs):
        out = cli(*verb.split(), "--help").out
        assert "Cách dùng: thidua" in out
        english = set(re.findall(r"\b[A-Z][A-Z_]{2,}\b", out)) - {
            "JSON",
            "PDF",
            "CODEOWNERS",
            "SOURCE_DATE_EPOCH",
            "THIDUA_CACHE_DIR",
        }
        assert english == set(), (verb, english)
    assert "--campaign MÃ_PHONG_TRÀO" in cli("new", "nomination", "--help").out


def test_new_never_overwrites(tree: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """Asking twice for the same record leaves the first file as it was and exits 2."""
    cli("--root", str(tree), "new", "nomination", "--campaign", "chung-tay-cchc-2025", "--person", "hoang-van-nam")
    (tree / NEW).write_text("# đang điền dở\n", "utf-8")
    run = cli("--root", str(tree), "new", "nomination", "--campaign", "chung-tay-cchc-2025", "--person", "hoang-van-nam")
    assert run.code == 2
    assert "thidua new không ghi đè" in run.err
    assert (tree / NEW).read_text("utf-8") == "# đang điền dở\n"
    run = cli("--root", str(tree), "new", "unit", "van-phong-thong-ke", "--name", "Văn phòng", "--kind", "bo-phan")
    assert run.code == 2


def test_new_unit_person_and_campaign_validate(tree: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """A new unit, a new person in it and a campaign copied from an earlier one are valid records straight away."""
    assert (
        cli(
            "--root", str(tree), "new", "unit", "xom-moi", "--name", "Xóm Mới", "--kind", "xom", "--parent", "ubnd-xa-kim-phuong"
        ).code
        == 0
    )
    assert cli("--root", str(tree), "new", "person", "tran-van-moi", "--name", "Trần Văn Mới", "--unit", "xom-moi").code == 0
    run = cli("--root", str(tree), "new", "campaign", "chung-tay-cchc-2026", "--from", "chung-tay-cchc-2025", "--year", "2026")
    assert run.code == 0
    text = (tree / "records/campaigns/chung-tay-cchc-2026.yml").read_text("utf-8")
    assert "id: chung-tay-cchc-2026\n" in text and "year: 2026\n" in text
    assert problems_in(tree) == []


def test_unknown_campaign_or_person_is_a_usage_error(tree: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """A skeleton for a campaign or person that does not exist is refused with the names that do."""
    run = cli("--root", str(tree), "new", "nomination", "--campaign", "khong-co", "--person", "hoang-van-nam")
    assert run.code == 2
    assert run.err == "thidua: lỗi: không có phong trào «khong-co»; các phong trào: chung-tay-cchc-2025.\n"
