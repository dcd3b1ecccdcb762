"""Hostile and careless input: what a contributor or a maintainer sees when they try to break thidua.

Each test names one case of issue 11 and states what the user sees. The rule for all of them:
bad input gets a Vietnamese message with its place and exit 1 (a misused command: exit 2), and
nothing else changes; no command deletes what it did not create; nothing reaches outside the
repository; text from records stays text wherever it is published.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, copy_repository, edit, found, write
from thidua.cli import main
from thidua.outputs import output_folder
from thidua.records.fastcheck import compile_checks, passes
from thidua.records.schemas import build_validators, load_schemas
from thidua.speed.cache import cache_file

AS_OF = "2025-12-20"
UNIT = "records/units/van-phong-thong-ke.yml"
PERSON = "records/people/nguyen-thi-lan.yml"
STORY = "records/stories/truong-xom-dong-tam-day-nop-ho-so.yml"
LAW = "records/laws/nghi-dinh-30-2020.yml"
MEETING = "records/meetings/chung-tay-cchc-2025/xet-khen-thuong-2025.yml"


def _snapshot(root: Path) -> dict[str, str]:
    """Every file and folder under ``root`` with a digest of its content (symlinks by target, never followed)."""
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[rel] = "->" + os.readlink(path)
        elif path.is_file():
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            found[rel] = "/"
    return found


def _git_repository(root: Path) -> Path:
    """``root`` as a git repository with everything committed, as a clone is."""
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.com",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.com",
    )
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "records"]):
        subprocess.run(["git", "-C", str(root), *command], check=True, env=env)
    return root


@pytest.fixture
def repo(tree: Path) -> Path:
    return _git_repository(tree)


# --- 1, 2: the output folder ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("site_dir", "said"),
    [
        ("records", "thư mục đầu ra records chính là thư mục records/ của kho"),
        (".", "thư mục đầu ra . chính là kho hồ sơ"),
        ("docs", "thư mục đầu ra docs chính là thư mục docs/ của kho"),
        ("schemas", "thư mục đầu ra schemas chính là thư mục schemas/ của kho"),
        (".git", "thư mục đầu ra .git chính là thư mục .git/ của kho"),
        ("records/units", "thư mục đầu ra records/units nằm trong thư mục records/ của kho"),
        ("docs/huong-dan/anh", "nằm trong thư mục docs/ của kho"),
        ("..", "chứa kho hồ sơ"),
        ("overrides", "thư mục đầu ra overrides chính là thư mục overrides/ của kho"),
    ],
)
def test_a_build_into_the_repository_own_folders_is_refused_and_touches_nothing(repo, cli, site_dir, said) -> None:
    """`thidua build --site-dir records` (or ., docs, .git, a folder inside them, the folder holding the repository) exits 2
    with one Vietnamese sentence saying what would be deleted, before reading or writing anything."""
    before = _snapshot(repo)
    run = cli("--root", str(repo), "build", "--as-of", AS_OF, "--site-dir", site_dir)
    assert run.code == 2
    assert run.err.startswith("thidua: lỗi: ") and said in run.err and "Hãy chọn một thư mục riêng" in run.err
    assert _snapshot(repo) == before


def test_a_folder_holding_a_file_git_tracks_is_refused(repo, cli) -> None:
    """An output folder with a file under version control (here a hand-written note) is never replaced: exit 2."""
    write(repo, "xuat-ban/GHI-CHU.md", "Ghi chú viết tay.\n")
    subprocess.run(["git", "-C", str(repo), "add", "xuat-ban/GHI-CHU.md"], check=True)
    write(repo, "xuat-ban/.thidua-site", "")  # even when it claims to be a built site
    before = _snapshot(repo)
    run = cli("--root", str(repo), "build", "--as-of", AS_OF, "--site-dir", "xuat-ban")
    assert run.code == 2
    assert "thư mục xuat-ban có tệp do git theo dõi; dựng vào đó sẽ xóa chúng." in run.err
    assert _snapshot(repo) == before


def test_a_folder_thidua_did_not_build_is_refused(tree, cli) -> None:
    """A non-empty folder without thidua's mark (someone's photos, an old site) is not deleted: exit 2, named, untouched."""
    write(tree, "anh-cua-toi/anh.jpg", b"\xff\xd8 a photo")
    before = _snapshot(tree)
    run = cli("--root", str(tree), "build", "--as-of", AS_OF, "--site-dir", "anh-cua-toi")
    assert run.code == 2
    assert (
        "thư mục anh-cua-toi đã có nội dung nhưng không do thidua dựng (thiếu tệp .thidua-site); thidua không xóa nó." in run.err
    )
    assert _snapshot(tree) == before


def test_a_symlink_or_a_file_as_output_folder_is_refused(tree, cli, tmp_path) -> None:
    """--site-dir naming a symlink (which a swap would replace by a folder) or a file: exit 2, nothing touched."""
    (tree / "lien-ket").symlink_to(tmp_path)
    write(tree, "mot-tep", "x")
    before = _snapshot(tree)
    assert "là liên kết tượng trưng" in cli("--root", str(tree), "build", "--site-dir", "lien-ket").err
    assert "là một tệp, không phải thư mục" in cli("--root", str(tree), "build", "--site-dir", "mot-tep").err
    assert _snapshot(tree) == before


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_build_removes_what_killed_builds_left_and_nothing_else(tree, cli) -> None:
    """Staging folders of builds that were killed (their process gone) are removed by the next build; a folder that only
    looks like one, and the staging folder of a build still running, are kept."""
    stale = write(tree, ".site-killed/index.html", "half").parent
    write(tree, f".site-killed/{output_folder.OWNER}", f"{_dead_pid()}\n")
    swapped = write(tree, ".site-old1-cu/index.html", "replaced site").parent  # killed between the swap and the removal
    write(tree, f".site-old1-cu/{output_folder.MARK}", output_folder.MARK_TEXT)
    running = write(tree, f".site-running/{output_folder.OWNER}", f"{os.getpid()}\n").parent
    someone = write(tree, ".site-notes/note.txt", "not thidua's").parent
    run = cli("--root", str(tree), "build", "--as-of", AS_OF)
    assert run.code == 0, run.out + run.err
    assert not stale.exists() and not swapped.exists()
    assert running.is_dir() and someone.is_dir()
    assert (tree / "site" / output_folder.MARK).is_file()
    assert sorted(p.name for p in tree.iterdir() if p.name.startswith(".site-")) == [".site-notes", ".site-running"]
    # A second build replaces the marked site/ it made.
    write(tree, "site/cu.html", "from the first build")
    assert cli("--root", str(tree), "build", "--as-of", AS_OF).code == 0
    assert not (tree / "site/cu.html").exists()


# --- 3, 4: nothing read from outside the repository ---------------------------------------------------------------


def test_a_record_symlinked_to_a_file_outside_is_refused_at_its_path(tree, cli, tmp_path) -> None:
    """A record that is a symlink to a file outside the repository is not read, validated or published: exit 1 at its path."""
    outside = write(tmp_path, "ngoai/bi-mat.yml", "id: bi-mat\nname: Bí mật ngoài kho\nkind: xom\n")
    (tree / "records/units/bi-mat.yml").symlink_to(outside)
    run = cli("--root", str(tree), "validate")
    assert run.code == 1
    assert run.out.splitlines()[0] == (
        "records/units/bi-mat.yml:1:1: [đơn vị bi-mat] «records/units/bi-mat.yml» là liên kết tượng trưng (symlink): thidua chỉ đọc "
        "tệp và thư mục thật nằm trong kho, không theo liên kết ra ngoài. Hãy thay liên kết bằng bản sao thật (hoặc xóa nó)."
    )
    assert "Bí mật" not in run.out
    assert cli("--root", str(tree), "build", "--as-of", AS_OF).code == 1
    assert not (tree / "site").exists()


def test_records_files_as_a_symlink_is_refused_at_validate(tree, cli, tmp_path) -> None:
    """records/files pointing elsewhere is refused by validate (exit 1), so build never reaches it."""
    (tree / "records/files").rename(tmp_path / "files")
    (tree / "records/files").symlink_to(tmp_path / "files")
    run = cli("--root", str(tree), "validate")
    assert run.code == 1
    assert run.out.startswith("records/files:1:1: «records/files» là liên kết tượng trưng (symlink)")
    build = cli("--root", str(tree), "build", "--as-of", AS_OF)
    assert (build.code, build.err) == (1, "")


def test_a_pipe_among_the_records_is_reported_not_waited_on(tree, cli) -> None:
    """A named pipe with a record's name would block a reader forever: it is reported at its path instead."""
    os.mkfifo(tree / "records/people/ong-dan.yml")
    run = cli("--root", str(tree), "validate")
    assert run.code == 1
    assert "records/people/ong-dan.yml:1:1: [cá nhân ong-dan] «records/people/ong-dan.yml» không phải tệp thường" in run.out


