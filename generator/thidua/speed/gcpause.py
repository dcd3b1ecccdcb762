"""Pause Python's cycle collector while a large tree is read, evaluated or rendered.

Those steps allocate millions of small objects that live until the end (the records, the
model, the pages), so the collector's full passes find nothing to free but walk the whole
heap again and again: about a fifth of a cold run at 10,000 nominations. Reference counting
still frees everything acyclic at once. When the step ends the collector is only enabled again: it runs
at its next threshold, not at once.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_collection() -> Iterator[None]:
    """Within the block the cycle collector does not run (nested blocks are fine)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
