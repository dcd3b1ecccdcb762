"""A small Language Server Protocol client, enough to read an editor's diagnostics.

It runs a language server as a child process and speaks JSON-RPC 2.0 to it over stdio, each message framed by a
``Content-Length`` header (https://microsoft.github.io/language-server-protocol/). A reader thread answers the
server's own requests the way an editor would: ``workspace/configuration`` from the settings it was given, anything
else (``client/registerCapability``, ``window/workDoneProgress/create``…) with a null result. It keeps every
``textDocument/publishDiagnostics`` notification, so that a test can open documents and wait until the server has
said, and stopped saying, what it finds in each of them.

Positions in LSP are 0-based lines and 0-based columns counted in UTF-16 code units (the protocol's default position
encoding, which yaml-language-server uses: it does not negotiate another). ``Diagnostic.at`` converts them to the
1-based line and 1-based column in code points that thidua reports, using the document's text.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import re
import subprocess
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the line ends of LSP positions
Settings = Callable[[str, str | None], Any]
"""The editor's answer to ``workspace/configuration`` for one item: (section, scopeUri) → value."""


class ServerError(RuntimeError):
    """The server answered a request with an error, exited, or did not answer in time."""


@dataclass(frozen=True)
class Diagnostic:
    """One diagnostic as published, with the text of the document it is about."""

    line: int  # 0-based, as in LSP
    character: int  # 0-based, in UTF-16 code units, as in LSP
    end_line: int
    end_character: int
    message: str
    source: str | None
    code: object
    text: str

    @property
    def at(self) -> tuple[int, int]:
        """(line, column), both 1-based, the column counted in code points, as thidua counts them."""
        lines = _LINE_BREAK.split(self.text)
        here = lines[self.line] if self.line < len(lines) else ""
        return self.line + 1, utf16_to_code_points(here, self.character) + 1

    @property
    def lsp_at(self) -> tuple[int, int]:
        """(line, column) straight from the protocol, each plus one: the column is still in UTF-16 code units."""
        return self.line + 1, self.character + 1


def utf16_to_code_points(line: str, units: int) -> int:
    """How many code points of ``line`` its first ``units`` UTF-16 code units hold."""
    count = 0
    for index, char in enumerate(line):
        if count >= units:
            return index
        count += 2 if ord(char) > 0xFFFF else 1
    return len(line)


def read_message(stream: IO[bytes]) -> dict[str, Any] | None:
    """The next framed JSON-RPC message on ``stream``, or None at its end."""
    length = None
    while True:
        header = stream.readline()
        if not header:
            return None
        header = header.strip()
        if not header:
            break
        name, _, value = header.decode("ascii").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    if length is None:
        raise ServerError("a message without Content-Length")
    body = stream.read(length)
    if len(body) < length:
        return None
    message: dict[str, Any] = json.loads(body.decode("utf-8"))
    return message