# --- 5, 6: payloads stay text -----------------------------------------------------------------------------------------

PAYLOAD = "<img src=x onerror=alert(1)> & <b>đậm</b>"


class _Elements(HTMLParser):
    """The elements and text of an HTML fragment, as a feed reader renders a description."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


def _rendered(fragment: str) -> _Elements:
    parsed = _Elements()
    parsed.feed(fragment)
    return parsed


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site with a story whose title, summary and unit name carry HTML, and whose paragraphs carry Markdown
    block syntax: a fence, a heading, a list, a quote, a table row."""
    root = copy_repository(tmp_path_factory.mktemp("hostile") / "repo")
    edit(root, STORY, "title: Trưởng xóm Đồng Tâm mở lớp nộp hồ sơ trực tuyến ở nhà văn hóa\n", f'title: "{PAYLOAD}"\n')
    edit(root, STORY, "summary: >-\n  Mỗi tối", f"summary: >-\n  {PAYLOAD} Mỗi tối")
    edit(
        root,
        STORY,
        "body:\n",
        'body:\n  - "~~~"\n  - "# Tiêu đề giả"\n  - "- mục giả"\n  - "> trích dẫn giả"\n'
        '  - "| ô | giả |"\n  - "1. danh sách giả"\n  - "~~~"\n',
    )
    edit(root, "records/units/xom-dong-tam.yml", "name: Xóm Đồng Tâm\n", f'name: "Xóm Đồng Tâm {PAYLOAD}"\n')
    assert main(["--root", str(root), "build", "--as-of", AS_OF]) == 0
    return root / "site"


