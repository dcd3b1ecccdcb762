"""Exemplary people and deeds (gương điển hình): the record, its checks, the news pages, the feed and consented photos."""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ROOT, copy_repository, edit, found, problems_in, write
from site_text import page_text
from thidua.cli import main
from thidua.records.validate import validate_tree
from thidua.site.build import generate

AS_OF = "2025-12-20"
STORY = "records/stories/chi-lan-mot-cua.yml"  # the sample story with a photo
OTHER = "records/stories/truong-xom-dong-tam-day-nop-ho-so.yml"
PHOTO = "records/files/stories/chi-lan-mot-cua.png"
TITLES = [  # newest first
    "Chị Lan và những buổi trưa ở Bộ phận Một cửa",
    "Trưởng xóm Đồng Tâm mở lớp nộp hồ sơ trực tuyến ở nhà văn hóa",
    "Tổ công nghệ số cộng đồng của Đoàn Thanh niên xã",
    "Cựu chiến binh Nông Văn Sơn trả lại chiếc ví nhặt được",
]
HOSTILE = "<script>alert('x')</script> & **đậm** [liên kết](https://example.com)"


def _build(root: Path) -> Path:
    assert main(["--root", str(root), "build", "--as-of", AS_OF]) == 0
    return root / "site"


def _feed(site: Path) -> ET.Element:
    channel = ET.fromstring((site / "tin-tuc/feed.xml").read_bytes()).find("channel")
    assert channel is not None
    return channel


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample repository built once for this module."""
    return _build(copy_repository(tmp_path_factory.mktemp("stories") / "repo"))


# --- schema -------------------------------------------------------------------


def test_consent_cited_as_a_numbered_document_is_valid(tree: Path) -> None:
    """A photo's consent may cite a document by kind, number and date instead of a line of text."""
    edit(
        tree,
        STORY,
        "    document: Giấy đồng ý cho đăng ảnh do chị Nguyễn Thị Lan ký, lưu tại bộ phận Văn hóa - xã hội\n",
        "    document: {kind: Giấy đồng ý đăng ảnh, number: 01/GĐY-VHXH, date: 2025-12-10}\n",
    )
    assert problems_in(tree) == []


def test_a_story_without_a_photo_or_person_is_valid(tree: Path) -> None:
    """Person, campaign and photo are optional: a story about a collective needs none of them."""
    assert problems_in(tree, "records/stories/doan-thanh-nien-to-cong-nghe-so.yml") == []
    text = (tree / STORY).read_text("utf-8")
    write(tree, STORY, text[: text.index("photo:\n")] + "fictional: true\n")
    assert problems_in(tree) == []


def test_a_photo_without_consent_is_refused_by_the_schema(tree: Path) -> None:
    """A photo given without the person's written consent is reported at the photo with the field's title."""
    edit(
        tree,
        STORY,
        "  consent:\n    date: 2025-12-10\n"
        "    document: Giấy đồng ý cho đăng ảnh do chị Nguyễn Thị Lan ký, lưu tại bộ phận Văn hóa - xã hội\n",
        "",
    )
    assert found(tree, STORY) == [
        (24, 1, "required", "Thiếu trường «consent» (Sự đồng ý cho đăng ảnh) trong «photo»; hãy thêm dòng «consent: …»."),
    ]


def test_a_photo_that_is_not_jpg_or_png_is_refused(tree: Path) -> None:
    """Only JPG and PNG files may be given as a story's photo."""
    edit(tree, STORY, f"  file: {PHOTO}\n", "  file: records/files/stories/chi-lan-mot-cua.gif\n")
    assert found(tree, STORY) == [
        (
            25,
            9,
            "pattern",
            "Trường «file»: «records/files/stories/chi-lan-mot-cua.gif» không đúng dạng. "
            "Đường dẫn tương đối từ gốc kho tới một ảnh JPG hoặc PNG, ví dụ records/files/stories/ten-anh.png.",
        ),
    ]


def test_an_empty_body_and_a_missing_author_are_reported(tree: Path) -> None:
    """A story needs at least one paragraph and the unit that wrote it."""
    text = (tree / OTHER).read_text("utf-8")
    body = text[text.index("body:\n") : text.index("written_by:")]
    write(tree, OTHER, text.replace(body, "body: []\n").replace("written_by: van-hoa-xa-hoi\n", ""))
    assert found(tree, OTHER) == [
        (1, 1, "required", "Thiếu trường «written_by» (Đơn vị viết bài) trong hồ sơ; hãy thêm dòng «written_by: …»."),
        (12, 7, "too-few", "Trường «body» phải có ít nhất 1 mục."),
    ]


