"""The portal's generated pages, one module per kind of page."""

from __future__ import annotations

from . import campaign_boards, home, honour, lookup, plan, stories, units

MODULES = (home, plan, campaign_boards, honour, stories, units, lookup)
