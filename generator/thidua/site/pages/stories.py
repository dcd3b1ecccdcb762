"""Exemplary people and deeds (gương điển hình): a news page, a page per story, an RSS feed, consented photos.

A photo is published only through ``Story.published_photo``: without the person's written
agreement it is neither copied into docs/ nor named by any page.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import re
from xml.sax.saxutils import escape, quoteattr

from ...clock import VIETNAM
from ...model.stories import Story
from ..page import Page, Site

SECTION = "Gương điển hình"
FOLDER = "tin-tuc"
FEED_TITLE = "Gương điển hình, người tốt việc tốt"
FEED_DESCRIPTION = (
    "Những câu chuyện về tập thể, cá nhân tiêu biểu, người tốt việc tốt trong các phong trào thi đua, mới nhất ở trên."
)
# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def photo_path(story: Story) -> str | None:
    """Where the story's photo is published, relative to the news folder; None without consent."""
    photo = story.published_photo
    return f"anh/{story.id}.{photo.suffix}" if photo else None


def _xml(value: str) -> str:
    return escape(_NOT_XML.sub("", " ".join(value.split())))


def _text(value: str) -> str:
    """Text from a record as an RSS element's content: feed readers read titles and descriptions as HTML,
    so the text is escaped for HTML first, then for XML (``<`` arrives as ``&amp;lt;``)."""
    return _xml(html.escape(value, quote=False))


def _link(site: Site, story: Story | None) -> str:
    """The address of the news page (story None) or of a story: absolute under site_url, else relative to the feed."""
    directory = site.publishing.directory_urls
    page = (f"{story.id}/" if directory else f"{story.id}.html") if story else ("" if directory else "index.html")
    if site.publishing.site_url:
        return f"{site.publishing.site_url}{FOLDER}/{page}"
    return page or "./"


def _date(day: dt.date) -> str:
    """RFC 822 date at the start of the day in Vietnam: ``Mon, 03 Nov 2025 00:00:00 +0700``."""
    return email.utils.format_datetime(dt.datetime.combine(day, dt.time(), VIETNAM))


def feed(site: Site, stories: tuple[Story, ...]) -> str:
    """RSS 2.0, newest first; the same records give the same bytes."""
    publishing = site.publishing
    title = f"{FEED_TITLE} – {publishing.site_name}" if publishing.site_name else FEED_TITLE
    absolute = publishing.site_url is not None
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0"' + (' xmlns:atom="http://www.w3.org/2005/Atom"' if absolute else "") + ">",
        "<channel>",
        f"<title>{_text(title)}</title>",
        f"<link>{_xml(_link(site, None))}</link>",
        f"<description>{_text(FEED_DESCRIPTION)}</description>",
        "<language>vi</language>",
    ]
    if absolute:
        lines.append(
            f'<atom:link href={quoteattr(f"{publishing.site_url}{FOLDER}/feed.xml")} rel="self" type="application/rss+xml"/>'
        )
    if stories:
        lines.append(f"<lastBuildDate>{_date(stories[0].date)}</lastBuildDate>")
    for story in stories:
        link = _link(site, story)
        lines += [
            "<item>",
            f"<title>{_text(story.title)}</title>",
            f"<link>{_xml(link)}</link>",
            # The story's id, not its address: setting or moving site_url must not make every story new to a reader.
            f'<guid isPermaLink="false">{FOLDER}/{_xml(story.id)}</guid>',
            f"<pubDate>{_date(story.date)}</pubDate>",
            f"<category>{_text(site.registry.units[story.unit].name)}</category>",
            f"<description>{_text(story.summary)}</description>",
            "</item>",
        ]
    lines += ["</channel>", "</rss>"]
    return "\n".join(lines) + "\n"


def _story_page(site: Site, story: Story) -> Page:
    registry = site.registry
    text = site.render(
        "story.md.j2",
        s=story,
        unit=registry.units[story.unit],
        written_by=registry.units[story.written_by],
        person=registry.people.get(story.person or ""),
        campaign=registry.campaigns.get(story.campaign or ""),
        photo=story.published_photo,
        photo_path=photo_path(story),
    )
    # Not in the sidebar, which listed every story and pushed «Tra cứu» and «Hướng dẫn» below the fold.
    return Page(f"{FOLDER}/{story.id}.md", text)


def pages(site: Site) -> list[Page]:
    stories = site.registry.news(site.as_of)
    found = [
        Page(f"{FOLDER}/index.md", site.render("stories.md.j2", stories=stories), (SECTION, "Tất cả câu chuyện")),
        Page(f"{FOLDER}/feed.xml", feed(site, stories)),
    ]
    for story in stories:
        found.append(_story_page(site, story))
        path, photo = photo_path(story), story.published_photo
        if path and photo:
            found.append(Page(f"{FOLDER}/{path}", "", copy_of=photo.file))
    return found
