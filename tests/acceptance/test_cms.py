"""The forms of /quan-tri/ in a real browser: Debian's chromium, Sveltia CMS in its local-repository mode.

Staff use the CMS with GitHub or GitLab (a pull request per change) or, in Chrome and Edge, on a folder of their
computer. Here the folder is the browser's own private file system (OPFS), filled with a temporary copy of the
repository's records and handed to the CMS in place of the folder picker (``showDirectoryPicker``); after a save,
its files are copied back into that copy, which ``thidua validate`` and ``thidua build`` then read like any other.

Chromium runs behind a proxy that records every request reaching it and answers none: a request to any host but
127.0.0.1 would reach it. The page asks unpkg.com, cdn.jsdelivr.net and githubstatus.com for files; the service worker
of /quan-tri/ answers them, and the proxy shows that none of those requests left the browser.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import http.server
import os
import re
import shutil
import socketserver
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from test_browser import CHROMIUM, CHROMIUM_ARGS

from conftest import ROOT, copy_repository
from site_text import page_text
from thidua.cli import main

SHOTS = ROOT / "test-artifacts" / "screenshots"
# The guide's pictures (docs/huong-dan/anh/) are these screenshots, rewritten by:
#   THIDUA_GUIDE_SHOTS=1 pytest tests/acceptance/test_cms.py
GUIDE_SHOTS = ROOT / "docs" / "huong-dan" / "anh"
GUIDE = {"bieu-mau-dang-nhap.png", "bieu-mau-ho-so-moi.png", "bieu-mau-ho-so-phone.png"}
AS_OF = "2025-12-20"
NOMINATIONS = "records/nominations/chung-tay-cchc-2025"
DEPOT = "/__kho__/"  # where the test server serves the temporary repository (never part of the site)
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
# Chromium's own services, which a form or a fresh profile wakes up (they are not the page's requests): off.
QUIET = [
    "--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter",
    "--disable-domain-reliability",
    "--no-pings",
]

PICKER = (
    "window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('kho', {create: true});"
)
FILL = """async ([depot, files]) => {
  const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('kho', {create: true});
  const put = async (path, body) => {
    const parts = path.split('/');
    let folder = root;
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
    const writable = await (await folder.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writable.write(body);
    await writable.close();
  };
  await put('.git/HEAD', 'ref: refs/heads/main\\n');
  for (const path of files) await put(path, await (await fetch(depot + path)).blob());
}"""
DUMP = """async () => {
  const files = {};
  const walk = async (folder, prefix) => {
    for await (const [name, handle] of folder.entries()) {
      if (handle.kind === 'directory') await walk(handle, prefix + name + '/');
      else {
        const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
        let text = '';
        for (const byte of bytes) text += String.fromCharCode(byte);
        files[prefix + name] = btoa(text);
      }
    }
  };
  await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('kho'), '');
  return files;
}"""


class _Recorder(socketserver.ThreadingTCPServer):
    """A proxy that answers nothing: it records the first line of every request the browser sends it."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        self.seen: list[str] = []
        super().__init__(("127.0.0.1", 0), _RecordLine)


class _RecordLine(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        line = self.rfile.readline(2000).decode("latin-1").strip()
        if line:
            assert isinstance(self.server, _Recorder)
            self.server.seen.append(line)
        self.wfile.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


class _SiteAndDepot(http.server.SimpleHTTPRequestHandler):
    """The built site, and (under DEPOT) the temporary repository the CMS's folder is filled from."""

    depot: Path

    def translate_path(self, path: str) -> str:
        path = unquote(urlparse(path).path)
        if path.startswith(DEPOT):
            return str(self.depot / path[len(DEPOT) :])
        return super().translate_path(path)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def _serving(server: socketserver.BaseServer) -> Iterator[None]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()


@dataclass
class Repo:
    """A temporary copy of the repository, its built site served on 127.0.0.1, and the proxy that records."""

    root: Path
    url: str
    recorder: _Recorder
    requests: list[tuple[str, bool]] = field(default_factory=list)  # (url, answered by the service worker)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, why)

    def build(self) -> None:
        assert main(["--root", str(self.root), "build", "--as-of", AS_OF]) == 0

    def outside(self) -> list[str]:
        """Requests that went to a host other than 127.0.0.1 without the service worker answering them."""
        return [url for url, by_worker in self.requests if not _local(url) and not by_worker]


def _local(url: str) -> bool:
    """On this site, or in the page's own memory (blob:, data:)."""
    return urlparse(url).scheme in ("blob", "data") or urlparse(url).hostname == "127.0.0.1"


@pytest.fixture(scope="module")
def recorder() -> Iterator[_Recorder]:
    server = _Recorder()
    with _serving(server):
        yield server


@pytest.fixture(scope="module")
def browser(recorder: _Recorder) -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run `make browser` (make test does)"
    proxy = f"--proxy-server=http://127.0.0.1:{recorder.server_address[1]}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *QUIET, proxy])
        yield browser
        browser.close()


@pytest.fixture
def repo(tmp_path: Path, recorder: _Recorder) -> Iterator[Repo]:
    root = copy_repository(tmp_path / "repo")
    handler = type("Handler", (_SiteAndDepot,), {"depot": root})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root / "site")))
    with _serving(server):
        found = Repo(root, f"http://127.0.0.1:{server.server_address[1]}", recorder)
        found.build()
        recorder.seen.clear()
        yield found


