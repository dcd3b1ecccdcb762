"""What the portal costs at a size: the build, the pages a reader downloads, and how soon the preview shows a saved record.

    python bench/site_figures.py build/bench/syn10000            # a tree written by bench/synthetic.py
    python bench/site_figures.py build/bench/syn10000 --rounds 3 --skip-build

Each figure is a function that bench/run.py calls at each size, on the same tree:

- ``build``: ``thidua build`` from cold (no cache), its time and peak memory;
- ``html_sizes``: the largest HTML page of the built site and all the HTML together;
- ``serve_latency``: ``thidua serve`` on a free port; once it serves, one record is saved and the page that shows it is
  fetched over HTTP until it shows the change. Two kinds of record: a story's summary (its page and the news list), and a
  nominee's name (their unit's page, the dossier and eligibility boards, the lookup data).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from timing import timed

THIDUA = str(Path(sys.executable).parent / "thidua")
AS_OF = "2025-12-20"
STARTUP = 3600.0  # seconds a preview may take to build every page before it serves (50,000 nominations: minutes)
SHOWN = 600.0  # seconds a saved record may take to show


def build(tree: Path, env: dict[str, str]) -> tuple[float, int]:
    """Wall time (s) and peak memory (MiB) of ``thidua --no-cache build`` in the tree (which must succeed)."""
    return timed([THIDUA, "--no-cache", "build", "--as-of", AS_OF], tree, env)


@dataclass(frozen=True)
class HtmlSizes:
    largest: str  # relative to the site folder
    largest_bytes: int
    total_bytes: int
    pages: int


def html_sizes(site: Path) -> HtmlSizes:
    """The largest HTML file of a built site, and the size and number of all of them."""
    sizes = sorted((path.stat().st_size, path.relative_to(site).as_posix()) for path in site.rglob("*.html"))
    if not sizes:
        raise SystemExit(f"không có trang HTML nào trong {site}; hãy dựng trang trước.")
    return HtmlSizes(sizes[-1][1], sizes[-1][0], sum(size for size, _ in sizes), len(sizes))


@dataclass(frozen=True)
class Edit:
    """One record saved, and what the page that shows it must show afterwards."""

    name: str
    record: str  # relative to the tree
    old: str  # replaced once
    new: str
    page: str  # URL path of the page that shows it
    shows: str  # text the page shows once it is up to date

    def save(self, tree: Path) -> None:
        path = tree / self.record
        text = path.read_text("utf-8")
        if self.old not in text:
            raise SystemExit(f"không sửa được {self.record}: không thấy {self.old!r}")
        path.write_text(text.replace(self.old, self.new, 1), "utf-8")


def _field(text: str, key: str) -> str:
    match = re.search(rf"^{key}: *(.+)$", text, re.M)
    if match is None:
        raise SystemExit(f"không thấy trường {key}")
    return match.group(1).strip()


_BENCH_LINE = re.compile(r"^ +Bản sửa [\d-]+\.\n|Bản sửa [\d-]+\. ", re.M)


def story_edit(tree: Path, mark: str) -> Edit:
    """A sentence added to the summary of the first story published by the as-of date (its page, the news list)."""
    stories = sorted((tree / "records/stories").glob("*.yml"))
    story = next((path for path in stories if _field(path.read_text("utf-8"), "date") <= AS_OF), None)
    if story is None:
        raise SystemExit("cây hồ sơ không có gương điển hình nào đã đăng")
    # What an earlier round or run added goes first (a summary has at most 600 characters).
    text = _BENCH_LINE.sub("", story.read_text("utf-8"))
    story.write_text(text, "utf-8")
    first = _field(text, "summary")
    marker = f"Bản sửa {mark}."
    record = story.relative_to(tree).as_posix()
    page = f"tin-tuc/{_field(text, 'id')}/"
    if first in (">-", ">", "|", "|-"):  # a block: the marker becomes its first line
        indent = re.search(r"^summary: *[>|]-?\n( +)", text, re.M)
        assert indent is not None
        return Edit(
            "gương điển hình", record, f"summary: {first}\n", f"summary: {first}\n{indent.group(1)}{marker}\n", page, marker
        )
    return Edit("gương điển hình", record, f"summary: {first}", f"summary: {marker} {first}", page, marker)


_EARLIER = re.compile(r" Bản Sửa [\d-]+$")  # what an earlier round added to the name


def person_edit(tree: Path, mark: str) -> Edit:
    """A nominee's name corrected: the middle person of the tree (their unit's page, the boards, the lookup data)."""
    people = sorted((tree / "records/people").glob("*.yml"))
    person = people[len(people) // 2]
    text = person.read_text("utf-8")
    name = _field(text, "name")
    new = f"{_EARLIER.sub('', name)} Bản Sửa {mark}"
    return Edit(
        "tên người được đề nghị",
        person.relative_to(tree).as_posix(),
        f"name: {name}\n",
        f"name: {new}\n",
        f"don-vi/{_field(text, 'unit')}/",
        new,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=SHOWN) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError):
        return None


@contextlib.contextmanager
def preview(tree: Path, env: dict[str, str], log: Path) -> Iterator[str]:
    """``thidua serve`` on a free port, yielding its address once it serves; stopped as Ctrl+C would stop it."""
    port = _free_port()
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(
            [THIDUA, "serve", "--as-of", AS_OF, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=tree,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            url = f"http://127.0.0.1:{port}/"
            deadline = time.monotonic() + STARTUP
            while _fetch(url) is None:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"thidua serve không chạy được; xem {log}")
                time.sleep(0.5)
            yield url
        finally:
            process.send_signal(signal.SIGTERM)  # Ctrl+C is ignored when the bench runs in a background job
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def serve_latency(url: str, tree: Path, edit: Edit) -> float:
    """Seconds from saving the record to the preview's page showing the change."""
    started = time.perf_counter()
    edit.save(tree)
    while True:
        text = _fetch(url + edit.page)
        seconds = time.perf_counter() - started
        if text is not None and edit.shows in text:
            return seconds
        if seconds > SHOWN:
            raise SystemExit(f"sau {SHOWN:.0f} s, {url}{edit.page} vẫn chưa hiện «{edit.shows}»")
        time.sleep(0.05)