# --- across records -------------------------------------------------------------


def test_consent_given_after_the_story_was_published_is_a_problem(tree: Path) -> None:
    """A photo whose written consent is dated after the story's date is reported at the consent date."""
    edit(tree, STORY, "    date: 2025-12-10\n", "    date: 2025-12-19\n")
    assert found(tree, STORY) == [
        (
            28,
            11,
            "consent-after-story",
            "Người trong ảnh đồng ý ngày 19/12/2025, sau ngày đăng câu chuyện 18/12/2025: ảnh chỉ được đăng khi đã có "
            "văn bản đồng ý; hãy kiểm tra ngày đồng ý, hoặc bỏ ảnh.",
        ),
    ]


def test_consent_given_on_the_day_of_the_story_is_enough(tree: Path) -> None:
    """Consent signed on the story's own date is in time."""
    edit(tree, STORY, "    date: 2025-12-10\n", "    date: 2025-12-18\n")
    assert problems_in(tree) == []


def test_references_of_a_story_must_exist(tree: Path) -> None:
    """An unknown unit, person, campaign or author is reported at its field, with the close match suggested."""
    edit(tree, OTHER, "unit: xom-dong-tam\n", "unit: xom-dong-tm\n")
    edit(tree, OTHER, "person: dam-van-khoi\n", "person: dam-van-khoa\n")
    edit(tree, OTHER, "campaign: chung-tay-cchc-2025\n", "campaign: chung-tay-cchc-2024\n")
    edit(tree, OTHER, "written_by: van-hoa-xa-hoi\n", "written_by: van-hoa\n")
    assert found(tree, OTHER) == [
        (6, 7, "unknown-reference", "Không tìm thấy đơn vị «xom-dong-tm» trong records/units. Có phải ý bạn là «xom-dong-tam»?"),
        (
            7,
            9,
            "unknown-reference",
            "Không tìm thấy cá nhân «dam-van-khoa» trong records/people. Có phải ý bạn là «dam-van-khoi»?",
        ),
        (
            8,
            11,
            "unknown-reference",
            "Không tìm thấy kế hoạch «chung-tay-cchc-2024» trong records/campaigns. Có phải ý bạn là «chung-tay-cchc-2025»?",
        ),
        (22, 13, "unknown-reference", "Không tìm thấy đơn vị «van-hoa» trong records/units. Có phải ý bạn là «van-hoa-xa-hoi»?"),
    ]


def test_the_person_of_a_story_belongs_to_its_unit(tree: Path) -> None:
    """A story about a person of another unit is reported at the person, offering the person's own unit."""
    edit(tree, OTHER, "person: dam-van-khoi\n", "person: nguyen-thi-lan\n")
    assert found(tree, OTHER) == [
        (
            7,
            9,
            "person-not-in-unit",
            "«Nguyễn Thị Lan» thuộc đơn vị «van-phong-thong-ke», không thuộc «xom-dong-tam»; "
            "hãy ghi unit: van-phong-thong-ke, hoặc chọn đúng người.",
        ),
    ]


def test_the_photo_must_be_an_image_inside_the_repository(tree: Path) -> None:
    """A photo missing, outside the repository or not really an image is reported at its file."""
    edit(tree, STORY, f"  file: {PHOTO}\n", "  file: records/files/stories/khong-co.png\n")
    assert found(tree, STORY) == [
        (
            25,
            9,
            "missing-file",
            "Không có tệp «records/files/stories/khong-co.png» trong kho; "
            "hãy tải ảnh lên đúng đường dẫn này, hoặc sửa đường dẫn.",
        ),
    ]
    edit(tree, STORY, "records/files/stories/khong-co.png", "../ngoai-kho.png")
    assert found(tree, STORY) == [
        (25, 9, "file-outside", "Tệp «../ngoai-kho.png» nằm ngoài kho; hãy đặt ảnh trong records/files/."),
    ]
    write(tree, "records/files/stories/gia.png", "không phải ảnh")
    edit(tree, STORY, "../ngoai-kho.png", "records/files/stories/gia.png")
    assert found(tree, STORY) == [
        (25, 9, "not-an-image", "Tệp «records/files/stories/gia.png» không phải ảnh PNG hay JPEG; hãy tải đúng tệp ảnh lên."),
    ]


