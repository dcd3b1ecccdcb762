"""thidua new: skeletons with every required field and Vietnamese comments, never overwriting a file."""

from __future__ import annotations

from pathlib import Path

from conftest import problems_in

NEW = "records/nominations/chung-tay-cchc-2025/ca-nhan-hoang-van-nam.yml"


def test_nomination_skeleton_guides_the_officer_through_validate(tree: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """A new nomination is prefilled from the plan; validate then asks only for what a person must supply."""
    run = cli("--root", str(tree), "new", "nomination", "--campaign", "chung-tay-cchc-2025", "--person", "hoang-van-nam")
    assert run.code == 0
    assert run.out == f"Đã tạo {NEW}. Hãy điền các dòng còn trống rồi chạy «thidua validate».\n"
    text = (tree / NEW).read_text("utf-8")
    assert "proposed_by: van-phong-thong-ke\n" in text and "award: giay-khen-chu-tich-ubnd-xa\n" in text
    assert "# Đơn vị đề nghị: Mã đơn vị trình hồ sơ; cá nhân được đề nghị phải thuộc đơn vị này.\n" in text
    codes = sorted({p.code for p in problems_in(tree, NEW)})
    assert codes == ["empty", "missing-file", "not-present", "unknown-reference"]


def test_filled_skeleton_validates(tree: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """Once numbers, scans and the secretary are filled in, the new nomination is valid."""
    cli("--root", str(tree), "new", "nomination", "--campaign", "chung-tay-cchc-2025", "--unit", "tai-chinh-ke-toan")
    path = tree / "records/nominations/chung-tay-cchc-2025/tap-the-tai-chinh-ke-toan.yml"
    text = path.read_text("utf-8")
    pdf = (tree / "records/files/chung-tay-cchc-2025/ca-nhan-nguyen-thi-lan/to-trinh.pdf").read_bytes()
    for doc in ("to-trinh", "bien-ban-hop", "bao-cao-thanh-tich"):
        target = tree / f"records/files/chung-tay-cchc-2025/tap-the-tai-chinh-ke-toan/{doc}.pdf"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pdf)
    head = next(line.split(": ")[1] for line in text.splitlines() if line.strip().startswith("chair: "))
    text = text.replace('number: ""', 'number: "09/TTr-TCKT"', 1).replace('number: ""', 'number: "04/BB-TCKT"', 1)
    text = text.replace("secretary: ma-thu-ky", f"secretary: {head}")
    path.write_text(text, "utf-8")
    assert problems_in(tree, "records/nominations/chung-tay-cchc-2025/tap-the-tai-chinh-ke-toan.yml") == []
    assert cli("--root", str(tree), "build", "--as-of", "2025-11-20").code == 0  # the preview shows the new dossier
    board = (tree / "docs/phong-trao/chung-tay-cchc-2025/ho-so.md").read_text("utf-8")
    assert "| [Tài chính - kế toán](../../don-vi/tai-chinh-ke-toan.md) (tập thể) |" in board


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
