"""Preview the portal: regenerate pages when a record changes, let MkDocs reload the browser."""

from __future__ import annotations

import datetime as dt
import sys
import threading
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from ..outputs import problem_formats
from ..records.validate import validate_tree
from .build import NAV_CONFIG, generate


class _Regenerate(FileSystemEventHandler):
    """Re-validate and regenerate shortly after the last change (editors save in bursts)."""

    def __init__(self, root: Path, as_of: dt.date) -> None:
        self.root = root
        self.as_of = as_of
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()
        self.running = threading.Lock()  # a change during a regeneration waits for it: two never write docs/ at once

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            return
        with self.lock:
            if self.timer:
                self.timer.cancel()
            self.timer = threading.Timer(0.3, self.run)
            self.timer.daemon = True
            self.timer.start()

    def run(self) -> None:
        with self.running:
            self._regenerate()

    def _regenerate(self) -> None:
        result = validate_tree(self.root, use_cache=True)
        if not result.ok:
            sys.stdout.write(problem_formats.as_text(result.problems, result.files))
            sys.stdout.write("Trang xem thử giữ nội dung cũ cho đến khi hồ sơ hết lỗi.\n")
            return
        written = generate(result, self.root, self.as_of)
        if written:
            sys.stdout.write(f"Đã cập nhật {written} trang từ hồ sơ.\n")


def serve(root: Path, as_of: dt.date, address: str) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve

    handler = _Regenerate(root, as_of)
    result = validate_tree(root, use_cache=True)
    if not result.ok:
        sys.stdout.write(problem_formats.as_text(result.problems, result.files))
        return 1
    generate(result, root, as_of)
    observer = Observer()
    for folder in ("records", "schemas"):
        observer.schedule(handler, str(root / folder), recursive=True)
    observer.daemon = True
    observer.start()
    sys.stdout.write(f"Xem thử tại http://{address}/ ; sửa hồ sơ trong records/ thì trang tự cập nhật. Nhấn Ctrl+C để dừng.\n")
    try:
        mkdocs_serve(config_file=str(root / NAV_CONFIG), dev_addr=address, livereload=True)
    finally:
        observer.stop()
    return 0