def test_a_story_may_not_take_a_name_the_news_folder_uses(tree: Path) -> None:
    """A story named index would replace the news page; it is refused at its id."""
    text = (tree / OTHER).read_text("utf-8").replace("id: truong-xom-dong-tam-day-nop-ho-so\n", "id: index\n")
    (tree / OTHER).unlink()
    write(tree, "records/stories/index.yml", text)
    assert found(tree, "records/stories/index.yml") == [
        (
            3,
            5,
            "reserved-id",
            "Mã «index» trùng với tên trang tin tức đã dùng (anh, feed, index); "
            "hãy đặt mã khác cho câu chuyện và đổi tên tệp theo mã đó.",
        ),
    ]


# --- pages and feed ---------------------------------------------------------------


def test_news_pages_feed_and_photo_are_built(built: Path) -> None:
    """The news page lists every story newest first with its date, unit and summary; each story has its page."""
    for path in (
        "tin-tuc/index.html",
        "tin-tuc/feed.xml",
        "tin-tuc/anh/chi-lan-mot-cua.png",
        "tin-tuc/chi-lan-mot-cua/index.html",
        "tin-tuc/truong-xom-dong-tam-day-nop-ho-so/index.html",
        "tin-tuc/doan-thanh-nien-to-cong-nghe-so/index.html",
        "tin-tuc/cuu-chien-binh-tra-lai-tai-san/index.html",
    ):
        assert (built / path).is_file(), path
    shown = page_text(built / "tin-tuc/index.html")
    assert [shown.index(title) for title in TITLES] == sorted(shown.index(title) for title in TITLES)
    assert "18/12/2025 · Văn phòng - thống kê · Dữ liệu minh họa, hư cấu." in shown
    assert (
        "12/09/2025 · Hội Cựu chiến binh xã Kim Phượng · Dữ liệu minh họa, hư cấu. Nhặt được chiếc ví có tiền và giấy tờ "
        "bên đường"
    ) in shown
    source = (built / "tin-tuc/index.html").read_text("utf-8")
    assert '<a href="chi-lan-mot-cua/">Chị Lan và những buổi trưa ở Bộ phận Một cửa</a>' in source
    assert '<a href="feed.xml">nguồn tin RSS</a>' in source
    config = (built.parent / "build/mkdocs.yml").read_text("utf-8")
    assert "- Gương điển hình:\n  - Tất cả câu chuyện: tin-tuc/index.md\n" in config


def test_a_story_page_shows_the_story_and_its_consented_photo(built: Path) -> None:
    """A story's page shows its date, unit, campaign, summary, paragraphs, person, author, and the photo with its consent."""
    shown = page_text(built / "tin-tuc/chi-lan-mot-cua/index.html")
    assert (
        "Chị Lan và những buổi trưa ở Bộ phận Một cửa¶ 18/12/2025 · Văn phòng - thống kê · "
        "Phong trào Chung tay Cải cách hành chính năm 2025 Dữ liệu minh họa, hư cấu. Không để người dân nào"
    ) in shown
    assert (
        "Ảnh: Tranh minh họa Bộ phận Một cửa của xã với một cán bộ ngồi bàn tiếp dân. Ảnh được đăng với sự đồng ý "
        "bằng văn bản của người trong ảnh, ngày 10/12/2025."
    ) in shown
    assert (
        "Người được nêu gương: Nguyễn Thị Lan, Công chức Văn phòng - thống kê, phụ trách Bộ phận Một cửa. "
        "Bài viết: Văn hóa - xã hội."
    ) in shown
    source = (built / "tin-tuc/chi-lan-mot-cua/index.html").read_text("utf-8")
    assert (
        '<img alt="Tranh minh họa Bộ phận Một cửa của xã với một cán bộ ngồi bàn tiếp dân" class="thidua-story-photo" '
        'src="../anh/chi-lan-mot-cua.png" />'
    ) in source
    assert (built / "tin-tuc/anh/chi-lan-mot-cua.png").read_bytes() == (ROOT / PHOTO).read_bytes()
    assert sorted(p.name for p in (built / "tin-tuc/anh").iterdir()) == ["chi-lan-mot-cua.png"]


