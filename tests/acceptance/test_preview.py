"""thidua serve as a user runs it: the preview answers over HTTP, shows a saved record, a new record's page, and keeps
its pages while a record has errors. No timing is asserted: each wait only has a generous limit."""

from __future__ import annotations

import contextlib
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from conftest import AS_OF, edit

STORY = "records/stories/cuu-chien-binh-tra-lai-tai-san.yml"
STORY_PAGE = "tin-tuc/cuu-chien-binh-tra-lai-tai-san/"
LIMIT = 60.0  # seconds: far more than a change takes on the sample, so that a slow machine never fails the test


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _page(url: str) -> str | None:
    """The page's text, or None when the preview does not serve it (not there, not started)."""
    try:
        with urllib.request.urlopen(url, timeout=LIMIT) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def _until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + LIMIT
    while not condition():
        assert time.monotonic() < deadline, f"after {LIMIT:.0f} s: {what}"
        time.sleep(0.2)


class Preview:
    def __init__(self, url: str, log: Path) -> None:
        self.url = url
        self.log = log

    def page(self, path: str) -> str | None:
        return _page(self.url + path)

    def output(self) -> str:
        return self.log.read_text("utf-8")


@contextlib.contextmanager
def serving(root: Path, log: Path) -> Iterator[Preview]:
    """``thidua serve`` in its own process on a free port, once it answers; stopped afterwards as a service manager stops it."""
    url = f"http://127.0.0.1:{_free_port()}/"
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "thidua", "--root", str(root), "serve", "--as-of", AS_OF, "--dev-addr", url[7:-1]],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        preview = Preview(url, log)
        helpers: list[int] = []
        try:
            _until(lambda: process.poll() is None and preview.page("") is not None, f"serve never answered: {preview.output()}")
            helpers = _children(process.pid)
            yield preview
        finally:
            process.send_signal(signal.SIGTERM)  # Ctrl+C is ignored when the tests run in a background job
            try:
                process.wait(timeout=LIMIT)
            except subprocess.TimeoutExpired:
                process.kill()  # never left running after the test
                raise
        # The process that regenerates the pages ends with the preview.
        assert helpers, "the preview regenerates in a process of its own"
        _until(lambda: not any(Path(f"/proc/{pid}").exists() for pid in helpers), "a process of the preview outlived it")


def _children(pid: int) -> list[int]:
    """The processes ``pid`` started (Linux's /proc)."""
    return [int(child) for task in Path(f"/proc/{pid}/task").iterdir() for child in (task / "children").read_text().split()]


def test_the_preview_shows_a_saved_record_a_new_page_and_a_renamed_unit(tree: Path, tmp_path: Path) -> None:
    """A story's summary saved: its page shows the new sentence. A new story: its page appears and the news list
    links it; removed, its page is gone. A unit renamed: the list of units shows the new name. A campaign's short name
    changed: every page's navigation shows it."""
    with serving(tree, tmp_path / "serve.log") as preview:
        assert "Cựu chiến binh Nông Văn Sơn" in (preview.page(STORY_PAGE) or "")
        edit(tree, STORY, "summary: >-\n", "summary: >-\n  Bà con trong xóm đều biết chuyện này.\n")
        _until(lambda: "Bà con trong xóm đều biết chuyện này." in (preview.page(STORY_PAGE) or ""), "the summary never showed")

        story = (tree / STORY).read_text("utf-8").replace("id: cuu-chien-binh-tra-lai-tai-san", "id: chuyen-moi-o-xom")
        story = story.replace("title: Cựu chiến binh Nông Văn Sơn", "title: Chuyện mới ở xóm về cựu chiến binh Nông Văn Sơn")
        (tree / "records/stories/chuyen-moi-o-xom.yml").write_text(story, "utf-8")
        _until(lambda: "Chuyện mới ở xóm" in (preview.page("tin-tuc/chuyen-moi-o-xom/") or ""), "the new story never showed")
        assert 'href="chuyen-moi-o-xom/"' in (preview.page("tin-tuc/") or "")

        (tree / "records/stories/chuyen-moi-o-xom.yml").unlink()
        _until(lambda: preview.page("tin-tuc/chuyen-moi-o-xom/") is None, "the removed story's page stayed")
        assert "Chuyện mới ở xóm" not in (preview.page("tin-tuc/") or "")

        edit(
            tree,
            "records/units/hoi-nong-dan.yml",
            "name: Hội Nông dân xã Kim Phượng\n",
            "name: Hội Nông dân xã Kim Phượng (mới)\n",
        )
        _until(lambda: "Hội Nông dân xã Kim Phượng (mới)" in (preview.page("don-vi/") or ""), "the units kept the old name")

        edit(tree, "records/campaigns/chung-tay-cchc-2025.yml", "short_name: Chung tay CCHC\n", "short_name: CCHC xã\n")
        _until(lambda: "CCHC xã 2025" in (preview.page(STORY_PAGE) or ""), "the navigation kept the old name")


def test_a_record_with_errors_keeps_the_preview_and_says_what_to_fix(tree: Path, tmp_path: Path) -> None:
    """A date written the Vietnamese way: the error is printed in Vietnamese and the page keeps what it showed; once
    fixed, the change saved with it shows."""
    with serving(tree, tmp_path / "serve.log") as preview:
        before = preview.page(STORY_PAGE)
        assert before is not None and "12/09/2025" in before
        text = (tree / STORY).read_text("utf-8")
        broken = text.replace("date: 2025-09-12", "date: 12/09/2025").replace("summary: >-\n", "summary: >-\n  Câu thêm.\n")
        (tree / STORY).write_text(broken, "utf-8")
        _until(lambda: "Trang xem thử giữ nội dung cũ cho đến khi hồ sơ hết lỗi." in preview.output(), "no message")
        assert f"{STORY}:5:7: [gương điển hình cuu-chien-binh-tra-lai-tai-san] Trường «date»" in preview.output()
        assert "hãy viết 2025-09-12 thay cho 12/09/2025." in preview.output()
        assert "Câu thêm." not in (preview.page(STORY_PAGE) or "")
        assert "Cựu chiến binh Nông Văn Sơn" in (preview.page(STORY_PAGE) or "")
        (tree / STORY).write_text(broken.replace("date: 12/09/2025", "date: 2025-09-12"), "utf-8")
        _until(lambda: "Câu thêm." in (preview.page(STORY_PAGE) or ""), "the fixed record never showed")


def test_the_preview_does_not_start_while_a_record_has_errors(tree: Path, cli) -> None:
    """With a record in error, serve prints every problem and why it does not start, and exits 1, leaving the process
    it ran in as it was (no handler of its own for SIGTERM: processes forked later would inherit it)."""
    edit(tree, STORY, "date: 2025-09-12", "date: 12/09/2025")
    handler = signal.getsignal(signal.SIGTERM)
    run = cli("--root", str(tree), "serve", "--as-of", AS_OF, "--dev-addr", f"127.0.0.1:{_free_port()}")
    assert run.code == 1
    assert signal.getsignal(signal.SIGTERM) is handler
    assert run.out.endswith(
        "hãy viết 2025-09-12 thay cho 12/09/2025.\n"
        "Hồ sơ chưa hợp lệ: 1 lỗi trong 1 tệp (đã đọc 106 tệp hồ sơ). Hãy sửa các lỗi trên rồi chạy lại.\n"
        "Chưa mở được trang xem thử vì hồ sơ còn lỗi.\n"
    )
