"""A person disciplined in a year is not rated above the level the scale allows for that year (the scale says which, and
on what basis): each rating entry is checked against every discipline register."""

from __future__ import annotations

import datetime as dt

from ...text import table_date
from ..record import Record
from .common import day
from .lookup import Lookup


def disciplined_ratings(c: Lookup, r: Record, scale: Record) -> None:
    """Entries rated above ``when_disciplined.at_most`` for someone disciplined in the rating's year."""
    capped = scale.data["when_disciplined"]
    levels = [level["id"] for level in scale.data["levels"]]
    if capped["at_most"] not in levels:
        return
    ceiling = levels.index(capped["at_most"])
    year = (dt.date(r.data["year"], 1, 1), dt.date(r.data["year"], 12, 31))
    cases = _reprimands(c, year)
    names = {level["id"]: level["name"] for level in scale.data["levels"]}
    law = c.get("law", capped["basis"]["law"])
    basis = f"{law.data['kind']} {law.data['number']}" if law else capped["basis"]["law"]
    for i, entry in enumerate(r.data["entries"]):
        value = entry["value"]
        if entry["subject"] in cases and value in levels and levels.index(value) < ceiling:
            register, start = cases[entry["subject"]]
            c.add(
                r,
                ("entries", i, "value"),
                "rating-disciplined",
                f"Xếp loại «{names[value]}» cho người bị kỷ luật ngày {table_date(start)} ({register}); theo {basis}, người bị "
                f"kỷ luật trong năm không được xếp trên «{names[capped['at_most']]}». Hãy kiểm tra lại.",
            )


def _reprimands(c: Lookup, year: tuple[dt.date, dt.date]) -> dict[str, tuple[str, dt.date]]:
    """Who was disciplined (a decision of discipline) within the year: the register's name and the day it began."""
    found: dict[str, tuple[str, dt.date]] = {}
    for register in c.of_kind("discipline", None):
        for case in register.data["cases"]:
            start = day(case.get("from"))
            if case.get("kind") == "ky-luat" and "person" in case and start and year[0] <= start <= year[1]:
                found.setdefault(case["person"], (register.data["name"], start))
    return found
