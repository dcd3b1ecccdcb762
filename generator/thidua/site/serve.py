"""Preview the portal: when a record is saved, regenerate its pages and rebuild with MkDocs only the pages that changed.

MkDocs 1.6's own ``serve --dirty`` rebuilds the pages whose Markdown is newer than their HTML, but it warns on every
such build (which ``strict: true`` turns into a failure) and keeps every other page's navigation as it was. So the
preview runs MkDocs' live reload server with a builder of its own (it has no search index: Pagefind indexes the site
``thidua build`` writes):

- after any change it validates the records (the cache reads only the files that changed) and writes the Markdown that
  changed (``generate`` leaves the other files untouched, so their times say what is new);
- when the navigation or the set of pages is as at the last build, and neither the theme nor mkdocs.yml changed, MkDocs
  builds only the pages whose Markdown is newer than their HTML; otherwise it builds every page;

Records are watched with inotify (20,000 files would make MkDocs' polling watcher slow); the generated Markdown is not
watched, since the builder writes it itself.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import BasePlugin
from watchdog.events import (
    DirDeletedEvent,
    DirMovedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from ..outputs import problem_formats
from ..records.validate import validate_tree
from .build import GENERATED, NAV_CONFIG, generate
from .page import Page
from .render import write_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

CONTENT = ("records", "schemas", "docs")  # watched with inotify: a change here starts a build
_EVENTS: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]  # not opened or closed: validating reads records, and must not start another round


class _DirtyWarning(logging.Filter):
    """Drops MkDocs' warning that a build is partial: the preview knows, and ``strict`` would fail on it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


_DIRTY = _DirtyWarning()