def test_the_feed_shows_html_in_titles_summaries_and_categories_as_text(hostile_site) -> None:
    """A feed reader renders each title, description and category as HTML: an <img onerror> written in a record shows as
    those characters, never as an element."""
    channel = ET.fromstring((hostile_site / "tin-tuc/feed.xml").read_bytes()).find("channel")
    assert channel is not None
    items = channel.findall("item")
    assert items
    for item in items:
        for field in ("title", "description", "category"):
            shown = _rendered(item.findtext(field) or "")
            assert shown.elements == [], (field, item.findtext(field))
    hostile = next(item for item in items if "onerror" in (item.findtext("title") or ""))
    assert _rendered(hostile.findtext("title") or "").text == PAYLOAD
    assert _rendered(hostile.findtext("description") or "").text.startswith(PAYLOAD + " Mỗi tối")
    assert _rendered(hostile.findtext("category") or "").text == f"Xóm Đồng Tâm {PAYLOAD}"


def test_markdown_block_syntax_in_a_story_stays_text(hostile_site) -> None:
    """Paragraphs of ``~~~``, ``# …``, ``- …``, ``> …``, ``| … |`` and ``1. …`` are shown as written, each a paragraph:
    no code block, heading, list, quote or table comes out of a record."""
    page = (hostile_site / "tin-tuc/truong-xom-dong-tam-day-nop-ho-so/index.html").read_text("utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    for tag in ("<pre", "<code", "<ul", "<ol", "<blockquote", "<table", '<img src="x"', "<b>"):
        assert tag not in article, tag
    assert article.count("<h1") == 1  # the story's own title only
    text = html.unescape(article)
    for paragraph in (
        "<p>~~~</p>",
        "<p># Tiêu đề giả</p>",
        "<p>- mục giả</p>",
        "<p>> trích dẫn giả</p>",
        "<p>| ô | giả |</p>",
        "<p>1. danh sách giả</p>",
    ):
        assert paragraph in text, paragraph


# --- 7, 8: invisible characters -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "line", "column", "said"),
    [
        ("name: Văn phòng\u202e - thống kê", 5, 16, "có ký tự không in được U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("name: Văn\u200b phòng - thống kê", 5, 10, "có ký tự không in được U+200B ZERO WIDTH SPACE"),
        ('name: "Văn phòng\\u2028thống kê"', 5, 7, "phải viết trên một dòng nhưng có ký tự xuống dòng (U+2028 LINE SEPARATOR)"),
        ('name: "Văn phòng\\r"', 5, 7, "phải viết trên một dòng nhưng có ký tự xuống dòng (U+000D CARRIAGE RETURN)"),
        ('name: "Văn phòng\\n"', 5, 7, "phải viết trên một dòng nhưng có ký tự xuống dòng (U+000A LINE FEED)"),
        ('name: "Văn phòng\\x07"', 5, 7, "có ký tự không in được U+0007 BELL"),
        ("name: Văn phòng\u2066 - thống kê", 5, 16, "có ký tự không in được U+2066 LEFT-TO-RIGHT ISOLATE"),
    ],
)
def test_invisible_characters_in_a_name_are_refused_with_their_name_and_place(tree, written, line, column, said) -> None:
    """A bidi override, a zero-width space, a line separator or a control character in a one-line field is refused by the
    schema, in both passes, with the character's name, at the character itself where it is written as is."""
    edit(tree, UNIT, "name: Văn phòng - thống kê", written)
    [(at_line, at_column, code, message)] = found(tree, UNIT)
    assert (at_line, at_column, code) == (line, column, "invisible-character")
    assert message.startswith("Trường «name» ") and said in message


SCHEMAS = load_schemas(ROOT / "schemas")


@pytest.mark.parametrize("name", ["Nguyễn Thị Lan\r", "Nguyễn Thị Lan\n", "Nguyễn\rLan", "Lan\u202e", "\u200bLan", "Lan\u2029"])
def test_both_passes_refuse_a_name_with_a_carriage_return_or_a_final_newline(name) -> None:
    """Python's ``$`` matches before a final newline and its ``.`` crosses a carriage return: the full validator used to
    accept what the fast pass refused. Now both refuse."""
    record = {"id": "nguyen-thi-lan", "name": name, "unit": "van-phong-thong-ke"}
    assert not passes(compile_checks(SCHEMAS)["person"], record)
    assert list(build_validators(SCHEMAS)["person"].iter_errors(record))


@pytest.mark.parametrize("character", ["\u2028", "\u2029", "\x85"])
def test_a_line_break_only_yaml_1_1_knows_is_refused_where_it_is(tree, character) -> None:
    """A raw line or paragraph separator (or NEL) would shift every line number after it for PyYAML but not for the editor:
    it is refused at its own place, named, before anything else is read."""
    edit(tree, UNIT, "name: Văn phòng - thống kê", f"name: Văn phòng{character}thống kê")
    [(line, column, code, message)] = found(tree, UNIT)
    assert (line, column, code) == (5, 16, "odd-line-break")
    assert "một kiểu xuống dòng mà trình soạn thảo không hiện" in message


def test_paragraphs_keep_line_feeds_and_tabs_but_refuse_invisible_characters(tree) -> None:
    """A story paragraph may span lines; a bidi override in it is refused like in a name."""
    edit(tree, STORY, "body:\n", "body:\n  - |\n    Dòng một\n    dòng hai\n")
    assert found(tree, STORY) == []
    edit(tree, STORY, "    dòng hai\n", "    dòng\u202e hai\n")
    [(line, column, code, message)] = found(tree, STORY)
    assert (code, "U+202E RIGHT-TO-LEFT OVERRIDE" in message) == ("invisible-character", True)
    assert (tree / STORY).read_text("utf-8").splitlines()[line - 1][column - 1] == "\u202e"


def test_a_carriage_return_in_a_unit_name_never_reaches_codeowners(repo, cli) -> None:
    """A unit name with a carriage return is refused by validate, so `thidua new codeowners` stops (exit 1) and leaves
    CODEOWNERS as it was, instead of writing a file that validate would call stale forever."""
    edit(repo, UNIT, "name: Văn phòng - thống kê", 'name: "Văn phòng\\r- thống kê"')
    codeowners = repo / "CODEOWNERS"
    before = codeowners.read_bytes() if codeowners.exists() else None
    run = cli("--root", str(repo), "new", "codeowners")
    assert run.code == 1 and "U+000D CARRIAGE RETURN" in run.out
    assert (codeowners.read_bytes() if codeowners.exists() else None) == before


# --- 9, 10, 11: no silent conversions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code", "said"),
    [
        ("1:30", "yaml-sexagesimal", "«1:30» bị một số công cụ đọc thành số theo hệ 60 (1:30 thành 90)"),
        ("0777", "yaml-leading-zero", "«0777» bắt đầu bằng số 0 nên bị một số công cụ đọc thành số hệ 8"),
        ("0x1F", "yaml-radix", "«0x1F» là số viết theo hệ 16, 8 hoặc 2; hãy viết số thập phân"),
        ("0o17", "yaml-radix", "«0o17» là số viết theo hệ 16, 8 hoặc 2"),
        (".inf", "yaml-not-finite", "«.inf» là giá trị vô cực hoặc không phải số"),
        ("-.inf", "yaml-not-finite", "«-.inf» là giá trị vô cực hoặc không phải số"),
        (".nan", "yaml-not-finite", "«.nan» là giá trị vô cực hoặc không phải số"),
        ("1e999", "yaml-not-finite", "Số quá lớn (thành vô cực)"),
        ("1_000", "yaml-underscore", "«1_000» có dấu gạch dưới giữa các chữ số"),
        ("9" * 5000, "yaml-too-many-digits", "có hơn 18 chữ số, không phải một số đếm hay số tiền"),
    ],
)
def test_numbers_yaml_readers_disagree_on_are_refused_at_their_line(tree, cli, value, code, said) -> None:
    """Sexagesimal, octal, hexadecimal, non-finite and huge numbers are refused where they are written (exit 1), with the
    hint to write the number plainly or quote the text; they are never converted in silence, and never crash."""
    edit(
        tree,
        MEETING,
        "nomination: tap-the-van-phong-thong-ke\n    in_favour: 6\n",
        f"nomination: tap-the-van-phong-thong-ke\n    in_favour: {value}\n",
    )
    problems = found(tree, MEETING)
    assert len(problems) == 1
    line, column, at_code, message = problems[0]
    assert (at_code, said in message) == (code, True)
    written = (tree / MEETING).read_text("utf-8").splitlines()
    assert written[line - 1][column - 1 :].startswith(value[:10])
    run = cli("--root", str(tree), "validate")
    assert run.code == 1 and run.err == ""