def _cms(browser: Browser, repo: Repo, size: tuple[int, int] = SIZES["desktop"]) -> tuple[BrowserContext, Page]:
    """The CMS opened on the repository's folder, every request of the page recorded."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    context.add_init_script(PICKER)
    page = context.new_page()
    page.on("requestfinished", lambda r: repo.requests.append((r.url, bool(r.response() and r.response().from_service_worker))))  # type: ignore[union-attr]
    page.on("requestfailed", lambda r: repo.failed.append((r.url, str(r.failure))))
    page.goto(repo.url + "/quan-tri/", wait_until="networkidle")
    files = sorted(p.relative_to(repo.root).as_posix() for p in (repo.root / "records").rglob("*") if p.is_file())
    page.evaluate(FILL, [repo.url + DEPOT, files])
    local = page.get_by_role("button", name="Làm việc với kho mã nguồn cục bộ")
    local.wait_for()
    if size == SIZES["desktop"]:
        _shot(page, "bieu-mau-dang-nhap.png")
    local.click()
    local.wait_for(state="detached")
    # The CMS reads the whole folder before it can save into it; a record created sooner is kept in its cache only.
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(3000)
    return context, page


def _save(page: Page, repo: Repo) -> list[str]:
    """Press Lưu, wait until what the CMS wrote stops changing, copy it back into the repository; returns the paths."""
    page.get_by_role("button", name="Lưu", exact=True).click()
    written: dict[str, bytes] = {}
    for _ in range(300):  # up to a minute: a slow machine never fails the test
        page.wait_for_timeout(200)
        now = {path: base64.b64decode(data) for path, data in page.evaluate(DUMP).items() if not path.startswith(".git/")}
        changed = {p: raw for p, raw in now.items() if not (repo.root / p).is_file() or (repo.root / p).read_bytes() != raw}
        if changed and changed == written:
            break
        written = changed
    for path, raw in written.items():
        (repo.root / path).parent.mkdir(parents=True, exist_ok=True)
        (repo.root / path).write_bytes(raw)
    return sorted(written)


def _pick(page: Page, label: str, typed: str, shown: str) -> None:
    box = page.get_by_role("combobox", name=label, exact=True)
    box.click()
    box.press_sequentially(typed)
    page.get_by_role("option", name=shown, exact=True).click()


def _shot(page: Page, name: str) -> None:
    """A screenshot for a person to look at; with THIDUA_GUIDE_SHOTS=1, also the guide's picture of that name."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name))
    if os.environ.get("THIDUA_GUIDE_SHOTS") == "1" and name in GUIDE:
        shutil.copyfile(SHOTS / name, GUIDE_SHOTS / name)


def _reveal(page: Page, name: str) -> None:
    """Scroll the form until the button appears: the CMS draws a field only when it comes near the screen."""
    button = page.get_by_role("button", name=name)
    for _ in range(20):
        if button.count():
            button.first.scroll_into_view_if_needed()
            return
        page.mouse.wheel(0, 400)
        page.wait_for_timeout(100)
    raise AssertionError(f"no button {name!r} in the form")


def _open(page: Page, repo: Repo, collection: str, entry: str) -> None:
    page.goto(f"{repo.url}/quan-tri/#/collections/{collection}/entries/{entry}")
    page.get_by_role("button", name="Lưu", exact=True).wait_for()


