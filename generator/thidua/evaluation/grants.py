"""What the decisions of a campaign grant, as of the day of evaluation: each nomination's first decision granting
it its award, unless revoked."""

from __future__ import annotations

from ..model import Registry
from ..model.records import Decision


def granted(registry: Registry, campaign: str) -> dict[tuple[str, str], Decision]:
    """(award, nomination) -> the first decision granting it, in the order decisions were signed; revoked grants left out."""
    decisions = sorted(registry.decisions.get(campaign, ()), key=lambda d: (d.date, d.id))
    revoked = {(r.decision, r.nomination) for d in decisions if d.kind == "huy-bo" for r in d.revokes}
    found: dict[tuple[str, str], Decision] = {}
    for d in decisions:
        for grant in d.awards if d.kind == "khen-thuong" else ():
            if (d.id, grant.nomination) not in revoked:
                found.setdefault((grant.award, grant.nomination), d)
    return found
