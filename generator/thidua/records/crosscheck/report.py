"""Checks of a unit's report of results against the tasks of its campaign."""

from __future__ import annotations

from ..record import Record
from ..schema_messages import suggest
from .common import checks, unique
from .lookup import Lookup


@checks("report")
def check_report(c: Lookup, r: Record) -> None:
    campaign = c.ref(r, ("campaign",), "campaign")
    c.ref(r, ("unit",), "unit")
    unique(c, r, ("items",), "id", "Mã kết quả")
    if campaign is None:
        return
    tasks = {t["id"]: [s["id"] for s in t.get("subtasks", [])] for t in campaign.data["tasks"]}
    for i, item in enumerate(r.data["items"]):
        if item["task"] not in tasks:
            c.add(
                r,
                ("items", i, "task"),
                "unknown-task",
                f"«{item['task']}» không phải nhiệm vụ của phong trào «{campaign.id}»; "
                f"hãy chọn một trong: {', '.join(tasks)}.{suggest(item['task'], tasks)}",
            )
        elif "subtask" in item and item["subtask"] not in tasks[item["task"]]:
            subs = tasks[item["task"]]
            choice = (
                f"hãy chọn một trong: {', '.join(subs)}" if subs else "nhiệm vụ này không có nội dung con, hãy xóa dòng subtask"
            )
            c.add(
                r,
                ("items", i, "subtask"),
                "unknown-subtask",
                f"«{item['subtask']}» không phải nội dung con của nhiệm vụ «{item['task']}»; {choice}.",
            )
