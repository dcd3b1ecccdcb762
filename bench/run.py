"""Time thidua against check-jsonschema on synthetic province-scale records, and print medians and ratios.

    make bench                                   # 10,000 and 50,000 nominations
    .venv/bin/python bench/run.py --sizes 10000 --rounds 5

For each size it writes a records tree (bench/synthetic.py), then runs in alternating rounds:

- check-jsonschema, each kind's schema bundled into one file (its fastest setup), over the same files;
- thidua validate cold (no cache) and warm (cache filled, one nomination changed just before);
- at the first size only: validate + evaluate + render (in one process, cold) and the whole site build,
  with the peak memory of each command.

Then, at every size (the build once at the others), figures read from the site just built (bench/site_figures.py, which
also runs alone): the largest HTML page and all the HTML, and how soon ``thidua serve`` shows a saved record.

Every command runs in its own process; times are wall-clock medians.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import queries
import site_figures
from timing import timed

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CAMPAIGN = "chung-tay-cchc-2025"
AS_OF = site_figures.AS_OF
PIPELINE = """
import datetime as dt, sys
from pathlib import Path
from thidua.site.build import generate
from thidua.records.validate import validate_tree
root = Path(sys.argv[1])
result = validate_tree(root)
assert result.ok, result.problems[:3]
generate(result, root, dt.date.fromisoformat(sys.argv[2]))
"""


def bundle(schemas: dict[str, dict[str, Any]], name: str) -> dict[str, Any]:
    """One self-contained Draft 2020-12 document: every $ref, local or to another file, points into its own $defs."""
    defs: dict[str, Any] = {}

    def target(file: str, pointer: str) -> str:
        definition = pointer.rsplit("/", 1)[-1]
        key = f"{file.split('.')[0]}__{definition}"
        if key not in defs:
            defs[key] = {}
            defs[key] = rewrite(schemas[file]["$defs"][definition], file)
        return f"#/$defs/{key}"

    def rewrite(node: Any, here: str) -> Any:
        if isinstance(node, list):
            return [rewrite(item, here) for item in node]
        if not isinstance(node, dict):
            return node
        out = {}
        for key, value in node.items():
            if key in ("$schema", "$id", "$defs") or (key, type(value)) in (
                ("examples", list),
                ("title", str),
                ("description", str),
            ):
                continue  # annotations change nothing a validator decides: check-jsonschema gets its fastest schema
            if key == "$ref":
                file, _, pointer = value.partition("#")
                out[key] = target(file or here, pointer)
            else:
                out[key] = rewrite(value, here)
        return out

    document = rewrite(schemas[name], name)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **document, "$defs": defs}


def bundled_schemas(out: Path) -> dict[str, Path]:
    """Each kind's schema with every $ref resolved inside one Draft 2020-12 file."""
    sys.path.insert(0, str(ROOT / "generator"))
    from thidua.records.layout import KINDS
    from thidua.records.schemas import load_schemas

    schemas = load_schemas(ROOT / "schemas")
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for kind in KINDS:
        paths[kind.folder] = out / kind.schema
        paths[kind.folder].write_text(json.dumps(bundle(schemas, kind.schema), ensure_ascii=False), "utf-8")
    return paths


def check_jsonschema_commands(tree: Path, schemas: dict[str, Path]) -> list[list[str]]:
    """One check-jsonschema call per kind (and per 10,000 files, under the command-line limit)."""
    commands = []
    for folder, schema in schemas.items():
        files = sorted(p.relative_to(tree).as_posix() for p in (tree / "records" / folder).rglob("*.yml"))
        for start in range(0, len(files), 10000):
            commands.append([str(BIN / "check-jsonschema"), "--schemafile", str(schema), *files[start : start + 10000]])
    return commands


def run_all(commands: list[list[str]], cwd: Path, env: dict[str, str]) -> tuple[float, int]:
    results = [timed(command, cwd, env) for command in commands]
    return sum(t for t, _ in results), max(m for _, m in results)


