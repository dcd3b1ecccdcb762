"""What search engines read in the built site: robots.txt always, sitemap.xml only when its addresses are known.

The sitemap protocol (https://www.sitemaps.org/protocol.html) wants an absolute address in every ``<loc>``; without
``site_url`` MkDocs writes a ``<urlset>`` with no URL in it, which the protocol's schema refuses, so it is removed.
With ``site_url``, MkDocs' list of pages is kept and every page is dated by the day the portal is computed for
(``--as-of``): MkDocs would write the UTC date of that day's midnight in Vietnam, the day before.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

from ..clock import epoch_of
from .page import Publishing

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"


def sitemap(locations: list[str], as_of: dt.date) -> str:
    """A sitemap listing ``locations``, each last modified on ``as_of``."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{SITEMAP_NS}">']
    for location in locations:
        lines.append(f"<url><loc>{escape(location)}</loc><lastmod>{as_of.isoformat()}</lastmod></url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots(site_url: str | None) -> str:
    """Every crawler may read every page; the sitemap is named when its address is known."""
    text = "User-agent: *\nAllow: /\n"
    return text + f"\nSitemap: {site_url}{SITEMAP}\n" if site_url else text


def _gzipped(text: str, as_of: dt.date) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename=SITEMAP, mode="wb", fileobj=buffer, mtime=epoch_of(as_of)) as packed:
        packed.write(text.encode("utf-8"))
    return buffer.getvalue()


def publish_crawl_files(site: Path, publishing: Publishing, as_of: dt.date) -> None:
    """Rewrite MkDocs' sitemap.xml (and .gz) in ``site``, or remove them without site_url; write robots.txt."""
    mkdocs_sitemap = site / SITEMAP
    packed = site / f"{SITEMAP}.gz"
    if publishing.site_url and mkdocs_sitemap.is_file():
        urlset = ET.fromstring(mkdocs_sitemap.read_bytes())
        locations = [(loc.text or "").strip() for loc in urlset.iter(f"{{{SITEMAP_NS}}}loc")]
        text = sitemap(locations, as_of)
        mkdocs_sitemap.write_text(text, "utf-8")
        packed.write_bytes(_gzipped(text, as_of))
    else:
        mkdocs_sitemap.unlink(missing_ok=True)
        packed.unlink(missing_ok=True)
    (site / ROBOTS).write_text(robots(publishing.site_url if mkdocs_sitemap.is_file() else None), "utf-8")