def test_dates_and_booleans_still_read_as_before(tree) -> None:
    """Unquoted and quoted dates read alike; true and false are booleans; the records stay valid."""
    edit(tree, LAW, "issued: 2020-03-05", 'issued: "2020-03-05"')
    assert found(tree, LAW) == []


@pytest.mark.parametrize(("written", "meant"), [("yes", "true"), ("no", "false"), ("on", "true"), ("off", "false")])
def test_yes_no_on_off_in_a_boolean_field_are_refused_with_the_word_to_write(tree, written, meant) -> None:
    """YAML 1.2 (the editor's reading, now thidua's) reads yes/no/on/off as text: in a true/false field it is refused with
    the boolean the user meant, where YAML 1.1 used to turn it into a boolean silently."""
    edit(tree, PERSON, "fictional: true", f"fictional: {written}")
    [(line, column, code, message)] = found(tree, PERSON)
    assert (line, column, code) == (13, 12, "type")
    assert message == (
        f"Trường «fictional» phải là true hoặc false; «{written}» được đọc là chữ (YAML 1.2, như trình soạn thảo), "
        f"hãy viết {meant}."
    )


def test_yes_in_a_text_field_is_text(tree) -> None:
    """``position: yes`` is the text "yes" (YAML 1.2), valid where text is expected, as the editor says."""
    edit(tree, PERSON, "position: Công chức Văn phòng - thống kê, phụ trách Bộ phận Một cửa", "position: yes")
    assert found(tree, PERSON) == []


