"""Evidence items that count under one requirement only ("mỗi minh chứng chỉ được kê khai ở một tiêu chí").

A nominee meets the criteria of an award together only if distinct items can be given to every requirement
that needs them. Each criterion's rule is written as alternatives (``model.campaign.alternatives``); the
search tries the combinations of one alternative (or none) per criterion, best first, and keeps the one that
meets the most mandatory criteria, then the most points, whose item demands an exact assignment can serve
(``matching.assign``, a maximum flow). Criteria met on their own but not in that combination are not met:
their items went to another criterion.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model.campaign import MAX_CHOICES, MAX_WAYS, Compare, Criterion, Rule, alternatives
from ..model.commune import Item
from .findings import MET, NOT_MET, UNKNOWN, Finding, Subject
from .matching import Demand, assign
from .rules import RuleChecker


@dataclass(frozen=True)
class _Way:
    """One alternative of a criterion: the item demands it makes, and whether its other leaves are met."""

    demands: tuple[Demand, ...]
    items: dict[str, Item]  # every item a demand may take, by key (register and id)
    possible: bool  # met today if it gets the items it demands
    incomplete: bool  # not ruled out: a source not yet complete or a leaf not yet known, so it may still be met


def settle(checker: RuleChecker, subject: Subject, criteria: Sequence[Criterion], findings: Sequence[Finding]) -> list[Finding]:
    """The findings once items count only once: unchanged where no criterion needs items, else as the best assignment."""
    every: list[list[_Way]] = [
        [_way(checker, subject, criterion, leaves) for leaves in alternatives(criterion.rule)[:MAX_WAYS]]
        if finding.state == MET
        else []
        for criterion, finding in zip(criteria, findings, strict=True)
    ]
    options = [[way for way in ways if way.possible] for ways in every]
    if not any(way.demands for ways in options for way in ways):
        return list(findings)
    best = _best(criteria, options)
    settled = []
    picks, given = best if best else ((None,) * len(criteria), {})
    for index, finding in enumerate(findings):
        pick = picks[index]
        if pick is not None:
            way = options[index][pick]
            used = [way.items[i] for d in way.demands for i in given.get(d.key, ())]
            settled.append(replace(finding, used=tuple(used), settled=True))
        elif finding.state == MET:
            incomplete = any(way.incomplete for way in every[index])
            settled.append(
                Finding(
                    UNKNOWN if incomplete else NOT_MET,
                    f"{finding.reason}; nhưng không còn đủ minh chứng riêng: mỗi minh chứng chỉ được tính cho "
                    "một tiêu chí, và các minh chứng này đã được tính cho tiêu chí khác",
                    finding.facts,
                    finding.details,
                    settled=True,
                )
            )
        else:
            settled.append(finding)
    return settled


def _way(checker: RuleChecker, subject: Subject, criterion: Criterion, leaves: tuple[Rule, ...]) -> _Way:
    """The demands of one alternative; possible when its other leaves are met and its sources hold enough items."""
    demands: list[Demand] = []
    items: dict[str, Item] = {}
    possible, ruled_out, pending = True, False, False
    for index, leaf in enumerate(leaves):
        evidence = checker.evidence.get(leaf.evidence) if isinstance(leaf, Compare) else None
        if isinstance(leaf, Compare) and evidence is not None and evidence.dated_items and leaf.minimum is not None:
            fact = checker.reader.read(evidence, subject.kind, subject.id)
            limit, _ = checker.threshold(leaf.minimum, subject)
            if limit is None:  # no target yet: not known
                possible, pending = False, True
                continue
            pool = [i for i in fact.items if not evidence.best or (i.value is not None and i.value >= limit)]
            count = 1 if evidence.best else int(limit)
            pending = pending or not fact.complete
            if count > len(pool):
                possible = False
                ruled_out = ruled_out or fact.complete
                continue
            items |= {item.key: item for item in pool}
            demands.append(Demand(f"{criterion.id}#{index}", count, frozenset(item.key for item in pool)))
        else:
            state = checker.check(leaf, subject).state
            possible = possible and state == MET
            ruled_out = ruled_out or state == NOT_MET
            pending = pending or state == UNKNOWN
    return _Way(tuple(demands), items, possible, pending and not ruled_out)


def _best(
    criteria: Sequence[Criterion], options: list[list[_Way]]
) -> tuple[tuple[int | None, ...], dict[str, tuple[str, ...]]] | None:
    """The combination meeting the most mandatory criteria, then the most points, that an assignment serves."""
    choices = [list(range(len(ways))) + [None] for ways in options]
    best: tuple[tuple[int, float], tuple[int | None, ...], dict[str, tuple[str, ...]]] | None = None
    for combination in itertools.islice(itertools.product(*choices), MAX_CHOICES):
        score = (
            sum(1 for c, pick in zip(criteria, combination, strict=True) if pick is not None and c.mandatory),
            sum(c.points or 0 for c, pick in zip(criteria, combination, strict=True) if pick is not None),
        )
        if best is not None and score <= best[0]:
            continue
        demands = [d for ways, pick in zip(options, combination, strict=True) if pick is not None for d in ways[pick].demands]
        given = assign(demands)
        if given is not None:
            best = (score, combination, given)
    return (best[1], best[2]) if best else None
