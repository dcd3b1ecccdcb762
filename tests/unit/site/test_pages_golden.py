"""Golden files for the rendered Markdown of the sample campaign (rewrite with pytest --update-golden)."""

from __future__ import annotations

from pathlib import Path

import pytest

from thidua.cli import main

PAGES = (
    "index.md",
    "phong-trao/chung-tay-cchc-2025/index.md",
    "phong-trao/chung-tay-cchc-2025/ho-so.md",
    "phong-trao/chung-tay-cchc-2025/xet-chon.md",
    "phong-trao/chung-tay-cchc-2025/nhiem-vu.md",
    "bang-vang/index.md",
    "don-vi/van-phong-thong-ke.md",
    "tra-cuu/index.md",
)


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import copy_repository

    root = copy_repository(tmp_path_factory.mktemp("golden") / "repo")
    assert main(["--root", str(root), "build", "--as-of", "2025-12-20"]) == 0
    return root / "docs"


@pytest.mark.parametrize("page", PAGES)
def test_rendered_markdown_matches_its_golden_file(docs: Path, golden, page: str) -> None:  # type: ignore[no-untyped-def]
    """The sample campaign's generated page is exactly the reviewed golden file."""
    golden("pages/" + page.replace("/", "__"), (docs / page).read_text("utf-8"))
