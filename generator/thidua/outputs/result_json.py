"""The evaluation of a campaign as stable JSON (schemas/result.schema.json), for the site and other tools."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..evaluation.describe import standing_label
from ..evaluation.findings import Finding
from ..evaluation.results import CampaignResult, NominationResult
from ..model import Registry
from ..vocabulary import NomineeKind, Standing, Timing

VERSION = 1


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _nominee(registry: Registry, kind: NomineeKind, ident: str) -> dict[str, Any]:
    if kind == NomineeKind.COLLECTIVE:
        return {"id": ident, "name": registry.units[ident].name, "unit": ident}
    person = registry.people[ident]
    return {"id": ident, "name": person.name, "unit": person.unit}


def _nomination(registry: Registry, result: CampaignResult, r: NominationResult) -> dict[str, Any]:
    n = r.nomination
    criteria = {c.id: c for c in result.campaign.criteria}
    return {
        "id": n.id,
        "award": n.award,
        "kind": n.kind,
        "nominee": _nominee(registry, n.kind, n.nominee),
        "proposed_by": {"id": n.proposed_by, "name": registry.units[n.proposed_by].name},
        "fictional": n.fictional,
        "dossier": {
            "complete": r.dossier.complete,
            "missing": list(r.dossier.missing),
            "problems": list(r.dossier.problems),
            "to_send": list(r.dossier.to_send),
            "timing": r.dossier.timing,
            "submitted_at": _iso(r.dossier.submitted_at),
            "landed_at": _iso(r.dossier.landed_at),
            "disagreement": r.dossier.disagreement,
            "documents": [
                {
                    "type": d.type,
                    "number": d.number,
                    "date": _iso(d.date),
                    "file": d.file,
                    "signer": registry.people[d.signer.person].name if d.signer.person in registry.people else d.signer.name,
                }
                for d in n.documents
            ],
        },
        "criteria": [
            {
                "id": c.criterion,
                "text": criteria[c.criterion].text,
                "mandatory": c.mandatory,
                "state": c.outcome.state,
                "state_name": c.outcome.state.label,
                "reason": c.outcome.reason,
                "evidence": [
                    {"id": f.evidence, "name": f.name, "value": f.value, "shown": f.shown, "source": f.source}
                    for f in c.outcome.facts
                ],
                **_explained(c.outcome),
            }
            for c in r.criteria
        ],
        "points": r.points,
        "blocks": list(r.blocks),
        "vote": None
        if r.vote is None
        else {
            "in_favour": r.vote.in_favour,
            "denominator": r.vote.denominator,
            "passed": r.vote.passed,
            "session": r.vote.session,
        },
        "outcome": r.outcome,
        "outcome_name": standing_label(result.campaign, r.nomination.award, r.outcome),
        "reasons": list(r.reasons),
    }


def _explained(finding: Finding) -> dict[str, Any]:
    """What explains a finding beyond its reason, only where there is something: the lines of a count, the items counted."""
    items = finding.counted
    found: dict[str, Any] = {}
    if finding.details:
        found["details"] = list(finding.details)
    if items:
        found["items"] = [
            {"id": i.id, "name": i.name, "date": _iso(i.date), "issuer": i.issuer, "level": i.level, "register": i.register}
            for i in items
        ]
    return found


def total_amount(result: CampaignResult) -> int | None:
    """The money the campaign's decisions grant, revoked grants left out; None when no grant carries money."""
    amounts = [g.amount for g in result.granted if g.revoked_by is None and g.amount is not None]
    return sum(amounts) if amounts else None


def counts(result: CampaignResult) -> dict[str, int]:
    """The numbers a campaign card shows."""
    sent = [r for r in result.nominations if r.dossier.timing != Timing.NOT_SUBMITTED]
    return {
        "units_taking_part": len(result.participants),
        "nominations": len(result.nominations),
        "dossiers_sent": len(sent),
        "complete": sum(r.dossier.complete for r in sent),
        "eligible": sum(r.outcome.eligible for r in result.nominations),
        "winners": sum(r.outcome == Standing.WINNER for r in result.nominations),
    }


def as_dict(registry: Registry, result: CampaignResult) -> dict[str, Any]:
    c = result.campaign
    meeting = result.meeting
    council = registry.councils.get(meeting.council) if meeting else None
    decisions = {d.id: d for d in registry.decisions.get(c.id, ())}
    return {
        "version": VERSION,
        "campaign": {
            "id": c.id,
            "name": c.name,
            "year": c.year,
            "deadline": _iso(c.deadline),
            "as_of": _iso(result.as_of),
            "state": result.state,
            "days_left": result.days_left,
        },
        "counts": counts(result),
        "nominations": [_nomination(registry, result, r) for r in result.nominations],
        "awards": [
            {
                "award": a.award,
                "kind": a.kind,
                "quota": a.quota,
                "ranked": list(a.ranked),
                "winners": list(a.winners),
                "tied": list(a.tied),
                "resolution": a.resolution,
                "resolved_group": list(a.resolved_group),
                "problems": list(a.problems),
                **({"group": a.group} if a.group is not None else {}),
            }
            for a in result.awards
        ],
        "council": None
        if meeting is None or council is None
        else {
            "council": council.id,
            "name": council.name,
            "meeting": meeting.id,
            "date": _iso(meeting.date),
            "members": len(council.members),
            "present": len(meeting.present),
            "absent": len(meeting.absent),
            "vote_mode": council.vote_mode,
            "threshold_percent": council.threshold_percent,
            "inclusive": council.inclusive,
            "denominator": council.denominator,
            "sessions": [
                {
                    "meeting": m.id,
                    "date": _iso(m.date),
                    "present": len(m.present),
                    "absent": len(m.absent),
                    "minutes": m.minutes_number,
                }
                for m in result.sessions
            ],
        },
        "decision": {
            "granted": [
                {
                    "nomination": g.nomination,
                    "award": g.award,
                    "decision": g.decision,
                    "number": decisions[g.decision].number,
                    "date": _iso(decisions[g.decision].date),
                    "revoked_by": g.revoked_by,
                    "revoked_reason": g.revoked_reason,
                    "amount": g.amount,
                }
                for g in result.granted
            ],
            "differences": list(result.differences),
            "total_amount": total_amount(result),
        },
    }


_LIST = "\0nominations\0"


def dumps(registry: Registry, result: CampaignResult) -> str:
    """Byte-stable JSON: sorted keys, UTF-8 text, indented, with one line per nomination.

    A line per nomination keeps the file readable and its diffs small, and lets the C encoder
    write each one: a province-wide campaign gives tens of megabytes.
    """
    data = as_dict(registry, result)
    nominations = data["nominations"]
    data["nominations"] = _LIST
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    lines = ",\n".join("    " + json.dumps(n, ensure_ascii=False, sort_keys=True) for n in nominations)
    return text.replace(json.dumps(_LIST), f"[\n{lines}\n  ]" if nominations else "[]") + "\n"
