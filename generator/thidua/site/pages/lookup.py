"""The lookup page: names of people and units found when typed without diacritics.

Material's search needs exact diacritics; this page ships its own small index
(folded to ASCII at build time) and a local script, with no request leaving the site.
"""

from __future__ import annotations

import json

from ...text import fold, name_sort_key, sort_key
from ..page import Page, Site
from .units import UNIT_KINDS


def index(site: Site) -> str:
    """Public names only: people (name, position, unit) and units (name, kind)."""
    registry = site.registry
    entries = []
    for unit in sorted(registry.units.values(), key=lambda u: sort_key(u.name)):
        entries.append(
            {"name": unit.name, "detail": UNIT_KINDS[unit.kind], "fold": fold(unit.name), "url": f"../don-vi/{unit.id}/"}
        )
    for person in sorted(registry.people.values(), key=lambda p: name_sort_key(p.name)):
        unit = registry.units[person.unit]
        detail = ", ".join(x for x in (person.position, unit.name) if x)
        entries.append(
            {
                "name": person.name,
                "detail": detail,
                "fold": f"{fold(person.name)} {fold(unit.name)}",
                "url": f"../don-vi/{unit.id}/#thanh-vien",
            }
        )
    # One entry per line: a diff shows the names that changed, and json's C encoder (which indent turns off) writes it.
    lines = ",\n".join(json.dumps(entry, ensure_ascii=False, sort_keys=True) for entry in entries)
    return f"[\n{lines}\n]\n" if entries else "[]\n"


def pages(site: Site) -> list[Page]:
    return [
        Page("tra-cuu/index.md", site.render("lookup.md.j2"), ("Tra cứu",)),
        Page("tra-cuu/du-lieu.json", index(site)),
    ]