def test_a_nul_byte_is_reported_at_its_line_and_column(tree) -> None:
    """A NUL byte is reported where it is (here line 5, column 18), not at 1:1."""
    edit(tree, UNIT, "name: Văn phòng - thống kê", "name: Văn phòng - \x00thống kê")
    assert found(tree, UNIT) == [
        (5, 19, "control-character", "Tệp có ký tự điều khiển không in được (U+0000 NULL); hãy xóa ký tự đó.")
    ]


# --- 12: a damaged cache ----------------------------------------------------------------------------------------------


def _damage_data(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("UPDATE data SET data = X'DEADBEEF'")


def _drop_table(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE problems")


def _directory_instead(path: Path) -> None:
    for extra in ("", "-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    path.mkdir()
    (path / "x").write_text("?")


def _garbage(path: Path) -> None:
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 4000)


@pytest.mark.parametrize("damage", [_damage_data, _drop_table, _directory_instead, _garbage])
def test_a_damaged_cache_is_dropped_with_one_warning_and_the_cold_answer(tree, cli, damage) -> None:
    """A corrupt data blob, a missing table, a folder or garbage where the cache file should be: validate and build warn
    once, give the answer of a run without cache, and the next run is quiet again."""
    edit(tree, PERSON, "category: cong-chuc", "category: cong_chuc")  # one problem, so the answer has content
    cold = cli("--root", str(tree), "--no-cache", "validate")
    assert cli("--root", str(tree), "validate").out == cold.out  # fills the cache
    assert cli("--root", str(tree), "validate").out == cold.out  # reads it
    damage(cache_file(tree.resolve()))
    run = cli("--root", str(tree), "validate")
    assert (run.code, run.out) == (cold.code, cold.out)
    assert run.err.count("\n") == 1 and run.err.startswith("thidua: bộ nhớ đệm ở ") and "bị hỏng" in run.err
    again = cli("--root", str(tree), "validate")
    assert (again.out, again.err) == (cold.out, "")
    edit(tree, PERSON, "category: cong_chuc", "category: cong-chuc")
    assert cli("--root", str(tree), "validate").code == 0
    damage(cache_file(tree.resolve()))
    build = cli("--root", str(tree), "build", "--as-of", AS_OF)
    assert build.code == 0 and build.err.count("\n") == 1 and build.err.startswith("thidua: bộ nhớ đệm ở ")


# --- 13, 14, 15: one extension, nothing private in messages, one line per problem ---------------------------------------


def test_a_yaml_record_is_refused_with_the_name_to_give_it(tree, cli) -> None:
    """Records end in .yml only (CODEOWNERS rules and lookups by file name rely on it): a .yaml file is refused, named."""
    (tree / PERSON).rename(tree / PERSON.replace(".yml", ".yaml"))
    run = cli("--root", str(tree), "validate")
    assert run.code == 1
    assert (
        "records/people/nguyen-thi-lan.yaml:1:1: Hồ sơ phải có đuôi .yml (chữ thường), không phải «.yaml»; "
        "hãy đổi tên thành nguyen-thi-lan.yml để hồ sơ được đọc."
    ) in run.out.splitlines()


PRIVATE = {
    "birth_date": ("1990-11-08", "08/11/1990"),
    "phone": ('"0368152904"', '"036815290"'),
    "id_number": ('"019190003176"', '"0191900031"'),
    "email": ("lannt.kimphuong@example.com", "lannt kimphuong@example"),
}


@pytest.mark.parametrize("output", ["text", "github", "gitlab", "json"])
def test_private_values_are_never_printed_back(tree, cli, tmp_path, monkeypatch, output) -> None:
    """An invalid birth date, phone, ID number or e-mail is reported by field and rule in every output format and in the
    GitHub step summary, which many git hosts make public; the value itself never appears, nor anything made from it."""
    for old, new in PRIVATE.values():
        edit(tree, PERSON, old, new)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run = cli("--root", str(tree), "validate", "--format", output)
    assert run.code == 1
    shown = run.out + run.err + (summary.read_text("utf-8") if summary.exists() else "")
    for field in PRIVATE:
        assert f"«{field}»" in shown
    for secret in ("08/11/1990", "1990-11-08", "036815290", "0191900031", "lannt", "kimphuong"):
        assert secret not in shown, secret
    assert "thông tin riêng tư: giá trị không được in ra" in shown


def test_a_private_number_written_with_a_leading_zero_is_not_echoed_either(tree, cli) -> None:
    """An unquoted phone number is refused by the reader (a leading zero) without printing it."""
    edit(tree, PERSON, 'phone: "0368152904"', "phone: 0368152904")
    run = cli("--root", str(tree), "validate")
    assert run.code == 1 and "0368152904" not in run.out
    assert "Giá trị này bắt đầu bằng số 0" in run.out


def test_each_problem_stays_on_one_line_whatever_the_value_holds(tree, cli) -> None:
    """A value holding a newline (here an unknown category) is shown escaped: the text report keeps one line per problem."""
    edit(tree, PERSON, "category: cong-chuc", 'category: "cong\\nchuc"')
    run = cli("--root", str(tree), "validate")
    lines = run.out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{PERSON}:7:11: [cá nhân nguyen-thi-lan] Trường «category»: «cong\\nchuc» không hợp lệ")


def test_machine_formats_keep_the_message_exact(tree, cli) -> None:
    """The JSON report keeps the message as it is (JSON escapes it), so tools see exactly what people see."""
    edit(tree, PERSON, "category: cong-chuc", 'category: "cong\\nchuc"')
    [problem] = json.loads(cli("--root", str(tree), "validate", "--format", "json").out)["problems"]
    assert "«cong\\nchuc»" in problem["message"]


def test_an_empty_signer_is_one_mistake_with_one_message(tree) -> None:
    """``signer:`` left empty (a choice of two shapes, both objects) is reported once, not once per way to read it."""
    path = "records/nominations/chung-tay-cchc-2025/ca-nhan-dam-van-khoi.yml"
    edit(
        tree,
        path,
        "    signer:\n      person: luc-van-binh\n      position: KT. Trưởng xóm - Phó Trưởng xóm\n"
        "      authority: KT. TRƯỞNG XÓM\n      title: PHÓ TRƯỞNG XÓM\n",
        "    signer:\n",
    )
    assert found(tree, path) == [
        (20, 12, "empty", "Trường «signer» đang để trống; hãy điền nhóm trường (mỗi dòng «tên: giá trị»).")
    ]


def test_a_private_value_missing_its_space_is_not_echoed(tree, cli) -> None:
    """``phone:0368152904`` (no space after the colon) is a syntax error whose hint shows the key, not the number."""
    edit(tree, PERSON, 'phone: "0368152904"', "phone:0368152904")
    run = cli("--root", str(tree), "validate")
    assert run.code == 1 and "0368152904" not in run.out
    assert "Thiếu dấu cách sau dấu hai chấm; hãy viết «phone: …»." in run.out