def touch_one(tree: Path, round_number: int) -> None:
    """Change the summary of one nomination, as a unit correcting its dossier would."""
    nominations = sorted((tree / "records/nominations" / CAMPAIGN).glob("*.yml"))
    path = nominations[len(nominations) // 2]
    lines = path.read_text("utf-8").splitlines(keepends=True)
    lines = [f"summary: Bản sửa lần {round_number}.\n" if line.startswith("summary:") else line for line in lines]
    path.write_text("".join(lines), "utf-8")


def report(name: str, samples: list[tuple[float, int]]) -> tuple[float, int]:
    median = statistics.median(t for t, _ in samples)
    peak = max(m for _, m in samples)
    shown = ", ".join(f"{t:.2f}" for t, _ in samples)
    print(f"  {name:<44} trung vị {median:8.2f} s   bộ nhớ đỉnh {peak:5d} MiB   (các lượt: {shown})", flush=True)
    return median, peak


def bench_size(nominations: int, units: int, rounds: int, work: Path, schemas: dict[str, Path], full: bool) -> None:
    tree = work / f"syn{nominations}"
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "bench/synthetic.py"), str(tree), "--units", str(units), "--nominations", str(nominations)],
        check=True,
    )
    files = sum(1 for _ in (tree / "records").rglob("*.yml"))
    print(
        f"\n{nominations} hồ sơ đề nghị, {units} đơn vị: {files} tệp hồ sơ (sinh trong {time.perf_counter() - started:.1f} s)",
        flush=True,
    )
    env = dict(os.environ, THIDUA_CACHE_DIR=str(work / "cache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a user's machine: Python keeps compiled modules
    thidua = str(BIN / "thidua")
    cjs = check_jsonschema_commands(tree, schemas)
    samples: dict[str, list[tuple[float, int]]] = {key: [] for key in ("cjs", "cold", "warm", "pipeline", "build")}
    # Files written less than 2 s before a run are compared by content on the next one (as git does): the tree was
    # just written, so wait that long before filling the cache, as a checkout would long before its first edit.
    from thidua.speed.cache import RACY_NS

    time.sleep(RACY_NS / 1e9 + 0.1)
    timed([thidua, "validate"], tree, env)  # fills the cache; the first warm round then starts from it
    for number in range(1, rounds + 1):
        samples["cjs"].append(run_all(cjs, tree, env))
        samples["cold"].append(timed([thidua, "--no-cache", "validate"], tree, env))
        touch_one(tree, number)
        samples["warm"].append(timed([thidua, "validate"], tree, env))
        if full:
            samples["pipeline"].append(timed([sys.executable, "-c", PIPELINE, str(tree), AS_OF], tree, env))
            samples["build"].append(site_figures.build(tree, env))
    cjs_time, _ = report("check-jsonschema (lược đồ gộp một tệp)", samples["cjs"])
    cold, _ = report("thidua validate, lạnh (--no-cache)", samples["cold"])
    warm, _ = report("thidua validate, ấm (sau khi sửa 1 hồ sơ)", samples["warm"])
    print(f"  → lạnh nhanh hơn check-jsonschema {cjs_time / cold:.1f} lần; ấm nhanh hơn {cjs_time / warm:.0f} lần", flush=True)
    if full:
        report("kiểm tra + xét + sinh trang Markdown, lạnh", samples["pipeline"])
    else:
        samples["build"].append(site_figures.build(tree, env))  # once: alternating rounds stay at the first size
    report("thidua build (cả MkDocs), lạnh", samples["build"])
    site_report(tree, env, rounds)


def site_report(tree: Path, env: dict[str, str], rounds: int) -> None:
    """Figures read from the site just built at this size; each is a function of a module that also runs alone."""
    site_figures.report_html(tree / "site")  # what a reader downloads: the largest page, and all pages
    queries.report(queries.measure(tree / "site"))  # what one search or one lookup downloads, in chromium
    site_figures.report_serve(tree, env, rounds)  # last: it saves records in the tree


def main() -> int:
    parser = argparse.ArgumentParser(description="Đo tốc độ thidua so với check-jsonschema trên hồ sơ tổng hợp.")
    parser.add_argument("--sizes", default="10000,50000", help="số hồ sơ đề nghị, cách nhau bằng dấu phẩy")
    parser.add_argument("--rounds", type=int, default=3, help="số lượt đo xen kẽ ở mỗi cỡ")
    parser.add_argument("--work", type=Path, default=ROOT / "build/bench", help="thư mục chứa dữ liệu sinh ra")
    args = parser.parse_args()
    if shutil.which("check-jsonschema", path=str(BIN)) is None:
        raise SystemExit("thiếu check-jsonschema; hãy chạy «make bench» để cài các gói đã ghim.")
    shutil.rmtree(args.work / "cache", ignore_errors=True)
    schemas = bundled_schemas(args.work / "schemas")
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print(
        f"Máy: {os.cpu_count()} lõi {cpu}, {memory:.0f} GiB; Python {platform.python_version()}; {args.rounds} lượt xen kẽ.",
        flush=True,
    )
    for index, size in enumerate(int(s) for s in args.sizes.split(",")):
        bench_size(size, max(1, size // 20), args.rounds, args.work, schemas, full=index == 0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
