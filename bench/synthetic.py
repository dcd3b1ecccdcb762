"""Write a deterministic records tree at province scale, for benchmarks.

    python bench/synthetic.py OUT --units 500 --nominations 10000 --seed 1

The tree holds what a build reads (schemas, docs, overrides, mkdocs.yml) and the repository's sample (plan, laws, scales, council…)
plus synthetic units, people, ratings and nominations: complete, incomplete, late and
ineligible dossiers in a fixed mix, with realistic Vietnamese names. Same arguments, same bytes.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Thành", "Minh", "Ngọc", "Thu", "Quang", "Xuân"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đức",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hòa",
    "Hùng",
    "Hương",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Minh",
    "Nam",
    "Nga",
    "Phong",
    "Phương",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Vân",
    "Yến",
]
PLACES = ["Đồng Tâm", "Tân Tiến", "Bình Minh", "Hòa Bình", "Thống Nhất", "Quyết Thắng", "Đoàn Kết", "Tiền Phong"]
CAMPAIGN = "chung-tay-cchc-2025"
LEVELS = ["hoan-thanh-xuat-sac-nhiem-vu", "hoan-thanh-tot-nhiem-vu"]


def _slug(text: str) -> str:
    sys.path.insert(0, str(ROOT / "generator"))
    from thidua.text import slugify

    return slugify(text)


def write(out: Path, units: int, nominations: int, seed: int) -> None:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    for folder in ("records", "schemas", "overrides", "vendor"):
        shutil.copytree(ROOT / folder, out / folder)
    sys.path.insert(0, str(ROOT / "generator"))
    from thidua.site.build import GENERATED  # pages thidua build writes: not copied, the build writes them again

    shutil.copytree(
        ROOT / "docs", out / "docs", ignore=lambda d, names: [n for n in names if Path(d) == ROOT / "docs" and n in GENERATED]
    )
    shutil.copy(ROOT / "mkdocs.yml", out / "mkdocs.yml")
    records = out / "records"
    people: list[tuple[str, str]] = []  # (person id, unit id)
    pdf = "records/files/chung-tay-cchc-2025/ca-nhan-nguyen-thi-lan/to-trinh.pdf"
    for u in range(units):
        unit = f"xom-tong-hop-{u:05d}"
        name = f"Xóm {PLACES[u % len(PLACES)]} {u + 1}"
        (records / "units" / f"{unit}.yml").write_text(
            f"id: {unit}\nname: {name}\nkind: xom\nparent: ubnd-xa-kim-phuong\nfictional: true\n", "utf-8"
        )
        for k in range(max(1, -(-nominations // max(units, 1)))):  # enough people for one nomination each
            full = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            person = f"{_slug(full)}-{u:05d}-{k:03d}"
            people.append((person, unit))
            (records / "people" / f"{person}.yml").write_text(
                f"id: {person}\nname: {full}\nunit: {unit}\ncategory: cong-chuc\nprivate:\n"
                f'  phone: "09{rng.randrange(10**8):08d}"\nfictional: true\n',
                "utf-8",
            )
    rating = records / "ratings" / "xep-loai-ca-nhan-2025.yml"
    extra = "".join(f"  - subject: {p}\n    value: {rng.choice(LEVELS)}\n" for p, _ in people)
    rating.write_text(
        rating.read_text("utf-8").rstrip("\n").replace("fictional: true", "").rstrip("\n") + "\n" + extra + "fictional: true\n",
        "utf-8",
    )
    folder = records / "nominations" / CAMPAIGN
    for n in range(nominations):
        person, unit = people[n % len(people)]
        state = n % 10  # 0: late, 1: no minutes, 2–9: complete
        day = "2025-12-08" if state == 0 else f"2025-12-0{1 + n % 4}"
        docs = [("to-trinh", '"05/TTr-X"'), ("bien-ban-hop", '"04/BB-X"'), ("bao-cao-thanh-tich", None)]
        if state == 1:
            docs = [d for d in docs if d[0] != "bien-ban-hop"]
        body = [
            f"id: ca-nhan-{person}",
            f"campaign: {CAMPAIGN}",
            "award: giay-khen-chu-tich-ubnd-xa",
            "nominee:",
            f"  person: {person}",
            f"proposed_by: {unit}",
            f"submitted_at: {day}T09:00:00+07:00",
            "summary: Hoàn thành xuất sắc nhiệm vụ cải cách thủ tục hành chính.",
            "documents:",
        ]
        for kind, number in docs:
            body += (
                [f"  - type: {kind}"]
                + ([f"    number: {number}"] if number else [])
                + ["    date: 2025-11-20", "    signer:", f"      person: {person}", f"    file: {pdf}"]
            )
            if kind == "bien-ban-hop":
                body += [
                    "    meeting:",
                    f"      chair: {person}",
                    f"      secretary: {person}",
                    f"      present: [{person}]",
                    "      vote_mode: gio-tay",
                    "      in_favour: 1",
                    "      voters: 1",
                ]
        body.append("fictional: true")
        (folder / f"ca-nhan-{person}.yml").write_text("\n".join(body) + "\n", "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description="Sinh cây hồ sơ tổng hợp để đo tốc độ.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--units", type=int, default=500)
    parser.add_argument("--nominations", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write(args.out, args.units, args.nominations, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