def test_the_feed_is_rss_with_every_story_newest_first(built: Path) -> None:
    """feed.xml parses as RSS 2.0 with a Vietnamese channel and one item per story, newest first, dated 00:00 +0700."""
    root = ET.fromstring((built / "tin-tuc/feed.xml").read_bytes())
    assert (root.tag, root.get("version")) == ("rss", "2.0")
    channel = _feed(built)
    assert channel.findtext("title") == "Gương điển hình, người tốt việc tốt – Thi đua – Khen thưởng xã Kim Phượng"
    assert channel.findtext("language") == "vi"
    assert channel.findtext("link") == "./"
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == TITLES
    assert [i.findtext("pubDate") for i in items] == [
        "Thu, 18 Dec 2025 00:00:00 +0700",
        "Wed, 05 Nov 2025 00:00:00 +0700",
        "Mon, 20 Oct 2025 00:00:00 +0700",
        "Fri, 12 Sep 2025 00:00:00 +0700",
    ]
    dates = [email.utils.parsedate_to_datetime(i.findtext("pubDate") or "") for i in items]
    assert dates == sorted(dates, reverse=True) and dates[0].utcoffset() == dt.timedelta(hours=7)
    assert [i.findtext("link") for i in items] == [
        "chi-lan-mot-cua/",
        "truong-xom-dong-tam-day-nop-ho-so/",
        "doan-thanh-nien-to-cong-nghe-so/",
        "cuu-chien-binh-tra-lai-tai-san/",
    ]
    assert items[1].findtext("category") == "Xóm Đồng Tâm"
    assert (items[1].findtext("description") or "").startswith("Mỗi tối thứ Bảy, ông Đàm Văn Khởi mở nhà văn hóa xóm")
    for link in [i.findtext("link") or "" for i in items]:  # relative links resolve from the feed to a built page
        assert (built / "tin-tuc" / link / "index.html").is_file(), link


def test_feed_links_are_absolute_under_the_site_url(tree: Path) -> None:
    """With site_url in mkdocs.yml, the feed's channel, items and self link are absolute under it."""
    edit(tree, "mkdocs.yml", "site_name: ", "site_url: https://thidua.example.vn/kim-phuong\nsite_name: ")
    generate(validate_tree(tree), tree, dt.date.fromisoformat(AS_OF))
    channel = ET.fromstring((tree / "docs/tin-tuc/feed.xml").read_bytes()).find("channel")
    assert channel is not None
    assert channel.findtext("link") == "https://thidua.example.vn/kim-phuong/tin-tuc/"
    item = channel.findall("item")[0]
    assert item.findtext("link") == "https://thidua.example.vn/kim-phuong/tin-tuc/chi-lan-mot-cua/"
    atom = channel.find("{http://www.w3.org/2005/Atom}link")
    assert atom is not None and atom.attrib == {
        "href": "https://thidua.example.vn/kim-phuong/tin-tuc/feed.xml",
        "rel": "self",
        "type": "application/rss+xml",
    }


def test_the_unit_page_links_its_stories(built: Path) -> None:
    """A unit's page lists its stories with a link, the date and the person; a unit without stories has no such section."""
    source = (built / "don-vi/van-phong-thong-ke/index.html").read_text("utf-8")
    assert (
        '<li><a href="../../tin-tuc/chi-lan-mot-cua/">Chị Lan và những buổi trưa ở Bộ phận Một cửa</a> '
        "(18/12/2025): Nguyễn Thị Lan</li>"
    ) in source
    assert '<h2 id="guong-dien-hinh">Gương điển hình' in source
    assert (
        '<li><a href="../../tin-tuc/doan-thanh-nien-to-cong-nghe-so/">Tổ công nghệ số cộng đồng của Đoàn Thanh niên xã</a> '
        "(20/10/2025)</li>"
    ) in (built / "don-vi/doan-thanh-nien/index.html").read_text("utf-8")
    assert 'id="guong-dien-hinh"' not in (built / "don-vi/tu-phap-ho-tich/index.html").read_text("utf-8")


# --- consent and escaping ------------------------------------------------------------


def _loosen_schema(root: Path) -> None:
    """Drop the schema's demand for consent, as a careless edit might, to test the code's own guard."""
    path = root / "schemas/story.schema.json"
    schema = json.loads(path.read_text("utf-8"))
    schema["properties"]["photo"]["required"] = ["file", "caption"]
    path.write_text(json.dumps(schema, ensure_ascii=False, indent=2), "utf-8")


