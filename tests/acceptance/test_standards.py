"""The built portal against the standards it is read by: the Nu HTML checker (vnu.jar, the W3C's validator), the
sitemap protocol and robots.txt; built once without site_url and once with it."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT, copy_repository, edit
from samples import built
from thidua.clock import epoch_of
from thidua.site.build import publishing, site_url_problem
from thidua.site.crawl import SITEMAP_NS

AS_OF = "2025-12-20"
SITE_URL = "https://thidua.example.vn/kim-phuong/"
ADDRESS = {"without-site-url": None, "with-site-url": SITE_URL}


@dataclass(frozen=True)
class Known:
    """An error the checker finds in Material's own templates, which we do not copy to fix."""

    message: str
    element: str  # a regular expression the whole highlighted source must match
    why: str


# Each one is matched by the checker's message and the exact element it highlights, on whatever page it occurs.
MATERIAL = (
    Known(
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, “email”, "
        "“hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”.",
        re.escape('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'),
        "material/templates/base.html: the checkbox that opens the navigation drawer on a phone",
    ),
    Known(
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, “email”, "
        "“hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”.",
        re.escape('<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'),
        "material/templates/base.html: the checkbox that opens the search dialog",
    ),
    Known(
        "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.",
        r'<label class="md-nav__link" for="__nav_(\d+)" id="__nav_\1_label" tabindex="">',
        'material/templates/partials/nav-item.html: a section title of the navigation (navigation.sections) gets tabindex=""',
    ),
)


def _vnu_jar() -> Path:
    jar = Path(os.environ.get("VNU_JAR", str(ROOT / ".tools/node_modules/vnu-jar/build/dist/vnu.jar")))
    assert jar.is_file(), "vnu.jar is missing: make test installs it from the npm registry (vnu-jar)"
    assert shutil.which("java"), "Java is missing: make test installs Debian's default-jre-headless"
    return jar


