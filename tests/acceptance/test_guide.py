"""The staff guide's examples stay true: its nomination skeleton validates, its error example is what validate prints."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT, problems_in, write

GUIDE = ROOT / "docs" / "huong-dan" / "index.md"


def test_the_guides_skeleton_is_a_valid_nomination(tree: Path) -> None:
    """The YAML skeleton in the guide, saved as the sample nomination it describes, has no problem."""
    [skeleton] = re.findall(r"```yaml\n(.*?)```", GUIDE.read_text("utf-8"), re.S)
    write(tree, "records/nominations/chung-tay-cchc-2025/ca-nhan-nguyen-thi-lan.yml", skeleton)
    assert problems_in(tree) == []


def test_the_guides_error_example_is_what_validate_prints(tree: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """The error line shown in the guide is printed, word for word, for the mistake it describes."""
    [example] = [b for b in re.findall(r"```text\n(.*?)\n```", GUIDE.read_text("utf-8"), re.S) if ".yml:" in b]
    path = tree / "records/nominations/chung-tay-cchc-2025/ca-nhan-nguyen-thi-lan.yml"
    path.write_text(
        path.read_text("utf-8").replace("submitted_at: 2025-11-27T09:20:00+07:00", "submitted_at: 27/11/2025"), "utf-8"
    )
    run = cli("--root", str(tree), "validate")
    assert example in run.out.splitlines()


def test_the_guides_deadline_message_is_the_guards(tree: Path) -> None:
    """The deadline message quoted in the guide is, word for word, what the guard reports."""
    import datetime as dt

    from thidua.model import registry_from
    from thidua.records.validate import validate_tree
    from thidua.repo.guard import deadline_problems

    [quoted] = [b for b in re.findall(r"```text\n(.*?)\n```", GUIDE.read_text("utf-8"), re.S) if "hết hạn" in b]
    registry = registry_from(validate_tree(tree).records)
    [problem] = deadline_problems(registry, ["records/nominations/chung-tay-cchc-2025/x.yml"], dt.date(2025, 12, 6))
    assert quoted == problem.message
