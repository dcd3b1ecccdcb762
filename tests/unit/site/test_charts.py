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
    svg = _svg(tasks(PLAN, REGISTRY.reports[CAMPAIGN]))
    description = svg.find("{http://www.w3.org/2000/svg}desc").text  # type: ignore[union-attr]
    assert description is not None and description.startswith("Cải cách thể chế: 3; Cải cách TTHC")
    assert description.count(";") == len(PLAN.tasks) - 1
