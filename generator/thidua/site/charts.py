"""Charts drawn at build time as inline SVG: no script, no request, readable without colour.

Every chart carries a Vietnamese title and a one-sentence description for screen readers.
"""

from __future__ import annotations

import bisect
import datetime as dt
from html import escape

from markupsafe import Markup

from ..evaluation.results import CampaignResult
from ..model.campaign import Campaign
from ..model.records import Report
from ..text import table_date

# The chart is drawn twice, for wide and narrow screens, and CSS shows one: an SVG scaled down to a phone's width
# would shrink its 15-unit text to 8 px.
WIDTHS = {"wide": 640, "narrow": 360}
_ON_TIME, _LATE, _AXIS = "#1565c0", "#c62828", "#555"


def _svg(title: str, description: str, drawings: dict[str, tuple[int, list[str]]]) -> Markup:
    """One figure: an SVG per width (height and body drawn for that width), one caption."""
    svgs = "".join(
        f'<svg class="thidua-chart-{name}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTHS[name]} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}: {escape(description)}">'
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>" + "".join(body) + "</svg>"
        for name, (height, body) in drawings.items()
    )
    caption = f'<p class="thidua-chart-caption"><strong>{escape(title)}.</strong> {escape(description)}</p>'
    return Markup('<div class="thidua-chart">' + svgs + caption + "</div>")


def _text(x: float, y: float, text: str, anchor: str = "start", size: int = 16, fill: str = _AXIS) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}" '
        f'font-family="sans-serif">{escape(text)}</text>'
    )


def submissions(campaign: Campaign, result: CampaignResult) -> Markup:
    """Dossiers received, day by day up to the deadline and after, as a running total."""
    days = sorted(r.nomination.submitted_on for r in result.nominations if r.nomination.submitted_on)
    title = "Hồ sơ đã nộp so với hạn chót"
    deadline = campaign.deadline
    if deadline is None:
        return Markup("")  # no deadline, nothing to draw against (the board says the plan sets none)
    if not days:
        empty = "Chưa có hồ sơ nào được nộp."
        return _svg(title, empty, {name: (40, [_text(10, 25, empty)]) for name in WIDTHS})
    late = sum(d > deadline for d in days)
    description = f"{len(days)} hồ sơ đã nộp, {len(days) - late} trước hạn chót {table_date(deadline)}, {late} sau hạn chót."
    return _svg(title, description, {name: _submission_bars(days, deadline, width) for name, width in WIDTHS.items()})


def _submission_bars(days: list[dt.date], deadline: dt.date, width: int) -> tuple[int, list[str]]:
    """The running total of dossiers received, one bar a day, at one width; the legend gets its own line when narrow."""
    start = min(days[0], deadline - dt.timedelta(days=14))
    end = max(days[-1], deadline + dt.timedelta(days=3))
    span = (end - start).days + 1
    narrow = width < WIDTHS["wide"]
    height, top, bottom, left = (264 if narrow else 240), 24, (68 if narrow else 44), 40
    plot_w, plot_h = width - left - 10, height - top - bottom
    bar_w = plot_w / span
    body = [f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" stroke="{_AXIS}"/>']
    for step in range(0, len(days) + 1, max(1, len(days) // 4)):
        y = top + plot_h - plot_h * step / len(days)
        body.append(_text(left - 6, y + 4, str(step), "end", 15))
    for index in range(span):
        day = start + dt.timedelta(days=index)
        on_time = bisect.bisect_right(days, min(day, deadline))  # days is sorted: counts by bisection
        after = bisect.bisect_right(days, day) - bisect.bisect_right(days, deadline) if day > deadline else 0
        x = left + index * bar_w + 1
        label = f"{table_date(day)}: {on_time + after} hồ sơ" + (f", trong đó {after} sau hạn" if after else "")
        for part, base, colour in ((on_time, 0, _ON_TIME), (after, on_time, _LATE)):
            if part:
                h, y = plot_h * part / len(days), top + plot_h - plot_h * (base + part) / len(days)
                body.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(bar_w - 2, 1):.1f}" height="{h:.1f}" fill="{colour}">'
                    f"<title>{escape(label)}</title></rect>"
                )
    x = left + ((deadline - start).days + 1) * bar_w
    body.append(f'<line x1="{x:.1f}" y1="{top - 5}" x2="{x:.1f}" y2="{top + plot_h}" stroke="{_AXIS}" stroke-dasharray="4 3"/>')
    body.append(_text(x - 4, top + 8, f"Hạn chót {table_date(deadline)}", "end", 15))
    dates_y = top + plot_h + 22
    body.append(_text(left, dates_y, table_date(start), "start", 15))
    body.append(_text(width - 10, dates_y, table_date(end), "end", 15))
    legend = "xanh: nộp đúng hạn · đỏ: nộp sau hạn"
    body.append(
        _text(width / 2, height - 12, legend, "middle", 15) if narrow else _text(width / 2, dates_y, legend, "middle", 15)
    )
    return height, body


def tasks(campaign: Campaign, reports: tuple[Report, ...]) -> Markup:
    """How many results the units reported for each task: HTML bars, whose names wrap on a phone like any text."""
    counts = [(t.name, sum(1 for r in reports for i in r.items if i.task == t.id)) for t in campaign.tasks]
    most = max((n for _, n in counts), default=0) or 1
    title = "Số kết quả các đơn vị báo cáo theo nhiệm vụ"
    description = "; ".join(f"{name}: {n}" for name, n in counts) + "."
    rows = "".join(
        f'<li><span class="thidua-bar-name">{index}. {escape(name)}</span>'
        f'<span class="thidua-bar"><span class="thidua-bar-fill" style="width: {80 * n / most:.1f}%"></span> {n}</span></li>'
        for index, (name, n) in enumerate(counts, 1)
    )
    caption = f'<p class="thidua-chart-caption"><strong>{escape(title)}.</strong> {escape(description)}</p>'
    return Markup(f'<div class="thidua-chart"><ul class="thidua-bars" aria-hidden="true">{rows}</ul>{caption}</div>')