def _check(files: list[Path]) -> list[dict[str, object]]:
    """The checker's errors for ``files``, each with the page, the message and the highlighted source."""
    done = subprocess.run(
        [
            "java",
            "-jar",
            str(_vnu_jar()),
            "--errors-only",
            "--exit-zero-always",
            "--stdout",
            "--format",
            "json",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    errors = []
    for message in json.loads(done.stdout)["messages"]:
        extract = str(message.get("extract", ""))
        start, length = int(message.get("hiliteStart", 0)), int(message.get("hiliteLength", len(extract)))
        errors.append(
            {"page": message.get("url"), "message": message["message"], "element": extract[start : start + length].strip()}
        )
    return errors


def _material(error: dict[str, object]) -> Known | None:
    return next((k for k in MATERIAL if error["message"] == k.message and re.fullmatch(k.element, str(error["element"]))), None)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample portal built with mkdocs.yml's site_url unset, and set to SITE_URL."""
    found = {}
    for name, address in ADDRESS.items():
        root = copy_repository(tmp_path_factory.mktemp(name) / "repo")
        if address:
            edit(root, "mkdocs.yml", "site_name: ", f"site_url: {address}\nsite_name: ")
        found[name] = built(root, AS_OF)
    return found


@pytest.fixture(params=sorted(ADDRESS))
def site(request: pytest.FixtureRequest, sites: dict[str, Path]) -> tuple[str | None, Path]:
    """One of the two builds, with its site_url."""
    return ADDRESS[request.param], sites[request.param]


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_html_checker_finds_no_error_of_ours(site: tuple[str | None, Path]) -> None:
    """vnu.jar finds no error in any built page but the few Material's own templates make, listed above with the
    reason; each listed one still occurs (a Material upgrade that fixes it must take it off the list)."""
    _, folder = site
    errors = _check(_pages(folder))
    ours = [e for e in errors if _material(e) is None]
    assert ours == []
    assert {_material(e) for e in errors} == set(MATERIAL)


def test_the_html_checker_really_checks(tmp_path: Path) -> None:
    """The check runs: an empty link host and a heading that skips a level are reported."""
    page = tmp_path / "hong.html"
    page.write_text(
        '<!doctype html><html lang="vi"><head><title>Hỏng</title></head>'
        '<body><h1>Tiêu đề</h1><h3>Mục</h3><a href="//">trang chủ</a></body></html>',
        "utf-8",
    )
    assert sorted(str(e["element"]) for e in _check([page])) == ['<a href="//">', "<h3>"]


def test_the_404_page_links_home(site: tuple[str | None, Path]) -> None:
    """The 404 page's home link is site_url, or the root of the host when it is unset (never "//")."""
    address, folder = site
    assert f'Hãy về <a href="{address or "/"}">trang chủ</a>' in (folder / "404.html").read_text("utf-8")


def _page_addresses(folder: Path, address: str) -> set[str]:
    """The address of every built page (a folder with index.html), as a reader types it; not /quan-tri/, the forms
    for staff (marked noindex), which search engines have no reason to list."""
    found = set()
    for index in folder.rglob("index.html"):
        relative = index.parent.relative_to(folder).as_posix()
        if relative == "quan-tri":
            continue
        found.add(address if relative == "." else f"{address}{relative}/")
    return found


def test_the_sitemap_follows_the_protocol_or_is_not_published(site: tuple[str | None, Path]) -> None:
    """With site_url: a <urlset> in the sitemap namespace lists every page once, each <loc> absolute under site_url
    and last modified on the --as-of day, and sitemap.xml.gz holds the same bytes, dated that day. Without it there
    is no address to list, and no sitemap (MkDocs would publish an empty, invalid one)."""
    address, folder = site
    if address is None:
        assert not (folder / "sitemap.xml").exists() and not (folder / "sitemap.xml.gz").exists()
        return
    raw = (folder / "sitemap.xml").read_bytes()
    urlset = ET.fromstring(raw)
    assert urlset.tag == f"{{{SITEMAP_NS}}}urlset"
    urls = list(urlset)
    assert len(urls) >= 1 and all(url.tag == f"{{{SITEMAP_NS}}}url" for url in urls)
    locations = [url.findtext(f"{{{SITEMAP_NS}}}loc") or "" for url in urls]
    for location in locations:
        parts = urlsplit(location)
        assert parts.scheme == "https" and parts.netloc and location.startswith(address) and len(location) < 2048
    assert len(set(locations)) == len(locations)
    assert set(locations) == _page_addresses(folder, address)
    assert {url.findtext(f"{{{SITEMAP_NS}}}lastmod") for url in urls} == {AS_OF}
    with gzip.open(folder / "sitemap.xml.gz") as packed:
        assert packed.read() == raw
    header = (folder / "sitemap.xml.gz").read_bytes()[4:8]
    assert int.from_bytes(header, "little") == epoch_of(dt.date.fromisoformat(AS_OF))


def test_robots_txt_allows_all_and_names_the_sitemap(site: tuple[str | None, Path]) -> None:
    """robots.txt lets every crawler read every page, and names the sitemap when its address is known."""
    address, folder = site
    expected = "User-agent: *\nAllow: /\n" + (f"\nSitemap: {address}sitemap.xml\n" if address else "")
    assert (folder / "robots.txt").read_text("utf-8") == expected


def test_feed_guids_do_not_change_when_the_address_is_set(sites: dict[str, Path]) -> None:
    """Setting site_url makes the feed's links absolute but keeps every item's guid, so that a feed reader does not
    show every story again as new."""
    before, after = (
        ET.fromstring((sites[name] / "tin-tuc/feed.xml").read_bytes()).findall("channel/item")
        for name in ("without-site-url", "with-site-url")
    )
    assert len(before) == len(after) >= 1
    assert [i.findtext("guid") for i in before] == [i.findtext("guid") for i in after]
    assert {i.find("guid").get("isPermaLink") for i in before + after} == {"false"}  # type: ignore[union-attr]
    assert [i.findtext("link") for i in before] != [i.findtext("link") for i in after]
    assert all((i.findtext("link") or "").startswith(SITE_URL + "tin-tuc/") for i in after)


def test_a_site_url_that_is_not_an_address_is_refused_in_vietnamese(tree: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """A site_url written without https:// stops the build with a Vietnamese sentence saying what to write, exit 1,
    and no site is written."""
    edit(tree, "mkdocs.yml", "site_name: ", "site_url: thidua.kimphuong.gov.vn\nsite_name: ")
    run = cli("--root", str(tree), "build", "--as-of", AS_OF)
    assert run.code == 1
    assert run.out.endswith(
        "mkdocs.yml: dòng «site_url: thidua.kimphuong.gov.vn» phải ghi địa chỉ đầy đủ của trang thông tin, bắt đầu "
        "bằng https:// (hoặc http://), ví dụ «site_url: https://thidua.ten-xa.gov.vn/»; hãy sửa dòng này (hoặc xóa "
        "nếu chưa có địa chỉ) rồi chạy lại. Trang cũ (nếu có) được giữ nguyên.\n"
    )
    assert not (tree / "site").exists()


def test_the_guides_site_url_lines_are_what_the_build_reads(tmp_path: Path) -> None:
    """The staff guide's example line is a site_url the build takes; its example without https:// is refused."""
    section = (ROOT / "docs/huong-dan/index.md").read_text("utf-8").split("{#dia-chi-trang}")[1]
    good, forgotten = re.findall(r"`(site_url: [^`]*)`", section)
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"{good}\nsite_name: Thử\n", "utf-8")
    assert site_url_problem(config) is None and publishing(config).site_url == "https://thidua.ten-xa.gov.vn/"
    config.write_text(f"{forgotten}\nsite_name: Thử\n", "utf-8")
    assert site_url_problem(config) is not None and publishing(config).site_url is None
