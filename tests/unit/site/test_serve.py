"""thidua serve's builder: saving a record redraws its pages, MkDocs rebuilds only the pages whose Markdown changed unless
the navigation, the set of files or the theme changed; a broken record leaves the pages as they were."""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from watchdog.events import FileModifiedEvent, FileMovedEvent

from conftest import edit
from thidua.site import regenerator
from thidua.site.serve import Preview, _Watch

AS_OF = dt.date(2025, 11, 20)
PLAN_PAGE = "docs/phong-trao/chung-tay-cchc-2025/index.md"
CAMPAIGN = "records/campaigns/chung-tay-cchc-2025.yml"
STORY = "records/stories/cuu-chien-binh-tra-lai-tai-san.yml"
STORY_HTML = "tin-tuc/cuu-chien-binh-tra-lai-tai-san/index.html"


@pytest.fixture
def preview(tree: Path, tmp_path: Path) -> Iterator[Preview]:
    preview = Preview(tree, AS_OF, tmp_path / "site", "http://127.0.0.1:8000/")
    yield preview
    preview.close()


def _gated(monkeypatch: pytest.MonkeyPatch, gate: Path, closed: Callable[[], None]) -> None:
    """The regenerating process (forked at the first regeneration, so patched before it) writes the downloads only
    while ``gate`` exists, and calls ``closed`` instead while it does not (it waits, or fails)."""
    original = regenerator.write_downloads

    def write(*args: Any) -> None:
        if not gate.exists():
            closed()
        original(*args)

    monkeypatch.setattr(regenerator, "write_downloads", write)


def _built(preview: Preview) -> Preview:
    assert preview.regenerate()
    preview.build_site()
    return preview


def test_saving_a_record_regenerates_only_what_changed(tree: Path, preview: Preview, capsys: pytest.CaptureFixture[str]) -> None:
    """After a record is saved, the pages made from it are rewritten and the others are left untouched."""
    assert preview.regenerate()
    other = tree / "docs/tra-cuu/index.md"
    before = other.stat().st_mtime_ns
    capsys.readouterr()
    edit(tree, CAMPAIGN, "name: Chung tay Cải cách hành chính\n", "name: Chung tay Cải cách hành chính mới\n")
    assert preview.regenerate()
    assert "Chung tay Cải cách hành chính mới" in (tree / PLAN_PAGE).read_text("utf-8")
    assert other.stat().st_mtime_ns == before
    assert capsys.readouterr().out.startswith("Đã cập nhật ")


def test_a_broken_record_keeps_the_preview_as_it_was(tree: Path, preview: Preview, capsys: pytest.CaptureFixture[str]) -> None:
    """While a record has errors, the preview keeps its pages (Markdown and HTML) and the errors are printed."""
    _built(preview)
    page = (tree / PLAN_PAGE).read_text("utf-8")
    html = (preview.site_dir / STORY_HTML).read_bytes()
    capsys.readouterr()
    edit(tree, CAMPAIGN, "  date: 2025-12-05", "  date: 05/12/2025")
    edit(tree, STORY, "summary: >-\n", "summary: >-\n  Câu mở đầu mới.\n")
    preview.build()
    assert (tree / PLAN_PAGE).read_text("utf-8") == page
    assert (preview.site_dir / STORY_HTML).read_bytes() == html
    out = capsys.readouterr().out
    assert "hãy viết 2025-12-05 thay cho 05/12/2025." in out
    assert out.endswith("Trang xem thử giữ nội dung cũ cho đến khi hồ sơ hết lỗi.\n")


