"""Every official document of a campaign, and where its Word template is found."""

from __future__ import annotations

from pathlib import Path

from ..evaluation.results import CampaignResult
from ..model import Registry
from .decision import decision_documents
from .docx_render import render
from .facts import Planned
from .meeting import meeting_documents
from .proposal import proposal_documents

DEFAULTS = Path(__file__).parent / "templates"
OVERRIDES = "templates/documents"  # under the repository's root: a commune's own templates, by the same file names


def campaign_documents(registry: Registry, result: CampaignResult) -> list[Planned]:
    """The Tờ trình of each proposing unit, the Biên bản of each council session, each decision with its list and the
    Giấy khen of its awardees, in that order."""
    return proposal_documents(registry, result) + meeting_documents(registry, result) + decision_documents(registry, result)


def template_path(root: Path | None, name: str) -> Path:
    """The repository's own template of that name (``templates/documents/``) where it has one, else thidua's."""
    if root is not None and (own := root / OVERRIDES / name).is_file():
        return own
    return DEFAULTS / name


def docx_bytes(planned: Planned, root: Path | None) -> bytes:
    """The document as a Word file."""
    return render(
        template_path(root, planned.template),
        planned.facts(),
        day=planned.day,
        author=planned.author,
        title=planned.label,
        offset=planned.offset,
    )
