"""The validation cache: the same answer as a cold run, after any change, and never a stale one."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, copy_repository, edit, write
from thidua.problems import Problem
from thidua.records import yaml_reader
from thidua.records.validate import validate_tree
from thidua.speed.cache import cache_file

NOMINATION = "records/nominations/chung-tay-cchc-2025/ca-nhan-nguyen-thi-lan.yml"
CAMPAIGN = "records/campaigns/chung-tay-cchc-2025.yml"
PERSON = "records/people/nguyen-thi-lan.yml"


def warm(root: Path) -> list[Problem]:
    return validate_tree(root, use_cache=True).problems


def cold(root: Path) -> list[Problem]:
    return validate_tree(root).problems


def same_as_cold(root: Path) -> list[Problem]:
    """The cached run's problems, checked against a run that reads everything again."""
    problems = warm(root)
    assert problems == cold(root)
    return problems


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The record files parsed from their text (not taken from the cache)."""
    parsed: list[str] = []
    real = yaml_reader.load

    def spy(path: str, content: bytes) -> yaml_reader.Document:
        parsed.append(path)
        return real(path, content)

    monkeypatch.setattr(yaml_reader, "load", spy)
    return parsed


def test_a_second_run_reads_nothing_again_and_answers_the_same(tree: Path, reads: list[str]) -> None:
    assert warm(tree) == [] == cold(tree)
    assert len(reads) > 90  # the first cached run and the cold run read every file
    reads.clear()
    assert warm(tree) == []
    assert reads == []


def test_one_changed_record_is_the_only_one_read_again(tree: Path, reads: list[str]) -> None:
    warm(tree)
    edit(tree, NOMINATION, "proposed_by: van-phong-thong-ke", "proposed_by: van-phong-thong-k")
    reads.clear()
    problems = warm(tree)
    assert reads == [NOMINATION]
    assert problems == cold(tree)
    assert [(p.file, p.code) for p in problems] == [(NOMINATION, "unknown-reference")]
    assert "Có phải ý bạn là «van-phong-thong-ke»" in problems[0].message


def test_stored_problems_are_reported_again_with_their_places(tree: Path) -> None:
    edit(tree, NOMINATION, "proposed_by: van-phong-thong-ke", "proposed_by: tu-phap-ho-tich")
    first = same_as_cold(tree)
    assert (NOMINATION, 8, 14, "person-not-in-unit") in {(p.file, p.line, p.column, p.code) for p in first}
    assert warm(tree) == first  # the record is unchanged: its problem comes from the cache


def test_a_change_in_a_record_another_one_reads_is_seen(tree: Path) -> None:
    """The nomination file is untouched; the person it names moves to another unit."""
    warm(tree)
    edit(tree, PERSON, "unit: van-phong-thong-ke", "unit: tu-phap-ho-tich")
    problems = same_as_cold(tree)
    assert (NOMINATION, "person-not-in-unit") in {(p.file, p.code) for p in problems}


def test_a_change_in_the_campaign_is_seen_by_every_nomination(tree: Path) -> None:
    warm(tree)
    edit(tree, CAMPAIGN, "  - id: giay-khen-chu-tich-ubnd-xa\n", "  - id: giay-khen-chu-tich-xa\n")
    problems = same_as_cold(tree)
    nominations = {p.file for p in problems if p.code == "unknown-award" and "/nominations/" in p.file}
    assert len(nominations) == len(list((tree / "records/nominations/chung-tay-cchc-2025").glob("*.yml")))


def test_a_change_in_a_schema_drops_the_cache(tree: Path, reads: list[str]) -> None:
    warm(tree)
    schema = tree / "schemas/person.schema.json"
    schema.write_text(schema.read_text("utf-8").replace('"required": [', '"required": ["category", ', 1), "utf-8")
    reads.clear()
    problems = same_as_cold(tree)
    assert len(reads) > 90
    assert [p.file for p in problems if p.code == "required"] == [
        f"records/people/{name}"
        for name in sorted(os.listdir(tree / "records/people"))
        if "\ncategory:" not in (tree / "records/people" / name).read_text("utf-8")
    ]


def test_removed_and_added_records_and_scans_are_seen(tree: Path) -> None:
    warm(tree)
    (tree / "records/units/van-phong-thong-ke.yml").unlink()
    assert any(p.file == NOMINATION and p.code == "unknown-reference" for p in same_as_cold(tree))
    scan = tree / "records/files/chung-tay-cchc-2025/ca-nhan-nguyen-thi-lan/to-trinh.pdf"
    content = scan.read_bytes()
    scan.unlink()
    assert any(p.file == NOMINATION and p.code == "missing-file" for p in same_as_cold(tree))
    scan.write_bytes(content)
    (tree / "records/units/van-phong-thong-ke.yml").write_text(
        (ROOT / "records/units/van-phong-thong-ke.yml").read_text("utf-8"), "utf-8"
    )
    assert same_as_cold(tree) == []


def test_an_edit_of_the_same_size_at_once_is_not_missed(tree: Path) -> None:
    """Size and times can look unchanged within a clock tick: a file changed so close to a run is compared by content."""
    warm(tree)
    path = tree / PERSON
    stat = path.stat()
    path.write_text(path.read_text("utf-8").replace("unit: van-phong-thong-ke", "unit: van-phong-thong-kx"), "utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the same size and modification time as before
    assert any(p.file == PERSON and p.code == "unknown-reference" for p in same_as_cold(tree))


def test_a_broken_cache_is_ignored(tree: Path) -> None:
    warm(tree)
    cache_file(tree.resolve()).write_bytes(b"not a database at all" * 100)
    assert same_as_cold(tree) == []
    with sqlite3.connect(cache_file(tree.resolve())) as db:  # and it was written again
        assert db.execute("SELECT count(*) FROM records").fetchone()[0] > 90


def test_the_cache_lives_outside_the_records_tree(tree: Path, private_cache: Path) -> None:
    before = sorted(p.relative_to(tree) for p in tree.rglob("*"))
    warm(tree)
    assert sorted(p.relative_to(tree) for p in tree.rglob("*")) == before
    assert cache_file(tree.resolve()).is_relative_to(private_cache)


def test_no_cache_reads_and_writes_nothing(tree: Path, cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("--root", str(tree), "--no-cache", "validate").code == 0
    assert not cache_file(tree.resolve()).exists()
    assert cli("--root", str(tree), "validate").code == 0
    assert cache_file(tree.resolve()).exists()


# Edits a maintainer or a unit might make between two runs; each is (file, old text, new text).
EDITS = [
    (NOMINATION, "proposed_by: van-phong-thong-ke", "proposed_by: tu-phap-ho-tich"),
    (NOMINATION, "summary:", "summary: Sửa."),
    (PERSON, "unit: van-phong-thong-ke", "unit: khong-co-don-vi"),
    (CAMPAIGN, "  - id: giay-khen-chu-tich-ubnd-xa\n", "  - id: giay-khen-khac\n"),
    ("records/units/tu-phap-ho-tich.yml", "kind: bo-phan", "kind: ban"),
    ("records/reports/chung-tay-cchc-2025/van-phong-thong-ke.yml", "  - id: ", "  - id: x-"),
    ("records/people/dang-thi-thu-huong.yml", "id: dang-thi-thu-huong", "id: dang-thi-thu-huong\nid: lap"),
    ("records/meetings/chung-tay-cchc-2025", None, None),  # delete the folder's first file
    ("records/files/chung-tay-cchc-2025/ca-nhan-nguyen-thi-lan/bien-ban-hop.pdf", None, None),
]


def _apply(root: Path, index: int) -> None:
    relative, old, new = EDITS[index]
    path = root / relative
    if old is None:
        for target in sorted(path.glob("*.yml"))[:1] if path.is_dir() else [path]:
            target.unlink(missing_ok=True)
        return
    text = path.read_text("utf-8")
    if old in text:
        write(root, relative, text.replace(old, new, 1))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.integers(0, len(EDITS) - 1), min_size=1, max_size=4))
def test_any_sequence_of_edits_gives_what_a_cold_run_gives(tmp_path_factory: pytest.TempPathFactory, steps: list[int]) -> None:
    root = copy_repository(tmp_path_factory.mktemp("edits") / "repo")
    warm(root)
    for step in steps:
        _apply(root, step)
        same_as_cold(root)
