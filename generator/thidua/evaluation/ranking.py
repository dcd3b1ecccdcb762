"""Where a nomination stands in an award's ranking, and which winners a nomination still waiting could push out.

A nomination still waiting (its facts, its dossier before the deadline) may yet qualify. A winner is only a winner
if no such nomination, at the best it could reach, would take the place: otherwise it stays "chưa đủ căn cứ".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection

from ..model.campaign import Award, Campaign, ValueRanking
from ..vocabulary import CriterionState, NomineeKind
from .council import Selection
from .evidence import EvidenceReader
from .results import NominationResult

Results = dict[str, NominationResult]
Key = Callable[[str], tuple[float, ...]]
Settle = Callable[[list[str], Key, int], Selection]
_NAMED = 5  # rivals named in a reason; the rest are counted


def ranking_key(campaign: Campaign, award: Award, results: Results, reader: EvidenceReader, hopeful: Collection[str] = ()) -> Key:
    """Rank by votes, by points then votes, or by a measured value; then by the plan's declared tie-breakers.

    Smaller is better; what stays equal is a tie. For a ``hopeful`` nomination (still waiting) the key is the best
    it could reach: criteria not yet known counted as met, a value not yet known ranked first. Keys are worked out
    once per nomination.
    """
    weights = campaign.criterion_points
    found: dict[str, tuple[float, ...]] = {}

    def key(ident: str) -> tuple[float, ...]:
        if ident in found:
            return found[ident]
        r = results[ident]
        counted = (CriterionState.MET, CriterionState.UNKNOWN) if ident in hopeful else (CriterionState.MET,)
        points = float(sum(weights.get(c.criterion) or 0 for c in r.criteria if c.outcome.state in counted))
        votes = -float(r.vote.in_favour if r.vote else 0)
        if isinstance(award.ranking, ValueRanking):
            main = [_value(award.ranking, r, reader)]
        else:
            main = [-points, votes] if award.ranking == "points" else [votes]
        for breaker in campaign.tie_breakers:
            if breaker == "earlier-submission":
                main.append(r.nomination.submitted_at.timestamp() if r.nomination.submitted_at else math.inf)
            elif breaker == "more-points":
                main.append(-points)
            else:
                main.append(-float(sum(c.outcome.state in counted for c in r.criteria)))
        found[ident] = tuple(main)
        return found[ident]

    return key


def _value(ranking: ValueRanking, r: NominationResult, reader: EvidenceReader) -> float:
    """The measured value as a key: higher first when the plan says so; not known yet, first of all."""
    evidence = reader.campaign.evidence_named(ranking.evidence)
    value = reader.read(evidence, r.nomination.kind, r.nomination.nominee).value if evidence else None
    if not isinstance(value, float):
        return -math.inf
    return -value if ranking.highest else value


def pushed_out(
    campaign: Campaign,
    award: Award,
    ranked: list[str],
    waiting: list[str],
    count: int,
    selection: Selection,
    settle: Settle,
    results: Results,
    reader: EvidenceReader,
) -> dict[str, str]:
    """The winners a waiting nomination could still push out, each with the reason naming who could rank level or above.

    Before a council, a nomination not yet voted on is not ranked: the council votes on the dossiers in front of it.
    """
    voted = campaign.council and not isinstance(award.ranking, ValueRanking)
    rivals = [ident for ident in waiting if not voted or results[ident].vote is not None]
    if not rivals or not selection.winners:
        return {}
    best = ranking_key(campaign, award, results, reader, set(rivals))
    safe = set(settle(ranked + rivals, best, count).winners)
    found: dict[str, str] = {}
    for ident in selection.winners:
        if ident not in safe:
            above = sorted(_name(reader, results[r]) for r in rivals if best(r) <= best(ident)) or sorted(
                _name(reader, results[r]) for r in rivals
            )
            named = ", ".join(above[:_NAMED]) + (f" và {len(above) - _NAMED} hồ sơ khác" if len(above) > _NAMED else "")
            found[ident] = f"Chưa chắc trong số lượng khen: hồ sơ của {named} còn chờ kết quả và có thể xếp ngang hoặc trên."
    return found


def _name(reader: EvidenceReader, r: NominationResult) -> str:
    n = r.nomination
    registry = reader.registry
    found = registry.people.get(n.nominee) if n.kind == NomineeKind.INDIVIDUAL else registry.units.get(n.nominee)
    return found.name if found else n.nominee
