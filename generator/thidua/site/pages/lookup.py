"""The lookup page: names of people and units found when typed without diacritics.

The page ships its own small index, folded to ASCII at build time, and a local script (docs/assets/tra-cuu.js),
with no request leaving the site. A query downloads only what it needs, whatever the number of names:

- ``tra-cuu/du-lieu/tu-<letter>.json``: for every folded word starting with that letter, the entries holding it
  (positions in the sorted list, written as gaps). Each word typed loads the file of its first letter; an entry is
  found when every word typed begins one of its words ("ng t lan" finds Nguyễn Thị Lan).
- ``tra-cuu/du-lieu/<n>.json``: the entries themselves, in lookup order, BLOCK to a file; only the blocks of the
  results shown are loaded.
"""

from __future__ import annotations

import json

from ...text import fold, name_sort_key, sort_key
from ..page import Page, Site
from .units import UNIT_KINDS

FOLDER = "tra-cuu/du-lieu"
BLOCK = 32  # entries a file: the 50 results shown load at most 50 such files (about 5 KB each)


def awards(site: Site) -> dict[str, list[dict[str, str]]]:
    """Each nominee's awards standing on the honour board (revoked ones left out): what, which year, the entry's link."""
    found: dict[str, list[dict[str, str]]] = {}
    for c in site.campaigns():
        result = site.results[c.id]
        nominations = {n.id: n for n in site.registry.nominations.get(c.id, ())}
        for g in result.granted:
            if g.revoked_by:
                continue
            award = c.award(g.award)
            entry = {
                "label": f"{award.name if award else g.award} ({c.year})",
                "url": f"../bang-vang/{c.year}/#{c.id}-{g.nomination}",
            }
            found.setdefault(nominations[g.nomination].nominee, []).append(entry)
    return found


def entries(site: Site) -> list[dict[str, object]]:
    """Public names only: units (name, kind), then people (name, position, unit), each in Vietnamese order; with
    the awards of each on the honour board."""
    registry = site.registry
    honours = awards(site)
    found: list[dict[str, object]] = []
    for unit in sorted(registry.units.values(), key=lambda u: sort_key(u.name)):
        found.append(
            {"name": unit.name, "detail": UNIT_KINDS[unit.kind], "fold": fold(unit.name), "url": f"../don-vi/{unit.id}/"}
            | ({"awards": honours[unit.id]} if unit.id in honours else {})
        )
    for person in sorted(registry.people.values(), key=lambda p: name_sort_key(p.name)):
        unit = registry.units[person.unit]
        detail = ", ".join(x for x in (person.position, unit.name) if x)
        found.append(
            {
                "name": person.name,
                "detail": detail,
                "fold": f"{fold(person.name)} {fold(unit.name)}",
                "url": f"../don-vi/{unit.id}/#thanh-vien",
            }
            | ({"awards": honours[person.id]} if person.id in honours else {})
        )
    return found


def word_index(found: list[dict[str, object]]) -> dict[str, dict[str, list[int]]]:
    """For each first letter, each folded word starting with it and the entries holding it, as gaps (first, then steps)."""
    positions: dict[str, list[int]] = {}
    for number, entry in enumerate(found):
        for word in sorted(set(str(entry["fold"]).split())):
            positions.setdefault(word, []).append(number)
    letters: dict[str, dict[str, list[int]]] = {}
    for word in sorted(positions):
        held = positions[word]
        letters.setdefault(word[0], {})[word] = [held[0]] + [b - a for a, b in zip(held, held[1:], strict=False)]
    return letters


def _lines(items: list[str], brackets: str) -> str:
    # One item per line: a diff shows the names that changed, and json's C encoder (which indent turns off) writes it.
    return f"{brackets[0]}\n" + ",\n".join(items) + f"\n{brackets[1]}\n" if items else f"{brackets}\n"


def pages(site: Site) -> list[Page]:
    found = entries(site)
    letters = word_index(found)
    page = site.render("lookup.md.j2", folder="du-lieu/", block=BLOCK, letters="".join(letters))
    blocks = [
        Page(
            f"{FOLDER}/{start // BLOCK}.json",
            _lines([json.dumps(e, ensure_ascii=False, sort_keys=True) for e in found[start : start + BLOCK]], "[]"),
        )
        for start in range(0, len(found), BLOCK)
    ]
    words = [
        Page(f"{FOLDER}/tu-{letter}.json", _lines([f"{json.dumps(w)}: {json.dumps(gaps)}" for w, gaps in held.items()], "{}"))
        for letter, held in letters.items()
    ]
    return [Page("tra-cuu/index.md", page, ("Tra cứu",)), *blocks, *words]