class BuiltPages(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Notes which pages the builds after one change rendered (the pages, then the downloads' build), and whether one
    of them built every page; ``count`` is the last build's alone (the preview says how many it rebuilt)."""

    def __init__(self) -> None:
        self.start()

    def start(self) -> None:
        self.full = False
        self.built: set[str] = set()
        self.count = 0

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.count = 0

    def on_page_context(self, context: Any, *, page: Any, config: MkDocsConfig, nav: Any) -> Any:
        self.built.add(page.url)
        self.count += 1
        return context


class Preview:
    """What the preview remembers between builds, and the builder MkDocs' server calls after each change."""

    def __init__(self, root: Path, as_of: dt.date, site_dir: Path, serve_url: str) -> None:
        self.root = root
        self.as_of = as_of
        self.site_dir = site_dir
        self.serve_url = serve_url
        self.pages = BuiltPages()
        self.downloads: list[Page] = []  # left by the last regeneration, written after the pages are built
        self.writing: threading.Thread | None = None  # writing the last change's downloads, beside the server
        self.failed: Exception | None = None  # what stopped it
        self.built_from: tuple[object, ...] | None = None  # what the last build was made from, when it succeeded
        self.server: LiveReloadServer | None = None

    def regenerate(self, why: str = "Trang xem thử giữ nội dung cũ cho đến khi hồ sơ hết lỗi.") -> bool:
        """Validate and write the Markdown that changed; False, with every problem and ``why`` printed, while a record
        has errors."""
        result = validate_tree(self.root, use_cache=True)
        if not result.ok:
            sys.stdout.write(problem_formats.as_text(result.problems, result.files))
            sys.stdout.write(why + "\n")
            return False
        self.downloads = []
        written = generate(result, self.root, self.as_of, self.downloads)
        if written:
            sys.stdout.write(f"Đã cập nhật {written} trang từ hồ sơ.\n")
        return True

    def _state(self) -> tuple[object, ...]:
        """The navigation, the files of docs/, and the theme's files and mkdocs.yml with their times: when any differs
        from the last build, every page is built again."""
        docs = self.root / "docs"
        files = frozenset(path.relative_to(docs).as_posix() for path in docs.rglob("*") if not path.is_dir())
        theme = [self.root / "mkdocs.yml", *sorted((self.root / "overrides").rglob("*"))]
        stamps = tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in theme if path.is_file())
        return (self.root / NAV_CONFIG).read_bytes(), files, stamps

    def build(self) -> None:
        """The server's builder: regenerate, then build with MkDocs; the downloads are written after, beside the server
        (it shows no page until its builder returns, and a workbook takes seconds at province scale)."""
        self.wait_for_downloads()  # two never write docs/ at once
        self.pages.start()
        if _in_turn(self.regenerate):
            self.build_site()
            self.build_downloads(in_background=True)

    def build_downloads(self, in_background: bool = False) -> None:
        """Write the downloads ``regenerate`` left for after the pages, into docs/ and straight into the preview's
        site (they are files published byte for byte: MkDocs has nothing to build for them)."""
        waiting, self.downloads = self.downloads, []
        if not waiting or self.built_from is None:
            return
        if not in_background:
            self._write_downloads(waiting)
            return
        self.writing = threading.Thread(target=self._write_downloads, args=(waiting,), name="thidua-downloads", daemon=True)
        self.writing.start()

    def _write_downloads(self, waiting: list[Page]) -> None:
        try:
            docs = self.root / "docs"
            write_pages(waiting, docs, self.root)
            for page in waiting:
                published = self.site_dir / page.path
                made = (docs / page.path).read_bytes()
                if not published.is_file() or published.read_bytes() != made:
                    published.parent.mkdir(parents=True, exist_ok=True)
                    published.write_bytes(made)
        except Exception as exc:  # said on the builder's thread, at the next build
            self.failed = exc

    def wait_for_downloads(self) -> None:
        if self.writing is not None:
            self.writing.join()
            self.writing = None
        failed, self.failed = self.failed, None
        if failed is not None:  # said, not raised: the change this build is for must still be shown
            sys.stdout.write(
                f"Không ghi được các tệp tải về của trang xem thử ({failed}); "
                "các trang vẫn được cập nhật, tệp tải về được ghi lại ở lần sửa sau.\n"
            )

    def build_site(self) -> None:
        """Build every page, or only those whose Markdown is newer than their HTML when nothing else changed."""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import Abort

        started = time.perf_counter()
        state = self._state()
        full, self.built_from = state != self.built_from, None  # until this build succeeds, the next one is full
        config = load_config(config_file=str(self.root / NAV_CONFIG), site_dir=str(self.site_dir))
        config.site_url = self.serve_url
        config.plugins["thidua/built-pages"] = self.pages
        self.pages.full = self.pages.full or full
        logger = logging.getLogger("mkdocs.commands.build")
        logger.addFilter(_DIRTY)
        try:
            build(config, serve_url=self.serve_url, dirty=not full)
        except Abort:  # strict: every page is written, but with warnings (printed above)
            sys.stdout.write("MkDocs báo cảnh báo (chế độ strict; «thidua build» sẽ dừng ở đây): hãy sửa các cảnh báo ở trên.\n")
            return
        finally:
            logger.removeFilter(_DIRTY)
        self.built_from = state
        shown = "mọi trang" if full else f"{self.pages.count} trang"
        sys.stdout.write(f"Đã dựng lại {shown} của trang xem thử trong {time.perf_counter() - started:.1f} s.\n")

    def changed(self) -> None:
        """A watched file changed: ask the server for a build, as MkDocs' own watcher does (LiveReloadServer.watch)."""
        server = self.server
        if server is not None:
            with server._rebuild_cond:
                server._want_rebuild = True
                server._rebuild_cond.notify_all()


class _Watch(FileSystemEventHandler):
    """Sends the preview the changes to records, schemas and hand-written pages (not to the pages it writes)."""

    def __init__(self, root: Path, preview: Preview) -> None:
        self.root = root
        self.preview = preview

    def on_any_event(self, event: FileSystemEvent) -> None:
        if any(path and self._wanted(str(path)) for path in (event.src_path, event.dest_path)):
            self.preview.changed()

    def _wanted(self, path: str) -> bool:
        parts = Path(path).relative_to(self.root).parts
        return bool(parts) and not (parts[0] == "docs" and len(parts) > 1 and parts[1] in GENERATED)


def _in_turn(work: Callable[[], bool]) -> bool:
    """``work()`` on a thread of its own, where ``fork_map`` does the work in turn: the server's builder runs on the main
    thread, beside the server's and the watchers' threads, and a worker forked there could wait forever on a lock one of
    them held."""
    done: list[bool] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            done.append(work())
        except BaseException as exc:  # raised again below, on the builder's thread
            failed.append(exc)

    thread = threading.Thread(target=run, name="thidua-regenerate")
    thread.start()
    thread.join()
    if failed:
        raise failed[0]
    return done[0]


def _error_page(site_dir: Path, code: int) -> bytes | None:
    """The site's own page for a missing page or a failure (Vietnamese, from the theme), as MkDocs' serve does."""
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # a terminated preview removes its temporary site as Ctrl+C does


def serve(root: Path, as_of: dt.date, address: str) -> int:
    from mkdocs.livereload import LiveReloadServer

    host, _, port = address.rpartition(":")
    site_dir = Path(tempfile.mkdtemp(prefix="thidua-serve-"))
    preview = Preview(root, as_of, site_dir, f"http://{host}:{port}/")
    observer = Observer()
    try:
        if not preview.regenerate("Chưa mở được trang xem thử vì hồ sơ còn lỗi."):  # no other thread yet: may fork
            return 1
        if threading.current_thread() is threading.main_thread():  # after the forked workers have gone
            signal.signal(signal.SIGTERM, _stop)
        sys.stdout.write("Đang dựng trang xem thử…\n")
        preview.build_site()
        preview.build_downloads()
        server = LiveReloadServer(builder=preview.build, host=host.strip("[]"), port=int(port), root=str(site_dir))
        preview.server = server
        server.error_handler = lambda code: _error_page(site_dir, code)
        # MkDocs' watcher polls: it watches the theme and mkdocs.yml (and so adds the reload script to every page); the
        # records, thousands of files, are watched with inotify.
        for path in (root / "overrides", root / "mkdocs.yml"):
            if path.exists():
                server.watch(str(path))
        watch = _Watch(root, preview)
        for folder in CONTENT:
            observer.schedule(watch, str(root / folder), recursive=True, event_filter=_EVENTS)
        observer.daemon = True
        observer.start()
        sys.stdout.write(
            f"Xem thử tại {preview.serve_url} ; sửa hồ sơ trong records/ thì trang tự cập nhật. Nhấn Ctrl+C để dừng.\n"
        )
        sys.stdout.flush()
        try:
            server.serve()  # type: ignore[no-untyped-call]
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        observer.stop()
        if preview.writing is not None:
            preview.writing.join()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0
