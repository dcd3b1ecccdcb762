"""The citizens' page «Cách xét chọn»: each step of the procedure in plain words, with the provisions of the legal
texts in force that are its basis (read from records/laws), and whether each was checked against the original."""

from __future__ import annotations

from ...model.commune import Law, Provision
from ...vocabulary import Standing, Step
from ..page import Page, Site


def _bases(site: Site) -> dict[Step, list[tuple[Law, Provision]]]:
    """The provisions of the texts in force on the page's day, by step, in id order of the texts."""
    found: dict[Step, list[tuple[Law, Provision]]] = {step: [] for step in Step}
    for _, law in sorted(site.registry.laws.items()):
        if law.in_force(site.as_of):
            for provision in law.provisions:
                for step in provision.steps:
                    found[Step(step)].append((law, provision))
    return found


def pages(site: Site) -> list[Page]:
    text = site.render(
        "procedure.md.j2", steps=list(Step), bases=_bases(site), Step=Step, Standing=Standing, campaigns=site.campaigns()
    )
    return [Page("cach-xet-chon/index.md", text, ("Cách xét chọn",))]