def frame(message: Mapping[str, Any]) -> bytes:
    """``message`` as JSON with its Content-Length header."""
    body = json.dumps(message, ensure_ascii=False).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class LanguageClient:
    """One language server process, driven over stdio.

    ``settings`` answers the server's ``workspace/configuration`` requests. Use it as a context manager, or call
    ``start`` then ``stop``; ``stop`` asks the server to shut down and kills it if it does not.
    """

    def __init__(self, command: list[str], settings: Settings, *, cwd: Path | None = None) -> None:
        self.command = command
        self.settings = settings
        self.cwd = cwd
        self.server_capabilities: dict[str, Any] = {}
        self.server_info: dict[str, Any] = {}
        self.requests_seen: list[str] = []
        self.log: list[str] = []
        self._process: subprocess.Popen[bytes] | None = None
        self._ids = itertools.count(1)
        self._lock = threading.Condition()
        self._responses: dict[int, dict[str, Any]] = {}
        self._published: dict[str, list[tuple[float, list[dict[str, Any]]]]] = {}
        self._texts: dict[str, str] = {}
        self._versions: dict[str, int] = {}
        self._write_lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._stderr: list[bytes] = []
        self._broken: str | None = None  # why the reader stopped early

    # -- process and wire ---------------------------------------------------------------------------------

    def start(self, root: Path, capabilities: Mapping[str, Any], *, timeout: float = 30) -> dict[str, Any]:
        """Start the server, send ``initialize`` for the workspace ``root`` and then ``initialized``."""
        self._process = subprocess.Popen(
            self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=self.cwd
        )
        for target in (self._read_stdout, self._read_stderr):
            thread = threading.Thread(target=target, daemon=True)
            thread.start()
            self._threads.append(thread)
        uri = root.resolve().as_uri()
        result: dict[str, Any] = self.request(
            "initialize",
            {
                "processId": None,
                "clientInfo": {"name": "thidua-tests"},
                "locale": "en",
                "rootUri": uri,
                "rootPath": str(root.resolve()),
                "workspaceFolders": [{"uri": uri, "name": root.resolve().name}],
                "capabilities": capabilities,
            },
            timeout=timeout,
        )
        self.server_capabilities = result.get("capabilities", {})
        self.server_info = result.get("serverInfo", {})
        self.notify("initialized", {})
        return result

    def stop(self, timeout: float = 5) -> None:
        """``shutdown`` then ``exit``; the process is killed if it is still running after ``timeout`` seconds."""
        process = self._process
        if process is None:
            return
        try:
            if process.poll() is None:
                self.request("shutdown", None, timeout=timeout)
                self.notify("exit", None)
                process.wait(timeout=timeout)
        except (ServerError, OSError, subprocess.TimeoutExpired):
            pass
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            for stream in (process.stdin, process.stdout, process.stderr):
                if stream is not None:
                    stream.close()
            self._process = None

    def __enter__(self) -> LanguageClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def stderr(self) -> str:
        """What the server wrote to its standard error so far."""
        return b"".join(self._stderr).decode("utf-8", "replace")

    def _send(self, message: Mapping[str, Any]) -> None:
        process = self._process
        if process is None or process.stdin is None:
            raise ServerError("the server is not running")
        with self._write_lock:
            process.stdin.write(frame({"jsonrpc": "2.0", **message}))
            process.stdin.flush()

    def _read_stderr(self) -> None:
        assert self._process is not None and self._process.stderr is not None
        for line in iter(self._process.stderr.readline, b""):
            self._stderr.append(line)

    def _read_stdout(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        stream = self._process.stdout
        try:
            while (message := read_message(stream)) is not None:
                if "method" in message and "id" in message:
                    self._answer(message)
                elif "method" in message:
                    self._notified(message)
                else:
                    with self._lock:
                        self._responses[message["id"]] = message
                        self._lock.notify_all()
        except (ValueError, ServerError) as exc:  # not JSON-RPC: nothing more can be read
            self._broken = f"unreadable message from the server: {exc}"
        with self._lock:  # the server has gone: wake whoever waits
            self._broken = self._broken or "the server closed its output"
            self._lock.notify_all()

    def _check(self, doing: str) -> None:
        """Raise ServerError if the server can no longer answer (call with the lock held)."""
        if self._broken is not None or self._process is None or self._process.poll() is not None:
            raise ServerError(f"{doing}: {self._broken or 'the server exited'} (stderr: {self.stderr[-2000:]!r})")

    def _answer(self, message: dict[str, Any]) -> None:
        """Reply to a request from the server as an editor would."""
        method = message["method"]
        result: Any = None
        if method == "workspace/configuration":
            result = [self.settings(item.get("section", ""), item.get("scopeUri")) for item in message["params"]["items"]]
        with contextlib.suppress(ServerError, OSError):  # the server is going away
            self._send({"id": message["id"], "result": result})
        with self._lock:
            self.requests_seen.append(method)
            self._lock.notify_all()

    def _notified(self, message: dict[str, Any]) -> None:
        method, params = message["method"], message.get("params") or {}
        if method == "textDocument/publishDiagnostics":
            with self._lock:
                self._published.setdefault(params["uri"], []).append((time.monotonic(), params["diagnostics"]))
                self._lock.notify_all()
        elif method in ("window/logMessage", "window/showMessage"):
            self.log.append(str(params.get("message", "")))

    def wait_for_request(self, method: str, *, timeout: float = 30) -> None:
        """Wait until the server has sent a request ``method`` (and it has been answered)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while method not in self.requests_seen:
                self._check(f"waiting for {method}")
                if time.monotonic() > deadline:
                    raise ServerError(f"the server never asked {method} within {timeout} s")
                self._lock.wait(0.1)

    # -- requests ----------------------------------------------------------------------------------------

    def request(self, method: str, params: Any, *, timeout: float = 30) -> Any:
        """Send a request and wait for its result; an error response raises ServerError."""
        ident = next(self._ids)
        self._send({"id": ident, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        with self._lock:
            while ident not in self._responses:
                self._check(f"waiting for the answer to {method}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise ServerError(f"no answer to {method} within {timeout} s")
                self._lock.wait(min(left, 0.2))
            response = self._responses.pop(ident)
        if "error" in response:
            raise ServerError(f"{method}: {response['error']}")
        return response.get("result")

    def notify(self, method: str, params: Any) -> None:
        """Send a notification."""
        self._send({"method": method, "params": params})

    # -- documents and diagnostics ----------------------------------------------------------------------------

    def open(self, path: Path, *, language: str = "yaml") -> str:
        """Show the file's current text to the server, as the editor does when it opens it; returns its URI.

        The first time, ``textDocument/didOpen`` (version 1); after that, the document stays open and
        ``textDocument/didChange`` replaces its whole text with a new version, as when a file changes on disk.
        What was published about the document before is forgotten.
        """
        uri = path.resolve().as_uri()
        text = path.read_bytes().decode("utf-8-sig")  # VS Code drops a byte order mark, as thidua does
        with self._lock:
            version = self._versions.get(uri, 0) + 1
            self._versions[uri] = version
            self._texts[uri] = text
            self._published.pop(uri, None)
        if version == 1:
            self.notify(
                "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}
            )
        else:
            self.notify(
                "textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}
            )
        return uri

    def diagnostics(self, paths: Iterable[Path], *, quiet: float = 0.3, timeout: float = 60) -> dict[Path, list[Diagnostic]]:
        """Open ``paths`` and return the diagnostics the server settles on for each (see ``settle``)."""
        paths = list(paths)
        for path in paths:
            self.open(path)
        return self.settle(paths, quiet=quiet, timeout=timeout)

    def settle(self, paths: Iterable[Path], *, quiet: float = 0.3, timeout: float = 60) -> dict[Path, list[Diagnostic]]:
        """The diagnostics the server settles on for each of ``paths``, already opened with ``open``.

        A document counts as settled once at least one ``publishDiagnostics`` for it has arrived since it was opened,
        and then no notification for any of these documents has come for ``quiet`` seconds: a server may publish an
        empty list first and the real one once a schema has loaded, or validate again after a change of settings.
        The last list published for each document is the one returned. The documents stay open.
        """
        wanted = {path.resolve().as_uri(): path for path in paths}
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                now = time.monotonic()
                lists = [self._published.get(uri) for uri in wanted]
                if all(lists):
                    last = max(published[-1][0] for published in lists if published)
                    if now - last >= quiet:
                        break
                    wait = quiet - (now - last)
                else:
                    wait = 0.2
                if now > deadline:
                    missing = sorted(str(wanted[uri]) for uri, got in zip(wanted, lists, strict=True) if not got)
                    raise ServerError(f"no diagnostics within {timeout} s for {missing[:5]} ({len(missing)} in all)")
                self._check("waiting for diagnostics")
                self._lock.wait(wait)
            settled = {uri: self._published[uri][-1][1] for uri in wanted}
            texts = {uri: self._texts[uri] for uri in wanted}
        return {wanted[uri]: [self._diagnostic(item, texts[uri]) for item in items] for uri, items in settled.items()}

    @staticmethod
    def _diagnostic(item: Mapping[str, Any], text: str) -> Diagnostic:
        start, end = item["range"]["start"], item["range"]["end"]
        return Diagnostic(
            start["line"],
            start["character"],
            end["line"],
            end["character"],
            item["message"],
            item.get("source"),
            item.get("code"),
            text,
        )


def vscode_configuration(settings: Mapping[str, Any]) -> Settings:
    """Answer ``workspace/configuration`` as VS Code does from a flat settings.json mapping.

    A dotted key is a path in one tree (``"yaml.schemas"`` is ``schemas`` in the ``yaml`` section); a section that is
    a language override such as ``"[yaml]"`` is returned as written, with its dotted keys. A section nobody set
    is an empty object. The scope URI is ignored: the settings are the workspace's, the same for every file.
    """
    tree: dict[str, Any] = {}
    for key, value in settings.items():
        if key.startswith("["):
            tree[key] = value
            continue
        *parents, last = key.split(".")
        node = tree
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value

    def answer(section: str, scope: str | None) -> Any:
        if section.startswith("["):
            return tree.get(section, {})
        node: Any = tree
        for part in section.split(".") if section else []:
            node = node.get(part, {}) if isinstance(node, dict) else {}
        return node

    return answer
