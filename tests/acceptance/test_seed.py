"""The Kim Phượng 2025 plan: every element of the signed text exists as data and on the site."""

from __future__ import annotations

import re
import unicodedata

import pytest
import yaml

from conftest import AS_OF, DATA, ROOT, copy_repository
from samples import built
from site_text import file_text, page_text
from thidua.cli import main
from thidua.model import registry_from
from thidua.records.validate import validate_tree

SEED = DATA / "seed" / "ke-hoach-chung-tay-cchc-kim-phuong-2025.txt"
CAMPAIGN = "chung-tay-cchc-2025"


def _normal(text: str) -> str:
    """Compare as a reader would: NFC, no list or section markers, quotes tight, case folded."""
    text = unicodedata.normalize("NFC", text).replace("*", "")
    text = re.sub(r"^\s*(?:[-+]\s*)+", "", text)
    text = re.sub(r"^(?:[IVX]+\.|\d+\.|[a-z],)\s*", "", text)
    text = text.replace("“ ", "“").replace(" ”", "”").rstrip(":.;")
    return " ".join(text.split()).casefold()


def _seed_lines() -> list[str]:
    lines = [line.strip() for line in SEED.read_text("utf-8").splitlines()]
    return [line for line in lines if line and _normal(line)]


@pytest.fixture(scope="module")
def plan_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = copy_repository(tmp_path_factory.mktemp("seed") / "repo")
    assert main(["--root", str(root), "build", "--as-of", AS_OF]) == 0
    return _normal(page_text(root / "site" / "phong-trao" / CAMPAIGN / "index.html"))


@pytest.mark.parametrize("line", _seed_lines())
def test_every_line_of_the_plan_is_on_its_page(plan_page: str, line: str) -> None:
    """Each line of the signed plan, read as text, appears on the rendered plan page."""
    assert _normal(line) in plan_page


def test_the_plan_is_data() -> None:
    """The plan's structure lives in the campaign record, not in code or hand-written pages."""
    registry = registry_from(validate_tree(ROOT).records)
    plan = registry.campaigns[CAMPAIGN]
    assert registry.units[plan.issuer].name == "Ủy ban nhân dân xã Kim Phượng"
    assert (plan.document.kind, plan.document.number_text, plan.document.place, plan.document.date.isoformat()) == (
        "Kế hoạch",
        "/KH-UBND",
        "Kim Phượng",
        "2025-02-18",
    )
    assert [b.document.number for b in plan.basis if b.document] == ["03/KH-UBND"]
    assert (len(plan.purposes), len(plan.requirements)) == (3, 2)
    assert plan.participant_kinds == ("tap-the", "ca-nhan")
    assert len(plan.tasks) == 8
    assert [s.name for s in plan.tasks[1].subtasks] == ["Cải cách TTHC", "Thực hiện cơ chế một cửa liên thông"]
    kinds = [c.applies_to for c in plan.criteria]
    assert (kinds.count("tap-the"), kinds.count("ca-nhan")) == (5, 4)
    assert all(c.mandatory for c in plan.criteria)
    [award] = plan.awards
    assert award.name == "Giấy khen của Chủ tịch UBND xã"
    assert [(kind, q.count) for kind, q in award.quota] == [("tap-the", 1), ("ca-nhan", 1)]
    assert [d.form for d in plan.dossier] == ["to-trinh", "bien-ban-hop", "bao-cao-thanh-tich"]
    assert plan.deadline.isoformat() == "2025-12-05"
    assert [r.units for r in plan.responsibilities] == [("ubmttq-xa-kim-phuong",), ("van-hoa-xa-hoi",), ("van-phong-thong-ke",)]
    assert [r.name for r in plan.recipients] == [
        "Phòng Nội vụ",
        "TT Đảng ủy, HĐND xã",
        "TT UBND xã",
        "Các bộ phận CM, đoàn thể xã",
        "14 xóm",
        "Lưu: VP",
    ]
    assert (plan.signer.authority, plan.signer.title, registry.people[plan.signer.person].name) == (
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Trương Anh Tú",
    )


def test_the_commune_has_its_fourteen_hamlets() -> None:
    """The 14 hamlets the plan is sent to exist as units."""
    registry = registry_from(validate_tree(ROOT).records)
    assert sum(1 for u in registry.units.values() if u.kind == "xom") == 14


def test_the_records_say_nothing_in_comments() -> None:
    """The forms at /quan-tri/ drop YAML comments when they save: no record says anything in a comment; what the
    comments said (sources, why, the state a sample illustrates) is in each record's ``editor_note``."""
    commented = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "records").rglob("*.yml"))
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if line.lstrip().startswith("#") or " #" in line.split("'")[0].split('"')[0]
    ]
    assert commented == []
    notes = {path.name: yaml.safe_load(path.read_text("utf-8")).get("editor_note") for path in (ROOT / "records").rglob("*.yml")}
    assert notes["ca-nhan-nguyen-thi-lan.yml"].startswith("Trạng thái mẫu: hồ sơ cá nhân đầy đủ")
    assert notes["luat-thi-dua-khen-thuong-2022.yml"].startswith("Nguồn: ")


def test_an_editor_note_never_reaches_the_site(tmp_path) -> None:
    """``editor_note`` is for the office: no page, download or document of the built site shows one."""
    root = copy_repository(tmp_path / "repo")
    site = built(root, AS_OF)
    notes = [yaml.safe_load(path.read_text("utf-8")).get("editor_note") for path in sorted((root / "records").rglob("*.yml"))]
    phrases = {note.split(". ")[0][:60] for note in notes if note}
    assert len(phrases) > 20
    shown = [
        (phrase, path.name)
        for path in sorted(site.rglob("*"))
        if path.is_file()
        for phrase in phrases
        if phrase in file_text(path)
    ]
    assert shown == []
