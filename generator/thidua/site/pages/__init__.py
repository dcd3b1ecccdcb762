"""The portal's generated pages, one module per kind of page."""

from __future__ import annotations

from collections.abc import Callable

from ..page import Page, Site
from . import campaign_boards, documents, exports, home, honour, lookup, plan, posting, procedure, stories, units

# Each renders a set of pages independent of the others, so that sets can be rendered side by side.
# The order is the order of the site's navigation within each section.
PAGE_SETS: tuple[Callable[[Site], list[Page]], ...] = (
    home.pages,
    plan.pages,
    campaign_boards.dossier_pages,
    campaign_boards.eligibility_pages,
    posting.pages,
    campaign_boards.task_pages,
    honour.pages,
    procedure.pages,
    stories.pages,
    units.pages,
    lookup.pages,
    exports.pages,
    documents.pages,
)
# The longest to render at province scale, longest first: started first when sets are rendered side by side.
LONGEST = (campaign_boards.eligibility_pages, exports.pages, campaign_boards.dossier_pages, units.pages, lookup.pages)
# Files published byte for byte, made when written (the preview makes them after showing the pages).
MADE_LATER = (exports.pages, documents.pages)