@pytest.mark.parametrize("width", sorted(SIZES))
def test_the_form_asks_nothing_of_any_third_party(browser: Browser, repo: Repo, width: str) -> None:
    """The CMS, in Vietnamese, with its fonts and icons, opens a nomination without a request leaving the site.

    Every request the page makes goes to 127.0.0.1 or is answered by the service worker from the site's copies,
    and the proxy in front of every other host receives nothing. Screenshots at 1280×800 and 390×844.
    """
    context, page = _cms(browser, repo, SIZES[width])
    _open(page, repo, "nominations", "chung-tay-cchc-2025/ca-nhan-nguyen-thi-lan")
    page.get_by_role("textbox", name="Mã hồ sơ").wait_for()
    page.wait_for_load_state("networkidle")
    _shot(page, f"bieu-mau-ho-so-{width}.png")
    assert page.get_by_text("Tóm tắt thành tích", exact=True).first.is_visible() or width == "phone"
    fonts = page.evaluate("() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert {"Source Sans 3", "Material Symbols Outlined"} <= {f.strip("\"'") for f in fonts}
    context.close()
    assert len(repo.requests) > 10
    assert any(urlparse(url).hostname == "unpkg.com" and by_worker for url, by_worker in repo.requests)
    assert repo.outside() == []
    # A request the CMS gives up on (its check for a newer version) is cancelled in the page: it never left.
    assert all(why == "net::ERR_ABORTED" for url, why in repo.failed if not _local(url)), repo.failed
    # What reached the network for another host: nothing the page asked for (Chromium's own services aside, such as
    # its account check at accounts.google.com, which every page of a fresh profile wakes up).
    asked = {urlparse(url).hostname for url, _ in repo.requests} | {urlparse(url).hostname for url, _ in repo.failed}
    assert {"unpkg.com", "cdn.jsdelivr.net", "www.githubstatus.com"} <= asked
    reached = {line.split()[1].split(":")[0].removeprefix("http://").split("/")[0] for line in repo.recorder.seen}
    assert reached & asked == set()


def test_a_hamlet_head_files_a_nomination_through_the_form(browser: Browser, repo: Repo, tmp_path: Path) -> None:
    """Pick the campaign, the award, the unit, add a Tờ trình with its scan, save: the record and the scan land where
    thidua expects them, thidua validate accepts them, and the rebuilt dossier board lists the new nomination."""
    scan = tmp_path / "to-trinh.pdf"
    scan.write_bytes(b"%PDF-1.4\n%MAU - TO TRINH CUA XOM DONG TAM - DU LIEU HU CAU\n%%EOF\n")
    context, page = _cms(browser, repo)
    page.goto(repo.url + "/quan-tri/#/collections/nominations/new")
    page.get_by_role("textbox", name="Mã hồ sơ").fill("tap-the-xom-dong-tam")
    page.get_by_role("radio", name="Chung tay Cải cách hành chính").click()
    page.get_by_role("radio", name="Giấy khen của Chủ tịch UBND xã").click()
    _pick(page, "Tập thể", "dong tam", "Xóm Đồng Tâm")
    _pick(page, "Đơn vị đề nghị", "dong tam", "Xóm Đồng Tâm")
    page.get_by_role("button", name=re.compile("Thêm.*Văn bản trong hồ sơ")).click()
    page.get_by_role("radio", name="Tờ trình khen thưởng của cơ quan").click()
    page.get_by_role("textbox", name="Số, ký hiệu văn bản").fill("03/TTr-XĐT")
    page.get_by_role("textbox", name="Ngày văn bản").fill("2025-12-01")
    _pick(page, "Mã người ký", "khoi", "Đàm Văn Khởi")
    page.mouse.move(300, 400)  # over the form, which scrolls
    _reveal(page, "Duyệt tệp")
    page.get_by_role("button", name="Duyệt tệp").click()
    with page.expect_file_chooser() as chooser:
        page.get_by_role("dialog").get_by_role("button", name="Tải lên").click()
    chooser.value.set_files(str(scan))
    page.get_by_role("dialog").get_by_role("button", name="Chèn").click()
    page.get_by_role("dialog").wait_for(state="hidden")
    page.get_by_text("to-trinh.pdf").first.scroll_into_view_if_needed()
    _shot(page, "bieu-mau-ho-so-moi.png")
    changed = _save(page, repo)
    context.close()

    record = f"{NOMINATIONS}/tap-the-xom-dong-tam.yml"
    stored_scan = "records/files/chung-tay-cchc-2025/tap-the-xom-dong-tam/to-trinh.pdf"
    assert changed == [stored_scan, record]
    assert (repo.root / stored_scan).read_bytes() == scan.read_bytes()
    text = (repo.root / record).read_text("utf-8")
    assert text.startswith("id: tap-the-xom-dong-tam\ncampaign: chung-tay-cchc-2025\naward: giay-khen-chu-tich-ubnd-xa\n")
    assert "nominee:\n  unit: xom-dong-tam\nproposed_by: xom-dong-tam\n" in text
    assert f"    file: {stored_scan}\n" in text and "    date: 2025-12-01\n" in text
    assert "number: 03/TTr-XĐT" in text and "person: dam-van-khoi" in text
    assert main(["--root", str(repo.root), "validate", "--as-of", AS_OF]) == 0
    repo.build()
    board = page_text(repo.root / "site" / "phong-trao" / "chung-tay-cchc-2025" / "ho-so" / "index.html")
    assert (
        "Xóm Đồng Tâm (tập thể) Biên bản họp của cơ quan; Báo cáo thành tích tập thể, cá nhân Chưa nộp — "
        "Tờ trình khen thưởng của cơ quan: ✓ Biên bản họp của cơ quan: ✗ thiếu"
    ) in board


