"""Large boards split by proposing unit: a summary page, and one page per unit that proposed nominations.

A commune's board (a few dozen dossiers) stays one page; a province's (ten thousand) would be tens of megabytes.
"""

from __future__ import annotations

from ...evaluation.results import CampaignResult
from ...model.campaign import Campaign
from ...model.records import Nomination

PAGE_ROWS = 200  # a board with more nominations than this is split by proposing unit
DOSSIERS, ELIGIBILITY = "ho-so", "xet-chon"


def paged(result: CampaignResult) -> bool:
    return len(result.nominations) > PAGE_ROWS


def board_path(c: Campaign, board: str, unit: str | None = None) -> str:
    """A board's Markdown path from docs/: the whole board or its summary, or one proposing unit's page."""
    return f"phong-trao/{c.id}/{board}.md" if unit is None else f"phong-trao/{c.id}/{board}/{unit}.md"


def detail_path(c: Campaign, result: CampaignResult, nomination: Nomination) -> str:
    """Where a nomination's eligibility detail is, from docs/ (with its anchor)."""
    unit = nomination.proposed_by if paged(result) else None
    return f"{board_path(c, ELIGIBILITY, unit)}#{nomination.id}"