def serve_latencies(tree: Path, env: dict[str, str], rounds: int) -> dict[str, list[float]]:
    """For each kind of edit, the seconds of each round (one preview for all; the kinds alternate)."""
    found: dict[str, list[float]] = {}
    with preview(tree, env, tree.parent / f"{tree.name}-serve.log") as url:
        for number in range(1, rounds + 1):
            for make in (story_edit, person_edit):
                edit = make(tree, f"{number}-{time.time_ns() % 10**9}")  # new in every run: the page cannot show it yet
                found.setdefault(edit.name, []).append(serve_latency(url, tree, edit))
                time.sleep(SETTLE)  # one save on a preview at rest, as a person saves: its downloads written meanwhile
    return found


SETTLE = 6.0  # seconds between two saves: the preview writes the last change's downloads (about 3 s at 10,000)


PAGE_LIMIT = 1_000_000  # bytes: no HTML page over 1 MB at 10,000 nominations (issue 15)


def report_html(site: Path) -> HtmlSizes:
    sizes = html_sizes(site)
    verdict = "dưới" if sizes.largest_bytes < PAGE_LIMIT else "QUÁ"
    print(
        f"  {'trang HTML lớn nhất':<44} {sizes.largest_bytes / 1e6:8.2f} MB   {sizes.largest} "
        f"({verdict} giới hạn {PAGE_LIMIT / 1e6:.0f} MB)\n"
        f"  {'mọi trang HTML':<44} {sizes.total_bytes / 1e6:8.2f} MB   ({sizes.pages} trang)",
        flush=True,
    )
    return sizes


def report_serve(tree: Path, env: dict[str, str], rounds: int) -> dict[str, float]:
    medians = {}
    for name, seconds in serve_latencies(tree, env, rounds).items():
        medians[name] = statistics.median(seconds)
        shown = ", ".join(f"{s:.2f}" for s in seconds)
        print(f"  {'xem thử: sửa ' + name:<44} trung vị {medians[name]:8.2f} s   (các lượt: {shown})", flush=True)
    return medians


def main() -> int:
    parser = argparse.ArgumentParser(description="Đo trang thông tin dựng từ một cây hồ sơ tổng hợp.")
    parser.add_argument("tree", type=Path, help="cây hồ sơ do bench/synthetic.py sinh")
    parser.add_argument("--rounds", type=int, default=3, help="số lần lưu mỗi loại hồ sơ khi đo trang xem thử")
    parser.add_argument("--skip-build", action="store_true", help="dùng site/ đã dựng, không dựng lại")
    args = parser.parse_args()
    tree = args.tree.resolve()
    env = dict(os.environ)
    if not args.skip_build:
        seconds, peak = build(tree, env)
        print(f"  {'thidua build (cả MkDocs), lạnh':<44} {seconds:8.2f} s   bộ nhớ đỉnh {peak:5d} MiB", flush=True)
    report_html(tree / "site")
    report_serve(tree, env, args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