def test_one_record_saved_rebuilds_only_its_pages(
    tree: Path, preview: Preview, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A story's summary changed: MkDocs rebuilds its page and the news list, no other HTML, and the page then holds
    what a build of every page from scratch holds."""
    _built(preview)
    assert preview.pages.full
    untouched = preview.site_dir / "don-vi/hoi-nong-dan/index.html"
    before = untouched.stat().st_mtime_ns
    edit(tree, STORY, "summary: >-\n", "summary: >-\n  Câu mở đầu mới.\n")
    preview.build()
    assert not preview.pages.full
    assert preview.pages.built == {"tin-tuc/cuu-chien-binh-tra-lai-tai-san/", "tin-tuc/"}
    assert "Câu mở đầu mới." in (preview.site_dir / STORY_HTML).read_text("utf-8")
    assert untouched.stat().st_mtime_ns == before
    assert re.search(r"Đã dựng lại 2 trang của trang xem thử trong \d+\.\d s\.\n$", capsys.readouterr().out)
    fresh = _built(Preview(tree, AS_OF, tmp_path / "fresh", preview.serve_url))
    assert (preview.site_dir / STORY_HTML).read_bytes() == (fresh.site_dir / STORY_HTML).read_bytes()


def test_the_theme_is_compiled_once_for_every_build_and_again_when_it_changes(
    tree: Path, preview: Preview, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs makes a new Jinja environment for each build: the preview hands each one the templates compiled before,
    and a theme file changed is compiled again (its page shows the change)."""
    compiled: list[str] = []
    dump = preview.pages.compiled.dump_bytecode
    monkeypatch.setattr(preview.pages.compiled, "dump_bytecode", lambda bucket: (compiled.append(bucket.key), dump(bucket)))
    _built(preview)
    assert len(compiled) > 10  # Material's templates and ours
    compiled.clear()
    edit(tree, STORY, "summary: >-\n", "summary: >-\n  Câu mở đầu mới.\n")
    preview.build()
    assert compiled == [] and "Câu mở đầu mới." in (preview.site_dir / STORY_HTML).read_text("utf-8")
    main = tree / "overrides/main.html"
    main.write_text(main.read_text("utf-8").replace("{% extends", "<!-- giao diện mới -->\n{% extends", 1), "utf-8")
    preview.build()
    assert len(compiled) == 1 and "giao diện mới" in (preview.site_dir / STORY_HTML).read_text("utf-8")


def test_a_new_page_a_new_navigation_or_a_theme_change_rebuilds_every_page(tree: Path, preview: Preview) -> None:
    """A campaign's short name changed (the navigation changes), a story added (a new page) or a theme file touched:
    every page is built again, so that every page's navigation shows it."""
    _built(preview)
    edit(tree, CAMPAIGN, "short_name: Chung tay CCHC\n", "short_name: CCHC xã\n")
    preview.changed()  # as the watcher does
    preview.build()
    assert preview.pages.full
    assert "CCHC xã 2025" in (preview.site_dir / STORY_HTML).read_text("utf-8")
    story = (tree / STORY).read_text("utf-8").replace("id: cuu-chien-binh-tra-lai-tai-san", "id: cau-chuyen-moi")
    (tree / "records/stories/cau-chuyen-moi.yml").write_text(story, "utf-8")
    preview.changed()
    preview.build()
    assert preview.pages.full
    assert (preview.site_dir / "tin-tuc/cau-chuyen-moi/index.html").is_file()
    (tree / "records/stories/cau-chuyen-moi.yml").unlink()
    preview.changed()
    preview.build()
    assert preview.pages.full and not (preview.site_dir / "tin-tuc/cau-chuyen-moi").exists()
    preview.changed()
    preview.build()
    assert not preview.pages.full and preview.pages.built == set()  # nothing changed: nothing rebuilt
    theme = next(path for path in sorted((tree / "overrides").rglob("*")) if path.is_file())
    theme.write_bytes(theme.read_bytes() + b"\n")
    preview.build()
    assert preview.pages.full


def test_the_watcher_ignores_the_pages_the_preview_writes(tree: Path, preview: Preview, monkeypatch: pytest.MonkeyPatch) -> None:
    """Records, schemas and hand-written pages start a build; the generated Markdown (written by the build) does not."""
    calls: list[None] = []
    monkeypatch.setattr(preview, "changed", lambda: calls.append(None))
    watch = _Watch(tree, preview)
    watch.on_any_event(FileModifiedEvent(str(tree / "docs/phong-trao/chung-tay-cchc-2025/index.md")))
    watch.on_any_event(FileModifiedEvent(str(tree / "docs/index.md")))
    assert calls == []
    watch.on_any_event(FileModifiedEvent(str(tree / STORY)))
    watch.on_any_event(FileModifiedEvent(str(tree / "docs/huong-dan/index.md")))
    watch.on_any_event(FileMovedEvent(str(tree / "docs/tin-tuc/x.md.tmp"), str(tree / "records/stories/x.yml")))
    assert len(calls) == 3


def test_regeneration_runs_in_a_process_of_its_own_that_ends_with_the_preview(
    tree: Path, preview: Preview, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The builder runs beside the server's threads: regeneration runs in a process forked once (where the pages are
    rendered in forked workers), what it raises is raised to the builder with its traceback, and closing the preview
    ends the process."""

    def broken(*args: object) -> int:
        raise RuntimeError(f"hỏng ở tiến trình {os.getpid()}")

    monkeypatch.setattr(regenerator, "generate", broken)
    with pytest.raises(regenerator.RegenerationFailed, match=r"RuntimeError: hỏng ở tiến trình (\d+)") as failed:
        preview.regenerate()
    pid = preview.regenerator.pid
    assert pid is not None and f"hỏng ở tiến trình {pid}" in str(failed.value) and pid != os.getpid()
    preview.close()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_a_failing_regeneration_is_said_in_vietnamese_and_the_pages_are_kept(
    tree: Path, preview: Preview, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The builder says an error of the regeneration in one Vietnamese line (the traceback with THIDUA_DEBUG=1), and a
    regenerating process that was killed is said so: MkDocs' server would print an English traceback, and the pages
    stay as they were."""
    broken = tmp_path / "broken"
    original = regenerator.generate

    def maybe_broken(*args: Any) -> int:
        if broken.exists():
            raise RuntimeError("hỏng")
        return original(*args)

    monkeypatch.setattr(regenerator, "generate", maybe_broken)
    _built(preview)
    html = (preview.site_dir / STORY_HTML).read_bytes()
    broken.touch()
    edit(tree, STORY, "summary: >-\n", "summary: >-\n  Câu mở đầu mới.\n")
    capsys.readouterr()
    preview.build()
    assert capsys.readouterr().out == (
        "thidua: lỗi nội bộ khi sinh lại trang (RuntimeError: hỏng). Trang xem thử giữ nội dung cũ. "
        "Hãy chạy lại với THIDUA_DEBUG=1 và báo cho người bảo trì.\n"
    )
    monkeypatch.setenv("THIDUA_DEBUG", "1")
    preview.build()
    assert "Traceback (most recent call last)" in capsys.readouterr().out
    monkeypatch.delenv("THIDUA_DEBUG")
    assert (preview.site_dir / STORY_HTML).read_bytes() == html
    assert preview.regenerator.pid is not None
    os.kill(preview.regenerator.pid, signal.SIGKILL)
    preview.build()
    assert "tiến trình sinh lại trang của bản xem thử đã dừng; hãy dừng thidua serve (Ctrl+C) rồi chạy lại" in (
        capsys.readouterr().out
    )


def test_a_warning_from_mkdocs_is_said_in_vietnamese_and_the_next_build_is_whole(
    tree: Path, preview: Preview, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hand-written page with a broken link: MkDocs warns (strict), the preview says so and still shows the page;
    once fixed, every page is built again, since the failed build may have stopped anywhere."""
    _built(preview)
    guide = tree / "docs/huong-dan/index.md"
    text = guide.read_text("utf-8")
    guide.write_text(text + "\n[Trang không có](khong-co.md)\n", "utf-8")
    capsys.readouterr()
    preview.build()
    assert capsys.readouterr().out.endswith(
        "MkDocs báo cảnh báo (chế độ strict; «thidua build» sẽ dừng ở đây): hãy sửa các cảnh báo ở trên.\n"
    )
    assert "Trang không có" in (preview.site_dir / "huong-dan/index.html").read_text("utf-8")
    guide.write_text(text, "utf-8")
    preview.build()
    assert preview.pages.full


def test_a_change_shows_on_the_pages_before_the_downloads_are_made_again(
    tree: Path, preview: Preview, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A unit renamed: the server's builder (the server shows nothing until it returns) builds the pages and leaves the
    downloads to the regenerating process, which writes them into docs/ and the preview's site."""
    gate = tmp_path / "gate"
    gate.touch()
    _gated(monkeypatch, gate, lambda: _until(gate.exists))
    _built(preview)
    preview.build_downloads()
    preview.wait_for_downloads()
    csv = "phong-trao/chung-tay-cchc-2025/tai-ve/chung-tay-cchc-2025-ho-so.csv"
    assert "Tư pháp - hộ tịch" in (preview.site_dir / csv).read_text("utf-8-sig")
    gate.unlink()
    edit(tree, "records/units/tu-phap-ho-tich.yml", "name: Tư pháp - hộ tịch\n", "name: Tư pháp - hộ tịch xã\n")
    preview.build()  # returns while the downloads wait
    assert "Tư pháp - hộ tịch xã" in (preview.site_dir / "don-vi/tu-phap-ho-tich/index.html").read_text("utf-8")
    assert "Tư pháp - hộ tịch xã" not in (preview.site_dir / csv).read_text("utf-8-sig")
    gate.touch()
    preview.wait_for_downloads()
    for folder in (preview.site_dir, tree / "docs"):
        assert "Tư pháp - hộ tịch xã" in (folder / csv).read_text("utf-8-sig")


def test_a_download_that_cannot_be_written_is_said_and_the_next_change_still_shown(
    tree: Path, preview: Preview, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An error while writing the downloads is said in Vietnamese at the next build, which still shows its change."""
    gate = tmp_path / "gate"
    gate.touch()

    tried = tmp_path / "tried"

    def full_disk() -> None:
        tried.touch()
        raise OSError("đĩa đầy")

    _gated(monkeypatch, gate, full_disk)
    _built(preview)
    gate.unlink()
    edit(tree, "records/units/tu-phap-ho-tich.yml", "name: Tư pháp - hộ tịch\n", "name: Tư pháp - hộ tịch xã\n")
    preview.build()
    _until(tried.exists)  # the downloads are written after the build returns
    gate.touch()
    edit(tree, "records/units/tu-phap-ho-tich.yml", "name: Tư pháp - hộ tịch xã\n", "name: Tư pháp - hộ tịch xã mới\n")
    capsys.readouterr()
    preview.build()
    assert "Không ghi được các tệp tải về của trang xem thử (đĩa đầy)" in capsys.readouterr().out
    assert "Tư pháp - hộ tịch xã mới" in (preview.site_dir / "don-vi/tu-phap-ho-tich/index.html").read_text("utf-8")


def _until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        assert time.monotonic() < deadline, "the gate never opened"
        time.sleep(0.05)