def test_saving_changes_only_what_was_edited(browser: Browser, repo: Repo) -> None:
    """A record edited and put back is saved byte for byte as it was; an edited summary changes that line only.

    The CMS drops YAML comments when it saves: the sample records have none (what they said is in ``editor_note``,
    the first field, as the form writes it). It drops blank lines too: the sample record's blank lines (where its
    comments were, so that line numbers stayed) are taken out of the copy first, as a record written through the form
    has none.
    """
    path = repo.root / NOMINATIONS / "ca-nhan-nguyen-thi-lan.yml"
    text = path.read_text("utf-8")
    assert text.startswith("editor_note: 'Trạng thái mẫu: ") and not [line for line in text.splitlines() if "#" in line]
    path.write_text("".join(line for line in text.splitlines(keepends=True) if line.strip()), "utf-8")
    before = path.read_bytes()
    context, page = _cms(browser, repo)
    _open(page, repo, "nominations", "chung-tay-cchc-2025/ca-nhan-nguyen-thi-lan")
    summary = page.get_by_role("textbox", name="Tóm tắt thành tích")
    original = summary.input_value()
    summary.fill(original + " Sửa.")
    summary.fill(original)
    save = page.get_by_role("button", name="Lưu", exact=True)
    if save.is_enabled():
        _save(page, repo)
    assert path.read_bytes() == before
    summary.fill(original + " Sửa.")
    assert _save(page, repo) == [f"{NOMINATIONS}/ca-nhan-nguyen-thi-lan.yml"]
    context.close()
    old, new = before.decode("utf-8").splitlines(), path.read_text("utf-8").splitlines()
    assert len(old) == len(new)
    assert [(a, b) for a, b in zip(old, new, strict=True) if a != b] == [
        (f"summary: '{original}'", f"summary: '{original} Sửa.'")
    ]


def test_a_script_typed_into_a_text_field_is_stored_and_shown_as_text(browser: Browser, repo: Repo) -> None:
    """<script> in a story's summary is saved as characters in YAML and shown as characters on the rebuilt site."""
    typed = 'Chị Lan <script>window.thiduaXss = 1</script><img src="x" onerror="window.thiduaXss = 2"> ở lại buổi trưa.'
    context, page = _cms(browser, repo)
    _open(page, repo, "stories", "chi-lan-mot-cua")
    page.get_by_role("textbox", name="Tóm tắt").fill(typed)
    _save(page, repo)
    context.close()
    assert main(["--root", str(repo.root), "validate", "--as-of", AS_OF]) == 0
    repo.build()
    reader = browser.new_context()
    story = reader.new_page()
    story.goto(repo.url + "/tin-tuc/chi-lan-mot-cua/", wait_until="networkidle")
    assert typed in story.locator("article").inner_text()
    assert story.evaluate("() => window.thiduaXss") is None
    assert story.locator("article script, article img[src='x']").count() == 0
    reader.close()
