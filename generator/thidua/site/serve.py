"""Preview the portal: when a record is saved, regenerate its pages and rebuild with MkDocs only the pages that changed.

MkDocs 1.6's own ``serve --dirty`` rebuilds the pages whose Markdown is newer than their HTML, but it warns on every
such build (which ``strict: true`` turns into a failure) and keeps every other page's navigation as it was. So the
preview runs MkDocs' live reload server with a builder of its own (it has no search index: Pagefind indexes the site
``thidua build`` writes):

- after any change it has its regenerating process (``regenerator``) validate the records (the cache reads only the
  files that changed) and write the Markdown that changed (``generate`` leaves the other files untouched, so their
  times say what is new);
- when the navigation or the set of pages is as at the last build, and neither the theme nor mkdocs.yml changed, MkDocs
  builds only the pages whose Markdown is newer than their HTML; otherwise it builds every page;
- then the regenerating process writes the downloads, while the server shows the pages.

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
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import jinja2.bccache
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

from .build import GENERATED, NAV_CONFIG
from .regenerator import RegenerationFailed, Regenerator

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


class _Compiled(jinja2.BytecodeCache):
    """The theme's templates compiled once for every build of the preview (MkDocs makes a new Jinja environment for each
    build, and compiling Material's templates took a third of a build of two pages); a template whose source changed is
    compiled again (Jinja checks the source's checksum)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


class BuiltPages(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Notes which pages the builds after one change rendered (the pages, then the downloads' build), and whether one
    of them built every page; ``count`` is the last build's alone (the preview says how many it rebuilt). Gives every
    build the templates compiled by the builds before."""

    def __init__(self) -> None:
        self.compiled = _Compiled()
        self.start()

    def start(self) -> None:
        self.full = False
        self.built: set[str] = set()
        self.count = 0

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.count = 0

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Any) -> jinja2.Environment:
        env.bytecode_cache = self.compiled
        return env

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
        self.regenerator = Regenerator(root, as_of, site_dir)  # forked at the first regeneration
        self.built_from: tuple[object, ...] | None = None  # what the last build was made from, when it succeeded
        self.server: LiveReloadServer | None = None

    def regenerate(self, why: str = "Trang xem thử giữ nội dung cũ cho đến khi hồ sơ hết lỗi.") -> bool:
        """Validate and write the Markdown that changed; False, with every problem and ``why`` printed, while a record
        has errors."""
        ok, said = self.regenerator.regenerate(why)
        sys.stdout.write(said)
        return ok

    def _state(self) -> tuple[object, ...]:
        """The navigation, the files of docs/, and the theme's files and mkdocs.yml with their times: when any differs
        from the last build, every page is built again."""
        docs = self.root / "docs"
        files = frozenset(path.relative_to(docs).as_posix() for path in docs.rglob("*") if not path.is_dir())
        theme = [self.root / "mkdocs.yml", *sorted((self.root / "overrides").rglob("*"))]
        stamps = tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in theme if path.is_file())
        return (self.root / NAV_CONFIG).read_bytes(), files, stamps

    def build(self) -> None:
        """The server's builder: regenerate, then build with MkDocs; the downloads are written after, by the
        regenerating process (the server shows no page until its builder returns, and a workbook takes seconds at
        province scale)."""
        try:
            self.wait_for_downloads()  # said at the next build: the change this build is for must still be shown
            self.pages.start()
            if not self.regenerate():
                return
        except RegenerationFailed as failed:  # said, not raised: MkDocs' server would print a traceback in English
            sys.stdout.write(failed.said())
            return
        self.build_site()
        self.build_downloads()

    def build_downloads(self) -> None:
        """Have the downloads the last regeneration left written into docs/ and the preview's site, once the pages
        are built (dropped when the build failed: they are made again at the next change)."""
        self.regenerator.write_downloads(publish=self.built_from is not None)

    def wait_for_downloads(self) -> None:
        sys.stdout.write(self.regenerator.wait())

    def close(self) -> None:
        """Stop the regenerating process (once it has written what it was writing)."""
        self.regenerator.close()

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
    on_main_thread = threading.current_thread() is threading.main_thread()
    terminated = signal.signal(signal.SIGTERM, _stop) if on_main_thread else None
    try:
        if not preview.regenerate("Chưa mở được trang xem thử vì hồ sơ còn lỗi."):  # forks: no other thread yet
            return 1
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
        preview.close()
        shutil.rmtree(site_dir, ignore_errors=True)
        if on_main_thread:  # as it was: processes forked later by the caller must not inherit _stop
            signal.signal(signal.SIGTERM, terminated)
    return 0