def test_a_photo_without_consent_is_never_copied(tree: Path) -> None:
    """Even with a schema that lets a photo through without consent, the photo is neither copied nor named on any page."""
    _loosen_schema(tree)
    edit(
        tree,
        STORY,
        "  consent:\n    date: 2025-12-10\n"
        "    document: Giấy đồng ý cho đăng ảnh do chị Nguyễn Thị Lan ký, lưu tại bộ phận Văn hóa - xã hội\n",
        "",
    )
    assert problems_in(tree) == []
    site = _build(tree)
    assert not (tree / "docs/tin-tuc/anh").exists() and not (site / "tin-tuc/anh").exists()
    assert list((site / "tin-tuc").rglob("*.png")) == []
    assert [p for p in sorted(site.rglob("*")) if p.is_file() and b"chi-lan-mot-cua.png" in p.read_bytes()] == []
    assert "Ảnh:" not in page_text(site / "tin-tuc/chi-lan-mot-cua/index.html")


def test_withdrawn_consent_removes_the_published_photo(tree: Path) -> None:
    """When a photo's consent is taken out of the record, the next generation deletes the copy it had published."""
    as_of = dt.date.fromisoformat(AS_OF)
    generate(validate_tree(tree), tree, as_of)
    assert (tree / "docs/tin-tuc/anh/chi-lan-mot-cua.png").read_bytes() == (tree / PHOTO).read_bytes()
    _loosen_schema(tree)
    edit(
        tree,
        STORY,
        "  consent:\n    date: 2025-12-10\n"
        "    document: Giấy đồng ý cho đăng ảnh do chị Nguyễn Thị Lan ký, lưu tại bộ phận Văn hóa - xã hội\n",
        "",
    )
    generate(validate_tree(tree), tree, as_of)
    assert not (tree / "docs/tin-tuc/anh/chi-lan-mot-cua.png").exists()
    assert "anh/" not in (tree / "docs/tin-tuc/chi-lan-mot-cua.md").read_text("utf-8")


def test_a_hostile_title_is_text_in_the_pages_and_the_feed(tree: Path) -> None:
    """HTML and Markdown in a story's title and summary are shown as text on every page and escaped in the feed."""
    edit(tree, OTHER, "title: Trưởng xóm Đồng Tâm mở lớp nộp hồ sơ trực tuyến ở nhà văn hóa\n", f'title: "{HOSTILE}"\n')
    edit(tree, OTHER, "summary: >-\n  Mỗi tối", f"summary: >-\n  {HOSTILE} Mỗi tối")
    site = _build(tree)
    leaks = [
        p.relative_to(site).as_posix()
        for p in sorted(site.rglob("*"))
        if p.is_file() and (b"<script>alert" in p.read_bytes() or b'href="https://example.com"' in p.read_bytes())
    ]
    assert leaks == []
    for page in ("tin-tuc/truong-xom-dong-tam-day-nop-ho-so/index.html", "tin-tuc/index.html", "don-vi/xom-dong-tam/index.html"):
        assert HOSTILE in page_text(site / page), page
        assert "<strong>đậm</strong>" not in (site / page).read_text("utf-8"), page
    raw = (site / "tin-tuc/feed.xml").read_text("utf-8")
    assert (
        "<title>&amp;lt;script&amp;gt;alert('x')&amp;lt;/script&amp;gt; &amp;amp; **đậm** [liên kết](https://example.com)</title>"
        in raw
    )
    item = _feed(site).findall("item")[1]  # feed readers read the element's text as HTML: it shows the title as text
    assert html.unescape(item.findtext("title") or "") == HOSTILE
    assert html.unescape(item.findtext("description") or "").startswith(HOSTILE + " Mỗi tối thứ Bảy")


def test_story_links_the_person_and_the_writer(tmp_path: Path) -> None:
    """A story links its person to their unit's members and its writer to the writing unit's page."""
    root = copy_repository(tmp_path / "repo")
    assert main(["--root", str(root), "build", "--as-of", "2025-12-20"]) == 0
    page = (root / "docs/tin-tuc/chi-lan-mot-cua.md").read_text("utf-8")
    assert "Người được nêu gương: [Nguyễn Thị Lan](../don-vi/van-phong-thong-ke.md#thanh-vien)" in page
    assert "Bài viết: [Văn hóa - xã hội](../don-vi/van-hoa-xa-hoi.md)." in page
