"""The preview's regeneration, in a process of its own forked before the server's threads start.

MkDocs' server runs its builder beside the server's and the watchers' threads, where forking the workers that render
the pages side by side could leave one waiting forever on a lock another thread held. So the preview forks, once, a
process that has a single thread: it validates the records and writes the Markdown when asked (rendering in forked
workers, as ``thidua build`` does), keeps what it read for the next save, and writes the downloads after the pages are
shown, on a core of its own. It answers each request with what it would have printed; the preview prints it. The
process ends when the preview closes its end of the pipe, or stops.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import signal
import traceback
import weakref
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ..outputs import problem_formats
from ..records.validate import validate_tree
from .build import generate
from .page import Page
from .render import write_pages


class RegenerationFailed(RuntimeError):
    """The regeneration raised (the message is its traceback), or its process has gone."""

    def said(self) -> str:
        """What to print: the error's last line in Vietnamese, the whole traceback with THIDUA_DEBUG=1."""
        last = str(self).strip().splitlines()[-1] if str(self).strip() else type(self).__name__
        if os.environ.get("THIDUA_DEBUG"):
            return f"{self}\n"
        return (
            f"thidua: lỗi nội bộ khi sinh lại trang ({last}). Trang xem thử giữ nội dung cũ. "
            "Hãy chạy lại với THIDUA_DEBUG=1 và báo cho người bảo trì.\n"
        )


class Regenerator:
    """The preview's end of the pipe to the regenerating process, started at the first request."""

    def __init__(self, root: Path, as_of: dt.date, site_dir: Path) -> None:
        self.root = root
        self.as_of = as_of
        self.site_dir = site_dir
        self.pid: int | None = None  # the regenerating process, once started
        self._conn: Connection | None = None
        self._pending = 0  # requests sent whose answer has not been read
        self._close: weakref.finalize[Any, Regenerator] | None = None

    def regenerate(self, why: str) -> tuple[bool, str]:
        """Validate and write the Markdown that changed: whether the records are valid, and what to print."""
        ok, text = self._ask("regenerate", why)
        return bool(ok), str(text)

    def write_downloads(self, publish: bool) -> None:
        """Write the downloads the last regeneration left (``publish``: into the preview's site as well), or drop them;
        answered at the next request, which waits for them."""
        self._send("write_downloads", publish)

    def wait(self) -> str:
        """Wait for the downloads being written: what to say if writing them failed."""
        return str(self._ask("wait", None)[1])

    def close(self) -> None:
        if self._close is not None:
            self._close()

    def _send(self, kind: str, argument: object) -> None:
        if self._conn is None:
            self._start()
        assert self._conn is not None
        self._conn.send((kind, argument))
        self._pending += 1

    def _ask(self, kind: str, argument: object) -> tuple[object, object]:
        self._send(kind, argument)
        assert self._conn is not None
        failed = ""
        while self._pending:  # the answers to earlier requests first
            try:
                status, *answer = self._conn.recv()
            except (EOFError, OSError):  # killed (out of memory…): forking another here, beside threads, could hang
                raise RegenerationFailed(
                    "tiến trình sinh lại trang của bản xem thử đã dừng; hãy dừng thidua serve (Ctrl+C) rồi chạy lại"
                ) from None
            self._pending -= 1
            failed = failed or (answer[0] if status == "failed" else "")
        if failed:
            raise RegenerationFailed(failed)
        return answer[0], answer[1]

    def _start(self) -> None:
        from multiprocessing import Pipe

        mine, theirs = Pipe()
        pid = os.fork()
        if pid == 0:  # the regenerating process: answers until the pipe closes, and never returns
            code = 1
            try:
                mine.close()
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C stops the preview, which closes the pipe
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                _Worker(self.root, self.as_of, self.site_dir).answer(theirs)
                code = 0
            finally:
                os._exit(code)
        theirs.close()
        self._conn, self.pid = mine, pid
        self._close = weakref.finalize(self, _stop, mine, pid)


def _stop(conn: Connection, pid: int) -> None:
    """Close the pipe (the process then ends) and wait for it, so that none is left behind."""
    conn.close()
    os.waitpid(pid, 0)


class _Worker:
    """The regenerating process: answers each request (a method's name and its argument) in turn."""

    def __init__(self, root: Path, as_of: dt.date, site_dir: Path) -> None:
        self.root = root
        self.as_of = as_of
        self.site_dir = site_dir
        self.waiting: list[Page] = []  # the downloads the last regeneration left
        self.failed = ""

    def answer(self, conn: Connection) -> None:
        while True:
            try:
                kind, argument = conn.recv()
            except EOFError:
                return
            try:
                conn.send(("done", *getattr(self, kind)(argument)))
            except Exception:
                conn.send(("failed", traceback.format_exc()))

    def regenerate(self, why: str) -> tuple[bool, str]:
        said = io.StringIO()
        result = validate_tree(self.root, use_cache=True)
        if not result.ok:
            said.write(problem_formats.as_text(result.problems, result.files))
            said.write(why + "\n")
            return False, said.getvalue()
        self.waiting = []
        written = generate(result, self.root, self.as_of, self.waiting)
        if written:
            said.write(f"Đã cập nhật {written} trang từ hồ sơ.\n")
        return True, said.getvalue()

    def write_downloads(self, publish: bool) -> tuple[None, str]:
        """Write the downloads into docs/ and, when published, straight into the preview's site (they are files
        published byte for byte: MkDocs has nothing to build for them)."""
        waiting, self.waiting = self.waiting, []
        if publish and waiting:
            try:
                write_downloads(waiting, self.root, self.site_dir)
            except Exception as exc:  # said at the next build, which must still show its change
                self.failed = (
                    f"Không ghi được các tệp tải về của trang xem thử ({exc}); "
                    "các trang vẫn được cập nhật, tệp tải về được ghi lại ở lần sửa sau.\n"
                )
        return None, ""

    def wait(self, _: None) -> tuple[None, str]:
        failed, self.failed = self.failed, ""
        return None, failed


def write_downloads(waiting: list[Page], root: Path, site_dir: Path) -> None:
    docs = root / "docs"
    write_pages(waiting, docs, root)
    for page in waiting:
        published = site_dir / page.path
        made = (docs / page.path).read_bytes()
        if not published.is_file() or published.read_bytes() != made:
            published.parent.mkdir(parents=True, exist_ok=True)
            published.write_bytes(made)
