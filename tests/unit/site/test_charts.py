"""Charts drawn at build time: the numbers they state, and text from records escaped."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from xml.etree import ElementTree

from conftest import ROOT
from thidua.evaluation.evaluate import evaluate_campaign
from thidua.model import registry_from
from thidua.model.campaign import Task
from thidua.records.validate import validate_tree
from thidua.site.charts import submissions, tasks

CAMPAIGN = "chung-tay-cchc-2025"
REGISTRY = registry_from(validate_tree(ROOT).records)
PLAN = REGISTRY.campaigns[CAMPAIGN]


def _svg(markup: str) -> ElementTree.Element:
    return ElementTree.fromstring(markup[markup.index("<svg") : markup.index("</svg>") + len("</svg>")])


def test_submissions_chart_counts_before_and_after_the_deadline() -> None:
    """The dossier chart says how many dossiers came before and after the deadline, for screen readers too."""
    result = evaluate_campaign(REGISTRY, PLAN, dt.date(2025, 12, 20))
    svg = _svg(submissions(PLAN, result))
    ns = "{http://www.w3.org/2000/svg}"
    assert svg.get("role") == "img"
    assert svg.find(f"{ns}desc").text == "9 hồ sơ đã nộp, 8 trước hạn chót 05/12/2025, 1 sau hạn chót."  # type: ignore[union-attr]
    bars = [r for r in svg.iter(f"{ns}rect")]
    assert bars[-1].find(f"{ns}title").text == "08/12/2025: 9 hồ sơ, trong đó 1 sau hạn"  # type: ignore[union-attr]
    assert bars[-1].get("fill") == "#c62828" and bars[-2].get("fill") == "#1565c0"  # only the late part is red
    caption = "Hồ sơ đã nộp so với hạn chót.</strong> 9 hồ sơ đã nộp, 8 trước hạn chót 05/12/2025, 1 sau hạn chót.</p>"
    assert caption in submissions(PLAN, result)


def test_tasks_chart_names_every_task_and_escapes_text() -> None:
    """The task chart lists every task with its count; a name with markup is shown as text."""
    hostile = replace(PLAN, tasks=(Task("x", "<script>alert(1)</script> & co"), *PLAN.tasks[1:]))
    markup = tasks(hostile, REGISTRY.reports[CAMPAIGN])
    assert "<script>" not in markup and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in markup
    chart = tasks(PLAN, REGISTRY.reports[CAMPAIGN])
    caption = chart[chart.index('<p class="thidua-chart-caption">') :]
    assert "</strong> Cải cách thể chế: 3; Cải cách TTHC" in caption
    assert caption.count(";") == len(PLAN.tasks) - 1
    bars = ElementTree.fromstring(chart[chart.index("<ul") : chart.index("</ul>") + len("</ul>")])
    names = [span.text for span in bars.iter("span") if span.get("class") == "thidua-bar-name"]
    assert names == [f"{n}. {t.name}" for n, t in enumerate(PLAN.tasks, 1)]


def test_submissions_chart_is_drawn_for_wide_and_narrow_screens_with_the_same_text_size() -> None:
    """A phone gets a chart drawn 360 units wide, so its 15-unit text is not shrunk to 8 px; both say the same."""
    result = evaluate_campaign(REGISTRY, PLAN, dt.date(2025, 12, 20))
    markup = submissions(PLAN, result)
    ns = "{http://www.w3.org/2000/svg}"
    wide = _svg(markup)
    narrow = _svg(markup[markup.index('<svg class="thidua-chart-narrow"') :])
    assert (wide.get("class"), narrow.get("class")) == ("thidua-chart-wide", "thidua-chart-narrow")
    assert (wide.get("viewBox") or "").split()[2] == "640" and (narrow.get("viewBox") or "").split()[2] == "360"
    assert {t.get("font-size") for t in narrow.iter(f"{ns}text")} == {"15"}
    assert [t.get("title") for t in wide.iter(f"{ns}rect")] == [t.get("title") for t in narrow.iter(f"{ns}rect")]
