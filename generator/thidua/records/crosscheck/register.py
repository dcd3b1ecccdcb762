"""Checks of a register of dated evidence items (sổ minh chứng): who keeps it, whose each item is, its scans."""

from __future__ import annotations

from ..record import Record
from .common import checks, unique
from .lookup import Lookup


@checks("register")
def check_register(c: Lookup, r: Record) -> None:
    c.ref(r, ("kept_by",), "unit")
    unique(c, r, ("items",), "id", "Mã minh chứng")
    kind = "unit" if r.data["subjects"] == "units" else "person"
    for i, item in enumerate(r.data["items"]):
        c.ref(r, ("items", i, "subject"), kind)
        if "file" in item:
            c.file(r, ("items", i, "file"))
